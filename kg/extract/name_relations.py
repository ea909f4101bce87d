"""Relations that names state by themselves: X银行Y分行 subOrganizationOf X银行 (and of the
bank's regional branch the document names), 《X局关于…的通知》 issued by X局, a joint title
issued by both bodies, X公司Y项目 developed by X公司."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from .clause import Ref
from ..cache import regex
from ..lexicon import load_set, load_tagged
from ..model import ORG_TYPES, Entity, EntityType, RelationType
from .normalize import CJK
from .places import expand_place, lookup_places


@lru_cache(maxsize=None)
def branch_suffixes() -> tuple[str, ...]:
    return load_tagged("branch_heads.tsv", "unit")


# A sub-branch belongs to the branch of its bank for its region, when the document names it.
_REGION_END = regex("(?:省|市|自治区|特别行政区)?分行$")


def regional_parent(child: Entity, bank: str, orgs: list[Entity]) -> Entity | None:
    """The branch that a sub-branch belongs to: 甲银行乙市丙支行 -> 甲银行乙市分行 (a region its
    own name begins with), or 甲银行丁县支行 -> 甲银行乙市分行 (a county of that city), when that
    branch is among `orgs`; else None. A legal form after the bank is read past."""
    if not child.label.endswith(load_tagged("branch_heads.tsv", "sub-branch")):
        return None
    rest = _LEGAL_FORM_START.sub("", child.label[len(bank):])
    for org in orgs:
        if org.label != child.label and org.label.startswith(bank) and _REGION_END.search(org.label):
            region = _REGION_END.sub("", _LEGAL_FORM_START.sub("", org.label[len(bank):]))
            if region and (rest.startswith(region) or _county_of(rest, region)):
                return org
    return None


_LEGAL_FORM_START = regex("^(?:股份有限公司|有限责任公司|有限公司)")


def _county_of(rest: str, region: str) -> bool:
    """True when `rest` (丁县支行) opens with a county whose city is `region` (乙市 or 乙)."""
    city = expand_place(region)
    return city is not None and any(
        info.parent == city for n in range(len(rest) - 2, 1, -1) for info in lookup_places(rest[:n])
        if info.level == "county")


def relations_from_names(entities: list[Entity], refs: list[Ref]):
    """Relations that names state: X银行Y分行 subOrganizationOf X银行; 《X局关于…的通知》 issued by X局.

    Yields (relation, subject entity, object entity, first Ref of the named entity) so the
    caller can cite the sentence that names it.
    """
    first_ref = {}
    for r in refs:
        if not r.pronoun:
            first_ref.setdefault(r.entity, r)
    orgs = [e for e in entities if e.type in ORG_TYPES]
    names = sorted(((n, e) for e in orgs for n in {e.label, *e.aliases} if len(n) >= 2),
                   key=lambda p: -len(p[0]))
    by_name = _by_name(names)
    placed = set()
    for child in entities:
        if child.label not in first_ref:
            continue
        for name, parent in _names_opening(child.label, by_name):
            if parent.label != child.label:
                found = _name_relation(child, name, parent, orgs)
                if found is not None:
                    placed.add(child.label)
                    yield (*found, first_ref[child.label])
                    co_issuer = joint_issuer(child, name, names) if found[0] == RelationType.ISSUED else None
                    if co_issuer is not None:
                        yield RelationType.ISSUED, co_issuer, child, first_ref[child.label]
                    if found[0] == RelationType.SUB_ORGANIZATION_OF and found[2] is not parent:
                        # A sub-branch under its regional branch belongs to the bank as well.
                        yield RelationType.SUB_ORGANIZATION_OF, child, parent, first_ref[child.label]
                    break
    yield from _first_level_branches(orgs, first_ref, placed)


# The legal form after a bank's or group's name: 甲银行乙分行 is a branch of 甲银行股份有限公司.
_PARENT_LEGAL_FORM = regex("(?<=银行|集团)(?:股份有限公司|有限责任公司|有限公司)$")


# What the name of a first-level branch ends in (a sub-branch, 支行, belongs to its regional one).
_FIRST_LEVEL = ("分行", "分公司")


def _first_level_branches(orgs: list[Entity], first_ref: dict, placed: set[str]):
    """(subOrganizationOf, branch, bank, first Ref) for a first-level branch named after a bank or
    group that the text names only with its legal form (甲乙银行丙省分行 of 甲乙银行股份有限公司,
    four characters or more before the form), when no other name placed the branch."""
    for parent in orgs:
        m = _PARENT_LEGAL_FORM.search(parent.label) if parent.type == EntityType.COMPANY else None
        if m is None or m.start() < 4:
            continue
        stem = parent.label[:m.start()]
        for child in orgs:
            rest = child.label[len(stem):]
            if child.label.startswith(stem) and child.label in first_ref and child.label not in placed \
                    and len(rest) > 2 and rest.endswith(_FIRST_LEVEL) and not _LEGAL_FORM_START.match(rest):
                yield RelationType.SUB_ORGANIZATION_OF, child, parent, first_ref[child.label]


def _by_name(names: list[tuple[str, Entity]]) -> dict[str, list[tuple[str, Entity]]]:
    """The (name, entity) pairs of each name, in their order in `names`."""
    out: dict[str, list[tuple[str, Entity]]] = {}
    for pair in names:
        out.setdefault(pair[0], []).append(pair)
    return out


def _names_opening(label: str, by_name: dict[str, list[tuple[str, Entity]]]) -> Iterator[tuple[str, Entity]]:
    """The (name, entity) pairs whose name of two characters or more opens label, longest
    first: a lookup per prefix length rather than a test of every name."""
    for size in range(len(label), 1, -1):
        yield from by_name.get(label[:size], ())


def _name_relation(child: Entity, name: str, parent: Entity, orgs: list[Entity]):
    """(relation, subject, object) that `child`'s label, beginning with `name` (of `parent`),
    states; None when it states none."""
    rest = child.label[len(name):]
    # A bare two-character head (甲集团公司, 甲银行分行) is the body itself or no name of a unit;
    # a longer one (甲法院执行局, 甲局办公室) is the unit.
    # 某市人民政府国有资产监督管理委员会 is a commission of its own rank, named after the government
    if child.type in ORG_TYPES and (rest not in branch_suffixes() or len(rest) > 2) \
            and rest.endswith(branch_suffixes()) and not _LEGAL_FORM.match(rest) \
            and rest not in load_set("government_organs.txt"):
        return RelationType.SUB_ORGANIZATION_OF, child, regional_parent(child, name, orgs) or parent
    if child.type == EntityType.PROGRAM and (rest.startswith("关于") or _JOINT_TITLE.match(rest)
                                             or _stacked_body(rest, orgs)):
        return RelationType.ISSUED, parent, child
    if child.type == EntityType.PROJECT and name == parent.label and len(rest) >= 2:
        return RelationType.DEVELOPS, parent, child
    return None


# 甲集团有限公司 is 甲集团 itself, not a unit of it.
_LEGAL_FORM = regex("^(?:集团)?(?:股份)?有限(?:责任)?公司$|^股份公司$")

# A title that two bodies publish: 甲公司与乙银行(关于)…联合公告 / …的通知.
_JOINT_TITLE = regex(rf"^(?:与|和|、)[{CJK}（）()]{{2,}}?(?:关于|(?:公告|通知|通告|决定|意见)$)")


def joint_issuer(child: Entity, name: str, names: list[tuple[str, Entity]]) -> Entity | None:
    """The second body of a joint title (甲公司与乙银行…联合公告: 乙银行), or None."""
    rest = child.label[len(name):]
    if _JOINT_TITLE.match(rest):
        rest = rest[1:]
    elif not _stacked_body(rest, [e for _, e in names]):
        return None
    return next((e for n, e in names if rest.startswith(n) and e.label != child.label), None)


def _stacked_body(rest: str, orgs: list[Entity]) -> bool:
    """A headline's second issuer written right after the first (甲厅 乙委关于…的通知):
    `rest` is a body's name followed by 关于."""
    return any(rest.startswith(n) and rest[len(n):].startswith("关于")
               for e in orgs for n in {e.label, *e.aliases} if len(n) >= 2)



def title_program_issuers(names: list[Ref], issuers: list[Ref], text: str) -> list[tuple[Ref, Ref]]:
    """(issuer, program) for each body a notice's title line opens with (`issuers`, see
    clause.title_issuers) and the title after them: 甲局 乙局关于…的通知 is issued by both."""
    if not issuers:
        return []
    after = next((r for r in names if r.start >= issuers[-1].end), None)
    if after is None or after.type != EntityType.PROGRAM or text[issuers[-1].end:after.start].strip():
        return []
    return [(issuer, after) for issuer in issuers]
