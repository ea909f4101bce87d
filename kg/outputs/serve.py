"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store folder or a graph file.

The HTTP side is Starlette run by uvicorn; queries run in worker processes that each hold the
graph in an in-memory Oxigraph store, copied from the store folder or loaded from the file
(about ten times faster than Oxigraph's RocksDB on disk; `--on-disk` queries the folder
instead, for a graph larger than memory). A query that runs past the timeout has its worker
killed and replaced, which a thread could not do.

Routes:
* `/sparql`: GET ?query=… or POST (form `query=…`, or a body of type application/sparql-query);
  SELECT and ASK answer in JSON, XML, CSV or TSV by the Accept header, CONSTRUCT and DESCRIBE
  in Turtle or N-Triples; updates get 403.
* `/queries`: the named queries as JSON; `/queries/NAME?param=…`: one, its parameters bound
  as literals like `kg query --param` (Oxigraph's substitution, never pasted into the text).
"""
from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import multiprocessing
from urllib.parse import parse_qsl
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..errors import InputError, KgError, QueryError
from .query import bind_text, check_params, find_network_use, list_queries, oxigraph_prefixes
from ..rdf.store import is_store, load_memory_store, open_store

RESULT_FORMATS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
                  "application/json": ox.QueryResultsFormat.JSON,
                  "application/sparql-results+xml": ox.QueryResultsFormat.XML,
                  "application/xml": ox.QueryResultsFormat.XML,
                  "text/csv": ox.QueryResultsFormat.CSV,
                  "text/tab-separated-values": ox.QueryResultsFormat.TSV}
GRAPH_FORMATS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
UPDATE_TYPE = "application/sparql-update"
QUERY_TYPE = "application/sparql-query"


@dataclass(frozen=True)
class ServeOptions:
    timeout: float = 30.0      # seconds a query may run
    limit: int = 10_000        # rows (or triples) an answer holds at most
    workers: int = 2
    on_disk: bool = False      # query a store on disk instead of a copy in each worker's memory


# ---------------------------------------------------------------- worker side

def serve_queries(source: str, limit: int, on_disk: bool, conn) -> None:
    """A worker process: open the graph, say "ready", then answer (query, params, accept) jobs."""
    try:
        store = open_store(source) if on_disk else load_memory_store(source)
    except KgError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        text, params, accept = conn.recv()
        conn.send(answer_query(store, text, params, accept, limit))


def answer_query(store: ox.Store, text: str, params: dict[str, str], accept: str,
                 limit: int) -> tuple[int, str, bytes, bool]:
    """(status, media type, body, truncated) of one query; e.g. 400 for bad SPARQL, an update,
    or SERVICE/FROM, which would make the server reach the network."""
    remote = find_network_use(text)
    if remote:
        return 400, "text/plain", f"{remote} would reach the network; refused".encode(), False
    try:
        answer = store.query(bind_text(text, params), prefixes=oxigraph_prefixes())
        if isinstance(answer, ox.QueryTriples):
            media, fmt = negotiate(accept, GRAPH_FORMATS)
            triples = list(itertools.islice(answer, limit + 1))
            body = ox.serialize(triples[:limit], format=fmt, prefixes=oxigraph_prefixes())
            return 200, media, body, len(triples) > limit
        media, fmt = negotiate(accept, RESULT_FORMATS)
        if isinstance(answer, ox.QueryBoolean):
            return 200, media, answer.serialize(format=fmt), False
        rows, truncated = solutions_json(answer, limit)
        if fmt != ox.QueryResultsFormat.JSON:
            rows = ox.parse_query_results(rows, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return 200, media, rows, truncated
    except SyntaxError as exc:
        return 400, "text/plain", f"bad SPARQL query (updates are refused): {exc}".encode(), False
    except (OSError, RuntimeError) as exc:   # Oxigraph's evaluation errors
        return 500, "text/plain", f"query failed: {exc}".encode(), False


def solutions_json(solutions: ox.QuerySolutions, limit: int) -> tuple[bytes, bool]:
    """At most `limit` rows as SPARQL 1.1 results JSON, and whether rows were left out."""
    names = [v.value for v in solutions.variables]
    rows = list(itertools.islice(solutions, limit + 1))
    bindings = [{name: json_term(row[name]) for name in names if row[name] is not None}
                for row in rows[:limit]]
    doc = {"head": {"vars": names}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8"), len(rows) > limit


def json_term(term) -> dict:
    """An Oxigraph term in SPARQL 1.1 results JSON, e.g. {'type': 'uri', 'value': 'https://…'}."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype != XSD_STRING:
        cell["datatype"] = term.datatype.value
    return cell


def negotiate(accept: str, formats: dict) -> tuple[str, object]:
    """The first media type of the Accept header (by q, then order) that formats knows, or the
    first of formats. e.g. negotiate('text/csv', RESULT_FORMATS) -> ('text/csv', CSV)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *options = [p.strip() for p in part.split(";")]
        q = next((float(o[2:]) for o in options if o.startswith("q=") and is_number(o[2:])), 1.0)
        ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in formats:
            return media, formats[media]
    default = next(iter(formats))
    return default, formats[default]


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- server side

class QueryTimeout(Exception):
    pass


class WorkerLost(Exception):
    pass


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, source: str, options: ServeOptions) -> None:
        context = multiprocessing.get_context("spawn")    # a fresh process: no copied locks
        self.conn, child = context.Pipe()
        on_disk = options.on_disk and is_store(source)
        self.process = context.Process(target=serve_queries, args=(source, options.limit, on_disk, child),
                                       daemon=True)
        self.process.start()

    def wait_ready(self) -> None:
        try:
            status, message = self.conn.recv()
        except EOFError:        # it died before it could say why
            status, message = "error", f"a query worker stopped at start (exit code {self.process.exitcode})"
        if status != "ready":
            self.stop()
            raise InputError(message)

    def ask(self, job: tuple, timeout: float) -> tuple:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            raise QueryTimeout
        return self.conn.recv()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


class WorkerPool:
    """Workers waiting for jobs; a job takes an idle one, and a timed-out one is replaced."""

    def __init__(self, source: str, options: ServeOptions) -> None:
        self.source, self.options = source, options
        self.idle: asyncio.Queue[Worker] | None = None
        self.workers: list[Worker] = []

    def start_worker(self) -> Worker:
        worker = Worker(self.source, self.options)
        self.workers.append(worker)
        worker.wait_ready()
        return worker

    def prepare(self) -> None:
        """Start the workers and wait until each holds the graph; raises InputError if it cannot."""
        try:
            for _ in range(self.options.workers):
                self.start_worker()
        except KgError:
            self.stop()
            raise

    def open(self) -> None:
        """Hand the prepared workers to the event loop's queue (inside the running server)."""
        self.idle = asyncio.Queue()
        for worker in self.workers:
            self.idle.put_nowait(worker)

    async def run(self, job: tuple) -> tuple:
        worker = await self.idle.get()
        try:
            return await asyncio.to_thread(worker.ask, job, self.options.timeout)
        except (QueryTimeout, EOFError, OSError) as exc:   # too slow, or the worker died: replace it
            worker.stop()
            self.workers.remove(worker)
            worker = await asyncio.to_thread(self.start_worker)
            if isinstance(exc, QueryTimeout):
                raise
            raise WorkerLost from None
        finally:
            self.idle.put_nowait(worker)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()


async def read_form(request: Request) -> dict[str, str]:
    """The fields of a POSTed application/x-www-form-urlencoded body ({} otherwise)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if request.method != "POST" or content_type != "application/x-www-form-urlencoded":
        return {}
    return dict(parse_qsl((await request.body()).decode("utf-8", errors="replace")))


def create_app(source: str | Path, options: ServeOptions = ServeOptions()) -> Starlette:
    """The ASGI app serving the graph at source (a store folder or an RDF file); its workers are
    started here, so a graph that cannot be read raises InputError before anything is served."""
    pool = WorkerPool(str(source), options)
    pool.prepare()
    named = {q.name: q for q in list_queries()}

    async def run(text: str, params: dict[str, str], request: Request) -> Response:
        try:
            status, media, body, truncated = await pool.run((text, params, request.headers.get("accept", "")))
        except QueryTimeout:
            return PlainTextResponse(f"query timed out after {options.timeout:g} s", status_code=503)
        except WorkerLost:
            return PlainTextResponse("the query stopped its worker", status_code=500)
        headers = {"Kg-Truncated": f"at {options.limit} rows"} if truncated else {}
        return Response(body, status_code=status, media_type=media, headers=headers)

    async def sparql(request: Request) -> Response:
        form = await read_form(request)
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        if "update" in request.query_params or "update" in form or content_type == UPDATE_TYPE:
            return PlainTextResponse("this endpoint is read-only: updates are refused", status_code=403)
        if content_type == QUERY_TYPE:
            text = (await request.body()).decode("utf-8", errors="replace")
        else:
            text = form.get("query") or request.query_params.get("query")
        if not text:
            return PlainTextResponse("missing the query parameter", status_code=400)
        return await run(text, {}, request)

    async def named_query(request: Request) -> Response:
        query = named.get(request.path_params["name"])
        if query is None:
            return PlainTextResponse(f"no named query {request.path_params['name']!r}; see /queries",
                                     status_code=404)
        params = {**request.query_params, **await read_form(request)}
        try:
            check_params(query, params)
        except QueryError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        return await run(query.text, params, request)

    async def catalogue(request: Request) -> Response:
        return JSONResponse([{"name": q.name, "title": q.title, "description": q.description,
                              "params": dict(q.params), "url": f"/queries/{q.name}"}
                             for q in named.values()])

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pool.open()
        yield
        pool.stop()

    return Starlette(
        routes=[Route("/sparql", sparql, methods=["GET", "POST"]),
                Route("/queries", catalogue),
                Route("/queries/{name}", named_query, methods=["GET", "POST"])],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["*"], expose_headers=["Kg-Truncated"])],
        lifespan=lifespan)


def run_app(app: Starlette, host: str = "127.0.0.1", port: int = 7878) -> None:
    """Serve app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning")
