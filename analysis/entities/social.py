"""Social media in news copy: the tagline "Follow Ana Tili on Twitter: @AnaTili." names the network and
the writer, never "Follow Ana Tili" or "Twitter @AnaTili"; hashtags and handles are no names."""
from __future__ import annotations

import re
from dataclasses import replace

from analysis.entities.mention import Mention

__all__ = ["social_tags"]

_NETWORKS = "Twitter|Facebook|Instagram|TikTok|Threads|Bluesky|LinkedIn"
_NETWORK_HANDLE = re.compile(rf"\b({_NETWORKS}):?\s+@\w")  # "Twitter: @AnaTili"
_FOLLOW = re.compile(r"Follow\s+(?=\S)")


def social_tags(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions without hashtags and handles ("#PorteOuverte", "@AnaTili") and cut before one
    ("Twitter @AnaTili" → "Twitter"), without the tagline's "Follow" ("Follow Ana Tili" → "Ana Tili"),
    and with the network named before a handle ("Twitter: @AnaTili") found as an organisation."""
    text = parsed.article.text
    out: list[Mention] = []
    for m in mentions:
        if m.start > 0 and text[m.start - 1] in "#@":
            continue
        cut = next((i for i, c in enumerate(m.text) if c in "#@" and i > 0 and m.text[i - 1].isspace()), None)
        if cut is not None:  # after a space, a no-break one too ("Twitter\u00a0@AnaTili", round 10)
            kept = m.text[:cut].rstrip(" :\u00a0")
            m = replace(m, end=m.start + len(kept), text=kept)
            if re.fullmatch(_NETWORKS, kept):
                m = replace(m, spacy_label="ORG", hint="ORG")
        if (follow := _FOLLOW.match(m.text)) is not None and m.start >= 0 \
                and text[max(0, m.start - 1):m.start] in ("", "\n"):
            m = replace(m, start=m.start + follow.end(), text=m.text[follow.end():], cue=False)
        if m.text:
            out.append(m)
    taken = [(m.start, m.end) for m in out]
    for hit in _NETWORK_HANDLE.finditer(text):
        s, e = hit.span(1)
        if not any(a < e and s < b for a, b in taken):
            sid = next((sid for sid, u, sent in parsed.sentences()
                        if u.start + sent.start_char <= s < u.start + sent.end_char), 0)
            paragraph = next((u.paragraph for u in parsed.units if u.start <= s < u.start + len(u.text)), 0)
            out.append(Mention(sid, paragraph, s, e, text[s:e], "ORG", "pattern", hint="ORG"))
    return sorted(out, key=lambda m: (m.start < 0, m.start))
