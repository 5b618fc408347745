"""Write the deal graph to Neo4j (or another Bolt/openCypher server) over Bolt.

Model: ``(:Organization {id, name, name_zh, aliases, kind, mentions})``,
``(:Document {id, path})``, one ``(a)-[:DEAL {id, …}]->(b)`` per graph edge
(a merged deal) with its evidence as parallel lists (``evidence_docs``,
``sentences``, ``starts``, ``ends``), and ``(:Document)-[:MENTIONS]->(:Organization)``
for every document that reports a deal of that organisation.

Writes are batched ``UNWIND $rows … MERGE`` statements with parameters only,
keyed on ids, so a re-run changes nothing. :func:`graph_rows` is shared with
:mod:`graphbuild.cypher_script` so both exports hold the same properties.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError

BATCH_SIZE = 500

# Server-specific schema statements live here and only here. Each label's id
# gets a uniqueness constraint (Neo4j 5); servers without constraints (FalkorDB
# and other openCypher servers) get a plain index instead.
SCHEMA = {
    "Organization": (
        "CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX FOR (n:Organization) ON (n.id)",
    ),
    "Document": (
        "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX FOR (n:Document) ON (n.id)",
    ),
}

MERGE_ORGANIZATIONS = "UNWIND $rows AS row MERGE (o:Organization {id: row.id}) SET o += row.props"
MERGE_DOCUMENTS = "UNWIND $rows AS row MERGE (d:Document {id: row.id}) SET d += row.props"
MERGE_DEALS = (
    "UNWIND $rows AS row "
    "MATCH (a:Organization {id: row.source}) MATCH (b:Organization {id: row.target}) "
    "MERGE (a)-[r:DEAL {id: row.id}]->(b) SET r += row.props"
)
MERGE_MENTIONS = (
    "UNWIND $rows AS row "
    "MATCH (d:Document {id: row.doc}) MATCH (o:Organization {id: row.org}) "
    "MERGE (d)-[:MENTIONS]->(o)"
)

# A string with the characters a parameter-mangling server gets wrong.
_PROBE = "it's a \\ test"
# Such a server (FalkorDB's experimental Bolt layer) also crashes on statements
# whose text with parameters spliced in passes about 4 KB: it gets small ones.
SPLICED_PARAMETER_BUDGET = 3000

BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class ExportStats:
    """How many of each thing the export wrote (or confirmed already there)."""

    organizations: int
    documents: int
    deals: int


@dataclass
class GraphRows:
    """The graph as property rows, in the shape the MERGE statements take."""

    organizations: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)

    def stats(self) -> ExportStats:
        return ExportStats(len(self.organizations), len(self.documents), len(self.deals))


def graph_rows(G: nx.MultiDiGraph) -> GraphRows:
    """Flatten the deal graph into rows of scalar and list properties (no nested maps)."""
    rows = GraphRows()
    for node, data in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        rows.organizations.append({
            "id": str(node),
            "props": {
                "name": data.get("name") or str(node),
                "name_zh": data.get("name_zh"),
                "aliases": [str(a) for a in data.get("aliases") or []],
                "kind": data.get("kind"),
                "mentions": [str(m) for m in data.get("mentions") or []],
            },
        })
    documents = set(G.graph.get("documents") or [])
    mentions = set()
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[2]), str(e[0]), str(e[1]))):
        evidence = list(data.get("evidence") or [])
        docs = sorted(set(data.get("docs") or []) | {e["doc"] for e in evidence if e.get("doc")})
        documents.update(docs)
        mentions.update((doc, org) for doc in docs for org in (str(u), str(v)))
        rows.deals.append({
            "source": str(u),
            "target": str(v),
            "id": str(data.get("id") or key),
            "props": {
                "deal_type": data.get("deal_type"),
                "amount_usd": _number(data.get("amount_usd")),
                "amount_value": _number(data.get("amount_value")),
                "currency": data.get("currency"),
                "amount_text": data.get("amount_text"),
                "approximate": bool(data.get("approximate")),
                "confidence": _number(data.get("confidence")),
                "date": data.get("date"),
                "docs": docs,
                "doc": evidence[0].get("doc") if evidence else (docs[0] if docs else None),
                "sentence": evidence[0].get("sentence") if evidence else None,
                # Parallel lists (Neo4j stores neither maps nor nulls in lists): -1 = unknown offset.
                "evidence_docs": [str(e.get("doc") or "") for e in evidence],
                "sentences": [str(e.get("sentence") or "") for e in evidence],
                "starts": [_offset(e.get("start")) for e in evidence],
                "ends": [_offset(e.get("end")) for e in evidence],
            },
        })
    rows.documents = [{"id": doc, "props": {"path": doc}} for doc in sorted(documents)]
    rows.mentions = [{"doc": doc, "org": org} for doc, org in sorted(mentions)]
    return rows


def _offset(value: Any) -> int:
    return -1 if value is None else int(value)


def _number(value: Any) -> float | None:
    """Floats Cypher can store: NaN and infinities become unknown (null)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def export_to_neo4j(
    G: nx.MultiDiGraph,
    *,
    uri: str,
    user: str | None = "neo4j",
    password: str | None = "",
    database: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> ExportStats:
    """Write the graph to the Bolt server at ``uri``; re-running changes nothing.

    Connection problems (unreachable server, bad credentials, bad URI) and
    refused statements raise :class:`GraphbuildError` with a one-line message.
    """
    import neo4j
    from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in BOLT_SCHEMES:
        raise GraphbuildError(f"{uri}: not a Bolt URI (use bolt://host:7687 or neo4j://host:7687)")
    rows = graph_rows(G)
    auth = (user or "", password or "") if (user or password) else None
    where = f"{uri}" + (f" (database {database!r})" if database else "")
    try:
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=10, connection_acquisition_timeout=30)
    except (DriverError, Neo4jError, ValueError) as e:
        raise GraphbuildError(f"{uri}: not a usable Bolt URI ({_one_line(e)})") from None
    try:
        with driver:
            with driver.session(database=database) as session:
                try:
                    escape = _mangles_string_parameters(session)
                except (AuthError, ServiceUnavailable, SessionExpired):
                    raise
                except (DriverError, Neo4jError, OSError) as e:
                    raise GraphbuildError(
                        f"{where}: cannot connect as {user!r} (check user, password and database): {_one_line(e)}"
                    ) from None
                _ensure_schema(session)
                for statement, items in (
                    (MERGE_ORGANIZATIONS, rows.organizations),
                    (MERGE_DOCUMENTS, rows.documents),
                    (MERGE_DEALS, rows.deals),
                    (MERGE_MENTIONS, rows.mentions),
                ):
                    if escape:
                        batches = _spliced_statements(statement, items, batch_size, SPLICED_PARAMETER_BUDGET, where)
                    else:
                        batches = ((statement, batch) for batch in _batches(items, batch_size))
                    for text, batch in batches:
                        # Auto-commit: FalkorDB runs explicit transactions on its
                        # default graph whatever the database; each UNWIND is atomic.
                        session.run(text, rows=batch).consume()
    except AuthError as e:
        raise GraphbuildError(f"{where}: authentication failed for user {user!r} ({_one_line(e)})") from None
    except (ServiceUnavailable, SessionExpired) as e:
        raise GraphbuildError(f"{where}: cannot reach the Bolt server ({_one_line(e)})") from None
    except Neo4jError as e:
        raise GraphbuildError(f"{where}: the server refused a statement ({_one_line(e)})") from None
    except (DriverError, OSError) as e:
        raise GraphbuildError(f"{where}: Bolt export failed ({_one_line(e)})") from None
    return rows.stats()


def _batches(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + size]


# Appending to one list property, for rows too large for a spliced statement.
# The property name comes from graph_rows' own keys, never from the data.
_APPEND = {
    MERGE_ORGANIZATIONS: "UNWIND $rows AS row MATCH (o:Organization {{id: row.id}}) SET o.{key} = o.{key} + row.value",
    MERGE_DOCUMENTS: "UNWIND $rows AS row MATCH (d:Document {{id: row.id}}) SET d.{key} = d.{key} + row.value",
    MERGE_DEALS: (
        "UNWIND $rows AS row MATCH (:Organization {{id: row.source}})-[r:DEAL {{id: row.id}}]->"
        "(:Organization {{id: row.target}}) SET r.{key} = r.{key} + row.value"
    ),
}


def _spliced_statements(statement: str, items: list[dict], size: int, budget: int,
                        where: str) -> Iterator[tuple[str, list]]:
    """Escaped (statement, batch) pairs whose spliced text stays under ``budget`` bytes.

    A row too big on its own is written in parts: ``SET +=`` with some of its
    properties at a time, and a long list set to its first items, then appended
    to. Every run ends in the same state, so re-running still changes nothing.
    """
    batch: list[dict] = []
    used = 0
    current = statement
    for row in items:
        for stmt, part in _split_row(statement, _escape_strings(row), budget, where):
            n = _size(part)
            if batch and (stmt != current or used + n > budget or len(batch) >= size):
                yield current, batch
                batch, used = [], 0
            current = stmt
            batch.append(part)
            used += n
    if batch:
        yield current, batch


def _split_row(statement: str, row: dict, budget: int, where: str) -> list[tuple[str, dict]]:
    if _size(row) <= budget or "props" not in row:
        return [(statement, row)]
    base = {k: v for k, v in row.items() if k != "props"}
    sets: list[dict] = []
    appends: list[tuple[str, dict]] = []
    props: dict[str, Any] = {}
    for key, value in row["props"].items():
        if _size({**base, "props": {key: value}}) > budget:
            room = budget - _size({**base, "props": {key: []}})
            chunks = _list_chunks(value, room) if isinstance(value, list) else None
            if not chunks or statement not in _APPEND:
                raise GraphbuildError(
                    f"{where}: property {key!r} of {row.get('id')!r} is too large for this server's Bolt layer "
                    "(FalkorDB takes about 4 KB per statement); export to Neo4j instead"
                )
            value = chunks[0]
            append = _APPEND[statement].format(key=key)
            appends += [(append, {**base, "value": chunk}) for chunk in chunks[1:]]
        if props and _size({**base, "props": {**props, key: value}}) > budget:
            sets.append({**base, "props": props})
            props = {}
        props[key] = value
    sets.append({**base, "props": props})
    return [(statement, part) for part in sets] + appends


def _list_chunks(values: list, budget: int) -> list[list] | None:
    """Consecutive pieces of ``values`` each under ``budget`` bytes, or None if one item is bigger."""
    chunks: list[list] = [[]]
    for value in values:
        if _size([value]) > budget:
            return None
        if chunks[-1] and _size(chunks[-1] + [value]) > budget:
            chunks.append([])
        chunks[-1].append(value)
    return chunks


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))


def _ensure_schema(session) -> None:
    """Index every id: a uniqueness constraint where supported, else a plain index."""
    from neo4j.exceptions import Neo4jError

    for constraint, index in SCHEMA.values():
        try:
            session.run(constraint).consume()
        except Neo4jError:
            try:
                session.run(index).consume()
            except Neo4jError:
                pass  # already indexed (servers word this differently)


def _mangles_string_parameters(session) -> bool:
    """Whether the server reads string parameters as unescaped Cypher literals.

    FalkorDB's Bolt layer (experimental) splices string parameters into the
    query between single quotes without escaping them: a quote breaks the
    statement and a backslash starts an escape. Such a server gets strings
    escaped as literals, which it then decodes back; checked, not assumed.
    """
    from neo4j.exceptions import AuthError, Neo4jError

    try:
        record = session.run("RETURN $s AS s", s=_PROBE).single()
        if record is not None and record["s"] == _PROBE:
            return False
    except AuthError:
        raise
    except Neo4jError:
        pass  # FalkorDB: the quote ends its literal early
    record = session.run("RETURN $s AS s", s=_escape_strings(_PROBE)).single()
    if record is None or record["s"] != _PROBE:
        raise GraphbuildError("the server changes string parameters in a way graphbuild cannot undo")
    return True


def _escape_strings(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, list):
        return [_escape_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_strings(v) for k, v in value.items()}
    return value


def _one_line(e: BaseException) -> str:
    text = getattr(e, "message", None) or str(e) or e.__class__.__name__
    text = " ".join(str(text).split())
    return text if len(text) <= 300 else text[:297] + "..."
