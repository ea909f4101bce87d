"""Plain data passed between pipeline stages. No jieba or rdflib object crosses a stage boundary.

Offsets (`start`, `end`, end exclusive) are character offsets. Inside the
extraction stages they index the normalised text (`Text.text`); the pipeline
maps every offset it outputs back to the original document with `Text.span`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

class Vocabulary(str, Enum):
    """A term of the ontology (data/ontology.ttl): compares and hashes as its local name, so
    EntityType.AGENCY == "Agency" and both key the same dict entry."""

    def __str__(self) -> str:
        return self.value


class EntityType(Vocabulary):
    AGENCY = "Agency"
    COMPANY = "Company"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PROGRAM = "Program"
    PROJECT = "Project"
    PLACE = "Place"


class RelationType(Vocabulary):
    SUB_ORGANIZATION_OF = "subOrganizationOf"
    WORKS_FOR = "worksFor"
    ISSUED = "issued"
    PARTNER_OF = "partnerOf"
    REGULATES = "regulates"
    DEVELOPS = "develops"
    CONTRACTOR_OF = "contractorOf"
    ASSISTS = "assists"
    SUPPLIES = "supplies"


class FundingType(Vocabulary):
    LOAN = "Loan"
    GRANT = "Grant"
    RELIEF = "Relief"
    INTEREST_SUBSIDY = "InterestSubsidy"
    INVESTMENT = "Investment"
    DEBT = "Debt"


class Role(Vocabulary):
    """A party of a funding: the properties kg:provider, kg:recipient, kg:facilitator."""
    PROVIDER = "provider"
    RECIPIENT = "recipient"
    FACILITATOR = "facilitator"


ENTITY_TYPES = tuple(t.value for t in EntityType)
ORG_TYPES = (EntityType.AGENCY.value, EntityType.COMPANY.value, EntityType.ORGANIZATION.value)
FUNDING_TYPES = tuple(t.value for t in FundingType)
RELATION_TYPES = tuple(t.value for t in RelationType)


@dataclass(frozen=True)
class Document:
    """One input document: `doc_id` names it in output (file name, or file:line for JSON Lines)."""
    doc_id: str
    text: str
    source: str


@dataclass(frozen=True, eq=False)
class Text:
    """A document's normalised text and, for each of its characters, the offset in the original.

    `origin` has len(text) + 1 entries; the last one is len(original text).
    """
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the original text, e.g. a span over a joined line break widens."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the document, the sentence text and its character span."""
    doc_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    entity: str | None = None     # canonical label, set by resolution
    role: str | None = None       # "byline": a story's reporter, kept out of the graph (kg.extract.credits)


@dataclass(frozen=True)
class Entity:
    label: str                    # canonical name
    type: str                     # one of ENTITY_TYPES
    aliases: tuple[str, ...] = ()
    jurisdiction: str | None = None   # canonical label of the Place it belongs to, if known


@dataclass(frozen=True)
class Relation:
    type: str                     # one of RELATION_TYPES
    subject: str                  # canonical labels
    object: str
    evidence: Evidence
    job_title: str | None = None  # worksFor only
    rule: str | None = None       # id of the rule that stated it (a table row or a named pass)


@dataclass(frozen=True)
class Funding:
    type: str                     # one of FUNDING_TYPES
    evidence: Evidence
    amount: Decimal | None = None # yuan
    amount_text: str | None = None
    approximate: bool = False
    date: str | None = None       # '2020-06-30', '2020-06' or '2020'
    provider: str | None = None   # canonical labels
    recipient: str | None = None
    facilitator: str | None = None
    program: str | None = None
    project: str | None = None
    rule: str | None = None       # id of the rule that found it (a funding cue row)


@dataclass(frozen=True)
class Article:
    doc_id: str
    source: str
    title: str | None = None
    date: str | None = None       # ISO date of publication or of the story, when the text gives one
    bylines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""
    article: Article
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    fundings: tuple[Funding, ...] = ()
