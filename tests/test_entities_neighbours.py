"""Joining neighbouring spans that are one name (:mod:`analysis.entities.neighbours`, issue 15): a place cut at an
abbreviation, a place word of a name, a town cut at the hyphens of its particle, a port, diocese or order named
after a place or a saint, an organisation named with a possessive, a head word cut off, a name with a comma
before its acronym, a court's circuit, a university's campus. Tiny hand-written texts with names other than
those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.mention import Mention
from analysis.entities.neighbours import join_neighbours
from tests.entity_texts import entities_of, mentions_of, resolved


def _mention(text: str, surface: str, label: str, after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(0, 1, start, start + len(surface), surface, label, "ner")


@pytest.mark.parametrize("text, first, second, expected", [
    ("They moved to Port Ste. Agathe last year.", "Port Ste", "Agathe", "Port Ste. Agathe"),
    ("The bus to Fort St. Helier left.", "Fort St", "Helier", "Fort St. Helier"),
    ("They met in Tarvin. Agathe said so.", "Tarvin", "Agathe", None),  # a sentence ends there
    ("They moved to Port Ste and Agathe said so.", "Port Ste", "Agathe", None),
])
def test_a_place_cut_at_an_abbreviation_is_joined(text, first, second, expected):
    a, b = _mention(text, first, "GPE"), _mention(text, second, "PERSON", text.index(first) + len(first))
    out = join_neighbours(text, [a, b], headline_end=0)
    if expected is None:
        assert [m.text for m in out] == [first, second]
    else:
        assert [(m.text, m.spacy_label) for m in out] == [(expected, "GPE")]


@pytest.mark.parametrize("text, parts, expected", [
    ("a foothold in the Bay of Kestria for years", ("Bay", "Kestria"), ("Bay of Kestria", "LOC")),
    ("ferries to the Isle of Gorran stopped", ("Isle", "Gorran"), ("Isle of Gorran", "LOC")),
    ("the Ministry of Tarvanne said", ("Ministry", "Tarvanne"), ("Ministry of Tarvanne", "ORG")),
])
def test_a_place_word_of_a_name_is_one_place(text, parts, expected):
    a, b = _mention(text, parts[0], "LOC"), _mention(text, parts[1], "GPE")
    assert [(m.text, m.spacy_label) for m in join_neighbours(text, [a, b], headline_end=0)] == [expected]


@pytest.mark.parametrize("text, cut, expected", [
    ("Buses in Harwell-on-Sea will run later.", ["Harwell"], ["Harwell-on-Sea"]),
    ("The vote in Marden-upon-Avon was close.", ["Marden-upon-Avon"], ["Marden-upon-Avon"]),
    ("The leader of Harwell-on-Sea District Council resigned.", ["Harwell", "Sea District Council"],
     ["Harwell-on-Sea District Council"]),
    ("Trains from Châtel-en-Vaux were late.", ["Vaux"], ["Châtel-en-Vaux"]),
    ("The Harwell-Marden line closed.", ["Harwell"], ["Harwell"]),  # no particle: two places, left alone
])
def test_a_town_cut_at_the_hyphens_of_its_particle_grows_over_them(text, cut, expected):
    mentions, after = [], 0
    for surface in cut:
        mentions.append(_mention(text, surface, "GPE", after))
        after = mentions[-1].end
    assert [m.text for m in join_neighbours(text, mentions, headline_end=0)] == expected


@pytest.mark.parametrize("text, cut, label, expected, expected_label", [
    ("The Port of Kessford opposed the plan.", "Kessford", "GPE", "Port of Kessford", "ORG"),
    ("A letter from the Sisters of St. Brigid was read out.", "St. Brigid", "PERSON", "Sisters of St. Brigid", "ORG"),
    ("The Knights of Varro paid for the roof.", "Varro", "PERSON", "Knights of Varro", "ORG"),
    ("Ships left Port of Spain on Monday.", "Spain", "GPE", "Port of Spain", "GPE"),  # a city so named
    ("Two of her sisters of Marden came.", "Marden", "GPE", "Marden", "GPE"),  # no capital: no name
])
def test_a_port_diocese_or_order_named_after_a_place_or_saint_is_whole(text, cut, label, expected, expected_label):
    [m] = join_neighbours(text, [_mention(text, cut, label)], headline_end=0)
    assert (m.text, m.spacy_label) == (expected, expected_label)


@pytest.mark.parametrize("text, cuts, expected", [
    ("The Hollin Vale Beekeepers' Association opposed it.", [("Hollin Vale Beekeepers", "ORG")],
     ["Hollin Vale Beekeepers' Association"]),  # a plural possessive before an organisation word
    ("The Tarrow Netmenders\u2019 Co-operative of Eskland sold the catch.",
     [("Tarrow Netmenders", "ORG"), ("Eskland", "GPE")], ["Tarrow Netmenders\u2019 Co-operative of Eskland"]),
    ("They will appear in the Marwick Magistrate's Court on Monday.", [("Marwick Magistrate", "ORG")],
     ["Marwick Magistrate's Court"]),  # a singular possessive before "Court"
    ("The Tarrow Netmenders' boats were idle.", [("Tarrow Netmenders", "ORG")], ["Tarrow Netmenders"]),
    ("Marwick's Court Street was shut.", [("Marwick", "GPE")], ["Marwick"]),  # a name used on its own
])
def test_an_organisation_named_with_a_possessive_is_whole(text, cuts, expected):
    mentions = [_mention(text, surface, label) for surface, label in cuts]
    if expected == ["Marwick"]:
        mentions.append(_mention(text, "Court Street", "FAC"))
        expected = ["Marwick", "Court Street"]
    assert [m.text for m in join_neighbours(text, mentions, headline_end=0)] == expected


@pytest.mark.parametrize("text, first, second, labels, expected", [
    ("the Glenmoy Co-operative Society voted", "Glenmoy Co-operative", "Society", ("ORG", "ORG"),
     ["Glenmoy Co-operative Society"]),
    ("the Arden Valley Growers Association met", "Arden Valley Growers", "Association", ("ORG", ""),
     ["Arden Valley Growers Association"]),
    ("the Glenmoy Co-operative, Society members", "Glenmoy Co-operative", "Society", ("ORG", "ORG"),
     ["Glenmoy Co-operative", "Society"]),  # not one space apart
    ("said Tamsin Orr Society members", "Tamsin Orr", "Society", ("PERSON", "ORG"),
     ["Tamsin Orr", "Society"]),  # a person before it
])
def test_an_organisation_word_cut_off_joins_the_name_before(text, first, second, labels, expected):
    a, b = _mention(text, first, labels[0]), _mention(text, second, labels[1], text.index(first) + len(first))
    assert [m.text for m in join_neighbours(text, [a, b], headline_end=0)] == expected


@pytest.mark.parametrize("text, first, second, expected", [
    ("talks at the Board for Wages, Hours and Leave (BWHL) failed", "Board for Wages", "Hours and Leave",
     ["Board for Wages, Hours and Leave", "BWHL"]),
    ("the Office of Mines, Quarries and Tunnels (OMQT) said", "Office of Mines", "Quarries and Tunnels",
     ["Office of Mines, Quarries and Tunnels", "OMQT"]),
    ("the Tarvin Mining Board, Quarries and Tunnels (TQT) said", "Tarvin Mining Board", "Quarries and Tunnels",
     ["Tarvin Mining Board", "Quarries and Tunnels"]),  # the acronym takes the second name only
    ("the Office of Mines, Quarries and Tunnels said", "Office of Mines", "Quarries and Tunnels",
     ["Office of Mines", "Quarries and Tunnels"]),  # no acronym
])
def test_a_name_with_a_comma_is_whole_when_its_acronym_follows(text, first, second, expected):
    a, b = _mention(text, first, "ORG"), _mention(text, second, "ORG")
    assert [m.text for m in join_neighbours(text, [a, b], headline_end=0)] == expected


@pytest.mark.parametrize("text, span, label, expected", [
    ("approved by the Agenzia regionale per la salute (ARS) on Monday", "Agenzia", "PERSON",
     ["Agenzia regionale per la salute", "ARS"]),
    ("run by the Instituto nacional de pesca (INP) since 2010", "Instituto", "ORG",
     ["Instituto nacional de pesca", "INP"]),
    ("said Marta Lund and others (ML) on Monday", "Marta Lund", "PERSON", ["Marta Lund"]),  # no abbreviation
])
def test_a_name_cut_before_its_lower_case_words_grows_to_its_acronym(text, span, label, expected):
    m = _mention(text, span, label)
    assert [x.text for x in join_neighbours(text, [m], headline_end=0)] == expected


@pytest.mark.parametrize("text, span, others, expected", [
    ("Aid reached Palanas in Western Lumara on Thursday.", "Lumara", ["Western Lumara"], "Western Lumara"),
    ("The Tarvin Lumara ferry left.", "Lumara", ["Western Lumara"], "Lumara"),  # not written whole
    ("The Lumara Ferries said so.", "Lumara Ferries", ["Lumara Ferries"], "Lumara Ferries"),  # "The" is no name
    # round 8b: the word before and the span's first word are a name of the article
    ("KELLA — Ras Omani Port Services LLC said so.", "Omani Port Services LLC", ["Ras Omani"],
     "Ras Omani Port Services LLC"),
    ("KELLA — Mr Omani Port Services said so.", "Omani Port Services", ["Mr Omani"], "Omani Port Services"),
    ("KELLA — Ras Omani Port Services LLC said so.", "Omani Port Services LLC", ["Ras Tanura"],
     "Omani Port Services LLC"),  # no such name
])
def test_a_name_cut_after_its_first_word_grows_when_written_whole_elsewhere(text, span, others, expected):
    m = _mention(text, span, "GPE")
    extra = [Mention(0, 2, 1000 + i, 1000 + i + len(o), o, "LOC", "ner") for i, o in enumerate(others)]
    assert join_neighbours(text, [m, *extra], headline_end=0)[0].text == expected


@pytest.mark.parametrize("sentence, court", [
    # round 7 (real news): a court's circuit or district after "for the" is part of its name
    ("The appeal now goes to the U.S. Court of Appeals for the 4th Circuit.",
     "U.S. Court of Appeals for the 4th Circuit"),
    ("The U.S. District Court for the Southern District of Ohio ruled on Friday.",
     "U.S. District Court for the Southern District of Ohio"),
])
def test_a_courts_circuit_after_for_the_is_part_of_its_name(nlp, sentence, court):
    ents = entities_of(mentions_of(nlp, "Ruling", sentence))
    assert ents == {court: ("ORG", 1)}


def test_no_court_joins_what_follows_for_the(nlp):
    ents = entities_of(mentions_of(nlp, "Ruling", "Acme Holdings worked for the Harlow District Council in May."))
    assert not any("for the" in e for e in ents)


@pytest.mark.parametrize("sentence, university, town", [
    # round 7 (real news): a university "of" a place named with its campus town after "at" is one name
    ("said Ada Quist, who directs a poll at the University of Kell at Harlow.", "University of Kell at Harlow",
     None),
    ("The University of Texas at El Paso will open a clinic in Harlow.", "University of Texas at El Paso", "Harlow"),
])
def test_a_university_and_its_campus_after_at_are_one_name(nlp, sentence, university, town):
    ents = entities_of(resolved(nlp, "Poll", (sentence,), {"^Harlow$": "GPE", "University of Kell$": "ORG"}))
    assert ents[university] == ("ORG", 1) and (town is None or ents[town][1] == 1)


@pytest.mark.parametrize("text, surname, expected", [
    # round 11: a title ending a sentence titles no word of the next
    ("The court fined the Tarvin governor. Against Marwick, the motion failed.", "Marwick", "Marwick"),
    ("It asked to meet the First Minister. Its Dalvania organiser spoke.", "Dalvania", "Dalvania"),
    ("The plan was backed by Selectwoman Hattie Quimby on Monday.", "Quimby", "Hattie Quimby"),
    ("The plan was backed by Gov. Hattie Quimby on Monday.", "Quimby", "Hattie Quimby"),  # an abbreviation
])
def test_a_title_ending_a_sentence_grows_no_name_after_it(text, surname, expected):
    m = _mention(text, surname, "PERSON")
    assert [x.text for x in join_neighbours(text, [m], headline_end=0)] == [expected]
