"""Hostile text for the reliability tests: fragments of invented news with everything that
has broken kg before (lone surrogates, control characters, line separators, formula and
script payloads, digit runs, impossible dates), and a corpus writer using them."""
from __future__ import annotations

import json
from pathlib import Path

# Short news pieces of our own, so that extraction has something to find.
NEWS = [
    "临川市财政局", "向", "远山科技有限公司", "拨付", "研发补助资金", "320万元", "。",
    "青禾县农业农村局", "贷款贴息", "1.5亿元", "2023年5月12日", "，", "据了解", "下达",
    "东岭市人民政府", "明川机械股份有限公司", "副总经理", "张明远", "表示", "项目",
    "\n", "\n\n", "\r\n", "# ", "本报讯（记者 甘露）", "分别", "、", "和", "至",
    "省财政厅", "专项资金", "投资", "万元", "亿元", "元", "约", "共计",
]
HOSTILE = [
    "\ud800", "\udfff", "\ud83d", "\x00", "\x01", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e",
    "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u202e",
    "\u200b", "\r", "\t", "😀", "\U0010fffd", "\\", '"', "'", "<", ">", "&", "]]>",
    "=HYPERLINK(\"http://x.invalid\",\"点击\")", "=1+2", "+1", "-1+cmd|' /C calc'!A0", "@SUM(1)",
    "<script>alert(1)</script>", "\"\"\"", "'''", "^^xsd:date", "@prefix", "_:b0", "<http://x>",
    "2023年2月30日", "2023年13月5日", "2月32日", "9" * 25 + "亿元", "九" * 30 + "亿元",
    "1" * 60 + "元", "1,000,000,000,000,000,000,000元", "０１２３万元",
]


def hostile_documents() -> dict[str, str]:
    """Named documents, each putting a few hostile pieces inside ordinary sentences."""
    base = "临川市财政局向远山科技有限公司拨付研发补助资金320万元。"
    docs = {f"case{i:02d}": f"# 标题{piece}\n\n2023年5月12日，{piece}{base}{piece}青禾县农业农村局"
                            f"向{piece}明川机械股份有限公司提供贷款贴息1.5亿元。\n"
            for i, piece in enumerate(HOSTILE)}
    docs["formula_names"] = ("=HYPERLINK(\"x\")有限公司获得临川市财政局补助50万元。"
                             "+cmd科技有限公司、-2+3有限公司和@SUM(A1)有限公司各获10万元。\n")
    docs["only_hostile"] = "".join(HOSTILE)
    docs["long_line"] = base * 400
    return docs


def write_jsonl(path: Path, texts: list[str]) -> Path:
    """One JSON Lines record per text, with \\u escapes, so lone surrogates survive."""
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="ascii")
    return path
