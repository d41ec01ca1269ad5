"""Prepositions that put a one-word name in a place beyond "in" and "near" (:func:`place_object`):
"the city of Mansfield", "north-west of Gore", "a mother of two from Dunnet".
A word a person's surname or an organisation's name shares with a town is the town there."""
from __future__ import annotations

from dataclasses import replace

from analysis.entities.mention import Mention
from analysis.entities.names import name_key

__all__ = ["place_object", "list_after_locative", "dateline_places"]

#: Nouns of a settlement or an area whose "of" names it ("the city of Mansfield", "the suburb of Webster").
_PLACE_OF = frozenset("""city town village suburb borough county province region district state island port
municipality hamlet parish township capital outskirts centre center""".split())
#: Compass words whose "of" names a place ("north-west of Gore", "20 km south of Tula").
_COMPASS = frozenset("""north south east west northeast northwest southeast southwest north-east north-west
south-east south-west northeast northwest""".split())
#: Nouns of people whose "from" says where they come from ("visitors from Moate", "a farmer from Keene").
_FROM_PEOPLE = frozenset("""visitor visitors resident residents mother father family families farmer farmers
businessman businesswoman man woman people voter voters student students delegate delegates""".split())
#: Prepositions opening a list of places ("offices in Nashua, Manchester, Keene and Portsmouth").
_LIST_PREPS = frozenset("in at near across throughout".split())


def place_object(span) -> bool:
    """Whether a name's preposition puts it in a place: "of" after a settlement noun or a compass word,
    "from" after a noun of people.

    Args:
        span: The mention as a spaCy span (its root is the preposition's object).
    """
    root = span.root
    if root.dep_ != "pobj":
        return False
    prep, gov = root.head.lower_, root.head.head
    if root.head is root or gov is root.head:
        return False
    word = gov.lower_
    if prep == "of":
        if word in _COMPASS:
            return True
        return word in _PLACE_OF and gov.pos_ == "NOUN" and not gov.text[:1].isupper()
    if prep == "from":
        return word in _FROM_PEOPLE or (gov.like_num and gov.head.lower_ in _FROM_PEOPLE)
    return False


def list_after_locative(tok, group: list) -> bool:
    """Whether a coordinated list a word stands in is the object of a locative preposition ("in Nashua,
    Manchester, Keene and Portsmouth"), so each word of it is a place though a person shares one."""
    first = min([tok, *group], key=lambda t: t.i)
    return first.dep_ == "pobj" and first.head.lower_ in _LIST_PREPS


def dateline_places(mentions: list[Mention]) -> list[Mention]:
    """Mentions of the dateline's one-word town that no sentence puts anything else, and spaCy calls no
    person, are the town (hint GPE), not the company named after it ("FUJAIRAH —" … "bunker sales at
    Fujairah" beside the "Fujairah Oil Industry Zone")."""
    towns = {name_key(m.text) for m in mentions if m.origin == "dateline" and " " not in m.text.strip()}
    if not towns:
        return mentions
    return [replace(m, hint="GPE") if m.origin != "dateline" and m.start >= 0 and not m.context and not m.cue
            and not m.hint and m.spacy_label != "PERSON" and name_key(m.text) in towns else m for m in mentions]
