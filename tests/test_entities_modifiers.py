"""A person's name used as a modifier before "Administration" (:mod:`analysis.entities.modifiers`, round 9)."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from analysis.entities.modifiers import facility_owner, modifier_end
from tests.entity_texts import entities_of, parsed_of, raw_spans

_PEOPLE = frozenset({"ada quist", "quist"})


@pytest.mark.parametrize("surface, expected", [
    ("Quist Administration", "Quist"), ("Ada Quist Administration", "Ada Quist"),
    ("Quist Administration’s", "Quist"),
    ("Brandt Administration", None),  # no person of the article
    ("Quist Foundation", None), ("Quist", None), ("Tarvel Administration", None),
])
def test_a_person_before_administration_is_the_person(surface, expected):
    text = f"the {surface} said"
    end = modifier_end(text, 4, 4 + len(surface), _PEOPLE)
    assert (text[4:end] if end is not None else None) == expected


def test_the_administration_does_not_name_the_person(nlp):
    parsed = parsed_of(nlp, "Budget", "Ada Quist signed the budget on Monday.",
                       "Critics of the Quist Administration said it came too late.")
    raw = raw_spans(parsed, ("Ada Quist", "PERSON", 1), ("Quist Administration", "ORG", 2))
    ents = entities_of(resolve_article(parsed, raw))
    assert "Quist Administration" not in ents and ents["Ada Quist"][0] == "PERSON"


@pytest.mark.parametrize("surface, expected", [
    ("U.S. Embassy", ("U.S.", "GPE")), ("United States Consulate", ("United States", "GPE")),
    ("CIA Annex", ("CIA", "ORG")),
    ("Tarvel Embassy", None),  # no known owner
    ("British Embassy", None),  # a people's adjective, no country's name
    ("U.S. Senate", None), ("Embassy", None),
])
def test_a_known_owner_before_a_facility_is_the_owner(surface, expected):
    text = f"at the {surface} on Monday"
    hit = facility_owner(text, 7, 7 + len(surface))
    assert (None if hit is None else (text[7:hit[0]], hit[1])) == expected


def test_the_facility_names_no_organisation(nlp):
    parsed = parsed_of(nlp, "Protest", "Protesters gathered outside the U.S. Embassy in Tarvel on Monday.")
    raw = raw_spans(parsed, ("U.S. Embassy", "ORG", 1))
    ents = entities_of(resolve_article(parsed, raw))
    assert "U.S. Embassy" not in ents and ents["U.S."][0] == "GPE"  # named as written (session 10)
