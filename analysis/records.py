"""Records every stage shares: the documented table columns and the interface of a set of tables.

The lowest layer of the package (it imports nothing of newslens), so the concerns
(:mod:`analysis.entities`, :mod:`analysis.quotes`, :mod:`analysis.sentiment`) and the
stages above them (:mod:`analysis.extract`, :mod:`analysis.store`,
:mod:`analysis.pipeline`) agree on one definition.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import pandas as pd

__all__ = ["TABLE_COLUMNS", "TableSource", "SqlTables", "is_store_tables", "plural"]

#: Documented columns of every table the NLP pass produces (the interface between stages).
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "title", "source", "url", "published", "authors", "path", "encoding",
                 "n_paragraphs", "n_sentences", "n_words", "polarity", "subjectivity"],
    "paragraphs": ["article_id", "paragraph", "is_headline", "start", "end", "text", "n_sentences",
                   "polarity", "subjectivity"],
    "mentions": ["article_id", "sentence_id", "paragraph", "start", "end", "text", "spacy_label", "entity",
                 "label", "norp_country", "origin", "role"],
    "quotes": ["article_id", "quote_id", "paragraph", "start", "end", "text", "kind", "speaker", "speaker_label",
               "cue", "polarity", "subjectivity", "content", "content_start", "content_end", "unnamed_source"],
    "sentences": ["article_id", "sentence_id", "paragraph", "is_headline", "start", "end", "text",
                  "n_words", "polarity", "subjectivity"],
}


class TableSource(Protocol):
    """What the analysis and chart functions read: :class:`analysis.tables.Tables` (in memory) or a
    store's :class:`analysis.store.StoreTables` (read on demand)."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    entities: pd.DataFrame
    cooccurrence: pd.DataFrame

    @property
    def names(self) -> list[str]: ...

    def __getitem__(self, name: str) -> pd.DataFrame: ...

    def filter(self, *, articles: Iterable[str] | str | None = None, since: str | pd.Timestamp | None = None,
               until: str | pd.Timestamp | None = None) -> TableSource: ...


@runtime_checkable
class SqlTables(Protocol):
    """Tables that answer SQL (a store's selection): the concerns aggregate them with DuckDB
    through these two methods instead of reading the large tables into pandas."""

    def sql(self, statement: str, params: list | None = None) -> pd.DataFrame: ...

    def count(self, name: str) -> int: ...


def is_store_tables(tables: object) -> bool:
    """True for tables read on demand from a store (:class:`SqlTables`): the analysis functions then take
    their DuckDB paths (``analysis.sentiment.sql``, ``analysis.entities.sql``)."""
    return isinstance(tables, SqlTables)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,234 quotations`` (``many``: an irregular plural)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
