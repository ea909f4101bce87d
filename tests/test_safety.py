"""kg.safety (text made safe where it enters, cells where they leave) and kg.atomic."""
from __future__ import annotations

import csv
import errno
import io
import os

import pytest

import kg.atomic
from kg.atomic import check_writable, open_atomic, write_all
from kg.errors import OutputError
from kg.safety import clean_text, format_delimited_row, neutralise_cell, strip_forbidden


@pytest.mark.parametrize("text, cleaned, count", [
    ("财政厅\ud800", "财政厅\ufffd", 1),
    ("\x00a\x08b\x0bc\x0cd\x1fe", "\ufffda\ufffdb\ufffdc\ufffdd\ufffde", 5),
    ("\ufffe\uffff", "\ufffd\ufffd", 2),
    ("tab\tcr\rlf\n\u2028\x85😀", "tab\tcr\rlf\n\u2028\x85😀", 0),
])
def test_clean_text_replaces_one_for_one(text, cleaned, count):
    assert clean_text(text) == (cleaned, count)
    assert len(cleaned) == len(text)


def test_strip_forbidden():
    assert strip_forbidden("远\x01山\ud800") == "远山"


@pytest.mark.parametrize("cell, shown", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-5", "-5"), ("+1.5", "+1.5"), ("远山", "远山"),
    ("", ""),
])
def test_neutralise_cell(cell, shown):
    assert neutralise_cell(cell) == shown


def test_delimited_rows_read_back_with_the_csv_module():
    cells = ["a\rb", "c\nd", 'e"f', "g,h", "=1"]
    for delimiter in (",", "\t"):
        text = format_delimited_row(cells, delimiter) * 2
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        assert rows == [cells[:4] + ["'=1"]] * 2


def test_open_atomic_replaces_only_on_success(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), open_atomic(path) as fh:
        fh.write("new")
        raise RuntimeError
    assert path.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["f.txt"]
    with open_atomic(path) as fh:
        fh.write("new")
    assert path.read_text(encoding="utf-8") == "new"


def test_write_all_keeps_the_mode_of_a_plain_open(tmp_path):
    write_all({tmp_path / "a": "x"})
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a").stat().st_mode & 0o777 == 0o666 & ~umask


def test_write_all_is_all_or_nothing(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    write_all({a: "1", b: "1"})
    write = kg.atomic._write_temp

    def full(tmp, content):
        if tmp.name.startswith(".b."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write(tmp, content)
    monkeypatch.setattr(kg.atomic, "_write_temp", full)
    with pytest.raises(OutputError, match=r"b: cannot write \(No space left on device\); no output"):
        write_all({a: "2", b: "2"})
    assert (a.read_text(), b.read_text()) == ("1", "1") and sorted(os.listdir(tmp_path)) == ["a", "b"]


def test_check_writable(tmp_path):
    check_writable(tmp_path / "new" / "folder")
    assert (tmp_path / "new" / "folder").is_dir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write there"):
        check_writable(tmp_path / "file" / "out")
    with pytest.raises(OutputError, match="is a folder"):
        check_writable(tmp_path, [tmp_path / "new"])
