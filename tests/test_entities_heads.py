"""An organisation called by its head word alone (round 8, real news): "the Department" in an article naming one
department stands for it; not where two organisations share the head word. Tiny hand-written texts."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, mentions_of


@pytest.mark.parametrize("paragraphs, body, n", [
    (("The Kell Department of Roads said on Monday that the bridge would close.",
      "\"The Department is committed to safety,\" a spokesman said.",
      "Critics said the Department had ignored the warnings for years."), "Kell Department of Roads", 3),
    (("The Dornvale Water Authority raised its rates in May.", "The Authority said costs had doubled."),
     "Dornvale Water Authority", 2),
    (("The Dornvale Water Authority raised its rates in May.",  # round 10b: "to" + a verb after the head word
      "Tenants urged the Authority to freeze them until the pipes are fixed."), "Dornvale Water Authority", 2),
    # round 11: a tribunal
    (("The Kessport Lands Tribunal upheld the claim in 2009.",
      "Four claimants asked the Tribunal in 2021 to pause the talks."), "Kessport Lands Tribunal", 2),
])
def test_an_organisation_called_by_its_head_word_alone(nlp, paragraphs, body, n):
    m = mentions_of(nlp, "Rates", *paragraphs)
    ents = entities_of(m)
    assert ents[body] == ("ORG", n)
    assert not {"Department", "Authority", "Tribunal"} & set(ents)


def test_a_head_word_shared_by_two_organisations_stays_apart(nlp):
    m = mentions_of(nlp, "Roads", "The Kell Department of Roads and the Dornvale Department of Health met on Monday.",
                    "The Department said the talks went well.")
    assert not set(m.loc[m["text"] == "Department", "entity"]) & {"Kell Department of Roads",
                                                                   "Dornvale Department of Health"}


# round 10 (real news, blind 14): a legislative chamber called by its head word beside one state's chamber


@pytest.mark.parametrize("paragraphs, body", [
    (("The Nebraska Legislature passed the water bill on Friday.", "The Legislature will take it up again in May."),
     "Nebraska Legislature"),
    (("The Vermont Senate approved the budget late on Tuesday.", "Leaders said the Senate would adjourn in June."),
     "Vermont Senate"),
])
def test_a_chamber_called_by_its_head_word_alone(nlp, paragraphs, body):
    ents = entities_of(mentions_of(nlp, "Budget", *paragraphs))
    assert ents[body][1] == 2, ents


def test_the_house_is_no_short_form_of_the_white_house(nlp):
    m = mentions_of(nlp, "Bill", "Aides at the White House declined to comment on Monday.",
                    "The House passed the bill later that week.")
    assert "White House" not in set(m.loc[m["text"] == "House", "entity"])
