"""The projects a phrase without a named project tells of, when it says they share it:
甲项目、乙项目分别获得…，两个项目均由丙公司负责建设 (丙 develops both)."""
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
