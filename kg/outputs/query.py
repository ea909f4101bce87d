"""Ask the graph: named SPARQL queries (queries/*.rq), parameters bound as RDF terms, and the
result formats of `kg query` (an aligned table, CSV, TSV, SPARQL 1.1 JSON, Turtle).

A named query opens with a comment header:

    # title: All fundings
    # description: Every funding with its parties, amount, date and evidence.
    # param: agency — label or alias of the agency

Queries may use the prefixes kg:, kgr:, rdf:, rdfs:, skos:, prov: and xsd: without declaring
them. Each `--param name=value` becomes the plain literal "value" bound to `?name`: through
rdflib's initBindings on a graph, and on an Oxigraph store or a remote endpoint (which take no
bindings for unprojected variables) by bind_text, which puts the escaped literal where the
variable stands; a value is never parsed as SPARQL. Entity parameters match
`STR(?label) = ?name` over rdfs:label and skos:altLabel, since labels carry `@zh`; a named
query does not project its parameters.

Writing a query for rdflib's engine: put the parameter match in its own `{ … FILTER }`
group, put BIND last in its group, and prefer FILTER(?x IN (…)) and alternative paths
(`a|^a`) to VALUES and nested UNIONs. Otherwise rdflib evaluates the parts of a group
separately and joins them afterwards, which is a hundred times slower on a real corpus.
Virtuoso loses the rows of a filtered branch in a three-way UNION inside OPTIONAL: put such a
union at the top of the pattern (see projects.rq).
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pyparsing import ParseException
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from ..errors import QueryError
from ..rdf.graph import PREFIXES, bind_prefixes, format_decimal
from ..resources import resource_dir
from ..safety import format_delimited_row
from ..rdf.store import first_line, to_rdflib

FORMATS = ("table", "csv", "tsv", "json")
NUMERIC_TYPES = {XSD.decimal, XSD.integer, XSD.double, XSD.float, XSD.int, XSD.long}
SPARQL_TOKEN = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                          r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[?$](\w+)')
NETWORK_KEYWORD = re.compile(r"(?<![\w:])(SERVICE|FROM)(?![\w:])", re.IGNORECASE)
HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)")
PARAM = re.compile(r"(\w+)\s*(?:—|–|--|-|:)\s*(.*)")


@dataclass(frozen=True)
class NamedQuery:
    """One queries/*.rq file: its name (the file stem), header and SPARQL text."""
    name: str
    title: str
    description: str
    params: tuple[tuple[str, str], ...]   # (name, meaning)
    text: str


def read_named_query(path: Path) -> NamedQuery:
    """Parse a .rq file's header, e.g. queries/fundings.rq -> NamedQuery(name='fundings', …).

    Raises QueryError naming the file when the title or description is missing."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.match(line)
        if not match:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            param = PARAM.match(value)
            if not param:
                raise QueryError(f"{path}: bad param line {line!r} (expected: # param: name — meaning)")
            params.append((param.group(1), param.group(2).strip()))
        else:
            fields[key] = value
    missing = [k for k in ("title", "description") if not fields.get(k)]
    if missing:
        raise QueryError(f"{path}: header lacks {' and '.join(missing)}")
    return NamedQuery(path.stem, fields["title"], fields["description"], tuple(params), text)


@functools.lru_cache(maxsize=1)
def list_queries() -> tuple[NamedQuery, ...]:
    """All named queries, sorted by name, e.g. list_queries()[0].name == 'agency_fundings'.
    Read once per process: a server or a benchmark runs them many times."""
    return tuple(read_named_query(p) for p in sorted(resource_dir("queries").glob("*.rq")))


def resolve_query(spec: str) -> tuple[str, NamedQuery | None]:
    """Turn a query name, a .rq path or SPARQL text into (SPARQL text, named query or None).

    e.g. resolve_query('fundings') -> (text of queries/fundings.rq, NamedQuery(...))."""
    named = {q.name: q for q in list_queries()}
    if spec in named:
        return named[spec].text, named[spec]
    if spec.endswith(".rq"):
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file")
        return path.read_text(encoding="utf-8"), None
    if re.fullmatch(r"[\w-]+", spec):
        raise QueryError(f"unknown query {spec!r}; `kg queries` lists the named queries")
    return spec, None


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """['agency=青禾市财政局'] -> {'agency': '青禾市财政局'}; a pair without '=' is a QueryError."""
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not re.fullmatch(r"\w+", name.strip()):
            raise QueryError(f"bad --param {pair!r} (expected name=value)")
        params[name.strip()] = value
    return params


def check_params(named: NamedQuery, params: dict[str, str]) -> None:
    """A named query takes exactly the params its header declares."""
    declared = [name for name, _ in named.params]
    unknown = sorted(set(params) - set(declared))
    if unknown:
        raise QueryError(f"query {named.name!r} has no param {', '.join(unknown)}; "
                         f"it takes: {', '.join(declared) or 'none'}")
    missing = [name for name in declared if name not in params]
    if missing:
        raise QueryError(f"query {named.name!r} needs " +
                         " ".join(f"--param {name}=…" for name in missing))


def find_network_use(text: str) -> str | None:
    """The keyword of a query that would reach the network, or None: SERVICE, and FROM /
    FROM NAMED (rdflib loads those graphs from their IRIs). Read from the tokens outside
    strings, IRIs, comments and variables, so the same check holds for every engine.

    e.g. find_network_use('SELECT * { SERVICE <http://x/> { ?s ?p ?o } }') -> 'SERVICE'."""
    found = NETWORK_KEYWORD.search(SPARQL_TOKEN.sub(" ", text))
    return found.group(1).upper() if found else None


def run_query(g: Graph | ox.Store, spec: str, params: dict[str, str] | None = None,
              allow_network: bool = False) -> Result:
    """Run a named query, a .rq file or SPARQL text over an rdflib graph or an Oxigraph store,
    with params bound as literals; both give the same rdflib Result. A query that would reach
    the network (SERVICE, FROM) is refused on both engines unless allow_network.

    e.g. run_query(g, 'agency_fundings', {'agency': '青禾市财政局'}).bindings"""
    params = params or {}
    text, named = resolve_query(spec)
    if named:
        check_params(named, params)
    source = named.name if named else ("query file " + spec if spec.endswith(".rq") else "query")
    remote = None if allow_network else find_network_use(text)
    if remote:
        raise QueryError(f"{source}: {remote} would reach the network; refused "
                         "(--allow-network allows it)")
    if isinstance(g, ox.Store):
        return run_oxigraph_query(g, text, params, source)
    try:
        query = prepareQuery(text, initNs={**PREFIXES, "rdf": RDF})
    except ParseException as exc:
        raise QueryError(f"{source}: bad SPARQL at line {exc.lineno}, column {exc.col}: {exc.msg}") from None
    except Exception as exc:
        raise QueryError(f"{source}: bad SPARQL: {first_line(exc)}") from None
    try:
        result = g.query(query, initBindings={k: Literal(v) for k, v in params.items()})
        if result.type == "SELECT":
            result.bindings  # evaluation is lazy: force it so errors surface here
    except Exception as exc:  # evaluation errors come from many layers of rdflib
        raise QueryError(f"{source}: {first_line(exc)}") from None
    return result


def oxigraph_prefixes() -> dict[str, str]:
    """The prefixes a query may use undeclared, for Oxigraph's parser."""
    return {**{p: str(ns) for p, ns in PREFIXES.items()}, "rdf": str(RDF)}


def quote_string(value: str) -> str:
    """A string as a one-line SPARQL literal, e.g. quote_string('a"b') -> '"a\\"b"'."""
    escaped = value.translate({ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r"})
    return f'"{escaped}"'


def bind_text(text: str, params: dict[str, str]) -> str:
    """Replace each variable named in params by the literal of its value, for the engines that
    take no bindings (Oxigraph substitutes projected variables only; a remote endpoint none).
    As SEP-0007 substitution and Jena's ParameterizedSparqlString do, the value goes in as an
    escaped RDF term, and the lexer touches variable tokens only, never strings, IRIs or
    comments, so a value can never become syntax.

    e.g. bind_text('SELECT * { ?s ?p ?name }', {'name': 'a"b'}) -> 'SELECT * { ?s ?p "a\\\\"b" }'."""
    def replace(m: re.Match) -> str:
        name = m.group(1)
        return quote_string(params[name]) if name in params else m.group(0)
    return SPARQL_TOKEN.sub(replace, text)


def run_oxigraph_query(store: ox.Store, text: str, params: dict[str, str], source: str) -> Result:
    """run_query on Oxigraph: its answer converted to rdflib terms, so formatting is shared."""
    try:
        answer = store.query(bind_text(text, params), prefixes=oxigraph_prefixes())
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
        elif isinstance(answer, ox.QuerySolutions):
            result = Result("SELECT")
            result.vars = [Variable(v.value) for v in answer.variables]
            result.bindings = [{var: to_rdflib(row[var]) for var in result.vars if row[var] is not None}
                               for row in answer]
        else:
            result = Result("CONSTRUCT")
            result.graph = Graph()
            for t in answer:
                result.graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    except SyntaxError as exc:
        raise QueryError(f"{source}: bad SPARQL: {first_line(exc)}") from None
    except (OSError, RuntimeError) as exc:   # Oxigraph's evaluation errors
        raise QueryError(f"{source}: {first_line(exc)}") from None
    return result


def show_term(term) -> str:
    """A term as a person reads it: literal text, plain decimal, prefixed IRI, '' for unbound.

    e.g. show_term(URIRef('https://w3id.org/kg-zh/ontology#Grant')) -> 'kg:Grant'."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(str(ns)):
                return f"{prefix}:{term[len(str(ns)):]}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if term.datatype == XSD.decimal and isinstance(term.value, Decimal):
        return format_decimal(term.value)     # the graph stores 3200000.0
    return str(term)


def measure_width(text: str) -> int:
    """Columns a terminal uses for text: CJK wide characters count 2, combining marks 0.

    e.g. measure_width('青禾ab') -> 6."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def format_table(header: list[str], rows: list[list], numeric: list[bool]) -> str:
    """Rows padded to the display width of each column; numeric columns right-aligned."""
    # a table row is one line: line breaks inside a value (OCR text) become spaces
    cells = [header] + [[" ".join(show_term(t).split("\n")) for t in row] for row in rows]
    widths = [max(measure_width(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        padded = []
        for i, text in enumerate(row):
            pad = " " * (widths[i] - measure_width(text))
            padded.append(pad + text if numeric[i] else text + pad)
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule] + [line(r) for r in cells[1:]]) + "\n"


def is_numeric_column(rows: list[list], i: int) -> bool:
    values = [row[i] for row in rows if row[i] is not None]
    return bool(values) and all(isinstance(v, Literal) and v.datatype in NUMERIC_TYPES for v in values)


def format_delimited(header: list[str], rows: list[list], delimiter: str) -> str:
    """CSV or TSV of plain values (the SPARQL 1.1 CSV convention), for spreadsheets: cells
    that would run as formulas are neutralised, values with CR or LF quoted."""
    return "".join(format_delimited_row(cells, delimiter)
                   for cells in [header] + [[show_term(t) for t in row] for row in rows])


def encode_json_term(term) -> dict:
    """One RDF term in SPARQL 1.1 Query Results JSON, e.g. {'type': 'literal', 'value': '5'}."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype:
        cell["datatype"] = str(term.datatype)
    return cell


def format_json(header: list[str], rows: list[list]) -> str:
    bindings = [{var: encode_json_term(t) for var, t in zip(header, row) if t is not None} for row in rows]
    doc = {"head": {"vars": header}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def format_result(result: Result, fmt: str = "table") -> str:
    """Render a query result: SELECT in `fmt` (table, csv, tsv, json), ASK as true/false
    (a JSON boolean document with json), CONSTRUCT/DESCRIBE as Turtle.

    e.g. format_result(run_query(g, 'ASK {}'), 'table') -> 'true\\n'."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) + "\n"
        return ("true" if result.askAnswer else "false") + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return bind_prefixes(result.graph).serialize(format="turtle")
    header = [str(v) for v in result.vars]
    rows = [[row.get(v) for v in result.vars] for row in result.bindings]
    if fmt == "json":
        return format_json(header, rows)
    if fmt in ("csv", "tsv"):
        return format_delimited(header, rows, "," if fmt == "csv" else "\t")
    return format_table(header, rows, [is_numeric_column(rows, i) for i in range(len(header))])

