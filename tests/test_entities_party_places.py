"""A place glued to a party's adjective before a common noun is the place
(:mod:`analysis.entities.party_places`, round 8b)."""
from __future__ import annotations

import pytest

from analysis.entities.party_places import party_place_end
from tests.entity_texts import entities_of, mentions_of


@pytest.mark.parametrize("text, span, expected", [
    ("on the Tarvel Democratic club circuit", "Tarvel Democratic club", "Tarvel"),
    ("an Iowa Republican who voted no", "Iowa Republican", "Iowa"),  # a known place
    ("the Tarvel Democratic Party met", "Tarvel Democratic Party", None),  # the party itself
    ("the Progressive Conservative caucus met", "Progressive Conservative", None),  # no place
    ("the Kellmoor Democratic club met", "Kellmoor Democratic club", None),  # not a place of the article
])
def test_a_place_before_a_party_adjective_and_a_common_noun_is_cut(text, span, expected):
    start = text.index(span)
    end = party_place_end(text, start, start + len(span), {"tarvel"})
    assert (text[start:end] if end is not None else None) == expected


def test_a_borough_before_a_party_adjective_is_a_place(nlp):
    ents = entities_of(mentions_of(nlp, "Aide", "Permits in Brooklyn, Queens and Staten Island went to one fixer.",
                                   "Ada Kell, an ally of the mayor from their days on the Queens Democratic club "
                                   "circuit, denied wrongdoing."))
    assert ents["Queens"] == ("GPE", 2) and "Queens Democratic" not in ents
