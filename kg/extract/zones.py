"""Zones a story names (某某经济技术开发区, 某新区) and the bodies written after them short:
a declared short name (某某新区（以下简称“某新区”）) or a zone's generic head alone (经开区管委会,
开发区党工委) stands for the one zone of that kind the story names; 党工委 is the Party's working
committee of the zone (中共某某经济技术开发区工作委员会).
"""
from __future__ import annotations

from ..lexicon import load_tagged
from ..model import EntityType, Mention

_PARTY, _PARTY_COMMITTEE, _WORKING_COMMITTEE = "中共", "党工委", "工作委员会"
_ZONE_WORD = "开发区"       # 开发区管委会: any development zone's head ends with it


def story_zones(mentions: list[Mention], declared: dict[str, Mention]) -> dict[str, str]:
    """Short form -> full name of a zone: each declared short name of a place, and each zone
    head (经济技术开发区, 开发区) that exactly one zone the story names ends with."""
    zones = {s: full.text for s, full in declared.items() if full.type == EntityType.PLACE and s != full.text}
    named = {m.text for m in mentions if m.type == EntityType.PLACE}
    for head in (*load_tagged("zone_heads.tsv", "agency"), _ZONE_WORD):
        own = [z for z in named if z.endswith(head) and z != head]
        if len(own) == 1:
            zones.setdefault(head, own[0])
    return zones


def with_full_zone(label: str, zones: dict[str, str]) -> str:
    """某新区管委会 after 某某新区（以下简称“某新区”）: the body of the place is named with its full
    name; 某开发区党工委 is 中共某开发区工作委员会."""
    party = label.endswith(_PARTY_COMMITTEE)
    body = label.removeprefix(_PARTY)
    for short, full in zones.items():
        if body.startswith(short) and len(body) > len(short) and not body.startswith(full):
            body = full + body[len(short):]
            break
    if party:
        return _PARTY + body[:-len(_PARTY_COMMITTEE)] + _WORKING_COMMITTEE
    return _PARTY + body if label.startswith(_PARTY) else body
