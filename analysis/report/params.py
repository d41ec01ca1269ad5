"""Notebook parameters for the report runner: read, check and inject them safely.

A notebook's ``parameters``-tagged cell is read with :mod:`ast`, never run: each
top-level ``name = <literal>  # help`` line declares a parameter whose type is
the type of its default. Values given as ``-p name=value`` are parsed with
:func:`ast.literal_eval` (a bare word is a string when the default is one) and
must match that type. papermill then injects them as literals in a new cell;
:func:`check_injection` proves that cell holds literals equal to the values.
"""
from __future__ import annotations

import ast
import io
import keyword
import tokenize
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

__all__ = ["Parameter", "ParameterError", "ReportError", "notebook_parameters", "parse_assignments", "coerce",
           "check_injection", "PARAMETERS_TAG", "RESERVED"]

PARAMETERS_TAG = "parameters"
#: Parameters the runner sets itself (``corpus`` from the positional inputs).
RESERVED = ("corpus",)
#: Types a parameter value may have (what papermill can inject as a Python literal).
_INJECTABLE = (str, bool, int, float, type(None), list, dict)


class ParameterError(ValueError):
    """A bad parameter, notebook or corpus: reported before any kernel starts."""


class ReportError(ParameterError):
    """A report batch that cannot start (missing corpus, unknown notebook, busy or foreign folder)."""


@dataclass(frozen=True)
class Parameter:
    """One parameter of a notebook's ``parameters`` cell.

    Attributes:
        name: The variable name.
        default: The literal default value.
        help: The comment after the assignment ("" when there is none).
    """

    name: str
    default: Any
    help: str = ""

    @property
    def type_name(self) -> str:
        """Name of the expected type (``float`` also accepts ``int``; ``None`` accepts any)."""
        return "any" if self.default is None else type(self.default).__name__


def notebook_parameters(path: str | Path) -> dict[str, Parameter]:
    """The parameters declared by a notebook's ``parameters`` cell, in order.

    Raises:
        ParameterError: When the notebook cannot be read, has no ``parameters``
            cell, or that cell holds anything but ``name = literal`` lines.
    """
    path = Path(path)
    try:
        nb = nbformat.read(path, as_version=4)
    except (OSError, ValueError) as exc:  # nbformat raises NotJSONError (a ValueError) on bad JSON
        raise ParameterError(f"{path}: cannot read notebook: {exc}") from exc
    cells = [c for c in nb.cells if c.cell_type == "code" and PARAMETERS_TAG in c.metadata.get("tags", [])]
    if not cells:
        raise ParameterError(f"{path}: no code cell tagged {PARAMETERS_TAG!r}")
    source = cells[0].source
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ParameterError(f"{path}: parameters cell, line {exc.lineno}: {exc.msg}") from exc
    comments = _comments(source)
    params: dict[str, Parameter] = {}
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else (
            node.target if isinstance(node, ast.AnnAssign) and node.value is not None else None)
        if not isinstance(target, ast.Name):
            raise ParameterError(f"{path}: parameters cell, line {node.lineno}: only `name = literal` "
                                 "assignments are allowed")
        try:
            default = ast.literal_eval(node.value)
        except ValueError as exc:
            raise ParameterError(f"{path}: parameters cell, line {node.lineno}: the default of "
                                 f"{target.id!r} is not a literal") from exc
        params[target.id] = Parameter(target.id, default, comments.get(node.end_lineno, ""))
    return params


def _comments(source: str) -> dict[int, str]:
    """Comment text by line number."""
    out: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                out[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, SyntaxError):  # pragma: no cover - ast.parse accepted it
        pass
    return out


def parse_assignments(items: Iterable[str]) -> dict[str, str]:
    """``["name=value", …]`` → ``{name: raw value}`` (a later value wins).

    Raises:
        ParameterError: On an item without ``=`` or with a name that is not an identifier.
    """
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier() or keyword.iskeyword(name):
            raise ParameterError(f"bad parameter {item!r}: expected NAME=VALUE")
        out[name] = value
    return out


def coerce(raw: Any, spec: Parameter, *, where: str = "") -> Any:
    """A value for ``spec``, type-checked; strings are parsed as on the command line.

    A string ``raw`` is read with :func:`ast.literal_eval`; when the default is a
    string, any text that is not a quoted string literal is taken as the string
    itself (``-p since=2024-11-01``). Other values are checked as they are.
    ``int`` is accepted for ``float`` and a tuple for ``list``; ``bool`` is
    never taken for a number.

    Raises:
        ParameterError: When the value is not a literal or has the wrong type.
    """
    at = f" ({where})" if where else ""
    default = spec.default
    value = raw
    if isinstance(raw, str):
        try:
            value = ast.literal_eval(raw.strip())
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            if isinstance(default, str) or default is None:
                return raw
            raise ParameterError(f"parameter {spec.name!r}{at} expects {spec.type_name}, "
                                 f"got {raw!r} (not a Python literal)") from None
        if isinstance(default, str) and not isinstance(value, str):
            return raw
    if isinstance(value, tuple):
        value = list(value)
    ok = (default is None or (isinstance(default, str) and isinstance(value, str))
          or (isinstance(default, bool) and isinstance(value, bool))
          or (type(default) is int and type(value) is int)
          or (isinstance(default, float) and type(value) in (int, float))
          or (isinstance(default, (list, dict)) and isinstance(value, type(default))))
    if not ok:
        raise ParameterError(f"parameter {spec.name!r}{at} expects {spec.type_name}, "
                             f"got {type(value).__name__} {raw!r}")
    if isinstance(default, float):
        value = float(value)
    _check_injectable(spec.name, value)
    return value


def _check_injectable(name: str, value: Any) -> None:
    """Only plain literals papermill writes back as literals (no sets, bytes, complex)."""
    if isinstance(value, list):
        for v in value:
            _check_injectable(name, v)
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_injectable(name, k)
            _check_injectable(name, v)
    elif not isinstance(value, _INJECTABLE):
        raise ParameterError(f"parameter {name!r}: {type(value).__name__} values are not supported "
                             "(use str, int, float, bool, None, list or dict)")


def check_injection(notebook: str | Path, values: Mapping[str, Any]) -> None:
    """Prove that papermill injects ``values`` as plain literals.

    Parameterizes the notebook in memory (no kernel), then reads the injected
    cell back with :func:`ast.literal_eval`.

    Raises:
        ParameterError: When the injected cell holds anything but the literals.
    """
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    nb = parameterize_notebook(load_notebook_node(str(notebook)), dict(values), kernel_name="python3",
                               language="python")
    cell = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    seen: dict[str, Any] = {}
    for node in ast.parse(cell.source).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise ParameterError(f"{notebook}: injected parameters are not plain assignments")
        seen[node.targets[0].id] = ast.literal_eval(node.value)
    if seen != dict(values):
        raise ParameterError(f"{notebook}: injected parameters differ from the values given")
