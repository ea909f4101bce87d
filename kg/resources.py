"""Where kg's shipped data lives: the repository's data/ and queries/, or <prefix>/share/kg.

The environment variable KG_DATA names another data folder (same layout as data/: lexicon/,
ontology.ttl, samples/), e.g. to try edited lexicons without touching the installed ones."""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path

from .errors import DataError


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    """Return the folder `name` ('data' or 'queries'), e.g. resource_dir('data') / 'lexicon'."""
    if name == "data" and os.environ.get("KG_DATA"):
        path = Path(os.environ["KG_DATA"])
        if not path.is_dir():
            raise DataError(f"KG_DATA={path}: no such folder")
        return path
    for base in (Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "kg"):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"kg: cannot find its {name}/ folder")
