"""Quotations and their speakers: who said what, found from the characters and the parse.

:func:`extract_quotes` is the per-article step of the NLP pass
(:func:`analysis.extract.extract`). It works in three layers:

1. Quote marks (:mod:`analysis.quotes.marks`, plain strings, no NLP): straight
   and curly double quotes, the British ‘…’ style with “…” nested, apostrophes
   (don't, Kazakhstan’s, the ’90s, O’Brien, rock ’n’ roll) told apart from quote
   marks, quotations running over several paragraphs joined into one, and
   unbalanced marks kept inside their paragraph (a mark that never closes is no
   quotation, unless a cue clause such as ``, he said`` shows where it ended).
2. Attribution (:mod:`analysis.quotes.cues`, :mod:`analysis.quotes.speakers`):
   the cue verb governing the quotation in the dependency parse, else a cue
   clause next to the marks (inverted ``said X``, colon lead-ins, ``according
   to X``, a dash attribution, a lead-in ending the previous paragraph); the
   speaker token becomes a canonical name through the mention table, a
   pronoun's antecedent, a role noun's entity or a surname's full name; a
   place reached by a misparse (a dateline, a venue) never speaks. A
   quotation with no cue of its own continues the words of the last speaker of
   the paragraph before (reported speech included), never of a person it talks
   about; a headline quotation takes the speaker of the body quotation it repeats.
3. Reported speech without marks (:mod:`analysis.quotes.indirect`), and the
   statement each quotation belongs to (:mod:`analysis.quotes.content`): the
   pieces of a quotation interrupted by its cue, the fragments one cue reports,
   and the reported clause around a fragment are one statement.

The steps live in modules of their own: :mod:`analysis.quotes.article` (:func:`extract_quotes`),
:mod:`analysis.quotes.attribution` (the marked quotations), :mod:`analysis.quotes.continuation` (a
quotation with no cue), :mod:`analysis.quotes.pieces` (one statement's quotations),
:mod:`analysis.quotes.schema` (:class:`Quote` and the columns) and :mod:`analysis.quotes.views` (the
notebooks' views of a corpus's quotations: :func:`timeline_rows`, :func:`speaker_leaderboard`…).

Kinds: ``direct`` (a quoted statement), ``partial`` (a quoted fragment worked
into the reporter's sentence), ``indirect`` (reported speech). Scare quotes,
so-called terms, quoted titles, chants and words on placards or signs are
nobody's statement and are left out. A transcript line (``HADLEY: …``) is a
direct quotation of its labelled speaker, marks or not.

Columns of the table (:data:`QUOTE_COLUMNS`, then :data:`EXTRA_COLUMNS`):

- ``quote_id``: 0, 1, … in text order within the article;
- ``paragraph``: 0 for the headline, 1… for body paragraphs (of the first segment);
- ``start``/``end``: offsets in ``Article.text`` of the quoted text without the
  marks (first segment's start, last segment's end);
- ``text``: the quoted text without the marks, segments joined by one space;
- ``kind``, ``speaker`` (canonical name or None), ``speaker_label`` (PERSON,
  ORG, GPE, NORP… or None), ``cue`` (verb lemma, "according to", or None);
- ``polarity``/``subjectivity``: :func:`analysis.sentiment.score` of ``text``;
- ``content``: the whole statement as reported: a direct quotation's words (the
  pieces of one interrupted by its cue clause joined by one space, the same
  content on every piece); for a partial one the reported clause around the
  fragment as it stands in the text, marks included, ``that`` left out (the
  fragments one cue reports share it); for indirect speech the clause;
- ``content_start``/``content_end``: offsets of the statement (from the first
  piece's start to the last piece's end for an interrupted quotation);
- ``unnamed_source``: the words of a source the text does not name ("police",
  "two committee aides", "a spokesperson for X", "the spokesperson"), else None;
  ``speaker`` is then None, or the organisation a spokesperson speaks for;
- ``speaker_start``/``speaker_end``: offsets of the words naming the speaker
  here ("he", "the minister", "Tokayev"), or None;
- ``cue_start``/``cue_end``: offsets of the cue words, or None;
- ``segments``: ``"start-end"`` offsets of each segment, joined by ``;``;
- ``attribution``: how the speaker was found: ``parse``, ``after``, ``before``,
  ``colon``, ``lead-in``, ``dash``, ``according to``, ``continuation``,
  ``headline``, ``transcript``, ``indirect`` (also a fragment that takes the
  speaker of the reported clause around it) or ``none``.
"""
from __future__ import annotations

from analysis.quotes.article import extract_quotes
from analysis.quotes.schema import EXTRA_COLUMNS, KINDS, QUOTE_COLUMNS, Quote
from analysis.quotes.table import ROW_COLUMNS, quote_numbers, quote_rows
from analysis.quotes.views import speaker_leaderboard, speaker_quotes, summary_text, timeline_rows

__all__ = ["QUOTE_COLUMNS", "EXTRA_COLUMNS", "KINDS", "Quote", "extract_quotes", "speaker_quotes", "timeline_rows",
           "quote_rows", "quote_numbers", "ROW_COLUMNS",
           "speaker_leaderboard", "summary_text"]
