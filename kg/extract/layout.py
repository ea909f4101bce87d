"""The layout of a page, read once with one set of limits: headline and byline paragraphs
(which start a story), speaker labels (which open a transcript turn) and numbered list rows.

A short line is at most SHORT_LINE characters: a headline, a byline or a speaker label is
one; a longer line is body text.
"""
from __future__ import annotations


from ..cache import regex
from .normalize import CJK

SHORT_LINE = 40
# A short paragraph without a sentence end is a headline or byline: a new story starts there.
# Not a page number (— 1 —) nor a label that opens what follows (主持人：, 张三（甲局局长）：).
# A numbered section heading (一、概况) goes on with the story it is in, and so does a table's
# line of cells apart by bars (甲公司｜300万元).
HEADLINE = regex(rf"(?m)^(?![一二三四五六七八九十]{{1,3}}、)(?![^\n|｜]*[|｜][^\n|｜]*[|｜])(?=[^\n]*?[{CJK}])[^\n。！？!?]{{0,{SHORT_LINE - 1}}}[^\n。！？!?：:]$")
# A speaker's turn in a transcript opens with a label line: 张三（甲局副局长）： or 张三：.
TURN_LABEL = regex(rf"(?m)^[^\n。！？!?：:]{{1,{SHORT_LINE}}}[：:][ \t]*$")
# The number of a list row (一、… / 1.… / （三）…) and what may follow the body that heads it.
ROW_NUMBER = regex(r"\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")
ROW_HEAD_END = "（(,，:："


def story_starts(text: str) -> list[int]:
    """Offsets where a story starts: after each headline or byline paragraph."""
    return [m.end() for m in HEADLINE.finditer(text)]


def turn_labels(text: str) -> list[tuple[int, int]]:
    """(start, end) of each speaker label line of a transcript."""
    return [m.span() for m in TURN_LABEL.finditer(text)]
