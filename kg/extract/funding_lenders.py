"""Who lends: a name holding a word of funding_lenders.txt (银行, 信用社, 小贷…) is a lender."""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_words


@lru_cache(maxsize=None)
def lender_words() -> tuple[str, ...]:
    return load_words("funding_lenders.txt")


def is_lender(label: str) -> bool:
    return any(w in label for w in lender_words())
