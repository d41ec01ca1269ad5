"""Quotations and their speakers (placeholder, see issue 3)."""
from __future__ import annotations

import pandas as pd

__all__ = ["QUOTE_COLUMNS", "extract_quotes"]

#: Columns of the per-article quote table (``article_id``, ``published`` and ``source`` are added later).
QUOTE_COLUMNS = ["quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "speaker_label", "cue",
                 "polarity", "subjectivity"]


def extract_quotes(parsed, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Quotations of one parsed article (none yet)."""
    return pd.DataFrame(columns=QUOTE_COLUMNS)
