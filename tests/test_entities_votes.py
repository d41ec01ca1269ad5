"""Labels by vote (:mod:`analysis.entities.votes`, issue 15): a "facility" where things happen, a foreign
consortium, a religious or ethnic group, a person cluster's label. Tiny hand-written texts with names other than
those of the test sets."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("paragraphs, name, label", [
    (("Dockers blocked the terminals at Le Corvenne on Thursday.",
      "\"We want our pensions back,\" said the union's secretary in Le Corvenne."), "Le Corvenne", "GPE"),
    (("Fans queued outside Corvenne Arena on Thursday.", "The concert in Corvenne Arena sold out."),
     "Corvenne Arena", "FAC"),  # a facility word: it stays a facility
])
def test_a_facility_without_a_facility_word_where_things_happen_is_a_place(nlp, paragraphs, name, label):
    m = resolved(nlp, "Port", paragraphs, {f"^{name}$": "FAC"})
    assert entities_of(m)[name] == (label, 2)


def test_a_foreign_consortium_is_an_organisation(nlp):
    m = resolved(nlp, "Floods", ("\"The pumps are full,\" said Marco Bellini, an engineer at the Consorzio di "
                                  "Tutela della Valdera, which runs the canals.",), {"Consorzio": "FAC"})
    assert entities_of(m)["Consorzio di Tutela della Valdera"][0] == "ORG"


@pytest.mark.parametrize("sentence, group", [
    ("Turnout among Hispanics rose in three counties, the survey found.", "Hispanics"),
    ("The charity said Muslims and Catholics in the town had raised the money together.", "Muslims"),
    ("The charity said Muslims and Catholics in the town had raised the money together.", "Catholics"),
    ("The poll asked 900 African-Americans about rents in the county.", "African-Americans"),
])
def test_a_religious_or_ethnic_group_is_no_place(nlp, sentence, group):
    m = resolved(nlp, "Survey", (sentence,), {f"^{group}$": "NORP"})  # spaCy's label, which the vote overturned
    row = m[m["text"] == group]
    assert len(row) and set(row["label"]) == {"NORP"}


@pytest.mark.parametrize("paragraphs, labels, person, n", [
    # round 8 (real news): a person's cluster is never a people, though spaCy reads the surname as one ("-ist")
    (("Donors backed Dale Harquist in the 2010 race.", "Harquist won the primary that spring.",
      "Harquist later left the party.", "Few voters remember Harquist now."),
     {"^Harquist$": "NORP"}, "Dale Harquist", 4),
    # a surname that is also a town word ("Grove", "Springs") where spaCy calls the full name a person
    (("The club hired Dana Grove as an assistant coach in March.", "Grove asked the players to run laps.",
      "Grove did not reply."), {"^Grove$": "ORG"}, "Dana Grove", 3),
    (("The coach, Tavi Springs, picked the team.", "Springs said the players were ready."),
     {"^Springs$": "ORG"}, "Tavi Springs", 2),
])
def test_a_person_cluster_keeps_its_surname_and_label(nlp, paragraphs, labels, person, n):
    ents = entities_of(resolved(nlp, "Race", paragraphs, labels))
    assert ents[person] == ("PERSON", n)
