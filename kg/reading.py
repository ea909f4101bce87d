"""Read input documents: files, folders, JSON Lines and stdin, in UTF-8, UTF-16/32 with a
byte order mark, GB18030/GBK, or what charset-normalizer recognises.

Every problem with one input becomes an InputError whose message is one line,
"<path>: <problem>", handed to `on_error`; reading goes on with the next input. Text is made
safe here, once: characters no output format allows are replaced (kg.safety.clean_text) and
counted in a warning. Warnings go to the "kg" logger; the chosen encoding is logged at INFO.
"""
from __future__ import annotations

import codecs
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .errors import InputError
from .formats import EXTRACTORS
from .model import Document
from .safety import clean_text

TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + tuple(EXTRACTORS)     # what a folder is searched for
JSONL_SUFFIXES = (".jsonl", ".json")
STDIN = "-"
STDIN_NAME = "<stdin>"
MIN_PLAUSIBLE = 0.95    # share of CJK/ASCII/common symbols a GB18030 decoding must reach
MAX_BYTES = 50 * 2**20  # per document: a read never grows without bound (/dev/zero)
# UTF-32 before UTF-16: the UTF-32LE mark begins with the UTF-16LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))
GB_NAMES = ("gb18030", "gbk", "gb2312")
CHINESE_ENCODINGS = (*GB_NAMES, "big5", "big5hkscs", "hz")   # what a detector may choose
log = logging.getLogger("kg")

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
                   on_error: OnError | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Yield the documents of `inputs` in order; report each unreadable one to on_error.

    A folder is read recursively (.txt and .md, sorted by path); with `jsonl_field`,
    .jsonl/.json files and stdin ("-") hold one document per line, text in that field.
    A document over max_bytes is an InputError. Without on_error the first one is raised.
    Example: list(read_documents(["a.txt"]))[0].doc_id == "a.txt".
    """
    for name in inputs:
        for source in _expand(name, on_error):
            try:
                if jsonl_field and (source == STDIN or source.lower().endswith(JSONL_SUFFIXES)):
                    yield from _read_jsonl(source, jsonl_field, on_error, max_bytes)
                else:
                    yield _read_text(source, max_bytes)
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


def _read_text(source: str, max_bytes: int = MAX_BYTES) -> Document:
    extractor = EXTRACTORS.get(Path(source).suffix.lower())
    if extractor:
        text = extractor(read_bytes(source, max_bytes), _display(source))
    else:
        text = decode(read_bytes(source, max_bytes), _display(source))
    if not text.strip():
        raise InputError(f"{_display(source)}: empty file")
    return make_document(_doc_id(source), text, source)


def make_document(doc_id: str, text: str, source: str, where: str | None = None) -> Document:
    """A Document whose text, id and source hold no character an output format forbids; the
    replacements (one U+FFFD each, so offsets hold) are counted in a warning naming `where`."""
    text, count = clean_text(text)
    if count:
        log.warning("%s: replaced %d character(s) no output format allows (surrogates, "
                    "control characters) with U+FFFD", where or _display(source), count)
    return Document(clean_text(doc_id)[0], text, clean_text(source)[0])


def _read_jsonl(source: str, field: str, on_error: OnError | None,
                max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """One document per non-blank line; a bad line is reported as <path>:<line>."""
    shown = _display(source)
    for number, data in enumerate(_read_lines(source, max_bytes), 1):
        where, doc_id = f"{shown}:{number}", f"{_doc_id(source)}:{number}"
        if data is None:
            _report(InputError(f"{where}: line over {_megabytes(max_bytes)} (--max-bytes)", doc_id), on_error)
            continue
        try:
            line = data.decode("utf-8-sig")     # JSON Lines are UTF-8; other lines are guessed
        except UnicodeDecodeError:
            try:
                line = decode(data, where)
            except InputError as exc:
                _report(InputError(str(exc), doc_id), on_error)
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(InputError(f"{where}: malformed JSON ({exc.msg})", doc_id), on_error)
            continue
        problem = _field_problem(record, field)
        if problem:
            _report(InputError(f"{where}: {problem}", doc_id), on_error)
        else:
            yield make_document(doc_id, record[field], source, where)


def _read_lines(source: str, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a file or stdin as bytes without their newline, streamed; None stands
    for a line longer than max_bytes, which is skipped without being held in memory."""
    try:
        fh = sys.stdin.buffer if source == STDIN else open(source, "rb")
    except OSError as exc:
        raise _read_error(source, exc) from None
    try:
        while True:
            line = fh.readline(max_bytes + 1)
            if not line:
                return
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = fh.readline(max_bytes + 1)
                yield None
            else:
                yield line.rstrip(b"\n")
    except OSError as exc:
        raise _read_error(source, exc) from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


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


def read_bytes(source: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The raw bytes of a file, or of stdin for "-", at most max_bytes; OSError and a larger
    input become InputError.

    Example: read_bytes("missing.txt") raises InputError("missing.txt: no such file").
    """
    try:
        if source == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _read_error(source, exc) from None
    if len(data) > max_bytes:
        raise InputError(f"{_display(source)}: over {_megabytes(max_bytes)} (--max-bytes)")
    return data


def _read_error(source: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{source}: no such file or folder")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{source}: is a folder")
    return InputError(f"{_display(source)}: cannot read ({exc.strerror or exc})")


def decode(data: bytes, shown: str) -> str:
    """Decode text: a byte order mark (UTF-8, UTF-16, UTF-32) decides first, then UTF-8, then
    GB18030/GBK when the bytes look like Chinese, else charset-normalizer's best guess.

    UTF-8 cut inside its last character is read with one U+FFFD and a warning. Binary data
    (NUL bytes) and bytes no encoding explains raise InputError naming `shown`. The encoding
    chosen is logged at INFO (`kg --verbose`).
    Example: decode("中文".encode("gbk"), "a.txt") == "中文".
    """
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputError(f"{shown}: invalid {name} text") from None
            log.info("%s: read as %s (byte order mark)", shown, name)
            return text
    if b"\x00" in data:
        raise InputError(f"{shown}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            log.warning("%s: UTF-8 cut inside its last character; read it as U+FFFD", shown)
            return data[:exc.start].decode("utf-8") + "\ufffd"
    else:
        log.info("%s: read as UTF-8", shown)
        return text
    name, text = _guess_encoding(data)
    if text is None:
        # Korean or Japanese read as GB18030 would be silently garbled: name it instead.
        looks = f"looks like {name}; " if name else ""
        raise InputError(f"{shown}: unknown text encoding ({looks}expected UTF-8 or GB18030/GBK)")
    log.info("%s: read as %s", shown, name)
    return text


def _guess_encoding(data: bytes) -> tuple[str, str | None]:
    """(encoding, text) for bytes that are not UTF-8: text is None when they are not in a
    Chinese encoding (encoding then names the detector's guess, if any)."""
    from charset_normalizer import from_bytes   # only for the inputs that need it

    guesses = from_bytes(data)
    least = min((m.chaos for m in guesses), default=0.0)
    # Short GBK text is ambiguous (Big5, EUC-KR share its byte ranges): take GB18030 when it
    # reads as plausible Chinese and the detector finds no encoding that reads more cleanly.
    if not len(guesses) or any(m.encoding in GB_NAMES and m.chaos <= least for m in guesses):
        text = _read_gb18030(data)
        if text is not None:
            return "GB18030", text
    best = guesses.best()
    if best is None:
        return "", None
    return best.encoding, (str(best) if best.encoding in CHINESE_ENCODINGS else None)


def _read_gb18030(data: bytes) -> str | None:
    """data as GB18030 when that gives plausible Chinese (mostly common hanzi), else None."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    if (len(_IMPLAUSIBLE.findall(text)) > (1 - MIN_PLAUSIBLE) * len(text)
            or len(_COMMON_HANZI.findall(data)) < MIN_COMMON * len(_HANZI.findall(text))):
        return None
    return text


def _display(source: str) -> str:
    return STDIN_NAME if source == STDIN else source


def _doc_id(source: str) -> str:
    return STDIN_NAME if source == STDIN else Path(source).name


def _megabytes(size: int) -> str:
    return f"{size / 2**20:g} MB"
