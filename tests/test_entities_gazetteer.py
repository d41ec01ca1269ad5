"""The gazetteer's state and province abbreviations (:mod:`analysis.entities.gazetteer`, round 10: blind 14 and real
news): those that are words once the dots are gone match only with their dot; Canada's provinces. Tiny
hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.names import known
from tests.entity_texts import entities_of, mentions_of


@pytest.mark.parametrize("surface, state", [
    ("Pa.", "Pennsylvania"), ("Mass.", "Massachusetts"), ("Tex.", "Texas"),
    ("N.S.", "Nova Scotia"), ("Nova Scotia", "Nova Scotia"), ("B.C.", "British Columbia"),
    ("Pa", None), ("Mass", None), ("Miss", None), ("Wash", None),  # words without their dot
])
def test_a_state_or_province_abbreviation_is_known_with_its_dot(surface, state):
    entry = known(surface)
    assert (entry.canonical if entry is not None else None) == state


def test_a_state_abbreviation_after_a_town_is_the_state(nlp):
    ents = entities_of(mentions_of(nlp, "Plant to close", "The mill in Kellsburg, Pa., will close in May.",
                                   "Pennsylvania officials said the state would help the workers."))
    assert ents.get("Pennsylvania") == ("GPE", 2), ents


def test_the_group_of_eight_is_known_and_found_where_spacy_misses_it(nlp):  # session 10 (real BBC news)
    assert known("G8").canonical == "G8" and known("Group of Eight").canonical == "G8"
    ents = entities_of(mentions_of(nlp, "Summit", "Quist wants the G8 to act on debt in Kell next month."))
    assert "G8" in ents
