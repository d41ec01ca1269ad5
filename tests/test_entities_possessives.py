"""A span split at an inner possessive (:mod:`analysis.entities.possessives`); the article-level tests are in
``tests/test_entities_article.py``."""
from __future__ import annotations

import pytest

from analysis.entities.possessives import possessive_pieces

_PEOPLE = frozenset({"marta kovacs", "kovacs"})


@pytest.mark.parametrize("surface, label, people, expected", [
    ("Azerbaijan’s Ministry of Energy", "ORG", None, ["Azerbaijan", "Ministry of Energy"]),  # a known place
    # round 7 (real news): a person of the article, or a full name spaCy calls a person, owns the name after it
    ("Kovacs’s Redwood Capital Group", "ORG", _PEOPLE, ["Kovacs", "Redwood Capital Group"]),
    ("Ada Quist’s Almanac", "PERSON", frozenset(), ["Ada Quist"]),  # a work's ordinary word goes
    ("Kovacs’s Redwood Capital Group", "ORG", None, ["Kovacs’s Redwood Capital Group"]),  # not in a headline
    ("Brandt’s Redwood Capital Group", "ORG", _PEOPLE, ["Brandt’s Redwood Capital Group"]),  # no such person
    # round 8b: an irregular plural's possessive opens a body's name, no owner
    ("Northern People's Party", "ORG", frozenset(), ["Northern People's Party"]),
    ("Tarvel Women’s Institute", "ORG", frozenset(), ["Tarvel Women’s Institute"]),
    ("Children’s Fund", "ORG", None, ["Children’s Fund"]),
])
def test_a_span_is_split_at_an_inner_possessive(surface, label, people, expected):
    text = f"x {surface} y"
    pieces = possessive_pieces(text, 2, 2 + len(surface), label, people)
    assert [text[s:e] for s, e, _ in pieces] == expected


@pytest.mark.parametrize("surface, alone, expected", [
    # round 9: ordinary words after an owner the article names alone go (an award, a list, a column)
    ("Kellnet’s Person", {"kellnet"}, ["Kellnet"]),
    ("Kellnet’s Best Places", {"kellnet"}, ["Kellnet"]),
    ("Kellnet’s Person", set(), ["Kellnet’s Person"]),  # the owner never alone: left whole
    ("Kellnet’s Board", {"kellnet"}, ["Kellnet", "Board"]),  # a body's head word: two names
    ("Kellnet’s Directorate-General for Trade", {"kellnet"}, ["Kellnet", "Directorate-General for Trade"]),
    ("Kellnet’s Directorate-General for Trade", set(), ["Kellnet’s Directorate-General for Trade"]),
])
def test_ordinary_words_after_an_owner_named_alone_go(surface, alone, expected):
    text = f"x {surface} y"
    pieces = possessive_pieces(text, 2, 2 + len(surface), "ORG", frozenset(), alone=alone)
    assert [text[s:e] for s, e, _ in pieces] == expected
    if expected == ["Kellnet"]:  # not in the headline, where a possessive often opens a work's title
        assert possessive_pieces(text, 2, 2 + len(surface), "ORG", None, alone=alone)[0][1] == 2 + len(surface)


@pytest.mark.parametrize("surface, label, expected", [
    # round 10 (real news): an outlet's or a company's person after its possessive
    ("Kellnet’s Dora Vantreece", "ORG", ["Kellnet", "Dora Vantreece"]),
    ("Harbor Courier’s Dora Vantreece", "ORG", ["Harbor Courier", "Dora Vantreece"]),
    ("Harbor News’ Dora Vantreece", "ORG", ["Harbor News", "Dora Vantreece"]),  # a plural's possessive too
    ("Harbor News’ Washington", "ORG", ["Harbor News", "Washington"]),
    ("Kell Citizens’ Alliance", "ORG", ["Kell Citizens’ Alliance"]),  # the members' body
    ("Kellnet’s Political Editor", "ORG", ["Kellnet’s Political Editor"]),  # no person's name
])
def test_a_person_after_an_organisations_possessive_is_split_off(surface, label, expected):
    text = f"x {surface} y"
    pieces = possessive_pieces(text, 2, 2 + len(surface), label, frozenset())
    assert [text[s:e] for s, e, _ in pieces] == expected
