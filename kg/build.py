"""The two jobs the CLI runs over a corpus: build the graph files, and extract JSON records."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import parallel
from .cache import CACHE_NAME, ExtractionCache, build_key, document_key, file_stamp
from .errors import InputError, KgError
from .atomic import check_writable, write_all
from .model import Document, Extraction, Mention
from .reading import MAX_BYTES, read_documents
from .resources import resource_dir

# The extraction stages and rdflib are imported where they are used: a rebuild of an
# unchanged corpus needs neither, and importing them would take most of its time.

OnError = Callable[[KgError], None]
Progress = Callable[[int, int], None]       # (documents done, documents in all)

# A bigger graph gets, unless asked for in full (--view), a graph.html of the entities named
# in most articles: a page of hundreds of thousands of nodes would not open anyway.
VIEW_MAX_ENTITIES = 5000


def default_inputs() -> list[str]:
    """The bundled sample articles, used when `kg build` gets no input."""
    return [str(resource_dir("data") / "samples")]


@dataclass
class BuildReport:
    documents: int
    entities: int
    fundings: int
    triples: int
    outputs: tuple[str, ...]
    extracted: int = 0          # documents extracted in this build
    cached: int = 0             # documents whose extraction came from the cache
    unchanged: bool = False     # nothing changed since the last build: outputs kept
    notes: tuple[str, ...] = field(default=())

    def summary(self, skipped: int = 0, reasons: Counter | None = None) -> str:
        """One line: documents, skips with their reasons, extracted and cached, the graph."""
        skip = f", {skipped} skipped" if skipped else ""
        if reasons:
            skip += " (" + ", ".join(f"{n} {why}" for why, n in reasons.most_common()) + ")"
        work = "unchanged since the last build" if self.unchanged else f"{self.extracted} extracted"
        return (f"kg: {self.documents} documents{skip}, {work}, {self.cached} cached, "
                f"{self.entities} entities, {self.fundings} fundings, {self.triples} triples"
                f" -> {', '.join(self.outputs)}" + "".join(f"; {n}" for n in self.notes))


def skip_reason(exc: KgError) -> str:
    """The problem an error names, without its file and details:
    'a/b.pdf: scanned PDF without a text layer (run OCR on it first)' ->
    'scanned PDF without a text layer'."""
    reason = str(exc).split(": ", 1)[-1]
    return re.sub(r"\s*\(.*\)$", "", reason)


def build_outputs(inputs: list[str], out_dir: Path, jsonl_field: str | None = None,
                  html: bool = True, on_error: OnError | None = None, *, workers: int = 1,
                  scheduler: str | None = None, cache_dir: Path | None = None,
                  use_cache: bool = True, full_view: bool = False,
                  progress: Progress | None = None, max_bytes: int = MAX_BYTES,
                  store: Path | None = None) -> BuildReport:
    """Read, extract, and write out_dir/graph.ttl (and graph.html), all or none, then fill the
    Oxigraph store in `store` from graph.ttl. Raises OutputError when out_dir cannot take
    them, InputError when no document could be read.

    Extraction runs on `workers` processes, or on the Dask scheduler at `scheduler`; with
    `use_cache`, extractions are kept in cache_dir (default out_dir/.kg-cache) and only new
    or changed documents are extracted; when nothing changed the outputs are left as they are.
    """
    check_writable(out_dir, [out_dir / "graph.ttl", out_dir / "graph.html"])   # before the long part
    docs = list(read_documents(inputs or default_inputs(), jsonl_field=jsonl_field,
                               on_error=on_error, max_bytes=max_bytes))
    if not docs:
        raise InputError("no readable documents in " + (", ".join(inputs) or "the samples"))
    done = 0

    def on_done(count: int) -> None:
        nonlocal done
        done += count
        if progress:
            progress(done, len(docs))

    mapper = (parallel.dask_cluster(scheduler, on_done) if scheduler
              else parallel.process_pool(workers, on_done, warm_up))
    failed = []

    def on_failure(exc: KgError) -> None:
        failed.append(exc)
        if on_error:
            on_error(exc)

    cache, key = None, None
    if use_cache:
        cache = ExtractionCache(cache_dir or out_dir / CACHE_NAME)
        keys = [document_key(d) for d in docs]
        key = build_key(keys, {"html": html, "full_view": full_view, "out": str(out_dir.resolve()),
                               "store": str(store.resolve()) if store else None})
        last = last_report(cache, key, len(docs))
        if last:
            on_done(len(docs))
            return last
        mapper = cache.wrap(mapper, keys, lambda r: not isinstance(r, KgError), on_done)

    from .extract.pipeline import build_corpus
    extractions = build_corpus(docs, on_failure if on_error else None, mapper)
    if not extractions:
        raise InputError("no readable documents in " + (", ".join(inputs) or "the samples"))
    report = write_outputs(extractions, out_dir, html, full_view, store,
                           aside=workers > 1 and not scheduler)
    report.cached = cache.hits if cache else 0
    report.extracted = len(docs) - report.cached
    if cache and not failed:
        save_report(cache, key, report)
    return report


def last_report(cache: ExtractionCache, key: str, documents: int) -> BuildReport | None:
    """The report of the last build when it had this key and its outputs are still the files
    it wrote (nothing to do), else None."""
    last = cache.last_build()
    if last and last["key"] == key and all(file_stamp(Path(p)) == stamp
                                           for p, stamp in last["stamps"].items()):
        return BuildReport(**last["report"], cached=documents, unchanged=True)
    return None


def save_report(cache: ExtractionCache, key: str, report: BuildReport) -> None:
    """Remember a complete build: its key, its outputs' stamps and its counts."""
    cache.save_build({"key": key, "stamps": {p: file_stamp(Path(p)) for p in report.outputs},
                      "report": {k: v for k, v in asdict(report).items()
                                 if k not in ("cached", "extracted", "unchanged")}})


def write_outputs(extractions: list[Extraction], out_dir: Path, html: bool,
                  full_view: bool, store: Path | None = None, aside: bool = False) -> BuildReport:
    """Write graph.ttl (and graph.html) of merged extractions as one set (both or neither),
    then load graph.ttl into the store folder `store`; return the counts. With `aside`, the
    view is drawn in a process of its own while this one writes the Turtle."""
    from .rdf.graph import CorpusTriples
    outputs = [out_dir / "graph.ttl"]
    entities = len({(e.type, e.label) for ex in extractions for e in ex.entities})
    notes = []
    triples = CorpusTriples(extractions)        # made once, read by both outputs
    if html:
        from .outputs.view import view_page
        outputs.append(out_dir / "graph.html")
        top = None if full_view or entities <= VIEW_MAX_ENTITIES else VIEW_MAX_ENTITIES
        view = parallel.aside(lambda: view_page(triples, top=top), aside)
        if top:
            notes.append(f"graph.html shows the {top} entities named in most articles "
                         f"(--view for all {entities})")
    files = {outputs[0]: triples.turtle()}
    if html:
        files[outputs[1]] = view()
    write_all(files)        # graph.ttl and graph.html from one corpus, never a mix of two
    if store:
        from .rdf.store import write_store
        write_store(outputs[0], store)      # from the file just written: the same graph
        outputs.append(store)
    return BuildReport(documents=len(extractions), entities=entities,
                       fundings=sum(len(ex.fundings) for ex in extractions), triples=len(triples),
                       outputs=tuple(str(p) for p in outputs), notes=tuple(notes))


def warm_up() -> None:
    """Extract the first bundled sample, loading every dictionary and rule table (run before
    worker processes fork, so that they share what it loaded)."""
    from .extract.pipeline import extract_or_error
    sample = min((resource_dir("data") / "samples").glob("*.md"))
    extract_or_error(Document(sample.name, sample.read_text(encoding="utf-8"), str(sample)))


def extraction_record(ex: Extraction) -> dict:
    """The JSON object `kg extract` prints for one document (format: spec/schema.md)."""
    def plain(obj) -> dict:
        data = asdict(obj)
        ev = data.pop("evidence", None)
        if ev:
            data.update(evidence=ev["sentence"], start=ev["start"], end=ev["end"])
        return {k: (float(v) if k == "amount" and v is not None else v) for k, v in data.items()}

    return {
        "doc": ex.article.doc_id,
        "article": asdict(ex.article),
        "mentions": record_mentions(ex.mentions),
        "entities": [dict(label=e.label, type=e.type, aliases=list(e.aliases),
                          jurisdiction=e.jurisdiction) for e in ex.entities],
        "relations": [plain(r) for r in ex.relations],
        "fundings": [plain(f) for f in ex.fundings],
    }


def record_mentions(mentions: tuple[Mention, ...]) -> list[dict]:
    """The mentions of a record in text order; a byline name (role "byline") keeps its role and
    gives way to a mention of the story it overlaps."""
    story = [m for m in mentions if not m.role]
    kept = story + [m for m in mentions if m.role and not any(o.start < m.end and m.start < o.end for o in story)]
    return [{k: v for k, v in asdict(m).items() if k != "role" or v}
            for m in sorted(kept, key=lambda m: (m.start, m.end))]


def empty_record(doc_id: str, error: str) -> dict:
    """The record `kg extract` prints for a line it could not read: it keeps the line's place."""
    return {"doc": doc_id, "error": error, "mentions": [], "entities": [], "relations": [], "fundings": []}


def iter_extract_records(inputs: list[str], jsonl_field: str | None = None,
                         on_error: OnError | None = None, with_text: bool = False,
                         max_bytes: int = MAX_BYTES) -> Iterator[dict]:
    """One record per document, in input order, without cross-document merging; `with_text`
    adds the text that the offsets point into (for .html, .pdf and .docx: the extracted text)."""
    from .extract.pipeline import extract_corpus
    current: list[Document] = []

    def remember(docs):
        # extraction pulls one document and yields its result before the next: the document
        # last pulled is the one an extraction comes from
        for doc in docs:
            current[:] = [doc]
            yield doc

    docs = read_documents(inputs, jsonl_field=jsonl_field, on_error=on_error, max_bytes=max_bytes)
    for ex in extract_corpus(remember(docs), on_error):
        record = extraction_record(ex)
        if with_text:
            record["text"] = current[0].text
        yield record
