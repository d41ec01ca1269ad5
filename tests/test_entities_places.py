"""World places (:mod:`analysis.entities.places`, issue 15 round 10c): real places that spaCy mislabels or
misses become places where nothing says they are something else; people, companies, teams and common words
sharing a place's name stay what they are. Tiny hand-written texts; spaCy's mistakes are forced."""
from __future__ import annotations

import time

import pytest

from analysis.entities.article import resolve_article
from analysis.entities.places import PLACES_FILE, ambiguous, load, own_place, place_kind, state_short
from analysis.extract import _VERSIONED_FILES
from tests.entity_texts import entities_of, parsed_of, raw_spans, resolved


def test_the_lexicon_is_small_sorted_attributed_and_versioned():
    lines = PLACES_FILE.read_text(encoding="utf-8").splitlines()
    assert "GeoNames" in lines[0] + lines[1] and "CC BY 4.0" in lines[1]
    names = [line.split("\t")[0] for line in lines if not line.startswith("#")]
    assert names == sorted(names) and len(names) == len(set(names))
    assert PLACES_FILE.stat().st_size < 1_500_000
    assert "entities/data/places.tsv" in _VERSIONED_FILES
    load.cache_clear()
    t = time.perf_counter()
    load()
    assert time.perf_counter() - t < 0.5  # a few milliseconds on an idle machine


@pytest.mark.parametrize("name, kind", [
    ("Bydgoszcz", "city"), ("Pécs", "city"), ("Pecs", "city"), ("Wisconsin", "region"), ("Norway", "country"),
    ("Ciudad Real", "city"), ("Plumville", None), ("MBA", None), ("Whangārei", "city"),  # its ASCII form
    # first-level regions outside the US (ISO 3166-2): provinces, states, prefectures; a city keeps its name
    ("Pampanga", "region"), ("Western Visayas", "region"), ("Johor", "region"), ("Benue", "region"),
    ("Bihar", "region"), ("Antofagasta", "city"), ("Central", "city"), ("North East", None),
])
def test_place_kind(name, kind):
    assert place_kind(name) == kind


@pytest.mark.parametrize("name, expected", [
    ("Reading", True), ("Lawrence", True), ("Bend", True), ("Bydgoszcz", False), ("Ciudad Real", False),
])
def test_ambiguous_names_are_common_words_or_first_names(name, expected):
    assert ambiguous(name) is expected


@pytest.mark.parametrize("paragraphs, spans, place", [
    # spaCy's label drops a city from the names: a product, a work; no place's position needed
    (("Rail freight from the depot at Szeged rose in May.", "Hauliers said the Szeged depot was full."),
     [("Szeged", "PRODUCT", 1), ("Szeged", "PRODUCT", 2)], "Szeged"),
    (("The night ferry for Trondheim was cancelled again.",), [("Trondheim", "WORK_OF_ART", 1)], "Trondheim"),
    # a country, spaCy's facility: no country is a building
    (("Monaco hosted the ministers for a summit.", "The talks at the Monaco ran for two days.",
      "Guests at the Monaco ate well.", "Staff at the Monaco were tired."),
     [("Monaco", "FAC", 1), ("Monaco", "FAC", 2), ("Monaco", "FAC", 3), ("Monaco", "FAC", 4)], "Monaco"),
    # a region, spaCy's product
    (("Rice farmers in Pampanga lost their crop.", "Pampanga growers asked for aid."),
     [("Pampanga", "PRODUCT", 1), ("Pampanga", "PRODUCT", 2)], "Pampanga"),
])
def test_a_known_place_spacy_dropped_is_a_place(nlp, paragraphs, spans, place):
    parsed = parsed_of(nlp, "Freight", *paragraphs)
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, *spans)))
    assert ents[place] == ("GPE", len(spans))


@pytest.mark.parametrize("paragraphs, labels, place", [
    # a person or company label, where the sentence puts the name where a place stands
    (("Nurses in Olsztyn went on strike on Monday.",), {"^Olsztyn$": "PERSON"}, "Olsztyn"),
    (("Doctors near Kaunas say the clinic is full.",), {"^Kaunas$": "ORG"}, "Kaunas"),
])
def test_a_known_place_spacy_mislabelled_is_a_place(nlp, paragraphs, labels, place):
    ents = entities_of(resolved(nlp, "Strike", paragraphs, labels))
    assert ents[place][0] == "GPE"


@pytest.mark.parametrize("paragraphs, labels, name, label", [
    # a company named like a town, without a place's position
    (("Honda said it would recall 40,000 cars.",), {"^Honda$": "ORG"}, "Honda", "ORG"),
    # a person: a title before the name, or the surname of a full name of the article
    (("Mayor Tilburg opened the new bridge on Monday.",), {"Tilburg": "PERSON"}, "Tilburg", "PERSON"),
    (("Anna Tartu won the sprint in record time.", "Tartu thanked her coach in Tallinn."),
     {"^Tartu$": "PRODUCT", "Anna Tartu": "PERSON"}, "Anna Tartu", "PERSON"),
    # an organisation word after it: a bank, a football club
    (("Fans of Bydgoszcz United cheered all night.",), {"^Bydgoszcz$": "PRODUCT", "United": ""}, "Bydgoszcz",
     None),
])
def test_a_person_company_or_team_named_like_a_place_is_no_place(nlp, paragraphs, labels, name, label):
    ents = entities_of(resolved(nlp, "News", paragraphs, labels))
    assert ents.get(name, (None,))[0] == label


def test_a_regions_name_as_a_peoples_adjective_is_no_place(nlp):
    parsed = parsed_of(nlp, "Gas", "The Balkan country wants cheaper gas.")
    ents = entities_of(resolve_article(parsed, raw_spans(parsed, ("Balkan", "NORP", 1))))
    assert ents.get("Balkan", (None,))[0] != "GPE"


def test_a_common_word_named_like_a_town_needs_a_place_position(nlp):
    ents = entities_of(resolved(nlp, "Books", ("Critics praised Bend, her third novel.",), {"^Bend$": "WORK_OF_ART"}))
    assert ents.get("Bend", (None,))[0] != "GPE"


@pytest.mark.parametrize("paragraph, name", [
    ("Volunteers drove from Olsztyn on Friday to help.", "Olsztyn"),
    ("Shares of Tilburg-based Vandermolen Foods rose.", "Tilburg"),
    ("State Rep. Dana Pruitt, R-Sheboygan, voted against the bill.", "Sheboygan"),
    ("The convoy went from Olsztyn to Bydgoszcz overnight.", "Bydgoszcz"),
    ("She grew up in Ciudad Real and moved away at 18.", "Ciudad Real"),
    # a region after a town and a comma
    ("The firm has a plant in Ota, Ogun State, and a depot.", "Ogun State"),
    ("It owns a refinery in Pasir Gudang, Johor, and a mill.", "Johor"),
    # a region after an agency's acronym and before its office's role
    ("DSWD Eastern Visayas regional director Carmelo Dacanay flew in.", "Eastern Visayas"),
    # the second of two places joined by an en dash or a slash
    ("The plot lies next to the Nairobi\u2013Mombasa highway.", "Mombasa"),
])
def test_a_known_place_spacy_missed_in_a_place_position_is_found(nlp, paragraph, name):
    ents = entities_of(resolved(nlp, "Trip", (paragraph,), {f"^{name}$": ""}))
    assert ents[name] == ("GPE", 1)


@pytest.mark.parametrize("paragraph, name", [
    ("Tickets from Lawrence cost twenty dollars each.", "Lawrence"),  # a first name
    ("It came down to Reading the small print.", "Reading"),  # a common word
    ("He studied at the University of Tilburg for a year.", "Tilburg"),  # inside an organisation's name
    ("Kaunas Energy cut its prices on Monday.", "Kaunas"),  # a company's first word
])
def test_a_missed_name_is_no_place_without_a_place_position_or_when_ambiguous(nlp, paragraph, name):
    ents = entities_of(resolved(nlp, "Trip", (paragraph,), {f"^{name}$": ""}))
    assert ents.get(name, (None,))[0] != "GPE"


@pytest.mark.parametrize("paragraphs, person, town", [
    (("Judge Marta Tilburg wrote the ruling.", "Tilburg, who grew up in Tilburg, was a lawyer before."),
     ("Marta Tilburg", 2), ("Tilburg", 1)),
    (("Coach Piet Olsztyn made two changes.", "The winger moved north from Olsztyn last season."),
     ("Piet Olsztyn", 1), ("Olsztyn", 1)),
    (("Farmer Hamish Kaunas runs 300 ewes north-west of Kaunas.", "Kaunas said the price was too low."),
     ("Hamish Kaunas", 2), ("Kaunas", 1)),
])
def test_a_persons_surname_where_only_a_town_stands_is_the_town(nlp, paragraphs, person, town):
    ents = entities_of(resolved(nlp, "Profile", paragraphs, {}))
    assert ents[person[0]] == ("PERSON", person[1]) and ents[town[0]] == ("GPE", town[1])


@pytest.mark.parametrize("paragraphs, person", [
    (("Voters said they had faith in Carson.", "Ben Carson spoke in Iowa."), ("Ben Carson", 2)),
    (("Ben Carson spoke in Iowa.", "A statement from Carson followed."), ("Ben Carson", 2)),
    (("Ben Carson spoke in Iowa.", "Many in Carson's camp were pleased."), ("Ben Carson", 2)),
])
def test_a_persons_surname_after_in_or_from_stays_the_person(nlp, paragraphs, person):
    ents = entities_of(resolved(nlp, "Campaign", paragraphs, {}))
    assert ents[person[0]] == ("PERSON", person[1])


def test_a_three_letter_town_is_no_ambiguous_name(nlp):
    ents = entities_of(resolved(nlp, "Vote", ("The new governor, a lawyer from Ufa, was sworn in.",), {"^Ufa$": ""}))
    assert ents["Ufa"] == ("GPE", 1)


@pytest.mark.parametrize("paragraph", [
    "Its ports business runs terminals at Ludhiana today.",
    "The mines lie around Rustenburg and Ludhiana, near the border.",  # a list with a place of the article
    "Both Ludhiana and Rustenburg have deep mines.",
])
def test_a_missed_place_after_at_or_in_a_list_with_a_place_is_found(nlp, paragraph):
    ents = entities_of(resolved(nlp, "Mines", (paragraph,), {"^Ludhiana$": ""}))
    assert ents["Ludhiana"] == ("GPE", 1)


@pytest.mark.parametrize("short, longer, placed, expected", [
    ("Machakos", "Machakos County", True, True),  # a city beside its county
    ("Antofagasta", "Antofagasta Region", False, True),
    ("Pune", "Pune Nagarik Sahakari Bank", True, True),  # a city beside a company named after it
    ("Pampanga", "Pampanga River", True, True),  # a region where a place stands, beside its river
    ("Pampanga", "Pampanga River", False, False),  # "the Pampanga": the river
    ("Benue", "Benue Province", True, False),  # a region is its administrative name
    ("Aurora", "Aurora Province", True, False),  # a province, a small town of that name aside
    ("Tacloban", "Tacloban City", True, False),
    ("Plumville", "Plumville County", True, False),  # no place the lexicon knows
    ("Machakos", "Nairobi County", True, False),
])
def test_own_place(short, longer, placed, expected):
    assert own_place(short, longer, placed=placed) is expected


def test_a_city_where_a_place_stands_is_not_its_county(nlp):
    ents = entities_of(resolved(nlp, "Court", (
        "Machakos County has frozen the sale of the plot.",
        "The Environment and Land Court in Machakos stopped the transfer.",
        "Machakos County officials said they would appeal."), {}))
    assert ents["Machakos County"][1] == 2 and ents["Machakos"] == ("GPE", 1)


@pytest.mark.parametrize("name, short", [
    ("Benue State", "Benue"), ("Bayelsa State", "Bayelsa"), ("Ohio State", None), ("Lagos State", None),
    ("Khartoum State", None),  # the city of Khartoum is no short form of its state
    ("Benue", None),
])
def test_state_short(name, short):
    assert state_short(name) == short


def test_a_regions_name_joins_its_name_with_state(nlp):
    ents = entities_of(resolved(nlp, "Benue tribunal reserves judgment", (
        "The tribunal sat in Makurdi, the Benue State capital, on Tuesday.",
        "The people of Benue were robbed, the petitioner said."), {}))
    assert ents["Benue State"][1] >= 2 and "Benue" not in ents
