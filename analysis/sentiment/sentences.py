"""VADER beside TextBlob over the sentences of a corpus (or a sample of a store's), and which sentences
are quoted speech.

Public names are re-exported by :mod:`analysis.sentiment`; import them from there.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.records import TableSource, is_store_tables
from analysis.sentiment import sql
from analysis.sentiment.text import NEUTRAL_BAND, explain_short, vader_scores, vader_words

__all__ = ["Agreement", "speech", "quoted_sentences", "sentence_table", "score_sentences", "compare", "agreement",
           "disagreements"]


def _label(values: pd.Series, band: float) -> pd.Series:
    v = values.to_numpy(dtype=float)
    return pd.Series(np.select([v >= band, v <= -band], ["positive", "negative"], "neutral"), index=values.index)


def speech(tables: TableSource, *, kinds: Iterable[str] | None = None) -> pd.Series:
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


def quoted_sentences(tables: TableSource, *, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The sentences with a ``quoted`` column (:func:`speech`), in table order.

    For a store's selection of more than :data:`SAMPLE` sentences, a
    deterministic sample of :data:`SAMPLE` of them (see :func:`sample_note`).
    """
    if is_store_tables(tables):
        return sql.sentence_rows(tables, sql.sample_pick(tables), kinds=kinds)
    return tables.sentences.assign(quoted=speech(tables, kinds=kinds).to_numpy())


def sentence_table(tables: TableSource, *, band: float = NEUTRAL_BAND, explanations: bool = False) -> pd.DataFrame:
    """Every sentence with TextBlob and VADER scores side by side (see ``LEVEL_COLUMNS["sentence"]``).

    For a store's large selection, the sentences of :func:`quoted_sentences` (a sample).

    Args:
        tables: The analysed corpus.
        band: Neutral band for both methods' labels (:data:`NEUTRAL_BAND`).
        explanations: Add an ``explanation`` column (:func:`explain_short`).
    """
    return score_sentences(quoted_sentences(tables), band=band, explanations=explanations)


def score_sentences(s: pd.DataFrame, *, band: float, explanations: bool) -> pd.DataFrame:
    """Sentence rows with ``quoted`` plus VADER, labels and (optionally) explanations."""
    v = vader_scores(s["text"])
    out = s.drop(columns=[c for c in ("n_words",) if c in s.columns]).copy()
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


def compare(tables: TableSource, *, band: float = NEUTRAL_BAND) -> pd.DataFrame:
    """TextBlob polarity against VADER compound for every sentence.

    Each score is labelled positive (``>= band``), negative (``<= -band``) or
    neutral; ``agree`` is True when the labels are equal, ``opposite`` when one
    is positive and the other negative (a disagreement in sign).

    Returns:
        Columns article_id, sentence_id, paragraph, start, end, text,
        textblob, vader, textblob_label, vader_label, agree, opposite
        (for a store's large selection, over a sample: :func:`sample_note`).
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


def disagreements(tables: TableSource, *, band: float = NEUTRAL_BAND) -> pd.DataFrame:
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
