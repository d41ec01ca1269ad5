"""The quote table's columns and its row: :class:`Quote` (part of :mod:`analysis.quotes`).

The columns are described in the docstring of :mod:`analysis.quotes`.
"""
from __future__ import annotations

from dataclasses import dataclass

#: Columns of the per-article quote table (``article_id``, ``published`` and ``source`` are added later).
QUOTE_COLUMNS = ["quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "speaker_label", "cue",
                 "polarity", "subjectivity", "content", "content_start", "content_end", "unnamed_source"]
#: Extra columns after :data:`QUOTE_COLUMNS` (see the module docstring).
EXTRA_COLUMNS = ["speaker_start", "speaker_end", "cue_start", "cue_end", "segments", "attribution"]
#: The dtypes of the typed columns (pandas infers the others).
DTYPES = {"quote_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "polarity": "float64",
          "subjectivity": "float64", "content_start": "int64", "content_end": "int64", "speaker_start": "Int64",
          "speaker_end": "Int64", "cue_start": "Int64",
          "cue_end": "Int64"}
#: Kinds of quotation, in the order the notebooks list them.
KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class Quote:
    """One row of the quote table (without ``quote_id`` and sentiment)."""

    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_label: str | None
    cue: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue_start: int | None
    cue_end: int | None
    segments: str
    attribution: str
    content: str = ""
    content_start: int = -1
    content_end: int = -1
    unnamed_source: str | None = None
