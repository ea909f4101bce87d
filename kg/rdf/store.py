"""Where a graph lives: an RDF file or an on-disk Oxigraph store, and the one reader that
export, view, stats and query use to open either.

A store is a folder that `kg build --store DIR` fills by Oxigraph's bulk loader; the graph sits
in its default graph. Loading again replaces the content, so a store never holds two builds.
Oxigraph answers SPARQL from disk without parsing the graph first, which is what makes
`kg query` and `kg serve` fast on a large graph; rdflib stays the in-memory model that the
exports and the view walk.
"""
from __future__ import annotations

import functools
import json
import logging
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.util import guess_format

from ..errors import InputError
from .graph import bind_prefixes, decimal_literal
from ..safety import FORBIDDEN, clean_text

QUAD_FORMATS = ("nquads", "trig")
# rdflib format name -> Oxigraph's, for the triple files Oxigraph can bulk-load itself
OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                    "xml": ox.RdfFormat.RDF_XML}
log = logging.getLogger("kg")


def is_store(path: str | Path) -> bool:
    """A folder is read as an Oxigraph store, anything else as an RDF file."""
    return Path(path).is_dir()


def rdf_format(path: Path) -> str:
    """rdflib's name of the RDF format of a file, from its extension. Raises InputError."""
    fmt = guess_format(str(path))
    if fmt is None and not path.exists():
        raise InputError(f"{path}: no such graph file or store folder")
    if fmt is None:
        raise InputError(f"{path}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf, "
                         "or a store folder)")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return fmt


def write_store(graph_file: str | Path, store_dir: str | Path) -> int:
    """Bulk-load an RDF file into the store at store_dir (created if needed), replacing what it
    held. Returns the number of triples, e.g. write_store('out/graph.ttl', 'out/store') -> 1234."""
    target = Path(store_dir)
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: not a folder, cannot hold a store")
    if target.is_dir() and any(target.iterdir()) and not (target / "CURRENT").is_file():
        # RocksDB, under Oxigraph, keeps a CURRENT file: without one this is someone else's folder
        raise InputError(f"{target}: a folder that is not an Oxigraph store; give an empty or new folder")
    try:
        store = ox.Store(str(target))
    except OSError as exc:
        raise InputError(f"{target}: cannot open the store ({first_line(exc)})") from None
    store.clear()
    fill_store(store, graph_file)
    store.flush()
    return len(store)


def fill_store(store: ox.Store, graph_file: str | Path) -> None:
    """Bulk-load an RDF file into the store's default graph (named graphs merged into it, as
    read_graph does). Raises InputError."""
    path = Path(graph_file)
    fmt = rdf_format(path)
    try:
        if fmt in OXIGRAPH_FORMATS:
            store.bulk_load(path=str(path), format=OXIGRAPH_FORMATS[fmt], to_graph=ox.DefaultGraph())
        else:   # quads, JSON-LD and the other formats go through rdflib's parsers
            store.bulk_extend(ox.Quad(*map(to_oxigraph, t)) for t in read_graph(path))
    except (OSError, SyntaxError) as exc:
        raise InputError(f"{path}: cannot read as {fmt}: {first_line(exc)}") from None


def open_store(store_dir: str | Path) -> ox.Store:
    """Open a store read-only, e.g. open_store('out/store'). Raises InputError."""
    try:
        return ox.Store.read_only(str(store_dir))
    except OSError as exc:
        raise InputError(f"{store_dir}: not an Oxigraph store ({first_line(exc)})") from None


def load_memory_store(source: str | Path) -> ox.Store:
    """An in-memory Oxigraph store holding an RDF file or a copy of a store folder, for
    serving. Raises InputError."""
    store = ox.Store()
    if is_store(source):
        dump = open_store(source).dump(format=ox.RdfFormat.N_QUADS)
        store.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
    else:
        fill_store(store, source)
    return store


def open_source(path: str | Path, allow_network: bool = False) -> Graph | ox.Store:
    """What `kg query` asks: the Oxigraph store of a folder, the rdflib graph of a file."""
    return open_store(path) if is_store(path) else read_graph(path, allow_network)


def read_graph(path: str | Path, allow_network: bool = False) -> Graph:
    """The rdflib graph of an RDF file (format from its extension: .ttl, .nt, .nq, .trig,
    .jsonld, .rdf…; named graphs merged) or of a store folder. A JSON-LD file that names its
    @context by IRI is refused unless allow_network, since reading it would fetch that IRI.
    Raises InputError.

    e.g. read_graph('out/graph.ttl'), read_graph('out/store')."""
    path = Path(path)
    if is_store(path):
        g = Graph()
        for quad in open_store(path).quads_for_pattern(None, None, None, ox.DefaultGraph()):
            g.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return bind_prefixes(g)
    fmt = rdf_format(path)
    if fmt == "json-ld" and not allow_network:
        remote = find_remote_context(_load_json(path))
        if remote:
            raise InputError(f"{path}: JSON-LD @context {remote!r} would be fetched from the "
                             "network; refused (--allow-network allows it)")
    try:
        if fmt in QUAD_FORMATS:
            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads():
                g.add((s, p, o))
        else:
            g = Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise InputError(f"{path}: cannot read as {fmt}: {first_line(exc)}") from None
    replaced = clean_graph(g)
    if replaced:
        log.warning("%s: replaced %d character(s) no output format allows (surrogates, "
                    "control characters) with U+FFFD", path, replaced)
    return bind_prefixes(g)


def clean_graph(g: Graph) -> int:
    """Replace, in place, what no output format allows in g's literals and IRIs (a graph kg
    did not write may hold escaped surrogates or control characters); return the count."""
    dirty = [t for t in g if any(FORBIDDEN.search(term) for term in t)]
    count = 0
    for triple in dirty:
        g.remove(triple)
        clean = []
        for term in triple:
            text, n = clean_text(str(term))
            count += n
            clean.append(term if not n else URIRef(text) if isinstance(term, URIRef) else
                         Literal(text, lang=term.language, datatype=term.datatype)
                         if isinstance(term, Literal) else BNode(text))
        g.add(tuple(clean))
    return count


def _load_json(path: Path):
    try:
        return json.loads(path.read_bytes())
    except (ValueError, OSError) as exc:
        raise InputError(f"{path}: cannot read as json-ld: {first_line(exc)}") from None


def find_remote_context(data) -> str | None:
    """The first @context (or @import) given by reference rather than inline, or None.

    e.g. find_remote_context({"@context": "https://schema.org/"}) -> 'https://schema.org/'."""
    if isinstance(data, list):
        return next(filter(None, map(find_remote_context, data)), None)
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if key in ("@context", "@import") and isinstance(value, str):
            return value
        if key == "@context" and isinstance(value, list):
            refs = [v for v in value if isinstance(v, str)]
            if refs:
                return refs[0]
        found = find_remote_context(value)
        if found:
            return found
    return None


def first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@functools.lru_cache(maxsize=1 << 16)     # answers repeat terms; building an rdflib Literal is slow
def to_rdflib(term):
    """An Oxigraph term as the rdflib term that parsing kg's Turtle gives: a plain string has
    no datatype in rdflib, and a decimal gets back the '.0' that Oxigraph drops."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == str(XSD.decimal):
        return decimal_literal(Decimal(term.value))
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


def to_oxigraph(term):
    """An rdflib term as an Oxigraph term, e.g. Literal('x', lang='zh') -> ox.Literal('x', language='zh')."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
