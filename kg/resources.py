"""Where kg's shipped data lives: the repository's data/ and queries/, or <prefix>/share/kg."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def resource_dir(name: str) -> Path:
    """Return the folder `name` ('data' or 'queries'), e.g. resource_dir('data') / 'lexicon'."""
    for base in (Path(__file__).resolve().parent.parent, Path(sys.prefix) / "share" / "kg"):
        if (base / name).is_dir():
            return base / name
    raise FileNotFoundError(f"kg: cannot find its {name}/ folder")
