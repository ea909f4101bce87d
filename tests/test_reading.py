"""Reading documents: encodings, folders, JSON Lines, stdin, and one-line errors."""
from __future__ import annotations

import io
import json
import os
import sys

import pytest

from kg.errors import InputError
from kg.reading import decode, read_documents

TEXT = "本报讯（记者 甘露）远山科技获得820万元补助。\n"


def read_all(inputs, **kwargs):
    """Documents and error messages of one read."""
    errors = []
    docs = list(read_documents([str(i) for i in inputs], on_error=errors.append, **kwargs))
    return docs, [str(e) for e in errors]


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    b"\xef\xbb\xbf" + TEXT.encode("utf-8"),      # UTF-8 with BOM
    TEXT.encode("gbk"),
    TEXT.encode("gb18030"),
    TEXT.encode("utf-16"),                        # with BOM
], ids=["utf8", "utf8-bom", "gbk", "gb18030", "utf16-bom"])
def test_decodes_chinese_encodings(data):
    assert decode(data, "a.txt") == TEXT


def test_keeps_line_endings_so_offsets_match_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    (doc,), _ = read_all([path])
    assert doc.text == TEXT.replace("\n", "\r\n")


@pytest.mark.parametrize("data, problem", [
    ("日本語のテキストです。これはテストです。".encode("shift_jis"), "unknown text encoding"),
    ("Café crème brûlée, déjà vu".encode("latin-1"), "unknown text encoding"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (TEXT.encode("utf-8") + b"\x00", "binary file"),
])
def test_rejects_undecodable_and_binary_data(data, problem):
    with pytest.raises(InputError, match=rf"^a\.txt: {problem}"):
        decode(data, "a.txt")


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"  \n\t\r\n", "empty file"),
    ("\u3000\n".encode("utf-8"), "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    ("テスト用の日本語テキスト".encode("shift_jis"), "unknown text encoding"),
])
def test_reports_bad_file_and_reads_the_rest(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    docs, errors = read_all([bad, good])
    assert [d.doc_id for d in docs] == ["good.txt"]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: {problem}")
    assert "\n" not in errors[0]


def test_reports_missing_path(tmp_path):
    missing = tmp_path / "nope.txt"
    docs, errors = read_all([missing, missing.with_name("nope2")])
    assert docs == []
    assert errors == [f"{missing}: no such file or folder",
                      f"{missing.with_name('nope2')}: no such file or folder"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_reports_unreadable_file(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT, encoding="utf-8")
    locked.chmod(0)
    try:
        docs, errors = read_all([locked])
    finally:
        locked.chmod(0o644)
    assert docs == [] and errors[0].startswith(f"{locked}: cannot read")


def test_raises_without_on_error(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        list(read_documents([str(tmp_path / "nope.txt")]))


def test_reads_folders_recursively_in_sorted_order(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.txt", "sub/skip.json", "note.doc", "A.TXT"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXT, encoding="utf-8")
    docs, errors = read_all([tmp_path])
    assert errors == []
    assert [d.doc_id for d in docs] == ["A.TXT", "a.md", "b.txt", "c.txt"]
    assert docs[3].source == str(tmp_path / "sub" / "c.txt")
    assert all(d.text == TEXT for d in docs)


def test_reports_folder_without_text_files(tmp_path):
    (tmp_path / "x.doc").write_bytes(b"\xd0\xcf")
    docs, errors = read_all([tmp_path])
    assert docs == [] and errors == [f"{tmp_path}: folder has no .txt, .md, .html, .htm, .pdf or .docx files"]


def test_doc_id_is_file_name_and_source_is_path_as_given(tmp_path, monkeypatch):
    (tmp_path / "000_x.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (doc,), _ = read_all(["000_x.txt"])
    assert (doc.doc_id, doc.source) == ("000_x.txt", "000_x.txt")


def jsonl_file(tmp_path, lines, name="dev.json"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reads_json_lines_one_document_per_line(tmp_path):
    path = jsonl_file(tmp_path, [json.dumps({"text": "远山科技获得补助。", "label": {}}, ensure_ascii=False),
                                 "",
                                 json.dumps({"text": "青川银行发放贷款。"}, ensure_ascii=False)])
    docs, errors = read_all([path], jsonl_field="text")
    assert errors == []
    assert [(d.doc_id, d.text) for d in docs] == [("dev.json:1", "远山科技获得补助。"),
                                                   ("dev.json:3", "青川银行发放贷款。")]
    assert docs[0].source == str(path)


@pytest.mark.parametrize("line, problem", [
    ('{"text": "未闭合', "malformed JSON"),
    ("not json", "malformed JSON"),
    ('{"body": "远山科技"}', 'no field "text"'),
    ('{"text": 42}', 'field "text" is not a string'),
    ('{"text": "  "}', 'field "text" is empty'),
    ('["远山科技"]', "line is not a JSON object"),
])
def test_reports_bad_json_line_by_file_and_line(tmp_path, line, problem):
    path = jsonl_file(tmp_path, ['{"text": "第一行。"}', line, '{"text": "第三行。"}'], name="x.jsonl")
    docs, errors = read_all([path], jsonl_field="text")
    assert [d.doc_id for d in docs] == ["x.jsonl:1", "x.jsonl:3"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: {problem}")


def test_json_lines_need_the_field_option(tmp_path):
    path = jsonl_file(tmp_path, ['{"text": "远山科技。"}'], name="x.jsonl")
    (doc,), _ = read_all([path])
    assert doc.doc_id == "x.jsonl" and doc.text.startswith('{"text"')


@pytest.mark.parametrize("data", [TEXT.encode("utf-8"), TEXT.encode("gbk")], ids=["utf8", "gbk"])
def test_reads_stdin_bytes(monkeypatch, data):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,), errors = read_all(["-"])
    assert errors == [] and doc.text == TEXT and doc.doc_id == "<stdin>"


def test_reports_empty_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    docs, errors = read_all(["-"])
    assert docs == [] and errors == ["<stdin>: empty file"]


# Encodings the issue found guessed wrong (issue 13).
@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_byte_order_mark(codec):
    bom = {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    assert decode(bom + TEXT.encode(codec), "a.txt") == TEXT


def test_korean_is_named_not_garbled():
    data = "서울특별시 재정국은 중소기업에 보조금을 지급했다. 이것은 한국어 문장입니다.".encode("euc-kr")
    with pytest.raises(InputError, match=r"^a\.txt: unknown text encoding \(looks like cp949"):
        decode(data, "a.txt")


def test_big5_is_read():
    text = "臨川市財政局向遠山科技有限公司撥付研發補助資金三百萬元。"
    assert decode(text.encode("big5"), "a.txt") == text


def test_utf8_cut_inside_its_last_character_is_read_with_a_warning(caplog):
    data = TEXT.encode("utf-8") + "补".encode("utf-8")[:2]
    assert decode(data, "a.txt") == TEXT + "\ufffd"
    assert "a.txt: UTF-8 cut inside its last character" in caplog.text


def test_utf8_broken_in_the_middle_is_not_taken_for_a_cut():
    data = TEXT.encode("utf-8")[:5] + TEXT.encode("utf-8")[6:]
    with pytest.raises(InputError):
        decode(data, "a.txt")


def test_verbose_reading_names_the_encoding(caplog):
    import logging
    with caplog.at_level(logging.INFO, logger="kg"):
        decode(TEXT.encode("gbk"), "a.txt")
    assert "a.txt: read as GB18030" in caplog.text


def test_forbidden_characters_are_replaced_where_text_enters(tmp_path):
    path = tmp_path / "c.txt"
    path.write_bytes("远山\x01科技\x1f有限公司\ufffe".encode("utf-8"))
    (doc,), _ = read_all([path])
    assert doc.text == "远山\ufffd科技\ufffd有限公司\ufffd"


def test_read_is_bounded(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 100, encoding="utf-8")
    docs, errors = read_all([path], max_bytes=100)
    assert docs == [] and errors == [f"{path}: over {100 / 2**20:g} MB (--max-bytes)"]
