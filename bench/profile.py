#!/usr/bin/env python3
"""Where a build's CPU goes: cProfile over `kg build` of a ~5 MB corpus, one process, no cache.

    python bench/profile.py [--mb 5] [--seeds ../shared/corpus/seeds] [--top 25]

Prints a table of stages (cumulative time of each stage's entry point, as a share of the
whole build; jieba and rjieba are also shown on their own, inside the stages that call them),
then the functions with the most time of their own.
"""
from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `profile`, which cProfile imports: take
# bench/ off the path first, and load the sibling build_speed.py by its path.
HERE = Path(__file__).resolve().parent
sys.path = [p for p in sys.path if Path(p or ".").resolve() != HERE]

import cProfile  # noqa: E402
import importlib.util  # noqa: E402
import pstats  # noqa: E402
import tempfile  # noqa: E402

_spec = importlib.util.spec_from_file_location("build_speed", HERE / "build_speed.py")
build_speed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_speed)

# (stage, module file, function): the entry point of each stage
STAGES = [
    ("read", "reading.py", "read_documents"),
    ("normalise", "extract/normalize.py", "normalize"),
    ("sentences", "extract/normalize.py", "split_sentences"),
    ("article", "extract/article.py", "read_article"),
    ("mentions", "extract/mentions.py", "find_mentions"),
    ("resolve", "extract/resolve.py", "resolve"),
    ("relations", "extract/relations.py", "relations_and_entities"),
    ("fundings", "extract/fundings.py", "find_fundings"),
    ("merge across documents", "extract/resolve.py", "merge_corpus"),
    ("cache keys", "cache.py", "document_key"),
    ("graph triples, grouped once for Turtle and the view", "rdf/graph.py", "_group_by_subject"),
    ("  graph triples", "rdf/graph.py", "extraction_triples"),
    ("Turtle text", "rdf/graph.py", "_turtle_text"),
    ("view", "outputs/view.py", "view_page"),
]


def stage_table(stats: pstats.Stats) -> list[tuple[str, float]]:
    rows = []
    for name, filename, func in STAGES:
        rows.append((name, sum(v[3] for (f, _, fn), v in stats.stats.items()
                               if f.endswith("kg/" + filename) and fn == func)))
    inside = [("  jieba (inside the stages)", "/jieba/"), ("  rjieba (inside the stages)", "rjieba")]
    for name, part in inside:
        rows.append((name, sum(v[2] for (f, _, fn), v in stats.stats.items()
                               if part in f or (part == "rjieba" and "Jieba" in fn))))
    return rows


def main() -> None:
    args, corpus, files = build_speed.bench_corpus(__doc__, **{"--top": {"type": int, "default": 25}})
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")

    from kg.build import build_outputs
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as out:
        profiler.enable()
        build_outputs([str(corpus)], Path(out), use_cache=False, workers=1)
        profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    print(f"\n| stage | CPU s | share |\n|---|---|---|\n| whole build | {total:.1f} | 100% |")
    for name, seconds in stage_table(stats):
        print(f"| {name} | {seconds:.1f} | {100 * seconds / total:.1f}% |")
    print()
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
