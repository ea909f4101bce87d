"""Count what a graph holds: articles, entities by class, relations by property, fundings by
type with their total amounts (yuan)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from decimal import Decimal

from rdflib import Graph
from rdflib.namespace import RDF

from ..model import ENTITY_TYPES, FUNDING_TYPES, RELATION_TYPES
from ..rdf.ontology import KG
from .query import measure_width


@dataclass(frozen=True)
class Stats:
    triples: int
    articles: int
    classes: dict[str, int]             # entity class -> entities
    relations: dict[str, int]           # relation -> distinct (subject, object) pairs
    statements: int                     # kg:Statement nodes, i.e. relations as stated in a sentence
    fundings: dict[str, int]            # funding type -> funding nodes
    with_amount: dict[str, int]         # funding type -> those with an amount
    amounts: dict[str, Decimal]         # funding type -> total amount

    def as_json(self) -> str:
        data = asdict(self)
        data["amounts"] = {k: format(v.normalize(), "f") for k, v in self.amounts.items()}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def compute_stats(g: Graph) -> Stats:
    """Count g's content, e.g. compute_stats(g).fundings['Grant'] -> 2. Every class, relation
    and funding type of the schema is present, with 0 when the graph has none."""
    amounts = {}
    with_amount = {}
    for ftype in FUNDING_TYPES:
        values = [v.toPython() for f in g.subjects(RDF.type, KG[ftype]) for v in g.objects(f, KG.amount)]
        with_amount[ftype] = len(values)
        amounts[ftype] = sum((Decimal(v) for v in values), Decimal(0))
    return Stats(
        triples=len(g),
        articles=count(g.subjects(RDF.type, KG.Article)),
        classes={t: count(g.subjects(RDF.type, KG[t])) for t in ENTITY_TYPES},
        relations={r: count(g.subject_objects(KG[r])) for r in RELATION_TYPES},
        statements=count(g.subjects(RDF.type, KG.Statement)),
        fundings={t: count(g.subjects(RDF.type, KG[t])) for t in FUNDING_TYPES},
        with_amount=with_amount,
        amounts=amounts,
    )


def count(items) -> int:
    return len(set(items))


def format_stats(stats: Stats) -> str:
    """A plain-text report in four aligned blocks, e.g. a line 'Grant  2  1  3200000'."""
    blocks = [
        [["articles", str(stats.articles)], ["triples", str(stats.triples)],
         ["statements", str(stats.statements)]],
        [["class", "entities"]] + [[k, str(v)] for k, v in stats.classes.items()],
        [["relation", "pairs"]] + [[k, str(v)] for k, v in stats.relations.items()],
        [["funding type", "fundings", "with amount", "total yuan"]] +
        [[t, str(stats.fundings[t]), str(stats.with_amount[t]), format(stats.amounts[t].normalize(), "f")]
         for t in FUNDING_TYPES],
    ]
    return "\n".join(align(block) for block in blocks)


def align(rows: list[list[str]]) -> str:
    """First column left-aligned, the others right-aligned, by display width."""
    widths = [max(measure_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [row[0] + " " * (widths[0] - measure_width(row[0]))]
        cells += [" " * (widths[i] - measure_width(c)) + c for i, c in enumerate(row) if i]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
