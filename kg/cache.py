"""The incremental build cache: each document's extraction, keyed by the document and the
rules' version, and the key of the last complete build.

A document is re-extracted only when its text (or name) changes or the rules do; the rules'
version hashes kg's version, its source files and everything under data/, so editing a
lexicon or upgrading kg invalidates every entry. Entries are pickled Extraction objects
written atomically (a crash leaves no half entry); an unreadable entry counts as a miss.

Apart from builds, `remembered` keeps tables that every process derives at start-up (from
jieba's dictionary, and the compiled cue templates) in the user's cache folder, under the
same rules' version.
"""
from __future__ import annotations

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
    digest = hashlib.sha256(f"{rules_version()}\0{marshal.version}".encode())
    for source in sources:
        digest.update(b"\0" + Path(source).read_bytes())
    key = digest.hexdigest().encode() + b"\n"
    try:
        path = user_cache_dir() / f"{name}.{key[:16].decode()}.marshal"
    except RuntimeError:            # no home folder to keep it in
        return make()
    try:
        data = path.read_bytes()
        if data.startswith(key):
            value = marshal.loads(memoryview(data)[len(key):])
            os.utime(path)          # used: kept by _prune
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass                        # missing or damaged: made again below
    value = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_file(path, key + marshal.dumps(value))
        _prune(path.parent, name)
    except (OSError, OutputError):
        pass
    return value


def _prune(folder: Path, name: str) -> None:
    """Delete the files of `name` in folder but the KEEP_VERSIONS used last."""
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:             # deleted meanwhile by another process
            return 0.0
    for old in sorted(folder.glob(f"{glob.escape(name)}.*.marshal"), key=used, reverse=True)[KEEP_VERSIONS:]:
        old.unlink(missing_ok=True)


def compiled_patterns(name: str, patterns: Sequence[str]) -> list[re.Pattern]:
    """re.compile(p) for each of patterns, the compiled code kept by `remembered` (as `name`,
    per Python version and regex engine): the cue templates' wide character classes take
    most of a second to compile in each process, their code milliseconds to read back (a
    pickled pattern is only its source, compiled again). A Python whose regex internals
    differ (3.10), or a code the engine refuses, falls back to re.compile."""
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:
        return [re.compile(p) for p in patterns]
    codes = remembered(f"{name}-{sys.implementation.cache_tag}-{_sre.MAGIC}",
                       lambda: {p: _pattern_code(_parser, _compiler, p) for p in patterns})
    out = []
    for pattern in patterns:
        try:
            out.append(_sre.compile(pattern, *codes[pattern]))
        except (KeyError, TypeError, ValueError, RuntimeError):
            out.append(re.compile(pattern))
    return out


def _pattern_code(parser, compiler, pattern: str) -> tuple:
    """The arguments after the pattern that re._compiler.compile gives _sre.compile, as plain
    data: flags, code (ints), number of groups, group index, names by group number."""
    parsed = parser.parse(pattern, 0)
    names = [None] * parsed.state.groups
    for group, number in parsed.state.groupdict.items():
        names[number] = group
    return (int(parsed.state.flags), [int(op) for op in compiler._code(parsed, 0)],
            parsed.state.groups - 1, dict(parsed.state.groupdict), tuple(names))
