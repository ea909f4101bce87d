"""The graph in the browser: one self-contained HTML file (vis-network, our JS and CSS and the
graph data inlined; no network), with a precomputed layout so that large graphs open at once.

What the page shows: one node per entity (the seven entity classes); relations and
`kg:jurisdiction` as thin arrows; each Funding as a green arrow from provider to recipient
labelled with its amount (580万元 补助). Funding stays a node in RDF, but drawn as a node it
would double every path and bury the amounts; as an arrow the money reads at a glance, and
its full record (type, date, facilitator, program, project, evidence) is in the side panel.

Entry points: `view_page(g, **options)` (the page, which `kg build` writes with graph.ttl),
`write_view(g, path, **options)`, `write_view_file` (used by `kg view`), `view_data` (what the page gets, as plain JSON-ready data).
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from collections import defaultdict, deque
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef, namespace

from ..atomic import write_file
from ..errors import KgError
from ..model import ENTITY_TYPES, FUNDING_TYPES, RELATION_TYPES
from ..rdf import ontology
from ..rdf.graph import CorpusTriples, Terms
from .view_layout import compute_layout

# Each term made once: rdflib's namespaces make a new one on every lookup, and reading a
# graph looks terms up tens of thousands of times.
KG, RDF, RDFS, SKOS, PROV = (Terms(ns) for ns in (ontology.KG, namespace.RDF, namespace.RDFS,
                                                  namespace.SKOS, namespace.PROV))
ASSETS = Path(__file__).resolve().parent / "view_assets"
JURISDICTION = "jurisdiction"
FUNDING_ROLES = ("provider", "recipient", "facilitator", "program", "project")
ROLE_PROPS = {"provider": KG.provider, "recipient": KG.recipient, "facilitator": KG.facilitator,
              "program": KG.underProgram, "project": KG.forProject}


# What the view reads: an rdflib Graph, or the triples `kg build` made once for graph.ttl
# (which answer the same reading calls without filling an rdflib store).
Triples = Graph | CorpusTriples


class ViewError(KgError):
    """A view option that does not fit the graph (unknown class, focus name not found)."""


# ---------------------------------------------------------------- amounts

def format_amount(yuan: Decimal | float | int | None, approximate: bool = False) -> str:
    """Yuan as Chinese newspapers write it: 5800000 -> '580万元', 159000000 -> '1.59亿元',
    9000 -> '9000元'; approximate amounts get '约'. None -> ''."""
    if yuan is None:
        return ""
    value = Decimal(str(yuan))
    for unit, size in (("亿元", Decimal(100_000_000)), ("万元", Decimal(10_000))):
        if abs(value) >= size:
            text = _trim(value / size) + unit
            break
    else:
        text = _trim(value) + "元"
    return ("约" if approximate else "") + text


def _trim(value: Decimal) -> str:
    """At most two decimals, without trailing zeros: 1.50 -> '1.5', 580.00 -> '580'."""
    text = f"{value.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# ---------------------------------------------------------------- reading the graph

def _text(g: Triples, node, prop) -> str | None:
    """The smallest value of a literal property (deterministic when there are several)."""
    values = sorted(str(v) for v in g.objects(node, prop))
    return values[0] if values else None


def _evidence(g: Triples, node, article_index: dict) -> dict | None:
    sentence = _text(g, node, KG.evidence)
    if sentence is None:
        return None
    articles = sorted(article_index[a] for a in g.objects(node, PROV.wasDerivedFrom) if a in article_index)
    start = g.value(node, KG.start)
    return {"text": sentence, "article": articles[0] if articles else None,
            "start": int(start) if isinstance(start, Literal) else None}


def _read_articles(g: Triples) -> tuple[list[dict], dict]:
    found = []
    for a in set(g.subjects(RDF.type, KG.Article)):
        found.append({"iri": str(a), "file": _text(g, a, KG.sourceFile) or "",
                      "title": _text(g, a, KG.title) or "", "date": _text(g, a, KG.date)})
    found.sort(key=lambda r: (r["file"], r["iri"]))
    index = {URIRef(r["iri"]): i for i, r in enumerate(found)}
    return [{k: r[k] for k in ("title", "file", "date")} for r in found], index


def _read_entities(g: Triples, article_index: dict) -> dict[URIRef, dict]:
    entities: dict[URIRef, dict] = {}
    for etype in ENTITY_TYPES:
        for e in g.subjects(RDF.type, KG[etype]):
            if e in entities:
                continue
            label = _text(g, e, RDFS.label) or str(e).rsplit("/", 1)[-1]
            aliases = sorted({str(v) for v in g.objects(e, SKOS.altLabel)} - {label})
            entities[e] = {"iri": str(e), "type": etype, "label": label, "aliases": aliases,
                           "jurisdiction": g.value(e, KG.jurisdiction),
                           "articles": sorted(article_index[a] for a in g.objects(e, PROV.wasDerivedFrom)
                                              if a in article_index)}
    return entities


def _read_relations(g: Triples, article_index: dict) -> list[dict]:
    statements = defaultdict(list)
    for st in g.subjects(RDF.type, KG.Statement):
        key = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
        ev = _evidence(g, st, article_index)
        if ev:
            title = _text(g, st, KG.jobTitle)
            statements[key].append(dict(ev, jobTitle=title) if title else ev)
    relations = []
    for rtype in RELATION_TYPES:
        for s, o in g.subject_objects(KG[rtype]):
            evidence = sorted(statements[(s, KG[rtype], o)],
                              key=lambda e: (e["article"] is None, e["article"] or 0, e["start"] or 0, e["text"]))
            job = next((e["jobTitle"] for e in evidence if "jobTitle" in e), None)
            relations.append({"type": rtype, "from": s, "to": o, "jobTitle": job, "evidence": evidence})
    for s, o in g.subject_objects(KG.jurisdiction):
        relations.append({"type": JURISDICTION, "from": s, "to": o, "jobTitle": None, "evidence": []})
    return relations


def _read_fundings(g: Triples, article_index: dict) -> list[dict]:
    fundings = []
    for f in set(g.subjects(RDF.type, KG.Funding)):
        ftype = next((t for t in FUNDING_TYPES if (f, RDF.type, KG[t]) in g), "Funding")
        amount = g.value(f, KG.amount)
        approximate = g.value(f, KG.approximate)
        yuan = Decimal(str(amount)) if isinstance(amount, Literal) else None
        approx = isinstance(approximate, Literal) and bool(approximate.toPython())
        fundings.append({
            "iri": str(f), "type": ftype, "yuan": yuan,
            "amountLabel": format_amount(yuan, approx) or _text(g, f, KG.amountText) or "",
            "date": _text(g, f, KG.date),
            "parties": {role: g.value(f, prop) for role, prop in ROLE_PROPS.items()},
            "evidence": _evidence(g, f, article_index),
        })
    fundings.sort(key=lambda r: (r["evidence"] is None,
                                 (r["evidence"] or {}).get("article") or 0,
                                 (r["evidence"] or {}).get("start") or 0, r["iri"]))
    return fundings


def _funding_ends(parties: dict) -> tuple:
    """Where a funding arrow runs: payer (or the program it came under) -> receiver (or the
    project it was for). A facilitator never becomes an end: it paid nothing."""
    return (parties["provider"] or parties["program"], parties["recipient"] or parties["project"])


# ---------------------------------------------------------------- view data

def view_data(g: Triples, focus: str | None = None, depth: int = 1,
              types: Iterable[str] | None = None, min_amount: Decimal | float | None = None,
              top: int | None = None, layout: bool = True) -> dict:
    """The page's data: nodes (entities, with x/y), edges (relations and jurisdiction with
    their evidence), fundings (amounts, parties as node ids or labels, evidence), articles.

    `types` keeps only those entity classes; `min_amount` (yuan) keeps only fundings of at
    least that amount; `focus` (a label or alias) keeps what lies within `depth` steps of
    that entity; `top` keeps the entities named in most articles (a summary of a graph too
    large to draw). Raises ViewError for an unknown class or focus name.
    Example: view_data(g, focus='星河光电', depth=2)['nodes'][0]['label'].
    """
    articles, article_index = _read_articles(g)
    entities = _read_entities(g, article_index)
    labels = {e: r["label"] for e, r in entities.items()}   # also names entities filtered out
    entities, relations, fundings = _apply_filters(
        entities, _read_relations(g, article_index), _read_fundings(g, article_index),
        focus=focus, depth=depth, types=types, min_amount=min_amount)
    if focus is None and top is not None and len(entities) > top:
        keep = set(sorted(entities, key=lambda e: (-len(entities[e]["articles"]),
                                                   entities[e]["label"], str(e)))[:top])
        entities, relations, fundings = _restrict(keep, entities, relations, fundings)
    else:
        top = None

    order = sorted(entities, key=lambda e: (ENTITY_TYPES.index(entities[e]["type"]),
                                            entities[e]["label"], str(e)))
    node_id = {e: i for i, e in enumerate(order)}
    nodes = [_page_node(e, entities[e], node_id, labels) for e in order]
    edges = []
    for r in sorted(relations, key=lambda r: (node_id[r["from"]], node_id[r["to"]], r["type"])):
        edges.append({"id": f"r{len(edges)}", "type": r["type"], "from": node_id[r["from"]],
                      "to": node_id[r["to"]], "jobTitle": r["jobTitle"], "evidence": r["evidence"]})
    out_fundings, received = _page_fundings(fundings, node_id, labels)
    _count_degrees(nodes, edges, out_fundings, received)
    if layout:
        links = [(e["from"], e["to"], 0.3 if e["type"] == JURISDICTION else 1.0) for e in edges]
        links += [(f["from"], f["to"], 1.0) for f in out_fundings if f["from"] is not None]
        for node, (x, y) in zip(nodes, compute_layout(len(nodes), links)):
            node["x"], node["y"] = x, y

    return {
        "meta": {"entities": len(nodes), "entitiesInGraph": len(labels),
                 "fundings": len(out_fundings),
                 "fundingEdges": sum(f["from"] is not None for f in out_fundings),
                 "relations": sum(e["type"] != JURISDICTION for e in edges),
                 "articles": len(articles),
                 "filters": _describe_filters(focus, depth, types, min_amount, top, len(labels))},
        "articles": articles, "nodes": nodes, "edges": edges, "fundings": out_fundings,
    }


def _apply_filters(entities: dict, relations: list[dict], fundings: list[dict], *, focus, depth,
                   types, min_amount) -> tuple[dict, list[dict], list[dict]]:
    """The entities, relations and fundings view_data's options keep (see there)."""
    if types is not None:
        entities = _keep_types(entities, set(types))
    if min_amount is not None:
        floor = Decimal(str(min_amount))
        fundings = [f for f in fundings if f["yuan"] is not None and f["yuan"] >= floor]
    relations = [r for r in relations if r["from"] in entities and r["to"] in entities]
    if focus is not None:
        keep = _neighbourhood(_find_entity(entities, focus), depth, relations, fundings, entities)
        entities, relations, fundings = _restrict(keep, entities, relations, fundings)
    return entities, relations, fundings


def _restrict(keep: set, entities: dict, relations: list, fundings: list) -> tuple[dict, list, list]:
    """The entities in `keep`, the relations between them and the fundings they take part in."""
    return ({e: r for e, r in entities.items() if e in keep},
            [r for r in relations if r["from"] in keep and r["to"] in keep],
            [f for f in fundings if any(p in keep for p in f["parties"].values())])


def _keep_types(entities: dict, wanted: set[str]) -> dict:
    unknown = sorted(wanted - set(ENTITY_TYPES))
    if unknown:
        raise ViewError(f"unknown class {', '.join(unknown)} (choose from {', '.join(ENTITY_TYPES)})")
    return {e: r for e, r in entities.items() if r["type"] in wanted}


def _page_node(e: URIRef, r: dict, node_id: dict, labels: dict) -> dict:
    juris = r["jurisdiction"]
    return {"id": node_id[e], "iri": r["iri"], "type": r["type"], "label": r["label"],
            "aliases": r["aliases"], "articles": r["articles"],
            "jurisdiction": node_id.get(juris, labels.get(juris)) if juris else None,
            "degree": 0, "received": 0.0, "receivedLabel": ""}


def _page_fundings(fundings: list[dict], node_id: dict, labels: dict) -> tuple[list[dict], dict]:
    """The page's fundings (parties as node ids, or labels for entities not shown) and the
    yuan each shown node received."""
    received: dict[int, Decimal] = defaultdict(Decimal)
    out = []
    for f in fundings:
        parties = {role: (node_id[p] if p in node_id else labels.get(p)) if p is not None else None
                   for role, p in f["parties"].items()}
        src, dst = _funding_ends(f["parties"])
        drawn = src in node_id and dst in node_id and src != dst
        if f["yuan"] is not None and dst in node_id:
            received[node_id[dst]] += f["yuan"]
        out.append({"id": f"f{len(out)}", "iri": f["iri"], "type": f["type"],
                    "yuan": float(f["yuan"]) if f["yuan"] is not None else None,
                    "amountLabel": f["amountLabel"], "date": f["date"], "parties": parties,
                    "from": node_id[src] if drawn else None,
                    "to": node_id[dst] if drawn else None, "evidence": f["evidence"]})
    return out, received


def _count_degrees(nodes: list[dict], edges: list[dict], fundings: list[dict], received: dict) -> None:
    # Degree counts relations and fundings; jurisdiction would make every Place a giant.
    for edge in [e for e in edges if e["type"] != JURISDICTION] + [f for f in fundings if f["from"] is not None]:
        nodes[edge["from"]]["degree"] += 1
        nodes[edge["to"]]["degree"] += 1
    for i, yuan in received.items():
        nodes[i]["received"] = float(yuan)
        nodes[i]["receivedLabel"] = format_amount(yuan)


def _describe_filters(focus, depth, types, min_amount, top=None, total=0) -> str:
    parts = []
    if top is not None:
        parts.append(f"summary: the {top} entities named in most articles, of {total} "
                     "(kg build --view draws all, kg view --focus a part)")
    if focus is not None:
        parts.append(f"within {depth} of {focus}")
    if types is not None:
        parts.append("classes " + ", ".join(sorted(types)))
    if min_amount is not None:
        parts.append("fundings ≥ " + format_amount(min_amount))
    return "; ".join(parts)


def _find_entity(entities: dict[URIRef, dict], name: str) -> URIRef:
    """The entity whose label is `name`, else the one with `name` as an alias."""
    for key in ("label", "aliases"):
        hits = sorted((r["label"], e) for e, r in entities.items()
                      if (r[key] == name if key == "label" else name in r[key]))
        if hits:
            return hits[0][1]
    raise ViewError(f"no entity named {name!r} in the graph (after the class filter)")


def _neighbourhood(start: URIRef, depth: int, relations: list[dict], fundings: list[dict],
                   entities: dict) -> set[URIRef]:
    """Entities within `depth` steps of start; a funding links all of its parties."""
    adjacent = defaultdict(set)
    for r in relations:
        adjacent[r["from"]].add(r["to"])
        adjacent[r["to"]].add(r["from"])
    for f in fundings:
        parties = [p for p in f["parties"].values() if p in entities]
        for p in parties:
            adjacent[p].update(parties)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] < depth:
            for nxt in sorted(adjacent[node] - seen.keys()):
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return set(seen)


# ---------------------------------------------------------------- layout

def embed_json(data) -> str:
    """JSON that is safe inside <script>: no '<', '>', '&' (so no '</script>' or '<!--'), and
    no U+2028/2029 (line terminators to older JavaScript parsers)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS as bundled with pyvis (the newest copy it ships). pyvis is
    found, not imported: importing it (jinja2, IPython's display) would take longer than
    the rest of a small build's page."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None:
        raise KgError("kg: vis-network is missing: the pyvis package is not installed")
    lib = Path(spec.origin).resolve().parent / "lib"
    candidates = sorted(lib.glob("vis-*/vis-network.min.js"),
                        key=lambda p: tuple(int(n) for n in re.findall(r"\d+", p.parent.name)))
    if not candidates:
        raise KgError(f"kg: vis-network is missing from the pyvis package at {lib}")
    js_path = candidates[-1]
    # The source-map comment would make browser dev tools ask for a file that is not there.
    js = re.sub(r"//# sourceMappingURL=\S*\s*$", "", js_path.read_text(encoding="utf-8"))
    return js, (js_path.parent / "vis-network.css").read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(data: dict, title: str = "kg graph") -> str:
    """The whole page as one string: template, CSS, vis-network, view.js and the data.

    A Content-Security-Policy allows only these two scripts (by hash) and no connection
    anywhere: even a name that slipped past escaping could neither run nor fetch."""
    vis_js, vis_css = _vis_assets()
    app_js = (ASSETS / "view.js").read_text(encoding="utf-8")
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:")
    parts = {
        "csp": html.escape(csp, quote=False), "title": html.escape(title),
        "style": vis_css + "\n" + (ASSETS / "view.css").read_text(encoding="utf-8"),
        "vis_js": vis_js, "app_js": app_js, "data": embed_json(data),
    }
    template = (ASSETS / "template.html").read_text(encoding="utf-8")
    # One pass, so nothing inside an inserted part is ever taken for a placeholder.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def view_page(g: Triples, **options) -> str:
    """The interactive view of `g` as one HTML page. Options: those of view_data, and title."""
    title = options.pop("title", "kg graph")
    return render_html(view_data(g, **options), title=title)


def write_view(g: Triples, path, **options) -> None:
    """Write the interactive view of `g` to `path`, atomically (options: see view_page)."""
    write_file(path, view_page(g, **options))


def write_view_file(graph_path, out_path, **options) -> dict:
    """`kg view`: read an RDF file (format from its extension) or a store, write its view to
    out_path and return the page's counts (data['meta']). Raises InputError, OutputError or
    ViewError."""
    from ..rdf.store import read_graph

    source = Path(graph_path)
    data = view_data(read_graph(source), **options)
    write_file(out_path, render_html(data, title=f"kg · {source.name}"))
    return data["meta"]
