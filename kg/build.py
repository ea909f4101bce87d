"""The two jobs the CLI runs over a corpus: build the graph files, and extract JSON records."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import InputError, KgError
from .atomic import check_writable, write_all
from .graph import build_graph
from .model import Extraction
from .pipeline import build_corpus, extract_corpus
from .reading import MAX_BYTES, read_documents
from .resources import resource_dir

OnError = Callable[[KgError], None]


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

    def summary(self, skipped: int = 0) -> str:
        skip = f", {skipped} skipped" if skipped else ""
        return (f"kg: {self.documents} documents{skip}, {self.entities} entities, "
                f"{self.fundings} fundings, {self.triples} triples -> {', '.join(self.outputs)}")


def build_outputs(inputs: list[str], out_dir: Path, jsonl_field: str | None = None,
                  html: bool = True, on_error: OnError | None = None,
                  max_bytes: int = MAX_BYTES, store: Path | None = None) -> BuildReport:
    """Read, extract, and write out_dir/graph.ttl (and graph.html), all or none, then fill the
    Oxigraph store in `store` from graph.ttl. Raises OutputError when out_dir cannot take
    them, InputError when no document could be read."""
    outputs = [out_dir / "graph.ttl"] + ([out_dir / "graph.html"] if html else [])
    check_writable(out_dir, outputs)      # before the long part, not after it
    docs = read_documents(inputs or default_inputs(), jsonl_field=jsonl_field, on_error=on_error,
                          max_bytes=max_bytes)
    extractions = build_corpus(docs, on_error)
    if not extractions:
        raise InputError("no readable documents in " + (", ".join(inputs) or "the samples"))
    g = build_graph(extractions)
    files = {outputs[0]: g.serialize(format="turtle")}
    if html:
        from .view import view_page
        files[outputs[1]] = view_page(g)
    write_all(files)        # all outputs or none: graph.ttl and graph.html from one corpus
    if store:
        from .store import write_store
        write_store(outputs[0], store)      # from the files just written, so it holds the same graph
        outputs.append(store)
    return BuildReport(
        documents=len(extractions),
        entities=len({(e.type, e.label) for ex in extractions for e in ex.entities}),
        fundings=sum(len(ex.fundings) for ex in extractions),
        triples=len(g),
        outputs=tuple(str(p) for p in outputs),
    )


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
        "mentions": [asdict(m) for m in ex.mentions],
        "entities": [dict(label=e.label, type=e.type, aliases=list(e.aliases),
                          jurisdiction=e.jurisdiction) for e in ex.entities],
        "relations": [plain(r) for r in ex.relations],
        "fundings": [plain(f) for f in ex.fundings],
    }


def empty_record(doc_id: str, error: str) -> dict:
    """The record `kg extract` prints for a line it could not read: it keeps the line's place."""
    return {"doc": doc_id, "error": error, "mentions": [], "entities": [], "relations": [], "fundings": []}


def iter_extract_records(inputs: list[str], jsonl_field: str | None = None,
                         on_error: OnError | None = None, max_bytes: int = MAX_BYTES) -> Iterator[dict]:
    """One record per document, in input order, without cross-document merging."""
    docs = read_documents(inputs, jsonl_field=jsonl_field, on_error=on_error, max_bytes=max_bytes)
    for ex in extract_corpus(docs, on_error):
        yield extraction_record(ex)
