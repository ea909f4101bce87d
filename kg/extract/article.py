"""Article metadata: title, date and the bylines (reporters, photographers, authors).

Bylines are found in the normalised text; `find_byline_spans` gives their character
spans so that the mention stage can keep the people who wrote a story apart from the
people who act in it.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from ..cache import regex
from ..model import Article
from .layout import SHORT_LINE
from ..lexicon import alternation, load_tagged
from .normalize import CJK

if TYPE_CHECKING:
    from .analysis import Analysis

TITLE_MAX = 60      # characters kept of a title taken from a first body line

_LINE = regex(r"[^\n]+")
_SENTENCE_END = regex(r"[。！？!?]")
_FULL_DATE = regex(
    r"(?<!\d)((?:19|20)\d{2})(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"|[-/](\d{1,2})[-/](\d{1,2})(?!\d))")
_YEAR = regex(r"(?<!\d)(20\d{2})\s*年")

_NAME = rf"[{CJK}]{{2,4}}(?:·[{CJK}]{{1,4}})?"
_DATELINE = regex(r"本报(?:\d{1,2}日)?讯\s*[（(]([^（()）\n]{2,40})[)）]")
_MARKED_LINE = regex(r"[□■]\s*([^□■]{2,40})$", re.M)      # □本报记者 张三, □晓川
_CREDIT = regex(r"(?:^|(?<=[。！？!?”]))\s*[（(]([^（()）\n]{2,20})[)）]\s*$", re.M)


@lru_cache(maxsize=None)
def byline_token() -> re.Pattern:
    """A token of a byline: a role (本报记者, 文/摄, 通讯员: byline_roles.tsv), a name of 2-4
    characters, a separator, or anything else."""
    role = (rf"[{CJK}]{{0,10}}?(?:{alternation(load_tagged('byline_roles.tsv', 'byline'))})"
            r"|(?:文|图|摄影?)(?:/(?:文|图|摄影?))+|摄影|摄")
    return regex(rf"(?P<role>{role})|(?P<name>{_NAME})|(?P<sep>[\s、，,]+)|(?P<other>.)")


def read_article(a: Analysis) -> Article:
    """Title, date and bylines of a document, from its normalised text.

    Example: a text starting "# 标题\\n本报讯（记者 张三）2023年5月12日，……" gives
    Article(title='标题', date='2023-05-12', bylines=('张三',)).
    """
    text = a.text.text
    names = dict.fromkeys(name for _, _, name in a.byline_spans)
    return Article(a.doc.doc_id, a.doc.source, title=find_title(text),
                   date=find_date(text), bylines=tuple(names))


def find_title(text: str) -> str | None:
    """The first markdown heading before the body starts, else the first non-empty line.

    Example: find_title("\\n# 标题\\n正文。") == "标题".
    """
    first = None
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if line.startswith("#"):
            return _shorten(line.lstrip("#").strip()) or first
        if not line:
            continue
        if first is None:
            first = _shorten(line)
        if _SENTENCE_END.search(line):
            break               # the body has started: no heading is the title
    return first


def _shorten(line: str) -> str:
    """Cut a line at its first sentence end, and to TITLE_MAX characters."""
    end = _SENTENCE_END.search(line)
    if end:
        line = line[:end.start()]
    return line if len(line) <= TITLE_MAX else line[:TITLE_MAX] + "…"


def find_date(text: str) -> str | None:
    """ISO date of the story: the first full date in the text, else its most frequent year.

    Example: find_date("2023年5月12日，……") == "2023-05-12"; find_date("2021年……") == "2021".
    """
    for m in _FULL_DATE.finditer(text):
        year, month, day = int(m[1]), int(m[2] or m[4]), int(m[3] or m[5])
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            continue            # "2020年13月" is not a date; look further
    years = Counter(_YEAR.findall(text))
    if not years:
        return None
    return max(years.items(), key=lambda item: (item[1], item[0]))[0]


def find_byline_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every byline name in normalised text, in text order.

    Recognised: 本报讯（记者 张三 李四）, 本报5日讯(王五 记者赵六), a line such as
    □本报记者 张三 / 本报记者 张三摄 / 文/图 张三 / 记者 张三 通讯员 李四 / □晓川,
    a names-only line right after a role-only line, and a paragraph-final （张三）.
    Example: find_byline_spans("本报讯（记者 张三）今天") == [(7, 9, "张三")].
    """
    spans = []
    for m in _DATELINE.finditer(text):
        spans += _names(text, m.start(1), m.end(1)) or []
    after_role_line = False
    for line in _LINE.finditer(text):
        start, end = line.span()
        found = None
        marked = _MARKED_LINE.search(text, start, end)
        if marked:
            found = _names(text, marked.start(1), marked.end(1))
        elif end - start <= SHORT_LINE:
            found = _names(text, start, end, plain_line=True, need_role=not after_role_line)
        if not found:
            credit = _CREDIT.search(text, start, end)
            if credit:
                found = _names(text, credit.start(1), credit.end(1))
        spans += found or []
        after_role_line = found == []
    return sorted(set(spans))


def _names(text: str, start: int, end: int, plain_line: bool = False,
           need_role: bool = False) -> list[tuple[int, int, str]] | None:
    """Names in text[start:end] when it holds only roles and names, else None.

    [] means roles only (e.g. a line "江城日报记者" before the names). On a plain line
    (no dateline, no □) a name must stand apart from the role ("记者节" is no byline).
    """
    names = []
    has_role = False
    previous = "sep"
    for m in byline_token().finditer(text, start, end):
        kind = m.lastgroup
        if kind == "other" or (kind == "name" and plain_line and previous == "role"):
            return None
        if kind == "role":
            has_role = True
        elif kind == "name":
            s, e = m.span()
            if e - s >= 3 and text[e - 1] == "摄":     # 本报记者 甘露摄: the photographer
                e -= 1
                has_role = True
            names.append((s, e, text[s:e]))
        previous = kind
    if need_role and not has_role:
        return None
    return names if names or has_role else None
