"""Read documents (placeholder)."""
from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .model import Document


def read_documents(inputs, jsonl_field=None, on_error=None):
    for name in inputs:
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.suffix in (".txt", ".md")) if path.is_dir() else [path]
        for f in files:
            try:
                yield Document(f.name, f.read_text(encoding="utf-8"), str(f))
            except OSError as exc:
                err = InputError(f"{f}: {exc}")
                if on_error is None:
                    raise err
                on_error(err)
