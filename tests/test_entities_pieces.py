"""A name spaCy cut in two where the article writes it whole (:mod:`analysis.entities.pieces`, round 8b)."""
from __future__ import annotations

import pytest

from analysis.entities.mention import Mention
from analysis.entities.pieces import join_written_whole


def _at(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(0, 1, start, start + len(surface), surface, label, "ner")


@pytest.mark.parametrize("pieces, expected", [
    ((("Ras Omani", "NORP"), ("Port Services", "PERSON")), ["Ras Omani Port Services", "Ras Omani Port Services LLC"]),
    ((("Ras Omani", "NORP"), ("Kell", "PERSON")), ["Ras Omani", "Kell", "Ras Omani Port Services LLC"]),  # no such name
])
def test_two_pieces_of_a_name_written_whole_are_one(pieces, expected):
    text = f"{' '.join(p for p, _ in pieces)} grew. Ras Omani Port Services LLC said so."
    mentions = [_at(text, p, lb) for p, lb in pieces] + [_at(text, "Ras Omani Port Services LLC", "ORG")]
    out = join_written_whole(text, mentions)
    assert [m.text for m in out] == expected
    assert out[0].spacy_label == ("ORG" if len(out) == 2 else "NORP")


@pytest.mark.parametrize("text, expected", [
    ("The Organisation for Trade and Security in Asia (OTSA) met.", "Organisation for Trade and Security in Asia"),
    ("The Organisation for Trade and Security in Asia (OTS) met.", "Organisation for Trade and Security"),  # no A
    ("The Tarvel Trade Union in Lisbon (TTU) met.", "Tarvel Trade Union"),  # the acronym leaves the place out
])
def test_a_body_cut_before_in_and_a_place_is_whole_when_its_acronym_takes_the_place(text, expected):
    body = expected if expected.endswith("Security") or expected.endswith("Union") else expected.rsplit(" in ", 1)[0]
    place = text.split(" in ")[1].split(" (")[0]
    mentions = [_at(text, body, "ORG"), _at(text, place, "LOC")]
    assert join_written_whole(text, mentions)[0].text == expected


@pytest.mark.parametrize("text, expected", [
    ("She moved from the University of Kell–Tarvel in 2024.", "University of Kell–Tarvel"),
    ("She moved from the Kell Rail–Tarvel line in 2024.", "Kell Rail"),  # no university
])
def test_a_university_and_its_campus_after_a_dash_are_one(text, expected):
    body = "University of Kell" if "University" in text else "Kell Rail"
    out = join_written_whole(text, [_at(text, body, "ORG"), _at(text, "Tarvel", "GPE")])
    assert out[0].text == expected
