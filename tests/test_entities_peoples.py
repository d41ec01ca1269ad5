"""Peoples named with a tribal prefix (:mod:`analysis.entities.peoples`, issue 15 round 11). Tiny hand-written
texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from tests.entity_texts import resolved


@pytest.mark.parametrize("name, label", [
    ("Ngāti Korowai", "NORP"), ("Ngati Korowai", "NORP"), ("Ngāi Tarewa", "NORP"),
    ("Ngāti Korowai Trust", "ORG"),  # an organisation's word: the trust
])
def test_an_iwi_is_a_people(nlp, name, label):
    m = resolved(nlp, "Claim", (f"The tribunal upheld the claim of {name} on Tuesday.",
                                f"Leaders of {name} said the settlement was overdue."),
                 {name + "$": "ORG" if label == "NORP" else "PERSON"})
    assert set(m.loc[m["text"] == name, "label"]) == {label}
