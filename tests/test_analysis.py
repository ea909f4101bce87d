"""The per-document analysis: every stage gets the same one, and the clause layer is computed
once per document however many stages ask for it."""
from __future__ import annotations

from kg.extract import clause
from kg.extract import layout
from kg.extract import references
from kg.extract import pipeline
from kg.extract.analysis import Analysis
from kg.model import Document

TEXT = ("甲市财政局向乙科技有限公司拨付补助资金300万元。该公司负责人张三说，资金已到账。\n"
        "丙银行丁支行向乙科技有限公司发放贷款500万元。")


def test_every_stage_gets_the_analysis_and_fills_its_fields(monkeypatch):
    seen = []
    stages = tuple((fields, lambda a, stage=stage: seen.append(a) or stage(a))
                   for fields, stage in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    a = pipeline.analyse(Document("t.txt", TEXT, "t.txt"))
    assert isinstance(a, Analysis) and all(x is a for x in seen) and len(seen) == len(stages)
    assert a.article is not None and a.entities and a.fundings


def test_the_clause_layer_is_computed_once_per_document(monkeypatch):
    calls = {"find_refs": 0, "speaker_turns": 0, "story_starts": 0, "mask_sentence": 0}

    def counted(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] += 1
            return original(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)

    for module, name in ((references, "find_refs"), (references, "speaker_turns"), (layout, "story_starts"),
                         (clause, "mask_sentence")):
        counted(module, name)
    a = pipeline.analyse(Document("t.txt", TEXT, "t.txt"))
    assert calls["find_refs"] == calls["speaker_turns"] == calls["story_starts"] == 1
    assert calls["mask_sentence"] <= len(a.sentences)
