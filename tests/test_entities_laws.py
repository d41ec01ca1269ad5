"""A name right before "Act" or "Acts" is a law's (:mod:`analysis.entities.laws`, round 8b)."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from analysis.entities.laws import act_end, is_act, mark_acts
from analysis.entities.mention import Mention
from tests.entity_texts import entities_of, parsed_of, raw_spans


@pytest.mark.parametrize("text, end, expected", [
    ("under the Licensing Acts arising", 19, 24), ("the Tarvel Water Act of 2019", 16, 20),
    ("the Tarvel Actors Guild", 10, None), ("Tarvel acts fast", 6, None),
])
def test_act_after_a_name_ends_a_law(text, end, expected):
    assert act_end(text, end) == expected


def test_a_name_cut_before_acts_is_a_law_and_names_nothing_else(nlp):
    parsed = parsed_of(nlp, "Fine", "Ada Quist pleaded guilty to two offences under the Licensing Acts on Monday.",
                       "“Licensing hours are not a suggestion,” the judge said.")
    raw = raw_spans(parsed, ("Licensing", "LOC", 1))  # spaCy's cut span and label on such copy
    ents = entities_of(resolve_article(parsed, raw))
    assert "Licensing" not in ents and ents["Licensing Acts"][0] == "LAW"


@pytest.mark.parametrize("surface, expected", [
    ("Fair Rents Act", True), ("Tarvel Water Acts", True), ("Act", False), ("Tarvel Actors Guild", False),
    ("ACT", False), ("Tarvel Act Party", False),
])
def test_a_span_ending_with_act_is_a_law(surface, expected):
    assert is_act(surface) is expected


def test_a_law_spacy_calls_an_organisation_names_no_organisation(nlp):
    parsed = parsed_of(nlp, "Rents", "Ada Quist said the Fair Rents Act would be repealed by June.")
    raw = raw_spans(parsed, ("Fair Rents Act", "ORG", 1))
    ents = entities_of(resolve_article(parsed, raw))
    assert ents["Fair Rents Act"][0] == "LAW"


def test_every_mention_of_an_act_is_a_law_whoever_found_it():
    found = [Mention(1, 1, 4, 24, "Digital Services Act", "", "pattern"),
             Mention(1, 1, 30, 40, "Ada Quist", "PERSON", "ner"),
             Mention(-1, -1, -1, -1, "Tarvel Act", "", "byline")]
    assert [(m.spacy_label, m.hint) for m in mark_acts(found)] == [("LAW", "LAW"), ("PERSON", ""), ("", "")]
