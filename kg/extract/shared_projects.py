"""Which parties of two lists go together: all the projects a phrase says share a builder
(甲项目、乙项目…，两个项目均由丙公司负责建设: 丙 develops both), or each with each when the text
says 分别 (甲公司、乙公司分别签订了丙项目、丁项目协议: 甲 丙, 乙 丁)."""
from __future__ import annotations

import re

from .clause import PH, Masked, Ref, coordinated, project_of_phrase
from ..cache import regex
from ..model import EntityType

# 均/都 right before the phrase, maybe after the projects' count (两个项目均, 上述项目都).
_SHARED = regex(r"(?:均|都|全部|皆)$")


def projects_of_phrase(masked: Masked, start: int, end: int, fallback: Ref | None) -> list[Ref]:
    """project_of_phrase's project, with the projects listed with it when the text right before
    the phrase says they all share it (均由, 都由)."""
    project = project_of_phrase(masked, start, end, fallback)
    if project is None:
        return []
    if project in masked.refs and _SHARED.search(masked.text[:start]):
        return coordinated(masked, project)
    return [project]


def party_pairs(m: re.Match, subjects: list[Ref], objects: list[Ref]) -> list[tuple[Ref, Ref]]:
    """(subject, object) pairs a template match `m` states. With 分别 between its subjects and
    objects and two lists of one length, the n-th subject with the n-th object; with 分别 before
    what the subjects each do to a list of another length (甲、乙分别签订丙项目: a list the names
    were lost from), none; else, as after 分别与 (甲、乙分别与丙签约), every subject with every object."""
    between = _between(m)
    at = between.find("分别")
    if at < 0 or len(subjects) < 2:
        return [(s, o) for s in subjects for o in objects]
    if len(subjects) == len(objects):
        return list(zip(subjects, objects))
    if between.startswith(_PREPOSITIONS, at + 2):
        return [(s, o) for s in subjects for o in objects]
    return []


def _between(m: re.Match) -> str:
    """The text of a match between its subjects and its objects (either first); '' without both."""
    if "S" not in m.re.groupindex or "O" not in m.re.groupindex:
        return ""
    return m.string[m.end("S"):m.start("O")] if m.end("S") <= m.start("O") else m.string[m.end("O"):m.start("S")]


# 分别 then a preposition: each subject acts on the same object (分别与丙签约, 分别向丙提供).
_PREPOSITIONS = ("与", "和", "同", "跟", "向", "为", "对", "给")


_SIGNED = regex(rf"({PH})(?:与|和|同)({PH})(?:正式|成功)?(?:签约|签订|签署)了?"
                rf"[^\ue000-\uf8ff，,。；;！？!?]{{0,12}}?({PH})")
_INVESTS = regex("投资")
# 1　甲公司　乙项目　260: a body and its project in neighbouring cells of a row.
_ROW_PAIR = regex(rf"({PH})(?=\s+({PH}))")      # overlapping: 甲区　乙公司　丙项目


def signed_developers(masked: Masked, context: str) -> list[tuple[Ref, Ref]]:
    """(company, project) for a project signed between a body and one company, when `context`
    (the sentence and the next) states an investment: 甲区政府与乙公司签约丙项目。项目总投资5亿元
    -> (乙公司, 丙项目)."""
    if not _INVESTS.search(context):
        return []
    out = []
    for m in _SIGNED.finditer(masked.text):
        pair = masked.refs_in(m.group(1) + m.group(2))
        project = masked.refs_in(m.group(3))[0]
        companies = [r for r in pair if r.type == EntityType.COMPANY]
        if project.type == EntityType.PROJECT and len(companies) == 1:
            out.append((companies[0], project))
    return out


def row_developers(masked: Masked) -> list[tuple[Ref, Ref]]:
    """(body, project) for a table row that names a company or organisation and then its
    project, apart by a gap (2　甲公司　乙技改项目　150)."""
    out = []
    for m in _ROW_PAIR.finditer(masked.text):
        body, project = masked.refs_in(m.group(1) + m.group(2))
        if body.type in (EntityType.COMPANY, EntityType.ORGANIZATION) and project.type == EntityType.PROJECT:
            out.append((body, project))
    return out
