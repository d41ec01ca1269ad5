"""A word in a list of places is a place (:mod:`analysis.entities.listed`, round 8b)."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("paragraph, kept, gone", [
    ("The fixer steered projects in Tarvel, Queens and Kellport through the permit office.", "Queens", ()),
    ("Councillors in Tarvel rejected the plan on Monday.", "Tarvel", ("Councillors",)),  # no list: people
])
def test_a_plural_title_in_a_list_of_places_is_a_place(nlp, paragraph, kept, gone):
    forced = {"^Queens$": "GPE", "^Governors$": "GPE", "^Councillors$": "GPE", "^Tarvel$": "GPE", "^Kellport$": "GPE"}
    ents = entities_of(resolved(nlp, "Permits", (paragraph,), forced))
    assert ents[kept][0] == "GPE" and not set(gone) & set(ents)


def test_a_royal_plural_called_a_place_is_a_place(nlp):
    paragraph = "Rents in Queens rose faster than anywhere else in the city last year."
    ents = entities_of(resolved(nlp, "Rents", (paragraph,), {"^Queens$": "GPE"}))
    assert ents["Queens"][0] == "GPE"
