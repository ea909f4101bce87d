"""Extract a very large document in parts, so one hostile file cannot stall a build.

A document over `SPLIT_BYTES` (UTF-8) is cut at paragraph ends, else sentence ends, else
anywhere, into parts below that size; each part is extracted alone and the results are joined
into one Extraction whose offsets point into the whole text, so `kg extract` still prints one
record per document. Facts that span a cut are lost; a warning says the document was split.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from ..cache import regex
from ..model import Document, Entity, Extraction

SPLIT_BYTES = 5 * 2**20     # `--split-size`
SENTENCE_END = regex(r"[。！？!?；;]")
log = logging.getLogger("kg")


def extract_in_parts(doc: Document, extract: Callable[[Document], Extraction],
                     limit: int | None = None) -> Extraction:
    """extract(doc), or for a document over limit bytes (default SPLIT_BYTES) the joined
    extractions of its parts. e.g. extract_in_parts(doc, pipeline.extract_document)."""
    limit = limit or SPLIT_BYTES
    if len(doc.text) * 4 <= limit:      # no UTF-8 character takes more than 4 bytes
        return extract(doc)
    size = len(doc.text.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return extract(doc)
    spans = split_spans(doc.text, max(1, len(doc.text) * limit // size))
    log.warning("%s: %s, over the %s split size: extracted in %d parts cut at paragraph or "
                "sentence ends", doc.source, _show_size(size), _show_size(limit), len(spans))
    parts = [extract(replace(doc, text=doc.text[start:end])) for start, end in spans]
    return join_parts(parts, [start for start, _ in spans])


def _show_size(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, size // 1024)} KB"


def split_spans(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of parts of at most `size` characters, each ending at the last paragraph
    end, else sentence end, in its second half. e.g. split_spans("甲。乙。", 3) -> [(0, 2), (2, 4)]."""
    spans, start = [], 0
    while len(text) - start > size:
        low, high = start + size // 2, start + size
        cut = _last_end(text, low, high)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _last_end(text: str, low: int, high: int) -> int:
    """Where to cut text[low:high]: after its last blank line, line end, sentence end, or at high."""
    for mark in ("\n\n", "\n"):
        found = text.rfind(mark, low, high)
        if found >= 0:
            return found + len(mark)
    ends = [m.end() for m in SENTENCE_END.finditer(text, low, high)]
    return ends[-1] if ends else high


def join_parts(parts: list[Extraction], offsets: list[int]) -> Extraction:
    """One Extraction from the extractions of consecutive parts starting at `offsets`: the
    first part's article, offsets shifted, an entity found in several parts given once."""
    def moved(ev, shift):
        return replace(ev, start=ev.start + shift, end=ev.end + shift)

    entities: dict[tuple[str, str], Entity] = {}
    for part in parts:
        for e in part.entities:
            seen = entities.get((e.type, e.label))
            entities[(e.type, e.label)] = e if seen is None else replace(
                seen, aliases=seen.aliases + tuple(a for a in e.aliases if a not in seen.aliases),
                jurisdiction=seen.jurisdiction or e.jurisdiction)
    return Extraction(
        article=parts[0].article,
        mentions=tuple(replace(m, start=m.start + k, end=m.end + k)
                       for part, k in zip(parts, offsets) for m in part.mentions),
        entities=tuple(entities.values()),
        relations=tuple(replace(r, evidence=moved(r.evidence, k))
                        for part, k in zip(parts, offsets) for r in part.relations),
        fundings=tuple(replace(f, evidence=moved(f.evidence, k))
                       for part, k in zip(parts, offsets) for f in part.fundings),
    )
