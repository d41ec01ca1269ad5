"""Entity resolution within one article (runs inside the cached NLP pass).

1. Clean spaCy's spans: grow an ORG (or product, work, facility) span over adjacent capitalised proper nouns
   it governs ("Tili" → "Ana Tili"), keep an institution named with a possessive whole ("St Oswin’s
   College London"), split "Georgia’s Ministry of Foreign Affairs" and "Varga’s Redwood Capital" in two
   (:mod:`analysis.entities.possessives`), cut at dashes
   ("Mozambique — Rescue"), split places joined by a hyphen ("Vienna-Bratislava") and drop common
   words so joined ("Red-Green"), split a place off ("University of Reading in England", "Museo …
   in Zapala", "Queensland Mackay") and two places apart ("Greenock to Aberdeen", "Enugu, Nigeria"),
   strip determiners, titles and roles (kept as the mention's ``role``: "Councilwoman", "election
   commission chair"), possessives, edge punctuation and descriptors ("Shipper Nordvik Line",
   "Neighboring Ashby Junction"), drop junk, title phrases ("Federal Agriculture" Minister) and
   ordinary words at a sentence start ("Turnout fell"); storms are events ("Cyclone Tamsin"); join
   "Highlands and Islands" (:mod:`analysis.entities.shapes`).
2. Repair names spaCy cut ("Kamp" → "van der Kamp", "Dallas" + "Quigley", "Movement for" +
   "Vysočina") and find the place of a dateline ("CEDAR HOLLOW, Ore. (AP) —")
   (:mod:`analysis.entities.repair`).
   A span opening a known name grows to it ("Islamic" + "State", :mod:`analysis.entities.grow`);
   hashtags, handles and the tagline's "Follow" go (:mod:`analysis.entities.social`).
3. Find the mentions spaCy missed (:mod:`analysis.entities.missed`); cut glued headline spans to
   the body's names ("Porthaven City Edge Kirkby Town") and drop headline words that are no name
   ("Turnout Slips"), in the headline and in subheadings in title case in the body ("Cleaner Water
   Ahead", "Fewer Buses on Rural Routes: …"); drop plurals of titles ("Councillors"; not in a match
   report: "the Senators"); grow a name into its possessive business ("Rosa" → "Rosa's Kitchen").
4. Note what each mention's sentence says it is, a person, speaker, organisation or place
   (:mod:`analysis.entities.context`), and whether it stands in a quotation; in a match report, a
   team named "the" + a town + a nickname is an organisation, and its town or nickname alone
   stands for it ("Hamilton held on", "the Stags led"); a nickname never written beside its team
   ("the Bison") stands for the team it most often follows.
5. Add the byline's authors (offsets -1: the byline is not in ``Article.text``).
6. Cluster and label (:mod:`analysis.entities.cluster`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from analysis.entities.amounts import amount_end, is_amount
from analysis.entities.chambers import chamber_pieces
from analysis.entities.cluster import cluster
from analysis.entities.context import context_hint, coordinated, in_quotation
from analysis.entities.credits import credit_people
from analysis.entities.glue import clause_pieces, connective_end, owner_pieces
from analysis.entities.grow import grow_known
from analysis.entities.heads import head_references
from analysis.entities.holidays import is_holiday
from analysis.entities.joint import split_joint
from analysis.entities.laws import act_end, mark_acts
from analysis.entities.lexicon import ordinary
from analysis.entities.listed import listed_place, royal_plural
from analysis.entities.mention import MENTION_COLUMNS, Mention, title_before
from analysis.entities.missed import patterns, propagate, speaker_labels
from analysis.entities.modifiers import facility_owner, modifier_end
from analysis.entities.names import (
    CLUB_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    NAME_LABELS,
    ORG_WORDS,
    ROLE_HEADS,
    clean_name,
    is_junk,
    is_role_ending,
    is_spurious,
    is_title_word,
    known,
    name_key,
    role_before,
)
from analysis.entities.outlet import outlet_mentions
from analysis.entities.party_places import party_place_end
from analysis.entities.party_tags import name_party_states, party_states
from analysis.entities.pieces import join_written_whole
from analysis.entities.possessives import possessive_pieces
from analysis.entities.programmes import mark_programmes
from analysis.entities.repair import (
    dateline_span,
    dateline_wire,
    heading_end,
    headline_pieces,
    institution_end,
    is_sport,
    join_neighbours,
    particle_end,
    split_dashes,
    split_hyphens,
    storm_name,
)
from analysis.entities.shapes import (
    PORTFOLIO_WORDS,
    alone_elsewhere,
    business_end,
    descriptor_end,
    field_end,
    headline_core,
    is_family,
    is_title_phrase,
    number_end,
    residents_of,
    score_end,
    split_coordinated,
    split_joined_places,
    split_locative,
    split_place_prefix,
    split_title_inside,
    team_cue,
    team_parts,
    without_start,
    work_kind,
)
from analysis.entities.social import social_tags
from analysis.entities.titled import titled_person_start

__all__ = ["MENTION_COLUMNS", "Mention", "resolve_article"]


_NON_PERSON_AUTHOR = frozenset("staff desk editor editors team correspondent reporter reporters agency".split())
_NOT_AUTHOR = ORG_WORDS | _NON_PERSON_AUTHOR
_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART"})
_GROWN = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})  # spans spaCy often cuts short ("Tili")
_NO_TITLED = frozenset({"PERSON", "GPE", "LOC", "FAC", "LAW"})  # labels whose spans hold no titled person
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
_SURNAME_AFTER = re.compile(r"-([A-Z][a-z\u00e0-\u024f'\u2019]+)(?![\w-])")
_MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ (?:[A-Z]\. ?)+[A-Z][a-z][\w'\u2019-]*")
_INT_COLUMNS = ("sentence_id", "paragraph", "start", "end")
_DIGIT = re.compile(r"\d")
_HEADLINE_NUMBER = re.compile(r"(?:\s+(?:\d[\d,.]*%?|Q[1-4]|H[12]|FY\d{2,4}))+$")  # a headline's "Q1", "240"
_LEGAL_AFTER = re.compile(r" (?:\((?:Pvt|Pty|Private)\.?\) )?([A-Z][A-Za-z]{1,6}\.?)(?![\w-])")  # " GmbH",
# " Ltd.", " (Pvt) Ltd": a legal suffix after a span
_AFTER_DASH = re.compile(r"[\u2014\u2013-]\s*$|(?:^|[\s(])[\u201c\u2018\"']$")  # or an opening quote mark
_ORG_AFTER = re.compile(r" ((?:[A-Z][\w\u2019'&-]* ){0,2}[A-Z][\w\u2019'&-]*)")


def resolve_article(parsed, raw: pd.DataFrame) -> pd.DataFrame:
    """Resolved mentions of one parsed article (columns :data:`MENTION_COLUMNS`)."""
    text, headline_end = parsed.article.text, len(parsed.article.title)
    mentions = grow_known(text, split_joint(text, social_tags(parsed, _clean_mentions(parsed, raw))))
    mentions = join_written_whole(text, join_neighbours(text, mentions, headline_end=headline_end))
    headings = _headings(parsed)
    mentions = _headline(_dateline(parsed, mentions), split=False, headings=headings)
    mentions += [_unglued(text, m) for m in patterns(parsed, mentions)]
    mentions += speaker_labels(parsed, mentions)
    mentions += propagate(parsed, mentions, headings=headings)
    mentions = _headline(join_neighbours(text, mentions, headline_end=headline_end), split=True,
                         title=parsed.article.title, headings=headings)
    mentions = [m for m in mentions if not is_spurious(m.text)]  # "PAC" of a headline's "Super PAC"
    if not is_sport(text):  # "Councillors in Stockton-on-Tees have rejected …" (a team may be "the Senators")
        mentions = [m for m in mentions if not _plural_title(m.text) or listed_place(text, m, mentions)
                    or royal_plural(m)]
    mentions = mark_acts(mark_programmes(text, _hyphenated(text, _businesses(parsed.article.text, mentions))))
    mentions = outlet_mentions(parsed, mentions)
    if any(m.text.endswith(("ers", "ites")) for m in mentions):  # "Main Streeters" beside "Main Street"
        keys = {name_key(m.text) for m in mentions}
        mentions = [replace(m, spacy_label="NORP", hint="NORP", cue=False) if residents_of(m.text, keys) else m
                    for m in mentions]
    mentions = credit_people(text, _teams(text, _contexts(parsed, _storms(mentions))))
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


# --- 1. cleaning ------------------------------------------------------------------------------

def _clean_mentions(parsed, raw: pd.DataFrame) -> list[Mention]:
    text = parsed.article.text
    units = {u.paragraph: u for u in parsed.units}
    sids, paragraphs, starts, ends, texts, labels = (raw[c].tolist() for c in (
        "sentence_id", "paragraph", "start", "end", "text", "spacy_label"))
    names = {name_key(t) for t, lb in zip(texts, labels) if lb in NAME_LABELS}
    places = {name_key(t) for t, lb in zip(texts, labels) if lb in ("GPE", "LOC")}
    persons = frozenset(name_key(t) for t, lb in zip(texts, labels) if lb == "PERSON")
    people = persons | {name_key(t.split()[-1]) for t in persons if " " in t}  # full names and their surnames
    sport = is_sport(text)
    raw_starts = set(starts)
    out = []
    for sid, paragraph, start, end, spacy_label in zip(sids, paragraphs, starts, ends, labels):
        if spacy_label not in NAME_LABELS:
            continue
        start, end = int(start), int(end)
        if is_family(text, start, end, people):
            continue  # "the Quists": a family, no one person
        unit = units.get(int(paragraph))
        if spacy_label == "PERSON" and (legal := _LEGAL_AFTER.match(text, end)) is not None \
                and legal.group(1).strip(".").lower() in LEGAL_SUFFIXES:
            end = legal.end(1)  # "Brandauer Antriebstechnik" + " GmbH": a company
        if spacy_label == "PERSON" and text[start:end].split()[-1].strip(".").lower() in LEGAL_SUFFIXES:
            spacy_label = "ORG"  # "Norte SA" of "Energia Norte SA" is a company, grown below
        if unit is not None and spacy_label in _GROWN:
            span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
            if span is not None:
                start, end = unit.offsets(_extend(span))
        if spacy_label == "NORP" and (run := _ORG_AFTER.match(text, end)) is not None \
                and run.group(1).split()[-1].lower() in ORG_WORDS and run.start(1) not in raw_starts:
            end, spacy_label = run.end(1), "ORG"  # "Deccan" + "Ledger", "British" + "Airways"
        end = number_end(text, start, particle_end(text, start, end))  # "Luc van den Broek", "Rai News 24"
        cut_names = names  # a name grown over "and" + a word is not split there again at spaCy's own cut
        if (grown_end := connective_end(text, start, end, spacy_label)) != end:  # "Kell Center" + " for Rural Studies"
            cut_names, end = names - {name_key(text[start:end])}, grown_end
        end = score_end(text, start, end, spacy_label)  # "the Red Deer Wranglers" + " 4-3"
        if _DIGIT.search(text, start, end) is not None:
            end = amount_end(text, start, end)  # "Perth 61" + " per cent"
            if is_amount(text[start:end]):
                continue  # "N1.10" a share
        if is_holiday(text[start:end]):
            continue  # "the Easter break"
        if (act := act_end(text, end)) is not None:
            end, spacy_label = act, "LAW"  # "Licensing" + " Acts"
        if (person_end := modifier_end(text, start, end, people)) is not None:
            end, spacy_label = person_end, "PERSON"  # "Quist" + " Administration"
        elif (owner := facility_owner(text, start, end)) is not None:
            end, spacy_label = owner  # "U.S." + " Embassy"
        if spacy_label not in _NO_TITLED \
                and (titled := titled_person_start(text, start, end, names, people)) is not None:
            start, spacy_label = titled, "PERSON"  # "Ranking Democrat" + "Ada B. Quist" called an organisation
        if (place_end := party_place_end(text, start, end, places)) is not None:
            end, spacy_label = place_end, "GPE"  # "Queens" of "Queens Democratic" + " club"
        if spacy_label == "PERSON" and (hyphen := _SURNAME_AFTER.match(text, end)) is not None \
                and " " in text[start:end].strip() and name_key(hyphen.group(1)) not in places \
                and known(hyphen.group(1)) is None:
            end = hyphen.end(1)  # "Danielle Okonkwo" + "-Strand": the hyphenated surname whole
        if (grown_start := without_start(text, start, end)) != start:  # "Médecins" + "Sans Frontières"
            start, spacy_label = grown_start, "ORG"
        pieces = []
        for start, end in _bracketed(text, start, end):
            grown = institution_end(text, start, end, names)
            if grown is not None:
                pieces += [(*grown, "ORG")]
            else:
                owners = people if int(paragraph) else None  # not in the headline
                pieces += [g for s, e in split_dashes(text, start, end)
                           for p in possessive_pieces(text, s, e, spacy_label, owners, alone=names)
                           for c in clause_pieces(text, *p, unit) for o in owner_pieces(text, *c, owners)
                           for g in chamber_pieces(text, *o, names=names)]
        for s1, e1, label1 in pieces:
            cut = clean_name(text[s1:e1], person=False) if "-" in text[s1:e1] else None
            hyphens = split_hyphens(text, s1 + cut[0], s1 + cut[1], label1, places) if cut else None
            for s0, e0, label0 in [(s1, e1, label1)] if hyphens is None else hyphens:
                for s, e, label in (p for titled in split_title_inside(text, s0, e0, label0)
                                    for pair in split_coordinated(text, *titled, cut_names, people)
                                    for joined in split_joined_places(text, *pair)
                                    for piece in split_locative(text, *joined, names)
                                    for p in split_place_prefix(text, *piece, places, persons)):
                    mention = _cleaned(text, s, e, label, int(sid), int(paragraph), unit, sport=sport)
                    if mention is not None:
                        out.append(mention)
    return _join_regions(text, out)


def _bracketed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span glued over the opening bracket of a short form after it, split in two: "Authority on
    Development (IGAD" → "Authority on Development", "IGAD" (the bracket closes after the span)."""
    cut = text.find(" (", start, end)
    if cut <= start or ")" in text[cut:end] or text[end:end + 1] != ")" or " " in text[cut + 2:end].strip():
        return [(start, end)]
    return [(start, cut), (cut + 2, end)]


def _join_regions(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Highlands" + "and" + "Islands" → one region when a part is a bare geographic
    word (spaCy tags the parts apart)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.paragraph == m.paragraph and text[prev.end:m.start] == " and "
                and any(len(x.text.split()) == 1 and x.text.lower() in GEO_WORDS | {"highlands", "lowlands"}
                        for x in (prev, m)) and not known(prev.text) and not known(m.text)):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], spacy_label="LOC")
        else:
            out.append(m)
    return out


def _dateline(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with the place of a dateline in capitals ("CEDAR HOLLOW, Ore. (AP) —") found or
    marked as a place (origin "dateline"), and the wire or outlet in brackets after it an organisation
    (origin "pattern": "(WDLN)", "(AP)")."""
    units = [u for u in parsed.units if u.paragraph == 1]
    if not units:
        return mentions
    unit = units[0]
    found = dateline_span(unit.text)
    if found is None:
        return mentions
    start, end = unit.start + found[0], unit.start + found[1]
    text = parsed.article.text
    kept = [m for m in mentions if m.paragraph != 1 or m.end <= start or m.start >= end]
    sid = next((sid for sid, u, _ in parsed.sentences() if u.paragraph == 1), 0)
    found = [Mention(sid, 1, start, end, text[start:end], "GPE", "dateline", hint="GPE")]
    wire = dateline_wire(unit.text, found[0].end - unit.start)
    if wire is not None:
        ws, we = unit.start + wire[0], unit.start + wire[1]
        kept = [m for m in kept if m.paragraph != 1 or m.end <= ws or m.start >= we]
        found.append(Mention(sid, 1, ws, we, text[ws:we], "ORG", "pattern", hint="ORG"))
    return sorted([*kept, *found], key=lambda m: (m.start < 0, m.start))


def _headline(mentions: list[Mention], *, split: bool, title: str = "",
              headings: dict[int, tuple[int, int]] | None = None) -> list[Mention]:
    """Headline mentions without ordinary words that the body does not use as a name ("Turnout
    Slips"), and with ``split``, cut to the names the body uses ("Porthaven City Edge Kirkby Town" →
    "Porthaven City", "Kirkby Town") or grown to one ("Teles" → "Teles Robótica" in ``title``).
    A number or a period code glued after a headline name goes ("Sahyadri Agro Q1", "Cut 240").
    Subheadings in the body (``headings``: paragraph → their offsets, :func:`_headings`) are
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


def _unglued(text: str, m: Mention) -> Mention:
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


def _headings(parsed) -> dict[int, tuple[int, int]]:
    """Paragraph → offsets of the subheading in title case that is the paragraph or opens it before a
    colon (:func:`analysis.entities.repair.heading_end`)."""
    out, seen = {}, set()
    for unit in parsed.units:
        if unit.paragraph > 0 and unit.paragraph not in seen and (end := heading_end(unit.text)) is not None:
            out[unit.paragraph] = (unit.start, unit.start + end)
        seen.add(unit.paragraph)  # a long paragraph parsed in chunks: its first only
    return out


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


def _contexts(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with what their sentence says they are and whether they stand in a quotation."""
    units = {u.paragraph: u for u in parsed.units}
    text = parsed.article.text
    places = {name_key(m.text) for m in mentions if m.spacy_label in ("GPE", "LOC") or m.hint == "GPE"}
    named = {name_key(w) for m in mentions if m.spacy_label == "PERSON" and " " in m.text.strip()
             for w in m.text.split()}  # words of people's full names
    out = []
    for m in mentions:
        unit = units.get(m.paragraph)
        entry = known(m.text)
        if unit is None or m.start < 0 or m.paragraph == 0 or m.text.count(" ") > 3 or (entry is not None and (
                entry.label in ("NORP", "ORG") or " " in m.text)):  # one-word places may be first names
            out.append(m)
            continue
        span = unit.doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        context = context_hint(span) if span is not None else ""
        if m.text.count(" ") > 1 and context != "PERSON":
            context = ""  # a longer name takes only a person's cue ("Lucía Garmendia Otxoa, an analyst")
        listed = not context and span is not None and len(span) == 1 and name_key(m.text) not in named and any(
            x.text[:1].isupper() and (name_key(x.text) in places or _known_place(x.text))
            for x in coordinated(span.root))  # "Kettering, Oakwood and Centerville": a list with a place
        out.append(replace(m, context="GPE" if listed else context, hint="GPE" if listed else m.hint,
                           quoted=in_quotation(text, m.start)))
    return out


def _known_place(word: str) -> bool:
    entry = known(word)
    return entry is not None and entry.label in ("GPE", "LOC")


def _teams(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a match report, teams named "the" + a town + a nickname ("the Hamilton Stags") are
    organisations, and their town or nickname alone is marked as standing for them ("Hamilton held
    on", "the Stags led"): not where the sentence says a place ("in Hamilton") or a person; a word
    that is also part of a person's name in the article is that person ("Napier" beside "Leon
    Napier" and "the Napier Tide": the article calls the team "the Tide")."""
    if not is_sport(text):
        return mentions
    mentions = _nicknames(text, mentions)
    teams: dict[str, tuple[str, str]] = {}
    for m in mentions:
        if m.start >= 0 and (parts := team_parts(text, m.start, m.end)) is not None:  # "the" + a name: no person
            teams[name_key(m.text)] = parts
    if not teams:
        return mentions
    people = {name_key(w) for m in mentions if (m.spacy_label == "PERSON" or m.cue) and name_key(m.text) not in teams
              for w in m.text.split()[:-1 if len(m.text.split()) > 1 else 0] + m.text.split()[1:]}
    parts: dict[str, set[str]] = {}
    for key, (town, nickname) in teams.items():
        for word in (town, nickname):
            parts.setdefault(name_key(word), set()).add(key)
    out = []
    for m in mentions:
        key = name_key(m.text)
        if m.start >= 0 and key in teams:
            m = replace(m, hint="ORG")
        elif (m.start >= 0 and len(parts.get(key, ())) == 1 and key not in people and not m.cue
              and m.context not in ("GPE", "PERSON", "SPEAKER")):
            m = replace(m, hint="ORG", team=next(iter(parts[key])))
        elif m.start >= 0 and key in parts and key in people and not m.context and len(m.text.split()) == 1:
            m = replace(m, context="PERSON")  # the article says "the Tide" for the team, so "Napier" is the player
        out.append(m)
    return out


_PLACE_BEFORE = re.compile(r"\b(?:in|from|near)\s+$")


def _nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a match report, a team's nickname never written beside its name ("the Bison", "the
    Pioneers": one capitalised word, no acronym, always after "the", no known name, no person's name)
    stands for the team its mentions most often follow (a name a team cue marks, "Carver State coach",
    "beat Lakeshore", never written after "the", no known place and never "in" or "from" it); a tie
    links none."""
    def after_the(m: Mention) -> bool:
        return text[max(0, m.start - 4):m.start].lower() == "the "

    body = [m for m in mentions if m.start >= 0]
    by_key: dict[str, list[Mention]] = {}
    for m in body:
        by_key.setdefault(name_key(m.text), []).append(m)
    people = {w for m in body if m.spacy_label == "PERSON" and " " in m.text for w in name_key(m.text).split()}
    people |= {name_key(m.text) for m in body if m.spacy_label == "PERSON" and " " in m.text}
    teams = {k for k, ms in by_key.items() if any(m.hint == "ORG" for m in ms) and not any(after_the(m) for m in ms)
             and all(m.spacy_label != "PERSON" or m.hint == "ORG" for m in ms) and known(ms[0].text) is None
             and k not in people  # a player's surname ("Ouellet-Brun tied it") is no team
             and not any(_PLACE_BEFORE.search(text, max(0, m.start - 6), m.start) for m in ms)}  # "from Rapid City"
    links: dict[str, str] = {}
    for k, ms in by_key.items():
        if k in teams or k in people or " " in k or known(ms[0].text) is not None or is_title_word(ms[0].text) \
                or ms[0].text.isupper() \
                or not all(after_the(m) and m.text[:1].isupper() and not m.cue for m in ms):
            continue
        votes: dict[str, int] = {}
        for m in ms:
            before = [t for t in body if name_key(t.text) in teams and t.end <= m.start]
            if before:
                team = name_key(max(before, key=lambda t: t.start).text)
                votes[team] = votes.get(team, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            links[k] = ranked[0][0]
    if not links:
        return mentions
    return [replace(m, hint="ORG", team=links[k]) if m.start >= 0 and (k := name_key(m.text)) in links else m
            for m in mentions]


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


def _cleaned(text: str, start: int, end: int, label: str, sentence_id: int, paragraph: int, unit, *,
             sport: bool = False) -> Mention | None:
    if "\n" in text[start:end]:
        return None
    if (glued := field_end(text, start, end)) != end:  # "Ada Quist Age" + ": 27", "WaitressPay" + ": $5"
        end = glued
        if all(ordinary(w) for w in text[start:end].split()):
            return None
    cut = clean_name(text[start:end], person=label == "PERSON")
    if cut is None:
        return None
    span_start = start
    start, end = start + cut[0], start + cut[1]
    kind = work_kind(text, start, end)  # MSNBC's "Morning Hours": a show; "an event called …"
    if kind:
        label = kind
    if text[end:end + 1] == "." and (entry := known(text[start:end + 1])) is not None and entry.label == "GPE":
        end += 1  # "Ore." in a dateline
    words = text[start:end].split()
    if len(words) > 1 and unit is not None:
        first = unit.doc.char_span(start - unit.start, start - unit.start + len(words[0]), alignment_mode="expand")
        rest = text[start + len(words[0]):end].strip()
        opening = (first is not None and first[0].is_sent_start) or _AFTER_DASH.search(text, max(0, start - 3), start)
        drop = descriptor_end(words, sentence_start=bool(opening), label=label,
                              elsewhere=alone_elsewhere(text, rest, text[start:end]))
        if drop:
            start = end - len(rest)
    surface = text[start:end]
    if is_junk(surface) or (label != "PERSON" and len(surface.split()) > 1 and is_role_ending(surface)):
        return None
    after = text[end:end + 40].split("\n")[0].split()
    if len(surface.split()) == 1 and known(surface) is None and after and is_role_ending(after[0]) \
            and (after[0][:1].isupper() or surface.lower() in PORTFOLIO_WORDS):
        return None  # "Agriculture" in "Agriculture Commissioner Lena Hofstad"
    if label != "PERSON" and after and is_title_phrase(surface, after[0]):
        return None  # "Federal Agriculture" in "Federal Agriculture Minister Jane Doe"
    words = surface.split()
    name_start, hint, sentence_start = True, "", paragraph == 0
    if unit is not None:
        span = unit.doc.char_span(start - unit.start, end - unit.start, alignment_mode="expand")
        name_start = span is None or span[0].pos_ not in _NOT_NAME_POS
        hint = "ORG" if span is not None and any(team_cue(t) for t in span) else ""
        sentence_start = sentence_start or (span is not None and span[0].is_sent_start)
    sentence_start = sentence_start or _AFTER_DASH.search(text, max(0, start - 3), start) is not None
    if paragraph > 0 and len(words) == 1 and sentence_start and label not in ("GPE", "LOC") and ordinary(surface) \
            and not _mid_sentence(text, surface):
        return None  # "Turnout in Czech regional elections fell", "BEIRA, Mozambique — Rescue teams"
    if storm_name(surface):
        label = "EVENT"
    elif sport and len(words) > 1 and words[-1].lower() in CLUB_WORDS:
        hint = "ORG"  # "Porthaven City" in a match report
    role = _role(text[span_start:start])
    cue = title_before(text, start)
    if not role and (label in ("PERSON", "") or cue):
        role = role_before(text, start)
    return Mention(sentence_id, paragraph, start, end, surface, label, "ner", cue, name_start,
                   kind or hint, role)


def _plural_title(surface: str) -> bool:
    """Whether a word is the plural of a title ("Councillors", "Senators", "Ministers"): people, no name."""
    return (" " not in surface and surface.endswith("s") and not surface.isupper() and surface.lower() != "lords"
            and is_title_word(surface[:-1]))


def _role(prefix: str) -> str:
    """The title or role that cleaning cut off a person's span ("Councilwoman", "election commission chair")."""
    words = [w for w in prefix.replace("\u2019s ", " ").replace("'s ", " ").split()
             if w.lower() not in ("the", "a", "an")]
    return " ".join(words) if words and any(is_title_word(w) or w.lower() in ROLE_HEADS for w in words) else ""


def _mid_sentence(text: str, surface: str) -> bool:
    """Whether a word occurs in the body capitalised inside a sentence (so it is a name there), after a
    lower-case word or a comma; not in the headline, where title case capitalises common nouns ("Marseille's
    Knitwear House"), nor as a later word of a name ("Sekwati Platinum" does not make "Platinum" one)."""
    for m in re.finditer(rf"(\S+) {re.escape(surface)}\b", text[max(0, text.find("\n")):]):
        before = m.group(1)
        if before[-1] in ",;" or (before.islower() and before[-1].isalpha()):
            return True
    return False


def _extend(span):
    """The span grown over adjacent capitalised proper nouns it is a compound of."""
    doc = span.doc
    taken = {t.i for ent in doc.ents for t in ent}
    start, end = span.start, span.end

    def name_like(tok) -> bool:
        return tok.i not in taken and tok.pos_ == "PROPN" and tok.text[:1].isupper() and not is_title_word(tok.text) \
            and not (tok.whitespace_ == "" and is_title_word(_whole_word(tok)))  # "Editor" of "Editor-in-Chief"

    while start > 0:
        tok = doc[start - 1]
        if name_like(tok) and tok.dep_ in ("compound", "flat") and start <= tok.head.i < end:
            start -= 1
        elif (tok.text == "-" and start > 1 and not tok.whitespace_ and not doc[start - 2].whitespace_
              and name_like(doc[start - 2])):
            start -= 2
        else:
            break
    while end < len(doc) and name_like(doc[end]) and doc[end - 1].dep_ in ("compound", "flat") \
            and doc[end - 1].head.i == end:
        end += 1
    return doc[start:end]


def _whole_word(tok) -> str:
    """The word between spaces that a token begins ("Editor-in-Chief" for "Editor")."""
    doc, i = tok.doc, tok.i
    while i + 1 < len(doc) and doc[i].whitespace_ == "":
        i += 1
    return doc[tok.i:i + 1].text


# --- 3. byline -------------------------------------------------------------------------------

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
