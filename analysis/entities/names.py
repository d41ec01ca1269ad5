"""String rules for entity names: matching keys, titles, determiners, possessives,
junk, person-name parts and acronyms. Pure functions on strings, no spaCy."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analysis.entities.gazetteer import Known, lookup
from analysis.entities.keys import POSSESSIVE, QUOTES, name_key
from analysis.entities.lexicon import is_role_compound, lexicon, ordinary

__all__ = ["NAME_LABELS", "PLACE_LABELS", "ORG_WORDS", "VENUE_WORDS", "COMMERCIAL_WORDS", "THING_WORDS", "GEO_WORDS",
           "LEGAL_SUFFIXES", "POST_NOMINALS", "GENERIC_WORDS", "ADMIN_WORDS", "TOWN_WORDS", "CLUB_WORDS",
           "STORM_WORDS", "PARTICLES", "ROLE_HEADS", "BODY_WORDS", "name_key", "clean_name", "is_junk", "is_title_word",
           "is_title_head", "is_role_ending", "is_spurious",
           "PersonName", "person_name", "first_names_compatible", "initials", "known", "demonym_compound",
           "has_acronym", "role_before"]

#: spaCy labels kept as named entities; numeric ones (DATE, MONEY, CARDINAL…) are not names.
NAME_LABELS: frozenset[str] = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                                         "WORK_OF_ART", "LAW", "LANGUAGE"})
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})

#: Words that end a title: "President", "Mr", "Foreign Minister", "Dr".
TITLE_HEADS = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady president pres president-elect premier minister chancellor
secretary secretary-general senator sen rep representative congressman congresswoman governor gov mayor
ambassador envoy gen lt lieutenant col colonel maj capt captain cmdr commander admiral adm sgt sergeant
marshal judge justice ceo cfo coo chairman chairwoman chairperson chair director spokesman spokeswoman
spokesperson leader speaker king queen prince princess pope emperor empress sheikh emir sultan tsar czar
archbishop bishop cardinal rev reverend imam rabbi ayatollah coach manager founder candidate nominee hon
mp mep pm fm attorney-general attorney president-elect vice-president deputy-minister commissioner owner boss cllr
executive treasurer councillor councilor superintendent inspector detective constable sheriff prosecutor
clerk supervisor registrar auditor assessor warden officer editor-in-chief commander-in-chief
chairman
datuk dato datin puan encik tun seri
cr mca mla mpp supt insp
baroness viscount viscountess countess marquess marchioness""".split())
# Malay honorifics: "Datuk Seri", "Puan"; round 11: "Cr" (councillor), "MCA"; session 10: peers' ranks

#: Words that may stand before a title head: "Vice", "Foreign", "former", "US", "Chief Financial" (Officer).
TITLE_MODIFIERS = frozenset("""
vice deputy acting interim former late incoming outgoing first prime foreign defence defense finance interior
health economy economic trade justice education energy chief senior elect then newly state assistant executive
managing supreme grand crown opposition presidential press general attorney lord co special top
financial operating technology information investment marketing commercial""".split())

#: Title heads stripped even when spaCy did not call the mention a PERSON ("Mr Trump" as ORG).
_STRICT_HEADS = frozenset("""mr mrs ms miss dr prof president president-elect premier minister chancellor
senator sen governor gov mayor sir dame cllr councillor councilwoman councilman councilmember alderman
rep pres datuk dato datin puan encik tun cr mca mla""".split())

#: Royal and religious heads kept before a single name: "King Charles", "Pope Francis"; not "Lord", "Lady":
#: peers go by their names ("Lord Tarvell" is "Tarvell", session 10).
_ROYAL = frozenset("king queen prince princess pope emperor empress sheikh emir sultan tsar czar".split())

#: Official roles: a name ending in one is a role, not a name ("Agriculture Commissioner").
ROLE_ENDINGS = frozenset("""minister commissioner president secretary chancellor governor mayor ambassador
spokesman spokeswoman spokesperson ceo chairman chairwoman senator premier director treasurer""".split())

#: Legal-form suffixes of company names: "Duvanel SA" is also "Duvanel".
LEGAL_SUFFIXES = frozenset("""sa ag inc ltd llc plc corp gmbh co nv bv spa ab asa oy oyj llp lp group holdings kg
srl sarl sas ltda pty bhd kk""".split())

#: Words that make a place name: "Irtysh River", "Lake Macquarie", "Gulf of Aqaba".
GEO_WORDS = frozenset("""river lake sea ocean gulf bay strait island islands isle isles cay caye cayes key keys side
reef mountain mountains mount mt valley desert peninsula canal coast plateau basin delta falls glacier forest
range hills hill cape lagoon sound channel estuary creek point""".split())

#: Administrative units after a place name: "Morobe Province" is also "Morobe".
ADMIN_WORDS = frozenset("""province region county district oblast prefecture governorate territory municipality
canton shire parish borough voivodeship""".split())

#: Last words of town names: "Harlow Springs" is a town, not a person called Springs.
TOWN_WORDS = frozenset("springs heights junction crossing landing mills hollow bend harbour harbor grove".split())

#: Heads of organisations named "X of" + a place or a saint: a port authority ("Port of Tacoma"), a diocese,
#: a religious order or a fraternal society ("Sisters of St. Casimir", "Knights of Columbus").
BODY_WORDS = frozenset("port diocese archdiocese sisters brothers daughters knights friends".split())

#: Last words of football and other club names: "Porthaven City" is also "City" in a match report.
CLUB_WORDS = frozenset("city town united athletic albion rovers rangers wanderers county villa celtic".split())

#: Words before a storm's name: "Cyclone Tamsin" is an event, "Tamsin" too.
STORM_WORDS = frozenset("cyclone hurricane typhoon storm depression".split())

#: Words too generic to stand for an organisation on their own ("United" in "Kingsbridge United").
GENERIC_WORDS = frozenset("""united national international general royal first new great central federal state
public global world american british european asian african north south east west northern southern eastern
western""".split())

#: Last words of businesses often named with a possessive ("Rosa's Kitchen", "Joe's Bar").
VENUE_WORDS = frozenset("""kitchen bakery cafe café diner shop bar restaurant pub grill deli store salon garage
bistro tavern inn pizzeria brewery boutique cafeteria canteen barbershop pharmacy bookshop bookstore eatery
takeaway butchers""".split())

#: Words that mark an organisation name.
ORG_WORDS = VENUE_WORDS | frozenset("""
inc ltd llc plc corp corporation company co group holding holdings bank party ministry department agency
university institute council committee commission association union federation foundation organization
organisation office service services news times press media tv radio network club fc airlines airways
army forces navy police court parliament assembly senate congress government administration school college
center centre fund authority board bureau church league alliance front movement society industries motors
systems technologies reports newspaper magazine journal daily gazette tribune herald agency energy oil gas
petroleum capital partners resources mining logistics shipping investments securities insurance trust exchange
forum studies review wire dispatch monitor observer ledger echo courier chronicle bulletin telegraph express
weekly works consortium observatory laboratory lab labs robotics pharmaceuticals line lines museum academy
hospital clinic orchestra theatre theater library gallery cooperative co-operative collective coalition guild
syndicate collectif utilities
universidad universidade università université universität universiteit museo museu musée instituto institut
istituto fundación fundação fondation stiftung ministerio ministère ministerium sindicato syndicat partido parti
partei hôpital klinik klinikum escuela école colegio liceo teatro théâtre orquesta academia akademie académie
consorzio consorcio fondazione stichting vereniging agenzia agencia agence ministero
compagnie compañía companhia société sociedad sociedade gesellschaft verband verein asociación associação
associazione banco banque spedition logistik transporte transportes gruppe groupe grupo versicherung werke
analytics dynamics solutions software therapeutics ventures consulting advisors brands materials semiconductors
semiconductor studios entertainment freight textiles minerals metals chemicals pharma realty properties construction
engineering telecom foods beverages brewing hotels resorts robótica robotica tecnologia tecnologias tecnología
tecnologías sistemas servicios serviços soluciones soluções ingeniería engenharia""".split())

#: Organisation words of businesses, whose distinctive first word can stand alone
#: ("Halvorsen Energy" → "Halvorsen"), unlike institutions ("Leeds City Council").
COMMERCIAL_WORDS = frozenset("""energy oil gas petroleum capital partners resources mining logistics shipping
investments securities insurance motors airlines airways works industries systems technologies robotics
pharmaceuticals group holding holdings company co corp corporation inc ltd llc plc media news wire dispatch
spedition logistik transporte transportes gruppe groupe grupo versicherung werke banco banque analytics dynamics
solutions software therapeutics ventures consulting advisors brands materials semiconductors semiconductor studios
entertainment freight textiles minerals metals chemicals pharma realty properties construction engineering telecom
foods beverages brewing hotels resorts robótica robotica tecnologia tecnologias tecnología tecnologías sistemas
services servicios serviços soluciones soluções ingeniería engenharia
herald monitor observer ledger echo courier chronicle bulletin telegraph express weekly review times press
tribune gazette journal daily magazine newspaper tv radio network bank fund exchange trust consortium line
lines utilities cruises""".split())

#: Words that make a facility, project or event, never a person ("Baku Interconnector").
THING_WORDS = frozenset("""pipeline interconnector corridor project initiative programme program agreement treaty
accord convention summit deal bridge tunnel airport port terminal highway railway dam stadium arena tower
building square street avenue road plant station field""".split())

PARTICLES = frozenset("de da del della der den van von al el bin ibn bint binti la le du dos das di ter ten abu wa"
                      .split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:Jr|Sr|Inc|Co|Ltd|Corp|St|Mt|Bros)\.)$")
_JUNK_WORDS = frozenset("""
he she they it we i you him her them us me his hers its their our my your who whom this that these those
dad mum mom mother father mama papa grandma grandpa granny grandad nan auntie sis bro
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december today tomorrow yesterday""".split())
#: Common acronyms and units spaCy tags as names: "AI", "CEO", "GDP", "COVID", "Fahrenheit", fuels and
#: finance terms ("LNG", "KYC", "ETF"); abbreviations of common nouns ("the ER", "the IG" for an inspector
#: general, a "FOIA request"), transcript notes ("(CROSSTALK.)") and honours ("appointed MBE").
_SPURIOUS = frozenset("""ai a.i ceo cfo coo cto gdp gnp cpi covid covid-19 sars-cov-2 fahrenheit celsius ipo
esg evs ev lgbt lgbtq lgbtq+ vat pm2.5 dna rna hiv aids ceos er icu nicu a&e ppe
crosstalk laughter applause inaudible unintelligible mbe obe cbe kbe dbe
god lord almighty heaven hell pac pacs ig foia lng lpg cng kyc aml etf etfs reit reits gps sms suv suvs mri
gmt bst utc cet cest eet eest est edt cst cdt mst mdt pst pdt aest aedt jst
rfid rss usb dvd dvds vhs pvr pvrs mp3 mp3s cd cds hdtv lcd pda pdas wifi wi-fi adsl voip
""".split()) | {  # God, "the LORD", Heaven and Hell; a "super PAC"; time zones ("1900 GMT") and technologies
    # ("RFID tags", "a DVD"), session 10
    "social security", "medicare", "medicaid", "obamacare",  # US programmes, no organisations
    "super pac", "super pacs"}
_PRONOUNS = frozenset("I me we us he him she her they them you".split())
#: Letters after a person's name: counsel, members of parliaments and assemblies, honours, degrees.
POST_NOMINALS = frozenset("QC KC SC MP MSP MEP MLA MS TD OBE MBE CBE KBE DBE GBE FRS PhD".split())
#: Religions are no entities (their adherents are NORP): "Islam", "Political Islam"; nor are ideologies
#: named by a capitalised word in "-ism" ("Fascism", "Thatcherism"; "Western Journalism" is a name).
_RELIGIONS = frozenset("""islam christianity judaism hinduism buddhism sikhism catholicism protestantism
mormonism shintoism taoism jainism zoroastrianism""".split())
_IDEOLOGY = re.compile(r"[A-Z][a-z]{2,}(?:isms?|phobias?)")  # and fears of a group: "Islamophobia"
_EDGE_PUNCT = "\"'()[]{}<>,;:!?*#|/\\-_"


def _creed(words: list[str]) -> bool:
    """Whether a span names a religion ("Islam", "Political Islam": ordinary words before it) or an ideology
    in one word ("Fascism")."""
    if len(words) == 1 and _IDEOLOGY.fullmatch(words[0].rstrip(".,")) and known(words[0]) is None:
        return True
    return _bare(words[-1]) in _RELIGIONS and all(ordinary(w) for w in words[:-1])


@functools.lru_cache(maxsize=200_000)
def known(text: str) -> Known | None:
    """The gazetteer entry (:class:`analysis.entities.gazetteer.Known`) for a name, or None."""
    return lookup(name_key(text))


@functools.lru_cache(maxsize=200_000)
def _bare(word: str) -> str:
    return POSSESSIVE.sub("", word.translate(QUOTES)).strip(".,;:").lower()


@functools.lru_cache(maxsize=200_000)
def is_title_word(word: str) -> bool:
    """Whether a word is a title or role ("President", "Mr.", "President-elect", "Vice", "Councilwoman")."""
    w = _bare(word)
    return w in TITLE_HEADS or w in TITLE_MODIFIERS or is_role_compound(word) or (
        "-" in w and all(p in TITLE_HEADS or p in TITLE_MODIFIERS for p in w.split("-") if p))


#: Nouns that end a role phrase before a name ("town manager", "trucking operator", "co-author").
ROLE_HEADS = frozenset("""manager operator official officer director chair chairman chairwoman president
secretary minister governor mayor spokesman spokeswoman spokesperson negotiator analyst researcher scientist
economist lawyer attorney partner founder owner executive chief head leader coach boss captain player
striker goalkeeper keeper agent vendor farmer nurse doctor surgeon neurologist consultant teacher
headteacher principal professor lecturer worker driver activist campaigner councillor councilor member
representative senator judge prosecutor detective inspector superintendent commissioner co-author author
editor reporter correspondent clerk treasurer trustee vice-chair deputy resident master harbourmaster warden
ranger pastor priest administrator coordinator organiser organizer engineer planner steward""".split())


def role_before(text: str, start: int) -> str:
    """The role phrase right before a name on its line ("Councilwoman", "election commission chair",
    "Interior minister", "town manager"): title words and lower-case nouns ending in a role, "" if none."""
    line = text[max(0, start - 80):start].split("\n")[-1]
    words = line.split()
    taken: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        bare = word.strip(",;:()\"“”")
        if bare != word or not bare:
            break
        low = bare.lower()
        tag = lexicon().get(low, "NN")
        if is_title_word(bare) or (bare.islower() and bare.replace("-", "").isalpha() and low not in DETERMINERS
                                   and low not in PARTICLES and (tag[:2] in ("NN", "JJ") or tag == "VBG")):
            taken.append(bare)
            continue
        if taken and bare[:1].isupper() and (i == 0 or words[i - 1].endswith((".", "!", "?"))) \
                and lexicon().get(low, "NNP") != "NNP":
            taken.append(bare)  # "Harbour" in "Harbour master Tom Reyes" at a sentence start
        break
    while taken and not (is_title_head(taken[0]) or taken[0].lower() in ROLE_HEADS
                         or taken[0].lower().endswith(("ist", "ologist"))):
        taken.pop(0)  # the phrase must end in a role ("said" or a verb before a name is none)
    return " ".join(reversed(taken))


def has_acronym(name: str) -> bool:
    """Whether a multi-word name has an all-capitals word of 2-6 letters without dots ("BVH Havens",
    "CARE Australia"): an organisation, never a person's name."""
    words = name.split()
    if words and words[-1].lower() in _SUFFIXES:
        words = words[:-1]  # "Amos Lee Varn IV": a generational suffix, no acronym
    return len(words) > 1 and any(2 <= len(w) <= 6 and w.isalpha() and w.isupper() for w in words)


def is_role_ending(text: str) -> bool:
    """Whether a name ends in an official role ("Agriculture Commissioner")."""
    words = text.split()
    return bool(words) and _bare(words[-1]) in ROLE_ENDINGS


def is_title_head(word: str) -> bool:
    """Whether a word ends a title ("President", "Mr", "Commissioner"), not only modifies one."""
    return _is_head(word)


@functools.lru_cache(maxsize=200_000)
def _is_head(word: str) -> bool:
    w = _bare(word)
    return w in TITLE_HEADS or is_role_compound(word) or ("-" in w and any(p in TITLE_HEADS for p in w.split("-")))


def _is_place_or_people(word: str) -> bool:
    entry = known(_bare(word))
    return entry is not None and entry.label in ("GPE", "NORP")


def demonym_compound(text: str) -> bool:
    """Whether a name is a hyphenated compound of demonyms or countries ("Kazakh-American")."""
    parts = name_key(text).split("-")
    return len(parts) > 1 and all((e := known(p)) is not None and e.label in ("NORP", "GPE") for p in parts)


_HONORIFIC_SUFFIX = re.compile(r"(?<=[a-z])-(?:san|sama|sensei|kun|chan|senpai)$")


def clean_name(text: str, *, person: bool) -> tuple[int, int] | None:
    """Offsets (start, end) of the name inside ``text`` once determiners, titles,
    possessives and edge punctuation are stripped; None when nothing name-like is left.

    Args:
        text: A mention's text.
        person: Strip titles as for a person ("Kazakh President Kassym-Jomart
            Tokayev" → "Kassym-Jomart Tokayev"). Otherwise titles are stripped
            only when the rest is a run of capitalised words without an
            organisation word ("Mr Trump" labelled ORG → "Trump").
    """
    text = text.translate(QUOTES)
    start, end = 0, len(text)
    if text.startswith("<") and ">" in text:
        start = text.index(">") + 1  # "<b>Quist": markup glued before a name
    if (tag := text.find("<", start + 1)) > 0:
        end = tag  # "Dornvale.</tweet": markup glued after it
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_PUNCT + " \t":
            start += 1
        while start < end and (text[end - 1] in _EDGE_PUNCT + " \t" or
                               (text[end - 1] == "." and not _ABBREV_END.search(text[start:end]))):
            end -= 1
        m = POSSESSIVE.search(text[start:end])
        if m and end - start - len(m.group()) > 0:
            end = start + m.start()
        m = _HONORIFIC_SUFFIX.search(text, start, end) if "-" in text else None
        if m and m.start() > start + 1:
            end = m.start()  # round 11: Japanese honorifics after a name ("Hamasaki-san")
        m = re.match(r"(?i)(?:the|a|an|this|that|these|those)\s+", text[start:end])
        if m and end - start > len(m.group()):
            start += m.end()
        if (start, end) == before:
            break
    if start >= end:
        return None
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    while len(words) > 1 and _lower_word(words[-1][2]):  # "Kazakh view" → "Kazakh"
        words.pop()
    while len(words) > 1 and _lower_word(words[0][2]):
        words.pop(0)
    while len(words) > 2 and words[-1][2].strip(",.") in POST_NOMINALS \
            and all(w[:1].isupper() for _, _, w in words[:-1]):
        words.pop()  # session 10: "Ian Tarvell QC", "Tom Harlow MP": honours and offices after a name
    if person:  # "Election commission chair Dorota Nowak" → "Dorota Nowak"
        inner = [i for i, (_, _, w) in enumerate(words[:-1]) if _lower_word(w) and w not in ("and", "&")]
        if inner and all(w[:1].isupper() or w in PARTICLES for _, _, w in words[inner[-1] + 1:]) \
                and len(words) - inner[-1] - 1 >= 2:
            words = words[inner[-1] + 1:]
    kept = _title_range([w for _, _, w in words], person=person)
    if kept is None:
        return None
    return words[kept[0]][0], words[kept[1] - 1][1]


def _name_start(rest: list[str]) -> bool:
    """Whether the words after a title open a name: a capitalised word, or a surname's particle before one
    ("Mr de Búrca", "Dr van der Linde")."""
    i = 0
    while i < len(rest) - 1 and rest[i] in PARTICLES:
        i += 1
    return rest[i][:1].isupper()


def _lower_word(word: str) -> bool:
    """A lower-case word that cannot end or begin a name (particles like "de" or "of" can sit inside)."""
    return word.isalpha() and word.islower() and word not in PARTICLES


def _title_range(words: list[str], *, person: bool) -> tuple[int, int] | None:
    """The words left once leading titles are stripped, as a range; None when only titles remain."""
    head = -1
    for i, word in enumerate(words):
        if _is_head(word):
            head = i
        elif not (is_title_word(word) or _is_place_or_people(word)):
            break
    else:  # only titles, countries and demonyms: "President", "Kazakh President", "US"
        if head < 0:
            return 0, len(words)
        keep = [i for i, w in enumerate(words) if not is_title_word(w)]
        return (keep[0], keep[-1] + 1) if keep else None
    if head < 0 and person and len(words) > 1 and _bare(words[0]) == "general" \
            and all(w[:1].isupper() and _bare(w) not in ORG_WORDS and not ordinary(w) for w in words[1:]):
        return 1, len(words)  # round 11: the rank before a person spaCy tagged ("General Tarvell")
    if head < 0:
        return 0, len(words)
    while head + 2 < len(words) and _bare(words[head + 1]) == "general":
        head += 1  # round 11: "Attorney General", "Inspector General" before the name
    rest, title = words[head + 1:], _bare(words[head])
    if not _name_start(rest) or (title in _ROYAL and len(rest) == 1):
        return 0, len(words)
    strict = title in _STRICT_HEADS or is_role_compound(title)
    if not person and (not strict or any(_bare(w) in ORG_WORDS for w in rest)
                       or not all(w[:1].isupper() or w in PARTICLES for w in rest)):
        return 0, len(words)
    return head + 1, len(words)


@functools.lru_cache(maxsize=200_000)
def is_junk(text: str) -> bool:
    """Whether a cleaned mention is not a name: empty, a single letter, a number, a
    lone title, a pronoun, weekday or family word, lower case, spanning lines, or too long."""
    if not text or "\n" in text or "\r" in text or "[" in text or "]" in text:
        return True  # … or an editor's bracket inside a quotation ("W]e")
    letters = [c for c in text if c.isalpha()]
    if not letters or not any(c.isupper() for c in letters):
        return True
    if len(letters) < 2 and not any(c.isdigit() for c in text):  # "A", "X." (but "G7" is a name)
        return True
    first = text.split()[0]
    if not text[0].isalnum() or (text[0].islower() and first.split("-")[0].islower()
                                 and not (first in PARTICLES and text.split()[-1][:1].isupper())):
        return True  # "-based", "trans-Caspian" (but not "eBay", "iPhone")
    words = text.split()
    if len(words) > 10:
        return True
    if all(is_title_word(w) or w.lower() in DETERMINERS for w in words):
        return True
    if len(words) > 1 and any(w in _PRONOUNS for w in words[1:]):
        return True  # "Piotr and I"
    if name_key(text) in _SPURIOUS or _creed(words):
        return True
    return text.lower() in _JUNK_WORDS and not text.isupper()


def is_spurious(text: str) -> bool:
    """Whether a name, found anywhere (a headline, a propagated mention), is a common acronym or noun that
    spaCy tags as a name ("PAC" of a "Super PAC", "ICU") or an ideology in one word ("Islamophobia")."""
    return name_key(text) in _SPURIOUS or _creed(text.split())


@dataclass(frozen=True)
class PersonName:
    """A person's name split for matching (folded keys)."""

    first: str
    surname: str
    suffix: str = ""


def person_name(name: str) -> PersonName | None:
    """First name, surname (with particles: "von der Leyen") and suffix of a
    multi-word name; None for a single word."""
    words = name_key(name).replace(",", " ").split()
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES:
        suffix = words.pop().rstrip(".")
    if len(words) < 2 or words[0] in PARTICLES:  # "Bin Salman", "von der Leyen": a bare surname
        return None
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i] in PARTICLES:
            start = i
            break
    return PersonName(words[0], " ".join(words[start:]), suffix)


#: Common English short forms of given names (round 11: "Sandy" of "Sandra", "Tam" of "Thomas"), folded.
_SHORT_GIVEN = {short: frozenset(full.split(",")) for short, full in (item.split(":") for item in """
sandy:sandra,alexandra,alexander bill:william billy:william will:william liz:elizabeth beth:elizabeth
betty:elizabeth bob:robert rob:robert bobby:robert jim:james jimmy:james jamie:james mike:michael
mick:michael tom:thomas tam:thomas tommy:thomas dick:richard rick:richard rich:richard kate:katherine,catherine
kathy:katherine,kathleen,catherine cathy:catherine,katherine ted:edward,theodore ed:edward,edwin
eddie:edward tony:anthony andy:andrew drew:andrew dave:david steve:steven,stephen chris:christopher,christine
matt:matthew pat:patrick,patricia peggy:margaret maggie:margaret meg:margaret sue:susan,suzanne
jenny:jennifer jen:jennifer joe:joseph joey:joseph sam:samuel,samantha ben:benjamin dan:daniel
danny:daniel nick:nicholas,nicolas alex:alexander,alexandra greg:gregory jeff:jeffrey jerry:gerald,jerome
larry:lawrence,laurence len:leonard lenny:leonard nate:nathan,nathaniel pete:peter phil:philip,phillip
ron:ronald ronnie:ronald tim:timothy vicky:victoria vic:victor,victoria walt:walter wally:walter
debbie:deborah deb:deborah becky:rebecca barb:barbara fred:frederick frank:francis,franklin
hank:henry harry:henry,harold charlie:charles chuck:charles jack:john johnny:john jon:jonathan
josh:joshua judy:judith kim:kimberly mandy:amanda molly:mary polly:mary sally:sarah""".split())}


def first_names_compatible(a: str, b: str) -> bool:
    """Whether two folded first names can be the same person's: equal, one an
    initial of the other ("d." / "donald"), one a hyphen part of the other
    ("kassym" / "kassym-jomart"), or one a common short form of the other ("sandy" / "sandra")."""
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a in b.split("-") or b in a.split("-") or b in _SHORT_GIVEN.get(a, ()) or a in _SHORT_GIVEN.get(b, ())


def initials(name: str) -> set[str]:
    """Upper-case initials of a name's significant words, with a hyphenated word as one
    word or as several ("Organization for Security and Co-operation in Europe" → OSCE,
    OSCOE; "Asia-Pacific Economic Cooperation" → AEC, APEC)."""
    skip = {"of", "the", "and", "for", "&", "on", "in", "de", "la", "to", "at"}
    words = [w for w in name_key(name).split() if w not in skip]
    whole = "".join(w[0] for w in words if w[0].isalpha())
    parts = "".join(p[0] for w in words for p in w.split("-") if p and p[0].isalpha())
    return {whole.upper(), parts.upper()}
