"""Text out of the formats newsrooms keep: saved web pages (.html/.htm, through trafilatura),
e-paper PDFs (the text layer, through pypdf) and Word files (.docx, through python-docx).

The extracted text is what kg reads: every offset kg reports points into it, and
`kg extract --text` prints it. When the body lacks the page's title or a full date, they are
taken from the file's metadata and put on top as a "# title" line and a date line, where the
article stage looks for them. Each library is imported on first use only.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date, datetime

from .errors import InputError

_FULL_DATE = re.compile(r"(?:19|20)\d{2}(?:\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[-/]\d{1,2}[-/]\d{1,2})")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


def extract_html(data: bytes, shown: str) -> str:
    """The main text of a web page, without menus, comments and footers."""
    import trafilatura

    found = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                        include_tables=True, favor_precision=True)
    if found is None or not (found.text or "").strip():
        raise InputError(f"{shown}: web page without article text")
    return compose(found.text, found.title, found.date)


def extract_pdf(data: bytes, shown: str) -> str:
    """The text layer of a PDF, page by page; a scanned PDF (no text layer) is an InputError."""
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{shown}: encrypted PDF")
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        meta = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{shown}: not a readable PDF ({type(exc).__name__})") from None
    if not text.strip():
        raise InputError(f"{shown}: scanned PDF without a text layer (run OCR on it first)")
    return compose(text, meta.title if meta else None,
                   meta.creation_date if meta else None)


def extract_docx(data: bytes, shown: str) -> str:
    """Paragraphs and table rows (cells joined by tabs) of a Word file, in document order."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:        # noqa: BLE001 - python-docx raises zip, XML and key errors alike
        raise InputError(f"{shown}: not a readable .docx file ({type(exc).__name__})") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in block.rows]
        else:
            lines.append(block.text)
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(f"{shown}: Word file without text")
    props = document.core_properties
    return compose(text, props.title, props.created)


EXTRACTORS: dict[str, Callable[[bytes, str], str]] = {
    ".html": extract_html, ".htm": extract_html, ".pdf": extract_pdf, ".docx": extract_docx,
}


def compose(body: str, title: str | None, when: str | date | None) -> str:
    """body, headed by '# title' when its first line is not the title, and with the date on
    the line after the title when it holds no full date. Example:
    compose("正文。", "标题", "2024-05-12") == "# 标题\n2024年5月12日\n正文。"."""
    body = body.strip("\n")
    title = " ".join((title or "").split())
    first, _, rest = body.partition("\n")
    lines = ["# " + title, body] if title and not first.strip().startswith(title) else [first, rest]
    day = _as_date(when)
    if day and not _FULL_DATE.search(body):
        lines.insert(1, f"{day.year}年{day.month}月{day.day}日")
    return "\n".join(line for line in lines if line)


def _as_date(when: str | date | None) -> date | None:
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):
        return when
    m = _ISO_DATE.match(when or "")
    try:
        return date(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None
