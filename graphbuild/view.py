"""The interactive view: the deal graph as one self-contained, offline HTML file.

pyvis assembles the vis-network nodes, edges and options; our own jinja2
template (``templates/graph.html.j2``) inlines vis-network's JS and CSS from the
installed pyvis package, so the page loads nothing from the network. News text
is untrusted: every string reaches the page inside one JSON blob (``<``, ``>``
and ``&`` escaped) and the page's script puts it into the DOM with
``textContent`` only; vis-network never gets a ``title`` (it would render it
as HTML).

Positions are computed in Python (networkx's spring layout for small
components, a numpy force layout with grid-approximated repulsion for big
ones) and the page runs with physics off: vis-network's physics does not
settle on thousands of nodes, and a fixed layout opens the same way each time.
"""
from __future__ import annotations

import base64
import hashlib
import importlib.resources
import json
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import jinja2
import networkx as nx
import numpy as np
from pyvis.network import Network

from graphbuild.jsonio import atomic_write
from graphbuild.records import DEAL_TYPES

VIS_VERSION = "vis-9.1.2"  # the vis-network build pyvis 0.3.2 ships

# Above this many nodes: own O(E) layout, straight edges, lighter interaction.
LARGE_GRAPH_NODES = 300

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
DEAL_COLORS = {
    "investment": "#0072B2",
    "purchase": "#E69F00",
    "cloud_contract": "#009E73",
    "loan": "#CC79A7",
    "acquisition": "#D55E00",
    "equity_option": "#56B4E9",
    "other": "#8C8C8C",
}
KIND_COLORS = {
    "company": "#A9C8F0",
    "fund": "#F6D48B",
    "person": "#C9E6B4",
    "government": "#E3B7D4",
}
LOOP_COLOR = "#C62828"  # glow around loop edges, border of loop members

NODE_SIZE = (10.0, 42.0)  # px radius: no known money … most money moved
EDGE_WIDTH = (1.0, 9.0)  # px: unknown or smallest amount … largest

FONT_FACE = '"Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif'


@dataclass
class View:
    """Everything the page needs: vis-network data and options, tooltip data, legend."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    tips: dict[str, dict[str, Any]]
    legend: dict[str, Any]
    summary: dict[str, Any]

    def data_json(self) -> str:
        """The page's data blob: JSON safe inside ``<script type="application/json">``."""
        data = {
            "nodes": self.nodes,
            "edges": self.edges,
            "options": self.options,
            "tips": self.tips,
            "legend": self.legend,
            "summary": self.summary,
        }
        return script_safe_json(data)


def script_safe_json(data: Any) -> str:
    """JSON with ``<``, ``>``, ``&`` (and JS line separators) as \\u escapes.

    The result can sit inside a ``<script>`` element: no ``</script>``,
    ``<!--`` or entity can appear in it, whatever the strings contain.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# ---------------------------------------------------------------- public API


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, max_length: int = 4, loops: Iterable | None = None) -> None:
    """Write the interactive view of deal graph ``G`` to ``path`` (atomically).

    Edges on any money loop of up to ``max_length`` edges are highlighted;
    pass ``loops`` (from :func:`graphbuild.loops.find_loops`) to reuse loops
    already found instead of searching again.
    """
    html = render_html(G, max_length=max_length, loops=loops)
    with atomic_write(path) as fh:
        fh.write(html)


def render_html(G: nx.MultiDiGraph, max_length: int = 4, loops: Iterable | None = None) -> str:
    """The view of ``G`` as one HTML document (a string)."""
    view = build_view(G, max_length=max_length, loops=loops)
    template = _template()
    vis_js = _script_safe(_vis_asset("vis-network.min.js"))
    page_js = str(template.module.page_js)
    return template.render(
        title=_page_title(G),
        vis_js=vis_js,
        vis_css=_style_safe(_vis_asset("vis-network.css")),
        data_json=view.data_json(),
        # Only these two scripts may run: injected markup could not run script even if it got in.
        script_hashes=" ".join(_csp_hash(js) for js in (vis_js, page_js)),
    )


def build_view(G: nx.MultiDiGraph, max_length: int = 4, loops: Iterable | None = None) -> View:
    """Assemble the view of ``G``: pyvis builds the vis-network nodes, edges and options."""
    if loops is None:
        from graphbuild.loops import find_loops

        loops = find_loops(G, max_length=max_length)
    loops = list(loops)
    on_loop = loop_deals(loops)
    large = G.number_of_nodes() > LARGE_GRAPH_NODES

    paid, received = _money_flows(G)
    sizes = _log_scale({n: paid.get(n, 0.0) + received.get(n, 0.0) for n in G}, *NODE_SIZE)
    widths = _log_scale({i: d.get("amount_usd") for i, (_, _, d) in enumerate(G.edges(data=True))}, *EDGE_WIDTH)
    positions = layout_positions(G)

    net = _FastNetwork(directed=True, height="100%", width="100%")
    node_tips: dict[str, Any] = {}
    loop_nodes: set[str] = set()
    edge_rows = []
    for i, (u, v, key, d) in enumerate(G.edges(keys=True, data=True)):
        deal = str(d.get("id") or key)
        looped = (str(u), str(v), str(d.get("id"))) in on_loop  # as graphbuild.loops names deals
        if looped:
            loop_nodes.update((str(u), str(v)))
        edge_rows.append((i, u, v, deal, d, looped))

    for node, attrs in G.nodes(data=True):
        nid = str(node)
        x, y = positions[node]
        on = nid in loop_nodes
        kind = attrs.get("kind") or "company"
        net.add_node(
            nid,
            label=node_label(nid, attrs),
            shape="dot",
            size=round(sizes.get(node, NODE_SIZE[0]), 1),
            color={
                "background": KIND_COLORS.get(kind, KIND_COLORS["company"]),
                "border": LOOP_COLOR if on else "#4A5A70",
                "highlight": {"background": "#FFF59D", "border": "#202020"},
                "hover": {"background": "#FFF59D", "border": "#202020"},
            },
            borderWidth=2.5 if on else 1,
            x=round(float(x), 1),
            y=round(float(y), 1),
            loop=on,
        )
        node_tips[nid] = _node_tip(nid, attrs, paid.get(node), received.get(node), G.out_degree(node), G.in_degree(node))

    names = {n: a.get("name") or str(n) for n, a in G.nodes(data=True)}
    edge_tips: dict[str, Any] = {}
    parallel = Counter()
    for i, u_node, v_node, deal, d, looped in edge_rows:
        u, v = str(u_node), str(v_node)
        deal_type = d.get("deal_type") if d.get("deal_type") in DEAL_COLORS else "other"
        color = DEAL_COLORS[deal_type]
        width = widths.get(i, EDGE_WIDTH[0])
        eid = f"e{i}"
        options: dict[str, Any] = {
            "id": eid,
            "deal": deal,
            "dealType": deal_type,
            "color": {"color": color, "highlight": color, "hover": color, "opacity": 1.0 if looped else 0.75},
            "width": round(width + (2.0 if looped else 0.0), 2),
            "dashes": not _positive(d.get("amount_usd")),
            "loop": looped,
        }
        if looped:
            options["shadow"] = {"enabled": True, "color": LOOP_COLOR, "size": 10, "x": 0, "y": 0}
        if not large:
            # Curve parallel and opposite edges apart so each stays visible.
            pair = (u, v)
            n = parallel[pair]
            parallel[pair] += 1
            options["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 + 0.14 * n, 2)}
        net.add_edge(u, v, **options)
        edge_tips[eid] = _edge_tip(d, deal, deal_type, names[u_node], names[v_node], looped)

    nodes, edges, _, _, _, _ = net.get_network_data()
    counts = Counter(e["dealType"] for e in edges)
    legend = {
        "deal_types": [{"type": t, "color": DEAL_COLORS[t], "count": counts[t]} for t in DEAL_TYPES if counts[t]],
        "kinds": [
            {"kind": k, "color": c}
            for k, c in KIND_COLORS.items()
            if any((a.get("kind") or "company") == k for _, a in G.nodes(data=True))
        ],
        "loop_color": LOOP_COLOR,
        "max_length": max_length,
    }
    summary = {
        "organisations": G.number_of_nodes(),
        "deals": G.number_of_edges(),
        "loops": len(loops),
        "loop_edges": sum(1 for row in edge_rows if row[5]),
        "documents": len(G.graph.get("documents") or ()),
        "large": large,
    }
    return View(
        nodes=nodes,
        edges=edges,
        options=_vis_options(large),
        tips={"nodes": node_tips, "edges": edge_tips},
        legend=legend,
        summary=summary,
    )


def loop_deals(loops: Iterable) -> set[tuple[str, str, str]]:
    """(source, target, deal id) of every deal on any of ``loops`` (graphbuild.loops.Loop records)."""
    return {(str(edge.source), str(edge.target), str(deal.id)) for loop in loops for edge in loop.edges for deal in edge.deals}


def node_label(node_id: str, attrs: dict[str, Any]) -> str:
    """The label in the documents' own script: a Chinese mention as seen, else the name."""
    for mention in attrs.get("mentions") or ():
        if _has_cjk(mention):
            return mention
    return attrs.get("name") or node_id


# ---------------------------------------------------------------- layout


def layout_positions(G: nx.Graph, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Pixel positions for every node, computed in Python so the page needs no physics.

    Each connected component is laid out on its own: networkx's spring layout
    up to ``SPRING_MAX_NODES`` nodes, above that an O(E)-per-iteration force
    layout (:func:`force_layout`); then the components are packed in rows,
    biggest first. (One layout of a disconnected graph pushes components far
    apart, and the page would open zoomed out too far to read anything.)
    """
    nodes = list(G.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    U = nx.Graph()
    U.add_nodes_from(range(len(nodes)))
    U.add_edges_from((index[u], index[v]) for u, v in G.edges() if u != v)
    iterations = 300 if len(nodes) <= LARGE_GRAPH_NODES else 60
    pos = np.zeros((len(nodes), 2))
    boxes = []
    for comp in sorted(nx.connected_components(U), key=lambda c: (-len(c), min(c))):
        members = sorted(comp)
        local = _component_layout(U, members, seed, iterations)
        local = local - local.min(axis=0)
        boxes.append((members, local, local.max(axis=0)))
    gap = EDGE_PX * 0.6
    area = sum((w + gap) * (h + gap) for _, _, (w, h) in boxes)
    row_width = max([math.sqrt(area) * 1.4] + [w for _, _, (w, _) in boxes])
    x = y = row_height = 0.0
    for members, local, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        pos[members] = local + (x, y)
        x += w + gap
        row_height = max(row_height, h)
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for n, i in index.items()}


EDGE_PX = 190.0  # median edge length of spring layouts, in pixels
SPRING_MAX_NODES = 150  # bigger components use force_layout


def _component_layout(U: nx.Graph, members: list[int], seed: int, iterations: int) -> np.ndarray:
    """Pixel positions of one connected component, in ``members`` order."""
    if len(members) == 1:
        return np.zeros((1, 2))
    if len(members) == 2:
        return np.array([[-EDGE_PX / 2, 0.0], [EDGE_PX / 2, 0.0]])
    H = U.subgraph(members)
    at = {m: i for i, m in enumerate(members)}
    edges = np.array([(at[a], at[b]) for a, b in H.edges()], dtype=np.int64).reshape(-1, 2)
    if len(members) > SPRING_MAX_NODES:
        return force_layout(len(members), edges[:, 0], edges[:, 1], seed=seed)
    raw = nx.spring_layout(H, k=2.5 / math.sqrt(len(members)), iterations=iterations, seed=seed)
    local = np.array([raw[m] for m in members], dtype=float)
    return _spread(_scale_to_edge_length(local, edges[:, 0], edges[:, 1], EDGE_PX), MIN_GAP_PX)


MIN_GAP_PX = 170.0  # closest two node centres of a small component: two big dots, an arrow and a label


def _spread(pos: np.ndarray, min_dist: float, rounds: int = 60) -> np.ndarray:
    """Push apart nodes closer than ``min_dist`` (spring layouts pack dense cores tightly)."""
    pos = pos.copy()
    for _ in range(rounds):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(min_dist - dist, 0.0, None)
        if not overlap.any():
            break
        push = delta / np.maximum(dist, 1e-6)[..., None] * (overlap / 2)[..., None]
        pos += push.sum(axis=1) * 0.5
    return pos


def force_layout(n: int, src: np.ndarray, dst: np.ndarray, seed: int = 7, iterations: int = 60) -> np.ndarray:
    """Fruchterman–Reingold-style layout whose cost per iteration is O(E + n·cells).

    Leaves (degree 1, hanging off a bigger node) are left out of the
    simulation and set in a ring around their neighbour afterwards; the
    neighbour weighs one more per leaf so its ring gets room. Repulsion comes
    from the centroids of a coarse grid of cells rather than from every node.
    Returns an (n, 2) array of pixel positions.
    """
    rng = np.random.default_rng(seed)
    deg = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    leaf_of = np.full(n, -1)
    for a, b in ((src, dst), (dst, src)):
        is_leaf = (deg[a] == 1) & (deg[b] > 1)
        leaf_of[a[is_leaf]] = b[is_leaf]
    core = np.flatnonzero(leaf_of < 0)
    remap = np.full(n, -1)
    remap[core] = np.arange(len(core))
    keep = (leaf_of[src] < 0) & (leaf_of[dst] < 0)
    cs, cd = remap[src[keep]], remap[dst[keep]]
    m = len(core)
    weight = 1.0 + np.bincount(remap[leaf_of[leaf_of >= 0]], minlength=m).astype(float)

    k = 1.0  # ideal edge length in layout units
    pos = rng.uniform(-1.0, 1.0, (m, 2)) * math.sqrt(m) * k
    temperature = math.sqrt(m) * k * 0.2
    cells_per_side = int(min(16, max(4, math.sqrt(m) / 4)))
    for step in range(iterations):
        disp = _grid_repulsion(pos, weight, k, cells_per_side)
        delta = pos[cd] - pos[cs]
        dist = np.hypot(delta[:, 0], delta[:, 1]) + 1e-9
        pull = delta * (dist / k)[:, None]
        for axis in (0, 1):
            disp[:, axis] += np.bincount(cs, pull[:, axis], m) - np.bincount(cd, pull[:, axis], m)
        disp -= pos * (0.02 * weight / math.sqrt(m))[:, None]  # gravity keeps components near
        length = np.hypot(disp[:, 0], disp[:, 1]) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.93 if step < iterations - 10 else 0.8

    full = np.zeros((n, 2))
    full[core] = pos
    leaves = np.flatnonzero(leaf_of >= 0)
    by_parent: dict[int, list[int]] = defaultdict(list)
    for leaf in leaves:
        by_parent[int(leaf_of[leaf])].append(int(leaf))
    for parent, kids in by_parent.items():
        radius = k * max(0.7, 0.35 * len(kids) / (2 * math.pi))
        angles = np.linspace(0.0, 2 * math.pi, len(kids), endpoint=False) + rng.uniform(0, 1)
        full[kids, 0] = full[parent, 0] + radius * np.cos(angles)
        full[kids, 1] = full[parent, 1] + radius * np.sin(angles)
    return full * 140.0


def _grid_repulsion(pos: np.ndarray, weight: np.ndarray, k: float, g: int) -> np.ndarray:
    """Repulsion k²·w/d from each grid cell's weighted centroid (own cell without the node itself)."""
    lo = pos.min(axis=0)
    span = pos.max(axis=0) - lo + 1e-9
    cell = np.minimum(((pos - lo) / span * g).astype(np.int64), g - 1)
    cid = cell[:, 0] * g + cell[:, 1]
    mass = np.bincount(cid, weight, g * g)
    sx = np.bincount(cid, weight * pos[:, 0], g * g)
    sy = np.bincount(cid, weight * pos[:, 1], g * g)
    occupied = np.flatnonzero(mass > 0)
    cm, cx, cy = mass[occupied], sx[occupied] / mass[occupied], sy[occupied] / mass[occupied]
    out = np.zeros_like(pos)
    cm32, cx32, cy32 = (a.astype(np.float32) for a in (cm * k * k, cx, cy))
    chunk = max(1, 2_000_000 // max(len(occupied), 1))
    for a in range(0, len(pos), chunk):
        px = pos[a : a + chunk, 0, None].astype(np.float32)
        py = pos[a : a + chunk, 1, None].astype(np.float32)
        dx = px - cx32
        dy = py - cy32
        w = cm32 / (dx * dx + dy * dy + np.float32(0.01 * k * k))
        out[a : a + chunk, 0] = (dx * w).sum(axis=1)
        out[a : a + chunk, 1] = (dy * w).sum(axis=1)
    # Replace the own-cell term (centroid incl. the node) by the one without it.
    own_m, own_x, own_y = mass[cid], sx[cid] / mass[cid], sy[cid] / mass[cid]
    dx, dy = pos[:, 0] - own_x, pos[:, 1] - own_y
    w = own_m * (k * k) / (dx * dx + dy * dy + 0.01 * k * k)
    out[:, 0] -= dx * w
    out[:, 1] -= dy * w
    rest = own_m - weight
    has_rest = rest > 1e-9
    ex = np.where(has_rest, (sx[cid] - weight * pos[:, 0]) / np.where(has_rest, rest, 1), pos[:, 0])
    ey = np.where(has_rest, (sy[cid] - weight * pos[:, 1]) / np.where(has_rest, rest, 1), pos[:, 1])
    dx, dy = pos[:, 0] - ex, pos[:, 1] - ey
    w = np.where(has_rest, rest * (k * k) / (dx * dx + dy * dy + 0.01 * k * k), 0.0)
    out[:, 0] += dx * w
    out[:, 1] += dy * w
    return out


def _scale_to_edge_length(pos: np.ndarray, src: np.ndarray, dst: np.ndarray, target: float) -> np.ndarray:
    """Scale positions so the median edge is ``target`` pixels long."""
    if len(src):
        lengths = np.hypot(*(pos[src] - pos[dst]).T)
        median = float(np.median(lengths))
    else:
        median = 0.0
    if median <= 1e-9:
        span = float(np.ptp(pos, axis=0).max()) if len(pos) > 1 else 0.0
        return pos * (target * math.sqrt(len(pos)) / span if span > 1e-9 else 1.0)
    return pos * (target / median)


# ---------------------------------------------------------------- pieces


class _FastNetwork(Network):
    """pyvis Network whose node-existence checks are O(1).

    pyvis 0.3.2 keeps node ids in a list and scans it on every add_node and
    (twice) on every add_edge, which is quadratic on graphs of thousands of nodes.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.node_ids = _IdList(self.node_ids)


class _IdList(list):
    """A list with set-speed ``in``."""

    def __init__(self, items=()):
        super().__init__(items)
        self._members = set(items)

    def append(self, item) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item) -> bool:
        return item in self._members


def _vis_options(large: bool) -> dict[str, Any]:
    """vis-network options: physics off (positions come from Python); lighter for large graphs."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "nodes": {
            "shape": "dot",
            "font": {"face": FONT_FACE, "size": 15, "color": "#1B1B1B", "strokeWidth": 3, "strokeColor": "#FFFFFF"},
            "scaling": {"label": {"enabled": False, "drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "smooth": {"enabled": not large, "type": "curvedCW", "roundness": 0.15},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "hoverConnectedEdges": not large,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
    }


def _money_flows(G: nx.MultiDiGraph) -> tuple[dict[Any, float], dict[Any, float]]:
    """Known USD paid and received per node (nodes with none are left out)."""
    paid: dict[Any, float] = defaultdict(float)
    received: dict[Any, float] = defaultdict(float)
    for u, v, usd in G.edges(data="amount_usd"):
        if _positive(usd):
            paid[u] += usd
            received[v] += usd
    return dict(paid), dict(received)


def _log_scale(values: dict[Any, float | None], low: float, high: float) -> dict[Any, float]:
    """Map positive values to [low, high] by their logarithm; missing/zero values map to low."""
    logs = {k: math.log10(v) for k, v in values.items() if _positive(v)}
    if not logs:
        return {k: low for k in values}
    lo, hi = min(logs.values()), max(logs.values())
    out = {k: low for k in values}
    for k, lg in logs.items():
        frac = 0.6 if hi - lo < 1e-9 else (lg - lo) / (hi - lo)
        out[k] = low + (high - low) * (0.15 + 0.85 * frac)
    return out


def _node_tip(nid: str, attrs: dict[str, Any], paid: float | None, received: float | None, n_out: int, n_in: int) -> dict[str, Any]:
    return {
        "id": nid,
        "name": attrs.get("name") or nid,
        "name_zh": attrs.get("name_zh"),
        "mentions": list(attrs.get("mentions") or []),
        "kind": attrs.get("kind") or "company",
        "paid_usd": paid,
        "received_usd": received,
        "deals_out": n_out,
        "deals_in": n_in,
    }


def _edge_tip(d: dict[str, Any], deal: str, deal_type: str, source: str, target: str, looped: bool) -> dict[str, Any]:
    evidence = [
        {"doc": e.get("doc"), "sentence": e.get("sentence")}
        for e in (d.get("evidence") or [])
        if isinstance(e, dict)
    ]
    return {
        "deal": deal,
        "source": source,
        "target": target,
        "deal_type": deal_type,
        "amount_text": d.get("amount_text"),
        "amount_usd": _finite(d.get("amount_usd")),
        "approximate": bool(d.get("approximate")),
        "confidence": _finite(d.get("confidence")),
        "date": d.get("date"),
        "evidence": evidence,
        "docs": list(d.get("docs") or sorted({e["doc"] for e in evidence if e.get("doc")})),
        "loop": looped,
    }


def _positive(value: Any) -> bool:
    """A usable amount: a finite number above zero."""
    return isinstance(value, (int, float)) and math.isfinite(value) and value > 0


def _finite(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _page_title(G: nx.MultiDiGraph) -> str:
    return f"Deal graph — {G.number_of_nodes()} organisations, {G.number_of_edges()} deals"


def _vis_asset(name: str) -> str:
    """A vis-network file from the installed pyvis package (read at write time)."""
    ref = importlib.resources.files("pyvis") / "templates" / "lib" / VIS_VERSION / name
    return ref.read_text(encoding="utf-8")


def _script_safe(js: str) -> str:
    """Make library JS safe to inline: no ``</script`` or ``<!--`` may end the element early."""
    return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT").replace("<!--", "<\\!--")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _style_safe(css: str) -> str:
    return css.replace("</style", "<\\/style").replace("</STYLE", "<\\/STYLE")


def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("graphbuild", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        keep_trailing_newline=True,
    )
    return env.get_template("graph.html.j2")
