"""Which parties of two lists go together: all the projects a phrase says share a builder
(甲项目、乙项目…，两个项目均由丙公司负责建设: 丙 develops both), or each with each when the text
says 分别 (甲公司、乙公司分别签订了丙项目、丁项目协议: 甲 丙, 乙 丁)."""
from __future__ import annotations

import re

from .clause import Masked, Ref, coordinated, project_of_phrase

# 均/都 right before the phrase, maybe after the projects' count (两个项目均, 上述项目都).
_SHARED = re.compile(r"(?:均|都|全部|皆)$")


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
