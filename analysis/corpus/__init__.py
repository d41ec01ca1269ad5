"""Read articles from files, folders, globs and JSONL/JSON/CSV/HTML exports.

The records here are the input of every other stage. An :class:`Article`'s
``text`` is the headline and the paragraphs joined by single newlines; every
character offset in the project's tables points into that string, so for a
seed-shaped ``.txt`` file (headline on line 1, one paragraph a line) offsets
equal offsets into the file itself up to the byline.

The records are in :mod:`analysis.corpus.articles`; :mod:`analysis.corpus.reader` walks the inputs
(:func:`read_corpus`, :func:`stream_corpus`), :mod:`analysis.corpus.formats` reads each format and
:mod:`analysis.corpus.fields` turns a record's values into an article's fields.
"""
from __future__ import annotations

from analysis.corpus.articles import Article, Corpus, Problem
from analysis.corpus.reader import read_corpus, stream_corpus

__all__ = ["Article", "Problem", "Corpus", "read_corpus", "stream_corpus"]
