"""Entity resolution: raw spaCy mentions → the entities an analyst would count.

Within an article (:func:`resolve_article_mentions`, inside the cached NLP
pass): spans are cleaned (titles and roles, determiners, possessives stripped, the
role kept; "Tili" grown to "Ana Tili"; spans glued across dashes, hyphens and "in"
cut, names cut at their particles joined), junk is dropped, mentions spaCy missed
are added, surname and full-name forms merge unless the first names differ, known
variants merge (US, U.S., the United States), a person never merges with a place,
a bare name shared by a person, a company or a place goes where its sentence says
("Vik said", "Kessler shareholders", "in Savannah"), and each entity is labelled by
a vote over its mentions, so one mislabel does not make "Astana" a PERSON.
Demonyms stay NORP, linked to their country.

Across the corpus (:func:`resolve_corpus`): a bare surname joins the one person
with that surname, spellings and acronyms merge, the user's alias file
(:mod:`analysis.entities.aliases`) merges, renames, relabels and excludes, labels are
voted again corpus-wide, and quotation speakers get the same names.

Tables:

- ``mentions``: article_id, sentence_id, paragraph, start, end, text,
  spacy_label, entity, label, norp_country, origin, role. ``text`` is
  ``Article.text[start:end]``. ``origin`` is "ner" (a spaCy entity),
  "propagated" (spelled like a name found elsewhere in the article, a part of
  one or a country, missed by spaCy), "pattern" (a run of capitalised proper
  nouns, the subject of "said", a name before a role that spaCy missed, or the wire in brackets
  after a dateline),
  "dateline" (the place in capitals opening the first paragraph) — for these
  three ``spacy_label`` is "" — or "byline" (an author from the byline/metadata: not in the text, so
  ``sentence_id``, ``paragraph``, ``start`` and ``end`` are -1, and
  ``Article.text[start:end]`` does not hold). ``norp_country`` is the country
  of a demonym ("" if none). ``role`` is the title or role written before a
  person's name and not part of it ("Councilwoman", "election commission chair",
  "Interior minister"; "" if none).
- ``entities``: entity, label, mentions, articles, sources, first_seen,
  last_seen, aliases (surface forms, most frequent first), country (of a NORP),
  polarity and subjectivity (means over the sentences that mention it).
- ``cooccurrence``: entity_a < entity_b, label_a, label_b, scope ("sentence"
  or "article") and count (of sentences or articles holding both).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from analysis.entities import corpus
from analysis.entities import sql as _sql
from analysis.entities.aliases import Aliases, as_aliases
from analysis.entities.article import MENTION_COLUMNS, resolve_article
from analysis.entities.names import NAME_LABELS, clean_name, name_key, person_name
from analysis.entities.tables import (
    COOCCURRENCE_COLUMNS,
    ENTITY_COLUMNS,
    KWIC_COLUMNS,
    cooccurrence_table,
    entity_table,
    kwic_table,
)
from analysis.records import is_store_tables, plural

__all__ = ["MENTION_COLUMNS", "ENTITY_COLUMNS", "COOCCURRENCE_COLUMNS", "KWIC_COLUMNS", "NAME_LABELS",
           "resolve_article_mentions", "resolve_corpus", "summarise", "entity_at", "resolve_name",
           "keyword_in_context", "top_entities", "describe", "first_labels", "map_speakers"]


def resolve_article_mentions(parsed, raw: pd.DataFrame) -> pd.DataFrame:
    """Resolve one article's raw spaCy mentions into entities.

    Args:
        parsed: The :class:`analysis.nlp.ParsedArticle` (tokens, POS and
            dependencies are used to grow and check spans).
        raw: spaCy's entities: sentence_id, paragraph, start, end, text,
            spacy_label (offsets into ``parsed.article.text``).

    Returns:
        The article's mentions (:data:`MENTION_COLUMNS`), in text order, byline last.
    """
    return resolve_article(parsed, raw)


def resolve_corpus(tables: dict[str, pd.DataFrame], *,
                   aliases: Aliases | Mapping[str, Any] | str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Resolve entities across the corpus; add ``entities`` and ``cooccurrence``.

    Args:
        tables: Per-article tables with an ``article_id`` column (``mentions``
            resolved within each article; ``articles``, ``sentences`` and
            ``quotes`` when present).
        aliases: An alias file (path), a mapping shaped like one, or None.

    Returns:
        A copy of ``tables`` with corpus-wide entity names and labels in
        ``mentions``, quote ``speaker``/``speaker_label`` mapped the same way,
        and ``entities`` and ``cooccurrence``.

    Raises:
        ValueError: The alias file is unreadable or invalid.
    """
    alias = as_aliases(aliases)
    mentions, speakers = corpus.resolve(tables.get("mentions", pd.DataFrame(columns=MENTION_COLUMNS)),
                                                alias)
    out = dict(tables)
    out["mentions"] = mentions
    if "quotes" in tables:
        names = corpus.speaker_names([speakers]).set_index("old")["entity"]
        out["quotes"] = map_speakers(tables["quotes"], speakers, names, first_labels(mentions), alias)
    return {**out, **summarise(out)}


def first_labels(mentions: pd.DataFrame) -> pd.Series:
    """Entity → the label of its first resolved mention."""
    if not len(mentions):
        return pd.Series(dtype="str")
    return mentions.drop_duplicates("entity").set_index("entity")["label"]


def summarise(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Corpus-level tables from resolved mentions: ``entities`` and ``cooccurrence``."""
    mentions = tables.get("mentions")
    return {"entities": entity_table(mentions, tables.get("articles"), tables.get("sentences")),
            "cooccurrence": cooccurrence_table(mentions)}


def map_speakers(quotes: pd.DataFrame, speakers: pd.DataFrame, names: pd.Series, labels: pd.Series,
                  alias: Aliases) -> pd.DataFrame:
    """Quote speakers (article-level names) → corpus names and labels.

    Args:
        quotes: Quotations of some articles.
        speakers: The speaker map of these articles (:func:`analysis.entities.corpus.apply`).
        names: Article-level name → corpus name over the whole corpus (for speakers that
            their article does not mention).
        labels: Corpus name → label (:func:`first_labels` of the whole corpus).
        alias: The alias file.
    """
    if not len(quotes) or "speaker" not in quotes.columns or "article_id" not in quotes.columns:
        return quotes
    q = quotes.copy()
    hit = q[["article_id", "speaker"]].merge(speakers[["article_id", "old", "entity", "label"]]
                                            .rename(columns={"old": "speaker"}),
                                            on=["article_id", "speaker"], how="left")
    hit.index = q.index
    fallback = q["speaker"].map(names) if len(names) else pd.Series(pd.NA, index=q.index)
    if alias.merge or alias.rename:
        by_key = corpus.keys(q["speaker"].fillna("").astype("str"))
        fallback = fallback.fillna(by_key.map(alias.merge_keys())).fillna(by_key.map(alias.rename_keys()))
    new = hit["entity"].fillna(fallback)
    q["speaker"] = new.where(new.notna(), q["speaker"])
    if "speaker_label" in q.columns:
        label = hit["label"].fillna(q["speaker"].map(labels))
        q["speaker_label"] = label.where(label.notna(), q["speaker_label"])
    return q


def entity_at(mentions: pd.DataFrame, start: int, end: int) -> tuple[str, str] | None:
    """(entity, label) of the mention overlapping ``[start, end)`` in one article's
    mentions (the longest overlap), or None. For the quote module's speakers."""
    if mentions is None or not len(mentions):
        return None
    m = mentions[(mentions["start"] < end) & (mentions["end"] > start) & (mentions["start"] >= 0)]
    if not len(m):
        return None
    overlap = m["end"].clip(upper=end) - m["start"].clip(lower=start)
    row = m.loc[overlap.idxmax()]
    return str(row["entity"]), str(row["label"])


def resolve_name(name: str, mentions: pd.DataFrame) -> tuple[str, str] | None:
    """(entity, label) that a name means in one article's mentions, or None.

    "President Tokayev", "Tokayev" and "Kassym-Jomart Tokayev" all give
    ("Kassym-Jomart Tokayev", "PERSON") when the article mentions him; a bare
    surname matches the one person in the article with that surname.
    """
    if mentions is None or not len(mentions) or not name or not name.strip():
        return None
    cut = clean_name(name, person=True)
    if cut is None:
        return None
    key = name_key(name[cut[0]:cut[1]])
    for column in ("entity", "text"):
        hit = mentions[corpus.keys(mentions[column]).eq(key)]
        if len(hit):
            row = hit.iloc[0]
            return str(row["entity"]), str(row["label"])
    people = mentions[mentions["label"].eq("PERSON")].drop_duplicates("entity")
    matches = [(e, lb) for e, lb in zip(people["entity"], people["label"])
               if (pn := person_name(e)) is not None and pn.surname == key]
    return matches[0] if len(matches) == 1 else None


def keyword_in_context(tables, *, entities: Iterable[str] | None = None, labels: Iterable[str] | None = None,
                       top_n: int | None = 10, width: int = 60) -> pd.DataFrame:
    """Each mention of the chosen entities with its sentence, article and date.

    Args:
        tables: A :class:`analysis.tables.Tables`, a dict of tables, or a store's
            :class:`analysis.store.StoreTables` (read with DuckDB: the first 1,000 mentions of
            each entity, by date, article and offset).
        entities: Entity names to show; by default the ``top_n`` most mentioned.
        labels: Restrict the default choice to these labels.
        top_n: How many entities to show by default (None: all).
        width: Characters of context on each side.
    """
    if entities is None:
        entities = list(top_entities(tables["entities"], labels=labels, top_n=top_n)["entity"])
    if is_store_tables(tables):
        return _sql.keyword_in_context(tables, entities=list(entities), width=width)
    return kwic_table(tables["mentions"], tables["sentences"], tables["articles"], entities=list(entities),
                      width=width)


def top_entities(entities: pd.DataFrame, *, labels: Iterable[str] | str | None = None, top_n: int | None = 10,
                 min_mentions: int = 1) -> pd.DataFrame:
    """The most mentioned entities, optionally of some labels and with at least ``min_mentions``."""
    out = entities[entities["mentions"] >= min_mentions]
    if labels:
        out = out[out["label"].isin([labels] if isinstance(labels, str) else list(labels))]
    return out.head(top_n) if top_n else out


def describe(tables, *, labels: Iterable[str] | str | None = None, top_n: int = 3, min_mentions: int = 1,
             min_for_tone: int = 3) -> str:
    """A few lines of Markdown on the most mentioned entities, for notebook conclusions.

    Args:
        tables: A :class:`analysis.tables.Tables` or a dict of tables.
        labels: Only entities with these labels.
        top_n: Entities named per label.
        min_mentions: Ignore entities mentioned fewer times.
        min_for_tone: Mentions an entity needs to be named for its tone.
    """
    ents = top_entities(tables["entities"], labels=labels, top_n=None, min_mentions=min_mentions)
    if is_store_tables(tables):
        n_articles = _sql.n_articles(tables)
    else:
        n_articles = tables["articles"]["article_id"].nunique() if len(tables["articles"]) else 0
    if not len(ents):
        return f"No named entities found in {plural(n_articles, 'article')} with these settings."
    first = ents.iloc[0]
    lines = [f"{plural(n_articles, 'article')} mention{'s' if n_articles == 1 else ''} "
             f"{plural(len(ents), 'entity', 'entities')} {plural(int(ents['mentions'].sum()), 'time')}. "
             f"The most mentioned is **{first.entity}** ({first.label}, {plural(int(first.mentions), 'mention')} in "
             f"{plural(int(first.articles), 'article')})."]
    for label, group in ents.groupby("label", sort=False):
        tops = ", ".join(f"**{r.entity}** ({r.mentions})" for r in group.head(top_n).itertuples())
        lines.append(f"- {label}: {tops}")
    toned = ents[(ents["mentions"] >= min_for_tone) & ents["polarity"].notna()].sort_values("polarity")
    if len(toned) >= 2:
        low, high = toned.iloc[0], toned.iloc[-1]
        lines.append(f"\nThe most positive sentences surround **{high.entity}** (mean polarity {high.polarity:+.2f}), "
                     f"the most negative **{low.entity}** ({low.polarity:+.2f}).")
    return "\n".join(lines)
