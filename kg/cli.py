"""The `kg` command line. Only this module imports click; each command calls one library
function and turns kg's own errors (KgError) into a one-line message and a non-zero exit."""
from __future__ import annotations

import contextlib
import functools
import gc
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path

import click

from .errors import KgError

MB = 2**20


def fail_on_kg_error(func):
    """Run a command body, mapping KgError to click's one-line error (exit 1). The library
    turns every read error into a KgError, so an OSError left is output that cannot be
    written: a full disk or a closed pipe under stdout."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            _silence_stdout()
            raise click.ClickException(f"{exc.filename or 'standard output'}: cannot write "
                                       f"({exc.strerror or exc})") from None
    return wrapper


class ErrorCounter:
    """Prints each skipped document as one line on stderr and counts them; `then` is called
    with each error too."""

    def __init__(self, then=None) -> None:
        self.count = 0
        self.then = then

    def __call__(self, exc: KgError) -> None:
        self.count += 1
        click.echo(f"kg: skipped {exc}", err=True)
        if self.then:
            self.then(exc)


class EchoHandler(logging.Handler):
    """Log records of the "kg" logger as `kg: warning: …` lines on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        level = "warning: " if record.levelno >= logging.WARNING else ""
        click.echo(f"kg: {level}{record.getMessage()}", err=True)


jsonl_option = click.option("--jsonl-field", metavar="FIELD", default=None,
                            help="Read .jsonl/.json inputs (and - for stdin) as JSON Lines, one "
                                 "document per line, text in FIELD.")


def reading_options(func):
    """--max-bytes and --split-size, shared by build and extract; both given in MB."""
    func = click.option("--split-size", type=click.FloatRange(min=0.001), default=5,
                        show_default=True, metavar="MB",
                        help="Extract a larger document in parts cut at paragraph or sentence ends.")(func)
    return click.option("--max-bytes", type=click.FloatRange(min=0.001), default=50,
                        show_default=True, metavar="MB",
                        help="Skip a document (or JSON line) larger than this.")(func)


def set_split_size(mb: float) -> None:
    from .extract import split
    split.SPLIT_BYTES = int(mb * MB)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", is_flag=True, help="Also say which encoding each input was read in.")
def main(verbose) -> None:
    """kg: build a knowledge graph of agencies, companies, people, programs, projects,
    places and funding flows from Chinese news articles."""
    log = logging.getLogger("kg")
    log.handlers[:] = [EchoHandler()]
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False), help="Folder for graph.ttl and graph.html.")
@jsonl_option
@click.option("--no-html", is_flag=True, help="Write only the Turtle file.")
@reading_options
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Also load the graph into an Oxigraph store in this folder (replacing its content).")
@click.option("--view", "full_view", is_flag=True,
              help="Draw every entity in graph.html (a very large graph otherwise gets a "
                   "summary of its top entities).")
@click.option("-j", "--workers", type=click.IntRange(1), default=None,
              help="Worker processes for extraction [default: all cores].")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Run extraction on this Dask cluster (needs kg[cluster] on every worker).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False),
              help="Folder of the extraction cache [default: OUTPUT/.kg-cache].")
@click.option("--no-cache", is_flag=True, help="Extract every document again; keep no cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
@fail_on_kg_error
def build(inputs, out_dir, jsonl_field, no_html, max_bytes, split_size, store_dir, full_view,
          workers, scheduler, cache_dir, no_cache, quiet):
    """Build the graph of INPUTS (files, folders, JSON Lines, - for stdin): .txt, .md, .html,
    .htm, .pdf (text layer) and .docx.

    With no INPUTS, builds the sample articles bundled in data/samples. Documents unchanged
    since the last build come from the cache; new and changed ones are extracted. The outputs
    are written all or none: a failed build leaves the previous ones as they were."""
    from .build import build_outputs, skip_reason
    from .parallel import default_workers

    # A build makes millions of small objects that live to its end (spans, tags, triples):
    # at Python's default threshold the collector walks them again and again for nothing
    # freed, 3% of the build's CPU; a larger first generation cuts that to a third.
    gc.set_threshold(20_000, 10, 10)
    set_split_size(split_size)
    reasons = Counter()
    errors = ErrorCounter(lambda exc: reasons.update([skip_reason(exc)]))
    with progress_bar(quiet) as progress:
        report = build_outputs(list(inputs), Path(out_dir), jsonl_field=jsonl_field,
                               html=not no_html, on_error=errors,
                               workers=workers or default_workers(), scheduler=scheduler,
                               cache_dir=Path(cache_dir) if cache_dir else None,
                               use_cache=not no_cache, full_view=full_view, progress=progress,
                               max_bytes=int(max_bytes * MB),
                               store=Path(store_dir) if store_dir else None)
    click.echo(report.summary(skipped=errors.count, reasons=reasons), err=True)
    if errors.count:
        sys.exit(1)


@contextlib.contextmanager
def progress_bar(quiet: bool):
    """A function (done, total) that draws a tqdm bar on stderr when stderr is a terminal."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(file=sys.stderr, unit="doc", dynamic_ncols=True, leave=False) as bar:
        def update(done: int, total: int) -> None:
            if bar.total != total:
                bar.reset(total=total)
            bar.update(done - bar.n)
        yield update


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@jsonl_option
@reading_options
@click.option("--text", "with_text", is_flag=True,
              help="Add each document's text, the one offsets point into (for .html, .pdf, .docx: the text extracted).")
@fail_on_kg_error
def extract(inputs, jsonl_field, max_bytes, split_size, with_text):
    """Print mentions, entities, relations and fundings of each document as JSON Lines.

    One record per document, in input order; a JSON line that cannot be read or extracted
    gets a record holding the error, so output lines match input lines."""
    from .build import empty_record, iter_extract_records

    set_split_size(split_size)

    def keep_line(exc):
        if getattr(exc, "doc_id", None):
            sys.stdout.write(json_line(empty_record(exc.doc_id, str(exc))))

    errors = ErrorCounter(keep_line)
    for record in iter_extract_records(list(inputs), jsonl_field=jsonl_field, on_error=errors,
                                       max_bytes=int(max_bytes * MB), with_text=with_text):
        sys.stdout.write(json_line(record))
    sys.stdout.flush()          # a full disk is reported here, not at exit
    if errors.count:
        click.echo(f"kg: {errors.count} document(s) skipped", err=True)
        sys.exit(1)


LINE_BREAKS_JSON_KEEPS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(record: dict) -> str:
    """A record as one JSON line; the line breaks JSON leaves raw are escaped too, so no
    reader that splits on them (JavaScript, str.splitlines) cuts a record in two."""
    return json.dumps(record, ensure_ascii=False).translate(LINE_BREAKS_JSON_KEEPS) + "\n"


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit does not fail a second time."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass        # not a real file (a test runner's buffer)


@main.command("queries")
@fail_on_kg_error
def list_named_queries():
    """List the named queries (queries/*.rq) with their descriptions and parameters."""
    from .outputs.query import list_queries

    for q in list_queries():
        click.echo(f"{q.name} — {q.title}\n    {q.description}")
        for name, meaning in q.params:
            click.echo(f"    --param {name}=…  {meaning}")


@main.command()
@click.argument("args", nargs=-1, required=True, metavar="[GRAPH] NAME|FILE.rq|SPARQL")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the string VALUE (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "csv", "tsv", "json")),
              default="table", show_default=True, help="Output of a SELECT query.")
@click.option("--endpoint", metavar="URL", help="Ask this SPARQL endpoint instead of GRAPH.")
@click.option("--graph-iri", metavar="IRI", help="With --endpoint: the named graph to ask (default-graph-uri).")
@click.option("--allow-network", is_flag=True,
              help="Allow SERVICE, FROM and remote JSON-LD contexts, which kg otherwise refuses.")
@fail_on_kg_error
def query(args, params, fmt, endpoint, graph_iri, allow_network):
    """Run a named query, a .rq file or SPARQL text over GRAPH (.ttl, .nt, .nq, .trig, .jsonld,
    or a store folder), or over a SPARQL endpoint with --endpoint URL (then without GRAPH).

    CONSTRUCT and DESCRIBE print Turtle; ASK prints true or false. CSV and TSV cells that a
    spreadsheet would run as formulas get a leading quote. SERVICE and FROM are refused on a
    GRAPH unless --allow-network; an endpoint runs what it is sent."""
    from .outputs.query import format_result, parse_params, run_query

    if len(args) != (1 if endpoint else 2):
        raise click.UsageError("give GRAPH and a query, or --endpoint URL and a query")
    query_spec = args[-1]
    if endpoint:
        from .outputs.remote import run_remote_query
        result = run_remote_query(endpoint, query_spec, parse_params(params), graph_iri)
    else:
        from .rdf.store import open_source
        result = run_query(open_source(args[0], allow_network), query_spec, parse_params(params),
                           allow_network=allow_network)
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--endpoint", required=True, metavar="URL",
              help="The Graph Store endpoint, e.g. Virtuoso's http://127.0.0.1:8890/sparql-graph-crud-auth.")
@click.option("--graph", "graph_iri", required=True, metavar="IRI",
              help="The named graph to replace with GRAPH (with --per-article: the shared entities).")
@click.option("--per-article", is_flag=True, help="One named graph per article, named by its IRI.")
@click.option("--user", help="User name for the store.")
@click.option("--password", envvar="KG_PUSH_PASSWORD", help="Password (or the KG_PUSH_PASSWORD variable).")
@click.option("--auth", "auth_kind", type=click.Choice(("digest", "basic")), default="digest",
              show_default=True, help="HTTP authentication scheme of the store.")
@click.option("--chunk", default=50_000, show_default=True, type=click.IntRange(1),
              help="Triples per request.")
@fail_on_kg_error
def push(graph, endpoint, graph_iri, per_article, user, password, auth_kind, chunk):
    """Load GRAPH (a graph file or a store folder) into a triple store by the SPARQL 1.1 Graph
    Store Protocol; pushing again replaces the graph, never duplicates it."""
    import httpx

    from .outputs.remote import push_graph

    auth = None
    if user:
        auth = (httpx.DigestAuth if auth_kind == "digest" else httpx.BasicAuth)(user, password or "")
    report = push_graph(graph, endpoint, graph_iri, per_article=per_article, auth=auth, chunk=chunk)
    click.echo(report.summary(endpoint), err=True)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped (HTTP 503).")
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(1),
              help="Rows an answer holds at most (header Kg-Truncated when cut).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1),
              help="Queries answered at once, one process each, each with the graph in memory.")
@click.option("--on-disk", is_flag=True,
              help="Query a store folder on disk instead of a copy in memory (for a graph larger than memory).")
@fail_on_kg_error
def serve(graph, host, port, timeout, limit, workers, on_disk):
    """Serve GRAPH (a store folder or a graph file) as a read-only SPARQL 1.1 endpoint at
    /sparql, with the named queries at /queries/NAME?param=…"""
    from .outputs.serve import ServeOptions, create_app, run_app

    app = create_app(graph, ServeOptions(timeout=timeout, limit=limit, workers=workers, on_disk=on_disk))
    click.echo(f"kg: serving {graph} at http://{host}:{port}/sparql (Ctrl-C stops)", err=True)
    run_app(app, host, port)


def export_formats_help() -> str:
    from .outputs.export import EXPORT_FORMATS
    return "; ".join(f"{f.name}: {f.help}" for f in EXPORT_FORMATS.values()) + "."


def export_format_names() -> tuple[str, ...]:
    from .outputs.export import EXPORT_FORMATS
    return tuple(EXPORT_FORMATS)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(export_format_names()),
              help=export_formats_help())
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File to write (a folder for csv).")
@fail_on_kg_error
def export(graph, fmt, output):
    """Write GRAPH (a graph file or a store folder) in another format, for triple stores,
    Gephi, Neo4j and spreadsheets."""
    from .outputs.export import export_graph
    from .rdf.store import read_graph

    click.echo(f"kg: wrote {export_graph(read_graph(graph), fmt, output)}", err=True)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a text report.")
@fail_on_kg_error
def stats(graph, as_json):
    """Count GRAPH's articles, entities by class, relations, and fundings and amounts by type
    (GRAPH: a graph file or a store folder)."""
    from .outputs.stats import compute_stats, format_stats
    from .rdf.store import read_graph

    counts = compute_stats(read_graph(graph))
    click.echo(counts.as_json() if as_json else format_stats(counts), nl=False)


@main.command()
@click.argument("graph", type=click.Path())
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (self-contained, opens from disk).")
@click.option("--focus", metavar="NAME", help="Show only what lies near this entity (label or alias).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0),
              help="Steps from --focus to include.")
@click.option("--types", metavar="CLASS,...", help="Only these classes, e.g. Agency,Company.")
@click.option("--min-amount", type=float, metavar="YUAN", help="Only fundings of at least this amount (yuan).")
@fail_on_kg_error
def view(graph, output, focus, depth, types, min_amount):
    """Write an interactive HTML view of GRAPH (a graph file or a store folder): search, filters, and the evidence of each fact."""
    from .outputs.view import write_view_file

    classes = [t.strip() for t in types.split(",") if t.strip()] if types else None
    meta = write_view_file(graph, output, focus=focus, depth=depth, types=classes, min_amount=min_amount)
    click.echo(f"kg: {meta['entities']} entities, {meta['fundings']} fundings -> {output}", err=True)

if __name__ == "__main__":
    main()
