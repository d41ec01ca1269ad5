"""Amounts are no names (:mod:`analysis.entities.amounts`, round 8b): a sum written with a currency's
letters is dropped, a figure glued after a name before its unit is cut."""
from __future__ import annotations

import pytest

from analysis.entities.amounts import amount_end, is_amount
from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_spans


@pytest.mark.parametrize("surface, amount", [
    ("N1.10", True), ("RM2.40", True), ("Rs1,250", True), ("₦4.5bn", True), ("$5", True),
    ("GH¢21,000", True), ("GH₵3.50", True), ("₽1,200", True),  # round 10 (blind 14): the cedi's sign and others
    ("G7", False), ("A380", False), ("F1", False), ("M25", False), ("Kell", False),
])
def test_a_sum_in_a_currencys_letters_is_an_amount(surface, amount):
    assert is_amount(surface) is amount


@pytest.mark.parametrize("text, span, expected", [
    ("Kessport cleared 66 per cent and Tarvel 61 per cent.", "Tarvel 61 per cent", "Tarvel"),
    ("Kessport 12 points behind", "Kessport 12", "Kessport"),
    ("Kessport 40% up", "Kessport 40", "Kessport"),
    ("Fight for 15 rally", "Fight for 15", "Fight for 15"),  # no unit after the figure
    ("Group of 20 leaders", "Group of 20", "Group of 20"),
    # round 11: a poll's two figures and their unit
    ("In the survey Tarvell trails Quell 52 to 44 percent.", "Quell 52 to 44 percent", "Quell"),
    ("Quell leads Tarvell 46-40% in the poll.", "Tarvell 46-40", "Tarvell"),
    ("Rai News 24 to air it", "Rai News 24", "Rai News 24"),  # no unit
])
def test_a_figure_before_its_unit_is_cut_from_a_name(text, span, expected):
    start = text.index(span)
    assert text[start:amount_end(text, start, start + len(span))] == expected


def test_amounts_give_no_entities(nlp):
    ents = entities_of(mentions_of(nlp, "Results", "The board proposed a dividend of N2.15 per share, down from "
                                                   "N3.40. Tarvel cleared 61 per cent and Kessport 58 per cent."))
    assert not any(any(c.isdigit() for c in e) for e in ents)


def test_a_sum_before_lower_case_words_is_no_name(nlp):  # round 10 (blind 14): "GH¢21,000 per tonne"
    parsed = parsed_of(nlp, "Prices", "Growers will get GH\u00a221,000 per tonne this season.")
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, ("GH\u00a221,000 per tonne", "PERSON", 1))))
    assert not ents, ents
