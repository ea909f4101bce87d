#!/usr/bin/env python3
"""Build speed against jieba: `kg build` on a ~5 MB corpus versus plain `jieba.lcut`.

    python bench/build_speed.py [--mb 5] [--runs 3] [--seeds ../shared/corpus/seeds]

Writes the seeds repeated into separate files (as many as make ~5 MB of UTF-8) under
bench/_corpus/, then times, medians of --runs runs each: the whole `kg build` (read,
extract, graph, Turtle and HTML) in a fresh process, and `jieba.lcut` over the same text
in a fresh process (dictionary loading excluded for both would flatter neither; both pay it).
Prints both medians and their ratio; the target is a ratio of at most 3.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
JIEBA_SCRIPT = """
import sys, jieba
jieba.setLogLevel(60)
jieba.initialize()
for path in sys.argv[1:]:
    jieba.lcut(open(path, encoding='utf-8').read())
"""


def make_corpus(seeds: Path, target_bytes: int, out: Path) -> list[Path]:
    """Copy the seed files into out/ under new names until target_bytes are written."""
    sources = sorted(seeds.glob("*.txt"))
    if not sources:
        sys.exit(f"build_speed.py: no .txt files in {seeds}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    written, files, i = 0, [], 0
    while written < target_bytes:
        src = sources[i % len(sources)]
        dst = out / f"{i:05d}_{src.name}"
        data = src.read_bytes()
        dst.write_bytes(data)
        files.append(dst)
        written += len(data)
        i += 1
    return files


def time_command(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "seeds")
    args = ap.parse_args()
    corpus = HERE / "_corpus"
    files = make_corpus(args.seeds, int(args.mb * 1_000_000), corpus)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, {chars:,} characters")
    with tempfile.TemporaryDirectory() as out:
        kg = time_command([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", out], args.runs)
    jb = time_command([sys.executable, "-c", JIEBA_SCRIPT, *map(str, files)], args.runs)
    kg_med, jb_med = statistics.median(kg), statistics.median(jb)
    print(f"kg build    median {kg_med:6.2f} s  runs {', '.join(f'{t:.2f}' for t in kg)}")
    print(f"jieba.lcut  median {jb_med:6.2f} s  runs {', '.join(f'{t:.2f}' for t in jb)}")
    print(f"ratio kg/jieba: {kg_med / jb_med:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
