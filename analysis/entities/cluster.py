"""Clustering one article's mentions into entities, and labelling each by a vote.

- Known variants join their canonical name (US, U.S., the United States); a city the gazetteer knows by
  a shorter name is named in full where the article writes it so ("New York City").
- Full person names with one surname join when their first names agree; two
  people with one surname stay apart ("Anna Kowalski", "Piotr Kowalski").
- A bare surname or first name joins its person, the nearest one before it when
  several share it; a bare short form joins its organisation or place ("Duvanel"
  → "Duvanel SA", "Irtysh" → "Irtysh River", "Stockton" → "Stockton-on-Tees"); when
  both could, spaCy's label for that mention decides. A mention that spaCy and the gazetteer call a place never
  joins a person ("visited Jordan" beside "Jordan Ellis").
- A team's town or nickname alone joins the team in a match report ("Hamilton", "Stags" →
  "Hamilton Stags").
- A multi-word organisation name that begins the one longer one joins it
  ("Carver State" → "Carver State Hawks"), as do the first words of a name with a legal suffix even where
  spaCy calls them a person ("Buckeye Trench" of "Buckeye Trench & Pipe LLC"), and a word no gazetteer knows
  beginning it unless a sentence puts it as a place; "BBC" is no short form of "BBC Scotland"; a place owning the
  longer name is no short form of it ("Darling Downs" of "Darling Downs Growers' Association", "Ondo
  State" of "Ondo State Police Command"), nor a city of the river named after it ("Brisbane River").
- An all-capitals acronym joins the one long form with those initials, or the name right before
  it in brackets whose letters it takes ("Korea Polar Research Institute (KOPRI)"), or an organisation
  named in translation before it whose initials give half its letters ("Energy Regulatory Office (URE)").
- A compound surname alone joins its person ("Quispe Mamani" → "Héctor Quispe Mamani"); a company's
  name without its legal suffix is no person ("Minera Altiplano" beside "Minera Altiplano SA"); a bare
  name shared by a person and an organisation named before them, standing before the person's full
  name, is the organisation ("Gearbox maker Orlich" … "Orlich Armaturen GmbH" … "Karl Orlich").
- Labels: one vote per mention (spaCy's label, a title before it, a team cue), plus priors
  from the gazetteer, the name's words ("Ministry", "River") and the full-name
  pattern; so one mislabelled mention never decides.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from analysis.entities.facilities import is_building
from analysis.entities.gazetteer import FINDABLE_KEYS
from analysis.entities.mention import Mention
from analysis.entities.names import (
    ADMIN_WORDS,
    BODY_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PARTICLES,
    STORM_WORDS,
    THING_WORDS,
    TOWN_WORDS,
    VENUE_WORDS,
    demonym_compound,
    first_names_compatible,
    has_acronym,
    initials,
    is_title_word,
    known,
    name_key,
    person_name,
)
from analysis.entities.short_forms import abbreviates, fold, legal_base, legal_prefixes, shortens, translated

__all__ = ["cluster", "KNOWN_WEIGHT", "LABEL_ORDER", "own_acronym", "vote"]

_abbreviates = abbreviates  # the name the tests know

_INSTITUTION_WORDS = ORG_WORDS - COMMERCIAL_WORDS
_NOT_SHORT = ORG_WORDS | GENERIC_WORDS

#: Weight of the gazetteer's label in a vote (each mention counts 1).
KNOWN_WEIGHT = 2.5
#: PERSON weight of a full name that a bare surname or first name refers back to.
PERSON_PATTERN_WEIGHT = 2.0
#: PERSON weight of a full name sharing its surname with a person ("Sanne de Vries").
SHARED_SURNAME_WEIGHT = 1.5
#: ORG weight of a name with an organisation word ("Ministry"); LOC weight of one with a place word ("River").
WORD_WEIGHT = 2.0
#: Weight of what a mention's sentence says it is ("in Savannah", "Kessler shareholders"): as much as
#: one spaCy label.
CONTEXT_WEIGHT = 1.0
#: Label preference on ties.
LABEL_ORDER = ["PERSON", "GPE", "ORG", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
_FACILITY_WORDS = THING_WORDS | VENUE_WORDS | ORG_WORDS | GEO_WORDS
#: Words opening a company's name that its short form leaves out ("Grupo Ipê Logística" → "Ipê Logística").
_GROUP_WORDS = frozenset("grupo groupe gruppo group grupa gruppe".split())
_TOWN = re.compile(r"([^\W\d_][\w']+)(?:-(?:on|upon|under|over|le|la|les|en|sur|sous|am|an|im|in|by|the|de|du|des"
                   r"|del|saint|sainte|st|ste))+-")  # "stockton" of "stockton-on-tees"
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ss", "ern", "ist", "ite", "ean")


class _Article:
    """Forms (mentions grouped by matching key) of one article and their clusters."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.forms: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            self.forms[name_key(m.text)].append(i)
        self.surface = {k: _surface([mentions[i] for i in ix]) for k, ix in self.forms.items()}
        self.votes = {k: Counter(lb for i in ix for lb in (mentions[i].spacy_label, mentions[i].hint) if lb)
                      for k, ix in self.forms.items()}
        self.cues = {k: sum(mentions[i].cue or mentions[i].context == "PERSON" for i in ix)
                     for k, ix in self.forms.items()}
        self.entry = {k: known(self.surface[k]) for k in self.forms}
        self.assign: dict[int, str] = {}
        self.canonical: dict[str, str] = {}
        self.persons: set[str] = set()
        self.shared: set[str] = set()  # person clusters known only by a shared surname
        for k, ix in self.forms.items():
            entry = self.entry[k]
            cid = f"K:{entry.canonical}|{entry.label}" if entry else "F:" + k
            self.canonical.setdefault(cid, _spelling(entry.canonical, self.surface[k]) if entry else self.surface[k])
            for i in ix:
                self.assign[i] = cid
        for k, entry in self.entry.items():
            if entry is not None and entry.label == "GPE" and k == name_key(entry.canonical + " City"):
                self.canonical[f"K:{entry.canonical}|GPE"] = self.surface[k]  # the article says "New York City"

    def person_votes(self, k: str) -> int:
        return self.votes[k]["PERSON"] + self.cues[k]

    def org_votes(self, k: str) -> bool:
        """Whether most of a form's votes say ORG (a context cue, as in "Rovers coach", breaks a tie)."""
        v = self.votes[k]
        hinted = any(self.mentions[i].hint == "ORG" for i in self.forms[k])
        return v["ORG"] * 2 > sum(v.values()) or (hinted and v["ORG"] * 2 >= sum(v.values()))

    def placeish(self, k: str, labels=("GPE", "LOC", "FAC", "NORP")) -> bool:
        entry = self.entry[k]
        if entry is not None:
            return entry.label != "ORG"
        votes = self.votes[k]
        if len(k.split()) == 1 and not k.endswith(_DEMONYM_ENDINGS):
            votes = votes - Counter({"NORP": votes["NORP"]})  # a NORP that is no demonym is a mislabel
        place = sum(votes[lb] for lb in labels)
        return place > sum(votes.values()) - place

    # -- people ----------------------------------------------------------------------------
    def people(self) -> None:
        """Full names → person clusters, by surname and compatible first names."""
        cands = {}
        bare_people = {k for k in self.forms if self.person_votes(k) and not self.placeish(k)}
        legal = self.legal = legal_prefixes(self.forms)  # "Minera Altiplano" of "Minera Altiplano SA"
        for k in self.forms:
            if k in legal and not self.cues[k]:
                continue
            pn = person_name(self.surface[k])
            words = k.split()
            evidence = pn is not None and words[0] not in GENERIC_WORDS and (  # "Odessa Grant" … "Grant said"
                (pn.surname in bare_people and self.entry.get(pn.surname) is None) or self.cues[k] > 0)
            if (pn is None or self.entry[k] is not None or demonym_compound(k)
                    or (self.placeish(k, ("GPE", "LOC")) and not evidence)
                    or has_acronym(self.surface[k]) or self.votes[k]["EVENT"] or words[0] in ("st", "saint")
                    or _known_tail(self.surface[k].split())  # "Quist White House": no person's name
                    or (words[0] in BODY_WORDS and "of" in words)  # "Sisters of St. Casimir"
                    or all(self.mentions[i].context == "PREFIX" for i in self.forms[k])
                    or any(w in ORG_WORDS or w in GEO_WORDS or w in THING_WORDS for w in words)
                    or (any(w in TOWN_WORDS for w in words)  # "Dana Grove" is a person where spaCy says so
                        and self.votes[k]["PERSON"] * 2 <= sum(self.votes[k].values()))
                    or not all(w[:1].isupper() or w.islower() for w in self.surface[k].split())
                    or not any(self.mentions[i].name_start for i in self.forms[k])
                    or 2 * sum(self.mentions[i].hint == "ORG" for i in self.forms[k]) > len(self.forms[k])
                    or (words[-1] in CLUB_WORDS and any(self.mentions[i].hint == "ORG" for i in self.forms[k]))):
                continue
            cands[k] = pn
        shaped = {k for k in cands if _particle_name(self.surface[k])}  # "Pieter de Vries" labelled ORG
        voted = {k for k, pn in cands.items() if self.person_votes(k) or pn.surname in bare_people} | shaped
        surnames = {cands[k].surname for k in voted}
        shared = {k for k in cands if k not in voted and cands[k].surname in surnames}
        groups: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
        for k in sorted(voted | shared, key=lambda k: (-len(k.split()), -len(self.forms[k]), k)):
            pn = cands[k]
            for members in groups[(pn.surname, pn.suffix)]:
                if all(first_names_compatible(pn.first, cands[o].first) for o in members) \
                        or any(_compound_surname(k, o) for o in members):
                    members.append(k)
                    break
            else:
                groups[(pn.surname, pn.suffix)].append([k])
        for members in (c for clusters in groups.values() for c in clusters):
            cid = "P:" + members[0]
            best = max(members, key=lambda k: (sum(len(w.rstrip(".")) > 1 for w in k.split()),
                                               len(self.forms[k]), len(k)))
            self.canonical[cid] = self.surface[best]
            self.persons.add(cid)
            if all(k in shared or (k in shaped and not self.person_votes(k)) for k in members):
                self.shared.add(cid)
            for k in members:
                for i in self.forms[k]:
                    self.assign[i] = cid
        self.person_forms = {k: cands[k] for k in voted | shared}

    # -- organisation prefixes -------------------------------------------------------------
    def org_prefixes(self) -> None:
        """A multi-word organisation name that begins the one longer organisation name
        joins it ("Carver State" → "Carver State Hawks"); not a known name or a place."""
        def org(k: str) -> bool:
            prefix = not self.placeish(k) and any(self.mentions[i].context == "PREFIX"  # "Sierra Norte partner"
                                                  for i in self.forms[k])
            return ((self.org_votes(k) or prefix) and self.entry[k] is None
                    and self.assign[self.forms[k][0]] not in self.persons)

        orgs = [k for k in self.forms if org(k) or (  # "Buckeye Trench" of "Buckeye Trench & Pipe LLC"
            k in self.legal and not self.cues[k] and self.assign[self.forms[k][0]] not in self.persons)]
        for k in orgs:
            words = k.split()
            if len(words) < 2 or words[-1] in ("of", "and", "the"):
                continue
            forms = [o for o in orgs if len(o.split()) > len(words) and o.split()[:len(words)] == words
                     and not _owned_by_place(words, o.split()[len(words):])]
            longer = {self.assign[self.forms[o][0]] for o in forms}
            if len(longer) > 1 and len({legal_base(o) for o in forms}) == 1:  # "… Citrus", "… Citrus Pty Ltd"
                longer = {self.assign[self.forms[max(forms, key=len)][0]]}
            if len(longer) == 1:
                target = next(iter(longer))
                for i in self.forms[k]:
                    self.assign[i] = target

    # -- bare names ------------------------------------------------------------------------
    def bare_names(self) -> None:
        """Bare surnames, first names and short forms → their person, organisation or place."""
        by_surname, by_first, by_middle = defaultdict(set), defaultdict(set), defaultdict(set)
        for k, pn in self.person_forms.items():
            cid = self.assign[self.forms[k][0]]
            by_surname[pn.surname].add(cid)
            words = k.split()
            if len(words) == 3 and " " not in pn.surname:  # "Lage" of "Carmen Lage Rivas"
                by_middle[words[1]].add(cid)
            if len(pn.first.rstrip(".")) > 1:
                by_first[pn.first].add(cid)
        shorts, geo_keys = self._short_index()
        seen: dict[str, list[int]] = defaultdict(list)
        paragraphs: dict[int, int] = {}  # a full name's offset → its paragraph
        first_at: dict[str, int] = {}  # a cluster's first mention, before bare forms join it
        for i, cid in self.assign.items():
            if self.mentions[i].start >= 0:
                first_at[cid] = min(first_at.get(cid, 1 << 40), self.mentions[i].start)
            if cid in self.persons and self.mentions[i].start >= 0:
                seen[cid].append(self.mentions[i].start)
                paragraphs[self.mentions[i].start] = self.mentions[i].paragraph
        for k, ix in self.forms.items():
            if k in self.person_forms or (self.entry[k] is not None and self.entry[k].label == "ORG"):
                continue
            people = by_surname.get(k) or (by_middle.get(k) if len(by_middle.get(k, ())) == 1 else None) or (
                by_first.get(k) if len(by_first.get(k, ())) == 1 and k not in by_surname else None)
            targets = shorts.get(k, ())
            if not people and not targets:
                continue
            first_only = k not in by_surname and k not in by_middle
            place_cue = any((self.mentions[i].context == "GPE" and not self._person_said(k, self.mentions[i]))
                            or self.mentions[i].hint == "GPE" for i in ix)
            place_form = place_cue or self.placeish(k)
            bare = [self.mentions[j].start for j in ix]
            for i in ix:
                m = self.mentions[i]
                target = self._bare_target(k, m, people, targets, k in geo_keys, first_only=first_only,
                                           place_form=place_form, place_cue=place_cue)
                if target == "person" and targets and 0 <= m.start \
                        and not (m.cue or m.context in ("PERSON", "SPEAKER")):
                    # before the person is first named in full, and after the organisation sharing the name
                    # was, the bare name is the organisation ("Gearbox maker Brandauer" … "Brandauer
                    # Antriebstechnik GmbH" … "Ernst Brandauer founded it")
                    first = min((min(seen[c], default=1 << 40) for c in people), default=1 << 40)
                    org = next(iter(targets)) if len(targets) == 1 else self._main(targets)
                    if org is not None and m.start < first and first_at.get(org, 1 << 40) < first:
                        target = org
                if target == "person":
                    self.assign[i] = self._nearest(people, seen, m.start, m.paragraph, paragraphs, bare=bare)
                elif target is not None:
                    self.assign[i] = target

    def _bare_target(self, k: str, m: Mention, people, targets, geo: bool, *, first_only: bool,
                     place_form: bool, place_cue: bool = False) -> str | None:
        """Where one bare mention goes: "person" (its person), an organisation or place cluster, or
        None (it stays its own). Its sentence decides first ("Vik said", "Kessler shareholders",
        "in Savannah"), then spaCy's label; a first name that is also a place stays the place unless
        spaCy calls it a person or a quotation uses it ("Chelsea said she …"); a word no gazetteer knows
        and no sentence puts a place is the company with a legal suffix it begins ("Sekwati has offered")."""
        context = m.context or (m.hint if m.hint in ("GPE", "ORG") else "")
        if people and (context in ("PERSON", "SPEAKER") or m.cue):
            return "person"
        single = next(iter(targets)) if len(targets) == 1 else self._main(targets)
        if context == "PREFIX":  # "Kessel chief executive …"; "Quist spokesman …" with no body named Quist
            return single if single is not None or not people or first_only else "person"
        if context == "ORG" and single is not None and not geo:
            return single
        if context == "GPE" and people and self._person_said(k, m):
            return "person"  # "cheering Marlowe with …": spaCy's PERSON outweighs the preposition
        if context == "GPE":
            return single if single is not None and geo else None
        entry = self.entry[k]
        if entry is not None:  # a known place or people: only a PERSON mention may join a person
            return "person" if people and m.spacy_label == "PERSON" and (not first_only or m.quoted) else None
        if people and first_only and place_form and not m.quoted and m.spacy_label != "PERSON":
            return None  # "a Savannah shipping agency" beside "Savannah Pierce"
        to_person = bool(people) and (not targets or m.spacy_label == "PERSON" or (
            not m.spacy_label and self.person_votes(k) * 2 >= sum(self.votes[k].values())))
        if to_person:  # an unknown "place" sharing a person's surname is spaCy's mislabel
            return "person"
        if single is not None and (geo or not self.placeish(k) or (not place_cue and self._company(single))):
            return single
        return None

    def _person_said(self, k: str, m: Mention) -> bool:
        """Whether spaCy calls a mention of a word no gazetteer knows a person, and no mention of it a place."""
        v = self.votes[k]
        return m.spacy_label == "PERSON" and self.entry[k] is None and not (v["GPE"] or v["LOC"])

    def _company(self, cid: str) -> bool:
        """Whether a cluster is named with a legal suffix ("Sekwati Platinum Holdings Ltd")."""
        key = name_key(self.canonical[cid])
        return legal_base(key) != key

    def _short_index(self) -> tuple[dict[str, set[str]], set[str]]:
        """Short form key → clusters of the organisations and places it stands for (best tier
        only); and the keys that are short forms of places or legal names, which a place may take."""
        tiers: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        natural: dict[str, set[str]] = defaultdict(set)  # "Brisbane" → "Brisbane River"
        for k in self.forms:
            words, surface = k.split(), self.surface[k].split()
            cid = self.assign[self.forms[k][0]]
            if len(words) == 1 and (town := _TOWN.match(k)) is not None and cid not in self.persons:
                tiers[town.group(1)][1].add(cid)  # "Stockton" → "Stockton-on-Tees"
            if len(words) < 2 or cid in self.persons or self.entry[k] is not None:
                continue
            org = self.org_votes(k) or any(w in ORG_WORDS for w in words) \
                or words[-1].strip(".") in LEGAL_SUFFIXES
            if words[-1].strip(".") in LEGAL_SUFFIXES:
                tiers[" ".join(words[:-1])][0].add(cid)
            if org and len(words) == 2 and words[-1] in _AGENCY_HEADS and surface[0][:1].isupper() \
                    and known(surface[0]) is None and not is_title_word(surface[0]):
                tiers[words[0]][2].add(cid)  # "Treasury" of "Treasury Department"
            if org and 3 <= len(words) <= 5 and len(words) == len(surface) and all(w[:1].isupper() for w in surface):
                for i in range(1, len(words) - 1):  # "Kell Museum" of "Kell Maritime Museum"
                    tiers[" ".join(words[:i] + words[i + 1:])][1].add(cid)
            if org and (n := _country_words(surface, outlet=words[-1] in _OUTLET_WORDS)):
                tiers[name_key(" ".join(surface[n:]))][1].add(cid)  # "Senate" of "U.S. Senate", "the Times"
            if org and words[0] in _GROUP_WORDS and len(legal_base(k).split()) > 2:
                rest = legal_base(k).split()[1:]  # "Ipê Logística" and "Ipê" of "Grupo Ipê Logística"
                tiers[" ".join(rest)][0].add(cid)
                if known(rest[0]) is None and rest[0] not in _NOT_SHORT and len(rest[0]) > 2:
                    tiers[rest[0]][2].add(cid)
            if words[0] in STORM_WORDS:
                tiers[words[-1]][0].add(cid)  # "Tamsin" → "Cyclone Tamsin"
            if "'s" in k and org:
                tiers[name_key(k.split("'s")[0])][0].add(cid)  # "St Oswin’s" → "St Oswin’s College London"
            if org and len(words) == 2 and words[-1] in CLUB_WORDS:
                tiers[words[-1]][3].add(cid)  # "City" → "Porthaven City" in a match report
            if words[-1] == "city" and self.placeish(k, ("GPE",)) and known(" ".join(surface[:-1])) is None:
                tiers[" ".join(words[:-1])][1].add(cid)  # "Tacloban" of "Tacloban City"; not "Mexico" of "Mexico City"
            if words[-1] in GEO_WORDS or words[-1] in ADMIN_WORDS or words[-1] in TOWN_WORDS:
                tiers[" ".join(words[:-1])][1].add(cid)
                if words[-1] in GEO_WORDS:
                    natural[" ".join(words[:-1])].add(cid)
            elif org and "of" not in words and not _place_tail(words) and (
                    words[-1].strip(".") in LEGAL_SUFFIXES or not any(w in _INSTITUTION_WORDS for w in words)):
                # a company with a legal suffix is no institution ("Mavo Labs Ltd")
                plural = surface[-1].endswith("s") and not surface[-1].endswith("ss")
                ends = {(0, surface[0])} | ({(1, surface[-1])} if len(words) == 2 and plural else set())
                for pos, word in ends:
                    bare = word.lower()
                    if (len(word) > 2 and word[:1].isupper() and bare not in _NOT_SHORT and not own_acronym(surface)
                            and bare not in LEGAL_SUFFIXES and not is_title_word(word) and known(word) is None):
                        tiers[name_key(word)][2 + pos].add(cid)
        for key, cids in natural.items():  # a city is not the river, lake or valley named after it
            v = self.votes.get(key)
            if v is not None and v["GPE"] > v["LOC"]:
                tiers[key][1] -= cids
                if not tiers[key][1]:
                    del tiers[key][1]
                if not tiers[key]:
                    del tiers[key]
        best = {key: min(by_tier) for key, by_tier in tiers.items()}
        # a form that is itself the short form of one name stands for that name ("Kessler Spedition" for
        # "Kessler Spedition GmbH"), so their shared first word has one target, not two
        same = {self.assign[self.forms[k][0]]: next(iter(tiers[k][0])) for k in self.forms
                if best.get(k) == 0 and len(tiers[k][0]) == 1}
        return ({key: {same.get(c, c) for c in tiers[key][tier]} for key, tier in best.items()},
                {key for key, tier in best.items() if tier < 2})

    def _main(self, targets) -> str | None:
        """Of several names a short form may stand for, the one the article names most, then first
        ("Kranz" for "Kranz Präzision AG", not the later "Kranz Farrow Surgical")."""
        if not targets:
            return None
        seen: dict[str, list[int]] = defaultdict(list)
        for i, cid in self.assign.items():
            if cid in targets:
                seen[cid].append(self.mentions[i].start if self.mentions[i].start >= 0 else 1 << 40)
        return min(targets, key=lambda c: (-len(seen[c]), min(seen[c], default=1 << 40), c))

    @staticmethod
    def _nearest(people: set[str], seen: dict[str, list[int]], start: int, paragraph: int = -1,
                 paragraphs: dict[int, int] | None = None, bare: list[int] | None = None) -> str:
        """The person mentioned last before ``start``, else the first mentioned. When several share the
        surname and all but the first named are named in full again and again, the writer tells those
        apart by their full names: a bare surname beyond the paragraph of the last full name is the
        first named ("Peter Halvorsen" … "Ingrid Halvorsen" … "Ingrid Halvorsen" … "Halvorsen says").
        So it is when the bare surname (``bare``: the offsets of its mentions) stood twice or more for the
        first named before a relative named in full once, in an earlier paragraph ("Halvorsen" …
        "Halvorsen" … "hired his son, Jon Halvorsen." ¶ "Halvorsen said")."""
        first = min(people, key=lambda c: (min(seen[c], default=1 << 40), c))
        before = [(max(s for s in seen[c] if s < start), c) for c in people if any(s < start for s in seen[c])]
        if not before:
            return first
        last, nearest = max(before)
        if paragraphs is None or len(people) < 2 or nearest == first or paragraphs.get(last, paragraph) == paragraph:
            return nearest
        if all(len(seen[c]) >= 2 for c in people if c != first):
            return first
        named = min(seen[nearest])  # where the relative is first named in full
        if len(seen[nearest]) == 1 and bare is not None and \
                sum(min(seen[first]) < s < named for s in bare) >= 2:
            return first
        return nearest

    # -- teams ---------------------------------------------------------------------------
    def teams(self) -> None:
        """A team's town or nickname alone joins the team ("Hamilton", "Stags" → "Hamilton Stags"), as
        the article step marked them (:func:`analysis.entities.shapes.team_parts`)."""
        for i, m in enumerate(self.mentions):
            if m.team and m.team in self.forms:
                self.assign[i] = self.assign[self.forms[m.team][0]]

    # -- acronyms --------------------------------------------------------------------------
    def acronyms(self) -> None:
        """A bare all-capitals form joins the one long form in the article with its initials."""
        longs = defaultdict(set)
        for cid in set(self.assign.values()):
            name = self.canonical[cid]
            if cid not in self.persons and len(name.split()) > 1:
                for acronym in initials(name):
                    longs[acronym].add(cid)
        ends = {(m.paragraph, m.end): i for i, m in enumerate(self.mentions) if m.start >= 0}
        for k, ix in self.forms.items():
            word = self.surface[k]
            cid = self.assign[ix[0]]
            capitals = word.isupper() and len(word) <= 6
            if not (word.isalpha() and word[:1].isupper() and 2 <= len(word) <= 10 and cid == "F:" + k):
                continue
            targets = longs.get(word, set()) if capitals else set()
            if len(targets) != 1:  # "Korea Polar Research Institute (KOPRI)": letters of the name before it
                before = (ends.get((m.paragraph, m.start - 2)) for i in ix for m in [self.mentions[i]]
                          if m.bracketed)  # or "Authority (Sebi)", "Asociación … (Asopesca)"
                targets = {self.assign[j] for j in before if j is not None and self.assign[j] not in self.persons
                           and (abbreviates(word, self.mentions[j].text)
                                or (not capitals and known(word) is None and shortens(word, self.mentions[j].text))
                                or (capitals and known(word) is None and translated(word, self.mentions[j])))}
            if len(targets) == 1:
                target = next(iter(targets))
                for i in ix:
                    self.assign[i] = target

    def rows(self) -> list[dict]:
        members: dict[str, list[int]] = defaultdict(list)
        for i, cid in self.assign.items():
            members[cid].append(i)
        rows = []
        for cid, ix in members.items():
            name = self.canonical[cid]
            label, country = vote([self.mentions[i] for i in ix], name, person=cid in self.persons,
                                  shared=cid in self.shared)
            for i in ix:
                m = self.mentions[i]
                rows.append({"sentence_id": m.sentence_id, "paragraph": m.paragraph, "start": m.start,
                             "end": m.end, "text": m.text, "spacy_label": m.spacy_label, "entity": name,
                             "label": label, "norp_country": country, "origin": m.origin, "role": m.role})
        return rows


def cluster(mentions: list[Mention]) -> list[dict]:
    """Rows of the article's ``mentions`` table: each mention with its entity and label."""
    art = _Article(mentions)
    art.people()
    art.org_prefixes()
    art.bare_names()
    art.teams()
    art.acronyms()
    return art.rows()


def _owned_by_place(prefix: list[str], rest: list[str]) -> bool:
    """Whether a longer organisation name is a body of the place its first words name, so those words
    alone are the place, not its short form: a possessive after them ("Darling Downs Growers'
    Association") or a public body of a state or region ("Ondo State Police Command")."""
    if rest[0].endswith("'") or rest[0].endswith("'s"):
        return True
    return (prefix[-1] in ADMIN_WORDS or prefix[-1] in ("state", "city")) and any(
        w in _INSTITUTION_WORDS for w in rest)


def _known_tail(surface: list[str]) -> bool:
    """Whether a name ends in a known organisation's or facility's name of two words or more ("Quist White
    House"), so it is no person's name though shaped like one."""
    for n in range(1, len(surface) - 1):
        entry = known(" ".join(surface[n:]))
        if entry is not None and entry.label in ("ORG", "FAC"):
            return True
    return False


def own_acronym(surface: list[str]) -> bool:
    """Whether the first word of a longer name is an acronym in capitals, a name of its own rather than that
    name's short form ("KBN" of "KBN Metro Weekly", "XLP" of "XLP Power Rankings"); not before one head word
    ("NBC" of "NBC News", "KLM" of "KLM Group")."""
    word = surface[0]
    if not (2 <= len(word) <= 6 and word.isalpha() and word.isupper()):
        return False
    rest = [name_key(w) for w in surface[1:]]
    return not (len(rest) == 1 and (rest[0] in ORG_WORDS or rest[0] in _OUTLET_WORDS or rest[0] in _AGENCY_HEADS
                                    or rest[0].strip(".") in LEGAL_SUFFIXES))


def _compound_surname(short: str, full: str) -> bool:
    """Whether a two-word name is the compound surname of a longer one ("Quispe Mamani" of
    "Héctor Quispe Mamani", "Madeira Lopes" of "Ana Madeira Lopes"): its words end the longer name
    (folded keys), which has one or two given names before them."""
    a, b = short.split(), full.split()
    return len(a) == 2 and 3 <= len(b) <= 4 and b[-2:] == a


def _particle_name(surface: str) -> bool:
    """Whether a name has the shape of a person's with particles ("Pieter de Vries", "Kamau wa Njoroge")."""
    words = surface.split()
    return (len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper()
            and all(w.islower() and w in PARTICLES for w in words[1:-1]))


#: Head words of a government agency's name, which the article may leave out ("the Treasury" of "the Treasury
#: Department").
_AGENCY_HEADS = frozenset("bureau department agency administration service".split())
#: Head words of newspapers' names, which their readers call by the words after the city ("the Times").
_OUTLET_WORDS = frozenset("""times post news herald journal tribune gazette globe chronicle courier telegraph
observer examiner inquirer star sun register dispatch bee independent guardian mirror express""".split())


def _country_words(words: list[str], *, outlet: bool = False) -> int:
    """How many first words of a national body's name name its country ("U.S." of "U.S. Senate", "United
    States" of "United States Senate"), or of a newspaper's its place (``outlet``: "New York" of "New York
    Times"), before a capitalised rest; 0 if none."""
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        entry = known(head)
        if len(words) > n and words[n][:1].isupper() and entry is not None and entry.label == "GPE" \
                and (outlet or name_key(head) in FINDABLE_KEYS):
            return n
    return 0


def _surface(mentions: list[Mention]) -> str:
    """The name a form is shown by: its most frequent spelling, one not in capitals on a tie, and a
    dateline's capitals in title case ("CEDAR HOLLOW" → "Cedar Hollow")."""
    counts = Counter(m.text for m in mentions)
    best = max(counts, key=lambda s: (counts[s], not (s.isupper() and len(s) > 3)))
    if best.isupper() and any(m.origin == "dateline" for m in mentions):
        return best.title()
    return best


def _spelling(canonical: str, surface: str) -> str:
    """A known name as the article spells it when that differs only by diacritics ("Gdańsk", "Bogotá"
    for the gazetteer's "Gdansk", "Bogota")."""
    if surface != canonical and not surface.isascii() and fold(surface) == canonical:
        return surface
    return canonical


def _place_tail(words: list[str]) -> bool:
    """Whether a name is another name plus a known place ("BBC Scotland"): its first
    word is then no short form of it."""
    entry = known(" ".join(words[1:]))
    return entry is not None and entry.label in ("GPE", "LOC")


def vote(mentions: list[Mention], name: str, *, person: bool = False, shared: bool = False) -> tuple[str, str]:
    """(label, linked country) of one cluster: a weighted vote over its mentions and priors."""
    entry = known(name)
    if demonym_compound(name):
        return "NORP", ""
    if entry is not None and entry.label == "NORP":
        return "NORP", entry.country
    raw: Counter = Counter(m.spacy_label for m in mentions if m.spacy_label)
    votes: Counter = Counter({lb: float(n) for lb, n in raw.items()})
    votes["PERSON"] += sum(m.cue for m in mentions)
    place = "LOC" if raw["LOC"] > raw["GPE"] else "GPE"  # the context says a place, not which kind
    told: Counter = Counter(place if m.context == "GPE" else m.context for m in mentions
                            if m.context in ("PERSON", "ORG", "GPE"))  # "Brightman, 41,", "in Savannah"
    for lb, n in told.items():
        votes[lb] += n * CONTEXT_WEIGHT
    words_of_name = name_key(name).split()
    if votes["FAC"] and entry is None and not is_building(words_of_name) and (len(words_of_name) == 1 or (
            told["GPE"] + told["LOC"] and not any(w in _FACILITY_WORDS for w in words_of_name))):
        votes[place] += votes.pop("FAC")  # a one-word "facility", or one "in" which things happen without a
        # facility word, is a place spaCy mislabelled ("Luzon", "in Le Havre")
    hints = Counter(m.hint for m in mentions if m.hint)
    for lb, n in hints.items():
        votes[lb] += n + 1  # a context cue ("Lakeshore coach") outweighs one spaCy label
    words = name_key(name).split()
    if votes["NORP"] and entry is None and len(words) == 1 and not words[0].endswith(_DEMONYM_ENDINGS):
        votes["GPE"] += votes.pop("NORP")  # "Auckland" is not a people
    if entry is not None:
        votes[entry.label] += KNOWN_WEIGHT
    if person:
        votes["PERSON"] += PERSON_PATTERN_WEIGHT if votes["PERSON"] else SHARED_SURNAME_WEIGHT if shared else 0
        if len(words) > 1 and votes["PERSON"]:
            votes.pop("NORP", None)  # a person's full name is no people's ("Harquist" read as "-ist")
    if has_acronym(name) or all(m.context == "PREFIX" for m in mentions):
        votes.pop("PERSON", None)  # "BVH Havens", "CARE Australia", "Kessel" in "Kessel chief executive" are no people
    if any(w in ORG_WORDS or w.strip(".") in LEGAL_SUFFIXES for w in words[1:]) or (words and words[0] in ORG_WORDS) \
            or (len(words) > 2 and words[0] in BODY_WORDS and words[1] == "of"):
        votes["ORG"] += WORD_WEIGHT
        if len(words) > 1 and (words[-1] in ORG_WORDS or words[-1].strip(".") in LEGAL_SUFFIXES):
            votes.pop("PERSON", None)  # "Eurasia Wire", "Halvorsen Energy" are not people
    elif any(w in THING_WORDS for w in words[1:]):
        votes["FAC"] += WORD_WEIGHT
    elif words and (words[-1] in GEO_WORDS or (words[0] in GEO_WORDS and len(words) > 1)):
        votes["LOC"] += WORD_WEIGHT
    elif len(words) == 1 and _TOWN.match(words[0]) is not None:
        votes["GPE"] += WORD_WEIGHT  # a town named with a particle: "Stockton-on-Tees", "Châlons-en-Champagne"
    votes = Counter({lb: w for lb, w in votes.items() if w > 0})
    if not votes:
        return ("PERSON" if person else "ORG"), ""
    rank = {lb: i for i, lb in enumerate(LABEL_ORDER)}
    best = max(votes, key=lambda lb: (votes[lb], raw[lb], lb == (entry.label if entry else None),
                                      -rank.get(lb, 99)))
    return best, ""
