"""Time to first stable render of the view in headless Chromium, for synthetic graphs of 500
and 5,000 entities (medians of 3, a fresh page each time). The layout is precomputed and
physics is off, so the first frame vis-network draws is the stable one; the page records it
in window.kgTiming.firstDraw (ms since navigation start). Also times writing the page and
one search-and-select once the page is up. Target: under 3 s for 5,000 entities.

    .venv/bin/python bench/view_render.py [--sizes 500,5000]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.outputs.view import write_view

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from synthetic_graphs import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUNS = 3


def render_once(browser, url: str) -> tuple[float, float]:
    """(ms to first draw, ms for kg.select of a node) on a fresh page."""
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(url)
    page.wait_for_function("window.kgTiming && window.kgTiming.firstDraw", timeout=120_000)
    first_draw = page.evaluate("window.kgTiming.firstDraw")
    select = page.evaluate("""() => { const t = performance.now();
        kg.select(kg.search(kg.data.nodes[Math.floor(kg.data.nodes.length / 2)].label)[0].id, false);
        return performance.now() - t; }""")
    page.close()
    return first_draw, select


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,5000", help="entity counts, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print(f"{'entities':>8}  {'write page':>10}  {'size':>8}  {'first render (median of 3)':>27}  {'select':>8}")
        for n in sizes:
            graph = synthetic_graph(n)
            path = Path(tmp) / f"view-{n}.html"
            start = time.perf_counter()
            write_view(graph, path)
            written = time.perf_counter() - start
            runs = [render_once(browser, path.as_uri()) for _ in range(RUNS)]
            draw = statistics.median(r[0] for r in runs) / 1000
            select = statistics.median(r[1] for r in runs)
            all_draws = ", ".join(f"{r[0] / 1000:.2f}" for r in runs)
            print(f"{n:>8}  {written:>9.2f}s  {path.stat().st_size / 1e6:>6.1f}MB  "
                  f"{draw:>6.2f}s ({all_draws})  {select:>6.0f}ms")
        browser.close()


if __name__ == "__main__":
    main()
