"""Word segmentation shared by the stages: one private jieba tokenizer and its POS table,
each loaded once (library code never touches jieba's global dictionary).

Dictionary cuts without HMM go through rjieba (jieba's algorithm in Rust, built on the same
dictionary file) when it is installed, about twenty times faster; jieba stays the dictionary
and the fallback, and tests/test_segment.py checks that both give the same words."""
from __future__ import annotations

import re
from functools import lru_cache

import jieba

# An entry no text contains: its frequency makes up the totals rjieba and jieba count
# differently (see native_cutter).
_TOTAL_KEEPER = "\ue000\ue001"


@lru_cache(maxsize=None)
def _dictionary() -> tuple[jieba.Tokenizer, tuple[tuple[str, int, int], ...]]:
    """The private tokenizer and the words added to it: (word, frequency before, after)."""
    from ..lexicon import load_words
    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.initialize()
    added = []
    for word in load_words("name_stops.txt"):
        if len(word) > 1:
            before = tok.FREQ.get(word) or 0
            tok.add_word(word)
            added.append((word, before, tok.FREQ[word]))
    return tok, tuple(added)


def tokenizer() -> jieba.Tokenizer:
    """jieba's dictionary plus the words that end names (name_stops.txt: 约谈, 收购), so that
    they come out whole where a name's left edge is sought."""
    return _dictionary()[0]


@lru_cache(maxsize=None)
def native_cutter():
    """An rjieba tokenizer cutting exactly like tokenizer() with HMM off, or None without
    rjieba. The added words get jieba's own frequencies. jieba adds a re-added word's new
    frequency to its total without removing the old one while rjieba swaps them, so the
    old frequencies go to one entry that never matches, keeping both totals equal (the
    total weighs every path through a sentence)."""
    try:
        import rjieba
    except ImportError:
        return None
    cutter = rjieba.Jieba()
    replaced = 0
    for word, before, after in _dictionary()[1]:
        cutter.add_word(word, after, None)
        if before:
            replaced += before
            cutter.add_word(_TOTAL_KEEPER, replaced, None)
    return cutter


def cut_words(text: str) -> list[str]:
    """The dictionary words of text, HMM off: cut_words('哈尔滨市财政厅') == ['哈尔滨市', '财政厅']."""
    native = native_cutter()
    return native.cut(text, hmm=False) if native else tokenizer().lcut(text, HMM=False)


@lru_cache(maxsize=None)
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word, read from the dictionary file of
    the private tokenizer (a plain split: importing jieba.posseg takes five times longer)."""
    with tokenizer().get_dict_file() as fh:
        return dict(_DICT_LINE.findall(fh.read().decode("utf-8")))


# A line of a jieba dictionary file, "word frequency tag" (one regex pass over the file is
# several times faster than splitting its 350,000 lines in Python).
_DICT_LINE = re.compile(r"^[ \t]*(\S+) \S+ (\S+)[ \t\r]*$", re.M)


def tag_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, POS flag) of the dictionary words of text, e.g. for '哈尔滨市财政厅':
    [(0, 4, 'ns'), (4, 7, 'nt')]. HMM is off: an unknown name comes out as single
    characters tagged 'x' (faster, and the split itself marks the name as unknown)."""
    return list(_tagged(text))


@lru_cache(maxsize=1 << 16)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    """tag_words, remembered: the stages tag the same short windows (a name's neighbours, a
    list item) many times over a corpus."""
    tags = word_tags()
    out, pos = [], 0
    for word in cut_words(text):
        out.append((pos, pos + len(word), tags.get(word, "x")))
        pos += len(word)
    return tuple(out)
