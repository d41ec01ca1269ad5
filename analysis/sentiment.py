"""Sentiment that explains itself: TextBlob scores, the words behind them, VADER beside them.

Polarity (-1…1) and subjectivity (0…1) come from TextBlob's PatternAnalyzer
(:func:`score`, exactly ``TextBlob(text).sentiment``); the NLP pass stores them
for every article, paragraph, sentence and quotation. This module builds on
:class:`analysis.pipeline.Tables`:

- :func:`explain` lists the phrases that moved a text's score (negation and
  intensifiers included); a text's polarity is the mean of their polarities.
- :func:`vader_scores` and :func:`compare` put VADER beside TextBlob for every
  sentence; :func:`agreement` and :func:`disagreements` say where they differ.
- :func:`speech` / :func:`narration_vs_quotes`, :func:`entity_sentiment`,
  :func:`speaker_sentiment`, :func:`by_source`, :func:`by_day` aggregate.
- :func:`level_table` returns one table per level for the CLI (:data:`LEVEL_COLUMNS`).

Standard errors are ``std(ddof=1) / sqrt(n)`` (NaN when ``n < 2``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis._sentiment_text import (EXPLAIN_COLUMNS, NEUTRAL_BAND, VADER_COLUMNS, explain, explain_short,
                                      pattern_sentiment, vader_scores, vader_words)

if TYPE_CHECKING:  # pragma: no cover
    from analysis.pipeline import Tables

__all__ = ["score", "EXPLAIN_COLUMNS", "VADER_COLUMNS", "NEUTRAL_BAND", "LEVELS", "LEVEL_COLUMNS", "Agreement",
           "explain", "explain_short", "vader_scores", "vader_words", "sentence_table", "compare", "agreement",
           "disagreements", "speech", "narration_vs_quotes", "entity_sentiment", "speaker_sentiment",
           "quote_sentiment", "by_source", "by_day", "extremes", "level_table", "conclusions"]


def score(text: str) -> tuple[float, float]:
    """Polarity (-1…1) and subjectivity (0…1) of ``text``.

    Uses TextBlob's default PatternAnalyzer directly (no NLTK corpora needed);
    the result equals ``TextBlob(text).sentiment``.
    """
    polarity, subjectivity = pattern_sentiment()(text)
    return float(polarity), float(subjectivity)


# --- sentences, VADER beside TextBlob -----------------------------------------------------

def _label(values: pd.Series, band: float) -> pd.Series:
    v = values.to_numpy(dtype=float)
    return pd.Series(np.select([v >= band, v <= -band], ["positive", "negative"], "neutral"), index=values.index)


def speech(tables: Tables, *, kinds: Iterable[str] | None = None) -> pd.Series:
    """For each row of ``tables.sentences``: True when it overlaps a quotation's ``[start, end)``.

    Args:
        tables: The analysed corpus.
        kinds: Count only quotations of these kinds (``direct``, ``partial``,
            ``indirect``); all by default.
    """
    s = tables.sentences
    q = tables.quotes
    out = pd.Series(False, index=s.index, name="quoted")
    if kinds is not None and not q.empty:
        q = q[q["kind"].isin(list(kinds))]
    if s.empty or q.empty:
        return out
    q = pd.DataFrame({"article_id": q["article_id"], "q_start": pd.to_numeric(q["start"], errors="coerce"),
                      "q_end": pd.to_numeric(q["end"], errors="coerce")}).dropna()
    pairs = s[["article_id", "start", "end"]].reset_index(names="_row").merge(q, on="article_id")
    hit = pairs.loc[(pairs["start"] < pairs["q_end"]) & (pairs["q_start"] < pairs["end"]), "_row"]
    out.loc[out.index.isin(hit)] = True
    return out


def sentence_table(tables: Tables, *, band: float = NEUTRAL_BAND, explanations: bool = False) -> pd.DataFrame:
    """Every sentence with TextBlob and VADER scores side by side (see ``LEVEL_COLUMNS["sentence"]``).

    Args:
        tables: The analysed corpus.
        band: Neutral band for both methods' labels (:data:`NEUTRAL_BAND`).
        explanations: Add an ``explanation`` column (:func:`explain_short`).
    """
    s = tables.sentences
    v = vader_scores(s["text"])
    out = s.drop(columns=[c for c in ("n_words",) if c in s.columns]).copy()
    out["quoted"] = speech(tables).to_numpy()
    out["vader"] = v["compound"].to_numpy()
    out["vader_pos"], out["vader_neg"], out["vader_neu"] = (v[c].to_numpy() for c in ("pos", "neg", "neu"))
    out["textblob_label"] = _label(out["polarity"], band)
    out["vader_label"] = _label(out["vader"], band)
    out["agree"] = out["textblob_label"] == out["vader_label"]
    pair = out["textblob_label"] + "/" + out["vader_label"]
    out["opposite"] = pair.isin(["positive/negative", "negative/positive"])
    if explanations:
        out["explanation"] = [explain_short(t) for t in out["text"]]
    return out


def compare(tables: Tables, *, band: float = NEUTRAL_BAND) -> pd.DataFrame:
    """TextBlob polarity against VADER compound for every sentence.

    Each score is labelled positive (``>= band``), negative (``<= -band``) or
    neutral; ``agree`` is True when the labels are equal, ``opposite`` when one
    is positive and the other negative (a disagreement in sign).

    Returns:
        Columns article_id, sentence_id, paragraph, start, end, text,
        textblob, vader, textblob_label, vader_label, agree, opposite.
    """
    t = sentence_table(tables, band=band)
    t = t.rename(columns={"polarity": "textblob"})
    return t[["article_id", "sentence_id", "paragraph", "start", "end", "text", "textblob", "vader",
              "textblob_label", "vader_label", "agree", "opposite"]]


@dataclass(frozen=True)
class Agreement:
    """How far TextBlob and VADER agree over a set of sentences.

    Attributes:
        sentences: Number of sentences compared.
        agree: Share with the same label (positive/neutral/negative).
        opposite: Share where one says positive and the other negative.
        correlation: Pearson correlation of the two scores (NaN under 2 sentences).
    """

    sentences: int
    agree: float
    opposite: float
    correlation: float


def agreement(compared: pd.DataFrame) -> Agreement:
    """Agreement rate of a :func:`compare` table."""
    n = len(compared)
    if n == 0:
        return Agreement(0, float("nan"), float("nan"), float("nan"))
    corr = compared["textblob"].corr(compared["vader"]) if n > 1 else float("nan")
    return Agreement(n, float(compared["agree"].mean()), float(compared["opposite"].mean()), float(corr))


def disagreements(tables: Tables, *, band: float = NEUTRAL_BAND) -> pd.DataFrame:
    """Sentences where TextBlob and VADER disagree in sign, largest gap first.

    Adds ``gap`` (absolute difference), ``textblob_why`` (:func:`explain_short`)
    and ``vader_why`` (:func:`vader_words`) to the :func:`compare` columns.
    """
    c = compare(tables, band=band)
    c = c[c["opposite"]].copy()
    c["gap"] = (c["textblob"] - c["vader"]).abs()
    c["textblob_why"] = [explain_short(t) for t in c["text"]]
    c["vader_why"] = [vader_words(t) for t in c["text"]]
    return c.sort_values("gap", ascending=False, kind="stable", ignore_index=True)


# --- aggregates ---------------------------------------------------------------------------

def _stats(df: pd.DataFrame, keys: list[str], *, count: str, extra: dict | None = None) -> pd.DataFrame:
    """Mean and standard error of polarity and subjectivity per group."""
    agg = {count: ("polarity", "size"), "polarity": ("polarity", "mean"), "polarity_se": ("polarity", "sem"),
           "subjectivity": ("subjectivity", "mean"), "subjectivity_se": ("subjectivity", "sem"), **(extra or {})}
    cols = list(agg)
    if df.empty:
        return pd.DataFrame(columns=keys + cols)
    return df.groupby(keys, sort=False, dropna=False).agg(**agg).reset_index()


def narration_vs_quotes(tables: Tables, *, by: str | None = None,
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
    s = tables.sentences.assign(speech=np.where(speech(tables, kinds=kinds), "quoted", "narration"))
    s = s[~s["is_headline"].astype(bool)]
    if by and by not in s.columns:
        s = s.merge(tables.articles[["article_id", by]], on="article_id", how="left")
    keys = ([by] if by else []) + ["speech"]
    out = _stats(s, keys, count="n_sentences")
    return out.sort_values(keys, kind="stable", ignore_index=True)


def entity_sentiment(tables: Tables, *, entities: Iterable[str] | None = None,
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
        subjectivity, subjectivity_se, vader; most mentioned first.
    """
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


def quote_sentiment(tables: Tables) -> pd.DataFrame:
    """Every quotation with TextBlob (scored if missing) and VADER scores and an explanation.

    Returns:
        Columns article_id, quote_id, speaker, kind, start, end, text, polarity,
        subjectivity, vader, explanation.
    """
    q = tables.quotes
    cols = ["article_id", "quote_id", "speaker", "kind", "start", "end", "text", "polarity", "subjectivity",
            "vader", "explanation"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.copy()
    scored = [score(t) for t in q["text"]]
    for i, col in enumerate(("polarity", "subjectivity")):
        given = pd.to_numeric(q[col], errors="coerce") if col in q.columns else pd.Series(np.nan, index=q.index)
        q[col] = given.fillna(pd.Series([s[i] for s in scored], index=q.index))
    q["vader"] = vader_scores(q["text"])["compound"].to_numpy()
    q["explanation"] = [explain_short(t) for t in q["text"]]
    return q[cols].reset_index(drop=True)


def speaker_sentiment(tables: Tables, *, min_quotes: int = 1) -> pd.DataFrame:
    """Sentiment of each speaker's quotations (quotes without a speaker are left out).

    Returns:
        Columns speaker, n_quotes, n_articles, polarity, polarity_se,
        subjectivity, subjectivity_se, vader; most quoted first.
    """
    q = quote_sentiment(tables)
    q = q[q["speaker"].notna() & (q["speaker"].astype(str).str.strip() != "")]
    out = _stats(q, ["speaker"], count="n_quotes",
                 extra={"n_articles": ("article_id", "nunique"), "vader": ("vader", "mean")})
    out = out[out["n_quotes"] >= min_quotes]
    order = ["speaker", "n_quotes", "n_articles", "polarity", "polarity_se", "subjectivity", "subjectivity_se",
             "vader"]
    return out[order].sort_values(["n_quotes", "speaker"], ascending=[False, True], kind="stable",
                                  ignore_index=True)


def by_source(tables: Tables) -> pd.DataFrame:
    """Article sentiment per source (each article counts once; no source: "(unknown)").

    Returns:
        Columns source, n_articles, polarity, polarity_se, subjectivity, subjectivity_se.
    """
    a = tables.articles.assign(source=tables.articles["source"].fillna("(unknown)").astype(str))
    return _stats(a, ["source"], count="n_articles").sort_values("source", ignore_index=True)


def by_day(tables: Tables) -> pd.DataFrame:
    """Article sentiment per publication day (UTC); undated articles are left out.

    Returns:
        Columns day (midnight UTC, tz-naive), n_articles, polarity, polarity_se,
        subjectivity, subjectivity_se.
    """
    a = tables.articles
    a = a[a["published"].notna()]
    a = a.assign(day=pd.to_datetime(a["published"], utc=True).dt.tz_convert(None).dt.normalize())
    return _stats(a, ["day"], count="n_articles").sort_values("day", ignore_index=True)


def extremes(tables: Tables, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most positive and ``n`` most negative sentences, with explanations.

    Neutral sentences (polarity 0) are never listed; ties go to the more
    subjective sentence.

    Returns:
        Columns direction ("positive"/"negative"), article_id, sentence_id,
        text, polarity, subjectivity, explanation.
    """
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


def level_table(tables: Tables, level: str) -> pd.DataFrame:
    """The rows of one level, columns as in :data:`LEVEL_COLUMNS`.

    ``vader_mean`` is the mean VADER compound of the sentences of an article or
    paragraph; an article's ``agree`` is the share of its sentences on which
    TextBlob and VADER agree; ``polarity``/``subjectivity`` of articles,
    paragraphs, sentences and quotes are TextBlob's on their own text.

    Raises:
        ValueError: For a level not in :data:`LEVELS`.
    """
    if level not in LEVEL_COLUMNS:
        raise ValueError(f"unknown sentiment level {level!r} (use one of: {', '.join(LEVELS)})")
    if level in ("article", "paragraph", "sentence"):
        sent = sentence_table(tables, explanations=level == "sentence")
        if level == "sentence":
            out = sent
        else:
            keys = ["article_id"] + (["paragraph"] if level == "paragraph" else [])
            means = sent.groupby(keys).agg(vader_mean=("vader", "mean"), agree=("agree", "mean")).reset_index()
            base = tables.articles if level == "article" else tables.paragraphs
            out = base.merge(means, on=keys, how="left")
    else:
        out = {"entity": entity_sentiment, "speaker": speaker_sentiment, "quote": quote_sentiment,
               "source": by_source, "day": by_day}[level](tables)
    return out.reindex(columns=LEVEL_COLUMNS[level]).reset_index(drop=True)


def conclusions(tables: Tables) -> str:
    """A few Markdown sentences summing up the sentiment of a corpus (for notebook conclusions)."""
    a = tables.articles
    if a.empty:
        return "No articles matched: nothing to conclude."
    lines = [f"- **{len(a)} articles**, {len(tables.sentences)} sentences: mean article polarity "
             f"{a['polarity'].mean():+.3f}, subjectivity {a['subjectivity'].mean():.2f}."]
    src = by_source(tables)
    if len(src) > 1:
        hi, lo = src.loc[src["polarity"].idxmax()], src.loc[src["polarity"].idxmin()]
        lines.append(f"- Most positive source: **{hi['source']}** ({hi['polarity']:+.3f}, {hi['n_articles']} "
                     f"articles); least: **{lo['source']}** ({lo['polarity']:+.3f}, {lo['n_articles']}).")
    agr = agreement(compare(tables))
    if agr.sentences:
        lines.append(f"- TextBlob and VADER give the same label (±{NEUTRAL_BAND}) to **{agr.agree:.0%}** of "
                     f"sentences and opposite signs to {agr.opposite:.0%} (r = {agr.correlation:.2f}).")
    nq = narration_vs_quotes(tables).set_index("speech")
    if "quoted" in nq.index and "narration" in nq.index:
        lines.append(f"- Quoted speech: polarity {nq.loc['quoted', 'polarity']:+.3f} over "
                     f"{nq.loc['quoted', 'n_sentences']} sentences; narration "
                     f"{nq.loc['narration', 'polarity']:+.3f} over {nq.loc['narration', 'n_sentences']}.")
    else:
        lines.append("- No quotations found, so quoted speech cannot be compared with narration.")
    return "\n".join(lines)
