"""newslens: sentiment, entity frequency and a quote timeline for a corpus of news articles.

Typical use::

    import analysis
    tables = analysis.analyse("data/samples")      # one NLP pass, cached
    tables.quotes.head()                            # who said what, when
    tables.entities.head()                          # aliases merged

The public API is re-exported here; each concern lives in its own module
(``corpus``, ``nlp``, ``sentiment``, ``entities``, ``quotes``, ``plots``,
``report``, ``store``, ``cli``).
"""
from __future__ import annotations

from analysis.corpus import Article, Corpus, Problem, read_corpus, stream_corpus
from analysis.pipeline import analyse
from analysis.tables import Tables

__all__ = ["Article", "Corpus", "Problem", "Tables", "analyse", "read_corpus", "stream_corpus", "__version__"]

__version__ = "0.1.0"
