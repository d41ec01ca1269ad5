"""The tables of an analysed corpus, in memory: :class:`Tables`."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from analysis import entities
from analysis.corpus import Problem
from analysis.io import atomic_path

__all__ = ["Tables"]


@dataclass(frozen=True)
class Tables:
    """Every table newslens produces for a corpus (columns: see README, "Tables").

    Attributes:
        articles: One row per article: metadata, size, polarity and subjectivity.
        paragraphs: Headline (paragraph 0) and paragraphs with offsets and sentiment.
        sentences: Sentences with offsets and sentiment.
        mentions: Entity mentions with offsets, the raw spaCy label and the resolved entity.
        quotes: Quotations with speaker, cue, kind and sentiment.
        entities: One row per resolved entity.
        cooccurrence: Entity pairs mentioned in one sentence or article.
        problems: What went wrong reading the inputs.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    entities: pd.DataFrame
    cooccurrence: pd.DataFrame
    problems: tuple[Problem, ...] = ()

    @property
    def names(self) -> list[str]:
        """Names of the tables (every field but ``problems``)."""
        return [f.name for f in fields(self) if f.name != "problems"]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def filter(self, *, articles: Iterable[str] | str | None = None, since: str | pd.Timestamp | None = None,
               until: str | pd.Timestamp | None = None) -> "Tables":
        """The same tables restricted to some articles and/or a publication window.

        Args:
            articles: Article ids to keep (one id or several); None or "" keeps all.
            since: Keep articles published at or after this time ("" or None: no bound).
            until: Keep articles published at or before this time; a date alone
                includes that whole day.

        Articles without a date are dropped when ``since`` or ``until`` is given.
        Corpus-level tables (``entities``, ``cooccurrence``) are recomputed for
        the rows kept.
        """
        keep = self.articles
        if articles:
            ids = {articles} if isinstance(articles, str) else set(articles)
            keep = keep[keep["article_id"].isin(ids)]
        published = pd.to_datetime(keep["published"], utc=True)
        if since:
            keep = keep[published >= _timestamp(since)]
            published = published.loc[keep.index]
        if until:
            bound = _timestamp(until)
            if isinstance(until, str) and len(until.strip()) <= 10:
                bound = bound + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1)
            keep = keep[published <= bound]
        ids = set(keep["article_id"])
        per_article = {name: self[name][self[name]["article_id"].isin(ids)].reset_index(drop=True)
                       for name in ("articles", "paragraphs", "sentences", "mentions", "quotes")}
        corpus_level = entities.summarise(per_article)
        return Tables(**per_article, **corpus_level, problems=self.problems)

    def to_dir(self, out: str | os.PathLike, *, formats: Iterable[str] = ("csv", "parquet"),
               names: Iterable[str] | None = None) -> list[Path]:
        """Write tables to ``out/<name>.<format>`` atomically; returns the paths written.

        Args:
            out: The folder (created when missing).
            formats: ``csv`` and/or ``parquet``.
            names: The tables to write (default: every table).
        """
        written = []
        for name in (self.names if names is None else list(names)):
            df = _for_files(self[name])
            for fmt in formats:
                path = Path(out) / f"{name}.{fmt}"
                with atomic_path(path) as tmp:
                    if fmt == "csv":
                        df.to_csv(tmp, index=False)
                    elif fmt == "parquet":
                        df.to_parquet(tmp, index=False)
                    else:
                        raise ValueError(f"unknown table format {fmt!r} (use csv or parquet)")
                written.append(path)
        return written


def _timestamp(value: str | pd.Timestamp) -> pd.Timestamp:
    ts = pd.Timestamp(value)
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


def _for_files(df: pd.DataFrame) -> pd.DataFrame:
    """Lists (aliases) become "; "-joined strings so CSV and Parquet agree."""
    df = df.copy()
    for col in df.columns:
        if df[col].dtype != object or pd.api.types.infer_dtype(df[col], skipna=True) in ("string", "empty"):
            continue  # no lists in it (the check above runs in C; the one below calls Python per value)
        if df[col].map(lambda v: isinstance(v, (list, tuple))).any():
            df[col] = df[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return df
