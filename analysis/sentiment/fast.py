"""TextBlob's PatternAnalyzer score of a string, the same numbers in about half the time.

``textblob.en.sentiment(text)`` tokenises with ``find_tokens`` and walks the
words through ``Sentiment.assessments``. Both are copied here from
``textblob/_text.py`` (TextBlob 0.20, MIT licence, after Pattern, BSD) with the
same steps in the same order; what changes is only how they look things up:
the lexicon is read once into a plain ``dict`` (TextBlob's ``lazydict`` checks
whether it is loaded on every lookup), the literal contraction replacements are
``str.replace`` instead of ``re.sub``, the regular expressions are compiled
once, and only the string branch of ``Sentiment.__call__`` is kept (words
without a part of speech). :func:`textblob_en` imports TextBlob's English module
without the package's ``__init__`` (which imports NLTK and SciPy, 1.5 s in every
process, for classes newslens never uses). :func:`scorer` checks the analyser's settings
and returns ``None`` for one it was not written for; ``tests/test_sentiment.py``
checks the numbers against TextBlob's, to the last bit, on every text we have.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import re
import sys
import threading
from collections.abc import Callable
from types import ModuleType

__all__ = ["Scorer", "scorer", "textblob_en"]

_IMPORT_LOCK = threading.Lock()


def textblob_en() -> ModuleType:
    """``textblob.en`` (the lexicon ``sentiment``, the parser), without running ``textblob/__init__.py``
    first when textblob is not imported yet: that file imports NLTK and SciPy (about 1.5 s) for
    ``TextBlob`` and the classifiers. The package stays whole for everyone else: its ``__init__`` runs
    the first time one of its other names (``textblob.TextBlob``, ``from textblob import Word``) is used.
    """
    with _IMPORT_LOCK:
        if "textblob" not in sys.modules:
            spec = importlib.util.find_spec("textblob")
            if spec is not None and spec.loader is not None and spec.submodule_search_locations is not None:
                package = importlib.util.module_from_spec(spec)

                def rest_of_package(name: str) -> object:
                    del package.__getattr__  # once: from here on the package's own names answer
                    spec.loader.exec_module(package)
                    return getattr(package, name)

                package.__getattr__ = rest_of_package  # PEP 562: called for names not defined yet
                sys.modules["textblob"] = package
        return importlib.import_module("textblob.en")


def _find_tokens(string: str, *, punctuation: tuple[str, ...], abbreviations: frozenset[str],
                 replace: tuple[tuple[str, str], ...], t: object) -> list[str]:
    """``textblob._text.find_tokens`` with its default arguments (``t`` holds its module's constants)."""
    tokens = _raw_tokens(string, punctuation=punctuation, abbreviations=abbreviations, replace=replace, t=t)
    return _sentences(tokens, t)


def _raw_tokens(string: str, *, punctuation: tuple[str, ...], abbreviations: frozenset[str],
                replace: tuple[tuple[str, str], ...], t: object) -> list[str]:
    """The first half of ``find_tokens``: the tokens, with ``t.EOS`` at paragraph breaks."""
    for a, b in replace:  # literal patterns (checked in scorer), so re.sub(a, b, s) == s.replace(a, b)
        string = string.replace(a, b)
    string = (string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
              .replace("'", " ' ").replace('"', ' " '))
    string = string.replace("\r\n", "\n")
    string = _LINEBREAK.sub(" %s " % t.EOS, string)
    string = _SPACES.sub(" ", string)
    replaced = {a for a, _b in replace}
    # Every mark is one character, so startswith(marks) is "first character in the set" (and endswith alike).
    leading, trailing = frozenset(punctuation), frozenset(punctuation + (".",))
    abbr1, abbr2, abbr3 = t.RE_ABBR1.match, t.RE_ABBR2.match, t.RE_ABBR3.match
    tokens: list[str] = []
    for tok in t.TOKEN.findall(string + " "):
        if tok[0] not in leading and tok[-1] not in trailing:  # a plain word: nothing to split
            tokens.append(tok)
            continue
        if len(tok) > 0:
            tail = []
            while tok.startswith(punctuation) and tok not in replaced:
                tokens.append(tok[0])
                tok = tok[1:]
            while tok.endswith(punctuation + (".",)) and tok not in replaced:
                if tok.endswith(punctuation):
                    tail.append(tok[-1])
                    tok = tok[:-1]
                if tok.endswith("..."):
                    tail.append("...")
                    tok = tok[:-3].rstrip(".")
                if tok.endswith("."):
                    if tok in abbreviations or abbr1(tok) is not None or abbr2(tok) is not None \
                            or abbr3(tok) is not None:
                        break
                    tail.append(tok[-1])
                    tok = tok[:-1]
            if tok != "":
                tokens.append(tok)
            tokens.extend(reversed(tail))
    return tokens


def _sentences(tokens: list[str], t: object) -> list[str]:
    """The second half of ``find_tokens``: the tokens as sentence strings (sarcasm and emoticons joined)."""
    eos = t.EOS
    ends, closing = {"...", ".", "!", "?", eos}, {"'", '"', "”", "’", "...", ".", "!", "?", ")", eos}
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in ends:
            while j < len(tokens) and tokens[j] in closing:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(x for x in tokens[i:j] if x != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    out = (" ".join(s) for s in sentences if len(s) > 0)
    out = (t.RE_SARCASM.sub("(!)", s) for s in out)
    return [t.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in out]


_LINEBREAK = re.compile(r"\n{2,}")
_SPACES = re.compile(r"\s+")


def _assessments(words: list[str], *, lex: dict, labeler: dict, negations: tuple[str, ...],
                 modifiers: tuple[str, ...], modifier: Callable[[str], bool],
                 emoticons: tuple[tuple[float, frozenset[str]], ...], t: object) -> list[tuple]:
    """``Sentiment.assessments`` over words without a part of speech (``pos`` is always None)."""
    a: list[dict] = []
    m = None  # preceding modifier
    n = None  # preceding negation
    pos = None
    plain = frozenset(negations)
    for w in words:
        entry = lex.get(w)
        if entry is None and m is None and n is None and w not in plain and w.isalpha():
            continue  # a word the else branch below would pass over: nothing to carry, no mark, no emoticon
        if entry is not None and pos in entry:
            p, s, i = entry[pos]
            if m is None:
                a.append(dict(w=[w], p=p, s=s, i=i, n=1, x=labeler.get(w)))
            if m is not None:
                a[-1]["w"].append(w)
                a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                a[-1]["s"] = max(-1.0, min(s * a[-1]["i"], +1.0))
                a[-1]["i"] = i
                a[-1]["x"] = labeler.get(w)
            if n is not None:
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = None
            n = None
            if pos and pos in modifiers or any(map(entry.__contains__, modifiers)):
                m = (w, pos)
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and (pos in modifiers or modifier(m[0])):
                a[-1]["w"].append(n)
                a[-1]["n"] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1]["w"].append("!")
                a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
            if w == "(!)":
                a.append(dict(w=[w], p=0.0, s=1.0, i=1.0, n=1, x=t.IRONY))
            if w.isalpha() is False and len(w) <= 5 and w not in t.PUNCTUATION:
                for p, group in emoticons:
                    if w in group:
                        a.append(dict(w=[w], p=p, s=1.0, i=1.0, n=1, x=t.MOOD))
                        break
    return [(x["w"], x["p"] * -0.5 if x["n"] < 0 else x["p"], x["s"], x["x"]) for x in a]


def _spaced_marks(t: object) -> re.Pattern | None:
    """Where ``t.RE_SARCASM`` or ``t.RE_EMOTICONS`` could match with a space inside: only such a match
    changes a sentence (the others are replaced by themselves). None when those patterns are not the
    ones this was written for (then every text takes the whole way)."""
    faces = [face for group in t.EMOTICONS.values() for face in group]
    if t.RE_SARCASM.pattern != r"\( ?\! ?\)" or t.RE_EMOTICONS.pattern != r"(%s)($|\s)" % "|".join(
            r" ?".join(re.escape(c) for c in face) for face in faces):
        return None
    spaced = [r"\( ! ?\)", r"\(! \)"]
    for face in faces:
        chars = [re.escape(c) for c in face]
        for k in range(1, len(chars)):  # a space before the k-th character, the others optional
            spaced.append(r" ?".join(chars[:k]) + " " + r" ?".join(chars[k:]))
    return re.compile("|".join(spaced))


def _words(tokens: list[str], t: object, spaced: re.Pattern | None) -> list[str]:
    """The lower-case words of ``" ".join(_sentences(tokens, t)).split()``: when ``spaced`` finds nothing in
    the tokens the sarcasm and emoticon steps change nothing, and the sentences are the tokens but ``t.EOS``
    (every sentence is a run of them, joined by spaces)."""
    eos = t.EOS
    joined = " ".join([x for x in tokens if x != eos])
    if spaced is None or spaced.search(joined) is not None:
        joined = " ".join(_sentences(tokens, t))
    # One lower() of the whole: white space is neither cased nor case-ignorable, so no letter's lower
    # case (a final sigma's) depends on a word beyond it, and no lower case is white space.
    return joined.lower().split()


def _avg(values: list[float]) -> float:
    s, n = 0, 0
    for v in values:
        s += 1 * v
        n += 1
    return s / float(n or 1)


class Scorer:
    """``text -> (polarity, subjectivity)`` (see :func:`scorer`), in two halves that can be run apart: the
    tokens of a text (:meth:`tokens`), then the score of tokens (:meth:`from_tokens`). Sentences joined
    by spaces and lines joined by line breaks have the tokens of each, one after another (:meth:`pieces`)."""

    def __init__(self, tokens: Callable[[str], list[str]], words: Callable[[list[str]], list[str]],
                 assess: Callable[[list[str]], list[tuple]], line_safe: bool) -> None:
        self.tokens = tokens
        self._words = words
        self._assess = assess
        self._line_safe = line_safe

    def from_tokens(self, tokens: list[str]) -> tuple[float, float]:
        """The score of a text with these :meth:`tokens`."""
        a = self._assess(self._words(tokens))
        return _avg([p for _w, p, _s, _x in a]), _avg([s for _w, _p, s, _x in a])

    def __call__(self, text: str) -> tuple[float, float]:
        return self.from_tokens(self.tokens(str(text)))

    def pieces(self, parts: list[str], gaps: list[str],
               tokens: Callable[[str], list[str]] | None = None) -> list[str] | None:
        """The :meth:`tokens` of ``parts[0] + gaps[0] + parts[1] + …``, from those of each part (``tokens``,
        default :meth:`tokens`: a memo, say); None unless every part is non-empty with no white space at
        either end and every gap is one line break or spaces. Then no gap joins two words, makes a
        paragraph break, meets another line break or a carriage return, or holds a replacement, so
        the tokens are those of the parts one after another."""
        if not self._line_safe or len(gaps) != len(parts) - 1 or not parts \
                or not all(part and part == part.strip() for part in parts) \
                or not all(gap == "\n" or (gap and not gap.strip(" ")) for gap in gaps):
            return None
        tokens = tokens or self.tokens
        return [tok for part in parts for tok in tokens(part)]


@functools.lru_cache(maxsize=1)
def scorer() -> Scorer | None:
    """A :class:`Scorer`: ``text -> (polarity, subjectivity)``, equal to ``textblob.en.sentiment(text)[:2]``;
    None when the installed TextBlob's analyser is set up otherwise than the code above expects."""
    en = textblob_en()
    t = importlib.import_module("textblob._text")
    sentiment = en.sentiment
    len(sentiment)  # loads the lexicon
    tokenizer = getattr(sentiment.tokenizer, "__func__", None)
    if tokenizer is not getattr(en.Parser, "find_tokens", None) or en.parser.find_tokens.__self__ is not \
            getattr(sentiment.tokenizer, "__self__", None):
        return None
    if not all(re.escape(a) == a and "\\" not in b for a, b in t.replacements.items()) or \
            any(len(mark) != 1 for mark in t.PUNCTUATION):
        return None
    lex = dict(dict.items(sentiment))
    options = dict(labeler=dict(sentiment.labeler), negations=tuple(sentiment.negations),
                   modifiers=tuple(sentiment.modifiers), modifier=sentiment.modifier, t=t,
                   emoticons=tuple((p, frozenset(e.lower() for e in group))
                                   for (_kind, p), group in t.EMOTICONS.items()))
    tokens = functools.partial(_raw_tokens, punctuation=tuple(t.PUNCTUATION.replace(".", "")),
                               abbreviations=frozenset(t.ABBREVIATIONS), replace=tuple(t.replacements.items()), t=t)
    spaced = _spaced_marks(t)
    # A replacement that held white space, or made a line break, could reach across the gaps of a join.
    line_safe = not any(c in a or c in a + b and c in "\r\n" for a, b in t.replacements.items() for c in " \t\r\n")
    return Scorer(tokens, functools.partial(_words, t=t, spaced=spaced),
                  functools.partial(_assessments, lex=lex, **options), line_safe)
