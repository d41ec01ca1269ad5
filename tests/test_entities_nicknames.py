"""A person named with a nickname in quotation marks (:mod:`analysis.entities.nicknames`, issue 15 round 10):
the name whole, its surname and its nickname alone the same person; not in a title-case headline. Tiny
hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.nicknames import nickname, without_nickname
from tests.entity_texts import entities_of, mentions_of


@pytest.mark.parametrize("name, key, plain", [
    ('Tomasz "Tomek" Wierzba', "tomek", "Tomasz Wierzba"),
    ("Eilir \u2018Bryn\u2019 Pryce-Jones", "bryn", "Eilir Pryce-Jones"),
    ("Adaeze \u201cAD\u201d Okonkwo-Bell", "ad", "Adaeze Okonkwo-Bell"),
    ("Tomasz Wierzba", None, "Tomasz Wierzba"),
])
def test_a_nickname_inside_a_name(name, key, plain):
    assert nickname(name) == key
    assert without_nickname(name) == plain


@pytest.mark.parametrize("paragraphs, person, mentions", [
    (('The committee chair, Tomasz "Tomek" Wierzba, said the vote would pass.',
      "Wierzba later told reporters he had the numbers.",
      '"Tomek never loses a count," one deputy said.'), "Wierzba", 3),
    (("Opposition leader Cllr Eilir \u2018Bryn\u2019 Pryce-Jones proposed a smaller rise.",
      "\u2018Use the reserves,\u2019 said Cllr Pryce-Jones, known to the whole chamber as Bryn."),
     "Pryce-Jones", 3),
    (("Sen. Maria Teodora \"Dora\" Villacorte, who chairs the panel, asked for the files.",
      "Villacorte said the dike was never built."), "Maria Teodora", 2),
    (("The deal was signed by Adaeze \u201cAD\u201d Okonkwo-Bell, the fund\u2019s treasurer.",
      "\u201cWe waited a year,\u201d AD said."), "Okonkwo-Bell", 2),
])
def test_a_name_with_a_nickname_is_one_person_called_by_its_surname_and_its_nickname(nlp, paragraphs, person,
                                                                                  mentions):
    ents = entities_of(mentions_of(nlp, "Council vote set for Tuesday", *paragraphs))
    names = [e for e in ents if person in e]
    assert len(names) == 1, ents
    assert ents[names[0]] == ("PERSON", mentions)


def test_a_quoted_word_in_a_headline_is_no_nickname(nlp):
    ents = entities_of(mentions_of(nlp, "Harwick \u2018Wary\u2019 Over Port Budget",
                                   "The Harwick port board met on Monday."))
    assert not any("Wary" in e for e in ents), ents


@pytest.mark.parametrize("paragraphs, person, nick", [
    # round 11: the nickname and the surname make the person too
    (["Its president, Arturo \"Tuco\" Méndez, said growers paid three groups.",
      "\"Tuco Méndez is right,\" Aldana said."], 'Arturo "Tuco" Méndez', "Tuco Méndez"),
    # round 11: a nickname given after the name, "known (to fans) as", "alias"
    (["Soap star Dean Costigan appeared in court yesterday.",
      "Costigan, known to fans as 'Cozzy', is alleged to have lost his temper.",
      "A source said bosses were 'standing by Cozzy' for now."], "Dean Costigan", "Cozzy"),
    (["Police named Rogelio Ventura Ochoa, alias \"El Grillo,\" as the leader.",
      "El Grillo fled to the hills, officers said."], "Rogelio Ventura Ochoa", "El Grillo"),
])
def test_a_nickname_given_with_or_after_the_name_is_the_person(nlp, paragraphs, person, nick):
    m = mentions_of(nlp, "Court", *paragraphs)
    assert set(m.loc[m["text"] == nick, "entity"]) == {person}


def test_known_as_without_a_name_after_it_links_nothing(nlp):
    m = mentions_of(nlp, "Court", "Dean Costigan, known to fans as the nicest man on the set, denied it.",
                    "Tasha Quinlan said she was surprised.")
    assert set(m["entity"]) == {"Dean Costigan", "Tasha Quinlan"}
