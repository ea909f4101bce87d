"""One document's analysis, computed once and handed to every stage (as spaCy hands a `Doc`).

The pipeline fills the annotations stage by stage (article, mentions, entities, relations,
fundings); the clause layer (refs, stories, speaker turns, masked sentences, list rows) is
computed lazily, the first time a stage asks for it, and then shared. Refs are made of the
resolved mentions, so only stages after resolution (relations, fundings) may ask for them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import clause
from . import layout
from . import references
from .article import find_byline_spans
from .clause import Masked, Ref
from ..model import Article, Document, Entity, Funding, Mention, Relation, Sentence, Text


@dataclass(eq=False)
class Analysis:
    """A document, its normalised text and sentences, and what the stages found in it.

    Offsets index `text.text` (the normalised text); the pipeline maps them back to
    `doc.text` only when it returns the Extraction.
    """
    doc: Document
    text: Text
    sentences: list[Sentence]
    article: Article | None = None
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    fundings: list[Funding] = field(default_factory=list)
    credits: list[Mention] = field(default_factory=list)     # byline names, never in the graph
    _masks: dict[int, Masked] = field(default_factory=dict, init=False, repr=False)
    _rows: dict[int, Ref | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def doc_id(self) -> str:
        return self.doc.doc_id

    @cached_property
    def byline_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, name) of each byline name, found once for the article, credits and
        mentions stages (kg.extract.article.find_byline_spans)."""
        return find_byline_spans(self.text.text)

    # ------------------------------------------------------------ the clause layer (lazy)

    @cached_property
    def names(self) -> list[Ref]:
        """A Ref for each resolved mention, in text order."""
        return clause.name_refs(self.mentions, self.entities)

    @cached_property
    def refs(self) -> list[Ref]:
        """The names and the references tied to them (该公司, 企业…), in text order."""
        return references.find_refs(self.text.text, self.names, self.story_starts, self.turns)

    @cached_property
    def title_issuers(self) -> list[Ref]:
        """The bodies the title line opens with, before its 关于 (甲局 乙局关于…的通知), read once
        for the relations and fundings stages (clause.title_issuers)."""
        return clause.title_issuers(self.text.text, self.names)

    @cached_property
    def story_starts(self) -> list[int]:
        """Offsets where a story starts (after each headline or byline paragraph)."""
        return layout.story_starts(self.text.text)

    def story_start(self, at: int) -> int:
        """Start of the story holding offset `at`."""
        return clause.story_start(self.story_starts, at)

    @cached_property
    def turns(self) -> list[tuple[int, Ref | None]]:
        """Speaker turns of a transcript: (offset, body of the speaker or None)."""
        return references.speaker_turns(self.text.text, self.names)

    def speaker_at(self, at: int) -> Ref | None:
        """Body of the speaker whose turn holds offset `at` (None outside turns)."""
        return references.speaker_at(self.turns, at)

    def masked(self, index: int) -> Masked:
        """Sentence `index` with its refs masked, computed once."""
        if index not in self._masks:
            self._masks[index] = clause.mask_sentence(self.sentences[index], self.refs)
        return self._masks[index]

    def row_head(self, index: int) -> Ref | None:
        """The body heading sentence `index` when it is a numbered list row (1.甲公司，…)."""
        if index not in self._rows:
            self._rows[index] = clause.row_head(self.masked(index))
        return self._rows[index]

    @cached_property
    def types(self) -> dict[str, str]:
        """Entity label -> its type."""
        return {e.label: e.type for e in self.entities}
