"""Speakers (issue 14, blind set 2): people called by their age or a title given earlier, organisations named
by the words before a role noun, spokespeople of a person, public bodies cut at "and", participles of saying,
names the parse strands before a cue, unnamed sources with a post-modifier, headline lead-ins by role."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import Article
from analysis.extract import extract
from analysis.nlp import parse


def table(nlp, *paragraphs: str, title: str = "Headline") -> pd.DataFrame:
    article = Article(id="t", title=title, paragraphs=tuple(paragraphs))
    return extract(next(parse([article], nlp=nlp)))["quotes"]


def _none(value):
    return None if pd.isna(value) else value


def sources(df: pd.DataFrame) -> list[tuple]:
    return [(r.text, r.kind, _none(r.speaker), _none(r.unnamed_source)) for r in df.itertuples()]


@pytest.mark.parametrize("paragraphs, expected", [
    # "the 54-year-old": the person introduced with that age, who then stays the antecedent of "he"
    (["Brent Halvorsen, 54, pleaded guilty in June.", "Defence lawyer Raymond Liu said little.",
      "The 54-year-old addressed the court briefly.", '"I am sorry," he said.'],
     [("I am sorry,", "direct", "Brent Halvorsen", None)]),
    (["Brent Halvorsen, 54, pleaded guilty in June.", "Defence lawyer Raymond Liu said little.",
      '"I am sorry," the 54-year-old said.'],
     [("I am sorry,", "direct", "Brent Halvorsen", None)]),
    # no age given before: the person who was the subject just before
    (["Jamie Okafor, who works as a postman, opened the scoring after 23 minutes.",
      "'I was up at half four this morning,' the 27-year-old said."],
     [("I was up at half four this morning,", "direct", "Jamie Okafor", None)]),
    # a role noun refers to the person introduced with that title or a synonym of it
    (["Ravalli County Sheriff Tom Echohawk spoke in Hamilton.", "Resident Wendell Pryor was there too.",
      "The sheriff said one firefighter had been treated for heat exhaustion."],
     [("one firefighter had been treated for heat exhaustion", "indirect", "Tom Echohawk", None)]),
    (["Supreme Court Justice Miriam Achebe sentenced Brent Halvorsen on Thursday.",
      "Halvorsen had pleaded guilty in June.", '"This was a business model," the judge said.'],
     [("This was a business model,", "direct", "Miriam Achebe", None)]),
])
def test_people_called_by_age_or_title(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # an organisation named by the words before a role noun, and "the union" later
    (["The United Food and Commercial Workers union, which represents 600 workers, said it had been told "
      "that employees would be paid.", '"Our members want that in writing," the union said.'],
     [("it had been told that employees would be paid", "indirect", "United Food and Commercial Workers", None),
      ("Our members want that in writing,", "direct", "United Food and Commercial Workers", None)]),
    # "an X spokeswoman" does not make the company a person: "the company" is still the company
    (["Harrowgate Foods Inc. is recalling 2.3 million frozen meals, the company said.",
      "A Harrowgate spokeswoman, Lena Castellano, said the plant would stay closed.",
      "No illnesses have been reported, the company said."],
     [("Harrowgate Foods Inc. is recalling 2.3 million frozen meals", "indirect", "Harrowgate Foods Inc.", None),
      ("the plant would stay closed", "indirect", "Lena Castellano", None),
      ("No illnesses have been reported", "indirect", "Harrowgate Foods Inc.", None)]),
    # a group of people named in apposition by an organisation
    (["Manager Stefan Larsson spoke after the game.",
      "The club's owners, the Bellweather Group, said they remained committed to the club."],
     [("they remained committed to the club", "indirect", "Bellweather Group", None)]),
    # a spokesperson of a person speaks for that person
    (["Senator Carl Vandermeer called the plan a mistake.",
      "A spokesman for Vandermeer said the senator would offer amendments next week."],
     [("the senator would offer amendments next week", "indirect", "Carl Vandermeer", "A spokesman for Vandermeer")]),
    # a spokesperson nobody names is never the person who spoke before
    (["Manager Stefan Larsson said the protests had not affected his players.",
      "A supporters' trust spokesman said fans would march before the next home game."],
     [("the protests had not affected his players", "indirect", "Stefan Larsson", None),
      ("fans would march before the next home game", "indirect", None, "A supporters' trust spokesman")]),
    # a public body's name the NER cut at "and"
    (["Norway's Ministry of Fisheries and Oceans said in a statement that the offer "
      "'did not reflect the state of the stock'."],
     [("did not reflect the state of the stock", "partial", "Ministry of Fisheries and Oceans", None)]),
])
def test_organisations_and_their_spokespeople(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a participle of saying with a that-clause speaks for the subject of its clause
    (["Crown prosecutor Jasmine Whitford had asked for four years, arguing that the court needed to send a "
      "message."],
     [("the court needed to send a message", "indirect", "Jasmine Whitford", None)]),
    # a name the parse hung on the place before it is the subject of the cue
    (["At a Red Cross shelter set up in a high school gym in Missoula, Wendell Pryor, 71, said he had left with "
      "his dog, his medications and little else."],
     [("he had left with his dog, his medications and little else", "indirect", "Wendell Pryor", None)]),
    # a person noun without a name is an unnamed source, its phrase up to the first comma
    (["An 83-year-old widow told the court she had cancelled her late husband's memorial."],
     [("she had cancelled her late husband's memorial", "indirect", None, "An 83-year-old widow")]),
    (["An employee at one of the banks, who declined to give her name, said the man had been polite."],
     [("the man had been polite", "indirect", None, "An employee at one of the banks")]),
    (["Two officials familiar with the negotiations, who spoke on condition of anonymity, said the sides were "
      "still 40,000 tonnes apart."],
     [("the sides were still 40,000 tonnes apart", "indirect", None, "Two officials familiar with the negotiations")]),
])
def test_reported_speech_and_unnamed_sources(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


def test_headline_lead_in_by_role(nlp):
    df = table(nlp, "State Housing Secretary Adaeze Nwankwo spoke with radio host Glen Marchetti on Wednesday.",
               title='Housing secretary on rent caps: "We are not going to build our way out of this"')
    assert sources(df)[0] == ("We are not going to build our way out of this", "direct", "Adaeze Nwankwo", None)


def test_a_pronoun_after_an_unnamed_person_is_unnamed(nlp):
    df = table(nlp, "Sgt. Renata Coelho said detectives had linked the robberies.",
               "An employee at one of the banks, who declined to give her name, said the man had been polite.",
               '"He said please and thank you," she said.')
    assert sources(df) == [("detectives had linked the robberies", "indirect", "Renata Coelho", None),
                           ("the man had been polite", "indirect", None, "An employee at one of the banks"),
                           ("He said please and thank you,", "direct", None, "An employee at one of the banks")]


@pytest.mark.parametrize("paragraphs, expected", [
    # several counted organisations or people are nobody in particular
    (["Skyward Airlines agreed to buy Coastal Air for $3.1 billion, the two companies said in a joint statement."],
     [("Skyward Airlines agreed to buy Coastal Air for $3.1 billion", "indirect", None, "the two companies")]),
    # a person's name in apposition to a role, whatever the NER called it
    (["Lalonde said the leak was small.", "MP Warren Ostapchuk asked about the leak.",
      "The regulator's chief executive, Marguerite Lalonde, told the committee that staff had needed time."],
     [("the leak was small", "indirect", "Marguerite Lalonde", None),
      ("staff had needed time", "indirect", "Marguerite Lalonde", None)]),
])
def test_several_sources_and_mislabelled_names(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


def test_the_regulator_is_the_commission_named_before(nlp):
    df = table(nlp, "Ireland's Data Protection Commission opened an inquiry into Meta in May.",
               "Its assessment is ongoing, according to a statement from the regulator.")
    assert sources(df) == [("Its assessment is ongoing", "indirect", "Data Protection Commission", None)]


def test_a_headline_quotation_of_somebody_named_has_no_unnamed_source(nlp):
    df = table(nlp, "Members of Parliament pressed the regulator on Tuesday.",
               'Natural Resources Minister Omar Haddad said later that the government would demand "a full '
               'accounting" from the company.',
               title='MPs grill regulator over pipeline leak; minister promises "full accounting"')
    assert sources(df)[0] == ("full accounting", "partial", "Omar Haddad", None)


@pytest.mark.parametrize("paragraphs, expected", [
    (["Airline unions said the merger would bring chaos to schedules."],
     [("the merger would bring chaos to schedules", "indirect", None, "Airline unions")]),
    (["Skyward and Coastal agreed to merge on Tuesday.", 'After the vote, unions warned of "chaos" at airports.'],
     [("chaos", "partial", None, "unions")]),
])
def test_organisations_nobody_names_are_unnamed_sources(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


def test_a_spokesperson_for_a_council_written_in_lower_case(nlp):
    df = table(nlp, "A spokesperson for Leeds city council said repairs would begin in the spring.")
    assert sources(df) == [("repairs would begin in the spring", "indirect", "Leeds City Council",
                            "A spokesperson for Leeds city council")]


def test_a_cue_closing_the_sentence_reports_the_words_before_the_comma(nlp):
    df = table(nlp, "A 34-year-old man suspected of robbing five banks in the Sacramento area since January was "
                    "arrested Friday after a brief chase on Interstate 80, police said.")
    assert sources(df) == [("A 34-year-old man suspected of robbing five banks in the Sacramento area since January "
                            "was arrested Friday after a brief chase on Interstate 80", "indirect", None, "police")]


@pytest.mark.parametrize("paragraphs, expected", [
    # the parse cut the reported clause in two at its subject: the clause runs from the noun to its verb
    (["Greater Manchester Police said after the hearing that proceedings to confiscate his remaining assets "
      "would follow."],
     [("proceedings to confiscate his remaining assets would follow", "indirect", "Greater Manchester Police",
       None)]),
    # "saying" reports its clause with or without "that"
    (["Mayor Dana Holt left the meeting early, saying she had been misled about the costs."],
     [("she had been misled about the costs", "indirect", "Dana Holt", None)]),
])
def test_reported_clauses_the_parse_cut_or_left_without_that(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    # a Reuters dateline ends with a hyphen standing alone: the subject after it speaks, not the city
    (["COPENHAGEN, March 6 (Reuters) - Danish shipping group Nordvik Line cut its forecast on Thursday, saying "
      "fuel costs had risen."],
     [("fuel costs had risen", "indirect", "Nordvik Line", None)]),
    # a verb coordinated after a perfect shares its auxiliary: still what was said
    (["Mayor Dana Holt said the diversions had pushed up fuel costs and tied up vessels for longer than expected."],
     [("the diversions had pushed up fuel costs and tied up vessels for longer than expected", "indirect",
       "Dana Holt", None)]),
])
def test_reuters_datelines_and_perfects(nlp, paragraphs, expected):
    assert sources(table(nlp, *paragraphs)) == expected



def test_an_organisation_written_with_the_is_no_person_for_the_role_after_it_in_a_headline(nlp):
    # "… sack coach …" puts a role beside the name in the headline; "The Kingsford Hawks have …" makes it a
    # group, so "the club" still finds it
    title = "Kingsford Hawks sack coach Shane Doyle after 11 straight losses"
    paragraphs = ("The Kingsford Hawks have sacked head coach Shane Doyle with three rounds of the season "
                  "remaining, ending a four-year tenure that began with a grand final appearance and finished "
                  "with 11 consecutive defeats.",
                  "The club said in a statement: \u201cThe board has thanked Shane for his service.\u201d")
    assert sources(table(nlp, *paragraphs, title=title)) == [
        ("The board has thanked Shane for his service.", "direct", "Kingsford Hawks", None)]
