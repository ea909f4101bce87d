"""Repeats of one flow: the headline and the body, or two sentences of the body, that tell one
sum; the fundings stage keeps one funding per flow (the one-per-amount document pass)."""
from __future__ import annotations

import bisect
from decimal import Decimal
from dataclasses import replace

from .layout import ROW_NUMBER
from ..cache import regex
from ..model import Funding, Sentence


# A line that ends with its sum (甲市　1200万元；), as the rows of a table do.
_ROW_SUM = regex(r"\d[\d.,]*\s*[万亿千]?元[；;，,]?$")
# The words before a sum that make it a mark passed (突破50亿元, 超100亿元), not a sum paid.
_THRESHOLD = regex("(?:突破|超过|超|逾)$")
_OPENS = regex("突破|超过|超|逾")
# How far above a mark passed (超60亿元) the precise sum it rounds down may be.
_MARK_REACH = Decimal("1.2")
# The funding cue row of a renewed loan (续贷): a new flow, even of the sum and parties before.
_RENEWAL = "cue-Loan-10"
_SENTENCE_END = regex("[。！？!?]$")


def headline_sentences(sentences: list[Sentence], story_starts: list[int]) -> set[int]:
    """Starts of the sentences that hold a headline line (a story starts right after one); a
    row of a list (1.甲公司 40万元, or a table's last line after lines like it) is short too,
    but no headline. A document's first line, told without a sentence's end, is its title."""
    heads = {s.start for i, s in enumerate(sentences)
             if bisect.bisect_right(story_starts, s.end) > bisect.bisect_right(story_starts, s.start)
             and not ROW_NUMBER.match(s.text)
             and not (i and _ROW_SUM.search(s.text) and _ROW_SUM.search(sentences[i - 1].text))}
    if len(sentences) > 1 and not _SENTENCE_END.search(sentences[0].text) and not ROW_NUMBER.match(sentences[0].text):
        heads.add(sentences[0].start)
    return heads


def merge_repeats(fundings: list[Funding], headlines: frozenset[int] | set[int] = frozenset()) -> list[Funding]:
    """One funding per flow per article (headline and body repeat it): keep the best told.

    The kept one is the one naming most parties (then a body's, then the earliest); its empty
    fields are filled from the others.
    """
    groups: list[tuple[object, list[Funding]]] = []
    for f in fundings:
        amount = _told_precisely(f, fundings)
        group = next((g for key, g in groups if key == amount and _joins(f, g, headlines)), None)
        if group is None:
            groups.append((amount, [f]))
        else:
            group.append(f)
    out = [_best_told(group, headlines) for _, group in groups
           if not all(_threshold_headline(f, headlines) for f in group)]
    # A flow stated without a sum is dropped when a sum of the same flow is stated too.
    told = {(f.type, f.provider, f.recipient) for f in out if f.amount is not None}
    out = [f for f in out if f.amount is not None or (f.type, f.provider, f.recipient) not in told]
    out = [f for f in out if not _mark_of_another(f, out)]
    return sorted(out, key=lambda f: f.evidence.start)


def _best_told(group: list[Funding], headlines: frozenset[int] | set[int]) -> Funding:
    """The funding of a group naming most parties (then one of the body, whose sentence names them
    in full, over the headline's; then the earliest), its empty fields filled from the others."""
    best = max(group, key=lambda f: (sum(bool(x) for x in (f.provider, f.recipient, f.facilitator)),
                                     f.evidence.start not in headlines, -group.index(f)))
    for other in group:
        best = replace(best, **{k: getattr(other, k) for k in ("facilitator", "program", "project", "date")
                                if getattr(best, k) is None and getattr(other, k)})
        # 甲行6.8亿元贷款支持乙工程 (headline) / 6.8亿元贷款发放至丙公司: each tells a party of one flow
        best = replace(best, **{k: getattr(other, k) for k in ("provider", "recipient")
                                if getattr(best, k) is None and getattr(other, k) not in (None, best.provider, best.recipient)})
    return best


def _mark_of_another(f: Funding, fundings: list[Funding]) -> bool:
    """投放贷款超60亿元 … 累计投放贷款61.5亿元: a mark passed (超, 突破) that a sum of the same flow
    told precisely passes (by less than a fifth) is that sum rounded down, not a flow of its own."""
    if f.amount is None or not _passed_mark(f):
        return False
    return any(g is not f and g.type == f.type and g.amount is not None and f.amount < g.amount < f.amount * _MARK_REACH
               and f.provider in (None, g.provider) for g in fundings)


def _threshold_headline(f: Funding, headlines: frozenset[int] | set[int]) -> bool:
    """贷款投放突破50亿元 in a headline: a mark the body's sums pass, no flow of its own."""
    return f.evidence.start in headlines and _passed_mark(f)


def _passed_mark(f: Funding) -> bool:
    """Whether the sum is told as a mark passed: 超/突破 right before it, or opening its own text
    (超过100亿元)."""
    at = f.evidence.sentence.find(f.amount_text) if f.amount_text else -1
    return at >= 0 and bool(_THRESHOLD.search(f.evidence.sentence, max(0, at - 2), at) or _OPENS.match(f.amount_text))


def _joins(f: Funding, group: list[Funding], headlines: frozenset[int] | set[int]) -> bool:
    """Whether `f` may tell the same flow as a group of fundings of its amount. A headline (its
    sentence start in `headlines`) repeats any; two sentences of the body tell two flows when
    they are for two projects (总投资25亿元的甲项目、总投资25亿元的乙项目) or when each names
    parties and they share none (甲银行为丙项目投放贷款5亿元。…乙公司拿到5亿元贷款), or name two
    recipients (1.甲公司 40万元 / 2.乙公司 40万元), or when one renews the other (前年借入贷款
    80万元，到期后续贷80万元)."""
    def distinct(g: Funding) -> bool:
        mine, theirs = {f.provider, f.recipient} - {None}, {g.provider, g.recipient} - {None}
        return g.evidence.start not in headlines and (
            bool(f.project and g.project and f.project != g.project) or bool(mine and theirs and not mine & theirs)
            or bool(f.recipient and g.recipient and f.recipient != g.recipient)
            or (f.rule == _RENEWAL) != (g.rule == _RENEWAL))
    return f.evidence.start in headlines or not all(distinct(g) for g in group)


def _told_precisely(f: Funding, fundings: list[Funding]):
    """The amount of `f`, or the more precise amount of the same flow that `f` rounds (a headline's
    1909万元 for the body's 1909.627万元): a rounded sum keeps three digits or more."""
    if f.amount is None or f.amount != f.amount.to_integral_value():
        return f.amount
    digits = str(int(f.amount)).rstrip("0")
    unit = 10 ** (len(str(int(f.amount))) - len(digits))
    if len(digits) < 3 or unit == 1:
        return f.amount
    return next((g.amount for g in fundings if g.type == f.type and g.amount is not None
                 and g.amount != f.amount and abs(g.amount - f.amount) < unit), f.amount)
