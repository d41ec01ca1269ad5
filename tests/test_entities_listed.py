"""A word in a list of places is a place (:mod:`analysis.entities.listed`, round 8b)."""
from __future__ import annotations

import pytest

from analysis.entities.listed import split_commas, split_versus
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


@pytest.mark.parametrize("text, label, expected", [
    ("Quist, Okafor, Brandt, Ilves", "ORG", ["Quist", "Okafor", "Brandt", "Ilves"]),  # a line-up spaCy took as one
    ("Ada Maria Quist, Tomas Brandt", "PERSON", ["Ada Maria Quist", "Tomas Brandt"]),
    ("Skidmore, Owings & Merrill", "ORG", ["Skidmore, Owings & Merrill"]),  # a firm's partners
    ("John Carr, Jr.", "PERSON", ["John Carr, Jr."]),  # a suffix
    ("Housing, Local Government", "ORG", ["Housing, Local Government"]),  # a department's portfolios
    ("Paris, Texas", "GPE", ["Paris, Texas"]),  # a place and its state: another step's
])
def test_a_span_over_a_list_of_names_is_the_names(text, label, expected):
    assert [text[s:e] for s, e, _ in split_commas(text, 0, len(text), label)] == expected


def test_a_line_up_of_surnames_gives_each_player(nlp):
    m = resolved(nlp, "Harwick 2-1 Kell", ("Harwick: Given, Quist, Okafor, Brandt, Ilves, Tanaka, Varnholt, "
                                           "Moreau, Lindqvist, Ferreira, Hallam.",), {"^Brandt, Ilves": "ORG"})
    ents = entities_of(m)
    assert {"Brandt", "Ilves", "Tanaka", "Varnholt", "Hallam"} <= set(ents) and not any("," in e for e in ents)


@pytest.mark.parametrize("text, expected", [
    ("Harwick Rovers v Kell City", ["Harwick Rovers", "Kell City"]),  # a fixture
    ("Quist vs. Kell County", ["Quist", "Kell County"]),  # a case
    ("Harwick Rovers or Kell City", ["Harwick Rovers", "Kell City"]),  # a choice
    ("Ada Quist v the county", ["Ada Quist v the county"]),  # no name after it
])
def test_a_span_over_a_fixture_is_its_two_names(text, expected):
    assert [text[s:e] for s, e, _ in split_versus(text, 0, len(text), "ORG")] == expected
