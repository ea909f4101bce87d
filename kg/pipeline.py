"""Chain the stages: read → normalise → article metadata → mentions → resolution →
relations and fundings → (corpus merge) → graph.

Each stage is a function over plain data (kg.model); this module only wires them
and maps offsets back to the original text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import article as article_stage
from . import fundings as funding_stage
from . import mentions as mention_stage
from . import normalize as normalize_stage
from . import relations as relation_stage
from . import resolve as resolve_stage
from .errors import ExtractionError, KgError
from .model import Document, Evidence, Extraction, Text
from .split import extract_in_parts


def extract_document(doc: Document) -> Extraction:
    """All facts of one document, with offsets into doc.text."""
    text = normalize_stage.normalize(doc.text)
    sentences = normalize_stage.split_sentences(text)
    article = article_stage.read_article(doc, text)
    mentions = mention_stage.find_mentions(text, sentences, article)
    mentions, entities = resolve_stage.resolve(mentions, text, article)
    relations = relation_stage.find_relations(doc.doc_id, text, sentences, mentions, entities)
    fundings = funding_stage.find_fundings(doc.doc_id, text, sentences, mentions, entities, article)
    return Extraction(
        article=article,
        mentions=tuple(replace(m, start=s, end=e, text=doc.text[s:e])
                       for m in mentions for s, e in [text.span(m.start, m.end)]),
        entities=tuple(entities),
        relations=tuple(replace(r, evidence=to_original(text, r.evidence)) for r in relations),
        fundings=tuple(replace(f, evidence=to_original(text, f.evidence)) for f in fundings),
    )


def to_original(text: Text, ev: Evidence) -> Evidence:
    start, end = text.span(ev.start, ev.end)
    return replace(ev, start=start, end=end)


def extract_corpus(docs: Iterable[Document],
                   on_error: Callable[[KgError], None] | None = None) -> Iterator[Extraction]:
    """Extract every document; one that fails is reported to on_error and skipped, so a
    single bad document never loses the rest of the corpus."""
    for doc in docs:
        try:
            ex = extract_in_parts(doc, extract_document)
        except Exception as exc:        # noqa: BLE001 - reported per document, see docstring
            err = exc if isinstance(exc, KgError) else ExtractionError(
                f"{locate(doc)}: extraction failed ({type(exc).__name__}: {exc})", doc.doc_id)
            if on_error is None:
                raise err from exc
            on_error(err)
            continue
        yield ex


def locate(doc: Document) -> str:
    """Where a document comes from: its file, and the line of a JSON Lines document."""
    line = doc.doc_id.rpartition(":")[2]
    return f"{doc.source}:{line}" if line.isdigit() else doc.source


def build_corpus(docs: Iterable[Document],
                 on_error: Callable[[KgError], None] | None = None) -> list[Extraction]:
    """Extract all documents, then merge entities across them (one node per entity per corpus)."""
    return resolve_stage.merge_corpus(list(extract_corpus(docs, on_error)))
