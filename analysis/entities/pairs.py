"""Two people's surnames joined by a hyphen for a pair, a debate or a bill ("the 2007 Quell-Brandt plan",
"the Brandt-Ochoa debates"; round 11): two PERSON mentions, not one name.

spaCy takes "Quell-Brandt" for one name, which then joins nobody. The compound is split when one of its parts is
the surname of a person the article names in full and the compound is no one's hyphenated surname
("Marcia Boyce-Holder" … "Boyce-Holder said").
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.lexicon import ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import is_title_word, name_key

__all__ = ["split_pairs"]

_PAIR = re.compile(r"([A-Z][a-z]+(?:[A-Z][a-z]+)?)-([A-Z][a-z]+(?:[A-Z][a-z]+)?)")
_WORD_BEFORE = re.compile(r"([A-Z][\w.'\u2019-]*) $")


def split_pairs(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with each "Surname-Surname" of the body split into two PERSON mentions (see the module)."""
    if not any("-" in m.text and _PAIR.fullmatch(m.text) for m in mentions):  # cheap: no compound mention
        return mentions
    full = [m.text.split() for m in mentions if m.spacy_label == "PERSON" and " " in m.text.strip()]
    surnames = {name_key(words[-1]) for words in full}
    compounds = {name_key(w) for m in mentions if " " in m.text.strip() for w in m.text.split()[1:] if "-" in w}
    out: list[Mention] = []
    for m in mentions:
        pair = _PAIR.fullmatch(m.text) if m.start >= 0 and m.paragraph > 0 else None
        before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start) if pair is not None else None
        if (pair is None or m.spacy_label in ("GPE", "LOC") or name_key(m.text) in compounds
                or not ({name_key(pair.group(1)), name_key(pair.group(2))} & surnames)
                or (before is not None and not is_title_word(before.group(1)) and not ordinary(before.group(1)))):
            # a given name before it: "Marcia" + "Boyce-Holder"
            out.append(m)
            continue
        cut = m.start + len(pair.group(1))
        out += [replace(m, end=cut, text=pair.group(1), spacy_label="PERSON", cue=False, role=""),
                replace(m, start=cut + 1, text=pair.group(2), spacy_label="PERSON", cue=False, role="")]
    return out
