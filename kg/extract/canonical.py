"""Canonical names of organisations: the full official name with the full jurisdiction.

`read_context` finds an article's home city and province (the places it names most);
`canonical_org` runs the steps of `ORG_NAME_STEPS` over a mention of an agency or
organisation: 省发改委 in a story from 黑龙江 → 黑龙江省发展和改革委员会.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from . import places
from .agencies import abbreviations, national_names, national_official_names, standard_bodies
from ..lexicon import load_regex, load_set, load_table
from ..model import EntityType, Mention

FISCAL_LEVEL = re.compile(r"^(.{0,6}?)(自治区|[省市区县])(?:本?级)?财政$")
BUREAU_DEPARTMENT = re.compile(r"(?<=[局委厅办])部门$")


@dataclass
class Context:
    """What an article says about where it is: used to fill in 省/市/区 short forms."""
    home_city: str | None
    home_province: str | None
    places_seen: list[tuple[int, places.PlaceInfo]] = field(default_factory=list)
    bodies_named: list[tuple[int, str, str]] = field(default_factory=list)    # (start, place, body) of agencies
    paper_places: frozenset[int] = frozenset()      # starts of places that name a paper (甲市日报)

    def nearest(self, level: str, pos: int) -> places.PlaceInfo | None:
        """The last place of this level named before pos (or the home one)."""
        before = self.named_before(level, pos)
        return before[-1] if before else None

    def named_before(self, level: str, pos: int) -> list[places.PlaceInfo]:
        """The places of this level named before pos, in document order."""
        starts, infos = self.by_level.get(level, ((), ()))
        return infos[:bisect.bisect_left(starts, pos)]

    @cached_property
    def by_level(self) -> dict[str, tuple[list[int], list[places.PlaceInfo]]]:
        """Level -> starts and places of places_seen (in document order), so that nearest()
        bisects instead of rescanning the document's places."""
        out: dict[str, tuple[list[int], list[places.PlaceInfo]]] = {}
        for start, info in self.places_seen:
            starts, infos = out.setdefault(info.level, ([], []))
            starts.append(start)
            infos.append(info)
        return out

    @cached_property
    def place_context(self) -> set[str]:
        """The full names of every place seen, the context for choosing among namesakes."""
        return places.expand_places(p.name for _, p in self.places_seen)


# the levels a place's short name may be written with (某某|县: an autonomous county written short)
_LEVELS = "县市区州旗"


def own_places(name: str) -> tuple[list[str], str]:
    """split_jurisdiction, but a place outside the one before it opens the trade name
    (某省|北辰精铸: 北辰 is a district of another province)."""
    prefix, rest = split_jurisdiction(name)
    for i in range(1, len(prefix)):
        if not inside(prefix[i], prefix[i - 1]):
            return prefix[:i], "".join(prefix[i:]) + rest
    if prefix and rest[:1] in _LEVELS and prefix[-1][-1] not in _LEVELS:
        # 某某|县甲乙…: a short form written with its level (an autonomous county's short name and 县)
        prefix, rest = prefix[:-1] + [prefix[-1] + rest[0]], rest[1:]
    return prefix, rest


def inside(place: str, outer: str) -> bool:
    """Whether a place name can stand for a division within the one named before it."""
    full = places.expand_place(outer)
    return any(full in (info.parent, info.province) or info.name == full for info in places.lookup_places(place))


_MEDIA = re.compile("日报|晚报|都市报|新闻网|广播电视台|融媒体")    # 甲市日报: a place that names a paper


def _places_named(mentions: list[Mention]) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """(start, place) of the places named, in organisation names too; (start, place, body) of agencies."""
    named: list[tuple[int, str]] = []
    bodies: list[tuple[int, str, str]] = []
    for m in mentions:
        if m.type == EntityType.PLACE:
            named.append((m.start, m.text))
        elif m.type == EntityType.COMPANY:
            # 甲县乙湖湾水产有限公司 (乙湖 a county elsewhere): a place outside the one before it is the company's brand, and
            # so is a city whose bank lends elsewhere (甲市银行乙县支行)
            prefix, rest = own_places(m.text)
            named.extend((m.start, p) for p in prefix if not rest.startswith(_BANK))
        elif m.type in (EntityType.AGENCY, EntityType.ORGANIZATION):
            prefix, body = split_jurisdiction(m.text[2:] if m.text.startswith("中共") else m.text)
            named.extend((m.start, p) for p in prefix)
            if prefix and m.type == EntityType.AGENCY:
                bodies.append((m.start, prefix[-1], body))
    return named, bodies


def read_context(mentions: list[Mention], text: str) -> Context:
    """Home city and province: the ones the article names most, counting the places that
    open organisation names too (a county counts half for its city)."""
    named, bodies = _places_named(mentions)
    context = places.expand_places(n for _, n in named)
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    seen = []
    for start, name in named:
        info = places.choose_place(list(places.lookup_places(name)), context)
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
    papers = frozenset(m.start for m in mentions if m.type == EntityType.PLACE and _MEDIA.match(text, m.end))
    return Context(city, province, seen, bodies, papers)


def country_prefix(name: str) -> str:
    m = load_regex("countries.txt").match(name)
    return m.group() if m else ""


def split_jurisdiction(name: str) -> tuple[list[str], str]:
    """Leading place names and the rest: '哈市南岗区执法局' -> (['哈市', '南岗区'], '执法局')."""
    prefix, rest = _split_jurisdiction(name)
    return list(prefix), rest


@lru_cache(maxsize=1 << 16)      # each name is split by several steps and passes
def _split_jurisdiction(name: str) -> tuple[tuple[str, ...], str]:
    prefix = []
    rest = name
    while rest:
        # the longest place name (of two to eight characters) that opens the rest, leaves some
        # of it and is no street's (某某路)
        size = next((k for k in reversed(place_name_sizes(rest)) if 2 <= k < len(rest) and rest[k] not in "路街"),
                    None)
        if size is None:
            break
        prefix.append(rest[:size])
        rest = rest[size:]
    return tuple(prefix), rest


def place_name_sizes(text: str) -> list[int]:
    """Lengths of the place names (every form expand_place knows) that open text, up to eight
    characters, shortest first: one walk of the gazetteer's trie rather than a lookup per length."""
    node, sizes = places.load_gazetteer().trie, []
    for size, ch in enumerate(text[:8], 1):
        node = node.get(ch)
        if node is None:
            break
        if "" in node:
            sizes.append(size)
    return sizes


LAW_TITLE = re.compile(r"(?:条例|法)$")


def local_regulation(short: str, longer: str) -> bool:
    """Whether `longer` is a place's own law of the title `short` (某省物业管理条例 beside
    the State Council's 物业管理条例): two documents, not one written short."""
    places_, rest = split_jurisdiction(longer)
    return bool(places_) and rest == short and bool(LAW_TITLE.search(short))


Result = tuple[str, str | None]       # (canonical name, label of its jurisdiction)
CITY_BODIES = ("市委", "市政府", "市人民政府")
_BANK = "银行"
SHORT_FORM_LEVELS = {"省": "province", "市": "city", "盟": "city", "区": "county", "县": "county"}


def national_body(name: str, pos: int, ctx: Context) -> str | Result:
    """国家发改委 -> 国家发展和改革委员会; 工业和信息化部 is the ministry, in any city's story."""
    if name in national_names():
        return national_names()[name], None
    return (name, None) if name in national_official_names() else name


def department_is_bureau(name: str, pos: int, ctx: Context) -> str | Result:
    """民政局部门 is the bureau itself; 人社部门 is the 人社局 (but 职能部门 stays)."""
    name = BUREAU_DEPARTMENT.sub("", name)
    return name[:-2] + "局" if name.endswith("部门") and not name.endswith("职能部门") else name


def fiscal_level(name: str, pos: int, ctx: Context) -> str | Result:
    """市级财政 / 省本级财政 / 自治区财政 / 上海市级财政: the finance bureau of that level (市财政局,
    上海市财政局)."""
    level = FISCAL_LEVEL.match(name)
    if not level:
        return name
    return level.group(1) + level.group(2) + "财政局"


def foreign_body(name: str, pos: int, ctx: Context) -> str | Result:
    """美国财政部: a foreign body keeps its own name and has no jurisdiction of ours."""
    return (name, None) if country_prefix(name) else name


def with_jurisdiction(name: str, pos: int, ctx: Context) -> str | Result:
    """省发改委 -> 黑龙江省发展和改革委员会: the jurisdiction named, or given by a 省/市/区/县
    short form (the nearest one named before), or the home city of a bare standard body."""
    party = name.startswith("中共")
    prefix, body = split_jurisdiction(name[2:] if party else name)
    # 某某|县农业农村局: an autonomous county written short with its level is no institution's name
    county_short = bool(prefix) and body[:1] in "县旗" and (places.expand_place(prefix[-1]) or "").endswith(body[:1])
    if county_short:
        body = body[1:]
    elif names_institution(prefix):
        return as_written(name, body), None
    own = places.expand_places(prefix)
    juris = [info for p in prefix
             if (info := places.choose_place(list(places.lookup_places(p)), ctx.place_context, own))]
    if juris and juris[-1].level == "city" and body.startswith(CITY_BODIES):
        body = body[1:]       # 某市市委
    body = region_as_province(body, juris, ctx, pos)
    if opens_with_short_form(body, juris):
        short, body = body[0], body[1:]
        juris = [j for j in juris + [same_body_place(short, body, pos, ctx)] if j]
        if not juris:
            return as_written(name, body, short), None
    elif not juris and (body in abbreviations() or body in standard_bodies()):
        juris.extend(home_of_bare_body(body, ctx))
    if not juris:
        return as_written(name, body), None
    return official_name(party, body, juris[-1]), juris[-1].name


# Steps of `canonical_org`, in order: each takes (name, pos, ctx) and returns either the name
# rewritten for the next step or the final (name, jurisdiction label).
ORG_NAME_STEPS = (("national body", national_body), ("department is its bureau", department_is_bureau),
                  ("fiscal level", fiscal_level), ("foreign body", foreign_body),
                  ("jurisdiction", with_jurisdiction))


def canonical_org(name: str, pos: int, ctx: Context) -> Result:
    """Full official name of an agency/organisation mention and its jurisdiction's label,
    by the steps of ORG_NAME_STEPS.

    canonical_org('省发改委', …home 黑龙江省) -> ('黑龙江省发展和改革委员会', '黑龙江省')."""
    for _, step in ORG_NAME_STEPS:
        done = step(name, pos, ctx)
        if isinstance(done, tuple):
            return done
        name = done
    raise AssertionError("the last step of ORG_NAME_STEPS always settles")


JURISDICTION_SUFFIXES = "省市县区州旗盟"


def names_institution(prefix: list[str]) -> bool:
    """吉林大学, 长春师范大学: a place's short name is part of a proper name, kept as written; so is a
    nickname (齐鲁先进光电研究院), but not an abbreviation of a city (哈市财政局)."""
    aliases = places.load_gazetteer().alias_to_full
    return any(places.expand_place(p) != p and (p not in aliases or p[-1] not in JURISDICTION_SUFFIXES)
               for p in prefix)


def as_written(name: str, body: str, short: str = "") -> str:
    """The name as written up to its body (and a short form before it), the body official."""
    return name[:len(name) - len(body) - len(short)] + short + expand_body(body)


def home_of_bare_body(body: str, ctx: Context) -> list[places.PlaceInfo]:
    """A bare standard body is the home city's, a 厅 the home province's (a city has no 厅)."""
    home = ctx.home_province if body.endswith("厅") else ctx.home_city
    place = places.lookup_place(home) if home else None
    return [place] if place else []


def region_as_province(body: str, juris: list[places.PlaceInfo], ctx: Context, pos: int) -> str:
    """自治区财政厅 in a story at home in an autonomous region: 自治区 is its province-level
    short form, read as 省 is; 自治州/州商务局 after an autonomous prefecture is its 市."""
    if not juris and body.startswith("自治区") and len(body) > 4 and (ctx.home_province or "").endswith("自治区"):
        return "省" + body[3:]
    short = next((s for s in ("自治州", "州") if body.startswith(s)), "")
    near = ctx.nearest("city", pos)
    if not juris and short and len(body) > len(short) + 1 and near and near.name.endswith("州") \
            and not near.name.endswith("州市"):
        return "市" + body[len(short):]
    return body


def opens_with_short_form(body: str, juris: list[places.PlaceInfo]) -> bool:
    """Whether the body opens with a 省/市/区/县 short form of a jurisdiction not yet named:
    not 市场, not 市 after a city (某市|市委 was cut before), nothing inside a county."""
    if len(body) < 2 or body[0] not in SHORT_FORM_LEVELS \
            or body.startswith(tuple(load_set("jurisdiction_lookalikes.txt"))):
        return False
    if not juris:
        return True
    level = juris[-1].level
    return (body[0] != "市" or level != "city") and level != "county"


def same_body_place(short: str, body: str, pos: int, ctx: Context) -> places.PlaceInfo | None:
    """市农业农村局 after 甲市农业农村局 (甲市 a county-level city too): the place the same body was named
    with before, if the story named no city before but in a paper's name (乙市日报); else short_form_place."""
    starts = ctx.by_level.get("city", ((), ()))[0]
    named = [place for start, place, named_body in ctx.bodies_named
             if start < pos and named_body == body and place.endswith(short)]
    if not named or any(start not in ctx.paper_places for start in starts[:bisect.bisect_left(starts, pos)]):
        return short_form_place(short, pos, ctx)
    return places.lookup_place(named[-1])


def short_form_place(short: str, pos: int, ctx: Context) -> places.PlaceInfo | None:
    """The place a short form stands for: 省 the home province, 市 the nearest city (or county-level
    city) named before pos (or the home city), else the nearest place of its level named with it."""
    if short == "省" and ctx.home_province:
        return places.lookup_place(ctx.home_province)
    if short == "市":
        near = ctx.nearest("city", pos)
        # 甲市 (a county-level city)…市财政局: the one county-level city a story names, and no city
        # before it, is its 市 (not 我市尚志市、五常市: two of them are parts of the paper's city)
        county_cities = {p.name for p in ctx.named_before("county", pos) if p.name.endswith("市")}
        if near is None and len(county_cities) == 1:
            return places.lookup_place(county_cities.pop())
        city = near.name if near else ctx.home_city
        return places.lookup_place(city) if city else None
    near = ctx.nearest(SHORT_FORM_LEVELS[short], pos)
    return near if near and near.name.endswith(short) else None


def official_name(party: bool, body: str, place: places.PlaceInfo) -> str:
    """The official name of a body of a place: Party committees are 中共X市委员会 and
    中共X市委…; a provincial bureau is a 厅; a district carries its city's name."""
    if body.startswith("委") and (body == "委" or body[1:] in abbreviations()):
        body = "委员会" if body == "委" else "委" + abbreviations()[body[1:]]
        party = True
    else:
        body = expand_body(body)
        party = party or body in load_set("party_bodies.txt")
    # 省财政局 is 省财政厅; a municipality (重庆市, a province-level 市) keeps its 局
    if place.level == "province" and not place.name.endswith("市") and body.endswith("局") \
            and body[:-1] in load_set("province_bureaus.txt"):
        body = body[:-1] + "厅"
    if body in load_set("government_organs.txt") or expand_body(body) in load_set("government_organs.txt"):
        body = "人民政府" + expand_body(body)   # 某市国资委 is the city government's organ
    head = place.name
    if place.level == "county" and place.name.endswith("区") and place.parent:
        head = place.parent + place.name      # district names repeat across cities
    return ("中共" if party else "") + head + body


@lru_cache(maxsize=1 << 16)      # a pure function of the body, read for most agencies
def expand_body(body: str) -> str:
    """Official form of an agency body: '执法局' -> '综合行政执法局',
    '高新区管委会' -> '高新技术产业开发区管理委员会'."""
    table = abbreviations()
    if body in table:
        return table[body]
    for short, full in long_abbreviations():
        if short in body and full not in body:
            body = body.replace(short, full, 1)     # 高新区管委会: each abbreviation once
    return body


@lru_cache(maxsize=None)
def long_abbreviations() -> tuple[tuple[str, str], ...]:
    """(short, full) of the agency abbreviations of three characters or more, longest first:
    sorted once rather than at each expand_body."""
    table = abbreviations()
    return tuple((short, table[short]) for short in sorted(table, key=len, reverse=True) if len(short) >= 3)


BRANCH_LEVELS = {"省": "分行", "市": "分行", "州": "分行", "盟": "分行", "县": "支行", "区": "支行", "旗": "支行"}


@lru_cache(maxsize=1 << 16)      # names repeat in a document and across a corpus's
def full_company_name(name: str) -> str:
    """A company named by a standard short form gets its full name: '农行某分行' -> '中国农业银行某分行',
    '某省交投集团' -> '某省交通投资集团'."""
    for short, full in company_abbreviations_longest_first():
        place = name[:-len(short)]
        if name.endswith(short) and len(place) > 1 and place[-1] in BRANCH_LEVELS and full.endswith("银行"):
            return full + place + BRANCH_LEVELS[place[-1]]        # 某市农发行: the bank's city branch
        if name.startswith(short) and not name.startswith(full):
            name = full + name[len(short):]
            break
    name = _province_branch(name)
    for pattern, full in company_infixes():
        m = pattern.search(name)
        if m and full not in name:
            name = name[:m.start()] + full + name[m.end():]
    return name


@lru_cache(maxsize=None)
def company_infixes() -> tuple[tuple[re.Pattern, str], ...]:
    """(short form, full form) of company_infix_abbrev.tsv, the short form as a regex: one of two
    characters stands before the company's head (某工投集团), not inside a word (资产投资); a
    longer one (农商银行) is a word of its own."""
    return tuple((re.compile(re.escape(short) + ("(?=集团|公司|控股|有限|$)" if len(short) == 2 else "")), full)
                 for short, full in load_table("company_infix_abbrev.tsv", 2))


def _province_branch(name: str) -> str:
    """国家开发银行黑龙江分行 is its 黑龙江省分行: a bank's branch named by a province's short name."""
    if not name.endswith("分行"):
        return name
    for size in (3, 2):
        short = name[-2 - size:-2]
        infos = list(places.lookup_places(short)) if len(short) == size else []
        # 吉林分行 may be the city's (吉林市): only a name that is a province's alone
        if len(infos) == 1 and infos[0].level == "province" and infos[0].name != short \
                and infos[0].name.startswith(short):
            return name[:-2 - size] + infos[0].name + "分行"
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


@lru_cache(maxsize=None)
def company_abbreviations_longest_first() -> tuple[tuple[str, str], ...]:
    """company_abbreviations longest short form first, sorted once for full_company_name."""
    return tuple(sorted(company_abbreviations().items(), key=lambda kv: -len(kv[0])))
