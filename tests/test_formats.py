"""Saved web pages, PDFs and Word files: the test writes each file with the format's own
library, then checks the extracted text, its title and date, and that offsets in the
extraction point into that text."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from kg.errors import InputError
from kg.formats import compose
from kg.reading import read_documents
from test_cli_input import invoke

TITLE = "青禾市拨付研发补助资金"
PARAGRAPHS = [
    "青禾市财政局近日向青禾星河智能科技有限公司拨付研发补助资金320万元，用于支持企业开展关键技术攻关。",
    "该公司副总经理周明远说，这笔资金来得很及时，公司将加快新产品研发进度。",
    "青禾市工业和信息化局局长陈若兰表示，将继续帮助企业对接金融机构，推动更多项目落地见效。",
    "据了解，今年以来全市已累计向中小企业发放各类补助资金超过1.2亿元，惠及企业三百余家。",
]


def write_html(path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    path.write_text(
        f"<html><head><title>{TITLE} - 青禾日报</title>"
        '<meta property="article:published_time" content="2024-05-12"></head><body>'
        '<nav><a href="/">首页</a> | <a href="/news">要闻</a> | <a href="/about">关于我们</a></nav>'
        f"<article><h1>{TITLE}</h1>{body}</article>"
        '<div class="comments"><h3>网友评论</h3><p>网友甲：点赞！</p></div>'
        "<footer>版权所有 青禾日报社</footer></body></html>", encoding="utf-8")


def write_pdf(path, text=True):
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setTitle(TITLE)
    pdf.setCreator("kg tests")
    if text:
        pdf.setFont("STSong-Light", 10)
        for i, paragraph in enumerate(PARAGRAPHS):
            pdf.drawString(40, 760 - 20 * i, paragraph)
    else:                       # a scan: a picture of the page, no text layer
        pdf.rect(40, 400, 500, 380, fill=1)
    pdf.save()


def write_docx(path):
    import docx

    document = docx.Document()
    document.core_properties.title = TITLE
    document.core_properties.created = datetime(2024, 5, 12, 9, 30)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "青禾星河智能科技有限公司"
    table.rows[0].cells[1].text = "320万元"
    document.save(str(path))


WRITERS = {"page.html": write_html, "page.htm": write_html, "paper.pdf": write_pdf,
           "notice.docx": write_docx}


def read_one(path):
    docs = list(read_documents([str(path)]))
    assert len(docs) == 1
    return docs[0]


@pytest.mark.parametrize("name", WRITERS)
def test_text_title_and_date_come_out(tmp_path, name):
    path = tmp_path / name
    WRITERS[name](path)
    doc = read_one(path)
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    assert doc.text.lstrip("# ").startswith(TITLE)
    assert "首页" not in doc.text and "网友" not in doc.text and "版权" not in doc.text
    if name != "paper.pdf":     # the PDF carries no date in text or metadata we set
        assert "2024年5月12日" in doc.text or "2024-05-12" in doc.text


def test_docx_tables_are_read(tmp_path):
    write_docx(tmp_path / "n.docx")
    assert "青禾星河智能科技有限公司\t320万元" in read_one(tmp_path / "n.docx").text


def test_scanned_pdf_is_skipped_with_a_reason(tmp_path):
    write_pdf(tmp_path / "scan.pdf", text=False)
    with pytest.raises(InputError, match=r"scan\.pdf: scanned PDF without a text layer"):
        read_one(tmp_path / "scan.pdf")


@pytest.mark.parametrize("name", ["broken.pdf", "broken.docx"])
def test_broken_file_is_one_line_error(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match=rf"{name}: not a readable"):
        read_one(tmp_path / name)


def test_folder_reads_every_format_and_offsets_point_into_the_text(tmp_path):
    for name, write in WRITERS.items():
        write(tmp_path / name)
    result = invoke("extract", tmp_path, "--text")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["doc"] for r in records) == sorted(WRITERS)
    for record in records:
        assert record["article"]["title"] == TITLE
        assert record["fundings"], record["doc"]
        for item in record["fundings"] + record["relations"]:
            assert record["text"][item["start"]:item["end"]] == item["evidence"]
        for mention in record["mentions"]:
            assert record["text"][mention["start"]:mention["end"]] == mention["text"]


def test_build_skips_scanned_pdf_and_builds_the_rest(tmp_path):
    write_pdf(tmp_path / "scan.pdf", text=False)
    write_docx(tmp_path / "notice.docx")
    result = invoke("build", tmp_path, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 1
    assert "1 documents, 1 skipped (1 scanned PDF without a text layer)" in result.stderr


@pytest.mark.parametrize("body, title, when, expected", [
    ("正文。", "标题", "2024-05-12", "# 标题\n2024年5月12日\n正文。"),
    ("标题\n2023年1月2日，正文。", "标题", "2024-05-12", "标题\n2023年1月2日，正文。"),
    ("标题\n正文。", None, datetime(2024, 5, 12), "标题\n2024年5月12日\n正文。"),
    ("正文。", "", "not a date", "正文。"),
])
def test_compose_adds_only_what_the_text_lacks(body, title, when, expected):
    assert compose(body, title, when) == expected
