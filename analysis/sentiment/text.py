"""Sentiment of one text: TextBlob's scorer, the phrases behind its score, and VADER.

Public names are re-exported by :mod:`analysis.sentiment`; import them from there.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pandas as pd


@functools.cache
def pattern_sentiment():
    """TextBlob's PatternAnalyzer lexicon (``textblob.en.sentiment``), imported on first use, without
    NLTK and SciPy (see :func:`analysis.sentiment.fast.textblob_en`)."""
    from analysis.sentiment.fast import textblob_en

    return textblob_en().sentiment

__all__ = ["EXPLAIN_COLUMNS", "VADER_COLUMNS", "NEUTRAL_BAND", "pattern_sentiment", "explain", "explain_short",
           "vader_scores", "vader_words"]


# --- explanations -------------------------------------------------------------------------

#: Columns of :func:`explain`: one row per phrase TextBlob assessed, in text order.
#: ``phrase`` is the span of the text (``start``/``end`` offsets into it; -1 when it
#: cannot be located), ``words`` the tokens TextBlob scored (lower-cased),
#: ``head`` the lexicon word; ``contribution`` = polarity / number of phrases, so
#: the contributions add up to the text's polarity. ``negated``: a "not/no/never"
#: flipped and halved the score; ``intensifier``: the modifier words before the
#: head ("very", "really"…) and ``intensity`` the factor TextBlob took from the
#: last of them (1.0 when none); ``intensified``: that factor is not 1 — only
#: "very", "real", "especially" and "excruciatingly" have one, so "extremely
#: good" scores as "good"; ``exclamation``: "!" boosted it (×1.25); ``label``:
#: TextBlob's label ("mood" for emoticons, "irony" for "(!)") or "".
EXPLAIN_COLUMNS = ["phrase", "words", "head", "polarity", "subjectivity", "contribution", "negated",
                   "intensified", "intensifier", "intensity", "exclamation", "label", "start", "end"]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """TextBlob's tokens of ``text`` (lower-cased) with their offsets (-1 when not found)."""
    tokens = " ".join(pattern_sentiment().tokenizer(text)).split()
    low = text.lower()
    same = len(low) == len(text)
    out, pos = [], 0
    for tok in tokens:
        tok = tok.lower()
        if same:
            i = low.find(tok, pos)
        else:  # lower() changed lengths (rare Unicode): search the original, ignoring case
            m = re.compile(re.escape(tok), re.IGNORECASE).search(text, pos)
            i = m.start() if m else -1
        if i >= 0:
            out.append((tok, i, i + len(tok)))
            pos = i + len(tok)
        else:
            out.append((tok, -1, -1))
    return out


def explain(text: str) -> pd.DataFrame:
    """The phrases that moved the TextBlob score of ``text`` (columns: :data:`EXPLAIN_COLUMNS`).

    Example: ``explain("Not bad at all, very nice")`` has the rows "Not bad"
    (negated, +0.35) and "very nice" (intensified, +0.78); their mean is the
    text's polarity. A text without any lexicon word gives an empty table
    (polarity 0).
    """
    return pd.DataFrame(list(_phrases(text)), columns=EXPLAIN_COLUMNS).astype(
        {"negated": bool, "intensified": bool, "exclamation": bool, "start": int, "end": int})


@functools.lru_cache(maxsize=1 << 16)
def _phrases(text: str) -> tuple[dict, ...]:
    """The rows of :func:`explain` (cached: the same sentence is explained once; do not mutate)."""
    assessed = pattern_sentiment()(text).assessments
    tokens = _tokens(text)
    negations = set(pattern_sentiment().negations)
    rows, cursor = [], 0
    for words, polarity, subjectivity, label in assessed:
        spans = []
        for w in words:  # chunk words come in text order: match them to tokens left to right
            j = next((k for k in range(cursor, len(tokens)) if tokens[k][0] == w), None)
            if j is not None:
                cursor = j + 1
                if tokens[j][1] >= 0:
                    spans.append(tokens[j][1:])
        core = [w for w in words if w != "!"]
        head = core[-1] if core else words[-1]
        modifiers = [w for w in core[:-1] if w not in negations]
        intensity = (float(pattern_sentiment()[modifiers[-1]][None][2])
                     if modifiers and modifiers[-1] in pattern_sentiment() else 1.0)
        start, end = (spans[0][0], spans[-1][1]) if spans else (-1, -1)
        rows.append({"phrase": text[start:end] if spans else " ".join(words), "words": " ".join(words),
                     "head": head, "polarity": float(polarity), "subjectivity": float(subjectivity),
                     "contribution": float(polarity) / len(assessed),
                     "negated": any(w in negations for w in words), "intensified": intensity != 1.0,
                     "intensifier": " ".join(modifiers), "intensity": intensity, "exclamation": "!" in words,
                     "label": label or "", "start": start, "end": end})
    return tuple(rows)


def explain_short(text: str, *, top: int = 3) -> str:
    """The ``top`` phrases with the largest effect, as ``“not good” −0.35; “very nice” +0.78``.

    Phrases with polarity 0 (subjective words that only dilute the mean) are
    never listed; the phrases left out are counted at the end ("+2 more" when
    some moved the score, else "+2 neutral").
    """
    rows = _phrases(text)
    moved = sorted((r for r in rows if r["polarity"] != 0), key=lambda r: -abs(r["polarity"]))
    parts = [f"\u201c{r['phrase']}\u201d {_signed(r['polarity'])}" for r in moved[:top]]
    hidden = len(rows) - len(parts)
    if hidden:
        parts.append(f"+{hidden} more" if len(moved) > top else f"+{hidden} neutral")
    return "; ".join(parts)


def _signed(value: float) -> str:
    """``+0.35`` / ``−0.35`` (a real minus sign)."""
    return f"{value:+.2f}".replace("-", "\u2212")


# --- VADER --------------------------------------------------------------------------------

#: Columns of :func:`vader_scores`: VADER's compound score (-1…1) and the shares
#: of positive, negative and neutral text (they add up to 1).
VADER_COLUMNS = ["compound", "pos", "neg", "neu"]

#: Scores within ``±NEUTRAL_BAND`` count as neutral (VADER's own convention, 0.05).
NEUTRAL_BAND = 0.05


@functools.cache
def _analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1 << 18)
def _vader_one(text: str) -> tuple[float, float, float, float]:
    s = _analyzer().polarity_scores(text)
    return s["compound"], s["pos"], s["neg"], s["neu"]


def vader_scores(texts: Iterable[str]) -> pd.DataFrame:
    """VADER scores of each text (columns :data:`VADER_COLUMNS`), index aligned with a Series.

    One analyzer is loaded per process and each distinct text is scored once
    (cached), so repeated calls over the same sentences cost almost nothing.
    """
    index = texts.index if isinstance(texts, pd.Series) else None
    rows = [_vader_one(t if isinstance(t, str) else "") for t in texts]
    return pd.DataFrame(rows, columns=VADER_COLUMNS, index=index, dtype=float)


def vader_words(text: str) -> str:
    """VADER lexicon words in ``text`` with their valence (before VADER's rules), as ``"support +1.7"``."""
    lexicon = _analyzer().lexicon
    words = [w for w in re.findall(r"[^\W_]+(?:['\u2019-][^\W_]+)*", text.lower()) if w in lexicon]
    return "; ".join(f"{w} {lexicon[w]:+.1f}" for w in words)
