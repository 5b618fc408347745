"""`graphbuild run`: the whole job over a small corpus with one unreadable file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.graph import read_graph
from graphbuild.jsonio import read_deals, read_json
from graphbuild.run import run_all

CORPUS = Path(__file__).resolve().parent / "fixtures" / "run_corpus"  # simplified + traditional texts, one binary file
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
OUTPUTS = ("deals.jsonl", "graph.graphml", "graph.json", "loops.json", "loops.md", "loops.html", "graph.html")


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """`python -m graphbuild run run_corpus -o OUT`, as a user runs it (progress on, stderr not a terminal)."""
    out = tmp_path_factory.mktemp("run") / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "graphbuild", "run", str(CORPUS), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return proc, out


def test_unreadable_file_is_one_error_line_and_exit_code_2(corpus_run):
    proc, _ = corpus_run
    assert proc.returncode == 2, proc.stderr
    named = [line for line in proc.stdout.splitlines() if "broken.bin" in line]
    assert len(named) == 1, proc.stdout
    assert "Traceback" not in proc.stderr


def test_the_readable_files_still_give_every_output(corpus_run):
    _, out = corpus_run
    for name in OUTPUTS:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    deals = read_deals(out / "deals.jsonl")
    docs = {Path(d.doc).name for d in deals}
    assert docs == {"simplified.txt", "cloud.txt"}
    pairs = {(d.investor.id, d.target.id) for d in deals}
    assert {("nvidia", "openai"), ("openai", "nvidia"), ("openai", "oracle"), ("oracle", "nvidia")} <= pairs


def test_graph_files_hold_the_same_graph(corpus_run):
    _, out = corpus_run
    graphml, node_link = read_graph(out / "graph.graphml"), read_graph(out / "graph.json")
    assert dict(graphml.nodes(data=True)) == dict(node_link.nodes(data=True))
    assert sorted(graphml.edges(keys=True)) == sorted(node_link.edges(keys=True))
    assert {"nvidia", "openai", "oracle"} <= set(graphml)


def test_loops_json_has_the_cross_document_loop(corpus_run):
    _, out = corpus_run
    data = read_json(out / "loops.json")
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, json.loads((SCHEMAS / "loops.schema.json").read_text(encoding="utf-8")))
    cycles = {tuple(m["id"] for m in lp["members"]): lp for lp in data["loops"]}
    loop = cycles[("nvidia", "openai", "oracle")]
    assert {Path(d).name for d in loop["documents"]} == {"simplified.txt", "cloud.txt"}
    assert ("nvidia", "openai") in cycles
    assert data["summary"]["max_length"] == 4


def test_reports_and_view_show_the_loop(corpus_run):
    _, out = corpus_run
    md = (out / "loops.md").read_text(encoding="utf-8")
    chain = next(line for line in md.splitlines() if line.startswith("**英伟达 Nvidia**") and "甲骨文 Oracle" in line)
    assert chain.index("OpenAI") < chain.index("甲骨文 Oracle") < chain.rindex("英伟达 Nvidia")
    assert "| Documents read | 2 |" in md  # the binary file was not read
    assert "英伟达 Nvidia → OpenAI → 甲骨文 Oracle → 英伟达 Nvidia" in (out / "loops.html").read_text(encoding="utf-8")
    assert "<html" in (out / "graph.html").read_text(encoding="utf-8").lower()


def test_summary_says_where_each_output_is(corpus_run):
    proc, out = corpus_run
    for name in OUTPUTS:
        assert any(line.split()[1:2] == [str(out / name)] for line in proc.stdout.splitlines()), (name, proc.stdout)
    assert proc.stdout.splitlines()[0].startswith("2 documents read")


def test_progress_shows_each_stage_on_stderr(corpus_run):
    proc, _ = corpus_run
    for number, stage in enumerate(("extract deals", "build graph", "find loops", "write report", "write view"), 1):
        assert f"[{number}/5] {stage}" in proc.stderr, proc.stderr


def test_a_failing_stage_leaves_earlier_outputs_intact(tmp_path, capsys):
    out = tmp_path / "out"
    (out / "loops.md").mkdir(parents=True)  # the report cannot be written there
    summary = run_all([CORPUS / "simplified.txt"], out, progress=False)
    assert len(summary.errors) == 1 and summary.errors[0].startswith("report:") and "loops.md" in summary.errors[0]
    assert len(read_deals(out / "deals.jsonl")) >= 2
    assert read_graph(out / "graph.graphml").number_of_edges() >= 2
    assert read_json(out / "loops.json")["loops"]
    assert (out / "graph.html").is_file()  # the view needs only the graph, so it still runs
    assert (out / "loops.md").is_dir() and not list((out / "loops.md").iterdir())
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left behind
    assert "loops.md" in summary.describe().splitlines()[-1]
    assert capsys.readouterr().err == ""  # progress=False prints nothing
