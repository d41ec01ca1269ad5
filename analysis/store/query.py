"""Reading a store: DuckDB aggregates over the Parquet files, and small selections as Tables.

Part of :mod:`analysis.store`; use ``analysis.store.open_store`` and
``analysis.store.load_tables``.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from analysis.store import layout

#: Table name → folder in the store, for everything a reader sees.
FOLDERS = {"articles": "articles", "paragraphs": "paragraphs", "sentences": "sentences", "mentions": "mentions",
           "quotes": "quotes", "entities": "entities", "cooccurrence": "cooccurrence"}
LEVELS = ("articles", "paragraphs", "sentences", "quotes")


def bounds(since: str | pd.Timestamp | None, until: str | pd.Timestamp | None
           ) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """UTC bounds as :meth:`analysis.tables.Tables.filter` reads them (a date alone for
    ``until`` includes that whole day)."""
    def ts(value):
        t = pd.Timestamp(value)
        return t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")

    lo = ts(since) if since else None
    hi = ts(until) if until else None
    if hi is not None and isinstance(until, str) and len(until.strip()) <= 10:
        hi = hi + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
    return lo, hi


def name_list(value: str | Iterable[str] | None) -> list[str] | None:
    if value is None or value == "":
        return None
    return [value] if isinstance(value, str) else list(value)


class StoreQuery:
    """Aggregates over a store with DuckDB, without loading the tables into pandas.

    Every table of :class:`analysis.tables.Tables` (but ``problems``) is a
    view of the same name, so :meth:`sql` takes any query over them. Use as a
    context manager, or call :meth:`close`.
    """

    def __init__(self, store: str | os.PathLike, *, ids: Iterable[str] | None = None) -> None:
        """Open ``store``; with ``ids``, every view holds only those articles' rows and ``entities``
        and ``cooccurrence`` are aggregated from their mentions (as :meth:`Tables.filter` does)."""
        self.root = Path(store)
        layout.read_marker(self.root)  # a clear error for a folder that is not a store
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")
        self.selected = ids is not None
        if self.selected:
            self.con.execute("CREATE TEMP TABLE _selection AS SELECT DISTINCT unnest(?::VARCHAR[]) AS article_id",
                             [list(ids)])
        for name, folder in FOLDERS.items():
            files = layout.table_files(self.root, folder)
            if self.selected and name in ("entities", "cooccurrence"):
                continue
            if files:
                listing = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
                where = " WHERE article_id IN (SELECT article_id FROM _selection)" if self.selected else ""
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{listing}], "
                                 f"union_by_name = true){where}")
            else:
                self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM ({_empty_select(name)})")
        if self.selected:
            self.con.execute(f"CREATE VIEW entities AS {ENTITIES_SQL}")
            self.con.execute(f"CREATE VIEW cooccurrence AS {COOCCURRENCE_SQL}")

    def __enter__(self) -> "StoreQuery":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.con.close()

    def sql(self, query: str, params: list | None = None) -> pd.DataFrame:
        """Any DuckDB query over the views (``articles``, ``quotes``, …) as a DataFrame."""
        return self.con.sql(query, params=params or None).to_arrow_table().to_pandas()

    def _window(self, column: str, since, until) -> tuple[str, list]:
        lo, hi = bounds(since, until)
        where, params = [], []
        if lo is not None:
            where.append(f"{column} >= ?")
            params.append(lo.to_pydatetime())
        if hi is not None:
            where.append(f"{column} <= ?")
            params.append(hi.to_pydatetime())
        return (" AND ".join(where) or "TRUE"), params

    def counts(self, *, since=None, until=None) -> dict[str, int]:
        """Numbers of articles, paragraphs, sentences, mentions, quotations, entities and sources."""
        where, params = self._window("a.published", since, until)
        row = self.con.sql(f"""
            WITH a AS (SELECT article_id, source FROM articles a WHERE {where})
            SELECT (SELECT count(*) FROM a),
                   (SELECT count(*) FROM paragraphs JOIN a USING (article_id)),
                   (SELECT count(*) FROM sentences JOIN a USING (article_id)),
                   (SELECT count(*) FROM mentions JOIN a USING (article_id)),
                   (SELECT count(*) FROM quotes JOIN a USING (article_id)),
                   (SELECT count(DISTINCT (entity, label)) FROM mentions JOIN a USING (article_id)),
                   (SELECT count(DISTINCT source) FROM a)""", params=params or None).fetchall()[0]
        keys = ("articles", "paragraphs", "sentences", "mentions", "quotations", "entities", "sources")
        return dict(zip(keys, map(int, row)))

    def top_entities(self, n: int = 20, *, labels: str | Iterable[str] | None = None, since=None,
                     until=None) -> pd.DataFrame:
        """The ``n`` most mentioned entities: entity, label, mentions, articles."""
        where, params = self._window("a.published", since, until)
        labels = name_list(labels)
        if labels:
            where += f" AND m.label IN ({', '.join('?' * len(labels))})"
            params += labels
        return self.sql(f"""
            SELECT m.entity, m.label, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
            FROM mentions m JOIN articles a USING (article_id) WHERE {where}
            GROUP BY m.entity, m.label ORDER BY mentions DESC, articles DESC, m.entity, m.label
            LIMIT ?""", params + [int(n)])

    def quotes(self, *, speaker: str | Iterable[str] | None = None, kind: str | Iterable[str] | None = None,
               since=None, until=None, limit: int | None = 100) -> pd.DataFrame:
        """Quotations (all columns) in time order, filtered by speaker, kind and publication window."""
        where, params = self._window("published", since, until)
        for column, values in (("speaker", name_list(speaker)), ("kind", name_list(kind))):
            if values:
                where += f" AND {column} IN ({', '.join('?' * len(values))})"
                params += values
        tail = "" if limit is None else f" LIMIT {int(limit)}"
        return self.sql(f"SELECT * FROM quotes WHERE {where} "
                        f"ORDER BY published NULLS LAST, article_id, start{tail}", params)

    def _polarity(self, key: str, level: str, since, until) -> pd.DataFrame:
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r} (use one of {', '.join(LEVELS)})")
        where, params = self._window("a.published", since, until)
        source = "articles a" if level == "articles" else f"{level} t JOIN articles a USING (article_id)"
        value = "a" if level == "articles" else "t"
        null = " AND a.published IS NOT NULL" if key.startswith("CAST") else ""
        return self.sql(f"""
            SELECT {key}, count(*) AS n, avg({value}.polarity) AS polarity,
                   avg({value}.subjectivity) AS subjectivity
            FROM {source} WHERE {where}{null} GROUP BY ALL ORDER BY 1 NULLS LAST""", params)

    def polarity_by_day(self, *, level: str = "articles", since=None, until=None) -> pd.DataFrame:
        """Mean polarity and subjectivity per publication day (UTC): day, n, polarity, subjectivity.

        Args:
            level: Rows averaged: ``articles``, ``paragraphs``, ``sentences`` or ``quotes``.
            since: Keep articles published at or after this time.
            until: Keep articles published at or before this time (a date includes its whole day).
        """
        out = self._polarity("CAST(a.published AS DATE) AS day", level, since, until)
        out["day"] = pd.to_datetime(out["day"])
        return out

    def polarity_by_source(self, *, level: str = "articles", since=None, until=None) -> pd.DataFrame:
        """Mean polarity and subjectivity per source: source, n, polarity, subjectivity (see
        :meth:`polarity_by_day` for the arguments); articles without a source form one row."""
        return self._polarity("a.source AS source", level, since, until)


#: ``entities`` of a selection, as :func:`analysis.entities.tables.entity_table` computes it.
ENTITIES_SQL = """
    WITH m AS MATERIALIZED (SELECT entity, article_id, sentence_id, text, label, norp_country FROM mentions),
    per_article AS (SELECT m.entity, a.source, a.published
                    FROM (SELECT DISTINCT entity, article_id FROM m) m LEFT JOIN articles a USING (article_id)),
    forms AS (SELECT entity, list(text ORDER BY n DESC, text) AS aliases
              FROM (SELECT entity, text, count(*) AS n FROM m GROUP BY entity, text) GROUP BY entity),
    labels AS (SELECT entity, arg_max(label, n) AS label
               FROM (SELECT entity, label, count(*) AS n FROM m GROUP BY entity, label) GROUP BY entity),
    tone AS (SELECT h.entity, avg(s.polarity) AS polarity, avg(s.subjectivity) AS subjectivity
             FROM (SELECT DISTINCT entity, article_id, sentence_id FROM m WHERE sentence_id >= 0) h
             JOIN sentences s USING (article_id, sentence_id) GROUP BY h.entity),
    base AS (SELECT entity, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                    coalesce(first(nullif(norp_country, '')) FILTER (WHERE nullif(norp_country, '') IS NOT NULL), '')
                        AS country
             FROM m GROUP BY entity)
    SELECT b.entity, l.label, b.mentions, b.articles, p.sources, p.first_seen, p.last_seen, f.aliases,
           b.country, t.polarity, t.subjectivity
    FROM base b
    JOIN (SELECT entity, count(DISTINCT source) AS sources, min(published) AS first_seen,
                 max(published) AS last_seen FROM per_article GROUP BY entity) p USING (entity)
    JOIN labels l USING (entity) JOIN forms f USING (entity)
    LEFT JOIN tone t USING (entity)
    ORDER BY b.mentions DESC, b.entity"""

#: ``cooccurrence`` of a selection, as :func:`analysis.entities.tables.cooccurrence_table` computes it.
COOCCURRENCE_SQL = """
    WITH m AS MATERIALIZED (SELECT article_id, sentence_id, entity, label FROM mentions),
    codes AS MATERIALIZED (SELECT entity, arg_max(label, n) AS label, row_number() OVER (ORDER BY entity) AS code
              FROM (SELECT entity, label, count(*) AS n FROM m GROUP BY ALL) GROUP BY entity),
    arts AS MATERIALIZED (SELECT article_id, row_number() OVER () AS a FROM (SELECT DISTINCT article_id FROM m)),
    coded AS MATERIALIZED (SELECT DISTINCT arts.a, m.sentence_id, c.code
                           FROM m JOIN codes c USING (entity) JOIN arts USING (article_id)),
    s AS (SELECT DISTINCT a, sentence_id, code FROM coded WHERE sentence_id >= 0),
    a AS (SELECT DISTINCT a, code FROM coded),
    pairs AS (SELECT x.code AS ca, y.code AS cb, 'sentence' AS scope, count(*) AS count
              FROM s x JOIN s y USING (a, sentence_id) WHERE x.code < y.code GROUP BY ALL
              UNION ALL
              SELECT x.code, y.code, 'article', count(*)
              FROM a x JOIN a y USING (a) WHERE x.code < y.code GROUP BY ALL)
    SELECT la.entity AS entity_a, lb.entity AS entity_b, la.label AS label_a, lb.label AS label_b, p.scope, p.count
    FROM pairs p JOIN codes la ON la.code = p.ca JOIN codes lb ON lb.code = p.cb
    ORDER BY p.scope DESC, p.count DESC, entity_a, entity_b"""


def _empty_select(name: str) -> str:
    from analysis.records import TABLE_COLUMNS

    columns = TABLE_COLUMNS.get(name) or {"entities": ["entity", "label", "mentions", "articles"],
                                          "cooccurrence": ["entity_a", "entity_b", "scope", "count"]}[name]
    if name == "quotes":
        columns = ["article_id", "published", "source"] + [c for c in columns if c != "article_id"]
    typed = {"published": "TIMESTAMPTZ", "start": "BIGINT", "end": "BIGINT", "paragraph": "BIGINT",
             "sentence_id": "BIGINT", "polarity": "DOUBLE", "subjectivity": "DOUBLE", "mentions": "BIGINT",
             "articles": "BIGINT", "count": "BIGINT", "n_words": "BIGINT", "content_start": "BIGINT",
             "content_end": "BIGINT"}
    cols = ", ".join(f'CAST(NULL AS {typed.get(c, "VARCHAR")}) AS "{c}"' for c in columns)
    return f"SELECT {cols} WHERE FALSE"


# --- small selections as pandas -----------------------------------------------------------

def read_folder(root: Path, folder: str, *, ids: list[str] | None = None,
                columns: list[str] | None = None) -> pd.DataFrame | None:
    """A table folder as a DataFrame (rows of ``ids`` and ``columns`` only, if given); None when it has
    no files."""
    files = layout.table_files(root, folder)
    if not files:
        return None
    schemas = [pq.read_schema(f) for f in files]
    schema = pa.unify_schemas(schemas, promote_options="permissive")
    data = ds.dataset([str(f) for f in files], schema=schema, format="parquet")
    filt = pc.field("article_id").isin(ids) if ids is not None else None
    return data.to_table(columns=columns, filter=filt).to_pandas()


def select_ids(root: Path, *, since=None, until=None, articles: str | Iterable[str] | None = None) -> list[str] | None:
    """Article ids in the window and among ``articles`` (None: no selection, every article)."""
    wanted = name_list(articles)
    if not wanted and not since and not until:
        return None
    with StoreQuery(root) as q:
        where, params = q._window("published", since, until)
        if wanted:
            where += " AND article_id IN (SELECT unnest(?))"
            params.append(wanted)
        return q.sql(f"SELECT article_id FROM articles WHERE {where}", params)["article_id"].tolist()
