"""Never break, never lose (issue 13): each reproducer of the issue as a test, and a hostile
corpus through build, every export, query CSV/TSV and the view."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from hostile import hostile_documents, write_jsonl
from test_cli_input import GOOD, invoke

import kg.atomic
from kg.outputs.export import EXPORT_FORMATS, RDF_FORMATS
from kg.rdf.store import read_graph
from kg.safety import FORMULA_START

SUFFIX = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld",
          "graphml": "graphml", "gexf": "gexf"}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}


def corpus(tmp_path: Path, count: int, name: str = "corpus") -> Path:
    """A folder of `count` short invented articles, each different."""
    folder = tmp_path / name
    folder.mkdir()
    for i in range(count):
        (folder / f"a{i:04d}.txt").write_text(
            GOOD.replace("320万元", f"{i + 1}万元").replace("远山科技", f"远山{i}号科技"), encoding="utf-8")
    return folder


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=delimiter))


def assert_no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            if cell.startswith(FORMULA_START):
                float(cell)         # only a plain number may start with - or +


# ---------------------------------------------------------------- 1. atomic outputs

KILLABLE_BUILD = textwrap.dedent("""
    import os, sys, time
    import kg.atomic
    write = kg.atomic._write_temp
    files = []
    def slow_write(tmp, content):      # half a file, a pause to be killed in, the rest
        files.append(tmp)
        with open(tmp, "wb") as fh:
            fh.write(content[: len(content) // 2].encode() if isinstance(content, str) else b"")
        print("writing", tmp, flush=True)
        time.sleep(30 if len(files) == int(os.environ["PAUSE_AT"]) else 0)
        write(tmp, content)
    kg.atomic._write_temp = slow_write
    import kg.extract.pipeline
    extract = kg.extract.pipeline.extract_document
    docs = []
    def slow_extract(doc):             # a pause in the middle of the corpus
        docs.append(doc)
        if len(docs) == 5:
            print("extracting", flush=True)
            time.sleep(30 if os.environ["PAUSE_AT"] == "0" else 0)
        return extract(doc)
    kg.extract.pipeline.extract_document = slow_extract
    from kg.cli import main
    main(sys.argv[1:])
""")


@pytest.mark.parametrize("moment", ["extracting", "first file", "second file"])
def test_sigkill_during_a_build_leaves_the_previous_outputs(tmp_path, moment):
    out = tmp_path / "out"
    assert invoke("build", corpus(tmp_path, 2, "old"), "-o", out, "--no-cache").exit_code == 0
    before = snapshot(out)
    pause_at = {"extracting": 0, "first file": 1, "second file": 2}[moment]
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE_BUILD, "build",     # no cache: only the outputs are written
                             str(corpus(tmp_path, 40)), "-o", str(out), "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PAUSE_AT": str(pause_at)})
    try:
        assert proc.stdout.readline().startswith("extracting")
        for _ in range(pause_at):
            assert proc.stdout.readline().startswith("writing")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert snapshot(out) == before
    read_graph(out / "graph.ttl")


def fill_disk_after(monkeypatch, good_files: int) -> None:
    """The next writes fail as a full disk does, after `good_files` complete ones."""
    write = kg.atomic._write_temp
    calls = []

    def full(tmp, content):
        calls.append(tmp)
        if len(calls) > good_files:
            tmp.write_bytes(b"partial")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write(tmp, content)
    monkeypatch.setattr(kg.atomic, "_write_temp", full)


@pytest.mark.parametrize("good_files", [0, 1])
def test_full_disk_during_a_build_changes_nothing(tmp_path, monkeypatch, good_files):
    out = tmp_path / "out"
    assert invoke("build", corpus(tmp_path, 2, "old"), "-o", out, "--no-cache").exit_code == 0
    before = snapshot(out)
    fill_disk_after(monkeypatch, good_files)
    result = invoke("build", corpus(tmp_path, 5), "-o", out, "--no-cache")     # the outputs' writes only
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "no output was changed" in result.stderr
    assert snapshot(out) == before
    assert [p.name for p in out.iterdir()] == sorted(before) or set(os.listdir(out)) == set(before)


def mount_tmpfs(folder: Path, size: str) -> bool:
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        return False
    folder.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def test_full_tmpfs_keeps_the_previous_graph(tmp_path):
    disk = tmp_path / "disk"
    if not mount_tmpfs(disk, "1200k"):
        pytest.skip("cannot mount a tmpfs here (the injected-OSError test covers a full disk)")
    try:
        out = disk / "out"
        assert invoke("build", corpus(tmp_path, 1, "old"), "-o", out, "--no-cache").exit_code == 0
        before = snapshot(out)
        result = invoke("build", corpus(tmp_path, 300), "-o", out, "--no-cache")
        assert result.exit_code == 1 and "no output was changed" in result.stderr
        assert snapshot(out) == before and set(os.listdir(out)) == set(before)
    finally:
        subprocess.run(["umount", str(disk)], check=False)


@pytest.mark.parametrize("command", ["export", "view"])
def test_failed_export_or_view_leaves_no_partial_file(graph_file, tmp_path, monkeypatch, command):
    fill_disk_after(monkeypatch, 0)
    target = tmp_path / "x.graphml"
    args = (["export", graph_file, "--format", "graphml", "-o", target] if command == "export"
            else ["view", graph_file, "-o", target])
    result = invoke(*args)
    assert result.exit_code == 1 and "No space left" in result.stderr
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------- 2. lone surrogates

def test_lone_surrogates_are_replaced_and_counted(tmp_path):
    texts = [f"湖北省财政厅{s}向远山科技有限公司拨付资金{i}万元。" for i, s in
             enumerate(["\ud800", "\udfff", "\ud83d", "\ud800\ud800"], 1)]
    path = write_jsonl(tmp_path / "s.jsonl", texts)
    result = invoke("extract", path, "--jsonl-field", "text")
    assert result.exit_code == 0
    lines = result.stdout.encode("utf-8").decode("utf-8").splitlines()
    assert len(lines) == 4 and all("\ufffd" in json.loads(line)["article"]["title"] for line in lines)
    assert f"{path}:4: replaced 2 character(s)" in result.stderr
    build = invoke("build", path, "--jsonl-field", "text", "-o", tmp_path / "out")
    assert build.exit_code == 0
    assert "\ufffd" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert len(read_graph(tmp_path / "out" / "graph.ttl")) > 0
    assert (tmp_path / "out" / "graph.html").read_text(encoding="utf-8").count("\ufffd")


# ---------------------------------------------------------------- 3. exports parse back

def graph_with(text: str) -> Graph:
    from kg.rdf.graph import bind_prefixes
    from kg.rdf.ontology import KG
    g = bind_prefixes(Graph())
    node = URIRef("https://w3id.org/kg-zh/id/Company/x")
    g.add((node, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), KG.Company))
    g.add((node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(text, lang="zh")))
    return g


@pytest.mark.parametrize("fmt", ["ntriples", "nquads"])
def test_line_based_exports_keep_unicode_line_breaks_inside_literals(tmp_path, fmt):
    from kg.outputs.export import export_graph
    g = graph_with("甲\u2028乙\u2029丙\x85丁\x0b戊\x0c己\x1c庚\x1d辛\x1e壬\r癸\n子")
    path = export_graph(g, fmt, tmp_path / f"g.{SUFFIX[fmt]}")
    assert len(read_graph(path)) == 2


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_drop_what_xml_forbids(tmp_path, fmt):
    from kg.outputs.export import export_graph
    g = graph_with("远山\x00\x01\x08\x1f科技\ufffe")
    path = export_graph(g, fmt, tmp_path / f"g.{fmt}")
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    assert [d["label"] for _, d in graph.nodes(data=True)] == ["远山科技"]


# ---------------------------------------------------------------- 4. huge amounts, failures

def test_a_huge_amount_loses_only_itself(tmp_path):
    texts = ["临川市财政局向远山科技有限公司拨付资金" + "9" * n + "亿元和320万元。" for n in (21, 22, 40, 400)]
    result = invoke("extract", write_jsonl(tmp_path / "h.jsonl", texts), "--jsonl-field", "text")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == [f"h.jsonl:{i}" for i in range(1, 5)]
    assert all(r["entities"] and "error" not in r for r in records)


def test_a_document_failing_extraction_keeps_its_record(tmp_path, monkeypatch):
    import kg.extract.pipeline
    extract = kg.extract.pipeline.extract_document

    def fails_on_second(doc):
        if doc.doc_id.endswith(":2"):
            raise ValueError("boom")
        return extract(doc)
    monkeypatch.setattr(kg.extract.pipeline, "extract_document", fails_on_second)
    path = write_jsonl(tmp_path / "f.jsonl", [GOOD, GOOD, GOOD])
    result = invoke("extract", path, "--jsonl-field", "text")
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["doc"] for r in records] == ["f.jsonl:1", "f.jsonl:2", "f.jsonl:3"]
    assert records[1]["error"].startswith(f"{path}:2: extraction failed (ValueError: boom)")
    assert f"kg: skipped {path}:2: extraction failed" in result.stderr


# ---------------------------------------------------------------- 5. spreadsheets

PAYLOADS = ["=HYPERLINK(\"http://x.invalid\",\"点\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_csv_export_neutralises_formulas_and_quotes_cr(tmp_path):
    from kg.outputs.export import export_graph
    g = Graph()
    for i, payload in enumerate(PAYLOADS + ["甲\r乙", "-5"]):
        node = URIRef(f"https://w3id.org/kg-zh/id/Company/p{i}")
        g.add((node, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
               URIRef("https://w3id.org/kg-zh/ontology#Company")))
        g.add((node, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal(payload)))
    export_graph(g, "csv", tmp_path / "csv")
    rows = read_csv(tmp_path / "csv" / "nodes.csv")
    assert len(rows) == 1 + len(PAYLOADS) + 2
    assert_no_formula(rows)
    names = {row[1] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://x.invalid\",\"点\")" in names and "甲\r乙" in names and "-5" in names


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_query_csv_and_tsv_neutralise_formulas(tmp_path, fmt, delimiter):
    g = Graph()
    for i, payload in enumerate(PAYLOADS + ["甲\r乙"]):
        g.add((URIRef(f"http://x.invalid/{i}"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
               Literal(payload)))
    path = tmp_path / "g.ttl"
    g.serialize(path, format="turtle")
    result = invoke("query", path, "SELECT ?l WHERE { ?s rdfs:label ?l } ORDER BY ?l", "--format", fmt)
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=delimiter))
    assert len(rows) == 1 + len(PAYLOADS) + 1
    assert_no_formula(rows)


# ---------------------------------------------------------------- 6. unwritable outputs first

@pytest.fixture
def no_extraction(monkeypatch):
    import kg.extract.pipeline

    def never(*args, **kwargs):
        raise AssertionError("extraction started before the output was checked")
    monkeypatch.setattr(kg.extract.pipeline, "build_corpus", never)     # build imports it when it extracts


@pytest.mark.parametrize("case", ["parent is a file", "graph.ttl is a folder", "read-only"])
def test_unwritable_output_is_found_before_extraction(tmp_path, monkeypatch, no_extraction, case):
    out = tmp_path / "out"
    if case == "parent is a file":
        (tmp_path / "f").write_text("", encoding="utf-8")
        out = tmp_path / "f" / "out"
    elif case == "graph.ttl is a folder":
        (out / "graph.ttl").mkdir(parents=True)
    else:       # chmod does not stop root: the OSError a read-only folder gives
        def read_only(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        monkeypatch.setattr(kg.atomic, "_temp_for", read_only)
    result = invoke("build", good_file(tmp_path), "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and str(out) in result.stderr


def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", ["extract", "query", "stats"])
def test_output_to_a_full_device_says_so_in_one_line(tmp_path, graph_file, command):
    args = {"extract": ["extract", str(good_file(tmp_path))], "stats": ["stats", str(graph_file)],
            "query": ["query", str(graph_file), "SELECT * WHERE { ?s ?p ?o }"]}[command]
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "kg.cli", *args],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "Error: standard output: cannot write (No space left on device)"]


# ---------------------------------------------------------------- 7. oversized documents

def test_a_document_over_the_split_size_is_extracted_in_parts(tmp_path):
    text = "".join(f"临川市财政局向远山{i}号科技有限公司拨付资金{i + 1}万元。\n" for i in range(60))
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    whole = json.loads(invoke("extract", path).stdout)
    result = invoke("extract", path, "--split-size", "0.001")
    assert result.exit_code == 0
    assert "big.txt: 4 KB, over the 1 KB split size: extracted in 5 parts" in result.stderr
    (line,) = result.stdout.splitlines()
    parts = json.loads(line)
    for m in parts["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    assert len(parts["fundings"]) == len(whole["fundings"]) == 60
    assert [(f["start"], f["end"]) for f in parts["fundings"]] == \
        [(f["start"], f["end"]) for f in whole["fundings"]]


# ---------------------------------------------------------------- 9. reads are bounded

@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_reading_dev_zero_stops_at_max_bytes():
    result = invoke("extract", "/dev/zero", "--max-bytes", "1")
    assert result.exit_code == 1
    assert "kg: skipped /dev/zero: over 1 MB (--max-bytes)" in result.stderr


def test_a_json_line_over_max_bytes_keeps_its_record(tmp_path):
    path = write_jsonl(tmp_path / "m.jsonl", [GOOD, GOOD * 20000, GOOD])
    result = invoke("extract", path, "--jsonl-field", "text", "--max-bytes", "0.5")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [bool(r.get("error")) for r in records] == [False, True, False]


def test_extract_stdin_honours_jsonl_field(tmp_path):
    from click.testing import CliRunner
    from kg.cli import main
    data = json.dumps({"body": GOOD}) + "\n" + json.dumps({"body": GOOD}) + "\n"
    result = CliRunner().invoke(main, ["extract", "-", "--jsonl-field", "body"], input=data)
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["<stdin>:1", "<stdin>:2"]


# ---------------------------------------------------------------- 10. no network

@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { SERVICE ?endpoint { ?s ?p ?o } } }",
    "SELECT * FROM <http://127.0.0.1:9/g.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_query_refuses_the_network(graph_file, sparql):
    result = invoke("query", graph_file, sparql)
    assert result.exit_code == 1
    assert "would reach the network; refused (--allow-network allows it)" in result.stderr


def test_store_and_endpoint_refuse_the_network(tmp_path, graph_file):
    from kg.outputs.serve import answer_query
    from kg.rdf.store import open_store, write_store

    store = tmp_path / "store"
    write_store(graph_file, store)
    sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    result = invoke("query", str(store), sparql)
    assert result.exit_code == 1
    assert "would reach the network; refused (--allow-network allows it)" in result.stderr
    status, _, body, _ = answer_query(open_store(store), sparql, {}, "application/sparql-results+json", 10)
    assert status == 400 and b"would reach the network" in body


def test_network_words_as_names_or_text_are_no_network_use():
    from kg.outputs.query import find_network_use

    assert find_network_use('SELECT ?from WHERE { ?s kg:service "SERVICE <x>" } # FROM <y>') is None
    assert find_network_use("select * from <http://x/g> where { ?s ?p ?o }") == "FROM"


@pytest.mark.parametrize("context", ["http://127.0.0.1:9/context.jsonld",
                                     ["http://127.0.0.1:9/c.jsonld", {"kg": "urn:x:"}],
                                     {"@import": "http://127.0.0.1:9/c.jsonld"}])
@pytest.mark.parametrize("command", ["query", "export", "view", "stats"])
def test_remote_jsonld_contexts_are_never_fetched(tmp_path, context, command):
    path = tmp_path / "g.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "urn:x:a", "urn:x:p": "v"}), encoding="utf-8")
    args = {"query": ["query", path, "ASK {}"],
            "export": ["export", path, "--format", "turtle", "-o", tmp_path / "g.ttl"],
            "view": ["view", path, "-o", tmp_path / "g.html"], "stats": ["stats", path]}[command]
    result = invoke(*args)
    assert result.exit_code == 1 and "would be fetched from the network; refused" in result.stderr


# ---------------------------------------------------------------- a hostile corpus, end to end

@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    docs = hostile_documents()
    write_jsonl(folder / "hostile.jsonl", list(docs.values()))
    (folder / "files").mkdir()
    for name, text in docs.items():       # as files too, where the file system can hold them
        raw = text.encode("utf-8", "surrogatepass")
        (folder / "files" / f"{name}.txt").write_bytes(raw)
    result = invoke("build", folder / "hostile.jsonl", folder / "files", "--jsonl-field", "text",
                    "-o", folder / "out")
    return folder, result


def test_hostile_corpus_builds(hostile_build):
    folder, result = hostile_build
    assert "Traceback" not in result.stderr
    graph = read_graph(folder / "out" / "graph.ttl")
    assert len(graph) > 100
    html = (folder / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_hostile_corpus_exports_parse_back(hostile_build, fmt):
    folder, _ = hostile_build
    target = folder / ("csv" if fmt == "csv" else f"export.{SUFFIX[fmt]}")
    assert invoke("export", folder / "out" / "graph.ttl", "--format", fmt, "-o", target).exit_code == 0
    if fmt in RDF_FORMATS:
        assert len(read_graph(target)) == len(read_graph(folder / "out" / "graph.ttl"))
    elif fmt == "csv":
        for name in ("nodes.csv", "edges.csv"):
            rows = read_csv(target / name)
            assert len({len(row) for row in rows}) == 1
            assert_no_formula(rows)
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(target)
        assert graph.number_of_nodes() > 10


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_hostile_corpus_queries_as_csv_and_tsv(hostile_build, fmt, delimiter):
    folder, _ = hostile_build
    for name in ("fundings", "entities", "people"):
        result = invoke("query", folder / "out" / "graph.ttl", name, "--format", fmt)
        if result.exit_code == 1 and "unknown query" in result.stderr:
            continue
        assert result.exit_code == 0, result.stderr
        rows = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=delimiter))
        assert len({len(row) for row in rows}) == 1
        assert_no_formula(rows)


def test_hostile_corpus_view(hostile_build):
    folder, _ = hostile_build
    result = invoke("view", folder / "out" / "graph.ttl", "-o", folder / "view.html",
                    "--focus", "临川市财政局", "--depth", "2")
    assert result.exit_code == 0, result.stderr
    assert "<script>alert(1)</script>" not in (folder / "view.html").read_text(encoding="utf-8")


def test_a_foreign_graph_with_escaped_surrogates_is_cleaned_on_reading(tmp_path):
    path = tmp_path / "foreign.ttl"
    path.write_text('<http://x.invalid/a> a <https://w3id.org/kg-zh/ontology#Company> ;\n'
                    '  <http://www.w3.org/2000/01/rdf-schema#label> "远\\uD800山\\u0001" .\n',
                    encoding="utf-8")
    for fmt in EXPORT_FORMATS:
        result = invoke("export", path, "--format", fmt, "-o", tmp_path / f"out.{SUFFIX.get(fmt, fmt)}")
        assert result.exit_code == 0 and "replaced 2 character(s)" in result.stderr
    assert invoke("view", path, "-o", tmp_path / "v.html").exit_code == 0
    result = invoke("query", path, "SELECT ?l WHERE { ?s rdfs:label ?l }", "--format", "csv")
    assert result.stdout.splitlines()[1] == "远\ufffd山\ufffd"
