"""A person's name behind role words in a span spaCy calls an organisation (:mod:`analysis.entities.titled`,
round 9)."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from analysis.entities.titled import titled_person_start
from tests.entity_texts import entities_of, parsed_of, raw_spans

_NAMES = frozenset({"quist", "brandt", "tarvel"})
_PEOPLE = frozenset({"quist"})


@pytest.mark.parametrize("surface, expected", [
    ("Ranking Democrat Ada B. Quist", "Ada B. Quist"),  # a surname of the article
    ("Superintendent Craig Tennant", "Craig Tennant"),  # a common given name
    ("Liberals Elena Marsh", "Elena Marsh"),
    ("Presidents Quist", "Quist"),  # one word: only a person of the article
    ("House Tarvel", None),  # a name of the article, no person's
    ("General Dempster", None), ("General Motors", None), ("General Electric Company", None),
    ("Fort George Meade", None),  # a place's opener, no role
    ("Boston Red Sox", None), ("National Rifle Association", None), ("Young Republicans", None),
    ("Tarvel Craig Tennant", None),  # a name before it, no role word
    ("Energy Watch Tarvel", None), ("Energy Watch Bulgaria", None),  # a modifier only; a place
    ("Grace Ada Quist", None),  # a given name that is also a word opens the name
    ("Coalition Avenir Tarvel", None), ("Public Health Tarvel", None), ("Hurricane Quist", None),  # no role words
])
def test_a_name_behind_role_words_is_found(surface, expected):
    start = titled_person_start(surface, 0, len(surface), _NAMES, _PEOPLE)
    assert (surface[start:] if start is not None else None) == expected


def test_a_titled_person_spacy_calls_an_organisation_is_the_person(nlp):
    parsed = parsed_of(nlp, "Panel", "Ranking Democrat Ada B. Quist said the panel had wasted money.",
                       "Quist has long opposed it.")
    raw = raw_spans(parsed, ("Ranking Democrat Ada B. Quist", "ORG", 1), ("Quist", "GPE", 2))
    ents = entities_of(resolve_article(parsed, raw))
    assert "Ranking Democrat Ada B. Quist" not in ents and ents["Ada B. Quist"] == ("PERSON", 2)
