"""The Cypher cookbook (docs/cypher.md) as data, so the docs and the tests share it.

Every query works on the model written by :mod:`graphbuild.neo4j_export` and
:mod:`graphbuild.cypher_script`. ``portable`` queries run on Neo4j 5 and on
openCypher servers such as FalkorDB; the others need Neo4j. Loops are matched
with explicit fixed-length patterns (not ``nodes(p)`` of a variable-length
path), so their direction never depends on how a server orders path nodes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CookbookQuery:
    name: str
    title: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)
    returns: str = ""
    portable: bool = True


_LOOP_2 = (
    "MATCH (a:Organization)-[:DEAL]->(b:Organization)-[:DEAL]->(a)\n"
)
_LOOP_3 = (
    "MATCH (a:Organization)-[:DEAL]->(b:Organization)-[:DEAL]->(c:Organization)-[:DEAL]->(a)\n"
)
_LOOP_4 = (
    "MATCH (a:Organization)-[:DEAL]->(b:Organization)-[:DEAL]->(c:Organization)"
    "-[:DEAL]->(d:Organization)-[:DEAL]->(a)\n"
)

QUERIES: tuple[CookbookQuery, ...] = (
    CookbookQuery(
        name="loops",
        title="All money loops up to length 4",
        cypher=(
            _LOOP_2
            + "WHERE a.id < b.id\n"
            "RETURN DISTINCT [a.id, b.id] AS loop, [a.name, b.name] AS names, 2 AS length\n"
            "UNION\n"
            + _LOOP_3
            + "WHERE a.id < b.id AND a.id < c.id AND b <> c\n"
            "RETURN DISTINCT [a.id, b.id, c.id] AS loop, [a.name, b.name, c.name] AS names, 3 AS length\n"
            "UNION\n"
            + _LOOP_4
            + "WHERE a.id < b.id AND a.id < c.id AND a.id < d.id AND b <> c AND b <> d AND c <> d\n"
            "RETURN DISTINCT [a.id, b.id, c.id, d.id] AS loop, [a.name, b.name, c.name, d.name] AS names, 4 AS length"
        ),
        returns=(
            "One row per directed loop: `loop` (ids in the direction money flows, starting at the "
            "smallest id, so each loop appears once), `names`, `length` (2 to 4 edges). "
            "Parallel deals between the same pair do not repeat a loop."
        ),
    ),
    CookbookQuery(
        name="loops_through",
        title="The loops through a given company",
        cypher=(
            _LOOP_2
            + "WHERE a.id = $company AND b <> a\n"
            "RETURN DISTINCT [a.id, b.id] AS loop, 2 AS length\n"
            "UNION\n"
            + _LOOP_3
            + "WHERE a.id = $company AND b <> a AND c <> a AND b <> c\n"
            "RETURN DISTINCT [a.id, b.id, c.id] AS loop, 3 AS length\n"
            "UNION\n"
            + _LOOP_4
            + "WHERE a.id = $company AND b <> a AND c <> a AND d <> a AND b <> c AND b <> d AND c <> d\n"
            "RETURN DISTINCT [a.id, b.id, c.id, d.id] AS loop, 4 AS length"
        ),
        params={"company": "oracle"},
        returns="Every loop (up to length 4) that passes through `$company`, listed from that company on.",
    ),
    CookbookQuery(
        name="top_payers",
        title="Biggest payers",
        cypher=(
            "MATCH (o:Organization)-[r:DEAL]->(:Organization)\n"
            "WHERE r.amount_usd IS NOT NULL\n"
            "RETURN o.id AS id, o.name AS name, sum(r.amount_usd) AS usd, count(r) AS deals\n"
            "ORDER BY usd DESC, id\n"
            "LIMIT $limit"
        ),
        params={"limit": 10},
        returns="`id`, `name`, `usd` (sum of known USD amounts paid out), `deals` (how many of them), largest first.",
    ),
    CookbookQuery(
        name="top_receivers",
        title="Biggest receivers",
        cypher=(
            "MATCH (:Organization)-[r:DEAL]->(o:Organization)\n"
            "WHERE r.amount_usd IS NOT NULL\n"
            "RETURN o.id AS id, o.name AS name, sum(r.amount_usd) AS usd, count(r) AS deals\n"
            "ORDER BY usd DESC, id\n"
            "LIMIT $limit"
        ),
        params={"limit": 10},
        returns="The same for money received.",
    ),
    CookbookQuery(
        name="deals_between",
        title="Every deal between two companies, with evidence",
        cypher=(
            "MATCH (a:Organization)-[r:DEAL]->(b:Organization)\n"
            "WHERE (a.id = $first AND b.id = $second) OR (a.id = $second AND b.id = $first)\n"
            "RETURN a.id AS investor, b.id AS target, r.id AS deal, r.deal_type AS deal_type,\n"
            "       r.amount_usd AS usd, r.amount_text AS amount_text, r.date AS date,\n"
            "       r.evidence_docs AS docs, r.sentences AS sentences\n"
            "ORDER BY investor, deal"
        ),
        params={"first": "nvidia", "second": "openai"},
        returns=(
            "One row per deal in either direction: who pays (`investor`), who receives (`target`), "
            "the deal id, type, USD amount, amount as written, date, and the evidence as two "
            "parallel lists: `docs[i]` is the document `sentences[i]` comes from."
        ),
    ),
    CookbookQuery(
        name="money_path",
        title="Shortest money path between two companies (portable)",
        cypher=(
            "MATCH (a:Organization {id: $source}), (b:Organization {id: $target})\n"
            "WITH a, b\n"
            "MATCH p = allShortestPaths((a)-[:DEAL*1..6]->(b))\n"
            "RETURN DISTINCT [r IN relationships(p) | startNode(r).id] + [b.id] AS path, length(p) AS hops"
        ),
        params={"source": "meta", "target": "nvidia"},
        returns=(
            "Every shortest chain of deals from `$source` to `$target` (at most 6 hops) as a list of ids "
            "in the direction money flows, and its length. No row when money never gets there."
        ),
    ),
    CookbookQuery(
        name="shortest_path",
        title="Shortest money path between two companies (Neo4j)",
        cypher=(
            "MATCH (a:Organization {id: $source}), (b:Organization {id: $target})\n"
            "MATCH p = shortestPath((a)-[:DEAL*..6]->(b))\n"
            "RETURN [n IN nodes(p) | n.id] AS path, [r IN relationships(p) | r.id] AS deals, length(p) AS hops"
        ),
        params={"source": "meta", "target": "nvidia"},
        returns="One shortest chain: the ids on it, the deal ids along it, and its length.",
        portable=False,
    ),
)

BY_NAME = {q.name: q for q in QUERIES}
