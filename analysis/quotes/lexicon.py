"""Word lists for quotation attribution (part of :mod:`analysis.quotes`).

The lists only *prefer* and *name*: which verb governs a quotation, and which
noun its subject is, comes from the dependency parse. A verb missing here still
counts as a cue when a quotation is its clausal complement.
"""
from __future__ import annotations

__all__ = ["CUE_LEMMAS", "INDIRECT_CUES", "NAMING_CUES", "PERSON_ROLES", "ORG_ROLES", "ROLE_SYNONYMS",
           "SCARE_MARKERS", "PERSON_PRONOUNS", "GROUP_PRONOUNS", "THING_PRONOUNS", "NON_AGENTS", "TITLES",
           "MEDIA_WORDS", "COMPANY_WORDS", "COMPANY_ROLES", "MALE_WORDS", "FEMALE_WORDS", "WORK_NOUNS", "SIGN_NOUNS",
           "CHANT_CUES", "NOT_SPEECH_MARKERS", "SAYING_NOUNS"]

#: Verbs of saying (lemmas) that attribute a quotation next to them.
CUE_LEMMAS = frozenset("""
accuse acknowledge add address admit advise affirm agree allege announce answer argue ask assert assure blast
boast brag call caution charge cite claim clarify comment complain concede conclude concur confess confirm
contend continue counter cry declare decline demand deny describe detail disclose dismiss dub elaborate
emphasise emphasize estimate exclaim explain express forecast hail highlight inform insist interject joke label lament
maintain mention muse note observe opine order outline plead pledge point post praise predict press proclaim
promise propose quip quote read reaffirm recall recount reference reflect reiterate remark reply report respond retort
reveal rule say scoff shout slam snap state stress suggest summarise summarize tell term testify thunder tweet
underline underscore urge vow warn whisper wonder write yell
""".split())

#: Verbs of saying that introduce reported speech without quotation marks (``X said that …``).
INDIRECT_CUES = frozenset("""
acknowledge add admit affirm allege announce argue assert assure caution claim clarify concede confirm
contend declare deny disclose emphasise emphasize estimate explain inform insist maintain mention note
observe point predict promise reaffirm recall reiterate remark reply report respond reveal rule say state stress
suggest tell testify underline underscore vow warn write
""".split())

#: Nouns of saying that report a that-clause for their owner (``Trump's claim that …``).
SAYING_NOUNS = frozenset("""
acknowledgment acknowledgement admission allegation announcement argument assertion assurance charge claim
comment contention emphasis insistence pledge prediction promise remark statement suggestion warning
""".split())

#: Cues that name, describe or judge something with the quoted words (called X "an experienced statesman",
#: criticised the law as a "crazy system", likened the rules to "burning the Constitution").
NAMING_CUES = frozenset("""
call describe dub label term brand characterise characterize hail praise slam criticise criticize condemn
denounce decry deride mock ridicule lambaste blast assail attack insult applaud laud commend herald tout
liken compare portray blame
""".split())

#: Words right before a quotation that make it a term, not somebody's statement.
SCARE_MARKERS = ("so-called", "so called", "dubbed", "known as", "termed", "nicknamed", "the word", "the term",
                 "the phrase", "titled", "entitled", "headlined", "hashtag", "named")

#: Nouns of works and programmes: a short capitalised quotation next to one is a title, not a statement.
WORK_NOUNS = frozenset("""
ad advertisement album anthem article band blog book broadcast cartoon column commercial documentary edition
episode essay exhibit exhibition film headline hymn magazine memoir miniseries movie musical newsletter novel
op-ed opera painting play podcast poem program programme segment series show sitcom song special tune video
""".split())

#: Things that carry words without speaking them: "a placard reading …", "a sign said …".
SIGN_NOUNS = frozenset("""
badge banner billboard board button cap flag graffiti hat mural notice placard plaque poster shirt sign slogan
sticker t-shirt tee tattoo
""".split())

#: Cues of many voices: a chant is nobody's statement.
CHANT_CUES = frozenset({"chant"})

#: Words right before a quotation that make it a chant or words written on something.
NOT_SPEECH_MARKERS = ("chanted", "chanting", "chants of", "chant of", "chants", "chant", "emblazoned with",
                      "inscribed with", "with the words", "painted", "scrawled", "spray-painted", "bearing",
                      "printed", "stamped", "captioned")

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})

#: Nouns naming a person by role: "the minister", "the Kazakh leader".
PERSON_ROLES = frozenset("""
actor activist adviser advisor aide ambassador analyst athlete attorney author candidate captain ceo chair
chairman chairperson chairwoman champion chancellor chief coach commander commissioner congressman
congresswoman correspondent councillor councilor critic defender deputy diplomat director economist editor
emir envoy executive expert founder general governor head historian host judge king lawmaker lawyer leader
legislator manager mayor minister monarch mp negotiator official officer owner pastor player politician pope
premier president presenter prince princess professor prosecutor queen rapper representative researcher
scientist secretary senator singer sheikh speaker spokesman spokesperson spokeswoman star striker sultan
superintendent teacher treasurer veteran victim winner witness
sheriff constable detective sergeant inspector trooper firefighter paramedic nurse doctor physician surgeon
employee worker resident neighbour neighbor widow widower student farmer driver passenger customer shopper
voter survivor bystander eyewitness volunteer homeowner landlord tenant
""".split())

#: Nouns naming an organisation or a country by role: "the company", "the ministry", "the government".
ORG_ROLES = frozenset("""
administration agency airline alliance army assembly association authority bank bloc board broadcaster
cabinet carrier channel charity club coalition commission committee company conglomerate consortium council
court department embassy federation firm foundation giant government group insurer institute league lender
maker manufacturer military ministry movement network newspaper office operator organisation organization
outlet parliament party police producer publisher regime regulator retailer service society startup team
union university watchdog
""".split())

#: Role words that may refer to a person introduced with another title.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "leader": frozenset("president prime minister premier chancellor king queen emir sultan leader head chief "
                        "chairman ceo monarch".split()),
    "head": frozenset("president chairman chairwoman chair director chief ceo head leader".split()),
    "chief": frozenset("chief head director ceo commander chairman".split()),
    "executive": frozenset("ceo chief executive director".split()),
    "ceo": frozenset("ceo chief executive".split()),
    "premier": frozenset("premier prime minister".split()),
    "spokesman": frozenset("spokesman spokesperson spokeswoman".split()),
    "spokeswoman": frozenset("spokesman spokesperson spokeswoman".split()),
    "spokesperson": frozenset("spokesman spokesperson spokeswoman".split()),
    "official": frozenset("official minister secretary director spokesman spokesperson spokeswoman officer".split()),
    "diplomat": frozenset("diplomat ambassador envoy minister".split()),
    "judge": frozenset("judge justice magistrate".split()),
    "regulator": frozenset("regulator watchdog commission authority agency board office".split()),
    "watchdog": frozenset("regulator watchdog commission authority agency board office".split()),
    "lawmaker": frozenset("lawmaker senator congressman congresswoman mp deputy legislator representative".split()),
}

#: Heads of "according to X" that are documents, not speakers (the speaker is their owner, if any).
NON_AGENTS = frozenset("""
data datum figure figures statistics survey poll report reports study estimate estimates document documents
statement statements analysis research record records source release filing memo letter transcript media
""".split())

#: Words dropped from the front of a name when it is built from the text (no entity mention).
TITLES = frozenset("""
mr mrs ms miss dr prof sir dame lord lady president prime minister premier chancellor senator sen rep
governor gov mayor king queen prince princess general gen colonel col captain capt sheikh emir sultan
judge justice secretary ambassador chairman ceo the
""".split())

#: Words in an organisation's name that mark a news outlet (its "X reports" is not a quotation).
MEDIA_WORDS = frozenset("""
news times post press agency journal tribune herald gazette daily telegraph guardian reuters afp ap tass
interfax xinhua bloomberg cnn bbc tv television radio media magazine newspaper channel wire
""".split())

#: Words in a name that make it a business ("the company" may refer to it).
COMPANY_WORDS = frozenset("""
sa inc ltd plc llc ag gmbh corp corporation co company holdings group partners capital industries
enterprises ventures bank airlines motors systems technologies labs
""".split())

#: Role nouns that refer to a business.
COMPANY_ROLES = frozenset("company firm giant maker manufacturer producer retailer startup conglomerate "
                          "carrier operator lender insurer publisher airline".split())

#: Words that tell a person's gender when they describe the person (titles, roles, kinship).
MALE_WORDS = frozenset("""
mr sir lord king prince brother son father husband uncle nephew grandfather grandson boy man chairman spokesman
businessman congressman sportsman policeman fireman nobleman dad
""".split())
FEMALE_WORDS = frozenset("""
mrs ms miss dame lady queen princess sister daughter mother wife aunt niece grandmother granddaughter girl woman
chairwoman spokeswoman businesswoman congresswoman sportswoman policewoman mum mom
""".split())
