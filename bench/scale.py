#!/usr/bin/env python3
"""Scale: speed-up with 2 workers, a Dask run, the cached rebuild, and peak memory.

    python bench/scale.py [--mb 5] [--rss-mb 60] [--runs 3] [--seeds ../shared/corpus/seeds] [--cpu-only]

On a ~--mb MB corpus (seeds repeated with names varied, see build_speed.py), medians of
--runs runs, each a fresh `kg build` process:
  * `-j 1 --no-cache` against `-j 2 --no-cache`: wall time speed-up, and the speed-up the
    CPU times predict for two free cores: the CPU time of `-j 1` over that of the critical
    path of `-j 2`, the main process's own CPU time plus half its workers' (on a shared,
    busy machine the wall time shows what the neighbours leave, not what kg can do);
  * `--scheduler` on a Dask LocalCluster of two worker processes started here: wall time, and
    whether graph.ttl is byte-identical to the local build's;
  * the first build with the cache against a rebuild of the unchanged corpus, and against a
    rebuild after one document changed (wall time);
and once, on a ~--rss-mb MB corpus, the peak RSS of `kg build -j 1 --no-cache` (one process,
so that the peak is the whole build's). Use --rss-mb 0 to skip it. --cpu-only measures the
two CPU rows alone (`-j 1` and the critical path of `-j 2`), for a short run on a busy machine.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from build_speed import bench_corpus, kg_command, make_corpus, median_of, run_measured  # noqa: E402

# kg build, then its own CPU time and its children's (the workers') into the file $KG_RUSAGE
SPLIT_CPU = """
import json, os, resource, runpy, sys
sys.argv = ["kg"] + sys.argv[1:]
try:
    runpy.run_module("kg.cli", run_name="__main__")
finally:
    cpu = lambda who: resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
    with open(os.environ["KG_RUSAGE"], "w") as fh:
        json.dump([cpu(resource.RUSAGE_SELF), cpu(resource.RUSAGE_CHILDREN)], fh)
"""


def critical_path_cpu(args: list[str], runs: int, record: Path) -> float:
    """Median over runs of: the main process's CPU seconds + half its workers' (two workers)."""
    import json
    import os
    import statistics
    os.environ["KG_RUSAGE"] = str(record)
    paths = []
    for _ in range(runs):
        run_measured([sys.executable, "-c", SPLIT_CPU, "build", *args])
        main, workers = json.loads(record.read_text())
        paths.append(main + workers / 2)
        print(f"-j 2 run: main process {main:.1f} s, child processes {workers:.1f} s")
    return statistics.median(paths)


def cpu_rows(corpus: Path, out: Path, runs: int) -> None:
    """Print the CPU time of `-j 1`, the critical path of `-j 2` and the speed-up they predict."""
    one, one_runs = median_of(kg_command(str(corpus), "-o", str(out / "one"), "-j", "1", "--no-cache"), runs)
    path = critical_path_cpu([str(corpus), "-o", str(out / "split"), "-j", "2", "--no-cache"],
                             runs, out / "rusage.json")
    cpus = ", ".join(f"{r['cpu']:.1f}" for r in one_runs)
    print(f"-j 1 CPU median {one:.1f} s (runs {cpus})")
    print(f"-j 2 critical path (main process + half the workers' CPU) {path:.1f} s; "
          f"predicted speed-up on two free cores {one / path:.2f}x (target >= 1.7)")


def main() -> None:
    args, corpus, files = bench_corpus(__doc__, **{"--rss-mb": {"type": float, "default": 60.0},
                                                   "--cpu-only": {"action": "store_true"}})
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        if args.cpu_only:
            cpu_rows(corpus, out, args.runs)
            return
        one, one_runs = median_of(kg_command(str(corpus), "-o", str(out / "one"), "-j", "1", "--no-cache"),
                                  args.runs, "wall")
        two, two_runs = median_of(kg_command(str(corpus), "-o", str(out / "two"), "-j", "2", "--no-cache"),
                                  args.runs, "wall")
        same = (out / "one" / "graph.ttl").read_bytes() == (out / "two" / "graph.ttl").read_bytes()
        cpu = lambda runs: sorted(r["cpu"] for r in runs)[len(runs) // 2]  # noqa: E731
        rows.append(("1 worker (wall)", f"{one:.1f} s", f"CPU {cpu(one_runs):.1f} s"))
        rows.append(("2 workers (wall)", f"{two:.1f} s",
                     f"CPU {cpu(two_runs):.1f} s; speed-up {one / two:.2f}x (target >= 1.7); "
                     f"graph identical: {same}"))
        path = critical_path_cpu([str(corpus), "-o", str(out / "split"), "-j", "2", "--no-cache"],
                                 args.runs, out / "rusage.json")
        rows.append(("2 workers, critical path (CPU)", f"{path:.1f} s",
                     f"speed-up on two free cores predicted by CPU times: {cpu(one_runs) / path:.2f}x"))

        from distributed import LocalCluster
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            dask, _ = median_of(kg_command(str(corpus), "-o", str(out / "dask"), "--no-cache",
                                           "--scheduler", cluster.scheduler_address), args.runs, "wall")
        same = (out / "one" / "graph.ttl").read_bytes() == (out / "dask" / "graph.ttl").read_bytes()
        rows.append(("Dask LocalCluster, 2 workers (wall)", f"{dask:.1f} s",
                     f"speed-up {one / dask:.2f}x; graph identical: {same}"))

        cached = kg_command(str(corpus), "-o", str(out / "cached"), "-j", "1")
        first = run_measured(cached)["wall"]
        again, _ = median_of(cached, args.runs, "wall")
        rows.append(("first build with cache (wall)", f"{first:.1f} s", ""))
        rows.append(("unchanged rebuild (wall)", f"{again:.2f} s",
                     f"{first / again:.0f}x faster (target >= 10x)"))
        changed = corpus / files[len(files) // 2].name
        changed.write_text(changed.read_text(encoding="utf-8") + "\n本文有改动。\n", encoding="utf-8")
        one_changed = run_measured(cached)
        rows.append(("rebuild, one document changed (wall)", f"{one_changed['wall']:.1f} s",
                     one_changed["summary"].split(" -> ")[0]))

    if args.rss_mb:
        big = HERE / "_corpus_rss"
        files = make_corpus(args.seeds, int(args.rss_mb * 1_000_000), big)
        with tempfile.TemporaryDirectory() as tmp:
            run = run_measured(kg_command(str(big), "-o", tmp, "-j", "1", "--no-cache"))
        shutil.rmtree(big)
        size = sum(1 for _ in files)
        rows.append((f"peak RSS, {args.rss_mb:.0f} MB ({size} files), -j 1", f"{run['rss']:.0f} MB",
                     f"target < 1500 MB; wall {run['wall']:.0f} s, CPU {run['cpu']:.0f} s; "
                     + run["summary"].split(" -> ")[0]))

    print("\n| measure | value | notes |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
