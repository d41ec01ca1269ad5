"""Jobs on several processes, this one included: how the NLP pass uses every core.

:func:`imap_unordered` runs ``fn(job)`` for every job on ``processes`` processes: this
one and ``processes - 1`` helpers (forked where that is safe, else spawned: see
:func:`start_method`; ``fn`` must be importable, i.e. defined at module level). Jobs are handed out
one at a time to whichever process is free, so no process idles while another still has
a queue, and this process works instead of waiting: with one process there is no helper
and no overhead at all. :func:`guided_size` sizes jobs from the work left, so that the
last jobs are small and every process finishes at about the same time.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import math
import multiprocessing
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

__all__ = ["available_cpus", "batch_collections", "resolve_processes", "guided_size", "imap_unordered",
           "start_method"]

logger = logging.getLogger(__name__)
_J = TypeVar("_J")
_R = TypeVar("_R")
_END = object()


def available_cpus() -> int:
    """CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def resolve_processes(processes: int | None) -> int:
    """``processes``, or one per available CPU when None.

    Raises:
        ValueError: ``processes`` is less than 1.
    """
    if processes is None:
        return available_cpus()
    if isinstance(processes, bool) or not isinstance(processes, int) or processes < 1:
        raise ValueError(f"processes must be a whole number >= 1, not {processes!r}")
    return processes


def guided_size(remaining: float, processes: int, *, low: int, high: int) -> int:
    """Size of the next job: a share of the work left (``remaining`` / 2 per process),
    between ``low`` and ``high``; ``high`` with one process (nothing to balance)."""
    if processes <= 1:
        return high
    return max(low, min(high, math.ceil(remaining / (2 * processes))))


def start_method() -> str:
    """How helpers start: ``fork`` on Linux outside a Jupyter kernel (a helper is a copy of this
    process, with its model loaded, working within milliseconds), else ``spawn`` (a fresh interpreter
    that imports and loads everything again: 2–3 s; the only safe way in a kernel, whose threads talk
    to the browser, and on macOS). ``NEWSLENS_START_METHOD`` (``fork`` or ``spawn``) overrides."""
    chosen = os.environ.get("NEWSLENS_START_METHOD", "").strip().lower()
    if chosen in ("fork", "spawn"):
        return chosen if chosen in multiprocessing.get_all_start_methods() else "spawn"
    if chosen:
        logger.warning("NEWSLENS_START_METHOD=%r is neither fork nor spawn: ignored", chosen)
    if sys.platform.startswith("linux") and "ipykernel" not in sys.modules:
        return "fork"
    return "spawn"


def _ready() -> None:
    """A job that returns as soon as a helper has started (its initializer has run)."""


class _Source:
    """The jobs, taken one at a time by this process and by the helpers' feeder thread."""

    def __init__(self, jobs: Iterable) -> None:
        self._it = iter(jobs)
        self.lock = threading.Lock()
        self.ended = False
        self.taken_by_helpers = 0

    def take(self, *, helper: bool) -> Any:
        """The next job (``_END`` when there is none); counted when taken for a helper."""
        with self.lock:
            job = _END if self.ended else next(self._it, _END)
            self.ended = job is _END
            self.taken_by_helpers += helper and not self.ended
            return job

    def end(self) -> int:
        """Take no more jobs; returns how many the helpers took."""
        with self.lock:
            self.ended = True
            return self.taken_by_helpers


def imap_unordered(fn: Callable[[_J], _R], jobs: Iterable[_J], *, processes: int,
                   initializer: Callable[[], None] | None = None) -> Iterator[_R]:
    """``fn(job)`` for every job, on ``processes`` processes (this one included), in the order they finish.

    A helper gets its first job once it has started, one job at a time, so none waits
    behind a busy or starting helper while this process is free. A process that is itself a
    child process (a helper, a Dask worker) starts no helpers. A helper that dies (killed,
    out of memory, or unable to start, as when a script without an ``if __name__ ==
    "__main__":`` guard calls this at import) loses no job: its jobs and the rest run here,
    with a warning.

    Args:
        fn: A module-level function (helpers import it by name).
        jobs: The jobs, taken one at a time when a process is free (a generator may size
            each job when it is taken).
        processes: Processes in all; 1 runs every job here, one after the other.
        initializer: Run once in each helper when it starts (e.g. load a model); with forked
            helpers, run once here before they fork (they inherit what it made).

    Raises:
        Exception: The first exception raised by ``fn``, here or in a helper; the
            jobs not started are dropped.
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise RuntimeError("helper processes were to be started while a helper imports the main module: "
                           "put the script's work under `if __name__ == \"__main__\":`")
    if processes > 1 and multiprocessing.parent_process() is not None:
        logger.debug("in a child process (a helper, a Dask worker…): no helpers of its own")
        processes = 1
    if processes <= 1:
        with batch_collections():
            for job in jobs:
                yield fn(job)
        return
    helpers = processes - 1
    source = _Source(jobs)
    done: queue.SimpleQueue[tuple[Future, Any]] = queue.SimpleQueue()
    free = threading.Semaphore(helpers)  # one job in flight per helper
    broken = threading.Event()
    method = start_method()
    if method == "fork" and initializer is not None:
        initializer()  # here, before the fork: the helpers inherit what it loaded and start at once
    pool = ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context(method),
                               initializer=initializer if method == "spawn" else None)

    def feed() -> None:
        job = None
        try:
            while True:
                free.acquire()
                if broken.is_set() or (job := source.take(helper=True)) is _END:
                    return
                pool.submit(fn, job).add_done_callback(lambda f, job=job: (done.put((f, job)), free.release()))
        except BaseException as exc:  # noqa: BLE001 - the pool shut down under the feeder: its job runs here
            failed: Future = Future()
            failed.set_exception(BrokenProcessPool(str(exc)))
            if job is not None and job is not _END:
                done.put((failed, job))

    def result(future: Future, job: Any) -> _R:
        try:
            return future.result()
        except BrokenProcessPool as exc:
            if not broken.is_set():
                logger.warning("a helper process failed (%s); going on in this process alone", exc)
                broken.set()
            return fn(job)

    received = 0
    # frozen before the fork: the helpers' collections leave what they inherit alone, so its pages stay shared
    with batch_collections():
        try:
            try:
                with _helper_environ(processes):  # started here and now (none waits for a job)
                    for _ in range(helpers):
                        free.acquire()
                        pool.submit(_ready).add_done_callback(lambda _f: free.release())
            except Exception as exc:  # noqa: BLE001 - no process to spare (limits, memory): all of it runs here
                logger.warning("could not start helper processes (%s); going on in this process alone", exc)
            else:
                threading.Thread(target=feed, name="newslens-feeder", daemon=True).start()
            while (job := source.take(helper=False)) is not _END:
                while not done.empty():  # the helpers' results first: they are waiting to be handed on
                    received += 1
                    yield result(*done.get())
                yield fn(job)
            for _ in range(source.end() - received):
                yield result(*done.get())
        finally:
            source.end()
            for _ in range(helpers):
                free.release()  # a feeder waiting for a free helper sees the end
            _stop(pool)


#: Allocations between two young-generation collections during a run of jobs (Python's default: 700).
YOUNG_COLLECTION_THRESHOLD = 5000


@contextlib.contextmanager
def batch_collections() -> Iterator[None]:
    """Garbage collection for a run of NLP jobs: what is alive when it starts (the model, the
    lexicons) frozen, so that no collection scans it again, and young collections 7× rarer.

    spaCy and the per-article steps make many short-lived objects; with the defaults, the
    collector took about 2 % of a run, scanning the model's objects over and over. Cycles made
    during the run are still collected. Everything is restored at the end; a process whose
    collector is off or already has frozen objects (its owner's choice) is left alone.
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], YOUNG_COLLECTION_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextlib.contextmanager
def _helper_environ(processes: int) -> Iterator[None]:
    """This process's environment as helpers should inherit it, while they are spawned: the cores
    shared out as BLAS/OpenMP threads, and no ``MALLOC_TRIM_THRESHOLD_`` (setting it turns off glibc's
    adaptive mmap threshold, and spaCy runs 20 % slower; Dask's nanny leaves it in the environment of
    a process that started a cluster)."""
    threads = str(max(1, available_cpus() // processes))
    wanted: dict[str, str | None] = {"MALLOC_TRIM_THRESHOLD_": None, "TOKENIZERS_PARALLELISM": "false",
                                     **dict.fromkeys(("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"),
                                                     threads)}
    saved = {name: os.environ.get(name) for name in wanted}
    try:
        for name, value in wanted.items():
            if value is None:
                os.environ.pop(name, None)
            elif name == "TOKENIZERS_PARALLELISM" or name not in os.environ:  # the user's choice stands
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now: every job wanted is done, or the caller gave up; a helper
    still starting up is not waited for."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=True)
