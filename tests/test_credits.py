"""Byline names: listed by `kg extract` as Person mentions with role "byline", never in the graph."""
from __future__ import annotations

import pytest

from kg.build import extraction_record
from kg.extract.article import find_byline_spans
from kg.extract.credits import find_credits, read_names
from kg.extract.pipeline import extract_document
from kg.model import Document


@pytest.mark.parametrize("text, expected", [
    ("本报讯（记者王明）今天，市里召开会议。", ["王明"]),
    # names run together, a trainee after the reporter, a place before 报道 / 发自
    ("本报讯（记者李平张建华）近日，", ["李平", "张建华"]),
    ("晨报讯（记者何军实习生周丽）昨日，", ["何军", "周丽"]),
    ("某某日报记者郑海北京报道", ["郑海"]),
    ("某经记者高远韩青发自上海", ["高远", "韩青"]),
    ("新浪讯（实习编辑孔亮）某楼盘开盘。", ["孔亮"]),
    # 记者 in the running text opens no credit
    ("有关人士告诉记者：“王明是好人。”", []),
    ("他在接受记者采访时说，", []),
])
def test_find_credits(text, expected):
    found = find_credits(text, find_byline_spans(text))
    assert [m.text for m in found] == expected
    assert all(m.role == "byline" and m.type == "Person" for m in found)


def test_read_names_needs_a_close():
    assert read_names("李明张建华）", 0) == [(0, 2), (2, 5)]
    assert read_names("李明认为如此", 0) == []


def test_byline_names_are_in_the_record_but_not_among_entities():
    ex = extract_document(Document("d.txt", "本报讯（记者王明）市财政局局长张建华说，项目进展顺利。", "d.txt"))
    record = extraction_record(ex)
    byline = [m for m in record["mentions"] if m.get("role") == "byline"]
    assert [(m["text"], m["type"], m["start"], m["end"]) for m in byline] == [("王明", "Person", 6, 8)]
    assert "role" not in next(m for m in record["mentions"] if m["text"] == "张建华")
    assert "王明" not in {e["label"] for e in record["entities"]}
