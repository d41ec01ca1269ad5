"""Quotation marks → quoted spans, from the characters alone (no NLP).

Part of :mod:`analysis.quotes`. Everything here works on plain
strings, one string per paragraph, so it can be tested without spaCy:

- :func:`classify_marks` finds the quote-mark characters of a paragraph and
  decides from their neighbours whether each can open, close or is an
  apostrophe (don't, Kazakhstan’s, the ’90s, O’Brien, 'em);
- :func:`find_quotes` pairs the marks of every paragraph with a stack (so nested
  quotes of the other family stay inside their quotation, in the American
  “… ‘…’ …” and the British ‘… “…” …’ style alike), joins a quotation that
  runs over several paragraphs (a paragraph opens a quote, does not close it,
  and the next opens again) into one :class:`MarkedQuote` of several segments,
  and confines unbalanced marks to their paragraph.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Mark", "Segment", "MarkedQuote", "classify_marks", "find_quotes", "transcript_labels", "DOUBLE", "SINGLE"]

DOUBLE, SINGLE = "double", "single"

#: Quote characters: family, typographic direction ("open", "close" or "both").
_CHARS: dict[str, tuple[str, str]] = {
    '"': (DOUBLE, "both"), "\u201c": (DOUBLE, "open"), "\u201d": (DOUBLE, "close"), "\u201e": (DOUBLE, "open"),
    "\u201f": (DOUBLE, "open"), "\u00ab": (DOUBLE, "open"), "\u00bb": (DOUBLE, "close"),
    "'": (SINGLE, "both"), "\u2018": (SINGLE, "open"), "\u2019": (SINGLE, "close"), "\u201a": (SINGLE, "open"),
    "\u201b": (SINGLE, "open"), "\u2039": (SINGLE, "open"), "\u203a": (SINGLE, "close"),
}
_OPEN_CONTEXT = set("([{<\u2014\u2013\u2015-/\u2026") | set(_CHARS)
_CLOSE_CONTEXT = set(".,;:!?)]}>\u2014\u2013\u2015-\u2026*") | set(_CHARS)
#: Words that start with an elided letter: 'em, 'til, 'tis, 'cause, rock 'n' roll.
_ELISION = re.compile(r"(?:em|til|tis|twas|cause|n|bout|round|nuff|kay)\b", re.IGNORECASE)
_YEAR = re.compile(r"\d\d(?:s\b|\b)")
#: A cue clause right after a quote whose closing mark is missing: ``, he said.``
_CUE_AFTER = re.compile(
    r"[,.?!\u2026\u2014-]\s+(?:[A-Z][\w.'’-]*\s+){0,4}?(?:[a-z]+\s+){0,2}?"
    r"(?:said|says|told|tells|added|adds|asked|explained|remarked|noted|insisted|warned|stressed|"
    r"declared|replied|wrote|argued|continued|concluded|recalled|acknowledged|admitted|claimed)\b")


@dataclass(frozen=True)
class Mark:
    """One quote-mark character of a paragraph and what it may do there."""

    pos: int
    char: str
    family: str
    can_open: bool
    can_close: bool
    weak: bool = False  # a closer that may as well be an apostrophe (the Smiths’ house)


@dataclass(frozen=True)
class Segment:
    """The text inside one pair of marks, as offsets into its paragraph."""

    paragraph: int
    start: int
    end: int
    open_pos: int
    close_pos: int | None  # None: the paragraph ended (or a new quote began) before a closing mark


@dataclass(frozen=True)
class MarkedQuote:
    """A top-level quotation: one segment, or several when it runs over paragraphs; ``label`` is the
    speaker label of a transcript line (``HADLEY: …``), whose words are the quotation, marks or not."""

    family: str
    segments: tuple[Segment, ...]
    label: str | None = None

    @property
    def closed(self) -> bool:
        """Whether the last segment has its closing mark."""
        return self.segments[-1].close_pos is not None


#: A transcript's speaker label opening a paragraph (``HADLEY: …``, ``"SEN. MORROW: …``): capitals, a colon.
_LABEL = re.compile(r"\s*[\"'\u201c\u201d\u2018]{0,2}\s*"
                    r"((?:[A-Z][A-Z.'\u2019-]*\s+){0,2}[A-Z][A-Z'\u2019-]+)\s*:\s+(?=\S)")
#: Capitals before a colon that head a paragraph without naming a speaker.
_NOT_LABELS = frozenset("""
note editor's editor’s update updated correction corrections watch read related photo photos video videos source
sources click advertisement breaking exclusive also more warning live fact ps caption clarification disclosure
""".split())


def transcript_labels(paragraphs: Sequence[str], *, first_body: int = 1) -> dict[int, tuple[str, int]]:
    """Paragraphs that open with a speaker label, as ``{paragraph: (label, offset of the words after it)}``.

    Only in a transcript: an article where two or more body paragraphs open so. Labels that head a
    paragraph without naming anyone (``UPDATE:``, ``EDITOR'S NOTE:``, ``WATCH:``) are not labels.
    """
    out = {}
    for p in range(first_body, len(paragraphs)):
        m = _LABEL.match(paragraphs[p])
        if m and m.group(1).split()[0].lower() not in _NOT_LABELS and sum(ch.isalpha() for ch in m.group(1)) >= 2:
            out[p] = (m.group(1), m.end())
    return out if len(out) >= 2 else {}


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def classify_marks(text: str, *, double_apostrophes: bool = False) -> list[Mark]:
    """The quote marks of one paragraph, with the roles their context allows.

    Apostrophes (a mark between two letters or digits, before a two-digit year,
    before an elided word) are left out. With ``double_apostrophes``, two
    apostrophes in a row (``''We will,'' he said``, as some archives print double
    quote marks) are one double mark at the first of them.
    """
    marks = []
    skip = -1
    for i, ch in enumerate(text):
        if ch not in _CHARS or i == skip:
            continue
        family, direction = _CHARS[ch]
        width = 1
        if double_apostrophes and text.startswith("''", i):
            family, direction, width, skip = DOUBLE, "both", 2, i + 1
        prev = text[i - 1] if i else None
        nxt = text[i + width] if i + width < len(text) else None
        left = _is_space(prev) or prev in _OPEN_CONTEXT
        right = _is_space(nxt) or nxt in _CLOSE_CONTEXT
        ctx_open = left and not _is_space(nxt)
        ctx_close = right and not _is_space(prev)
        weak = False
        if family == SINGLE and width == 1:
            if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
                continue  # don't, O’Brien, Kazakhstan’s
            if left and (_YEAR.match(text, i + 1) or _ELISION.match(text, i + 1)):
                continue  # the ’90s, 'em
            if ctx_close and prev in "sSzZ" and direction != "open":
                weak = True  # the Smiths’ house, or the end of a quoted term ending in s
        if direction == "both":
            can_open, can_close = ctx_open, ctx_close
            if not can_open and not can_close:
                can_open = can_close = True
        elif direction == "open":
            can_open = not (ctx_close and not ctx_open)
            can_close = ctx_close and not ctx_open
        else:
            can_close = not (ctx_open and not ctx_close)
            can_open = ctx_open and not ctx_close
        marks.append(Mark(i, ch, family, can_open, can_close, weak))
    return marks


def _strong_closer_ahead(marks: list[Mark], k: int, family: str) -> bool:
    """Whether a non-weak closer of ``family`` follows mark ``k`` before an opener of it."""
    for m in marks[k + 1:]:
        if m.family != family:
            continue
        if m.can_close and not m.weak:
            return True
        if m.can_open and not m.can_close:
            return False
    return False


def _closers_ahead(marks: list[Mark], k: int, family: str) -> int:
    """How many more closers than openers of ``family`` follow mark ``k``."""
    n = 0
    for m in marks[k + 1:]:
        if m.family == family:
            n += 1 if m.can_close and not m.can_open else -1 if m.can_open and not m.can_close else 0
    return n


def _recover_end(text: str, start: int, end: int) -> int:
    """End of an unclosed quote: before a cue clause (``, he said``) if one follows, else ``end``."""
    match = _CUE_AFTER.search(text, start, end)
    return match.start() + 1 if match else end


def _pairs(text: str, double_apostrophes: bool = False) -> tuple[list[tuple[str, int, int | None, int]],
                                                                 list[tuple[str, int]]]:
    """Top-level (family, open, close, end) quotes of a paragraph, and its unclosed top-level opener.

    ``close`` is None for a quote cut short by a new quote of its family; the
    unclosed opener still open at the end of the paragraph, if any, is returned
    separately so that the caller can continue it in the next paragraph.
    """
    marks = classify_marks(text, double_apostrophes=double_apostrophes)
    stack: list[Mark] = []
    found: list[tuple[str, int, int | None, int]] = []
    for k, m in enumerate(marks):
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == m.family), None)
        if m.can_close and depth is not None and not (m.weak and _strong_closer_ahead(marks, k, m.family)):
            opener = stack[depth]
            del stack[depth:]  # inner quotes left open are dropped
            if not stack:
                found.append((m.family, opener.pos, m.pos, m.pos))
            continue
        if m.can_open and not m.weak:
            if depth is not None and not m.can_close and m.char != '"' and _closers_ahead(marks, k, m.family) >= 2:
                stack.append(m)  # “… “nested” …” (a typographic opener, and closers for both ahead)
                continue
            if depth is not None and not m.can_close:
                # a second opener of the same family: the first was never closed
                opener = stack[depth]
                del stack[depth:]
                end = _recover_end(text, opener.pos + 1, m.pos)
                if not stack and end < m.pos:  # kept only when a cue clause shows where it ended
                    found.append((m.family, opener.pos, None, end))
            stack.append(m)
    open_left = [(stack[0].family, stack[0].pos)] if stack else []
    return found, open_left


def _runs_on(text: str, open_pos: int) -> bool:
    """Whether an unclosed quote reads as the first paragraph of a long quotation: it opens a
    sentence (or follows a colon or comma) and the paragraph ends a sentence inside it."""
    before = text[:open_pos].rstrip()
    after = text.rstrip()
    return (not before or before[-1] in ".!?:,;\u2014\u2013\u2026" or before[-1] in _CHARS) and \
        after[-1:] in tuple(".!?\u2026\u2014\u2013")


def _segment(paragraph: int, text: str, open_pos: int, close_pos: int | None, end: int) -> Segment | None:
    """The stripped text between the marks, or None when it holds no letter or digit."""
    start = open_pos + (2 if text.startswith("''", open_pos) else 1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Segment(paragraph, start, end, open_pos, close_pos)


def find_quotes(paragraphs: Sequence[str], *, first_body: int = 1) -> list[MarkedQuote]:
    """Top-level quotations of an article, in text order.

    Args:
        paragraphs: The headline (index 0) and paragraphs, as plain strings.
        first_body: Index of the first body paragraph: quotes never continue
            from a paragraph before it (the headline) into the next.

    Returns:
        Quotations with segment offsets relative to their paragraph. A quote
        whose paragraph ends before its closing mark continues into the next
        paragraph when that paragraph starts with an opening mark of the same
        family; otherwise it ends before a cue clause such as ``, he said``
        when one follows, and is no quotation at all when none does (a stray
        mark), so an unbalanced mark never spans paragraphs. Unclosed quotes of the article's minor family (usually
        single marks in American style) are dropped as apostrophes.
    """
    # two apostrophes for a double mark, in an article that has no other double marks
    doubled = any("''" in text for text in paragraphs) and not any(
        ch in text for text in paragraphs for ch in '"\u201c\u201d\u201e\u00ab\u00bb')
    per_par = [_pairs(text, doubled) for text in paragraphs]
    labels = transcript_labels(paragraphs, first_body=first_body)
    counts = {DOUBLE: 0, SINGLE: 0}
    for p, (found, _) in enumerate(per_par):
        if p >= first_body:
            for family, _o, close, _e in found:
                counts[family] += close is not None
    primary = SINGLE if counts[SINGLE] > counts[DOUBLE] else DOUBLE

    quotes: list[MarkedQuote] = []
    pending: list[Segment] = []  # segments of a quote running over paragraphs
    for p, text in enumerate(paragraphs):
        found, open_left = per_par[p]
        if p in labels:  # a transcript line: its words are the quotation, marks inside it are nested
            if pending:
                quotes.append(MarkedQuote(primary, tuple(pending)))
                pending = []
            end = len(text.rstrip())
            ours = [m for m in classify_marks(text, double_apostrophes=doubled) if m.family == primary]
            opened = bool(ours) and ours[0].pos < labels[p][1] - 1  # "HADLEY: … (a mark before the label)
            close = ours[-1].pos if opened and len(ours) % 2 == 0 and ours[-1].pos >= end - 2 else None
            seg = _segment(p, text, labels[p][1] - 1, close, close if close is not None else end)
            if seg is None:
                continue
            nxt = paragraphs[p + 1].lstrip()[:1] if p + 1 < len(paragraphs) else ""
            if opened and close is None and p + 1 not in labels and nxt in _CHARS and _CHARS[nxt][0] == primary:
                pending = [seg]  # the line runs on into the next paragraph
            else:
                quotes.append(MarkedQuote(primary, (seg,), labels[p][0]))
            continue
        items = sorted([(o, fam, c, e) for fam, o, c, e in found] + [(o, fam, None, None) for fam, o in open_left])
        lead = len(text) - len(text.lstrip())
        if pending and not (items and items[0][0] == lead and items[0][1] == primary):
            quotes.append(MarkedQuote(primary, tuple(pending)))
            pending = []
        for o, fam, c, e in items:
            if c is None and fam != primary:
                continue  # an unclosed minor-family mark: an apostrophe after all
            continues = False
            if e is None:  # open at the end of the paragraph
                nxt = paragraphs[p + 1].lstrip()[:2] if p + 1 < len(paragraphs) else ""
                family = DOUBLE if doubled and nxt == "''" else _CHARS[nxt[0]][0] if nxt[:1] in _CHARS else None
                continues = (p >= first_body and family == primary and p + 1 not in labels
                             and _runs_on(text, o))
                e = len(text) if continues else _recover_end(text, o + 1, len(text))
                if e == len(text) and not continues and not pending:
                    continue  # a stray mark that never closes: no quotation
            seg = _segment(p, text, o, c, e)
            if seg is not None:
                pending.append(seg)
            if pending and not continues:
                quotes.append(MarkedQuote(primary if len(pending) > 1 else fam, tuple(pending)))
                pending = []
    if pending:
        quotes.append(MarkedQuote(primary, tuple(pending)))
    if labels:  # the label of a transcript line that ran on into the next paragraphs
        quotes = [MarkedQuote(q.family, q.segments, labels[q.segments[0].paragraph][0])
                  if q.label is None and q.segments[0].paragraph in labels
                  and q.segments[0].start >= labels[q.segments[0].paragraph][1] else q for q in quotes]
    return quotes
