"""Names a user types for speakers and entities: canonical names, aliases, any case, "did you mean".

``quotes --speaker Jansen``, a notebook's ``speakers=["tokayev"]`` and ``entities=[...]`` go through
:func:`speakers` and :func:`entities`, which turn each typed name into the canonical names of the
tables. A name matches, in this order: a canonical name, then a surface form the entity was merged
from (its ``aliases``), then one word of a name ("Jansen" for "Maria Jansen") when only one name has
it; always on the matching key of :func:`analysis.entities.keys.name_key` (any case, no diacritics,
"U.S." = "US", no leading "the"). A name that matches nothing raises :class:`NameNotFound`, whose
message suggests the closest names.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from analysis.entities.keys import name_key

__all__ = ["NameNotFound", "resolve", "speakers", "entities", "speaker_choices", "entity_choices"]


class NameNotFound(ValueError):
    """A typed name matches no name, or several; the message says which names it might mean."""


def _as_list(names: Iterable[str] | str | None) -> list[str]:
    if names is None:
        return []
    return [names] if isinstance(names, str) else [n for n in names if isinstance(n, str) and n.strip()]


def _aliases(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    try:
        return [str(v) for v in value if isinstance(v, str)]  # type: ignore[union-attr]
    except TypeError:
        return []


def resolve(names: Iterable[str] | str | None, choices: Mapping[str, Iterable[str]], *,
            what: str = "name") -> list[str]:
    """The canonical names meant by typed ``names`` (in the order given, without repeats).

    Args:
        names: What the user typed.
        choices: Canonical name → its other surface forms.
        what: "speaker" or "entity", for messages.

    Raises:
        NameNotFound: For a name that matches no choice ("did you mean …") or several of them.
    """
    canonical: dict[str, list[str]] = {}
    alias: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for name, forms in choices.items():
        canonical.setdefault(name_key(name), []).append(name)
        for form in {name, *forms}:
            alias.setdefault(name_key(form), []).append(name)
            for word in name_key(form).split():
                if len(word) > 2:
                    words.setdefault(word, []).append(name)
    out: list[str] = []
    for typed in _as_list(names):
        key = name_key(typed)
        found = canonical.get(key) or list(dict.fromkeys(alias.get(key, ()))) or \
            list(dict.fromkeys(words.get(key, ())))
        if len(found) > 1 and key not in canonical and key not in alias:
            raise NameNotFound(f"{what} {typed!r} matches several: {_listing(found)}; give the full name")
        if not found:
            raise NameNotFound(f"no {what} matches {typed!r}" + _suggest(key, alias, what))
        out += [f for f in found if f not in out]
    return out


def _listing(names: Sequence[str]) -> str:
    shown = [repr(n) for n in sorted(names)[:6]]
    return ", ".join(shown) + (f" and {len(names) - 6} more" if len(names) > 6 else "")


def _suggest(key: str, alias: Mapping[str, list[str]], what: str) -> str:
    close = difflib.get_close_matches(key, list(alias), n=5, cutoff=0.6)
    if not close:  # a misspelt surname: compare with the words of the names too
        close = [k for k in alias if difflib.get_close_matches(key, k.split(), n=1, cutoff=0.75)]
    names = list(dict.fromkeys(n for k in close for n in alias[k]))[:3]
    if not names:
        return f" (there are {len(set(n for v in alias.values() for n in v))} {what} names in this selection)"
    return "; did you mean " + " or ".join(repr(n) for n in names) + "?"


def speaker_choices(tables) -> dict[str, list[str]]:
    """Each speaker of ``tables.quotes`` with the surface forms of its entity."""
    quotes = tables.quotes
    names = sorted({s for s in quotes["speaker"] if isinstance(s, str) and s}) if len(quotes) else []
    forms = _forms(tables.entities)
    return {n: forms.get(n, []) for n in names}


def entity_choices(tables, *, labels: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Each entity of ``tables.entities`` (of ``labels``, if given) with its surface forms."""
    ents = tables.entities
    if labels:
        ents = ents[ents["label"].isin(list(labels))]
    return _forms(ents)


def _forms(ents: pd.DataFrame) -> dict[str, list[str]]:
    if ents is None or not len(ents):
        return {}
    aliases = ents["aliases"] if "aliases" in ents else pd.Series([[]] * len(ents), index=ents.index)
    out: dict[str, list[str]] = {}
    for name, forms in zip(ents["entity"], aliases, strict=True):
        if isinstance(name, str):
            out.setdefault(name, []).extend(_aliases(forms))
    return out


def speakers(tables, names: Iterable[str] | str | None) -> list[str]:
    """The speakers meant by typed names ([] for none given).

    Raises:
        NameNotFound: See :func:`resolve`.
    """
    return resolve(names, speaker_choices(tables), what="speaker") if _as_list(names) else []


def entities(tables, names: Iterable[str] | str | None, *, labels: Iterable[str] | None = None) -> list[str]:
    """The entities meant by typed names ([] for none given).

    Raises:
        NameNotFound: See :func:`resolve`.
    """
    return resolve(names, entity_choices(tables, labels=labels), what="entity") if _as_list(names) else []
