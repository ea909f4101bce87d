"""Article metadata (placeholder)."""
from __future__ import annotations

from .model import Article, Document, Text


def read_article(doc: Document, text: Text) -> Article:
    title = next((line.strip("# ").strip() for line in text.text.splitlines() if line.strip()), None)
    return Article(doc.doc_id, doc.source, title)
