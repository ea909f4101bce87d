"""rjieba behind kg.extract.segment cuts exactly like kg's jieba tokenizer, HMM off and on."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import segment
from kg.lexicon import load_words

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"

SENTENCES = [
    "青禾市财政局向星河智能科技有限公司拨付研发补助资金320万元。",
    "东湖区市场监督管理局约谈青禾北辰物流有限公司，督促其整改。",
    "云岭农村商业银行青禾分行发放贷款1500万元，期限3年，利率4.35%。",
    "市发改委副主任周明远表示，全年引进项目投资额不低于5亿元，多于去年。",
    "该公司收购了一家做冷链仓储的企业，网址 http://www.example.gov.cn 。",
    "2024年5月12日，省财政厅、省工信厅联合印发《中小企业纾困十条》。",
    "ABC公司与青禾理工学院签署合作协议\n□本报记者 王小川 摄",
]


def native_or_skip():
    native = segment.native_cutter()
    if native is None:
        pytest.skip("rjieba is not installed")
    return native


@pytest.mark.parametrize("text", SENTENCES + [" ".join(load_words("name_stops.txt"))])
def test_native_cut_equals_jieba(text):
    native = native_or_skip()
    assert native.cut(text, hmm=False) == segment.tokenizer().lcut(text, HMM=False)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared seeds are not beside the project")
def test_native_cut_equals_jieba_on_seeds():
    native = native_or_skip()
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert native.cut(text, hmm=False) == segment.tokenizer().lcut(text, HMM=False), path.name


def test_tag_words_offsets_cover_the_text():
    text = SENTENCES[0]
    tags = segment.tag_words(text)
    assert tags[0][0] == 0 and tags[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(tags, tags[1:]))


# unknown runs of letters, digits and punctuation, which rjieba's HMM and jieba's split apart
# differently, next to names and words jieba does not know
HMM_SENTENCES = SENTENCES + [
    "记者祁惠然报道：2021-07-03 10:05，官网 www.example.gov.cn 发布通知（编号 A_12.5%）。",
    "卡伦·奥尔塔-尼表示，3.5%的增长来自AT&T与C++项目，电话0451-8590xxxx。",
    "1.2.3版、x-y-z型、..和-+都不是名字，甘雨桐和韩立笑着说。",
]


@pytest.mark.parametrize("text", HMM_SENTENCES)
def test_hmm_cut_equals_jieba(text):
    native_or_skip()
    assert segment.cut_hmm(text) == segment.tokenizer().lcut(text, HMM=True)


def test_hmm_cut_equals_jieba_on_windows():
    """Every window of a few characters, as the person stages cut them around a cue."""
    native_or_skip()
    text = "".join(HMM_SENTENCES)
    for size in (3, 5, 8):
        for start in range(len(text) - size):
            window = text[start:start + size]
            assert segment.cut_hmm(window) == segment.tokenizer().lcut(window, HMM=True), window

