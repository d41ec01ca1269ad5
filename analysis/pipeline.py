"""From inputs to every table: read the corpus, run the NLP pass once, resolve entities."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis import config, entities
from analysis.aliases import as_aliases
from analysis.corpus import Corpus, Problem, read_corpus
from analysis.io import atomic_path
from analysis.nlp import analyse_articles

if TYPE_CHECKING:  # pragma: no cover
    from analysis.store import StoreTables

__all__ = ["Tables", "analyse", "store_folder"]

logger = logging.getLogger(__name__)


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
        if df[col].map(lambda v: isinstance(v, (list, tuple))).any():
            df[col] = df[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return df


def analyse(inputs: Corpus | str | os.PathLike | Iterable[str | os.PathLike], *,
            aliases: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
            use_cache: bool = True, n_process: int = 1, progress: bool = True) -> Tables | StoreTables:
    """Analyse a corpus: the one entry point the notebooks and the CLI call.

    Args:
        inputs: A :class:`Corpus`, or files, folders and globs to read, or the folder of a
            store written by ``python -m analysis process``: its tables are not recomputed
            but returned as :class:`analysis.store.StoreTables`, read on demand (with
            ``aliases``, the whole store is read and resolved again, as :class:`Tables`).
        aliases: A YAML alias file (see ``data/aliases.example.yaml``).
        cache_dir: NLP cache folder (default :data:`analysis.config.CACHE_DIR`).
        use_cache: Read and write the cache.
        n_process: spaCy worker processes.
        progress: Show a progress bar.
    """
    store = store_folder(inputs)
    if store is not None:  # a store made by `python -m analysis process`: read, don't analyse
        from analysis.store import load_tables, store_tables

        return load_tables(store, aliases=aliases) if aliases else store_tables(store)
    aliases = as_aliases(aliases)  # a bad alias file fails before any NLP
    corpus = inputs if isinstance(inputs, Corpus) else read_corpus(config.resolve_inputs(inputs))
    tables = analyse_articles(corpus.articles, cache_dir=cache_dir, use_cache=use_cache,
                              n_process=n_process, progress=progress)
    tables = entities.resolve_corpus(tables, aliases=aliases)
    tables["quotes"] = _finish_quotes(tables["quotes"], tables["articles"])
    return Tables(**{name: tables[name] for name in Tables.__dataclass_fields__ if name != "problems"},
                  problems=corpus.problems)


def store_folder(inputs) -> Path | None:
    """The store folder when ``inputs`` names exactly one (see :mod:`analysis.store`)."""
    if isinstance(inputs, Corpus):
        return None
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    if len(items) != 1:
        return None
    path = Path(config.resolve_inputs(items)[0])
    return path if (path / "_newslens_store.json").is_file() else None


def _finish_quotes(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Add ``published``/``source``, make ``quote_id`` unique in the corpus, order by time."""
    meta = articles[["article_id", "published", "source"]]
    out = quotes.drop(columns=[c for c in ("published", "source") if c in quotes.columns])
    out = out.merge(meta, on="article_id", how="left")
    out["quote_id"] = out["article_id"] + ":" + out["quote_id"].astype(str)
    order = ["article_id", "published", "source", "quote_id"]
    out = out[order + [c for c in out.columns if c not in order]]
    return out.sort_values(["published", "article_id", "start"], na_position="last", kind="stable",
                           ignore_index=True)
