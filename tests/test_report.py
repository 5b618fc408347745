"""The loops report (loops.md / loops.html) shows the loops, their evidence and the big payers."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.errors import GraphbuildError
from graphbuild.graph import build_graph
from graphbuild.jsonio import read_json, write_json
from graphbuild.loops import find_loops, write_loops
from graphbuild.records import Amount, Deal, Party
from graphbuild.report import format_usd, render_report, write_report

HOSTILE = "<script>alert('pwned')</script> 「甲方」向「乙方」注资 | **粗体** [链接](http://evil.example) `代码` $1$ <img src=x onerror=alert(1)>"


def _loops_json(graph, tmp_path: Path, name: str = "loops.json") -> Path:
    path = tmp_path / name
    write_loops(find_loops(graph, max_length=4), graph, path, max_length=4)
    return path


def _deal(
    investor: str, target: str, deal_type: str, usd: float | None, sentence: str, doc: str, approximate: bool = False
) -> Deal:
    amount = None if usd is None else Amount(usd, "USD", usd, f"{usd / 1e8:g}亿美元", approximate=approximate)
    return Deal(
        investor=Party(investor, investor.title(), investor),
        target=Party(target, target.title(), target),
        amount=amount,
        deal_type=deal_type,
        doc=doc,
        sentence=sentence,
        start=0,
        end=len(sentence),
        confidence=0.8,
    )


@pytest.fixture(scope="module")
def seed_report(seed_graph, tmp_path_factory):
    """loops.json, loops.md and loops.html of the seeds' graph."""
    folder = tmp_path_factory.mktemp("seed_report")
    loops_path = _loops_json(seed_graph, folder)
    write_report(loops_path, folder / "loops.md")
    write_report(loops_path, folder / "loops.html")
    return {
        "data": read_json(loops_path),
        "md": (folder / "loops.md").read_text(encoding="utf-8"),
        "html": (folder / "loops.html").read_text(encoding="utf-8"),
    }


def _unescape_md(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _loop(data, ids):
    for lp in data["loops"]:
        if [m["id"] for m in lp["members"]] == ids:
            return lp
    raise AssertionError(f"loop {ids} not in loops.json: {[[m['id'] for m in lp['members']] for lp in data['loops']]}")


def test_markdown_chain_follows_the_money_nvidia_openai_oracle_nvidia(seed_report):
    md = _unescape_md(seed_report["md"])
    chains = [line for line in md.splitlines() if line.startswith("**英伟达 Nvidia**") and "甲骨文 Oracle" in line]
    assert chains, "no chain line for the Nvidia → OpenAI → Oracle loop"
    chain = chains[0]
    order = [
        "**英伟达 Nvidia**",
        "—投资 investment",
        "**OpenAI**",
        "→ **甲骨文 Oracle**",
        "→ **英伟达 Nvidia**",
    ]
    positions = [chain.find(part) for part in order]
    assert -1 not in positions, (order, chain)
    assert positions == sorted(positions), chain
    # the arrow into Oracle carries OpenAI's payment type, the one back to Nvidia Oracle's
    assert re.search(r"\*\*OpenAI\*\* —[^→]*(cloud_contract|purchase)[^→]*US\$[\d.]+ (bn|tn)→ \*\*甲骨文 Oracle\*\*", chain), chain
    assert chain.rstrip().endswith("→ **英伟达 Nvidia**")


def test_markdown_lists_every_evidence_sentence_and_document_of_every_loop(seed_report):
    md = _unescape_md(seed_report["md"])
    checked = 0
    for lp in seed_report["data"]["loops"]:
        for edge in lp["edges"]:
            for deal in edge["deals"]:
                for ev in deal["evidence"]:
                    assert " ".join(ev["sentence"].split()) in md
                    assert ev["doc"] in md
                    checked += 1
    assert checked >= 5


def test_evidence_rows_sit_under_their_loop_and_edge(seed_report):
    md = _unescape_md(seed_report["md"])
    lp = _loop(seed_report["data"], ["nvidia", "openai", "oracle"])
    start = md.index(f"### {lp['rank']}. ")
    end = md.find("\n### ", start + 1)
    block = md[start:end if end != -1 else None]
    for edge in lp["edges"]:
        for deal in edge["deals"]:
            for ev in deal["evidence"]:
                row = next(line for line in block.splitlines() if " ".join(ev["sentence"].split()) in line)
                assert row.startswith("| ") and ev["doc"] in row


def test_round_trip_amount_is_the_smallest_edge_and_unknown_is_never_zero(tmp_path):
    deals = [
        _deal("alpha", "beta", "investment", 5e9, "阿尔法向贝塔投资50亿美元", "a.txt"),
        _deal("beta", "alpha", "purchase", 2e9, "贝塔向阿尔法采购20亿美元芯片", "a.txt"),
        _deal("gamma", "delta", "investment", None, "伽马投资德尔塔", "b.txt"),
        _deal("delta", "gamma", "purchase", None, "德尔塔向伽马采购芯片", "b.txt"),
    ]
    path = _loops_json(build_graph(deals), tmp_path)
    md = render_report(path, "md")
    page = render_report(path, "html")
    overview = {line.split("|")[2].strip(): line for line in md.splitlines() if re.match(r"\| \d+ \|", line)}
    assert "US\\$2.0 bn" in overview["Alpha → Beta → Alpha"]
    assert "| unknown |" in overview["Delta → Gamma → Delta"]
    assert "US\\$0" not in md and "US$0" not in page
    assert "unknown" in page


def test_round_trip_marks_lower_bounds_and_missing_amounts(tmp_path):
    deals = [
        _deal("alpha", "beta", "investment", 5e9, "阿尔法向贝塔投资50亿美元", "a.txt"),
        _deal("beta", "alpha", "purchase", 2e9, "贝塔向阿尔法采购数十亿美元芯片", "a.txt", approximate=True),
        _deal("beta", "gamma", "loan", 3e9, "贝塔借30亿美元给伽马", "a.txt"),
        _deal("gamma", "beta", "purchase", None, "伽马向贝塔采购芯片", "a.txt"),
    ]
    md = render_report(_loops_json(build_graph(deals), tmp_path), "md")
    overview = {line.split("|")[2].strip(): line.split("|")[3].strip() for line in md.splitlines() if re.match(r"\| \d+ \|", line)}
    assert overview["Alpha → Beta → Alpha"] == "≥US\\$2.0 bn"  # the smallest edge is a vague amount
    assert overview["Beta → Gamma → Beta"] == "≤US\\$3.0 bn"  # one edge states no amount
    assert "amount unknown on 1 of 2 edges" in md


def test_mutual_pairs_section_lists_two_cycles(seed_report):
    md = _unescape_md(seed_report["md"])
    assert "## Mutual pairs (2-cycles)" in md
    pairs = md[md.index("## Mutual pairs") : md.index("## Biggest payers")]
    lp = _loop(seed_report["data"], ["nvidia", "openai"])
    assert f"### {lp['rank']}. 英伟达 Nvidia → OpenAI → 英伟达 Nvidia" in pairs
    longer = md[: md.index("## Mutual pairs")]
    assert "### " + str(lp["rank"]) + ". " not in longer


def test_biggest_payers_and_receivers_in_rank_order(seed_report):
    md = _unescape_md(seed_report["md"])
    data = seed_report["data"]
    assert data["top_payers"] and data["top_receivers"]
    for heading, rows in (("## Biggest payers", data["top_payers"]), ("## Biggest receivers", data["top_receivers"])):
        section = md[md.index(heading) :].split("\n## ")[0]
        table = [line for line in section.splitlines() if re.match(r"\| \d+ \|", line)]
        assert len(table) == len(rows)
        for line, row in zip(table, rows):
            assert row["name"] in line
            assert format_usd(row["usd"]) in line


def test_summary_counts_come_from_loops_json(seed_report):
    md = seed_report["md"]
    summary = seed_report["data"]["summary"]
    assert f"| Loops found | {summary['loops']} |" in md
    assert f"| Deals | {summary['deals']} |" in md
    assert f"| Companies | {summary['companies']} |" in md
    assert f"| Longest loop searched | {summary['max_length']} companies |" in md


@pytest.mark.parametrize(
    "usd, text",
    [(1e11, "US$100.0 bn"), (1.4e12, "US$1.40 tn"), (6e8, "US$600.0 m"), (14.2e9, "US$14.2 bn"), (None, "unknown")],
)
def test_amounts_are_readable(usd, text):
    assert format_usd(usd) == text


def test_approximate_amount_is_a_lower_bound():
    assert format_usd(3e10, approximate=True) == "≥US$30.0 bn"


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_report_is_one_self_contained_page(seed_report):
    page = _parse(seed_report["html"])
    names = [t for t, _ in page.tags]
    assert names.count("html") == 1 and "style" in names
    assert not {"script", "link", "img", "iframe", "object"} & set(names)
    for tag, attrs in page.tags:
        assert "src" not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), (tag, attrs)
    assert "url(" not in seed_report["html"] and "@import" not in seed_report["html"]


def test_html_report_shows_chain_and_evidence(seed_report):
    text = " ".join(" ".join(_parse(seed_report["html"]).text).split())
    assert "英伟达 Nvidia → OpenAI → 甲骨文 Oracle → 英伟达 Nvidia" in text
    lp = _loop(seed_report["data"], ["nvidia", "openai", "oracle"])
    for edge in lp["edges"]:
        for deal in edge["deals"]:
            for ev in deal["evidence"]:
                assert " ".join(ev["sentence"].split()) in text
                assert ev["doc"] in text


@pytest.fixture()
def hostile_loops(tmp_path):
    deals = [
        _deal("jiafang", "yifang", "investment", 1e9, HOSTILE, "evil<doc>|1.txt"),
        _deal("yifang", "jiafang", "purchase", 3e9, "「乙方」向「甲方」采购30亿美元", "ok.txt"),
    ]
    return _loops_json(build_graph(deals), tmp_path)


def test_html_report_escapes_hostile_evidence(hostile_loops, tmp_path):
    out = write_report(hostile_loops, tmp_path / "loops.html")
    raw = out.read_text(encoding="utf-8")
    page = _parse(raw)
    assert [t for t, _ in page.tags if t in ("script", "img")] == []
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    assert HOSTILE in " ".join(page.text)  # shown as text, whole
    assert "evil<doc>|1.txt" in " ".join(page.text)


def test_markdown_report_escapes_hostile_evidence(hostile_loops, tmp_path):
    md = write_report(hostile_loops, tmp_path / "loops.md").read_text(encoding="utf-8")
    # what Markdown reads as markup: drop backslash-escaped characters, then literal code spans
    live = re.sub(r"(`+).*?\1", "", re.sub(r"\\.", "", md))
    assert "<" not in live and "**粗体" not in live and "](" not in live and "$1$" not in live
    assert "`evil<doc>\\|1.txt`" in md  # literal in a code span, pipe escaped for the table
    # every table row keeps its six columns: unescaped pipes only delimit cells
    rows = [line for line in md.splitlines() if line.startswith("| Jiafang → Yifang")]
    assert rows
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 7, row
    assert " ".join(HOSTILE.split()) in _unescape_md(md)


def test_report_format_follows_suffix_and_rejects_others(hostile_loops, tmp_path):
    with pytest.raises(GraphbuildError, match=r"loops\.pdf.*\.md or \.html"):
        write_report(hostile_loops, tmp_path / "loops.pdf")
    assert not (tmp_path / "loops.pdf").exists()


def test_report_from_a_file_that_is_not_loops_json_names_it(tmp_path):
    bad = tmp_path / "deals.json"
    write_json({"nodes": []}, bad)
    with pytest.raises(GraphbuildError, match="deals.json.*not a loops.json"):
        write_report(bad, tmp_path / "loops.md")
    assert not (tmp_path / "loops.md").exists()


def test_no_loops_says_so(tmp_path):
    deals = [_deal("alpha", "beta", "investment", 5e9, "阿尔法向贝塔投资50亿美元", "a.txt")]
    path = _loops_json(build_graph(deals), tmp_path)
    assert "No money loops found." in render_report(path, "md")
    assert "No money loops found." in render_report(path, "html")


def test_report_command_writes_markdown_and_html(hostile_loops, tmp_path):
    result = CliRunner().invoke(
        main, ["report", str(hostile_loops), "-o", str(tmp_path / "r.md"), "-o", str(tmp_path / "r.html")]
    )
    assert result.exit_code == 0, result.output
    assert "## Mutual pairs" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert html.escape("<script>") in (tmp_path / "r.html").read_text(encoding="utf-8")
