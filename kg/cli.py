"""The `kg` command line. Only this module imports click; each command calls one library
function and turns kg's own errors (KgError) into a one-line message and a non-zero exit."""
from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections import Counter
from pathlib import Path

import click

from .errors import KgError


def fail_on_kg_error(func):
    """Run a command body, mapping KgError to click's one-line error (exit 1)."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from None
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


jsonl_option = click.option("--jsonl-field", metavar="FIELD", default=None,
                            help="Read .jsonl/.json inputs as JSON Lines, one document per line, text in FIELD.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: build a knowledge graph of agencies, companies, people, programs, projects,
    places and funding flows from Chinese news articles."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "out_dir", default="out", show_default=True,
              type=click.Path(file_okay=False), help="Folder for graph.ttl and graph.html.")
@jsonl_option
@click.option("--no-html", is_flag=True, help="Write only the Turtle file.")
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
def build(inputs, out_dir, jsonl_field, no_html, full_view, workers, scheduler, cache_dir,
          no_cache, quiet):
    """Build the graph of INPUTS (files, folders, JSON Lines, - for stdin): .txt, .md, .html,
    .htm, .pdf (text layer) and .docx.

    With no INPUTS, builds the sample articles bundled in data/samples. Documents unchanged
    since the last build come from the cache; new and changed ones are extracted."""
    from .build import build_outputs, skip_reason
    from .parallel import default_workers

    reasons = Counter()
    errors = ErrorCounter(lambda exc: reasons.update([skip_reason(exc)]))
    with progress_bar(quiet) as progress:
        report = build_outputs(list(inputs), Path(out_dir), jsonl_field=jsonl_field,
                               html=not no_html, on_error=errors,
                               workers=workers or default_workers(), scheduler=scheduler,
                               cache_dir=Path(cache_dir) if cache_dir else None,
                               use_cache=not no_cache, full_view=full_view, progress=progress)
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
@click.option("--text", "with_text", is_flag=True,
              help="Add each document's text, the one offsets point into (for .html, .pdf, .docx: the text extracted).")
@fail_on_kg_error
def extract(inputs, jsonl_field, with_text):
    """Print mentions, entities, relations and fundings of each document as JSON Lines."""
    from .build import empty_record, iter_extract_records

    out = sys.stdout

    def keep_line(exc):
        # a bad JSON line still gets its record, so output lines match input lines
        if getattr(exc, "doc_id", None):
            out.write(json.dumps(empty_record(exc.doc_id, str(exc)), ensure_ascii=False) + "\n")

    errors = ErrorCounter(keep_line)
    for record in iter_extract_records(list(inputs), jsonl_field=jsonl_field, on_error=errors,
                                       with_text=with_text):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    if errors.count:
        click.echo(f"kg: {errors.count} document(s) skipped", err=True)
        sys.exit(1)


@main.command("queries")
@fail_on_kg_error
def list_named_queries():
    """List the named queries (queries/*.rq) with their descriptions and parameters."""
    from .query import list_queries

    for q in list_queries():
        click.echo(f"{q.name} — {q.title}\n    {q.description}")
        for name, meaning in q.params:
            click.echo(f"    --param {name}=…  {meaning}")


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.argument("query_spec", metavar="NAME|FILE.rq|SPARQL")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to the string VALUE (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "csv", "tsv", "json")),
              default="table", show_default=True, help="Output of a SELECT query.")
@fail_on_kg_error
def query(graph, query_spec, params, fmt):
    """Run a named query, a .rq file or SPARQL text over GRAPH (.ttl, .nt, .nq, .trig, .jsonld).

    CONSTRUCT and DESCRIBE print Turtle; ASK prints true or false."""
    from .query import format_result, parse_params, read_graph, run_query

    result = run_query(read_graph(graph), query_spec, parse_params(params))
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("-f", "--format", "fmt", required=True,
              type=click.Choice(("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml", "gexf", "csv")),
              help="nquads/trig: one named graph per article; graphml/gexf: for Gephi; "
                   "csv: nodes.csv and edges.csv for Neo4j or a spreadsheet.")
@click.option("-o", "--output", required=True, type=click.Path(),
              help="File to write (a folder for csv).")
@fail_on_kg_error
def export(graph, fmt, output):
    """Write GRAPH in another format, for triple stores, Gephi, Neo4j and spreadsheets."""
    from .export import export_graph
    from .query import read_graph

    click.echo(f"kg: wrote {export_graph(read_graph(graph), fmt, output)}", err=True)


@main.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a text report.")
@fail_on_kg_error
def stats(graph, as_json):
    """Count GRAPH's articles, entities by class, relations, and fundings and amounts by type."""
    from .query import read_graph
    from .stats import compute_stats, format_stats

    counts = compute_stats(read_graph(graph))
    click.echo(counts.as_json() if as_json else format_stats(counts), nl=False)



@main.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML file to write (self-contained, opens from disk).")
@click.option("--focus", metavar="NAME", help="Show only what lies near this entity (label or alias).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0),
              help="Steps from --focus to include.")
@click.option("--types", metavar="CLASS,...", help="Only these classes, e.g. Agency,Company.")
@click.option("--min-amount", type=float, metavar="YUAN", help="Only fundings of at least this amount (yuan).")
@fail_on_kg_error
def view(graph, output, focus, depth, types, min_amount):
    """Write an interactive HTML view of GRAPH: search, filters, and the evidence of each fact."""
    from .view import write_view_file

    classes = [t.strip() for t in types.split(",") if t.strip()] if types else None
    meta = write_view_file(graph, output, focus=focus, depth=depth, types=classes, min_amount=min_amount)
    click.echo(f"kg: {meta['entities']} entities, {meta['fundings']} fundings -> {output}", err=True)

if __name__ == "__main__":
    main()
