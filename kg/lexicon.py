"""kg's rule data: every lexicon under data/lexicon/ declared once, loaded once, validated.

A `.txt` lexicon is one entry per line; a `.tsv` lexicon has tab-separated columns, the
trailing optional ones may be left out. In both, blank lines and lines starting with `#`
are skipped. `LEXICONS` declares each file with its columns and what a cell must be
(text, a regular expression, a kg.model type name, one of a few choices); a row that breaks
its declaration raises DataError naming `path:line`. `load_all` validates them all at once,
so that a bad row stops a build before the first document. The data folder is the shipped
data/ unless the environment variable KG_DATA names another (see kg.resources).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cache import regex, remembered
from .errors import DataError
from .model import EntityType, FundingType, RelationType
from .resources import resource_dir


@dataclass(frozen=True)
class Column:
    """One column of a table: `kind` is 'text', 'regex', 'list' (comma-separated), or a
    set of allowed values (each comma-separated item of the cell must be one of them)."""
    name: str
    kind: str | frozenset[str] = "text"
    required: bool = True
    unique: bool = False      # no two rows share the cell (a rule id)


@dataclass(frozen=True)
class Lexicon:
    file: str
    about: str
    columns: tuple[Column, ...] = (Column("entry"),)

    @property
    def is_table(self) -> bool:
        return self.file.endswith(".tsv")

    @property
    def min_columns(self) -> int:
        """Columns a row must have: up to the last required one."""
        return max(i + 1 for i, c in enumerate(self.columns) if c.required)


ENTITY_NAMES = frozenset(EntityType)
FUNDING_NAMES = frozenset(FundingType)
RELATION_NAMES = frozenset(RelationType)
RULE_ID = Column("id", unique=True)       # recorded on the facts the row produces (kg:rule)


def _words(file: str, about: str) -> Lexicon:
    return Lexicon(file, about)


def _pairs(file: str, about: str, key: str, value: str | frozenset[str] = "text") -> Lexicon:
    return Lexicon(file, about, (Column(key), Column("value", value)))


LEXICONS: dict[str, Lexicon] = {lex.file: lex for lex in (
    # organisations and agencies (kg.extract.mentions, kg.extract.names, kg.extract.agencies, kg.extract.resolve)
    _pairs("org_suffixes.tsv", "heads that end an organisation name", "suffix", ENTITY_NAMES),
    _pairs("agency_abbrev.tsv", "agency body short form -> official form", "short"),
    _words("agency_bodies.txt", "official agency bodies with 和 inside, named bare"),
    Lexicon("national_agencies.tsv", "national bodies named without a jurisdiction",
            (Column("official name"), Column("aliases", "list", required=False))),
    _words("party_bodies.txt", "bodies named with 中共"),
    _words("province_bureaus.txt", "bureaus called 厅 at province level"),
    _words("org_suffix_exceptions.txt", "common words that end like a name (格局)"),
    _words("jurisdiction_lookalikes.txt", "words opening with 省/市/区/县 that are no jurisdiction"),
    _words("countries.txt", "foreign countries"),
    _words("foreign_cities.txt", "large foreign cities"),
    _words("generic_bodies.txt", "words that name a kind, not one body or project"),
    _words("company_industry_words.txt", "trade words between a company's core and its legal form"),
    _words("company_common_trades.txt", "trade words too common to call one company by (科技公司)"),
    _pairs("company_abbrev.tsv", "company short form -> full name prefix", "short"),
    _pairs("company_infix_abbrev.tsv", "company infix short form -> full form", "short"),
    _pairs("company_trade_abbrev.tsv", "a firm's trade -> the short form its everyday name uses", "short"),
    _pairs("enumeration_heads.tsv", "collective nouns closing a list (A、B等企业)", "noun", ENTITY_NAMES),
    _words("project_facility_heads.txt", "heads of facilities a described or quoted project builds"),
    _words("venue_words.txt", "words that make a 中心 a venue or a district"),
    _words("company_class_nouns.txt", "class nouns opening or closing a list of company names"),
    _words("name_stops.txt", "words a name walked leftwards stops at"),
    _words("glued_prepositions.txt", "prepositions jieba glues to the next word"),
    _words("lead_verbs.txt", "verbs that open a clause before a project or program name"),
    _words("governing_verbs.txt", "verbs whose object is an organisation, never the start of its name"),
    Lexicon("zone_heads.tsv", "heads of zone names, with where each is used (see the file)",
            (Column("head"), Column("uses", frozenset({"strong", "weak", "body", "agency"})))),
    Lexicon("branch_heads.tsv", "heads of branch and unit names, with where each counts (see the file)",
            (Column("head"), Column("uses", frozenset({"walk", "company", "unit", "sub-branch"})))),
    _words("office_heads.txt", "office heads named after their government (省政府办公厅)"),
    _words("government_organs.txt", "organs named after their government (市人民政府国有资产监督管理委员会)"),
    _words("weak_heads.txt", "heads that also name departments or buildings: an agency only with a jurisdiction"),
    _words("kind_heads.txt", "heads of institutions every town has (学校)"),
    _words("rank_words.txt", "words that rank a body among its kind (顶级, 知名)"),
    _words("institute_heads.txt", "heads of research institutes"),
    _words("company_words.txt", "words that name a company inside an organisation's name"),
    _words("agency_force_heads.txt", "armed forces named after their country (海军)"),
    _words("agency_country_shorts.txt", "one-character country short forms naming forces with 军"),
    _words("joint_zone_prefixes.txt", "China and a partner country opening a joint zone's name (中新)"),
    _words("company_trade_heads.txt", "trade words that end a company's name without its legal form"),
    _words("capital_kinds.txt", "words before a trade word that name a kind of capital (社会资本), no brand"),
    _words("company_verbs.txt", "verbs whose subject is a company"),
    # programs and projects
    _words("scheme_words.txt", "kinds of scheme after 等 that make a quoted name a program"),
    _words("program_words.txt", "heads of quoted program names"),
    _words("program_heads.txt", "heads of unquoted program names"),
    _words("program_verbs.txt", "verbs that launch a program"),
    _words("program_governed_heads.txt", "program heads after a launching verb"),
    _words("event_heads.txt", "heads of the names of events a place holds"),
    _words("project_heads.txt", "heads of project names"),
    _words("generic_projects.txt", "project-like phrases that name no project"),
    # persons
    _words("surnames.txt", "Chinese surnames, compound ones included"),
    Lexicon("posts.tsv", "posts and job titles, with what each does (see the file)",
            (Column("post"),
             Column("uses", frozenset({"person", "member", "address", "government", "company"})))),
    _words("speech_verbs.txt", "verbs of saying"),
    _words("person_stop.txt", "surname-initial words that are no name"),
    Lexicon("byline_roles.tsv", "roles of a byline or credit, with where each is recognised",
            (Column("role"), Column("where", frozenset({"byline", "credit", "reporter", "line"})))),
    _words("role_nouns.txt", "roles that introduce a named person (居民张三)"),
    _words("address_words.txt", "forms of address after a surname (李先生)"),
    _words("occupations.txt", "occupations that introduce a named person and address one (导演张三)"),
    _words("scope_words.txt", "words that open a description of the bodies within a scope (辖内)"),
    _words("person_presence_verbs.txt", "verbs of presence that close a name after a post (出席, 陪同)"),
    _words("person_after_words.txt", "words after a full name that only a person takes (执导, 逝世)"),
    _words("transliteration_chars.txt", "characters of foreign names in transliteration, a few a line"),
    _words("person_tibetan_words.txt", "words Tibetan given names are made of, a few a line"),
    _words("person_mongolian_words.txt", "words Mongolian given names are made of, a few a line"),
    _words("person_yi_clans.txt", "Yi clan names, a few a line"),
    # places
    Lexicon("places.tsv", "China's administrative divisions (data/make_places.py)",
            (Column("full name"), Column("short name", required=False),
             Column("level", frozenset({"province", "city", "county"})),
             Column("parent", required=False), Column("province"))),
    _words("non_place_tails.txt", "words after a short place name that make it a street or a park"),
    _pairs("place_aliases.tsv", "place nicknames -> full name", "nickname"),
    # relations
    Lexicon("relation_cues.tsv", "relation templates",
            (RULE_ID, Column("relation", RELATION_NAMES), Column("template", "regex"))),
    _words("relation_prepositions.txt", "prepositions whose object is no subject"),
    _words("relation_object_prepositions.txt", "prepositions whose object never acts"),
    _words("relation_unit_heads.txt", "last characters of a unit of a body (科, 所)"),
    _words("relation_go_between_verbs.txt", "verbs before a body asked to help"),
    _words("relation_own_body_titles.txt", "openings of posts in a body of their own (村, 市政协)"),
    _words("relation_company_references.txt", "words before a post that refer to the story's company"),
    _words("relation_company_unit_references.txt", "units of a company, no reference to it (子公司)"),
    _words("relation_appointment_verbs.txt", "verbs that appoint a person to a post (任命, 聘任)"),
    _words("relation_list_verbs.txt", "verbs that end a clause, not a name's tail in a list (建设, 承建)"),
    _words("relation_agreement_words.txt", "words of an agreement"),
    _words("relation_body_classes.txt", "class nouns of a list of bodies (等部门)"),
    Lexicon("relation_pronouns.tsv", "forms that refer back to an organisation",
            (Column("form"), Column("types", ENTITY_NAMES), Column("ending", required=False),
             Column("scope", frozenset({"first", "demonstrative", "bare", "speaker"})),
             Column("excluded words", "list", required=False))),
    # fundings
    Lexicon("funding_cues.tsv", "cues of funding subclasses",
            (RULE_ID, Column("cue", "regex"), Column("class", FUNDING_NAMES),
             Column("weak", frozenset({"weak"}), required=False))),
    Lexicon("funding_roles.tsv", "templates of funding roles",
            (RULE_ID, Column("template", "regex"), Column("implicit role", frozenset("PRF"), required=False),
             Column("places", frozenset({"places"}), required=False))),
    _pairs("funding_rule_words.tsv", "words that make an amount a rule", "word",
           frozenset({"before", "after"})),
    _words("funding_continuations.txt", "words continuing a funding sentence"),
    _words("funding_lenders.txt", "heads of lenders"),
    _words("funding_money_words.txt", "words of money"),
    _words("funding_receive_verbs.txt", "verbs whose subject receives"),
    _words("funding_round_verbs.txt", "verbs of a financing round's investors (领投)"),
    _words("funding_claim_words.txt", "words of an insurer's claim payout (理赔)"),
    _words("funding_contract_verbs.txt", "verbs of a company building for another"),
    _words("funding_class_nouns.txt", "class nouns of a policy rule"),
    _words("funding_source_verbs.txt", "verbs after a cited source (获悉)"),
    _words("funding_place_act_words.txt", "words after a place that pays"),
    _words("funding_support_verbs.txt", "verbs of whom a sum serves (支持)"),
    _words("funding_as_of_words.txt", "words before an as-of date (截至)"),
    _words("funding_pool_words.txt", "words of a public risk pool (资金池)"),
    _pairs("funding_party_titles.tsv", "titles of a court notice's debt parties (被执行人)", "title",
           frozenset({"provider", "recipient"})),
    _pairs("funding_party_labels.tsv", "labels of a notice row's parties (借款人)", "label",
           frozenset({"recipient", "place", "provider", "payer", "investor", "none"})),
    _words("funding_proposal_words.txt", "words of a payout a notice proposes (拟)"),
    _words("funding_each_words.txt", "words after a list each of whose names gets the sum (分别)"),
    _words("funding_leverage_verbs.txt", "verbs of loans a guarantee draws in (撬动)"),
    _words("funding_per_head_words.txt", "words before a sum each member of a class gets (每户)"),
    _words("funding_ground_words.txt", "words before the rule a notice cites (根据)"),
)}


def data_dir() -> Path:
    return resource_dir("data")


def lexicon_path(name: str) -> Path:
    return data_dir() / "lexicon" / name


def declaration(name: str) -> Lexicon:
    try:
        return LEXICONS[name]
    except KeyError:
        raise DataError(f"{lexicon_path(name)}: not a declared lexicon (kg.lexicon.LEXICONS)") from None


def _lines(name: str):
    path = lexicon_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read lexicon ({getattr(exc, 'strerror', None) or exc})") from None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if line.strip() and not line.lstrip().startswith("#"):
            yield f"{path}:{number}", line


def check_cell(where: str, column: Column, cell: str) -> None:
    """Raise DataError at `where` when a cell breaks its column's declaration."""
    if not cell:
        if column.required:
            raise DataError(f"{where}: empty {column.name}")
        return
    if column.kind == "regex":
        try:
            re.compile(cell)
        except re.error as exc:
            raise DataError(f"{where}: bad regular expression in {column.name} ({exc})") from None
    elif column.kind == "list" or isinstance(column.kind, frozenset):
        for item in cell.split(","):
            if not item.strip():
                raise DataError(f"{where}: empty item in {column.name}")
            if isinstance(column.kind, frozenset) and item.strip() not in column.kind:
                raise DataError(f"{where}: unknown {column.name} {item.strip()!r} "
                                f"(expected one of {', '.join(sorted(column.kind))})")


def load_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Validated rows of a declared lexicon, padded with '' to its full width."""
    declaration(name)
    return _all_rows()[name]


@lru_cache(maxsize=None)
def _all_rows() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The rows of every lexicon, validated once per rules' version (which covers the data
    folder) and then read back (kg.cache.remembered): compiling the templates to check them
    alone took a fifth of a second in each process."""
    return remembered("lexicons", lambda: {name: _read_rows(name) for name in LEXICONS})


def _read_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of lexicon `name` read from its file, each cell checked (check_cell)."""
    lex = declaration(name)
    width, low = len(lex.columns), lex.min_columns
    rows = []
    seen: dict[int, set[str]] = {i: set() for i, c in enumerate(lex.columns) if c.unique}
    for where, line in _lines(name):
        cells = [c.strip() for c in line.split("\t")] if lex.is_table else [line.strip()]
        if not lex.is_table and "\t" in line.strip():
            raise DataError(f"{where}: expected one entry per line, got a tab")
        if not low <= len(cells) <= width:
            raise DataError(f"{where}: expected {low}-{width} tab-separated columns, got {len(cells)}")
        cells += [""] * (width - len(cells))
        for column, cell in zip(lex.columns, cells):
            check_cell(where, column, cell)
        for i, values in seen.items():
            if cells[i] in values:
                raise DataError(f"{where}: {lex.columns[i].name} {cells[i]!r} is used twice")
            values.add(cells[i])
        rows.append(tuple(cells))
    return tuple(rows)


def load_all() -> None:
    """Load and validate every declared lexicon (raises DataError on the first bad row)."""
    _all_rows()


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line lexicon, in file order, e.g. load_words('surnames.txt')."""
    return tuple(row[0] for row in load_rows(name))


def load_table(name: str, columns: int | None = None,
               min_columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV lexicon, padded with '' to its declared width; `columns` and
    `min_columns`, when given, restate the declaration (a mismatch is a bug in kg)."""
    lex = declaration(name)
    if columns not in (None, len(lex.columns)) or min_columns not in (None, lex.min_columns):
        raise ValueError(f"{name} is declared with {lex.min_columns}-{len(lex.columns)} columns")
    return load_rows(name)


@lru_cache(maxsize=None)
def load_tagged(name: str, tag: str) -> tuple[str, ...]:
    """Entries of a lexicon whose second column lists `tag`, in file order, e.g.
    load_tagged('posts.tsv', 'member')."""
    return tuple(row[0] for row in load_rows(name) if tag in row[1].split(","))


@lru_cache(maxsize=None)
def load_set(name: str) -> frozenset[str]:
    """Entries of a one-per-line lexicon as a set, e.g. load_set('name_stops.txt')."""
    return frozenset(load_words(name))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so the longest match wins:
    alternation(['局', '管理局']) -> '管理局|局'."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=None)
def load_regex(name: str) -> re.Pattern:
    """One compiled alternation of a one-per-line lexicon."""
    return regex(alternation(load_words(name)))
