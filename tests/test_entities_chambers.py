"""A legislative chamber before a topic and a lower-case committee word (:mod:`analysis.entities.chambers`,
round 9)."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from analysis.entities.chambers import chamber_pieces
from analysis.nlp import load_nlp
from tests.entity_texts import entities_of, parsed_of


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


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_chamber_and_its_topic_stay_apart(nlp):
    parsed = parsed_of(nlp, "Hearing", "Ada Quist testified before a special House Tarvel committee in May.",
                       "The attack in Tarvel killed four people, and the House voted on Friday.")
    text = parsed.article.text
    first, place, house = text.index("House Tarvel"), text.index("in Tarvel") + 3, text.index("the House") + 4
    raw = pd.DataFrame([{"sentence_id": 1, "paragraph": 1, "start": first, "end": first + 12,
                         "text": "House Tarvel", "spacy_label": "ORG"},
                        {"sentence_id": 2, "paragraph": 2, "start": place, "end": place + 6, "text": "Tarvel",
                         "spacy_label": "GPE"},
                        {"sentence_id": 2, "paragraph": 2, "start": house, "end": house + 5, "text": "House",
                         "spacy_label": "ORG"}])
    ents = entities_of(resolve_article(parsed, raw))
    assert "House Tarvel" not in ents and ents["House"] == ("ORG", 2) and ents["Tarvel"] == ("GPE", 2)
