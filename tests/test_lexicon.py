"""The lexicon registry: every data/lexicon file is declared, and a bad row stops a build
with one line naming file:line."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.lexicon import LEXICONS, Column, check_cell, load_all
from kg.resources import resource_dir


def test_every_lexicon_file_is_declared_and_valid():
    files = {p.name for p in (resource_dir("data") / "lexicon").iterdir()}
    assert files == set(LEXICONS)
    load_all()


@pytest.mark.parametrize("column, cell, message", [
    (Column("cue", "regex"), "(?:贷款", "bad regular expression in cue"),
    (Column("class", frozenset({"Agency"})), "Agncy", "unknown class 'Agncy'"),
    (Column("name"), "", "empty name"),
    (Column("aliases", "list"), "甲,,乙", "empty item in aliases"),
])
def test_bad_cells_name_the_place(column, cell, message):
    with pytest.raises(DataError, match=f"^x.tsv:3: {message}"):
        check_cell("x.tsv:3", column, cell)


BAD_ROWS = {
    "org_suffixes.tsv": "某某中心\tAgncy\n",           # unknown class
    "agency_abbrev.tsv": "发改委\n",                   # one column of two
    "funding_cues.tsv": "(?:补贴\tGrant\n",            # bad regex
}


@pytest.mark.parametrize("name", sorted(BAD_ROWS))
def test_build_with_a_bad_lexicon_row_fails_in_one_line(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(resource_dir("data"), data, ignore=shutil.ignore_patterns("samples"))
    path = data / "lexicon" / name
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as f:
        f.write(BAD_ROWS[name])
    (tmp_path / "a.txt").write_text("某市财政局下达资金100万元。", encoding="utf-8")
    kg = Path(sys.executable).with_name("kg")
    run = subprocess.run([str(kg), "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--no-html"],
                         capture_output=True, text=True, env={**os.environ, "KG_DATA": str(data)})
    assert run.returncode != 0
    err = run.stderr.strip().splitlines()
    assert len(err) == 1 and f"{path}:{lines + 1}:" in err[0]
    assert "Traceback" not in run.stderr
