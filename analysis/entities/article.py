"""Entity resolution within one article (runs inside the cached NLP pass).

1. Clean spaCy's spans (:mod:`analysis.entities.cleaning`): grow, split and trim them, strip titles and
   roles (kept as the mention's ``role``), descriptors and junk; storms are events ("Cyclone Tamsin").
2. Repair names spaCy cut ("Kamp" → "van der Kamp", "Dallas" + "Quigley", "Movement for" +
   "Vysočina", :mod:`analysis.entities.neighbours`) and find the place of a dateline ("CEDAR HOLLOW,
   Ore. (AP) —", :mod:`analysis.entities.datelines`). A span opening a known name grows to it ("Islamic" +
   "State", :mod:`analysis.entities.grow`); hashtags, handles and the tagline's "Follow" go
   (:mod:`analysis.entities.social`).
3. Find the mentions spaCy missed (:mod:`analysis.entities.missed`); cut glued headline spans to the
   body's names and drop headline words that are no name, in the headline and in subheadings in title
   case in the body (:mod:`analysis.entities.headlines`); drop plurals of titles ("Councillors"; not in a
   match report: "the Senators"); grow a name into its possessive business ("Rosa" → "Rosa's Kitchen").
4. Note what each mention's sentence says it is, a person, speaker, organisation or place, and whether it
   stands in a quotation (:mod:`analysis.entities.context`); in a match report, teams and the towns and
   nicknames that stand for them (:mod:`analysis.entities.teams`).
5. Add the byline's authors (offsets -1: the byline is not in ``Article.text``).
6. Cluster and label (:mod:`analysis.entities.cluster`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from analysis.entities.cleaning import clean_mentions
from analysis.entities.cluster import cluster
from analysis.entities.context import mark_contexts
from analysis.entities.credits import credit_people
from analysis.entities.datelines import dateline_mentions
from analysis.entities.descriptors import business_end, residents_of
from analysis.entities.elided import elided_people
from analysis.entities.grow import grow_known
from analysis.entities.headlines import heading_spans, headline_mentions, unglued
from analysis.entities.heads import head_references
from analysis.entities.initialisms import initial_mentions
from analysis.entities.joint import split_joint
from analysis.entities.laws import mark_acts
from analysis.entities.lineups import lineup_people
from analysis.entities.listed import listed_place, royal_plural
from analysis.entities.mention import MENTION_COLUMNS, Mention
from analysis.entities.missed import patterns, propagate, speaker_labels
from analysis.entities.names import ORG_WORDS, is_spurious, is_title_word, name_key
from analysis.entities.neighbours import join_neighbours
from analysis.entities.nicknames import known_as, nickname_people
from analysis.entities.outlet import outlet_mentions
from analysis.entities.pairs import split_pairs
from analysis.entities.party_tags import name_party_states, party_states
from analysis.entities.peoples import tribal_peoples
from analysis.entities.pieces import join_written_whole
from analysis.entities.place_cues import dateline_places
from analysis.entities.place_spans import place_spans
from analysis.entities.places import world_places
from analysis.entities.programmes import mark_programmes
from analysis.entities.regional import parent_companies
from analysis.entities.repair import is_sport, storm_name
from analysis.entities.social import social_tags
from analysis.entities.teams import team_mentions

__all__ = ["MENTION_COLUMNS", "Mention", "resolve_article"]

_NON_PERSON_AUTHOR = frozenset("staff desk editor editors team correspondent reporter reporters agency".split())
_NOT_AUTHOR = ORG_WORDS | _NON_PERSON_AUTHOR
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
_INT_COLUMNS = ("sentence_id", "paragraph", "start", "end")


def resolve_article(parsed, raw: pd.DataFrame) -> pd.DataFrame:
    """Resolved mentions of one parsed article (columns :data:`MENTION_COLUMNS`)."""
    text, headline_end = parsed.article.text, len(parsed.article.title)
    mentions = nickname_people(text, lineup_people(parsed, clean_mentions(parsed, raw)))  # 'Yoav "Yogi" Shalev' whole
    mentions = grow_known(text, split_joint(text, social_tags(parsed, mentions)))
    mentions = join_written_whole(text, join_neighbours(text, mentions, headline_end=headline_end))
    headings = heading_spans(parsed)
    mentions = headline_mentions(dateline_mentions(parsed, mentions), split=False, headings=headings)
    mentions += [unglued(text, m) for m in patterns(parsed, mentions)]
    mentions += speaker_labels(parsed, mentions)
    mentions += propagate(parsed, mentions, headings=headings)
    mentions += initial_mentions(parsed, mentions)  # "the PQ" of the "Parti Québécois"
    mentions = elided_people(parsed, mentions)  # "Tarun D’Sauza", which spaCy misses
    mentions = headline_mentions(join_neighbours(text, mentions, headline_end=headline_end), split=True,
                                 title=parsed.article.title, headings=headings)
    mentions = [m for m in mentions if not is_spurious(m.text)]  # "PAC" of a headline's "Super PAC"
    if not is_sport(text):  # "Councillors in Stockton-on-Tees have rejected …" (a team may be "the Senators")
        mentions = [m for m in mentions if not _plural_title(m.text) or listed_place(text, m, mentions)
                    or royal_plural(m)]
    mentions = mark_acts(mark_programmes(text, _hyphenated(text, _businesses(parsed.article.text, mentions))))
    mentions = split_pairs(text, mentions)  # "the Quell-Brandt plan": two people
    mentions = outlet_mentions(parsed, mentions)
    if any(m.text.endswith(("ers", "ites", "ns")) for m in mentions):  # "Main Streeters" beside "Main Street"
        keys = {name_key(m.text) for m in mentions}
        mentions = [replace(m, spacy_label="NORP", hint="NORP", cue=False) if residents_of(m.text, keys) else m
                    for m in mentions]
    mentions = tribal_peoples(text, mentions)  # "Ngāti Awa": an iwi, a people
    mentions = parent_companies(dateline_places(mark_contexts(parsed, _storms(mentions))))
    mentions = known_as(text, credit_people(text, team_mentions(text, mentions)))  # "Costa, known as 'Cozzy'"
    mentions = world_places(parsed, place_spans(text, mentions))  # places cut, glued, mislabelled or missed
    mentions = [replace(m, bracketed=True) if text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")"
                and m.start > 0 else m for m in mentions]
    mentions = head_references(parsed, mentions)  # "the Department" of the article's one department
    article = parsed.article
    mentions += _bylines(getattr(article, "byline", article.authors))
    rows = cluster(party_states(parsed, mentions))
    name_party_states(text, rows)
    if not rows:
        return pd.DataFrame(rows, columns=MENTION_COLUMNS).astype(dict.fromkeys(_INT_COLUMNS, "int64"))
    rows.sort(key=lambda r: r["start"] if r["start"] >= 0 else 1 << 40)  # stable: the byline (-1) last
    return pd.DataFrame({c: np.array([r[c] for r in rows], dtype="int64") if c in _INT_COLUMNS
                         else [r[c] for r in rows] for c in MENTION_COLUMNS})


def _hyphenated(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two names joined by a hyphen are one when the article names the compound whole elsewhere
    ("Emilia" + "Romagna" where the headline says "Emilia-Romagna"), a person when it is the surname of a
    full name of the article ("Kellberg" + "Arvid" beside "Tomas Kellberg-Arvid"); else they stay
    two places ("Bergen-Voss")."""
    keys = {name_key(m.text) for m in mentions if "-" in m.text}
    if not keys:
        return mentions
    surnames = {name_key(w) for m in mentions if m.spacy_label == "PERSON" and " " in m.text.strip()
                for w in m.text.split()[1:] if "-" in w}  # "Kellberg-Arvid" of "Tomas Kellberg-Arvid"
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start < 0, m.start)):
        prev = out[-1] if out else None
        if (prev is not None and m.start >= 0 and prev.paragraph == m.paragraph and text[prev.end:m.start] == "-"
                and (key := name_key(text[prev.start:m.end])) in keys | surnames):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="PERSON" if key in surnames
                              else prev.spacy_label or m.spacy_label)
            continue
        out.append(m)
    return out


def _storms(mentions: list[Mention]) -> list[Mention]:
    """Storms are events: "Cyclone Tamsin", then "Tamsin" and "Tamsins" alone."""
    names = {name_key(n) for m in mentions if (n := storm_name(m.text))}
    if not names:
        return mentions
    forms = names | {k + "s" for k in names}
    return [replace(m, spacy_label="EVENT", hint="EVENT", cue=False)
            if m.start >= 0 and (name_key(m.text) in forms or storm_name(m.text)) else m for m in mentions]


def _businesses(text: str, mentions: list[Mention]) -> list[Mention]:
    """Mentions with businesses grown ("Rosa" → "Rosa's Kitchen"), dropping those inside them ("Kitchen")."""
    grown = [_business(text, m) for m in mentions]
    spans = {(g.paragraph, g.start, g.end) for m, g in zip(mentions, grown) if g is not m}
    return [g for g in grown if not any(p == g.paragraph and s <= g.start and g.end <= e and (s, e) != (g.start, g.end)
                                        for p, s, e in spans)]


def _business(text: str, m: Mention) -> Mention:
    """A mention followed by "'s Kitchen" grown into the business ("Rosa's Kitchen", ORG)."""
    if m.start < 0:
        return m
    end = business_end(text, m.end)
    if end is None:
        return m
    return replace(m, end=end, text=text[m.start:end], spacy_label="ORG" if m.origin == "ner" else "",
                   cue=False, hint="ORG")


def _plural_title(surface: str) -> bool:
    """Whether a word is the plural of a title ("Councillors", "Senators", "Ministers"): people, no name."""
    return (" " not in surface and surface.endswith("s") and not surface.isupper() and surface.lower() != "lords"
            and is_title_word(surface[:-1]))


def _bylines(authors) -> list[Mention]:
    """Byline authors as PERSON mentions without offsets (they are not in the text).

    Uses ``Article.byline`` (the names of a "By …" line in the body) when the
    article has that field, else ``Article.authors``.
    """
    out = []
    for name in authors or ():
        words = name.split()
        if (2 <= len(words) <= 5 and all(w[:1].isupper() or w.islower() for w in words)
                and not any(w.lower().strip(".,") in _NOT_AUTHOR for w in words)
                and not any(c.isdigit() for c in name)):
            out.append(Mention(-1, -1, -1, -1, name, "", "byline", True, True))
    return out
