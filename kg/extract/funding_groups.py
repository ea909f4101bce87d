"""Parties told as a counted group: 四家银行将向甲市提供授信1000亿元 (the banks the story named
just before, as many as counted) and 为乙区12家小微企业集中授信3亿元 (a class of payees that
names none of them)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .funding_cues import clause_bounds
from .funding_roles import is_lender
from ..model import Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
# 四家银行 / 3家金融机构: a counted group of lenders.
_LENDER_GROUP = re.compile(r"([一二两三四五六七八九十]|\d{1,2})家(?:银行|金融机构)")
# 为乙区12家小微企业集中授信: the payees are a counted class, right before the verb of the sum (not
# 为一家企业, one that the story may name after).
_COUNTED_PAYEES = re.compile(r"(?:为|向|给|对)[\ue000-\uf8ff]?(?:全[省市县区镇]|辖区|本地)?"
                             r"(?:\d+|[两二三四五六七八九十百千][一二三四五六七八九十百千]*)余?(?:家|户|个|名)"
                             r"[^\ue000-\uf8ff，,。；;]{0,16}$")
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
            if _COUNTED_PAYEES.search(masked.text, masked.offsets[left], masked.offsets[at]):
                f = replace(f, recipient=None)
        out.append(f)
    return out


def counted_lenders(f: Funding, site: Site) -> Funding:
    """甲市政府与乙银行、丙银行签署协议。两家银行将向甲市提供授信100亿元: a loan whose lenders are
    counted is provided by the first of the lenders that a sentence just before names, when it
    names exactly as many."""
    m = _LENDER_GROUP.search(site.sentence.text, site.left, site.amount.start)
    if f.type != FundingType.LOAN or f.provider or m is None:
        return f
    count = int(m.group(1)) if m.group(1).isdigit() else _NUMERALS[m.group(1)]
    a, story = site.reading.a, site.reading.story
    for j in range(site.index - 1, max(-1, site.index - 1 - _GROUP_REACH), -1):
        if a.story_start(a.sentences[j].start) != story:
            break
        lenders = list(dict.fromkeys(r.entity for r in a.masked(j).refs if is_lender(r.entity)))
        if len(lenders) == count:
            return replace(f, provider=lenders[0]) if lenders[0] != f.recipient else f
    return f
