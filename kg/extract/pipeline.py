"""Chain the stages: read → normalise → article metadata → mentions → resolution →
relations and fundings → (corpus merge) → graph.

Each document gets one kg.extract.analysis.Analysis, which every stage of STAGES takes and adds its
annotations to (plain kg.model data); this module only wires them and maps offsets back to
the original text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from . import article as article_stage
from . import credits as credit_stage
from . import fundings as funding_stage
from . import mentions as mention_stage
from . import normalize as normalize_stage
from . import relations as relation_stage
from . import resolve as resolve_stage
from .analysis import Analysis
from ..errors import ExtractionError, KgError
from ..lexicon import load_all as check_lexicons
from ..model import Document, Evidence, Extraction, Text
from .split import extract_in_parts


def _credits(a: Analysis):
    """Byline names, listed by `kg extract` but never resolved nor put in the graph."""
    return credit_stage.find_credits(a.text.text, a.byline_spans)


def _mentions(a: Analysis):
    return mention_stage.find_mentions(a.text, a.sentences, a.article, a.byline_spans)


def _resolve(a: Analysis):
    return resolve_stage.resolve(a.mentions, a.text, a.article)


# The stages in order: each takes the analysis and returns the annotations stored on the
# fields it names (space-separated when it returns several), for the stages after it.
STAGES: tuple[tuple[str, Callable[[Analysis], object]], ...] = (
    ("article", article_stage.read_article),
    ("credits", _credits),
    ("mentions", _mentions),
    ("mentions entities", _resolve),
    ("relations entities", relation_stage.relations_and_entities),
    ("fundings", funding_stage.find_fundings),
)


def analyse(doc: Document) -> Analysis:
    """Normalise the document, split its sentences, and run every stage on it."""
    text = normalize_stage.normalize(doc.text)
    a = Analysis(doc, text, normalize_stage.split_sentences(text))
    for fields, stage in STAGES:
        names = fields.split()
        values = stage(a)
        for name, value in zip(names, values if len(names) > 1 else (values,)):
            setattr(a, name, value)
    return a


def extract_document(doc: Document) -> Extraction:
    """All facts of one document, with offsets into doc.text."""
    a = analyse(doc)
    text = a.text
    return Extraction(
        article=a.article,
        mentions=tuple(replace(m, start=s, end=e, text=doc.text[s:e])
                       for m in a.mentions + a.credits for s, e in [text.span(m.start, m.end)]),
        entities=tuple(a.entities),
        relations=tuple(replace(r, evidence=to_original(text, r.evidence)) for r in a.relations),
        fundings=tuple(replace(f, evidence=to_original(text, f.evidence)) for f in a.fundings),
    )


def to_original(text: Text, ev: Evidence) -> Evidence:
    start, end = text.span(ev.start, ev.end)
    return replace(ev, start=start, end=end)


def extract_or_error(doc: Document) -> Extraction | KgError:
    """extract_document, with a failure returned as a KgError naming the document rather than
    raised, so that it travels back from a worker process like any result."""
    try:
        return extract_in_parts(doc, extract_document)
    except KgError as exc:
        return exc
    except Exception as exc:        # noqa: BLE001 - reported per document, see extract_corpus
        return ExtractionError(f"{locate(doc)}: extraction failed ({type(exc).__name__}: {exc})",
                               doc.doc_id)


def extract_for_graph(doc: Document) -> Extraction | KgError:
    """extract_or_error without the mentions, which the graph does not use: half as much to
    send back from a worker process and to keep in the cache."""
    result = extract_or_error(doc)
    return result if isinstance(result, KgError) else replace(result, mentions=())


def extract_corpus(docs: Iterable[Document],
                   on_error: Callable[[KgError], None] | None = None,
                   mapper: Callable | None = None,
                   extract: Callable[[Document], Extraction | KgError] = extract_or_error,
                   ) -> Iterator[Extraction]:
    """Extract every document, in input order; one that fails is reported to on_error and
    skipped, so a single bad document never loses the rest of the corpus. `mapper` (see
    kg.parallel) runs `extract` elsewhere: worker processes, a cluster, a cache."""
    check_lexicons()        # a bad lexicon row stops the run here, not in every document
    for result in (mapper or map)(extract, docs):
        if isinstance(result, KgError):
            if on_error is None:
                raise result
            on_error(result)
            continue
        yield result


def locate(doc: Document) -> str:
    """Where a document comes from: its file, and the line of a JSON Lines document."""
    line = doc.doc_id.rpartition(":")[2]
    return f"{doc.source}:{line}" if line.isdigit() else doc.source


def build_corpus(docs: Iterable[Document],
                 on_error: Callable[[KgError], None] | None = None,
                 mapper: Callable | None = None) -> list[Extraction]:
    """Extract all documents for the graph (without their mentions), then merge entities
    across them (one node per entity per corpus)."""
    return resolve_stage.merge_corpus(list(extract_corpus(docs, on_error, mapper, extract_for_graph)))
