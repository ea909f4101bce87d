"""The cue scan (kg.extract.funding_cues.cue_regex): its lookahead for the characters a cue opens
with only skips positions where no cue can match."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import funding_cues
from kg.extract.funding_cues import cue_regex, cue_rows, find_cues

ARTICLES = sorted(Path(__file__).parent.glob("heldout*/articles/*"))
needs_parser = pytest.mark.skipif(funding_cues._parser is None, reason="no re._parser before Python 3.11")


@needs_parser
def test_the_scan_tries_the_cues_only_where_one_can_open():
    assert cue_regex().pattern.startswith("(?=[")


def test_the_scan_finds_what_the_plain_alternation_finds():
    plain = re.compile("|".join(f"(?:{cue})" for _, cue, _, _ in cue_rows()))
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in cue_regex().finditer(text)] == [m.span() for m in plain.finditer(text)], path


@needs_parser
@pytest.mark.parametrize("pattern, chars, empty", [
    ("贷款", {"贷"}, False),
    ("(?<=元)转?(?:下达|下拨)", {"转", "下"}, False),
    ("(?:天使|[A-C]\\+?)轮", {"天", "A", "B", "C"}, False),
    ("(?:补助)?", {"补"}, True),
    ("[^，]贷", None, False),          # a negated class is not read: no lookahead
    ("\\d+笔", None, False),
])
def test_the_characters_a_cue_opens_with(pattern, chars, empty):
    opening, can_be_empty = funding_cues._opening(funding_cues._parser.parse(pattern))
    assert (set(opening) if opening is not None else None, can_be_empty) == (chars, empty)


def test_a_cue_found_again_is_the_same():
    assert find_cues("发放贷款贴息") == find_cues("发放贷款贴息") == [funding_cues.Cue(2, 6, "InterestSubsidy",
                                                                             rule="cue-InterestSubsidy-1")]
