"""From inputs to every table: read the corpus, run the NLP pass once, resolve entities."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import config, entities, statements
from analysis.corpus import Corpus, read_corpus
from analysis.entities.aliases import as_aliases
from analysis.extract import analyse_articles, finish_quotes
from analysis.tables import Tables

if TYPE_CHECKING:  # pragma: no cover
    from analysis.store import StoreTables

__all__ = ["analyse", "store_folder"]

logger = logging.getLogger(__name__)


def analyse(inputs: Corpus | str | os.PathLike | Iterable[str | os.PathLike], *,
            aliases: str | os.PathLike | None = None, cache_dir: str | os.PathLike | None = None,
            use_cache: bool = True, n_process: int | None = None, progress: bool = True) -> Tables | StoreTables:
    """Analyse a corpus: the one entry point the notebooks and the CLI call.

    Args:
        inputs: A :class:`Corpus`, or files, folders and globs to read, or the folder of a
            store written by ``python -m analysis process``: its tables are not recomputed
            but returned as :class:`analysis.store.StoreTables`, read on demand (with
            ``aliases``, the whole store is read and resolved again, as :class:`Tables`).
        aliases: A YAML alias file (see ``data/aliases.example.yaml``).
        cache_dir: NLP cache folder (default :data:`analysis.config.CACHE_DIR`).
        use_cache: Read and write the cache.
        n_process: Processes for the NLP pass (default: one per CPU; fewer for a few articles,
            none beyond this one for a corpus served from the cache). The tables are the same.
        progress: Show a progress bar.
    """
    store = store_folder(inputs)
    if store is not None:  # a store made by `python -m analysis process`: read, don't analyse
        from analysis.store import load_tables, store_tables  # DuckDB and Dask only when a store is read

        return load_tables(store, aliases=aliases) if aliases else store_tables(store)
    aliases = as_aliases(aliases)  # a bad alias file fails before any NLP
    corpus = inputs if isinstance(inputs, Corpus) else read_corpus(config.resolve_inputs(inputs))
    tables = analyse_articles(corpus.articles, cache_dir=cache_dir, use_cache=use_cache,
                              n_process=n_process, progress=progress)
    tables = entities.resolve_corpus(tables, aliases=aliases)
    tables["quotes"] = statements.with_statements(finish_quotes(tables["quotes"], tables["articles"]))
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
