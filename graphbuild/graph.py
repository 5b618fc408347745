"""The deal graph: deal records → a networkx MultiDiGraph of money flows.

One node per entity id, one edge per deal (key = a stable deal id). The same
deal reported in several documents becomes one edge that lists every piece of
evidence. ``write_graph`` / ``read_graph`` store the graph as GraphML or
networkx node-link JSON and give back exactly the same in-memory structure.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.jsonio import atomic_write
from graphbuild.records import Deal, Party

# Relative difference under which two stated USD amounts are the same deal.
AMOUNT_TOLERANCE = 0.01

# Attributes every node / edge carries (filled with None or [] when unknown).
NODE_ATTRS = ("name", "name_zh", "aliases", "kind", "mentions")
EDGE_ATTRS = (
    "id", "deal_type", "amount_usd", "amount_value", "currency", "amount_text",
    "approximate", "confidence", "date", "evidence", "docs",
)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# GraphML graph attribute that records how attributes were encoded (removed on read).
_ENCODING_KEY = "graphbuild_encoding"


# ---------------------------------------------------------------- building


def build_graph(deals: Iterable[Deal], entities_file: str | os.PathLike | None = None) -> nx.MultiDiGraph:
    """Build the deal graph: one node per entity, one edge per (merged) deal.

    Node names come from the entity catalog when the id is known there, else
    from the deals' own parties. Deals with the same investor, target and type
    and compatible amounts (see :func:`same_amount`) are merged into one edge.
    """
    deals = list(deals)
    catalog = _load_catalog(entities_file)
    G = nx.MultiDiGraph()
    G.graph["documents"] = sorted({d.doc for d in deals})
    G.graph["deal_records"] = len(deals)

    for deal in deals:
        for party in (deal.investor, deal.target):
            _add_party(G, party, catalog)

    groups: dict[tuple[str, str, str], list[_Merged]] = {}
    for deal in sorted(deals, key=_merge_order):
        group = groups.setdefault((deal.investor.id, deal.target.id, deal.deal_type), [])
        home = _find_merge_target(group, deal)
        if home is None:
            group.append(_Merged(deal))
        else:
            home.add(deal)

    used: set[str] = set()
    for (source, target, _), group in groups.items():
        for merged in group:
            attrs = merged.edge_attrs()
            deal_id = attrs["id"]
            n = 2
            while deal_id in used:  # amounts that round alike but are not the same deal
                deal_id = f"{attrs['id']}-{n}"
                n += 1
            used.add(deal_id)
            attrs["id"] = deal_id
            G.add_edge(source, target, key=deal_id, **attrs)
    return G


def same_amount(a: float | None, b: float | None) -> bool:
    """Whether two USD amounts may be the same deal: either unknown, or within 1%."""
    if a is None or b is None:
        return True
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def deal_id(investor: str, target: str, deal_type: str, usd: float | None) -> str:
    """Stable short id for a deal: hash of investor|target|type|USD to 3 significant digits."""
    amount = "none" if usd is None else f"{usd:.2e}"
    digest = hashlib.sha1(f"{investor}|{target}|{deal_type}|{amount}".encode("utf-8")).hexdigest()
    return f"d{digest[:12]}"


def _merge_order(deal: Deal) -> tuple:
    """Known amounts first (largest first), so unknown ones join the main deal."""
    usd = _usd(deal)
    return (usd is None, -(usd or 0.0), -deal.confidence, deal.doc, deal.start, deal.end)


def _usd(deal: Deal) -> float | None:
    return deal.amount.usd if deal.amount is not None else None


def _find_merge_target(group: list["_Merged"], deal: Deal) -> "_Merged | None":
    usd = _usd(deal)
    fits = [m for m in group if same_amount(m.usd, usd)]
    if not fits:
        return None
    # An unknown amount fitting several deals: prefer one stated in the same document.
    for m in fits:
        if deal.doc in m.docs:
            return m
    return fits[0]


class _Merged:
    """Deals from one or more documents that are the same money flow."""

    def __init__(self, deal: Deal):
        self.best = deal  # the deal whose amount and date the edge shows
        self.deals = [deal]
        self.docs = {deal.doc}

    @property
    def usd(self) -> float | None:
        return _usd(self.best)

    def add(self, deal: Deal) -> None:
        self.deals.append(deal)
        self.docs.add(deal.doc)
        if _better(deal, self.best):
            self.best = deal

    def edge_attrs(self) -> dict[str, Any]:
        best = self.best
        amount = best.amount
        evidence = sorted(
            {(d.doc, d.sentence, d.start, d.end) for d in self.deals},
            key=lambda e: (e[0], e[2], e[3], e[1]),
        )
        date = best.date or next((d.date for d in self.deals if d.date), None)
        return {
            "id": deal_id(best.investor.id, best.target.id, best.deal_type, self.usd),
            "deal_type": best.deal_type,
            "amount_usd": None if amount is None or amount.usd is None else float(amount.usd),
            "amount_value": None if amount is None else float(amount.value),
            "currency": None if amount is None else amount.currency,
            "amount_text": None if amount is None else amount.text,
            "approximate": bool(amount.approximate) if amount is not None else False,
            "confidence": float(max(d.confidence for d in self.deals)),
            "date": date,
            "evidence": [{"doc": e[0], "sentence": e[1], "start": e[2], "end": e[3]} for e in evidence],
            "docs": sorted(self.docs),
        }


def _better(new: Deal, old: Deal) -> bool:
    """A known amount beats an unknown one; then the more confident statement wins."""
    new_known, old_known = _usd(new) is not None, _usd(old) is not None
    if new_known != old_known:
        return new_known
    if (new.amount is not None) != (old.amount is not None):
        return new.amount is not None
    return new.confidence > old.confidence


def _load_catalog(entities_file):
    """The entity catalog, or None while graphbuild.catalog does not exist yet."""
    try:
        from graphbuild.catalog import load_catalog
    except ModuleNotFoundError as e:
        if e.name != "graphbuild.catalog":
            raise
        return None
    return load_catalog(Path(entities_file) if entities_file is not None else None)


def _add_party(G: nx.MultiDiGraph, party: Party, catalog) -> None:
    if party.id not in G:
        entity = catalog.get(party.id) if catalog is not None else None
        if entity is not None:
            G.add_node(
                party.id,
                name=entity.name,
                name_zh=entity.name_zh,
                aliases=list(entity.aliases),
                kind=entity.kind,
                mentions=[],
            )
        else:
            G.add_node(party.id, name=party.name or party.id, name_zh=None, aliases=[], kind=party.kind, mentions=[])
    node = G.nodes[party.id]
    if party.mention and party.mention not in node["mentions"]:
        node["mentions"] = sorted([*node["mentions"], party.mention])
    new_aliases = [a for a in party.aliases if a not in node["aliases"] and a != node["name"]]
    if new_aliases:  # a short name a document defined for it (以下简称“鼎元集团”)
        node["aliases"] = [*node["aliases"], *sorted(new_aliases)]
    if node["name_zh"] is None and party.mention and _CJK.search(party.mention):
        node["name_zh"] = party.mention


# ---------------------------------------------------------------- views


def aggregate(G: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per ordered pair, carrying its ``deals`` (edge-attr dicts in key order),
    ``usd`` (sum of known amounts, None if none known) and sorted ``deal_types``."""
    D = nx.DiGraph()
    D.graph.update(G.graph)
    D.add_nodes_from(G.nodes(data=True))
    for u, v, _, data in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if D.has_edge(u, v):
            D[u][v]["deals"].append(data)
        else:
            D.add_edge(u, v, deals=[data])
    for _, _, data in D.edges(data=True):
        known = [d["amount_usd"] for d in data["deals"] if d.get("amount_usd") is not None]
        data["usd"] = float(sum(known)) if known else None
        data["deal_types"] = sorted({d.get("deal_type") or "other" for d in data["deals"]})
    return D


@dataclass(frozen=True)
class MoneyTotals:
    """Known USD paid out (payers) and received (receivers) per entity, biggest first."""

    payers: list[tuple[str, float]]
    receivers: list[tuple[str, float]]


def money_totals(G: nx.MultiDiGraph) -> MoneyTotals:
    """Sum of known USD out of and into each node, largest first (ties by id)."""
    out: dict[str, float] = {}
    inn: dict[str, float] = {}
    for u, v, usd in G.edges(data="amount_usd"):
        if usd is None:
            continue
        out[u] = out.get(u, 0.0) + usd
        inn[v] = inn.get(v, 0.0) + usd

    def ranked(totals: dict[str, float]) -> list[tuple[str, float]]:
        return sorted(totals.items(), key=lambda kv: (-kv[1], str(kv[0])))

    return MoneyTotals(payers=ranked(out), receivers=ranked(inn))


# ---------------------------------------------------------------- files


def write_graph(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write the graph as GraphML (``.graphml``) or node-link JSON (``.json``), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        H = _encode_for_graphml(G)
        with atomic_write(path, "wb") as fh:
            nx.write_graphml(H, fh, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    elif suffix == ".json":
        data = nx.node_link_data(G, edges="edges")
        with atomic_write(path) as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
    else:
        raise GraphbuildError(f"{path}: unknown graph format {path.suffix!r} (use .graphml or .json)")


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph` back into the same in-memory structure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".graphml", ".json"):
        raise GraphbuildError(f"{path}: unknown graph format {path.suffix!r} (use .graphml or .json)")
    try:
        if suffix == ".graphml":
            H = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
            G = _decode_from_graphml(H)
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
            G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    except FileNotFoundError:
        raise GraphbuildError(f"{path}: no such file") from None
    except (ET.ParseError, json.JSONDecodeError, UnicodeDecodeError, nx.NetworkXError,
            KeyError, TypeError, ValueError, AttributeError) as e:
        kind = "GraphML" if suffix == ".graphml" else "node-link JSON"
        detail = " ".join(str(e).split()) or e.__class__.__name__
        raise GraphbuildError(f"{path}: not a valid {kind} graph ({detail})") from None
    if not G.is_directed() or not G.is_multigraph():
        G = nx.MultiDiGraph(G)
    return G


def _encode_for_graphml(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds only scalars: JSON-encode lists/dicts, drop None, and record
    both (per attribute name) in a graph attribute so reading can undo it."""
    json_keys: dict[str, set[str]] = {"graph": set(), "node": set(), "edge": set()}
    all_keys: dict[str, set[str]] = {"graph": set(), "node": set(), "edge": set()}

    def encode(scope: str, attrs: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in attrs.items():
            all_keys[scope].add(k)
            if v is None:
                continue
            if isinstance(v, (list, tuple, dict)):
                json_keys[scope].add(k)
                v = json.dumps(v, ensure_ascii=False)
            elif isinstance(v, (str, bool, int, float)):
                if k in json_keys[scope]:
                    v = json.dumps(v, ensure_ascii=False)
            else:
                raise GraphbuildError(f"cannot store {scope} attribute {k!r} of type {type(v).__name__} in GraphML")
            out[k] = v
        return out

    # First pass finds which names hold lists/dicts anywhere; second encodes uniformly.
    for _ in range(2):
        H = nx.MultiDiGraph()
        H.graph.update(encode("graph", G.graph))
        for n, data in G.nodes(data=True):
            H.add_node(n, **encode("node", data))
        for u, v, k, data in G.edges(keys=True, data=True):
            H.add_edge(u, v, key=k, **encode("edge", data))
    H.graph[_ENCODING_KEY] = json.dumps(
        {"json": {s: sorted(ks) for s, ks in json_keys.items()}, "keys": {s: sorted(ks) for s, ks in all_keys.items()}}
    )
    return H


def _decode_from_graphml(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    encoding = json.loads(H.graph.pop(_ENCODING_KEY, None) or '{"json": {}, "keys": {}}')
    json_keys = {s: set(encoding.get("json", {}).get(s, ())) for s in ("graph", "node", "edge")}
    all_keys = {s: list(encoding.get("keys", {}).get(s, ())) for s in ("graph", "node", "edge")}

    def decode(scope: str, attrs: dict[str, Any]) -> dict[str, Any]:
        out = {k: (json.loads(v) if k in json_keys[scope] and isinstance(v, str) else v) for k, v in attrs.items()}
        for k in all_keys[scope]:
            out.setdefault(k, None)
        return out

    for extra in ("node_default", "edge_default"):  # added by networkx's reader
        if extra not in all_keys["graph"] and not H.graph.get(extra):
            H.graph.pop(extra, None)
    G = nx.MultiDiGraph()
    G.graph.update(decode("graph", H.graph))
    for n, data in H.nodes(data=True):
        G.add_node(n, **decode("node", data))
    for u, v, k, data in H.edges(keys=True, data=True):
        G.add_edge(u, v, key=k, **decode("edge", data))
    return G
