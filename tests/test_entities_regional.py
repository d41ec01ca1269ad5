"""A company's regional unit named by its parent and a place (issue 15, round 10b): the parent's bare
name is the parent, an organisation, not the unit's short form."""
from __future__ import annotations

import pytest

from analysis.entities.regional import regional_parent
from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("surface, parent", [
    ("Kellavo Europe Ltd", "kellavo"),
    ("Brandvik India Pvt Ltd", "brandvik"),
    ("Quillmere Australia", "quillmere"),
    ("Quillmere Capital Ltd", None),  # no place
    ("Kellavo Europe Holdings Fund", None),  # more than the parent and a place
    ("Oxford Europe Ltd", None),  # the parent is itself a known place
])
def test_a_regional_units_parent(surface, parent):
    assert regional_parent(surface) == parent


def test_the_parents_bare_name_is_the_parent_not_its_unit(nlp):
    """spaCy calls the bare marketplace a place in one sentence, as on real copy."""
    m = resolved(nlp, "Commission Opens Case Against Kellavo",
                 ("The European Commission opened proceedings against Kellavo, the online marketplace.",
                  "Kellavo has its European legal base in Dublin through Kellavo Europe Ltd.",
                  "If the Commission finds a breach, it can fine Kellavo up to 6 per cent of its turnover."),
                 {"^Kellavo$": "GPE"})
    ents = entities_of(m)
    assert ents["Kellavo"] == ("ORG", 4)
    assert ents["Kellavo Europe Ltd."] == ("ORG", 1)
