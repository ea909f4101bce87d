"""Write files so that a reader sees the old file or the new one, never a part of either.

Each file is written to a temporary file in its own folder, flushed to disk and renamed over
the target (`os.replace`, atomic on POSIX and Windows). `write_all` writes several files as
one: every temporary file is complete before the first rename, so a failure while writing
(a full disk, a kill) leaves all the previous files as they were.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import OutputError


@contextlib.contextmanager
def open_atomic(path: str | Path, mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """A file object whose content replaces `path` when the block ends without an error.

    Example: with open_atomic("out/graph.ttl") as fh: fh.write(data)."""
    path = Path(path)
    tmp = _temp_for(path)
    try:
        with open(tmp, mode, encoding=None if "b" in mode else encoding,
                  newline=None if "b" in mode else newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise


def write_all(files: dict[Path, str | bytes]) -> None:
    """Write every {path: content} or, when one cannot be written, none of them.

    Raises OutputError naming the file that failed; the targets are then untouched."""
    temps: dict[Path, Path] = {}
    try:
        for path, content in files.items():
            try:
                temps[path] = _temp_for(path)
                _write_temp(temps[path], content)
            except OSError as exc:
                raise OutputError(f"{path}: cannot write ({exc.strerror or exc}); "
                                  "no output was changed") from None
        done: list[str] = []
        for path, tmp in temps.items():
            try:
                os.replace(tmp, path)
            except OSError as exc:
                kept = [str(p) for p in temps if str(p) not in done]
                raise OutputError(f"{path}: cannot replace ({exc.strerror or exc}); written: "
                                  f"{', '.join(done) or 'none'}; unchanged: {', '.join(kept)}") from None
            done.append(str(path))
    finally:
        for tmp in temps.values():
            _remove(tmp)


def write_file(path: str | Path, content: str | bytes) -> None:
    """Write one file atomically (see write_all)."""
    write_all({Path(path): content})


def check_writable(folder: str | Path, files: Iterable[Path] = ()) -> None:
    """Raise OutputError unless files can be created in folder (made when missing) and none
    of `files` is in the way as a folder. Called before a long job starts, so a read-only or
    misplaced output is found first, not last."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove(_temp_for(folder / "probe"))
    except OSError as exc:
        raise OutputError(f"{folder}: cannot write there ({exc.strerror or exc})") from None
    for path in files:
        if path.is_dir():
            raise OutputError(f"{path}: is a folder, cannot write the file there")


def _temp_for(path: Path) -> Path:
    """An empty temporary file beside path, with the mode a plain open() would have given."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.chmod(name, _mode_for(path))
    return Path(name)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_temp(tmp: Path, content: str | bytes) -> None:
    with open(tmp, "wb") as fh:
        fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        fh.flush()
        os.fsync(fh.fileno())


def _remove(tmp: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
