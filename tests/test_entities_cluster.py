"""Clustering and labels (issue 15, the blind sets' errors): a compound surname alone, an acronym in
brackets, a company's name without its legal suffix, a club spaCy calls a person, a "facility" where
things happen, foreign organisation words; blind 5: a known place keeps the article's diacritics, a
religious or ethnic group is no place, a name glued to the bracket of its short form, a short form in
title case in brackets; a team named after its town called by the town or its nickname alone in a
match report; blind 6: a place is no short form of a longer name it owns or of its river, a bare name
before its founder is named in full is the company named after him. Tiny
hand-written texts with names other than those of the
test sets; spaCy's mistakes seen on real copy are forced on its raw entities to make them certain."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from analysis.entities.cluster import _abbreviates, _known_tail
from analysis.nlp import load_nlp
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_of, resolved


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("paragraphs, person, alone", [
    (["The team, led by biologist Marta Solano Vieira, counted the birds in May.",
      "\"We did not expect them,\" Solano Vieira said."], "Marta Solano Vieira", "Solano Vieira"),
    (["The report was written by Carmen Duarte Pires, a researcher at the institute.",
      "Duarte Pires said the data were clear."], "Carmen Duarte Pires", "Duarte Pires"),
])
def test_a_compound_surname_alone_joins_its_person(nlp, paragraphs, person, alone):
    ents = entities_of(mentions_of(nlp, "Birds", *paragraphs))
    assert ents[person] == ("PERSON", 2)
    assert alone not in ents


@pytest.mark.parametrize("name, acronym, expected", [
    ("Korea Polar Research Institute", "KOPRI", True), ("Sindicato Nacional de Trabajadores Mineros", "SNTM", True),
    ("Tarvin Polar Research Institute", "TAPRI", True), ("United Nations", "UN", True),
    ("Tarvin Polar Research Institute", "NATO", False), ("Alpha Beta", "ABC", False), ("Alpha Beta", "BA", False),
    # round 8b: an exchange's X
    ("Kellish Exchange", "KGX", False), ("Kellish Exchange", "KLX", True), ("Tarvel Securities Exchange", "TSX", True),
    ("Kellish Exports", "KX", False),
])
def test_an_acronym_stands_for_a_name(name, acronym, expected):
    assert _abbreviates(acronym, name) is expected


def test_an_acronym_in_brackets_joins_the_name_before_it(nlp):
    m = mentions_of(nlp, "Ice", "\"The models are kind,\" said Kim Dae-ho, a physicist at the Tarvin Polar Research "
                    "Institute (TAPRI) in Incheon.", "His group at TAPRI plans an expedition.")
    ents = entities_of(m)
    assert ents["Tarvin Polar Research Institute"] == ("ORG", 3) and "TAPRI" not in ents


def test_a_company_without_its_legal_suffix_is_no_person(nlp):
    m = resolved(nlp, "Strike", ("Some 2,000 workers at Korvel Andina SA walked off the job on Wednesday.",
                                  "Korvel Andina, which is controlled by a Madrid group, called the stoppage illegal."),
                  {"^Korvel Andina$": "PERSON"})
    assert entities_of(m)["Korvel Andina SA"] == ("ORG", 2)


def test_a_club_spacy_calls_a_person_takes_its_short_form_in_a_match_report(nlp):
    paragraphs = ("Harwick Rovers reached the final with a 22-18 win on Sunday, scoring in the last minute.",
                  "\"We were the better side,\" said Rovers coach Dan Pell, whose striker missed a penalty.")
    m = resolved(nlp, "Harwick Rovers Hold Off Leigh Vale to Reach Final", paragraphs, {"^Harwick Rovers$": "PERSON"})
    ents = entities_of(m)
    assert ents["Harwick Rovers"][1] == 3 and "Rovers" not in ents  # the headline's has no club cue


@pytest.mark.parametrize("paragraphs, name, label", [
    (("Dockers blocked the terminals at Le Corvenne on Thursday.",
      "\"We want our pensions back,\" said the union's secretary in Le Corvenne."), "Le Corvenne", "GPE"),
    (("Fans queued outside Corvenne Arena on Thursday.", "The concert in Corvenne Arena sold out."),
     "Corvenne Arena", "FAC"),  # a facility word: it stays a facility
])
def test_a_facility_without_a_facility_word_where_things_happen_is_a_place(nlp, paragraphs, name, label):
    m = resolved(nlp, "Port", paragraphs, {f"^{name}$": "FAC"})
    assert entities_of(m)[name] == (label, 2)


def test_a_foreign_consortium_is_an_organisation(nlp):
    m = resolved(nlp, "Floods", ("\"The pumps are full,\" said Marco Bellini, an engineer at the Consorzio di "
                                  "Tutela della Valdera, which runs the canals.",), {"Consorzio": "FAC"})
    assert entities_of(m)["Consorzio di Tutela della Valdera"][0] == "ORG"


@pytest.mark.parametrize("sentence, written, plain", [
    ("The ministers met again in Bogotá on Friday to agree a timetable.", "Bogotá", "Bogota"),
    ("The orchestra flew home to Reykjavík after the last concert of the tour.", "Reykjavík", "Reykjavik"),
    ("The ferry yard in Gdańsk laid off 200 welders last winter.", "Gdańsk", "Gdansk"),
])
def test_a_known_place_keeps_the_article_s_diacritics(nlp, sentence, written, plain):
    ents = entities_of(mentions_of(nlp, "Talks", sentence))
    assert written in ents and plain not in ents


@pytest.mark.parametrize("sentence, group", [
    ("Turnout among Hispanics rose in three counties, the survey found.", "Hispanics"),
    ("The charity said Muslims and Catholics in the town had raised the money together.", "Muslims"),
    ("The charity said Muslims and Catholics in the town had raised the money together.", "Catholics"),
    ("The poll asked 900 African-Americans about rents in the county.", "African-Americans"),
])
def test_a_religious_or_ethnic_group_is_no_place(nlp, sentence, group):
    m = resolved(nlp, "Survey", (sentence,), {f"^{group}$": "NORP"})  # spaCy's label, which the vote overturned
    row = m[m["text"] == group]
    assert len(row) and set(row["label"]) == {"NORP"}


@pytest.mark.parametrize("long, short, rest", [
    ("National Rail Safety Agency", "Narsa", "Narsa has not said when it will publish the report."),
    ("Federation of Coastal Fishing Cooperatives", "Fecofish", "Fecofish has 3,000 members."),
    ("Intergovernmental Council on Water", "ICW", "The ICW meets again in May."),
])
def test_a_name_glued_to_the_bracket_of_its_short_form_is_cut_and_joined(nlp, long, short, rest):
    sentence = f"The {long} ({short}) opened an inquiry on Monday. {rest}"
    glued = f"{long} ({short}"
    parsed = parsed_of(nlp, "Inquiry", sentence)
    raw = raw_of(parsed)
    raw = raw[~raw["text"].str.contains(short) & ~raw["text"].str.contains(long.split()[-1])]
    start = parsed.article.text.index(glued)
    raw = pd.concat([raw, pd.DataFrame([{"sentence_id": 0, "paragraph": 1, "start": start, "end": start + len(glued),
                                         "text": glued, "spacy_label": "ORG"}])], ignore_index=True)  # spaCy's span
    ents = entities_of(resolve_article(parsed, raw))
    assert ents[long] == ("ORG", 3)
    assert not any("(" in e for e in ents) and short not in ents


def _with_raw(parsed, surface: str, label: str) -> pd.DataFrame:
    """spaCy's entities plus one it gave on real copy (``surface`` as ``label``)."""
    raw = raw_of(parsed)
    start = parsed.article.text.index(surface)
    return pd.concat([raw, pd.DataFrame([{"sentence_id": 0, "paragraph": 1, "start": start,
                                          "end": start + len(surface), "text": surface, "spacy_label": label}])],
                     ignore_index=True)


@pytest.mark.parametrize("sentence, long, short", [
    ("The Harbour Pilots Association (Hapa) called the plan reckless.", "Harbour Pilots Association", "Hapa"),
    ("She chairs the Union of Mountain Guides (Umog), which has 400 members.", "Union of Mountain Guides", "Umog"),
])
def test_a_short_form_in_title_case_in_brackets_joins_the_name_before_it(nlp, sentence, long, short):
    parsed = parsed_of(nlp, "Plan", sentence)
    ents = entities_of(resolve_article(parsed, _with_raw(parsed, short, "ORG")))
    assert short not in ents and ents[long] == ("ORG", 2)


@pytest.mark.parametrize("sentence, place", [
    ("The ferry company Portmoor Lines (Dorset) cut two sailings on Tuesday.", "Dorset"),
    ("The Coastal Rowing League (Cornwall) met on Tuesday.", "Cornwall"),
])
def test_a_place_in_brackets_is_no_short_form(nlp, sentence, place):
    parsed = parsed_of(nlp, "Ferry", sentence)
    ents = entities_of(resolve_article(parsed, _with_raw(parsed, place, "GPE")))
    assert place in ents


@pytest.mark.parametrize("paragraphs, team, alone", [
    (("Marlow held on for a 19-17 win over the Kestrel Bay Otters on Friday, with a penalty in the last minute.",
      "The Marlow Herons led by ten points at half-time after a try from winger Tavita Fono.",
      "The Herons host the Ardley Foxes next week, and their coach was pleased with the season."),
     "Marlow Herons", ("Marlow", "Herons")),
    (("The Tarrow Gulls beat the Ferny Larks 3-1 on Saturday to go top of the league.",
      "Tarrow scored twice before half-time, and the Gulls added a third goal from a free-kick.",
      "Gulls captain Ines Maro said the match was won in the first half."),
     "Tarrow Gulls", ("Tarrow", "Gulls")),
])
def test_a_team_named_after_its_town_is_called_by_the_town_or_nickname_in_a_match_report(nlp, paragraphs, team,
                                                                                           alone):
    ents = entities_of(mentions_of(nlp, "Result", *paragraphs))
    assert ents[team][0] == "ORG" and ents[team][1] >= 3
    assert not any(a in ents for a in alone)


def test_a_team_town_that_is_also_a_players_surname_stays_the_player(nlp):
    paragraphs = ("The Ardley Foxes lost 20-24 to the Marlow Herons on Saturday despite two tries in the second "
                  "half from fullback Sam Ardley.",
                  "Ardley, the 20-year-old from the coast, scored his first try in the 65th minute.",
                  "\"We left it too late,\" Ardley said after the match, as the Foxes slipped to fourth in the league.")
    ents = entities_of(mentions_of(nlp, "Result", *paragraphs))
    assert ents["Sam Ardley"] == ("PERSON", 3)
    assert ents["Ardley Foxes"][0] == "ORG" and ents["Ardley Foxes"][1] == 2



@pytest.mark.parametrize("paragraphs, town, alone", [
    (("Councillors in Harwell-on-Sea voted on Tuesday to close the pier.",
      "The pier has stood in Harwell since 1890, and the town council wants to sell it."),
     "Harwell-on-Sea", "Harwell"),
    (("Flooding closed roads around Marden-upon-Avon on Friday.",
      "Residents of Marden said the river rose faster than in 2007."),
     "Marden-upon-Avon", "Marden"),
    # round 5 (blind 8): a saint's name as the particle
    (("The maternity unit in Lauzac-Sainte-Reine will close in March.",
      "The mayor of Lauzac said the town would appeal."),
     "Lauzac-Sainte-Reine", "Lauzac"),
])
def test_a_town_named_with_a_particle_is_also_called_by_its_first_word(nlp, paragraphs, town, alone):
    ents = entities_of(mentions_of(nlp, "Town", *paragraphs))
    assert ents[town] == ("GPE", 2) and alone not in ents



def test_an_order_named_after_a_saint_is_no_person(nlp):
    paragraph = "A spokeswoman for the Sisters of St. Brigid said the order would keep the chapel."
    parsed = parsed_of(nlp, "Chapel", paragraph, "Brigid, the order's patron, is buried in the town.")
    text = parsed.article.text
    rows = []
    for name, label, after in (("Sisters", "PERSON", 0), ("St. Brigid", "PERSON", 0),
                               ("Brigid", "PERSON", text.index("Brigid,"))):  # spaCy's cut spans on real copy
        start = text.index(name, max(after, len(parsed.article.title)))
        paragraph_no = 1 if start < text.index("Brigid,") else 2
        rows.append({"sentence_id": paragraph_no, "paragraph": paragraph_no, "start": start,
                     "end": start + len(name), "text": name, "spacy_label": label})
    ents = entities_of(resolve_article(parsed, pd.DataFrame(rows)))
    assert ents["Sisters of St. Brigid"] == ("ORG", 1)


@pytest.mark.parametrize("paragraphs, first, second, expected", [
    # the son is named in full each time: a bare surname later is the mother, the person named first
    (("Senator Marta Oyelaran unveiled her housing plan on Monday.",
      "The plan was drafted with her son, Tobi Oyelaran, a lawyer in the capital.",
      "Tobi Oyelaran said the plan would be costed by an independent office.",
      "Oyelaran told reporters the plan would be paid for by a tax on empty homes."),
     "Marta Oyelaran", "Tobi Oyelaran", (2, 2)),
    # named in full only once: the nearest before, as ever
    (("Senator Marta Oyelaran unveiled her housing plan on Monday.",
      "The plan was drafted with her son, Tobi Oyelaran, a lawyer in the capital.",
      "Oyelaran said the plan would be costed by an independent office."),
     "Marta Oyelaran", "Tobi Oyelaran", (1, 2)),
    # round 7 (real news): the bare surname stood for the senator again and again before her son was named
    # once in passing: later it is still she
    (("Senator Marta Oyelaran unveiled her housing plan on Monday.",
      "Oyelaran said the plan would cost little. Oyelaran has pushed for it since 2019.",
      "The plan was drafted with help from her son, Tobi Oyelaran.",
      "Oyelaran told reporters the plan would be paid for by a tax on empty homes."),
     "Marta Oyelaran", "Tobi Oyelaran", (4, 1)),
    # … but in the son's own paragraph the bare surname is still the nearest, the son
    (("Senator Marta Oyelaran unveiled her housing plan on Monday.",
      "Oyelaran said the plan would cost little. Oyelaran has pushed for it since 2019.",
      "The plan was drafted by her son, Tobi Oyelaran. Oyelaran is a lawyer."),
     "Marta Oyelaran", "Tobi Oyelaran", (3, 2)),
])
def test_a_bare_surname_of_relatives_is_the_first_named_when_the_other_is_always_named_in_full(
        nlp, paragraphs, first, second, expected):
    ents = entities_of(mentions_of(nlp, "Housing", *paragraphs))
    assert (ents[first][1], ents[second][1]) == expected


@pytest.mark.parametrize("paragraphs, labels, place, longer", [
    (["Growers in the Hollin Vale want a new dam.", "The Hollin Vale Beekeepers' Association backed it."],
     {"^Hollin Vale$": "ORG"}, "Hollin Vale", "Hollin Vale Beekeepers' Association"),  # a possessive owner
    (["Voting in Tarrow State was calm.", "The Tarrow State Fire Service put out two fires."],
     {"^Tarrow State$": "ORG", "Fire Service": "ORG"}, "Tarrow State", "Tarrow State Fire Service"),
    (["Shops in Marwick shut early.", "The Marwick River burst its banks on Monday."],
     {"^Marwick$": "GPE", "Marwick River": "LOC"}, "Marwick", "Marwick River"),  # a city is not its river
])
def test_a_place_is_no_short_form_of_a_longer_name_it_owns(nlp, paragraphs, labels, place, longer):
    ents = entities_of(resolved(nlp, "Floods", tuple(paragraphs), labels))
    assert ents[place][1] == 1 and ents[longer][1] == 1


@pytest.mark.parametrize("paragraphs, labels, longer, alone", [
    (["Shares of Halden Media Group fell.", "Halden Media said sales rose."],
     {"Halden Media": "ORG"}, "Halden Media Group", "Halden Media"),
    (["Boats on the Eskle River were idle.", "Fishing on the Eskle stopped."],
     {"Eskle": "LOC"}, "Eskle River", "Eskle"),  # the river alone
])
def test_a_short_form_still_joins_its_longer_name(nlp, paragraphs, labels, longer, alone):
    ents = entities_of(resolved(nlp, "News", tuple(paragraphs), labels))
    assert ents[longer][1] == 2 and alone not in ents


@pytest.mark.parametrize("paragraphs, labels, company, person, company_n", [
    (["Valve maker Orlich will cut 300 jobs.", "Orlich Armaturen GmbH told staff on Monday.",
      "Orlich is owned by a trust. Karl Orlich founded it in 1961."],
     {"Orlich Armaturen": "PERSON", "^Orlich$": "PERSON"}, "Orlich Armaturen GmbH", "Karl Orlich", 3),
    (["Pellworth Foods Ltd. will shut a plant.", "Pellworth will move the work to a new site.",
      "The firm was set up by Ada Pellworth in 1950."],
     {"Pellworth Foods": "PERSON", "^Pellworth$": "PERSON"}, "Pellworth Foods Ltd.", "Ada Pellworth", 2),
])
def test_a_bare_name_before_its_founder_is_named_is_the_company(nlp, paragraphs, labels, company, person, company_n):
    ents = entities_of(resolved(nlp, "Jobs", tuple(paragraphs), labels))
    assert ents[company] == ("ORG", company_n) and ents[person][1] == 1


def test_a_bare_name_after_the_person_was_named_first_stays_the_person(nlp):
    ents = entities_of(resolved(nlp, "Jobs", (
        "Karl Orlich built the plant in 1961.", "Orlich Armaturen GmbH now has 300 staff.",
        "Orlich said he was proud."), {"Orlich Armaturen": "PERSON", "^Orlich$": "PERSON"}))
    assert ents["Karl Orlich"] == ("PERSON", 2)


def test_the_first_word_of_a_services_company_stands_for_it(nlp):
    ents = entities_of(resolved(nlp, "Van robbed", (
        "The van, run by Vaultrex Cash Services, was stopped near the depot.",
        "Vaultrex chief executive Ada Lind visited the guards."), {"^Vaultrex$": "ORG", "Vaultrex Cash": "ORG"}))
    assert ents["Vaultrex Cash Services"] == ("ORG", 2) and "Vaultrex" not in ents


# round 5 (blind 8): a company's short forms are the first words of its name with a legal suffix
@pytest.mark.parametrize("paragraphs, labels, company, n", [
    (["The council hired Tarnwick Gravel & Haulage LLC for the job.", "Tarnwick Gravel crews start on Monday."],
     {"^Tarnwick Gravel$": "PERSON"}, "Tarnwick Gravel & Haulage LLC", 2),
    (["Orsley Vale Dairy Pty Ltd admitted the breach.", "Orsley Vale was fined $40,000.",
      "Orsley Vale Dairy milks 900 cows."], {"^Orsley Vale$": "ORG", "^Orsley Vale Dairy$": "ORG"},
     "Orsley Vale Dairy Pty Ltd", 3),
])
def test_the_first_words_of_a_company_with_a_legal_suffix_are_its_short_form(nlp, paragraphs, labels, company, n):
    ents = entities_of(resolved(nlp, "Works", tuple(paragraphs), labels))
    assert ents[company] == ("ORG", n)


@pytest.mark.parametrize("paragraphs, labels, company, n", [
    (["Workers at Mbeleni Copper Holdings Ltd voted to strike.", "Mbeleni has offered a 4% rise.",
      "Mbeleni has no cash to spare."], {"^Mbeleni$": "GPE"}, "Mbeleni Copper Holdings Ltd", 3),
    (["Investors value Quillabe Labs Ltd at $30 million.", "Quillabe will open offices in two cities.",
      "Quillabe is licensed as a lender."], {"^Quillabe$": "GPE", "Quillabe Labs": "ORG"}, "Quillabe Labs Ltd", 3),
])
def test_an_unknown_word_beginning_a_company_with_a_legal_suffix_is_the_company(nlp, paragraphs, labels, company, n):
    ents = entities_of(resolved(nlp, "Strike", tuple(paragraphs), labels))
    assert ents[company] == ("ORG", n) and "Mbeleni" not in ents


def test_a_town_beginning_a_company_name_stays_the_town_where_its_sentence_says_a_place(nlp):
    ents = entities_of(resolved(nlp, "Plant", (
        "Ardvale Steel Ltd will close its plant.", "Jobs in Ardvale depend on the plant."), {"^Ardvale$": "GPE"}))
    assert ents["Ardvale"] == ("GPE", 1)


# round 5 (blind 8): an acronym in brackets after an organisation named in translation
@pytest.mark.parametrize("paragraphs, long, short", [
    (["Tariffs are set by the Water Pricing Authority (APA) in Lisbon.", "The APA approved the rise."],
     "Water Pricing Authority", "APA"),
    (["The Federal Mining Inspectorate (BIF) closed the shaft.", "BIF inspectors found cracks."],
     "Federal Mining Inspectorate", "BIF"),
])
def test_an_acronym_in_brackets_after_a_translated_name_joins_it(nlp, paragraphs, long, short):
    ents = entities_of(resolved(nlp, "Rules", tuple(paragraphs), {f"^{long}$": "ORG", f"^{short}$": "ORG"}))
    assert ents[long] == ("ORG", 3) and short not in ents


@pytest.mark.parametrize("paragraphs, long, short", [
    (["Fans cheered the Tarvin Valley Hawks (WPL) on Friday.", "The WPL fined them."], "Tarvin Valley Hawks", "WPL"),
])
def test_an_acronym_in_brackets_of_other_letters_stays_apart(nlp, paragraphs, long, short):
    ents = entities_of(resolved(nlp, "Rules", tuple(paragraphs), {f"^{long}$": "ORG", f"^{short}$": "ORG"}))
    assert short in ents


# round 5 (blind 8 round, blind 7's error): a company named "Grupo" + its name is called by its name
@pytest.mark.parametrize("paragraphs, labels, company, n", [
    (["Grupo Tarvela Transportes S.A. bought two ships.", "Tarvela Transportes will base them in Santos.",
      "Tarvela said the deal closed on Friday."],
     {"^Tarvela Transportes$": "ORG", "^Tarvela$": "ORG"}, "Grupo Tarvela Transportes S.A.", 3),
])
def test_a_company_named_with_a_leading_group_word_is_called_without_it(nlp, paragraphs, labels, company, n):
    ents = entities_of(resolved(nlp, "Ships", tuple(paragraphs), labels))
    assert ents[company] == ("ORG", n)


# round 5 (blind 8): a city named "X City" is also called X, unless X is another known place
@pytest.mark.parametrize("paragraphs, labels, city, other", [
    (["PALANAS CITY — Relief goods arrived on Monday.", "Trucks left Palanas before dawn for the coast."],
     {"^Palanas$": "ORG"}, "Palanas City", None),
    (["Flights from Mexico City to Oaxaca resumed.", "Mexico sent two planes to the coast."],
     {"^Mexico$": "GPE", "^Mexico City$": "GPE"}, "Mexico City", "Mexico"),
])
def test_a_city_named_x_city_is_also_called_x(nlp, paragraphs, labels, city, other):
    ents = entities_of(resolved(nlp, "Relief", tuple(paragraphs), labels))
    assert ents[city][0] == "GPE"
    assert (other in ents) if other else ents[city][1] == 2


@pytest.mark.parametrize("paragraphs, name, n", [
    # round 7 (real news): a city the gazetteer knows by a shorter name keeps its full name where the article
    # writes it, and its short form joins it; elsewhere the short form is the name
    (("NEW YORK (AP) — Subway fares rise on Monday.", "Riders in New York City will pay $3."), "New York City", 2),
    (("Fares rise in New York City on Monday.",), "New York City", 1),
    (("The governor of New York signed the bill.",), "New York", 1),
])
def test_a_city_keeps_its_full_name_where_the_article_writes_it(nlp, paragraphs, name, n):
    ents = entities_of(mentions_of(nlp, "Fares", *paragraphs))
    assert ents[name] == ("GPE", n) and not {"New York", "New York City"} - {name} & set(ents)


@pytest.mark.parametrize("paragraphs, body, n", [
    # round 7 (real news): a national body named with its country, then without it, is one organisation
    (("Ada Quist won a U.S. Senate seat for Kell in 2018.", "Quist’s Senate office opened in May.",
      "The Senate voted on the bill in May."), "U.S. Senate", 3),
    (("He was elected to the United States Senate in 2012.", "He chaired two committees of the Senate."),
     "United States Senate", 2),
    (("The Kenya Wildlife Service said poaching fell.", "Wildlife Service rangers found two carcasses."),
     "Kenya Wildlife Service", 2),
])
def test_a_national_body_without_its_country_is_the_same_body(nlp, paragraphs, body, n):
    ents = entities_of(mentions_of(nlp, "Politics", *paragraphs))
    bare = body.split(" ", 2 if body.startswith("United") else 1)[-1]
    assert ents[body][1] == n and bare not in ents


@pytest.mark.parametrize("paragraphs, outlet, n, short", [
    # round 7 (real news): a newspaper named with its city is called by the words after it
    (("The Kansas City Star reported that the mayor used a private phone.",
      "The mayor told the Star she would stop.", "The Star said the emails were routine."),
     "Kansas City Star", 3, "Star"),
    (("The Denver Post obtained the emails.", "A spokesman told the Post the practice had stopped."),
     "Denver Post", 2, "Post"),
])
def test_a_newspaper_named_with_its_city_is_called_by_the_rest(nlp, paragraphs, outlet, n, short):
    ents = entities_of(resolved(nlp, "Emails", paragraphs, {f"^{short}$": "ORG"}))
    assert ents[outlet][1] == n and short not in ents


@pytest.mark.parametrize("paragraphs, labels, agency, short", [
    # round 7 (real news): a government agency is called by its name without its head word
    (("The Treasury Department issued new rules on Monday.", "Officials said the Treasury would not comment."),
     {"^Treasury$": "ORG"}, "Treasury Department", "Treasury"),
    (("The Tithe Bureau mailed its forms to 3 million homes.", "The Tithe collects the forms each spring."),
     {"^Tithe$": "ORG", "Tithe Bureau": "ORG"}, "Tithe Bureau", "Tithe"),
])
def test_an_agency_without_its_head_word_is_the_agency(nlp, paragraphs, labels, agency, short):
    ents = entities_of(resolved(nlp, "Rules", paragraphs, labels))
    assert ents[agency][1] == 2 and short not in ents


@pytest.mark.parametrize("paragraphs, labels, longer, short", [
    # round 7 (real news): an organisation's name without an inner word is the organisation
    (("The Harlow Maritime Heritage Museum issued a report.", "Days later the Harlow Heritage Museum said more."),
     {"Harlow Heritage Museum": "ORG", "Harlow Maritime Heritage Museum": "ORG"},
     "Harlow Maritime Heritage Museum", "Harlow Heritage Museum"),
    (("The Kell Valley Growers Association met.", "The Kell Growers Association voted to strike."),
     {"Kell Growers Association": "ORG", "Kell Valley Growers Association": "ORG"},
     "Kell Valley Growers Association", "Kell Growers Association"),
])
def test_an_organisation_without_an_inner_word_is_the_organisation(nlp, paragraphs, labels, longer, short):
    ents = entities_of(resolved(nlp, "Report", paragraphs, labels))
    assert ents[longer][1] == 2 and short not in ents


@pytest.mark.parametrize("paragraphs, labels, acronym, n, longer", [
    # round 8 (real news): an acronym opening a longer name is a name of its own, not that name's short form
    (("KBN said on Monday it would cut its evening news.", "KBN's sister channel, Metro Weekly, will close.",
      "Metro Weekly, once known as KBN Metro Weekly, had few viewers.", "KBN declined to comment."),
     {"^KBN$": "ORG", "KBN Metro Weekly": "ORG"}, "KBN", 3, "KBN Metro Weekly"),
    (("The XLP gained two seats, the weekly XLP Power Rankings show.", "XLP leaders met on Friday."),
     {"^XLP$": "ORG", "XLP Power Rankings": "ORG"}, "XLP", 2, "XLP Power Rankings"),
])
def test_an_acronym_opening_a_longer_name_stays_its_own_name(nlp, paragraphs, labels, acronym, n, longer):
    ents = entities_of(resolved(nlp, "Cuts", paragraphs, labels))
    assert ents[acronym] == ("ORG", n) and ents[longer][1] == 1


def test_an_acronym_before_one_head_word_is_its_short_form(nlp):
    paragraphs = ("KBN News reported the vote first.", "A KBN spokesman said the report was checked.")
    ents = entities_of(resolved(nlp, "Vote", paragraphs, {"^KBN$": "ORG", "KBN News": "ORG"}))
    assert ents["KBN News"] == ("ORG", 2) and "KBN" not in ents


@pytest.mark.parametrize("name, expected", [
    # round 8 (real news): a name ending in a known organisation's name is no person's, though shaped like one
    ("Quist White House", True), ("Ada Quist State Department", True), ("Ada Quist", False),
    ("Tomas K. Brandt", False),
])
def test_a_name_ending_in_a_known_organisation_is_no_person(name, expected):
    assert _known_tail(name.split()) is expected


@pytest.mark.parametrize("paragraphs, labels, person, n", [
    # round 8 (real news): a person's cluster is never a people, though spaCy reads the surname as one ("-ist")
    (("Donors backed Dale Harquist in the 2010 race.", "Harquist won the primary that spring.",
      "Harquist later left the party.", "Few voters remember Harquist now."),
     {"^Harquist$": "NORP"}, "Dale Harquist", 4),
    # a surname that is also a town word ("Grove", "Springs") where spaCy calls the full name a person
    (("The club hired Dana Grove as an assistant coach in March.", "Grove asked the players to run laps.",
      "Grove did not reply."), {"^Grove$": "ORG"}, "Dana Grove", 3),
    (("The coach, Tavi Springs, picked the team.", "Springs said the players were ready."),
     {"^Springs$": "ORG"}, "Tavi Springs", 2),
])
def test_a_person_cluster_keeps_its_surname_and_label(nlp, paragraphs, labels, person, n):
    ents = entities_of(resolved(nlp, "Race", paragraphs, labels))
    assert ents[person] == ("PERSON", n)


def test_a_first_name_spacy_calls_a_person_joins_its_person_after_a_preposition(nlp):
    # round 8 (real news): "engaged in high fiving Marlowe": spaCy's PERSON outweighs the preposition's place
    paragraphs = ("Marlowe Okafor answered questions on Monday.", "Okafor said the aides were loyal.",
                  "Her aides engaged in high fiving Marlowe with the campaign staff.")
    ents = entities_of(resolved(nlp, "Aides", paragraphs, {"^Marlowe$": "PERSON"}))
    assert ents["Marlowe Okafor"] == ("PERSON", 3) and "Marlowe" not in ents


def test_a_person_with_a_generational_suffix_keeps_his_surname(nlp):
    # round 8 (real news): "IV" is a generational suffix, no acronym that makes the name an organisation's
    paragraphs = ("The donor, Amos Lee Varn IV, gave $2,700 to the campaign.", "Varn made the gift in May.",
                  "Varn said he had no regrets.", "Varn did not return calls.")
    ents = entities_of(resolved(nlp, "Donor", paragraphs, {"^Varn$": "ORG"}))
    assert ents["Amos Lee Varn IV"] == ("PERSON", 4) and "Varn" not in ents


def test_a_surname_before_a_role_with_no_body_of_that_name_is_the_person(nlp):
    # round 8 (real news): "Quist spokesman Ada Brandt": the person's spokesman, where no organisation is "Quist"
    paragraphs = ("Senator Tomas Quist opened the hearing on Monday.", "Quist asked for the files.",
                  "Quist spokesman Ada Brandt said the files were late.", "Quist did not comment.")
    ents = entities_of(resolved(nlp, "Hearing", paragraphs, {"^Quist$": "ORG"}))
    assert ents["Tomas Quist"] == ("PERSON", 4) and "Quist" not in ents
