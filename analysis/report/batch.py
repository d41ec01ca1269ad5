"""The report batch itself: jobs, kernels in threads, files moved into place, the run's manifest.

Part of :mod:`analysis.report` (which documents the output layout).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import config
from analysis.io import write_text
from analysis.report.params import ReportError
from analysis.report.reader import READER_DIR
from analysis.report.records import Headline, ReportRecord, RunResult, article_headlines

__all__ = ["safe_name", "unique_names", "Job", "Log", "make_jobs", "kernel_env", "execute_all", "run_job",
           "temp_dir", "run_lock", "read_manifest", "finish_run", "write_reader_pages"]

logger = logging.getLogger("analysis.report")

_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]+")


def safe_name(text: str, *, max_len: int = 80) -> str:
    """A file-name-safe version of ``text``: ``[A-Za-z0-9._+-]``, no leading dot, never empty.

    Too long a name is cut and given a short hash of the whole, so distinct
    texts stay distinct.
    """
    safe = _UNSAFE.sub("_", text.strip()).lstrip(".") or "_"
    if len(safe) > max_len:
        safe = f"{safe[:max_len - 9]}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
    return "_index.html" if safe.lower() == "index.html" else safe


def unique_names(ids: Iterable[str]) -> dict[str, str]:
    """Safe, distinct file names for ids (a hash is added where two ids collide)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for i in ids:
        name = safe_name(i)
        if name.lower() in used:
            name = f"{name[:70]}-{hashlib.sha1(i.encode()).hexdigest()[:8]}"
        used.add(name.lower())
        out[i] = name
    return out


@dataclass(frozen=True)
class Job:
    """One notebook to execute: for the corpus (``article`` None) or for one article."""

    notebook: str
    path: Path
    title: str
    article: str | None
    folder: str  # relative to the run folder: "" or "articles/<id>/"
    parameters: dict[str, Any] = field(default_factory=dict)
    article_title: str | None = None
    headline: Headline | None = None


class Log:
    """The run's log: lines kept in memory (written atomically at the end) and logged."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, message: str, *, level: int = logging.INFO) -> None:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        with self._lock:
            self.lines.append(f"{stamp} {logging.getLevelName(level)} {message}")
        logger.info("%s", message)  # failures reach the user in the summary; -v shows progress

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def make_jobs(books: Mapping[str, Path], specs, per_notebook, corpus_arg, view, *, per_article: bool) -> list[Job]:
    """Corpus reports first, then (``per_article``) each notebook that takes ``article`` for each article."""
    import nbformat

    from analysis.report.html import notebook_title

    titles = {nb: notebook_title(nbformat.read(path, as_version=4), nb) for nb, path in books.items()}
    def reader(nb: str, depth: int) -> dict[str, str]:  # the article reader's folder, relative to the report
        return {"reader": "../" * depth + f"{READER_DIR}/"} if "reader" in specs[nb] else {}

    out = [Job(nb, path, titles[nb], None, "", {**per_notebook[nb], "corpus": corpus_arg, **reader(nb, 0)})
           for nb, path in books.items()]
    if per_article:
        ids = list(view.articles["article_id"])
        names = unique_names(ids)
        heads = article_headlines(view)
        article_titles = dict(zip(view.articles["article_id"], view.articles["title"], strict=True))
        for aid in ids:
            for nb, path in books.items():
                if "article" not in specs[nb]:
                    continue  # it would make the corpus report again
                params = {**per_notebook[nb], "corpus": corpus_arg, "article": aid, **reader(nb, 2)}
                out.append(Job(nb, path, titles[nb], aid, f"articles/{names[aid]}/", params,
                                article_title=str(article_titles.get(aid) or ""), headline=heads.get(aid)))
    return out


def kernel_env(cache_dir: str | os.PathLike | None) -> dict[str, str]:
    """What kernels add to their environment: this package first on the path, the same cache."""
    package_root = str(config.ROOT)
    path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
    warnings = ",".join(w for w in (os.environ.get("PYTHONWARNINGS", ""), "ignore:IProgress not found") if w)
    cache = Path(cache_dir) if cache_dir is not None else config.CACHE_DIR
    return {"PYTHONPATH": path, "NEWSLENS_CACHE": str(cache.resolve()), "PYTHONWARNINGS": warnings}


def execute_all(jobs_: list[Job], *, progress: bool, jobs: int, log: Log, **kw) -> list[ReportRecord]:
    """Run every job (``jobs`` at a time) with one progress bar; records in job order."""
    from tqdm.auto import tqdm

    records: dict[int, ReportRecord] = {}
    bar = tqdm(total=len(jobs_), desc="reports", unit="report", disable=not progress)
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="report")
    try:
        futures = {pool.submit(_run_job_isolated, job, log=log, **kw): i for i, job in enumerate(jobs_)}
        for future in as_completed(futures):
            rec = future.result()
            records[futures[future]] = rec
            bar.set_postfix_str(f"{rec.notebook}{' ' + rec.article if rec.article else ''}: {rec.status}",
                                refresh=False)
            bar.update()
    except BaseException as exc:
        log(f"stopped ({type(exc).__name__}): waiting for the running notebooks; nothing half-written is moved "
            "into place", level=logging.WARNING)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)
        bar.close()
    return [records[i] for i in range(len(jobs_))]


def _run_job_isolated(job: Job, *, log: Log, **kw) -> ReportRecord:
    """:func:`run_job`, with any unexpected error turned into a failed report (the others go on)."""
    try:
        return run_job(job, log=log, **kw)
    except Exception as exc:  # disk full, a damaged partial notebook…: this report fails, not the batch
        error = f"{type(exc).__name__}: {exc}"
        log(f"{job.notebook}{f' [{job.article}]' if job.article else ''}: FAILED: {error}", level=logging.ERROR)
        return ReportRecord(notebook=job.notebook, title=job.title, article=job.article, status="failed",
                            duration=0.0, html=None, ipynb=None, error=error, article_title=job.article_title,
                            headline=job.headline)


def run_job(job: Job, *, run: str, run_dir: Path, staging: Path, sockets: Path, env: dict[str, str],
            corpus: Sequence[str], show_code: bool, log: Log) -> ReportRecord:
    """Execute one notebook into the staging folder, render it, move both into place."""
    import nbformat

    from analysis.report.html import render_notebook, report_banner
    from analysis.report.kernel import execute, kernel_manager_class

    label = f"{job.notebook}" + (f" [{job.article}]" if job.article else "")
    stage = staging / job.folder
    stage.mkdir(parents=True, exist_ok=True)
    stem = safe_name(job.notebook)
    ipynb = stage / f"{stem}.ipynb"
    stderr = staging / f"{job.folder.replace('/', '_')}{stem}.stderr"
    log(f"{label}: start")
    t0 = time.perf_counter()
    outcome = execute(job.path, ipynb, job.parameters, cwd=job.path.parent,
                      km_class=kernel_manager_class(env=env, sockets_dir=sockets, stderr_path=stderr))
    error = outcome.error
    t_render = time.perf_counter()
    nb = nbformat.read(ipynb, as_version=4) if ipynb.exists() else nbformat.read(job.path, as_version=4)
    if not ipynb.exists():
        nbformat.write(nb, ipynb)
    depth = job.folder.count("/")
    title = " · ".join([job.title, *([job.article] if job.article else []), run])
    banner = report_banner(run=run, index_href="../" * depth + "index.html", corpus=corpus, article=job.article,
                           parameters=job.parameters, generated=dt.datetime.now(dt.timezone.utc)
                           .isoformat(timespec="seconds"), error=error)
    try:
        page = render_notebook(nb, title=title, banner=banner, show_code=show_code)
    except Exception as exc:  # a notebook nbconvert cannot render is a failed report, not a crash
        error = error or f"rendering failed: {type(exc).__name__}: {exc}"
        from analysis.report.html import esc
        page = f"<!DOCTYPE html><meta charset=utf-8><title>{esc(title)}</title>{banner}<pre>{esc(error)}</pre>"
    (stage / f"{stem}.html").write_text(page, encoding="utf-8")
    render_seconds = time.perf_counter() - t_render
    final = run_dir / job.folder
    final.mkdir(parents=True, exist_ok=True)
    ok = error is None
    target = stem if ok else f"{stem}.failed"
    os.replace(ipynb, final / f"{target}.ipynb")
    os.replace(stage / f"{stem}.html", final / f"{target}.html")
    previous = None
    if ok:
        for suffix in (".failed.ipynb", ".failed.html"):
            with contextlib.suppress(FileNotFoundError):
                (final / f"{stem}{suffix}").unlink()
    elif (final / f"{stem}.html").exists():
        previous = f"{job.folder}{stem}.html"
    duration = time.perf_counter() - t0
    if ok:
        log(f"{label}: ok in {duration:.1f} s (kernel {outcome.kernel_seconds:.1f} s, cells "
            f"{outcome.execute_seconds:.1f} s, render {render_seconds:.1f} s)")
    else:
        log(f"{label}: FAILED in {duration:.1f} s: {error}", level=logging.ERROR)
        if stderr.exists() and stderr.stat().st_size:
            log(f"{label}: kernel stderr:\n{stderr.read_text(errors='replace')[-4000:]}", level=logging.ERROR)
    return ReportRecord(
        notebook=job.notebook, title=job.title, article=job.article, status="ok" if ok else "failed",
        duration=round(duration, 3), html=f"{job.folder}{target}.html", ipynb=f"{job.folder}{target}.ipynb",
        error=error, previous_html=previous, kernel_seconds=round(outcome.kernel_seconds, 3),
        execute_seconds=round(outcome.execute_seconds, 3), render_seconds=round(render_seconds, 3),
        article_title=job.article_title, headline=job.headline)


# --- files ---------------------------------------------------------------------------------

@contextlib.contextmanager
def temp_dir(parent: Path | None, prefix: str) -> Iterator[Path]:
    """A new folder (in ``parent``, or the system's temporary folder), removed on exit."""
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def run_lock(run_dir: Path) -> Iterator[None]:
    """Only one batch at a time writes a run folder (POSIX advisory lock; elsewhere a no-op)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(run_dir / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise ReportError(f"another report batch is writing {run_dir}") from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_manifest(path: Path) -> RunResult | None:
    """The run recorded in a ``run.json``, or None when it is missing or unreadable."""
    try:
        return RunResult.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def report_files(result: RunResult) -> set[str]:
    """Files a run's reports refer to (a kept last good report with its notebook)."""
    kept = {r.previous_html[:-len(".html")] + ".ipynb" for r in result.reports if r.previous_html}
    return kept | {f for r in result.reports for f in (r.html, r.ipynb, r.previous_html) if f}


def write_reader_pages(view, run_dir: Path, staging: Path, *, run: str, quote_report: str | None, log: Log) -> int:
    """Write the article reader (``read/<article>.html``) in the staging folder, then swap it into place."""
    from analysis.plots.listings import MAX_ROWS
    from analysis.quotes.table import quote_numbers
    from analysis.report.reader import write_reader

    t0 = time.perf_counter()
    back = f"../{quote_report}.html" if quote_report else None
    numbers = quote_numbers(view.quotes)
    if len(view.articles) > MAX_ROWS:  # a store's large selection: the articles of the quotations the report shows
        quotes = view.quotes
        shown = set(quotes.loc[quotes["quote_id"].map(numbers) <= MAX_ROWS, "article_id"])
        view = view.filter(articles=sorted(shown) or ["\0"])
        log(f"article reader: only the {len(shown):,} articles of the first {MAX_ROWS:,} quotations",
            level=logging.WARNING)
    pages = write_reader(view, staging / READER_DIR, numbers=numbers, back=back, run=run)
    old = run_dir / f".{READER_DIR}-old"
    shutil.rmtree(old, ignore_errors=True)
    if (run_dir / READER_DIR).exists():
        os.replace(run_dir / READER_DIR, old)
    os.replace(staging / READER_DIR, run_dir / READER_DIR)
    shutil.rmtree(old, ignore_errors=True)
    log(f"article reader: {len(pages)} pages in {time.perf_counter() - t0:.1f} s")
    return len(pages)


def finish_run(run_dir: Path, result: RunResult, log: Log) -> None:
    """Write the manifest, the run's index and log; remove reports of the previous run not made again."""
    from analysis.report.html import run_page

    previous = read_manifest(run_dir / "run.json")
    write_text(run_dir / "run.json", json.dumps(result.to_json(), indent=1, ensure_ascii=False, default=repr))
    write_text(run_dir / "index.html", run_page(result))
    if previous is not None:
        root = run_dir.resolve()
        for rel in sorted(report_files(previous) - report_files(result)):
            path = (run_dir / rel).resolve()
            if root in path.parents and path.is_file():
                path.unlink()
                log(f"removed {rel} (not made by this run)")
                with contextlib.suppress(OSError):  # an emptied articles/<id>/ folder
                    if path.parent != root:
                        path.parent.rmdir()
    write_text(run_dir / "run.log", log.text())
