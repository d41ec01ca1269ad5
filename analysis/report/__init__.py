"""Batch HTML reports: run every notebook over a corpus with papermill into outputs/.

``python -m analysis report CORPUS...`` (``make report``) checks the parameters
against each notebook's ``parameters`` cell, runs the NLP pass once (it fills the
cache the kernels then read), writes the tables, then executes each notebook
(and with ``--per-article`` each notebook for each article) in a fresh kernel and
renders it to one offline HTML file. Layout of the output folder::

    outputs/index.html                       every run, with status and headline numbers
    outputs/<run>/index.html                 one run, per-article reports included
    outputs/<run>/<notebook>.html, .ipynb    a report and its executed notebook
    outputs/<run>/<notebook>.failed.html     a failed report as far as it ran (.ipynb beside it)
    outputs/<run>/articles/<id>/<notebook>.html, .ipynb
    outputs/<run>/tables/*.csv, *.parquet    the tables behind the reports
    outputs/<run>/run.log, run.json          what happened; the manifest the indexes are built from

``<run>`` is ``--name`` or the corpus name (``samples`` for ``data/samples``): a rerun
of the same corpus with the same parameters replaces the previous one, but a folder
holding another corpus's run (or other parameters) is never replaced: the new run
becomes ``<run>-2`` (see :mod:`analysis.report.naming`). ``outputs/<run>/read/<article>.html``
is the article reader: each article's text with its quotations highlighted. Every file is
written under a temporary name and moved into place; a failed report never replaces a good one (it goes to
``<notebook>.failed.*`` and the index links both). Nothing is written outside
the output folder except the NLP cache and the kernels' private IPC sockets
(a temporary folder, removed at the end). Kernels start in the notebook's own
folder with this Python, this package first on ``PYTHONPATH`` and the same cache.
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import logging
import os
import re
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analysis import config
from analysis.config import OUTPUTS_DIR
from analysis.io import write_text
from analysis.report.batch import (
    Log,
    execute_all,
    finish_run,
    kernel_env,
    make_jobs,
    read_manifest,
    run_lock,
    safe_name,
    temp_dir,
    write_reader_pages,
)
from analysis.report.html import GENERATOR
from analysis.report.naming import choose_run
from analysis.report.params import (
    Parameter,
    ParameterError,
    ReportError,
    check_injection,
    coerce,
    notebook_parameters,
    parse_assignments,
)
from analysis.report.records import Headline, ReportRecord, RunResult, headline

__all__ = ["configure_parser", "run", "run_reports", "format_summary", "find_notebooks", "rebuild_index",
           "run_name", "safe_name", "Parameter", "ParameterError", "ReportError", "Headline", "ReportRecord",
           "RunResult", "notebook_parameters"]

logger = logging.getLogger(__name__)

_GLOB = re.compile(r"[*?\[]")


# --- names -------------------------------------------------------------------------------

def run_name(inputs: Sequence[str | os.PathLike]) -> str:
    """The run (folder) name of some inputs: the folder or file name, names joined by ``+``."""
    parts = []
    for item in inputs:
        path = Path(os.fspath(item).rstrip("/\\") or "/")
        if _GLOB.search(path.name):
            parts.append(f"{path.parent.name}-{path.name}")
        else:
            parts.append(path.stem if path.suffix else path.name)
    return safe_name("+".join(p for p in parts if p) or "corpus")


# --- checks before anything runs ------------------------------------------------------------

def find_notebooks(names: Sequence[str] | None = None, *, folder: str | os.PathLike | None = None) -> dict[str, Path]:
    """Notebooks to run, by name (file name without ``.ipynb``).

    Args:
        names: Names of notebooks in ``folder``, or paths to ``.ipynb`` files;
            None runs every notebook in ``folder``.
        folder: Where named notebooks are looked up (default ``notebooks/``).

    Raises:
        ReportError: For a name that is not a notebook (the message lists them).
    """
    folder = Path(folder) if folder is not None else config.NOTEBOOKS_DIR
    available = {p.stem: p for p in sorted(folder.glob("*.ipynb")) if not p.name.startswith(".")}
    if not names:
        if not available:
            raise ReportError(f"no notebooks in {folder}")
        return available
    out: dict[str, Path] = {}
    for name in names:
        path = Path(name)
        if path.suffix == ".ipynb" and path.is_file():
            out[path.stem] = path.resolve()
        elif name in available:
            out[name] = available[name]
        elif path.with_suffix(".ipynb").name in {p.name for p in available.values()}:
            out[path.stem] = available[path.stem]
        else:
            hint = "; it is a path: put the corpus before --notebooks" if path.exists() else ""
            raise ReportError(f"unknown notebook {name!r} (available: {', '.join(available) or 'none'}){hint}")
    return out


def _check_corpus(corpus: str | os.PathLike | Sequence[str | os.PathLike]) -> list[str]:
    """Absolute input paths; every file or folder must exist and every pattern match."""
    items = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus)
    if not items:
        raise ReportError("no corpus given")
    missing = []
    out = []
    for item in config.resolve_inputs(items):
        if _GLOB.search(item):
            if not glob.glob(item, recursive=True):
                missing.append(f"{item} (no files match)")
        elif not os.path.exists(item):
            missing.append(item)
        out.append(os.path.abspath(item))
    if missing:
        raise ReportError("corpus not found: " + ", ".join(missing))
    return out


def _check_output(out: Path, run_dir: Path, inputs: Sequence[str]) -> None:
    """Refuse to write into the corpus, or over files that newslens did not make."""
    for item in inputs:
        base = Path(item.split("*")[0].split("?")[0].split("[")[0]).resolve()
        if base == run_dir or run_dir in base.parents or base in run_dir.parents:
            raise ReportError(f"the output folder {run_dir} overlaps the corpus {item}; choose another --out")
    index = out / "index.html"
    if index.is_file() and GENERATOR not in index.read_text(encoding="utf-8", errors="replace")[:2000]:
        raise ReportError(f"{index} exists and was not written by newslens; choose another --out")
    if run_dir.is_dir() and any(run_dir.iterdir()) and not any(
            (run_dir / marker).exists() for marker in ("run.json", ".lock")):
        raise ReportError(f"{run_dir} exists and was not written by newslens; choose another --out")


def _plan_parameters(specs: Mapping[str, Mapping[str, Parameter]], given: Mapping[str, Any], *,
                     per_article: bool) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Check given parameters against every notebook: (typed values, values per notebook)."""
    for nb, spec in specs.items():
        if "corpus" not in spec:
            raise ParameterError(f"notebook {nb!r} has no `corpus` parameter")
    values: dict[str, Any] = {}
    per_notebook: dict[str, dict[str, Any]] = {nb: {} for nb in specs}
    for name, raw in given.items():
        if name == "corpus":
            raise ParameterError("give the corpus as arguments, not as -p corpus=...")
        if name == "article" and per_article:
            raise ParameterError("-p article=... cannot be combined with --per-article")
        if name == "reader":
            raise ParameterError("-p reader=... is set by the report runner (the article reader it writes)")
        declared = [nb for nb, spec in specs.items() if name in spec]
        if not declared:
            valid = sorted({n for spec in specs.values() for n in spec} - {"corpus"})
            raise ParameterError(f"unknown parameter {name!r} (valid: {', '.join(valid)})")
        for nb in declared:
            value = coerce(raw, specs[nb][name], where=f"notebook {nb}")
            per_notebook[nb][name] = values[name] = value
    if values.get("aliases"):
        path = Path(values["aliases"]).expanduser()
        if not path.is_file():
            raise ParameterError(f"alias file not found: {values['aliases']}")
        for nb in per_notebook:
            if "aliases" in per_notebook[nb]:
                per_notebook[nb]["aliases"] = values["aliases"] = str(path.resolve())
    for name in ("since", "until"):
        if values.get(name):
            try:
                pd.Timestamp(values[name])
            except (ValueError, TypeError) as exc:
                raise ParameterError(f"parameter {name!r}: not a date: {values[name]!r}") from exc
    return values, per_notebook


def _check_names(view, values: Mapping[str, Any]) -> None:
    """``speakers`` and ``entities`` must name someone in the selection (aliases, any case), or the user
    hears "did you mean …" before any kernel starts."""
    from analysis import lookup

    for name, find in (("speakers", lookup.speakers), ("entities", lookup.entities)):
        try:
            if values.get(name):
                find(view, values[name])
        except lookup.NameNotFound as exc:
            raise ParameterError(f"parameter {name!r}: {exc}") from exc


# --- the batch ----------------------------------------------------------------------------

def run_reports(corpus: str | os.PathLike | Sequence[str | os.PathLike], *,
                out: str | os.PathLike = OUTPUTS_DIR, notebooks: Sequence[str] | None = None,
                per_article: bool = False, jobs: int | None = None, parameters: Mapping[str, Any] | None = None,
                show_code: bool = False, progress: bool = True, cache_dir: str | os.PathLike | None = None,
                notebooks_dir: str | os.PathLike | None = None, name: str | None = None) -> RunResult:
    """Execute the notebooks over a corpus and write HTML reports, tables and indexes.

    Everything is checked before any kernel starts (and before anything is
    written): the corpus exists and has articles, the notebooks exist, each
    parameter is declared by a notebook with a matching type.

    Args:
        corpus: Files, folders or glob patterns (one, or a list).
        out: The output folder; the run goes to ``out/<run name>/``.
        name: The run name (default: the corpus's name, suffixed ``-2``… when that folder holds a run of
            another corpus or other parameters; see :mod:`analysis.report.naming`).
        notebooks: Notebook names or ``.ipynb`` paths (default: every notebook in ``notebooks/``).
        per_article: Also run each notebook for each article.
        jobs: Kernels run in parallel (default 1), and processes for the NLP pass (default:
            one per CPU).
        parameters: Notebook parameters; strings are parsed as ``-p`` values.
        show_code: Show code cells in the HTML.
        progress: Show progress bars.
        cache_dir: The NLP cache (default :data:`analysis.config.CACHE_DIR`); kernels use it too.
        notebooks_dir: Where notebook names are looked up (default ``notebooks/``).

    Returns:
        The run's record; failed reports are in it, not raised.

    Raises:
        ParameterError: (or its subclass :class:`ReportError`) on any misuse; nothing has run.
    """
    from analysis.corpus import read_corpus
    from analysis.pipeline import analyse, store_folder

    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise ParameterError(f"--jobs must be a whole number >= 1, not {jobs!r}")
    inputs = _check_corpus(corpus)
    books = find_notebooks(notebooks, folder=notebooks_dir)
    specs = {nb: notebook_parameters(path) for nb, path in books.items()}
    values, per_notebook = _plan_parameters(specs, dict(parameters or {}), per_article=per_article)
    corpus_arg: str | list[str] = inputs[0] if len(inputs) == 1 else list(inputs)
    for nb, path in books.items():
        check_injection(path, {**per_notebook[nb], "corpus": corpus_arg,
                               **({"article": "x"} if per_article and "article" in specs[nb] else {}),
                               **({"reader": "../../read/"} if "reader" in specs[nb] else {})})
    store = store_folder(inputs)
    if store is None:
        read = read_corpus(inputs)
        problems, ids = read.problems, {a.id for a in read.articles}
    else:  # a store from `python -m analysis process`: its tables are read, nothing is analysed
        read = analyse(store, aliases=values.get("aliases") or None)
        problems, ids = read.problems, set(read.articles["article_id"])
    if not ids:
        raise ReportError("no articles in the corpus: " + ("; ".join(map(str, problems)) or ", ".join(inputs)))
    if values.get("article") and values["article"] not in ids:
        raise ParameterError(f"no article {values['article']!r} in the corpus")

    out = Path(out).resolve()
    place = choose_run(out, run_name(inputs), inputs, values, name=name)
    name = place.name
    run_dir = out / name
    _check_output(out, run_dir, inputs)
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    log = Log()
    run_dir.mkdir(parents=True, exist_ok=True)
    with run_lock(run_dir), temp_dir(run_dir, ".staging-") as staging, temp_dir(None, "newslens-k") as sockets:
        for stale in run_dir.glob(".staging-*"):  # left by a run that was killed
            if stale != staging:
                shutil.rmtree(stale, ignore_errors=True)
        log(f"run {name}: corpus {', '.join(inputs)}; notebooks {', '.join(books)}; jobs {jobs or 1}")
        if place.note:
            log(place.note, level=logging.WARNING)
        for problem in problems:
            log(str(problem), level=logging.WARNING)
        t_nlp = time.perf_counter()
        tables = read if store is not None else analyse(read, aliases=values.get("aliases") or None,
                                                        cache_dir=cache_dir, n_process=jobs, progress=progress)
        nlp_seconds = time.perf_counter() - t_nlp
        log(f"NLP pass: {len(tables.articles)} articles in {nlp_seconds:.1f} s")
        view = tables
        if values.get("article") or values.get("since") or values.get("until"):
            view = tables.filter(articles=values.get("article") or None, since=values.get("since") or None,
                                 until=values.get("until") or None)
        _check_names(view, values)
        write_reader_pages(view, run_dir, staging, run=name, log=log,
                           quote_report="quote_timeline" if "quote_timeline" in books else None)
        if store is None:
            view.to_dir(run_dir / "tables")
        else:  # the store holds the large tables; copy only the small ones beside the reports
            from analysis.store.tables import SMALL_TABLES

            view.to_dir(run_dir / "tables", names=SMALL_TABLES)
            write_text(run_dir / "tables" / "README.txt",
                       f"Paragraphs, sentences and mentions are in the store: {store.resolve()}\n"
                       "Query them with analysis.store.open_store(...) or DuckDB (see the README).\n")
        jobs_ = make_jobs(books, specs, per_notebook, corpus_arg, view, per_article=per_article)
        env = kernel_env(cache_dir)
        records = execute_all(jobs_, run=name, run_dir=run_dir, staging=staging, sockets=sockets, env=env,
                               corpus=inputs, jobs=jobs or 1, show_code=show_code, progress=progress, log=log)
        result = RunResult(
            name=name, folder=str(run_dir), corpus=tuple(inputs), started=started,
            duration=round(time.perf_counter() - t0, 3), nlp_seconds=round(nlp_seconds, 3),
            headline=headline(view), reports=tuple(records), problems=tuple(map(str, problems)),
            rejected=sum(p.severity == "error" for p in problems), parameters=values,
            per_article=per_article, show_code=show_code, note=place.note)
        log(f"done: {len(records)} reports, {len(result.failed)} failed, {result.duration:.1f} s")
        finish_run(run_dir, result, log)
    rebuild_index(out)
    return result


def rebuild_index(out: str | os.PathLike = OUTPUTS_DIR) -> Path:
    """Write ``out/index.html`` from every ``out/*/run.json``; returns its path."""
    from analysis.report.html import index_page

    out = Path(out)
    runs, unreadable = [], []
    for manifest in sorted(out.glob("*/run.json")):
        result = read_manifest(manifest)
        if result is None:
            unreadable.append(f"{manifest.parent.name}: unreadable run.json")
        else:
            runs.append(result)
    return write_text(out / "index.html", index_page(runs, unreadable=unreadable))


# --- command line --------------------------------------------------------------------------

def configure_parser(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` arguments to ``parser``."""
    parser.add_argument("corpus", nargs="*", metavar="CORPUS",
                        help="article files, folders or glob patterns (default: data/samples)")
    parser.add_argument("--out", default=str(OUTPUTS_DIR), metavar="DIR",
                        help="output folder (default: outputs); the run goes to DIR/<run name>/")
    parser.add_argument("--name", metavar="NAME",
                        help="run name, the folder under --out (default: the corpus's folder or file name; "
                             "a folder holding another corpus's run is never replaced)")
    parser.add_argument("--notebooks", nargs="+", metavar="NAME",
                        help="notebooks to run, by name or .ipynb path (default: every notebook in notebooks/)")
    parser.add_argument("--per-article", action="store_true", help="also run each notebook for each article")
    parser.add_argument("--jobs", type=int, metavar="N",
                        help="kernels run in parallel and processes for the NLP pass (default: one kernel at a "
                             "time, the NLP pass on every CPU)")
    parser.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="notebook parameter, a Python literal or a bare string (repeatable), "
                             "e.g. -p since=2024-11-01 -p top_n=15")
    parser.add_argument("--show-code", action="store_true", help="show the code cells in the HTML reports")


def format_summary(result: RunResult) -> str:
    """A few lines for the terminal: each corpus report, failed per-article ones, where to look."""
    corpus_reports = [r for r in result.reports if r.article is None]
    per_article = [r for r in result.reports if r.article is not None]
    lines = [f"{result.name}: {len(result.reports)} reports, {len(result.failed)} failed, "
             f"{result.rejected} inputs rejected; {result.duration:.1f} s (NLP {result.nlp_seconds:.1f} s)"]
    for r in corpus_reports + [r for r in per_article if not r.ok]:
        where = f" · {r.article}" if r.article else ""
        lines.append(f"  {'ok' if r.ok else 'FAILED':7}{r.title}{where}  ({r.duration:.1f} s)  "
                     f"{Path(result.folder, r.html) if r.html else '(no report written)'}")
        if r.error:
            lines.append(f"         {r.error[:300]}")
    if per_article:
        lines.append(f"  per-article: {len(per_article)} reports, {sum(not r.ok for r in per_article)} failed")
    if result.note:
        lines.append(f"  note: {result.note}")
    lines.append(f"articles: {Path(result.folder) / 'read' / 'index.html'}")
    lines.append(f"index: {Path(result.folder).parent / 'index.html'}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Run ``python -m analysis report``; returns the exit status (0, 1 misuse, 2 inputs rejected, 3 failed)."""
    try:
        result = run_reports(
            args.corpus or [config.SAMPLES_DIR], out=args.out, notebooks=args.notebooks,
            per_article=args.per_article, jobs=args.jobs, parameters=parse_assignments(args.parameter),
            show_code=args.show_code, progress=not getattr(args, "quiet", False), name=args.name)
    except ParameterError as exc:
        print(f"python -m analysis report: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("python -m analysis report: interrupted; finished reports are in place, nothing half-written "
              "was moved there", file=sys.stderr)
        return 130
    for problem in result.problems:
        print(f"newslens: {problem}", file=sys.stderr)
    print(format_summary(result))
    return result.exit_code
