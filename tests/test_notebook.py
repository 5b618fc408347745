"""notebooks/walkthrough.ipynb runs top to bottom on the seeds and shows the Nvidia → OpenAI → Oracle loop."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"


def _text(output) -> str:
    if output.output_type == "stream":
        return output.text
    if output.output_type in ("display_data", "execute_result"):
        return "\n".join(str(output.data.get(kind, "")) for kind in ("text/plain", "text/markdown", "text/html"))
    if output.output_type == "error":
        return "\n".join(output.traceback)
    return ""


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook executed in a python3 kernel (the running interpreter), started from notebooks/."""
    out = tmp_path_factory.mktemp("walkthrough")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GRAPHBUILD_WALKTHROUGH_OUT", str(out))
        # "python3" kernels run with sys.executable (jupyter_client swaps a bare "python" argv for it).
        client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()  # raises CellExecutionError if any cell fails
    cells = ["\n".join(_text(o) for o in cell.get("outputs", [])) for cell in nb.cells if cell.cell_type == "code"]
    return nb, cells, out


def test_committed_notebook_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None


def test_notebook_prints_the_nvidia_openai_oracle_loop_with_evidence(executed):
    _, cells, _ = executed
    text = "\n".join(cells)
    chain = next(line for line in text.splitlines() if line.startswith("英伟达 Nvidia —") and "甲骨文 Oracle" in line)
    assert chain.index("→ OpenAI") < chain.index("→ 甲骨文 Oracle") < chain.rindex("→ 英伟达 Nvidia")
    assert "—investment" in chain.split("→ OpenAI")[0]
    evidence = [line for line in text.splitlines() if line.startswith("  [") and "seeds/" in line]
    assert len(evidence) >= 3
    assert any("甲骨文" in line and ("英偉達" in line or "英伟达" in line) for line in evidence)


def test_notebook_shows_deals_table_report_and_inline_view(executed):
    nb, cells, out = executed
    text = "\n".join(cells)
    assert "<table>" in cells[1] and "investor → target" in cells[1]
    assert "## Mutual pairs (2-cycles)" in text
    assert "<iframe srcdoc=" in cells[-1] and "vis-network" in cells[-1]
    for name in ("graph.graphml", "loops.json", "loops.md", "loops.html", "graph.html"):
        assert (out / name).is_file(), name
    assert not any(o.output_type == "error" for cell in nb.cells for o in cell.get("outputs", []))
