"""An organisation's initials used alone, never defined in brackets and missed by spaCy ("the PQ" of the
"Parti Québécois", "the DA" of the "Democratic Alliance"): found wherever the article writes them."""
from __future__ import annotations

import bisect
import re

from analysis.entities.mention import Mention
from analysis.entities.names import initials, known

__all__ = ["initial_mentions"]

_CAPITALS = re.compile(r"(?<![\w@#$&.-])([A-Z]{2,5})(?![\w-]|\.\w)")


def initial_mentions(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the initials of a multi-word organisation of the article (spaCy's ORG, or a name found
    by pattern that holds no person) where the text writes them alone and no mention covers them.

    Args:
        parsed: The parsed article (its units give paragraphs and sentences).
        mentions: The article's mentions so far.
    """
    longs: dict[str, set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.start >= 0 and len(words) > 1 and m.spacy_label in ("ORG", "") and all(w[:1].isupper() or w.islower()
                                                                               for w in words):
            for acronym in initials(m.text):
                if len(acronym) >= 2:
                    longs.setdefault(acronym, set()).add(m.text)
    longs = {a: names for a, names in longs.items() if len(names) == 1 and known(a) is None}
    if not longs:
        return []
    text = parsed.article.text
    taken = sorted((m.start, m.end) for m in mentions if m.start >= 0)
    starts = [s for s, _ in taken]
    hits = [h for h in _CAPITALS.finditer(text, len(parsed.article.title)) if h.group(1) in longs
            and not _covered(taken, starts, h.start(1), h.end(1))]
    if not hits:
        return []
    bounds = [(u.paragraph, u.start + sent.start_char, u.start + sent.end_char, sid)
              for sid, u, sent in parsed.sentences()]
    out = []
    for hit in hits:
        where = next(((p, sid) for p, a, b, sid in bounds if a <= hit.start(1) < b), None)
        if where is not None and where[0] != 0:  # not the headline
            out.append(Mention(where[1], where[0], hit.start(1), hit.end(1), hit.group(1), "", "propagated"))
    return out


def _covered(taken: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether a mention overlaps ``[start, end)`` (``taken`` sorted, ``starts`` their starts)."""
    i = bisect.bisect_right(starts, start) - 1
    return any(s < end and start < e for s, e in taken[max(0, i - 1):i + 2])
