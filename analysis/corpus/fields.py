"""From the values of a record to an article's fields: names, paragraphs, ids, dates (part of
:mod:`analysis.corpus`).

Every format (:mod:`analysis.corpus.formats`) reads its values through these, so a front matter, a
JSON object and a CSV row mean the same thing by the same keys.
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from typing import Any

import pandas as pd

#: A line break of any platform.
NL = re.compile(r"\r\n|\r|\n")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_AUTHOR_SEP = re.compile(r"\s*[;,]\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_NAME_PARTICLES = {"de", "da", "del", "der", "van", "von", "al", "el", "bin", "la", "le", "du", "dos", "di"}
#: The (lower-cased) keys of a record's text, headline, date and authors, the first present taken.
TEXT_KEYS = ("text", "body", "content")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date")
AUTHOR_KEYS = ("authors", "author")
#: The longest article id.
MAX_ID = 120


def clean(value: Any) -> str | None:
    """Stripped string of a scalar, or None for missing/blank/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dict):  # e.g. NewsAPI's {"id": ..., "name": ...}
        return clean(value.get("name"))
    text = str(value).strip()
    return text or None


def split_authors(value: Any) -> tuple[str, ...]:
    """Author names from a list or a string like "A, B and C" / "A; B"."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names = (n.strip() for item in items for n in _AUTHOR_SEP.split(clean(item) or ""))
    return tuple(dict.fromkeys(n for n in names if n))


def byline_names(paragraph: str) -> tuple[str, ...] | None:
    """Names from a "By A, B and C" byline (≤ 8 words, capitalised), else None."""
    match = re.fullmatch(r"By\s+(.+?)\.?", paragraph.strip())
    if not match or len(match.group(1).split()) > 8:
        return None
    names = split_authors(match.group(1))
    capitalised = all(
        n[0].isupper() and all(w[0].isupper() or w.lower() in _NAME_PARTICLES for w in n.split()) for n in names
    )
    return names if names and capitalised else None


def split_paragraphs(body: str) -> list[str]:
    """One paragraph a line, or (with blank-line-separated blocks) one a block."""
    blocks: list[list[str]] = [[]]
    for line in NL.split(body):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    return (blocks[0] if blocks else []) if len(blocks) <= 1 else [" ".join(b) for b in blocks]


def safe_id(raw: str) -> str:
    """File-name-safe id: ``[A-Za-z0-9._-]``, ≤ 120 chars, not empty, no leading dot."""
    safe = _UNSAFE.sub("_", raw.strip()).lstrip(".")[:MAX_ID]
    return safe or "article"


def parse_timestamp(value: Any) -> tuple[pd.Timestamp | None, bool]:
    """(timezone-aware Timestamp or None, whether the value was usable); naive means UTC."""
    value = value.strip() if isinstance(value, str) else value
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None, True
    if isinstance(value, str) and not any(c.isdigit() for c in value):  # refuse "today", "now"
        return None, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            ts = pd.Timestamp(value, unit="s") if numeric else pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None, False
    if pd.isna(ts):
        return None, False
    return (ts.tz_localize("UTC") if ts.tzinfo is None else ts), True


def lookup(record: dict[str, Any], keys: Sequence[str]) -> Any:
    """First non-missing value among ``keys`` (record keys already lower-cased)."""
    for key in keys:
        if key in record and (clean(record[key]) is not None or isinstance(record[key], list)):
            return record[key]
    return None
