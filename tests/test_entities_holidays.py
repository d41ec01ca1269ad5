"""Holidays and feasts are dates, no names (:mod:`analysis.entities.holidays`, round 8b)."""
from __future__ import annotations

import pytest

from analysis.entities.holidays import is_holiday
from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("surface, holiday", [
    ("Easter", True), ("Christmas Eve", True), ("the Thanksgiving weekend", True), ("Eid al-Fitr", True),
    ("New Year's Day", True), ("Diwali", True),
    ("Easter Island", False), ("Christmas Island", False), ("Good Friday Agreement", False), ("Lentz", False),
])
def test_a_holiday_is_no_name(surface, holiday):
    assert is_holiday(surface) is holiday


@pytest.mark.parametrize("paragraph, holiday, label", [
    ("The government in Tarvel expects to pass the budget before the Easter break.", "Easter", "LOC"),
    ("Shops in Tarvel will close over Christmas, the council said.", "Christmas", "GPE"),
])
def test_a_holiday_spacy_calls_a_place_gives_no_entity(nlp, paragraph, holiday, label):
    ents = entities_of(resolved(nlp, "Budget", (paragraph,), {f"^{holiday}$": label}))
    assert holiday not in ents and "Tarvel" in ents
