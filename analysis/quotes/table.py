"""Every quotation of a selection in one numbered table: the quote report's table and its markers.

:func:`quote_rows` numbers the quotations of a selection once, in time order (undated last), so
``#37`` names the same quotation in the table, on the timeline and in the article reader, whatever
speakers or kinds a report then shows. Unattributed quotations are rows too (``speaker`` empty).
"""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["ROW_COLUMNS", "quote_rows", "quote_numbers", "described_source"]

#: Columns of :func:`quote_rows`.
ROW_COLUMNS = ["n", "quote_id", "article_id", "published", "source", "speaker", "speaker_label", "kind", "cue",
               "text", "polarity", "start", "statement_id", "unnamed_source"]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def described_source(speaker: object, unnamed_source: object = None) -> str:
    """Who a quotation is from, for a reader: the speaker, with the unnamed source it spoke through
    (``"TransLink (a spokesperson for TransLink)"``); ``"unnamed: police"`` when only described;
    ``"unattributed"`` when neither."""
    name, described = _text(speaker), _text(unnamed_source)
    if name:
        return f"{name} ({described})" if described and described.casefold() != name.casefold() else name
    return f"unnamed: {described}" if described else "unattributed"


def _ordered(quotes: pd.DataFrame) -> pd.DataFrame:
    published = pd.to_datetime(quotes["published"], utc=True) if "published" in quotes else pd.NaT
    return (quotes.assign(_published=published)
            .sort_values(["_published", "article_id", "start"], na_position="last", kind="stable")
            .drop(columns="_published"))


def quote_numbers(quotes: pd.DataFrame) -> dict[str, int]:
    """quote_id → its number (1…) in the selection's time order."""
    if quotes is None or not len(quotes):
        return {}
    return {str(q): i for i, q in enumerate(_ordered(quotes[["quote_id", "article_id", "start", "published"]]
                                                     if "published" in quotes else
                                                     quotes[["quote_id", "article_id", "start"]])["quote_id"], 1)}


def quote_rows(quotes: pd.DataFrame, *, speakers: Sequence[str] | None = None,
               kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Every quotation (attributed or not), numbered ``n`` over the whole selection, in time order.

    Args:
        quotes: ``Tables.quotes`` of the selection.
        speakers: Keep only these canonical speakers (None or empty: everyone, unattributed included).
        kinds: Keep only these kinds (None or empty: all).

    Returns:
        :data:`ROW_COLUMNS`; ``n`` keeps its number when rows are left out.
    """
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=ROW_COLUMNS)
    if "statement_id" not in quotes:
        from analysis.statements import assign_statements

        quotes = quotes.assign(statement_id=assign_statements(quotes))
    rows = _ordered(quotes).reset_index(drop=True)
    rows.insert(0, "n", range(1, len(rows) + 1))
    if speakers:
        rows = rows[rows["speaker"].isin(list(speakers))]
    if kinds:
        rows = rows[rows["kind"].isin(list(kinds))]
    return rows.reindex(columns=ROW_COLUMNS).reset_index(drop=True)
