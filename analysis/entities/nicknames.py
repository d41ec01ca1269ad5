"""A person named with a nickname in quotation marks between the first name and the surname ("Yoav "Yogi"
Shalev", "Huw ‘Dai’ Morgan-Lloyd", "Rebecca “Becky” Marchbanks"): one name, whose nickname alone later stands
for the person ("Yogi writes code …", "Becky says"); so does a nickname given after the name ("Costa, known to
fans as 'Cozzy'", "Ochoa, alias "El Grillo"", :func:`known_as`).

spaCy often cuts such a name at the quotation marks ("Piotrek” Żuraw", "Kwadwo" + "Asamoah-Frimpong") or tags
only a part of it; :func:`nickname_people` makes the whole one PERSON mention, and :func:`nickname` and
:func:`without_nickname` let clustering read it as a person's name.
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import is_title_word, name_key

__all__ = ["nickname", "without_nickname", "nickname_people", "known_as"]

_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"', "'": "'"}
_WORD = r"[^\W\d_][\w\u2019'.-]*"  # capitalised and with a lower-case letter: checked by :func:`_name_word`
_NICKNAMED = re.compile(r"(?<![\w\u2019'.-])((?:" + _WORD + r" ){0,2}" + _WORD + r") "
                        r"([\"\u201c\u2018'])([^\W\d_][\w.\u2019'-]{0,15}?)"
                        r"([\"\u201d\u2019']) (" + _WORD + r")(?: (?:Jr\.?|Sr\.?|II|III|IV)(?![\w-]))?")
_CORE = re.compile(r"[\"\u201c\u2018'][^\W\d_][\w.\u2019'-]{0,15}?[\"\u201d\u2019'] [^\W\d_]")
_ARTICLES = frozenset({"the", "a", "an"})
_INSIDE = re.compile(r"^(\S.*?) [\"\u201c\u2018']([^\s\"\u201c\u201d\u2018\u2019']+)[\"\u201d\u2019'] (\S.*)$")


def nickname(name: str, *, key: bool = True) -> str | None:
    """The nickname in quotation marks inside a person's name ("Yogi" of "Yoav "Yogi" Shalev"; its key
    "yogi" with ``key``), or None."""
    hit = _INSIDE.match(name.strip())
    if hit is None:
        return None
    return name_key(hit.group(2)) if key else hit.group(2)


def without_nickname(name: str) -> str:
    """A name without the nickname in quotation marks inside it ("Yoav Shalev" of "Yoav "Yogi" Shalev")."""
    hit = _INSIDE.match(name.strip())
    return f"{hit.group(1)} {hit.group(3)}" if hit is not None else name


def nickname_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with each name written "First “Nick” Last" in the body made one PERSON mention, in place of
    the spans of it spaCy found (one at least: "Piotrek” Żuraw", "Kwadwo" + "Asamoah-Frimpong"); not when the
    first name or the surname is an ordinary word or a title (a headline's "Biden ‘Wary’ Over")."""
    if _CORE.search(text) is None:  # cheap: no quoted word before a capitalised one anywhere
        return mentions
    out, changed = list(mentions), False
    for hit in _NICKNAMED.finditer(text):
        words, firsts = hit.group(1).split(), []
        while words and words[-1][0].isupper() and not is_title_word(words[-1]) and words[-1].lower() not in _ARTICLES:
            firsts.insert(0, words.pop())  # not a title or a lower-case word before them ("Sen.", "captain")
        if _PAIRS[hit.group(2)] != hit.group(4) or not hit.group(3)[0].isupper() or not firsts \
                or not all(_name_word(w) for w in (firsts[-1], hit.group(5))):
            continue
        start, end = hit.end(1) - len(" ".join(firsts)), hit.end()  # "Maria Consuelo "Connie" Dimaculangan"
        inside = [m for m in out if m.start >= 0 and m.start < end and m.end > start]
        if not inside or any(m.paragraph == 0 for m in inside) or any(m.start < start or m.end > end for m in inside
                                                                      if m.spacy_label not in ("PERSON", "")):
            continue
        first = min(inside, key=lambda m: m.start)
        whole = Mention(first.sentence_id, first.paragraph, start, end, text[start:end], "PERSON", "ner",
                        cue=any(m.cue for m in inside), role=next((m.role for m in inside if m.role), ""))
        out = [m for m in out if not any(m is x for x in inside)] + [whole]
        changed = True
    return sorted(out, key=lambda m: (m.start < 0, m.start)) if changed else mentions


def _name_word(word: str) -> bool:
    """Whether a word can be a first name or a surname here: capitalised, with a lower-case letter, no
    ordinary word and no title."""
    return word[0].isupper() and any(c.islower() for c in word) and not ordinary(word) and not is_title_word(word)


_OPEN, _CLOSE = "\"\u201c\u2018'", "\"\u201d\u2019',"
#: A nickname given right after a name: ", known (to fans) as 'X'", ", nicknamed X", ", alias "X"".
_KNOWN_AS = re.compile(r",? (?:(?:who is|widely|better|affectionately|popularly|locally) )*"
                       r"(?:(?:known|nicknamed|dubbed)(?: to [a-z]+(?: [a-z]+){0,3})? as|nicknamed|dubbed|alias|aka)"
                       r" [" + _OPEN + r"]?((?:El |La |The |Big |Little )?[A-Z][\w-]*(?:[\u2019'][a-z]+)?)"
                       r"[" + _CLOSE + r"]*")
_ANY_KNOWN_AS = re.compile(r"\b(?:known|nicknamed|dubbed|alias|aka)\b")


def known_as(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the nickname given right after a person's name ("Costa, known to fans as 'Cozzy', …",
    "Ochoa, alias "El Grillo"") made to stand for that person wherever it stands alone (round 11): it joins
    the cluster of the name before it, whatever spaCy called either."""
    if _ANY_KNOWN_AS.search(text) is None:  # cheap: no cue anywhere
        return mentions
    links: dict[str, str] = {}
    for m in mentions:
        if m.start < 0 or m.paragraph == 0:
            continue
        hit = _KNOWN_AS.match(text, m.end)
        if hit is not None and _name_word(hit.group(1).split()[-1]) and name_key(hit.group(1)) != name_key(m.text):
            links[name_key(hit.group(1))] = name_key(m.text)
    if not links:
        return mentions
    return [replace(m, team=links[k]) if m.start >= 0 and (k := name_key(m.text)) in links else m for m in mentions]
