"""Run names: the folder a report batch writes, and why it never replaces another corpus's run.

A run is named after its corpus (``samples`` for ``data/samples``) or by ``--name``. A folder
holds one run; its ``run.json`` says which corpus and parameters made it. A run replaces only a
run of the same corpus (a rerun keeps the last good report of a notebook that now fails), and
says so when that run had other parameters. When the folder holds another corpus's run, the
default name gets a suffix (``articles-2``) and the summary and the index say so; an explicit
``--name`` that holds another corpus's run is refused. A folder newslens did not write is refused
too (by the runner's output checks).
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.report.params import ReportError

__all__ = ["RunPlace", "choose_run", "check_name"]

#: How many suffixed names (``NAME-2`` … ``NAME-999``) are tried before giving up.
MAX_SUFFIX = 999


@dataclass(frozen=True)
class RunPlace:
    """Where a run goes.

    Attributes:
        name: The run name (its folder under the output folder).
        note: Why the name differs from the default one, or "".
    """

    name: str
    note: str = ""


def check_name(name: str) -> str:
    """``name`` when it is a usable run name (letters, digits, ``. _ + -``; not starting with a dot).

    Raises:
        ReportError: For any other name.
    """
    from analysis.report.batch import safe_name

    if not name or safe_name(name) != name or name.lower() in ("index.html", "_index.html"):
        raise ReportError(f"--name {name!r}: use letters, digits, '.', '_', '+' and '-' (not first '.')")
    return name


def _previous(folder: Path) -> dict[str, Any] | None:
    """The ``run.json`` of a folder as a dictionary; None when there is none (or it is unreadable)."""
    try:
        data = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _same_corpus(previous: Mapping[str, Any], corpus: Sequence[str]) -> bool:
    return list(previous.get("corpus") or []) == list(corpus)


def choose_run(out: Path, default: str, corpus: Sequence[str], parameters: Mapping[str, Any], *,
               name: str | None = None) -> RunPlace:
    """The run's name: ``name`` if given (refused when it holds another corpus's run), else
    ``default``, or ``default-2``, ``-3``… when ``default`` holds another corpus's run; with a note
    when the run replaces one of this corpus made with other parameters.

    Raises:
        ReportError: When ``name`` holds a run of another corpus, or is not a usable name.
    """
    if name is not None:
        check_name(name)
        previous = _previous(out / name)
        if previous is not None and not _same_corpus(previous, corpus):
            theirs = ", ".join(previous.get("corpus") or []) or "?"
            raise ReportError(f"{out / name} holds the run of another corpus ({theirs}); choose another --name "
                              "or remove that folder")
        return RunPlace(name, _replacing(previous, parameters, out / name))
    for n in range(1, MAX_SUFFIX + 1):
        candidate = default if n == 1 else f"{default}-{n}"
        previous = _previous(out / candidate)
        if previous is None or _same_corpus(previous, corpus):
            if n == 1:
                return RunPlace(candidate, _replacing(previous, parameters, out / candidate))
            theirs = ", ".join((_previous(out / default) or {}).get("corpus") or []) or "?"
            return RunPlace(candidate, f"{out / default} holds the run of another corpus ({theirs}); this run is "
                                       f"{candidate!r} (choose a name with --name)")
    raise ReportError(f"{out}: {MAX_SUFFIX} runs named {default!r}; choose a name with --name")


def _replacing(previous: Mapping[str, Any] | None, parameters: Mapping[str, Any], folder: Path) -> str:
    """The note for a run that replaces this corpus's run made with other parameters ("" otherwise)."""
    if previous is None or dict(previous.get("parameters") or {}) == dict(parameters):
        return ""
    before = ", ".join(f"{k}={v!r}" for k, v in (previous.get("parameters") or {}).items()) or "none"
    return (f"replaces the run in {folder} made with other parameters ({before}); give this one its own "
            "--name to keep both")
