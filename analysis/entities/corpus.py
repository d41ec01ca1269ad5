"""Entity resolution across a corpus: one name per entity for all articles.

Works on the distinct article-level entity names (never on pairs of mentions),
so it stays linear in the number of mentions:

1. names equal up to case, "the", a possessive or abbreviation dots merge, as do the variants of a place or
   body the gazetteer knows ("US", "U.S.", "United States": its known name where an article writes it);
2. full person names with one surname merge when their first names agree
   ("Kassym Tokayev" → "Kassym-Jomart Tokayev"); the most mentioned form wins;
3. a bare surname ("Tokayev" in an article that never gives the full name)
   joins the one person with that surname, or the one with 80 % of its mentions
   (labelled ORG, only a person mentioned far more often than it);
4. a bare company or place name joins the one long form it is short for
   ("Halvorsen" → "Halvorsen Energy", "Irtysh" → "Irtysh River"); an
   all-capitals acronym joins the one long form with those initials;
5. the alias file merges and renames; each entity's label is a vote over all
   its mentions (and the gazetteer); the alias file relabels and excludes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.entities.aliases import Aliases
from analysis.entities.forms import own_acronym
from analysis.entities.mention import MENTION_COLUMNS
from analysis.entities.names import (
    ADMIN_WORDS,
    COMMERCIAL_WORDS,
    GEO_WORDS,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    THING_WORDS,
    TOWN_WORDS,
    demonym_compound,
    first_names_compatible,
    initials,
    known,
    name_key,
    person_name,
)
from analysis.entities.places import own_place
from analysis.entities.regional import regional_parent
from analysis.entities.votes import KNOWN_WEIGHT, PERSON_PATTERN_WEIGHT
from analysis.entities.votes import LABEL_ORDER as _LABEL_ORDER

__all__ = ["resolve", "keys", "DOMINANT_SHARE", "Plan", "aggregate", "combine_aggregates", "plan", "apply",
           "speaker_names", "AGGREGATE_COLUMNS", "SPEAKER_COLUMNS"]

_INSTITUTION_WORDS = ORG_WORDS - COMMERCIAL_WORDS
_THING_PLACE_ORG = ORG_WORDS | THING_WORDS | GEO_WORDS

#: Share of a surname's full-name mentions one person needs for a bare surname to join it.
DOMINANT_SHARE = 0.8
#: An ORG-labelled bare surname joins a person with at least this many mentions, and this many
#: times its own.
ORG_SURNAME_MIN, ORG_SURNAME_RATIO = 5, 2.0


def keys(values: pd.Series) -> pd.Series:
    """:func:`name_key` of every value, computed once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    table = np.array([name_key(str(u)) for u in uniques] + [""], dtype=object)
    return pd.Series(table[codes], index=values.index, dtype="str")


#: Columns of :func:`aggregate`: one row per distinct (entity, label, spaCy said PERSON, text).
AGGREGATE_COLUMNS = ["entity", "label", "person", "text", "n", "pos"]
_AGG_KEYS = AGGREGATE_COLUMNS[:4]
SPEAKER_COLUMNS = ["article_id", "old", "entity", "label", "n", "pos"]


@dataclass(frozen=True)
class Plan:
    """The corpus-level resolution, decided from :func:`aggregate` and applied to mention rows.

    Attributes:
        entity: Article-level entity name → corpus name.
        label: Article-level entity name → corpus label.
        dropped: Article-level names whose mentions the alias file excludes.
        excluded: Keys of excluded surface forms (their mentions are dropped too).
        countries: Corpus name → country, for known demonyms.
    """

    entity: pd.Series
    label: pd.Series
    dropped: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    countries: dict[str, str] = field(default_factory=dict)


def _with_columns(mentions: pd.DataFrame) -> pd.DataFrame:
    m = mentions.copy()
    for col in MENTION_COLUMNS:
        if col not in m.columns:
            m[col] = "" if col in ("norp_country", "origin", "spacy_label") else pd.NA
    return m


def aggregate(mentions: pd.DataFrame, *, offset: int = 0) -> pd.DataFrame:
    """Mentions per distinct (entity, label, person, text), and the row of the first one
    (``offset`` + its position in ``mentions``): all that :func:`plan` needs (see :data:`AGGREGATE_COLUMNS`)."""
    m = _with_columns(mentions)
    frame = pd.DataFrame({"entity": m["entity"].to_numpy(), "label": m["label"].to_numpy(),
                          "person": m["spacy_label"].eq("PERSON").to_numpy(bool), "text": m["text"].to_numpy(),
                          "pos": np.arange(offset, offset + len(m), dtype=np.int64)})
    return frame.groupby(_AGG_KEYS, sort=False, dropna=False).agg(n=("pos", "size"), pos=("pos", "min")).reset_index()


def combine_aggregates(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Several :func:`aggregate` results (of disjoint rows) as one."""
    parts = [p for p in parts if len(p)] or parts[:1]
    both = pd.concat(parts, ignore_index=True)
    return both.groupby(_AGG_KEYS, sort=False, dropna=False).agg(n=("n", "sum"), pos=("pos", "min")).reset_index()


def plan(agg: pd.DataFrame, aliases: Aliases) -> Plan:
    """Decide the corpus names and labels from the :func:`aggregate` of every mention."""
    a = agg.sort_values("pos", kind="stable", ignore_index=True)
    if not len(a):
        return Plan(entity=pd.Series(dtype="str"), label=pd.Series(dtype="str"))
    mapping, people = _name_mapping(a)
    a["old"] = a["entity"]
    a["entity"] = a["entity"].map(mapping)
    a["person_hint"] = a["entity"].isin(people)
    a = _merge_aliases(a, aliases)
    a["renamed_from"] = a["entity"]
    rename = aliases.rename_keys()
    if rename:
        new = keys(a["entity"]).map(rename)
        a["entity"] = new.fillna(a["entity"]).astype("str")
    labels = _vote(a)
    a["label"] = a["entity"].map(labels)
    relabel = aliases.relabel_keys()
    if relabel:
        new = keys(a["entity"]).map(relabel).fillna(keys(a["renamed_from"]).map(relabel))
        a["label"] = new.fillna(a["label"]).astype("str")
    per_old = a.drop_duplicates("old").set_index("old")
    excluded = aliases.exclude_keys()
    dropped: frozenset[str] = frozenset()
    if excluded:
        drop = keys(per_old["entity"]).isin(excluded) | keys(per_old["renamed_from"]).isin(excluded)
        dropped = frozenset(per_old.index[drop.to_numpy()])
    countries = {n: e.country for n in per_old["entity"].unique() if (e := known(n)) is not None and e.label == "NORP"}
    return Plan(entity=per_old["entity"], label=per_old["label"], dropped=dropped,
                excluded=frozenset(excluded or ()), countries=countries)


def apply(p: Plan, mentions: pd.DataFrame, *, offset: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Apply a :class:`Plan` to mention rows (whole articles; ``offset`` numbers them after earlier rows).

    Returns:
        The corpus-resolved mentions, and the speaker map: for each (article_id, old entity) its
        most common (entity, label), with n (mentions) and pos (first row) (see :data:`SPEAKER_COLUMNS`).
    """
    m = _with_columns(mentions)
    if not len(m):
        return m, pd.DataFrame(columns=SPEAKER_COLUMNS)
    old = m["entity"]
    m["entity"] = old.map(p.entity)
    m["label"] = old.map(p.label)
    pos = pd.Series(np.arange(offset, offset + len(m), dtype=np.int64), index=m.index)
    if p.excluded:
        keep = ~(old.isin(p.dropped) | keys(m["text"]).isin(p.excluded))
        m, old, pos = m[keep], old[keep], pos[keep]
    m["norp_country"] = _countries(m, p.countries)
    frame = pd.DataFrame({"article_id": m["article_id"], "old": old, "entity": m["entity"], "label": m["label"],
                          "pos": pos})
    speaker_map = (frame.groupby(["article_id", "old", "entity", "label"], sort=False)
                   .agg(n=("pos", "size"), pos=("pos", "min")).reset_index()
                   .sort_values("n", ascending=False, kind="stable").drop_duplicates(["article_id", "old"]))
    return m.reset_index(drop=True), speaker_map


def resolve(mentions: pd.DataFrame, aliases: Aliases) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Corpus-resolved mentions, and the speaker map of :func:`apply`."""
    return apply(plan(aggregate(mentions), aliases), mentions)


def speaker_names(speaker_maps: list[pd.DataFrame]) -> pd.DataFrame:
    """For each article-level name, the corpus name it most often became (ties: the first seen):
    old, entity, n, pos. Takes speaker maps of :func:`apply` or earlier results of this function."""
    maps = [s for s in speaker_maps if len(s)]
    if not maps:
        return pd.DataFrame(columns=["old", "entity", "n", "pos"])
    both = pd.concat(maps, ignore_index=True)
    both = both.sort_values(["n", "pos"], ascending=[False, True], kind="stable").drop_duplicates("old")
    return both[["old", "entity", "n", "pos"]].reset_index(drop=True)


def _name_mapping(m: pd.DataFrame) -> tuple[dict[str, str], set[str]]:
    """Article-level entity name → corpus name; and the corpus names of people found by
    the full-name pattern (a full name and a bare surname). ``m``: an :func:`aggregate`, by ``pos``."""
    counts = m.groupby(["entity", "label"], sort=False)["n"].sum().reset_index()
    person_votes = m["n"].where(m["person"], 0).groupby(m["entity"]).sum()
    names = (counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("entity")
             .set_index("entity")[["label"]])
    names["n"] = counts.groupby("entity")["n"].sum()
    names["person_votes"] = person_votes
    names["key"] = keys(pd.Series(names.index, index=names.index))
    # 1. same key, or one place or body the gazetteer knows ("US", "U.S.", "United States") → its known name
    # where an article writes it, else the most mentioned spelling
    entries = {name: e for name in names.index if (e := known(name)) is not None and e.label != "NORP"}
    names["own"] = [name_key(entries[n].canonical) == k if n in entries else False
                    for n, k in names["key"].items()]
    names["key"] = [f"K:{entries[n].canonical}|{entries[n].label}" if n in entries else k
                    for n, k in names["key"].items()]
    top = names.sort_values(["own", "n"], ascending=False, kind="stable").reset_index().drop_duplicates("key")
    spelling = dict(zip(top["key"], top["entity"]))
    mapping = {name: spelling[key] for name, key in names["key"].items()}
    merged = names.assign(target=[mapping[n] for n in names.index]).groupby("target").agg(
        n=("n", "sum"), person_votes=("person_votes", "sum"), label=("label", "first"))
    people = _link_people(merged, mapping)
    _link_short_forms(merged, mapping)
    _link_acronyms(merged, mapping)
    return mapping, {mapping.get(p, p) for p in people}


def _link_short_forms(names: pd.DataFrame, mapping: dict[str, str]) -> None:
    """A bare ORG name joins the one company whose distinctive first word or name without
    legal suffix it is ("Halvorsen" → "Halvorsen Energy"); a bare place joins the one
    river, lake or sea it names ("Irtysh" → "Irtysh River")."""
    targets = set(mapping.values())
    shorts: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels = names["label"].to_dict()
    for name in targets:
        words, label = name_key(name).split(), labels[name]
        if len(words) < 2 or label == "PERSON" or known(name) is not None:
            continue
        if label == "ORG" and words[-1].strip(".") in LEGAL_SUFFIXES:
            shorts[("ORG", " ".join(words[:-1]))].add(name)
        tail = known(" ".join(words[1:]))  # "BBC Scotland" is no long form of "BBC"
        if label == "ORG" and "of" not in words and not any(w in _INSTITUTION_WORDS for w in words) \
                and not (tail is not None and tail.label in ("GPE", "LOC")) and not own_acronym(name.split()) \
                and regional_parent(name) is None:  # nor "Kestrova Europe Ltd" of "Kestrova"
            shorts[("ORG", words[0])].add(name)
        if words[-1] in GEO_WORDS or words[-1] in ADMIN_WORDS or words[-1] in TOWN_WORDS:
            shorts[("PLACE", " ".join(words[:-1]))].add(name)
    redirect = {}
    for name in targets:
        label = labels[name]
        kind = "ORG" if label == "ORG" else "PLACE" if label in ("GPE", "LOC") else None
        cands = shorts.get((kind, name_key(name)), set()) - {name}
        if kind and len(cands) == 1 and known(name) is None and not (
                kind == "PLACE" and own_place(name, next(iter(cands)), placed=False)):  # a city: not its county
            redirect[name] = next(iter(cands))
    for old, target in mapping.items():
        mapping[old] = redirect.get(target, target)


def _link_people(names: pd.DataFrame, mapping: dict[str, str]) -> set[str]:
    """Merge full names and bare surnames of people; returns the full names that a
    PERSON-labelled bare surname confirms as people (even when spaCy called them ORG)."""
    groups: dict[tuple[str, str], list[list[str]]] = defaultdict(list)
    parsed = {n: person_name(n) for n in names.index}
    label, count = names["label"].to_dict(), names["n"].to_dict()
    bare_people = {name_key(n) for n, pn in parsed.items() if pn is None and label[n] == "PERSON"}
    confirmed = {n for n, pn in parsed.items() if pn is not None and pn.surname in bare_people
                 and label[n] in ("PERSON", "ORG") and known(n) is None
                 and not any(w in _THING_PLACE_ORG for w in name_key(n).split())
                 and all(w[:1].isupper() or w.islower() for w in n.split())}
    order = sorted((n for n in names.index if parsed[n] is not None and (label[n] == "PERSON" or n in confirmed)
                    and not any(w in ORG_WORDS for w in name_key(n).split())),
                   key=lambda n: (-int(count[n]), n))
    for cluster in _group_full_names(order, parsed):
        pn = parsed[cluster[0]]
        groups[(pn.surname, pn.suffix)].append(cluster)
    redirect = {}
    by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (surname, _suffix), clusters in groups.items():
        for cluster in clusters:
            head = cluster[0]  # the most mentioned form
            for name in cluster:
                redirect[name] = head
            by_surname[surname].append((int(sum(count[n] for n in cluster)), head))
    bare = names[keys(pd.Series(names.index, index=names.index)).isin(list(by_surname))]
    for name, row in zip(bare.index, bare.to_dict("records")):
        if name in redirect or row["label"] not in ("PERSON", "ORG") or known(name) is not None \
                or demonym_compound(name):
            continue
        cands = sorted(by_surname[name_key(name)], reverse=True)
        total = sum(n for n, _ in cands)
        if not (len(cands) == 1 or cands[0][0] >= DOMINANT_SHARE * total):
            continue
        # an ORG-labelled surname joins only a person much better known than it ("Trump's team"),
        # not a company named after a person ("Ford" beside "Henry Ford")
        if row["label"] == "PERSON" or row["person_votes"] > 0 or (
                cands[0][0] >= ORG_SURNAME_MIN and cands[0][0] >= ORG_SURNAME_RATIO * row["n"]):
            redirect[name] = cands[0][1]
    for old, target in mapping.items():
        mapping[old] = redirect.get(target, target)
    return {redirect.get(n, n) for n in confirmed}


def _group_full_names(order: list[str], parsed: dict) -> list[list[str]]:
    """Clusters of full names: one surname (and suffix), first names all compatible. A name
    joins the one cluster it fits, starts its own when none fits, and stays out when
    several do ("J. Ellis" beside Jordan and Jane Ellis). Candidate clusters come from an
    index on first names, their hyphen parts and initials, so common surnames stay cheap."""
    clusters: list[list[str]] = []
    index: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for name in order:
        pn = parsed[name]
        first = pn.first.rstrip(".")
        base = (pn.surname, pn.suffix)
        if len(first) == 1:
            lookup = {"letter:" + first}
        else:
            lookup = {first, *first.split("-"), "initial:" + first[0]}
        cands = set().union(*(index.get((*base, k), set()) for k in lookup))
        fits = [c for c in cands if all(first_names_compatible(pn.first, parsed[o].first)
                                        and _middles_agree(name, pn, o, parsed[o]) for o in clusters[c])]
        if len(fits) > 1:
            continue
        if fits:
            cid = fits[0]
            clusters[cid].append(name)
        else:
            cid = len(clusters)
            clusters.append([name])
        register = {"initial:" + first} if len(first) == 1 else {first, *first.split("-")}
        for k in register | {"letter:" + first[0]}:
            index[(*base, k)].add(cid)
    return clusters


def _middle_initial(name: str, pn) -> str:
    """The initial of a full name's middle name or initials ("h" of "George H.W. Bush"), or ""."""
    words = name_key(name).replace(",", " ").split()
    if pn.suffix:
        words = words[:-1]
    middle = words[1:len(words) - len(pn.surname.split())]
    return middle[0][:1] if middle else ""


def _middles_agree(a: str, pa, b: str, pb) -> bool:
    """Whether two full names' middle initials allow one person: equal, or one name without (round 10:
    "George W. Bush" is not "George H.W. Bush")."""
    x, y = _middle_initial(a, pa), _middle_initial(b, pb)
    return not x or not y or x == y


def _link_acronyms(names: pd.DataFrame, mapping: dict[str, str]) -> None:
    longs: dict[str, set[str]] = defaultdict(set)
    targets = set(mapping.values())
    for name in targets:
        if len(name.split()) > 1 and (name not in names.index or names.at[name, "label"] != "PERSON"):
            for acronym in initials(name):
                longs[acronym].add(name)
    redirect = {}
    for name in targets:
        if (name.isalpha() and name.isupper() and 3 <= len(name) <= 6 and known(name) is None
                and len(longs.get(name, ())) == 1):
            redirect[name] = next(iter(longs[name]))
    for old, target in mapping.items():
        mapping[old] = redirect.get(target, target)


def _merge_aliases(m: pd.DataFrame, aliases: Aliases) -> pd.DataFrame:
    """Every entity whose name or a surface form is listed under ``merge`` takes the canonical name."""
    merge = aliases.merge_keys()
    if not merge:
        return m
    target = keys(m["entity"]).map(merge).fillna(keys(m["text"]).map(merge))
    per_entity = target.groupby(m["entity"]).first()
    m["entity"] = m["entity"].map(per_entity).fillna(m["entity"]).astype("str")
    return m


def _vote(m: pd.DataFrame) -> pd.Series:
    """Entity → label: the label most of its mentions carry, with the gazetteer's prior
    (``m``: an :func:`aggregate`, by ``pos``)."""
    votes = m.groupby(["entity", "label"], sort=False)["n"].sum().astype(float).rename("w").reset_index()
    priors, forced = [], {}
    hinted = m.loc[m["person_hint"] & m["label"].eq("PERSON"), "entity"].unique()
    priors += [(name, "PERSON", PERSON_PATTERN_WEIGHT) for name in hinted]
    for name in votes["entity"].unique():
        entry = known(name)
        if demonym_compound(name) or (entry is not None and entry.label == "NORP"):
            forced[name] = "NORP"
        elif entry is not None:
            priors.append((name, entry.label, KNOWN_WEIGHT))
    if priors:
        votes = pd.concat([votes, pd.DataFrame(priors, columns=["entity", "label", "w"])], ignore_index=True)
    votes = votes.groupby(["entity", "label"], sort=False)["w"].sum().reset_index()
    rank = {lb: i for i, lb in enumerate(_LABEL_ORDER)}
    votes["rank"] = votes["label"].map(rank).fillna(99)
    best = votes.sort_values(["w", "rank"], ascending=[False, True], kind="stable").drop_duplicates("entity")
    out = best.set_index("entity")["label"]
    for name, label in forced.items():
        out[name] = label
    return out


def _countries(m: pd.DataFrame, table: dict[str, str]) -> pd.Series:
    """The country linked to each NORP mention's entity ("" when none is known); ``table``:
    known demonym entities → country."""
    out = m["norp_country"].fillna("").astype("str").where(m["label"].eq("NORP"), "")
    if table:
        out = m["entity"].map(table).fillna(out).where(m["label"].eq("NORP"), "")
    return out.astype("str")
