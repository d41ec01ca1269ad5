"""Process a large corpus into a Parquet store, on local worker processes or a Dask cluster.

``python -m analysis process CORPUS --store DIR`` runs the same NLP pass as
:func:`analysis.analyse` over articles streamed in bounded batches, and writes
every table as a partitioned Parquet dataset (layout: :mod:`analysis.store.layout`).
Runs are incremental: an article whose text, metadata and pipeline version are
already in the store is skipped; a changed article replaces its old rows.
Without ``--scheduler`` the work runs in this process and local helper processes
(:mod:`analysis.parallel`: no Dask, nothing to set up); with
``--scheduler tcp://HOST:8786`` it runs on an existing Dask cluster. Batches are
sized from the work left (:func:`_batches`): at most :data:`MAX_BATCH_SIZE`
articles, smaller towards the end so that every process finishes together. Readers
aggregate with DuckDB (:func:`open_store`) or load small selections
(:func:`load_tables`).
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import fcntl
import hashlib
import itertools
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import config
from analysis.corpus import Article, Problem, stream_corpus
from analysis.parallel import guided_size, imap_unordered, resolve_processes
from analysis.store import layout, query, work
from analysis.store.resolve import resolve_store
from analysis.store.tables import StoreTables, load_tables, store_tables

__all__ = ["ProcessResult", "StoreQuery", "StoreTables", "store_tables", "StoreError", "process", "open_store",
           "load_tables", "is_store", "configure_parser", "run", "MARKER", "MAX_BATCH_SIZE", "MIN_BATCH_SIZE"]

logger = logging.getLogger(__name__)

StoreQuery = query.StoreQuery
StoreError = layout.StoreError
is_store = layout.is_store
MARKER = layout.MARKER

#: Most articles per batch (a task of a worker): bounds the memory of the batches in flight. Batches
#: are this large until the end of the inputs is in sight, then shrink (see :func:`_batches`).
MAX_BATCH_SIZE = 100
#: Fewest articles per batch, however little is left (each batch is a part file per table).
MIN_BATCH_SIZE = 4
#: The manifest is saved at least this often, so an interrupted run keeps its finished batches.
CHECKPOINT_SECONDS = 60.0
#: Dask settings for the workers of a cluster (``analysis/dask.yaml`` sets the same; local runs use no
#: Dask). Each worker's statistical profiler samples the running task's call stack every 10 ms and
#: keeps one call tree per second for the last 1000 s (two copies: per worker and per task prefix);
#: over spaCy's deep stacks that is about 0.2–0.3 MB per second per worker — and nobody reads it.
#: The nanny also starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536``; setting it turns off
#: glibc's adaptive mmap threshold, so every large numpy buffer of spaCy's models is mapped and faulted
#: in afresh: 1.4 million page faults for 150 articles, and spaCy 20 % slower than in this process.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": {}}
#: Dask settings of this process's client. Every batched comm keeps its last ``low-level-log-length``
#: messages under 1 MB for debugging, 1000 by default; each of ours carries a batch of articles (about
#: 300 kB), so the client kept every article text sent until 1000 batches had gone by.
CLIENT_CONFIG = {"distributed.admin.low-level-log-length": 20}


@dataclass(frozen=True)
class ProcessResult:
    """What one :func:`process` run did.

    Attributes:
        seen: Articles read from the inputs.
        processed: Articles analysed and stored in this run.
        skipped: Articles already in the store, unchanged.
        problems: Problems met reading or analysing the inputs.
        seconds: Wall time of the run.
        words: Words in the processed articles.
        nlp_seconds: Worker time in spaCy (summed over workers).
        extract_seconds: Worker time in the per-article steps after spaCy (sentiment,
            entities, quotations), summed over workers.
    """

    seen: int
    processed: int
    skipped: int
    problems: tuple[Problem, ...]
    seconds: float
    words: int
    nlp_seconds: float = 0.0
    extract_seconds: float = 0.0

    @property
    def rejected(self) -> tuple[Problem, ...]:
        """Problems that rejected an article or a file (severity "error")."""
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def words_per_second(self) -> float:
        """Processed words per second of wall time."""
        return self.words / self.seconds if self.seconds > 0 else 0.0


# --- runners: this process and local helpers, or a cluster -------------------------------------

class _Local:
    """Batches on ``workers`` processes: this one and ``workers - 1`` helpers, no Dask."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def version(self) -> str:
        return work.worker_version()

    def map(self, jobs: Iterable[dict]) -> Iterator[work.BatchOutcome]:
        return imap_unordered(work.run_job, jobs, processes=self.workers, initializer=work.warm_up)


class _OnDask:
    """Batches as Dask tasks, at most ``2 × threads`` in flight."""

    def __init__(self, client) -> None:
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))

    def version(self) -> str:
        """Load the model on every worker at once; they must agree on the pipeline version."""
        versions = set(self.client.run(work.worker_version).values())
        if len(versions) != 1:
            raise StoreError(f"the workers run different pipeline versions ({', '.join(sorted(versions))}): "
                             "install the same newslens and spaCy model everywhere")
        return versions.pop()

    def map(self, jobs: Iterable[dict]) -> Iterator[work.BatchOutcome]:
        from distributed import as_completed

        window, pending = 2 * self.workers, 0
        done = as_completed()
        for job in jobs:
            done.add(self.client.submit(work.run_batch, pure=False, **job))
            pending += 1
            while pending >= window:
                future = next(done)
                pending -= 1
                yield future.result()
                future.release()
        for future in done:
            yield future.result()
            future.release()


@contextlib.contextmanager
def _runner(workers: int | None, scheduler: str | None) -> Iterator[_Local | _OnDask]:
    if scheduler is None:
        yield _Local(resolve_processes(workers or None) if workers != 0 else 1)
        return
    import dask
    from distributed import Client

    try:
        with dask.config.set(CLIENT_CONFIG):
            client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise StoreError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    client.wait_for_workers(1, timeout=120)
    with client:
        yield _OnDask(client)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One process run per store at a time."""
    with open(root / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise StoreError(f"{root} is being processed by another run") from exc
        yield


# --- process --------------------------------------------------------------------------------

class _Tally:
    seen = skipped = processed = words = 0
    nlp_seconds = extract_seconds = 0.0


def _aliases_hash(aliases: str | os.PathLike | None) -> str | None:
    return hashlib.sha256(Path(aliases).read_bytes()).hexdigest()[:16] if aliases else None


def process(inputs: str | os.PathLike | Iterable[str | os.PathLike], *, store: str | os.PathLike,
            workers: int | None = None, scheduler: str | None = None, batch_size: int | None = None,
            aliases: str | os.PathLike | None = None, progress: bool = True) -> ProcessResult:
    """Analyse new and changed articles of ``inputs`` into the store ``store``.

    Args:
        inputs: Files, folders and globs, as for :func:`analysis.analyse`.
        store: The store folder (created when missing or empty).
        workers: Processes that analyse, this one included (default: one per CPU; 0 or 1: this
            process alone). Ignored with ``scheduler``.
        scheduler: Address of a running Dask scheduler, e.g. ``tcp://10.0.0.5:8786``.
        batch_size: Articles per batch; by default sized from the work left, between
            :data:`MIN_BATCH_SIZE` and :data:`MAX_BATCH_SIZE`.
        aliases: A YAML alias file for corpus-level entity resolution.
        progress: Show a progress bar.

    Raises:
        StoreError: ``store`` is not a store, is in use, or the cluster cannot be reached.
        ValueError: A bad option.
    """
    from tqdm.auto import tqdm

    start = time.perf_counter()
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be 0 or more, not {workers}")
    if batch_size is not None and batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    if aliases and not Path(aliases).is_file():
        raise ValueError(f"alias file not found: {aliases}")
    root = Path(store).absolute()  # workers on other machines need the full path
    marker = layout.create_or_open(root)
    paths = config.resolve_inputs(inputs)
    tally, problems = _Tally(), []
    with _locked(root):
        version = work.worker_version()  # here too: a run with nothing new starts no worker
        manifest = layout.read_manifest(root)
        layout.repair(root, manifest)
        current = manifest[manifest["pipeline_version"] == version]
        known = dict(zip(current["article_id"], zip(current["content_hash"], current["meta_hash"])))
        if len(manifest) and not len(current):
            logger.info("the pipeline changed since the last run: every article is analysed again")
        bar = tqdm(desc="process", unit="article", disable=not progress)
        try:
            articles = _new_articles(paths, known, tally, problems, bar)
            first = next(articles, None)
            if first is not None:  # a run with nothing new starts no helper and reaches no cluster
                with _runner(workers, scheduler) as runner:
                    if (theirs := runner.version()) != version:
                        raise StoreError(f"the workers run another pipeline version ({theirs}, here {version}): "
                                         "install the same newslens and spaCy model everywhere")
                    logger.info("%d worker(s) ready after %.1f s", runner.workers, time.perf_counter() - start)
                    run_id = pd.Timestamp.now(tz="UTC").strftime("%Y%m%dT%H%M%S") + "-" + os.urandom(3).hex()
                    batches = _batches(itertools.chain([first], articles), workers=runner.workers, size=batch_size)
                    jobs = ({"articles": batch, "store": str(root), "store_id": marker["store_id"],
                             "part": f"part-{run_id}-{i:06d}"} for i, batch in enumerate(batches))
                    _collect(root, runner.map(jobs), manifest, version, tally, problems, bar)
        finally:
            bar.close()
        logger.info("batches done after %.1f s", time.perf_counter() - start)
        # after the local workers have exited, so that their memory is free for the corpus-level step
        _finish(root, version, aliases, problems)
    result = ProcessResult(tally.seen, tally.processed, tally.skipped, tuple(problems),
                           time.perf_counter() - start, tally.words, tally.nlp_seconds, tally.extract_seconds)
    logger.info("processed %d of %d articles (%d unchanged) in %.1f s", result.processed, result.seen,
                result.skipped, result.seconds)
    return result


def _new_articles(paths: list[str], known: dict[str, tuple[str, str]], tally: _Tally, problems: list[Problem],
                  bar) -> Iterator[Article]:
    """The articles that are not in the store as they are, read one file at a time."""
    for part in stream_corpus(paths):
        problems.extend(part.problems)
        for article in part.articles:
            tally.seen += 1
            if known.get(article.id) == (article.content_hash, work.meta_hash(article)):
                tally.skipped += 1
                bar.update()
                continue
            yield article


def _batches(articles: Iterable[Article], *, workers: int, size: int | None = None) -> Iterator[list[Article]]:
    """The articles in batches of ``size``, or by default of a share of the articles left: half of
    them per worker while the end of the inputs is not in sight, then ever smaller, so that every
    worker finishes at about the same time (guided self-scheduling).

    To see the end coming, the inputs are read ahead by ``2 × workers ×`` :data:`MAX_BATCH_SIZE`
    articles (the batches are that large until the rest fits in the read-ahead).
    """
    articles = iter(articles)
    ahead = size or 2 * workers * MAX_BATCH_SIZE
    pending: collections.deque[Article] = collections.deque()
    ended = False
    while True:
        while not ended and len(pending) < ahead:
            article = next(articles, None)
            if article is None:
                ended = True
            else:
                pending.append(article)
        if not pending:
            return
        n = size or guided_size(len(pending), workers, low=MIN_BATCH_SIZE, high=MAX_BATCH_SIZE)
        yield [pending.popleft() for _ in range(min(n, len(pending)))]


def _collect(root: Path, outcomes: Iterator[work.BatchOutcome], manifest: pd.DataFrame, version: str,
             tally: _Tally, problems: list[Problem], bar) -> None:
    """Record finished batches; the manifest is saved every CHECKPOINT_SECONDS and at the end,
    even when the run fails, so that the batches done are kept."""
    rows: list[dict] = []
    saved = time.monotonic()
    try:
        for outcome in outcomes:
            if outcome.pipeline_version != version:
                raise StoreError(f"a worker runs another pipeline version ({outcome.pipeline_version}, "
                                 f"expected {version}): install the same newslens and spaCy model everywhere")
            work.write_payload(root, outcome)
            rows.extend(outcome.manifest)
            problems.extend(outcome.problems)
            tally.processed += len(outcome.manifest)
            tally.words += outcome.words
            tally.nlp_seconds += outcome.nlp_seconds
            tally.extract_seconds += outcome.extract_seconds
            bar.update(len(outcome.manifest) + len(outcome.problems))
            if time.monotonic() - saved > CHECKPOINT_SECONDS:
                manifest, rows, saved = _commit(root, manifest, rows), [], time.monotonic()
    finally:
        if hasattr(outcomes, "close"):  # a failed run stops its helpers now, not when the traceback is freed
            outcomes.close()
        _commit(root, manifest, rows)


def _finish(root: Path, version: str, aliases, problems: list[Problem]) -> None:
    """Resolve entities over the store when anything changed; record the problems and the version."""
    marker = layout.read_marker(root)
    alias_key = _aliases_hash(aliases)
    missing = any(not layout.table_files(root, t) for t in layout.CORPUS_TABLES)
    if missing or marker.get("corpus_tables") != "current" or alias_key != marker.get("aliases_hash"):
        started = time.perf_counter()
        _resolve_corpus(root, aliases=aliases)
        logger.info("entities resolved over the store in %.1f s", time.perf_counter() - started)
    layout.write_table(root / layout.PROBLEMS, layout.problem_frame(problems))
    marker.update(pipeline_version=version, updated=pd.Timestamp.now(tz="UTC").isoformat(),
                  aliases_hash=alias_key, corpus_tables="current")
    layout.write_marker(root, marker)


def _commit(root: Path, manifest: pd.DataFrame, rows: list[dict]) -> pd.DataFrame:
    """Save finished batches in the manifest, then drop replaced rows from old parts."""
    if not rows:
        return manifest
    marker = layout.read_marker(root)
    if marker.get("corpus_tables") != "stale":  # until entities are resolved again after this run
        layout.write_marker(root, {**marker, "corpus_tables": "stale"})
    merged, stale = layout.merge_manifest(manifest, rows)
    layout.write_manifest(root, merged)
    layout.prune(root, stale)
    return merged


def _resolve_corpus(root: Path, *, aliases) -> None:
    """Corpus-level entity resolution over the whole store; writes the corpus-level tables.

    Reads the store one chunk of articles at a time (:mod:`analysis.store.resolve`): memory grows
    with the number of distinct entity names, not with the number of articles.
    """
    resolve_store(root, aliases=aliases)


# --- reading --------------------------------------------------------------------------------

def open_store(store: str | os.PathLike) -> StoreQuery:
    """DuckDB aggregates over a store (see :class:`analysis.store.query.StoreQuery`).

    Raises:
        StoreError: ``store`` is not a store.
    """
    return StoreQuery(store)


# --- command line ---------------------------------------------------------------------------

def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``python -m analysis process``."""
    parser.add_argument("paths", nargs="+", metavar="CORPUS", help="article files, folders or glob patterns")
    parser.add_argument("--store", required=True, metavar="DIR",
                        help="store folder (created when missing; new and changed articles are added)")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="processes that analyse, this one included (default: one per CPU; 0 or 1: this "
                             "process alone)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (every worker needs the "
                             "same newslens and spaCy model installed)")
    parser.add_argument("--batch-size", type=int, metavar="N",
                        help=f"articles per batch (default: sized from the work left, {MIN_BATCH_SIZE} to "
                             f"{MAX_BATCH_SIZE})")
    parser.add_argument("--aliases", metavar="YAML", help="alias file: merge, rename, relabel or exclude entities")


def run(args: argparse.Namespace) -> int:
    """Run ``process`` from parsed arguments: 0 ok, 2 some inputs rejected, 1 misuse or failure."""
    prog = "python -m analysis process"
    if args.scheduler and args.workers is not None:
        print(f"{prog}: error: --workers applies to local workers only; the cluster decides with --scheduler",
              file=sys.stderr)
        return 1
    if args.scheduler and getattr(args, "verbose", 0) < 2:  # Dask's own INFO lines only with -vv
        import distributed  # noqa: F401 - its import sets the levels of its loggers

        logging.getLogger("distributed").setLevel(logging.WARNING)
    try:
        result = process(args.paths, store=args.store, workers=args.workers, scheduler=args.scheduler,
                         batch_size=args.batch_size, aliases=args.aliases,
                         progress=not getattr(args, "quiet", False))
    except (ValueError, OSError, TimeoutError) as exc:
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a worker died, the cluster went away…: one line, not a traceback
        logger.debug("process failed", exc_info=True)
        print(f"{prog}: error: {type(exc).__name__}: {exc} (finished batches are kept; run again to "
              "continue; -vv shows the traceback)", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(f"newslens: {problem}", file=sys.stderr)
    print(f"{result.processed} of {result.seen} articles processed, {result.skipped} unchanged, "
          f"{len(result.rejected)} rejected; {result.words:,} words in {result.seconds:.1f} s "
          f"({result.words_per_second:,.0f} words/s); store: {args.store}", file=sys.stderr)
    return 2 if result.rejected else 0
