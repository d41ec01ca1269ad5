"""A company's regional unit named by its parent and a place ("Kestrova Europe Ltd", "Vantor India Pvt
Ltd", "Halden UK"): the parent's bare name is the parent, an organisation, not the unit's short form."""
from __future__ import annotations

from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import known, name_key
from analysis.entities.short_forms import legal_base

__all__ = ["regional_parent", "parent_companies"]

#: Legal suffixes of regional units beyond the shared list ("Pvt Ltd", "Private Limited").
_MORE_SUFFIXES = frozenset("pvt private limited".split())


def regional_parent(surface: str) -> str | None:
    """The parent's name key of a regional unit's name (two words before any legal suffix, the second a
    country, continent or region the gazetteer knows, the first unknown to it), or None."""
    words = legal_base(name_key(surface)).split()
    while len(words) > 1 and words[-1].strip(".,") in _MORE_SUFFIXES:
        words.pop()
    shown = surface.split()
    if len(words) != 2 or not shown[0][:1].isupper() or known(shown[0]) is not None:
        return None
    entry = known(shown[1])
    return words[0] if entry is not None and entry.label in ("GPE", "LOC") else None


def parent_companies(mentions: list[Mention]) -> list[Mention]:
    """Bare mentions of a regional unit's parent, and the unit's, are organisations (hint ORG), whatever
    spaCy calls them ("against Kestrova" beside "Kestrova Europe Ltd")."""
    parents = {p for m in mentions if " " in m.text.strip() and (m.spacy_label == "ORG" or _suffixed(m.text))
               and (p := regional_parent(m.text.strip())) is not None}
    if not parents:
        return mentions
    return [replace(m, hint="ORG") if not m.hint and m.start >= 0 and (
        (" " not in m.text.strip() and name_key(m.text) in parents) or regional_parent(m.text.strip()) in parents)
        else m for m in mentions]


def _suffixed(surface: str) -> bool:
    """Whether a name ends in a legal suffix ("Kestrova Europe Ltd.")."""
    key = name_key(surface)
    return legal_base(key) != key
