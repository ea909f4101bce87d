"""The incremental build cache: each document's extraction, keyed by the document and the
rules' version, and the key of the last complete build.

A document is re-extracted only when its text (or name) changes or the rules do; the rules'
version hashes kg's version, its source files and everything under data/, so editing a
lexicon or upgrading kg invalidates every entry. Entries are pickled Extraction objects
written atomically (a crash leaves no half entry); an unreadable entry counts as a miss.

Apart from builds, `remembered` keeps tables that every process derives at start-up (from
jieba's dictionary, the lexicons, and the compiled code of kg's regexes: `regex`) in the
user's cache folder, under the same rules' version.
"""
from __future__ import annotations

import _sre
import atexit
import glob
import hashlib
import json
import marshal
import os
import pickle
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from . import __version__
from .atomic import write_file
from .errors import OutputError
from .model import Document
from .parallel import Mapper
from .resources import resource_dir

T = TypeVar("T")

CACHE_NAME = ".kg-cache"        # the default cache folder, inside the output folder
BUILD_FILE = "last-build.json"
KEEP_VERSIONS = 8              # of each table in the user cache (see remembered)


@lru_cache(maxsize=None)
def rules_version() -> str:
    """A hash of kg's version, its Python sources and its data/ folder."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for base, pattern in ((package, "**/*.py"), (resource_dir("data"), "**/*")):
        for path in sorted(p for p in base.glob(pattern) if p.is_file()):
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def document_key(doc: Document) -> str:
    """What an extraction depends on: the rules, the document's name and text."""
    digest = hashlib.sha256(rules_version().encode())
    for part in (doc.doc_id, doc.source, doc.text):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ExtractionCache:
    """Extractions stored under `folder`, one file per document key."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str):
        try:
            return pickle.loads(zlib.decompress(self._path(key).read_bytes()))
        except Exception:           # noqa: BLE001 - missing, truncated or stale: extract again
            return None

    def put(self, key: str, value) -> None:
        self._write(self._path(key), zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1))

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_file(path, data)
        except (OSError, OutputError) as exc:
            raise OutputError(f"{self.folder}: cannot write the cache "
                              f"({getattr(exc, 'strerror', None) or exc}); "
                              "use --cache DIR or --no-cache") from None

    def wrap(self, mapper: Mapper, keys: Sequence[str], keep: Callable[[object], bool],
             on_done: Callable[[int], None] | None = None) -> Mapper:
        """A mapper over the documents whose keys are `keys` (in order) that answers from the
        cache and hands only the misses to `mapper`; results that `keep` accepts are stored
        (failures are not, so they are tried again next time)."""
        def run(func, docs: Iterable[Document]):
            docs = list(docs)
            found = [self.get(k) for k in keys]
            missing = [i for i, value in enumerate(found) if value is None]
            self.hits += len(docs) - len(missing)
            self.misses += len(missing)
            if on_done and len(docs) > len(missing):
                on_done(len(docs) - len(missing))
            for i, value in zip(missing, mapper(func, [docs[i] for i in missing])):
                found[i] = value
                if keep(value):
                    self.put(keys[i], value)
            return iter(found)
        return run

    def last_build(self) -> dict | None:
        try:
            return json.loads((self.folder / BUILD_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def save_build(self, record: dict) -> None:
        self._write(self.folder / BUILD_FILE, json.dumps(record, ensure_ascii=False).encode())


def build_key(keys: Sequence[str], options: dict) -> str:
    """The key of a whole build: every document key in order, and the build's options."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode())
    for key in keys:
        digest.update(key.encode())
    return digest.hexdigest()


def file_stamp(path: Path) -> list[int] | None:
    """Size and modification time of an output, to tell that it is still the one written."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]



def user_cache_dir() -> Path:
    """The folder of tables kept between runs: $KG_CACHE_HOME, else $XDG_CACHE_HOME/kg,
    else ~/.cache/kg."""
    if os.environ.get("KG_CACHE_HOME"):
        return Path(os.environ["KG_CACHE_HOME"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"


def remembered(name: str, make: Callable[[], T], *sources: Path) -> T:
    """make()'s value, plain data (marshal), kept in user_cache_dir() as name.KEY.marshal, KEY
    a hash of the rules' version and the files `sources`: read back while they are those it
    was made from, made and stored again otherwise. Versions of kg side by side (installs,
    worktrees) each keep their own file instead of overwriting one another's; the
    KEEP_VERSIONS files of a name used last are kept. For start-up tables that take longer
    to derive than to read; a folder that cannot be read or written only costs make()."""
    kept = _Kept(name, *sources)
    value = kept.read()
    if value is None:
        value = make()
        kept.write(value)
    return value


class _Kept:
    """The file of the user cache that keeps a value of `name` made from `sources` under
    these rules (see remembered)."""

    def __init__(self, name: str, *sources: Path) -> None:
        digest = hashlib.sha256(f"{rules_version()}\0{marshal.version}".encode())
        for source in sources:
            digest.update(b"\0" + Path(source).read_bytes())
        self.name = name
        self.key = digest.hexdigest().encode() + b"\n"
        try:
            self.path: Path | None = user_cache_dir() / f"{name}.{self.key[:16].decode()}.marshal"
        except RuntimeError:            # no home folder to keep it in
            self.path = None

    def read(self):
        """The value kept, or None when there is none (or it is damaged)."""
        if self.path is None:
            return None
        try:
            data = self.path.read_bytes()
            if data.startswith(self.key):
                value = marshal.loads(memoryview(data)[len(self.key):])
                os.utime(self.path)     # used: kept by _prune
                return value
        except (OSError, EOFError, ValueError, TypeError):
            pass                        # missing or damaged
        return None

    def write(self, value) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_file(self.path, self.key + marshal.dumps(value))
            _prune(self.path.parent, self.name)
        except (OSError, OutputError):
            pass


def _prune(folder: Path, name: str) -> None:
    """Delete the files of `name` in folder but the KEEP_VERSIONS used last."""
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:             # deleted meanwhile by another process
            return 0.0
    for old in sorted(folder.glob(f"{glob.escape(name)}.*.marshal"), key=used, reverse=True)[KEEP_VERSIONS:]:
        old.unlink(missing_ok=True)


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags) for one of kg's patterns (fixed, or made from its rules),
    from compiled code kept in the user cache (regex_codes): character classes holding
    Chinese characters or punctuation are slow to compile, and kg's took most of a second
    in each process; their code reads back in milliseconds (a pickled pattern is only its
    source, compiled again). A Python whose regex internals differ (3.10) compiles as usual."""
    codes = regex_codes()
    key = (pattern, int(flags))
    if key not in codes:
        try:
            codes[key] = marshal.dumps(_pattern_code(pattern, int(flags)))
        except (re.error, AttributeError):      # re.compile says what is wrong; 3.10's internals
            return re.compile(pattern, flags)
    try:
        return _sre.compile(pattern, *marshal.loads(codes[key]))
    except (TypeError, ValueError, EOFError, RuntimeError):     # a code this engine refuses
        return re.compile(pattern, flags)


@lru_cache(maxsize=None)
def regex_codes() -> dict[tuple[str, int], bytes]:
    """(pattern, flags) -> the arguments after the pattern that re._compiler.compile gives
    _sre.compile (marshalled: bytes, which the garbage collector never walks, unlike the
    lists of the code), of every pattern `regex` compiled in runs of these rules (per Python
    version and regex engine), kept as `remembered` keeps its tables. The patterns compiled
    in this process are added at its exit."""
    kept = _Kept(f"regexes-{sys.implementation.cache_tag}-{_sre.MAGIC}")
    codes = kept.read() or {}
    atexit.register(_keep_new_codes, kept, codes, len(codes))
    return codes


def _keep_new_codes(kept: _Kept, codes: dict, known: int) -> None:
    if len(codes) > known:
        kept.write(codes)


def _pattern_code(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile(pattern, flags) gives _sre.compile after the pattern, as
    plain data: flags, code (ints), number of groups, group index, names by group number."""
    parsed = re._parser.parse(pattern, flags)
    names = [None] * parsed.state.groups
    for group, number in parsed.state.groupdict.items():
        names[number] = group
    return (int(flags | parsed.state.flags), [int(op) for op in re._compiler._code(parsed, flags)],
            parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names))
