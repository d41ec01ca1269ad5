"""Clustering one article's mentions into entities, and labelling each by a vote.

- Known variants join one entity (US, U.S., the United States), named by the gazetteer's name where the
  article writes it, else by the article's fullest form ("US", "Türkiye"); a city the gazetteer knows by
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
  pattern; so one mislabelled mention never decides (:mod:`analysis.entities.votes`).

Bare names are joined in :mod:`analysis.entities.bare_names`; the shapes of names that decide what may join
what are in :mod:`analysis.entities.forms`.
"""
from __future__ import annotations

from collections import Counter, defaultdict

from analysis.entities.bare_names import BareNames
from analysis.entities.forms import (
    compound_surname,
    display_name,
    known_spelling,
    known_tail,
    owned_by_place,
    particle_name,
)
from analysis.entities.mention import Mention
from analysis.entities.names import (
    BODY_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    ORG_WORDS,
    THING_WORDS,
    TOWN_WORDS,
    demonym_compound,
    first_names_compatible,
    has_acronym,
    initials,
    known,
    name_key,
    person_name,
)
from analysis.entities.nicknames import nickname, without_nickname
from analysis.entities.short_forms import (
    abbreviates,
    company_prefixes,
    defined,
    legal_base,
    legal_prefixes,
    place_free_initials,
    redefined,
    shortens,
    translated,
)
from analysis.entities.votes import DEMONYM_ENDINGS, vote

__all__ = ["cluster"]

_QUOTES = frozenset("\"\u201c\u2018'")  # a nickname stands in quotation marks



class _Article(BareNames):
    """Forms (mentions grouped by matching key) of one article and their clusters."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.forms: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            self.forms[name_key(m.text)].append(i)
        self.surface = {k: display_name([mentions[i] for i in ix]) for k, ix in self.forms.items()}
        self.votes = {k: Counter(lb for i in ix for lb in (mentions[i].spacy_label, mentions[i].hint) if lb)
                      for k, ix in self.forms.items()}
        self.cues = {k: sum(mentions[i].cue or mentions[i].context == "PERSON" for i in ix)
                     for k, ix in self.forms.items()}
        self.entry = {k: known(self.surface[k]) for k in self.forms}
        for k in redefined(mentions, self.forms):  # "Democratic Renewal Congress (DRC)": not the Congo here
            self.entry[k] = None
        self.assign: dict[int, str] = {}
        self.canonical: dict[str, str] = {}
        self.persons: set[str] = set()
        self.shared: set[str] = set()  # person clusters known only by a shared surname
        for k, ix in self.forms.items():
            entry = self.entry[k]
            cid = f"K:{entry.canonical}|{entry.label}" if entry else "F:" + k
            self.canonical.setdefault(cid, known_spelling(entry.canonical, self.surface[k]) if entry
                                      else self.surface[k])
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
        if len(k.split()) == 1 and not k.endswith(DEMONYM_ENDINGS):
            votes = votes - Counter({"NORP": votes["NORP"]})  # a NORP that is no demonym is a mislabel
        place = sum(votes[lb] for lb in labels)
        return place > sum(votes.values()) - place

    # -- people ----------------------------------------------------------------------------
    def people(self) -> None:
        """Full names → person clusters, by surname and compatible first names."""
        cands = {}
        bare_people = {k for k in self.forms if self.person_votes(k) and not self.placeish(k)}
        # "Minera Altiplano" of "Minera Altiplano SA"; "Keystone Aqua" of "Keystone Aqua Utilities" (round 11)
        self.company = {k for k in company_prefixes(self.forms) if k in self.forms and self.entry[k] is None
                        and not self.placeish(k)}  # not "Montgomery County" of "… County Environmental Services"
        legal = self.legal = legal_prefixes(self.forms) | self.company
        nicks = {n for k in self.forms if not _QUOTES.isdisjoint(self.surface[k])
                 and (n := nickname(self.surface[k])) is not None}
        # "Tuco" of "Arturo "Tuco" Méndez"
        for k in self.forms:
            if k in legal and not self.cues[k]:
                continue
            pn = person_name(self.surface[k])
            plain = without_nickname(self.surface[k])  # "Yoav Shalev" of "Yoav "Yogi" Shalev"
            words = k.split()
            evidence = pn is not None and words[0] not in GENERIC_WORDS and (  # "Odessa Grant" … "Grant said"
                (pn.surname in bare_people and self.entry.get(pn.surname) is None) or self.cues[k] > 0)
            if (pn is None or self.entry[k] is not None or demonym_compound(k)
                    or (self.placeish(k, ("GPE", "LOC")) and not evidence)
                    or has_acronym(plain) or self.votes[k]["EVENT"] or words[0] in ("st", "saint")
                    or known_tail(self.surface[k].split())  # "Quist White House": no person's name
                    or (words[0] in BODY_WORDS and "of" in words)  # "Sisters of St. Casimir"
                    or all(self.mentions[i].context == "PREFIX" for i in self.forms[k])
                    or any(w in ORG_WORDS or w in GEO_WORDS or w in THING_WORDS for w in words)
                    or (any(w in TOWN_WORDS for w in words)  # "Dana Grove" is a person where spaCy says so
                        and self.votes[k]["PERSON"] * 2 <= sum(self.votes[k].values()))
                    or not all(w[:1].isupper() or w.islower() for w in plain.split())
                    or (not any(self.mentions[i].name_start for i in self.forms[k]) and words[0] not in nicks)
                    or (2 * sum(self.mentions[i].hint == "ORG" for i in self.forms[k]) > len(self.forms[k])
                        and not (self.cues[k] and self.votes[k]["PERSON"]))  # "lose to businesswoman Ada Quist"
                    or (words[-1] in CLUB_WORDS and any(self.mentions[i].hint == "ORG" for i in self.forms[k]))):
                continue
            cands[k] = pn
        shaped = {k for k in cands if particle_name(self.surface[k])}  # "Pieter de Vries" labelled ORG
        voted = {k for k, pn in cands.items() if self.person_votes(k) or pn.surname in bare_people} | shaped
        surnames = {cands[k].surname for k in voted}
        shared = {k for k in cands if k not in voted and cands[k].surname in surnames}
        groups: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
        for k in sorted(voted | shared, key=lambda k: (-len(k.split()), -len(self.forms[k]), k)):
            pn = cands[k]
            for members in groups[(pn.surname, pn.suffix)]:
                if all(first_names_compatible(pn.first, cands[o].first) or self._nicknamed(k, o) for o in members) \
                        or any(compound_surname(k, o) for o in members):
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

    def _nicknamed(self, k: str, o: str) -> bool:
        """Whether one full name's first word is the other's nickname ("Tuco Méndez" of "Arturo "Tuco" Méndez";
        round 11)."""
        a, b = k.split()[0], o.split()[0]
        return nickname(self.surface[o]) == a or nickname(self.surface[k]) == b

    # -- organisation prefixes -------------------------------------------------------------
    def org_prefixes(self) -> None:
        """A multi-word organisation name that begins the one longer organisation name
        joins it ("Carver State" → "Carver State Hawks"); not a known name or a place."""
        def org(k: str) -> bool:
            prefix = not self.placeish(k) and any(self.mentions[i].context == "PREFIX"  # "Sierra Norte partner"
                                                  for i in self.forms[k])
            company = len(words := k.split()) > 2 and words[-1] in COMMERCIAL_WORDS and not (
                set(self.votes[k]) - {"ORG", "PERSON"})  # "… Aqua Utilities" called a person; not a show's name
            return ((self.org_votes(k) or prefix or company) and self.entry[k] is None
                    and self.assign[self.forms[k][0]] not in self.persons)

        orgs = [k for k in self.forms if org(k) or (  # "Buckeye Trench" of "Buckeye Trench & Pipe LLC"
            k in self.legal and not self.cues[k] and self.assign[self.forms[k][0]] not in self.persons)]
        for k in orgs:
            words = k.split()
            if len(words) < 2 or words[-1] in ("of", "and", "the"):
                continue
            forms = [o for o in orgs if len(o.split()) > len(words) and o.split()[:len(words)] == words
                     and not owned_by_place(words, o.split()[len(words):])]
            longer = {self.assign[self.forms[o][0]] for o in forms}
            if len(longer) > 1 and len({legal_base(o) for o in forms}) == 1:  # "… Citrus", "… Citrus Pty Ltd"
                longer = {self.assign[self.forms[max(forms, key=len)][0]]}
            named = min((starts[0] for o in forms if (starts := self._body_starts(o))), default=None)
            if named is not None and sum(s < named for s in self._body_starts(k)) >= 2:
                continue  # round 10: a name of its own, twice in the body before the longer one ("Tallgrass Nation" …
                # "Tallgrass Nation Gaming Enterprises"), not its short form
            if len(longer) == 1:
                target = next(iter(longer))
                for i in self.forms[k]:
                    self.assign[i] = target

    def _body_starts(self, k: str) -> list[int]:
        """Offsets of a form's mentions in the body (not the headline), in text order."""
        return sorted(self.mentions[i].start for i in self.forms[k]
                      if self.mentions[i].paragraph > 0 and self.mentions[i].start >= 0)

    # -- teams ---------------------------------------------------------------------------
    def teams(self) -> None:
        """A team's town or nickname alone joins the team ("Hamilton", "Stags" → "Hamilton Stags"), as
        the article step marked them (:func:`analysis.entities.teams.team_parts`)."""
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
                for acronym in initials(name) | place_free_initials(name):  # "PUC" of "Pennsylvania Public …"
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
                                or (capitals and known(word) is None and translated(word, self.mentions[j]))
                                or defined(word, self.mentions[j]))}
            if len(targets) == 1:
                target = next(iter(targets))
                for i in ix:
                    self.assign[i] = target

    def written_name(self, cid: str, ix: list[int]) -> str:
        """A known entity's name as this article writes it: the gazetteer's name where the article uses it,
        else its fullest form here ("US", "Türkiye", "UAE" where "United States", "Turkey", "United Arab
        Emirates" never appear), so that every name shown is found in its text; a place named only by a
        cut-off abbreviation ("Calif.", "Ore.", not "U.S.") keeps its full name."""
        name = self.canonical[cid]
        if not cid.startswith("K:") or cid.endswith("|NORP"):
            return name
        written = {name_key(self.mentions[i].text) for i in ix}
        if name_key(name) in written or name in {self.surface[k] for k in written}:
            return name
        forms = [f for k in written if not ((f := self.surface[k]).endswith(".") and f.count(".") == 1)]
        return max(forms, key=lambda f: (len(f.replace(".", "")), f)) if forms else name

    def rows(self) -> list[dict]:
        members: dict[str, list[int]] = defaultdict(list)
        for i, cid in self.assign.items():
            members[cid].append(i)
        rows = []
        for cid, ix in members.items():
            name = self.written_name(cid, ix)
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


