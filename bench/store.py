#!/usr/bin/env python3
"""The store at about a million triples: bulk load, writing Turtle and N-Triples, every named
query through rdflib and through Oxigraph, and the endpoint's throughput.

    python bench/store.py [--triples 1000000] [--runs 3] [--clients 8] [--seconds 20]

Makes a corpus from the seeds, data/samples and ../shared/corpus/real, copied with renamed
places (each copy moves every city and county of the gazetteer to another one of the same
level, so the agencies and companies named after them become new entities), about as many
copies as make --triples; builds it with `kg build --store` in a fresh process; then reports
medians of --runs runs (a run over 10 s is not repeated: its one time is the median):
* bulk load of graph.ttl into a new Oxigraph store;
* Turtle and N-Triples writing by rdflib (what `kg export` does) and by Oxigraph's dump;
* each named query through rdflib (in memory), Oxigraph on disk (`kg query STORE`) and
  Oxigraph in memory (a `kg serve` worker), all through kg.outputs.query.run_query, and the ratio;
* `kg serve` on the store: --clients concurrent clients asking one named query for --seconds
  seconds; requests per second and the 95th percentile latency.
Targets (issue 11): median named query on Oxigraph <= 100 ms, aggregates >= 10x rdflib.
"""
from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import free_port  # noqa: E402
from kg.lexicon import load_table  # noqa: E402
from kg.outputs.query import list_queries, run_query, show_term  # noqa: E402
from kg.rdf.store import load_memory_store, open_store, read_graph, write_store  # noqa: E402

SOURCES = (ROOT / "data" / "samples", ROOT.parent / "shared" / "corpus" / "seeds",
           ROOT.parent / "shared" / "corpus" / "real")
TRIPLES_PER_COPY_GUESS = 4500
SLOW = 10.0      # seconds: a run this long is not repeated
AGGREGATES = ("top_recipients",)      # the named queries that aggregate (GROUP BY)


def division_names() -> dict[str, list[str]]:
    """Full names of the gazetteer's cities and counties by level, longest first within a copy's regex."""
    levels: dict[str, list[str]] = {"city": [], "county": []}
    for full, _short, level, _parent, _province in load_table("places.tsv", 5, 3):
        if level in levels and len(full) >= 3:
            levels[level].append(full)
    return {level: sorted(set(names)) for level, names in levels.items()}


def rename_places(text: str, copy: int, names: dict[str, list[str]], pattern: re.Pattern) -> str:
    """Move each division name to the one `copy` places further in its level's list."""
    index = {name: (level, i) for level, group in names.items() for i, name in enumerate(group)}

    def move(m: re.Match) -> str:
        level, i = index[m.group(0)]
        group = names[level]
        return group[(i + copy * 7) % len(group)]
    return pattern.sub(move, text) if copy else text


def make_corpus(copies: int, out: Path) -> int:
    """Write `copies` renamed copies of every source article into out/; returns the bytes written."""
    names = division_names()
    pattern = re.compile("|".join(sorted((n for g in names.values() for n in g), key=len, reverse=True)))
    files = [p for src in SOURCES if src.is_dir() for p in sorted(src.rglob("*")) if p.suffix in (".txt", ".md")]
    if not files:
        sys.exit("store.py: no source articles found")
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for copy in range(copies):
        for i, path in enumerate(files):
            text = rename_places(path.read_text(encoding="utf-8-sig", errors="replace"), copy, names, pattern)
            target = out / f"c{copy:04d}_{i:03d}{path.suffix}"
            target.write_text(text, encoding="utf-8")
            written += len(text.encode("utf-8"))
    return written


def build_corpus(work: Path, triples: int) -> tuple[int, float | None]:
    """Make the corpus in work/corpus and build it into work/out (graph.ttl, store) unless a
    build is there already; returns (corpus bytes, build seconds or None when reused)."""
    corpus = work / "corpus"
    if not corpus.is_dir():
        copies = max(1, round(triples / TRIPLES_PER_COPY_GUESS))
        make_corpus(copies, corpus)
    size = sum(p.stat().st_size for p in corpus.iterdir())
    print(f"corpus: {size / 1e6:.1f} MB", file=sys.stderr)
    if (work / "out" / "store").is_dir() and (work / "out" / "graph.ttl").is_file():
        return size, None
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(work / "out"),
                    "--store", str(work / "out" / "store"), "--no-html"], cwd=ROOT, check=True)
    return size, time.perf_counter() - start


def timed(func, runs: int) -> tuple[float, object]:
    """(median seconds, last result) of up to `runs` calls; a call over SLOW seconds ends the series."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        if times[-1] > SLOW:
            break
    return statistics.median(times), result


def pick_params(store) -> dict[str, str]:
    """Values for the parameters of the named queries: the agency that gave most, the company
    that received most (labels read from the graph, not written here)."""
    def first(query: str) -> str:
        result = run_query(store, query)
        return show_term(result.bindings[0][result.vars[0]])
    agency = first("SELECT ?l (COUNT(?f) AS ?n) WHERE { ?f kg:provider ?a . ?a a kg:Agency ; rdfs:label ?l }"
                   " GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
    company = first("SELECT ?l (COUNT(?f) AS ?n) WHERE { ?f kg:recipient ?c . ?c a kg:Company ; rdfs:label ?l }"
                    " GROUP BY ?l ORDER BY DESC(?n) ?l LIMIT 1")
    return {"agency": agency, "company": company, "entity": company, "rule": "cue-"}


def bench_queries(graph, store, memory_store, runs: int) -> list[tuple[str, float, float, float, int]]:
    """(name, rdflib s, Oxigraph on disk s, Oxigraph in memory s, rows) per named query, all
    through run_query; the row counts must agree."""
    params = pick_params(store)
    rows = []
    for q in list_queries():
        bound = {n: params[n] for n, _ in q.params}
        mem, mem_result = timed(lambda: run_query(graph, q.name, bound), runs)
        disk, disk_result = timed(lambda: run_query(store, q.name, bound), runs)
        ox_mem, ox_result = timed(lambda: run_query(memory_store, q.name, bound), runs)
        count = len(ox_result.bindings)
        if not count == len(disk_result.bindings) == len(mem_result.bindings):
            print(f"  ! {q.name}: rows differ", file=sys.stderr)
        rows.append((q.name, mem, disk, ox_mem, count))
        print(f"  {q.name}: rdflib {mem:.3f} s, Oxigraph disk {disk:.3f} s, memory {ox_mem:.3f} s, "
              f"{count} rows", file=sys.stderr)
    return rows


def bench_endpoint(store_dir: Path, query: str, params: dict, clients: int, seconds: float) -> tuple[float, float]:
    """(requests per second, p95 latency in s) of `clients` threads asking /queries/<query>."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(store_dir), "--port", str(port),
                               "--workers", "2"], cwd=ROOT, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/queries/{query}"
    try:
        for _ in range(600):
            try:
                httpx.get(url, params=params, timeout=60)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        latencies: list[float] = []
        lock = threading.Lock()
        stop = time.perf_counter() + seconds

        def client() -> None:
            with httpx.Client(timeout=60) as http:
                while time.perf_counter() < stop:
                    start = time.perf_counter()
                    http.get(url, params=params).raise_for_status()
                    with lock:
                        latencies.append(time.perf_counter() - start)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()
    latencies.sort()
    return len(latencies) / elapsed, latencies[int(0.95 * (len(latencies) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--endpoint-query", default="company_profile")
    parser.add_argument("--workdir", help="Keep the corpus and the build here, and reuse a build found there.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-store-bench-") as tmp:
        work = Path(args.workdir or tmp)
        size, build = build_corpus(work, args.triples)
        ttl, store_dir = work / "out" / "graph.ttl", work / "out" / "store"
        load, triples = timed(lambda: write_store(ttl, work / "load"), args.runs)
        print(f"bulk load {load:.1f} s", file=sys.stderr)
        parse, graph = timed(lambda: read_graph(ttl), 1)
        store = open_store(store_dir)
        writes = {
            "Turtle, rdflib": timed(lambda: graph.serialize(work / "w.ttl", format="turtle"), args.runs)[0],
            "N-Triples, rdflib": timed(lambda: graph.serialize(work / "w.nt", format="nt", encoding="utf-8"), args.runs)[0],
            "Turtle, Oxigraph": timed(lambda: store.dump(str(work / "o.ttl"), format=pyoxigraph.RdfFormat.TURTLE,
                                                   from_graph=pyoxigraph.DefaultGraph()), args.runs)[0],
            "N-Triples, Oxigraph": timed(lambda: store.dump(str(work / "o.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES,
                                                      from_graph=pyoxigraph.DefaultGraph()),
                                         args.runs)[0],
        }
        print(f"parse {parse:.1f} s; writes {writes}", file=sys.stderr)
        copy, memory_store = timed(lambda: load_memory_store(store_dir), 1)
        queries = bench_queries(graph, store, memory_store, args.runs)
        params = pick_params(store)
        named = {q.name: q for q in list_queries()}[args.endpoint_query]
        rps, p95 = bench_endpoint(store_dir, args.endpoint_query, {n: params[n] for n, _ in named.params},
                                  args.clients, args.seconds)
    print_report(triples, size, build, load, parse, copy, writes, queries, args, rps, p95)


def print_report(triples, size, build, load, parse, copy, writes, queries, args, rps, p95) -> None:
    built = f"`kg build --store` {build:.0f} s" if build else "a build reused"
    print(f"\n{triples:,} triples from {size / 1e6:.1f} MB of text; {built}; "
          f"rdflib parses graph.ttl in {parse:.1f} s. Medians of {args.runs} runs.\n")
    print("| step | seconds |\n|---|---:|")
    print(f"| bulk load graph.ttl into a new Oxigraph store | {load:.1f} |")
    print(f"| copy the store into memory (what each `kg serve` worker does) | {copy:.1f} |")
    for name, seconds in writes.items():
        print(f"| write {name} | {seconds:.1f} |")
    print("\n| named query | rows | rdflib (ms) | Oxigraph on disk (ms) | Oxigraph in memory (ms) "
          "| rdflib / Oxigraph in memory |\n|---|---:|---:|---:|---:|---:|")
    for name, mem, disk, ox_mem, count in queries:
        print(f"| {name} | {count} | {mem * 1000:,.0f} | {disk * 1000:,.0f} | {ox_mem * 1000:,.0f} "
              f"| {mem / ox_mem:,.1f}× |")
    medians = [statistics.median(q[i] for q in queries) for i in (1, 2, 3)]
    print(f"| **median** | | {medians[0] * 1000:,.0f} | {medians[1] * 1000:,.0f} | {medians[2] * 1000:,.0f} "
          f"| {medians[0] / medians[2]:,.1f}× |")
    print(f"\n`kg serve` on the store, /queries/{args.endpoint_query}, {args.clients} concurrent clients for "
          f"{args.seconds:.0f} s: {rps:.1f} requests/s, p95 latency {p95 * 1000:.0f} ms.")


if __name__ == "__main__":
    main()
