#!/usr/bin/env python3
"""Build speed against jieba: `kg build` on a ~5 MB corpus versus plain `jieba.lcut`, on one core.

    python bench/build_speed.py [--mb 5] [--runs 3] [--seeds ../shared/corpus/seeds]

Writes the seeds repeated into separate files (as many as make ~5 MB of UTF-8) under
bench/_corpus/, each copy with names varied (see vary_names), then measures, medians of
--runs runs each, the CPU time (user + system, from the process's own rusage) of: the whole
`kg build -j 1 --no-cache` (read, extract, graph, Turtle and HTML) in a fresh process, and
`jieba.lcut` over the same text in a fresh process. Both pay their start-up and dictionary
loading (kg's tables derived from jieba's dictionary come from the user cache, as in every run
after the first: an untimed build of one file fills it first; both read their modules' bytecode,
as an installed package does, even where the shell sets PYTHONDONTWRITEBYTECODE). CPU time rather than wall time,
because the machine is shared and wall time is noisy.
Prints both medians and their ratio; the target is a ratio of at most 1.2.
"""
from __future__ import annotations

import argparse
import os
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

# Characters common in the names of firms and of people: copy n of a page shifts each set
# along itself by a different step, so that copies name other entities (the graph grows as
# a real corpus's would) while the sentences around the names stay the same.
NAME_SETS = ("华恒泰鑫盛宏瑞祥丰源博德茂隆昌嘉禾骏弘晟昊煜铭泓澜锦翔琪瑜璟",
             "明丽军伟芳敏静强磊洋晓雪峰涛琳颖婷鹏浩宇")


def vary_names(text: str, copy: int) -> str:
    """Copy 0 unchanged; copy n with the characters of NAME_SETS shifted by n's digits."""
    table = {}
    for chars in NAME_SETS:
        shift = copy % len(chars)
        copy //= len(chars)
        table.update({ord(c): chars[(i + shift) % len(chars)] for i, c in enumerate(chars)})
    return text.translate(table)


def make_corpus(seeds: Path, target_bytes: int, out: Path) -> list[Path]:
    """Copy the seed files into out/ under new names, names varied, until target_bytes are written."""
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
        data = vary_names(src.read_text(encoding="utf-8"), i // len(sources)).encode("utf-8")
        dst.write_bytes(data)
        files.append(dst)
        written += len(data)
        i += 1
    return files


# The environment of the measured processes: one that keeps compiled modules, so that no run
# but the first compiles kg's or jieba's sources again.
_WRITES_BYTECODE = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_measured(cmd: list[str]) -> dict:
    """Run cmd to its end: its CPU seconds (its own and its worker processes'), wall seconds,
    peak RSS in MB (of the largest single process), from wait4; and the last line of stderr."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=_WRITES_BYTECODE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}: {last}")
    return {"cpu": usage.ru_utime + usage.ru_stime, "wall": wall, "rss": usage.ru_maxrss / 1024,
            "summary": last}


def median_of(cmd: list[str], runs: int, key: str = "cpu") -> tuple[float, list[dict]]:
    results = [run_measured(cmd) for _ in range(runs)]
    return statistics.median(r[key] for r in results), results


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", *args]


def bench_corpus(doc: str, **more: dict) -> tuple[argparse.Namespace, Path, list[Path]]:
    """Parse the options every bench takes (--mb, --runs, --seeds, and `more`: name -> add_argument
    keywords), write the corpus to bench/_corpus and return (options, folder, files)."""
    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seeds", type=Path, default=HERE.parent.parent / "shared" / "corpus" / "seeds")
    for name, options in more.items():
        ap.add_argument(name, **options)
    args = ap.parse_args()
    corpus = HERE / "_corpus"
    return args, corpus, make_corpus(args.seeds, int(args.mb * 1_000_000), corpus)


def main() -> None:
    args, corpus, files = bench_corpus(__doc__)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB, {chars:,} characters")
    with tempfile.TemporaryDirectory() as out:
        run_measured(kg_command(str(files[0]), "-o", out, "--no-cache"))      # fills the start-up cache
        kg, kg_runs = median_of(kg_command(str(corpus), "-o", out, "-j", "1", "--no-cache"), args.runs)
    run_measured([sys.executable, "-c", JIEBA_SCRIPT, str(files[0])])        # compiles jieba's modules
    jb, jb_runs = median_of([sys.executable, "-c", JIEBA_SCRIPT, *map(str, files)], args.runs)
    for name, med, runs in (("kg build -j 1", kg, kg_runs), ("jieba.lcut", jb, jb_runs)):
        cpus = ", ".join(f"{r['cpu']:.2f}" for r in runs)
        print(f"{name:14} CPU median {med:6.2f} s  runs {cpus}"
              f"  peak RSS {max(r['rss'] for r in runs):.0f} MB")
    print(f"ratio kg/jieba (CPU, one core): {kg / jb:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
