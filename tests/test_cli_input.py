"""Bad input through the command line: one line per skipped document naming it, the other
documents still processed, and a non-zero exit whenever a document was skipped."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main

GOOD = ("# 远山科技获320万元研发补助\n\n本报讯（记者 甘露）2023年5月12日，"
        "临川市财政局向远山科技有限公司拨付研发补助资金320万元。\n")

BAD_CONTENT = {
    "missing": None,
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "empty": b" \n\n",
    "undecodable": "日本語のテキストです。これはテストです。".encode("shift_jis"),
}


def make_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)     # click < 8.2 mixes stderr into output
    except TypeError:
        return CliRunner()


def invoke(*args):
    result = make_runner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def bad_file(tmp_path, kind):
    path = tmp_path / f"bad_{kind}.txt"
    if BAD_CONTENT[kind] is not None:
        path.write_bytes(BAD_CONTENT[kind])
    return path


@pytest.mark.parametrize("kind", BAD_CONTENT)
def test_build_skips_bad_file_and_writes_the_rest(tmp_path, good, kind):
    bad = bad_file(tmp_path, kind)
    out = tmp_path / "out"
    result = invoke("build", bad, good, "-o", out, "--no-html")
    assert result.exit_code == 1
    (line,) = lines_naming(result.stderr, str(bad))
    assert line.startswith(f"kg: skipped {bad}: ")
    assert "1 documents, 1 skipped" in result.stderr
    assert (out / "graph.ttl").stat().st_size > 0


@pytest.mark.parametrize("kind", BAD_CONTENT)
def test_extract_skips_bad_file_and_prints_the_rest(tmp_path, good, kind):
    bad = bad_file(tmp_path, kind)
    result = invoke("extract", good, bad)
    assert result.exit_code == 1
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["good.txt"]
    (line,) = lines_naming(result.stderr, str(bad))
    assert line.startswith(f"kg: skipped {bad}: ")


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "远山科技有限公司获得青川银行贷款500万元。"}, ensure_ascii=False),
        '{"text": "未闭合的一行',
        json.dumps({"text": "南湖区政府与远山科技有限公司签约。"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    return path


def test_extract_names_the_malformed_json_line(jsonl):
    result = invoke("extract", "--jsonl-field", "text", jsonl)
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # one record per input line, so that offsets stay aligned with the input: the bad one empty
    assert [r["doc"] for r in records] == ["news.jsonl:1", "news.jsonl:2", "news.jsonl:3"]
    assert records[1]["mentions"] == [] and "malformed JSON" in records[1]["error"]
    (line,) = lines_naming(result.stderr, str(jsonl))
    assert line.startswith(f"kg: skipped {jsonl}:2: malformed JSON")


def test_build_names_the_malformed_json_line(tmp_path, jsonl):
    result = invoke("build", "--jsonl-field", "text", jsonl, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 1
    (line,) = lines_naming(result.stderr, str(jsonl))
    assert line.startswith(f"kg: skipped {jsonl}:2: ")
    assert "2 documents, 1 skipped" in result.stderr


@pytest.mark.parametrize("kind", BAD_CONTENT)
@pytest.mark.parametrize("command", ["build", "extract"])
def test_nothing_readable_fails_with_a_message(tmp_path, command, kind):
    bad = bad_file(tmp_path, kind)
    out = tmp_path / "out"
    args = [command, bad] + (["-o", out] if command == "build" else [])
    result = invoke(*args)
    assert result.exit_code != 0
    assert lines_naming(result.stderr, str(bad))
    assert result.stdout == ""
    assert not (out / "graph.ttl").exists()


@pytest.mark.parametrize("command", ["build", "extract"])
def test_clean_input_exits_zero(tmp_path, good, command):
    args = [command, good] + (["-o", tmp_path / "out", "--no-html"] if command == "build" else [])
    result = invoke(*args)
    assert result.exit_code == 0
    assert "skipped" not in result.stderr

