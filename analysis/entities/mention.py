"""A mention before clustering, and the columns of the ``mentions`` table: the records the
per-article entity steps (:mod:`analysis.entities.article`, :mod:`analysis.entities.missed`,
:mod:`analysis.entities.cluster`) pass each other."""
from __future__ import annotations

from dataclasses import dataclass

from analysis.entities.names import is_title_head

__all__ = ["MENTION_COLUMNS", "Mention", "title_before"]

#: Columns of the per-article ``mentions`` table (``article_id`` is added later).
MENTION_COLUMNS = ["sentence_id", "paragraph", "start", "end", "text", "spacy_label", "entity", "label",
                   "norp_country", "origin", "role"]


@dataclass(frozen=True)
class Mention:
    """One mention before clustering (offsets into the article text)."""

    sentence_id: int
    paragraph: int
    start: int
    end: int
    text: str
    spacy_label: str  # "" when spaCy did not tag it
    origin: str  # "ner" (spaCy), "propagated", "pattern" (see missed), "dateline" or "byline"
    cue: bool = False  # a title stands right before it ("President", "Mr")
    name_start: bool = True  # its first token can start a name (not a verb, adverb, pronoun…)
    hint: str = ""  # a label its context suggests ("ORG" for "Lakeshore coach"), one vote like spaCy's
    role: str = ""  # the title or role before a person's name ("Councilwoman", "election commission chair")
    context: str = ""  # what its sentence says it is (:func:`analysis.entities.context.context_hint`)
    quoted: bool = False  # it stands inside a quotation
    bracketed: bool = False  # it stands alone in brackets: "(IGAD)", a short form of the name before it
    team: str = ""  # the key of the name it stands for: a team's town or nickname alone ("Hamilton" of "Hamilton
    # Stags"), an organisation's head word ("the Department" of "Kell Department of Roads")


def title_before(text: str, start: int) -> bool:
    """Whether the word right before ``start`` (same line) ends a title ("President", "Mr")."""
    before = text[max(0, start - 40):start].split("\n")[-1].split()
    return bool(before) and is_title_head(before[-1])
