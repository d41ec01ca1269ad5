"""Names of works and events.

A name in quotation marks after a network's possessive or "on" is a show's title: MSNBC's "Morning
Hours", said on "Sunday Desk", and so is a title with "the" after a network's ("KBC's Meet the Voters");
one after "author of" is a book's (:func:`show_title`); a name an event is "called" is the event's ("a
fundraiser called Pints and Polls", :func:`event_called`); so is a name right after "the film", "the album",
"the single" … (:func:`titled_work`). Recurring games, championships and awards that spaCy takes for
organisations, people or places ("the Olympics", "an Olympic champion", "the Oscars", "a Grammy") are events
(:data:`EVENT_NAMES`, session 10), as are names ending in "Awards", "Cup", "Marathon", "Festival" …
(:data:`EVENT_HEADS`), and the products news names most ("Windows", "Xbox", "iPod") are products
(:data:`PRODUCT_NAMES`). :func:`work_kind` gives the label.
"""
from __future__ import annotations

import re

from analysis.entities.names import known, name_key

__all__ = ["show_title", "event_called", "titled_work", "work_kind", "EVENT_NAMES", "EVENT_HEADS", "PRODUCT_NAMES"]

#: Name keys of recurring games, championships and awards, their plurals and adjectives.
EVENT_NAMES = frozenset("""olympics olympic paralympics paralympic oscar oscars grammy grammys emmy emmys baftas
eurovision""".split()) | frozenset({
    "olympic games", "paralympic games", "winter olympics", "summer olympics", "commonwealth games", "asian games",
    "pan american games", "world cup", "rugby world cup", "cricket world cup", "fifa world cup", "six nations",
    "tri nations", "tri-nations", "super bowl", "world series", "champions league", "europa league", "ryder cup",
    "davis cup", "solheim cup", "tour de france", "giro d'italia", "grand national", "academy award",
    "academy awards", "golden globe", "golden globes", "grammy awards", "emmy awards", "bafta awards", "brit awards",
    "tony awards", "booker prize", "man booker prize", "nobel prize", "pulitzer prize", "turner prize",
    "mercury prize", "eurovision song contest", "australian open", "french open", "us open", "grand slam",
    "premiership", "formula one", "formula 1"})
#: Last words of the names of events: awards and prizes, championships and cups, festivals and shows
#: ("MTV Europe Awards", "London Marathon", "Consumer Electronics Show"), not leagues (organisations).
EVENT_HEADS = frozenset("""awards award prize prizes championships marathon festival cup open trophy tournament
show expo olympiad""".split())
#: Name keys of products news names most (software, consoles, devices, drugs): no organisations.
PRODUCT_NAMES = frozenset({
    "windows", "windows xp", "windows vista", "windows 7", "windows 10", "windows 11", "xbox", "xbox 360",
    "xbox one", "xbox live", "playstation", "playstation 2", "playstation 3", "playstation 4", "playstation 5", "ps2",
    "ps3", "ps4", "ps5", "psp", "wii", "nintendo ds", "game boy", "ipod", "ipods", "iphone", "iphones", "ipad",
    "ipads", "itunes", "imac", "macbook", "android", "linux", "kindle", "gmail", "photoshop", "firefox", "prozac",
    "viagra", "botox"})
_WORK_CUE = re.compile(r"\b(?:film|movie|album|single|song|documentary|novel|play|musical|sitcom|opera|ballet|"
                       r"video game|game|TV series|series|show|book)\s+[\"\u201c\u2018']?$")

_SHOW_BEFORE = re.compile(r"(?:[A-Z][\w.&]*['\u2019]s?|\bon)\s+(?:''|[\"\u201c\u2018'])$")  # or NYT's ''
_QUOTE_MARKS = "\"\u201c\u2018'"
_SHOW_AFTER = re.compile(r"[.,!?]?[\"\u201d\u2019']")
_NETWORK_BEFORE = re.compile(r"\b[A-Z]{2,6}['\u2019]s?\s+$")
_AUTHOR_OF = re.compile(r"\b(?:author|co-author|editor) of (?:the (?:book|novel|memoir|report) )?$")
_EVENT_CALLED = re.compile(r"\b(?:event|rally|festival|fundraiser|dinner|gala|conference|summit|forum|breakfast|"
                           r"luncheon|concert|fair|parade|march|race|contest|tournament)s?\b[^.;:!?]{0,30}\b"
                           r"(?:called|named|dubbed|billed as)\s+[\"\u201c\u2018']?$")


def show_title(text: str, start: int, end: int) -> bool:
    """Whether a span is all of a quotation after a network's possessive or "on" ("Kellnet Radio's "Morning
    Hours."", "said on “Sunday Desk”"), or a title with "the" after a network's ("KBC's Meet the Voters"):
    a show's title; or a book's after "author of" ("is the author of Harbour Lights and …"): no entity."""
    if text.endswith(("of ", "book ", "novel ", "memoir ", "report "), 0, start) \
            and _AUTHOR_OF.search(text, max(0, start - 40), start) is not None:
        return True
    if " the " in text[start:end] and _NETWORK_BEFORE.search(text, max(0, start - 20), start) is not None:
        return True  # "KBC' Meet the Voters", not "KBC' Ada Quist"
    return (text[start - 1:start] in _QUOTE_MARKS and start > 0 and _SHOW_AFTER.match(text, end) is not None
            and _SHOW_BEFORE.search(text, max(0, start - 40), start) is not None)


def event_called(text: str, start: int) -> bool:
    """Whether a name is what an event is called ("supporters held a fundraiser called Pints and Polls", "a
    gala dubbed “Kell Nights”"): the event's name, no organisation (not "a group called …")."""
    before = text[start - 12:start] if start > 12 else text[:start]
    if "called" not in before and "named" not in before and "dubbed" not in before and "billed" not in before:
        return False
    return _EVENT_CALLED.search(text, max(0, start - 80), start) is not None


def titled_work(text: str, start: int, end: int) -> bool:
    """Whether a name comes right after the kind of work it is: "the film Dornvale Nights", "the album Harbour
    Tides", "his single Kell Road" (not "the film star Ada Quist": the cue must touch the name; nor an acronym or
    a name the gazetteer knows: "the series BBC viewers love")."""
    return (_WORK_CUE.search(text, max(0, start - 30), start) is not None
            and text[start - 1:start] in _QUOTE_MARKS + " "
            and not text[start:end].isupper() and known(text[start:end]) is None)


def work_kind(text: str, start: int, end: int) -> str:
    """"WORK_OF_ART" for a show's, a book's or a film's title (:func:`show_title`, :func:`titled_work`), "EVENT"
    for an event's name (:func:`event_called`, :data:`EVENT_NAMES`), "PRODUCT" for a product's
    (:data:`PRODUCT_NAMES`), else ""."""
    if show_title(text, start, end) or titled_work(text, start, end):
        return "WORK_OF_ART"
    key = name_key(text[start:end])
    if key in PRODUCT_NAMES:
        return "PRODUCT"
    words = key.split()
    return "EVENT" if event_called(text, start) or key in EVENT_NAMES or (
        len(words) >= 2 and words[-1] in EVENT_HEADS and known(text[start:end]) is None) else ""
