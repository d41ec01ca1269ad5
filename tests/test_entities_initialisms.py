"""An organisation's initials used alone and never defined in brackets (issue 15, round 10b): found
where spaCy missed them and joined to the organisation."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("paragraphs, org, n", [
    (("The Parti Vertois won the seat in 2018 on a promise to keep the ferry running.",
      "Voters who drifted to the PV last time say the ferry still breaks down."), "Parti Vertois", 2),
    (("Councillors of the Kellmore Civic Alliance walked out of the meeting on Monday.",
      "The KCA says the budget cuts libraries. A KCA councillor called it a disgrace."), "Kellmore Civic Alliance", 3),
])
def test_an_organisations_initials_alone_join_it(nlp, paragraphs, org, n):
    ents = entities_of(resolved(nlp, "By-Election Race Tightens", paragraphs,
                                {"^PV$|^KCA$": "", f"^(?:the )?{org}$": "ORG"}))
    assert ents[org] == ("ORG", n)


def test_capitals_of_no_organisation_of_the_article_stay_out(nlp):
    ents = entities_of(resolved(nlp, "Ferry Breaks Down Again",
                                ("The Parti Vertois blamed the operator.",
                                 "The ferry left at 6 PM with no AC on board."),
                                {"^(?:the )?Parti Vertois$": "ORG", "^PM$|^AC$": ""}))
    assert "PM" not in ents and "AC" not in ents and ents["Parti Vertois"] == ("ORG", 1)
