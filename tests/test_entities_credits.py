"""The people of a wire story's closing credits (:mod:`analysis.entities.credits`, round 8b)."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("credits, people, places", [
    ("(Reporting by Ines Marr in Tarvel and Ada Quist in Kellport; Editing by Ben Oyelaran)",
     ("Ines Marr", "Ada Quist", "Ben Oyelaran"), ("Tarvel", "Kellport")),
    ("(Additional reporting by Ada Quist; Writing by Ines Marr)", ("Ada Quist", "Ines Marr"), ()),
])
def test_the_names_of_a_wires_credits_are_people(nlp, credits, people, places):
    forced = {"^Ada Quist$": "GPE", "^Ben Oyelaran$": "NORP", "^Ines Marr$": "NORP"}  # spaCy's labels on such copy
    paragraphs = ("The airline posted a smaller loss on Tuesday.", credits)
    ents = entities_of(resolved(nlp, "Airline Loss", paragraphs, {**forced, "^Tarvel$": "GPE", "^Kellport$": "GPE"}))
    assert all(ents[p][0] == "PERSON" for p in people) and all(ents[p][0] == "GPE" for p in places)
