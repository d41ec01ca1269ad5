"""Amounts are no names (round 8b): a sum written with a currency's letters ("N1.10", "RM2.40", "Rs1,250",
"₦4.5bn") is dropped, and a figure glued after a name is cut when a unit follows it ("Melbourne 61" of
"Melbourne 61 per cent", "Ipswich 12 points"; round 11: "Quell" of "Quell 52 to 44 percent")."""
from __future__ import annotations

import re

__all__ = ["is_amount", "amount_end"]

#: One to three letters or a currency sign, then a number with a decimal point or a thousands comma.
_AMOUNT = re.compile(r"(?:[A-Z][A-Za-z]{0,2}[$¢₵]?|[$£€¥₦₹₨₱₩₵₽₺₴₫฿])\s?\d{1,3}(?:,\d{3})*(?:\.\d+)?"
                     r"(?:bn|m|k|tn|mn|cr)?")  # round 10: the cedi's "GH¢", "GH₵" and other signs
_SIGNS = "$£€¥₦₹₨₱₩₵₽₺₴₫฿"
_FIGURE = re.compile(r"\s+\d[\d,.]*(?![\w,.])")
_UNIT_AFTER = re.compile(r"\s*(?:(?:to|-|\u2013)\s*\d[\d.]*\s*)?"  # round 11: a poll's "52 to 44 percent"
                         r"(?:%|per\s?cent\b|percent\b|pc\b|points?\b|pts\b|basis\s+points\b)")


def is_amount(surface: str) -> bool:
    """Whether a span is a sum of money written with a currency's letters or sign ("N1.10", "RM2.40"): a
    decimal point or a thousands comma tells it from a code such as "G7" or "A380"."""
    s = surface.strip()
    return _AMOUNT.fullmatch(s) is not None and (any(c in s for c in ".,") or s[:1] in _SIGNS)


def amount_end(text: str, start: int, end: int) -> int:
    """The end of a name glued to a figure before its unit, inside the span or after it: before the figure
    ("Melbourne" of "Melbourne 61 per cent"); else ``end``."""
    for m in _FIGURE.finditer(text, start, end):
        if m.start() > start and _UNIT_AFTER.match(text, m.end()) is not None:
            return m.start()
    return end
