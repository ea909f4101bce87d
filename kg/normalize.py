"""Text normalisation (placeholder until the reading helper lands its version)."""
from __future__ import annotations

import re

from .model import Sentence, Text


def normalize(text: str) -> Text:
    return Text(text, tuple(range(len(text) + 1)))


def split_sentences(text: Text) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^。！？!?\n]+[。！？!?]?[”’」]?", text.text):
        if m.group().strip():
            out.append(Sentence(m.start(), m.end(), m.group()))
    return out
