"""DuckDB versions of :mod:`analysis.sentiment` for a store's tables (:class:`analysis.records.SqlTables`).

Used by :mod:`analysis.sentiment`, which calls these functions when
given a store; each returns what the pandas version returns. The sentence,
paragraph and mention tables are aggregated in DuckDB and never loaded: only
aggregates and bounded selections come back. Per-row Python work (VADER,
explanations) runs on bounded selections:

- VADER beside TextBlob (:func:`sentence_rows` with :func:`sample_pick`) and
  the VADER means of entities and speakers use a deterministic sample of at
  most :data:`SAMPLE` rows (the first by a hash of their key), so the result is
  exact whenever the selection has no more rows than that;
- the sentence, paragraph, article and quotation level tables keep the
  :data:`LEVEL_ROWS` most polar rows (:func:`polar_pick`).

Results that several charts of a notebook share (:func:`sentence_rows`,
:func:`narration_vs_quotes`) are kept per tables object, as its tables are.
"""
from __future__ import annotations

import weakref

import pandas as pd

from analysis.records import TABLE_COLUMNS, SqlTables
from analysis.sentiment.text import vader_scores

#: Most rows scored with VADER per call (sentences, or quotations for speakers).
SAMPLE = 20_000
#: Most rows of the sentence, paragraph and article tables of :func:`analysis.sentiment.level_table`.
LEVEL_ROWS = 1_000

_KEYS = {"sentences": ("article_id", "sentence_id"), "paragraphs": ("article_id", "paragraph"),
         "articles": ("article_id",), "quotes": ("article_id", "quote_id")}
_ORDER = {"sentences": "article_id, sentence_id", "paragraphs": "article_id, paragraph",
          "articles": "published NULLS LAST, article_id", "quotes": "published NULLS LAST, article_id, start"}
_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _memo(tables: SqlTables, key: tuple, compute) -> pd.DataFrame:
    """``compute()``, once per ``tables`` object and ``key`` (a copy is returned each time)."""
    done = _MEMO.setdefault(tables, {})
    if key not in done:
        done[key] = compute()
    return done[key].copy()




def _stats(value: str = "") -> str:
    """SQL of the mean and standard error (``std(ddof=1) / sqrt(n)``) of polarity and subjectivity."""
    return ", ".join(f"avg({value}{c}) AS {c}, stddev_samp({value}{c}) / sqrt(count({value}{c})) AS {c}_se"
                     for c in ("polarity", "subjectivity"))


def _kinds(kinds, params: list) -> str:
    if kinds is None:
        return ""
    params.append([str(k) for k in kinds])
    return " AND q.kind IN (SELECT unnest(?::VARCHAR[]))"


def _quoted(source: str, kinds=None, params: list | None = None) -> str:
    """SQL of the (article_id, sentence_id) of the rows of ``source`` overlapping a quotation."""
    where = _kinds(kinds, params if params is not None else [])
    return (f"SELECT DISTINCT s.article_id, s.sentence_id FROM {source} s JOIN quotes q "
            f'ON q.article_id = s.article_id AND s.start < q."end" AND q.start < s."end"{where}')


# --- bounded selections of sentences ------------------------------------------------------

def _cut(tables: SqlTables, table: str, alias: str = "") -> str:
    """SQL test keeping about ``4 * SAMPLE`` rows of ``table`` by the hash of their key (all rows when
    ``table`` has no more than that): read before sorting by that hash, it spares a full sort."""
    n = tables.count(table)
    if n <= 4 * SAMPLE:
        return "TRUE"
    keys = ", ".join(alias + k for k in _KEYS[table])
    return f"hash({keys}) <= {int((2 ** 64 - 1) * (4 * SAMPLE / n))}::UBIGINT"


def sample_pick(tables: SqlTables, table: str = "sentences", *, where: str = "TRUE") -> str:
    """SQL of the keys of a deterministic sample of at most :data:`SAMPLE` rows of ``table`` meeting ``where``
    (the first by the hash of their key; all when there are no more)."""
    keys = ", ".join(_KEYS[table])
    return (f"SELECT {keys} FROM {table} WHERE {where} AND {_cut(tables, table)} "
            f"ORDER BY hash({keys}), {keys} LIMIT {int(SAMPLE)}")


def polar_pick(table: str) -> str:
    """SQL of the keys of the :data:`LEVEL_ROWS` most polar rows of ``table`` (largest ``|polarity|``, ties:
    the more subjective; all when fewer)."""
    keys = ", ".join(_KEYS[table])
    return (f"SELECT {keys} FROM {table} ORDER BY abs(polarity) DESC NULLS LAST, subjectivity DESC NULLS LAST, "
            f"{keys} LIMIT {int(LEVEL_ROWS)}")


def rows(tables: SqlTables, table: str, pick: str) -> pd.DataFrame:
    """The rows of ``table`` whose keys ``pick`` selects, in the order of the SqlTables attribute."""
    keys = ", ".join(_KEYS[table])
    df = tables.sql(f"SELECT t.* FROM {table} t SEMI JOIN ({pick}) p USING ({keys}) ORDER BY {_ORDER[table]}")
    if table == "articles" and len(df):
        df["published"] = pd.to_datetime(df["published"], utc=True)
    return df.reset_index(drop=True)


def sentence_rows(tables: SqlTables, pick: str, *, kinds=None) -> pd.DataFrame:
    """The sentences whose (article_id, sentence_id) ``pick`` selects, in table order, with a ``quoted``
    column (the sentence overlaps a quotation of one of ``kinds``, all by default)."""
    params: list = []
    quoted = _quoted("s", kinds, params)
    return _memo(tables, ("sentence_rows", pick, tuple(params[0]) if params else None), lambda: tables.sql(f"""
        WITH s AS (SELECT t.* FROM sentences t SEMI JOIN ({pick}) p USING (article_id, sentence_id)),
        hit AS ({quoted})
        SELECT s.*, hit.sentence_id IS NOT NULL AS quoted
        FROM s LEFT JOIN hit USING (article_id, sentence_id) ORDER BY s.article_id, s.sentence_id""", params))


def sentences_of(table: str, pick: str) -> str:
    """SQL of the keys of the sentences of the rows of ``table`` (paragraphs, articles) ``pick`` selects."""
    return (f"SELECT article_id, sentence_id FROM sentences SEMI JOIN ({pick}) p "
            f"USING ({', '.join(_KEYS[table])})")


# --- aggregates ---------------------------------------------------------------------------

def narration_vs_quotes(tables: SqlTables, *, by: str | None, kinds) -> pd.DataFrame:
    """:func:`analysis.sentiment.narration_vs_quotes` in DuckDB."""
    params: list = []
    quoted = _quoted("sentences", kinds, params)
    join, key = "", ""
    if by:
        if by in TABLE_COLUMNS["sentences"]:
            key = f's."{by}"'
        elif by in TABLE_COLUMNS["articles"]:
            join, key = " LEFT JOIN articles a USING (article_id)", f'a."{by}"'
        else:
            raise KeyError(by)
    group = f'{key} AS "{by}", ' if by else ""
    order = f'"{by}" NULLS LAST, ' if by else ""
    return _memo(tables, ("narration_vs_quotes", by, tuple(params[0]) if params else None), lambda: tables.sql(f"""
        WITH hit AS ({quoted})
        SELECT {group}CASE WHEN hit.sentence_id IS NULL THEN 'narration' ELSE 'quoted' END AS speech,
               count(*) AS n_sentences, {_stats("s.")}
        FROM sentences s LEFT JOIN hit USING (article_id, sentence_id){join}
        WHERE NOT s.is_headline GROUP BY ALL ORDER BY {order}speech""", params))


def entity_sentiment(tables: SqlTables, *, entities, labels, min_sentences: int) -> pd.DataFrame:
    """:func:`analysis.sentiment.entity_sentiment` in DuckDB; ``vader`` is the mean over a deterministic
    sample of :data:`SAMPLE` of the sentences (NaN for an entity none of whose sentences was drawn)."""
    where, params = "entity IS NOT NULL AND sentence_id >= 0", []  # -1: a byline, in no sentence
    for column, values in (("entity", entities), ("label", labels)):
        if values is not None:
            where += f" AND {column} IN (SELECT unnest(?::VARCHAR[]))"
            params.append([str(v) for v in values])
    out = tables.sql(f"""
        WITH m AS (SELECT DISTINCT article_id, sentence_id, entity, label FROM mentions WHERE {where}),
        j AS (SELECT m.*, s.polarity, s.subjectivity FROM m JOIN sentences s USING (article_id, sentence_id))
        SELECT entity, label, count(*) AS n_sentences, count(DISTINCT article_id) AS n_articles, {_stats()}
        FROM j GROUP BY entity, label HAVING count(*) >= ?
        ORDER BY n_sentences DESC, entity, label NULLS LAST""", params + [int(min_sentences)])
    drawn = tables.sql(f"""
        WITH m AS (SELECT DISTINCT article_id, sentence_id, entity, label FROM mentions
                   WHERE {where} AND {_cut(tables, "sentences")}),
        pick AS (SELECT DISTINCT article_id, sentence_id FROM m
                 ORDER BY hash(article_id, sentence_id), article_id, sentence_id LIMIT {int(SAMPLE)})
        SELECT m.entity, m.label, s.text FROM m SEMI JOIN pick USING (article_id, sentence_id)
        JOIN sentences s USING (article_id, sentence_id)""", params)
    return _with_vader(out, drawn, ["entity", "label"])


def speaker_sentiment(tables: SqlTables, *, min_quotes: int) -> pd.DataFrame:
    """:func:`analysis.sentiment.speaker_sentiment` in DuckDB; ``vader`` as in :func:`entity_sentiment`
    over a sample of :data:`SAMPLE` quotations."""
    speaker = "speaker IS NOT NULL AND NOT regexp_matches(speaker, '^\\s*$')"
    out = tables.sql(f"""
        SELECT speaker, count(*) AS n_quotes, count(DISTINCT article_id) AS n_articles, {_stats()}
        FROM quotes WHERE {speaker} GROUP BY speaker HAVING count(*) >= ? ORDER BY n_quotes DESC, speaker""",
                     [int(min_quotes)])
    drawn = tables.sql(f"SELECT speaker, text FROM quotes SEMI JOIN ({sample_pick(tables, 'quotes', where=speaker)}) "
                       "p USING (article_id, quote_id)")
    return _with_vader(out, drawn, ["speaker"])


def _with_vader(out: pd.DataFrame, drawn: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``out`` with ``vader``: the mean VADER compound of the ``text`` of ``drawn`` per ``keys``."""
    drawn = drawn.assign(vader=vader_scores(drawn["text"])["compound"].to_numpy())
    means = drawn.groupby(keys, dropna=False, sort=False)["vader"].mean().reset_index()
    return out.merge(means, on=keys, how="left")


def quotes_missing_scores(tables: SqlTables) -> bool:
    """True when some quotation has no stored polarity or subjectivity (they are scored in Python then)."""
    return bool(tables.sql("SELECT count(*) AS n FROM quotes WHERE polarity IS NULL OR subjectivity IS NULL")
                ["n"].iloc[0])


def extremes(tables: SqlTables, *, n: int) -> pd.DataFrame:
    """The rows of :func:`analysis.sentiment.extremes` before the explanations."""
    cols = "article_id, sentence_id, text, polarity, subjectivity"
    parts = [f"""(SELECT {i} AS part, '{d}' AS direction, {cols} FROM sentences WHERE polarity {op} 0
                  ORDER BY polarity {order}, subjectivity DESC, article_id, sentence_id LIMIT {int(n)})"""
             for i, (d, op, order) in enumerate((("positive", ">", "DESC"), ("negative", "<", "ASC")))]
    out = tables.sql(f"SELECT * FROM ({' UNION ALL '.join(parts)}) ORDER BY part, polarity "
                     "* (CASE part WHEN 0 THEN -1 ELSE 1 END), subjectivity DESC, article_id, sentence_id")
    return out.drop(columns="part")


def article_rows(tables: SqlTables, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One article's paragraphs and sentences, in table order."""
    where = "WHERE article_id = ?"
    return (tables.sql(f"SELECT * FROM paragraphs {where} ORDER BY paragraph", [article_id]),
            tables.sql(f"SELECT * FROM sentences {where} ORDER BY sentence_id", [article_id]))
