"""Parties told as a group: 四家银行将向甲市提供授信1000亿元 (the banks the story named just
before, as many as counted), 为乙区12家小微企业集中授信3亿元 (a class of payees that names none
of them), and a syndicate's lead bank (由甲行牵头，乙行、丙行共同参与的N亿元银团贷款)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from .funding_cues import clause_bounds
from .funding_roles import is_lender
from .money import find_amounts, is_money
from ..cache import regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# 四家银行 / 3家金融机构: a counted group of lenders.
_LENDER_GROUP = regex(r"([一二两三四五六七八九十]|\d{1,2})家(?:银行|金融机构)")
# 两家公司分别向…支付: a counted group of companies, the subject of a verb of giving
_PAYER_GROUP = regex(r"([一二两三四五六七八九十]|\d{1,2})家(?:保险)?(?:公司|企业|机构)"
                     r"(?=(?:都|均|共|还|已|将|先后)?(?:分别)?(?:向|为|给))")
_PAYER_TYPES = (EntityType.COMPANY.value, EntityType.ORGANIZATION.value)
# 为乙区12家小微企业集中授信: the payees are a counted class, right before the verb of the sum (not
# 为一家企业, one that the story may name after); 为其上游19家企业: the class of a body named before.
_COUNTED_PAYEES = regex(r"(?:为|向|给|对)(?:[\ue000-\uf8ff]|其(?:上下游|上游|下游|旗下|所属)?)?"
                        r"(?:全[省市县区镇]|辖区|本地)?"
                        r"(?:\d+|[两二三四五六七八九十百千][一二三四五六七八九十百千]*)余?(?:家|户|个|名)"
                        r"[^\ue000-\uf8ff，,。；;]{0,16}$")
# 为两家合作社分别发放: a counted group of payees, each its own sum (group 2: the noun of their kind).
_PAYEE_GROUP = regex(r"(?:为|向|给)([两二三四五六七八九十]|\d{1,2})家([^\ue000-\uf8ff，,。；;\d]{2,4}?)(?:分别|各)")
# 由甲行牵头，乙行、丙行共同参与的: the lead of a syndicate, before the sum in its sentence.
_LEAD = regex(r"由([\ue000-\uf8ff])(?:作为)?牵头")
# 甲大学牵头的乙研究: a project and the body that leads it
_LED = regex(rf"({PH})(?:牵头|承担|主持|负责实施)的({PH})")
# 向甲公司、乙公司、丙公司3家企业分别发放: a list of names, then their count (no 等 between)
_COUNTED_LIST = regex(rf"(?:为|向|给|对)({PH}(?:[、和及]{PH})+)([两二三四五六七八九十]|\d{{1,2}})家[^\ue000-\uf8ff，,。；;\d]{{0,6}}?分别")
# How many sentences before the group its members may be named.
_GROUP_REACH = 2


def counted_payees_unnamed(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲银行为乙区12家小微企业集中授信3亿元: a sum paid to a counted class names no payee; a firm
    named in another clause or sentence (nor one a later sentence tells of: 这笔贷款) receives it."""
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        at = f.evidence.sentence.find(f.amount_text) if f.amount_text else -1
        if f.recipient is not None and i is not None and at >= 0:
            masked = r.a.masked(i)
            left = clause_bounds(f.evidence.sentence, at, at)[0]
            # 为两家合作社分别发放: a group whose members were named before (counted_payee_group).
            if _COUNTED_PAYEES.search(masked.text, masked.offsets[left], masked.offsets[at]) \
                    and not _PAYEE_GROUP.search(f.evidence.sentence, left, at):
                f = replace(f, recipient=None)
        out.append(f)
    return out


def counted_lenders(f: Funding, site: Site) -> Funding:
    """甲市政府与乙银行、丙银行签署协议。两家银行将向甲市提供授信100亿元: a loan whose lenders are
    counted is provided by the first of the lenders that its sentence (before the count) or a
    sentence just before names, when it names exactly as many; with 分别, the i-th sum is the
    i-th lender's."""
    text = site.sentence.text
    m = _LENDER_GROUP.search(text, site.left, site.amount.start)
    if f.type != FundingType.LOAN or m is None:
        return f
    count = _count(m.group(1))
    named = list(dict.fromkeys(r.entity for r in site.masked.refs_in(site.masked.text[:site.masked.offsets[m.start()]])
                               if is_lender(r.entity)))
    lenders = named if len(named) == count else _members(site, count, is_lender)
    # 三家银行将分别提供300亿元、200亿元、150亿元: the i-th sum after 分别 is the i-th lender's.
    i = _respective(text, m.end(), site.amount.start)
    if lenders and i is not None and i < len(lenders) and lenders[i] != f.recipient:
        return replace(f, provider=lenders[i])
    return replace(f, provider=lenders[0]) if lenders and not f.provider and lenders[0] != f.recipient else f


def counted_payers(f: Funding, site: Site) -> Funding:
    """甲保险公司、乙保险公司启动理赔。两家公司分别向受灾户支付赔款80万元和40万元: a flow other than
    a loan whose payers are a counted group of companies, the subject of the giving verb, is paid
    by the companies a sentence just before names (as many as counted), with 分别 the i-th sum by
    the i-th."""
    text = site.sentence.text
    m = _PAYER_GROUP.search(text, site.left, site.amount.start)
    if f.type == FundingType.LOAN or m is None:
        return f
    types = site.reading.a.types
    payers = _members(site, _count(m.group(1)), lambda e: types.get(e) in _PAYER_TYPES)
    i = _respective(text, m.end(), site.amount.start) or 0
    return replace(f, provider=payers[i]) if i < len(payers) and payers[i] != f.recipient else f


def counted_payee_group(f: Funding, site: Site) -> Funding:
    """甲局向乙合作社、丙合作社发放补助。丁银行为两家合作社分别发放贷款200万元、150万元: the i-th
    sum told after a counted group of payees goes to the i-th of the bodies of that kind (whose
    names hold the group's noun) that a sentence just before names, when it names as many."""
    text = site.sentence.text
    m = _PAYEE_GROUP.search(text, site.left, site.amount.start)
    if m is None:
        return f
    kind, count = m.group(2), _count(m.group(1))
    i = _sums_between(text, m.end(), site.amount.start)
    members = _members(site, count, lambda name: kind in name)
    return replace(f, recipient=members[i]) if i < len(members) and members[i] != f.provider else f


def _sums_between(text: str, start: int, end: int) -> int:
    """How many sums of money `text` states from `start` up to `end`: the place of a sum in a
    list told after 分别."""
    return sum(1 for x in find_amounts(text) if start <= x.start < end and is_money(x, text))


def _respective(text: str, start: int, end: int) -> int | None:
    """The place of the sum at `end` in the list of sums told after a 分别 between `start` and
    `end`; None without one."""
    each = text.find("分别", start, end)
    return _sums_between(text, each, end) if each >= 0 else None


def _count(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _NUMERALS[numeral]


def _members(site: Site, count: int, fits: Callable[[str], bool]) -> list[str]:
    """The bodies that fit, in the order named, of the nearest sentence before the funding's (in
    its story, within _GROUP_REACH) that names exactly `count` of them; else none."""
    a, story = site.reading.a, site.reading.story
    for j in range(site.index - 1, max(-1, site.index - 1 - _GROUP_REACH), -1):
        if a.story_start(a.sentences[j].start) != story:
            break
        named = list(dict.fromkeys(r.entity for r in a.masked(j).refs if fits(r.entity)))
        if len(named) == count:
            return named
    return []


def syndicate_lead(f: Funding, site: Site) -> Funding:
    """由甲行牵头，乙行、丙行共同参与的38亿元银团贷款: the lead bank lends the whole loan (the
    bank named last before the sum is only one of the syndicate)."""
    masked = site.masked
    # ，其中乙行1.2亿元 / 三家银行分别承贷2.4亿元、1.44亿元: a member's part, told after the whole, is its own
    clause = site.sentence.text[site.left:site.amount.start]
    if f.type != FundingType.LOAN or clause.lstrip("，,；; ").startswith("其中") or "分别" in clause:
        return f
    at = masked.offsets[site.amount.end]
    # 其余5亿元由甲行牵头…提供贷款: the lead may be named right after the sum
    m = _LEAD.search(masked.text, 0, masked.offsets[site.amount.start]) or _LEAD.match(masked.text, at)
    lead = masked.refs_in(m.group(1))[0] if m else None
    if lead is None or not is_lender(lead.entity) or lead.entity == f.recipient:
        return f
    return replace(f, provider=lead.entity)


def led_projects_receive(f: Funding, site: Site) -> Funding:
    """甲大学牵头的“乙研究”、丙公司牵头的“丁研究”分别获得资助150万元、100万元: a project told with
    the body that leads it receives through that body, the i-th sum after 分别 the i-th; a leader
    pays none of them."""
    masked, text = site.masked, site.sentence.text
    at = masked.offsets[site.amount.start]
    leaders = [masked.refs_in(m.group(1))[0].entity for m in _LED.finditer(masked.text, 0, at)
               if masked.refs_in(m.group(2))[0].type == EntityType.PROJECT]
    if not leaders:
        return f
    each = text.rfind("分别", 0, site.amount.start)
    i = _sums_between(text, each, site.amount.start) if each >= 0 else 0
    recipient = leaders[i] if i < len(leaders) and (each >= 0 or len(leaders) == 1) else f.recipient
    return replace(f, provider=None if f.provider in leaders else f.provider, recipient=recipient)


def counted_list_receives(f: Funding, site: Site) -> Funding:
    """向甲公司、乙公司、丙公司3家企业分别发放贷款800万元、500万元和300万元: a list whose count (with no
    等) says it names them all is no counted class; its i-th name receives the i-th sum."""
    masked, text = site.masked, site.sentence.text
    at = masked.offsets[site.amount.start]
    m = next((x for x in _COUNTED_LIST.finditer(masked.text, 0, at)), None)
    listed = masked.refs_in(m.group(1)) if m else []
    if m is None or len(listed) != _count(m.group(2)):
        return f
    i = _sums_between(text, text.find("分别", site.left), site.amount.start)
    return replace(f, recipient=listed[i].entity) if i < len(listed) and listed[i].entity != f.provider else f
