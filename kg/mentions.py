"""Mentions (placeholder)."""
from __future__ import annotations


def find_mentions(text, sentences, article):
    return []
