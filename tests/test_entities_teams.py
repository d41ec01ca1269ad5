"""Teams in match reports (:mod:`analysis.entities.teams`, issue 15): "the" + a town + a nickname, a score glued to
a name, a nickname alone, a team spaCy calls a person. Tiny hand-written texts with names other than those of
the test sets."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from analysis.entities.teams import score_end, team_parts
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_with


@pytest.mark.parametrize("text, parts", [
    ("a win over the Marlow Herons on Friday", ("Marlow", "Herons")),
    ("a win over the Kestrel Tide on Friday", ("Kestrel", "Tide")),
    ("a win over Marlow Herons on Friday", None),  # no "the"
    ("a grant from the Red Cross on Friday", None),  # an ordinary word is no town
    ("a vote of the Labour Party on Friday", None),
    ("a match at the Marlow Stadium on Friday", None),
    ("a letter from the Marlow Council on Friday", None),
    # round 5 (blind 8): a town of two words before a plural nickname
    ("a win over the Pine Gully Rangers on Friday", ("Pine Gully", "Rangers")),
    ("a win over the Stone Ford Hawks on Friday", ("Stone Ford", "Hawks")),
    ("a win over the Pine Gully Tide on Friday", None),  # three words and no plural: no nickname sure
    ("a game in the Western Prairie League on Friday", None),
])
def test_a_team_is_the_town_and_a_nickname(text, parts):
    start = text.index("the ") + 4 if "the " in text else text.index("Marlow")
    end = text.index(" on Friday")
    assert team_parts(text, start, end) == parts


@pytest.mark.parametrize("text, span, label, expected", [
    ("to beat the Pine Gully Rangers 4-3 and move top", "Pine Gully Rangers 4-3", "ORG", "Pine Gully Rangers"),
    ("Harrow Vale 2\u20131 Dunmere Town", "Harrow Vale 2\u20131", "ORG", "Harrow Vale"),
    ("ordered a Skylane 737-800 jet", "Skylane 737-800", "ORG", "Skylane 737-800"),  # a model number
    ("drove up Route 9 on Friday", "Route 9", "FAC", "Route 9"),
    # session 10 (real BBC news): a tennis player's sets, tie-breaks too
    ("Ada Quist beat Jan Tarvell 6-4 7-6 (7-5) in Kell", "Jan Tarvell 6-4 7-6 (7-5)", "PERSON", "Jan Tarvell"),
    ("Ada Quist beat Jan Tarvell 6-4 7-6 in Kell", "Jan Tarvell 6", "PERSON", "Jan Tarvell"),  # cut inside a set
    ("Ada Quist beat Jan Tarvell 3-6 6-3 in Kell", "Jan Tarvell 3-6 6", "PERSON", "Jan Tarvell"),
    ("watched Channel 4 on Monday", "Channel 4", "ORG", "Channel 4"),  # a number that is no score
])
def test_a_score_glued_to_a_name_is_cut(text, span, label, expected):
    start = text.index(span)
    assert text[start:score_end(text, start, start + len(span), label)] == expected


@pytest.mark.parametrize("paragraphs, team, alone", [
    (("Jo Avery scored twice as the Stone Ford Hawks beat the Pine Gully Rangers 5-2 on Saturday.",
      "The Rangers had led 2-1 after the first period, and Avery's second goal came in overtime.",
      "Pine Gully coach Tom Reyes said the Rangers tired late in the match."),
     "Pine Gully Rangers", "Rangers"),
])
def test_a_team_with_a_two_word_town_and_a_score_after_it_is_whole(nlp, paragraphs, team, alone):
    ents = entities_of(mentions_of(nlp, "Hawks Beat Rangers", *paragraphs))
    assert ents[team][0] == "ORG" and ents[team][1] >= 3 and alone not in ents
    assert not any(e.endswith("5-2") for e in ents)


@pytest.mark.parametrize("paragraphs, nickname, label, team, n", [
    (("Kessock State coach Ada Lind saw her side trail by ten points at half-time.",
      "Then the Otters beat Marrow Vale 24-21 to win the title in the final minute.",
      "Marrow Vale coach Ines Maro said the season was not over.",
      "Kessock State play again in May, and the Otters will start as favourites."),
     "Otters", "PERSON", "Kessock State", 4),  # the nearest team before it, most often
    (("Kessock State coach Ada Lind saw her side trail by ten points at half-time.",
      "Then the Larks beat Marrow Vale 24-21 to win the title in the final minute.",
      "Marrow Vale coach Ines Maro said the season was not over.",
      "Kessock State play again in May, and the Larks will start as favourites."),
     "Larks", "NORP", "Kessock State", 4),  # spaCy's NORP for a nickname
])
def test_a_teams_nickname_alone_joins_the_team_it_follows_in_a_match_report(nlp, paragraphs, nickname, label, team,
                                                                            n):
    parsed = parsed_of(nlp, "Result", *paragraphs)
    ents = entities_of(resolve_article(parsed, raw_with(parsed, nickname, label)))
    assert ents[team] == ("ORG", n) and nickname not in ents


def test_a_nickname_alone_is_no_team_outside_a_match_report(nlp):
    parsed = parsed_of(nlp, "Council", "Kessock Vale councillors met on Monday to discuss the library budget.",
                       "The Otters, a swimming club, asked Kessock Vale for a grant.")
    ents = entities_of(resolve_article(parsed, raw_with(parsed, "Otters", "ORG")))
    assert "Otters" in ents


def test_a_team_spacy_calls_a_person_is_a_team_in_a_match_report(nlp):
    paragraphs = ("The Harlow Kea came from six goals down to beat the Kessock Tūī 54-53 in the netball league.",
                  "For three quarters it looked like the Tūī's night, and the Tūī coach said so.")
    parsed = parsed_of(nlp, "Result", *paragraphs)
    text = parsed.article.text
    rows = []  # spaCy's labels on such copy: the team a person, its nickname a people
    for name, label, nth in (("Kessock Tūī", "PERSON", 0), ("Tūī", "NORP", 1), ("Tūī", "NORP", 2)):
        start = -1
        for _ in range(nth + 1):
            start = text.index(name, start + 1)
        paragraph = 1 if start < text.index("For three") else 2
        rows.append({"sentence_id": paragraph, "paragraph": paragraph, "start": start, "end": start + len(name),
                     "text": name, "spacy_label": label})
    raw = pd.DataFrame(rows)
    ents = entities_of(resolve_article(parsed, raw))
    assert ents["Kessock Tūī"] == ("ORG", 3) and "Tūī" not in ents
