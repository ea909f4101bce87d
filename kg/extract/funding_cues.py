"""Funding cues and amounts: which sums of a sentence are flows, and of which subclass.

The subclass comes from the cue nearest the amount in its clause (funding_cues.tsv, each row
with a rule id); rates, caps, per-head rules and ranges are never a party's funding
(funding_rule_words.tsv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .funding_lenders import is_lender
from ..cache import regex
from ..lexicon import alternation, load_regex, load_table, load_words
from .money import Amount, DateExpr

try:        # the parsed form of a cue, read for the characters it opens with (see cue_regex)
    from re import _constants as _sre, _parser
except ImportError:         # Python 3.10: cue_regex goes without its lookahead
    _sre = _parser = None

if TYPE_CHECKING:
    from .clause import Masked

# 贷款余额: a balance, the stock of many flows, not one flow with parties of its own.
BALANCE = "余额"
CLAUSE_BREAK = regex(r"[，,；;：:。！？!?]")
# 发放贷款2笔，合计4000万元: a clause that only totals the flows the clause before counts.
_TOTAL_OPENS = regex(r"\s*(?:合计|共计|总计|累计)\s*$")
# 甲厅下达补助资金，其中乙市获得2亿元: a part of the flow the clause before tells without a sum.
_PART_OPENS = regex(r"\s*其中")
# 签订首批项目贷款合同，金额8.5亿元: a clause that only gives the amount of the contract before it
_AMOUNT_OPENS = regex(r"\s*(?:金额|合同金额|总金额|额度)(?:为|达|共计|合计)?\s*$")
_CONTRACT_BEFORE = regex(r"(?:合同|协议)$")
# 贷款金额： a row's field label of a few words, before the sum that is its value
_FIELD_LABEL = regex(r"\s*[\u4e00-\u9fff]{2,8}[：:]")
# 办理延期缴纳税款，涉及税款860万元: a clause that only gives what the act before it involves
_INVOLVED_OPENS = regex(r"\s*(?:共|累计)?涉及(?:金额|资金|税款|税费|款项|贷款)?(?:共计|合计|约|达)?\s*$")
# 下达资金2.3亿元，其中乙市获得3200万元: a part the clause gives a payee of its own (with a sum
# before it, a part without one is a share of the whole: 总投资5亿元，其中一期2亿元).
_PART_PAID = regex(r"\s*其中[，,]?(?:[^，,。；;\d]{2,20}?(?:获得|分得|获)|(?:向|为|给)[^，,。；;\d]{2,20}?(?:拨付|下达|发放|安排))$")
SUM = regex(r"\d[\d.,]*[万亿]?元")
# A project's total investment (项目总投资5亿元): the cue of a whole, not of a flow paid.
TOTAL_INVESTMENT = "总投资"
_COUNTED_FLOWS = regex(r"[\d一二两三四五六七八九十]+笔\s*$")
# 对投资超过5亿元的项目给予补助: a mark a sum must pass, qualifying a noun (…元的), is a condition.
_PASSED_MARK = regex("超过|超|逾|达到|满")
# 将向甲市提供不低于300亿元的融资: a floor of credit committed to a named party is the sum
# committed (为企业提供不低于30万元的补贴 is a rule for each, 为全省企业提供…融资 a target,
# unless a lender named before commits it: 乙银行将向全省企业提供不低于300亿元的信贷支持).
_COMMITTED_FLOOR = regex(r"(?:向|为)(?P<named>[\ue000-\uf8ff])?(?(named)|[^，,。；;\ue000-\uf8ff]{2,12}?)"
                         r"[^，,。；;\ue000-\uf8ff]{0,12}(?:提供|投放)不低于$")
# …不低于300亿元、200亿元的意向性信贷支持: the credit the floors (one, or a list of them) are of.
_CREDIT_AFTER = regex(r"(?:[、和及]\d[\d.]*[万亿]?元)*的?[^，,。；;\d]{0,8}?(?:融资|信贷|授信|贷款)")
# 向乙银行申请不超过人民币5亿元的综合授信额度: the ceiling of a credit line applied for or granted is
# its sum.
_CREDIT_CEILING = regex(r"(?:申请|获得|获批|给予|核定|提供)(?:最高不超过|不超过|不高于|最高)(?:人民币)?$")
_CREDIT_LINE_AFTER = regex(r"的?(?:综合|意向性?)?授信(?:额度)?")
_LOAN_TOTAL_CEILING = regex(r"(?:贷款|借款|授信|融资)(?:总额|总金额|金额)(?:为)?(?:最高)?(?:不超过|不高于)(?:人民币)?$")
# A cue after the amount binds first when it is this close (300万元设备购置补助款).
NEAR_AFTER = 12


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    weak: bool = False      # 节省…费用: names a saving that a stronger cue before it explains
    rule: str = ""          # id of its row in funding_cues.tsv


@lru_cache(maxsize=None)
def cue_rows() -> tuple[tuple[str, str, str, str], ...]:
    """(id, cue, subclass, 'weak' or '') rows of funding_cues.tsv, longest cue first."""
    return tuple(sorted(load_table("funding_cues.tsv"), key=lambda r: -len(r[1])))


@lru_cache(maxsize=None)
def cue_regex() -> re.Pattern:
    """One alternation of all cues, longest first, behind a lookahead for the characters a cue
    opens with: a scan tests one class where it would try every cue (a quarter of the time)."""
    cues = [cue for _, cue, _, _ in cue_rows()]
    either = "|".join(f"(?:{cue})" for cue in cues)
    openings = [_opening(_parser.parse(cue)) for cue in cues] if _parser else [(None, False)]
    if any(chars is None or empty for chars, empty in openings):
        return regex(either)
    chars = "".join(sorted(frozenset().union(*(chars for chars, _ in openings))))
    return regex(f"(?=[{re.escape(chars)}])(?:{either})")


def _opening(items) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of the parsed regex `items` (re._parser) can open with, and whether
    it can be empty; None for a part it does not read (a negated class, a category, any character)."""
    chars: frozenset[str] = frozenset()
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue        # a lookaround or an anchor takes no character: the next part opens
        if op is _sre.LITERAL:
            return chars | {chr(av)}, False
        if op is _sre.IN:
            members = _class_chars(av)
            return (None if members is None else chars | members), False
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:
            parts = [_opening(av[3])]
        elif op is _sre.BRANCH:
            parts = [_opening(branch) for branch in av[1]]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            inner, empty = _opening(av[2])
            parts = [(inner, empty or av[0] == 0)]
        else:
            return None, False
        if any(inner is None for inner, _ in parts):
            return None, False
        chars = chars.union(*(inner for inner, _ in parts))
        if not any(empty for _, empty in parts):
            return chars, False
    return chars, True


def _class_chars(members) -> frozenset[str] | None:
    """The characters of a parsed class, None for a negated one or one with a category (\\d)."""
    out: set[str] = set()
    for op, av in members:
        if op is _sre.LITERAL:
            out.add(chr(av))
        elif op is _sre.RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
    return frozenset(out)


@lru_cache(maxsize=None)
def cue_types() -> tuple[tuple[re.Pattern, str, bool, str], ...]:
    return tuple((regex(cue), kind, flag == "weak", rule) for rule, cue, kind, flag in cue_rows())


@lru_cache(maxsize=None)
def rule_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words before, words after) an amount that make it a rate or a rule."""
    rows = load_table("funding_rule_words.tsv", 2)
    return (tuple(w for w, where in rows if where == "before"),
            tuple(w for w, where in rows if where == "after"))


@lru_cache(maxsize=None)
def continuation_words() -> tuple[str, ...]:
    return load_words("funding_continuations.txt")


# the money nouns that head a compound of cues (贷款, 补助资金, 奖补), no verb (拨付)
_MONEY_HEAD = regex("(?:贷款|借款|补助|补贴|奖励|奖补|贴息|补偿)(?:资金|金|款)?")
_MODIFIER = regex("购置|投资|融资|贷款|借款|信贷")      # cues that are nouns too
_PARTY_ENDS = frozenset("人方户者")      # 借款人: a party, no money noun


def find_cues(sentence: str) -> list[Cue]:
    """Funding cues in a sentence, e.g. '发放贷款贴息' -> [Cue(2, 6, 'InterestSubsidy')]."""
    return list(_sentence_cues(sentence))


@lru_cache(maxsize=1 << 14)     # the passes of a document read each of its sentences again
def _sentence_cues(sentence: str) -> tuple[Cue, ...]:
    out = []
    for m in cue_regex().finditer(sentence):
        # Matched in place, so that a cue's lookahead (下达甲县600万元) sees what follows it.
        kind, weak, rule = next((k, w, r) for p, k, w, r in cue_types()
                                if (x := p.match(sentence, m.start())) and x.end() == m.end())
        out.append(Cue(m.start(), m.end(), kind, weak, rule))
    for i in range(len(out) - 2, -1, -1):
        head = out[i + 1]
        # 农机购置贷款, 投资补助, 融资奖励: a cue right before a money noun that is a cue too only
        # modifies it; the head names the flow
        if head.start == out[i].end and not head.weak and _MODIFIER.fullmatch(sentence, out[i].start, out[i].end) \
                and _MONEY_HEAD.fullmatch(sentence, head.start, head.end) and sentence[head.end:head.end + 1] not in _PARTY_ENDS:
            out[i] = replace(out[i], type=head.type, rule=head.rule)
    return tuple(out)


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons) around sentence[start:end]."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


def clauses(text: str) -> list[tuple[str, int]]:
    """The clauses of a sentence with where each starts."""
    starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)]
    return [(text[s:e], s) for s, e in zip(starts, [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)])]


def amount_clause(sentence: str, cues: list[Cue], amount: Amount) -> tuple[int, int]:
    """The clause of an amount, reaching back over the clause before when the amount's own clause
    only totals the flows counted or named there or tells what they involve and holds no cue (发放
    流动资金贷款2笔，合计4000万元; 拨付贴息资金，合计10万元; 办理延期缴纳税款，涉及税款860万元), and on
    over the next clause when a 由 phrase after the sum, with no cue in its clause, goes on there."""
    left, right = clause_bounds(sentence, amount.start, amount.end)
    cue = pick_cue(cues, amount, left, right)
    if cue is None and sentence.startswith(_BY, amount.end) and right < len(sentence):
        # 其余5亿元由甲行牵头，乙行参与组成银团提供贷款: the 由 phrase after the sum runs on to its verb
        right = clause_bounds(sentence, right + 1, right + 1)[1]
        cue = pick_cue(cues, amount, left, right)
    if not left or cue is not None:
        return left, right
    before = clause_bounds(sentence, left - 1, left - 1)[0]
    if _FIELD_LABEL.fullmatch(sentence, before, left) and not sentence[left:amount.start].strip():
        left = before       # 贷款金额：250万元, 本期贴息：18400元: a field's label names its sum
    elif _AMOUNT_OPENS.match(sentence, left, amount.start) and _CONTRACT_BEFORE.search(sentence, before, left - 1):
        left = before       # 签订贷款合同，金额8.5亿元: the sum of the contract told before it
    elif _TOTAL_OPENS.match(sentence, left, amount.start) and (
            _COUNTED_FLOWS.search(sentence, 0, left - 1) or any(before <= c.start and not c.weak for c in cues)) \
            or _INVOLVED_OPENS.match(sentence, left, amount.start) \
            or _PART_OPENS.match(sentence, left) and (not SUM.search(sentence, before, left)
                                                       or _PART_PAID.match(sentence, left, amount.start)):
        left = before
    return left, right


_BY = "由"
# 余额首次突破百亿元: a round numeral a stock crosses is a milestone, not a sum paid.
_MILESTONE = regex("突破|跨越|迈上|站上|跃上")


def is_rule_amount(sentence: str, amount: Amount, left: int, right: int) -> bool:
    """True for 每人200元, 最高50元, 500万元以上, 投资超过5亿元的项目: a rate, a cap or a
    condition, not a sum paid to a party."""
    before, after = rule_words()
    # The amount may begin with 超过/达 (不超过500万元): the rule word ends inside it.
    head = sentence[max(left, amount.start - 8):amount.start] + amount.text[:2]
    tail = sentence[amount.end:min(right, amount.end + 4)]
    return any(w in head for w in before) or any(tail.startswith(w) for w in after) \
        or amount.text[:1] in "百千" and _MILESTONE.search(head) is not None \
        or tail.startswith("的") and bool(_PASSED_MARK.search(sentence, max(left, amount.start - 2), amount.start)
                                         or _PASSED_MARK.match(amount.text))


def credit_ceiling(sentence: str, amount: Amount) -> bool:
    """True for 申请不超过人民币5亿元的综合授信额度 and 贷款总额不超过人民币12亿元: the ceiling of a
    credit line or of a loan applied for is its sum."""
    head = sentence[max(0, amount.start - 12):amount.start]
    return bool(_CREDIT_CEILING.search(head) and _CREDIT_LINE_AFTER.match(sentence, amount.end)
                or _LOAN_TOTAL_CEILING.search(head))


def committed_floor(masked: Masked, amount: Amount) -> bool:
    """True for 向甲市提供不低于300亿元的融资 (in the masked sentence): the floor of credit
    committed to a named party, or by a lender named before to a class, is its sum, though
    不低于 marks a rule elsewhere."""
    at = masked.offsets[amount.start]
    floor = _COMMITTED_FLOOR.search(masked.text, max(0, at - 24), at)
    if floor is None or not _CREDIT_AFTER.match(masked.text, masked.offsets[amount.end]):
        return False
    return bool(floor.group("named")) or any(is_lender(r.entity) for r in masked.refs_in(masked.text[:floor.start()]))


def pick_cue(cues: list[Cue], amount: Amount, left: int, right: int) -> Cue | None:
    """The cue that names the amount's flow: a strong one right before it (拟出资3亿元用于清偿债务),
    else a close one after it, else the nearest before it."""
    inside = [c for c in cues if c.start >= left and c.end <= right
              and not (c.start < amount.end and amount.start < c.end)]
    before = [c for c in inside if c.end <= amount.start]
    if before and amount.start == before[-1].end and not before[-1].weak:
        return before[-1]
    after = [c for c in inside if c.start >= amount.end]
    close = [c for c in after if c.start - amount.end <= NEAR_AFTER]
    if close:
        return close[0]
    if before:
        return before[-1]
    return after[0] if after else None


def explained_cue(cue: Cue, cues: list[Cue], amounts: list[Amount], amount: Amount) -> Cue:
    """A weak cue (节省…费用) gives way to the strong cue before it in the sentence when no
    other sum stands between them: 乙局给予贴息，一年可节省费用30万元 is an interest subsidy. The sums
    a weak cue itself lists (给予贴息，分别下达甲市270万元、乙市150万元) all give way."""
    if not cue.weak:
        return cue
    strong = [c for c in cues if c.end <= cue.start and not c.weak]
    if not strong or any(strong[-1].end <= a.start < min(amount.start, cue.start) for a in amounts):
        return cue
    return replace(cue, type=strong[-1].type, rule=strong[-1].rule)


def pick_date(sentence: str, dates: list[DateExpr], amount: Amount) -> str | None:
    """The date nearest before the amount in its sentence, else a 截至 date after it."""
    before = [d for d in dates if d.end <= amount.start]
    if before:
        return before[-1].value
    as_of_words = load_regex("funding_as_of_words.txt")
    as_of = [d for d in dates if as_of_words.search(sentence[max(0, d.start - 3):d.start])]
    return as_of[0].value if as_of else None


@lru_cache(maxsize=None)
def class_rule() -> re.Pattern:
    """A policy rule addressed to a class of parties: 对新认定的甲类企业，给予一次性奖励30万元."""
    nouns = alternation(load_words("funding_class_nouns.txt"))
    return regex(rf"(?:^|[，,；;。、])对[^，,；;。]{{2,40}}?的[^，,；;。]{{0,12}}?(?:{nouns})"
                 r"[，,]?[^，,；;。]{0,12}?给予")
