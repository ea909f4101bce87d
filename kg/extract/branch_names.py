"""Branches written short or glued (hooks of kg.extract.resolve): a branch glued to the 为 after
it (乙分行为丙合作社授信: 乙分行 + 为 + 丙合作社, which the segmenter reads as 分|行为), a name read
inside a declared short name (甲银行乙分行（以下简称“甲行乙分行”）: 甲行 alone is the bank), and a
bare branch (乙分行) in a story that names one bank: that bank's branch.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .companies import LEGAL_FORM_INSIDE, REGISTERED, branch_parent, branch_pattern, company_core
from ..cache import regex
from ..lexicon import alternation, load_table, load_tagged
from ..model import EntityType, Mention

_GLUED_TYPES = (EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.AGENCY, EntityType.PROJECT)
_BANK = "银行"      # the parent a bare branch of a bank's story belongs to
_BRANCH_REACH = 8   # how far (characters) before a bare branch the bank whose branch it is may be named
_PLACE_MAX = 8       # longest place before the head of a bare branch (乙分行, 乙市丙区支行)


@lru_cache(maxsize=None)
def _heads() -> tuple[str, ...]:
    return load_tagged("branch_heads.tsv", "company")


@lru_cache(maxsize=None)
def _bank_heads() -> tuple[str, ...]:
    """分行, 支行: the branch heads of a bank (not 分公司)."""
    return tuple(h for h in _heads() if h.endswith(_BANK[-1]))


@lru_cache(maxsize=None)
def _glued() -> re.Pattern:
    return regex(rf"^(.{{2,}}?(?:{alternation(_heads())}))为(?=.{{2}})")


def branch_mentions(mentions: list[Mention], declared: dict[str, Mention], text: str) -> list[Mention]:
    """The mentions with glued branches split off (split_glued), places read as bare branches
    (placed_branch), and without those that lie inside an occurrence of a `declared` short name,
    which names its full name instead."""
    mentions = [part for m in mentions for part in split_glued(m)]
    if one_bank([m.text for m in mentions if m.type == EntityType.COMPANY]):
        mentions = [placed_branch(m, text) for m in mentions]
    else:
        mentions = [placed_branch(m, text) if m.type == EntityType.PLACE and bank_just_before(mentions, i, text) else m
                    for i, m in enumerate(mentions)]
    spans = [(x.start(), x.end()) for x in re.finditer(alternation(declared), text)] if declared else []
    return [m for m in mentions
            if not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in spans)]


def split_glued(m: Mention) -> list[Mention]:
    """乙分行为丙合作社 -> the branch 乙分行 (a Company) and 丙合作社 (of the mention's type)."""
    g = _glued().match(m.text)
    if m.entity or m.type not in _GLUED_TYPES or g is None:
        return [m]
    cut = g.end()
    return [Mention(m.start, m.start + g.end(1), g.group(1), EntityType.COMPANY),
            replace(m, start=m.start + cut, text=m.text[cut:])]


def placed_branch(m: Mention, text: str) -> Mention:
    """三亚|分行 (a place the name reader left alone before a bank's branch head): the branch."""
    head = next((h for h in _bank_heads() if text.startswith(h, m.end)), None)
    if m.type != EntityType.PLACE or m.entity or head is None:
        return m
    return Mention(m.start, m.end + len(head), m.text + head, EntityType.COMPANY)


def bank_just_before(mentions: list[Mention], i: int, text: str) -> bool:
    """True when a bank or a bank's branch is named at most _BRANCH_REACH characters before mention
    i, in the same clause (甲银行所属乙|分行, 甲分行指导所辖乙县|支行): in a story of several banks, that
    bank's branch."""
    m = mentions[i]
    return any(b.type == EntityType.COMPANY and (bank_of(b.text) or b.text.endswith(_bank_heads()))
               and 0 <= m.start - b.end <= _BRANCH_REACH
               and not re.search(r"[，,。；;：:、]", text[b.end:m.start]) for b in mentions[max(0, i - 3):i])


def one_bank(names: list[str]) -> str | None:
    """The one bank that company names (甲银行, 甲银行丙省分行) name, else None."""
    banks = {bank_of(name) for name in names}
    banks.discard(None)
    return banks.pop() if len(banks) == 1 else None


def bank_of(name: str) -> str | None:
    """The bank a name names: itself (甲银行), or the parent of its branch, without the legal form
    the branch's name gives it (甲银行股份有限公司乙支行: 甲银行). A registered name (甲银行股份
    有限公司) is left out: a story's short name (甲行, 甲农商银行) may stand for it."""
    parent = branch_parent(name)
    bank = LEGAL_FORM_INSIDE.sub("", parent) if parent else name
    return bank if bank.endswith(_BANK) else None


def bare_branches(mentions: list[Mention], labels: list[str]) -> list[str]:
    """乙分行 in a story that names one bank (甲银行, its 丙省分行): 甲银行乙分行; in a story of
    several banks, the bank whose branch the sentence names just before it (甲银行丙分行通过辖属
    乙支行): 甲银行乙支行."""
    bank = one_bank([label for m, label in zip(mentions, labels) if m.type == EntityType.COMPANY])
    out = []
    for i, (m, label) in enumerate(zip(mentions, labels)):
        if m.type == EntityType.COMPANY and is_bare_branch(label):
            parent = bank or next((b for j in range(i - 1, -1, -1)
                                   if mentions[j].type == EntityType.COMPANY and m.start - mentions[j].end <= _BRANCH_REACH
                                   and (b := bank_of(labels[j]))), None)
            label = parent + label if parent else label
        out.append(label)
    return out


def is_bare_branch(label: str) -> bool:
    """A place and the head of a bank's branch, no parent before them: 乙分行, 乙市丙区支行."""
    head = next((h for h in _bank_heads() if label.endswith(h)), None)
    return head is not None and 2 <= len(label) - len(head) <= _PLACE_MAX and not branch_pattern().match(label) \
        and _BANK not in label and "公司" not in label[:-len(head)]


def branches_of_merged_parents(mentions: list[Mention], labels: list[str],
                               merged: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """Branches named after a short form of their parent take the parent's full name: 甲农商银行's
    乙支行 (甲农村商业银行乙支行), once 甲农村商业银行 merges into 某省甲农村商业银行股份有限公司,
    is 某省甲农村商业银行股份有限公司乙支行."""
    out = {}
    for m, label in zip(mentions, labels):
        parent = branch_parent(label) if m.type == EntityType.COMPANY else None
        full = merged.get((EntityType.COMPANY, parent)) if parent else None
        if full and (m.type, label) not in merged and not branch_pattern().match(full):
            out[(m.type, label)] = full + label[len(parent):]
    return out


# the kind of bank a full name ends with, and the short kinds a story writes after the brand
_KINDS = "农村商业|农村合作|城市商业|商业"
_BANK_KIND = regex(f"(?:{_KINDS})?银行$")
_SHORT_KINDS = ("农商银行", "农商行", "银行", "行")
# 县农村商业银行 (from 县农商行), 农村商业银行: a bank's kind, with a level or none, and no brand
_LEVEL_BANK = regex(f"(?:[省市县区旗](?:{_KINDS})?|农村商业|农村合作|城市商业)银行")


@lru_cache(maxsize=None)
def _national_banks() -> frozenset[str]:
    return frozenset(full for _, full in load_table("company_abbrev.tsv", 2))


def _one_bank_of_kind(of_kind: set[tuple[str, str]], kind: str) -> str | None:
    """The full name of the one bank of `kind` among (kind, label) pairs, counting the names of one
    bank once (乙县农村商业银行 is 甲省乙县农村商业银行股份有限公司), else None."""
    names = sorted((label for k, label in of_kind if k == kind), key=len, reverse=True)
    bare = [LEGAL_FORM_INSIDE.sub("", n) for n in names]
    banks = [n for n, b in zip(names, bare) if not any(o != b and o.endswith(b) for o in bare)]
    return banks[0] if len(banks) == 1 else None


def short_bank_names(mentions: list[Mention], labels: list[str]) -> list[str]:
    """A bank, or its branch, written with the brand and a short kind (乙银行, 乙农商行丙分行, 乙行丙支行)
    after the full name (甲省乙农村商业银行股份有限公司, or its 丙分行) takes the full name,
    when one full bank of that brand, no national one, is named."""
    fulls: dict[str, set[str]] = {}
    for m, label in zip(mentions, labels):
        full = branch_parent(label) or label
        if m.type == EntityType.COMPANY and REGISTERED.search(full):
            brand = _BANK_KIND.sub("", core := company_core(full))
            # a national bank (company_abbrev.tsv) has branches of its own naming
            if len(brand) >= 2 and brand != core and LEGAL_FORM_INSIDE.sub("", full) not in _national_banks():
                fulls.setdefault(brand, set()).add(full)
    out = []
    for m, label in zip(mentions, labels):
        if m.type == EntityType.COMPANY and not LEGAL_FORM_INSIDE.search(label):
            label = next((only + rest for brand, (only, *more) in fulls.items() if not more
                          for kind in _SHORT_KINDS if label.startswith(brand + kind)
                          and (not (rest := label[len(brand + kind):]) or rest.endswith(_bank_heads()))), label)
        out.append(label)
    return level_banks(mentions, out)


def level_banks(mentions: list[Mention], labels: list[str]) -> list[str]:
    """县农商行, 农商银行 (a level and a bank's kind, or the kind alone): the one full bank of that kind
    the story names."""
    of_kind = {(kind.group(), label) for m, label in zip(mentions, labels) if m.type == EntityType.COMPANY
               and not _LEVEL_BANK.fullmatch(label) and branch_parent(label) is None
               and (kind := _BANK_KIND.search(LEGAL_FORM_INSIDE.sub("", label)))}
    return [(_one_bank_of_kind(of_kind, _BANK_KIND.search(label).group()) or label)
            if m.type == EntityType.COMPANY and _LEVEL_BANK.fullmatch(label) else label
            for m, label in zip(mentions, labels)]
