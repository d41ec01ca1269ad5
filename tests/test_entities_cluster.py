"""Clustering and labels (issue 15, the blind sets' errors): a compound surname alone, an acronym in
brackets, a company's name without its legal suffix, a club spaCy calls a person, a "facility" where
things happen, foreign organisation words. Tiny hand-written texts with names other than those of the
test sets; spaCy's mistakes seen on real copy are forced on its raw entities to make them certain."""
from __future__ import annotations

import pytest

from analysis.entities.cluster import _abbreviates
from analysis.nlp import load_nlp
from tests.entity_texts import entities_of, mentions_of, resolved


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("paragraphs, person, alone", [
    (["The team, led by biologist Marta Solano Vieira, counted the birds in May.",
      "\"We did not expect them,\" Solano Vieira said."], "Marta Solano Vieira", "Solano Vieira"),
    (["The report was written by Carmen Duarte Pires, a researcher at the institute.",
      "Duarte Pires said the data were clear."], "Carmen Duarte Pires", "Duarte Pires"),
])
def test_a_compound_surname_alone_joins_its_person(nlp, paragraphs, person, alone):
    ents = entities_of(mentions_of(nlp, "Birds", *paragraphs))
    assert ents[person] == ("PERSON", 2)
    assert alone not in ents


@pytest.mark.parametrize("name, acronym, expected", [
    ("Korea Polar Research Institute", "KOPRI", True), ("Sindicato Nacional de Trabajadores Mineros", "SNTM", True),
    ("Tarvin Polar Research Institute", "TAPRI", True), ("United Nations", "UN", True),
    ("Tarvin Polar Research Institute", "NATO", False), ("Alpha Beta", "ABC", False), ("Alpha Beta", "BA", False),
])
def test_an_acronym_stands_for_a_name(name, acronym, expected):
    assert _abbreviates(acronym, name) is expected


def test_an_acronym_in_brackets_joins_the_name_before_it(nlp):
    m = mentions_of(nlp, "Ice", "\"The models are kind,\" said Kim Dae-ho, a physicist at the Tarvin Polar Research "
                    "Institute (TAPRI) in Incheon.", "His group at TAPRI plans an expedition.")
    ents = entities_of(m)
    assert ents["Tarvin Polar Research Institute"] == ("ORG", 3) and "TAPRI" not in ents


def test_a_company_without_its_legal_suffix_is_no_person(nlp):
    m = resolved(nlp, "Strike", ("Some 2,000 workers at Korvel Andina SA walked off the job on Wednesday.",
                                  "Korvel Andina, which is controlled by a Madrid group, called the stoppage illegal."),
                  {"^Korvel Andina$": "PERSON"})
    assert entities_of(m)["Korvel Andina SA"] == ("ORG", 2)


def test_a_club_spacy_calls_a_person_takes_its_short_form_in_a_match_report(nlp):
    paragraphs = ("Harwick Rovers reached the final with a 22-18 win on Sunday, scoring in the last minute.",
                  "\"We were the better side,\" said Rovers coach Dan Pell, whose striker missed a penalty.")
    m = resolved(nlp, "Harwick Rovers Hold Off Leigh Vale to Reach Final", paragraphs, {"^Harwick Rovers$": "PERSON"})
    ents = entities_of(m)
    assert ents["Harwick Rovers"][1] == 3 and "Rovers" not in ents  # the headline's has no club cue


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
