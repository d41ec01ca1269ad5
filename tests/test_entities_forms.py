"""Shapes of names when clustering (:mod:`analysis.entities.forms`, issue 15): a name ending in a known
organisation is no person. Tiny hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.forms import known_tail


@pytest.mark.parametrize("name, expected", [
    # round 8 (real news): a name ending in a known organisation's name is no person's, though shaped like one
    ("Quist White House", True), ("Ada Quist State Department", True), ("Ada Quist", False),
    ("Tomas K. Brandt", False),
])
def test_a_name_ending_in_a_known_organisation_is_no_person(name, expected):
    assert known_tail(name.split()) is expected
