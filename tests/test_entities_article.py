"""Entity resolution within an article (issue 15, the blind sets' errors): a person span ending in a
legal suffix is a company, a hyphenated name the article uses whole is one; subheadings in title case
in the body are headlines (their ordinary words are no names); blind 6: an ordinary word opening a
quotation is no name, though a title-case headline capitalises it too; a team's nickname alone ("the
Otters") joins the team it follows in a match report. spaCy's mistakes seen on
real copy are forced on its raw entities to make them certain."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.entities.article import resolve_article
from tests.entity_texts import entities_of, mentions_of, parsed_of, raw_of, raw_with


@pytest.mark.parametrize("title, paragraph, whole, parts", [
    ("Valle-Marena Floods Live: Hundreds Evacuated", "Rain has swollen every river in Valle-Marena since Sunday.",
     "Valle-Marena", ()),  # named whole in the headline: one region
    ("Storm Closes Railway", "The storm closed the Kessvik-Lomen railway on Tuesday.", None, ("Kessvik", "Lomen")),
])
def test_a_hyphenated_name_the_article_uses_whole_is_one(nlp, title, paragraph, whole, parts):
    parsed = parsed_of(nlp, title, paragraph)
    text = parsed.article.text
    raw = raw_of(parsed)
    raw = raw[raw["paragraph"] == 0]
    for name in (whole.split("-") if whole else parts):  # spaCy's split pieces in the body
        start = text.index(name, len(title))
        raw = pd.concat([raw, pd.DataFrame([{"sentence_id": 1, "paragraph": 1, "start": start,
                                             "end": start + len(name), "text": name, "spacy_label": "GPE"}])])
    ents = entities_of(resolve_article(parsed, raw.reset_index(drop=True)))
    if whole:
        assert ents[whole][1] == 2 and not set(whole.split("-")) & set(ents)
    else:
        assert set(parts) <= set(ents)


@pytest.mark.parametrize("title, paragraph", [
    ("Councillors Reject Bus Plan", "Councillors in Marden have rejected a plan to take the buses back."),
    ("Budget Talks", "The treasurer met Senators on the finance committee on Tuesday."),
])
def test_the_plural_of_a_title_is_no_name(nlp, title, paragraph):
    word = paragraph.split()[0] if paragraph.startswith("Councillors") else "Senators"
    parsed = parsed_of(nlp, title, paragraph)
    assert word not in entities_of(resolve_article(parsed, raw_with(parsed, word, "ORG")))


def test_the_plural_of_a_title_may_be_a_team_in_a_match_report(nlp):
    parsed = parsed_of(nlp, "Result", "The Senators beat the Harbour Kings 4-2 on Saturday, with two goals in the "
                       "last minute of the match.", "Senators coach Lara Voss praised the goalkeeper.")
    assert "Senators" in entities_of(resolve_article(parsed, raw_with(parsed, "Senators", "ORG")))


def test_a_name_after_a_quote_mark_stays_a_name(nlp):
    parsed = parsed_of(nlp, "Marden Wharf Reopens", "Sales rose at Marden Wharf, said Ilse Varga.",
                       "\u201cKessock is next,\u201d Varga said of the town of Kessock.")
    ents = entities_of(resolve_article(parsed, raw_with(parsed, "Kessock", "GPE")))
    assert ents["Kessock"][1] == 2


# round 5 (blind 8): a corporate officer's title ("Chief Financial Officer") is no name
@pytest.mark.parametrize("paragraph, person, title_words", [
    ("Orvane, the Osaka maker of pumps, cut its forecast, Chief Financial Officer Mika Tanabe told analysts.",
     "Mika Tanabe", ("Financial Officer", "Chief Financial Officer")),
    ("The drop was smaller than feared, said Chief Operating Officer Liam Brosnan.",
     "Liam Brosnan", ("Operating Officer", "Chief Operating Officer")),
    ("Officer Dana Pruett wrote the report on Monday.", "Dana Pruett", ("Officer Dana Pruett",)),
])
def test_a_corporate_officers_title_is_no_name(nlp, paragraph, person, title_words):
    ents = entities_of(mentions_of(nlp, "Forecast cut", paragraph))
    assert ents[person][0] == "PERSON" and not any(t in ents for t in title_words)


# round 5 (blind 8 round, blind 5 and 7's errors): a number or period code glued after a headline name


# round 5 (blind 8): an ordinary word opening a sentence is no name for standing inside a company's name


# round 6 (real news): title-case words glued to a name in a headline or a linked headline go


def test_plural_nouns_after_a_name_in_the_body_stay(nlp):
    parsed = parsed_of(nlp, "Vote", "The Dornvale Rovers beat the Kell Harriers on Friday.")
    ents = entities_of(resolve_article(parsed, raw_with(parsed, "Kell Harriers", "ORG")))
    assert "Kell Harriers" in ents


# round 6 (real news): spaCy tags "Islamic" (NORP) in "the Islamic State" and leaves "State" out
@pytest.mark.parametrize("paragraph, word, entity, n", [
    ("Fighters of the Islamic State seized two villages near Dornvale, and ISIS said so on Monday.",
     "Islamic", "Islamic State", 2),  # grown, and the short form joins it
    ("The Islamic State's leaders fled Dornvale in May.", "Islamic", "Islamic State", 1),
    ("Leaders of the Group of 20 met in Dornvale in May.", "Group", "Group of 20", 1),  # over "of" and a number
    # round 7: not over a compound's lower-case tail
    ("Dornvale fears an Islamic State-led revival in May.", "Islamic", "Islamic State", 1),
])
def test_a_span_opening_a_known_name_grows_to_it(nlp, paragraph, word, entity, n):
    parsed = parsed_of(nlp, "Villages Seized", paragraph)
    raw = raw_with(parsed, word, "NORP")  # spaCy's cut span, forced
    raw = raw[~((raw["text"] != word) & raw["text"].str.contains(word))]
    ents = entities_of(resolve_article(parsed, raw))
    assert ents[entity] == ("ORG", n) and word not in ents


def test_a_span_opening_a_known_place_grows_over_an_elided_particle(nlp):  # round 10 (blind 14)
    parsed = parsed_of(nlp, "Cocoa", "Cocoa farmers in C\u00f4te d\u2019Ivoire sold less in May.")
    raw = raw_with(parsed, "C\u00f4te", "ORG")  # spaCy's cut span, forced
    raw = raw[~((raw["text"] != "C\u00f4te") & raw["text"].str.contains("C\u00f4te"))]
    ents = entities_of(resolve_article(parsed, raw))
    assert ents["C\u00f4te d\u2019Ivoire"] == ("GPE", 1) and "C\u00f4te" not in ents


# round 6 (real news): a writer's social-media tagline, hashtags and handles
@pytest.mark.parametrize("paragraph, word, label, gone, kept", [
    ("Follow Ilse Varnholt on Twitter: @IlseVarn.", "Follow Ilse Varnholt", "PERSON", "Follow Ilse Varnholt",
     {"Ilse Varnholt", "Twitter"}),  # the tagline's "Follow" goes; the network before a handle is found
    ("Follow Kell Dorran on Twitter @KellDorran.", "Twitter @KellDorran", "PERSON", "Twitter @KellDorran",
     {"Twitter"}),  # a span is cut before a handle
    ("The hashtag #HelpDornvale spread fast on Sunday.", "HelpDornvale", "ORG", "HelpDornvale", set()),
    ("Follow Kell Dorran on Twitter\u00a0@KellDorran.", "Twitter\u00a0@KellDorran", "PERSON",
     "Twitter\u00a0@KellDorran", {"Twitter"}),  # round 10 (real news): after a no-break space too
])
def test_a_social_media_tagline_names_the_network_and_the_writer(nlp, paragraph, word, label, gone, kept):
    parsed = parsed_of(nlp, "Floods", "Rivers rose in Dornvale on Sunday.", paragraph)
    raw = raw_with(parsed, word, label)
    raw = raw[~((raw["text"] != word) & raw["text"].apply(lambda t: t in word or word in t))]
    ents = entities_of(resolve_article(parsed, raw))
    assert gone not in ents and kept <= set(ents)
    assert "Twitter" not in kept or ents["Twitter"][0] == "ORG"


# round 6 (real news): a poll's sponsors joined by a slash or a hyphen are two organisations
@pytest.mark.parametrize("paragraph, word, parts", [
    ("A new Dorn Tribune/Kell University poll put the mayor ahead.", "Dorn Tribune/Kell University",
     ("Dorn Tribune", "Kell University")),
    ("The Varn Ledger/Dornvale College Poll was taken in May.", "Varn Ledger/Dornvale College Poll",
     ("Varn Ledger", "Dornvale College")),
    ("In the latest Dornvale Herald-KBN News poll, the mayor leads.", "Dornvale Herald-KBN News",
     ("Dornvale Herald", "KBN News")),
])
def test_a_polls_sponsors_joined_by_a_slash_or_a_hyphen_are_two(nlp, paragraph, word, parts):
    parsed = parsed_of(nlp, "Mayor Ahead", paragraph)
    raw = raw_with(parsed, word, "ORG")  # spaCy's joined span, forced
    raw = raw[~((raw["text"] != word) & raw["text"].apply(lambda t: t in word or word in t))]
    ents = entities_of(resolve_article(parsed, raw))
    assert word not in ents and set(parts) <= set(ents)


# round 10 (real news): one sponsor's "Poll" goes; a hyphen joins two sponsors when the first is written alone
@pytest.mark.parametrize("paragraphs, word, parts", [
    (("The Dorn Tribune Poll was taken in May.",), "Dorn Tribune Poll", ("Dorn Tribune",)),
    (("The Dorn Tribune said on Monday that the race was close.", "The Dorn Tribune-Vantage Analytics poll "
      "put the mayor ahead."), "Dorn Tribune-Vantage Analytics", ("Dorn Tribune", "Vantage Analytics")),
])
def test_a_polls_sponsor_is_named_without_the_poll(nlp, paragraphs, word, parts):
    parsed = parsed_of(nlp, "Mayor Ahead", *paragraphs)
    raw = raw_with(parsed, word, "ORG")  # spaCy's span, forced
    raw = raw[~((raw["text"] != word) & raw["text"].apply(lambda t: t in word or word in t))]
    ents = entities_of(resolve_article(parsed, raw))
    assert word not in ents and set(parts) <= set(ents), ents


def test_a_hyphenated_name_outside_a_poll_stays_whole(nlp):
    parsed = parsed_of(nlp, "Choir", "The Collectif Haut-Vallon Chanteurs sang in Dornvale on Sunday.")
    raw = raw_with(parsed, "Collectif Haut-Vallon Chanteurs", "ORG")
    raw = raw[~((raw["text"] != "Collectif Haut-Vallon Chanteurs") & raw["text"].str.contains("Vallon"))]
    assert "Collectif Haut-Vallon Chanteurs" in entities_of(resolve_article(parsed, raw))


# round 6 (real news): a compound's lower-case suffix is no part of a name
@pytest.mark.parametrize("paragraph, word, name", [
    ("The Ilse Varnholt-led council voted on Monday.", "Ilse Varnholt-led", "Ilse Varnholt"),
    ("A Dornvale-based charity gave the money.", "Dornvale-based", "Dornvale"),
])
def test_a_compounds_suffix_is_no_part_of_the_name(nlp, paragraph, word, name):
    parsed = parsed_of(nlp, "Council Votes", paragraph)
    raw = raw_with(parsed, word, "PERSON" if " " in name else "GPE")
    raw = raw[~((raw["text"] != word) & raw["text"].apply(lambda t: t in word or word in t))]
    ents = entities_of(resolve_article(parsed, raw))
    assert word not in ents and name in ents


# round 6 (real news): a US party–state tag names the member's state, whatever its abbreviation
@pytest.mark.parametrize("paragraph, surface, state", [
    ("Sen. Ilse Varnholt (D-Mo.) said she would vote no on Monday.", "Mo.", "Missouri"),
    ("Rep. Kell Dorran (R-Tex.) agreed with her.", "Tex.", "Texas"),
    ("Rep. Kell Dorran, R-Pa., agreed with her.", "Pa.", "Pennsylvania"),
    ("Rep. Al Verm (R-TX) did too.", "TX", "Texas"),
])
def test_a_party_state_tag_names_the_state(nlp, paragraph, surface, state):
    m = mentions_of(nlp, "Vote", paragraph)
    row = m[m["text"] == surface]
    assert list(zip(row["entity"], row["label"])) == [(state, "GPE")]


# round 6 (real news): a US state's nickname "the X State" is the state
@pytest.mark.parametrize("paragraph, nickname, state", [
    ("Ilse Varnholt campaigned in New Hampshire on Monday. Voters in the Granite State like her.",
     "Granite State", "New Hampshire"),
    ("Ilse Varnholt campaigned in Iowa on Monday. Voters in the Hawkeye State like her.", "Hawkeye State", "Iowa"),
])
def test_a_states_nickname_is_the_state(nlp, paragraph, nickname, state):
    parsed = parsed_of(nlp, "Campaign", paragraph)
    raw = raw_with(parsed, nickname, "ORG")  # as spaCy tags it on real copy
    raw = raw[~((raw["text"] != nickname) & raw["text"].str.contains(nickname.split()[0]))]
    assert entities_of(resolve_article(parsed, raw))[state] == ("GPE", 2)


def _forced(parsed, spans: dict[str, str]) -> pd.DataFrame:
    """spaCy's entities with each text of ``spans`` tagged its label wherever it stands (overlapping
    entities dropped): a span spaCy glued on real copy, made certain."""
    text, raw = parsed.article.text, raw_of(parsed)
    rows = []
    for span, label in spans.items():
        start = text.find(span)
        while start >= 0:
            end = start + len(span)
            raw = raw[(raw["end"] <= start) | (raw["start"] >= end)]
            paragraph = next(u.paragraph for u in parsed.units if u.start <= start < u.start + len(u.text))
            rows.append({"sentence_id": paragraph, "paragraph": paragraph, "start": start, "end": end,
                         "text": span, "spacy_label": label})
            start = text.find(span, end)
    return pd.concat([raw, pd.DataFrame(rows)]).sort_values("start").reset_index(drop=True)


@pytest.mark.parametrize("paragraphs, forced, people, others, gone", [
    # round 7 (real news): a person's possessive glued to the name after it is two names
    (("Marta Kovacs of Redwood Capital Group gave $5,000.", "Kovacs’s Redwood Capital Group later took on her nephew."),
     {"Kovacs’s Redwood Capital Group": "ORG", "Redwood Capital Group": "ORG"}, {"Marta Kovacs": 2},
     {"Redwood Capital Group": 2}, "Kovacs’s"),
    (("Ilse Brandt spent the summer in the Catskills.", "Each July the family rents Brandt’s Catskills cabin."),
     {"Ilse Brandt": "PERSON", "Brandt’s Catskills": "ORG"}, {"Ilse Brandt": 2}, {"Catskills": 2}, "Brandt’s"),
    # a full name spaCy calls a person before a possessive and a lone ordinary word: the person alone
    (("Ada Quist’s Almanac of County Polls lists the town as a safe seat.",),
     {"Ada Quist’s Almanac": "PERSON"}, {"Ada Quist": 1}, {}, "Almanac"),
    (("Ilse Brandt wrote it.", "Brandt’s Salt and Iron opened in May."),
     {"Ilse Brandt": "PERSON", "Brandt’s Salt and Iron": "ORG"}, {"Ilse Brandt": 2}, {}, "Salt"),
])
def test_a_persons_possessive_glued_to_a_name_is_split(nlp, paragraphs, forced, people, others, gone):
    parsed = parsed_of(nlp, "Donors", *paragraphs)
    ents = entities_of(resolve_article(parsed, _forced(parsed, forced)))
    for name, n in {**people, **others}.items():
        assert ents[name][1] == n
    assert all(ents[p][0] == "PERSON" for p in people)
    assert not any(gone in e for e in ents)


def test_an_institution_named_with_a_possessive_stays_whole(nlp):
    parsed = parsed_of(nlp, "Hospital", "Dr. Ana Ruiz works at St Oswin’s College London.",
                       "Ruiz said St Oswin’s College London would grow.")
    ents = entities_of(resolve_article(parsed, _forced(parsed, {"Oswin’s College London": "ORG"})))
    assert "St Oswin’s College London" in ents and "Oswin" not in ents


# round 8b: a hyphenated surname spaCy splits, with a possessive, is the person named in full elsewhere


# round 8b: a team spaCy calls a person ("the Kessock Tūī") is still a team, and its nickname alone joins it


# round 8b: a legal suffix after a bracketed private-company mark makes a person span a company


