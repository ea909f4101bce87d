"""Normalise a document's text and split it into sentences, keeping every character's origin.

Three repairs, all by deletion or 1:1 replacement so that each normalised character
points at one original character (`Text.origin`):

1. Full-width digits and letters, ％, the ideographic space and NBSP become half-width.
2. A line break inside running text is removed together with the spaces around it and
   at most one blank line: OCR and page layout break words and names at line ends
   ("车\\n\\n间").  Breaks after sentence-final punctuation, around headings, titles,
   bylines, dates and form fields, and before list items are kept.
3. Layout spaces are dropped: between a digit and a CJK character ("1200.50 万元"),
   around CJK punctuation, and between CJK characters when one side is a single
   character (letter-spaced OCR "资 金 到 位").  Spaces between two words of two or
   more characters ("甘露 林一帆", "抢抓工期 稳步推进") separate names or headline
   phrases and are kept.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..cache import regex
from ..lexicon import alternation, load_tagged
from ..model import Sentence, Text

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_HALF_WIDTH = str.maketrans(
    {**{0xFF10 + i: 0x30 + i for i in range(10)},
     **{0xFF21 + i: 0x41 + i for i in range(26)},
     **{0xFF41 + i: 0x61 + i for i in range(26)},
     0xFF05: "%", 0x3000: " ", 0x00A0: " "})
# runs of the characters _HALF_WIDTH maps: translating only them is several times faster
# than str.translate over a whole Chinese text
_FULL_WIDTH = regex("[" + re.escape("".join(map(chr, _HALF_WIDTH))) + "]+")
_FULL_WIDTH_POINT = regex(r"(?<=\d)．(?=\d)")

# Layout spaces (rule 3): a run of spaces between a digit and a Chinese character, after
# opening or before closing punctuation, or between Chinese characters (kept when both
# neighbours are words). A run is read by its neighbours: scanning for the few runs is much
# cheaper than a regex whose lookbehind is tried at every character.
_SPACE_RUN = regex(r"[ \t]+")
_DIGITS = frozenset("0123456789")
_PUNCT_AFTER, _PUNCT_BEFORE = frozenset("，。、；：？！”’）》」』"), frozenset("，。、；：？！“‘（《「『")
_IS_CJK = regex(rf"[{CJK}]")

# Line classes that decide whether a break may be joined (rule 2).
_TERMINAL_END = regex(r"[。！？!?；;：:][”’」』）)]*$")
_SENTENCE_PUNCT = regex(r"[。；：！？;:!?、]")
_COMMA = regex(r"[，,]")
_HEADING = regex(r"#")
_CREDIT_END = regex(rf"[□■][^，。,]{{0,20}}$|(?:^|[。！？!?])\s*[（(][{CJK} ]{{2,16}}[)）]$")
_LIST_START = regex(
    r"(?:\d{1,2}[.．、)）](?!\d)|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]"
    r"|[一二三四五六七八九十]{1,3}、|[①-⑳]|[-*•·]\s)")
# The sum that ends a row of a table or a list, a count in brackets after it (300万元, 18.5万元(370人次)).
ROW_SUM = r"\d[\d.,]*\s*[万亿千]?元(?:[（(][^（()）]{1,12}[)）])?"
_TABLE_ROW = regex(rf"[{CJK}）)][ \t]+{ROW_SUM}$")
# A list's line of one name and its sum (甲公司，480万元 / 乙县：120万元).
_NAME_SUM_LINE = regex(rf"[{CJK}（）()]{{2,40}}[，,：:]\s*{ROW_SUM}")
# A gap between two cells of a table line: a tab, an ideographic space or two spaces and more.
_CELL_GAP = regex(r"\S(?:[\t\u3000]+| {2,})\S")
# A line of a table whose cells a bar parts (企业名称｜金额): two bars at least, so that a
# headline holding one (甲日报|乙标题) is none.
_BAR_ROW = regex(r"[^|｜\n]*[|｜][^|｜\n]*[|｜]")
# A line of bodies' names: no punctuation, each ending in a body's head; several signers of a
# notice may share a line, apart by gaps (甲局　　乙局).
_BODY_NAME = rf"[{CJK}（）()]{{4,40}}(?:公司|分行|支行|银行|局|委员会|厅|政府|中心|办公室|法院)"
_NAME_LINE = regex(rf"{_BODY_NAME}(?: {{2,}}{_BODY_NAME})*")
_BRACKETED_END = regex(r"[（(][^（()）]{1,30}[)）]$")
_LABEL = regex(rf"[{CJK}]{{2,10}}[：:]")
_CONTACT_FIELD = regex("(?:联系人|经办人|联系单位)[：:]")
# 附件：甲资金分配表 / 附件2：…: a notice's line naming its attachment
_ATTACHMENT = regex(r"附件[\d一二三四五六七八九十]*[：:]")
# 发布日期：2024-09-12　来源：甲局: a web page's line of metadata
_META_FIELD = regex("(?:发布日期|发布时间|信息来源|来源)[：:]")
_FIELD_LINE = regex(rf"[{CJK}]{{2,10}}[：:][^，。；,;]*$")
# A line that ends in a number field (联系人：张三，电话：0791-8765432), digits masked too
# (0791-8765XXXX, 138****5678).
_NUMBER_FIELD = regex(rf"(?:^|[，,；;\s])[{CJK}]{{2,10}}[：:][\d\s\-—、,，()（）Xx*＊]+$")
# A line that ends in a telephone number, digits masked or not (市财政局 0572-22xxxxx).
_PHONE_END = regex(r"\d{3,4}-[\dXx*＊]{7,8}$")
_DATE_LINE = regex(r"(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
                   r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$")

TITLE_MAX = 30      # longest paragraph without punctuation still taken for a title
SHORT_TITLE = 12    # a title this short may hold one comma ("抢抓工期,稳步推进")
SHORT_LINE = 10     # a line this short before a line twice as long ends its paragraph
SHORT_FIELD = 20    # a contact field this short (联系人：甲公司 张三) ends its line
SHORT_HEADING = 16  # a numbered heading this short after a blank line (一、基本情况) ends its line


class _Line(NamedTuple):     # a tuple: a document makes one per line, and a dataclass is slower to build
    start: int          # offsets of the stripped content in the text
    end: int
    content: str
    blank_before: bool  # a blank line (or the text edge) before / after it
    blank_after: bool
    cells: bool = False     # the line as written holds a gap between two cells (甲区　540)


def normalize(text: str) -> Text:
    """Normalise `text` into a Text whose origin maps each character back.

    Example: normalize("１２００.５０ 万元").text == "1200.50万元".
    """
    mapped = _FULL_WIDTH.sub(lambda m: m.group().translate(_HALF_WIDTH), text)
    if "．" in mapped:
        mapped = _FULL_WIDTH_POINT.sub(".", mapped)
    drops = find_line_joins(mapped, text) + find_layout_spaces(mapped)
    return apply_drops(mapped, drops, len(text))


def split_sentences(text: Text) -> list[Sentence]:
    """Split normalised text into sentences at 。！？!?；; and line ends.

    A closing quote or bracket right after the terminator stays in the sentence;
    surrounding whitespace is trimmed and empty sentences are skipped.
    Example: '他说：“好。”我们走。' → ['他说：“好。”', '我们走。'].
    """
    out = []
    for m in _SENTENCE.finditer(text.text):
        start, end = m.span()
        while start < end and text.text[start].isspace():
            start += 1
        lead = _DATELINE.match(text.text, start, end)
        if lead and lead.end() < end:
            start = lead.end()        # the dateline 本报讯（记者 张三） is no part of the first sentence
        while end > start and text.text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(start, end, text.text[start:end]))
    return out


_DATELINE = regex(rf"(?:本报|本刊|[{CJK}]{{2,6}}(?:日报|晚报|网|社))?(?:讯|\d{{1,2}}日讯)\s*[（(][^（()）]{{0,30}}[)）]\s*")
_SENTENCE = regex(r"[^\n。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*)?")


def find_line_joins(text: str, written: str | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) to delete so that broken lines of running text join up; `written`:
    the text before full-width characters were mapped (its ideographic spaces part cells).

    Example: find_line_joins("今年1月，企业新建的一处生产车\\n\\n间投入使用。") == [(15, 17)].
    """
    lines = _content_lines(text, written or text)
    drops = []
    paragraph = None    # the current paragraph up to `prev` (capped), None at a paragraph start
    set_off = False
    for prev, nxt in zip(lines, lines[1:]):
        if paragraph is None:
            # Only a paragraph set off by a blank line may be a title, on one or more lines.
            set_off = prev.blank_before
            paragraph = ""
        paragraph = (paragraph + prev.content)[:TITLE_MAX + 1]
        blank_lines = text.count("\n", prev.end, nxt.start) - 1
        if _should_join(prev, nxt, blank_lines, set_off and _is_title(paragraph)):
            drops.append((prev.end, nxt.start))
        else:
            paragraph = None
    return drops


def _content_lines(text: str, written: str) -> list[_Line]:
    rows = []       # (start, end, blank_before)
    pos = 0
    blank = True    # the text start counts as a blank line
    for raw in text.split("\n"):
        stripped = raw.strip(" \t\r\f\v")
        if stripped:
            lead = len(raw) - len(raw.lstrip(" \t\r\f\v"))
            rows.append((pos + lead, pos + lead + len(stripped), blank))
            blank = False
        else:
            blank = True
        pos += len(raw) + 1
    return [_Line(start, end, text[start:end], blank_before,
                  i + 1 == len(rows) or rows[i + 1][2], _has_cells(written[start:end]))
            for i, (start, end, blank_before) in enumerate(rows)]


def _has_cells(line: str) -> bool:
    # the substring tests spare the regex most lines, which hold neither a tab nor a wide gap
    return ("\t" in line or "\u3000" in line or "  " in line) and bool(_CELL_GAP.search(line))


def _is_title(paragraph: str) -> bool:
    """A heading, or a short paragraph without sentence punctuation or an unclosed quote."""
    if paragraph.startswith("#"):
        return True
    commas = len(_COMMA.findall(paragraph))
    return (len(paragraph) <= TITLE_MAX and not _SENTENCE_PUNCT.search(paragraph)
            and (commas == 0 or (commas == 1 and len(paragraph) <= SHORT_TITLE
                                 and not _COMMA.match(paragraph[-1])))
            and paragraph.count("《") == paragraph.count("》")
            and paragraph.count("“") == paragraph.count("”"))


def _should_join(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """Whether the break after `prev` sits inside running text; `in_title`: prev ends a title.
    A break is kept when any check of _KEPT_BREAKS says so."""
    return not any(check(prev, nxt, blank_lines, in_title) for _, check in _KEPT_BREAKS)


def _ends_sentence(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """Two blank lines, sentence-final punctuation or a heading on either side."""
    return blank_lines > 1 or bool(_TERMINAL_END.search(prev.content)) \
        or bool(_HEADING.match(prev.content)) or bool(_HEADING.match(nxt.content))


def _ends_title(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A title ends at a blank line; a standalone short line is a title or a caption."""
    return prev.blank_after and in_title or nxt.blank_before and nxt.blank_after and _is_title(nxt.content)


def _byline(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A credit or a byline line ends, or a byline begins."""
    line, start = _byline_patterns()
    return bool(_CREDIT_END.search(prev.content) or line.match(prev.content) or start.match(nxt.content))


@lru_cache(maxsize=None)
def _byline_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A byline line (本报记者 张三), and the start of one (本报讯, □, 记者, …记者 at the end)."""
    roles = alternation(load_tagged("byline_roles.tsv", "line"))
    return (regex(rf"[{CJK}]{{0,12}}(?:{roles})(?:\s+[{CJK}]{{2,4}})*\s*$"),
            regex(rf"[□■]|本报(?:\d{{1,2}}日)?讯|(?:本报)?(?:{roles})|[{CJK}]{{0,12}}(?:{roles})$"))


def _list_or_date(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A list item begins, or a date stands on a line of its own."""
    return bool(_LIST_START.match(nxt.content) or _DATE_LINE.match(prev.content) or _DATE_LINE.match(nxt.content))


def _list_heading(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A numbered heading set off by a blank line (一、某某公司违法案): no punctuation after its
    number, so it is no broken sentence."""
    item = _LIST_START.match(prev.content)
    if not item:
        return False
    # 二、扩岗补助（共4家，合计4.5万元）: a heading that closes with its count or total in
    # brackets ends its line even without a blank after it.
    content = prev.content
    counted = _BRACKETED_END.search(content, item.end())
    if counted:
        content = content[:counted.start()]
    # 一、获得补助的基本情况: a short one after a blank line ends its line too
    short = prev.blank_before and len(content) <= SHORT_HEADING
    return bool((prev.blank_after or counted or short) and not _SENTENCE_PUNCT.search(content, item.end())
                and not _COMMA.search(content, item.end()))


def _table_row(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A table line ends: a name, a gap of spaces or a comma, a sum (甲公司　300万元, 乙公司，80万元);
    or a line of cells apart by gaps that ends with a number or comes before a row that opens with
    one (序号　地区　金额 / 1　甲区　540), not a row broken inside a name (7　甲融资担保有 /
    限公司　460); or a line of cells apart by bars before another (企业名称｜金额 / 甲公司｜300万元);
    or a numbered heading over a line of a name and its sum ((一)甲补助 / 乙公司，80万元)."""
    return bool(_TABLE_ROW.search(prev.content) or _NAME_SUM_LINE.fullmatch(prev.content)) or prev.cells and (
        prev.content[-1].isdigit() or nxt.content[0].isdigit()) \
        or bool(_BAR_ROW.match(prev.content) and _BAR_ROW.match(nxt.content)) \
        or bool(_LIST_START.match(prev.content) and _NAME_SUM_LINE.fullmatch(nxt.content))


def _form_field(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """A form field (电话：…) ends, a short contact field (联系人：甲公司 张三), a line of a page's
    metadata (发布日期：…　来源：甲局) or an attachment's line (附件：…) ends, or a label follows a
    field or a short line, or a signer's name follows a field (通讯地址：… / 甲局)."""
    a, b = prev.content, nxt.content
    return bool(_NUMBER_FIELD.search(a) or _PHONE_END.search(a) or _ATTACHMENT.match(a)
                or _CONTACT_FIELD.match(a) and len(a) <= SHORT_FIELD or _META_FIELD.search(a)
                or (_LABEL.match(b) or _NAME_LINE.fullmatch(b)) and _FIELD_LINE.match(a)
                or _LABEL.match(b) and len(a) <= SHORT_LINE)


def _signature_lines(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """Two lines that each hold one body's name and nothing else (a notice's signers:
    甲银行乙分行 / 丙资产管理公司丁分公司)."""
    return bool(_NAME_LINE.fullmatch(prev.content) and _NAME_LINE.fullmatch(nxt.content))


def _short_before_long(prev: _Line, nxt: _Line, blank_lines: int, in_title: bool) -> bool:
    """In column text a short line followed by a much longer one ends its paragraph."""
    return len(prev.content) <= SHORT_LINE and 2 * len(prev.content) < len(nxt.content)


# Reasons to keep a line break, in order (rule 2 of the module docstring).
_KEPT_BREAKS = (("sentence end", _ends_sentence), ("title", _ends_title), ("byline", _byline),
                ("list or date", _list_or_date), ("list heading", _list_heading), ("form field", _form_field),
                ("table row", _table_row), ("signature lines", _signature_lines),
                ("short line before a long one", _short_before_long))


def find_layout_spaces(text: str) -> list[tuple[int, int]]:
    """Spans of layout spaces to delete (rule 3 of the module docstring).

    Example: find_layout_spaces("资 金 1200 万元") == [(1, 2), (3, 4), (8, 9)].
    """
    drops = []
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        before, after = text[start - 1:start], text[end:end + 1]
        cjk_before, cjk_after = bool(_IS_CJK.match(before)), bool(_IS_CJK.match(after))
        if before in _DIGITS and cjk_after or cjk_before and after in _DIGITS \
                or after in _PUNCT_AFTER or before in _PUNCT_BEFORE:
            drops.append((start, end))
        elif cjk_before and cjk_after and (start < 2 or not _IS_CJK.match(text, start - 2)
                                           or end + 1 >= len(text) or not _IS_CJK.match(text, end + 1)):
            drops.append((start, end))
    return drops


def apply_drops(text: str, drops: list[tuple[int, int]], original_length: int) -> Text:
    """Delete the (possibly overlapping) spans from `text`, recording each kept offset.

    Example: apply_drops("ab cd", [(2, 3)], 5).text == "abcd".
    """
    pieces: list[str] = []
    origin: list[int] = []
    pos = 0
    for start, end in sorted(drops):
        if start > pos:
            pieces.append(text[pos:start])
            origin.extend(range(pos, start))
        pos = max(pos, end)
    pieces.append(text[pos:])
    origin.extend(range(pos, len(text)))
    origin.append(original_length)
    return Text("".join(pieces), tuple(origin))
