"""The view in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
pages open from file:// with no request leaving the file, show every entity, and search,
filters, the side panel and escaping work as a person would use them. Screenshots go to
tests/artifacts/. Skipped when Chromium or Playwright is missing; the seeds test also needs
../shared."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg.model import ENTITY_TYPES
from kg.rdf.ontology import KG
from kg.outputs.view import write_view
from synthetic_graphs import synthetic_graph

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)", allow_module_level=True)


def entity_count(g: Graph) -> int:
    return len({s for t in ENTITY_TYPES for s in g.subjects(RDF.type, KG[t])})


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class View:
    """One page of the view, with every request, console error and dialog it caused."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1600, "height": 1000})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function("window.kgTiming && window.kgTiming.firstDraw", timeout=60_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def search(self, text: str) -> None:
        self.page.fill("#search", text)
        self.page.keyboard.press("Enter")
        self.page.wait_for_timeout(600)          # the focus animation

    def selected_label(self) -> str | None:
        return self.js("kg.selected() === null ? null : kg.data.nodes[kg.selected()].label")

    def panel_text(self) -> str:
        return self.js("document.getElementById('panel').hidden ? '' : document.getElementById('panel-body').innerText")

    def hide_class_by_click(self, cls: str) -> tuple[int, int]:
        """Untick a class in the legend; return (nodes of that class, those still visible)."""
        self.page.click(f'#class-filters input[data-key="{cls}"]')
        return self.js("""cls => [nodes.get({filter: n => kg.data.nodes[n.id].type === cls}).length,
                                  nodes.get({filter: n => kg.data.nodes[n.id].type === cls && !n.hidden}).length]""", cls)

    def assert_offline(self) -> None:
        assert self.requests == [self.url], f"requests beyond the file: {self.requests}"
        assert not self.errors, self.errors

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    g = synthetic_graph(5000)
    path = tmp_path_factory.mktemp("view") / "synthetic.html"
    write_view(g, path)
    return g, path


def test_synthetic_5000_opens_offline_with_every_entity(browser, synthetic):
    g, path = synthetic
    view = View(browser, path)
    assert view.js("nodes.length") == entity_count(g) == 5000
    meta = view.js("kg.data.meta")
    assert meta["fundings"] == len(set(g.subjects(RDF.type, KG.Funding)))
    assert view.js("edges.length") == len(view.js("kg.data.edges")) + meta["fundingEdges"]
    assert view.js("window.network.getPositions([0])[0].x") is not None   # the page globals
    view.screenshot("synthetic-5000.png")
    view.assert_offline()


def test_synthetic_5000_search_filter_and_panel(browser, synthetic):
    _, path = synthetic
    view = View(browser, path)
    target = view.js("kg.data.nodes.find(n => n.type === 'Company' && n.aliases.length)")
    view.search(target["aliases"][0])
    assert target["aliases"][0] in view.js("kg.data.nodes[kg.selected()].aliases")
    assert view.js("network.getSelectedNodes()") == [view.js("kg.selected()")]
    assert view.js("kg.data.nodes[kg.selected()].label") in view.panel_text()
    total, visible = view.hide_class_by_click("Person")
    assert total > 0 and visible == 0
    assert view.js("nodes.get({filter: n => !n.hidden}).length") == 5000 - total
    view.screenshot("synthetic-5000-selected.png")
    view.assert_offline()


def test_entity_names_are_text_not_markup(browser, tmp_path):
    from test_view import EVIL, make_view_graph

    path = tmp_path / "evil.html"
    write_view(make_view_graph(), path)
    view = View(browser, path)
    view.page.fill("#search", "<img")
    view.page.wait_for_timeout(200)
    assert EVIL in view.js("document.getElementById('search-results').innerText")
    view.page.keyboard.press("Enter")
    view.page.wait_for_timeout(600)
    assert view.selected_label() == EVIL
    assert view.js("document.querySelector('#panel h2').textContent") == EVIL
    assert "1500万元" in view.panel_text()
    view.page.hover("#graph")
    assert view.js("document.querySelectorAll('img').length") == 0
    assert view.js("window.__pwned") is None
    assert view.dialogs == []
    view.screenshot("escaping.png")
    view.assert_offline()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the project")
def test_seeds_view(browser, tmp_path):
    from kg.build import build_outputs

    build_outputs([str(SEEDS)], tmp_path)
    g = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    view = View(browser, tmp_path / "graph.html")
    assert view.js("nodes.length") == entity_count(g)
    view.screenshot("seeds.png")

    view.search("工大正元")
    assert "工大正元" in view.selected_label()
    panel = view.panel_text()
    assert "580万元" in panel
    grant = view.js("""kg.data.fundings.find(f => f.amountLabel === '580万元'
                         && f.parties.recipient === kg.selected())""")
    assert grant and "580万元" in grant["evidence"]["text"]
    assert grant["evidence"]["text"] in panel
    view.screenshot("seeds-selected.png")

    total, visible = view.hide_class_by_click("Agency")
    assert total > 0 and visible == 0
    view.assert_offline()
