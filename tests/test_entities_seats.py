"""A legislator's seat glued to the member's name (:mod:`analysis.entities.seats`, issue 15 round 11). Tiny
hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.seats import split_seat_holder
from tests.entity_texts import resolved


@pytest.mark.parametrize("text, span, label, expected", [
    ("State Member for Tarvin Janine Quist said so.", "Tarvin Janine Quist", "PERSON", ["Tarvin", "Janine Quist"]),
    ("The MP for Port Kell Ada Bell Quist said so.", "Port Kell Ada Bell Quist", "ORG",
     ["Port Kell", "Ada Bell Quist"]),
    ("Senator for Tarvin Janine Quist said so.", "Tarvin Janine Quist", "PERSON", ["Tarvin", "Janine Quist"]),
    ("State Member for Tarvin Janine Quist said so.", "Tarvin Janine Quist", "GPE", ["Tarvin Janine Quist"]),
    ("She thanked Tarvin Janine Quist for it.", "Tarvin Janine Quist", "PERSON", ["Tarvin Janine Quist"]),  # no seat
    ("The Member for Tarvin City Council spoke.", "Tarvin City Council", "ORG", ["Tarvin City Council"]),
    ("The Member for Dorset Janine said so.", "Dorset Janine", "PERSON", ["Dorset Janine"]),  # one word after it
    ("The Member for Quist said so.", "Quist", "PERSON", ["Quist"]),  # one word
])
def test_a_seats_place_is_split_from_the_members_name(text, span, label, expected):
    start = text.index(span)
    pieces = split_seat_holder(text, start, start + len(span), label, {"tarvin", "port kell"})
    assert [text[s:e] for s, e, _ in pieces] == expected


def test_the_member_after_the_seat_is_a_person_of_the_article(nlp):
    m = resolved(nlp, "Buyback", ("Flooded homes in Tarvin are still empty.",
                                  "State Member for Tarvin Janine Quist said she had raised the delays.",
                                  "Quist said the money was there."),
                 {"Tarvin Janine Quist": "PERSON"})
    assert set(m.loc[m["text"] == "Janine Quist", "entity"]) == {"Janine Quist"}
    assert set(m.loc[m["text"] == "Quist", "entity"]) == {"Janine Quist"}
