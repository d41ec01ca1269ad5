"""The article's own outlet named in its body (:mod:`analysis.entities.outlet`, round 8b)."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus import Article
from analysis.entities.article import resolve_article
from analysis.nlp import parse
from tests.entity_texts import entities_of, raw_of


def _resolved(nlp, source: str, *paragraphs: str) -> dict:
    article = Article(id="t", title="Report", paragraphs=paragraphs, source=source,
                      published=pd.Timestamp("2025-01-01T00:00:00+00:00"))
    parsed = next(parse([article], nlp=nlp))
    return entities_of(resolve_article(parsed, raw_of(parsed)))


@pytest.mark.parametrize("source, paragraph, name", [
    ("Kell Broadcasting News", "\"We are ready,\" she told KBN on Monday.", "KBN"),
    ("The Tarvel Chronicle", "Ada Quist is the Chronicle’s eastern Europe correspondent.", "Chronicle"),
    ("The Tarvel Morning Post", "\"Our people are not refusing care,\" he told The Tarvel Morning Post.",
     "Tarvel Morning Post"),
])
def test_the_outlet_named_in_the_body_is_an_organisation(nlp, source, paragraph, name):
    assert _resolved(nlp, source, paragraph)[name][0] == "ORG"


def test_the_papers_word_before_a_name_is_no_outlet(nlp):
    ents = _resolved(nlp, "The Tarvel Post", "The queue at the Post Office in Tarvel grew on Monday.")
    assert "Post" not in ents
