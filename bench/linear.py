#!/usr/bin/env python3
"""Linear cost: seconds per MB of extraction for one document on one line, 1 to 20 MB.

    python bench/linear.py [--sizes 1,2,4,10,20] [--split]

Writes nothing: each document is made in memory from invented sentences (places, agencies,
companies and amounts drawn at random, no line breaks) and given to the pipeline whole
(`extract_document`), or through the corpus loop's size split with --split. Prints seconds
and seconds per MB for each size, and the largest per-MB time over the smallest; the target
is at most 1.5 (constant time per MB, no per-sentence rescans of the document).
"""
from __future__ import annotations

import argparse
import random
import time

from kg.model import Document
from kg.extract.pipeline import extract_document
from kg.extract.split import extract_in_parts

PLACES = ["临川市", "青禾县", "远江区", "白石镇", "东岭市", "南渡县"]
BODIES = ["财政局", "发展和改革委员会", "农业农村局", "科学技术局", "人力资源和社会保障局"]
FIRMS = ["远山科技", "青松材料", "明川机械", "北辰农业", "海岚医药", "星河电子"]
TEMPLATES = [
    "{p}{b}向{f}有限公司拨付研发补助资金{n}万元。",
    "{m}月{d}日，{p}{b}召开会议，部署下一阶段重点工作。",
    "{f}有限公司获得{p}{b}贷款贴息{n}万元，用于扩建生产线。",
    "据了解，{p}今年已安排专项资金{n}亿元支持中小企业发展。",
    "{p}{b}负责人表示，将继续加大对{f}等企业的扶持力度。",
]


def make_text(mb: float, seed: int = 0) -> str:
    """About `mb` MB of UTF-8 on a single line, of invented news sentences."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < mb * 2**20:
        s = rng.choice(TEMPLATES).format(p=rng.choice(PLACES), b=rng.choice(BODIES),
                                         f=rng.choice(FIRMS), n=rng.randint(1, 999),
                                         m=rng.randint(1, 12), d=rng.randint(1, 28))
        parts.append(s)
        size += len(s.encode("utf-8"))
    return "".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,10,20", help="MB, comma-separated")
    ap.add_argument("--split", action="store_true", help="through the 5 MB size split")
    args = ap.parse_args()
    per_mb = []
    extract_document(Document("warm.txt", make_text(0.01), "warm.txt"))   # load lexicons first
    for mb in (float(s) for s in args.sizes.split(",")):
        doc = Document("one-line.txt", make_text(mb), "one-line.txt")
        start = time.perf_counter()
        if args.split:
            extract_in_parts(doc, extract_document)
        else:
            extract_document(doc)
        seconds = time.perf_counter() - start
        per_mb.append(seconds / mb)
        print(f"{mb:6g} MB  {seconds:8.1f} s  {seconds / mb:6.2f} s/MB", flush=True)
    print(f"largest / smallest s/MB: {max(per_mb) / min(per_mb):.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
