"""A word a person's surname or an organisation's name shares with a town is the town where a sentence
says so (issue 15, round 10b): "of" after a settlement noun or a compass word, "from" after a noun of
people, a list of places after a locative preposition, and the dateline's town."""
from __future__ import annotations

import pytest

from analysis.entities.place_cues import place_object
from tests.entity_texts import entities_of, mentions_of, resolved


@pytest.mark.parametrize("sentence, word, placed", [
    ("She grew up in the suburb of Ardley and moved away at 18.", "Ardley", True),
    ("He runs 900 ewes on rolling country south-east of Tarvin.", "Tarvin", True),
    ("Nora Quill, a mother of two from Dunmore, said the plan was rushed.", "Dunmore", True),
    ("Visitors from Ballykeel packed the pubs on Saturday.", "Ballykeel", True),
    ("A letter from Ardley reached the council on Monday.", "Ardley", False),
    ("The board of Ardley met on Monday.", "Ardley", False),
])
def test_a_preposition_puts_a_name_in_a_place(nlp, sentence, word, placed):
    doc = nlp(sentence)
    start = sentence.index(word)
    assert place_object(doc.char_span(start, start + len(word))) is placed


@pytest.mark.parametrize("title, paragraphs, place, person", [
    ("Lawmaker Backs Grid Bill", ("Rep. Dale Brenner, whose district includes the city of Brenner, backed the bill.",
                                  "Brenner said the outages had gone on too long."), "Brenner", "Dale Brenner"),
    ("Candidate Opens Offices", ("Her campaign has offices in Nashua, Manchester, Kellard and Portsmouth.",
                                 "On Friday state Rep. Carla Kellard endorsed her.",
                                 "Kellard said she listens."), "Kellard", "Carla Kellard"),
])
def test_a_town_sharing_a_persons_surname_is_the_town(nlp, title, paragraphs, place, person):
    ents = entities_of(mentions_of(nlp, title, *paragraphs))
    assert ents[place] == ("GPE", 1)
    assert ents[person] == ("PERSON", 2)


def test_the_datelines_town_is_no_company_named_after_it(nlp):
    """spaCy calls the bare town an organisation, as on real copy; the dateline says it is the town."""
    zone = "Qarrah Oil Industry Zone"
    ents = entities_of(resolved(
        nlp, "Barges Added as Qarrah Demand Recovers",
        ("QARRAH — Kell Marine Fuels LLC, a supplier at the Qarrah anchorage, has taken delivery of three barges.",
         "The company runs barges between Qarrah and Kell.",
         f"Sales at Qarrah rose in September, in data published by the {zone} (QOIZ). Grades made up 70 percent"
         " of the QOIZ figures.",
         "Prices at Qarrah have climbed with crude."),
        {"^Qarrah$": "ORG", f"^{zone}$": "ORG"}))
    assert ents["Qarrah"] == ("GPE", 6)
    assert ents[zone] == ("ORG", 3)
