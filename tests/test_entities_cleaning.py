"""Cleaning spaCy's spans (:mod:`analysis.entities.cleaning`, issue 15): a legal suffix after a person span, a
hyphenated surname, a hyphenated title, an ordinary word opening a sentence. Tiny hand-written texts with names
other than those of the test sets."""
from __future__ import annotations

import pandas as pd
import pytest
from spacy.tokens import Span

from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_of, raw_spans, resolved


def test_a_person_span_ending_in_a_legal_suffix_is_a_company_grown_to_its_name(nlp):
    parsed = parsed_of(nlp, "Dam", "The dam's operator, Hidro Tarvanne SA, began releasing more water in 2023.")
    doc = next(u for u in parsed.units if u.paragraph == 1).doc
    tokens = [t.text for t in doc]
    doc.ents = [Span(doc, tokens.index("Tarvanne"), tokens.index("SA") + 1, label="PERSON")]  # spaCy's cut span
    assert entities_of(resolve_article(parsed, raw_of(parsed))) == {"Hidro Tarvanne SA": ("ORG", 1)}


@pytest.mark.parametrize("paragraphs, word, company", [
    (("Workers at Tarvo Platinum Ltd went on strike.",
      "Platinum group metal prices have fallen by a third since 2022."),
     "Platinum", "Tarvo Platinum Ltd"),
])
def test_an_ordinary_word_opening_a_sentence_is_no_name_for_being_a_later_word_of_a_name(nlp, paragraphs, word,
                                                                                         company):
    ents = entities_of(resolved(nlp, "Strike", paragraphs, {f"^{word}$": "ORG"}))
    assert word not in ents and company in ents


def test_an_ordinary_word_capitalised_after_a_lower_case_word_stays_a_name(nlp):
    ents = entities_of(resolved(nlp, "Strike", ("Shares in Platinum rose.", "Platinum said profit doubled."),
                                {"^Platinum$": "ORG"}))
    assert "Platinum" in ents


def test_a_hyphenated_surname_split_before_a_possessive_is_the_person(nlp):
    parsed = parsed_of(nlp, "Cotton", "Tomas Kellberg-Arvid, managing director of Tarvel Exporters, put it bluntly.",
                       "Kellberg-Arvid’s company buys mainly cotton.")
    text = parsed.article.text
    raw = raw_of(parsed)
    raw = raw[raw["paragraph"] < 2]
    start = text.index("Kellberg-Arvid’s")  # spaCy's piece on real copy: the first half, a place
    raw = pd.concat([raw, pd.DataFrame([{"sentence_id": 2, "paragraph": 2, "start": start, "end": start + 8,
                                         "text": "Kellberg", "spacy_label": "GPE"}])]).reset_index(drop=True)
    ents = entities_of(resolve_article(parsed, raw))
    assert ents["Tomas Kellberg-Arvid"] == ("PERSON", 2) and "Kellberg" not in ents and "Arvid" not in ents


@pytest.mark.parametrize("suffix", ["(Pvt) Ltd", "(Pty) Ltd", "(Private) Ltd"])
def test_a_person_span_before_a_bracketed_legal_suffix_is_a_company(nlp, suffix):
    parsed = parsed_of(nlp, "Tea", f"The figures were compiled by Kessock Hills Brokers {suffix} after the sale.")
    text = parsed.article.text
    start = text.index("Kessock")
    raw = pd.DataFrame([{"sentence_id": 1, "paragraph": 1, "start": start, "end": start + 21,
                         "text": "Kessock Hills Brokers", "spacy_label": "PERSON"}])  # spaCy's cut span
    assert entities_of(resolve_article(parsed, raw)) == {f"Kessock Hills Brokers {suffix}": ("ORG", 1)}


@pytest.mark.parametrize("paragraphs, outlet, person", [
    # round 8 (real news): an organisation's span grows over no hyphenated title after it
    (("The chief spoke in a discussion with Kellnet Editor-in-Chief Ada Quist on Thursday.",
      "He told Kellnet he would stay."), "Kellnet", "Ada Quist"),
])
def test_an_organisation_span_does_not_grow_over_a_hyphenated_title(nlp, paragraphs, outlet, person):
    ents = entities_of(mentions_of(nlp, "Talk", *paragraphs))
    assert ents[outlet] == ("ORG", 2) and ents[person][0] == "PERSON"


@pytest.mark.parametrize("paragraph, span, label, person", [  # round 10 (blind 14): a numbered seat in a title
    ("Her ally, District 3 Councilor Tomas Quell, backed the plan.", "District 3 Councilor", "ORG", "Tomas Quell"),
    ("Ward 5 Alderman Dora Vantreece voted against it.", "Ward 5", "PERSON", "Dora Vantreece"),
])
def test_a_numbered_seat_in_a_title_is_no_name(nlp, paragraph, span, label, person):
    parsed = parsed_of(nlp, "Budget vote", paragraph)
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, (span, label, 1), (person, "PERSON", 1))))
    assert set(ents) == {person}, ents
