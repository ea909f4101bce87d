"""The incremental build: unchanged documents come from the cache, changed and new ones are
extracted, an unchanged corpus leaves the outputs alone, and the graph is always the one a
build from nothing gives."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import TEXTS
from kg import cache as cache_module
from kg.build import build_outputs, default_inputs
from test_cli_input import invoke


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(default_inputs()[0], folder)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(corpus, out, **options):
    return build_outputs([str(corpus)], out, html=False, **options)


def fresh_graph(corpus, out) -> bytes:
    build(corpus, out, use_cache=False)
    return (out / "graph.ttl").read_bytes()


def test_unchanged_corpus_is_not_rebuilt(corpus, tmp_path):
    out = tmp_path / "out"
    first = build(corpus, out)
    assert (first.extracted, first.cached, first.unchanged) == (7, 0, False)
    stamp = (out / "graph.ttl").stat().st_mtime_ns
    again = build(corpus, out)
    assert (again.cached, again.unchanged, again.triples) == (7, True, first.triples)
    assert (out / "graph.ttl").stat().st_mtime_ns == stamp


def test_changed_document_alone_is_extracted(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    (corpus / "a002.txt").write_text(TEXTS["a002.txt"].replace("80万元", "90万元"), encoding="utf-8")
    report = build(corpus, out)
    assert (report.extracted, report.cached) == (1, 6)
    assert (out / "graph.ttl").read_bytes() == fresh_graph(corpus, tmp_path / "fresh")


def test_new_file_in_folder_is_added(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "a004.txt").write_text(TEXTS["a001.txt"].replace("王小川", "李青"), encoding="utf-8")
    report = build(corpus, out)
    assert (report.documents, report.extracted, report.cached) == (8, 1, 7)
    assert (out / "graph.ttl").read_bytes() == fresh_graph(corpus, tmp_path / "fresh")


def test_deleted_output_is_written_again(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    (out / "graph.ttl").unlink()
    report = build(corpus, out)
    assert (report.extracted, report.cached, report.unchanged) == (0, 7, False)
    assert (out / "graph.ttl").is_file()


def test_new_rules_version_extracts_everything(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build(corpus, out)
    monkeypatch.setattr(cache_module, "rules_version", lambda: "other rules")
    assert build(corpus, out).extracted == 7


def test_broken_entry_is_extracted_again(corpus, tmp_path):
    out = tmp_path / "out"
    build(corpus, out)
    (out / "graph.ttl").unlink()
    for entry in (out / cache_module.CACHE_NAME).glob("*/*"):
        entry.write_bytes(b"not a cache entry")
    assert build(corpus, out).extracted == 7


def test_cache_folder_and_no_cache(corpus, tmp_path):
    build(corpus, tmp_path / "a", cache_dir=tmp_path / "shared-cache")
    assert not (tmp_path / "a" / cache_module.CACHE_NAME).exists()
    assert build(corpus, tmp_path / "b", cache_dir=tmp_path / "shared-cache").cached == 7
    build(corpus, tmp_path / "c", use_cache=False)
    assert not (tmp_path / "c" / cache_module.CACHE_NAME).exists()


def test_rules_version_hashes_data_and_sources():
    assert len(cache_module.rules_version()) == 64


def test_cli_summary_is_one_line_without_progress_when_piped(corpus, tmp_path):
    out = tmp_path / "out"
    first = invoke("build", corpus, "-o", out, "--no-html", "-j", "1")
    assert first.exit_code == 0
    assert first.stderr.splitlines() == [first.stderr.strip()]
    assert "7 documents, 7 extracted, 0 cached" in first.stderr
    again = invoke("build", corpus, "-o", out, "--no-html", "--quiet")
    assert "unchanged since the last build, 7 cached" in again.stderr


def test_cli_summary_names_skip_reasons(corpus, tmp_path):
    (corpus / "empty.txt").write_text(" ", encoding="utf-8")
    result = invoke("build", corpus, tmp_path / "nope.txt", "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 1
    assert "2 skipped (1 empty file, 1 no such file or folder)" in result.stderr.splitlines()[-1]


def test_progress_bar_on_a_terminal(corpus, tmp_path, monkeypatch, capsys):
    import sys
    from kg import cli
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with cli.progress_bar(quiet=False) as progress:
        progress(3, 7)
        progress(7, 7)
    assert "/7 " in capsys.readouterr().err
    with cli.progress_bar(quiet=True) as progress:
        assert progress is None


def test_unwritable_cache_is_one_line_error(corpus, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke("build", corpus, "-o", tmp_path / "out", "--no-html", "--cache", blocker / "cache")
    assert result.exit_code == 1
    assert "cannot write the cache" in result.stderr


def test_remembered_is_made_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path / "home"))
    source = tmp_path / "dict.txt"
    source.write_text("词 3 n\n", encoding="utf-8")
    made = []

    def make():
        made.append(1)
        return {"词": "n", "added": (("约谈", 0, 3),)}
    assert cache_module.remembered("t", make, source) == make()
    made.clear()
    assert cache_module.remembered("t", make, source) == {"词": "n", "added": (("约谈", 0, 3),)}
    assert made == []
    source.write_text("词 4 n\n", encoding="utf-8")         # a new source: made again
    cache_module.remembered("t", make, source)
    assert made == [1]


def test_remembered_survives_a_damaged_or_unwritable_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    assert cache_module.remembered("t", lambda: [1, 2]) == [1, 2]
    [stored] = tmp_path.glob("t.*.marshal")
    stored.write_bytes(b"not marshal data")
    assert cache_module.remembered("t", lambda: [5]) == [5]
    key = stored.read_bytes().split(b"\n")[0]
    stored.write_bytes(key + b"\n\xff\x00")
    assert cache_module.remembered("t", lambda: [3]) == [3]
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_HOME", str(blocked / "below"))
    assert cache_module.remembered("t", lambda: [4]) == [4]


def test_remembered_keeps_each_version_apart_and_the_last_used(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache_module, "KEEP_VERSIONS", 2)
    sources = [tmp_path / f"v{i}.txt" for i in range(3)]
    for i, source in enumerate(sources):           # three versions of the source, in turn
        source.write_text(str(i), encoding="utf-8")
        assert cache_module.remembered("t", lambda: i, source) == i
    assert len(list(tmp_path.glob("t.*.marshal"))) == 2
    assert cache_module.remembered("t", lambda: "made", sources[2]) == 2      # kept: no remake
    assert cache_module.remembered("t", lambda: "made", sources[0]) == "made"  # the oldest went


# Compiles the pattern given as argument with kg.cache.regex and prints how many codes it found kept.
REGEX_RUN = """
import re, sys
from kg.cache import regex, regex_codes
kept = len(regex_codes())
pattern = regex(sys.argv[1], re.M)
assert pattern == re.compile(sys.argv[1], re.M) and pattern.groupindex == {"S": 1, "O": 2}
assert pattern.search("\\ue001向它拨付\\ue002").group("O") == "\\ue002"
print(kept)
"""


def test_regex_equals_re_compile_when_read_back(tmp_path):
    pattern = r"(?P<S>[\ue000-\uf8ff])[^\ue000-\uf8ff。]{0,4}?拨付(?P<O>[\ue000-\uf8ff])"
    env = {**os.environ, "KG_CACHE_HOME": str(tmp_path)}
    kept = [subprocess.run([sys.executable, "-c", REGEX_RUN, pattern], env=env, check=True,
                           capture_output=True, text=True).stdout for _ in range(2)]
    assert kept == ["0\n", "1\n"]          # made and kept at exit, then read back
    assert len(list(tmp_path.glob("regexes-*.marshal"))) == 1
    with pytest.raises(re.error, match="missing \\)"):
        cache_module.regex("(?:贷款")
