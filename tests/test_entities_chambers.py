"""A legislative chamber before a topic and a lower-case committee word (:mod:`analysis.entities.chambers`,
round 9)."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from analysis.entities.chambers import chamber_pieces
from tests.entity_texts import entities_of, parsed_of, raw_spans


@pytest.mark.parametrize("sentence, span, names, expected", [
    ("before the House Tarvel committee on Monday", "House Tarvel", {"tarvel"}, ["House", "Tarvel"]),
    ("before the House Tarvel committee on Monday", "House Tarvel", set(), ["House"]),  # no name of the article
    ("the Senate Iran panel met", "Senate Iran", set(), ["Senate", "Iran"]),  # a known place
    ("the House Tarvel select committee met", "House Tarvel select committee", {"tarvel"}, ["House", "Tarvel"]),
    ("the House Ways and Means Committee met", "House Ways and Means Committee", set(),
     ["House Ways and Means Committee"]),  # a committee's own name
    ("the House Tarvel said", "House Tarvel", {"tarvel"}, ["House Tarvel"]),  # no committee word after it
])
def test_a_chamber_before_a_topic_and_committee_is_split(sentence, span, names, expected):
    start = sentence.index(span)
    pieces = chamber_pieces(sentence, start, start + len(span), "ORG", names=names)
    assert [sentence[s:e] for s, e, _ in pieces] == expected


def test_the_chamber_and_its_topic_stay_apart(nlp):
    parsed = parsed_of(nlp, "Hearing", "Ada Quist testified before a special House Tarvel committee in May.",
                       "The attack in Tarvel killed four people, and the House voted on Friday.")
    raw = raw_spans(parsed, ("House Tarvel", "ORG", 1), ("Tarvel", "GPE", 2), ("House", "ORG", 2))
    ents = entities_of(resolve_article(parsed, raw))
    assert "House Tarvel" not in ents and ents["House"] == ("ORG", 2) and ents["Tarvel"] == ("GPE", 2)
