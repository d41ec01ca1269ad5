"""The work of :mod:`analysis.store`: streaming the corpus and processing one batch on a worker.

:func:`run_batch` is what a Dask worker, a local helper process or this process
runs: the same NLP pass as :func:`analysis.analyse` (:func:`analysis.nlp.parse`
and :func:`analysis.extract.extract`), with the spaCy model loaded once per worker
process. When the worker sees the store folder it writes the batch's part
files itself and returns only a small summary; otherwise (a cluster without a
shared file system) it returns the Parquet bytes for the client to write.
"""
from __future__ import annotations

import functools
import hashlib
import io
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from analysis import extract, nlp
from analysis.corpus import Article, Problem
from analysis.store import layout

logger = logging.getLogger(__name__)

#: One spaCy pipeline per process is not safe to share between threads: a worker
#: started with several threads runs its batches one at a time.
_NLP_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchOutcome:
    """What a worker sends back for one batch (small unless ``payload`` is set)."""

    part: str
    manifest: tuple[dict, ...]
    words: int
    pipeline_version: str
    problems: tuple[Problem, ...] = ()
    payload: dict[str, bytes] = field(default_factory=dict)
    nlp_seconds: float = 0.0
    extract_seconds: float = 0.0


def meta_hash(article: Article) -> str:
    """Hash of the metadata that lands in the ``articles`` table (not where the file is)."""
    meta = [article.source, article.url, None if article.published is None else article.published.isoformat(),
            list(article.authors)]
    return hashlib.sha256(json.dumps(meta).encode("utf-8")).hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def _can_write(store: str, store_id: str) -> bool:
    """Whether this process sees the store folder (same id in its marker)."""
    try:
        return layout.read_marker(Path(store)).get("store_id") == store_id
    except ValueError:
        return False


def worker_version() -> str:
    """The pipeline version on this worker (loads the spaCy model: the one load per process)."""
    with _NLP_LOCK:
        return extract.pipeline_version()


def warm_up() -> None:
    """What a local helper process does as it starts: the model and lexicon loaded, the version known."""
    extract.warm_up()
    worker_version()


def _analyse(articles: list[Article], batch_size: int, clock: dict[str, float]
             ) -> tuple[dict, list[Article], list[Problem]]:
    """Per-article tables of ``articles``; an article that fails is rejected, not the batch."""
    model = nlp.load_nlp()
    results: dict[str, dict[str, pd.DataFrame]] = {}
    try:
        for parsed in nlp.parse(articles, nlp=model, batch_size=batch_size):
            t = time.perf_counter()
            results[parsed.article.id] = extract.extract(parsed)
            clock["extract"] += time.perf_counter() - t
        return results, articles, []
    except Exception:  # noqa: BLE001 - find the article at fault, keep the others
        logger.exception("a batch failed; retrying its articles one by one")
    results, done, problems = {}, [], []
    for article in articles:
        try:
            parsed = next(iter(nlp.parse([article], nlp=model, batch_size=batch_size)))
            results[article.id] = extract.extract(parsed)
            done.append(article)
        except Exception as exc:  # noqa: BLE001 - reported as a rejected article
            problems.append(Problem(article.path or article.id, f"analysis failed for article {article.id!r}: "
                                    f"{type(exc).__name__}: {exc}", article.line))
    return results, done, problems


def run_job(job: dict) -> BatchOutcome:
    """:func:`run_batch` of a job given as one dict of its arguments (how local helpers get them)."""
    return run_batch(**job)


def run_batch(articles: list[Article], *, store: str, store_id: str, part: str,
              batch_size: int = 256) -> BatchOutcome:
    """Analyse one batch of articles and store (or return) its part files.

    Args:
        articles: The batch.
        store: The store folder, as the client names it.
        store_id: The id in the store's marker (to tell whether this worker sees that folder).
        part: The part name of this batch.
        batch_size: Docs per spaCy batch.
    """
    with _NLP_LOCK:
        version = extract.pipeline_version()
        clock = {"extract": 0.0}
        start = time.perf_counter()
        results, done, problems = _analyse(articles, batch_size, clock)
        seconds = time.perf_counter() - start
    timing = {"nlp_seconds": seconds - clock["extract"], "extract_seconds": clock["extract"]}
    if not done:
        return BatchOutcome(part, (), 0, version, tuple(problems), **timing)
    tables = extract.combine(done, results)
    now = pd.Timestamp.now(tz="UTC").isoformat()
    manifest = tuple({"article_id": a.id, "content_hash": a.content_hash, "meta_hash": meta_hash(a),
                      "pipeline_version": version, "part": part, "processed_at": now} for a in done)
    words = int(tables["articles"]["n_words"].sum())
    direct = _can_write(store, store_id)
    payload: dict[str, bytes] = {}
    for name in layout.PART_TABLES:  # articles last: it marks the part complete
        df = tables[name]
        if not len(df):
            continue
        if direct:
            layout.write_table(layout.part_path(Path(store), name, part), df)
        else:
            buf = io.BytesIO()
            pq.write_table(layout.to_arrow(df), buf, compression="zstd")
            payload[name] = buf.getvalue()
    return BatchOutcome(part, manifest, words, version, tuple(problems), payload, **timing)


def write_payload(root: Path, outcome: BatchOutcome) -> None:
    """Write the part files a worker sent back (when it could not write them itself)."""
    for name in layout.PART_TABLES:
        if name in outcome.payload:
            layout.write_bytes(layout.part_path(root, name, outcome.part), outcome.payload[name])
