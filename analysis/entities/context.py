"""What a name's sentence says it is: a person, a speaker, an organisation or a place.

A bare "Kessler" may be the chairman or his company, "Austin" the partner or the city, "Ashby"
the councilwoman or her town. The dependency parse around one mention often tells:

- a speaker: the subject of a verb of saying or thinking ("Vik said");
- a person: an age in apposition
  ("Brightman, 41,"), a family noun it owns ("Ashby's family"), a role noun in apposition
  ("Tove Aasen, an analyst at …");
- an organisation: a business noun it owns or qualifies ("Kessler's bonds", "Kessler
  shareholders"), the subject of a business verb ("Kranz employs 900 people", "has its
  headquarters"), an organisation noun in apposition ("BVH Havens, the dockers' union");
- a place: the object of "in", "near", "across" …, a place noun in apposition ("Baler, the
  provincial capital"), a state or country after a comma ("Halsey, Vermont"); and, in
  :mod:`analysis.entities.article`, a word in a list with a place of the article ("Kettering, Oakwood
  and Centerville").

:func:`context_hint` returns the label the context points to ("SPEAKER" for the subject of a verb of
saying, which a person or an organisation can be; "PREFIX" for a name before a title, "Aurora
Gov. Reynaldo Sison", a place or body but no person), or "" when it says nothing.
"""
from __future__ import annotations

from dataclasses import replace

from analysis.entities.lexicon import TRADE_NOUNS
from analysis.entities.mention import Mention
from analysis.entities.names import ROLE_HEADS, is_title_head, known, name_key
from analysis.entities.place_cues import list_after_locative, place_object

__all__ = ["context_hint", "PERSON_VERBS", "BUSINESS_NOUNS", "BUSINESS_VERBS", "MOTION_PREPS", "MOTION_VERBS",
           "in_quotation", "coordinated"]

#: Verbs whose subject is a person (speech, thought, feeling), lemmas.
PERSON_VERBS = frozenset("""say tell add ask reply answer explain insist stress remark write argue admit concede
recall laugh smile shrug think feel remember marry die retire live joke testify""".split())
#: Nouns that an organisation owns or qualifies, never a person: "Kessler's bonds", "Vik shares".
BUSINESS_NOUNS = frozenset("""share shares shareholder shareholders stock stocks bond bonds employee employees
staff workforce headquarters profit profits revenue revenues sales turnover earnings customers clients
subsidiary subsidiaries plant plants factory factories brand stores outlets products software valuation
debt dividend investors shareholding unit division""".split())
#: Verbs whose subject is an organisation: "Kranz employs 900 people".
BUSINESS_VERBS = frozenset("""employ manufacture produce sell acquire own operate list merge export ship hire
trade invest""".split())
#: Nouns in apposition that make a person ("an analyst") beyond the quote module's role nouns.
_PERSON_ENDINGS = ("ist", "ian", "man", "woman", "person", "er", "or")
_PERSON_NOUNS = frozenset("player man woman boy girl child mother father son daughter friend star hero".split())
#: Roles a company has and a person or a place does not ("Vallmora's chairwoman").
_BOARD_ROLES = frozenset("""chairman chairwoman chairperson ceo cfo coo director directors executive executives
board founder co-founder""".split())
_KIN = frozenset("""family wife husband son daughter father mother brother sister parents children widow
grandfather grandmother granddaughter grandson partner""".split())
_PLACE_NOUNS = frozenset("""city town village capital province region district county state country port
municipality suburb neighbourhood neighborhood island borough""".split())
_ORG_NOUNS = frozenset("""company firm union group club maker manufacturer carrier operator agency charity
association bank insurer lender retailer startup organisation organization party team publisher broadcaster
newspaper university college school hospital museum institute council ministry department""".split())
_LOCATIVE = frozenset("in near outside across around throughout inside within into".split())
MOTION_PREPS = frozenset("to from via towards toward".split())
MOTION_VERBS = frozenset("""go travel fly move drive return come head sail ship send airlift divert walk flee
evacuate commute relocate emigrate arrive depart deliver transport""".split())
_OPEN_QUOTES = "\u201c\u2018"
_CLOSE_QUOTES = "\u201d\u2019"


def _person_noun(lemma: str) -> bool:
    return lemma in ROLE_HEADS or lemma in _PERSON_NOUNS or (
        lemma.endswith(_PERSON_ENDINGS) and lemma not in _ORG_NOUNS | TRADE_NOUNS and len(lemma) > 4)


def _member_of(span) -> bool:
    """"Lydia Musimbi of the Western Unity Movement": a two-word name followed by "of" and an
    organisation is a member of it, a person."""
    doc = span.doc
    return (len(span) == 2 and all(t.text[:1].isupper() for t in span) and span.end + 2 < len(doc)
            and doc[span.end].lower_ == "of" and doc[span.end + 1].lower_ == "the"
            and doc[span.end + 2].ent_type_ == "ORG")


def _appositive(root) -> str:
    """The label an apposition gives a name: "X, a spokeswoman" → PERSON; "X, the union" → ORG."""
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = child.lemma_.lower()
        if lemma in _PLACE_NOUNS:
            return "GPE"
        if lemma in _ORG_NOUNS:
            return "ORG"
        if child.pos_ == "NOUN" and _person_noun(lemma):
            return "PERSON"
    return ""


def _before_role(doc, end: int) -> bool:
    """Whether lower-case role words and then a capitalised name follow a name ("… chief executive
    Niamh Kerrigan", "… partner Lucía Abad"): the name is the body or place the role belongs to."""
    k = end
    while k < len(doc) and k - end < 3 and doc[k].text.islower() and (
            doc[k].pos_ in ("NOUN", "ADJ") or doc[k].tag_ == "VBG"):
        k += 1
    return (end < k < len(doc) and doc[k - 1].lower_ in ROLE_HEADS and doc[k].text[:1].isupper()
            and doc[k].pos_ == "PROPN")


def _age_after(doc, end: int) -> bool:
    """"Brightman, 41," or "Hale, 58,": an age in commas right after the name."""
    return (end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ","
            and doc[end + 1].text.isdigit() and 14 <= int(doc[end + 1].text) <= 110)


def context_hint(span) -> str:
    """The label ("PERSON", "ORG", "GPE") that a mention's syntax points to, or "".

    Args:
        span: The mention as a spaCy span.
    """
    doc, root = span.doc, span.root
    head, dep = root.head, root.dep_
    if _age_after(doc, span.end):
        return "PERSON"
    appos = _appositive(root)
    if appos:
        return appos
    if _member_of(span):
        return "PERSON"
    if span.end + 1 < len(doc) and is_title_head(doc[span.end].text) and doc[span.end].text[:1].isupper() \
            and doc[span.end + 1].text[:1].isupper():
        return "PREFIX"  # "Aurora Gov. Reynaldo Sison": the place or body the title belongs to
    if dep in ("nsubj", "nsubjpass"):
        lemma = head.lemma_.lower()
        if lemma in PERSON_VERBS:
            return "SPEAKER"
        if lemma == "be" and any(c.dep_ == "attr" and c.pos_ == "NOUN" and _person_noun(c.lemma_.lower())
                                 for c in head.children):
            return "PERSON"  # "Phoenix is the best young player"
        if lemma in BUSINESS_VERBS or (lemma == "have" and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in BUSINESS_NOUNS or c.lower_ in BUSINESS_NOUNS)
                for c in head.children)):
            return "ORG"
    if dep == "poss":
        lemma = head.lemma_.lower()
        if head.lower_ in BUSINESS_NOUNS or lemma in BUSINESS_NOUNS or lemma in _BOARD_ROLES:
            return "ORG"  # "Kessler's bonds", "Hallbrook's regional director", "Vallmora's chairwoman"
        if lemma in _KIN:
            return "PERSON"
    if _before_role(doc, span.end):
        return "PREFIX"  # "Kerrigan chief executive Niamh Kerrigan", "Sierra Norte partner Lucía Abad"
    if dep == "compound" and head.i == span.end:
        if head.lower_ in BUSINESS_NOUNS:
            return "ORG"
        if head.lower_ in _PLACE_NOUNS and head.lower_ not in ("state", "country"):
            return "GPE"  # "Aurora province", "the Kirkby town centre"
    if dep == "pobj" and head.lower_ in _LOCATIVE and head.head.lower_ not in ("interest", "stake", "role"):
        return "GPE"
    if dep == "pobj" and head.lower_ in MOTION_PREPS and head.head.lemma_.lower() in MOTION_VERBS:
        return "GPE"  # "flew to Jordan", "airlifted from Chimoio"
    if place_object(span):
        return "GPE"  # "the city of Mansfield", "visitors from Moate"
    if span.end + 2 < len(doc) and doc[span.end].text == "," and _state_or_country(doc[span.end + 1]) \
            and not is_title_head(doc[span.end + 2].text):  # round 11: not "Quell, Iowa Gov. Ray Ochoa"
        return "GPE"
    return ""


def coordinated(tok) -> list:
    """The other words of the coordination a word stands in ("Athlone" and "Cork" for "Rosslare" in
    "Athlone, Cork and Rosslare", where spaCy chains each to the one before)."""
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    group, todo = [first], [first]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                group.append(c)
                todo.append(c)
    return [x for x in group if x is not tok] if len(group) > 1 else []


def _state_or_country(tok) -> bool:
    entry = known(tok.text)
    return tok.text[:1].isupper() and entry is not None and entry.label == "GPE" and tok.ent_type_ in ("GPE", "")


def in_quotation(text: str, start: int) -> bool:
    """Whether offset ``start`` of an article text lies inside a quotation of its paragraph
    (more curly or straight opening marks than closing ones before it on its line)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    curly = sum(before.count(c) for c in "\u201c") - sum(before.count(c) for c in "\u201d")
    return curly > 0 or before.count('"') % 2 == 1


def mark_contexts(parsed, mentions: list[Mention]) -> list[Mention]:
    """Mentions with what their sentence says they are and whether they stand in a quotation."""
    units = {u.paragraph: u for u in parsed.units}
    text = parsed.article.text
    places = {name_key(m.text) for m in mentions if m.spacy_label in ("GPE", "LOC") or m.hint == "GPE"}
    named = {name_key(w) for m in mentions if m.spacy_label == "PERSON" and " " in m.text.strip()
             for w in m.text.split()}  # words of people's full names
    out = []
    for m in mentions:
        unit = units.get(m.paragraph)
        entry = known(m.text)
        if unit is None or m.start < 0 or m.paragraph == 0 or m.text.count(" ") > 3 or (entry is not None and (
                entry.label in ("NORP", "ORG") or " " in m.text)):  # one-word places may be first names
            out.append(m)
            continue
        span = unit.doc.char_span(m.start - unit.start, m.end - unit.start, alignment_mode="expand")
        context = context_hint(span) if span is not None else ""
        if m.text.count(" ") > 1 and context != "PERSON":
            context = ""  # a longer name takes only a person's cue ("Lucía Garmendia Otxoa, an analyst")
        group = coordinated(span.root) if not context and span is not None and len(span) == 1 else []
        listed = bool(group) and (name_key(m.text) not in named or list_after_locative(span.root, group)) and any(
            x.text[:1].isupper() and (name_key(x.text) in places or _known_place(x.text))
            for x in group)  # "Kettering, Oakwood and Centerville": a list with a place
        placed = listed or (context == "GPE" and span is not None and place_object(span))  # "suburb of Webster"
        out.append(replace(m, context="GPE" if listed else context, hint="GPE" if placed else m.hint,
                           quoted=in_quotation(text, m.start)))
    return out


def _known_place(word: str) -> bool:
    entry = known(word)
    return entry is not None and entry.label in ("GPE", "LOC")
