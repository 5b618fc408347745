"""The whole job in one call: text files → every output, in one folder.

``run_all`` chains the stages the single commands run one at a time
(extract → build → loops → report → view) and writes::

    OUT/deals.jsonl  OUT/graph.graphml  OUT/graph.json  OUT/loops.json
    OUT/loops.md     OUT/loops.html     OUT/graph.html

Bad input files are reported by extraction and skipped; a stage that fails
with a :class:`GraphbuildError` or cannot write its file (OSError) is reported
in one line and the stages that need its result are skipped. Every output is written atomically, so a failing stage never
damages what earlier stages (or an earlier run) wrote.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.errors import GraphbuildError
from graphbuild.progress import StageNote, Stages

STAGES = ("extract deals", "build graph", "find loops", "write report", "write view")


@dataclass
class Output:
    """One file the run wrote."""

    kind: str
    path: Path
    detail: str = ""


@dataclass
class RunSummary:
    """What a run read and wrote, and what went wrong (one line per problem)."""

    out_dir: Path
    documents: int = 0
    deals: int = 0
    companies: int = 0
    loops: int = 0
    max_length: int = 4
    outputs: list[Output] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def output(self, kind: str) -> Path | None:
        """The path of the first output of ``kind`` (deals, graph, loops, report, view), if written."""
        return next((o.path for o in self.outputs if o.kind == kind), None)

    def describe(self) -> str:
        """Lines for the terminal: the counts, where each output is, then the errors."""
        lines = [
            f"{self.documents} documents read, {self.deals} deal records, {self.companies} companies, "
            f"{self.loops} loops (up to {self.max_length} companies)"
        ]
        if self.outputs:
            kind_width = max(len(o.kind) for o in self.outputs)
            path_width = max(len(str(o.path)) for o in self.outputs)
            for o in self.outputs:
                lines.append(f"  {o.kind:<{kind_width}}  {str(o.path):<{path_width}}  {o.detail}".rstrip())
        else:
            lines.append("  no outputs written")
        if self.errors:
            lines.append(f"{len(self.errors)} error{'s' if len(self.errors) != 1 else ''}:")
            lines.extend(f"  {e}" for e in self.errors)
        return "\n".join(lines)


def run_all(
    paths: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    entities_file: str | os.PathLike | None = None,
    max_length: int = 4,
    progress: bool = True,
) -> RunSummary:
    """Extract, build, find loops, report and view ``paths`` into ``out_dir``; returns the summary."""
    from graphbuild.extract import extract_paths
    from graphbuild.graph import build_graph, write_graph
    from graphbuild.jsonio import write_deals
    from graphbuild.loops import find_loops, loops_document, write_loops
    from graphbuild.report import write_report
    from graphbuild.view import write_html

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise GraphbuildError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    summary = RunSummary(out_dir=out, max_length=max_length)
    stages = Stages(len(STAGES), enabled=progress)

    def save(note: StageNote, stage: str, kind: str, name: str, detail: str, write: Callable[[Path], object]) -> bool:
        """Write one output; a failure is one error line and the run goes on."""
        try:
            write(out / name)
        except GraphbuildError as e:
            summary.errors.append(f"{stage}: {e}")
        except OSError as e:
            summary.errors.append(f"{stage}: {out / name}: cannot write ({e.strerror or e})")
        else:
            summary.outputs.append(Output(kind, out / name, detail))
            return True
        note.warn(f"could not write {name}")
        return False

    def skip_rest(after: int, reason: str) -> RunSummary:
        for title in STAGES[after:]:
            stages.skip(title, reason)
        return summary

    # 1. extract: unreadable files are listed in result.errors and the rest goes on.
    with stages.stage(STAGES[0]) as note:
        try:
            result = extract_paths(list(paths), entities_file=entities_file, progress=progress)
        except (GraphbuildError, OSError) as e:
            summary.errors.append(f"extract: {e}")
            note.failed(str(e))
            return skip_rest(1, "no deals")
        summary.documents, summary.deals = result.documents, len(result.deals)
        summary.errors.extend(result.errors)
        note.done = f"{summary.deals} deals from {result.documents} documents"
        if result.errors:
            note.warn(f"{len(result.errors)} input file(s) could not be read")
        save(note, "extract", "deals", "deals.jsonl", f"{summary.deals} deal records", lambda p: write_deals(result.deals, p))

    # 2. graph
    with stages.stage(STAGES[1]) as note:
        try:
            graph = build_graph(result.deals, entities_file=entities_file)
        except (GraphbuildError, OSError) as e:
            summary.errors.append(f"build: {e}")
            note.failed(str(e))
            return skip_rest(2, "no graph")
        summary.companies = graph.number_of_nodes()
        note.done = f"{graph.number_of_nodes()} companies, {graph.number_of_edges()} deals"
        for name in ("graph.graphml", "graph.json"):
            save(note, "build", "graph", name, note.done, lambda p: write_graph(graph, p))

    # 3. loops
    found = None
    with stages.stage(STAGES[2]) as note:
        try:
            found = find_loops(graph, max_length=max_length)
        except (GraphbuildError, OSError) as e:
            summary.errors.append(f"loops: {e}")
            note.failed(str(e))
        else:
            summary.loops = len(found)
            note.done = f"{len(found)} loops of 2 to {max_length} companies"
            save(note, "loops", "loops", "loops.json", f"{len(found)} loops",
                 lambda p: write_loops(found, graph, p, max_length=max_length))

    # 4. report: loops.json's data plus how many documents were read (loops.json counts those with deals).
    if found is None:
        stages.skip(STAGES[3], "no loops")
    else:
        with stages.stage(STAGES[3]) as note:
            data = loops_document(found, graph, max_length=max_length)
            data["summary"]["documents_read"] = summary.documents
            written = [
                name
                for name in ("loops.md", "loops.html")
                if save(note, "report", "report", name, "ranked loops with evidence", lambda p: write_report(data, p))
            ]
            note.done = ", ".join(written) or "nothing written"

    # 5. view: needs only the graph; reuses the loops found above to highlight them.
    with stages.stage(STAGES[4]) as note:
        if save(note, "view", "view", "graph.html", "interactive graph, open in a browser",
                lambda p: write_html(graph, p, max_length=max_length, loops=found)):
            note.done = "graph.html"
    return summary
