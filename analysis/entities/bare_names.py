"""Bare names within one article: a bare surname, first name or short form joins its person,
organisation or place (a mixin of :class:`analysis.entities.cluster._Article`)."""
from __future__ import annotations

from collections import defaultdict

from analysis.entities.forms import AGENCY_HEADS, OUTLET_WORDS, country_words, own_acronym, place_tail
from analysis.entities.mention import Mention
from analysis.entities.names import (
    ADMIN_WORDS,
    CLUB_WORDS,
    COMMERCIAL_WORDS,
    GENERIC_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    STORM_WORDS,
    TOWN_WORDS,
    is_title_word,
    known,
    name_key,
)
from analysis.entities.nicknames import nickname
from analysis.entities.places import own_place, state_short
from analysis.entities.regional import regional_parent
from analysis.entities.short_forms import legal_base
from analysis.entities.votes import TOWN

__all__ = ["BareNames"]

_INSTITUTION_WORDS = ORG_WORDS - COMMERCIAL_WORDS
_NOT_SHORT = ORG_WORDS | GENERIC_WORDS
#: Words opening a company's name that its short form leaves out ("Grupo Ipê Logística" → "Ipê Logística").
_GROUP_WORDS = frozenset("grupo groupe gruppo group grupa gruppe".split())
#: A bank's word opening its name, which its short form leaves out ("Banque Corvaz SA" → "Corvaz"; round 11).
_BANK_WORDS = frozenset("bank banque banco banca banka bankhaus".split())


class BareNames:
    """Joining bare surnames, first names and short forms to their cluster; the clustering state
    (``forms``, ``assign``, ``persons``, …) is the article's (:class:`analysis.entities.cluster._Article`)."""

    # -- bare names ------------------------------------------------------------------------
    def bare_names(self) -> None:
        """Bare surnames, first names and short forms → their person, organisation or place."""
        by_surname, by_first, by_middle = defaultdict(set), defaultdict(set), defaultdict(set)
        by_nickname = defaultdict(set)
        for k, pn in self.person_forms.items():
            cid = self.assign[self.forms[k][0]]
            by_surname[pn.surname].add(cid)
            if (nick := nickname(self.surface[k])) is not None:
                by_nickname[nick].add(cid)  # "Yogi" of "Yoav "Yogi" Shalev": the article says whom it means
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
            nicknamed = by_nickname.get(k) if len(by_nickname.get(k, ())) == 1 and k not in by_surname else None
            people = by_surname.get(k) or (by_middle.get(k) if len(by_middle.get(k, ())) == 1 else None) or \
                nicknamed or (by_first.get(k) if len(by_first.get(k, ())) == 1 and k not in by_surname else None)
            targets = shorts.get(k, ())
            if not people and not targets:
                continue
            first_only = k not in by_surname and k not in by_middle and not nicknamed
            place_cue = any((self.mentions[i].context == "GPE" and not self._person_said(k, self.mentions[i]))
                            or self.mentions[i].hint == "GPE" for i in ix)
            placed = any(self.mentions[i].hint == "GPE" or self.mentions[i].origin == "dateline" for i in ix)
            place_form = place_cue or self.placeish(k)
            bare = [self.mentions[j].start for j in ix]
            for i in ix:
                m = self.mentions[i]
                target = self._bare_target(k, m, people, targets, k in geo_keys, first_only=first_only,
                                           place_form=place_form, place_cue=place_cue, placed=placed)
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
                     place_form: bool, place_cue: bool = False, placed: bool = False) -> str | None:
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
        if context == "GPE" and people and self._person_said(k, m) and m.hint != "GPE":
            return "person"  # "cheering Marlowe with …": spaCy's PERSON outweighs the preposition
        if single is not None and (place_form or placed) and own_place(self.surface[k], self.canonical[single],
                                                                       placed=placed):
            return None  # "in Machakos" beside "Machakos County" (:func:`analysis.entities.places.own_place`)
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
        if placed and single is not None and context != "ORG" and self._org_named(single):
            return None  # "Fujairah" of a dateline or a list of places, beside the "Fujairah Oil Industry Zone"
        if single is not None and (geo or not self.placeish(k) or (not place_cue and self._company(single))):
            return single
        return None

    def _person_said(self, k: str, m: Mention) -> bool:
        """Whether spaCy calls a mention of a word no gazetteer knows a person, and no mention of it a place."""
        v = self.votes[k]
        return m.spacy_label == "PERSON" and self.entry[k] is None and not (v["GPE"] or v["LOC"])

    def _org_named(self, cid: str) -> bool:
        """Whether most of the votes of a cluster's name say ORG ("Fujairah Oil Industry Zone")."""
        key = name_key(self.canonical[cid])
        return key in self.votes and self.org_votes(key)

    def _company(self, cid: str) -> bool:
        """Whether a cluster is named with a legal suffix ("Sekwati Platinum Holdings Ltd")."""
        key = name_key(self.canonical[cid])
        return legal_base(key) != key

    def _short_index(self) -> tuple[dict[str, set[str]], set[str]]:
        """Short form key → clusters of the organisations and places it stands for (best tier
        only); and the keys that are short forms of places or legal names, which a place may take."""
        tiers: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        natural: dict[str, set[str]] = defaultdict(set)  # "Brisbane" → "Brisbane River"
        openers = {k.split()[0] for k in self.forms if " " in k}  # first words of the article's longer names
        for k in self.forms:
            words, surface = k.split(), self.surface[k].split()
            cid = self.assign[self.forms[k][0]]
            if len(words) == 1 and (town := TOWN.match(k)) is not None and cid not in self.persons:
                tiers[town.group(1)][1].add(cid)  # "Stockton" → "Stockton-on-Tees"
            if len(words) < 2 or cid in self.persons or self.entry[k] is not None:
                continue
            org = self.org_votes(k) or any(w in ORG_WORDS for w in words) \
                or words[-1].strip(".") in LEGAL_SUFFIXES
            if words[-1].strip(".") in LEGAL_SUFFIXES:
                tiers[" ".join(words[:-1])][0].add(cid)
            if org and len(words) == 2 and words[-1] in AGENCY_HEADS and surface[0][:1].isupper() \
                    and known(surface[0]) is None and not is_title_word(surface[0]):
                tiers[words[0]][2].add(cid)  # "Treasury" of "Treasury Department"
            if org and 3 <= len(words) <= 5 and len(words) == len(surface) and all(w[:1].isupper() for w in surface):
                for i in range(1, len(words) - 1):  # "Kell Museum" of "Kell Maritime Museum"
                    if words[i] not in openers and words[i] not in self.forms:
                        tiers[" ".join(words[:i] + words[i + 1:])][1].add(cid)
                    # not when the inner word opens a name of its own: "Briarwood Health" and "Lakeshore
                    # Medical" merge into "Briarwood Lakeshore Health"
            if org and (n := country_words(surface, outlet=words[-1] in OUTLET_WORDS)):
                tiers[name_key(" ".join(surface[n:]))][1].add(cid)  # "Senate" of "U.S. Senate", "the Times"
            if org and words[0] in _GROUP_WORDS and len(legal_base(k).split()) > 2:
                rest = legal_base(k).split()[1:]  # "Ipê Logística" and "Ipê" of "Grupo Ipê Logística"
                tiers[" ".join(rest)][0].add(cid)
                if known(rest[0]) is None and rest[0] not in _NOT_SHORT and len(rest[0]) > 2:
                    tiers[rest[0]][2].add(cid)
            if words[0] in _BANK_WORDS and len(base := legal_base(k).split()) == 2 and surface[1][:1].isupper() \
                    and known(surface[1]) is None and base[1] not in _NOT_SHORT and len(base[1]) > 2:
                tiers[base[1]][0].add(cid)  # "Corvaz" of "Bank Corvaz AG", not of a later "Corvaz Tessin Group"
            if words[0] in STORM_WORDS:
                tiers[words[-1]][0].add(cid)  # "Tamsin" → "Cyclone Tamsin"
            if "'s" in k and org:
                tiers[name_key(k.split("'s")[0])][0].add(cid)  # "St Oswin’s" → "St Oswin’s College London"
            if org and len(words) == 2 and words[-1] in CLUB_WORDS:
                tiers[words[-1]][3].add(cid)  # "City" → "Porthaven City" in a match report
            if words[-1] == "city" and self.placeish(k, ("GPE",)) and known(" ".join(surface[:-1])) is None:
                tiers[" ".join(words[:-1])][1].add(cid)  # "Tacloban" of "Tacloban City"; not "Mexico" of "Mexico City"
            if state_short(self.surface[k]) is not None:
                tiers[" ".join(words[:-1])][1].add(cid)  # "Benue" of "Benue State"
            if words[-1] in GEO_WORDS or words[-1] in ADMIN_WORDS or words[-1] in TOWN_WORDS:
                tiers[" ".join(words[:-1])][1].add(cid)
                if words[-1] in GEO_WORDS:
                    natural[" ".join(words[:-1])].add(cid)
            elif org and "of" not in words and not place_tail(words) and (
                    words[-1].strip(".") in LEGAL_SUFFIXES or not any(w in _INSTITUTION_WORDS for w in words)):
                # a company with a legal suffix is no institution ("Mavo Labs Ltd")
                plural = surface[-1].endswith("s") and not surface[-1].endswith("ss")
                ends = {(0, surface[0])} | ({(1, surface[-1])} if len(words) == 2 and plural else set())
                if regional_parent(self.surface[k]) is not None:
                    ends = set()  # "Kestrova" is the parent of "Kestrova Europe Ltd", not its short form
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
