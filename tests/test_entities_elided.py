"""A surname with an elided particle and a curly apostrophe (:mod:`analysis.entities.elided`, issue 15 round 11).
Tiny hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from tests.entity_texts import mentions_of


@pytest.mark.parametrize("paragraphs, person, alone", [
    (["Director Tarun D\u2019Sauza released a new trailer on Friday.",
      "Pressed on the budget, D\u2019Sauza declined to give figures.",
      "D\u2019Sauza said the shoot would start in June."], "Tarun D\u2019Sauza", "D\u2019Sauza"),
    (["The yard hired Capt. Rohan D\u2019Sauza, a surveyor at Hormuz Marine Inspection.",
      "\u201cNow the meter prints the figure,\u201d D\u2019Sauza said."], "Rohan D\u2019Sauza", "D\u2019Sauza"),
])
def test_a_name_with_an_elided_particle_is_one_person(nlp, paragraphs, person, alone):
    m = mentions_of(nlp, "Film", *paragraphs)
    assert set(m.loc[m["text"] == person, "label"]) == {"PERSON"}
    assert set(m.loc[m["text"] == alone, "entity"]) == {person}
    assert (m["text"] == alone).sum() == len(paragraphs) - 1


def test_an_ordinary_word_before_the_surname_is_no_given_name(nlp):
    m = mentions_of(nlp, "Film", "Critics Praise D\u2019Sauza for the film.", "Tarun D\u2019Sauza said he was glad.")
    assert "Critics Praise D\u2019Sauza" not in set(m["text"])
