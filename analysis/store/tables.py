"""Reading a store's tables: on demand for a selection (:class:`StoreTables`, what notebooks get for a
store) or into pandas (:func:`load_tables`).

Use ``analysis.analyse(store)``, ``analysis.store.store_tables`` or ``analysis.store.load_tables``.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from analysis import entities, statements
from analysis.corpus import Problem
from analysis.extract import finish_quotes
from analysis.records import TABLE_COLUMNS
from analysis.store import layout, query
from analysis.store.query import StoreQuery, name_list
from analysis.tables import Tables

__all__ = ["StoreTables", "store_tables", "load_tables", "SMALL_TABLES", "LARGE_TABLES", "MAX_ROWS_ENV"]

logger = logging.getLogger(__name__)

#: Tables read into pandas when first used: one row per article, quotation or entity pair.
SMALL_TABLES = ("articles", "quotes", "entities", "cooccurrence")
#: Tables with a row per paragraph, sentence or mention: report functions aggregate them with
#: DuckDB through :attr:`StoreTables.query`; reading one loads the selection's rows.
LARGE_TABLES = ("paragraphs", "sentences", "mentions")
#: Environment variable: the most rows of a large table that a StoreTables reads into pandas (unset: no
#: limit). The report functions never need to; set it to catch code that would load a big store.
MAX_ROWS_ENV = "NEWSLENS_STORE_MAX_ROWS"


@dataclass(frozen=True, eq=False)
class StoreTables:
    """The tables of a store (see :mod:`analysis.store`) for a selection of articles.

    Has the attributes of :class:`analysis.tables.Tables`, so the same
    analysis and chart functions take either. Nothing is read until used:
    ``articles``, ``quotes``, ``entities`` and ``cooccurrence`` are read into
    pandas on first use; for ``paragraphs``, ``sentences`` and ``mentions``
    (millions of rows in a large store) the report functions aggregate with
    DuckDB through :attr:`query` instead, and reading one of them logs how
    many rows it loads.

    Attributes:
        root: The store folder.
        ids: The selected article ids; None for every article.
        problems: Problems recorded by the runs that made the store.
    """

    root: Path
    ids: tuple[str, ...] | None = None
    problems: tuple[Problem, ...] = field(default=(), repr=False)

    # --- the Tables interface ---------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        """Names of the tables, as :attr:`analysis.tables.Tables.names`."""
        return [*SMALL_TABLES[:2], *LARGE_TABLES, *SMALL_TABLES[2:]]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @functools.cached_property
    def query(self) -> StoreQuery:
        """DuckDB over the selection: every view holds only the selected articles' rows."""
        return StoreQuery(self.root, ids=self.ids)

    def sql(self, statement: str, params: list | None = None) -> pd.DataFrame:
        """A DuckDB query over the selection's views (``articles``, ``sentences``, …) as a DataFrame."""
        return self.query.sql(statement, params)

    @functools.cached_property
    def articles(self) -> pd.DataFrame:
        return self._read("articles", "ORDER BY published NULLS LAST, article_id")

    @functools.cached_property
    def quotes(self) -> pd.DataFrame:
        return self._read("quotes", "")  # stored in time order (analysis.extract.finish_quotes sorts them)

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        return self._read("entities", "ORDER BY mentions DESC, entity")

    @functools.cached_property
    def cooccurrence(self) -> pd.DataFrame:
        return self._read("cooccurrence", "ORDER BY scope DESC, count DESC, entity_a, entity_b")

    @functools.cached_property
    def paragraphs(self) -> pd.DataFrame:
        return self._read_large("paragraphs", "ORDER BY article_id, paragraph")

    @functools.cached_property
    def sentences(self) -> pd.DataFrame:
        return self._read_large("sentences", "ORDER BY article_id, sentence_id")

    @functools.cached_property
    def mentions(self) -> pd.DataFrame:
        return self._read_large("mentions", "ORDER BY article_id, start")

    def filter(self, *, articles: Iterable[str] | str | None = None, since: str | pd.Timestamp | None = None,
               until: str | pd.Timestamp | None = None) -> StoreTables:
        """The same store restricted further, as :meth:`analysis.tables.Tables.filter` (nothing is read
        but the article ids)."""
        if not articles and not since and not until:
            return self
        where, params = self.query._window("published", since, until)
        wanted = name_list(articles)
        if wanted:
            where += " AND article_id IN (SELECT unnest(?::VARCHAR[]))"
            params.append(wanted)
        ids = self.sql(f"SELECT article_id FROM articles WHERE {where} ORDER BY article_id", params)
        return StoreTables(self.root, tuple(ids["article_id"]), self.problems)

    def count(self, name: str) -> int:
        """Rows of table ``name`` in the selection (counted by DuckDB, nothing read)."""
        if name not in self.names:
            raise ValueError(f"unknown table {name!r} (use one of {', '.join(self.names)})")
        return int(self.query.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])

    def load(self) -> Tables:
        """Every table of the selection in pandas, as :class:`analysis.tables.Tables`."""
        return Tables(**{f.name: self[f.name] for f in fields(Tables) if f.name != "problems"},
                      problems=self.problems)

    def to_dir(self, out: str | os.PathLike, *, formats: Iterable[str] = ("csv", "parquet"),
               names: Iterable[str] | None = None) -> list[Path]:
        """Write tables of the selection, as :meth:`analysis.tables.Tables.to_dir`.

        Args:
            out: The folder.
            formats: ``csv`` and/or ``parquet``.
            names: The tables to write (default: all of them, which reads them all).
        """
        names = list(names) if names is not None else self.names
        unknown = sorted(set(names) - set(self.names))
        if unknown:
            raise ValueError(f"unknown table(s) {', '.join(unknown)} (use {', '.join(self.names)})")
        subset = Tables(**{n: (self[n] if n in names else pd.DataFrame()) for n in self.names},
                        problems=self.problems)
        return subset.to_dir(out, formats=formats, names=names)

    def close(self) -> None:
        """Close the DuckDB connection (reopened when needed)."""
        if "query" in self.__dict__:
            self.__dict__.pop("query").close()

    # --- reading ------------------------------------------------------------------------------

    def _read(self, name: str, order: str) -> pd.DataFrame:
        df = self.sql(f"SELECT * FROM {name} {order}")
        if name == "articles" and len(df):
            df["published"] = pd.to_datetime(df["published"], utc=True)
        return df

    def _read_large(self, name: str, order: str) -> pd.DataFrame:
        n = self.count(name)
        limit = os.environ.get(MAX_ROWS_ENV, "").strip()
        if limit and n > int(limit):
            raise layout.StoreError(f"{self.root}: reading {n:,} {name} rows into pandas is more than "
                                    f"{MAX_ROWS_ENV}={limit} allows; aggregate with DuckDB "
                                    f"(tables.sql(...)) or select fewer articles (tables.filter(...))")
        logger.info("%s: reading %d %s rows into pandas", self.root, n, name)
        return self._read(name, order)


def store_tables(store: str | os.PathLike) -> StoreTables:
    """Every article of ``store``, read on demand (see :class:`StoreTables`).

    Raises:
        StoreError: ``store`` is not a store.
    """
    root = Path(store)
    marker = layout.read_marker(root)
    if marker.get("corpus_tables") != "current":
        logger.warning("%s: entities were not resolved after the last run (it was interrupted); "
                       "run `python -m analysis process` again", root)
    return StoreTables(root, None, tuple(layout.read_problems(root)))


def load_tables(store: str | os.PathLike, *, since: str | pd.Timestamp | None = None,
                until: str | pd.Timestamp | None = None, articles: str | Iterable[str] | None = None,
                aliases: str | os.PathLike | None = None) -> Tables:
    """A store's tables as :class:`analysis.tables.Tables`, for the articles selected.

    Only the rows of the selected articles are read. The result equals
    ``analysis.analyse(corpus).filter(articles=..., since=..., until=...)``:
    ``entities`` and ``cooccurrence`` are recomputed for a selection.

    Args:
        store: The store folder.
        since: Keep articles published at or after this time.
        until: Keep articles published at or before this time (a date includes its whole day).
        articles: Article ids to keep.
        aliases: Resolve entities again with this alias file (reads the whole store);
            by default the resolution of the last ``process`` run is used.
    """
    root = Path(store)
    if layout.read_marker(root).get("corpus_tables") != "current":
        logger.warning("%s: entities were not resolved after the last run (it was interrupted); "
                       "run `python -m analysis process` again", root)
    problems = tuple(layout.read_problems(root))
    if aliases:
        per = {name: _read_part_table(root, name) for name in layout.PART_TABLES}
        resolved = _resolve(per, aliases)
        tables = Tables(**{n: resolved[n] for n in Tables.__dataclass_fields__ if n != "problems"},
                        problems=problems)
        return tables.filter(articles=articles, since=since, until=until) if articles or since or until else tables
    ids = query.select_ids(root, since=since, until=until, articles=articles)
    per = {name: _read_part_table(root, name, ids) for name in ("articles", "paragraphs", "sentences")}
    for name in ("mentions", "quotes"):
        df = query.read_folder(root, name, ids=ids)
        per[name] = df if df is not None else _read_part_table(root, name).iloc[:0]
    if ids is None:
        corpus = {n: query.read_folder(root, n) for n in ("entities", "cooccurrence")}
        if any(v is None for v in corpus.values()):
            corpus = entities.summarise(per)
    else:
        corpus = entities.summarise(per)
    return Tables(**per, **corpus, problems=problems)


def _read_part_table(root: Path, name: str, ids: list[str] | None = None,
                     columns: list[str] | None = None) -> pd.DataFrame:
    df = query.read_folder(root, layout.PART_TABLES[name], ids=ids, columns=columns)
    return df if df is not None else pd.DataFrame(columns=columns or TABLE_COLUMNS[name])


def _resolve(tables: dict[str, pd.DataFrame], aliases) -> dict[str, pd.DataFrame]:
    """Corpus-level entity resolution, quotation ids and statements, exactly as :func:`analysis.analyse` does."""
    resolved = dict(entities.resolve_corpus(tables, aliases=aliases))
    resolved["quotes"] = statements.with_statements(finish_quotes(resolved["quotes"], resolved["articles"]))
    return resolved
