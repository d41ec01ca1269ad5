"""Two people's surnames joined by a hyphen (:mod:`analysis.entities.pairs`, issue 15 round 11). Tiny
hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.mention import Mention
from analysis.entities.pairs import split_pairs
from tests.entity_texts import mentions_of


def _mention(text: str, surface: str, label: str) -> Mention:
    start = text.index(surface)
    return Mention(0, 1, start, start + len(surface), surface, label, "ner")


@pytest.mark.parametrize("text, pair, others, expected", [
    ("Ada Quell spoke.\nThe 2013 Quell-Brandt plan failed.", "Quell-Brandt", ["Ada Quell"], ["Quell", "Brandt"]),
    ("Tom McVeigh spoke.\nThe McVeigh-Ochoa debates ran long.", "McVeigh-Ochoa", ["Tom McVeigh"],
     ["McVeigh", "Ochoa"]),
    ("Ada Quell spoke.\nThe Brandt-Ochoa plan failed.", "Brandt-Ochoa", ["Ada Quell"], ["Brandt-Ochoa"]),  # nobody's
    ("Ada Quell-Brandt spoke.\nQuell-Brandt said so.", "Quell-Brandt said", ["Ada Quell-Brandt"],
     ["Quell-Brandt"]),  # a hyphenated surname
    ("Ada Quell spoke.\nMarcia Quell-Brandt won.", "Quell-Brandt won", ["Ada Quell"],
     ["Quell-Brandt"]),  # a given name before it
])
def test_two_surnames_joined_by_a_hyphen_are_two_people(text, pair, others, expected):
    surface = pair.split()[0]
    mentions = [_mention(text, o, "PERSON") for o in others]
    start = text.index(pair)
    mentions.append(Mention(0, 1, start, start + len(surface), surface, "ORG", "ner"))
    out = split_pairs(text, mentions)
    assert [m.text for m in out if m.text not in others] == expected


def test_the_parts_join_their_people(nlp):
    m = mentions_of(nlp, "Bill", "Sen. Ada Quell and Sen. Tom Brandt wrote the bill in 2013.",
                    "Critics called the 2013 Quell-Brandt amnesty plan a failure.")
    assert set(m.loc[m["text"] == "Quell", "entity"]) == {"Ada Quell"}
    assert set(m.loc[m["text"] == "Brandt", "entity"]) == {"Tom Brandt"}
