"""Funding flows (placeholder)."""
from __future__ import annotations


def find_fundings(doc_id, text, sentences, mentions, entities, article):
    return []
