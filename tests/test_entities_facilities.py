"""Buildings named by their building word stay facilities (:mod:`analysis.entities.facilities`, round 8b):
"City Hall" or "the Capitol" said as where something happens is no town."""
from __future__ import annotations

import pytest

from analysis.entities.facilities import is_building
from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("name, building", [
    ("city hall", True), ("capitol", True), ("kell county courthouse", True), ("statehouse", True),
    ("hall", False), ("carnegie hall", False), ("capitol wire service", False), ("tarvel", False),
])
def test_a_government_building_is_named_by_its_building_word(name, building):
    assert is_building(name.split()) is building


@pytest.mark.parametrize("paragraph, building", [
    ("Mayor Ada Quist spoke to reporters outside City Hall on Tuesday.", "City Hall"),
    ("\"It should be settled in the Capitol, not here,\" Judge Ada Quist wrote.", "Capitol"),
])
def test_a_building_said_as_a_place_stays_a_facility(nlp, paragraph, building):
    ents = entities_of(resolved(nlp, "Ruling", (paragraph,), {f"^{building}$": "FAC"}))
    assert ents[building][0] == "FAC"
