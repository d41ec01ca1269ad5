"""A corpus's quote table read by speaker and time: the notebooks' views (part of :mod:`analysis.quotes`).

Each speaker's quotations (:func:`speaker_quotes`), the quotations a timeline shows
(:func:`timeline_rows`), who is quoted most (:func:`speaker_leaderboard`) and a few sentences about it
all (:func:`summary_text`).
"""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from analysis.quotes.schema import KINDS, QUOTE_COLUMNS


def speaker_quotes(quotes: pd.DataFrame, *, speakers: list[str] | tuple[str, ...] | None = None,
                   kinds: list[str] | tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each speaker's quotations with article, date and cue, for reading beside the timeline.

    Args:
        quotes: ``Tables.quotes``.
        speakers: Keep only these speakers (None: everyone with a name).
        kinds: Keep only these kinds (None: all).

    Returns:
        Columns ``speaker, published, source, article_id, kind, cue, text,
        polarity, quote_id``, by speaker then time.
    """
    cols = ["speaker", "published", "source", "article_id", "kind", "cue", "text", "polarity", "quote_id"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    df = _attributed(quotes, speakers=speakers, kinds=kinds, columns=cols).reindex(columns=cols)
    return df.sort_values(["speaker", "published", "quote_id"], na_position="last", kind="stable",
                          ignore_index=True)


def _attributed(quotes: pd.DataFrame, *, speakers=None, kinds=None, columns: list[str] | None = None,
                named: bool = True) -> pd.DataFrame:
    """Quotations (with a speaker when ``named``), restricted to ``speakers`` and ``kinds`` when given;
    only ``columns`` (those present) when given. Rows are taken once: a store's quotations can be millions."""
    mask = quotes["speaker"].notna().to_numpy(copy=True) if named else np.ones(len(quotes), dtype=bool)
    speakers, kinds = _as_list(speakers), _as_list(kinds)
    if speakers:
        mask &= quotes["speaker"].isin(speakers).to_numpy()
    if kinds:
        mask &= quotes["kind"].isin(kinds).to_numpy()
    cols = list(quotes.columns) if columns is None else [c for c in columns if c in quotes.columns]
    return quotes.loc[mask, cols]


def timeline_rows(quotes: pd.DataFrame, *, speakers: list[str] | tuple[str, ...] | None = None,
                  kinds: list[str] | tuple[str, ...] | None = None, top_n: int = 8) -> pd.DataFrame:
    """The quotations a timeline shows, numbered as its markers are.

    Args:
        quotes: ``Tables.quotes``.
        speakers: Speakers to show (None or empty: the ``top_n`` most quoted).
        kinds: Kinds to show (None or empty: all).
        top_n: How many speakers when ``speakers`` is not given.

    Returns:
        ``n`` (1…, the marker's number), ``speaker``, ``published``, ``source``,
        ``article_id``, ``kind``, ``cue``, ``text``, ``polarity``, ``start``,
        ``quote_id``, ``statement_id`` (see :mod:`analysis.statements`), ordered by time (undated
        last) and position.
    """
    cols = ["n", "speaker", "published", "source", "article_id", "kind", "cue", "text", "polarity", "start",
            "quote_id", "statement_id"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    if not _as_list(speakers):
        speakers = speaker_leaderboard(quotes, kinds=kinds, top_n=top_n)["speaker"].tolist() or ["\0"]
    df = _attributed(quotes, speakers=speakers, kinds=kinds, columns=cols[1:])
    df = df.reindex(columns=cols[1:]).sort_values(["published", "article_id", "start"], na_position="last",
                                                  kind="stable", ignore_index=True)
    df.insert(0, "n", range(1, len(df) + 1))
    return df


def speaker_leaderboard(quotes: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None,
                        top_n: int = 15) -> pd.DataFrame:
    """Who is quoted most, and by how many outlets.

    Returns:
        ``speaker, speaker_label, quotes, outlets, articles, direct, partial,
        indirect, mean_polarity, first, last``, most quoted first.
    """
    cols = ["speaker", "speaker_label", "quotes", "outlets", "articles", *KINDS, "mean_polarity", "first", "last"]
    if quotes is None or not len(quotes):
        return pd.DataFrame(columns=cols)
    df = _attributed(quotes, kinds=kinds, columns=["speaker", "speaker_label", "kind", "article_id", "polarity",
                                                   "published", "source"])
    if not len(df):
        return pd.DataFrame(columns=cols)
    published = df["published"] if "published" in df else pd.Series(pd.NaT, index=df.index)
    source = df["source"] if "source" in df else pd.Series(None, index=df.index, dtype=object)
    work = df.assign(_published=pd.to_datetime(published, utc=True), _source=source)
    board = work.groupby("speaker", sort=False).agg(
        quotes=("speaker", "size"), outlets=("_source", "nunique"), articles=("article_id", "nunique")
        if "article_id" in work else ("speaker", "size"),
        mean_polarity=("polarity", "mean"), first=("_published", "min"), last=("_published", "max"))
    labels = work.dropna(subset=["speaker_label"]).groupby(["speaker", "speaker_label"]).size().rename("n")
    labels = labels.reset_index().sort_values(["speaker", "n", "speaker_label"], ascending=[True, False, True])
    board.insert(0, "speaker_label", labels.drop_duplicates("speaker").set_index("speaker")["speaker_label"])
    counts = pd.crosstab(work["speaker"], work["kind"]).reindex(columns=list(KINDS), fill_value=0)
    board = board.join(counts).reset_index()
    board = board.sort_values(["quotes", "outlets", "speaker"], ascending=[False, False, True], ignore_index=True)
    return board.reindex(columns=cols).head(top_n)


def summary_text(quotes: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None) -> str:
    """A few sentences of Markdown about the quotations: how many, who leads, the tone."""
    df = quotes if quotes is not None else pd.DataFrame(columns=QUOTE_COLUMNS)
    if len(df):
        df = _attributed(df, kinds=kinds, named=False, columns=["speaker", "speaker_label", "kind", "article_id",
                                                                "polarity", "published", "source"])
    if not len(df):
        return "**No quotations** were found for this selection (corpus, article, dates and kinds)."
    named = df[df["speaker"].notna()]
    n_articles = df["article_id"].nunique() if "article_id" in df else 1
    n_speakers = named["speaker"].nunique()
    parts = [f"**{len(df)} quotation{'s' if len(df) != 1 else ''}** in {n_articles} "
             f"article{'s' if n_articles != 1 else ''}, {len(named)} with a known speaker ({n_speakers} "
             f"speaker{'s' if n_speakers != 1 else ''}), {len(df) - len(named)} unattributed."]
    if len(named):
        board = speaker_leaderboard(df, top_n=1)
        top = board.iloc[0]
        parts.append(f"Most quoted: **{_md(top['speaker'])}** ({int(top['quotes'])} "
                     f"quotation{'s' if int(top['quotes']) != 1 else ''}, "
                     f"{int(top['outlets'])} outlet{'s' if top['outlets'] != 1 else ''}).")
    pol = df["polarity"].astype(float)
    parts.append(f"Tone: {int((pol > 0.05).sum())} positive, {int((pol < -0.05).sum())} negative, "
                 f"{int(((pol >= -0.05) & (pol <= 0.05)).sum())} neutral (TextBlob polarity).")
    return " ".join(parts)


def _as_list(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """A list of names from a list, or from a string as a notebook parameter may give it
    ('["direct", "partial"]' or "direct, partial")."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                loaded = json.loads(text)
            except ValueError:
                loaded = None
            if isinstance(loaded, list):
                return [str(v).strip() for v in loaded if str(v).strip()]
            text = text.strip("[]")
        return [v.strip().strip("'\"") for v in text.split(",") if v.strip().strip("'\"")]
    return [str(v) for v in value]


def _md(text: str) -> str:
    """Text from an article, escaped for Markdown."""
    return re.sub(r"([\\`*_{}\[\]()#+!|<>$])", r"\\\1", str(text))
