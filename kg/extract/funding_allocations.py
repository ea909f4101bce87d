"""Funds allocated to projects: 甲厅下达专项债券资金5亿元。其中，乙项目获得2亿元，由丙公司实施.

A project named as the subject of a receive verb (乙项目获得…, 乙项目、丁项目分别获得…) takes its
share of the allocation told before it: the sum is of the allocation's kind even when its own
clause names none, the project's owner (the body that develops or carries it out, named in the
same clause or the one after) receives it, and the allocating body told before pays it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from typing import TYPE_CHECKING

from .clause import PLACEHOLDER_BASE, Masked
from .funding_cues import SUM, Cue, clause_bounds, find_cues
from .money import Amount, find_sums
from ..cache import regex
from ..lexicon import load_regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

_NAME = "[\ue000-\uf8ff]"
# 由甲公司负责建设运营 / 业主单位为甲公司: the body that owns or carries out a project.
_CARRIER = regex(rf"(?:由|(?:项目)?业主(?:单位)?(?:为|是)|(?:建设|实施)(?:单位|主体)(?:为|是))({_NAME})"
                 "(?:[^\ue000-\uf8ff，,。；;]{0,6}?(?:实施|建设|承建|负责|运营)|(?=[，,。；;]|$))")
_OWNER_BODIES = (EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.AGENCY)
_ALLOCATED = (FundingType.GRANT, FundingType.INVESTMENT)
_PROJECT_PAYOUTS = (FundingType.GRANT, FundingType.INTEREST_SUBSIDY)
# the body a project names as its own: 项目单位, 项目业主, 建设单位
_UNIT = regex("项目(?:单位|业主|法人|公司)|(?:建设|实施|承担)单位")
# How many sentences before a project's share the allocation may be told.
_REACH = 4


def _receivers() -> re.Pattern:
    """乙项目、丁项目分别获得(专项债券资金)(1亿元和): projects before a receive verb, right before a sum
    (or the sum after the verb's first ones)."""
    verbs = load_regex("funding_receive_verbs.txt").pattern
    return regex(rf"({_NAME}(?:[、和及与]{_NAME})*)(?:均|分别|各)?(?:{verbs})"
                 r"[^\ue000-\uf8ff，,。；;\d]{0,12}(?:[\d.]+[万亿]?元[、和及与])*$")


def receiving_projects(masked: Masked, at: int, clause: int) -> list[str]:
    """The projects that receive the sum at masked position `at` (clause starting at `clause`)."""
    m = _receivers().search(masked.text, clause, at)
    refs = masked.refs_in(m.group(1)) if m else []
    return [r.entity for r in refs] if refs and all(r.type == EntityType.PROJECT for r in refs) else []


def allocated_cue(r: Reading, index: int, cues: list[Cue], amount: Amount, left: int,
                  cue: Cue | None) -> Cue | None:
    """乙项目获得1亿元 after 甲厅下达专项债券资金: a project's share is of the kind of the allocation
    told before it (in its sentence, else in one of the few before), when its clause names no
    kind, only a weak one (获得1亿元) or only a word inside a name (由甲投资公司实施的乙工程获得1亿元)."""
    masked = r.a.masked(index)
    if cue is not None and not cue.weak and not _in_name(masked, cue) or not receiving_projects(
            masked, masked.offsets[amount.start], masked.offsets[left]):
        return cue
    allocation = _allocation_before(r, index, left)
    return Cue(amount.end, amount.end, allocation.type, rule=allocation.rule) if allocation else cue


def allotted_cues(r: Reading, index: int) -> list[Cue]:
    """The cues of a sentence without one of its own whose sums are projects' shares of an
    allocation told before (乙项目、丙项目分别获得1亿元和5000万元)."""
    text = r.a.sentences[index].text
    return [c for x in find_sums(text)
            for c in [allocated_cue(r, index, [], x, clause_bounds(text, x.start, x.end)[0], None)] if c]


def _allocation_before(r: Reading, index: int, left: int) -> Cue | None:
    """The last cue of an allocation (a grant, or an investment: 安排中央预算内投资资金) outside a
    name before sentence offset `left`, in the sentence or in the story's sentences before it
    (within _REACH)."""
    story = r.a.story_start(r.a.sentences[index].start)
    for j in range(index, max(-1, index - _REACH - 1), -1):
        sentence = r.a.sentences[j]
        if r.a.story_start(sentence.start) != story:
            break
        masked = r.a.masked(j)
        kinds = [c for c in find_cues(sentence.text) if c.type in _ALLOCATED and not c.weak
                 and not _in_name(masked, c) and (j < index or c.end <= left)]
        if kinds:
            return kinds[-1]
    return None


def _in_name(masked: Masked, cue: Cue) -> bool:
    """True for a cue word inside a name (the 投资 of 甲投资公司); an inherited cue is zero-width."""
    if cue.end == cue.start:
        return False
    ch = masked.text[masked.offsets[cue.start]]
    return PLACEHOLDER_BASE <= ord(ch) < PLACEHOLDER_BASE + len(masked.refs)


def project_owner_receives(f: Funding, site: Site) -> Funding:
    """乙项目获得专项债券资金2亿元，项目业主为丙公司 / 由丙公司实施的乙工程获得1亿元: the project's owner
    receives the share; a body that carries out a project pays none (the allocating body told
    before does, see story_payers), and with no owner known nobody named outside the sum's
    clause receives."""
    masked, at, clause = site.masked, site.masked.offsets[site.amount.start], site.masked.offsets[site.left]
    projects = receiving_projects(masked, at, clause)
    # Only a share read with the allocation's cue (allocated_cue): one with a cue of its own is
    # read as any grant is (project_developer, carrier_pays_no_grant).
    if f.type not in _ALLOCATED or not projects or site.cue.end > site.cue.start:
        return f
    owner = site.reading.developers.get(projects[0]) or _named_owner(masked, at, clause)
    carriers = {masked.refs_in(m.group(1))[0].entity for m in _CARRIER.finditer(masked.text)}
    provider = None if f.provider in carriers or f.provider == owner else f.provider
    own = {x.entity for x in masked.refs_in(masked.text[clause:at])}
    recipient = owner or (f.recipient if f.recipient in own else None)
    return replace(f, provider=provider, recipient=recipient,
                   project=f.project or (projects[0] if len(projects) == 1 else None))


def project_line_receives(f: Funding, site: Site) -> Funding:
    """甲区：乙项目，项目单位为丙公司，安排专项债券资金2亿元 / 甲局已将该项目纳入贴息范围，安排贴息资金
    300万元: a grant or subsidy with no payee (or a loan its sentence gives the project's unit), in a
    sentence that names its project, goes to the project's owner."""
    owner = site.reading.developers.get(f.project) if f.project else None
    # 甲项目总投资3亿元，项目单位已获得乙银行贷款1亿元: the project's unit borrows too
    unit = _UNIT.search(site.sentence.text, 0, site.amount.start)
    if f.type not in _PROJECT_PAYOUTS and not (f.type == FundingType.LOAN and unit) \
            or f.recipient or owner is None or owner == f.provider:
        return f
    # the project named before the unit that takes the loan, or before the sum with no other sum
    # between them (not 共计800万元，其中甲获得300万元，用于乙项目: the project a later share serves)
    masked = site.masked
    loan = f.type == FundingType.LOAN
    at = masked.offsets[unit.start() if loan else site.amount.start]
    before = [masked.position(r) for r in masked.refs if r.entity == f.project and masked.position(r) < at]
    if not before or not loan and SUM.search(masked.text, before[-1], at):
        return f
    return replace(f, recipient=owner)


def _named_owner(masked: Masked, at: int, clause: int) -> str | None:
    """The owner told with the sum: 由丙公司实施的乙工程获得… before it, else 由丙公司实施 / 业主为丙公司
    after it, before the next semicolon."""
    text = masked.text
    end = min((i for i in (text.find(ch, at) for ch in "；;。") if i >= 0), default=len(text))
    for m in [*_CARRIER.finditer(text, clause, at), *_CARRIER.finditer(text, at, end)]:
        ref = masked.refs_in(m.group(1))[0]
        if ref.type in _OWNER_BODIES:
            return ref.entity
    return None
