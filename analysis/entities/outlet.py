"""The article's own outlet named in its body (round 8b): "he told The Kell Morning Post", "she told KBN"
(the initials of Kell Broadcasting News), "the Chronicle’s correspondent" (of The Tarvel Chronicle) are
organisation mentions of the source, whatever spaCy calls them or where it missed them."""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from analysis.entities.mention import Mention

__all__ = ["outlet_mentions"]

#: Newspaper words that stand for the paper after "the": "the Chronicle", "the Post".
_PAPER_WORDS = frozenset("""chronicle post times herald gazette tribune courier journal telegraph guardian observer
globe star mail express mirror beacon ledger record examiner inquirer sentinel register bulletin dispatch
independent standard monitor""".split())


@functools.lru_cache(maxsize=256)
def _patterns(source: str) -> tuple[tuple[re.Pattern, bool], ...]:
    """The outlet's forms as patterns, and whether each is its newspaper word alone."""
    out = []
    for form in _forms(source):
        paper = " " not in form and form[:1].isupper() and not form.isupper()
        pattern = (r"(?<=\bthe )" if paper else r"(?<![\w-])") + re.escape(form) + (
            r"(?=['\u2019]s\b|[^\w'\u2019-]|$)(?! [A-Z])" if paper else r"(?![\w-])")
        out.append((re.compile(pattern, re.IGNORECASE if paper else 0), paper))
    return tuple(out)


def _forms(source: str) -> list[str]:
    """The ways the body may name the outlet: its name with and without "The", its initials (three or more
    capitals), and its newspaper word alone."""
    name = re.sub(r"^The\s+", "", source.strip())
    words = name.split()
    forms = [f"The {name}", name] if len(words) > 1 else []
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 3 and len(caps) == len(words):
        forms.append("".join(w[0] for w in caps))
    if len(words) > 1 and words[-1].lower() in _PAPER_WORDS:
        forms.append(words[-1])
    return forms


def outlet_mentions(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the outlet's names in the body marked as organisations, those spaCy missed added
    (origin "pattern"); its newspaper word alone only after "the" and before no capitalised word."""
    patterns = _patterns(getattr(parsed.article, "source", "") or "")
    if not patterns:
        return mentions
    text, start0 = parsed.article.text, len(parsed.article.title)
    spans: list[tuple[int, int]] = []
    for pattern, paper in patterns:
        for m in pattern.finditer(text, start0):
            s, e = m.start(), m.end()
            if paper and not text[s:s + 1].isupper():
                continue
            if not any(a <= s < b or a < e <= b for a, b in spans):
                spans.append((s, e))
    if not spans:
        return mentions
    out = []
    for m in mentions:
        if any(a <= m.start and m.end <= b for a, b in spans):
            m = replace(m, spacy_label="ORG", hint="ORG", cue=False)
        out.append(m)
    covered = [(m.start, m.end) for m in mentions if m.start >= 0]
    missed = [(s, e) for s, e in spans if not any(a < e and s < b for a, b in covered)]
    if not missed:
        return out
    sentences = [(u.start + sent.start_char, u.start + sent.end_char, sid, u.paragraph)
                 for sid, u, sent in parsed.sentences()]
    for s, e in missed:
        where = next(((sid, par) for a, b, sid, par in sentences if a <= s < b), None)
        if where is not None:
            out.append(Mention(where[0], where[1], s, e, text[s:e], "ORG", "pattern", hint="ORG"))
    return sorted(out, key=lambda m: (m.start < 0, m.start))
