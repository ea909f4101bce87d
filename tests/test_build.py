"""The whole pipeline on the bundled samples (our own articles): every class appears,
output is byte-identical across builds, and every offset points into the original text."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from kg.build import build_outputs, default_inputs, iter_extract_records
from kg.cli import main
from kg.model import ENTITY_TYPES
from kg.rdf.ontology import KG
from kg.reading import read_documents


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("samples")
    build_outputs([], out)
    return out


def test_samples_show_every_class(sample_build):
    g = Graph().parse(sample_build / "graph.ttl")
    for cls in ENTITY_TYPES:
        assert any(g.subjects(RDF.type, KG[cls])), cls
    funding_types = {t for t in ("Loan", "Grant", "Relief", "InterestSubsidy", "Investment")
                     if any(g.subjects(RDF.type, KG[t]))}
    assert len(funding_types) >= 4, funding_types


def test_build_is_byte_identical(sample_build, tmp_path):
    build_outputs([], tmp_path)
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (sample_build / name).read_bytes(), name


def test_offsets_point_into_the_original_text():
    texts = {d.doc_id: d.text for d in read_documents(default_inputs())}
    for record in iter_extract_records(default_inputs()):
        text = texts[record["doc"]]
        for m in record["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for fact in record["relations"] + record["fundings"]:
            original = re.sub(r"\s", "", text[fact["start"]:fact["end"]])
            assert original and re.sub(r"\s", "", fact["evidence"]) in original


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in main.commands.items():
        assert command.help, name
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, name


def test_a_document_that_breaks_extraction_is_skipped(monkeypatch):
    import kg.extract.pipeline as pipeline
    from kg.errors import ExtractionError
    from kg.model import Document

    real = pipeline.extract_document

    def flaky(doc):
        if doc.doc_id == "bad":
            raise IndexError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    errors = []
    docs = [Document("bad", "某某", "bad.txt"), Document("good", "长春市财政局发放补助。", "good.txt")]
    out = list(pipeline.extract_corpus(docs, errors.append))
    assert [ex.article.doc_id for ex in out] == ["good"]
    assert isinstance(errors[0], ExtractionError) and "bad.txt" in str(errors[0])


def test_large_graph_gets_a_summary_view_unless_asked(tmp_path, monkeypatch):
    import kg.build
    monkeypatch.setattr(kg.build, "VIEW_MAX_ENTITIES", 5)
    report = build_outputs([], tmp_path / "summary", use_cache=False)
    assert any("graph.html shows the 5 entities named in most articles" in n for n in report.notes)
    page = (tmp_path / "summary" / "graph.html").read_text(encoding="utf-8")
    assert "summary: the 5 entities named in most articles" in page
    full = build_outputs([], tmp_path / "full", use_cache=False, full_view=True)
    assert full.notes == ()
