"""Browser view (placeholder until the view helper lands its version)."""
from __future__ import annotations


def write_view(g, path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<!doctype html><title>kg</title>")
