"""Funding flows: money amounts tied to a cue (贷款, 补助, 减免…) and to the parties around it.

Cheap pass first: only sentences with a funding cue and a money amount are analysed. The
subclass comes from the cue nearest the amount in its clause (funding_cues.tsv); rates,
caps, per-head rules and ranges are never a party's funding (funding_rule_words.tsv).
Parties come from role templates over the masked sentence (funding_roles.tsv, same syntax as
relation_cues.tsv), then from the sentence's subject; 该公司/企业 are resolved by
`relations.find_refs`. One amount stated several times in an article is one funding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .lexicon import load_table, load_words
from .model import ORG_TYPES, Article, Entity, Evidence, Funding, Mention, Sentence, Text
from .money import Amount, DateExpr, find_amounts, find_dates, is_money
from .relations import Masked, compile_template, find_refs, implicit_subject, mask_sentence, role_refs

_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
_ROLES = ("P", "R", "F")
_AS_OF = re.compile("截至|截止|截止到")
# A cue after the amount binds first when it is this close (580万元设备合同补助款).
NEAR_AFTER = 12


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str


@lru_cache(maxsize=None)
def cue_regex() -> re.Pattern:
    """One alternation of all cues, longest first; the group name is the subclass."""
    rows = sorted(load_table("funding_cues.tsv", 2), key=lambda r: -len(r[0]))
    return re.compile("|".join(f"(?:{cue})" for cue, _ in rows))


@lru_cache(maxsize=None)
def cue_types() -> tuple[tuple[re.Pattern, str], ...]:
    rows = sorted(load_table("funding_cues.tsv", 2), key=lambda r: -len(r[0]))
    return tuple((re.compile(cue), kind) for cue, kind in rows)


@lru_cache(maxsize=None)
def role_templates() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((compile_template(t), implicit)
                 for t, implicit in load_table("funding_roles.tsv", 2, 1))


@lru_cache(maxsize=None)
def rule_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before, words after) an amount that make it a rate or a rule."""
    rows = load_table("funding_rule_words.tsv", 2)
    return (tuple(w for w, where in rows if where == "before"),
            tuple(w for w, where in rows if where == "after"))


@lru_cache(maxsize=None)
def lender_words() -> tuple[str, ...]:
    return load_words("funding_lenders.txt")


@lru_cache(maxsize=None)
def continuation_words() -> tuple[str, ...]:
    return load_words("funding_continuations.txt")


def find_cues(sentence: str) -> list[Cue]:
    """Funding cues in a sentence, e.g. '发放贷款贴息' -> [Cue(2, 6, 'InterestSubsidy')]."""
    out = []
    for m in cue_regex().finditer(sentence):
        kind = next(k for p, k in cue_types() if p.fullmatch(m.group()))
        out.append(Cue(m.start(), m.end(), kind))
    return out


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons) around sentence[start:end]."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


def is_rule_amount(sentence: str, amount: Amount, left: int, right: int) -> bool:
    """True for 每人200元, 最高50元, 500万元以上: a rate or a cap, not a sum paid to a party."""
    before, after = rule_words()
    head = sentence[max(left, amount.start - 8):amount.start]
    tail = sentence[amount.end:min(right, amount.end + 4)]
    return any(w in head for w in before) or any(tail.startswith(w) for w in after)


def pick_cue(cues: list[Cue], amount: Amount, left: int, right: int) -> Cue | None:
    """The cue that names the amount's flow: a close one after it, else the nearest before it."""
    inside = [c for c in cues if c.start >= left and c.end <= right
              and not (c.start < amount.end and amount.start < c.end)]
    after = [c for c in inside if c.start >= amount.end]
    close = [c for c in after if c.start - amount.end <= NEAR_AFTER]
    if close:
        return close[0]
    before = [c for c in inside if c.end <= amount.start]
    if before:
        return before[-1]
    return after[0] if after else None


def find_fundings(doc_id: str, text: Text, sentences: list[Sentence], mentions: list[Mention],
                  entities: list[Entity], article: Article) -> list[Funding]:
    """Fundings stated in the document, one per amount, each with its sentence as evidence.

    Example: '甲省财政厅下发的580万元补助款打到了乙公司账户' -> Grant of 5800000 yuan,
    provider 甲省财政厅, recipient 乙公司.
    """
    refs = None
    found: list[Funding] = []
    previous: Funding | None = None
    for sentence in sentences:
        if not cue_regex().search(sentence.text):
            previous = None
            continue
        amounts = [a for a in find_amounts(sentence.text)
                   if not a.is_range and is_money(a, sentence.text)]
        if not amounts:
            previous = None
            continue
        if refs is None:
            refs = find_refs(text, mentions, entities)
        masked = mask_sentence(sentence, refs)
        cues = find_cues(sentence.text)
        dates = find_dates(sentence.text, article.date)
        ev = Evidence(doc_id, sentence.text, sentence.start, sentence.end)
        current = None
        for amount in amounts:
            left, right = clause_bounds(sentence.text, amount.start, amount.end)
            cue = pick_cue(cues, amount, left, right)
            if cue is None or is_rule_amount(sentence.text, amount, left, right):
                continue
            funding = Funding(cue.type, ev, amount.value, amount.text, amount.approximate,
                              pick_date(sentence.text, dates, amount), **assign_roles(masked, amount, cue.type))
            funding = with_context(funding, sentence, previous)
            found.append(funding)
            current = funding
        previous = current
    return merge_repeats(found)


def assign_roles(masked: Masked, amount: Amount, kind: str) -> dict[str, str | None]:
    """Provider, recipient, facilitator of a funding from the role templates, then the subject."""
    at = masked.offsets[amount.start]
    best: dict[str, tuple[int, str]] = {}
    for pattern, implicit in role_templates():
        for m in pattern.finditer(masked.text):
            distance = 0 if m.start() <= at <= m.end() else min(abs(at - m.start()), abs(at - m.end()))
            for role in _ROLES:
                refs = [r for r in role_refs(masked, m, role) if r.type in ORG_TYPES]
                if not refs and role == implicit:
                    subject = implicit_subject(masked, m.start() + 1, ORG_TYPES)
                    refs = [subject] if subject else []
                if refs and (role not in best or distance < best[role][0]):
                    best[role] = (distance, refs[0].entity)
    roles = {role: value for role, (_, value) in best.items()}
    if "P" not in roles:
        subject = implicit_subject(masked, at, ORG_TYPES)
        if subject is not None and subject.entity not in roles.values():
            if kind == "Loan" and not _is_lender(subject.entity):
                if subject.type != "Agency":      # an agency helps a firm borrow; it does not borrow
                    roles.setdefault("R", subject.entity)
            else:
                roles["P"] = subject.entity
    provider, recipient, facilitator = (roles.get(r) for r in _ROLES)
    if kind == "Loan" and recipient and _is_lender(recipient) and not (provider and _is_lender(provider)):
        provider, recipient = recipient, provider     # 企业向银行贷款: the bank lends
    if recipient == provider:
        recipient = None
    if facilitator in (provider, recipient):
        facilitator = None
    project = next((r.entity for r in masked.refs if r.type == "Project"), None)
    program = next((r.entity for r in masked.refs if r.type == "Program"), None)
    return {"provider": provider, "recipient": recipient, "facilitator": facilitator,
            "project": project, "program": program}


def _is_lender(label: str) -> bool:
    return any(w in label for w in lender_words())


def pick_date(sentence: str, dates: list[DateExpr], amount: Amount) -> str | None:
    """The date nearest before the amount in its sentence, else a 截至 date after it."""
    before = [d for d in dates if d.end <= amount.start]
    if before:
        return before[-1].value
    as_of = [d for d in dates if _AS_OF.search(sentence[max(0, d.start - 3):d.start])]
    return as_of[0].value if as_of else None


def with_context(funding: Funding, sentence: Sentence,
                 previous: Funding | None) -> Funding:
    """A sentence that continues the previous one (其中…) inherits its parties and date."""
    if previous is None or funding.provider or funding.recipient \
            or not sentence.text.lstrip().startswith(continuation_words()):
        return funding
    return replace(funding, provider=previous.provider, recipient=previous.recipient,
                   facilitator=funding.facilitator or previous.facilitator,
                   program=funding.program or previous.program,
                   project=funding.project or previous.project,
                   date=funding.date or previous.date)


def merge_repeats(fundings: list[Funding]) -> list[Funding]:
    """One funding per amount per article (headline and body repeat it): keep the best told.

    The kept one is the one naming most parties (then the earliest); its empty fields are
    filled from the others.
    """
    groups: dict = {}
    for f in fundings:
        groups.setdefault(f.amount, []).append(f)
    out = []
    for group in groups.values():
        best = max(group, key=lambda f: (sum(bool(x) for x in (f.provider, f.recipient, f.facilitator)),
                                         -group.index(f)))
        for other in group:
            best = replace(best, **{k: getattr(other, k) for k in
                                    ("facilitator", "program", "project", "date")
                                    if getattr(best, k) is None and getattr(other, k)})
        out.append(best)
    return sorted(out, key=lambda f: f.evidence.start)
