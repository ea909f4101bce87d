"""End to end on the five seed pages: build the graph, score it with ../shared/eval/score.py,
and hold the scores above the issues' bars (a little below them, so noise cannot flake it).
Skipped when ../shared is absent."""
from __future__ import annotations

import pytest

from scoring import SHARED, build_and_score, f1_at

SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "dev"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(),
                                reason="../shared (seeds and gold) is not beside the project")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    return build_and_score(SEEDS, GOLD, tmp_path_factory.mktemp("seeds"))


# (path into the score dict, minimum F1)
BARS = [
    (("entities",), 0.90),
    (("by_type", "Agency"), 0.73),
    (("by_type", "Company"), 0.73),
    (("by_type", "Person"), 0.73),
    (("by_type", "Program"), 0.73),
    (("by_type", "Project"), 0.73),
    (("by_type", "Place"), 0.78),
    (("relations",), 0.85),
    (("fundings", "found"), 0.93),
    (("fundings", "exact"), 0.75),
]


@pytest.mark.parametrize("path, bar", BARS, ids=["/".join(p) for p, _ in BARS])
def test_seed_score_above_bar(scores, path, bar):
    assert f1_at(scores, path)["f1"] >= bar, f1_at(scores, path)


def test_each_frequent_relation_type_above_bar(scores):
    for kind, m in scores["relations"]["by_type"].items():
        if m["tp"] + m["fn"] >= 3:
            assert m["f1"] >= 0.38, (kind, m)
