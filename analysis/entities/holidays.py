"""Holidays and feasts are dates, no names (round 8b): spaCy now and then calls "Easter", "Christmas Eve" or
"Diwali" a place, a person or an organisation ("before the Easter break")."""
from __future__ import annotations

import functools
import re

__all__ = ["is_holiday"]

_HOLIDAY = re.compile(
    r"(?:the\s+)?(?:christmas|easter|thanksgiving|ramadan|eid(?:\s+al-(?:fitr|adha))?|diwali|deepavali|hanukkah|"
    r"chanukah|passover|pesach|lent|advent|pentecost|whitsun|halloween|hogmanay|kwanzaa|holi|vesak|navratri|"
    r"yom\s+kippur|rosh\s+hashanah|lunar\s+new\s+year|chinese\s+new\s+year|good\s+friday|boxing\s+day|"
    r"labou?r\s+day|memorial\s+day|veterans\s+day|presidents\s+day|new\s+year'?s?)"
    r"(?:\s+(?:day|eve|sunday|monday|weekend|holidays?|break|recess|season|period))?", re.IGNORECASE)


@functools.lru_cache(maxsize=50_000)
def is_holiday(surface: str) -> bool:
    """Whether a span is a holiday or feast, maybe with its day or break ("Easter", "Christmas Eve", "the
    Thanksgiving weekend"): a date, no name."""
    return _HOLIDAY.fullmatch(surface.strip().replace("\u2019", "'")) is not None
