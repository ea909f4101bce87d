"""Make text safe where it enters kg, and cells safe where they leave it.

`clean_text` replaces what no output format can carry (lone surrogates, which are not UTF-8,
and the control characters and non-characters XML 1.0 forbids) with U+FFFD, one character
for one, so every offset into the cleaned text still points where it did in the input.
`neutralise_cell` keeps a spreadsheet from reading a CSV/TSV cell as a formula (OWASP's
advice for CSV injection).
"""
from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# C0 controls but tab, LF and CR; surrogates; U+FFFE and U+FFFF (XML 1.0's Char production).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Cells a spreadsheet would evaluate: = + - @ start a formula, tab and CR hide one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean_text(text: str) -> tuple[str, int]:
    """(text with forbidden characters replaced by U+FFFD, how many were replaced).

    Example: clean_text("财政厅\\ud800") == ("财政厅\\ufffd", 1)."""
    return FORBIDDEN.subn(REPLACEMENT, text)


def strip_forbidden(text: str) -> str:
    """text without the characters XML forbids, for writers of XML (GraphML, GEXF)."""
    return FORBIDDEN.sub("", text)


def neutralise_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading quote.

    Example: neutralise_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"; neutralise_cell("-5") == "-5"
    is kept, since a plain number is data, not a formula."""
    if value.startswith(FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip() == value


def format_delimited_row(cells: list[str], delimiter: str = ",") -> str:
    """One CSV/TSV line (ending in \\n) of neutralised cells; a cell holding the delimiter, a
    quote, CR or LF is quoted, so no reader splits a row inside a value.

    Example: format_delimited_row(["a\\rb", "=1+1"]) == '"a\\rb",\\'=1+1\\n'."""
    return delimiter.join(_quote(neutralise_cell(c), delimiter) for c in cells) + "\n"


def _quote(cell: str, delimiter: str) -> str:
    if any(ch in cell for ch in (delimiter, '"', "\r", "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell
