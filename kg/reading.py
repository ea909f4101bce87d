"""Read input documents: files, folders, JSON Lines and stdin, in UTF-8 or GB18030/GBK.

Every problem with one input becomes an InputError whose message is one line,
"<path>: <problem>", handed to `on_error`; reading goes on with the next input.
"""
from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import InputError
from .formats import EXTRACTORS
from .model import Document

TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + tuple(EXTRACTORS)     # what a folder is searched for
JSONL_SUFFIXES = (".jsonl", ".json")
STDIN = "-"
STDIN_NAME = "<stdin>"
MIN_PLAUSIBLE = 0.95    # share of CJK/ASCII/common symbols a GB18030 decoding must reach

# Anything but ordinary Chinese text: ASCII, Latin-1, general punctuation, arrows,
# maths, box drawing, shapes (□), CJK symbols, ideographs and full-width forms.
_IMPLAUSIBLE = re.compile(
    "[^\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u22ff\u2460-\u27bf\u3000-\u303f\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")

# GB2312 level-1 hanzi (the 3755 most common characters) are the pairs B0-D7 A1-FE; real
# Chinese text is nearly all level-1, Japanese or Korean bytes read as GB18030 are not.
_COMMON_HANZI = re.compile(rb"[\xb0-\xd7][\xa1-\xfe]")
_HANZI = re.compile("[\u4e00-\u9fff]")
MIN_COMMON = 0.6

OnError = Callable[[InputError], None]


def read_documents(inputs: Sequence[str], jsonl_field: str | None = None,
                   on_error: OnError | None = None) -> Iterator[Document]:
    """Yield the documents of `inputs` in order; report each unreadable one to on_error.

    A folder is read recursively (.txt and .md, sorted by path); with `jsonl_field`,
    .jsonl/.json files hold one document per line, text in that field; "-" is stdin.
    Without on_error the first InputError is raised.
    Example: list(read_documents(["a.txt"]))[0].doc_id == "a.txt".
    """
    for name in inputs:
        for source in _expand(name, on_error):
            try:
                if jsonl_field and source.lower().endswith(JSONL_SUFFIXES):
                    yield from _read_jsonl(source, jsonl_field, on_error)
                else:
                    yield _read_text(source)
            except InputError as exc:
                _report(exc, on_error)


def _report(exc: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise exc
    on_error(exc)


def _expand(name: str, on_error: OnError | None) -> list[str]:
    """The files named by one input: itself, or a folder's text files."""
    if name == STDIN:
        return [name]
    path = Path(name)
    if not path.is_dir():
        return [name]
    files = sorted(str(p) for p in path.rglob("*")
                   if p.suffix.lower() in DOCUMENT_SUFFIXES and p.is_file())
    if not files:
        _report(InputError(f"{name}: folder has no {', '.join(DOCUMENT_SUFFIXES[:-1])} or {DOCUMENT_SUFFIXES[-1]} files"), on_error)
    return files


def _read_text(source: str) -> Document:
    extractor = EXTRACTORS.get(Path(source).suffix.lower())
    if extractor:
        text = extractor(read_bytes(source), _display(source))
    else:
        text = decode(read_bytes(source), _display(source))
    if not text.strip():
        raise InputError(f"{_display(source)}: empty file")
    return Document(_doc_id(source), text, source)


def _read_jsonl(source: str, field: str, on_error: OnError | None) -> Iterator[Document]:
    """One document per non-blank line; a bad line is reported as <path>:<line>."""
    shown = _display(source)
    text = decode(read_bytes(source), shown)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where, doc_id = f"{shown}:{number}", f"{_doc_id(source)}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(InputError(f"{where}: malformed JSON ({exc.msg})", doc_id), on_error)
            continue
        problem = _field_problem(record, field)
        if problem:
            _report(InputError(f"{where}: {problem}", doc_id), on_error)
        else:
            yield Document(doc_id, record[field], source)


def _field_problem(record: object, field: str) -> str | None:
    """Why a JSON Lines record holds no usable text in `field`, or None."""
    if not isinstance(record, dict):
        return "line is not a JSON object"
    if field not in record:
        return f'no field "{field}"'
    if not isinstance(record[field], str):
        return f'field "{field}" is not a string'
    if not record[field].strip():
        return f'field "{field}" is empty'
    return None


def read_bytes(source: str) -> bytes:
    """The raw bytes of a file, or of stdin for "-"; OSError becomes InputError.

    Example: read_bytes("missing.txt") raises InputError("missing.txt: no such file").
    """
    if source == STDIN:
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or folder") from None
    except IsADirectoryError:
        raise InputError(f"{source}: is a folder") from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, shown: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK text.

    Binary data (NUL bytes) and bytes that decode to no plausible Chinese or ASCII
    text raise InputError naming `shown`.
    Example: decode("中文".encode("gbk"), "a.txt") == "中文".
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{shown}: invalid UTF-16 text") from None
    if b"\x00" in data:
        raise InputError(f"{shown}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if (text is None or len(_IMPLAUSIBLE.findall(text)) > (1 - MIN_PLAUSIBLE) * len(text)
            or len(_COMMON_HANZI.findall(data)) < MIN_COMMON * len(_HANZI.findall(text))):
        raise InputError(f"{shown}: unknown text encoding (expected UTF-8 or GB18030/GBK)")
    return text


def _display(source: str) -> str:
    return STDIN_NAME if source == STDIN else source


def _doc_id(source: str) -> str:
    return STDIN_NAME if source == STDIN else Path(source).name
