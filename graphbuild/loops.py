"""Money loops: short directed cycles in the deal graph, with their evidence.

The search runs on the aggregated graph (one edge per ordered pair, see
:func:`graphbuild.graph.aggregate`) and only inside strongly connected
components. :func:`simple_cycles_bounded` is a depth-bounded DFS per start
node, pruned by backward BFS distances; it gives the same cycles as
``networkx.simple_cycles(G, length_bound=k)`` (minus self-loops), faster for
short bounds (see benchmarks/loops_scale.py and docs/loops.md).
"""
from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphbuild.errors import GraphbuildError
from graphbuild.graph import aggregate, money_totals
from graphbuild.jsonio import write_json
from graphbuild.records import DEAL_TYPES

TOP_ENTITIES = 10  # how many payers / receivers loops.json lists


# ---------------------------------------------------------------- cycle search


def node_order(nodes: Iterable[Hashable]) -> list:
    """Nodes in a total order: their natural order, or by (type name, str) when mixed."""
    nodes = list(nodes)
    try:
        return sorted(nodes)
    except TypeError:
        return sorted(nodes, key=lambda n: (type(n).__name__, str(n)))


def simple_cycles_bounded(D: nx.DiGraph, length_bound: int) -> Iterator[list]:
    """Yield every simple directed cycle of 2..``length_bound`` nodes of ``D`` once.

    Self-loops are skipped. Each cycle is a list of nodes in edge order,
    rotated to start at its smallest node (see :func:`node_order`).

    How: only edges inside a strongly connected component are kept, and nodes
    are numbered hubs first (by degree within their component). For each
    start ``s`` in that order the cycles whose earliest node is ``s`` are
    enumerated by a DFS over later nodes only, entering ``v`` only when the
    backward BFS distance from ``v`` to ``s`` (over later nodes) still fits in
    the remaining length. Taking hubs first removes them early, so later
    searches see a sparse graph.
    """
    if length_bound < 2:
        return
    id_order = node_order(D)
    id_rank = {v: i for i, v in enumerate(id_order)}
    adjacency = dict(D.adjacency())
    # Integer adjacency in id order, self-loops dropped, then only edges inside an SCC.
    succ0 = [[id_rank[w] for w in adjacency[v] if w != v] for v in id_order]
    comp = _strong_components(succ0)
    succ0 = [[w for w in ws if comp[w] == comp[v]] for v, ws in enumerate(succ0)]
    degree = [len(ws) for ws in succ0]
    for ws in succ0:
        for w in ws:
            degree[w] += 1
    # Search order: hubs first; nodes on no cycle are left out.
    search = sorted((v for v in range(len(succ0)) if degree[v]), key=lambda v: (-degree[v], v))
    pos = {v: i for i, v in enumerate(search)}
    succ = [[pos[w] for w in succ0[v]] for v in search]
    del succ0, comp, degree
    n = len(search)
    pred: list[list[int]] = [[] for _ in range(n)]
    for v, ws in enumerate(succ):
        for w in ws:
            pred[w].append(v)

    stamp = [-1] * n  # stamp[v] == s: v is a later node within reach of s
    dist = [0] * n  # edges from v back to s, valid when stamp[v] == s
    onpath = [False] * n
    k = length_bound

    for s in range(n):
        # Backward BFS from s over nodes after s, up to k - 1 edges.
        stamp[s] = s
        frontier = [p for p in pred[s] if p > s]
        if not frontier:
            continue
        for p in frontier:
            stamp[p] = s
            dist[p] = 1
        d = 1
        while frontier and d < k - 1:
            d += 1
            nxt = []
            for x in frontier:
                for p in pred[x]:
                    if p > s and stamp[p] != s:
                        stamp[p] = s
                        dist[p] = d
                        nxt.append(p)
            frontier = nxt

        found: list[tuple[int, ...]] = []
        path = [s]
        onpath[s] = True

        def extend(u: int, m: int) -> None:
            # path holds m nodes ending at u; try each next node v.
            for v in succ[u]:
                if stamp[v] != s or onpath[v] or m + dist[v] > k:
                    continue
                path.append(v)
                if dist[v] == 1:
                    found.append(tuple(path))
                if m + 1 < k:
                    onpath[v] = True
                    extend(v, m + 1)
                    onpath[v] = False
                path.pop()

        extend(s, 1)
        onpath[s] = False

        for cycle in found:
            ids = [search[v] for v in cycle]  # id ranks
            first = ids.index(min(ids))
            yield [id_order[i] for i in ids[first:] + ids[:first]]


def _strong_components(succ: list[list[int]]) -> list[int]:
    """Component number of each node (iterative Tarjan over int adjacency lists)."""
    n = len(succ)
    index = [-1] * n
    low = [0] * n
    onstack = [False] * n
    comp = [-1] * n
    stack: list[int] = []
    counter = 0
    ncomp = 0
    for root in range(n):
        if index[root] != -1:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        onstack[root] = True
        work = [(root, iter(succ[root]))]
        while work:
            v, it = work[-1]
            descended = False
            for w in it:
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    onstack[w] = True
                    work.append((w, iter(succ[w])))
                    descended = True
                    break
                if onstack[w] and index[w] < low[v]:
                    low[v] = index[w]
            if descended:
                continue
            work.pop()
            if work:
                u = work[-1][0]
                if low[v] < low[u]:
                    low[u] = low[v]
            if low[v] == index[v]:
                while True:
                    w = stack.pop()
                    onstack[w] = False
                    comp[w] = ncomp
                    if w == v:
                        break
                ncomp += 1
    return comp


# ---------------------------------------------------------------- loop records


@dataclass(frozen=True)
class LoopMember:
    """One organisation on a loop."""

    id: str
    name: str
    name_zh: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "name_zh": self.name_zh}


@dataclass(frozen=True)
class LoopDeal:
    """One deal on a loop edge, with the sentences that state it."""

    id: str
    deal_type: str
    amount_usd: float | None
    amount_text: str | None
    approximate: bool
    confidence: float
    date: str | None
    evidence: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "deal_type": self.deal_type,
            "amount_usd": self.amount_usd,
            "amount_text": self.amount_text,
            "approximate": self.approximate,
            "confidence": self.confidence,
            "date": self.date,
            "evidence": [dict(e) for e in self.evidence],
        }


@dataclass(frozen=True)
class LoopEdge:
    """All deals from ``source`` to ``target``; ``usd`` sums the known amounts (None if none)."""

    source: str
    target: str
    usd: float | None
    deal_types: tuple[str, ...]
    deals: tuple[LoopDeal, ...]

    @property
    def confidence(self) -> float:
        """The edge is as sure as its best-attested deal."""
        return max((d.confidence for d in self.deals), default=0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "usd": self.usd,
            "deal_types": list(self.deal_types),
            "deals": [d.to_dict() for d in self.deals],
        }


@dataclass
class Loop:
    """A money loop: members in cycle order (starting at the smallest id) and the edges between them.

    ``amount_usd`` is the round-trip amount: the smallest known USD total over
    the edges (None when no edge has one); ``amount_complete`` says every edge
    has a known amount. ``confidence`` is the product of the edge confidences
    (each the maximum over its deals): every edge must hold for the loop to.
    """

    members: list[LoopMember]
    edges: list[LoopEdge]
    amount_usd: float | None
    amount_complete: bool
    documents: list[str]
    confidence: float
    length: int
    rank: int = 0
    ids: tuple[str, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "length": self.length,
            "members": [m.to_dict() for m in self.members],
            "edges": [e.to_dict() for e in self.edges],
            "amount_usd": self.amount_usd,
            "amount_complete": self.amount_complete,
            "documents": list(self.documents),
            "confidence": self.confidence,
        }


def find_loops(
    G: nx.MultiDiGraph,
    max_length: int = 4,
    min_amount: float | None = None,
    deal_types: Iterable[str] | None = None,
) -> list[Loop]:
    """Money loops of 2..``max_length`` organisations in the deal graph, ranked.

    ``deal_types`` keeps only deals of those types before searching;
    ``min_amount`` keeps loops whose round-trip ``amount_usd`` is at least that.
    Ranking: amount desc (unknown last), then shorter, then more confident,
    then member ids.
    """
    if max_length < 2:
        raise GraphbuildError(f"max_length must be at least 2, not {max_length}")
    if deal_types is not None:
        wanted = set(deal_types)
        unknown = sorted(wanted - set(DEAL_TYPES))
        if unknown:
            raise GraphbuildError(f"unknown deal type(s) {', '.join(unknown)} (known: {', '.join(DEAL_TYPES)})")
        H = nx.MultiDiGraph()
        H.graph.update(G.graph)
        H.add_nodes_from(G.nodes(data=True))
        H.add_edges_from(
            (u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if (d.get("deal_type") or "other") in wanted
        )
        G = H
    D = aggregate(G)
    loops = [_make_loop(D, cycle) for cycle in simple_cycles_bounded(D, max_length)]
    if min_amount is not None:
        loops = [lp for lp in loops if lp.amount_usd is not None and lp.amount_usd >= min_amount]
    loops.sort(key=lambda lp: (lp.amount_usd is None, -(lp.amount_usd or 0.0), lp.length, -lp.confidence, lp.ids))
    for rank, lp in enumerate(loops, 1):
        lp.rank = rank
    return loops


def _member(G: nx.Graph, node: Hashable) -> LoopMember:
    data = G.nodes[node]
    return LoopMember(id=str(node), name=data.get("name") or str(node), name_zh=data.get("name_zh"))


def _make_loop(D: nx.DiGraph, cycle: list) -> Loop:
    edges = []
    documents: set[str] = set()
    for u, v in zip(cycle, cycle[1:] + cycle[:1]):
        data = D[u][v]
        deals = []
        for d in data["deals"]:
            evidence = tuple(d.get("evidence") or ())
            documents.update(d.get("docs") or ())
            documents.update(e["doc"] for e in evidence if e.get("doc"))
            deals.append(
                LoopDeal(
                    id=str(d.get("id")),
                    deal_type=d.get("deal_type") or "other",
                    amount_usd=d.get("amount_usd"),
                    amount_text=d.get("amount_text"),
                    approximate=bool(d.get("approximate")),
                    confidence=float(d.get("confidence") if d.get("confidence") is not None else 0.0),
                    date=d.get("date"),
                    evidence=evidence,
                )
            )
        edges.append(LoopEdge(str(u), str(v), data["usd"], tuple(data["deal_types"]), tuple(deals)))
    known = [e.usd for e in edges if e.usd is not None]
    confidence = 1.0
    for e in edges:
        confidence *= e.confidence
    return Loop(
        members=[_member(D, n) for n in cycle],
        edges=edges,
        amount_usd=min(known) if known else None,
        amount_complete=len(known) == len(edges),
        documents=sorted(documents),
        confidence=round(confidence, 6),
        length=len(cycle),
        ids=tuple(str(n) for n in cycle),
    )


# ---------------------------------------------------------------- loops.json


def loops_document(loops: list[Loop], G: nx.MultiDiGraph, max_length: int | None = None) -> dict[str, Any]:
    """The loops.json structure (see schemas/loops.schema.json).

    ``max_length`` is the search bound; when not given, the longest loop found.
    """
    documents = G.graph.get("documents")
    if documents is None:
        documents = sorted({doc for _, _, docs in G.edges(data="docs") for doc in (docs or ())})
    totals = money_totals(G)

    def entities(ranked: list[tuple[str, float]]) -> list[dict[str, Any]]:
        return [{**_member(G, node).to_dict(), "usd": usd} for node, usd in ranked[:TOP_ENTITIES]]

    if max_length is None:
        max_length = max((lp.length for lp in loops), default=0)
    return {
        "summary": {
            "documents": len(documents),
            "deals": G.number_of_edges(),
            "companies": G.number_of_nodes(),
            "loops": len(loops),
            "max_length": int(max_length),
        },
        "top_payers": entities(totals.payers),
        "top_receivers": entities(totals.receivers),
        "loops": [lp.to_dict() for lp in loops],
    }


def write_loops(loops: list[Loop], G: nx.MultiDiGraph, path: str | os.PathLike, max_length: int | None = None) -> None:
    """Write loops.json atomically."""
    write_json(loops_document(loops, G, max_length=max_length), path)
