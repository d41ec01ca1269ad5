"""Team sheets (:mod:`analysis.entities.lineups`, session 10, real BBC news): players listed by initial and
surname are person mentions, whole. Tiny hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from tests.entity_texts import entities_of, mentions_of


def test_a_team_sheet_gives_every_player_whole(nlp):
    m = mentions_of(nlp, "Kell 24-18 Dornvale",
                    "Kell: R Varnholt; T Quist, A Brandt, D de Vos, S Okafor; C Ilves, M Tanaka.",
                    "Replacements: B Hallam, K Moreau, P Lindqvist, J Ferreira.")
    ents = entities_of(m)
    players = {"R Varnholt", "T Quist", "A Brandt", "D de Vos", "S Okafor", "C Ilves", "M Tanaka", "B Hallam",
               "K Moreau", "P Lindqvist", "J Ferreira"}
    assert players <= set(ents) and all(ents[p][0] == "PERSON" for p in players)
    assert not {"Quist", "Brandt", "Varnholt"} & set(ents)  # no initial cut off


@pytest.mark.parametrize("paragraph, absent", [
    ("A Kell court fined A Quist and B Brandt on Monday.", "A Kell"),  # prose: fewer than four, no list
    ("Ada Quist, Tomas Brandt, Ilse Varnholt and Dan Okafor spoke.", "A Quist"),  # full names are no team sheet
])
def test_prose_is_no_team_sheet(nlp, paragraph, absent):
    assert absent not in entities_of(mentions_of(nlp, "Court", paragraph))
