"""Cleaning spaCy's spans of one article (the first step of :mod:`analysis.entities.article`).

Grow an ORG (or product, work, facility) span over adjacent capitalised proper nouns it governs ("Tili" →
"Ana Tili"), keep an institution named with a possessive whole ("St Oswin’s College London"), split
"Georgia’s Ministry of Foreign Affairs" and "Varga’s Redwood Capital" in two
(:mod:`analysis.entities.possessives`), cut at dashes ("Mozambique — Rescue"), split places joined by a
hyphen ("Vienna-Bratislava") and drop common words so joined ("Red-Green"), split a place off
("University of Reading in England", "Museo … in Zapala", "Queensland Mackay") and two places apart
("Greenock to Aberdeen", "Enugu, Nigeria"), strip determiners, titles and roles (kept as the mention's
``role``: "Councilwoman", "election commission chair"), possessives, edge punctuation and descriptors
("Shipper Nordvik Line", "Neighboring Ashby Junction"), drop junk, title phrases ("Federal Agriculture"
Minister) and ordinary words at a sentence start ("Turnout fell"); join "Highlands and Islands"
(:mod:`analysis.entities.shapes`, :mod:`analysis.entities.descriptors`).
"""
from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from analysis.entities.amounts import amount_end, is_amount
from analysis.entities.chambers import chamber_pieces
from analysis.entities.descriptors import (
    PORTFOLIO_WORDS,
    alone_elsewhere,
    descriptor_end,
    field_end,
    is_family,
    is_title_phrase,
    number_end,
    without_start,
)
from analysis.entities.glue import clause_pieces, connective_end, hyphen_start, owner_pieces
from analysis.entities.holidays import is_holiday
from analysis.entities.laws import act_end
from analysis.entities.lexicon import ordinary
from analysis.entities.listed import split_commas, split_versus
from analysis.entities.mention import Mention, title_before
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
    is_title_word,
    known,
    name_key,
    role_before,
)
from analysis.entities.party_places import party_place_end
from analysis.entities.possessives import possessive_pieces
from analysis.entities.repair import (
    institution_end,
    is_sport,
    particle_end,
    split_dashes,
    split_hyphens,
    storm_name,
)
from analysis.entities.seats import split_seat_holder
from analysis.entities.shapes import (
    split_coordinated,
    split_joined_places,
    split_locative,
    split_place_prefix,
    split_title_inside,
)
from analysis.entities.teams import score_end, team_cue
from analysis.entities.titled import titled_person_start
from analysis.entities.works import work_kind

__all__ = ["clean_mentions"]

_NOT_NAME_POS = frozenset({"VERB", "AUX", "INTJ", "ADV", "PRON", "DET", "ADP", "SCONJ", "CCONJ", "PART"})
_GROWN = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})  # spans spaCy often cuts short ("Tili")
_NO_TITLED = frozenset({"PERSON", "GPE", "LOC", "FAC", "LAW"})  # labels whose spans hold no titled person
_SURNAME_AFTER = re.compile(r"-([A-Z][a-z\u00e0-\u024f'\u2019]+)(?![\w-])")
_DIGIT = re.compile(r"\d")
_LEGAL_AFTER = re.compile(r" (?:\((?:Pvt|Pty|Private)\.?\) )?([A-Z][A-Za-z]{1,6}\.?)(?![\w-])")  # " GmbH",
# " Ltd.", " (Pvt) Ltd": a legal suffix after a span
_AFTER_DASH = re.compile(r"[\u2014\u2013-]\s*$|(?:^|[\s(])[\u201c\u2018\"']$")  # or an opening quote mark
_LOWER_TAIL = re.compile(r"(?:\s+[a-z]\S*)+$")  # lower-case words ending a span
#: A numbered seat, alone or with its title ("District 3 Councilor", "Ward 5"): part of a title, no name.
_NUMBERED_SEAT = re.compile(r"(?:District|Ward|Precinct|Division|Zone|Seat|Position) \d{1,3}[A-Z]?"
                            r"( (?:[A-Z][a-z]+ )*(?:Councilor|Councillor|Councilman|Councilwoman|Councilmember|"
                            r"Alderman|Alderwoman|Supervisor|Commissioner|Trustee|Representative|Director|Member))?")
_ORG_AFTER = re.compile(r" ((?:[A-Z][\w\u2019'&-]* ){0,2}[A-Z][\w\u2019'&-]*)")


def clean_mentions(parsed, raw: pd.DataFrame) -> list[Mention]:
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
            if is_amount(_LOWER_TAIL.sub("", text[start:end])):
                continue  # "N1.10" a share; "GH¢21,000 per tonne" (round 10)
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
        start = hyphen_start(text, start, end, spacy_label)  # "Jan-" + "Michael Tarvell" (session 10)
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
                                    for versus in split_versus(text, *titled)
                                    for listed in split_commas(text, *versus)
                                    for pair in split_coordinated(text, *listed, cut_names, people)
                                    for joined in split_joined_places(text, *pair)
                                    for piece in split_locative(text, *joined, names)
                                    for prefixed in split_place_prefix(text, *piece, places, persons)
                                    for p in split_seat_holder(text, *prefixed, places)):
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
    if (seat := _NUMBERED_SEAT.fullmatch(surface)) is not None and (
            seat.group(1) is not None or (after and is_title_word(after[0]))):
        return None  # round 10: "District 4" in "District 4 Councilor Ada Quist", a seat in a title
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
