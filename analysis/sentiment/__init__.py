"""Sentiment that explains itself: TextBlob scores, the words behind them, VADER beside them.

Polarity (-1…1) and subjectivity (0…1) come from TextBlob's PatternAnalyzer
(:func:`score`, exactly ``TextBlob(text).sentiment``); the NLP pass stores them
for every article, paragraph, sentence and quotation. This module builds on
:class:`analysis.tables.Tables`:

- :func:`explain` lists the phrases that moved a text's score (negation and
  intensifiers included); a text's polarity is the mean of their polarities.
- :func:`vader_scores` and :func:`compare` put VADER beside TextBlob for every
  sentence; :func:`agreement` and :func:`disagreements` say where they differ.
- :func:`speech` / :func:`narration_vs_quotes`, :func:`entity_sentiment`,
  :func:`speaker_sentiment`, :func:`by_source`, :func:`by_day` aggregate.
- :func:`level_table` returns one table per level for the CLI (:data:`LEVEL_COLUMNS`).

Every function also takes a store's :class:`analysis.store.StoreTables`
and then aggregates with DuckDB (:mod:`analysis.sentiment.sql`) without
loading the sentence, paragraph or mention tables. There, per-sentence Python
work is bounded: VADER beside TextBlob (:func:`quoted_sentences`,
:func:`sentence_table`, :func:`compare`, :func:`disagreements`, the ``vader``
means of entities and speakers) uses a deterministic sample of
:data:`SAMPLE` rows when the selection has more (:func:`sample_note` says so),
and the sentence, paragraph, article and quotation levels of :func:`level_table`
keep the :data:`LEVEL_ROWS` most polar rows. Below those sizes the results equal
the pandas ones.

Standard errors are ``std(ddof=1) / sqrt(n)`` (NaN when ``n < 2``).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.records import TableSource, is_store_tables, plural
from analysis.sentiment import sql
from analysis.sentiment.fast import scorer as _fast_scorer
from analysis.sentiment.sentences import (
    Agreement,
    agreement,
    compare,
    disagreements,
    quoted_sentences,
    score_sentences,
    sentence_table,
    speech,
)
from analysis.sentiment.text import (
    EXPLAIN_COLUMNS,
    NEUTRAL_BAND,
    VADER_COLUMNS,
    explain,
    explain_short,
    pattern_sentiment,
    vader_scores,
    vader_words,
)

__all__ = ["score", "EXPLAIN_COLUMNS", "VADER_COLUMNS", "NEUTRAL_BAND", "LEVELS", "LEVEL_COLUMNS", "SAMPLE",
           "LEVEL_ROWS", "Agreement", "explain", "explain_short", "vader_scores", "vader_words", "n_rows",
           "sample_note", "overview", "article_rows", "quoted_sentences", "sentence_table", "compare", "agreement",
           "disagreements", "speech", "narration_vs_quotes", "entity_sentiment", "speaker_sentiment",
           "quote_sentiment", "by_source", "by_day", "extremes", "level_table", "conclusions"]

#: Most sentences (or quotations) scored with VADER for a store's selection (a deterministic sample).
SAMPLE = sql.SAMPLE
#: Most rows of a store's sentence, paragraph, article and quotation tables in :func:`level_table`.
LEVEL_ROWS = sql.LEVEL_ROWS


def score(text: str) -> tuple[float, float]:
    """Polarity (-1…1) and subjectivity (0…1) of ``text``.

    Uses TextBlob's default PatternAnalyzer directly (no NLTK corpora needed);
    the result equals ``TextBlob(text).sentiment``, computed by the faster copy
    in :mod:`analysis.sentiment.fast` when the installed TextBlob allows it.
    """
    fast = _fast_scorer()
    if fast is not None:
        return fast(text)
    polarity, subjectivity = pattern_sentiment()(text)
    return float(polarity), float(subjectivity)


# --- tables or store -------------------------------------------------------------------------

def n_rows(tables: TableSource, name: str) -> int:
    """Rows of table ``name`` (``"sentences"``…); a store counts them without reading them."""
    return tables.count(name) if is_store_tables(tables) else len(getattr(tables, name))


def sample_note(tables: TableSource) -> str:
    """How the VADER comparisons are bounded: "" when every sentence is used, else e.g.
    ``"a sample of 20,000 of 2,412,113 sentences"`` (a store's selection above :data:`SAMPLE`)."""
    if not is_store_tables(tables):
        return ""
    n, k = tables.count("sentences"), sql.SAMPLE
    return f"a sample of {k:,} of {n:,} sentences" if n > k else ""


def overview(tables: TableSource) -> str:
    """One Markdown line: how many articles, sentences and quotations (or that nothing matched)."""
    n = n_rows(tables, "articles")
    if not n:
        return "**No articles match these parameters**: every chart below says so."
    return (f"**{plural(n, 'article')}**, {plural(n_rows(tables, 'sentences'), 'sentence')}, "
            f"{plural(n_rows(tables, 'quotes'), 'quotation')}.")


def article_rows(tables: TableSource, article_id: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The paragraphs and the sentences of one article (empty when it is not in ``tables``)."""
    if is_store_tables(tables):
        return sql.article_rows(tables, article_id)
    return (tables.paragraphs[tables.paragraphs["article_id"] == article_id],
            tables.sentences[tables.sentences["article_id"] == article_id])


# --- aggregates ---------------------------------------------------------------------------

def _stats(df: pd.DataFrame, keys: list[str], *, count: str, extra: dict | None = None) -> pd.DataFrame:
    """Mean and standard error of polarity and subjectivity per group."""
    agg = {count: ("polarity", "size"), "polarity": ("polarity", "mean"), "polarity_se": ("polarity", "sem"),
           "subjectivity": ("subjectivity", "mean"), "subjectivity_se": ("subjectivity", "sem"), **(extra or {})}
    cols = list(agg)
    if df.empty:
        return pd.DataFrame(columns=keys + cols)
    return df.groupby(keys, sort=False, dropna=False).agg(**agg).reset_index()


def narration_vs_quotes(tables: TableSource, *, by: str | None = None,
                        kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Sentiment of quoted speech against narration, over sentences.

    A sentence overlapping a quotation (:func:`speech`) counts as quoted
    speech, every other sentence as narration; headlines are left out.

    Args:
        tables: The analysed corpus.
        by: Also group by this sentence or article column (``"article_id"``, ``"source"``…).
        kinds: Quotation kinds that make a sentence quoted (all by default).

    Returns:
        Columns [by], speech ("narration"/"quoted"), n_sentences, polarity,
        polarity_se, subjectivity, subjectivity_se.
    """
    if is_store_tables(tables):
        return sql.narration_vs_quotes(tables, by=by, kinds=kinds)
    s = tables.sentences.assign(speech=np.where(speech(tables, kinds=kinds), "quoted", "narration"))
    s = s[~s["is_headline"].astype(bool)]
    if by and by not in s.columns:
        s = s.merge(tables.articles[["article_id", by]], on="article_id", how="left")
    keys = ([by] if by else []) + ["speech"]
    out = _stats(s, keys, count="n_sentences")
    return out.sort_values(keys, kind="stable", ignore_index=True)


def entity_sentiment(tables: TableSource, *, entities: Iterable[str] | None = None,
                     labels: Iterable[str] | None = None, min_sentences: int = 1) -> pd.DataFrame:
    """Entity-targeted sentiment: the sentences that mention each entity.

    A sentence mentioning an entity twice counts once (mentions are joined to
    sentences on ``article_id`` and ``sentence_id``).

    Args:
        tables: The analysed corpus.
        entities: Keep only these entity names (canonical ``mentions.entity``).
        labels: Keep only these labels (``PERSON``, ``ORG``…).
        min_sentences: Drop entities mentioned in fewer sentences.

    Returns:
        Columns entity, label, n_sentences, n_articles, polarity, polarity_se,
        subjectivity, subjectivity_se, vader; most mentioned first. For a store's
        selection, ``vader`` is the mean over a sample of :data:`SAMPLE` sentences
        when more mention the entities (NaN for an entity with no sentence drawn).
    """
    if is_store_tables(tables):
        return sql.entity_sentiment(tables, entities=None if entities is None else list(entities),
                                       labels=None if labels is None else list(labels),
                                       min_sentences=min_sentences)
    m = tables.mentions[["article_id", "sentence_id", "entity", "label"]].dropna(subset=["entity"])
    if entities is not None:
        m = m[m["entity"].isin(list(entities))]
    if labels is not None:
        m = m[m["label"].isin(list(labels))]
    m = m.drop_duplicates(["article_id", "sentence_id", "entity", "label"])
    s = tables.sentences[["article_id", "sentence_id", "text", "polarity", "subjectivity"]]
    j = m.merge(s, on=["article_id", "sentence_id"], how="inner")
    j["vader"] = vader_scores(j["text"])["compound"].to_numpy()
    out = _stats(j, ["entity", "label"], count="n_sentences",
                 extra={"n_articles": ("article_id", "nunique"), "vader": ("vader", "mean")})
    out = out[out["n_sentences"] >= min_sentences]
    order = ["entity", "label", "n_sentences", "n_articles", "polarity", "polarity_se", "subjectivity",
             "subjectivity_se", "vader"]
    return out[order].sort_values(["n_sentences", "entity"], ascending=[False, True], kind="stable",
                                  ignore_index=True)


def quote_sentiment(tables: TableSource) -> pd.DataFrame:
    """Every quotation with TextBlob (scored if missing) and VADER scores and an explanation.

    For a store's selection of more than :data:`LEVEL_ROWS` quotations, the
    :data:`LEVEL_ROWS` most polar of them, in table order.

    Returns:
        Columns article_id, quote_id, speaker, kind, start, end, text, polarity,
        subjectivity, vader, explanation.
    """
    q = sql.rows(tables, "quotes", sql.polar_pick("quotes")) if is_store_tables(tables) else tables.quotes
    cols = ["article_id", "quote_id", "speaker", "kind", "start", "end", "text", "polarity", "subjectivity",
            "vader", "explanation"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.copy()
    for i, col in enumerate(("polarity", "subjectivity")):
        given = pd.to_numeric(q[col], errors="coerce") if col in q.columns else pd.Series(np.nan, index=q.index)
        missing = given.isna()
        if missing.any():  # score only the quotations without a stored score
            given[missing] = [score(t)[i] for t in q.loc[missing, "text"]]
        q[col] = given
    q["vader"] = vader_scores(q["text"])["compound"].to_numpy()
    q["explanation"] = [explain_short(t) for t in q["text"]]
    return q[cols].reset_index(drop=True)


def speaker_sentiment(tables: TableSource, *, min_quotes: int = 1) -> pd.DataFrame:
    """Sentiment of each speaker's quotations (quotes without a speaker are left out).

    Returns:
        Columns speaker, n_quotes, n_articles, polarity, polarity_se,
        subjectivity, subjectivity_se, vader; most quoted first (for a store,
        ``vader`` over a sample of :data:`SAMPLE` quotations when there are more).
    """
    if is_store_tables(tables) and not sql.quotes_missing_scores(tables):
        return sql.speaker_sentiment(tables, min_quotes=min_quotes)
    q = quote_sentiment(tables)
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "")]
    out = _stats(q, ["speaker"], count="n_quotes",
                 extra={"n_articles": ("article_id", "nunique"), "vader": ("vader", "mean")})
    out = out[out["n_quotes"] >= min_quotes]
    order = ["speaker", "n_quotes", "n_articles", "polarity", "polarity_se", "subjectivity", "subjectivity_se",
             "vader"]
    return out[order].sort_values(["n_quotes", "speaker"], ascending=[False, True], kind="stable",
                                  ignore_index=True)


def by_source(tables: TableSource) -> pd.DataFrame:
    """Article sentiment per source (each article counts once; no source: "(unknown)").

    Returns:
        Columns source, n_articles, polarity, polarity_se, subjectivity, subjectivity_se.
    """
    a = tables.articles.assign(source=tables.articles["source"].fillna("(unknown)").astype(str))
    return _stats(a, ["source"], count="n_articles").sort_values("source", ignore_index=True)


def by_day(tables: TableSource) -> pd.DataFrame:
    """Article sentiment per publication day (UTC); undated articles are left out.

    Returns:
        Columns day (midnight UTC, tz-naive), n_articles, polarity, polarity_se,
        subjectivity, subjectivity_se.
    """
    a = tables.articles
    a = a[a["published"].notna()]
    a = a.assign(day=pd.to_datetime(a["published"], utc=True).dt.tz_convert(None).dt.normalize())
    return _stats(a, ["day"], count="n_articles").sort_values("day", ignore_index=True)


def extremes(tables: TableSource, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most positive and ``n`` most negative sentences, with explanations.

    Neutral sentences (polarity 0) are never listed; ties go to the more
    subjective sentence.

    Returns:
        Columns direction ("positive"/"negative"), article_id, sentence_id,
        text, polarity, subjectivity, explanation.
    """
    if is_store_tables(tables):
        out = sql.extremes(tables, n=n)
        return out.assign(explanation=[explain_short(t) for t in out["text"]])
    s = tables.sentences
    parts = []
    for direction, mask, asc in (("positive", s["polarity"] > 0, False), ("negative", s["polarity"] < 0, True)):
        top = s[mask].sort_values(["polarity", "subjectivity"], ascending=[asc, False], kind="stable").head(n)
        parts.append(top.assign(direction=direction))
    out = pd.concat(parts, ignore_index=True) if any(len(p) for p in parts) else s.head(0).assign(direction="")
    out = out.assign(explanation=[explain_short(t) for t in out["text"]])
    return out[["direction", "article_id", "sentence_id", "text", "polarity", "subjectivity", "explanation"]]


# --- one table per level (the CLI) --------------------------------------------------------

#: Columns of :func:`level_table` for each level.
LEVEL_COLUMNS: dict[str, list[str]] = {
    "article": ["article_id", "published", "source", "title", "n_sentences", "polarity", "subjectivity",
                "vader_mean", "agree"],
    "paragraph": ["article_id", "paragraph", "is_headline", "start", "end", "text", "n_sentences", "polarity",
                  "subjectivity", "vader_mean"],
    "sentence": ["article_id", "sentence_id", "paragraph", "is_headline", "start", "end", "text", "polarity",
                 "subjectivity", "vader", "vader_pos", "vader_neg", "vader_neu", "textblob_label", "vader_label",
                 "agree", "opposite", "quoted", "explanation"],
    "entity": ["entity", "label", "n_sentences", "n_articles", "polarity", "polarity_se", "subjectivity",
               "subjectivity_se", "vader"],
    "speaker": ["speaker", "n_quotes", "n_articles", "polarity", "polarity_se", "subjectivity",
                "subjectivity_se", "vader"],
    "quote": ["article_id", "quote_id", "speaker", "kind", "start", "end", "text", "polarity", "subjectivity",
              "vader", "explanation"],
    "source": ["source", "n_articles", "polarity", "polarity_se", "subjectivity", "subjectivity_se"],
    "day": ["day", "n_articles", "polarity", "polarity_se", "subjectivity", "subjectivity_se"],
}
#: Levels :func:`level_table` knows.
LEVELS: tuple[str, ...] = tuple(LEVEL_COLUMNS)


def level_table(tables: TableSource, level: str) -> pd.DataFrame:
    """The rows of one level, columns as in :data:`LEVEL_COLUMNS`.

    ``vader_mean`` is the mean VADER compound of the sentences of an article or
    paragraph; an article's ``agree`` is the share of its sentences on which
    TextBlob and VADER agree; ``polarity``/``subjectivity`` of articles,
    paragraphs, sentences and quotes are TextBlob's on their own text.

    For a store's selection with more than :data:`LEVEL_ROWS` articles,
    paragraphs, sentences or quotations, those levels keep the :data:`LEVEL_ROWS`
    most polar rows (largest ``|polarity|``, then the most subjective), in table
    order (VADER over each row's own sentences); the other levels aggregate
    everything (entities and speakers with VADER over a sample, see
    :func:`entity_sentiment`).

    Raises:
        ValueError: For a level not in :data:`LEVELS`.
    """
    if level not in LEVEL_COLUMNS:
        raise ValueError(f"unknown sentiment level {level!r} (use one of: {', '.join(LEVELS)})")
    if level in ("article", "paragraph", "sentence"):
        base = None
        if is_store_tables(tables):
            table = level + "s"
            pick = sql.polar_pick(table)
            if level != "sentence":
                base, pick = sql.rows(tables, table, pick), sql.sentences_of(table, pick)
            sent = score_sentences(sql.sentence_rows(tables, pick), band=NEUTRAL_BAND,
                                    explanations=level == "sentence")
        else:
            sent = sentence_table(tables, explanations=level == "sentence")
        if level == "sentence":
            out = sent
        else:
            keys = ["article_id"] + (["paragraph"] if level == "paragraph" else [])
            means = sent.groupby(keys).agg(vader_mean=("vader", "mean"), agree=("agree", "mean")).reset_index()
            if base is None:
                base = tables.articles if level == "article" else tables.paragraphs
            out = base.merge(means, on=keys, how="left")
    else:
        out = {"entity": entity_sentiment, "speaker": speaker_sentiment, "quote": quote_sentiment,
               "source": by_source, "day": by_day}[level](tables)
    return out.reindex(columns=LEVEL_COLUMNS[level]).reset_index(drop=True)


def conclusions(tables: TableSource) -> str:
    """A few Markdown sentences summing up the sentiment of a corpus (for notebook conclusions)."""
    a = tables.articles
    if a.empty:
        return "No articles matched: nothing to conclude."
    lines = [f"- **{plural(len(a), 'article')}**, {plural(n_rows(tables, 'sentences'), 'sentence')}: "
             "mean article polarity "
             f"{a['polarity'].mean():+.3f}, subjectivity {a['subjectivity'].mean():.2f}."]
    src = by_source(tables)
    if len(src) > 1:
        hi, lo = src.loc[src["polarity"].idxmax()], src.loc[src["polarity"].idxmin()]
        lines.append(f"- Most positive source: **{hi['source']}** ({hi['polarity']:+.3f}, "
                     f"{plural(int(hi['n_articles']), 'article')}); least: **{lo['source']}** ({lo['polarity']:+.3f}, "
                     f"{plural(int(lo['n_articles']), 'article')}).")
    agr = agreement(compare(tables))
    if agr.sentences:
        note = sample_note(tables)
        lines.append(f"- TextBlob and VADER give the same label (±{NEUTRAL_BAND}) to **{agr.agree:.0%}** of "
                     f"sentences and opposite signs to {agr.opposite:.0%} (r = {agr.correlation:.2f}"
                     f"{'; ' + note if note else ''}).")
    nq = narration_vs_quotes(tables).set_index("speech")
    if "quoted" in nq.index and "narration" in nq.index:
        lines.append(f"- Quoted speech: polarity {nq.loc['quoted', 'polarity']:+.3f} over "
                     f"{nq.loc['quoted', 'n_sentences']} sentences; narration "
                     f"{nq.loc['narration', 'polarity']:+.3f} over {nq.loc['narration', 'n_sentences']}.")
    else:
        lines.append("- No quotations found, so quoted speech cannot be compared with narration.")
    return "\n".join(lines)
