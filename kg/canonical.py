"""Canonical names of organisations: the full official name with the full jurisdiction.

`read_context` finds an article's home city and province (the places it names most);
`canonical_org` runs the steps of `ORG_NAME_STEPS` over a mention of an agency or
organisation: 省发改委 in a story from 黑龙江 → 黑龙江省发展和改革委员会.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from . import places
from .agencies import abbreviations, national_names, national_official_names, standard_bodies
from .lexicon import load_regex, load_set, load_table
from .model import EntityType, Mention

FISCAL_LEVEL = re.compile(r"^[省市区县]本?级财政$")
BUREAU_DEPARTMENT = re.compile(r"(?<=[局委厅办])部门$")


@dataclass
class Context:
    """What an article says about where it is: used to fill in 省/市/区 short forms."""
    home_city: str | None
    home_province: str | None
    places_seen: list[tuple[int, places.PlaceInfo]] = field(default_factory=list)

    def nearest(self, level: str, pos: int) -> places.PlaceInfo | None:
        """The last place of this level named before pos (or the home one)."""
        best = None
        for start, info in self.places_seen:
            if start >= pos:
                break
            if info.level == level:
                best = info
        return best


def read_context(mentions: list[Mention]) -> Context:
    """Home city and province: the ones the article names most, counting the places that
    open organisation names too (a county counts half for its city)."""
    named: list[tuple[int, str]] = []
    for m in mentions:
        if m.type == EntityType.PLACE:
            named.append((m.start, m.text))
        elif m.type in (EntityType.AGENCY, EntityType.ORGANIZATION, EntityType.COMPANY):
            prefix, _ = split_jurisdiction(m.text[2:] if m.text.startswith("中共") else m.text)
            named.extend((m.start, p) for p in prefix)
    names = [n for _, n in named]
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    seen = []
    for start, name in named:
        info = places.lookup_place(name, names)
        if info is None:
            continue
        seen.append((start, info))
        provinces[info.province] += 1
        if info.level == "city":
            cities[info.name] += 1
        elif info.level == "county" and info.parent:
            cities[info.parent] += 0.5
    city = cities.most_common(1)[0][0] if cities else None
    province = None
    if city:
        info = places.lookup_place(city)
        province = info.province if info else None
    if province is None and provinces:
        province = provinces.most_common(1)[0][0]
    return Context(city, province, seen)


def country_prefix(name: str) -> str:
    m = load_regex("countries.txt").match(name)
    return m.group() if m else ""


def split_jurisdiction(name: str) -> tuple[list[str], str]:
    """Leading place names and the rest: '哈市道里区执法局' -> (['哈市', '道里区'], '执法局')."""
    prefix = []
    rest = name
    while rest:
        for size in range(min(len(rest) - 1, 8), 1, -1):
            if places.expand_place(rest[:size]) and (size == len(rest) or not rest[size] in "路街"):
                prefix.append(rest[:size])
                rest = rest[size:]
                break
        else:
            break
    return prefix, rest


def canonical_org(name: str, pos: int, ctx: Context) -> tuple[str, str | None]:
    """Full official name of an agency/organisation mention and its jurisdiction's label.

    canonical_org('省发改委', …home 黑龙江省) -> ('黑龙江省发展和改革委员会', '黑龙江省')."""
    if name in national_names():
        return national_names()[name], None
    if name in national_official_names():
        return name, None        # 工业和信息化部 is the ministry, in any city's story
    name = BUREAU_DEPARTMENT.sub("", name)       # 民政局部门 is the bureau itself
    if name.endswith("部门") and not name.endswith("职能部门"):
        name = name[:-2] + "局"                  # 人社部门 is the 人社局
    if FISCAL_LEVEL.match(name):
        return canonical_org(name[0] + "财政局", pos, ctx)
    if country_prefix(name):
        return name, None       # 美国财政部: a foreign body keeps its own name
    party = name.startswith("中共")
    core = name[2:] if party else name
    prefix, body = split_jurisdiction(core)
    if any(places.expand_place(p) != p and p not in places.load_gazetteer().alias_to_full for p in prefix):
        # 黑龙江大学, 哈尔滨学院: a short place name is part of a proper name, kept as written
        return name[:len(name) - len(body)] + expand_body(body), None
    juris: list[places.PlaceInfo] = []
    names_seen = [p.name for _, p in ctx.places_seen] + prefix
    for p in prefix:
        info = places.lookup_place(p, names_seen)
        if info:
            juris.append(info)
    if juris and juris[-1].level == "city" and body.startswith(("市委", "市政府", "市人民政府")):
        body = body[1:]       # 哈尔滨市市委
    if body[:1] in "省市区县" and len(body) > 1 and not body.startswith(tuple(load_set("jurisdiction_lookalikes.txt"))) \
            and (not juris or body[0] != "市" or juris[-1].level != "city") \
            and not (juris and juris[-1].level == "county"):      # 某县|市山镇: no city inside a county
        short, body = body[0], body[1:]
        level = {"省": "province", "市": "city", "区": "county", "县": "county"}[short]
        if short == "省" and ctx.home_province:
            juris.append(places.lookup_place(ctx.home_province))
        elif short == "市":
            near = ctx.nearest("city", pos)
            city = near.name if near else ctx.home_city
            if city:
                juris.append(places.lookup_place(city))
        else:
            near = ctx.nearest(level, pos)
            if near and near.name.endswith(short):
                juris.append(near)
        juris = [j for j in juris if j]
        if not juris:
            return name[:len(name) - len(body) - 1] + short + expand_body(body), None
    elif not juris and (body in abbreviations() or body in standard_bodies()) and ctx.home_city:
        juris.append(places.lookup_place(ctx.home_city))
    if not juris:
        return name[:len(name) - len(body)] + expand_body(body), None
    place = juris[-1]
    # 市委 / 市委编办: Party committees are named 中共X市委员会 and 中共X市委…
    if body.startswith("委") and (body == "委" or body[1:] in abbreviations()):
        body = "委员会" if body == "委" else "委" + abbreviations()[body[1:]]
        party = True
    else:
        body = expand_body(body)
        party = party or body in load_set("party_bodies.txt")
    if place.level == "province" and body.endswith("局") and body[:-1] in load_set("province_bureaus.txt"):
        body = body[:-1] + "厅"               # 省财政局 is 省财政厅
    head = place.name
    if place.level == "county" and place.name.endswith("区") and place.parent:
        head = place.parent + place.name      # district names repeat across cities
    return ("中共" if party else "") + head + body, place.name


def expand_body(body: str) -> str:
    """Official form of an agency body: '执法局' -> '综合行政执法局',
    '高新区管委会' -> '高新技术产业开发区管理委员会'."""
    table = abbreviations()
    if body in table:
        return table[body]
    for short in sorted(table, key=len, reverse=True):
        full = table[short]
        if len(short) >= 3 and short in body and full not in body:
            body = body.replace(short, full, 1)     # 高新区管委会: each abbreviation once
    return body


def full_company_name(name: str) -> str:
    """A company named by a standard short form gets its full name: '农行某分行' -> '中国农业银行某分行',
    '某省交投集团' -> '某省交通投资集团'."""
    for short, full in sorted(company_abbreviations().items(), key=lambda kv: -len(kv[0])):
        if name.startswith(short) and not name.startswith(full):
            name = full + name[len(short):]
            break
    for short, full in load_table("company_infix_abbrev.tsv", 2):
        if short in name and full not in name:
            name = name.replace(short, full, 1)
    return name


def company_with_jurisdiction(name: str, pos: int, ctx: Context) -> str:
    """省交投集团 in a story from 黑龙江 is 黑龙江省交投集团: a state company named by 省/市."""
    if name[:1] in "省市" and not name.startswith(tuple(load_set("jurisdiction_lookalikes.txt"))):
        place = ctx.home_province if name[0] == "省" else (ctx.nearest("city", pos) or
                                                           places.lookup_place(ctx.home_city or ""))
        full = place if isinstance(place, str) else place.name if place else None
        if full:
            return full + name[1:]
    return name


@lru_cache(maxsize=None)
def company_abbreviations() -> dict[str, str]:
    return dict(load_table("company_abbrev.tsv", 2))
