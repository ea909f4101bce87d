"""Resolve mentions to entities: one node per entity, named canonically.

* Agencies and organisations get their full official name with the full jurisdiction:
  省发改委 in a Harbin story → 黑龙江省发展和改革委员会 (abbreviations: agency_abbrev.tsv;
  the article's home city and province are the places it names most, and 省/市/区 short
  forms take the nearest one named before). Party bodies take 中共, provincial bureaus 厅,
  a local office of a national body merges with its form without it (国家税务总局…税务局).
* Declared short names (以下简称“X”), a company's distinctive core and its brand with the
  trade cut short (星河光电, 海晟配件) become aliases, and their later occurrences mentions;
  a short agency name that is an in-order abbreviation of one agency of the story is it.
* Programs lose their 《》/“” quotes; a short title (《办法》) is an alias of the full one.
* Projects named with and without place prefix or head (北湖物流园项目 / 长春北湖物流园项目) merge.
* A branch (X银行Y分行) brings its parent (X银行); an agency brings the district or zone it serves.
`merge_corpus` then maps a name that one article uses as an alias, or a company named without
its legal form, onto the entity it names.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache

from . import places
from .agencies import national_official_names
from .canonical import (Context, canonical_org, company_with_jurisdiction, expand_body, full_company_name,
                        read_context, split_jurisdiction)
from .lexicon import alternation, load_set
from .model import Article, Entity, EntityType, Extraction, Mention, Text
from .segment import tokenizer

QUOTES = "《》“”\"「」『』‘’"
SHORT_NAME = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)[为:：]?\s*[“\"]?([^”\"）)，,]{2,12})[”\"]?\s*[）)]")
COMPANY_TAIL = re.compile(r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司|集团|公司)$")
ZONE_IN_NAME = re.compile(r"^(.{2,12}?(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|"
                          r"工业园区|产业园区|自由贸易试验区|自贸区|综合保税区|保税区))(?=.)")
LEGAL_FORM_INSIDE = re.compile(r"股份有限公司|有限责任公司|有限公司")
REGISTERED = re.compile(r"有限(?:责任)?公司$")
BRANCH = re.compile(r"^(.{2,}?(?:银行|公司|集团))(?:.{0,8}?)(?:分行|支行|分公司)$")
PROJECT_HEAD = re.compile(r"(?:改造)?(?:项目|工程)$")
# Public bodies: named officially, with the full name of their jurisdiction (companies are not).
OFFICIAL_NAME_TYPES = (EntityType.AGENCY, EntityType.ORGANIZATION)
PROGRAM_SYNONYM_HEAD = re.compile(r"(?:制度|机制)$")


@lru_cache(maxsize=None)
def industry_tail() -> re.Pattern:
    """Trade words between a company's core name and its legal form (信息技术, 机械, 房地产开发)."""
    words = load_set("company_industry_words.txt")
    return re.compile("(?:" + alternation(words) + ")+$")


def is_distinctive(core: str) -> bool:
    """Whether a short name is a name rather than a phrase: jieba cannot cut it into
    dictionary words alone (瑞禾泰 → 瑞/禾/泰 is; 资产经营 → 资产/经营 is not)."""
    return any(len(w) == 1 for w in tokenizer().lcut(core, HMM=False))


def short_forms(name: str) -> list[str]:
    """Names a registered company goes by in a story: its distinctive core and a near-miss of
    it (工大正元, 大正元 for 哈尔滨工大正元信息技术有限公司), and its brand with its trade cut
    to two characters (海晟配件 for 大连海晟船舶配件有限公司, 恒泰新材 for …恒泰新材料…)."""
    core = company_core(name)
    forms = []
    if is_distinctive(core):
        forms += [f for f in (core, core[1:] if len(core) >= 4 else "") if len(f) >= 3]
    _, rest = split_jurisdiction(name)
    trade = COMPANY_TAIL.sub("", rest)[len(core):]
    words = [w for w in tokenizer().lcut(trade, HMM=False) if len(w) >= 2]
    if len(core) == 2 and len(trade) >= 2:
        forms += [core + trade[:2]] + [core + words[-1][:2]] * bool(words)
    return forms


def company_core(name: str) -> str:
    """Distinctive core of a company name: '长春星河光电科技有限公司' -> '星河光电'."""
    _, rest = split_jurisdiction(name)
    rest = COMPANY_TAIL.sub("", rest)
    core = industry_tail().sub("", rest)
    return core if len(core) >= 2 else rest


def resolve(mentions: list[Mention], text: Text, article: Article) -> tuple[list[Mention], list[Entity]]:
    """Canonical entity for every mention; returns (mentions with .entity set, entities)."""
    ctx = read_context(mentions)
    mentions = add_alias_mentions(mentions, text.text)
    labels: list[str] = []
    juris: dict[str, str] = {}
    for m in mentions:
        label, place = canonical_label(m, ctx)
        labels.append(label)
        if place:
            juris[label] = place
    labels = expand_branch_short_names(mentions, labels)
    merged = merge_variants(mentions, labels, text.text)
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    out_mentions = []
    for m, label in zip(mentions, labels):
        label = merged.get((m.type, label), label)
        aliases[(m.type, label)].add(strip_quotes(m.text))
        out_mentions.append(replace(m, entity=label))
    for (etype, label) in list(aliases):
        parent = branch_parent(label) if etype == EntityType.COMPANY else None
        known = {company_key(l) for t, l in aliases if t == EntityType.COMPANY and not BRANCH.match(l)}
        if parent and (etype, parent) not in aliases and company_key(parent) not in known:
            aliases[(etype, parent)] = set()     # the parent, unless the story already names it
        place = juris.get(label) if etype in OFFICIAL_NAME_TYPES else None
        info = places.lookup_place(place) if place else None
        if info and info.level == "county" and (EntityType.PLACE, place) not in aliases:
            aliases[(EntityType.PLACE, place)] = set()    # 某区税务局 names the district it serves
        zone = ZONE_IN_NAME.match(agency_key(label)) if etype == EntityType.AGENCY else None
        if zone and not any(t == EntityType.PLACE and (l == zone.group(1) or zone.group(1).endswith(l) and ZONE_IN_NAME.match(l + "_"))
                            for t, l in aliases):
            aliases[(EntityType.PLACE, zone.group(1))] = set()   # 某某新区管委会 names its zone
    entities = [Entity(label, etype, tuple(sorted(a - {label})), juris.get(label) if etype != EntityType.PLACE else None)
                for (etype, label), a in sorted(aliases.items())]
    return out_mentions, entities


def expand_branch_short_names(mentions: list[Mention], labels: list[str]) -> list[str]:
    """A branch named after its parent's short name takes the parent's full name:
    瑞禾泰绥芬河分公司 → 某某瑞禾泰新材料股份有限公司绥芬河分公司."""
    cores = {}
    for m, label in zip(mentions, labels):
        if m.type == EntityType.COMPANY and REGISTERED.search(label) and not BRANCH.match(label):
            core = company_core(label)
            if len(core) >= 2:       # with a place and 分公司 after it, even a plain core is specific
                cores[core] = label
    if not cores:
        return labels
    out = []
    for m, label in zip(mentions, labels):
        if m.type == EntityType.COMPANY and label.endswith(("分公司", "分行", "支行")) and not BRANCH.match(label):
            core = next((c for c in sorted(cores, key=len, reverse=True) if label.startswith(c)), None)
            if core:
                label = cores[core] + label[len(core):]
        out.append(label)
    return out


def strip_quotes(s: str) -> str:
    return "".join(ch for ch in s if ch not in QUOTES)


def canonical_label(m: Mention, ctx: Context) -> tuple[str, str | None]:
    if m.type == EntityType.PLACE:
        return places.expand_place(m.text) or expand_body(m.text), None   # 南宁高新区 → …高新技术产业开发区
    if m.type in OFFICIAL_NAME_TYPES:
        name = "中国" + m.text if m.text.startswith("人民银行") else m.text
        return canonical_org(name, m.start, ctx)
    if m.type == EntityType.COMPANY:
        return full_company_name(company_with_jurisdiction(strip_quotes(m.text), m.start, ctx)), None
    return strip_quotes(m.text), None


def add_alias_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions for declared short names (以下简称“X”) and company cores found elsewhere in text."""
    short: dict[str, Mention] = {}
    for match in SHORT_NAME.finditer(text):
        before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= 2
                  and m.type in (EntityType.AGENCY, EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.PROJECT, EntityType.PROGRAM)]
        if before:
            short[match.group(1)] = before[-1]
    # a declared short name the grammar read as a name of its own still names the full one
    mentions = [replace(m, type=short[name].type, entity=short[name].text)
                if (name := strip_quotes(m.text)) in short and short[name] is not m else m
                for m in mentions]
    cores = {core: m for m in mentions
             if m.type == EntityType.COMPANY and REGISTERED.search(m.text) and len(core := company_core(m.text)) >= 2}
    mentions = [trim_to_core(m, cores) for m in mentions]
    for m in mentions:
        if m.type == EntityType.COMPANY and COMPANY_TAIL.search(m.text) and not BRANCH.match(m.text):
            for form in short_forms(m.text):
                short.setdefault(form, m)
    if not short:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\1" * (m.end - m.start)
    pattern = re.compile(alternation(short))
    added = []
    for match in pattern.finditer(text):
        if not any(taken[match.start():match.end()]):
            full = short[match.group()]
            added.append(Mention(match.start(), match.end(), match.group(), full.type, entity=full.text))
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def trim_to_core(m: Mention, cores: dict[str, Mention]) -> Mention:
    """对|华耀公司: a company name the grammar read with a preposition before a known
    company's core starts at the core and names that company."""
    if m.type != EntityType.COMPANY or m.entity:
        return m
    for core, full in cores.items():
        k = m.text.find(core, 1)
        if full is not m and k > 0 and m.text[k - 1] in load_set("glued_prepositions.txt") \
                and not REGISTERED.search(m.text):
            return replace(m, start=m.start + k, text=m.text[k:], entity=full.text)
    return m


def merge_variants(mentions: list[Mention], labels: list[str], text: str) -> dict[tuple[str, str], str]:
    """Map (type, label) of a variant to the label it should merge into."""
    by_type: dict[str, set[str]] = defaultdict(set)
    target: dict[tuple[str, str], str] = {}
    for m, label in zip(mentions, labels):
        if m.entity:            # an alias occurrence: it names the mention it came from
            continue
        by_type[m.type].add(label)
    for m, label in zip(mentions, labels):
        if m.entity:
            full = next((l for mm, l in zip(mentions, labels) if mm.text == m.entity and not mm.entity), m.entity)
            target[(m.type, label)] = full
    for etype, names in by_type.items():
        key = {EntityType.COMPANY: company_key, EntityType.PROJECT: project_key, EntityType.PROGRAM: program_key,
               EntityType.AGENCY: agency_key}.get(etype)
        if key is None:
            continue
        ordered = sorted(names, key=lambda n: (-len(n), n))
        for i, short in enumerate(ordered):
            sk = key(short)
            for longer in ordered[:i]:
                if (etype, longer) in target:
                    continue
                if etype == EntityType.COMPANY and REGISTERED.search(short) and REGISTERED.search(longer) \
                        and split_jurisdiction(short)[1] != split_jurisdiction(longer)[1]:
                    continue        # 某某置业有限公司 and 某某控股集团有限公司 are two companies
                if etype == EntityType.COMPANY and longer.startswith(short) and COMPANY_TAIL.search(short):
                    continue        # 某集团|资产经营公司 is a subsidiary of 某集团, not the group
                if etype == EntityType.COMPANY and (BRANCH.match(longer) or BRANCH.match(short)):
                    # a branch merges only with the same branch written with its place and legal
                    # form (湖北|某银行|股份有限公司|某分行)
                    if branch_key(longer) == branch_key(short):
                        target[(etype, short)] = longer
                        break
                    continue
                lk = key(longer)
                if sk and sk == lk or sk and lk and (etype != EntityType.AGENCY or len(sk) >= 5) \
                        and (lk.endswith(sk) if etype != EntityType.COMPANY else lk.startswith(sk)):
                    target[(etype, short)] = longer
                    break
    # 汽开区管理委员会 → 长春汽车经济技术开发区管理委员会: a Chinese abbreviation keeps its
    # characters in order, so a short agency name inside exactly one longer one of the same
    # head is that agency
    agencies = sorted(by_type.get(EntityType.AGENCY, ()), key=len)
    for short in agencies:
        if (EntityType.AGENCY, short) in target or len(short) < 4 or split_jurisdiction(short)[0] \
                or short.startswith(("中共", "国家", "中国")) or short[0] in "省市区县":
            continue        # only a name left without its jurisdiction is an abbreviation here
        fuller = [l for l in agencies if len(l) > len(short) and l[-2:] == short[-2:] and is_subsequence(short, l)]
        if len(fuller) == 1:
            target[(EntityType.AGENCY, short)] = fuller[0]
    # follow chains: a → b → c
    for k in list(target):
        seen = {k[1]}
        while (k[0], target[k]) in target and target[(k[0], target[k])] not in seen:
            seen.add(target[k])
            target[k] = target[(k[0], target[k])]
    return target


def is_subsequence(short: str, long: str) -> bool:
    """Whether the characters of short appear in long in order: '汽开区' in '汽车经济技术开发区'."""
    chars = iter(long)
    return all(ch in chars for ch in short)


def agency_key(name: str) -> str:
    """A local office of a national body is also written without it:
    国家税务总局某市税务局 = 某市税务局."""
    for national in national_official_names():
        if name.startswith(national) and len(name) > len(national) + 2:
            return name[len(national):]
    return name


def company_key(name: str) -> str:
    core = company_core(name)
    return core if len(core) >= 2 else ""


def project_key(name: str) -> str:
    _, rest = split_jurisdiction(name)
    rest = PROJECT_HEAD.sub("", rest)
    return rest if len(rest) >= 3 else ""


def program_key(name: str) -> str:
    """“最多跑一次”制度 and “最多跑一次”机制 name one scheme: compare without those heads."""
    key = PROGRAM_SYNONYM_HEAD.sub("", name)
    return key if len(key) >= 2 else ""


def branch_key(label: str) -> str:
    return LEGAL_FORM_INSIDE.sub("", split_jurisdiction(label)[1])


def branch_parent(label: str) -> str | None:
    """'中国农业银行某某支行' -> '中国农业银行'; None when the name is no branch."""
    m = BRANCH.match(label)
    return m.group(1) if m and m.group(1) != label else None


def merge_corpus(extractions: list[Extraction]) -> list[Extraction]:
    """Across articles: a label that another article lists as an alias of a fuller name of the
    same class becomes that fuller name (星河光电 → 长春星河光电科技有限公司)."""
    alias_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels = {(e.type, e.label) for ex in extractions for e in ex.entities}
    for ex in extractions:
        for e in ex.entities:
            for a in e.aliases:
                if (e.type, a) != (e.type, e.label):
                    alias_of[(e.type, a)].add(e.label)
    # 某某食品集团 in one article, 某某食品集团有限公司 in another: one registered company
    registered: dict[str, set[str]] = defaultdict(set)
    for etype, label in labels:
        if etype == EntityType.COMPANY and REGISTERED.search(label) and not BRANCH.match(label):
            registered[company_key(label)].add(label)
    for etype, label in labels:
        if etype == EntityType.COMPANY and not REGISTERED.search(label) and not BRANCH.match(label):
            full = registered.get(company_key(label), set())
            if len(full) == 1 and split_jurisdiction(label)[0]:
                alias_of[(etype, label)] |= full
    rename = {key: next(iter(full)) for key, full in alias_of.items()
              if key in labels and len(full) == 1 and len(next(iter(full))) > len(key[1])}
    if not rename:
        return extractions
    return [rename_entities(ex, rename) for ex in extractions]


def rename_entities(ex: Extraction, rename: dict[tuple[str, str], str]) -> Extraction:
    types = {e.label: e.type for e in ex.entities}

    def new(label):
        return rename.get((types.get(label), label), label) if label else label

    entities: dict[tuple[str, str], Entity] = {}
    for e in ex.entities:
        label = new(e.label)
        old = entities.get((e.type, label))
        aliases = set(e.aliases) | ({e.label} if label != e.label else set()) | set(old.aliases if old else ())
        entities[(e.type, label)] = Entity(label, e.type, tuple(sorted(aliases - {label})),
                                           e.jurisdiction or (old.jurisdiction if old else None))
    return replace(
        ex,
        mentions=tuple(replace(m, entity=new(m.entity)) for m in ex.mentions),
        entities=tuple(entities[k] for k in sorted(entities)),
        relations=tuple(replace(r, subject=new(r.subject), object=new(r.object)) for r in ex.relations),
        fundings=tuple(replace(f, provider=new(f.provider), recipient=new(f.recipient),
                               facilitator=new(f.facilitator), program=new(f.program),
                               project=new(f.project)) for f in ex.fundings),
    )
