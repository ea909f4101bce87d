"""The party repairs of the fundings stage that read the whole sentence or document around a
funding: a sentence continued, a list row, a speaker's turn, a loan told before, the story's
payer, repeated amounts. Their order, with the passes of the funding modules of one
construction each, is kg.extract.funding_order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .analysis import Analysis
from .clause import Masked, Ref, Tally, story_start
from .funding_cues import (BALANCE, CLAUSE_BREAK, SUM, TOTAL_INVESTMENT, Cue, class_rule, clause_bounds, clauses,
                           continuation_words, find_cues)
from .funding_roles import contracts, assign_roles, is_lender
from ..cache import regex
from ..lexicon import alternation, load_regex, load_words
from ..model import EntityType, Evidence, Funding, FundingType, Role, Sentence
from .money import Amount
from .employment import find_posts
from .funding_parties import PAYOUTS, StoryNames, source_agency, story_may_pay
from .funding_repeats import headline_sentences, merge_repeats

# The flow told again in a later sentence (拨付这笔资金的是甲局, 本轮融资由甲领投).
_AGAIN = regex("(?:这|该|此)笔|本轮")
_QUOTE_OPEN = ("“", "「", "\"")
# 为全县46家合作社贴息92万元: paid to a counted class, not to the borrower of a loan told before.
_CLASS_PAYEE = regex(r"(?:为|向|给|对)(?:全[省市县区镇]|辖区|本地)?[\d一二三四五六七八九十百千]+余?(?:家|户|个|名)")
# 贴息资金186万元，其中甲公司获得4.5万元: a total told with its parts, paid to many
_PARTS_AFTER = regex(r"[，,]\s*其中")
# 对“甲贷”按年化3%给予贴息: a subsidy on every loan of a product or programme.
_ON_PROGRAM = regex("对([\ue000-\uf8ff])")
# The body a news item cites as its source (记者从甲局获悉, 甲局数据显示): it reports a relief
# total that no other payer is named for (全市新增减税降费5亿元).
# How far back (in sentences) a list's rows look for the body that pays or holds them.
LIST_REACH = 12
# A numbered row that ends with its sum, as the rows of a list do (not a header ending with ：).
_SIBLING_ROW = regex(r"\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?!\d)).*\d[\d.,]*\s*[万亿]?元[。；;]?$")


@dataclass
class Reading:
    """What the fundings stage knows while it reads a document sentence by sentence."""
    a: Analysis
    developers: dict[str, str]                # project -> the body that develops it
    found: list[Funding] = field(default_factory=list)
    masks: dict[int, Masked] = field(default_factory=dict)     # the sentences with a cue
    investors: dict[tuple, str | None] = field(default_factory=dict)  # of a project's total
    story: int = -1
    loans: list[Funding] = field(default_factory=list)      # told so far in the story
    previous: Funding | None = None           # last funding of the sentence before
    last: tuple[Masked, list[Cue]] | None = None      # the sentence before, when it has a cue

    def roles(self, masked: Masked, at: int, clause: int, kind: str) -> dict[str, str | None]:
        return assign_roles(masked, at, clause, kind, self.developers)


@dataclass
class Site:
    """One amount of sentence `index`: where a funding is stated."""
    reading: Reading
    index: int
    masked: Masked
    cue: Cue
    amount: Amount
    left: int                                 # where the amount's clause starts
    current: list[Funding]                    # fundings stated before it in the sentence
    head: Ref | None                          # the head of the list row the sentence is

    @property
    def sentence(self) -> Sentence:
        return self.reading.a.sentences[self.index]

    def balance(self) -> bool:
        """A loan balance (贷款余额达6.36亿元) is a stock of many loans: the parties of the flows
        told around it are not its own (a claim's 本金余额 is one claim's)."""
        return self.cue.type == FundingType.LOAN and BALANCE in self.sentence.text[self.left:self.amount.start]

    def told_before(self) -> list[Funding]:
        """The fundings told before this one in the story, for an interest subsidy's loan."""
        r = self.reading
        return r.loans + self.current + ([r.previous] if r.previous else [])


# ---------------------------------------------------------------- passes on one funding

def continued_sentence(f: Funding, site: Site) -> Funding:
    """A sentence that continues the one before (其中…) inherits its parties and date, or those
    of the same kind of flow it names without a sum (甲厅下达补助资金。其中，向乙县拨付…); not a
    flow of another kind with a payer of its own (同时，乙委安排投资资金…)."""
    r = site.reading
    if site.balance() or f.provider and r.previous is not None and r.previous.type != f.type:
        return f
    return with_context(f, site.sentence, r.previous or stated_before(r, site.cue.type))


def investment_share(f: Funding, site: Site) -> Funding:
    """总投资460万元，其中争取补助资金100万元: the payout goes to the investor."""
    return part_of_investment(f, site.sentence.text[site.left:site.amount.start], site.current)


def list_row(f: Funding, site: Site) -> Funding:
    """1.甲公司（乙区）：… a flow in a list row concerns the row's head; the list's payer pays."""
    if site.head is None:
        return f
    return as_row(f, site.head, lambda kind: list_payer(site.reading, site.index, kind))


def speaker_pays(f: Funding, site: Site) -> Funding:
    """A payout told in a transcript turn of an agency's speaker is paid by that agency."""
    if f.provider or f.type not in PAYOUTS:
        return f
    speaker = site.reading.a.speaker_at(site.sentence.start)
    if speaker is not None and speaker.type == EntityType.AGENCY and speaker.entity != f.recipient:
        return replace(f, provider=speaker.entity)
    return f


def cited_source_relieves(f: Funding, site: Site) -> Funding:
    """记者从甲局获悉，全市减税降费5亿元: the agency cited as the source grants a relief."""
    if f.provider or f.type != FundingType.RELIEF:
        return f
    return replace(f, provider=source_agency(site.masked))


def source_told_before(f: Funding, site: Site) -> Funding:
    """记者从甲厅了解到，补助资金已下达。其中乙公司获得补助620万元: the source cited in the
    sentence before, which told the same kind of payout, pays."""
    last = site.reading.last
    if f.provider or f.type not in PAYOUTS or last is None \
            or not any(c.type == f.type for c in last[1]):
        return f
    return replace(f, provider=source_agency(last[0]))


def subsidised_loan(f: Funding, site: Site) -> Funding:
    """An interest subsidy goes to the borrower of the loan told with it (in its own sentence,
    else before it), unless it is a total told with its parts (…186万元，其中…), paid to a counted
    class (为全县46家合作社贴息) or to the class of a rule told before or right after it (对…的小微企业
    给予贴息，已拨付贴息资金865万元; 安排贴息资金900万元，对…企业的贷款给予贴息), or on a loan product
    (对“甲贷”给予贴息)."""
    text = site.sentence.text
    if _CLASS_PAYEE.search(text, site.left, site.amount.start) or _PARTS_AFTER.match(text, site.amount.end) \
            or class_rule().search(text, 0, site.amount.start) or _class_loans().match(text, site.amount.end) \
            or on_program(site.masked, site.masked.offsets[site.amount.start]):
        return f
    # 丙在乙银行的贷款20万元，贴息5400元: the loan of its own sentence, even with its borrower unnamed.
    own = [g for g in site.current if g.type == FundingType.LOAN]
    return with_loan(f, own or site.told_before())


@lru_cache(maxsize=None)
def _class_loans() -> re.Pattern:
    """，对甲类企业的贷款…给予贴息 right after a sum: the loans of a class it subsidises."""
    nouns = alternation(load_words("funding_class_nouns.txt"))
    return regex(rf"[，,]对[^，,；;。]{{2,30}}?(?:{nouns})的(?:贷款|借款|融资)[^，,；;。]{{0,16}}?给予")


def on_program(masked: Masked, at: int) -> bool:
    """True when the masked sentence before position `at` gives a subsidy on a programme or loan
    product (对“甲贷”…)."""
    return any(r.type == EntityType.PROGRAM for m in _ON_PROGRAM.finditer(masked.text, 0, at)
               for r in masked.refs_in(m.group(1)))


def flow_stated_before(f: Funding, site: Site) -> Funding:
    """The parties of the same kind of flow that the sentence before names without a sum (not
    when that sentence, in another paragraph, gives the flow a sum of its own: 甲公司项目投资3.1亿元。
    ¶乙市项目有31项，总投资40亿元)."""
    r = site.reading
    if site.balance() or r.previous is not None and r.previous.type == site.cue.type \
            and ("\n" in r.a.text.text[r.previous.evidence.end:site.sentence.start] or _paid_to_several(r)):
        return f
    # 甲公司向乙公司注资6000万元。该项目总投资2.3亿元: a project's total is no share of a flow paid before.
    if site.sentence.text.startswith(TOTAL_INVESTMENT, site.cue.start) and r.previous is not None and r.previous.recipient:
        return f
    stated = stated_before(r, site.cue.type)
    if stated is not None and stated.provider and r.previous is not None and r.previous.type == site.cue.type \
            and r.previous.provider:
        stated = replace(stated, provider=r.previous.provider)     # as the passes settled it
    return with_stated(f, stated)


# ---------------------------------------------------------------- passes on the document

def _paid_to_several(r: Reading) -> bool:
    """Whether the sentence before gave flows of its last flow's kind to several parties (向甲市、
    乙市分别下达…): none of them is the party of a flow told after."""
    last = r.previous
    return len({f.recipient for f in r.found if f.evidence.start == last.evidence.start and f.type == last.type}) > 1


def project_investors(fundings: list[Funding], r: Reading) -> list[Funding]:
    """An investment in a project with no developer known is made by the company that the
    sentence (or the one before) names for it (see project_investor)."""
    return [f if f.provider or f.type != FundingType.INVESTMENT else replace(
        f, provider=r.investors.get((f.evidence.start, f.amount))) for f in fundings]


def story_payers(fundings: list[Funding], r: Reading) -> list[Funding]:
    """A payout without a payer takes the agency that paid the story's earlier payout of the same
    kind (甲中心向企业发放以工代训补贴2000万元。…乙公司获得补贴20万元)."""
    return with_story_payers(fundings, r.a.story_starts, r.a.types)


def one_per_amount(fundings: list[Funding], r: Reading) -> list[Funding]:
    """One funding per flow per article: the best told of its repeats (merge_repeats); the
    headline's sentences (those ending a headline line, where a story starts) repeat the body."""
    return merge_repeats(fundings, headline_sentences(r.a.sentences, r.a.story_starts))


# ---------------------------------------------------------------- helpers of the passes

def with_context(funding: Funding, sentence: Sentence,
                 previous: Funding | None) -> Funding:
    """A sentence that continues the previous one (其中…) inherits the parties it does not name,
    and its date; not a clause that parts a sum its own sentence states before it (保费总额4100万元，
    其中各级财政补贴3300万元)."""
    if previous is None or (funding.provider and funding.recipient) or not any(
            clause.lstrip().startswith(continuation_words()) and not SUM.search(sentence.text, 0, start)
            for clause, start in clauses(sentence.text)):
        return funding
    provider, recipient = funding.provider or previous.provider, funding.recipient or previous.recipient
    if provider == recipient:
        return funding
    return replace(funding, provider=provider, recipient=recipient,
                   facilitator=funding.facilitator or previous.facilitator,
                   program=funding.program or previous.program,
                   project=funding.project or previous.project,
                   date=funding.date or previous.date)


def part_of_investment(funding: Funding, clause: str, current: list[Funding]) -> Funding:
    """A payout told as a part of an investment stated before it in the sentence (总投资460万元，
    其中争取补助资金100万元) goes to the investor, who does not pay it."""
    if funding.type not in PAYOUTS or not clause.lstrip().startswith("其中"):
        return funding
    whole = next((f for f in reversed(current) if f.type == FundingType.INVESTMENT and f.provider), None)
    if whole is None or funding.provider not in (None, whole.provider) or funding.recipient:
        return funding
    return replace(funding, provider=None, recipient=whole.provider)


def as_row(funding: Funding, head: Ref, payer) -> Funding:
    """A flow in a list row concerns the row's head: it invests, or it receives (or owes) what
    the list's payer (`payer(kind)`, see list_payer) pays or holds."""
    if funding.type == FundingType.INVESTMENT:
        return funding if funding.provider else replace(funding, provider=head.entity)
    provider, recipient = funding.provider, funding.recipient
    if provider == head.entity:
        provider = None
    if recipient is None:
        recipient = head.entity
    if provider is None:
        provider = payer(funding.type)
    return replace(funding, provider=provider if provider != recipient else None, recipient=recipient)


def list_payer(r: Reading, index: int, kind: str) -> str | None:
    """The body that pays (or holds) the flows of a list whose row is sentence `index`: the payer
    the list's header names for any payout (资金由甲局直接拨付至企业账户：), else the nearest payer
    of a flow of `kind` told before the list in the story (甲公司拟对其拥有的…债权进行转让), else
    for a payout the agency the notice's title opens with."""
    sentences = r.a.sentences
    header, story = True, r.story
    for j in range(index - 1, max(-1, index - 1 - LIST_REACH), -1):
        if j in r.masks and (r.a.row_head(j) is not None or _SIBLING_ROW.match(sentences[j].text)):
            # A numbered row may open a story of its own (1.甲公司…；2.乙公司…): the list's story
            # is the one its first row stands in. A row of the list whose head was not read
            # (二、甲公司乙项目，补助150万元；) is no header either.
            story = r.a.story_start(sentences[j].start)
            continue
        if r.a.story_start(sentences[j].start) != story:
            break
        if j not in r.masks:
            header = False
            continue
        masked = r.masks[j]
        for cue in find_cues(sentences[j].text):
            if cue.weak or not (cue.type == kind or header and {cue.type, kind} <= set(PAYOUTS)):
                continue
            at = masked.offsets[cue.start]
            provider = r.roles(masked, at, masked.offsets[clause_bounds(
                sentences[j].text, cue.start, cue.end)[0]], cue.type)["provider"]
            if provider:
                return provider
        header = False
    # 甲局 乙局关于下达…资金的通知: a notice's list is paid by the agency its title opens with.
    return next((n.entity for n in r.a.title_issuers if n.type == EntityType.AGENCY), None) if kind in PAYOUTS else None


def with_loan(funding: Funding, before: list[Funding]) -> Funding:
    """An interest subsidy goes to the borrower of the loan named with it (甲银行向乙公司发放贷款，
    丙局给予贴息), never to the bank."""
    if funding.type != FundingType.INTEREST_SUBSIDY:
        return funding
    if funding.provider and is_lender(funding.provider) and "财政" not in funding.provider:
        funding = replace(funding, provider=None)     # a bank lends; it does not pay the subsidy
    if funding.recipient and not is_lender(funding.recipient):
        return funding
    # a subsidy on the interest of a loan is less than the loan (贴息386万元 is no subsidy of a 300万元 loan)
    loan = next((f for f in reversed(before) if f.type == FundingType.LOAN and f.recipient
                 and not (f.amount and funding.amount and funding.amount >= f.amount)), None)
    if loan is None:
        return replace(funding, recipient=None) if funding.recipient else funding
    provider = funding.provider if funding.provider != loan.recipient else None
    return replace(funding, recipient=loan.recipient, provider=provider)


def stated_before(r: Reading, kind: str) -> Funding | None:
    """The parties of a flow of `kind` that the sentence before names without a sum
    (甲公司持有乙公司的债权…。该笔债权本金1亿元), as a Funding without amount."""
    if r.last is None:
        return None
    masked, cues = r.last
    cue = next((c for c in reversed(cues) if c.type == kind), None)
    if cue is None:
        return None
    at = masked.offsets[cue.start]
    roles = r.roles(masked, at, masked.offsets[clause_bounds_masked(masked, at)], kind)
    named = [r for r in masked.refs if r.entity == roles["recipient"]]
    if named and all(r.bare for r in named):
        roles["recipient"] = None     # 企业即可申领返还: the class of companies, not one of them
    if kind == FundingType.INTEREST_SUBSIDY and r.a.types.get(roles["provider"]) != EntityType.AGENCY:
        roles["provider"] = None      # 甲公司贷款800万元，贴息12万元: the borrower pays no subsidy
    if not (roles["provider"] or roles["recipient"]):
        return None
    return Funding(kind, Evidence("", "", 0, 0), **roles)


def clause_bounds_masked(masked: Masked, at: int) -> int:
    """Sentence offset where the clause holding masked position `at` starts."""
    left = max((m.end() for m in CLAUSE_BREAK.finditer(masked.text, 0, at)), default=0)
    return next(i for i, o in enumerate(masked.offsets) if o >= left)


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
                funding.type == FundingType.LOAN and is_lender(stated.provider)
                or funding.type == FundingType.INTEREST_SUBSIDY):
            return funding
        stated = replace(stated, recipient=None)
    provider = funding.provider or stated.provider
    # 甲项目分得资金4亿元，由丙实施；乙项目分得3亿元: another project's recipient is not this one's.
    other = funding.project and stated.project and funding.project != stated.project
    recipient = funding.recipient or (None if other else stated.recipient)
    if provider == recipient:
        return funding
    return replace(funding, provider=provider, recipient=recipient,
                   program=funding.program or stated.program, project=funding.project or stated.project)


def with_followups(fundings: list[Funding], r: Reading) -> list[Funding]:
    """Parties that the sentences right after a funding name: 拨付这笔资金的是甲局 (the flow told
    again with 这笔), and the company of the speaker of a quote that states a sum."""
    sentences = r.a.sentences
    index_of = {s.start: i for i, s in enumerate(sentences)}
    story = StoryNames(r.a)
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if i is not None and not (f.provider and f.recipient):
            for j in range(i + 1, min(i + 3, len(sentences))):
                later = sentences[j]
                at = _AGAIN.search(later.text)
                # 丙行向丁公司发放贷款3000万元，该笔贷款…: a 该笔 after a sum of its own sentence is that sum's
                if at is None or j not in r.masks or not any(c.type == f.type for c in find_cues(later.text)) \
                        or SUM.search(later.text, 0, at.start()):
                    continue
                masked = r.masks[j]
                roles = r.roles(masked, masked.offsets[at.start()], 0, f.type)
                f = with_stated(f, Funding(f.type, f.evidence, provider=roles["provider"],
                                           recipient=roles["recipient"]), again=True)
                break
            if f.evidence.sentence.lstrip().startswith(_QUOTE_OPEN):
                f = with_speaker(f, r.a, i, story.upto(f.evidence.start).actors)
        out.append(f)
    return out


def with_speaker(funding: Funding, a: Analysis, i: int, earlier: Tally) -> Funding:
    """A sum stated in a quote (“…收到了8.6万元返还款。”该公司经理张三说) concerns the company of
    the speaker: it invests, or it receives; `earlier`: the story's bodies before the quote."""
    role = Role.PROVIDER if funding.type == FundingType.INVESTMENT else Role.RECIPIENT
    if getattr(funding, role.value) or i + 1 >= len(a.sentences):
        return funding
    said = a.sentences[i + 1]
    masked = a.masked(i + 1)
    if not load_regex("speech_verbs.txt").search(said.text):
        return funding
    for _, org, _ in find_posts(masked, earlier):
        if org.type in (EntityType.COMPANY, EntityType.ORGANIZATION) and org.entity not in (funding.provider,
                                                                          funding.recipient):
            return replace(funding, **{role.value: org.entity})
    return funding


def project_investor(masks: list[Masked], at: int) -> str | None:
    """The company that a project's total investment (项目总投资5亿元) belongs to when no developer
    is known: the last company named before it, in its sentence (before masked position `at`)
    or the one before, that neither lends nor builds for another (甲市政府与乙公司签约，丙项目
    落户。项目总投资5亿元)."""
    for k, masked in enumerate(reversed(masks)):
        for ref in reversed(masked.refs):
            pos = masked.position(ref)
            if ref.type == EntityType.COMPANY and not is_lender(ref.entity) and (k or pos < at) \
                    and not contracts().match(masked.text, pos + 1) and not contracts().search(
                        masked.text, pos + 1, pos + 6):
                return ref.entity
    return None


def with_story_payers(fundings: list[Funding], starts: list[int], types: dict[str, str]) -> list[Funding]:
    """A payout without a payer takes the agency that paid the story's earlier payout of the same
    kind (甲中心向企业发放以工代训补贴2000万元。…乙公司获得补贴20万元), else the one agency that
    pays the story's other payouts (甲局拨付补贴资金500万元。…贴息总额为300万元); a place found
    paying (甲区已累计拨付扶持资金11亿元) pays as an agency does."""
    out: list[Funding] = []
    for f in fundings:
        if not f.provider and story_may_pay(f):
            story = story_start(starts, f.evidence.start)
            def paid(g: Funding) -> bool:
                return bool(g.provider) and g.provider != f.recipient and story_start(starts, g.evidence.start) == story \
                    and types.get(g.provider) in (EntityType.AGENCY, EntityType.PLACE)
            same = [g.provider for g in out if g.type == f.type and paid(g)]
            other = {g.provider for g in fundings if g.type in PAYOUTS and paid(g)}
            f = replace(f, provider=same[-1] if same else other.pop() if len(other) == 1 else None)
        out.append(f)
    return out
