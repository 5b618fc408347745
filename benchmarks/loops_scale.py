"""Cycle search at scale: graphbuild's simple_cycles_bounded beside networkx.simple_cycles.

Builds synthetic scale-free directed deal graphs (preferential attachment, the
Bollobás-Borgs-Chayes-Riordan model that ``networkx.scale_free_graph`` uses,
with its default parameters, but grown until it has exactly the requested
number of distinct edges, no self-loops). Both searches run on the same graph,
each in its own forked process, consuming the cycles one by one (no list of
all cycles is kept) so that time and peak memory are theirs alone.

Printed per size: cycles found by each (count and an order-independent
checksum of the rotation-normalised cycles; they must be equal), seconds,
the ratio networkx / graphbuild, and the peak RSS growth of each process over
the graph already in memory. networkx gets a time limit (--nx-timeout); when it
is cut off the line says so and how many cycles it had produced.

    python benchmarks/loops_scale.py                    # 10k, 100k, 1M edges
    python benchmarks/loops_scale.py --sizes 10000,100000
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import sys
import threading
import time
from collections import Counter

import networkx as nx
import psutil

from graphbuild.loops import simple_cycles_bounded

MASK = (1 << 64) - 1


def scale_free_deals(edges: int, seed: int = 7, alpha=0.41, beta=0.54, gamma=0.05, delta_in=0.2, delta_out=0.0) -> nx.DiGraph:
    """A directed scale-free graph with exactly ``edges`` distinct edges (u pays v), no self-loops.

    Each step adds an edge: with probability alpha from a new node to an
    existing one, beta between existing nodes, gamma from an existing node to
    a new one; existing ends are picked with probability ∝ in-degree + delta_in
    (targets) or out-degree + delta_out (sources). Repeated edges are skipped.
    """
    rng = random.Random(seed)
    D = nx.DiGraph()
    D.add_edges_from([(0, 1), (1, 2), (2, 0)])
    heads = [1, 2, 0]  # one entry per edge: its target (for in-degree preference)
    tails = [0, 1, 2]  # its source
    n = 3

    def pick(ends: list[int], delta: float) -> int:
        r = rng.random() * (len(ends) + delta * n)
        return ends[int(r)] if r < len(ends) else rng.randrange(n)

    m = 3
    while m < edges:
        r = rng.random()
        if r < alpha:
            u, v = n, pick(heads, delta_in)
        elif r < alpha + beta:
            u, v = pick(tails, delta_out), pick(heads, delta_in)
        else:
            u, v = pick(tails, delta_out), n
        if u == v or D.has_edge(u, v):
            continue
        if u == n or v == n:
            n += 1
        D.add_edge(u, v)
        m += 1
        tails.append(u)
        heads.append(v)
    return D


def _normalise(cycle: list) -> tuple:
    i = cycle.index(min(cycle))
    return tuple(cycle[i:] + cycle[:i])


def _ours(D, k):
    return simple_cycles_bounded(D, k)


def _networkx(D, k):
    return (c for c in nx.simple_cycles(D, length_bound=k) if len(c) > 1)


SEARCHES = {"graphbuild": _ours, "networkx": _networkx}


def _child(name, D, k, progress, conn):
    """Run one search in this (forked) process; send back count, checksum, lengths, seconds, peak RSS growth."""
    proc = psutil.Process()
    base = proc.memory_info().rss
    peak = [base]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            stop.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    count = 0
    checksum = 0
    lengths = Counter()
    t0 = time.perf_counter()
    for cycle in SEARCHES[name](D, k):
        count += 1
        checksum = (checksum + hash(_normalise(cycle))) & MASK
        lengths[len(cycle)] += 1
        if count & 0x3FF == 0:
            progress.value = count
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    peak[0] = max(peak[0], proc.memory_info().rss)
    progress.value = count
    conn.send((count, checksum, dict(sorted(lengths.items())), seconds, peak[0] - base))
    conn.close()


def run_search(name: str, D: nx.DiGraph, k: int, timeout: float | None):
    """Fork a process for one search; returns a result dict (``cut_off`` when the time limit hit)."""
    ctx = mp.get_context("fork")
    progress = ctx.Value("q", 0, lock=False)
    recv, send = ctx.Pipe(duplex=False)
    t0 = time.perf_counter()
    proc = ctx.Process(target=_child, args=(name, D, k, progress, send))
    proc.start()
    send.close()
    if recv.poll(timeout):
        count, checksum, lengths, seconds, peak = recv.recv()
        proc.join()
        return {"count": count, "checksum": checksum, "lengths": lengths, "seconds": seconds, "peak": peak, "cut_off": False}
    proc.kill()  # only the process started just above
    proc.join()
    return {"count": progress.value, "seconds": time.perf_counter() - t0, "cut_off": True}


def mib(b: int) -> str:
    return f"{b / 2**20:,.1f} MiB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="edge counts, comma-separated")
    ap.add_argument("--length-bound", type=int, default=4)
    ap.add_argument("--nx-timeout", type=float, default=1800.0, help="seconds before networkx is cut off")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    k = args.length_bound
    sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    print(f"python {sys.version.split()[0]}, networkx {nx.__version__}, {os.cpu_count()} CPUs, cycles of length 2..{k}")
    ok = True
    for size in sizes:
        t0 = time.perf_counter()
        D = scale_free_deals(size, seed=args.seed)
        gen = time.perf_counter() - t0
        sccs = [len(c) for c in nx.strongly_connected_components(D) if len(c) > 1]
        print(
            f"\n== {D.number_of_edges():,} edges, {D.number_of_nodes():,} nodes "
            f"(max in-degree {max(d for _, d in D.in_degree()):,}, max out-degree {max(d for _, d in D.out_degree()):,}; "
            f"largest SCC {max(sccs, default=0):,} nodes; generated in {gen:.1f} s)"
        )
        ours = run_search("graphbuild", D, k, None)
        print(f"graphbuild: {ours['count']:,} cycles {ours['lengths']} in {ours['seconds']:.2f} s, peak +{mib(ours['peak'])}")
        sys.stdout.flush()
        theirs = run_search("networkx", D, k, args.nx_timeout)
        if theirs["cut_off"]:
            print(
                f"networkx:   CUT OFF after {theirs['seconds']:.0f} s (limit {args.nx_timeout:.0f} s) "
                f"with {theirs['count']:,} cycles so far"
            )
            print(f"ratio:      networkx / graphbuild time > {theirs['seconds'] / ours['seconds']:.1f}x")
            continue
        print(f"networkx:   {theirs['count']:,} cycles {theirs['lengths']} in {theirs['seconds']:.2f} s, peak +{mib(theirs['peak'])}")
        same = (ours["count"], ours["checksum"]) == (theirs["count"], theirs["checksum"])
        ok &= same
        print(
            f"ratio:      networkx / graphbuild time {theirs['seconds'] / ours['seconds']:.1f}x, "
            f"peak memory {theirs['peak'] / max(ours['peak'], 1):.2f}x; same cycles: {'yes' if same else 'NO'}"
        )
        sys.stdout.flush()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
