"""The user's alias file: merge, rename, relabel or exclude entities.

A YAML mapping with up to four keys (see ``data/aliases.example.yaml``)::

    merge:        # canonical name: [names or surface forms that are the same entity]
      Kassym-Jomart Tokayev: [Tokayev, Kassym Tokayev]
    rename:       # entity name: new name
      Ana Tili: Ana Tili newspaper
    relabel:      # entity name: spaCy label (PERSON, ORG, GPE, LOC, NORP, ...)
      Astana: GPE
    exclude:      # entity names or surface forms to drop
      - Reuters

Names match case-insensitively, ignoring a leading "the", a possessive and the
dots of abbreviations ("U.S." is "US"). ``merge`` acts on whole entities: every
entity whose name or any surface form is listed becomes one entity named by the
key. ``rename``, ``relabel`` and ``exclude`` name entities as they are after
merging (or, for ``relabel`` and ``exclude``, before renaming); ``exclude`` also
drops single mentions whose surface form is listed.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from analysis.config import resolve_inputs
from analysis.entities.names import NAME_LABELS, name_key

__all__ = ["Aliases", "load_aliases", "as_aliases"]

_KEYS = ("merge", "rename", "relabel", "exclude")


@dataclass(frozen=True)
class Aliases:
    """A parsed, validated alias file.

    Attributes:
        merge: Canonical name → the names and surface forms merged into it.
        rename: Entity name → new name.
        relabel: Entity name → label.
        exclude: Entity names or surface forms to drop.
        source: Where it was read from (for messages).
    """

    merge: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rename: Mapping[str, str] = field(default_factory=dict)
    relabel: Mapping[str, str] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    source: str = "<aliases>"

    def __bool__(self) -> bool:
        return bool(self.merge or self.rename or self.relabel or self.exclude)

    def merge_keys(self) -> dict[str, str]:
        """Matching key of every listed name → its canonical name."""
        out = {}
        for canonical, names in self.merge.items():
            for name in (canonical, *names):
                out[name_key(name)] = canonical
        return out

    def rename_keys(self) -> dict[str, str]:
        """Matching key of an old name → new name."""
        return {name_key(old): new for old, new in self.rename.items()}

    def relabel_keys(self) -> dict[str, str]:
        """Matching key of a name → label."""
        return {name_key(name): label for name, label in self.relabel.items()}

    def exclude_keys(self) -> set[str]:
        """Matching keys of the names to drop."""
        return {name_key(name) for name in self.exclude}


def load_aliases(path: str | os.PathLike) -> Aliases:
    """Read and validate an alias file (a relative path missing from the working
    directory is taken from the project root, as corpus paths are).

    Raises:
        ValueError: The file cannot be read, is not valid YAML, has an unknown
            key, a value of the wrong type, an unknown label or a name listed
            twice; the message names the file and, where known, the line.
    """
    source = os.fspath(path)
    try:
        text = Path(resolve_inputs(source)[0]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{source}: cannot read alias file: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ValueError(f"{source}{where}: alias file is not valid YAML: {problem}") from exc
    return _from_node(node, source)


def as_aliases(aliases: Aliases | Mapping[str, Any] | str | os.PathLike | None) -> Aliases:
    """An :class:`Aliases` from a file path, a mapping shaped like the file, an
    ``Aliases`` or None/"" (no aliases)."""
    if aliases is None or (isinstance(aliases, str) and not aliases.strip()):
        return Aliases()
    if isinstance(aliases, Aliases):
        return aliases
    if isinstance(aliases, Mapping):
        node = yaml.compose(yaml.safe_dump(dict(aliases), allow_unicode=True), Loader=yaml.SafeLoader)
        return _from_node(node, "<aliases>")
    return load_aliases(aliases)


def _fail(source: str, node: yaml.Node | None, message: str) -> ValueError:
    where = f":{node.start_mark.line + 1}" if node is not None else ""
    return ValueError(f"{source}{where}: {message}")


def _string(source: str, node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or _is_null(node) or not str(node.value).strip():
        raise _fail(source, node, f"{what} must be a non-empty name")
    return str(node.value).strip()


def _pairs(source: str, node: yaml.Node, key: str) -> list[tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, f"'{key}' must be a mapping of names")
    seen: dict[str, int] = {}
    for k, _ in node.value:
        name = _string(source, k, f"a name under '{key}'")
        if name_key(name) in seen:
            raise _fail(source, k, f"'{name}' is listed twice under '{key}' (also line {seen[name_key(name)]})")
        seen[name_key(name)] = k.start_mark.line + 1
    return node.value


def _from_node(node: yaml.Node | None, source: str) -> Aliases:
    if node is None:
        return Aliases(source=source)
    if not isinstance(node, yaml.MappingNode):
        raise _fail(source, node, "alias file must be a mapping with keys " + ", ".join(_KEYS))
    parts: dict[str, yaml.Node] = {}
    for k, v in node.value:
        key = k.value if isinstance(k, yaml.ScalarNode) else None
        if key not in _KEYS:
            raise _fail(source, k, f"unknown key {key!r} in alias file (expected {', '.join(_KEYS)})")
        if key in parts:
            raise _fail(source, k, f"key '{key}' appears twice")
        parts[key] = v
    merge, owner = {}, {}
    if "merge" in parts and not _is_null(parts["merge"]):
        for k, v in _pairs(source, parts["merge"], "merge"):
            canonical = _string(source, k, "a canonical name under 'merge'")
            items = [v] if _is_str(v) else v.value if isinstance(v, yaml.SequenceNode) else None
            if items is None:
                raise _fail(source, v, f"aliases of '{canonical}' under 'merge' must be a list of names")
            names = tuple(_string(source, item, f"an alias of '{canonical}'") for item in items)
            for name in (canonical, *names):
                other = owner.get(name_key(name))
                if other is not None and other != canonical:
                    raise _fail(source, k, f"'{name}' is merged into both '{other}' and '{canonical}'")
                owner[name_key(name)] = canonical
            merge[canonical] = names
    rename = _simple_map(source, parts, "rename")
    relabel = {name: label.upper() for name, label in _simple_map(source, parts, "relabel").items()}
    for name, label in relabel.items():
        if label not in NAME_LABELS:
            node_ = next(v for k, v in parts["relabel"].value if k.value == name)
            raise _fail(source, node_, f"unknown label {label!r} for '{name}' "
                                       f"(use one of {', '.join(sorted(NAME_LABELS))})")
    exclude: tuple[str, ...] = ()
    if "exclude" in parts and not _is_null(parts["exclude"]):
        v = parts["exclude"]
        items = [v] if _is_str(v) else v.value if isinstance(v, yaml.SequenceNode) else None
        if items is None:
            raise _fail(source, v, "'exclude' must be a list of names")
        exclude = tuple(_string(source, item, "a name under 'exclude'") for item in items)
    return Aliases(merge=merge, rename=rename, relabel=relabel, exclude=exclude, source=source)


def _is_str(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str"


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _simple_map(source: str, parts: dict[str, yaml.Node], key: str) -> dict[str, str]:
    if key not in parts or _is_null(parts[key]):
        return {}
    return {_string(source, k, f"a name under '{key}'"): _string(source, v, f"the value of a name under '{key}'")
            for k, v in _pairs(source, parts[key], key)}
