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
from .analysis import Analysis
from .clause import PLACEHOLDER_BASE, Masked, Ref, implicit_subject, story_start
from .model import ORG_TYPES, Evidence, Funding, Relation, Sentence
from .money import Amount, DateExpr, find_amounts, find_dates, is_money
from .relations import find_posts
from .templates import compile_template, role_refs

_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
_ROLES = ("P", "R", "F")
_AS_OF = re.compile("截至|截止|截止到")
# Placeholder for "the developer of project X", filled once the document's relations are known.
_DEVELOPER = "\x00develops:"
# The flow told again in a later sentence (拨付这笔资金的是甲局).
_AGAIN = re.compile("(?:这|该|此)笔")
_QUOTE_OPEN = ("“", "「", "\"")
_SAID = re.compile("说|表示|告诉|介绍|坦言|感慨")
# A place that acts as the subject of a payment (甲区累计向…兑现), not one that names a body (甲区国企).
# 甲区已有300户企业申领…: a place that only locates the recipients does not pay.
_PLACE_ACTS = re.compile("(?!已?有)(?:今年|去年|上半年|全年|近年来|累计|共|已|先后|向|为|对|给)")
# 甲公司…获得补贴30万元: the subject of these verbs receives.
# 为全县46家合作社贴息92万元: paid to a counted class, not to the borrower of a loan told before.
_CLASS_PAYEE = re.compile(r"(?:为|向|给|对)(?:全[省市县区镇]|辖区|本地)?[\d一二三四五六七八九十百千]+余?(?:家|户|个|名)")
# 企业可凭订单申请: a bare noun that states what any of the class may do.
_GENERIC = re.compile("(?:均|即|都|也)?(?:可|能|需|须|应)")
_RECEIVES = re.compile("获得|收到|得到|拿到|获批|申领|领取|领到")
# The body a news item cites as its source (记者从甲局获悉, 甲局数据显示): it reports a relief
# total that no other payer is named for (全市新增减税降费5亿元).
_SOURCE = re.compile(r"(?:从|据)([\ue000-\uf8ff])(?:获悉|了解到|得知)|([\ue000-\uf8ff])(?:数据|统计)显示")
# A company followed by these builds for another: 甲公司施工 / 甲公司负责承建.
_CONTRACTS = re.compile("(?:负责)?(?:施工|承建|总承包|代建)")
_PROJECT_WORD = re.compile("项目|工程")
_RESPECTIVE = "分别"
# Names coordinated one by one (甲、乙和丙), one joining character between two names.
_LISTED = re.compile("[\ue000-\uf8ff](?:[、和与及][\ue000-\uf8ff])+")
# A cue after the amount binds first when it is this close (580万元设备合同补助款).
NEAR_AFTER = 12
# A numbered row of a list (一、甲公司，… / 1.甲公司（乙区）：…): its head is the row's party.
_ROW = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")
_ROW_HEAD_END = "（(,，:："
# How far back (in sentences) a list's rows look for the body that pays or holds them.
LIST_REACH = 12
# A policy rule addressed to a class of parties: 对新认定的甲类企业，给予一次性奖励30万元.
_CLASS_RULE = re.compile(r"(?:^|[，,；;。、])对[^，,；;。]{2,40}?的[^，,；;。]{0,12}?"
                         r"(?:企业|单位|项目|个人|个体工商户|商户|主体|纳税人|工厂|园区|机构|人员)"
                         r"[，,]?[^，,；;。]{0,12}?给予")
# Payouts of a public body: the speaker of a transcript's turn or the payer a list's header
# names pays them when nothing else names a payer (a loan or a claim needs its own lender).
PAYOUTS = ("Grant", "InterestSubsidy", "Relief")


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    weak: bool = False      # 节省…费用: names a saving that a stronger cue before it explains


@lru_cache(maxsize=None)
def cue_rows() -> tuple[tuple[str, str, str], ...]:
    """(cue, subclass, 'weak' or '') rows of funding_cues.tsv, longest cue first."""
    return tuple(sorted(load_table("funding_cues.tsv", 3, 2), key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def cue_regex() -> re.Pattern:
    """One alternation of all cues, longest first."""
    return re.compile("|".join(f"(?:{cue})" for cue, _, _ in cue_rows()))


@lru_cache(maxsize=None)
def cue_types() -> tuple[tuple[re.Pattern, str, bool], ...]:
    return tuple((re.compile(cue), kind, flag == "weak") for cue, kind, flag in cue_rows())


@lru_cache(maxsize=None)
def role_templates() -> tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]:
    """(template, role of the implicit subject, types that may fill a role) rows."""
    return tuple((compile_template(t), implicit, ORG_TYPES + (("Place",) if places else ()))
                 for t, implicit, places in load_table("funding_roles.tsv", 3, 1))


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
        kind, weak = next((k, w) for p, k, w in cue_types() if p.fullmatch(m.group()))
        out.append(Cue(m.start(), m.end(), kind, weak))
    return out


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between commas, semicolons, colons) around sentence[start:end]."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right = _CLAUSE_BREAK.search(sentence, end)
    return left, right.start() if right else len(sentence)


def is_rule_amount(sentence: str, amount: Amount, left: int, right: int) -> bool:
    """True for 每人200元, 最高50元, 500万元以上: a rate or a cap, not a sum paid to a party."""
    before, after = rule_words()
    # The amount may begin with 超过/达 (不超过500万元): the rule word ends inside it.
    head = sentence[max(left, amount.start - 8):amount.start] + amount.text[:2]
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


def explained_cue(cue: Cue, cues: list[Cue], amounts: list[Amount], amount: Amount) -> Cue:
    """A weak cue (节省…费用) gives way to the strong cue before it in the sentence when no
    other sum stands between them: 乙局给予贴息，一年可节省费用30万元 is an interest subsidy."""
    if not cue.weak:
        return cue
    strong = [c for c in cues if c.end <= cue.start and not c.weak]
    if not strong or any(strong[-1].end <= a.start < amount.start for a in amounts):
        return cue
    return replace(cue, type=strong[-1].type)


def find_fundings(a: Analysis) -> list[Funding]:
    """Fundings stated in the document, one per amount, each with its sentence as evidence.

    Example: '甲省财政厅下发的580万元补助款打到了乙公司账户' -> Grant of 5800000 yuan,
    provider 甲省财政厅, recipient 乙公司.
    """
    sentences, article, starts = a.sentences, a.article, a.story_starts
    found: list[Funding] = []
    previous: Funding | None = None
    last: tuple[Masked, list[Cue]] | None = None      # the sentence before, when it has a cue
    story, loans = -1, []           # loans told so far in the story, for interest subsidies
    cued = False                    # a sentence has a cue: refs are needed
    investors: dict[tuple, str | None] = {}     # who else invests in a project's total
    masks: dict[int, Masked] = {}   # masked sentences by index, for the follow-up passes
    for index, sentence in enumerate(sentences):
        if story_start(starts, sentence.start) != story:
            story, loans = story_start(starts, sentence.start), []
        if not cue_regex().search(sentence.text):
            previous, last = None, None
            continue
        cued = True
        masked = masks[index] = a.masked(index)
        head = row_head(masked)
        cues = find_cues(sentence.text)
        amounts = [a for a in find_amounts(sentence.text)
                   if not a.is_range and is_money(a, sentence.text)]
        dates = find_dates(sentence.text, article.date)
        ev = Evidence(a.doc_id, sentence.text, sentence.start, sentence.end)
        current: list[Funding] = []
        paid: list[Amount] = []         # amounts that are sums (not rates or caps)
        starts_of: list[int] = []       # where the amount of each of `current` stands
        told: set[str] = set()          # kinds of flow an amount (a sum or a rule) is given for
        for amount in amounts:
            left, right = clause_bounds(sentence.text, amount.start, amount.end)
            cue = pick_cue(cues, amount, left, right)
            told |= {cue.type} if cue else set()
            if cue is None or is_rule_amount(sentence.text, amount, left, right) \
                    or _CLASS_RULE.search(sentence.text, 0, amount.start):
                continue
            paid.append(amount)
            cue = explained_cue(cue, cues, amounts, amount)
            roles = assign_roles(masked, masked.offsets[amount.start], masked.offsets[left], cue.type)
            funding = Funding(cue.type, ev, amount.value, amount.text, amount.approximate,
                              pick_date(sentence.text, dates, amount), **roles)
            funding = with_context(funding, sentence, previous)
            funding = part_of_investment(funding, sentence.text[left:amount.start], current)
            if head is not None:
                funding = as_row(funding, head, lambda kind: list_payer(
                    sentences, masks, index, story, starts, kind))
            if not funding.provider and funding.type in PAYOUTS:
                speaker = a.speaker_at(sentence.start)
                if speaker is not None and speaker.type == "Agency" \
                        and speaker.entity != funding.recipient:
                    funding = replace(funding, provider=speaker.entity)
            if not funding.provider and funding.type == "Relief":
                funding = replace(funding, provider=source_agency(masked))
            if not funding.provider and funding.type in PAYOUTS and last is not None \
                    and any(c.type == funding.type for c in last[1]):
                # 记者从甲厅了解到，补助资金已下达。其中乙公司获得补助620万元: the source pays.
                funding = replace(funding, provider=source_agency(last[0]))
            if not _CLASS_PAYEE.search(sentence.text, left, amount.start):
                funding = with_loan(funding, loans + current + ([previous] if previous else []))
            funding = with_stated(funding, stated_before(last, cue.type))
            if funding.type == "Investment" and (not funding.provider or _DEVELOPER in funding.provider) \
                    and _PROJECT_WORD.search(sentence.text, left, amount.start):
                before = [a.masked(index - 1)] \
                    if index and story_start(starts, sentences[index - 1].start) == story else []
                investors[(sentence.start, amount.value)] = project_investor(
                    before + [masked], masked.offsets[amount.start])
            found.append(funding)
            current.append(funding)
            starts_of.append(amount.start)
        if current:
            found[-len(current):] = current = respective(current, starts_of, masked, sentence.text)
        for cue in cues:
            # 甲银行向乙公司发放贷款，丙局给予贴息: a subsidy without a sum, on the loan told before.
            # (not when the sentence gives the subsidy a sum or a cap: 给予贴息，今年已贴息92万元)
            if cue.type == "InterestSubsidy" and not cue.weak and cue.type not in told and not any(
                    clause_bounds(sentence.text, a.start, a.end)[0]
                    == clause_bounds(sentence.text, cue.start, cue.end)[0] for a in paid):
                at = masked.offsets[cue.start]
                roles = assign_roles(masked, at, masked.offsets[clause_bounds(sentence.text, cue.start,
                                                                              cue.end)[0]], cue.type)
                funding = with_loan(Funding(cue.type, ev, **roles),
                                    loans + current + ([previous] if previous else []))
                if funding.provider and funding.recipient:
                    found.append(funding)
        loans += [f for f in current if f.type == "Loan" and f.recipient]
        previous = current[-1] if current else None
        last = (masked, cues)
    if cued:
        found = with_followups(found, a, masks)
    if any(_DEVELOPER in (f.provider or "") + (f.recipient or "") for f in found):
        found = with_developers(found, a.relations)
    found = [f if f.provider or f.type != "Investment" else replace(
        f, provider=investors.get((f.evidence.start, f.amount))) for f in found]
    return merge_repeats(with_story_payers(found, starts, a.types))


def respective(fundings: list[Funding], starts_of: list[int], masked: Masked,
                sentence: str) -> list[Funding]:
    """甲、乙分别向丙、丁发放贷款X万元和Y万元: the i-th name of a listed party takes the
    i-th amount told after 分别 (only when the list has as many names as there are amounts)."""
    at = sentence.find(_RESPECTIVE)
    group = [i for i, start in enumerate(starts_of) if at >= 0 and start > at]
    if len(group) < 2 or len({fundings[i].type for i in group}) > 1:
        return fundings
    first = masked.offsets[starts_of[group[0]]]
    lists = [masked.refs_in(m.group()[::2]) for m in _LISTED.finditer(masked.text, 0, first)]
    fundings = list(fundings)
    for role in ("provider", "recipient"):
        named = getattr(fundings[group[0]], role)
        listed = next((refs for refs in lists if len(refs) == len(group)
                       and named in [r.entity for r in refs]), None)
        if listed is not None:
            for i, ref in zip(group, listed):
                fundings[i] = replace(fundings[i], **{role: ref.entity})
    return fundings


def part_of_investment(funding: Funding, clause: str, current: list[Funding]) -> Funding:
    """A payout told as a part of an investment stated before it in the sentence (总投资460万元，
    其中争取补助资金100万元) goes to the investor, who does not pay it."""
    if funding.type not in PAYOUTS or not clause.lstrip().startswith("其中"):
        return funding
    whole = next((f for f in reversed(current) if f.type == "Investment" and f.provider), None)
    if whole is None or funding.provider not in (None, whole.provider) or funding.recipient:
        return funding
    return replace(funding, provider=None, recipient=whole.provider)


def with_story_payers(fundings: list[Funding], starts: list[int], types: dict[str, str]) -> list[Funding]:
    """A payout without a payer takes the agency that paid the story's earlier payout of the same
    kind (甲中心向企业发放以工代训补贴2000万元。…乙公司获得补贴20万元)."""
    out: list[Funding] = []
    for f in fundings:
        if not f.provider and f.type in PAYOUTS:
            story = story_start(starts, f.evidence.start)
            payer = next((g.provider for g in reversed(out) if g.type == f.type and g.provider
                          and types.get(g.provider) == "Agency" and g.provider != f.recipient
                          and story_start(starts, g.evidence.start) == story), None)
            f = replace(f, provider=payer)
        out.append(f)
    return out


def source_agency(masked: Masked) -> str | None:
    """The agency the sentence cites as its source (记者从甲局获悉), else None."""
    for m in _SOURCE.finditer(masked.text):
        refs = masked.refs_in(m.group(1) or m.group(2))
        if refs and refs[0].type == "Agency":
            return refs[0].entity
    return None


def row_head(masked: Masked) -> Ref | None:
    """The body that heads a numbered row of a list (1.甲公司（乙区）：…), else None."""
    m = _ROW.match(masked.text)
    if m is None or m.end() >= len(masked.text) or not masked.refs_in(masked.text[m.end()]):
        return None
    ref = masked.refs_in(masked.text[m.end()])[0]
    following = masked.text[m.end() + 1:m.end() + 2]
    return ref if ref.type in ORG_TYPES and following and following in _ROW_HEAD_END else None


def as_row(funding: Funding, head: Ref, payer) -> Funding:
    """A flow in a list row concerns the row's head: it invests, or it receives (or owes) what
    the list's payer (`payer(kind)`, see list_payer) pays or holds."""
    if funding.type == "Investment":
        return funding if funding.provider else replace(funding, provider=head.entity)
    provider, recipient = funding.provider, funding.recipient
    if provider == head.entity:
        provider = None
    if recipient is None:
        recipient = head.entity
    if provider is None:
        provider = payer(funding.type)
    return replace(funding, provider=provider if provider != recipient else None, recipient=recipient)


def list_payer(sentences: list[Sentence], masks: dict[int, Masked], index: int, story: int,
               starts: list[int], kind: str) -> str | None:
    """The body that pays (or holds) the flows of a list whose row is sentence `index`: the payer
    the list's header names for any payout (资金由甲局直接拨付至企业账户：), else the nearest payer
    of a flow of `kind` told before the list in the story (甲公司拟对其拥有的…债权进行转让)."""
    header = True
    for j in range(index - 1, max(-1, index - 1 - LIST_REACH), -1):
        if story_start(starts, sentences[j].start) != story:
            break
        if j not in masks:
            header = False
            continue
        masked = masks[j]
        if row_head(masked) is not None:
            continue
        for cue in find_cues(sentences[j].text):
            if cue.weak or not (cue.type == kind or header and {cue.type, kind} <= set(PAYOUTS)):
                continue
            at = masked.offsets[cue.start]
            provider = assign_roles(masked, at, masked.offsets[clause_bounds(
                sentences[j].text, cue.start, cue.end)[0]], cue.type)["provider"]
            if provider:
                return provider
        header = False
    return None


def project_investor(masks: list[Masked], at: int) -> str | None:
    """The company that a project's total investment (项目总投资5亿元) belongs to when no developer
    is known: the last company named before it, in its sentence (before masked position `at`)
    or the one before, that neither lends nor builds for another (甲市政府与乙公司签约，丙项目
    落户。项目总投资5亿元)."""
    for k, masked in enumerate(reversed(masks)):
        for i in range(len(masked.refs) - 1, -1, -1):
            ref, pos = masked.refs[i], masked.text.find(chr(PLACEHOLDER_BASE + i))
            if ref.type == "Company" and not _is_lender(ref.entity) and (k or pos < at) \
                    and not _CONTRACTS.match(masked.text, pos + 1) and not _CONTRACTS.search(
                        masked.text, pos + 1, pos + 6):
                return ref.entity
    return None


def with_stated(funding: Funding, stated: Funding | None, again: bool = False) -> Funding:
    """Fill the parties a funding leaves out from the same kind of flow that the sentence before
    names without a sum (乙局对这笔贷款给予贴息。…贴息资金近90万元), or that a sentence after
    tells `again` (拨付这笔资金的是乙局)."""
    if stated is None:
        return funding
    if not again and (funding.provider or funding.recipient):
        # With a party of its own, only a payer that such a flow always has is taken: the lender
        # of a loan (甲银行与乙局签约…。丙公司拿到贷款), the agency of an interest subsidy.
        if funding.provider or not stated.provider or not (
                funding.type == "Loan" and _is_lender(stated.provider)
                or funding.type == "InterestSubsidy"):
            return funding
        stated = replace(stated, recipient=None)
    provider = funding.provider or stated.provider
    recipient = funding.recipient or stated.recipient
    if provider == recipient:
        return funding
    return replace(funding, provider=provider, recipient=recipient,
                   program=funding.program or stated.program, project=funding.project or stated.project)


def with_followups(fundings: list[Funding], a: Analysis, masks: dict[int, Masked]) -> list[Funding]:
    """Parties that the sentences right after a funding name: 拨付这笔资金的是甲局 (the flow told
    again with 这笔), and the company of the speaker of a quote that states a sum."""
    sentences = a.sentences
    index_of = {s.start: i for i, s in enumerate(sentences)}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if i is not None and not (f.provider and f.recipient):
            for j in range(i + 1, min(i + 3, len(sentences))):
                later = sentences[j]
                at = _AGAIN.search(later.text)
                if at is None or j not in masks or not any(c.type == f.type for c in find_cues(later.text)):
                    continue
                masked = masks[j]
                roles = assign_roles(masked, masked.offsets[at.start()], 0, f.type)
                f = with_stated(f, Funding(f.type, f.evidence, provider=roles["provider"],
                                           recipient=roles["recipient"]), again=True)
                break
            if f.evidence.sentence.lstrip().startswith(_QUOTE_OPEN):
                f = with_speaker(f, a, i)
        out.append(f)
    return out


def with_speaker(funding: Funding, a: Analysis, i: int) -> Funding:
    """A sum stated in a quote (“…收到了8.6万元返还款。”该公司经理张三说) concerns the company of
    the speaker: it invests, or it receives."""
    role = "provider" if funding.type == "Investment" else "recipient"
    if getattr(funding, role) or i + 1 >= len(a.sentences):
        return funding
    said = a.sentences[i + 1]
    masked = a.masked(i + 1)
    if not _SAID.search(said.text):
        return funding
    earlier = [r for r in a.refs if r.end <= funding.evidence.start and not r.pronoun]
    for _, org, _ in find_posts(masked, earlier):
        if org.type in ("Company", "Organization") and org.entity not in (funding.provider,
                                                                          funding.recipient):
            return replace(funding, **{role: org.entity})
    return funding


def with_developers(fundings: list[Funding], relations: list[Relation]) -> list[Funding]:
    """Replace each "developer of project X" party by the body that develops X, or by nothing."""
    developer = {}
    for r in relations:
        if r.type == "develops":
            developer.setdefault(r.object, r.subject)

    def fill(party: str | None) -> str | None:
        if party and party.startswith(_DEVELOPER):
            return developer.get(party[len(_DEVELOPER):])
        return party

    out = []
    for f in fundings:
        provider, recipient = fill(f.provider), fill(f.recipient)
        out.append(replace(f, provider=provider, recipient=recipient if recipient != provider else None))
    return out


def stated_before(last: tuple[Masked, list[Cue]] | None, kind: str) -> Funding | None:
    """The parties of a flow of `kind` that the sentence before names without a sum
    (甲公司持有乙公司的债权…。该笔债权本金1亿元), as a Funding without amount."""
    if last is None:
        return None
    masked, cues = last
    cue = next((c for c in reversed(cues) if c.type == kind), None)
    if cue is None:
        return None
    at = masked.offsets[cue.start]
    roles = assign_roles(masked, at, masked.offsets[clause_bounds_masked(masked, at)], kind)
    named = [r for r in masked.refs if r.entity == roles["recipient"]]
    if named and all(r.bare for r in named):
        roles["recipient"] = None     # 企业即可申领返还: the class of companies, not one of them
    if not (roles["provider"] or roles["recipient"]):
        return None
    return Funding(kind, Evidence("", "", 0, 0), **roles)


def clause_bounds_masked(masked: Masked, at: int) -> int:
    """Sentence offset where the clause holding masked position `at` starts."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(masked.text, 0, at)), default=0)
    return next(i for i, o in enumerate(masked.offsets) if o >= left)


def with_loan(funding: Funding, before: list[Funding]) -> Funding:
    """An interest subsidy goes to the borrower of the loan named with it (甲银行向乙公司发放贷款，
    丙局给予贴息), never to the bank."""
    if funding.type != "InterestSubsidy":
        return funding
    if funding.provider and _is_lender(funding.provider) and "财政" not in funding.provider:
        funding = replace(funding, provider=None)     # a bank lends; it does not pay the subsidy
    if funding.recipient and not _is_lender(funding.recipient):
        return funding
    loan = next((f for f in reversed(before) if f.type == "Loan" and f.recipient), None)
    if loan is None:
        return replace(funding, recipient=None) if funding.recipient else funding
    provider = funding.provider if funding.provider != loan.recipient else None
    return replace(funding, recipient=loan.recipient, provider=provider)


def assign_roles(masked: Masked, at: int, clause: int, kind: str) -> dict[str, str | None]:
    """Provider, recipient, facilitator of a funding at masked position `at` (its clause
    starting at `clause`) from the role templates, then from the subjects before it.

    A template match in the funding's own clause beats one elsewhere in the sentence, and the
    subject of the own clause beats a match elsewhere.
    """
    right = _CLAUSE_BREAK.search(masked.text, at)
    right = right.start() if right else len(masked.text)
    best: dict[str, tuple[tuple[int, int], str]] = {}
    for pattern, implicit, fits in role_templates():
        for m in pattern.finditer(masked.text):
            distance = 0 if m.start() <= at <= m.end() else min(abs(at - m.start()), abs(at - m.end()))
            rank = (0 if m.start() < right and m.end() > clause else 1, distance)
            for role in _ROLES:
                captured = role_refs(masked, m, role)
                refs = [r for r in captured if r.type in fits]
                if not refs and (role == implicit or captured and all(r.type == "Program" for r in captured)):
                    # 通过甲贷向乙银行申请: a program in the role's place stands for no party;
                    # the subject before it takes the role.
                    subject = implicit_subject(masked, m.start() + 1 if role == implicit
                                               else m.start(role), ORG_TYPES)
                    refs = [subject] if subject else []
                if refs and (role not in best or rank < best[role][0]):
                    best[role] = (rank, refs[0].entity, {r.entity for r in refs})
    roles = {role: value for role, (_, value, _) in best.items()}
    far = {role for role, (rank, _, _) in best.items() if rank[0]}
    # 甲、乙、丙等23家企业获批缓缴: the other names of a role's list take no other role.
    named = set().union(*(listed for _, _, listed in best.values()))
    subject = implicit_subject(masked, at, ORG_TYPES)
    if subject is not None and masked.offsets and masked.text.find(
            chr(PLACEHOLDER_BASE + masked.refs.index(subject))) >= clause \
            and subject.entity not in roles.values() and "P" in far:
        del roles["P"]        # the clause's own subject pays, not a party of another clause
    while "P" not in roles and subject is not None:
        pos = masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(subject)))
        if subject.bare and pos < clause and _GENERIC.match(masked.text, pos + 1):
            pass        # 企业可凭订单申请贷款，已向17家企业投放贷款: the class, not one of them
        elif kind == "InterestSubsidy" and subject.type != "Agency" and _agency_before(masked, pos):
            pass        # 乙局对这笔贷款给予贴息，企业一年可减少费用: the agency pays, not the company
        elif kind == "Investment" and _CONTRACTS.match(masked.text, pos + 1):
            pass        # 甲公司施工，总投资5亿元: the contractor does not invest
        elif subject.entity not in named:
            if kind == "Debt" and "欠" in masked.text[pos:at] and "R" not in roles:
                roles["R"] = subject.entity       # 乙公司拖欠货款: the debtor owes
            elif kind != "Loan" and _RECEIVES.search(masked.text, pos, at) and "R" not in roles \
                    and subject.type != "Agency":
                roles["R"] = subject.entity
            elif kind == "Loan" and not _is_lender(subject.entity):
                if subject.type != "Agency" and "R" not in roles:   # an agency does not borrow
                    roles["R"] = subject.entity
            else:
                roles["P"] = subject.entity
                break
        # 甲厅下达资金，乙公司获得奖补: the subject of an earlier clause provides.
        subject = implicit_subject(masked, pos, ORG_TYPES)
    if kind == "Investment" and roles.get("P") and _type_of(masked, roles["P"]) == "Agency":
        # 区政府与甲公司签约，总投资5亿元的项目: the company invests (not one that builds for it).
        company = next((r for r in reversed(masked.refs) if r.type == "Company"
                        and masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(r))) < at
                        and not _CONTRACTS.match(masked.text, masked.text.find(
                            chr(PLACEHOLDER_BASE + masked.refs.index(r))) + 1)), None)
        if company is not None:
            roles["P"] = company.entity
    project = implicit_subject(masked, at, ("Project",))
    if project is not None and masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(project))) >= clause:
        # 该项目总投资5亿元 / 该项目获得补助: the project's developer invests or receives.
        roles.setdefault("P" if kind == "Investment" else "R", f"{_DEVELOPER}{project.entity}")
    if kind == "Loan" and "P" not in roles:
        # 甲局与乙银行签约…发放贷款: the lender named before, even as an object, lends.
        lender = next((r for r in reversed(masked.refs) if r.type == "Company" and _is_lender(r.entity)
                       and r.entity not in roles.values()
                       and masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(r))) < at), None)
        if lender is not None:
            roles["P"] = lender.entity
    place = implicit_subject(masked, at, ("Place",))
    where = masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(place))) if place else -1
    if "P" not in roles and kind in ("Grant", "Relief") and where >= clause \
            and _PLACE_ACTS.match(masked.text, where + 1):
        roles["P"] = place.entity       # 甲区累计向企业兑现奖补资金: the district pays
    provider, recipient, facilitator = (roles.get(r) for r in _ROLES)
    if kind == "Loan" and recipient and _is_lender(recipient) and not (provider and _is_lender(provider)):
        provider, recipient = recipient, provider     # 企业向银行贷款: the bank lends
    elif kind == "Loan" and provider and not _is_lender(provider) and _type_of(masked, provider) != "Agency":
        # 甲支行客户经理…为企业核定额度，向企业发放贷款: the lender that acts lends, the company borrows.
        lender = implicit_subject(masked, at, ("Company",))
        while lender is not None and not _is_lender(lender.entity):
            lender = implicit_subject(masked, masked.text.find(
                chr(PLACEHOLDER_BASE + masked.refs.index(lender))), ("Company",))
        if lender is not None and lender.entity != recipient:
            provider, recipient = lender.entity, recipient or provider
    if recipient == provider:
        recipient = None
    if facilitator in (provider, recipient):
        facilitator = None
    project = next((r.entity for r in masked.refs if r.type == "Project"), None)
    program = next((r.entity for r in masked.refs if r.type == "Program"), None)
    return {"provider": provider, "recipient": recipient, "facilitator": facilitator,
            "project": project, "program": program}


def _agency_before(masked: Masked, pos: int) -> bool:
    """True when an agency is the subject of a clause before masked position `pos`."""
    return implicit_subject(masked, pos, ("Agency",)) is not None


def _type_of(masked: Masked, label: str) -> str | None:
    return next((r.type for r in masked.refs if r.entity == label), None)


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
    """A sentence that continues the previous one (其中…) inherits the parties it does not name,
    and its date."""
    if previous is None or (funding.provider and funding.recipient) or not any(
            clause.lstrip().startswith(continuation_words())
            for clause in _CLAUSE_BREAK.split(sentence.text)):
        return funding
    provider, recipient = funding.provider or previous.provider, funding.recipient or previous.recipient
    if provider == recipient:
        return funding
    return replace(funding, provider=provider, recipient=recipient,
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
    # A flow stated without a sum is dropped when a sum of the same flow is stated too.
    told = {(f.type, f.provider, f.recipient) for f in out if f.amount is not None}
    out = [f for f in out if f.amount is not None or (f.type, f.provider, f.recipient) not in told]
    return sorted(out, key=lambda f: f.evidence.start)
