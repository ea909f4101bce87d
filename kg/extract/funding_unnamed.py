"""Role passes for parties told by words that name no one (run from
kg.extract.funding_roles.ROLE_PASSES): a party told as one of a kind, two classes joined, a payee
told only by the words of its trade or class, whose role then stays empty rather than take a name
from elsewhere.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .funding_cues import CLAUSE_BREAK
from ..cache import regex
from ..model import EntityType, Role

if TYPE_CHECKING:
    from .funding_roles import RoleSearch

# 向乙县的个体户某某发放: the payee's words hold no name (a place it is from may precede 的).
_UNNAMED_PAYEE = regex(r"[向为给](?:[\ue000-\uf8ff]的)?[^\ue000-\uf8ff，,。；;]{2,16}?"
                       "(?:发放|提供|投放|授信|放贷|办理|兑现|拨付|减免|退税)")
# 向乙县家庭农场主张三发放贷款: a person named after the words of his trade.
_TITLED_PAYEE = regex(r"[向为给](?:[\ue000-\uf8ff]的?)?[^\ue000-\uf8ff，,。；;]{2,10}?([\ue000-\uf8ff])"
                      "(?:发放|提供|投放|授信|放贷|办理|兑现|拨付|减免)")
# 为一家甲业公司发放贷款: a noun counted as one of a kind describes an unnamed party.
_COUNTED_ONE = regex(r"(?:一|某)(?:家|户|个|所)$")
# 合作社和家庭农场 / 个体户、企业: a common noun joined to a bare one (class-pair-unnamed).
_CLASS_AFTER = regex(r"[和及、][^\ue000-\uf8ff，,。；;\d]")
_CLASS_BEFORE = regex(r"[^\ue000-\uf8ff，,。；;\d向为给对][和及、]$")


def counted_unnamed(s: RoleSearch) -> None:
    """A party told only as one of a kind (为一家粮油公司发放贷款) is not named: its role stays
    empty rather than take the kind's noun as a name."""
    for role, entity in list(s.roles.items()):
        refs = [r for r in s.masked.refs if r.entity == entity]
        if refs and all(_COUNTED_ONE.search(s.masked.text, 0, max(0, s.masked.position(r))) for r in refs):
            s.roles[role] = None


def class_pair_unnamed(s: RoleSearch) -> None:
    """向合作社和家庭农场发放贷款 / 为个体户和企业办理: a bare noun joined with another common noun
    names two classes, not the one body the bare noun may stand for: its role stays empty."""
    text = s.masked.text
    for role, entity in list(s.roles.items()):
        refs = [r for r in s.masked.refs if r.entity == entity]
        if refs and all(r.bare and (_CLASS_AFTER.match(text, s.masked.position(r) + 1)
                                    or _CLASS_BEFORE.search(text, 0, max(0, s.masked.position(r))))
                        for r in refs):
            s.roles[role] = None


def unnamed_payee(s: RoleSearch) -> None:
    """甲银行向乙公司发放贷款500万元，向个体户某某发放贷款30万元 / 为辖区企业办理退税4亿元，其中为乙公司
    退税30万元: when the sum's own clause gives the payee words but no recognised name, a payee named
    in another clause is not it; a person named after such words (向养殖户张三发放) is."""
    payee, text = s.roles.get(Role.RECIPIENT), s.masked.text
    left = max(text.rfind(p, s.clause, s.at) for p in "向为给")
    person = s.masked.refs_in(m.group(1)) if left >= 0 and (m := _TITLED_PAYEE.match(text, left, s.at)) else []
    if person and person[0].type == EntityType.PERSON:
        s.roles[Role.RECIPIENT] = person[0].entity
        return
    end = CLAUSE_BREAK.search(text, s.at)
    end = end.start() if end else len(text)
    if payee is None or any(s.clause <= s.masked.position(r) < end for r in s.masked.refs if r.entity == payee):
        return
    if left >= 0 and _UNNAMED_PAYEE.match(text, left, s.at):
        del s.roles[Role.RECIPIENT]
