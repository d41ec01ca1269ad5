"""What a name's sentence says (issue 15, the fourth blind set's errors): a long name with a person's
appositive, the owner of a board role. spaCy's mistakes seen on real copy are forced on its raw
entities to make them certain."""
from __future__ import annotations

import pytest

from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, parsed_of, raw_of, resolved


def test_a_long_name_takes_a_persons_cue_when_spacy_calls_it_an_organisation(nlp):
    parsed = parsed_of(nlp, "Markets", "\"Prices will rise,\" said Itziar Goikoetxea Arana, an analyst at Banco Norte.",
                       "Goikoetxea Arana raised her target.")
    raw = raw_of(parsed)
    raw.loc[raw["text"].str.contains("Goikoetxea"), "spacy_label"] = "ORG"  # spaCy's mislabel, as on real copy
    ents = entities_of(resolve_article(parsed, raw))
    assert ents["Itziar Goikoetxea Arana"] == ("PERSON", 2)


@pytest.mark.parametrize("paragraphs, labels, company, mentions", [
    (("The scheme was drawn up with developer Kestrel Homes plc.",
      "Kestrel's regional director, Tom Vale, said the homes were needed."), {"^Kestrel$": "GPE"},
     "Kestrel Homes", 2),  # "plc" after a developer is cut
    (("Shares in Morvane Energía SA jumped 14% on Tuesday.",
      "Morvane's chairwoman, Ana Morvane, a granddaughter of the founder, backed the sale."), {"^Morvane$": "PERSON"},
     "Morvane Energía SA", 2),
])
def test_the_owner_of_a_board_role_is_the_company(nlp, paragraphs, labels, company, mentions):
    ents = entities_of(resolved(nlp, "Deal", paragraphs, labels))
    assert ents[company] == ("ORG", mentions)


# round 5 (blind 8): a word in a list with a place of the article is a place, whatever spaCy calls it
@pytest.mark.parametrize("paragraphs, labels, word", [
    (("Crews will replace mains across the suburbs, including Leeds, Bradford and Elmwick.",),
     {"^Elmwick$": "PRODUCT"}, "Elmwick"),
    (("Crews will replace mains across the suburbs, including Leeds, Bradford and Elmwick.",), {}, "Elmwick"),
    (("The storm closed schools in Harrogate, Ripon and Thirlby on Monday.",), {}, "Thirlby"),
])
def test_a_word_listed_with_a_place_is_a_place(nlp, paragraphs, labels, word):
    ents = entities_of(resolved(nlp, "Mains", paragraphs, labels))
    assert ents[word][0] == "GPE"


def test_a_surname_listed_with_a_place_stays_the_person(nlp):
    ents = entities_of(resolved(nlp, "Visit", ("Tom Kell met the mayor in Leeds.", "Kell and Leeds council agreed."),
                                {"^Kell$": "PERSON"}))
    assert ents["Tom Kell"] == ("PERSON", 2)


@pytest.mark.parametrize("paragraphs, labels", [
    # round 11: "X, <state> Gov. …" lists candidates; the state opens a title, it does not place X
    (("Tarvin Gov. Ada Quell is hoping to surge in the north.",
      "Brandt, Quell, Iowa Gov. Ray Ochoa and Sen. Lena Hofstad spoke at the fair."),
     {"^Quell$": "ORG"}),
])
def test_a_surname_before_a_states_title_is_no_town(nlp, paragraphs, labels):
    m = resolved(nlp, "Race", paragraphs, labels)
    assert set(m.loc[m["text"] == "Quell", "entity"]) == {"Ada Quell"}
