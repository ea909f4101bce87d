"""Relations between entities (placeholder)."""
from __future__ import annotations


def find_relations(doc_id, text, sentences, mentions, entities):
    return []
