"""Money loops: the bounded cycle search, loop records, loops.json and the CLI."""
from __future__ import annotations

import json
import random
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.errors import GraphbuildError
from graphbuild.graph import build_graph, write_graph
from graphbuild.jsonio import write_deals
from graphbuild.loops import find_loops, loops_document, simple_cycles_bounded, write_loops
from test_graph import make_deal

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "loops.schema.json").read_text(encoding="utf-8"))


def rotated(cycle):
    i = cycle.index(min(cycle))
    return tuple(cycle[i:] + cycle[:i])


def networkx_cycles(G, k):
    return {rotated(c) for c in nx.simple_cycles(G, length_bound=k) if len(c) > 1}


def random_digraph(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 16)
    G = nx.gnp_random_graph(n, rng.uniform(0.05, 0.5), seed=seed, directed=True)
    for _ in range(rng.randint(0, 3)):
        u = rng.randrange(n)
        G.add_edge(u, u)
    return G


@pytest.mark.parametrize("k", [2, 3, 4, 5, 6])
def test_cycle_search_equals_networkx_on_random_graphs(k):
    for seed in range(120):
        G = random_digraph(seed)
        found = [tuple(c) for c in simple_cycles_bounded(G, k)]
        assert len(found) == len(set(found)), f"seed {seed}: a cycle was yielded twice"
        assert all(c == rotated(list(c)) for c in found), f"seed {seed}: not rotated to the smallest node"
        assert set(found) == networkx_cycles(G, k), f"seed {seed}, k={k}"


def test_cycle_search_on_scale_free_graph_with_hubs():
    M = nx.scale_free_graph(600, seed=3)
    G = nx.DiGraph(M)
    found = [tuple(c) for c in simple_cycles_bounded(G, 4)]
    assert len(found) == len(set(found))
    assert set(found) == networkx_cycles(G, 4)
    assert len(found) > 10


def test_cycle_search_skips_self_loops_and_orders_string_ids():
    G = nx.DiGraph([("oracle", "nvidia"), ("nvidia", "openai"), ("openai", "oracle"), ("openai", "openai"),
                    ("openai", "nvidia"), ("meta", "oracle")])
    assert sorted(simple_cycles_bounded(G, 3)) == [["nvidia", "openai"], ["nvidia", "openai", "oracle"]]
    assert list(simple_cycles_bounded(G, 2)) == [["nvidia", "openai"]]
    assert list(simple_cycles_bounded(G, 1)) == []


def test_cycle_search_orders_mixed_node_types():
    G = nx.DiGraph([(1, "a"), ("a", 1), ("a", 2.5), (2.5, 1)])
    found = {tuple(c) for c in simple_cycles_bounded(G, 3)}
    assert len(found) == 2
    assert {frozenset(c) for c in found} == {frozenset({1, "a"}), frozenset({1, "a", 2.5})}


# ---------------------------------------------------------------- the seed articles


def loop_ids(loops):
    return [[m.id for m in lp.members] for lp in loops]


def docs_stating(seed_deals, source, target):
    return {d.doc for d in seed_deals if d.investor.id == source and d.target.id == target}


def test_seed_triangle_and_two_cycle_are_found_with_all_evidence(seed_deals, seed_graph):
    loops = find_loops(seed_graph, max_length=4)
    ids = loop_ids(loops)
    assert ["nvidia", "openai", "oracle"] in ids
    assert ["nvidia", "openai"] in ids
    for wanted in (["nvidia", "openai", "oracle"], ["nvidia", "openai"]):
        loop = loops[ids.index(wanted)]
        assert loop.length == len(wanted)
        for edge in loop.edges:
            evidence_docs = {e["doc"] for deal in edge.deals for e in deal.evidence}
            assert evidence_docs == docs_stating(seed_deals, edge.source, edge.target), (edge.source, edge.target)
            assert all(e["sentence"] for deal in edge.deals for e in deal.evidence)
        assert set(loop.documents) == {doc for e in loop.edges for deal in e.deals for doc in (x["doc"] for x in deal.evidence)}
        assert [m.name for m in loop.members][:2] == ["Nvidia", "OpenAI"]


def test_seed_loops_json_matches_schema(tmp_path, seed_graph):
    out = tmp_path / "loops.json"
    write_loops(find_loops(seed_graph, max_length=4), seed_graph, out, max_length=4)
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["max_length"] == 4
    assert doc["summary"]["loops"] == len(doc["loops"]) > 0
    assert doc["summary"]["companies"] == seed_graph.number_of_nodes()
    assert [lp["rank"] for lp in doc["loops"]] == list(range(1, len(doc["loops"]) + 1))
    assert doc["top_payers"] and doc["top_receivers"]


# ---------------------------------------------------------------- amounts, filters, ranking

TRIANGLE = [
    make_deal("nvidia", "openai", 1e11, "a.txt", "英伟达向OpenAI投资1000亿美元", confidence=0.9),
    make_deal("openai", "oracle", 3e11, "a.txt", "OpenAI向甲骨文采购3000亿美元算力", deal_type="cloud_contract", confidence=0.8),
    make_deal("oracle", "nvidia", 4e10, "b.txt", "甲骨文向英伟达采购400亿美元芯片", deal_type="purchase", confidence=0.5),
    make_deal("openai", "nvidia", None, "b.txt", "OpenAI向英伟达下GPU订单", deal_type="purchase", confidence=0.6),
    make_deal("openai", "nvidia", 2e10, "c.txt", "OpenAI向英伟达借款200亿美元", deal_type="loan", confidence=0.7),
]


def test_round_trip_amount_is_the_smallest_edge_total():
    loops = find_loops(build_graph(TRIANGLE))
    by_ids = {tuple(m.id for m in lp.members): lp for lp in loops}
    triangle = by_ids[("nvidia", "openai", "oracle")]
    assert triangle.amount_usd == 4e10 and triangle.amount_complete
    assert triangle.confidence == pytest.approx(0.9 * 0.8 * 0.5)
    assert triangle.documents == ["a.txt", "b.txt"]
    two = by_ids[("nvidia", "openai")]
    # openai -> nvidia: a known loan and a purchase with no amount; the edge total is the known part
    assert [e.usd for e in two.edges] == [1e11, 2e10]
    assert two.edges[1].deal_types == ("loan", "purchase")
    assert two.amount_usd == 2e10
    assert [lp.rank for lp in loops] == [1, 2]
    assert loops[0] is triangle  # 4e10 > 2e10


def test_unknown_amounts_stay_unknown_never_zero():
    deals = [
        make_deal("nvidia", "openai", 1e11, "a.txt", "英伟达投资OpenAI 1000亿美元"),
        make_deal("openai", "nvidia", None, "a.txt", "OpenAI向英伟达采购GPU", deal_type="purchase"),
        make_deal("oracle", "meta", None, "a.txt", "甲骨文采购Meta服务", deal_type="purchase"),
        make_deal("meta", "oracle", None, "a.txt", "Meta采购甲骨文云", deal_type="cloud_contract"),
    ]
    loops = find_loops(build_graph(deals))
    assert loop_ids(loops) == [["nvidia", "openai"], ["meta", "oracle"]]
    assert loops[0].amount_usd == 1e11 and not loops[0].amount_complete
    assert loops[0].edges[1].usd is None
    assert loops[1].amount_usd is None and not loops[1].amount_complete
    d = loops[0].to_dict()
    assert d["edges"][1]["usd"] is None and d["edges"][1]["deals"][0]["amount_usd"] is None


def test_deal_type_filter_and_min_amount():
    G = build_graph(TRIANGLE)
    assert loop_ids(find_loops(G, deal_types=["investment", "purchase"])) == [["nvidia", "openai"]]
    only_loan = find_loops(G, deal_types=["investment", "loan"])
    assert loop_ids(only_loan) == [["nvidia", "openai"]] and only_loan[0].edges[1].deal_types == ("loan",)
    assert loop_ids(find_loops(G, min_amount=3e10)) == [["nvidia", "openai", "oracle"]]
    assert find_loops(G, min_amount=1e12) == []
    assert loop_ids(find_loops(G, max_length=2)) == [["nvidia", "openai"]]
    with pytest.raises(GraphbuildError, match="unknown deal type"):
        find_loops(G, deal_types=["gift"])


def test_ranking_is_deterministic_and_breaks_ties_by_length_then_confidence_then_ids():
    deals = [
        make_deal("a", "b", 1e9, "x.txt", "a付b 10亿美元", confidence=0.9),
        make_deal("b", "a", 1e9, "x.txt", "b付a 10亿美元", confidence=0.9),
        make_deal("c", "d", 1e9, "x.txt", "c付d 10亿美元", confidence=0.5),
        make_deal("d", "c", 1e9, "x.txt", "d付c 10亿美元", confidence=0.9),
        make_deal("e", "f", 1e9, "x.txt", "e付f 10亿美元", confidence=0.9),
        make_deal("f", "g", 1e9, "x.txt", "f付g 10亿美元", confidence=0.9),
        make_deal("g", "e", 1e9, "x.txt", "g付e 10亿美元", confidence=0.9),
        make_deal("h", "i", 1e9, "x.txt", "h付i 10亿美元", confidence=0.9),
        make_deal("i", "h", 1e9, "x.txt", "i付h 10亿美元", confidence=0.9),
    ]
    expected = [["a", "b"], ["h", "i"], ["c", "d"], ["e", "f", "g"]]
    assert loop_ids(find_loops(build_graph(deals))) == expected
    assert loop_ids(find_loops(build_graph(list(reversed(deals))))) == expected


def test_loops_document_without_max_length_uses_longest_loop():
    G = build_graph(TRIANGLE)
    doc = loops_document(find_loops(G, max_length=5), G)
    assert doc["summary"]["max_length"] == 3
    jsonschema.validate(doc, SCHEMA)
    assert doc["top_payers"][0] == {"id": "openai", "name": "OpenAI", "name_zh": None, "usd": 3.2e11}


# ---------------------------------------------------------------- command line


def test_cli_build_then_loops_with_filters(tmp_path):
    deals_file = tmp_path / "deals.jsonl"
    write_deals(TRIANGLE, deals_file)
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(deals_file), "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["loops", str(tmp_path / "g.graphml"), "-o", str(tmp_path / "loops.json"),
                                  "--max-length", "3", "--min-amount", "1e9", "--types", "investment,purchase"])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "loops.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, SCHEMA)
    assert doc["summary"]["max_length"] == 3
    # the triangle needs a cloud contract; openai -> nvidia keeps only its purchase of unknown amount,
    # so the round trip is the known 1e11 (>= --min-amount) and marked incomplete
    assert [[m["id"] for m in lp["members"]] for lp in doc["loops"]] == [["nvidia", "openai"]]
    assert doc["loops"][0]["amount_usd"] == 1e11 and doc["loops"][0]["amount_complete"] is False
    assert doc["loops"][0]["edges"][1]["usd"] is None
    result = runner.invoke(main, ["loops", str(tmp_path / "g.graphml"), "-o", str(tmp_path / "all.json")])
    assert result.exit_code == 0
    doc = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert [[m["id"] for m in lp["members"]] for lp in doc["loops"]] == [["nvidia", "openai", "oracle"], ["nvidia", "openai"]]


def test_cli_loops_on_corrupt_graph_is_a_one_line_error(tmp_path):
    bad = tmp_path / "g.graphml"
    bad.write_text("<graphml><graph><node id='a'></graph>", encoding="utf-8")
    out = tmp_path / "loops.json"
    out.write_text("previous\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["loops", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and lines[0].startswith("graphbuild: error:")
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_cli_json_graph_round_trip_gives_same_loops(tmp_path, seed_graph):
    write_graph(seed_graph, tmp_path / "g.json")
    result = CliRunner().invoke(main, ["loops", str(tmp_path / "g.json"), "-o", str(tmp_path / "loops.json")])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "loops.json").read_text(encoding="utf-8"))
    assert doc == json.loads(json.dumps(loops_document(find_loops(seed_graph), seed_graph, max_length=4)))
