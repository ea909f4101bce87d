"""Parts of company names: the distinctive core (长春星河光电科技有限公司 -> 星河光电), the
short forms a story uses for it, and the parent of a branch."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import places
from .canonical import own_places, split_jurisdiction
from ..cache import regex
from ..lexicon import alternation, load_set, load_table, load_tagged
from ..model import EntityType, Mention
from .segment import cut_words, tag_words
COMPANY_TAIL = regex(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|集团|公司)$")
LEGAL_FORM_INSIDE = regex(r"股份有限公司|有限责任公司|有限公司")
REGISTERED = regex(r"有限(?:责任)?公司$")
BRACKETED_TAIL = regex(r"[(（]([^()（）]{2,8})[)）]$")
PARTNERSHIP = regex(r"[(（]有限合伙[)）]$")
# the head of a partnership's name before (有限合伙): 某某天使投资中心, 某某合伙企业
_PARTNERSHIP_HEAD = regex("(?:合伙企业|企业|中心)$")


@lru_cache(maxsize=None)
def industry_tail() -> re.Pattern:
    """Trade words between a company's core name and its legal form (信息技术, 机械, 房地产开发)."""
    words = load_set("company_industry_words.txt")
    return regex("(?:" + alternation(words) + ")+$")


def is_distinctive(core: str) -> bool:
    """Whether a short name is a name rather than a phrase: jieba cannot cut it into
    dictionary words alone (瑞禾丰 → 瑞/禾/丰 is; 资产经营 → 资产/经营 is not)."""
    return any(len(w) == 1 for w in cut_words(core))


def short_forms(name: str) -> list[str]:
    """Names a registered company goes by in a story: its distinctive core and a near-miss of
    it (北辰瑞达, 辰瑞达 for 长春北辰瑞达信息技术有限公司), and its brand with its trade cut
    to two characters (泰和配件 for 长春泰和汽车配件有限公司, 星河新材 for …星河新材料…)."""
    core = company_core(name)
    forms = []
    if is_distinctive(core) or split_jurisdiction(core)[0]:       # 北辰精铸: a place opens it, a name
        forms += [f for f in (core, core[1:] if len(core) >= 4 else "") if len(f) >= 3]
    _, rest = own_places(name)
    trade = COMPANY_TAIL.sub("", rest)[len(core):]
    words = [w for w in cut_words(trade) if len(w) >= 2]
    if len(core) == 2 and len(trade) >= 2:
        # 甲乙新能源 as well as 甲乙新能: the whole trade when short, the trade's first word whole
        # when it is longer
        forms += [core + trade] * (len(trade) <= 4) + [core + trade[:2]] + [core + words[-1][:2]] * bool(words) \
            + [core + words[0]] * bool(words and 2 < len(words[0]) <= 4 and trade.startswith(words[0]))
    return forms


def brand_forms(name: str) -> list[str]:
    """More names a registered company goes by, taken only when no other company of the story goes
    by them: its brand after a landmark with its trade (甲乙新材料), its name after a place the
    gazetteer lists under no short form (甲乙咖啡集团), and a brand of two unknown characters with
    公司 (甲乙公司) or with its trade but the last word (甲乙健身 for 某区甲乙健身服务有限公司)."""
    core = company_core(name)
    trade = COMPANY_TAIL.sub("", own_places(name)[1])[len(core):]
    forms = [brand + trade for brand in [brand_after_landmark(core)] if brand and len(trade) >= 2]
    forms += unlisted_place_forms(name)
    words = cut_words(core)
    if len(core) > 2 and [len(w) for w in words[:2]] == [1, 1]:
        forms.append("".join(words[:2]) + "公司")
        forms += ["".join(words[:-1])] if len(words) >= 4 and len(words[-1]) >= 2 else []
    return forms


def unlisted_place_forms(name: str) -> list[str]:
    """甲乙咖啡集团 for 某地甲乙咖啡集团有限公司: a name that opens with a place jieba knows and the
    gazetteer lists under no short form goes by the rest (four characters or more)."""
    if own_places(name)[0]:
        return []
    bare = LEGAL_FORM_INSIDE.sub("", name)
    first = tag_words(bare)[:1]
    if not first or first[0][2] != "ns" or first[0][1] < 2 or len(bare) - first[0][1] < 4:
        return []
    return [bare[first[0][1]:]]


def brand_after_landmark(core: str) -> str | None:
    """甲乙 in 某盆地甲乙: a core that opens with a landmark jieba knows (a basin, a mountain, a
    region no gazetteer lists) and goes on with a brand of unknown characters is called by the
    brand (甲乙新材料 for 某省某盆地甲乙新材料有限公司); None for a core of words (闽东|政府|性)."""
    words = tag_words(core)
    if len(words) < 2 or words[0][1] < 2 or words[0][2] not in ("ns", "nr", "nz"):
        return None
    rest = words[1:]
    brand = core[rest[0][0]:]
    ok = len(brand) >= 2 and all(b - a == 1 or flag in ("nz", "nr") for a, b, flag in rest)
    return brand if ok else None


def trim_to_declared(m: Mention, declared: dict[str, Mention]) -> Mention:
    """依法冻结|乙公司 where 乙公司 is a declared short name (以下简称“乙公司”): a company name the
    grammar walked past verbs into starts at the short name and names the full one."""
    if m.type != EntityType.COMPANY or m.entity or REGISTERED.search(m.text):
        return m
    name = next((n for n in declared if len(n) >= 3 and len(m.text) > len(n) and m.text.endswith(n)
                 and declared[n] is not m), None)
    if name is None:
        return m
    return replace(m, start=m.end - len(name), text=name, type=declared[name].type, entity=declared[name].text)


def is_registered(name: str) -> bool:
    """Whether a company name ends in a registered legal form, a partnership's included."""
    return bool(REGISTERED.search(name) or PARTNERSHIP.search(name))


def with_legal_tail(name: str) -> bool:
    """Whether a company name ends in a company's tail (有限公司, 集团, 公司) or a partnership's."""
    return bool(COMPANY_TAIL.search(name) or PARTNERSHIP.search(name))


UNREGISTERED_MIN = 4     # characters of a company name without a legal form that the story repeats


def company_short_names(mentions: list[Mention]) -> dict[str, Mention]:
    """The short names a story's registered companies go by (short_forms, state_company_forms,
    trade_forms), each to the first mention of the earliest company that goes by it, and the
    forms of brand_forms and abbreviated_trade_forms that only one company goes by."""
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type == EntityType.COMPANY and with_legal_tail(m.text) \
                and not branch_pattern().match(m.text):
            first.setdefault(m.text, m)
    out: dict[str, Mention] = {}
    for m in first.values():
        for form in short_forms(m.text) + state_company_forms(m.text):
            out.setdefault(form, m)
    for form, name in trade_forms(list(first)).items():
        out.setdefault(form, first[name])
    owners: dict[str, list[Mention]] = {}
    for m in first.values():
        for form in brand_forms(m.text) + abbreviated_trade_forms(m.text):
            owners.setdefault(form, []).append(m)
    out.update((form, ms[0]) for form, ms in owners.items() if len(ms) == 1 and form not in out)
    return out


def unregistered_names(mentions: list[Mention]) -> dict[str, Mention]:
    """Companies read without a legal form (甲乙资本领投), each to its first mention: the story
    names that company wherever it writes the name again, also where nothing around the name
    tells it (本轮投资中甲乙资本出资2亿元)."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type == EntityType.COMPANY and not m.entity and len(m.text) >= UNREGISTERED_MIN \
                and not with_legal_tail(m.text):
            out.setdefault(m.text, m)
    return out


def trade_forms(names: list[str]) -> dict[str, str]:
    """水务公司 for 某市甲乙水务有限公司 (and 甲乙公司): each two-character word of a registered
    company's name after its place but a common trade, with 公司, when no other company of the
    text has that word."""
    owners: dict[str, set[str]] = {}
    for name in names:
        for word in cut_words(COMPANY_TAIL.sub("", own_places(name)[1])):
            if len(word) == 2 and word not in load_set("company_common_trades.txt"):
                owners.setdefault(word + "公司", set()).add(name)
    return {form: next(iter(names)) for form, names in owners.items() if len(names) == 1}


def abbreviated_trade_forms(name: str) -> list[str]:
    """某某基金 for 某市某某股权投资基金(有限合伙), 某某创投 for 某市某某创业投资有限公司: the firm's
    own name and its trade's short form (company_trade_abbrev.tsv)."""
    rest = COMPANY_TAIL.sub("", PARTNERSHIP.sub("", own_places(name)[1]))
    rest = _PARTNERSHIP_HEAD.sub("", rest)
    for short, full in sorted(load_table("company_trade_abbrev.tsv", 2), key=lambda row: -len(row[1])):
        if rest.endswith(full) and len(rest) - len(full) >= 2:
            return [rest[:-len(full)] + short]
    return []


def state_company_forms(name: str) -> list[str]:
    """A place's company of a trade goes by the place's short name and the trade's short
    form (某市城市建设投资集团有限公司 -> 某城投, 某市城投, 某城投集团, 某市城投集团)."""
    places, rest = split_jurisdiction(name)
    if len(places) != 1 or not REGISTERED.search(rest):
        return []
    place = places[0]
    bare = place[:-1] if len(place) >= 3 and place[-1] in "省市县区" else place
    for short, full in load_table("company_infix_abbrev.tsv", 2):
        if rest.startswith(full):
            return [p + short + group for p in dict.fromkeys((bare, place)) for group in ("", "集团")]
    return []


def company_core(name: str) -> str:
    """Distinctive core of a company name: '长春星河光电科技有限公司' -> '星河光电'."""
    _, rest = own_places(name)
    rest = COMPANY_TAIL.sub("", rest)
    bracket = BRACKETED_TAIL.search(rest)
    if bracket and places.lookup_place(bracket.group(1)):
        rest = rest[:bracket.start()]       # 某某重工(天津)有限公司: the bracketed place is no core
    core = industry_tail().sub("", rest)
    return core if len(core) >= 2 else rest


def company_key(name: str) -> str:
    """The core, with the last place before it when the core is only a kind (甲市农商银行 and
    乙市农商银行 are two banks; 甲市|城投 is no 乙市|城投)."""
    core = company_core(name)
    if len(core) < 2:
        return ""
    prefix, _ = own_places(name)
    return prefix[-1] + core if prefix and core in generic_cores() else core


@lru_cache(maxsize=None)
def generic_cores() -> frozenset[str]:
    """Cores that name a kind of company, no particular one: a parent head (银行), a trade of a
    place's company in short or in full (农商银行, 城市建设投资)."""
    pairs = load_table("company_infix_abbrev.tsv", 2)
    return frozenset(PARENT_HEADS) | {w for pair in pairs for w in pair}


def branch_key(label: str) -> str:
    """A branch's name without its legal form and the place before its parent, unless the
    place is the parent's whole name (甲市银行乙分行 and 丙市银行乙分行 are two branches)."""
    rest = split_jurisdiction(label)[1]
    return LEGAL_FORM_INSIDE.sub("", label if rest.startswith(PARENT_HEADS) else rest)


def same_branch(a: str, b: str) -> bool:
    """Whether two branch names name one branch (see branch_key); the places before a branch's own
    name may go unwritten (甲银行佛山狮山支行 is 甲银行狮山支行; 甲银行吉林长春分行 is 甲银行长春分行,
    but 甲银行分行 names none)."""
    ka, kb = branch_key(a), branch_key(b)
    parent = branch_parent(ka)
    if ka == kb or not parent or branch_parent(kb) != parent:
        return ka == kb
    (pa, ra), (pb, rb) = split_jurisdiction(ka[len(parent):]), split_jurisdiction(kb[len(parent):])
    if len(pa) < len(pb):
        pa, pb = pb, pa
    return ra == rb and len(pa) > len(pb) and pa[len(pa) - len(pb):] == pb and (bool(pb) or ra not in load_tagged("branch_heads.tsv", "company"))


@lru_cache(maxsize=None)
def branch_pattern() -> re.Pattern:
    """A company's branch: its parent (group 1, with the legal form the name gives it: 某银行股份
    有限公司某分行 belongs to 某银行股份有限公司), a place, a branch head (某银行某省分行)."""
    heads = alternation(load_tagged("branch_heads.tsv", "company"))
    return regex(rf"^(.{{2,}}?(?:{'|'.join(PARENT_HEADS)})(?:{LEGAL_FORM_INSIDE.pattern})?)(?:.{{0,8}}?)(?:{heads})$")


# The heads a parent of branches ends in; alone, one names no particular company (甲省银行股份有限公司
# and 乙省银行 share only 银行).
PARENT_HEADS = ("银行", "公司", "集团")


def branch_parent(label: str) -> str | None:
    """'中国农业银行某某支行' -> '中国农业银行'; None when the name is no branch."""
    m = branch_pattern().match(label)
    return m.group(1) if m and m.group(1) != label else None
