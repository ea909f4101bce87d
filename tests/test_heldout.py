"""End to end on our own held-out-style articles (tests/heldout: six stories from six
provinces, written and annotated independently of the extractor), scored with
../shared/eval/score.py. Skipped when ../shared is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

from scoring import SCORER, build_and_score, f1_at

HERE = Path(__file__).resolve().parent / "heldout"

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the project")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return build_and_score(HERE / "articles", HERE / "gold", tmp_path_factory.mktemp("heldout"))


# The issues' held-out bars (entities 0.70, relations 0.45, fundings found 0.75), held
# a little below what this set reaches today, so that a regression shows.
BARS = [
    (("entities",), 0.90),
    (("relations",), 0.75),
    (("fundings", "found"), 0.90),
    (("fundings", "exact"), 0.75),
]


@pytest.mark.parametrize("path, bar", BARS, ids=["/".join(p) for p, _ in BARS])
def test_heldout_score_above_bar(scores, path, bar):
    assert f1_at(scores, path)["f1"] >= bar, f1_at(scores, path)
