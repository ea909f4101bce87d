"""Property-based: at least 10,000 generated documents per run through `kg extract` (JSON
Lines and files) and `kg build`, in-process and in batches. No traceback, no hang, one output
record per input line, offsets that slice the original text to the mention, and Turtle and
every export parsing back in its own reader."""
from __future__ import annotations

import csv
import json
import time

import networkx as nx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from hostile import HOSTILE, NEWS, write_jsonl
from test_cli_input import invoke

from kg.outputs.export import EXPORT_FORMATS, RDF_FORMATS
from kg.rdf.store import read_graph
from kg.safety import clean_text

BATCH = 100
BATCHES = 100            # BATCH * BATCHES documents: the 10,000 the issue asks for
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}

pieces = st.one_of(st.sampled_from(NEWS), st.sampled_from(HOSTILE),
                   st.integers(0, 10**30).map(lambda n: f"{n}万元"),
                   st.tuples(st.integers(1990, 2030), st.integers(0, 15), st.integers(0, 40))
                   .map(lambda d: f"{d[0]}年{d[1]}月{d[2]}日"),
                   st.text(max_size=4))
documents = st.lists(pieces, min_size=1, max_size=12).map("".join)
seen = {"documents": 0, "files": 0}


def check_records(output: str, texts: list[str]) -> None:
    """One record per input line, in order; offsets slice the (cleaned) text to the mention."""
    assert len(output.splitlines()) == len(texts)      # no line break left raw inside a record
    records = [json.loads(line) for line in output.splitlines()]
    assert len(records) == len(texts)
    for number, (record, text) in enumerate(zip(records, texts), 1):
        assert record["doc"].endswith(f":{number}")
        # the text as kg reads it: a surrogate pair escaped in JSON (\ud800\udfff) decodes to one character
        text = clean_text(json.loads(json.dumps(text)))[0]
        for m in record["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        for fact in record["relations"] + record["fundings"]:
            assert 0 <= fact["start"] <= fact["end"] <= len(text)


def check_exports(graph_file, folder) -> None:
    for fmt in EXPORT_FORMATS:
        target = folder / ("csv" if fmt == "csv" else f"graph.{EXTENSIONS.get(fmt, fmt)}")
        result = invoke("export", graph_file, "--format", fmt, "-o", target)
        assert result.exit_code == 0, result.stderr
        if fmt in RDF_FORMATS:
            read_graph(target)
        elif fmt == "graphml":
            nx.read_graphml(target)
        elif fmt == "gexf":
            nx.read_gexf(target)
        else:
            for name in ("nodes.csv", "edges.csv"):
                with open(target / name, encoding="utf-8", newline="") as fh:
                    rows = list(csv.reader(fh))
                assert len({len(row) for row in rows}) == 1


def test_ten_thousand_generated_documents(tmp_path_factory):
    started = time.monotonic()

    # No shrinking: a batch takes seconds and shrinking one takes hours; the failing document
    # is named by the assertion instead.
    @settings(max_examples=BATCHES, deadline=None, database=None, derandomize=True,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(st.lists(documents, min_size=BATCH, max_size=BATCH), st.sampled_from([True, False, False, False]))
    def run_batch(texts, as_files):
        folder = tmp_path_factory.mktemp("fuzz")
        corpus = write_jsonl(folder / "batch.jsonl", texts)
        result = invoke("extract", corpus, "--jsonl-field", "text")
        check_records(result.stdout, texts)
        if as_files:        # the same documents as text files (a file needs some text)
            (folder / "docs").mkdir()
            for i, text in enumerate(texts):
                (folder / "docs" / f"{i:03d}.txt").write_text(
                    clean_text(text)[0] + "。", encoding="utf-8", newline="")
            invoke("extract", folder / "docs")
            seen["files"] += len(texts)
        result = invoke("build", corpus, "--jsonl-field", "text", "-o", folder / "out")
        if (folder / "out" / "graph.ttl").exists():
            read_graph(folder / "out" / "graph.ttl")
            assert (folder / "out" / "graph.html").stat().st_size > 0
            if seen["documents"] % (10 * BATCH) == 0:     # every export, on a tenth of the batches
                check_exports(folder / "out" / "graph.ttl", folder)
        seen["documents"] += len(texts)

    run_batch()
    assert seen["documents"] >= BATCH * BATCHES
    print(f"\n{seen['documents']} generated documents ({seen['files']} also as files) "
          f"in {time.monotonic() - started:.0f} s")
