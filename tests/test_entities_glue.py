"""Spans glued over more than one name (round 8, real news): a span holding a verb in lower case is cut at
it, and a person's name before a known organisation's is split off, so neither glued span names a cluster
and takes the short mentions of the real names. Tiny hand-written texts; spaCy's glued span, seen on real
copy, is forced on its raw entities to make it certain."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from analysis.entities.glue import connective_end, hyphen_start, owner_pieces
from tests.entity_texts import entities_of, parsed_of, raw_of


def glued(nlp, paragraphs: tuple[str, ...], span: str, label: str) -> pd.DataFrame:
    """Mentions resolved after spaCy's entities overlapping the first ``span`` of the body are replaced by
    that one span, labelled ``label``."""
    parsed = parsed_of(nlp, "Talks", *paragraphs)
    raw = raw_of(parsed)
    text = parsed.article.text
    start = text.index(span, len(parsed.article.title))
    end = start + len(span)
    over = (raw["start"] < end) & (raw["end"] > start)
    unit = next(u for u in parsed.units if u.start <= start < u.start + len(u.doc.text))
    sentence = int(raw.loc[over, "sentence_id"].iloc[0]) if over.any() else int(raw["sentence_id"].max()) + 1
    row = {"sentence_id": sentence, "paragraph": unit.paragraph, "start": start, "end": end, "text": span,
           "spacy_label": label}
    raw = pd.concat([raw[~over], pd.DataFrame([row])], ignore_index=True).sort_values("start")
    return resolve_article(parsed, raw.astype(raw_of(parsed).dtypes.to_dict()))


@pytest.mark.parametrize("paragraphs, span, label, person, other", [
    (("Ada Quist spoke in Dornvale on Monday.", "Quist told The Kell Herald she would run.",
      "Quist later left the hall.", "The Kell Herald did not say more."),
     "Quist told The Kell Herald", "WORK_OF_ART", "Ada Quist", "Kell Herald"),
    (("Tomas Brandt met donors on Friday.", "Brandt says Harlow Partners will fund him.", "Brandt smiled."),
     "Brandt says Harlow Partners", "ORG", "Tomas Brandt", "Harlow Partners"),
])
def test_a_span_with_a_verb_is_cut_into_the_names_around_it(nlp, paragraphs, span, label, person, other):
    ents = entities_of(glued(nlp, paragraphs, span, label))
    assert ents[person] == ("PERSON", 3)
    assert ents[other][0] == "ORG" and span not in ents


@pytest.mark.parametrize("paragraphs, span, person, body", [
    (("President Ada Quist met the governors on Monday.", "Quist said the talks went well.",
      "Two of her aides served in the Quist White House before.", "Quist left for Ohio."),
     "Quist White House", "Ada Quist", "White House"),
    (("Secretary Tomas Brandt spoke to reporters.", "Brandt said the budget was sound.",
      "Veterans of the Brandt State Department disagreed.", "Brandt did not reply."),
     "Brandt State Department", "Tomas Brandt", "State Department"),
])
def test_a_person_before_a_known_organisation_is_split_off(nlp, paragraphs, span, person, body):
    ents = entities_of(glued(nlp, paragraphs, span, "PERSON"))
    assert ents[person] == ("PERSON", 4)
    assert ents[body] == ("ORG", 1) and span not in ents


@pytest.mark.parametrize("text, span, expected", [
    # an institution's name cut before "for", "of" or "on" and its last words grows over them
    ("a talk hosted by the Kell Center for Rural Studies in Dornvale", "Kell Center", "Kell Center for Rural Studies"),
    ("said the Committee for a Sound Federal Budget, a group", "Committee for", "Committee for a Sound Federal Budget"),
    ("the Office of Rural Policy and Outreach, said", "Office of Rural Policy",
     "Office of Rural Policy and Outreach"),
    # not over a day, a name, a title, or a name after "and"
    ("the Kell Council on Monday", "Kell Council", "Kell Council"),
    ("voted in Congress for Quist", "Congress", "Congress"),
    ("the Senate on Iran", "Senate", "Senate"),
    ("the Ministry of Health and Oxfam, which", "Ministry of Health", "Ministry of Health"),
    # session 10: a name with "for" as with "of"
    ("the Department for Education and Skills said", "Department for Education",
     "Department for Education and Skills"),
    ("the Kell Council Ada Quist", "Kell Council", "Kell Council"),
])
def test_an_institution_cut_before_a_connective_grows_over_it(text, span, expected):
    start = text.index(span)
    assert text[start:connective_end(text, start, start + len(span), "ORG")] == expected


@pytest.mark.parametrize("text, span, expected", [
    # a name before a social network in one span is two names ("a Kellnet Facebook chat")
    ("asked her during a Kellnet Facebook chat", "Kellnet Facebook", ["Kellnet", "Facebook"]),
    ("posted on the Dornvale Herald Twitter feed", "Dornvale Herald Twitter", ["Dornvale Herald", "Twitter"]),
    ("the Thomson Reuters deal", "Thomson Reuters", ["Thomson Reuters"]),  # no social network
    ("said Chief Twitter", "Chief Twitter", ["Chief Twitter"]),
])
def test_a_name_before_a_social_network_is_split_off(text, span, expected):
    start = text.index(span)
    assert [text[s:e] for s, e, _ in owner_pieces(text, start, start + len(span), "ORG", None)] == expected


@pytest.mark.parametrize("text, span, expected", [
    # session 10 (real BBC news): a person's name cut after the hyphen of a given name
    ("beat Jan-Michael Tarvell in three sets", "Michael Tarvell", "Jan-Michael Tarvell"),
    ("and Hyung-Taik Quist of Kell lost", "Taik Quist", "Hyung-Taik Quist"),
    ("the Paris-Dornvale Express", "Dornvale Express", "Dornvale Express"),  # a known place is no given name
    ("the mid-Ada Quist years", "Ada Quist", "Ada Quist"),  # nor a word in lower case
])
def test_a_name_cut_after_a_hyphenated_given_name_grows_over_it(text, span, expected):
    start = text.index(span)
    assert text[hyphen_start(text, start, start + len(span), "PERSON"):start + len(span)] == expected
