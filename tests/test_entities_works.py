"""Works and events (:mod:`analysis.entities.works`, issue 15): a show's title in quotation marks after a network,
what an event is called. Tiny hand-written texts with names other than those of the test sets."""
from __future__ import annotations

import pytest

from analysis.entities.works import event_called, show_title, titled_work, work_kind
from tests.entity_texts import entities_of, resolved


@pytest.mark.parametrize("text, name, show", [
    # round 7 (real news): all of a quotation after a network's possessive or "on" is a show's title
    ('in an interview with Kellnet Radio\'s "Morning Hours."', "Morning Hours", True),
    ("she said on \u201cSunday Desk\u201d last week", "Sunday Desk", True),
    ("told the Harlow Courier\u2019s \u201cCity Beat,\u201d a podcast", "City Beat", True),
    ('the mayor of "Port Kell" said', "Port Kell", False),  # no possessive nor "on" before it
    ("Kellnet Radio's Ada Quist said", "Ada Quist", False),  # not in quotation marks
    ('on "Ada Quist and the Band" tonight', "Ada Quist", False),  # part of the quotation only
    ("Ada Quist, the author of Harbour Lights, teaches in Kell.", "Harbour Lights", True),  # a book
    ("Ada Quist is the author of the book Harbour Lights.", "Harbour Lights", True),
    ("The author, Ada Quist of Kell, said", "Kell", False),
    ("the senator told KBC' Meet the Voters on Sunday", "Meet the Voters", True),  # a network's show with "the"
    ("the senator told KBC's Ada Quist on Sunday", "Ada Quist", False),  # a network's reporter
])
def test_a_name_quoted_after_a_networks_possessive_is_a_show(text, name, show):
    start = text.index(name)
    assert show_title(text, start, start + len(name)) is show


def test_a_show_is_no_organisation_and_leaves_its_network_apart(nlp):
    ents = entities_of(resolved(nlp, "Show", ("The mayor spoke on Monday to Kellnet Radio's "
                                              '"Breakfast Desk Daily."', "She cited a Breakfast Desk report."),
                                {"^Breakfast Desk Daily$": "ORG", "^Breakfast Desk$": "ORG"}))
    assert ents["Breakfast Desk Daily"][0] == "WORK_OF_ART" and ents["Breakfast Desk"] == ("ORG", 1)


@pytest.mark.parametrize("text, name, event", [
    # round 7 (real news): what an event is called is the event's name, no organisation
    ("After the count, supporters held a fundraiser called Pints and Polls, where", "Pints and Polls", True),
    ("the annual fundraiser dubbed \u201cKell Nights\u201d raised $5,000", "Kell Nights", True),
    ("a group called Parents for Kell said", "Parents for Kell", False),  # a group is an organisation
    ("the event was held in Kell on Monday", "Kell", False),
])
def test_what_an_event_is_called_is_its_name(text, name, event):
    assert event_called(text, text.index(name)) is event


def test_an_event_called_so_is_no_organisation(nlp):
    ents = entities_of(resolved(nlp, "Event", ("After the count, supporters held a fundraiser called Pints and Polls.",
                                               "Most Pints and Polls guests backed the mayor."),
                                {"Pints and Polls": "ORG"}))
    assert ents["Pints and Polls"] == ("EVENT", 2)


@pytest.mark.parametrize("text, title, expected", [
    # round 8 (real news): a show's title quoted with two apostrophes, as the NYT quotes, after a network's
    ("Mr. Quist said by telephone on KBN's ''Morning Desk.'' ''She lies,'' he said.", "Morning Desk", True),
    ("Mr. Quist said it to Ada Brandt on Monday.", "Ada Brandt", False),
])
def test_a_show_quoted_with_two_apostrophes_is_a_title(text, title, expected):
    start = text.index(title)
    assert show_title(text, start, start + len(title)) is expected


@pytest.mark.parametrize("text, name, kind", [
    # session 10 (real BBC news): a name right after the kind of work it is
    ("The Kell Quartet released the album Harbour Tides in 2003.", "Harbour Tides", "WORK_OF_ART"),
    ("She won for the film Dornvale Nights.", "Dornvale Nights", "WORK_OF_ART"),
    ("He starred in the sitcom \u201cHarbour Lights\u201d for years.", "Harbour Lights", "WORK_OF_ART"),
    ("The film star Ada Quist arrived.", "Ada Quist", ""),  # the cue does not touch the name
    ("He stars in the series BBC viewers love.", "BBC", ""),  # an acronym is no title
    ("He toured the album Paris fans loved.", "Paris", ""),  # nor a known place
    # recurring games and awards spaCy takes for organisations or people
    ("She won gold at the Olympics in May.", "Olympics", "EVENT"),
    ("He was nominated for two Grammys last year.", "Grammys", "EVENT"),
    ("The Six Nations starts in February.", "Six Nations", "EVENT"),
    ("She lost in the Australian Open final.", "Australian Open", "EVENT"),
    ("Harwick Rovers lead the Premiership by two points.", "Premiership", "EVENT"),
    # names ending in an event's word; a league is an organisation, a known name keeps its label
    ("She won the Kell City Marathon in April.", "Kell City Marathon", "EVENT"),
    ("The Dornvale Music Awards were held on Friday.", "Dornvale Music Awards", "EVENT"),
    ("He won the Harwick Open last year.", "Harwick Open", "EVENT"),
    ("The Chinook Hockey League fined the club.", "Chinook Hockey League", ""),
    # the products news names most
    ("Microsoft said Windows sold well.", "Windows", "PRODUCT"), ("Sales of the Xbox rose.", "Xbox", "PRODUCT"),
    ("He bought an iPod in May.", "iPod", "PRODUCT"),
    ("Windows Genuine Advantage began.", "Windows Genuine Advantage", ""),  # a programme named after one
    ("The Olympic Council of Kell met.", "Olympic Council of Kell", ""),  # an organisation named after them
])
def test_titles_of_works_and_recurring_events(text, name, kind):
    start = text.index(name)
    assert work_kind(text, start, start + len(name)) == kind
    assert titled_work(text, start, start + len(name)) is (kind == "WORK_OF_ART")
