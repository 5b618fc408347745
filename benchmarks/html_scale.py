"""How the interactive view scales: write time and time until the page has drawn.

Builds synthetic deal graphs following the in-memory graph contract (a few
hubs that take most deals, money mostly flowing "downstream", some loops) with
500, 5,000 and 20,000 edges, writes each with graphbuild.view.write_html, opens
it in headless Chromium (networking off) and reads ``window.__drawnAt``: the
page's performance.now() at vis-network's first "afterDrawing" event, i.e.
milliseconds from navigation start until the network is on screen.

    python benchmarks/html_scale.py [--sizes 500,5000,20000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import browser_missing, chromium, wait_drawn  # noqa: E402

from graphbuild.records import DEAL_TYPES  # noqa: E402
from graphbuild.view import build_view, layout_positions, write_html  # noqa: E402

SENTENCES = [
    "{a}宣布向{b}注资{x}亿美元，用于扩充算力。",
    "{b}收到{a}价值{x}亿美元的GPU采购订单。",
    "{a}与{b}签下为期五年、总额{x}亿美元的云服务协议。",
    "据知情人士透露，{a}已同意以{x}亿美元收购{b}。",
]


def synthetic_graph(n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A deal graph with ``n_edges`` deals over about n_edges/2.5 organisations."""
    rng = np.random.default_rng(seed)
    n_nodes = max(10, int(n_edges / 2.5))
    weights = 1.0 / np.arange(1, n_nodes + 1) ** 0.9  # Zipf-like: a few hubs
    weights /= weights.sum()
    G = nx.MultiDiGraph()
    G.graph["documents"] = [f"news/{i:05d}.txt" for i in range(max(1, n_edges // 4))]
    G.graph["deal_records"] = n_edges
    for i in range(n_nodes):
        G.add_node(
            f"org{i}",
            name=f"Org {i}",
            name_zh=f"公司{i}",
            aliases=[],
            kind="fund" if i % 11 == 0 else "company",
            mentions=[f"公司{i}"],
        )
    a = rng.choice(n_nodes, size=n_edges, p=weights)
    b = rng.integers(0, n_nodes, size=n_edges)
    for i in range(n_edges):
        u, v = int(a[i]), int(b[i])
        if u == v:
            v = (v + 1) % n_nodes
        # Money flows from lower to higher numbers, except about 1 deal in 60.
        if (u > v) != (i % 60 == 0):
            u, v = v, u
        usd = None if i % 5 == 0 else float(10 ** rng.uniform(7, 11.5))
        deal_type = DEAL_TYPES[i % len(DEAL_TYPES)]
        doc = G.graph["documents"][i % len(G.graph["documents"])]
        sentence = SENTENCES[i % len(SENTENCES)].format(a=f"公司{u}", b=f"公司{v}", x=i % 900 + 1)
        G.add_edge(
            f"org{u}",
            f"org{v}",
            key=f"d{i:06d}",
            id=f"d{i:06d}",
            deal_type=deal_type,
            amount_usd=usd,
            amount_value=usd,
            currency=None if usd is None else "USD",
            amount_text=None if usd is None else f"{usd / 1e8:.0f}亿美元",
            approximate=False,
            confidence=0.8,
            date=None,
            evidence=[{"doc": doc, "sentence": sentence, "start": 0, "end": len(sentence)}],
            docs=[doc],
        )
    return G


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,20000")
    parser.add_argument("--repeat", type=int, default=4, help="page loads per size (first, and median of the rest)")
    args = parser.parse_args()
    missing = browser_missing()
    if missing:
        sys.exit(f"html_scale: {missing}")

    rows = []
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        for n_edges in (int(s) for s in args.sizes.split(",")):
            G = synthetic_graph(n_edges)
            t0 = time.perf_counter()
            layout_positions(G)
            t_layout = time.perf_counter() - t0
            t0 = time.perf_counter()
            view = build_view(G)
            t_view = time.perf_counter() - t0
            path = Path(tmp) / f"view_{n_edges}.html"
            t0 = time.perf_counter()
            write_html(G, path)
            t_write = time.perf_counter() - t0
            drawn = []
            for _ in range(args.repeat):
                driver.get("about:blank")
                driver.get(path.as_uri())
                drawn.append(wait_drawn(driver, timeout=300))
                shown = driver.execute_script(
                    "return [graphbuildData.nodes.length, graphbuildData.edges.length]"
                )
                assert shown == [G.number_of_nodes(), G.number_of_edges()], shown
            rows.append(
                (n_edges, G.number_of_nodes(), view.summary["loop_edges"], path.stat().st_size / 1e6,
                 t_layout, t_view, t_write, drawn[0] / 1000, statistics.median(drawn[1:] or drawn) / 1000)
            )
            print(f"  {n_edges} edges done", file=sys.stderr)

    print("| edges | nodes | loop edges | file MB | layout s | build_view s | write_html s | drawn, first load s | drawn, reloads (median) s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0]:,} | {r[1]:,} | {r[2]:,} | {r[3]:.1f} | {r[4]:.2f} | {r[5]:.2f} | {r[6]:.2f} | {r[7]:.2f} | {r[8]:.2f} |")
    base = rows[0]
    for r in rows[1:]:
        print(f"{r[0]:,} vs {base[0]:,} edges: write x{r[6] / base[6]:.1f}, drawn (reloads) x{r[8] / base[8]:.1f}")


if __name__ == "__main__":
    main()
