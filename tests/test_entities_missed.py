"""Names spaCy missed (issue 15, the blind sets' errors): a word coordinated with a place, a dateline
in capitals named in the body, a hyphenated surname before "said"; and what is no name: an ordinary
word glued to a headline name, an ordinary word opening a sentence before a place noun. spaCy's
mistakes seen on real copy are forced on its raw entities to make them certain."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from analysis.nlp import load_nlp
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_of, resolved


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("sentence, place", [
    ("The firm will run 900 trucks from depots in Tarvin, Kellsby and Dunmoor.", "Dunmoor"),
    ("Lorries pass through the town on their way between Harlow Forum and Dunmoor.", "Dunmoor"),
    ("Patients must travel to Kellsby or Dunmoor for specialist care.", "Dunmoor"),
])
def test_a_word_coordinated_with_a_place_is_a_place(nlp, sentence, place):
    m = resolved(nlp, "Roads", (sentence,), {f"^{place}$": ""})  # spaCy missed it
    assert entities_of(m)[place][0] == "GPE"


def test_a_dateline_in_capitals_names_the_place_in_the_body(nlp):
    m = resolved(nlp, "Storm", ("KESSVIK, Norway, Jan 14 (Reuters) - Storm Ilse closed the Kessvik-Lomen railway on "
                                 "Tuesday.",), {"Kessvik-": ""})  # spaCy missed the body's
    assert entities_of(m)["Kessvik"] == ("GPE", 2)


def test_a_hyphenated_surname_before_said_is_whole(nlp):
    parsed = parsed_of(nlp, "Ice", "The study was led by Dr Mika Okabe-Lind of the polar institute.",
                       "\"It is thinner everywhere we looked,\" Okabe-Lind said.")
    raw = raw_of(parsed)
    ents = entities_of(resolve_article(parsed, raw[raw["paragraph"] < 2]))  # spaCy missed the speaker
    assert "Lind" not in ents and ents["Mika Okabe-Lind"] == ("PERSON", 2)


def test_an_ordinary_word_glued_to_a_headline_name_is_not_propagated(nlp):
    parsed = parsed_of(nlp, "Altamira Energía Shares Jump 9% on Bid",
                       "MADRID \u2014 Shares in Altamira Energía SA rose 9% on Tuesday after a bid.")
    raw = raw_of(parsed)
    raw = raw[raw["paragraph"] > 0]
    glued = pd.DataFrame([{"sentence_id": 0, "paragraph": 0, "start": 0, "end": len("Altamira Energía Shares"),
                           "text": "Altamira Energía Shares", "spacy_label": "PERSON"}])  # spaCy's glued span
    ents = entities_of(resolve_article(parsed, pd.concat([glued, raw], ignore_index=True)))
    assert "Shares" not in ents


def test_an_ordinary_word_starting_a_sentence_before_a_place_noun_is_no_place(nlp):
    m = mentions_of(nlp, "Dolphins", "Endangered river dolphins have returned to a stretch of the Tarvanne River.")
    assert "Endangered" not in entities_of(m)
