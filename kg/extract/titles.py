"""A notice's first line as its own title, a Program (kg.extract.mentions): 甲局 乙局关于…的通知,
and a debt notice's title, 甲银行与乙资产公司债权转让暨债务催收联合公告."""
from __future__ import annotations

import re

from ..cache import regex
from ..model import EntityType, Mention

# <body> <body>关于…的通知 / 若干措施: a notice's first line is its own title, without 《》;
# a 的通知-style head may run into the next line (PDF lines are joined), other heads end the line
HEADLINE_TITLE = regex(r"\s*(\S[^\n，。；！？]{0,40}?)关于[^\n，。；！？《》:：]{4,90}?"
                       r"(?:的(?:通知|意见|决定|通告|批复|公示|公告)(?![书单])|(?:若干措施|实施细则|办法|方案)(?=\s*$))", re.M)


def find_headline_program(text: str, mentions: list[Mention]) -> Mention | None:
    """The first line as a Program when it is a title whose prefix before 关于 is only the
    names of bodies or places. Its label keeps the prefix of one body (so name_relations states
    the issuer), not that of several (甲局 乙局关于…: the relations stage reads the issuers), and
    drops PDF spaces; its span starts at 关于, leaving the bodies names of their own."""
    m = HEADLINE_TITLE.match(text)
    if not m:
        return None
    prefix = [x for x in mentions if m.start(1) <= x.start and x.end <= m.end(1)]
    if not prefix or "".join(x.text for x in prefix) != "".join(m.group(1).split()) \
            or any(x.type not in (EntityType.AGENCY, EntityType.ORGANIZATION, EntityType.PLACE) for x in prefix):
        return None
    return Mention(m.end(1), m.end(), "".join(text[m.start(1) if len(prefix) == 1 else m.end(1):m.end()].split()),
                   EntityType.PROGRAM)


# 甲银行与乙资产管理公司债权转让暨债务催收联合公告 / 甲银行债务催收公告: a debt notice's first line
# (which may run into the next one: lines are joined).
HEADLINE_DEBT = regex(r"\s*(\S[^\n，。；！？]{0,80}?)((?:债权转让|债务催收|催收)[^\n，。；！？]{0,24}?公告)(?![书栏])")
_JOINING = regex(r"[与和及\s]*")


def find_debt_title(text: str, mentions: list[Mention]) -> Mention | None:
    """The first line of a debt notice as a Program, labelled in full (the bodies it opens with
    included, as the notice names itself), its span after them so that they stay names of their
    own; None when the bodies before the notice's words are not only banks, companies or agencies."""
    m = HEADLINE_DEBT.match(text)
    if not m:
        return None
    prefix = [x for x in mentions if m.start(1) <= x.start and x.end <= m.end(1)]
    if not prefix or any(x.type not in (EntityType.AGENCY, EntityType.COMPANY, EntityType.ORGANIZATION) for x in prefix):
        return None
    gaps = [text[a.end:b.start] for a, b in zip(prefix, prefix[1:])] + [text[prefix[-1].end:m.end(1)]]
    if text[m.start(1):prefix[0].start].strip() or not all(_JOINING.fullmatch(g) for g in gaps):
        return None
    return Mention(m.start(2), m.end(2), "".join(text[m.start(1):m.end(2)].split()), EntityType.PROGRAM)
