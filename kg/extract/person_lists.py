"""Lists of names: once one name of a list is a person, so are the others.

周明、韩立、吴青等 with 周明 confirmed by a cue gives 韩立 and 吴青; items are joined by 、
or 和/与/及 and each must read as a name (kg.extract.persons.is_name) or a dotted foreign
name, and close where a separator, a conjunction or the list's verb follows.

Data: the person lexicons of kg.extract.persons.
"""
from __future__ import annotations


from ..cache import regex
from . import person_minority, persons

LEADERS = regex("领导")
# what closes an item of a list of names: a separator, 等, a conjunction, or the text's end
ITEM_END = regex(r"[、，。；;,：:（()）\s“”]|以及|[等和与及]|$")
ITEM_START = regex(r"[、，。；;,：:（()）\s“”]")


def is_item(item: str) -> bool:
    """Whether a list item reads as a name: Chinese, foreign with a dot, or of a minority naming system."""
    return persons.is_name(item, loose=True) or bool(persons.foreign_name().fullmatch(item)) \
        or person_minority.is_minority_name(item)


def list_mates(text: str, spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """The other names of a list (周明、韩立、吴青等) in which one name is confirmed, e.g.
    list_mates('县领导周明、韩立出席', {(3, 5)}) -> {(6, 8)}."""
    out: set[tuple[int, int]] = set()
    todo = list(spans)
    while todo:
        s, e = todo.pop()
        for mate in (next_mate(text, e), previous_mate(text, s)):
            if mate and mate not in spans and mate not in out:
                out.add(mate)
                todo.append(mate)
    return out


def next_mate(text: str, end: int) -> tuple[int, int] | None:
    """The name of the next list item after a name ending at `end` (、 or 和/与/及 between)."""
    if text[end:end + 1] not in ("、", "和", "与", "及"):
        return None
    start = end + 1
    for length in (2, 3, 4, 5, 6, 7, 8, 9):
        item = text[start:start + length]
        if is_item(item) \
                and ends_item(text, start + length):
            return start, start + length
    return None


def ends_item(text: str, at: int) -> bool:
    """Whether a list item may end at `at`: a separator, or the list's verb (韩立出席) follows."""
    if ITEM_END.match(text, at):
        return True
    words = persons.tag_window(text[at:at + 4])
    return bool(words) and words[0][1] in ("v", "vd", "d", "p")


def previous_mate(text: str, start: int) -> tuple[int, int] | None:
    """The name of the list item before a name starting at `start` (、 or 和/与/及 between)."""
    if start < 1 or text[start - 1] not in "、和与及":
        return None
    end = start - 1
    for length in (2, 3, 4, 5, 6, 7, 8, 9):
        item, at = text[end - length:end], end - length
        if at >= 0 and is_item(item) \
                and (at == 0 or ITEM_START.match(text, at - 1)
                     or persons.load_person_rules()["post_end"].search(text, 0, at)):
            return at, end
    return None
