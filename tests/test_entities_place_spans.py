"""Place spans spaCy cut or glued (:mod:`analysis.entities.place_spans`, issue 15 round 11b): districts with a
compass word, village and county words, possessives, an electorate glued to a person's name, an agency's
acronym glued to its office's region. Tiny hand-written texts; spaCy's mistakes are forced."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, parsed_of, raw_spans, resolved


@pytest.mark.parametrize("paragraph, district, cut", [
    ("She shares a flat in Amsterdam-Noord with two nurses.", "Amsterdam-Noord", "Noord"),
    ("The firm owns homes in De Pijp and Oud-West.", "Oud-West", "West"),
    ("The depot in Berlin-Ost closed in May.", "Berlin-Ost", "Ost"),
])
def test_a_compass_word_hyphen_joined_to_a_name_is_one_district(nlp, paragraph, district, cut):
    ents = entities_of(resolved(nlp, "Housing", (paragraph,), {}))
    assert ents[district][0] == "GPE" and cut not in ents


@pytest.mark.parametrize("paragraph, labels, village", [
    ("Residents of Barangay Masulog were moved to a school.", {"Masulog": "PERSON"}, "Masulog"),
    ("Families from Barangay San Agustin waited at the gym.", {"Agustin": "ORG"}, "San Agustin"),
    # an Irish county's "Co" before a county the lexicon knows
    ("The count centre in Castlebar, Co Mayo, was busy.", {"Mayo": "ORG"}, "Mayo"),
])
def test_a_village_word_before_a_place_is_no_part_of_it(nlp, paragraph, labels, village):
    ents = entities_of(resolved(nlp, "Volcano", (paragraph,), labels))
    assert ents[village] == ("GPE", 1) and not any(e.startswith(("Barangay", "Co ")) for e in ents)

def test_an_electorate_and_a_name_spacy_glued_are_a_place_and_a_person(nlp):
    ents = entities_of(resolved(nlp, "Flood", (
        "Floods hit the town of Lismore in May.",
        "State Member for Lismore Janine Oakridge said she had raised the delays.",
        "Oakridge said the scheme was slow."), {"Lismore Janine": "PERSON", "^Lismore$": "GPE"}))
    assert ents["Lismore"] == ("GPE", 2) and ents["Janine Oakridge"] == ("PERSON", 2)

def test_a_capitalised_possessive_before_a_known_place_is_no_part_of_it(nlp):
    parsed = parsed_of(nlp, "Union", "Its Scotland organiser, Jim Millar, said morale was low.")
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, ("Its Scotland", "PERSON", 1),
                                                         ("Jim Millar", "PERSON", 1))))
    assert ents["Scotland"] == ("GPE", 1) and "Its Scotland" not in ents


@pytest.mark.parametrize("paragraph, span, agency, place", [
    ("None was hurt, according to OCD Western Visayas spokesperson Aldrin Ledesma.", "OCD Western Visayas", "OCD",
     "Western Visayas"),
    ("The RFS Far South Coast district manager, Kim Lowe, gave evidence.", "RFS Far South Coast", "RFS",
     "Far South Coast"),
])
def test_an_agencys_acronym_and_its_offices_region_before_a_role_are_two_names(nlp, paragraph, span, agency, place):
    parsed = parsed_of(nlp, "Volcano", "Crews reached the Far South Coast on Monday.", paragraph)
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, ("Far South Coast", "LOC", 1), (span, "ORG", 2))))
    assert ents[agency][0] == "ORG" and ents[place][0] in ("GPE", "LOC") and span not in ents


@pytest.mark.parametrize("paragraph, span", [
    ("NSW Farmers president Jo Hale said so.", "NSW Farmers"),  # no place after the acronym
    ("BBC Scotland's best-loved voices returned.", "BBC Scotland"),  # no role after the place
])
def test_an_acronym_and_a_place_without_a_role_stay_one_name(nlp, paragraph, span):
    parsed = parsed_of(nlp, "Radio", paragraph)
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, (span, "ORG", 1))))
    assert ents[span][0] == "ORG"
