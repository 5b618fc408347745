"""The deal graph: merging restatements, node names, aggregation and graph files."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.graph import aggregate, build_graph, money_totals, read_graph, write_graph
from graphbuild.records import Amount, Deal, Party

NAMES = {"nvidia": ("Nvidia", "英伟达"), "openai": ("OpenAI", "OpenAI"), "oracle": ("Oracle", "甲骨文")}


def make_deal(investor, target, usd, doc, sentence, start=0, deal_type="investment", confidence=0.8, text=None):
    """A deal record as extraction writes it; ``usd`` None means the text gave no amount."""

    def party(pid):
        name, mention = NAMES.get(pid, (pid, pid))
        return Party(id=pid, name=name, mention=mention)

    amount = None
    if usd is not None:
        amount = Amount(value=usd, currency="USD", usd=usd, text=text or f"{usd / 1e8:g}亿美元")
    return Deal(
        investor=party(investor), target=party(target), amount=amount, deal_type=deal_type,
        doc=doc, sentence=sentence, start=start, end=start + len(sentence), confidence=confidence,
    )


def edges(G):
    return list(G.edges(keys=True, data=True))


def same_structure(G, H):
    return (
        type(G) is type(H)
        and G.graph == H.graph
        and list(G.nodes(data=True)) == list(H.nodes(data=True))
        and edges(G) == edges(H)
    )


def test_same_deal_in_two_documents_is_one_edge_with_all_evidence():
    deals = [
        make_deal("nvidia", "openai", 1e11, "a.txt", "英伟达向OpenAI投资1000亿美元", start=10, confidence=0.7),
        make_deal("nvidia", "openai", None, "b.txt", "英伟达此前已投资OpenAI", start=3, confidence=0.9),
        make_deal("nvidia", "openai", 1.004e11, "c.txt", "輝達注資OpenAI約1004億美元", start=40, confidence=0.6),
    ]
    G = build_graph(deals)
    assert G.number_of_edges() == 1
    (_, _, key, data), = edges(G)
    assert key == data["id"]
    assert data["docs"] == ["a.txt", "b.txt", "c.txt"]
    assert [(e["doc"], e["start"]) for e in data["evidence"]] == [("a.txt", 10), ("b.txt", 3), ("c.txt", 40)]
    assert all(e["sentence"] for e in data["evidence"])
    # the known amount of the most confident statement that has one
    assert data["amount_usd"] == 1e11
    assert data["confidence"] == 0.9
    assert G.graph["documents"] == ["a.txt", "b.txt", "c.txt"]
    assert G.graph["deal_records"] == 3


def test_same_pair_twice_in_one_document():
    same = [
        make_deal("openai", "oracle", 3e11, "a.txt", "OpenAI将向甲骨文支付3000亿美元", start=0, deal_type="cloud_contract"),
        make_deal("openai", "oracle", 3e11, "a.txt", "这笔3000亿美元的算力合同", start=200, deal_type="cloud_contract"),
    ]
    G = build_graph(same)
    assert G.number_of_edges() == 1
    (_, _, _, data), = edges(G)
    assert [e["start"] for e in data["evidence"]] == [0, 200]
    assert data["docs"] == ["a.txt"]

    different = same[:1] + [
        make_deal("openai", "oracle", 1e10, "a.txt", "另有100亿美元的小合同", start=300, deal_type="cloud_contract")
    ]
    G = build_graph(different)
    assert sorted(d["amount_usd"] for _, _, d in G.edges(data=True)) == [1e10, 3e11]


def test_amounts_within_one_percent_merge_and_others_do_not():
    near = [make_deal("nvidia", "openai", 1e11, "a.txt", "投资1000亿"), make_deal("nvidia", "openai", 1.009e11, "b.txt", "投资1009亿")]
    far = [make_deal("nvidia", "openai", 1e11, "a.txt", "投资1000亿"), make_deal("nvidia", "openai", 1.02e11, "b.txt", "投资1020亿")]
    assert build_graph(near).number_of_edges() == 1
    assert build_graph(far).number_of_edges() == 2


def test_different_deal_types_are_different_edges():
    deals = [
        make_deal("openai", "nvidia", 3e11, "a.txt", "OpenAI采购英伟达GPU", deal_type="purchase"),
        make_deal("openai", "nvidia", None, "a.txt", "OpenAI借钱给英伟达", deal_type="loan"),
    ]
    G = build_graph(deals)
    assert sorted(d["deal_type"] for _, _, d in G.edges(data=True)) == ["loan", "purchase"]


def test_deal_ids_are_stable_across_runs_and_input_order():
    deals = [
        make_deal("nvidia", "openai", 1e11, "a.txt", "英伟达投资OpenAI 1000亿美元"),
        make_deal("openai", "oracle", 3e11, "a.txt", "OpenAI付甲骨文3000亿美元", deal_type="cloud_contract"),
        make_deal("oracle", "nvidia", None, "b.txt", "甲骨文向英伟达采购芯片", deal_type="purchase"),
    ]
    ids = sorted(k for _, _, k in build_graph(deals).edges(keys=True))
    assert ids == sorted(k for _, _, k in build_graph(list(reversed(deals))).edges(keys=True))
    assert len(set(ids)) == 3


def test_nodes_take_catalog_names_and_fall_back_to_the_deal(tmp_path):
    deals = [
        make_deal("nvidia", "huaxin-tech", 5e8, "a.txt", "英伟达投资华芯科技5亿美元"),
    ]
    deals[0] = Deal(**{**deals[0].__dict__, "target": Party(id="huaxin-tech", name="华芯科技", mention="華芯科技")})
    G = build_graph(deals)
    assert G.nodes["nvidia"]["name"] == "Nvidia"
    assert G.nodes["nvidia"]["mentions"] == ["英伟达"]
    assert G.nodes["huaxin-tech"]["name"] == "华芯科技"
    assert G.nodes["huaxin-tech"]["name_zh"] == "華芯科技"  # first Chinese mention seen
    assert G.nodes["huaxin-tech"]["kind"] == "company"
    for _, data in G.nodes(data=True):
        assert set(data) == {"name", "name_zh", "aliases", "kind", "mentions"}

    extra = tmp_path / "entities.json"
    extra.write_text(json.dumps([{"id": "huaxin-tech", "name": "Huaxin Technology", "name_zh": "华芯科技",
                                  "aliases": ["华芯", "華芯科技"], "kind": "company"}], ensure_ascii=False),
                     encoding="utf-8")
    G = build_graph(deals, entities_file=extra)
    assert G.nodes["huaxin-tech"]["name"] == "Huaxin Technology"
    assert G.nodes["huaxin-tech"]["name_zh"] == "华芯科技"
    assert "华芯" in G.nodes["huaxin-tech"]["aliases"]


@pytest.mark.parametrize("suffix", [".graphml", ".json"])
def test_graph_file_round_trip_gives_the_same_graph(tmp_path, seed_graph, suffix):
    path = tmp_path / f"graph{suffix}"
    write_graph(seed_graph, path)
    again = read_graph(path)
    assert same_structure(seed_graph, again)
    assert isinstance(again, nx.MultiDiGraph)


@pytest.mark.parametrize("suffix", [".graphml", ".json"])
def test_round_trip_keeps_none_lists_and_look_alike_strings(tmp_path, suffix):
    deals = [
        make_deal("nvidia", "[1,2]", None, "a b/文档.txt", "英伟达投资“[1,2]”", deal_type="other"),
        make_deal("[1,2]", "nvidia", 2.5e9, "c.txt", "付25亿美元", text="null"),
    ]
    G = build_graph(deals)
    path = tmp_path / f"graph{suffix}"
    write_graph(G, path)
    assert same_structure(G, read_graph(path))


def test_corrupt_or_unknown_graph_files_are_one_line_errors(tmp_path):
    bad = tmp_path / "broken.graphml"
    bad.write_text("<graphml><graph edgedefault='directed'><node id=", encoding="utf-8")
    with pytest.raises(GraphbuildError) as e:
        read_graph(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)

    bad_json = tmp_path / "broken.json"
    bad_json.write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(GraphbuildError, match="broken.json"):
        read_graph(bad_json)

    with pytest.raises(GraphbuildError, match="graph.gexf"):
        write_graph(nx.MultiDiGraph(), tmp_path / "graph.gexf")


def test_failed_write_leaves_the_old_file(tmp_path, seed_graph):
    path = tmp_path / "graph.graphml"
    write_graph(seed_graph, path)
    before = path.read_bytes()
    broken = seed_graph.copy()
    broken.graph["bad"] = object()
    with pytest.raises(GraphbuildError):
        write_graph(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.graphml"]


def test_aggregate_sums_known_amounts_per_pair():
    deals = [
        make_deal("openai", "nvidia", 3e11, "a.txt", "OpenAI下3000亿美元GPU订单", deal_type="purchase"),
        make_deal("openai", "nvidia", None, "a.txt", "OpenAI另向英伟达借款", deal_type="loan"),
        make_deal("nvidia", "oracle", None, "b.txt", "英伟达采购甲骨文云", deal_type="cloud_contract"),
    ]
    D = aggregate(build_graph(deals))
    assert isinstance(D, nx.DiGraph) and not D.is_multigraph()
    assert D["openai"]["nvidia"]["usd"] == 3e11
    assert D["openai"]["nvidia"]["deal_types"] == ["loan", "purchase"]
    assert len(D["openai"]["nvidia"]["deals"]) == 2
    assert D["nvidia"]["oracle"]["usd"] is None


def test_money_totals_rank_payers_and_receivers():
    deals = [
        make_deal("openai", "oracle", 3e11, "a.txt", "OpenAI付甲骨文3000亿美元", deal_type="cloud_contract"),
        make_deal("nvidia", "openai", 1e11, "a.txt", "英伟达投资OpenAI 1000亿美元"),
        make_deal("nvidia", "oracle", None, "a.txt", "英伟达也用甲骨文云", deal_type="cloud_contract"),
    ]
    totals = money_totals(build_graph(deals))
    assert totals.payers == [("openai", 3e11), ("nvidia", 1e11)]
    assert totals.receivers == [("oracle", 3e11), ("openai", 1e11)]


def test_a_short_name_a_document_defined_becomes_a_node_alias():
    deal = make_deal("nvidia", "jiangsu-dingyuan", 3e8, "a.txt", "英伟达向江苏鼎元投资集团有限公司（以下简称“鼎元集团”）投资3亿美元。")
    target = Party(id="jiangsu-dingyuan", name="江苏鼎元投资集团有限公司", mention="江苏鼎元投资集团有限公司", aliases=("鼎元集团",))
    G = build_graph([Deal(**{**deal.__dict__, "target": target})])
    assert G.nodes["jiangsu-dingyuan"]["aliases"] == ["鼎元集团"]


def test_a_person_party_is_a_person_node():
    deal = make_deal("suhai", "王建平", 5e7, "a.txt", "苏海控股受让华锐精密实际控制人王建平持有的股份。")
    seller = Party(id="王建平", name="王建平", mention="王建平", kind="person")
    G = build_graph([Deal(**{**deal.__dict__, "target": seller})])
    assert G.nodes["王建平"]["kind"] == "person"
