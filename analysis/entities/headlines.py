"""Headlines and subheadings: title case capitalises common nouns, so their spans need the body.

Headline mentions lose ordinary words the body does not use as a name ("Turnout Slips"), are cut to the
names the body uses ("Porthaven City Edge Kirkby Town" → "Porthaven City", "Kirkby Town",
:func:`headline_pieces`) or to the name inside ("Sea Ice Off Hokkaido Thinning Faster" → "Hokkaido",
:func:`headline_core`), grown to one ("Teles" → "Teles Robótica") and lose a number glued after them
("Sahyadri Agro Q1"): :func:`headline_mentions`. Subheadings in title case in the body are headlines too
(:func:`heading_end`, :func:`heading_spans`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.descriptors import field_end
from analysis.entities.lexicon import lexicon, ordinary
from analysis.entities.mention import Mention
from analysis.entities.names import (
    ADMIN_WORDS,
    CLUB_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.works import work_kind

__all__ = ["headline_mentions", "unglued", "heading_spans", "headline_pieces", "heading_end", "headline_core"]

_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. ?)+[A-Z][a-z][\w'\u2019-]*")
_HEADLINE_NUMBER = re.compile(r"(?:\s+(?:\d[\d,.]*%?|Q[1-4]|H[12]|FY\d{2,4}))+$")  # a headline's "Q1", "240"
#: Words that end names of organisations, places and clubs (a headline word is none of them).
_NAME_ENDS = ORG_WORDS | GEO_WORDS | CLUB_WORDS | LEGAL_SUFFIXES | ADMIN_WORDS


def headline_mentions(mentions: list[Mention], *, split: bool, title: str = "",
              headings: dict[int, tuple[int, int]] | None = None) -> list[Mention]:
    """Headline mentions without ordinary words that the body does not use as a name ("Turnout
    Slips"), and with ``split``, cut to the names the body uses ("Porthaven City Edge Kirkby Town" →
    "Porthaven City", "Kirkby Town") or grown to one ("Teles" → "Teles Robótica" in ``title``).
    A number or a period code glued after a headline name goes ("Sahyadri Agro Q1", "Cut 240").
    Subheadings in the body (``headings``: paragraph → their offsets, :func:`heading_spans`) are
    headlines too ("Cleaner Water Ahead", "Fewer Buses on Rural Routes: …")."""
    headings = headings or {}

    def in_body(m: Mention) -> bool:
        span = headings.get(m.paragraph)
        return m.paragraph > 0 and (span is None or m.end <= span[0] or m.start >= span[1])

    body = {name_key(m.text) for m in mentions if in_body(m)}
    body |= {k.rsplit(" ", 1)[-1] for m in mentions if in_body(m) and m.spacy_label == "PERSON"
             for k in [name_key(m.text)] if " " in k}  # surnames: "Adair" of "Phoenix Adair"
    body |= {k.rsplit(" ", 1)[0] for k in body if k.rsplit(" ", 1)[-1].strip(".") in LEGAL_SUFFIXES}
    surfaces = sorted({m.text for m in mentions if in_body(m)}, key=len, reverse=True)
    out: list[Mention] = []
    grown_end = -1
    for m in sorted(mentions, key=lambda m: (m.start < 0, m.start)):
        if m.paragraph != 0 and in_body(m):
            out.append(m)
            continue
        if m.start < grown_end:
            continue  # inside a headline name grown to the body's ("Okafor" in "Paris Okafor")
        if split and m.paragraph == 0:
            longer = next((s for s in surfaces if s.startswith(m.text + " ") and title.startswith(s, m.start)), None)
            if longer is not None:
                m = replace(m, end=m.start + len(longer), text=longer, spacy_label="", cue=False)
                grown_end = m.end
        key, words = name_key(m.text), m.text.split()
        if key in body or known(m.text) is not None or _MIDDLE_INITIAL.fullmatch(m.text):
            out.append(m)  # a known name, one of the body, or a person's with a middle initial ("Tomas K. Brandt")
            continue
        pieces = headline_pieces(m.text, body) if split else None
        if pieces is None and split:
            pieces = _headline_trim(words)
        if pieces is None and split and (core := headline_core(m.text)) is not None:
            pieces = [core]  # "Sea Ice Off Hokkaido Thinning Faster" → "Hokkaido"
        if pieces is not None:
            for s, e in pieces:
                piece = m.text[s:e]
                entry = known(piece)
                out.append(replace(m, start=m.start + s, end=m.start + e, text=piece,
                                   spacy_label=entry.label if entry else "", hint=""))
        elif not all(ordinary(w) for w in words):
            out.append(m)
    return [n for n in map(_headline_number, out) if n is not None] if split else out


def unglued(text: str, m: Mention) -> Mention:
    """A mention found by a pattern, cut before the label of a caption's next field ("Port KellJob" + ":"), or
    a show's title (MSNBC's "Morning Hours") labelled a work, an event's name an event."""
    if kind := work_kind(text, m.start, m.end):
        return replace(m, spacy_label=kind, hint=kind, cue=False)
    end = field_end(text, m.start, m.end)
    return m if end == m.end else replace(m, end=end, text=text[m.start:end])


def _headline_trim(words: list[str]) -> list[tuple[int, int]] | None:
    """The name left of a headline span once title-case ordinary words glued to it go: plural nouns
    after an acronym ("KLP Candidates" → "KLP") or words before a known name ("Slam Fed" → "Fed");
    None when neither."""
    if len(words) < 2:
        return None
    first = words[0]
    if (first.isupper() and first.isalpha() and len(first) >= 2
            and all(w.endswith("s") and ordinary(w) for w in words[1:])):
        return [(0, len(first))]
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        if all(ordinary(w) for w in words[:i]) and known(rest) is not None:
            start = len(" ".join(words[:i])) + 1
            return [(start, start + len(rest))]
    return None


def _headline_number(m: Mention) -> Mention | None:
    """A headline mention without a number or a period code glued after it ("Sahyadri Agro" + " Q1"), or
    None when only ordinary words are left ("Cut" + " 240"); other mentions as they are."""
    if m.paragraph != 0 or (number := _HEADLINE_NUMBER.search(m.text)) is None or number.start() == 0:
        return m
    text = m.text[:number.start()]
    if all(ordinary(w) for w in text.split()):
        return None
    return replace(m, end=m.start + len(text), text=text)


def heading_spans(parsed) -> dict[int, tuple[int, int]]:
    """Paragraph → offsets of the subheading in title case that is the paragraph or opens it before a
    colon (:func:`heading_end`)."""
    out, seen = {}, set()
    for unit in parsed.units:
        if unit.paragraph > 0 and unit.paragraph not in seen and (end := heading_end(unit.text)) is not None:
            out[unit.paragraph] = (unit.start, unit.start + end)
        seen.add(unit.paragraph)  # a long paragraph parsed in chunks: its first only
    return out


def headline_pieces(surface: str, body: set[str]) -> list[tuple[int, int]] | None:
    """A glued headline span cut to the names the body uses: "Porthaven City Edge Kirkby Town" →
    "Porthaven City", "Kirkby Town"; "Cyclone Tamsin Hits Mozambique" → "Cyclone Tamsin",
    "Mozambique" (offsets into ``surface``); None to keep it as it is.

    A name the body uses (or a known one) begins or ends the span; the ordinary words after it
    (or before it) are headline verbs and nouns ("Edge", "Hits") and go; what is left is a piece.
    A name of the body inside the span cuts it too: "Tideflats Rezoning as Everett Warns of 'Quiet
    Giveaway'" → "Tideflats", "Everett" (:func:`_inner_names`).

    Args:
        surface: The headline span.
        body: Folded names of the body's mentions.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", surface)]
    n = len(spans)
    if n < 2 or name_key(surface) in body:
        return None

    def name(i: int, j: int) -> bool:
        part = surface[spans[i][0]:spans[j - 1][1]]
        entry = known(part)  # a short form in capitals only: "Who" is no WHO
        return name_key(part) in body or (entry is not None and (
            entry.label != "ORG" or part.isupper() or " " in part or name_key(part) == name_key(entry.canonical)))

    def word(i: int) -> str:
        return surface[spans[i][0]:spans[i][1]]

    def headline_word(i: int) -> bool:  # "Hits", "Edge"; not "Transports" or "City", which end names
        w = word(i).strip("'\"\u2018\u2019\u201c\u201d")
        return ordinary(w) and w.lower() not in _NAME_ENDS

    inner = _inner_names(n, lambda i, j: name_key(surface[spans[i][0]:spans[j - 1][1]]) in body, headline_word, word)
    if inner is not None:
        return [(spans[i][0], spans[j - 1][1]) for i, j in inner]
    prefix = next((j for j in range(n - 1, 0, -1) if name(0, j)), 0)
    suffix = next((i for i in range(max(prefix, 1), n) if name(i, n)), n)
    if not prefix and suffix == n:
        return None
    if prefix and suffix < n and suffix - prefix <= 3:  # "Ashgrove Town Stun Millwall Rovers"
        return [(spans[0][0], spans[prefix - 1][1]), (spans[suffix][0], spans[-1][1])]
    lo, hi = prefix, suffix
    if prefix:
        while lo < hi and headline_word(lo):
            lo += 1
    if suffix < n:
        while hi > lo and headline_word(hi - 1):
            hi -= 1
    if (lo, hi) == (prefix, suffix) and lo < hi:
        return None  # no headline word between the names: keep the span
    out = [(spans[0][0], spans[prefix - 1][1])] if prefix else []
    if lo < hi:
        out.append((spans[lo][0], spans[hi - 1][1]))
    if suffix < n:
        out.append((spans[suffix][0], spans[-1][1]))
    return out


_HEADING_LOWER = frozenset("a an and as at by for from in into of off on or over the to vs with".split())
_QUOTES = "\"'\u2018\u2019\u201c\u201d"
_HEADING_WORD = re.compile(r"[A-Z0-9][\w\u2019'&.,-]*|[a-z]+")


def heading_end(paragraph: str) -> int | None:
    """Where a subheading in title case ends, when it is the whole paragraph ("Cleaner Water." ,
    "Roads and Bridges") or opens it before a colon ("Fewer Buses on Rural Routes: The council …"),
    or None. Its words are capitalised but for short function words; two or more words for one
    before a colon (not a transcript's "MORROW:" or "Host:"), ten at most (sixteen for a whole paragraph,
    a linked headline); words may stand in quotation marks ("… On ‘Radical Change.’"); a paragraph
    ending in a question or a quotation is none."""
    text = paragraph.strip()
    colon = text.find(": ")
    whole = colon < 0
    head = text.rstrip(".") if whole else text[:colon]
    quoted = text[-1:] in _QUOTES and (text[:1] in _QUOTES or not re.search(r"(?:^|\s)[\"\u201c'\u2018]", text))
    if not head or (text[-1:] in "?!" or quoted) and whole:
        return None  # a question, or a quotation (not a headline quoting a phrase: "… On ‘Radical Change.’")
    words = head.split()
    if not 1 <= len(words) <= (16 if whole else 10) or (not whole and len(words) < 2) or head.isupper() \
            or not words[0][:1].isupper() \
            or is_title_word(words[0]):  # "Mr. Ban: …" is a transcript's speaker
        return None
    for w in words:
        w = w.strip(_QUOTES) or w  # "‘Disastrous’", "‘Radical Change.’"
        if _HEADING_WORD.fullmatch(w) is None or (w.islower() and w not in _HEADING_LOWER) or w.endswith(","):
            return None
    if whole and len(words) == 1 and not text.endswith("."):
        return None
    return paragraph.find(head) + len(head)


_HEADLINE_FUNCTION = frozenset("a an the who what how why when where which that this these its their his her".split())


def _inner_names(n: int, name, headline_word, word) -> list[tuple[int, int]] | None:
    """Word ranges of a headline span to keep when a name of the body (not only of the gazetteer: "North
    Atlantic Indoors" stays whole) stands inside it, neither first nor last ("Tideflats Rezoning as
    Everett Warns of …", "Draughtsman Who Gave the Clyde a Voice"): the body's names, and runs of two
    or more words that are no headline words, function words or verbs in "-ing" / "-ed" (a name only
    the headline gives); None when no name stands inside."""
    anchors, i = [], 0
    while i < n:
        j = next((j for j in range(n, i, -1) if (i, j) != (0, n) and name(i, j)), None)
        if j is not None:
            anchors.append((i, j))
        i = j if j is not None else i + 1
    if not any(0 < i and j < n for i, j in anchors):
        return None

    def plain(k: int) -> bool:
        w = word(k).strip("'\"\u2018\u2019\u201c\u201d")
        return not (headline_word(k) or w.lower() in _HEADLINE_FUNCTION or w.lower().endswith(("ing", "ed")))

    out, run = [], []
    taken = {k for i, j in anchors for k in range(i, j)}
    for k in range(n + 1):
        if k < n and k not in taken and plain(k):
            run.append(k)
            continue
        if len(run) >= 2:
            out.append((run[0], run[-1] + 1))
        run = []
    return sorted(out + anchors)


def headline_core(surface: str) -> tuple[int, int] | None:
    """A title-case headline span that no body name anchors, cut to the name inside it: the ordinary
    words up to a preposition before it and the headline words after it go ("Sea Ice Off Hokkaido
    Thinning Faster" → "Hokkaido", "Emilia-Romagna Floods Live: Thousands Evacuated" →
    "Emilia-Romagna"); offsets into ``surface``, or None when nothing is cut or no name is left."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", surface)]
    words = [surface[s:e].strip(":;,") for s, e in spans]
    n = len(words)
    if n < 3:
        return None
    lo = next((i + 1 for i, w in enumerate(words[:-1]) if w.lower() not in ("of", "and")
               and lexicon().get(w.lower()) in ("IN", "TO") and all(ordinary(x) for x in words[:i])), 0)
    hi = n
    while hi > lo + 1 and ordinary(words[hi - 1]) and words[hi - 1].lower() not in _NAME_ENDS:
        hi -= 1
    core = words[lo:hi]
    if (lo, hi) == (0, n) or all(ordinary(w) for w in core) or not core[0][:1].isupper():
        return None
    return spans[lo][0], spans[hi - 1][0] + len(words[hi - 1])
