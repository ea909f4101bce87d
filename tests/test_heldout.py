"""End to end on our own held-out-style articles (tests/heldout: six stories from six
provinces, written and annotated independently of the extractor), scored with
../shared/eval/score.py. Skipped when ../shared is absent."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kg.build import build_outputs

HERE = Path(__file__).resolve().parent / "heldout"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the project")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("kg_heldout_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    out = tmp_path_factory.mktemp("heldout")
    build_outputs([str(HERE / "articles")], out, html=False)
    return scorer.score(HERE / "gold", out / "graph.ttl")


# The issues' held-out bars (entities 0.70, relations 0.45, fundings found 0.75), held
# a little below what this set reaches today, so that a regression shows.
BARS = [
    (("entities",), 0.90),
    (("relations",), 0.70),
    (("fundings", "found"), 0.85),
]


@pytest.mark.parametrize("path, bar", BARS, ids=["/".join(p) for p, _ in BARS])
def test_heldout_score_above_bar(scores, path, bar):
    result = scores
    for key in path:
        result = result[key]
    assert result["f1"] >= bar, result
