"""Run names: the folder a report batch writes, and why it never replaces another corpus's run.

A run is named after its corpus (``samples`` for ``data/samples``) or by ``--name``. A folder
holds one run; its ``run.json`` says which corpus and parameters made it. A run replaces the
folder's previous run only when that was the same corpus with the same parameters (a rerun), or
when the user named the folder with ``--name`` for the same corpus. Otherwise the default name
gets a suffix (``articles-2``) and the summary says so; an explicit ``--name`` that holds another
corpus's run is refused.
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


def _same(previous: Mapping[str, Any], corpus: Sequence[str], parameters: Mapping[str, Any] | None) -> bool:
    if list(previous.get("corpus") or []) != list(corpus):
        return False
    return parameters is None or dict(previous.get("parameters") or {}) == dict(parameters)


def choose_run(out: Path, default: str, corpus: Sequence[str], parameters: Mapping[str, Any], *,
               name: str | None = None) -> RunPlace:
    """The run's name: ``name`` if given (refused when it holds another corpus's run), else
    ``default``, or ``default-2``, ``-3``… when ``default`` holds another corpus's run or a run of
    this corpus with other parameters.

    Raises:
        ReportError: When ``name`` holds a run of another corpus, or is not a usable name.
    """
    if name is not None:
        check_name(name)
        previous = _previous(out / name)
        if previous is not None and not _same(previous, corpus, None):
            theirs = ", ".join(previous.get("corpus") or []) or "?"
            raise ReportError(f"{out / name} holds the run of another corpus ({theirs}); choose another --name "
                              "or remove that folder")
        return RunPlace(name)
    for n in range(1, MAX_SUFFIX + 1):
        candidate = default if n == 1 else f"{default}-{n}"
        previous = _previous(out / candidate)
        if previous is None and (out / candidate).exists() and any((out / candidate).iterdir()) and \
                not (out / candidate / ".lock").exists():
            continue  # a folder newslens did not write
        if previous is None or _same(previous, corpus, parameters):
            if n == 1:
                return RunPlace(candidate)
            return RunPlace(candidate, f"{out / default} holds another run (another corpus or other parameters); "
                                       f"this run is {candidate!r} (choose a name with --name)")
    raise ReportError(f"{out}: {MAX_SUFFIX} runs named {default!r}; choose a name with --name")
