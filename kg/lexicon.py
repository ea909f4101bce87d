"""Load kg's rule data (data/lexicon/*.tsv and *.txt), once, with path:line errors.

A `.txt` lexicon is one entry per line; a `.tsv` lexicon has a fixed number of
tab-separated columns. In both, blank lines and lines starting with `#` are skipped.
Each rule module keeps its own `functools.lru_cache`d accessor built on these two.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .errors import DataError
from .resources import resource_dir


def lexicon_path(name: str) -> Path:
    return resource_dir("data") / "lexicon" / name


def _lines(name: str):
    path = lexicon_path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if line.strip() and not line.lstrip().startswith("#"):
            yield path, number, line


@lru_cache(maxsize=None)
def load_words(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line lexicon, in file order, e.g. load_words('surnames.txt')."""
    return tuple(line.strip() for _, _, line in _lines(name))


@lru_cache(maxsize=None)
def load_table(name: str, columns: int, min_columns: int | None = None) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV lexicon; rows with fewer columns than `columns` are padded with ''."""
    low = columns if min_columns is None else min_columns
    rows = []
    for path, number, line in _lines(name):
        cells = [c.strip() for c in line.split("\t")]
        if not low <= len(cells) <= columns or not cells[0]:
            raise DataError(f"{path}:{number}: expected {low}-{columns} tab-separated columns, "
                            f"got {len(cells)}")
        rows.append(tuple(cells + [""] * (columns - len(cells))))
    return tuple(rows)


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
    return re.compile(alternation(load_words(name)))
