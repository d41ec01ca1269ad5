"""Names of works and events.

A name in quotation marks after a network's possessive or "on" is a show's title: MSNBC's "Morning
Hours", said on "Sunday Desk", and so is a title with "the" after a network's ("KBC's Meet the Voters");
one after "author of" is a book's (:func:`show_title`); a name an event is "called" is the event's ("a
fundraiser called Pints and Polls", :func:`event_called`); :func:`work_kind` gives the label.
"""
from __future__ import annotations

import re

__all__ = ["show_title", "event_called", "work_kind"]

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


def work_kind(text: str, start: int, end: int) -> str:
    """"WORK_OF_ART" for a show's or a book's title (:func:`show_title`), "EVENT" for an event's name
    (:func:`event_called`), else ""."""
    if show_title(text, start, end):
        return "WORK_OF_ART"
    return "EVENT" if event_called(text, start) else ""
