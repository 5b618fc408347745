"""The deal graph as a Cypher script for cypher-shell (``cypher-shell -f graph.cypher``).

Same model and properties as :mod:`graphbuild.neo4j_export`, written as one
MERGE statement per line, so a re-run changes nothing and the file can be split
safely on lines ending in ``;``. Values are Cypher literals: strings escaped
(backslash, quotes, line breaks as ``\\n``), other characters written as they
are (UTF-8), numbers that are not finite written as ``null``.
"""
from __future__ import annotations

import math
import os
import re
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.jsonio import atomic_write
from graphbuild.neo4j_export import SCHEMA, graph_rows

SCHEMAS = ("constraints", "indexes", "none")

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Characters Python (and some editors) treat as line breaks: escape them so one
# statement stays on one line. \u escapes: Neo4j decodes them; FalkorDB does not,
# so they are used only for these rare characters.
_LINE_BREAKS = {c: f"\\u{ord(c):04x}" for c in "\x0b\x1c\x1d\x1e\x85\u2028\u2029"}


def write_cypher(G: nx.MultiDiGraph, path: str | os.PathLike, *, schema: str = "constraints") -> int:
    """Write the graph as a Cypher script; returns the number of statements.

    ``schema`` picks the id index lines: ``constraints`` (Neo4j 5 uniqueness
    constraints, the default), ``indexes`` (plain ``CREATE INDEX`` for
    openCypher servers such as FalkorDB, not re-runnable on Neo4j), or ``none``.
    """
    lines = cypher_statements(G, schema=schema)
    with atomic_write(path) as fh:
        fh.write("// graphbuild deal graph: run with  cypher-shell -f <this file>\n")
        for line in lines:
            fh.write(line + "\n")
    return len(lines)


def cypher_statements(G: nx.MultiDiGraph, *, schema: str = "constraints") -> list[str]:
    """The script's statements, one per string, each ending in ``;``."""
    if schema not in SCHEMAS:
        raise GraphbuildError(f"unknown schema style {schema!r} (use one of {', '.join(SCHEMAS)})")
    rows = graph_rows(G)
    out: list[str] = []
    if schema != "none":
        pick = 0 if schema == "constraints" else 1
        out += [statements[pick] + ";" for statements in SCHEMA.values()]
    for row in rows.organizations:
        out.append(f"MERGE (o:Organization {{id: {literal(row['id'])}}}) SET o += {literal(row['props'])};")
    for row in rows.documents:
        out.append(f"MERGE (d:Document {{id: {literal(row['id'])}}}) SET d += {literal(row['props'])};")
    for row in rows.deals:
        out.append(
            f"MATCH (a:Organization {{id: {literal(row['source'])}}}) "
            f"MATCH (b:Organization {{id: {literal(row['target'])}}}) "
            f"MERGE (a)-[r:DEAL {{id: {literal(row['id'])}}}]->(b) SET r += {literal(row['props'])};"
        )
    for row in rows.mentions:
        out.append(
            f"MATCH (d:Document {{id: {literal(row['doc'])}}}) "
            f"MATCH (o:Organization {{id: {literal(row['org'])}}}) MERGE (d)-[:MENTIONS]->(o);"
        )
    return out


def literal(value: Any) -> str:
    """A Python value as a Cypher literal (str, int, float, bool, None, list, dict)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "null"
        text = repr(value)
        return text.replace("e+", "e")  # Cypher exponents take no '+'
    if isinstance(value, str):
        return "'" + "".join(_ESCAPES.get(c) or _LINE_BREAKS.get(c) or c for c in value) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise GraphbuildError(f"cannot write a {type(value).__name__} value as a Cypher literal")


def _key(name: Any) -> str:
    name = str(name)
    return name if _IDENTIFIER.match(name) else "`" + name.replace("`", "``") + "`"
