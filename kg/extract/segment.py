"""Word segmentation shared by the stages: one private jieba tokenizer and its POS table,
each loaded once (library code never touches jieba's global dictionary).

Cuts go through rjieba (jieba's algorithm in Rust, built on the same dictionary file) when it
is installed, about twenty times faster; jieba stays the dictionary and the fallback, and
tests/test_segment.py checks that both give the same words. What kg derives from jieba's
dictionary (the POS table, the frequencies of the words it adds) is kept between runs by
kg.cache.remembered, so that with rjieba a process never loads jieba's own copy of it."""
from __future__ import annotations

import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, chain, repeat
from pathlib import Path
from typing import TypeVar
from ..cache import regex

T = TypeVar("T")

# An entry no text contains: its frequency makes up the totals rjieba and jieba count
# differently (see native_cutter).
_TOTAL_KEEPER = "\ue000\ue001"
# jieba.finalseg's split of the letters and digits in an unknown run (06-11 -> 06 / - / 11);
# rjieba's HMM keeps such runs whole
_HMM_SKIP = regex(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def dictionary_file() -> Path:
    """jieba's dictionary file ("word frequency tag" a line), found without importing jieba."""
    return Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"


def remember(name: str, make: Callable[[], T]) -> T:
    """make()'s value, a table derived from jieba's dictionary (and kg's rules), read back
    from the user cache while neither changed (kg.cache.remembered)."""
    from ..cache import remembered
    return remembered(name, make, dictionary_file())


@lru_cache(maxsize=None)
def _load() -> tuple:
    """A private jieba tokenizer with the words that end names added, and those words:
    (word, frequency before, after)."""
    import jieba
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



def tokenizer():
    """jieba's dictionary plus the words that end names (name_stops.txt: 约谈, 收购), so that
    they come out whole where a name's left edge is sought."""
    return _load()[0]


@lru_cache(maxsize=None)
def _tables() -> dict:
    """The dictionary's words and their POS tags (each a string, one a line: read back in
    half the time of a dict) and the words tokenizer() adds (see _load)."""
    def make() -> dict:
        tags = _read_tags()
        return {"words": "\n".join(tags), "tags": "\n".join(tags.values()), "added": _load()[1]}
    return remember("jieba-tables", make)


@lru_cache(maxsize=None)
def native_cutter():
    """An rjieba tokenizer cutting exactly like tokenizer(), or None without rjieba. The
    added words get jieba's own frequencies. jieba adds a re-added word's new frequency to
    its total without removing the old one while rjieba swaps them, so the old frequencies
    go to one entry that never matches, keeping both totals equal (the total weighs every
    path through a sentence)."""
    try:
        rjieba = _rjieba()
    except ImportError:
        return None
    cutter = rjieba.Jieba()
    replaced = 0
    for word, before, after in _tables()["added"]:
        cutter.add_word(word, after, None)
        if before:
            replaced += before
            cutter.add_word(_TOTAL_KEEPER, replaced, None)
    return cutter


def _rjieba():
    """rjieba's compiled module, which holds its Jieba class, loaded by itself: the package's
    __init__ builds a default tokenizer that kg never uses (0.15 s in each process). It is
    registered under its name, where a later `import rjieba` finds it."""
    name = "rjieba.rjieba"
    package = importlib.util.find_spec("rjieba")
    paths = [path for folder in (package and package.submodule_search_locations) or ()
             for suffix in importlib.machinery.EXTENSION_SUFFIXES
             if (path := Path(folder) / f"rjieba{suffix}").is_file()]
    if not paths or name in sys.modules:        # not installed, laid out otherwise, or imported
        return importlib.import_module(name)
    spec = importlib.util.spec_from_file_location(name, paths[0])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[name] = module
    return module


def cut_words(text: str) -> list[str]:
    """The dictionary words of text, HMM off: cut_words('哈尔滨市财政厅') == ['哈尔滨市', '财政厅']."""
    native = native_cutter()
    return native.cut(text, hmm=False) if native else tokenizer().lcut(text, HMM=False)


def cut_hmm(text: str) -> list[str]:
    """The words of text with jieba's HMM on, which joins an unknown name into one word:
    cut_hmm('记者祁惠然说') == ['记者', '祁惠然', '说']. rjieba's HMM keeps an unknown run of
    letters, digits and .-_ whole where jieba splits it: such a run is split as jieba does."""
    native = native_cutter()
    if native is None:
        return tokenizer().lcut(text, HMM=True)
    tags = word_tags()
    out = []
    for word in native.cut(text, hmm=True):
        if len(word) > 1 and word.isascii() and word not in tags:
            out.extend(part for part in _HMM_SKIP.split(word) if part)
        else:
            out.append(word)
    return out


@lru_cache(maxsize=None)
def word_tags() -> dict[str, str]:
    """jieba's part-of-speech tag of each dictionary word."""
    tables = _tables()
    return dict(zip(tables["words"].split("\n"), tables["tags"].split("\n")))


def _read_tags() -> dict[str, str]:
    """The tags from the dictionary file (a plain split: importing jieba.posseg takes five
    times longer)."""
    return dict(_DICT_LINE.findall(dictionary_file().read_text(encoding="utf-8")))


# A line of a jieba dictionary file, "word frequency tag" (one regex pass over the file is
# several times faster than splitting its 350,000 lines in Python).
_DICT_LINE = regex(r"^[ \t]*(\S+) \S+ (\S+)[ \t\r]*$", re.M)


def tag_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, POS flag) of the dictionary words of text, e.g. for '哈尔滨市财政厅':
    [(0, 4, 'ns'), (4, 7, 'nt')]. HMM is off: an unknown name comes out as single
    characters tagged 'x' (faster, and the split itself marks the name as unknown)."""
    return list(_tagged(text))


@lru_cache(maxsize=1 << 16)
def _tagged(text: str) -> tuple[tuple[int, int, str], ...]:
    """tag_words, remembered: the stages tag the same short windows (a name's neighbours, a
    list item) many times over a corpus."""
    words = cut_words(text)
    ends = list(accumulate(map(len, words)))
    # one pass of C-level maps: whole documents are tagged too (person_names)
    return tuple(zip(chain((0,), ends), ends, map(word_tags().get, words, repeat("x"))))
