"""Entity report functions over a store: DuckDB aggregates instead of the ``mentions``,
``sentences`` and ``paragraphs`` tables in pandas.

Used by :mod:`analysis.entities` and :mod:`analysis.plots.entities`; each
function returns what the pandas code computes from a :class:`analysis.tables.Tables`,
reading only aggregated rows or a bounded selection.
"""
from __future__ import annotations

import pandas as pd

from analysis.entities.tables import KWIC_COLUMNS, kwic_table
from analysis.records import SqlTables

__all__ = ["KWIC_LIMIT", "POSITION_LIMIT", "dated_span", "keyword_in_context", "mentions_per_day", "n_articles",
           "positions"]

#: Keyword-in-context rows per entity read from a store: the earliest ones (by date, article, offset).
KWIC_LIMIT = 1000
#: Mentions placed along their articles read from a store; more are sampled (reservoir, seed 42).
POSITION_LIMIT = 20_000


def _utc(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, utc=True)


def n_articles(tables: SqlTables) -> int:
    """Distinct articles in the selection."""
    return int(tables.sql("SELECT count(DISTINCT article_id) AS n FROM articles")["n"].iloc[0])


def keyword_in_context(tables: SqlTables, *, entities: list[str], width: int,
                       limit: int = KWIC_LIMIT) -> pd.DataFrame:
    """:func:`analysis.entities.tables.kwic_table` over a store: the first ``limit`` mentions of each
    entity (in the table's order: date, article, offset), each in its sentence."""
    if not entities:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    # min_by(…, n) keeps each entity's first rows in one parallel aggregate (a window partitioned by
    # entity sorts every mention on a few threads: 4x slower on 100k articles).
    rows = tables.sql("""
        WITH m AS (SELECT m.entity, m.label, m.article_id, m.sentence_id, m.start, m."end", a.title, a.published
                   FROM mentions m
                   LEFT JOIN (SELECT DISTINCT ON (article_id) article_id, title, published FROM articles) a
                        USING (article_id)
                   WHERE m.sentence_id >= 0 AND m.entity IN (SELECT unnest(?::VARCHAR[]))),
        firsts AS (SELECT unnest(min_by(m, (published IS NULL, published, article_id, start, "end"), ?)) AS hit
                   FROM m GROUP BY entity),
        hits AS (SELECT unnest(hit) FROM firsts)
        SELECT h.*, s.start AS s_start, s.text AS s_text
        FROM hits h JOIN sentences s USING (article_id, sentence_id)
        ORDER BY h.entity, h.published NULLS LAST, h.article_id, h.start, h."end"
        """, [list(entities), int(limit)])
    rows["published"] = _utc(rows["published"])
    mentions = rows[["entity", "label", "article_id", "sentence_id", "start", "end"]]
    sentences = (rows[["article_id", "sentence_id", "s_start", "s_text"]]
                 .drop_duplicates(["article_id", "sentence_id"])
                 .rename(columns={"s_start": "start", "s_text": "text"}))
    articles = rows[["article_id", "title", "published"]].drop_duplicates("article_id")
    return kwic_table(mentions, sentences, articles, entities=list(entities), width=width)


def dated_span(tables: SqlTables) -> tuple[int, pd.Timestamp | None, pd.Timestamp | None]:
    """Dated articles in the selection: (number, first publication time, last)."""
    row = tables.sql("""SELECT count(DISTINCT article_id) AS n, min(published) AS lo, max(published) AS hi
                        FROM articles WHERE published IS NOT NULL""")
    n = int(row["n"].iloc[0])
    if not n:
        return 0, None, None
    lo, hi = _utc(row["lo"]).iloc[0], _utc(row["hi"]).iloc[0]
    return n, lo, hi


def mentions_per_day(tables: SqlTables, names: list[str]) -> pd.DataFrame:
    """Mentions in the text (not bylines) of each of ``names`` per UTC publication day: day (a UTC
    timestamp at midnight, NaT for undated articles), entity, n."""
    out = tables.sql("""
        SELECT CAST(a.published AS DATE) AS day, m.entity, count(*) AS n
        FROM mentions m
        LEFT JOIN (SELECT DISTINCT ON (article_id) article_id, published FROM articles) a USING (article_id)
        WHERE m.start >= 0 AND m.entity IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY ALL ORDER BY day NULLS LAST, m.entity""", [list(names)])
    out["day"] = pd.to_datetime(out["day"]).dt.tz_localize("UTC")
    return out


def positions(tables: SqlTables, names: list[str], *, limit: int = POSITION_LIMIT) -> pd.DataFrame:
    """Where the mentions of ``names`` fall in their articles: entity, label, article_id, start, position
    (% of the article's text, measured by its paragraphs; by its last mention when the selection has no
    paragraphs). A reservoir sample of ``limit`` mentions (seed 42) when there are more."""
    where = "m.start >= 0 AND m.entity IN (SELECT unnest(?::VARCHAR[]))"
    params = [list(names)]
    n = int(tables.sql(f"SELECT count(*) AS n FROM mentions m WHERE {where}", params)["n"].iloc[0])
    sample = f" USING SAMPLE reservoir({int(limit)} ROWS) REPEATABLE (42)" if n > limit else ""
    return tables.sql(f"""
        WITH hits AS (SELECT m.entity, m.label, m.article_id, m.start, m."end" FROM mentions m WHERE {where}),
        m AS (SELECT * FROM hits{sample}),
        lengths AS (SELECT article_id, max("end") AS length FROM paragraphs GROUP BY article_id
                    UNION ALL
                    SELECT article_id, max("end") FROM m
                    WHERE NOT EXISTS (SELECT 1 FROM paragraphs) GROUP BY article_id)
        SELECT m.entity, m.label, m.article_id, m.start,
               100 * m.start / greatest(l.length, 1) AS position
        FROM m LEFT JOIN lengths l USING (article_id)
        ORDER BY m.article_id, m.start, m.entity""", params)
