"""Chars/second of extraction with and without the cheap pre-filter, side by side.

The corpus is the bundled seeds repeated, plus our own passages
(benchmarks/passages.txt). Both modes run in this one process on the same
corpus; the script checks they find exactly the same deals and prints the
ratio. Usage: python benchmarks/extract_speed.py [--repeat 4] [--rounds 7]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from graphbuild.extract import extract_paths

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, repeat: int) -> int:
    """Copy seeds/ ``repeat`` times and the passages file into ``folder``; returns total chars."""
    for i in range(repeat):
        for src in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(src, folder / f"r{i}_{src.name}")
    shutil.copy(ROOT / "benchmarks" / "passages.txt", folder / "passages.txt")
    return sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())


def timed(folder: Path, prefilter: bool, learned: bool):
    """Wall-clock and CPU seconds of one extraction, and its result."""
    start, cpu_start = time.perf_counter(), time.process_time()
    result = extract_paths([folder], prefilter=prefilter, progress=False, learned=learned)
    return time.perf_counter() - start, time.process_time() - cpu_start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the seeds in the corpus")
    parser.add_argument("--rounds", type=int, default=7, help="timed runs of each mode, interleaved")
    parser.add_argument("--learned", action="store_true", help="with the learned name tagger and pair classifier")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chars = build_corpus(folder, args.repeat)
        extract_paths([folder], progress=False)  # warm-up: model load, caches
        full_times, fast_times, full_cpu, fast_cpu = [], [], [], []
        for _ in range(args.rounds):  # interleaved, so both modes see the same machine load
            seconds, cpu, full = timed(folder, prefilter=False, learned=args.learned)
            full_times.append(seconds)
            full_cpu.append(cpu)
            seconds, cpu, fast = timed(folder, prefilter=True, learned=args.learned)
            fast_times.append(seconds)
            fast_cpu.append(cpu)
        full_s, fast_s = min(full_times), min(fast_times)
    same = sorted(json.dumps(d.to_dict(), sort_keys=True) for d in full.deals) == sorted(
        json.dumps(d.to_dict(), sort_keys=True) for d in fast.deals
    )
    print(f"corpus: {full.documents} documents, {chars} chars, {full.sentences} sentences")
    print(f"full pipeline : {full_s:7.2f} s  {chars / full_s:10.0f} chars/s  sentences to spaCy: {full.candidates}")
    print(f"pre-filter    : {fast_s:7.2f} s  {chars / fast_s:10.0f} chars/s  sentences to spaCy: {fast.candidates}")
    # each round runs the two modes back to back, so its ratio sees one state of the machine
    paired = statistics.median(a / b for a, b in zip(full_times, fast_times))
    paired_cpu = statistics.median(a / b for a, b in zip(full_cpu, fast_cpu))
    print(f"speed-up      : {full_s / fast_s:.1f}x (fastest of {args.rounds} runs each; "
          f"median of the {args.rounds} rounds' ratios {paired:.1f}x)")
    print(f"CPU time      : {min(full_cpu) / min(fast_cpu):.1f}x (fastest of {args.rounds} each; "
          f"median of the rounds' ratios {paired_cpu:.1f}x)")
    print(f"same deals    : {same} ({len(full.deals)} full, {len(fast.deals)} pre-filtered)")
    if not same:
        raise SystemExit("the pre-filter changed the deals found")


if __name__ == "__main__":
    main()
