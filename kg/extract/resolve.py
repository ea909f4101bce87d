"""Resolve mentions to entities: one node per entity, named canonically.

* Agencies and organisations get their full official name with the full jurisdiction:
  省发改委 in a Harbin story → 黑龙江省发展和改革委员会 (abbreviations: agency_abbrev.tsv;
  the article's home city and province are the places it names most, and 省/市/区 short
  forms take the nearest one named before). Party bodies take 中共, provincial bureaus 厅,
  a local office of a national body merges with its form without it (国家税务总局…税务局).
* Declared short names (以下简称“X”), a company's distinctive core and its brand with the
  trade cut short (星河光电, 泰和配件) become aliases, and their later occurrences mentions;
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
from .branch_names import bare_branches, branch_mentions, branches_of_merged_parents, is_bare_branch, short_bank_names
from .agencies import national_official_names, standard_bodies
from .zones import story_zones, with_full_zone
from .canonical import (Context, canonical_org, company_with_jurisdiction, expand_body, full_company_name,
                        local_regulation, read_context, split_jurisdiction)
from .companies import (COMPANY_TAIL, LEGAL_FORM_INSIDE, PARENT_HEADS, REGISTERED, branch_parent,
                        branch_pattern, company_core, company_key, company_short_names, trim_to_declared,
                        is_registered, same_branch, unregistered_names)
from ..lexicon import alternation, load_set, load_tagged
from .segment import word_tags
from ..model import Article, Entity, EntityType, Extraction, Mention, Text

QUOTES = "《》“”\"「」『』‘’"
QUOTE_MARKS = re.compile(f"[{re.escape(QUOTES)}]")
BRACKETED_SHORT = re.compile(r"[（(]\s*[“\"]?([\u4e00-\u9fff]{2,8})[”\"]?\s*[）)]")
SHORT_NAME = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)[为:：]?\s*[“\"]?([^”\"）)，,]{2,12})[”\"]?\s*[）)]")
PROJECT_HEAD = re.compile(r"(?:改造)?(?:项目|工程)$")
# Public bodies: named officially, with the full name of their jurisdiction (companies are not).
OFFICIAL_NAME_TYPES = (EntityType.AGENCY, EntityType.ORGANIZATION)
PROGRAM_SYNONYM_HEAD = re.compile(r"(?:制度|机制)$")


def resolve(mentions: list[Mention], text: Text, article: Article) -> tuple[list[Mention], list[Entity]]:
    """Canonical entity for every mention; returns (mentions with .entity set, entities)."""
    ctx = read_context(mentions, text.text)
    mentions = add_alias_mentions(branch_mentions(mentions, declared_short_names(mentions, text.text), text.text),
                                  text.text)
    zones = story_zones(mentions, declared_short_names(mentions, text.text))
    labels: list[str] = []
    juris: dict[str, str] = {}
    for m in mentions:
        label, place = canonical_label(m, ctx)
        if m.type in OFFICIAL_NAME_TYPES:
            label = with_full_zone(label, zones)
        labels.append(label)
        if place:
            juris[label] = place
    labels = short_bank_names(mentions, expand_branch_short_names(mentions, labels))
    labels = bare_branches(mentions, labels)
    merged = merge_variants(mentions, labels)
    merged.update(branches_of_merged_parents(mentions, labels, merged))
    aliases: dict[tuple[str, str], set[str]] = defaultdict(set)
    out_mentions = []
    for m, label in zip(mentions, labels):
        label = merged.get((m.type, label), label)
        aliases[(m.type, label)].add(strip_quotes(m.entity if shares_body(m) else m.text))
        out_mentions.append(Mention(m.start, m.end, m.text, m.type, label, m.role))     # replace() is slow
    for etype, label in list(aliases):
        for _, implied in IMPLIED_ENTITIES:
            key = implied(etype, label, aliases, juris)
            if key:
                aliases[key] = set()
    entities = [Entity(label, etype, tuple(sorted(a - {label})), juris.get(label) if etype != EntityType.PLACE else None)
                for (etype, label), a in sorted(aliases.items())]
    return out_mentions, entities


Aliases = dict[tuple[str, str], set[str]]      # (type, label) -> names the story uses for it


def parent_of_branch(etype: str, label: str, aliases: Aliases, juris: dict[str, str]) -> tuple[str, str] | None:
    """某银行某分行 brings 某银行, unless the story already names the parent."""
    parent = branch_parent(label) if etype == EntityType.COMPANY else None
    if not parent or (etype, parent) in aliases:
        return None
    known = {company_key(l) for t, l in aliases if t == EntityType.COMPANY and not branch_pattern().match(l)}
    return None if company_key(parent) in known else (etype, parent)


def district_served(etype: str, label: str, aliases: Aliases, juris: dict[str, str]) -> tuple[str, str] | None:
    """某区税务局 brings the district it serves."""
    place = juris.get(label) if etype in OFFICIAL_NAME_TYPES else None
    info = places.lookup_place(place) if place else None
    if info and info.level == "county" and (EntityType.PLACE, place) not in aliases:
        return EntityType.PLACE, place
    return None


@lru_cache(maxsize=None)
def zone_in_name() -> re.Pattern:
    """The zone that opens an agency's name (某某新区|管委会)."""
    return re.compile(rf"^(.{{2,12}}?(?:{alternation(load_tagged('zone_heads.tsv', 'agency'))}))(?=.)")


def zone_governed(etype: str, label: str, aliases: Aliases, juris: dict[str, str]) -> tuple[str, str] | None:
    """某某新区管委会 brings its zone, unless the story names it (or its full form)."""
    zone = zone_in_name().match(agency_key(label)) if etype == EntityType.AGENCY else None
    if not zone:
        return None
    name = zone.group(1)
    if any(t == EntityType.PLACE and (l == name or name.endswith(l) and zone_in_name().match(l + "_"))
           for t, l in aliases):
        return None
    return EntityType.PLACE, name


# Entities a story implies without naming them, each pass called on every entity in turn.
IMPLIED_ENTITIES = (("parent of a branch", parent_of_branch), ("district served", district_served),
                    ("zone governed", zone_governed))


def expand_branch_short_names(mentions: list[Mention], labels: list[str]) -> list[str]:
    """A branch named after its parent's short name takes the parent's full name:
    瑞禾丰珲春分公司 → 某某瑞禾丰新材料股份有限公司珲春分公司."""
    cores = {}
    for m, label in zip(mentions, labels):
        if m.type == EntityType.COMPANY and REGISTERED.search(label) and not branch_pattern().match(label):
            core = company_core(label)
            if len(core) >= 2:       # with a place and 分公司 after it, even a plain core is specific
                cores[core] = label
    if not cores:
        return labels
    out = []
    for m, label in zip(mentions, labels):
        if m.type == EntityType.COMPANY and label.endswith(load_tagged("branch_heads.tsv", "company")) and not branch_pattern().match(label):
            core = next((c for c in sorted(cores, key=len, reverse=True) if label.startswith(c)), None)
            if core:
                label = cores[core] + label[len(core):]
        out.append(label)
    return out


def strip_quotes(s: str) -> str:
    return QUOTE_MARKS.sub("", s)


def canonical_label(m: Mention, ctx: Context) -> tuple[str, str | None]:
    if m.type == EntityType.PLACE:
        return places.expand_place(m.text) or expand_body(m.text), None   # 南宁高新区 → …高新技术产业开发区
    if m.type in OFFICIAL_NAME_TYPES:
        name = "中国" + m.text if m.text.startswith("人民银行") else m.text
        if shares_body(m):
            name = m.entity
        return canonical_org(name, m.start, ctx)
    if m.type == EntityType.COMPANY:
        return full_company_name(company_with_jurisdiction(strip_quotes(m.text), m.start, ctx)), None
    return strip_quotes(m.text), None


def shares_body(m: Mention) -> bool:
    """甲县、乙县财政局: a listed place stands for its body, named as the last item's (see
    lists.find_shared_body_agencies)."""
    return m.type in OFFICIAL_NAME_TYPES and bool(m.entity) and m.entity.startswith(m.text) and m.entity != m.text


ALIAS_TYPES = (EntityType.AGENCY, EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.PROJECT, EntityType.PROGRAM, EntityType.PLACE)


def declared_short_names(mentions: list[Mention], text: str) -> dict[str, Mention]:
    """某某有限公司（以下简称“某某”）, 甲乙资本管理有限公司（甲乙资本）: each declared short name
    and the mention it follows."""
    short: dict[str, Mention] = {}
    for match in SHORT_NAME.finditer(text):
        before = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= 2
                  and m.type in ALIAS_TYPES]
        if before:
            short[match.group(1)] = before[-1]
    # 甲乙私募基金管理有限公司（甲乙资本）: a bracket right after a name holding a short form of it
    ends = {m.end: m for m in mentions if m.type in ALIAS_TYPES}
    for match in BRACKETED_SHORT.finditer(text):
        full = ends.get(match.start())
        if full is not None and match.group(1)[:2] in full.text and match.group(1) not in full.text:
            short.setdefault(match.group(1), full)
    return short


def add_alias_mentions(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions for declared short names (以下简称“X”) and company cores found elsewhere in text."""
    declared = declared_short_names(mentions, text)
    short = dict(declared)
    for form, m in company_short_names(mentions).items():
        short.setdefault(form, m)
    # a declared short name the grammar read as a name of its own still names the full one; so
    # does a company the grammar read under a registered company's short name
    mentions = [replace(m, type=short[name].type, entity=short[name].text)
                if (name := strip_quotes(m.text)) in short and short[name] is not m
                and (name in declared or m.type == EntityType.COMPANY) else trim_to_declared(m, declared)
                for m in mentions]
    cores = {core: m for m in mentions
             if m.type == EntityType.COMPANY and REGISTERED.search(m.text) and len(core := company_core(m.text)) >= 2}
    mentions = [trim_to_core(m, cores) for m in mentions]
    occurring = {**unregistered_names(mentions), **short}     # names found again, not renamed
    if not occurring:
        return mentions
    added = alias_occurrences(mentions, occurring, text)
    # a short name that opens with a place (某城投) names the company, not the place
    mentions = [m for m in mentions if m.type != EntityType.PLACE
                or not any(a.start <= m.start and m.end < a.end for a in added)]
    return sorted(mentions + added, key=lambda m: (m.start, m.end))


def alias_occurrences(mentions: list[Mention], short: dict[str, Mention], text: str) -> list[Mention]:
    """Each occurrence of a short name outside the mentions, as a mention of its full name."""
    taken = bytearray(len(text) + 1)
    for m in mentions:
        if m.type != EntityType.PLACE:
            taken[m.start:m.end] = b"\1" * (m.end - m.start)
    added = []
    for match in re.finditer(alternation(short), text):
        if not any(taken[match.start():match.end()]) and not inside_word(text, match.start(), match.end()):
            full = short[match.group()]
            added.append(Mention(match.start(), match.end(), match.group(), full.type, entity=full.text))
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
    return added


def inside_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends or opens a longer word of the dictionary (a declared 公司 in
    子公司, 控股公司, 公司法)."""
    words = word_tags()
    return any(text[start - k:end] in words for k in (1, 2) if start >= k) or text[start:end + 1] in words


def trim_to_core(m: Mention, cores: dict[str, Mention]) -> Mention:
    """对|华盛公司: a company name the grammar read with a preposition before a known
    company's core starts at the core and names that company."""
    if m.type != EntityType.COMPANY or m.entity:
        return m
    for core, full in cores.items():
        k = m.text.find(core, 1)
        if full is not m and k > 0 and m.text[k - 1] in load_set("glued_prepositions.txt") \
                and not REGISTERED.search(m.text):
            return replace(m, start=m.start + k, text=m.text[k:], entity=full.text)
    return m


def merge_variants(mentions: list[Mention], labels: list[str]) -> dict[tuple[str, str], str]:
    """Map (type, label) of a variant to the label it should merge into, by the passes of
    MERGE_PASSES, each adding to the map."""
    by_type: dict[str, set[str]] = defaultdict(set)
    for m, label in zip(mentions, labels):
        if not m.entity:            # an alias occurrence names the mention it came from
            by_type[m.type].add(label)
    target: dict[tuple[str, str], str] = {}
    for _, merge in MERGE_PASSES:
        merge(mentions, labels, by_type, target)
    return target


def declared_aliases(mentions, labels, by_type, target) -> None:
    """An alias occurrence (以下简称, a company's core) merges into the full name's label."""
    for m, label in zip(mentions, labels):
        if m.entity and not shares_body(m):
            full = next((l for mm, l in zip(mentions, labels) if mm.text == m.entity and not mm.entity), m.entity)
            target[(m.type, label)] = full


def same_key(mentions, labels, by_type, target) -> None:
    """A name merges into the longest longer one of its type that it is a variant of
    (see is_variant): 北湖物流园项目 into 长春北湖物流园项目."""
    for etype, names in by_type.items():
        key = VARIANT_KEYS.get(etype)
        if key is None:
            continue
        ordered = sorted(names, key=lambda n: (-len(n), n))
        keys = {name: key(name) for name in ordered}        # each name's key once, not once per pair
        for i, short in enumerate(ordered):
            longer = next((l for l in ordered[:i] if (etype, l) not in target
                           and is_variant(etype, short, keys[short], l, keys.__getitem__)), None)
            if longer:
                target[(etype, short)] = longer


def is_variant(etype: str, short: str, sk: str, longer: str, key) -> bool:
    """Whether `short` (of key sk) names the entity `longer` does: the same key, or a key
    that the longer one's ends with (starts with, for a company; of five characters or more,
    for an agency). Companies: see company_variant."""
    if etype == EntityType.COMPANY:
        verdict = company_variant(short, longer)
        if verdict is not None:
            return verdict
    lk = key(longer)
    if not sk or not lk or etype == EntityType.PROGRAM and local_regulation(short, longer):
        return False
    # 某分局: a sub-bureau written with its place only, after its bureau's name was given once
    sub_bureau = etype == EntityType.AGENCY and sk.endswith("分局") and lk.endswith("局" + sk)
    return sk == lk or sub_bureau or (etype != EntityType.AGENCY or len(sk) >= 5) \
        and (lk.endswith(sk) if etype != EntityType.COMPANY else lk.startswith(sk))


def company_variant(short: str, longer: str) -> bool | None:
    """The company rules, None when the keys decide: two registered names of different
    bodies are two companies (某某置业有限公司, 某某控股集团有限公司); 某集团|资产经营公司 is a
    subsidiary of 某集团 (but 某集团有限公司 is 某集团), and no registered company without 集团 is 某集团;
    a branch merges only with the same branch written with its place and legal form
    (湖北|某银行|股份有限公司|某分行); the branches of two places, no bank named (甲县支行, 乙区支行), are two."""
    if is_registered(short) and is_registered(longer) \
            and split_jurisdiction(short)[1] != split_jurisdiction(longer)[1]:
        return False
    if longer.startswith(short) and COMPANY_TAIL.search(short):
        return LEGAL_FORM.fullmatch(longer[len(short):]) is not None    # 某集团 is 某集团有限公司
    if short.endswith("集团") and REGISTERED.search(longer) and "集团" not in longer:
        return False        # a group is none of its registered companies
    if branch_pattern().match(longer) or branch_pattern().match(short):
        return same_branch(longer, short)
    return False if is_bare_branch(short) and is_bare_branch(longer) else None


LEGAL_FORM = re.compile("股份有限公司|有限责任公司|有限公司")


def in_order_abbreviations(mentions, labels, by_type, target) -> None:
    """高开区管理委员会 -> 某市高新技术产业开发区管理委员会: a Chinese abbreviation keeps its
    characters in order, so a short agency name without a jurisdiction inside exactly one
    longer one of the same head is that agency; so is a bare standard body (财政厅) inside
    exactly one named one (某省财政厅), and a level's body no place was found for (区财政局)
    when exactly one named body ends with it (某市某区财政局)."""
    agencies = sorted(by_type.get(EntityType.AGENCY, ()), key=len)
    for short in agencies:
        if (EntityType.AGENCY, short) in target or (len(short) < 4 and short not in standard_bodies()) \
                or split_jurisdiction(short)[0] or short.startswith(("中共", "国家", "中国")):
            continue
        fuller = [l for l in agencies if len(l) > len(short) and (l.endswith(short) if short[0] in "省市区县" else
                                                                  l[-2:] == short[-2:] and is_subsequence(short, l))]
        if len(fuller) == 1:
            target[(EntityType.AGENCY, short)] = fuller[0]


def follow_chains(mentions, labels, by_type, target) -> None:
    """a -> b -> c: every variant maps to the end of its chain."""
    for k in list(target):
        seen = {k[1]}
        while (k[0], target[k]) in target and target[(k[0], target[k])] not in seen:
            seen.add(target[k])
            target[k] = target[(k[0], target[k])]


MERGE_PASSES = (("declared aliases", declared_aliases), ("same key", same_key),
                ("in-order abbreviations", in_order_abbreviations), ("follow chains", follow_chains))


def is_subsequence(short: str, long: str) -> bool:
    """Whether the characters of short appear in long in order: '高开区' in '高新技术产业开发区'."""
    chars = iter(long)
    return all(ch in chars for ch in short)


@lru_cache(maxsize=1 << 16)      # names repeat across a corpus's documents
def agency_key(name: str) -> str:
    """A local office of a national body is also written without it:
    国家税务总局某市税务局 = 某市税务局."""
    for national in national_official_names():
        if name.startswith(national) and len(name) > len(national) + 2:
            return name[len(national):]
    return name


def project_key(name: str) -> str:
    _, rest = split_jurisdiction(name)
    rest = PROJECT_HEAD.sub("", rest)
    return rest if len(rest) >= 3 else ""


def program_key(name: str) -> str:
    """“最多跑一次”制度 and “最多跑一次”机制 name one scheme: compare without those heads."""
    key = PROGRAM_SYNONYM_HEAD.sub("", name)
    return key if len(key) >= 2 else ""


# The key two names of one entity share, by type (types without one never merge by key).
VARIANT_KEYS = {EntityType.COMPANY: company_key, EntityType.PROJECT: project_key,
                EntityType.PROGRAM: program_key, EntityType.AGENCY: agency_key}


def merge_corpus(extractions: list[Extraction]) -> list[Extraction]:
    """Across articles: a label that another article lists as an alias of a fuller name of the
    same class becomes that fuller name (某某光电 -> 某市某某光电科技有限公司), and so does a
    company named with its place but without its legal form (see registered_forms)."""
    labels = {(e.type, e.label) for ex in extractions for e in ex.entities}
    alias_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ex in extractions:
        for e in ex.entities:
            for a in e.aliases:
                if (e.type, a) != (e.type, e.label):
                    alias_of[(e.type, a)].add(e.label)
    for key, full in registered_forms(labels).items():
        alias_of[key] |= full
    rename = {key: next(iter(full)) for key, full in alias_of.items()
              if key in labels and len(full) == 1 and len(next(iter(full))) > len(key[1])}
    if not rename:
        return extractions
    return [rename_entities(ex, rename) for ex in extractions]


def registered_forms(labels: set[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
    """某市某某食品集团 in one article, 某某食品集团有限公司 in another: one registered company.
    Maps a company label with a place and no legal form to the registered names of its core,
    and one that a registered name only extends by its legal form (甲银行, 甲银行股份有限公司)."""
    registered: dict[str, set[str]] = defaultdict(set)
    extended: dict[str, set[str]] = defaultdict(set)
    for etype, label in labels:
        if etype == EntityType.COMPANY and REGISTERED.search(label) and not branch_pattern().match(label):
            extended[LEGAL_FORM_INSIDE.sub("", label)].add(label)
            if company_key(label) not in PARENT_HEADS:
                registered[company_key(label)].add(label)
    out = {}
    for etype, label in labels:
        if etype == EntityType.COMPANY and not REGISTERED.search(label) and not branch_pattern().match(label):
            full = extended.get(label) or registered.get(company_key(label), set())
            if len(full) == 1 and (label in extended or split_jurisdiction(label)[0]):
                out[(etype, label)] = full
    return out


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
