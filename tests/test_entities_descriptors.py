"""Words around a name (:mod:`analysis.entities.descriptors`, issue 15): a role noun or an adjective before a name,
an outlet's channel number, "X without Y", a caption's next field, a family, the people of a name. Tiny hand-
written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.descriptors import (
    descriptor_end,
    field_end,
    is_family,
    nationality_noun,
    number_end,
    residents_of,
    without_start,
)
from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("words, sentence_start, label, expected", [
    (["Winger", "Tomasi", "Vea"], True, "PERSON", 1),
    (["Midfielder", "Kerem", "Aydın"], True, "PERSON", 1),
    (["Defender", "Ilse", "Vandam"], True, "PERSON", 1),
    (["Winger", "Tomasi", "Vea"], False, "PERSON", 0),  # mid-sentence: spaCy's span is kept
    (["Hunter", "Vea"], True, "PERSON", 0),  # a first name
    (["Striker", "Vea"], True, "PERSON", 0),  # one word left: "Striker" may be a given name
    # round 5 (blind 8): a player's position that is also a word of names ("Centre")
    (["Centre", "Noah", "Pelletier"], True, "PERSON", 1),
    (["Goaltender", "Noah", "Pelletier"], True, "PERSON", 1),
    (["Centre", "Noah", "Pelletier"], False, "PERSON", 0),  # mid-sentence: spaCy's span is kept
    (["Centre", "Pompidou"], True, "ORG", 0),
    # round 8b: netball's and rugby's positions
    (["Shooter", "Ana", "Tuilagi"], True, "PERSON", 1),
    (["Hooker", "Ana", "Tuilagi"], True, "PERSON", 1),
])
def test_a_role_noun_before_a_full_name_is_stripped(words, sentence_start, label, expected):
    assert descriptor_end(words, sentence_start=sentence_start, elsewhere=False, label=label) == expected


# session 10 (real BBC news): a person named by nationality before the name ("Frenchman Luc Tarvell")
@pytest.mark.parametrize("name, expected", [
    ("Frenchman Luc Tarvell", 1), ("Swede Nils Varnholt", 1), ("Briton Tom Quist", 1),
    ("Irishman Sean Okafor", 1), ("Scot Andy Brandt", 1),
    ("American Andy Lindqvist", 0),  # the adjective: only before a given name the lexicon knows
    ("Philippine Air Force", 0), ("British American Tobacco", 0), ("Russian Grand Prix", 0),
    ("Kenyan Wildlife Service", 0), ("Scots Guards Band", 0),
])
def test_a_nationality_noun_before_a_full_name_is_stripped(name, expected):
    for sentence_start in (True, False):
        assert descriptor_end(name.split(), sentence_start=sentence_start, elsewhere=False, label="ORG") == expected


@pytest.mark.parametrize("word, kind", [("Frenchman", "noun"), ("Swede", "noun"), ("Irishwoman", "noun"),
                                        ("American", "adjective"), ("Kenyan", "adjective"), ("Fisherman", ""),
                                        ("Dornvale", "")])
def test_nationality_nouns(word, kind):
    assert nationality_noun(word) == kind


@pytest.mark.parametrize("words, sentence_start, elsewhere, label, expected", [
    # round 11: a function word or adjective glued to a surname at a sentence start
    (["Against", "Marwick"], True, False, "PERSON", 1),  # "Against Marwick, the motion failed"
    (["Among", "Marwick", "Quell"], True, False, "PERSON", 1),
    (["Its", "Dalvania"], True, False, "PERSON", 1),  # "Its Dalvania office", spaCy's PERSON
    (["Top", "Marwick"], True, True, "PERSON", 1),  # "Top Marwick aides said"
    (["Top", "Marwick"], True, False, "PERSON", 0),  # the rest never alone
    (["Against", "Marwick"], False, False, "PERSON", 0),  # mid-sentence
    (["Rich", "Marwick"], True, True, "PERSON", 0),  # a given name (NNP in the lexicon)
    (["Young", "Marwick"], True, True, "PERSON", 0),
    (["Our", "Principles", "Fund"], True, False, "ORG", 0),  # an organisation's name
])
def test_an_opening_word_glued_to_a_surname_is_stripped(words, sentence_start, elsewhere, label, expected):
    assert descriptor_end(words, sentence_start=sentence_start, elsewhere=elsewhere, label=label) == expected


@pytest.mark.parametrize("text, span, expected", [
    ("the mayor told Tele Corvo News 24 on Monday", "Tele Corvo News", "Tele Corvo News 24"),
    ("shown on Kanal Sport 2.", "Kanal Sport", "Kanal Sport 2"),
    ("Corvo News 24 hours later", "Corvo News", "Corvo News"),  # a duration
    ("Corvo News 12% up", "Corvo News", "Corvo News"),
    ("Corvo Holdings 24 times", "Corvo Holdings", "Corvo Holdings"),  # no media word
])
def test_an_outlet_keeps_its_channel_number(text, span, expected):
    start = text.index(span)
    assert text[start:number_end(text, start, start + len(span))] == expected


@pytest.mark.parametrize("text, span, expected", [
    ("Help came. Dokters Sans Grenzen trained two nurses.", "Sans Grenzen", "Dokters Sans Grenzen"),
    ("Tarvanne Without Walls said so.", "Walls", "Tarvanne Without Walls"),
    ("the Sans Grenzen group", "Sans Grenzen", "Sans Grenzen"),  # nothing capitalised before it
    ("said Anna Walls", "Walls", "Walls"),
])
def test_an_organisation_named_x_without_y_is_whole(text, span, expected):
    start = text.index(span)
    end = start + len(span)
    assert text[without_start(text, start, end):end] == expected


@pytest.mark.parametrize("text, span, expected", [
    # round 7 (real news): a caption's fields glued together; a name ends before the next field's label
    ("Name: Ada Quist Age: 41City: Port KellJob: Nurse", "Ada Quist Age", "Ada Quist"),
    ("Name: Ada Quist Age: 41City: Port KellJob: Nurse", "Port KellJob", "Port Kell"),
    ("Name: Ada Quist Age: 27 Job: nurse", "Ada Quist Age", "Ada Quist"),
    ("Kansas City: the mayor said", "Kansas City", "Kansas City"),  # no caption of fields
    ("Ada Quist Age 27", "Ada Quist Age", "Ada Quist Age"),  # no colon: no field
    ("Harlow Academy: results", "Harlow Academy", "Harlow Academy"),  # no field word
])
def test_a_name_glued_to_a_captions_next_field_label_is_cut(text, span, expected):
    start = text.index(span)
    assert text[start:field_end(text, start, start + len(span))] == expected


def test_a_caption_of_glued_fields_gives_its_names(nlp):
    ents = entities_of(resolved(nlp, "Protest", ("Workers marched in Port Kell on Tuesday.",
                                                 "Name: Ada Quist Age: 41City: Port KellJob: NursePay: $22 an hour."),
                                {"Ada Quist Age": "PERSON", "NursePay": "ORG"}))
    assert ents["Ada Quist"] == ("PERSON", 1) and not any("Age" in e or "Pay" in e for e in ents)


@pytest.mark.parametrize("text, span, family", [
    # round 7 (real news): "the" + the plural of a surname of the article is a family, no one person
    ("every summer the Quists move to the coast", "Quists", True),
    ("every summer the Quists move to the coast", "the Quists", True),
    ("Quists Ltd said", "Quists", False),  # no "the"
    ("the Harlows won", "Harlows", False),  # no person of the article so named
])
def test_a_family_is_no_person(text, span, family):
    start = text.index(span)
    assert is_family(text, start, start + len(span), frozenset({"ada quist", "quist"})) is family


@pytest.mark.parametrize("surface, names, residents", [
    # round 7 (real news): the people of a name of the article, named after it
    ("Main Streeters", {"main street"}, True),
    ("Kellites", {"kell"}, True),
    ("Main Streeters", set(), False),  # no such name in the article
    ("Peters", {"pet"}, False),  # too short a name to be one's people
    ("Reuters", {"reut"}, False),
    # round 10 (blind 14): the people of a known place of the article with "-ns" or "-ans"
    ("Oklahomans", {"oklahoma"}, True),
    ("Texans", {"texas"}, True),
    ("Floridians", {"florida"}, True),
    ("Oklahomans", set(), False),
    ("Evans", {"eva"}, False),  # no known place
])
def test_the_people_of_a_name_are_no_name(surface, names, residents):
    assert residents_of(surface, names) is residents


def test_the_people_of_a_name_are_a_group(nlp):
    ents = entities_of(resolved(nlp, "Banks", ("Critics of Main Street banks met on Monday.",
                                               "Main Streeters filled the hall."),
                                {"^Main Street$": "ORG", "Main Streeters": "ORG"}))
    assert ents["Main Streeters"][0] == "NORP"


@pytest.mark.parametrize("words, sentence_start, elsewhere, expected", [
    # round 8 (real news): an adjective opening a sentence before a known organisation written alone elsewhere
    (["Top", "State", "Department"], True, True, 1), (["Leading", "White", "House"], True, True, 0),  # VBG
    (["Top", "State", "Department"], False, True, 0), (["Top", "State", "Department"], True, False, 0),
    (["Great", "Britain"], True, True, 0),  # a known place whole
])
def test_an_adjective_before_a_known_organisation_goes(words, sentence_start, elsewhere, expected):
    assert descriptor_end(words, sentence_start=sentence_start, elsewhere=elsewhere, label="ORG") == expected


def test_the_people_of_a_known_place_stay_a_people(nlp):  # round 10 (blind 14)
    m = resolved(nlp, "Vote", ("Texas lawmakers met on Monday.", "Most Texans backed the plan."), {"^Texans$": "NORP"})
    assert set(m.loc[m["text"] == "Texans", "label"]) == {"NORP"}
