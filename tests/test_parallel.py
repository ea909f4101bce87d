"""Extraction in worker processes and on a Dask cluster gives the same graph, byte for byte,
as extraction in one process."""
from __future__ import annotations

import shutil

import pytest

from conftest import TEXTS
from kg import parallel
from kg.build import build_outputs, default_inputs
from kg.model import Document


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """The invented articles and the bundled samples, in batches of one document each."""
    folder = tmp_path / "corpus"
    shutil.copytree(default_inputs()[0], folder)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(parallel, "BATCH_CHARS", 1)
    return folder


def build_bytes(corpus, out, **options) -> bytes:
    report = build_outputs([str(corpus)], out, html=False, use_cache=False, **options)
    assert report.documents == 7 and report.extracted == 7
    return (out / "graph.ttl").read_bytes()


def test_batches_keep_order_and_size():
    docs = [Document(str(i), "字" * n, "") for i, n in enumerate([5, 5, 12, 1, 1])]
    assert [[d.doc_id for d in b] for b in parallel.batches(docs, 10)] == [["0", "1"], ["2"], ["3", "4"]]


def test_two_workers_give_the_same_graph(corpus, tmp_path):
    one = build_bytes(corpus, tmp_path / "one", workers=1)
    assert build_bytes(corpus, tmp_path / "two", workers=2) == one
    assert build_bytes(corpus, tmp_path / "three", workers=3) == one


def test_dask_cluster_gives_the_same_graph(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    one = build_bytes(corpus, tmp_path / "one", workers=1)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        done = []
        assert build_bytes(corpus, tmp_path / "dask", scheduler=cluster.scheduler_address,
                           progress=lambda n, total: done.append((n, total))) == one
    assert done[-1] == (7, 7)


def test_unreachable_scheduler_is_one_line_error(corpus, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    from kg.errors import KgError
    with pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        build_outputs([str(corpus)], tmp_path / "x", html=False, use_cache=False,
                      scheduler="tcp://127.0.0.1:1")


def test_aside_returns_the_result_of_a_forked_process():
    import os
    here = os.getpid()
    assert parallel.aside(os.getpid)() != here or not hasattr(os, "fork")
    assert parallel.aside(os.getpid, background=False)() == here
    assert parallel.aside(lambda: "视图" * 3)() == "视图视图视图"


def test_aside_raises_what_the_function_raised():
    from kg.errors import KgError

    def fail():
        raise KgError("graph.html: cannot draw")
    with pytest.raises(KgError, match="cannot draw"):
        parallel.aside(fail)()
