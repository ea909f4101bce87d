"""Build a folder of articles and score the graph with ../shared/eval/score.py: shared by
the end-to-end tests on the seeds and on our held-out-style set."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from kg.build import build_outputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"


def build_and_score(articles: Path, gold: Path, out: Path) -> dict:
    """score.py's result dict for the graph kg builds from `articles` into `out`."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    build_outputs([str(articles)], out, html=False)
    return scorer.score(gold, out / "graph.ttl")


def f1_at(scores: dict, path: tuple[str, ...]) -> dict:
    """The precision/recall/F1 entry at a path such as ('fundings', 'found')."""
    for key in path:
        scores = scores[key]
    return scores
