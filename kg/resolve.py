"""Resolution (placeholder)."""
from __future__ import annotations


def resolve(mentions, text, article):
    return list(mentions), []


def merge_corpus(extractions):
    return extractions
