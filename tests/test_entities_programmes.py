"""Government programmes are no organisations (round 7, real news): a name before "program", an acronym
given after that word, and every other mention of them are labelled LAW."""
from __future__ import annotations

import pytest

from analysis.entities.mention import Mention
from analysis.entities.programmes import mark_programmes
from tests.entity_texts import entities_of, mentions_of


def _mentions(text: str, names: list[str]) -> list[Mention]:
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append(Mention(1, 1, start, start + len(name), name, "ORG", "ner"))
        pos = start + len(name)
    return out


@pytest.mark.parametrize("text, names, programmes", [
    ("The Early Start for Rural Families program, or ESRF, still runs; ESRF helps.",
     ["Early Start for Rural Families", "ESRF", "ESRF"], {"Early Start for Rural Families", "ESRF"}),
    ("the Safe Harbour Loans and Tenant Relief programme (SHL) ended",
     ["Safe Harbour Loans", "Tenant Relief", "SHL"], {"Safe Harbour Loans", "Tenant Relief", "SHL"}),
    ("The Harlow Foundation program helps; NASA said its program was fine.",
     ["Harlow Foundation", "NASA"], set()),  # an organisation's own programme; an acronym not given for one
    ("The Kell Valley Trust program, or KVT, helps.", ["Kell Valley Trust", "KVT"], {"KVT"}),
])
def test_a_programme_and_its_acronym_are_no_organisations(text, names, programmes):
    marked = {m.text for m in mark_programmes(text, _mentions(text, names)) if m.spacy_label == "LAW"}
    assert marked == programmes


def test_every_mention_of_a_programme_is_one(nlp):
    ents = entities_of(mentions_of(nlp, "Immigration", "Kell funds the Early Start for Rural Families program, "
                                   "or ESRF, until May.", "Senator Ada Quist said ESRF would be expanded.",
                                   "The governors pledged to end ESRF."))
    assert all(label != "ORG" for e, (label, _) in ents.items() if "ESRF" in e or "Early Start" in e)
