"""Names spaCy missed (issue 15, the blind sets' errors): a word coordinated with a place, a dateline
in capitals named in the body, a hyphenated surname before "said"; and what is no name: an ordinary
word glued to a headline name, an ordinary word opening a sentence before a place noun. spaCy's
mistakes seen on real copy are forced on its raw entities to make them certain."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_of, resolved


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


@pytest.mark.parametrize("paragraphs, person", [
    (["The new board is Ada Brennan, Tomasz Wilk-Adeyemi and Joan Feld, the council said."], "Tomasz Wilk-Adeyemi"),
    (["The part was sung from memory by Kwame Asante-Lloyd, born in Kumasi."], "Kwame Asante-Lloyd"),
])
def test_a_hyphenated_surname_in_a_run_of_names_is_whole(nlp, paragraphs, person):
    m = resolved(nlp, "Board", tuple(paragraphs), {person.split("-")[0]: "", person: ""})  # spaCy missed it
    ents = entities_of(m)
    assert person in ents and person.split("-")[0] not in ents


@pytest.mark.parametrize("sentence, cut, person", [
    ("Company president Rhoda Nyambura-Kell spoke for ten minutes.", "Rhoda Nyambura", "Rhoda Nyambura-Kell"),
    ("The motion was moved by Owen Pryce-Dalby on Monday.", "Owen Pryce", "Owen Pryce-Dalby"),
])
def test_a_person_cut_at_the_hyphen_of_the_surname_is_whole(nlp, sentence, cut, person):
    parsed = parsed_of(nlp, "Council", sentence)
    raw = raw_of(parsed)
    raw = raw[~raw["text"].str.contains(cut.split()[0])]
    start = parsed.article.text.index(cut)
    raw = pd.concat([raw, pd.DataFrame([{"sentence_id": 0, "paragraph": 1, "start": start, "end": start + len(cut),
                                         "text": cut, "spacy_label": "PERSON"}])], ignore_index=True)  # spaCy's cut
    ents = entities_of(resolve_article(parsed, raw))
    assert ents.get(person, ("", 0))[0] == "PERSON" and cut not in ents


def test_a_place_after_a_hyphen_is_not_taken_into_a_name(nlp):
    parsed = parsed_of(nlp, "Rail", "The Ashby Junction-London line reopened on Monday.")
    raw = raw_of(parsed)
    start = parsed.article.text.index("Ashby Junction")
    raw = pd.DataFrame([{"sentence_id": 0, "paragraph": 1, "start": start, "end": start + len("Ashby Junction"),
                         "text": "Ashby Junction", "spacy_label": "PERSON"}])
    assert "London" not in " ".join(entities_of(resolve_article(parsed, raw)))


@pytest.mark.parametrize("paragraphs, person, n", [
    (["On Sunday the host spoke to Senator Dana Whitcombe about the budget.",
      "HOST: Will you vote for it?", "WHITCOMBE: Not as it stands. We need the rail money back in.",
      "HOST: And if it is not?", "WHITCOMBE: Then I vote no."], "Dana Whitcombe", 3),
    (["The mayor, Ruth Okafor, took questions on the radio on Friday.",
      "OKAFOR: The bridge will open in June.", "(CROSSTALK.)", "OKAFOR: June, I said."], "Ruth Okafor", 3),
    # a surname that is also a word ("bridges"), labels in quotation marks
    (["The host spoke to Governor Ella Bridges on Sunday.", "\"HOST: Will the tolls go?",
      "\"BRIDGES: Not this year.", "\"HOST: Next year?", "\"BRIDGES: We will see."], "Ella Bridges", 3),
])
def test_a_transcript_speaker_label_is_a_mention_of_the_person(nlp, paragraphs, person, n):
    ents = entities_of(mentions_of(nlp, "Interview", *paragraphs))
    assert ents[person] == ("PERSON", n)
    assert "CROSSTALK" not in ents and "HOST" not in ents


def test_a_dateline_with_a_colon_is_no_speaker_label(nlp):
    ents = entities_of(mentions_of(nlp, "Results", "PUNE: Deccan Mills posted a record profit on Tuesday.",
                                   "The shares rose 4% in Mumbai."))
    assert ents.get("PUNE", ("GPE",))[0] != "PERSON" and ents.get("Pune", ("GPE",))[0] != "PERSON"


# round 5 (blind 8): the wire or outlet in brackets after a dateline is an organisation
@pytest.mark.parametrize("paragraphs, wire, n", [
    (("HARLSTON, Ohio (KVRT) — A water main broke on Tuesday, closing two schools.",
      "Neighbors told KVRT they saw water in the road by dawn."), "KVRT", 2),
    (("TARVIN (Ostwind Presse) — The plant will close in June, the company said.",), "Ostwind Presse", 1),
    (("DUNMOOR, Feb 3 (TVW) - The council voted on Monday to sell the depot.",), "TVW", 1),
])
def test_the_wire_in_brackets_after_a_dateline_is_an_organisation(nlp, paragraphs, wire, n):
    m = resolved(nlp, "Main break", paragraphs, {wire: ""})  # spaCy missed it
    assert entities_of(m)[wire] == ("ORG", n)


@pytest.mark.parametrize("paragraph, place", [
    ("HARLSTON (Ohio) — A water main broke on Tuesday.", "Ohio"),  # a place in brackets is no wire
])
def test_a_place_in_brackets_after_a_dateline_is_no_wire(nlp, paragraph, place):
    ents = entities_of(mentions_of(nlp, "Main break", paragraph))
    assert ents.get(place, ("GPE",))[0] != "ORG"


# round 5 (blind 8): a hyphenated surname opening a sentence, written whole elsewhere, is found whole
@pytest.mark.parametrize("paragraphs, person, part", [
    (("Jo Avery took a pass from defenceman Lucas Ouellet-Brun at the blue line and scored the goal.",
      "Ouellet-Brun tied the match with 1:51 left in the third period.",
      "Ouellet-Brun, who grew up in Rimouski, and joined the Hawks in a trade with the Rangers in December, "
      "finished with a goal and two assists."), "Lucas Ouellet-Brun", "Brun"),
])
def test_a_hyphenated_surname_the_article_writes_whole_is_found_whole(nlp, paragraphs, person, part):
    ents = entities_of(resolved(nlp, "Late goal", paragraphs, {"Ouellet-Brun": "PERSON"}))
    assert ents[person] == ("PERSON", 3) and part not in ents


# round 5 (blind 8): names coordinated before a plural place noun are places
@pytest.mark.parametrize("paragraph, names", [
    ("Boats on the Vesle and Ourcq rivers were idle.", ("Vesle", "Ourcq")),
    ("Women from the Lesponne and Ourse valleys will give birth in the city.", ("Lesponne", "Ourse")),
])
def test_names_coordinated_before_a_plural_place_noun_are_places(nlp, paragraph, names):
    ents = entities_of(resolved(nlp, "Valleys", (paragraph,), {n: "" for n in names}))  # spaCy missed them
    assert all(ents[n][0] in ("GPE", "LOC") for n in names)


def test_names_in_a_list_of_linked_headlines_are_found(nlp):
    # round 7 (real news): spaCy tags title case poorly; in a linked headline of the body a country and a known
    # organisation are found as in the headline, a word glued to a name of the body goes, and a person with a
    # middle initial stays whole
    m = mentions_of(nlp, "Wage Debate", "Senator Ada Quist spoke in Kell on Friday.", "Related:",
                    "Ada Quist Warns ISIS Still Holds Towns In Iraq After \u2018Reckless\u2019 Cuts",
                    "Ada Quist Quotes Tomas K. Brandt In \u2018Fair Pay\u2019 Speech.")
    found = set(m["entity"])
    assert {"ISIS", "Iraq", "Tomas K. Brandt"} <= found and not any("Warns" in e for e in found)


def test_a_persons_firm_after_of_is_found(nlp):
    # round 7 (real news): a run of capitalised words after a person and "of" is the person's firm, not the
    # tail of a longer name ("X of Y")
    paragraph = "Donors at the dinner were Ada Quist of Quillmere Partners, Tomas Brandt of Kellway Capital and others."
    parsed = parsed_of(nlp, "Donors", paragraph)
    doc = next(u for u in parsed.units if u.paragraph == 1).doc
    doc.ents = [e for e in doc.ents if "Quillmere" not in e.text]  # spaCy's miss on real copy
    ents = entities_of(resolve_article(parsed, raw_of(parsed)))
    assert ents["Quillmere Partners"] == ("ORG", 1)


@pytest.mark.parametrize("paragraphs, name, acronym", [
    # round 11: a short form in brackets spaCy missed, defined whatever its letters (a name in translation)
    (["The deal needs the approval of the Tarvian Financial Market Supervisory Authority (FIMTA) by May."],
     "Tarvian Financial Market Supervisory Authority", "FIMTA"),
    (["The Kessport Avocado Producers' Union (UPAK), which groups 2,300 growers, said crews stayed home."],
     "Kessport Avocado Producers' Union", "UPAK"),
])
def test_a_short_form_defined_in_brackets_is_found(nlp, paragraphs, name, acronym):
    m = mentions_of(nlp, "Deal", *paragraphs)
    assert set(m.loc[m["text"] == acronym, "entity"]) == {name}


def test_a_hyphenated_given_name_spacy_missed_is_found_whole(nlp):  # session 10 (real BBC news)
    ents = entities_of(mentions_of(nlp, "Tennis", "Ada Quist beat Jan-Michael Tarvell 6-4 6-3 in Kell on Monday."))
    assert "Jan-Michael Tarvell" in ents and "Michael Tarvell" not in ents


@pytest.mark.parametrize("paragraph, found, absent", [
    # session 10 (real BBC news): one name after a title that spaCy left untagged
    ("Judge Lord Tarvell ruled on Monday that the appeal failed.", "Tarvell", "Lord Tarvell"),
    ("The ship Queen Mary sailed from Kell on Monday.", None, "Mary"),  # a royal title keeps its name
])
def test_a_name_after_a_title_spacy_missed_is_found(nlp, paragraph, found, absent):
    ents = entities_of(mentions_of(nlp, "Ruling", paragraph))
    assert (found is None or found in ents) and absent not in ents
