"""Quoted and paraphrased actors with their attribution verbs ("said" vs "claimed", "lambasted", "admitted").

Rule-based and offline: an attribution verb in a body sentence (outside quotation marks) is tied to
its speaker: a capitalised name just before it ("Orbán said"), just after it ("said Orbán",
"according to Bloomberg"), or a pronoun / role description ("he said", "the Russian leader
elaborated") resolved to the person named most recently, when that person is named as a person (titled or
written alone elsewhere, or the one name opening the sentence before), the pronoun agrees with earlier ones for
them, and no unnamed speaker ("a spokesman said") or sentence led by a surname alone came between; names inside
quotations are no antecedent, another person named earlier in the pronoun's sentence leaves it unresolved, and a
titled role ("the president") means only a person the text gave that title. A statement
is "quoted" when its sentence holds a quotation, else "paraphrased". Names are merged within a document: "Orbán"
-> "Viktor Orbán". One capitalised word is a person only on evidence (a first name or title before it somewhere,
a "he"/"she" for it), else an organisation on evidence, else dropped.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, NamedTuple
from itertools import accumulate, chain, compress
from pathlib import Path

from .blocks import BOILERPLATE
from .context import DocContext
from .lexicon_csv import fold
from .quotes import BLANK_LINE_RE
from .registry import MARKS, POSSESSIVE_ENDINGS, Registry, alias_key, initials
from .syllables import easy_words
from .stopwords import ENGLISH_STOP_WORDS
from .tokens import WordMemo

# Attribution verbs by form -> base verb. Neutral verbs report; the others characterise the speaker or
# claim (words to watch: Wikipedia MOS:SAID; Bell 1991 on reporting verbs).
NEUTRAL_VERBS = {
    "said": "say", "says": "say", "say": "say", "saying": "say", "told": "tell", "tells": "tell",
    "stated": "state", "added": "add", "adds": "add", "wrote": "write", "writes": "write",
    "explained": "explain", "explains": "explain", "asked": "ask", "asks": "ask", "replied": "reply",
    "responded": "respond", "announced": "announce", "commented": "comment", "mentioned": "mention",
    "described": "describe", "reported": "report", "elaborated": "elaborate",
    "remarked": "remark", "indicated": "indicate", "expressed": "express", "posted": "post", "tweeted": "tweet",
    "explaining": "explain", "adding": "add", "writing": "write",
}
CHARACTERISING_VERBS = {
    "claimed": "claim", "claims": "claim", "insisted": "insist", "insists": "insist",
    "admitted": "admit", "admits": "admit", "conceded": "concede", "revealed": "reveal", "reveals": "reveal",
    "lambasted": "lambast", "decried": "decry", "decrying": "decry", "decries": "decry", "asserted": "assert",
    "asserts": "assert", "contended": "contend", "argued": "argue", "argues": "argue", "arguing": "argue",
    "declared": "declare", "declares": "declare", "noted": "note", "notes": "note", "acknowledged": "acknowledge",
    "emphasized": "emphasize", "emphasised": "emphasize", "stressed": "stress", "warned": "warn", "warns": "warn",
    "maintained": "maintain", "maintains": "maintain", "alleged": "allege", "alleges": "allege",
    "accused": "accuse", "accuses": "accuse", "denied": "deny", "denies": "deny", "complained": "complain",
    "boasted": "boast", "conceding": "concede", "noting": "note", "claiming": "claim", "highlighted": "highlight", "reiterated": "reiterate",
    "affirmed": "affirm", "affirms": "affirm", "reaffirmed": "reaffirm", "suggested": "suggest", "hinted": "hint", "urged": "urge",
    "criticized": "criticize", "criticised": "criticize", "slammed": "slam", "blasted": "blast", "pledged": "pledge",
    "demanded": "demand", "vowed": "vow", "threatened": "threaten", "confirmed": "confirm", "recalled": "recall",
    "lamented": "lament", "laments": "lament", "concluded": "conclude", "concludes": "conclude",
    "dubbed": "dub", "dubs": "dub",
}
# Verb forms that are as often plural nouns ("ICE reports that 864 …" beside "media reports said", "the reports of"):
# a verb only in the shape _noun_form_reports reads. Kept apart from NEUTRAL_VERBS, which analysis/loaded.py trims
# from its spans' edges as verbs.
NOUN_FORM_VERBS = {"reports": "report"}
ATTRIBUTION_VERBS = {**NEUTRAL_VERBS, **CHARACTERISING_VERBS, **NOUN_FORM_VERBS}
# Verbs whose common sense is no speech ("the US maintains tariffs", "Ford recalled 1,000 cars", "polls indicated a
# lead", "the talks concluded on Friday", "Smith lamented the loss", "Ben Patton added to his collection of state
# titles"): an attribution only where a statement follows ("maintained that", "maintained: …", "recalled, “…”") or a
# quotation came before ('"…," he maintained').
SPEECH_IF_REPORTING = frozenset({"maintain", "recall", "indicate", "conclude", "lament", "add"})
# Verbs of naming whose common sense is no speech ("the series was dubbed into English", "a plan dubbed"): a statement
# only where the name given follows in quotation marks ("whom Tucker Carlson has dubbed “creepy porn lawyer”").
SPEECH_IF_QUOTING = frozenset({"dub"})
# Verbs of writing and posting whose object may be no text ("She wrote hundreds of songs", "He posted an elite 93.2
# defensive grade", "posted bail"): a statement only where one is reported (sentence.reports) or the object is a text
# (TEXT_NOUNS: "wrote a letter", "posted a chart"), or no noun object follows ("wrote on Twitter", "posted it").
SPEECH_IF_TEXT = frozenset({"write", "post"})
# Participles that report what the subject of the clause before said ("Omar defended herself …, saying: “…”").
REPORTING_PARTICIPLES = frozenset(v for v in ATTRIBUTION_VERBS if v.endswith("ing"))
# Words opening a reported clause right after such a verb ("maintained that", "indicated he was"; not "his").
REPORTED_CLAUSE_OPENERS = frozenset("that he she they we i".split())  # not "it": "recalled it vividly"
# Finite auxiliaries and copulas: one within a few words after such a verb shows a reported clause without "that"
# ("added her client has had contact"), where an object alone follows a verb of no speech ("added a goal").
FINITE_AUXILIARIES = frozenset("is are was were has have had will would can could should may might must does did".split())
# Words that open a clause of the object's, not a reported one ("recalled cars that were faulty", "added a goal as").
CLAUSE_BREAKERS = frozenset("that which who whom whose where when as because after before while if and but or".split())
MULTIWORD_VERBS = {("pointed", "out"): "point out", ("points", "out"): "point out", ("according", "to"): "according to",
                   ("put", "it"): "put it"}
# The words (as written) that can open an attribution; all are lower-case but the sentence-initial "According".
VERB_STARTS = frozenset(ATTRIBUTION_VERBS) | {first for first, _ in MULTIWORD_VERBS} | {"According"}
NEUTRAL_BASES = frozenset(NEUTRAL_VERBS.values()) | {"according to", "put it"}
PRONOUNS = frozenset({"he", "she"})
# Offices and neutral designations of people in public life ("the prime minister of Hungary", "foreign ministers",
# "the Russian envoy"), and the words that qualify an office. ROLE_NOUNS, TITLE_WORDS and analysis/loaded.py's
# office phrases (names_an_office) are built from them, so that one list says what an office is.
# "ceo" (a company's head) is one too: a model hit on "the CEO of DH" names an office (review 6); TITLE_WORDS already
# held it, and as a role ("the CEO said") it goes only to a person holding that office, like every office.
OFFICE_NOUNS = frozenset(
    "president minister premier chancellor secretary ambassador envoy diplomat spokesman spokeswoman spokesperson"
    " official leader politician lawmaker governor senator congressman congresswoman representative mayor"
    " commissioner chairman chairwoman director general ceo".split()
)
OFFICE_QUALIFIERS = frozenset(
    "prime foreign deputy vice former state defence defense finance interior justice trade health energy economy"
    " affairs".split()
)
# Designations of people in public life that are no title before a name (no "Official John Smith").
OFFICE_DESIGNATIONS = frozenset({"diplomat", "official", "politician"})
# Nouns that, after "the", mean a person named earlier ("the Russian leader said", "the minister said", "the general
# said"): the offices of OFFICE_NOUNS, and a body's head ("the chief said"). A role means a person whose description
# holds its office noun itself (_described_person): "the general said" is not "Attorney General William Barr", whose
# office is attorney, nor is "the state senator said" "Secretary of State Mike Pompeo".
ROLE_NOUNS = OFFICE_NOUNS | {"prime", "chief", "head"}
# Offices that name no particular post: "the leader", "the official" may be any office holder, so the role's
# nationality or any of its words are enough.
GENERIC_ROLE_NOUNS = OFFICE_DESIGNATIONS | {"leader"}
# Qualifiers that make another office of the same noun: a vice president is no president, a deputy director no
# director, a former minister no minister; a role and a person hold the office only with the same of these.
RANK_QUALIFIERS = frozenset({"vice", "deputy", "former"})
# Words before "general" that leave it the office ("Major General", "the general", "Russian general"); after any other
# word it qualifies that word's office ("Attorney General", "Surgeon General", "Secretary General").
GENERAL_RANKS = frozenset({"major", "maj", "lieutenant", "lt", "brigadier", "brig"})
# The offices news copy abbreviates before a name (AP Stylebook, "titles": "Sen. Chuck Grassley", "Gov. Andrew Cuomo",
# "Gen. Mark Milley"): the person holds the office a role names in full ("the senator said").
OFFICE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "gen": "general", "rep": "representative"}
# Words between a subject and its verb that do not break the link ("Putin has repeatedly said").
SKIPPABLE = frozenset("also has had have later then further again repeatedly previously once reportedly publicly had already".split())
# Titles of the journalists an outlet employs to report, write, edit and present ("VOA Pentagon correspondent Carla
# Babb", "Fox News host Sean Hannity", "a reporter for the Times", "is a staff writer at The Atlantic"): the AP
# Stylebook's occupational descriptions ("titles" entry) for newsroom staff. The one list of them: actors' JOB_NOUNS,
# analysis/citations.py's staff and evidence patterns and analysis/outlets.py's self-references use it.
JOURNALIST_TITLES = frozenset("correspondent reporter journalist editor writer columnist anchor presenter host producer".split())


def word_alternation(words) -> str:
    """A regular-expression alternation of the words, longest first (a word before its prefix), in a fixed order."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


# Job nouns written before a name, after an organisation's name or an adjective ("Judicial Watch Senior
# Investigator Bill Marshall", "Special Counsel Robert Mueller"): titles (nouns only: an adjective, "senior",
# "special", is cut off with what comes before the last title word), and no surname: a name does not end with one.
JOB_NOUNS = frozenset(
    "investigator counsel analyst economist adviser advisor aide strategist"
    " researcher founder cofounder lawmaker congressman congresswoman spokesperson"
    # media and organisation roles, which news writing puts before a name as a description in lower case or as a
    # title ("Fox News host Sean Hannity", "CNN Anchor Jake Tapper", "Ukraine envoy Bill Taylor"): the journalists'
    # titles, people an outlet gives space to, and the envoy of ROLE_NOUNS
    " commentator contributor pundit envoy"
    # writers described by their field before the name ("religion author Garry Wills")
    " author"
    # church and school offices written before a name or alone as a title ("Apostolic Nuncio Carlo Maria Viganò", "the
    # Nuncio added", "Muslim cleric Jihad Al-‘Ayesh", "Superintendent Jennifer McCormick"): no one's surname
    " nuncio cleric superintendent".split()
) | JOURNALIST_TITLES
# Titles an outlet gives its reporters that outlets' own names end with ("CBS Sports NFL Insider Jason La Canfora",
# but "Business Insider", "The Insider"): a title only between capitalised words and a person's name (_clean_name),
# so kept out of TITLE_WORDS.
MEDIA_BEAT_TITLES = frozenset({"insider"})
# Thoroughfares named by a letter ("J Street", "K Street", "E Street Band"): a street or the body named after it,
# not a person with an initial, which news copy writes with a full stop ("J. Smith").
STREET_WORDS = frozenset("street avenue road boulevard square".split())
# Honorifics written short before a person's name only, never a body's ("Mr. West", "Sen. Jim Press", "Rep. Allen West").
PERSONAL_HONORIFICS = frozenset("mr mrs ms dr sen rep gov".split())
# An office and its qualifiers make a title before a name ("Foreign Minister Sergei Lavrov", "Deputy Secretary
# General Jane Doe"), but a designation does not.
TITLE_WORDS = PERSONAL_HONORIFICS | frozenset(
    "king queen pope chief"
    # religious, judicial, academic, corporate, civic and military honorifics ("Bishop Juan Barros", "Judge Patti
    # Saris", "U.S. Attorney Nealy Cox", "GOA Executive Director Erich Pratt", "Drummer Lee Rigby")
    " bishop archbishop cardinal monsignor msgr father fr rev reverend pastor rabbi imam sheikh judge attorney sir dame lord lady"
    " professor prof executive ceo sheriff detective inspector constable"
    " sergeant sgt captain capt lieutenant lt colonel col gen admiral commander corporal cpl drummer"
    " undersheriff supervisor"
    # ranks and offices written before a name as its title ("Officer Amber Guyger", "Chief Executive Officer Tim Cook",
    # "NASA Administrator Jim Bridenstine", "Melkite Greek Catholic Patriarch Gregory III"): no one's given name
    " officer administrator patriarch".split()
) | (OFFICE_NOUNS - OFFICE_DESIGNATIONS) | OFFICE_QUALIFIERS | JOB_NOUNS
TITLES_AND_ROLES = TITLE_WORDS | ROLE_NOUNS
NON_NAME_WORDS = frozenset(
    "the a an in on at he she it they we i you but and however this that these those his her its their our"
    " monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december yesterday today meanwhile moreover furthermore additionally also"
    " according for as after before during while when if so yet still although despite".split()
)
# Capitals and countries that speak for their governments ("Moscow said") and name bodies ("Kyiv Post").
PLACE_WORDS = frozenset("moscow washington beijing budapest kyiv kiev brussels london paris berlin russia ukraine hungary china america europe".split())
# The last words of newspapers' names in the outlet registry (analysis/data/outlets.csv) that are no one's first name or
# surname ("Chicago Tribune", "Arkansas Democrat-Gazette"): shared with citations' publication tests. "Enquirer" is
# the other spelling of "Inquirer" ("Cincinnati Enquirer", "National Enquirer").
NEWSPAPER_WORDS = frozenset("journal herald tribune gazette telegraph chronicle inquirer enquirer examiner courier dispatch".split())
ORG_WORDS = frozenset(
    "ministry government office agency council commission committee parliament party news times post press radio"
    " tv television kremlin nato eu un house bloomberg reuters afp ap tass ria novosti union alliance embassy"
    " department administration court bank company group institute foundation network channel service forces army"
    " states west"
    # bodies named by their kind ("World Health Organization", "Homeland Security", "Congressional Black Caucus")
    " organization organisation association society university college school hospital centre center corporation"
    " inc ltd llc corp plc club police security board authority bureau federation league caucus senate congress church county"
    # companies named by their trade ("Dick Clark Productions", "Big Machine Records")
    " productions records studios entertainment media pictures films technologies holdings enterprises industries"
    " airlines airways motors labs depot stores"
    # publications named by their kind ("Daily Wire", "Chicago Tribune", "Arkansas Democrat-Gazette"): NEWSPAPER_WORDS,
    # next to "news times post press radio tv network" above
    " wire daily".split()
) | NEWSPAPER_WORDS | frozenset(
    # and the same kind of words of magazines' and news sites' names ("Business Insider", "National Review", "Christian
    # Science Monitor", "Daily Express", "Reader's Digest"), none a common first name or surname in news copy
    " insider magazine review observer monitor mirror express bulletin digest weekly".split()
) | PLACE_WORDS
# ("White House" is a body's name by its "house": "white" alone is no body's word, and a surname "Lynne White" has.)
# Common nouns for a company or a body ("The group that owns her music, Big Machine, says"): a name they describe is no
# person's.
BODY_NOUNS = frozenset("group company firm label band team organization organisation agency charity network publisher studio".split())
# Written messages whose sender says what they say ("a letter from ICE saying"): the nouns for a document sent or
# published in news copy's "a <noun> from X saying/said" (letters, statements, releases, posts).
MESSAGE_NOUNS = frozenset(
    "letter letters statement statements email emails memo memos memorandum message messages notice notices note"
    " release releases tweet tweets post posts filing filings".split()
)
# Documents a body publishes, which say what it says ("the most recent WHO update says", "a Pentagon report said"):
# written messages and the reports, updates and studies of news copy's "the <body> <noun> says".
REPORT_NOUNS = MESSAGE_NOUNS | frozenset("report reports update updates study studies survey surveys bulletin assessment".split())
# What one writes or posts that says something: the written messages and documents above, the pieces, posts and
# pictures of news copy and social media ("wrote an op-ed", "posted a chart", "posted a video of"), and the papers of
# courts and offices ("Saris wrote an order", "wrote the majority opinion"), singular and plural.
TEXT_NOUNS = REPORT_NOUNS | frozenset(
    f"{noun}{ending}" for noun in (
        "article column op-ed editorial essay piece blog newsletter book chapter passage paragraph sentence headline"
        " comment reply response review story line word caption thread speech paper summary analysis"
        " chart graph picture photo photograph image video clip map screenshot meme link message petition"
        " order ruling opinion dissent decision brief motion complaint affidavit"
        " suggestion proposal warning plea appeal apology rebuttal critique question answer"
    ).split() for ending in ("", "s")
) | {"following", "lyrics", "remarks", "analyses", "summaries", "speeches"}
# Words that count or copy an object's noun after "of" ("hundreds of songs", "a number of posts", "a copy of her letter"):
# the noun after "of" is the head.
QUANTITY_NOUNS = frozenset(
    "hundreds thousands dozens millions billions scores lots lot number couple pair series handful bunch"
    " copy copies excerpt excerpts version versions part portion".split()
)
# Subordinating conjunctions: a name right after one opening a sentence is the subject of its clause, not the sentence's.
# (analysis/voice.py's _SUBORDINATORS builds on them.)
# The rarer "whilst", "whereas", "till" and "lest" too: capitalised at a sentence's start they are no name's word ("Whilst
# Steve Castor said").
SUBORDINATORS = frozenset(
    "when whenever while whilst whereas after before although though if unless until till lest since because as once".split()
)
# Relative pronouns: a name in the clause they open is its object ("a teenager who supports President Trump says").
# ("that" is left out: "think that the Qur'an says" opens a reported clause; so is "which": "during which encounter
# McCarrick had told him" qualifies a noun.)
RELATIVE_PRONOUNS = frozenset({"who", "whom"})
DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())
# Lower-case words inside a body's name ("Department of Health and Human Services", "Commissioner for Refugees",
# "Senate Committee on Foreign Relations"): prepositions, and the conjunctions joining two of its fields.
BODY_NAME_PREPOSITIONS = frozenset({"of", "for", "on"})
BODY_NAME_JOINERS = BODY_NAME_PREPOSITIONS | {"and", "&"}
NAME_PARTICLES = frozenset({"von", "der", "de", "van", "bin", "al", "da", "di", "le", "la", "of"})
DEMONYMS = frozenset(
    "russian hungarian ukrainian estonian american british french german chinese polish romanian swedish turkish"
    " european western eastern us u.s italian spanish dutch belgian finnish latvian lithuanian czech slovak austrian"
    " canadian japanese indian israeli iranian georgian belarusian kremlin".split()
)
# Words that, opening a sentence, are capitalised only by their place: not names ("Whatever Apple did",
# "Having said that", "Does he"): the stop words (analysis.stopwords), the subordinators and auxiliaries and formulas
# they lack.
SENTENCE_OPENERS = ENGLISH_STOP_WORDS | SUBORDINATORS | frozenset("does did doing having thank thanks let".split())
# Political labels news copy writes before a person's name ("Conservative Ben Shapiro", "Democrat Joe Manchin"): the
# adjectives and nouns of the main parties and leanings (as GROUP_PLURALS' singulars), lower-case. No part of the name.
POLITICAL_LABELS = frozenset("conservative liberal progressive republican democrat democratic socialist libertarian".split())
# Occupations and standings news copy writes before a full name as a description, no title (the AP Stylebook's
# "titles" entry: "occupational descriptions are always lower case": "astronaut John Glenn", "movie star John
# Wayne"), capitalised only where they open a sentence ("Billionaire George Soros, who backs …", "Employee Steve
# Castro tells the paper"): cut like a political label, before a name of two words at least. None is a given name.
DESCRIPTIVE_NOUNS = frozenset(
    "billionaire millionaire multimillionaire businessman businesswoman tycoon mogul magnate philanthropist"
    " entrepreneur financier activist campaigner actor actress singer rapper comedian musician filmmaker novelist"
    " playwright historian astronaut socialite televangelist blogger employee".split()
)
# Nationality and ethnic adjectives and nouns: alone they name no speaker ("the Russian and Syrian claims", "the
# Jordanian government"). DEMONYMS (above, without "kremlin") plus the other nationalities common in world news
# (the country list of the news wires' style guides); lower-case.
NATIONALITIES = (DEMONYMS - {"kremlin", "western", "eastern", "european"}) | frozenset(
    "english scottish irish welsh syrian jordanian iraqi iranian lebanese egyptian saudi emirati qatari kuwaiti yemeni"
    " omani bahraini palestinian libyan tunisian algerian moroccan sudanese ethiopian somali kenyan nigerian ghanaian"
    " african afghan pakistani bangladeshi nepali nepalese lankan burmese thai vietnamese cambodian indonesian"
    " malaysian filipino korean taiwanese mongolian kazakh uzbek armenian azerbaijani azeri serbian croatian bosnian"
    " slovenian albanian macedonian montenegrin kosovar bulgarian greek cypriot moldovan norwegian danish icelandic"
    " portuguese swiss mexican brazilian argentine argentinian chilean colombian venezuelan peruvian cuban bolivian"
    " ecuadorian uruguayan paraguayan guatemalan honduran salvadoran nicaraguan haitian dominican jamaican australian"
    " zealander chechen kurdish kurd yazidi arab persian"
    " syrians jordanians iraqis iranians afghans pakistanis palestinians saudis kurds arabs americans russians".split()
)
# Adherents of the major religions and their branches, adjective and noun (Wikipedia, "List of religions and spiritual
# traditions"), lower-case: alone or after a nationality they name no speaker ("One Malaysian Muslim said").
RELIGIONS = frozenset(
    "muslim muslims christian christians jewish jew jews catholic catholics protestant protestants evangelical"
    " evangelicals orthodox hindu hindus buddhist buddhists sikh sikhs sunni sunnis shia shiite shiites mormon mormons"
    " islamic".split()
)
# Scriptures, their books that are no one's name and the words for them ("the Qur'an says", "the Letter to the Hebrews
# saying", "according to the Word of God"): a text quoted, no speaker. The holy books of the major religions (Wikipedia,
# "Religious text") and the books of the Bible not named after a person (a "Mark said" stays a person's), lower-case.
SCRIPTURES = frozenset(
    "bible quran koran qur'an torah talmud tanakh mishnah hadith hadiths sunnah vedas gita scripture scriptures gospel"
    " gospels catechism word genesis exodus leviticus numbers deuteronomy psalms proverbs ecclesiastes lamentations"
    " acts romans corinthians galatians ephesians philippians colossians thessalonians hebrews revelation".split()
)
# The common English prepositions: none opens or stands inside a person's name ("To LeBron James, triple-doubles
# are not a goal": a preposition capitalised after a dash; "Trump To Jeff Sessions": a headline).
PREPOSITIONS = frozenset(
    "to for from with by of at in on about into onto upon over under above after before against between through across"
    " toward towards via per among during within without near"
    # and the other prepositions of place and position of English grammars ("a telescope atop Mauna Kea", "a rally
    # outside Parliament")
    " atop beneath beside behind below beyond around along alongside amid amidst inside outside underneath"
    " throughout".split()
)
# Function words that are never part of a person's name: a capitalised phrase holding one is a title of a work,
# a programme or a slogan ("World Over", "Leadership Conference of Women Religious" read as "Women Religious").
NOT_IN_PERSON_NAMES = PREPOSITIONS | frozenset(
    "and or but nor not no than then there here when where while what who whom why how all any some every each both"
    " our your their my his her its this that these those is are was were be must should would could shall cannot".split()
)
# Family names written first (Chinese and Korean names: "Lu Kang", "Xi Jinping", "Kim Jong Un", "Moon Jae-in"): the
# name is kept as written and the family name alone ("Lu said", "Kim said") is its first word, not its last. The most
# common Chinese family names in pinyin (Wikipedia, "List of common Chinese surnames") and Korean family names in their
# usual romanisations (Wikipedia, "List of Korean surnames"), lower-case; the English words among them ("he", "an",
# "go", "oh") are left out. A name is read so only when its other words are romanised syllables (GIVEN_NAME_RE).
FAMILY_NAMES_FIRST = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin luo zheng liang xie song tang han feng"
    " deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao cui zhong tan fan"
    " jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou long tao gu mao hao gong shao wan"
    " qian dai kong xiang hua geng yi kang xi bo qi lai wen chang zhan"
    " kim lee rhee ri park pak choi choe jung jeong chung cho jo yoon yun jang lim shin seo suh kwon hwang ahn ryu yoo"
    " hong jeon chun ko moon mun son bae baek paik heo nam noh roh kwak sung cha joo woo".split()
)
# One given-name word of one to three romanised Chinese (pinyin) or Korean syllables ("jinping", "kang", "jae", "un"):
# an initial, a final, and for Korean a closing consonant. Western given names and surnames rarely read so ("Rigby").
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)")
_KOREAN_SYLLABLE = r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjh])?(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|a|e|o|u|i)(?:ng|[kntlmp])?"
GIVEN_NAME_RE = re.compile(rf"(?:{_PINYIN_SYLLABLE}|{_KOREAN_SYLLABLE}){{1,3}}")
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "James P. Kennedy Jr.": the name is whole before them
QUOTE_OPENERS = ("‘", "“", '"', "'", "«", "„")
QUOTE_CLOSERS = ("’", "”", '"', "'", "»", "“")
CONTRACTION_RE = re.compile(r"^(\w+)['’](?:s|ve|re|ll|d|m|t)$", re.I)
# A name right after these is a publication or broadcaster ("the Italian newspaper Il Fatto Quotidiano").
MEDIA_NOUNS = frozenset("newspaper paper daily weekly tabloid magazine journal channel broadcaster station network agency outlet website".split())
# A name right after these is a place ("the US Embassy in New Delhi maintains"), not a speaker.
PLACE_PREPOSITIONS = frozenset("in at near outside inside across throughout".split())
# Plurals naming a party's or a place's people as a group ("Minnesota Democrats", "House Republicans", "Tory MPs",
# "Kremlin Officials" in a headline): a name ending with one is a group's, no person's. The parties' and movements'
# members in the plural (as news writing capitalises them) and the plural groups news copy writes after a place.
GROUP_PLURALS = frozenset(
    "democrats republicans conservatives liberals socialists progressives libertarians tories greens nationalists"
    " unionists loyalists separatists communists independents moderates mps meps"
    " officials lawmakers legislators leaders members residents voters supporters activists protesters critics"
    " authorities ministers diplomats senators delegates governors mayors".split()
)
# Verbs that may come before their speaker after a quotation ('"...," said Putin').
INVERTING_VERBS = frozenset("said says added wrote writes explained noted stated declared replied insisted asserted continued".split())
# An Arabic ʿayn or hamza mark may open a transliterated name's word ("ʿAbd", "Al-ʿAyesh"): the capital comes after it.
CAPITALISED_RE = re.compile(r"^[ʿʾʻ]?[A-ZÀ-ÖØ-Þ][\w’'\-]*$")
# The text between two words of one hyphenated name: a hyphen, or a hyphen and the apostrophe-like mark transliteration
# writes for an Arabic ʿayn or hamza ("Jihad Al-‘Ayesh", "Al-'Ayesh", "Al-’Ayesh"), which the tokens leave outside
# the word.
NAME_HYPHENS = frozenset({"-", "-‘", "-’", "-'", "-ʿ", "-ʾ", "-ʻ"})
# A social-media account's words after a name ("Douglas Haig’s @LinkedIn Account says"): an account, not a person.
ACCOUNT_WORDS = frozenset("account accounts profile feed handle timeline tweet tweets".split())
# "Greenbelt, Maryland": a capitalised place name and a comma right before a name.
APPOSED_PLACE_BEFORE_RE = re.compile(r"[A-Z][\w’'.]*, $")
NAME_WINDOW = 300  # characters before a statement searched for the name it was read from


@dataclass(frozen=True)
class Actor:
    """A person (or organisation) the document quotes or paraphrases."""

    name: str
    kind: str = "person"
    mentions: int = 0
    quoted: int = 0
    paraphrased: int = 0
    verbs: tuple[str, ...] = ()
    verb_counts: tuple[tuple[str, int], ...] = field(default=())
    first_start: int = -1

    @property
    def key(self) -> str:
        """The name folded for matching across documents ("Viktor Orban" == "Viktor Orbán")."""
        return fold(self.name)

    @property
    def statements(self) -> int:
        return self.quoted + self.paraphrased


class _Speaker(NamedTuple):
    """Who a statement is attributed to."""

    name: str
    kind: str
    by_reference: bool = False  # named by a pronoun or a role ("he said", "the Russian leader said"), not by name


@dataclass
class _Statement:
    name: str
    kind: str
    verb: str
    quoted: bool
    start: int
    personal: bool = False  # the text shows the speaker is a person: "he said", "the Russian leader said", "Trump said he"


def _possessive(word: str) -> bool:
    """The word ends with a possessive "’s" or "'s"."""
    return word.endswith(POSSESSIVE_ENDINGS)


def _without_possessive(word: str) -> str:
    """The word without its possessive ("Orbán’s" -> "Orbán"), or the word itself."""
    return word[:-2] if word.endswith(POSSESSIVE_ENDINGS) else word


def _is_capitalised(word: str) -> bool:
    """True for a word that can start or continue a name (read through the IS_CAPITALISED memo)."""
    return bool(CAPITALISED_RE.match(word)) and word.lower() not in NON_NAME_WORDS


@lru_cache(maxsize=4096)
def _participle(lower: str) -> bool:
    """An -ing form of a familiar verb (the Dale-Chall list: "hosting", "questioning", "meeting"): opening a sentence
    before a name it is the verb of a clause, not a first name. Five letters and more before the ending's stem
    checks ("Sterling", "Irving" have no familiar stem)."""
    if len(lower) < 6 or not lower.endswith("ing"):
        return False
    stem = lower[:-3]
    forms = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        forms.add(stem[:-1])  # "running" -> "run"
    return bool(forms & easy_words())


# Endings of adverbs formed from adjectives and participles ("Previously", "Recently", "Finally", "Reportedly",
# "Interestingly"): opening a sentence before a name such a word is the sentence's adverb, not a first name. Names in
# -ly end otherwise ("Kelly", "Emily", "Beverly", "Kimberly", "Donnelly").
SENTENCE_ADVERB_RE = re.compile(r"\w{2,}(?:al|ous|ent|ant|ive|ate|ed|ing|ful|less|ic|ar|ib|ab)ly")


def _contracted_opener(lower: str) -> bool:
    """A contraction of a function word: "we've", "it's", "can’t"."""
    contraction = CONTRACTION_RE.match(lower)
    if not contraction:
        return False
    base = contraction.group(1)
    return base in SENTENCE_OPENERS or (base.endswith("n") and base[:-1] in SENTENCE_OPENERS)  # "doesn't" -> "does"


class _Sentence:
    """Words of one sentence with the text between them, for name and speaker look-ups."""

    def __init__(self, text: str, tokens, first: int, last: int, doc_words: "_DocWords") -> None:
        self.words = tokens.words
        self.lower = tokens.lower_words
        self.spans = tokens.word_spans
        self.text = text
        self.first = first
        self.last = last
        self.doc_words = doc_words  # the document's words, to tell a person's name from a thing's (see referable)
        self.written = doc_words.written  # every word of the document as written, to tell a common word from a name
        self.quoted: Callable[[int], bool] | None = None  # word index -> inside a quotation (set by _statements)

    def referable(self, span: tuple[int, int], name: str) -> bool:
        """Whether a pronoun may mean the person named at span: a title in or before it names a person ("Sen. Olaf Scholz"),
        and so does a surname or first name the document also writes alone ("Elizabeth Yore" ... "Yore said").
        A capitalised thing is named whole each time ("Big Machine", "Mandalay Bay")."""
        if any(self.lower[k].rstrip(".") in TITLE_WORDS for k in range(max(self.first, span[0] - 1), span[1])):
            return True
        words = [_without_possessive(w) for w in re.split(r"[ -]", name)]  # as the tokens are: "Go-Kart Track" -> Go, Kart, Track
        return self.doc_words.written_apart(words[-1], words[-2], -1) or self.doc_words.written_apart(words[0], words[1], 1)

    def _past_openers(self, i: int) -> int:
        """The first word after the opener at i and the function words after it ("Why Can’t Taylor Swift")."""
        i += 1
        while i < self.last and (self.lower[i] in SENTENCE_OPENERS or _contracted_opener(self.lower[i])):
            i += 1
        return i

    def opener(self, i: int) -> bool:
        """Word i opens the sentence and is capitalised only for that: a function word, a contraction of one
        ("We've", "It's"), or a word the document also writes in lower case ("Victims said" beside "other victims").
        A list's number before it leaves it the opening word ("4. Questioning Vindman's judgment")."""
        if i != self.first and not (i == self.first + 1 and self.words[self.first].isdigit() and self.gap(self.first) in (". ", ") ")):
            return False
        word = self.words[i]
        lower = self.lower[i]
        if lower in SENTENCE_OPENERS:
            return True
        if _participle(lower) and self.joined(i) and IS_CAPITALISED[self.words[i + 1]]:
            return True  # "Hosting Cook at the plant, Trump said", "Questioning Vindman, Jordan said": no first name
        if lower != word and lower in self.written:
            # a title before a name is the name's even where the document writes it in lower case too ("President
            # Donald Trump took …" beside "the president tweeted"): it tells whom "the president" means
            return not (lower in TITLE_WORDS and self.joined(i) and IS_CAPITALISED[self.words[i + 1]])
        return _contracted_opener(lower) or bool(SENTENCE_ADVERB_RE.fullmatch(lower))

    def opens_with(self, start: int) -> bool:
        """The name starting at word `start` opens the sentence as its subject, set off by a comma ("Ryan Petty, whose
        daughter …"; not "Ryan Petty’s daughter"), outside a quotation, and no other name there may be a person's."""
        span = self.name_starting_at(self.first)
        if span is None or span[0] != start or span[1] >= self.last or _possessive(self.words[span[1] - 1]):
            return False
        opening = self.text[self.spans[self.first][0] - 1:self.spans[self.first][0]]
        if "," not in self.gap(span[1] - 1) or opening in QUOTE_OPENERS:  # not a name in a quotation
            return False
        return not any(self._names_one(k) for k in range(span[1], self.last) if IS_CAPITALISED[self.words[k]])

    def subject_at(self, start: int) -> bool:
        """The name starting at word `start` opens the sentence as its subject, outside a quotation, a lower-case word
        (its verb) right after it: its own name, or a possessor of a thing ("Taylor Swift's first six albums were"; not
        "Trump's lawyer Rudy Giuliani")."""
        if self.lower[self.first] in SUBORDINATORS:
            return False  # "When Ford visited his editor Teresa Nielsen Hayden …, he would": the clause's subject only
        span = self.name_starting_at(self.first)
        if span is not None and span[0] < start and all(
                self.joined(k) and (IS_CAPITALISED[self.words[k]] or self.lower[k] in TITLE_WORDS) for k in range(span[0], start)):
            span = self.name_starting_at(start)  # a title or a body's name before it ("Republican counsel Steve Castor asked")
        if span is None or span[0] != start or (self.quoted is not None and self.quoted(start)):
            return False
        if self.text[self.spans[self.first][0] - 1:self.spans[self.first][0]] in QUOTE_OPENERS:
            return False
        if (span[1] >= self.last or self.gap(span[1] - 1) not in (" ", "\u00a0") or not self.words[span[1]].islower()
                or self.lower[span[1]] in TITLE_WORDS):  # "Republican counsel Steve Castor": the name qualifies a title
            return False  # the name's verb or the possessed thing comes next ("Unlike McFarland, Powell", a headline's "Sweden Drops Case")
        if not _possessive(self.words[span[1] - 1]):
            return True
        return not any(IS_CAPITALISED[self.words[k]] for k in range(span[1], min(span[1] + 4, self.last)))

    def _names_one(self, k: int) -> bool:
        """Word k starts a name that may be a person's ("Rick Scott, Snipes said": Snipes may be meant too)."""
        span = self.name_starting_at(k)
        return bool(span) and span[0] == k and self.name(span)[1] in ("person", "unknown")

    def pronoun_follows(self, i: int) -> bool:
        """A "he" or "she" comes right after word i, or after a "that" there: the report goes on about its
        speaker as a person ("Trump said he would", "Cruz said that he"); things are "it" and "they"."""
        k = i + 1
        if k < self.last and self.lower[k] == "that" and self.joined(i):
            i, k = k, k + 1
        return k < self.last and self.lower[k] in PRONOUNS and self.joined(i)

    def reports(self, i: int) -> bool:
        """The verb at word i reports a statement: "that", a subject pronoun, a colon, a comma or a quotation mark comes
        right after it, or after a phrase of where or to whom ("maintained that", "indicated he was", "indicated in an
        interview that", 'recalled, "…'), or a quotation set off by a comma comes before it in the sentence
        ('"…," he maintained', '"…," maintained Orbán')."""
        # (at the sentence's end, the colon a line break follows: "Reuters adds:\n\nSoros …")
        after = self.text[self.spans[i][1]:self.spans[i + 1][0] if i + 1 < self.last else self.spans[i][1] + 1].strip()
        if (i + 1 < self.last and self.lower[i + 1] in REPORTED_CLAUSE_OPENERS and self.joined(i)) or after[:1] in (":", ",") or after[-1:] in QUOTE_OPENERS:
            return True
        if i + 1 < self.last and self.lower[i + 1] in ("in", "on", "during", "at", "to") and self.joined(i):
            # "indicated in a recent interview that": a phrase of where or to whom before the clause
            for k in range(i + 2, min(i + 7, self.last)):
                if not self.joined(k - 1):
                    break
                if self.lower[k] == "that":
                    return True
        if self._clause_follows(i):
            return True
        if i + 1 >= self.last or after[:1] in (".", "!", "?", ";"):
            j = self.subject_end(i)
            subject = self.name_ending_at(j - 1) if j - 1 >= self.first else None
            start = subject[0] if subject else j - 1
            if self.first < start and "," in self.gap(start - 1):
                return True  # "…, there is a risk, Paul Hunter added.": the verb and its subject close a paraphrase
        before = self.text[self.spans[self.first][0]:self.spans[i][0]]
        return any(f"{q}," in before or f",{q}" in before for q in QUOTE_CLOSERS)

    def quotation_follows(self, i: int) -> bool:
        """A quotation opens within the four words after the verb at word i, before any other punctuation: the name or
        words the verb gives ("dubbed “creepy porn lawyer”", "dubbed him ‘the Don’"; not "dubbed into English")."""
        for k in range(i, min(i + 4, self.last - 1)):
            gap = self.gap(k)
            if gap[:1].isspace() and gap.endswith(QUOTE_OPENERS) and not gap.strip()[:-1]:
                return True
            if gap.strip():
                return False
        return False

    def _clause_follows(self, i: int) -> bool:
        """A clause without "that" follows the verb at word i: a finite auxiliary comes within a few words, before any
        punctuation or relative word ("Toensing added her client has had contact", "added the company would"; not
        "added 25 points in his former home arena", "recalled cars that were")."""
        for k in range(i + 1, min(i + 7, self.last)):
            if not self.joined(k - 1) or self.lower[k] in CLAUSE_BREAKERS:
                return False
            if self.lower[k] in FINITE_AUXILIARIES:
                return k > i + 1
        return False

    def past_short_title(self, k: int) -> int:
        """The word after a title written short with a full stop at word k ("Dr. Peter Salama", "Sen. Chuck Grassley"),
        where a capitalised word follows: the name starts there (a full stop parts a title from the name, see joined);
        else k."""
        if (k + 1 < self.last and self.lower[k] in TITLE_WORDS and self.gap(k) in (". ", ".\u00a0")
                and IS_CAPITALISED[self.words[k + 1]]):
            return k + 1
        return k

    def puts_it(self, i: int) -> bool:
        """The "put it" at words i, i+1 introduces a statement: a colon comes right after it ("Smith put it bluntly:" is
        not read), or a comma, a quotation mark or the sentence's end in the idiom "as X put it" ("As Feinstein put it,
        “Show some heart.”", "…, as he put it."); not "she put it on the table"."""
        after = self.gap(i + 1).strip() if i + 2 < self.last else ""
        if after[:1] == ":":
            return True
        closes = i + 2 >= self.last or after[:1] in (",", ";") or after[-1:] in QUOTE_OPENERS
        return closes and "as" in self.lower[max(self.first, i - 6):i]

    def apposition(self, end: int) -> list[str]:
        """The lower-case words of a description set off by commas after a name ending before word `end` ("Viktor Orban,
        the prime minister of Hungary, indicated"), up to eight words; none without both commas."""
        if end >= self.last or not self.gap(end - 1).strip() == "," or self.lower[end] not in ("the", "a", "an"):
            return []
        for k in range(end, min(end + 8, self.last - 1)):
            if self.gap(k).strip() == ",":
                return list(self.lower[end:k + 1])
            if self.gap(k).strip():
                return []
        return []

    def subject_end(self, i: int) -> int:
        """Where the subject of the verb at word i ends: before the verb and the auxiliaries and adverbs joined
        to it ("Putin has repeatedly said", "The Foreign Office recently warned": an adverb in -ly, see
        SENTENCE_ADVERB_RE)."""
        j = i
        while j - 1 >= self.first and self.joined(j - 1) and (
                self.lower[j - 1] in SKIPPABLE or (self.words[j - 1].islower() and SENTENCE_ADVERB_RE.fullmatch(self.lower[j - 1]))):
            j -= 1
        return j

    def gap(self, i: int) -> str:
        """The text between word i and word i+1."""
        return self.text[self.spans[i][1]:self.spans[i + 1][0]]

    def joined(self, i: int) -> bool:
        """True when words i and i+1 are separated by plain spaces only, or word i is a middle initial
        ("Charles E. Grassley"), so they may belong to one name."""
        if i + 1 >= self.last:
            return False
        gap = self.gap(i)
        return gap in (" ", "\u00a0") or (gap in (". ", ".\u00a0") and self._initial(i)) or (gap in NAME_HYPHENS and self._hyphenated_name_part(i))

    def hyphenated_whole(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """A speaker's span widened over the capitalised words glued to its ends by a hyphen: a hyphenated name written
        alone ("Ngo-Anh said", "said Freeman-Wilson" name "Ngo-Anh", "Freeman-Wilson", not "Anh", "Freeman"). Only
        next to a verb: elsewhere such words name two ("the Putin-Orbán meeting"). Acronyms are no name's part."""
        if span is None:
            return None
        first, end = span
        while first - 1 >= self.first and self.gap(first - 1) in NAME_HYPHENS and self._capitalised_pair(first - 1):
            first -= 1
        while end < self.last and self.gap(end - 1) in NAME_HYPHENS and self._capitalised_pair(end - 1):
            end += 1
        return first, end

    def _capitalised_pair(self, i: int) -> bool:
        """Words i and i+1 are both capitalised, neither an acronym."""
        words = self.words
        return IS_CAPITALISED[words[i]] and IS_CAPITALISED[words[i + 1]] and not (_acronym(words[i]) or _acronym(words[i + 1]))

    def _hyphenated_name_part(self, i: int) -> bool:
        """Words i and i+1, capitalised and joined by a hyphen, are one word of a longer name: a capitalised word
        follows or comes before them after a space ("Sui-Lee Wee", "Jean-Claude Juncker", "Alexandria Ocasio-Cortez";
        not the "Putin-Orbán meeting")."""
        words, spaces = self.words, (" ", "\u00a0")
        if not (IS_CAPITALISED[words[i]] and IS_CAPITALISED[words[i + 1]]) or _acronym(words[i]) or _acronym(words[i + 1]):
            return False
        return ((i + 2 < self.last and self.gap(i + 1) in spaces and IS_CAPITALISED[words[i + 2]])
                or (i - 1 >= self.first and self.gap(i - 1) in spaces and IS_CAPITALISED[words[i - 1]]))

    def _initial(self, i: int) -> bool:
        """Word i is one capital letter written with a full stop after it, and not the last letter of a dotted
        abbreviation ("S" of "U.S. Bishops", "C" of "D.C. Mayor"): one letter and a full stop come right before it."""
        word = self.words[i]
        if not (i + 1 < self.last and len(word) == 1 and word.isupper() and self.gap(i).startswith(".")):
            return False
        start = self.spans[i][0]
        return not (start >= 2 and self.text[start - 1] == "." and self.text[start - 2].isalpha()
                    and (start == 2 or not self.text[start - 3].isalnum()))

    def _part(self, i: int) -> bool:
        """Word i can continue a name: capitalised, or a particle between capitalised words ("of" only after an organisation word)."""
        if IS_CAPITALISED[self.words[i]]:
            return True
        if self.lower[i] == "of":
            return i > self.first and self.lower[i - 1] in ORG_WORDS and i + 1 < self.last and IS_CAPITALISED[self.words[i + 1]]
        if self.lower[i] not in NAME_PARTICLES or i + 1 >= self.last:
            return False
        if self.lower[i + 1] in NAME_PARTICLES and i + 2 < self.last:  # "Juan de la Cruz": two particles
            return IS_CAPITALISED[self.words[i + 2]]
        return IS_CAPITALISED[self.words[i + 1]]

    def piece(self, span: tuple[int, int]) -> bool:
        """The span is a part of a longer name, not a name: the name goes on after it ("Cruz Barros" of "Juan de la
        Cruz Barros Madrid") or a particle before it was left out ("la Cruz Barros")."""
        after = span[1]
        if after < self.last and self.joined(after - 1) and self._part(after) and self.lower[after].rstrip(".") not in GENERATIONS:
            return True
        before = span[0] - 1  # a particle between name words ("Juan de la"), not the "of" of "the support of X"
        if before - 1 < self.first or not self.joined(before) or self.words[before] not in NAME_PARTICLES - {"of"}:
            return False
        return self.joined(before - 1) and (IS_CAPITALISED[self.words[before - 1]] or self.words[before - 1] in NAME_PARTICLES)

    def _body_tail(self, span: tuple[int, int]) -> bool:
        """The span ends a longer capitalised name after "for", "of" or "on" ("High Commissioner for Human Rights",
        "Subcommittee on Investigation"), or after "and" where a body's word comes before ("Department of Health and
        Human Services"): a body's name, not a person's. One or two words only ("Supervisor of
        Elections Mark Andersen" names a person); the caller keeps titled names ("Secretary of State Mike Pompeo")."""
        before = span[0] - 1
        if not (span[1] - span[0] <= 2 and before - 1 >= self.first and self.lower[before] in BODY_NAME_JOINERS
                and self.joined(before) and self.joined(before - 1) and IS_CAPITALISED[self.words[before - 1]]):
            return False
        # after "and" only a body's name with a preposition goes on ("Department of Health and Human Services"; "Trump
        # and Mike Pence", "the District Court and Kritarch Saris" are two)
        if self.lower[before] in BODY_NAME_PREPOSITIONS:
            return True
        body = set(self.lower[self.body_start(before):before])
        return bool(body & ORG_WORDS) and bool(body & BODY_NAME_PREPOSITIONS) and self.lower[before - 1] not in ORG_WORDS

    def body_start(self, end: int) -> int:
        """The first word of the capitalised name, with its inner "of", "for", "on", "and" (BODY_NAME_JOINERS), that
        ends before word `end` ("Michigan Department of Health and Human Services")."""
        k = end
        while k - 1 >= self.first and self.joined(k - 1) and end - k < 8 and (
                IS_CAPITALISED[self.words[k - 1]] or self.lower[k - 1] in BODY_NAME_JOINERS):
            k -= 1
        while k < end and self.lower[k] in BODY_NAME_JOINERS:
            k += 1
        return k

    def _in_quotation_marks(self, span: tuple[int, int]) -> bool:
        """The words of the span are set in quotation marks of their own: a term or a title ("‘Zero Tolerance’")."""
        start, end = self.spans[span[0]][0], self.spans[span[1] - 1][1]
        closing = self.text[end:end + 2].lstrip(".,!?")[:1]  # ("‘Pope Francis Must Resign.’": the stop inside)
        return self.text[start - 1:start] in QUOTE_OPENERS and closing in QUOTE_CLOSERS

    def _after_honorific(self, span: tuple[int, int]) -> bool:
        """The span of one to three capitalised words, no acronym nor possessive among them, comes right after a
        personal honorific written short with its full stop ("Rep. Allen West", "Mr. Post"): a person's name."""
        before = span[0] - 1
        return (before >= self.first and self.lower[before] in PERSONAL_HONORIFICS and self.gap(before) == ". "
                and span[1] - span[0] <= 3 and not any(_acronym(w) or _possessive(w) for w in self.words[span[0]:span[1]]))

    def _after_place_preposition(self, before: int, name: str, kind: str) -> bool:
        """The name after "in the", "at the" (word `before` is the "the") is a place: a person's or unknown name,
        or a body's that is a country's ("in the UK", "in the US"; not "in the Trump administration")."""
        if not (before - 1 >= self.first and self.lower[before] == "the" and self.lower[before - 1] in PLACE_PREPOSITIONS
                and self.joined(before - 1) and self.joined(before)):
            return False
        return kind in ("person", "unknown") or (kind == "organization" and fold(name) in self.doc_words.places)

    def _common_phrase(self, name: str) -> bool:
        """A capitalised phrase of common words, no person's name: one holding a function word ("World Over"), or
        one whose every word the document also writes in lower case ("Women Religious", "Human Rights"), or a
        nationality before such a word ("English Common Law", beside "law")."""
        words = name.split()
        if any(w.lower() in NOT_IN_PERSON_NAMES for w in words):
            return True
        if len(words) > 1 and any(w.endswith("s") and w.lower() in ATTRIBUTION_VERBS for w in words):
            return True  # a headline's verb: "Ayesh Denies", "Putin Says"
        national = False
        while len(words) > 1 and words[0].lower() in NATIONALITIES:
            words, national = words[1:], True
        if national:  # "English Common Law": a nationality before a common noun ("law") names a thing
            words = words[-1:]
        # one a familiar word at least: a name's words may be written in lower case in a link ("myles-garrett")
        return (all(w != w.lower() and w.lower() in self.written for w in words)
                and any(w.lower() in easy_words() for w in words))

    def name_ending_at(self, last: int) -> tuple[int, int] | None:
        """(first, end) word indexes of a capitalised name whose last word is `last` (or the lower-case end of a
        hyphenated given name, see _lower_given_name)."""
        tail = self._lower_given_name(last)
        if last < self.first or not (IS_CAPITALISED[self.words[last]] or tail):
            return None
        first = last - 1 if tail else last
        while first - 1 >= self.first and self.joined(first - 1) and self._part(first - 1) and last - first < 6:
            first -= 1
        while first < last and self.words[first] in NAME_PARTICLES:  # lower-case particles only: "Von der Leyen" keeps "Von"
            first += 1
        first = max(first, self._hyphenated_first_name(first, last + 1))
        if self.opener(first):
            first = self._past_openers(first)  # "Whatever Apple did" names Apple
            if first > last:
                return None
        return (first, last + 1)

    def name_starting_at(self, start: int) -> tuple[int, int] | None:
        """(first, end) of a capitalised name whose first word is `start` (a leading "the" and words capitalised
        only for opening the sentence are skipped)."""
        if start < self.last and self.lower[start] == "the" and self.joined(start):
            start += 1
        if start < self.last and self.opener(start):
            start = self._past_openers(start)
        if start >= self.last or not IS_CAPITALISED[self.words[start]]:
            return None
        end = start + 1
        while end < self.last and self.joined(end - 1) and self._part(end) and end - start < 7:
            end += 1
        if end < self.last and self._lower_given_name(end):
            end += 1  # "Kim Jong-un"
        while end - 1 > start and self.words[end - 1] in NAME_PARTICLES:
            end -= 1
        first_name = self._hyphenated_first_name(start, end)
        return (start, first_name) if first_name > start else (start, end)

    def _lower_given_name(self, i: int) -> bool:
        """Word i is the lower-case last syllable of a hyphenated Korean given name after a family name ("un" of "Kim
        Jong-un", "in" of "Moon Jae-in"): part of the name, though the tokens split it off at the hyphen."""
        return (self.first + 2 <= i < self.last and self.words[i].islower() and self.gap(i - 1) == "-"
                and IS_CAPITALISED[self.words[i - 1]] and self.gap(i - 2) == " " and FOLDED[self.words[i - 2]] in FAMILY_NAMES_FIRST
                and bool(GIVEN_NAME_RE.fullmatch(self.lower[i])) and bool(GIVEN_NAME_RE.fullmatch(self.lower[i - 1])))

    def _hyphenated_first_name(self, start: int, end: int) -> int:
        """Where a hyphenated word not last in the span starts ("Eva-Marie" of "Public Prosecution Eva-Marie Persson"),
        or `start`: such a word is a first name, and the words before it are titles or a body's name, not the name."""
        for k in range(start + 1, end - 2):
            if self.gap(k) in NAME_HYPHENS:
                while k - 1 >= start and self.gap(k - 1) in NAME_HYPHENS:
                    k -= 1
                return k
        return start

    def _hyphen_parts(self, span: tuple[int, int], parts: tuple[str, ...]) -> tuple[str, ...]:
        """The parts of the span's name with the words joined by a hyphen written as one ("Sui", "Lee" -> "Sui-Lee")."""
        joined = [parts[0]]
        for k in range(span[0] + 1, span[1]):
            if self.gap(k - 1) in NAME_HYPHENS:
                joined[-1] += self.gap(k - 1) + parts[k - span[0]]  # with the mark after the hyphen ("Al-‘Ayesh")
            else:
                joined.append(parts[k - span[0]])
        return tuple(joined)

    def _past_titled_place(self, span: tuple[int, int]) -> tuple[int, int]:
        """The span without the country or capital that opens it where that place ends a title before the span ("U.S.
        ambassador to Ukraine Bill Taylor", "President of Ukraine Volodymyr Zelensky", "the top diplomat in Kyiv Bill
        Taylor"), or one word after "of" that ends it ("Supervisor of Elections Mark Andersen"): the place qualifies the title, the two or three capitalised words after it name the person. A body's
        words or an acronym after the place leave the span whole ("envoy to Ukraine Air Force Command")."""
        first, end = span
        before = first - 1
        if before - 1 < self.first or self.lower[before] not in ("to", "in", "of", "for") or not (self.joined(before - 1) and self.joined(before)):
            return span
        if self.lower[before - 1].rstrip(".") not in TITLES_AND_ROLES:
            return span
        for width in (1, 2):  # "Ukraine", "North Korea"
            rest = self.words[first + width:end]
            # after "of" the title's field may be any word ("Supervisor of Elections Mark Andersen"), or two where the
            # one-word field fails ("Secretary of Homeland Security Kirstjen Nielsen": "Security" is a body's word)
            field = self.lower[before] == "of" and not any(map(_acronym, self.words[first:first + width]))
            if (2 <= len(rest) <= 3 and (field or fold(" ".join(self.words[first:first + width])) in self.doc_words.places)
                    and all(map(IS_CAPITALISED.__getitem__, rest)) and not any(map(_acronym, rest))
                    and not {_without_possessive(w.lower()) for w in rest} & ORG_WORDS
                    and all(self.joined(k) for k in range(first, end - 1))):
                return first + width, end
        return span

    def name(self, span: tuple[int, int]) -> tuple[str, str]:
        """(name, kind) of a span, titles and nationality words removed from persons.

        What the word before the span says overrides a bare name: after "in" or "at" it is a place (kind "place");
        after "the" a body or a publication ("the Sun reported", "the Holy See said"), unless a title opens it."""
        span = self._past_titled_place(span)
        parts = tuple(self.words[k] + "." if k + 1 < span[1] and self._initial(k) else self.words[k] for k in range(*span))
        if any(self.gap(k) in NAME_HYPHENS for k in range(span[0], span[1] - 1)):
            parts = self._hyphen_parts(span, parts)  # "Sui-Lee Wee": the hyphenated word is one part of the name
        name, kind = _clean_name(parts)
        if kind == "person" and (self._in_quotation_marks(span) or self._common_phrase(name)):
            return name, "none"
        if kind in ("person", "unknown") and name == " ".join(parts) and self._body_tail(span):
            return name, "none"
        before = span[0] - 1
        if (kind == "organization" or (kind == "unknown" and " " in name)) and self._after_honorific(span):
            return name, "person"  # "Rep. Allen West", "Ms. Picabo Street": a surname that is also a body's or a street's word
        possessor = any(map(_possessive, parts[:-1]))  # "The Hill's John Solomon": "the" goes with the Hill
        if self._after_place_preposition(before, name, kind):
            return name, "place"  # "doctors of the Aberdeen Royal Infirmary in the UK told": the place ends their phrase
        if kind in ("person", "unknown") and before >= self.first and self.joined(before):
            if self.lower[before] in PLACE_PREPOSITIONS:
                return name, "place"
            if self.lower[before] in MEDIA_NOUNS:
                return name, "organization"
            if self.lower[before] == "the" and self.lower[span[0]].rstrip(".") not in TITLE_WORDS and not possessor:
                # "the Apostolic Nuncio Carlo Maria Viganò": "the" goes with the title cut from the person's name
                if kind == "person" and any(p.lower().rstrip(".") in TITLE_WORDS for p in parts[:len(parts) - len(name.split())]):
                    return name, kind
                return name, "organization"
        return name, kind


def _acronym(word: str) -> bool:
    """Two or more capitals ("NATO", "BBC"): a body's name; a middle initial ("E.") is not one."""
    letters = word.rstrip(".")
    return len(letters) > 1 and letters.isupper()


@lru_cache(maxsize=1 << 16)  # pure; the same names recur sentence after sentence and page after page
def _clean_name(parts: tuple[str, ...]) -> tuple[str, str]:
    """The name without leading prepositions and titles ("To LeBron James" -> "LeBron James", "Estonian Prime
    Minister Kaja Kalas" -> "Kaja Kalas") and its kind."""
    while len(parts) > 1 and parts[0].lower() in PREPOSITIONS:
        parts = parts[1:]
    raw = " ".join(parts)
    # a title in the plural is a title too ("Professors Grisez and Brugger" names Brugger)
    lowered = [p.lower().rstrip(".") for p in parts]
    lowered = [w[:-1] if w.endswith("s") and w[:-1] in TITLE_WORDS and w not in ORG_WORDS else w for w in lowered]
    if all(w in TITLE_WORDS for w in lowered) or all(len(w) == 1 for w in lowered):
        return raw, "none"  # a title alone ("the Pope", "Dr") or initials ("U" of "U.S.") name no one
    if lowered[-1] in JOB_NOUNS:
        return raw, "none"  # a title cut from its name ("said Review-Journal Editor-in-Chief Keith Moyer")
    titled = False
    title_positions = [i for i, w in enumerate(lowered) if w in TITLE_WORDS
                       or (w in MEDIA_BEAT_TITLES and 0 < i < len(parts) - 2 and _name_after_place(parts[i + 1:]))]
    # A title ends what comes before it: "White House Press Secretary Stephanie Grisham" is Stephanie Grisham,
    # unless the rest names a body itself ("World Health Organization").
    # Not inside a body's name, though: "Office of Foreign Assets Control".
    inside = bool(title_positions) and title_positions[-1] >= 2 and lowered[title_positions[-1] - 1] == "of" and lowered[title_positions[-1] - 2] in ORG_WORDS
    if title_positions and title_positions[-1] < len(parts) - 1 and not inside:
        rest = parts[title_positions[-1] + 1:]
        if not ({p.lower().rstrip(".") for p in rest} & ORG_WORDS or any(_acronym(p) for p in rest)):
            parts = rest
            lowered = lowered[title_positions[-1] + 1:]
            titled = True
    if not titled and lowered[0] in PLACE_WORDS and _name_after_place(parts[1:]):
        return _clean_name(parts[1:])  # "envoy to Ukraine Kurt Volker": the place ends a title left in lower case
    # a generation after two names at least is no acronym ("Edward E. Curtis IV"; not "Vatican II", a council)
    generation = len(parts) >= 3 and lowered[-1] in GENERATIONS
    family_first = _family_name_first([fold(p) for p in parts])  # "Kim Jong Un": "Un" is no UN
    # a body's words before a possessive qualify the person after it ("The Daily Sheeple’s Joe Joseph", cut below) when
    # the words after it read as a name: two at least, none a familiar word ("Washington Post's Fact Checker" is a body's)
    owned = next((i + 1 for i in range(len(parts) - 2, -1, -1) if _possessive(parts[i])), 0)
    if owned and (len(parts) - owned < 2 or {w.lower() for w in parts[owned:]} & easy_words()):
        owned = 0
    if not titled and not family_first and (set(lowered[owned:]) & ORG_WORDS or any(map(_acronym, parts[:-1] if generation else parts))):
        return raw, "organization"
    if not titled and len(parts) == 2 and len(parts[0]) == 1 and parts[0].isupper() and lowered[1] in STREET_WORDS:
        return raw, "organization"
    if not titled and len(parts) == 2 and _without_possessive(lowered[1]) in STREET_WORDS:
        # "Wall Street said", "Downing Street said": a street standing for those on it, no person's name; one the
        # document shows to be a person's ("Picabo Street said she", "Ms. Street") is read so in find_actors
        return raw, "unknown"
    while len(parts) > 1 and parts[0].lower() in DEMONYMS:
        parts = parts[1:]
    while len(parts) > 2 and (parts[0].lower() in POLITICAL_LABELS or parts[0].lower() in DESCRIPTIVE_NOUNS):
        parts = parts[1:]  # "Conservative Ben Shapiro", "Billionaire George Soros": a label or description before the name
    # A possessive ends a modifier, not a name: "Hungary’s Gulyás" -> "Gulyás".
    for i in range(len(parts) - 2, -1, -1):
        if _possessive(parts[i]):
            parts = parts[i + 1:]
            break
    name = " ".join(parts)
    if not titled and name.lower().replace("’", "'") in SCRIPTURES:
        return name, "none"  # "the Qur’an says": a text quoted
    if not titled and all(w in NATIONALITIES or w in RELIGIONS for w in name.lower().split()):
        return name, "none"  # "the Syrian claims", "One Malaysian Muslim said": a nationality or faith, not a speaker
    if len(parts) >= 2 and parts[-1].lower() in GROUP_PLURALS and not titled:
        return name, "organization"  # "Minnesota Democrats", "House Republicans": a group
    if name.lower() in DEMONYMS or _without_possessive(name.lower()) in ORG_WORDS:
        return name, "organization"
    if len(parts) >= 2 or titled:
        return name, "person"
    return name, "unknown"


def _name_after_place(rest: tuple[str, ...]) -> bool:
    """The words after a place read as a person's first name and surname ("Kurt Volker"), not as the rest of a body's
    name ("Ukraine Air Force", "America First Action"): two or three words, no body's word or acronym, none a
    familiar word (the Dale-Chall list: "First"; a name such as "Bill Taylor" is left as it was, precision first)."""
    lowered = [_without_possessive(p.lower().rstrip(".")) for p in rest]
    return (2 <= len(rest) <= 3 and not set(lowered) & ORG_WORDS and not any(_acronym(p) for p in rest)
            and not set(lowered) & easy_words())


def _surname_key(word: str) -> str:
    """The word folded with a possessive dropped ("Orbán’s" -> "orban"), for completing a speaker's name."""
    return fold(_without_possessive(word))


IS_CAPITALISED = WordMemo(_is_capitalised)
FOLDED = WordMemo(fold)  # case and accents dropped ("Orbán" -> "orban"), for counting a surname's mentions
SURNAME_KEY = WordMemo(_surname_key)


class _DocWords:
    """Where a document's possible attribution verbs and name words are.

    The actor search visits only the positions listed here (most words are neither). Every per-word test
    runs in C: a set look-up over the words, or a cached function over the document's distinct words
    (about half as many), whose results are the words looked up in `at`."""

    def __init__(self, words: tuple[str, ...], places: frozenset[str]) -> None:
        self.words = words
        self.places = places  # place_names of the document's registry: a name that is a place names no speaker
        self.verbs_at: list[int] = list(compress(range(len(words)), map(VERB_STARTS.__contains__, words)))

    @cached_property
    def written(self) -> frozenset[str]:
        """Every distinct word of the document as written."""
        return frozenset(self.words)

    def positions(self, word: str) -> list[int]:
        """Where `word` occurs, as written or with a possessive ("Orbán’s" counts for "Orbán").

        Looked up in the document's word positions (`at`) for the three forms, rather than a table of every word
        stripped in Python."""
        if _possessive(word):
            return []  # words are looked up without their possessive
        return self._where({word, *(word + possessive for possessive in POSSESSIVE_ENDINGS)})

    def written_apart(self, word: str, neighbour: str, step: int) -> bool:
        """Whether `word` occurs somewhere without `neighbour` next to it (step -1: before it, 1: after it)."""
        words = self.words
        return any(not (0 <= p + step < len(words)) or _without_possessive(words[p + step]) != neighbour
                   for p in self.positions(word))

    @cached_property
    def surname_keys(self) -> tuple[str, ...] | None:
        """Each word's SURNAME_KEY; None when one of them is more than one word (a compatibility form folded with a
        space, which a name's family name may be a part of)."""
        keys = tuple(map(SURNAME_KEY.__getitem__, self.words))
        return keys if len("\0".join(keys).split()) <= 1 else None

    @cached_property
    def distinct(self) -> list[str]:
        """The document's distinct words, in no particular order (from `written`: one set per document)."""
        return list(self.written)

    def folded(self, i: int) -> str:
        """Word i folded."""
        return FOLDED[self.words[i]]

    def where_folded(self, wanted: set[str]) -> list[int]:
        """Positions of the words whose folded form is in `wanted`."""
        return self._where(set(compress(self.distinct, map(wanted.__contains__, map(FOLDED.__getitem__, self.distinct)))))

    def where_surname(self, wanted: set[str]) -> list[int]:
        """Positions of the words that, as surnames, are in `wanted` ("Orbán’s" counts for "orban")."""
        return self._where(set(compress(self.distinct, map(wanted.__contains__, map(SURNAME_KEY.__getitem__, self.distinct)))))

    @cached_property
    def at(self) -> dict[str, list[int]]:
        """Each distinct word's positions, in order. Built in one pass when the first word is looked up: a
        document is asked for five or so sets of words, and each scan of the words costs about as much as
        a third of this pass (every word object is read from memory again)."""
        at: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            positions = at.get(word)
            if positions is None:
                at[word] = [i]
            else:
                positions.append(i)
        return at

    def _where(self, forms: set[str]) -> list[int]:
        """Positions of the words written as one of `forms`."""
        at = self.at
        found = [at[form] for form in forms if form in at]
        if len(found) == 1:
            return list(found[0])
        return sorted(chain.from_iterable(found))


def _within(indexes: list[int], first: int, last: int) -> list[int]:
    """The sorted `indexes` lying in [first, last)."""
    return indexes[bisect_left(indexes, first):bisect_left(indexes, last)]


def find_actors(context: DocContext) -> list[Actor]:
    """Actors quoted or paraphrased in the document's body, sorted by name."""
    sentences = _sentence_ranges(context)
    doc_words = _DocWords(context.tokens.words, place_names(context.resources.registry))
    statements = _statements(context, sentences, doc_words)
    if not statements:
        return []
    people = _person_names(context, statements, sentences, doc_words)
    fuller = _fuller_forms(people)
    grouped: dict[str, list[_Statement]] = {}
    for statement in statements:
        name = _canonical(statement.name, people, fuller)
        grouped.setdefault(fuller.get(name, name), []).append(statement)
    _merge_short_bodies(grouped, context, doc_words)
    word_counts = _body_word_counts(context, {_surname(fold(name).split()) for name in grouped}, doc_words)
    actors: list[Actor] = []
    for name, items in grouped.items():
        kinds = {s.kind for s in items}
        if "person" in kinds or name in people:
            kind = "person"
            if " " in name and (outlet_kind := _registry_kind(name, context)) in ("outlet", "agency", "platform"):
                kind = outlet_kind  # an outlet's name as the registry reads it in running text ("Free Beacon"): no person
            elif " " in name and not any(s.personal for s in items) and _named_as_body(name, context, doc_words):
                kind = "organization"  # "her former label Big Machine, which owns her masters": a body, named as one
        elif "organization" in kinds:
            kind = "organization"
            if " " in name and (outlet_kind := _registry_kind(name, context)) in ("outlet", "agency", "platform"):
                kind = outlet_kind  # a publication's name read as a body's ("Business Insider"): the registry's outlet
            elif " " in name and outlet_kind is None and _written_in_lower_case(name, context, doc_words):
                continue  # "according to the Household Survey" beside "the household survey captures": a thing, no body's name
        elif _common_word(name, doc_words.written) and not _named_as_person(name, context, doc_words):
            # "Analysts say", "Article posted with permission": a common noun, no speaker the text names; a surname
            # that reads as one ("Wills" beside "Garry Wills") stays
            continue
        else:
            kind = _registry_kind(name, context) or ("organization" if _inner_capital(name) else "")
            if not kind:
                # One capitalised word ("Amazon said", "Article posted"): a person only on evidence of one.
                if not (any(s.personal for s in items) or _named_as_person(name, context, doc_words)):
                    continue
                kind = "person"
        first_start = min(s.start for s in items)
        if _names_no_speaker(name, kind, context, first_start) or (kind == "person" and _written_as_place(name, context, doc_words)):
            continue
        verbs = Counter(s.verb for s in items)
        surname = _surname(fold(name).split())
        actors.append(Actor(
            name=name,
            kind=kind,
            mentions=max(word_counts.get(surname, 0), len(items)),
            quoted=sum(1 for s in items if s.quoted),
            paraphrased=sum(1 for s in items if not s.quoted),
            verbs=tuple(sorted(verbs)),
            verb_counts=tuple(sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))),
            first_start=first_start,
        ))
    return sorted(actors, key=lambda a: (a.key, a.name))


def _merge_short_bodies(grouped: dict[str, list[_Statement]], context: DocContext, doc_words: _DocWords) -> None:
    """A body's statements under its last word alone go to the one longer body's name of the document ending with that
    word ("the Herald" -> "Miami Herald", "the Times" -> "New York Times"): a speaker's, else one the body writes where
    no speaker has one ("the Catholic Herald has reported"). A name with a lower-case word ("University of Florida")
    ends with no head word, a place's name ("Florida") is no short form, and two such names leave it apart. So do a
    short name of more words ("News Wire" -> "Trice Edney News Wire") and an acronym of a body's initials ("WHO")."""
    bodies = [name for name, items in grouped.items() if " " in name and any(s.kind == "organization" for s in items)
              and all(w[:1].isupper() for w in name.split())]
    for short in [name for name, items in grouped.items() if " " not in name and all(s.kind == "organization" for s in items)]:
        if fold(short) in doc_words.places:
            continue
        longer = [name for name in bodies if fold(name.split()[-1]) == fold(short)]
        if not longer and not _acronym(short) and (written := _longer_body_name(short, context, doc_words)):
            longer = [written]
            grouped.setdefault(written, [])
        if len(longer) == 1:
            grouped[longer[0]].extend(grouped.pop(short))
    # "The News Wire reported" beside "the Trice Edney News Wire": a body's name of two words and more that ends the one
    # longer body's name the document writes; not one the outlet registry knows as it stands ("Free Beacon" beside
    # "Washington Free Beacon"), which the citations read as that outlet
    registry = context.resources.registry
    for short in [name for name in bodies if name in grouped and all(s.kind == "organization" for s in grouped[name])]:
        if fold(short) in doc_words.places or any(map(_acronym, short.split())):
            continue
        if registry is not None and (registry.lookup_name(short) is not None or registry.lookup_joined(short.split()) is not None):
            continue
        if (written := _longer_body_name(short, context, doc_words)) is not None:
            grouped.setdefault(written, []).extend(grouped.pop(short))
    # "WHO says" beside "the World Health Organization said": an acronym that is the initials of one body's name
    for short in [name for name, items in grouped.items() if _acronym(name) and all(s.kind == "organization" for s in items)]:
        longer = [name for name in bodies if name in grouped and initials(name) == short]
        if len(longer) == 1:
            grouped[longer[0]].extend(grouped.pop(short))


COUNTRIES_PATH = Path(__file__).resolve().parent / "data" / "countries.txt"


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded names of the world's countries and inhabited territories (analysis/data/countries.txt, from the Unicode
    CLDR: see countries.md), "sierra leone", "puerto rico"."""
    with COUNTRIES_PATH.open(encoding="utf-8") as handle:
        return frozenset(fold(line.strip()) for line in handle if line.strip())


def place_names(registry: Registry | None) -> frozenset[str]:
    """Folded names of countries and their usual short forms, capitals and demonyms: the countries of
    analysis/data/countries.txt and of the registry, CountryCounts.DEMONYMS ("US", "Britain", "Moscow"), PLACE_WORDS
    and NATIONALITIES. Built once per registry (kept in its `derived` values), not per document."""
    from .citations import CountryCounts  # imported here: analysis.citations imports this module
    if registry is not None and "place_names" in registry.derived:
        return registry.derived["place_names"]
    names = {fold(name) for forms in CountryCounts.DEMONYMS.values() for name in forms} | set(map(fold, CountryCounts.DEMONYMS))
    names |= NATIONALITIES | PLACE_WORDS | country_names()
    if registry is None:
        return frozenset(names)
    registry.derived["place_names"] = frozenset(names | registry.country_names)
    return registry.derived["place_names"]


def apposed_place(name: str, text: str, near: int) -> bool:
    """Whether a one-word name, where the text writes it last before its statement (at offset `near`), follows a
    place and a comma and is followed by a comma ("in Greenbelt, Maryland, has confirmed", "Walton County, Georgia,
    stated"): the second part of a place's name, never a speaker."""
    last = _last_whole_word(text, name, max(0, near - NAME_WINDOW), near)
    if last < 0:
        return False
    end = last + len(name)
    return APPOSED_PLACE_BEFORE_RE.search(text, max(0, last - 40), last) is not None and text[end:end + 1] == ","


def _is_word_char(char: str) -> bool:
    """Whether `char` (one character, or "" past the text's edge) is one the regex class [\\w-] holds."""
    return char == "-" or char == "_" or char.isalnum()


def _last_whole_word(text: str, name: str, start: int, end: int) -> int:
    """Where the last match of (?<![\\w-])NAME(?![\\w-]) in text[start:end] (regex pos/endpos, non-overlapping
    matches left to right) starts; -1 for none. Substring searches instead of a regex compiled for each name:
    re's cache of compiled patterns holds 512, so a per-name pattern was mostly compiled afresh (~0.03 ms a document)."""
    last = -1
    at = text.find(name, start, end)
    while at >= 0:
        after = at + len(name)
        # the look-behind sees the text before `start`; the look-ahead sees nothing at or past `end`
        if not _is_word_char(text[at - 1:at] if at > 0 else "") and (after >= end or not _is_word_char(text[after:after + 1])):
            last = at
            at = text.find(name, after, end)  # finditer goes on after the match
        else:
            at = text.find(name, at + 1, end)
    return last


def _names_no_speaker(name: str, kind: str, context: DocContext, near: int) -> bool:
    """Whether a speaker's name names no one: a person's name that is an account ("LinkedIn Account") or a country,
    capital or nationality ("North Korea"); any one-word name written as the second part of a place ("Greenbelt,
    Maryland, has confirmed", "Walton County, Georgia, stated")."""
    if kind == "person" and (name.split()[-1].lower() in ACCOUNT_WORDS or fold(name) in place_names(context.resources.registry)):
        return True
    return " " not in name and apposed_place(name, context.document.text, near)


def _written_as_place(name: str, context: DocContext, doc_words: _DocWords) -> bool:
    """The document writes the name right after "in" somewhere ("what happened in Las Vegas", "in Puerto Rico"): a
    place, however a statement's subject read it ("said Las Vegas attorney Maggie McLetchie"). Looked up at the
    name's first word only."""
    tokens, text = context.tokens, context.document.text
    parts = name.split()
    for p in doc_words.positions(parts[0]):
        if (p > 0 and tokens.lower_words[p - 1] == "in" and text[tokens.word_ends[p - 1]:tokens.word_starts[p]] == " "
                and tuple(tokens.words[p:p + len(parts)]) == tuple(parts)):
            end = p + len(parts) - 1  # the name ends there, not inside a longer name ("in Las Vegas Review-Journal")
            if end + 1 >= len(tokens.words) or not tokens.words[end + 1][:1].isupper() or text[tokens.word_ends[end]:tokens.word_starts[end + 1]] != " ":
                return True
    return False


def _named_as_person(name: str, context: DocContext, doc_words: _DocWords) -> bool:
    """The document writes the one word as a person's name somewhere, boilerplate included: after a first name or
    a title ("Kristi Noem", "Sheriff Lombardo", "Mr. Lombardo"; "Jennifer Ngo-Anh" for "Anh" and "Ngo-Anh"), or before
    "who" ("Cruz, who said"; a thing's "which"). A hyphenated name is looked up by its last part (the tokens split at
    hyphens), where the parts before it are written glued to it; a name of two words by its last word."""
    tokens, text = context.tokens, context.document.text
    sentence_starts = [start for start, _ in tokens.sentence_spans]
    parts = name.split()[-1].split("-")  # a name of two words by its last ("Picabo Street" by "Ms. Street")
    for p in doc_words.positions(parts[-1]):
        opening = p - len(parts) + 1  # the name's first word
        if opening < 0 or any(tokens.words[opening + k] != part or text[tokens.word_ends[opening + k]:tokens.word_starts[opening + k + 1]] != "-"
                              for k, part in enumerate(parts[:-1])):
            continue
        if p + 1 < len(tokens.words) and tokens.lower_words[p + 1] in ("who", "whose") and text[tokens.word_ends[p]:tokens.word_starts[p + 1]] in (" ", ", "):
            return True
        # a title written short with a full stop, which ends a sentence for the tokenizer too ("Mr. Lombardo"); one
        # written in lower case ends a sentence ("named the new chief. Lombardo")
        # ("Fr.\nHunwicke": a text broken into lines at each full stop breaks the line inside the name too)
        if (opening > 0 and tokens.lower_words[opening - 1] in TITLE_WORDS and tokens.words[opening - 1][:1].isupper()
                and text[tokens.word_ends[opening - 1]:tokens.word_starts[opening]] in (". ", ".\n")):
            return True
        sentence = _sentence_at(context, p, doc_words, sentence_starts)
        span = sentence.name_ending_at(p)  # a hyphenated surname's last part ("Anh") ends its whole name ("Jennifer Ngo-Anh")
        if span and span[1] - span[0] >= 2 and not sentence.piece(span) and sentence.name(span)[1] == "person":
            return True
    return False


def _sentence_at(context: DocContext, p: int, doc_words: _DocWords, sentence_starts: list[int]) -> _Sentence:
    """The sentence holding word p (`sentence_starts`: where the document's sentences start)."""
    tokens = context.tokens
    s_start, s_end = tokens.sentence_spans[max(0, bisect_right(sentence_starts, tokens.word_starts[p]) - 1)]
    first = bisect_left(tokens.word_starts, s_start)
    return _Sentence(context.document.text, tokens, first, bisect_right(tokens.word_ends, s_end, first), doc_words)


def _longer_body_name(short: str, context: DocContext, doc_words: _DocWords) -> str | None:
    """The one body's name of capitalised words ending with the one word `short` that the document's body writes
    ("the Catholic Herald has just reported" for "The Herald asks"), or None for none or two ("Miami Herald", "Catholic
    Herald")."""
    spans, segmentation = context.tokens.word_spans, context.segmentation
    sentence_starts = [start for start, _ in context.tokens.sentence_spans]
    found = set()
    tail = short.split()  # one word ("Herald") or a body's short name of more ("News Wire")
    for p in doc_words.positions(tail[-1]):
        if segmentation.in_boilerplate(*spans[p]):
            continue
        sentence = _sentence_at(context, p, doc_words, sentence_starts)
        span = sentence.name_ending_at(p)
        if not span or span[1] - span[0] < 2 or sentence.piece(span):
            continue
        name, kind = sentence.name(span)
        name = _without_possessive(name)
        words = name.split()
        if len(tail) > 1 and any(_possessive(w) or w.lower() in ENGLISH_STOP_WORDS for w in words[:-len(tail)]):
            continue  # "Britain's Conservative Party", "One Home Depot": a possessor or a word opening the sentence
        if (kind == "organization" and len(words) > len(tail) and words[-len(tail):] == tail and all(w[:1].isupper() for w in words)
                and not (span[1] < sentence.last and sentence.joined(span[1] - 1) and sentence.lower[span[1]] in TITLE_WORDS)):
            found.add(name)  # (not a name qualifying a title after it: "VOA Pentagon correspondent Carla Babb")
    return next(iter(found)) if len(found) == 1 else None


def _named_as_body(name: str, context: DocContext, doc_words: _DocWords) -> bool:
    """A name of two words or more that the document writes as a body's and never as a person's: right after a noun for
    a body ("her former label Big Machine") or before ", which", or opening with the name of a
    body the outlet registry reads in running text ("Facebook Messenger", "Guardian Australia"); and nowhere after a
    title or before "who". A multi-word name is a person's by default (_clean_name); this is the evidence against."""
    parts = name.split()
    if any("-" in part for part in parts):
        return False  # the tokens split at hyphens: such a name is not looked up here
    tokens, text = context.tokens, context.document.text
    words, lower, starts, ends = tokens.words, tokens.lower_words, tokens.word_starts, tokens.word_ends
    body = _registry_kind(parts[0], context) in ("outlet", "agency", "platform", "organization") and fold(parts[0]) not in doc_words.places
    for p in doc_words.positions(parts[0]):
        end = p + len(parts)
        if end > len(words) or [_without_possessive(w) for w in words[p:end]] != parts:
            continue
        if p > 0 and text[ends[p - 1]:starts[p]] in (" ", ". ", ", "):
            if lower[p - 1] in TITLE_WORDS and words[p - 1][:1].isupper():
                return False  # "Mr. Big Machine": a person
            # right after the noun ("her former label Big Machine"); after a comma the name may be a member's ("a
            # researcher with the organisation, Matthew Collins, said")
            body = body or (lower[p - 1] in BODY_NOUNS and text[ends[p - 1]:starts[p]] == " ")
        if end < len(words) and text[ends[end - 1]:starts[end]] in (" ", ", "):
            if lower[end] in ("who", "whose"):
                return False
            body = body or (lower[end] == "which" and text[ends[end - 1]:starts[end]] == ", ")
    return body


def _written_in_lower_case(name: str, context: DocContext, doc_words: _DocWords) -> bool:
    """The body writes the capitalised words of a name of two words or more also as a phrase in lower case ("the
    household survey captures" beside "according to the Household Survey"): a common noun phrase capitalised, which
    names no particular body. Names with an acronym or a possessive are left alone."""
    parts = name.split()
    if any(_acronym(part) or _possessive(part) or not part[:1].isupper() for part in parts):
        return False
    lowered = [part.lower() for part in parts]
    tokens, text, segmentation = context.tokens, context.document.text, context.segmentation
    words, starts, ends = tokens.words, tokens.word_starts, tokens.word_ends
    for p in doc_words.positions(lowered[0]):
        end = p + len(parts)
        if (end <= len(words) and list(words[p:end]) == lowered and all(text[ends[k]:starts[k + 1]] == " " for k in range(p, end - 1))
                and not segmentation.in_boilerplate(starts[p], ends[end - 1])):
            return True
    return False


def _common_word(name: str, written: frozenset[str]) -> bool:
    """One capitalised common noun, not a name: the document also writes it in lower case, alone or as its
    singular ("Reports" beside "report"), its plural's singular is a familiar word (the Dale-Chall list,
    analysis/data/dale_chall_easy_words.txt: "Reports"), or it has the ending of an abstract noun or of a plural
    of persons ("Investigation", "Analysts")."""
    if " " in name or name == name.lower():
        return False
    lower = name.lower()
    if lower.endswith(COMMON_NOUN_ENDINGS):
        return True
    singulars = {lower}
    if lower.endswith("s") and not (lower.endswith("ss") or _possessive(lower)):
        singulars |= {lower[:-1], lower[:-2] if lower.endswith("es") else lower, lower[:-3] + "y" if lower.endswith("ies") else lower}
        if (singulars - {lower}) & easy_words():
            return True
    return bool(singulars & written)


# Endings of abstract nouns and of plurals of persons, which no name has ("Investigation", "Analysts").
COMMON_NOUN_ENDINGS = ("tion", "tions", "sion", "sions", "ments", "ities", "ists", "ysts")




# Surname prefixes written with an inner capital ("McMaster", "DeSantis", "O’Malley", "MacArthur", "LaHood").
INNER_CAPITAL_PREFIXES = ("Mc", "Mac", "O’", "O'", "D’", "D'", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz")


def _inner_capital(name: str) -> bool:
    """One word with a capital inside it after a lower-case letter, not past a surname prefix, or capitals before
    two lower-case letters at least: a brand or a site ("WikiLeaks", "LifeSite", "YouTube", "SHTFplan"; not "MPs"),
    not a person."""
    if " " in name or not re.search(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]{2}", name):
        return False
    return not any(name.startswith(prefix) and name[len(prefix):][:1].isupper() for prefix in INNER_CAPITAL_PREFIXES)


def _body_word_counts(context: DocContext, wanted: set[str], doc_words: _DocWords) -> Counter[str]:
    """How often each folded word of `wanted` occurs in the body (only the speakers' surnames are ever asked for)."""
    spans = context.tokens.word_spans
    segmentation = context.segmentation
    has_boilerplate = any(block.kind == BOILERPLATE for block in segmentation.blocks)
    counts: Counter[str] = Counter()
    for i in doc_words.where_folded(wanted):
        if not (has_boilerplate and segmentation.in_boilerplate(*spans[i])):
            counts[doc_words.folded(i)] += 1
    return counts


def _registry_kind(name: str, context: DocContext) -> str | None:
    """The kind of a bare name the outlet registry knows: a country ("Canada said") is an organisation (its
    government), an outlet keeps its registry kind (outlet, agency, platform, organization) when the registry
    reads that name in running text as it stands; None for anything else."""
    registry = context.resources.registry
    if registry is None:
        return None
    if fold(name) in registry.country_names:
        return "organization"
    outlet = registry.lookup_name(name)
    if outlet is None or outlet.kind not in ("outlet", "agency", "platform", "organization"):
        return None
    # Only a name the registry reads in running text as it stands ("Breitbart", "Reuters"): one it needs a cue
    # for ("~Dawn", "~Vox") or keeps for titles and furniture ("The Hill") is also a person's name.
    key = alias_key(name)
    if any(alias_key(alias) == key for alias in outlet.text_aliases if not alias.startswith(tuple(MARKS))):
        return outlet.kind
    return None


def _fuller_forms(people: list[str]) -> dict[str, str]:
    """Short first names mapped to the full form the document also gives ("Josh Apte" -> "Joshua Apte"): same
    other words, the first name a prefix (3+ letters, 2+ fewer) of exactly one other person's. Ambiguous forms stay apart."""
    by_rest: dict[tuple[str, ...], list[str]] = {}
    for person in people:
        words = fold(person).split()
        if len(words) >= 2:
            by_rest.setdefault(tuple(words[1:]), []).append(person)
    fuller: dict[str, str] = {}
    for group in by_rest.values():
        for short in group:
            first = fold(short).split()[0]
            # two letters more at least: "Paula Manafort" is a misprint of "Paul Manafort", not his full name
            longer = [p for p in group if p != short and len(fold(p).split()[0]) >= len(first) + 2 and len(first) >= 3
                      and fold(p).split()[0].startswith(first)]
            if len(longer) == 1:
                fuller[short] = longer[0]
    _nickname_forms(people, fuller)
    return fuller


NICKNAMES_PATH = Path(__file__).resolve().parent / "data" / "nicknames.csv"


@lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """Given names (lower case) -> their common short forms (analysis/data/nicknames.csv: "charles" -> chuck, charlie, …)."""
    with NICKNAMES_PATH.open(encoding="utf-8") as handle:
        lines = [line.strip() for line in handle][1:]
    rows = [line.split(",", 1) for line in lines if line and not line.startswith("#")]
    return {name: frozenset(forms.split("|")) for name, forms in rows}


def _nickname_forms(people: list[str], fuller: dict[str, str]) -> None:
    """Names given with a short form of a given name mapped to the one name of the document with that given name and
    the same surname ("Chuck Grassley" -> "Charles E. Grassley", "Bill Clinton" -> "William Jefferson Clinton"): the
    short form's middle names, if it has any, are the other's. A short form fitting two names ("Pat" of "Patrick Kane"
    and "Patricia Kane") stays apart."""
    table = nicknames()
    folded = {person: fold(person).split() for person in people}
    for short, words in folded.items():
        if short in fuller or len(words) < 2 or _family_name_first(words):
            continue
        surname = _surname(words)
        formal = [person for person, other in folded.items()
                  if len(other) >= 2 and _surname(other) == surname and words[0] in table.get(other[0], ())
                  and (words[1:-1] == [] or words[1:-1] == other[1:-1])]
        if len(formal) == 1:
            fuller[short] = fuller.get(formal[0], formal[0])


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """The words of `shorter` are a contiguous run of the words of `longer`."""
    n = len(shorter)
    return any(longer[k:k + n] == shorter for k in range(len(longer) - n + 1))


def _canonical(name: str, people: list[str], fuller: dict[str, str] | None = None) -> str:
    """The one fuller person name of the document this name is part of ("Barros" -> "Juan Barros"), in its fuller
    form, or the name itself. A one-word name must be the fuller name's family name, its last word or, for a name
    written family name first, its first ("Lu" of "Lu Kang", see _family_name_first); a longer one may be
    any contiguous part of it ("Juan Carlos" of "Juan Carlos Cruz"). A name that is part of two names not part of
    each other ("Saris" of "Patti Saris" and "Kritarch Saris") is not merged: no name is built from pieces. A surname
    is the last word before a generation ("Kennedy" of "James P. Kennedy Jr")."""
    words = fold(name).split()
    candidates = []
    for person in people:
        folded_person = fold(person).split()
        if folded_person == words or (len(words) == 1 and _is_surname(words[0], folded_person)) or (len(words) > 1 and _contains(folded_person, words)):
            candidates.append((folded_person, (fuller or {}).get(person, person)))
    if not candidates:
        return name
    # people are sorted longest first: the first candidate is a longest one; every other must be part of it, or
    # be the same name with a first name of the same initial ("Tom Weinandy" for "Thomas Weinandy", see _variant)
    longest_words, longest = candidates[0]
    if all(_contains(longest_words, other) or _variant(longest_words, other) for other, full in candidates[1:] if full != longest):
        return longest
    return name


def _is_surname(word: str, person: list[str]) -> bool:
    """The folded word is the surname of the folded person's name, or the last part of a hyphenated one ("cortez" of
    "alexandria ocasio-cortez": the tokens split at hyphens, and "Ocasio-Cortez added" names "Cortez")."""
    surname = _surname(person)
    return word in (surname, surname.rsplit("-", 1)[-1])


def _family_name_first(words: list[str]) -> bool:
    """The folded name is written family name first ("lu kang", "kim jong un", "moon jae-in"): a Chinese or Korean
    family name, then one or two given-name words of romanised syllables."""
    return (2 <= len(words) <= 3 and words[0] in FAMILY_NAMES_FIRST
            and all(GIVEN_NAME_RE.fullmatch(part) for word in words[1:] for part in word.split("-")))


def _surname(words: list[str]) -> str:
    """The family name of a folded name: its first word where written first ("lu" of "lu kang"), else its last word
    before a generation ("kennedy" of "james p. kennedy jr")."""
    if _family_name_first(words):
        return words[0]
    while len(words) > 2 and words[-1].rstrip(".") in GENERATIONS:
        words = words[:-1]
    return words[-1]


def _variant(name: list[str], other: list[str]) -> bool:
    """Two folded names of one person: the same surname and the same first initial, a middle name or a first
    name's short form apart ("thomas weinandy" / "tom weinandy", "carlo maria vigano" / "carlo vigano")."""
    return len(other) >= 2 and name[-1] == other[-1] and name[0][:1] == other[0][:1]


def _person_names(context: DocContext, statements: list[_Statement], sentences: list[tuple[int, int, int, int]], doc_words: _DocWords) -> list[str]:
    """Full names in the body that complete the speakers' names ("Orbán" -> "Viktor Orbán"), longest first."""
    # a hyphenated surname by its last part: the tokens split at hyphens ("Ngo-Anh" is found at "Anh")
    wanted = {fold(s.name.split()[-1]).rsplit("-", 1)[-1] for s in statements if s.kind != "organization"}
    names: set[str] = {s.name for s in statements if s.kind == "person"}
    names |= _full_names(context, sentences, doc_words.where_surname(wanted), doc_words)
    full = [fold(name).split() for name in names if " " in name]
    uncompleted = {word for word in wanted if not any(_is_surname(word, person) for person in full)}
    if uncompleted:
        names |= _teaser_names(context, uncompleted, doc_words)
    return sorted(names, key=lambda n: (-len(n.split()), n))


# A boilerplate sentence read for a speaker's full name holds at least this many lower-case words: a teaser's
# sentence ("Chairman Adam Schiff made closing remarks Tuesday"), not a list of tags or links ("Impeachment Bill Barr
# Jeffrey Epstein Ford").
TEASER_LOWER_WORDS = 3


def _teaser_names(context: DocContext, surnames: set[str], doc_words: _DocWords) -> set[str]:
    """Full names completing surnames the body writes alone ("Schiff asked"), from the page's boilerplate: its teasers
    and the lead a page's layout set apart ("House Intelligence Committee Chairman Adam Schiff and ranking Republican
    Devin Nunes made closing remarks"). Precision first: only a surname the boilerplate's prose completes with one name
    of two or three words; two ("John Ford", "Harrison Ford") may be two persons, and a name from a list of tags or
    links may be run together with its neighbours."""
    tokens = context.tokens
    words, lower_words = tokens.words, tokens.lower_words
    sentences = [sentence for sentence in _sentence_ranges(context, boilerplate=True)
                 if sum(1 for k in range(sentence[2], sentence[3]) if words[k] == lower_words[k] and lower_words[k].isalpha()) >= TEASER_LOWER_WORDS]
    found: dict[str, set[str]] = {}
    for name in _full_names(context, sentences, doc_words.where_surname(surnames), doc_words):
        person = fold(name).split()
        for surname in surnames:
            if _is_surname(surname, person):
                found.setdefault(surname, set()).add(name)
    return {next(iter(names)) for names in found.values() if len(names) == 1 and len(next(iter(names)).split()) <= 3}


def _full_names(context: DocContext, sentences: list[tuple[int, int, int, int]], surnames_at: list[int], doc_words: _DocWords) -> set[str]:
    """The persons' names of two words or more ending (or, written family name first, starting) at the words
    `surnames_at` of `sentences`."""
    tokens = context.tokens
    text = context.document.text
    names: set[str] = set()
    for _, _, first, last in sentences:
        candidates = _within(surnames_at, first, last)
        if not candidates:
            continue
        sentence = _Sentence(text, tokens, first, last, doc_words)
        for i in candidates:
            spans = [(sentence.name_ending_at(i), False)]
            if doc_words.folded(i) in FAMILY_NAMES_FIRST:
                spans.append((sentence.name_starting_at(i), True))  # "Lu" of "Lu Kang": the family name first
            for span, family_first in spans:
                if not span or span[1] - span[0] < 2 or sentence.piece(span) or (family_first and span[0] != i):
                    continue
                name, kind = sentence.name(span)
                name = _without_possessive(name)
                if kind == "person" and len(name.split()) >= 2 and (not family_first or _family_name_first(fold(name).split())):
                    names.add(name)
    return names


def _sentence_ranges(context: DocContext, boilerplate: bool = False) -> list[tuple[int, int, int, int]]:
    """(start, end, first word, end word) of each body sentence, or of each boilerplate sentence where `boilerplate`."""
    tokens = context.tokens
    segmentation = context.segmentation
    word_starts, word_ends = tokens.word_starts, tokens.word_ends
    ranges = []
    for s_start, s_end in tokens.sentence_spans:
        first = bisect_left(word_starts, s_start)
        last = bisect_right(word_ends, s_end, first)  # word ends increase: the first word ending past the sentence
        if first == last or segmentation.in_boilerplate(s_start, s_end) != boilerplate:
            continue
        ranges.append((s_start, s_end, first, last))
    return ranges


def _statements(context: DocContext, sentences: list[tuple[int, int, int, int]], doc_words: _DocWords) -> list[_Statement]:
    """Every attribution in the body, tied to a speaker where one can be found."""
    tokens = context.tokens
    text = context.document.text
    quotes = context.quotes
    # A word lies in a quotation when one starting before it ends at or after its end: the latest end
    # among the quotations starting before a word answers that with one bisection.
    quote_starts = [q.start for q in quotes]
    latest_end = list(accumulate((q.end for q in quotes), max, initial=-1))

    def in_quotation(i: int) -> bool:
        start, end = tokens.word_spans[i]
        return latest_end[bisect_left(quote_starts, start)] >= end
    statements: list[_Statement] = []
    recent = _RecentPersons()
    breaks = _paragraph_breaks(text)
    paragraph = -1
    for s_start, s_end, first, last in sentences:
        sentence = _Sentence(text, tokens, first, last, doc_words)
        sentence.quoted = in_quotation
        # a paragraph of the author's own ("Meanwhile, the ministry …"), not one a quotation opens or goes on in
        paragraph, previous = bisect_right(breaks, s_start), paragraph
        opens = paragraph != previous
        # (nor a paragraph going on in lower case after furniture cut it: "revealed that Budapest was ¶ Written by … ¶ actively",
        # nor one going on about a person: "It will become law unless he vetoes it.")
        paragraph_text = text[s_start:breaks[paragraph] if paragraph < len(breaks) else len(text)] if opens else ""
        narrative = (opens and not in_quotation(first) and text[s_start:s_start + 1] not in QUOTE_OPENERS and not text[s_start:s_start + 1].islower()
                     and not _continues_quotation(paragraph_text) and not PERSONAL_PRONOUN_RE.search(paragraph_text))
        recent.reading(paragraph, narrative)
        sentence_has_quote: bool | None = None  # looked up at the sentence's first statement
        for i in _within(doc_words.verbs_at, first, last):  # the other words cannot open an attribution
            word = tokens.words[i]
            if word == "According":
                word = "according"
            verb, width = ATTRIBUTION_VERBS.get(word), 1
            if i + 1 < last and (word, tokens.lower_words[i + 1]) in MULTIWORD_VERBS:
                verb, width = MULTIWORD_VERBS[(word, tokens.lower_words[i + 1])], 2
            if verb is None:
                continue
            start, end = tokens.word_spans[i]
            if in_quotation(i):
                continue  # quoted, not an attribution
            if word in NOUN_FORM_VERBS and not _noun_form_reports(sentence, i):
                continue
            if verb in SPEECH_IF_REPORTING and not sentence.reports(i):
                continue
            if verb == "put it" and not sentence.puts_it(i):
                continue
            if verb in SPEECH_IF_QUOTING and not sentence.quotation_follows(i):
                continue
            if verb in SPEECH_IF_TEXT and width == 1 and not sentence.reports(i) and _object_no_text(sentence, i):
                continue
            speaker = _speaker(sentence, i, width, verb, recent)
            if speaker is None and word in REPORTING_PARTICIPLES and sentence.reports(i):
                speaker = _participle_subject(sentence, i, recent)
            if speaker is None or speaker.kind in ("none", "place"):
                if verb not in SPEECH_IF_QUOTING and _unnamed_subject(sentence, i):
                    recent.spoke_unnamed()  # "A government spokesman said …  He added": not the last person named
                continue
            name, kind, by_reference = speaker
            name = _without_possessive(name)  # one statement's speaker "Guardian's", another's "Guardian": one speaker
            if kind == "person" and _only_titles(name):
                recent.spoke_unnamed()  # "Hungary's Prime Minister said": an office, not a name
                continue
            if sentence_has_quote is None:
                sentence_has_quote = any(q.start < s_end and q.end > s_start for q in quotes) or _introduces_quotation(text, s_start, s_end)
            personal = by_reference or sentence.pronoun_follows(i + width - 1)
            # ('“… on whose authority?” said Hill': the quotation closes the sentence before the verb's)
            quoted = sentence_has_quote or (i == first and bool(_question_closed(sentence, i)))
            statements.append(_Statement(name, kind, verb, quoted, start, personal))
            if kind == "person" or (kind == "unknown" and not _inner_capital(name)):  # "WikiLeaks said" is no "he"
                recent.spoke(name, by_reference=i if by_reference else None)
        for speaker, verb, at in _introductions(sentence, s_start, s_end, recent):
            name, kind, by_reference = speaker
            statements.append(_Statement(_without_possessive(name), kind, verb, True, tokens.word_spans[at][0], by_reference))
            if kind == "person":
                recent.spoke(name, by_reference=at if by_reference else None)
        recent.read_later(sentence)
    statements.extend(_transcript_statements(context))
    return statements


NEXT_PARAGRAPH_RE = re.compile(r"[ \t]*\n\s*(?=\S)")


def _introduces_quotation(text: str, s_start: int, s_end: int) -> bool:
    """The sentence ends its line with a colon and the next paragraph opens with a quotation mark ("Carlson said: ¶
    “…"): the quotation below is the statement's, as one in the sentence would be."""
    if not text[s_start:s_end].rstrip().endswith(":"):
        return False
    gap = NEXT_PARAGRAPH_RE.match(text, s_end)
    return gap is not None and text[gap.end():gap.end() + 1] in QUOTE_OPENERS


def _only_titles(name: str) -> bool:
    """The name is made of titles and offices only ("Prime Minister", "Deputy Director"): it names no one."""
    return all(word.lower().rstrip(".") in TITLES_AND_ROLES or word.lower() in RANK_QUALIFIERS for word in name.split())


def _transcript_statements(context: DocContext) -> list[_Statement]:
    """A quoted statement for each turn of an interview transcript in the body (analysis.quotes.find_speaker_turns)
    whose label names a person who takes two turns at least ("HANNITY:", "JOHN SOLOMON, THE HILL:", "Ms. Ford:"):
    the turn is that speaker's words. A label taking one turn may be an advert's or a heading's ("Special Ed:").
    Not initials or a questioner's letter ("Q:", "JP:"), nor a label that is no name (_label_name)."""
    text = context.document.text
    labelled: dict[str, list[int]] = {}
    for turn in context.turns:
        if not context.segmentation.in_boilerplate(turn.label_start, turn.start):
            labelled.setdefault(text[turn.label_start:turn.start].strip().rstrip(":").strip(), []).append(turn.label_start)
    statements = []
    for label, starts in labelled.items():
        name = _label_name(label) if len(starts) >= 2 else None
        if name is not None:
            statements.extend(_Statement(name, "person", "say", True, start, True) for start in starts)
    return statements


def _label_name(label: str) -> str | None:
    """The person a transcript's speaker label names, in the text's case ("SARA CARTER, CIRCA NEWS" -> "Sara
    Carter", "Ms. Ford" -> "Ford"), or None. Only a label in capitals, one with a title or one of a single uncommon
    word, as transcripts write their speakers: a label in mixed case may be a description ("Influential Roman",
    "Molester McCarrick") or a book's title in an advert ("The WikiLeaks Files"). Initials, a letter, a familiar
    word ("Judge") or a title alone name no one."""
    name_part = label.partition(",")[0]
    words = name_part.split()
    if not words or all(len(word.rstrip(".")) <= 2 for word in words):
        return None
    titled = len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS
    if not (name_part.isupper() or titled or len(words) == 1):
        return None
    if len(words) == 1 and words[0].lower() in easy_words():
        return None
    name, kind = _clean_name(tuple(word.title() if word.isupper() else word for word in words))
    return name if kind in ("person", "unknown") else None


def _paragraph_breaks(text: str) -> list[int]:
    """Offsets of the breaks between paragraphs: the blank lines, or every line break in a text with no blank line."""
    blank = [m.start() for m in BLANK_LINE_RE.finditer(text)]
    return blank or [m.start() for m in re.finditer("\n", text)]


def _continues_quotation(paragraph: str) -> bool:
    """The paragraph goes on with a quotation opened in one before it: a closing double quotation mark comes before
    any opening one ("This is the right decision.”), or it holds an odd number of straight ones ('… hate."')."""
    first = DOUBLE_QUOTES_RE.search(paragraph)
    if first is None or first.group() == "“":
        return False
    return first.group() == "”" or (paragraph.count('"') + paragraph.count("“") + paragraph.count("”")) % 2 == 1


# A personal pronoun as a whole word: he, she, his, her, him, himself, herself, lower case or capitalised. Written to
# open with its first letter (the word boundary before it is the look-behind after that letter), so the regex engine
# skips to the letters h and s instead of trying every position (4x faster than \b(?:[Hh]e|[Ss]he|...)\b).
PERSONAL_PRONOUN_RE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Ss])he|(?<=[Hh])(?:e|is|er|im|imself|erself))\b")
DOUBLE_QUOTES_RE = re.compile('[“”"]')


class _RecentPersons:
    """The persons named so far, who answer a "he said" or "the Russian leader said" (see _speaker).

    The last person is the speaker of the last statement, or the last person named in a later sentence.
    Reading a sentence for names costs more than the rest of the search, so sentences are read only when
    asked, and as few as the question needs: a pronoun needs only the last person, found by reading back
    from the latest sentence to the first one that names a person; a role ("the Russian leader") needs
    every person named so far, read in text order. Each sentence is read at most once."""

    def __init__(self) -> None:
        self._sentences: list[_Sentence] = []  # the finished sentences, in text order
        self._persons: list[list[tuple[str, frozenset[str] | None, int]] | None] = []  # each sentence's persons, once read
        self._unasked = 0  # the sentences from here on follow the last statement and the last question
        self._listed = 0  # the sentences before this one have their persons in _mentions
        self._last_person: str | None = None
        self._mentions: list[tuple[str, frozenset[str]]] = []
        self._pronouns: dict[str, str] = {}  # the pronoun each person was first called by
        self._objects_after: tuple[int, int] = (-1, -1)  # (sentence, word): the persons named after it are objects
        self._paragraphs: list[int] = []  # each finished sentence's paragraph
        self._narrative: list[int] = []  # the finished sentences that open a paragraph of the author's own
        self._paragraph = -1  # the paragraph of the sentence being read
        self._opens_narrative = False
        self._last_at = -1  # the sentence the last person was named or spoke in
        self._surnames: dict[str, str | None] = {}  # see _surnames_named
        # (end, objects after) of each question for surnames not yet read: sentences are read for them only when a
        # one-word name asks (most questions end before), each as it would have been read when asked
        self._surnames_asked: list[tuple[int, tuple[int, int]]] = []
        self._last_speaker: tuple[str, int] | None = None  # the last statement's speaker ("" unnamed) and sentence
        self._surnames_read = 0

    def reading(self, paragraph: int, opens_narrative: bool) -> None:
        """The next sentence, read for statements now, is in this paragraph, and opens a paragraph of the author's
        own (not a quotation's)."""
        self._paragraph = paragraph
        self._opens_narrative = opens_narrative

    def _out_of_reach(self, position: int) -> bool:
        """A person named in sentence `position` is too far back for a pronoun in the sentence being read: a
        paragraph of the author's own lies between theirs and the pronoun's ("Keith Vaz said: “…”  ¶ The way to gauge
        … ¶ “…,” he said" means someone else). The pronoun's own paragraph and the one before it are in reach, and
        the quotation paragraphs between them do not count."""
        k = bisect_right(self._narrative, position)
        return k < len(self._narrative) and self._paragraphs[self._narrative[k]] < self._paragraph

    def read_later(self, sentence: _Sentence) -> None:
        """Queue a finished sentence (its statements were handled) to be read for names when needed."""
        if self._opens_narrative:
            self._narrative.append(len(self._sentences))
        self._paragraphs.append(self._paragraph)
        self._sentences.append(sentence)
        self._persons.append(None)

    def spoke(self, name: str, by_reference: int | None = None) -> None:
        """A statement was attributed to this person: the last person so far. When the statement itself named its
        speaker by a pronoun or a role, `by_reference` is its verb's word index: the persons named after the verb
        in its sentence are its objects ("she told EWTN’s Raymond Arroyo"), and the next pronoun goes on meaning
        the speaker ("she added"); a person named before the verb still may not ("When Ashraf Ghani announced it,
        he said …  He also said")."""
        self._last_person = name
        self._last_at = self._unasked = len(self._sentences)
        self._last_speaker = (name, len(self._sentences))
        if by_reference is not None:
            self._objects_after = (len(self._sentences), by_reference)  # this sentence is queued after its statements

    def spoke_unnamed(self) -> None:
        """A statement was made by someone the text does not name: a pronoun that follows means that speaker,
        not a person named in this sentence or before it."""
        self._last_person = None
        self._unasked = len(self._sentences) + 1  # this sentence (queued after its statements) is skipped too
        self._last_speaker = ("", len(self._sentences))

    def _subject_first(self, persons: list[tuple[str, frozenset[str] | None, int]], position: int,
                       pronoun: str | None) -> tuple[str, frozenset[str] | None, int]:
        """Of the persons sentence `position` names, the one a pronoun after it means: the sentence's subject, the
        person opening it ("Steve Castor asked Morrison about Alexander Vindman’s judgment. He asked" means Castor;
        "Taylor Swift's first six albums were released through … Scooter Braun. … she described" means Swift), unless
        the text called the subject by the other pronoun before, or called the last person named by this pronoun and
        the subject by none; else the last person named."""
        last = persons[-1]
        if pronoun is None or len(persons) < 2:
            return last
        sentence = self._sentences[position]
        subject = next((p for p in persons[:2] if sentence.subject_at(p[2])), None)  # a title's body may come first
        if subject is None or subject is last:
            return last
        subject_name = self._by_surname(subject[0], position)[0] if " " not in subject[0] else subject[0]
        last_name = self._by_surname(last[0], position)[0] if " " not in last[0] else last[0]
        if subject_name == last_name:
            return last
        called = self._pronouns.get(subject_name)
        if called == pronoun or (called is None and self._pronouns.get(last_name) != pronoun):
            return subject
        return last

    def last_person(self, pronoun: str | None = None) -> str | None:
        """The person a pronoun refers to, or None (`pronoun`, when given, prefers the subject of the sentence that
        names persons: see _subject_first)."""
        previous = len(self._sentences) - 1  # the sentence before the one asking
        for position in range(previous, self._unasked - 1, -1):
            if self._out_of_reach(position):
                self._last_person = None
                break
            persons = self._persons_in(position)
            if persons:
                name, described, start = self._subject_first(persons, position, pronoun)
                if " " not in name:  # a subject named by one word ("Arroyo spoke with Cruz"): the person it is the surname of
                    full, full_described = self._by_surname(name, position)
                    if full_described is not None or described is None:  # a titled surname stays described ("Ambassador Haley")
                        name, described = full, full_described
                # a name that may be a thing's leaves the pronoun unresolved, unless it names the last speaker or is the
                # one name and the subject of the sentence before, set off by a comma ("Ryan Petty, whose daughter …,
                # hailed the vote. He said")
                trusted = described is not None or name == self._last_person or (
                    position == previous and len(persons) == 1 and self._sentences[position].opens_with(start))
                self._last_person = name if trusted else None
                self._last_at = position
                break
            if self._last_person is not None and self._names_again(position, self._last_person):
                self._last_at = position  # "Trump put them on notice.  ¶ … Trump discussed it. Among other things, he suggested"
                if _opens_with_pronoun(self._sentences[position]):
                    # "He then referred to Cooke’s testimony": a pronoun subject is not the person the sentence names
                    # (it would say "his testimony"), so a later pronoun may go on meaning it, a person unnamed here
                    self._last_person = None
                break
        else:
            if self._last_person is not None and self._out_of_reach(self._last_at):
                self._last_person = None
        self._unasked = len(self._sentences)
        return self._last_person

    def _names_again(self, position: int, person: str) -> bool:
        """Sentence `position` writes the person's family name outside a quotation ("Trump discussed it"), though not
        as a name a pronoun is read from (see _persons_named): the person is named there again."""
        sentence = self._sentences[position]
        family = _surname(fold(person).split())
        return any(SURNAME_KEY[sentence.words[k]] == family and not (sentence.quoted and sentence.quoted(k))
                   for k in range(sentence.first, sentence.last))

    def referent(self, pronoun: str) -> str | None:
        """The person a pronoun ("he", "she") refers to: the last person, unless the text called them by the other
        pronoun before ("He complained …  She said" is someone else, whom the text may not name). Failing that, the
        one person of the pronoun's gender named in the sentence or two before (_gendered_referent)."""
        floor = self._unasked
        person = self.last_person(pronoun)
        if person is None or self._pronouns.setdefault(person, pronoun) != pronoun:
            person = self._gendered_referent(pronoun, floor)
            if person is not None:
                self._pronouns[person] = pronoun
                self._last_person = person
        return person

    def _gendered_referent(self, pronoun: str, floor: int) -> str | None:
        """The person a pronoun means by gender alone: of the persons named outside quotations in the one or two
        sentences before it (since the last statement, within reach) and the last speaker, the one whose gender is
        known and is the pronoun's, when every other one is known to be of the other gender ("Twitter user John
        Gilmore dug up the tweet, forcing Omar to defend herself. She responded:" means Omar). None at any doubt: a
        person of unknown gender, two of the pronoun's, a possessor ("Mary Smith's daughter") or a person named by a
        common noun ("his wife") among them."""
        previous = len(self._sentences) - 1
        positions = [p for p in (previous - 1, previous) if p >= max(floor, 0) and not self._out_of_reach(p)]
        if not positions:
            return None
        self._surnames_asked.append((len(self._sentences), self._objects_after))
        genders: dict[str, str | None] = {}
        if self._last_speaker is not None and self._last_speaker[1] >= previous - 2:
            # a speaker of the sentences just before may go on ("Feinstein didn't attend, Grassley said. ¶ Kavanaugh
            # answered … ¶ “…,” he said": either man); one the text does not name, or one a paragraph of the author's
            # own parts from the pronoun (whom the pronoun may not mean, but the text may still go on reporting), leaves
            # the pronoun open
            speaker = self._last_speaker[0]
            if not speaker or self._out_of_reach(self._last_speaker[1]):
                return None
            genders[speaker] = self._pronouns.get(speaker) or _given_name_pronoun(speaker)
        for position in positions:
            found = _gendered_persons(self._sentences[position], self._person_by_surname, self._pronouns)
            if found is None:
                return None
            for name, gender in found:
                genders[name] = gender if genders.get(name, gender) == gender else None
        matching = [name for name, gender in genders.items() if gender == pronoun]
        if len(matching) != 1 or any(gender is None for gender in genders.values()):
            return None
        return matching[0]

    def _surnames_named(self) -> dict[str, str | None]:
        """Each family name (folded) of the persons named by two words or more in the sentences before the questions
        asked so far (_gendered_referent) -> that person, or None when two persons share it."""
        for end, objects_after in self._surnames_asked:
            for position in range(self._surnames_read, end):  # some were added for one family name before: no matter
                self._add_surnames(position, objects_after)
            self._surnames_read = max(self._surnames_read, end)
        self._surnames_asked.clear()
        return self._surnames

    def _add_surnames(self, position: int, objects_after: tuple[int, int]) -> None:
        """Add the family names of the persons sentence `position` names by two words or more. Adding a sentence
        again changes nothing: a family name maps to its one person, or to None once two persons share it."""
        surnames = self._surnames
        for name, _, _ in self._persons_in(position, quoted=True, objects_after=objects_after):
            if " " in name:
                key = _surname(fold(name).split())
                surnames[key] = name if surnames.get(key, name) == name else None

    def _person_by_surname(self, key: str) -> str | None:
        """The person named by two words or more whose family name (folded) is `key`, as _surnames_named maps it.

        Of the sentences not yet read for surnames, only those that may give that family name are read: a name's
        words are the document's words, so a family name of letters only is one word of it (not joined by a hyphen,
        not an initial with its full stop) with a possessive dropped, its SURNAME_KEY."""
        keys = self._sentences[0].doc_words.surname_keys if self._sentences else None
        if keys is None or not key.isalpha():
            return self._surnames_named().get(key)
        start = self._surnames_read
        for end, objects_after in self._surnames_asked:
            for position in range(start, end):
                sentence = self._sentences[position]
                if key in keys[sentence.first:sentence.last]:
                    self._add_surnames(position, objects_after)
            start = max(start, end)
        return self._surnames.get(key)

    def _by_surname(self, surname: str, position: int) -> tuple[str, frozenset[str] | None]:
        """The last speaker or a person named in the sentence before `position` whose name ends with the surname
        ("Elizabeth Yore spoke. Yore is an attorney"; "Kennedy" of "James P. Kennedy Jr."), with their describing words;
        the surname and None for no one. Surnames are compared as _canonical compares them (see _is_surname)."""
        key = fold(surname)
        if self._last_person and _is_surname(key, fold(self._last_person).split()):
            return self._last_person, frozenset()
        if position > 0:  # the sentence before only: a surname further on may be anyone's
            for name, described, _ in reversed(self._persons_in(position - 1, quoted=True)):
                if " " in name and _is_surname(key, fold(name).split()):
                    return name, described
        return surname, None

    def mentions(self) -> list[tuple[str, frozenset[str]]]:
        """(name, describing words) of every person named so far, in text order."""
        self.last_person()
        for position in range(self._listed, len(self._sentences)):
            self._mentions.extend((name, described) for name, described, _ in self._persons_in(position) if described is not None)
        self._listed = len(self._sentences)
        return self._mentions

    def _persons_in(self, position: int, quoted: bool = False,
                    objects_after: tuple[int, int] | None = None) -> list[tuple[str, frozenset[str] | None, int]]:
        """The persons a sentence names, but its speaker's objects (`objects_after`, by default the last statement's);
        those named inside a quotation ("‘… Jeff Sessions didn’t tell me …’") only when `quoted`: they complete a
        surname, but a pronoun after the quotation means its speaker."""
        persons = self._persons[position]
        if persons is None:
            persons = self._persons[position] = _persons_named(self._sentences[position])
        sentence, word = self._objects_after if objects_after is None else objects_after
        in_quotation = self._sentences[position].quoted
        return [person for person in persons if (position != sentence or person[2] < word)
                and (quoted or in_quotation is None or not in_quotation(person[2]))]


GIVEN_NAMES_PATH = Path(__file__).resolve().parent / "data" / "given_names.csv"


@lru_cache(maxsize=1)
def given_name_pronouns() -> dict[str, str]:
    """Given names (lower case) that name one sex -> "he" or "she" (analysis/data/given_names.csv)."""
    with GIVEN_NAMES_PATH.open(encoding="utf-8") as handle:
        rows = [line.strip().split(",") for line in handle][1:]
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


def _given_name_pronoun(name: str) -> str | None:
    """"he" or "she" as the first given name of a name of two words or more tells it (given_name_pronouns), else None."""
    words = fold(name).split()
    return given_name_pronouns().get(words[0]) if len(words) >= 2 else None


# Honorifics that tell a person's sex ("Mr. Gilmore", "Ms. Omar").
HONORIFIC_PRONOUNS = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he", "lady": "she"}
REFLEXIVE_PRONOUNS = {"himself": "he", "herself": "she"}
# Common nouns for a person of one sex: a person the sentence names so may be the one a pronoun after it means.
GENDERED_NOUNS = frozenset(
    "man men woman women boy girl wife husband mother father son daughter sister brother aunt uncle niece nephew "
    "grandmother grandfather mom dad widow widower girlfriend boyfriend spokeswoman spokesman businessman "
    "businesswoman chairman chairwoman congressman congresswoman lady gentleman".split()
)


def _gendered_persons(sentence: _Sentence, surnames: Callable[[str], str | None],
                      pronouns: dict[str, str]) -> list[tuple[str, str | None]] | None:
    """The persons a sentence names outside quotations, each with the pronoun its gender takes where the text tells it
    (an honorific before the name, the pronoun the text called the person by before, a reflexive pronoun whose nearest
    name before it is theirs: "forcing Omar to defend herself", or a given name of one sex) or None; a person is named
    by two words at least, or by the family name of one such person named before ("Omar"). None for the sentence when
    a person in it is named by a possessive or a common noun of one sex ("Mary Smith's daughter", "his wife"): a
    pronoun after it may mean someone unnamed."""
    quoted = sentence.quoted
    outside = [k for k in range(sentence.first, sentence.last) if not (quoted and quoted(k))]
    if any(sentence.lower[k] in GENDERED_NOUNS for k in outside):
        return None
    found: list[tuple[str, str | None, int]] = []  # (name, gender, last word index)
    after = sentence.first
    for k in outside:
        if k < after or not IS_CAPITALISED[sentence.words[k]]:
            if sentence.lower[k] in REFLEXIVE_PRONOUNS and found:
                name, gender, end = found[-1]
                reflexive = REFLEXIVE_PRONOUNS[sentence.lower[k]]
                found[-1] = (name, reflexive if gender in (None, reflexive) else "?", end)
            continue
        span = sentence.name_starting_at(k)
        if not span or span[0] < k:
            continue
        after = span[1]
        name, kind = sentence.name(span)
        if kind not in ("person", "unknown"):
            continue
        possessive = _possessive(sentence.words[span[1] - 1])
        name = _without_possessive(name)
        words = name.split()
        title = sentence.lower[span[0] - 1].rstrip(".") if span[0] > sentence.first else ""  # "mr", "ms", "fr", …
        if len(words) < 2:
            known = surnames(fold(name))  # the person named before whose family name it is (_person_by_surname)
            if known is None and title in HONORIFIC_PRONOUNS:
                known = name  # "Mr. Gilmore": a person, of the honorific's gender
            elif known is None and (title in TITLE_WORDS or (sentence.subject_at(span[0]) and not _qualifies_a_name(sentence, span[1]))):
                return None  # a person named by one word, of unknown gender ("Fr. Weinandy", "Weinandy sent the letter")
            if known is None:
                continue  # a word that names no person named before ("Twitter", "Israel")
            name = known
        elif kind != "person":
            continue
        if possessive:
            return None
        gender = pronouns.get(name)
        for evidence in (HONORIFIC_PRONOUNS.get(title), _given_name_pronoun(name)):
            if evidence is not None:
                gender = evidence if gender in (None, evidence) else "?"
        found.append((name, gender, span[1]))
    return [(name, gender if gender in PRONOUNS else None) for name, gender, _ in found]


def _qualifies_a_name(sentence: _Sentence, k: int) -> bool:
    """Word k is a lower-case noun before a capitalised name, the word before it qualifying the noun ("Twitter user
    John Gilmore", "Fox host Tucker Carlson"): that word is no subject."""
    return (k + 1 < sentence.last and sentence.words[k].islower() and sentence.joined(k - 1) and sentence.joined(k)
            and IS_CAPITALISED[sentence.words[k + 1]])


def _opens_with_pronoun(sentence: _Sentence) -> bool:
    """The sentence opens with "he" or "she" outside a quotation: its subject."""
    first = sentence.first
    return sentence.lower[first] in PRONOUNS and not (sentence.quoted and sentence.quoted(first))


def _persons_named(sentence: _Sentence) -> list[tuple[str, frozenset[str] | None, int]]:
    """Persons named in a sentence, each with the words describing them ("Russian", "president") and its first
    word's index, in order; None for the words of a name a pronoun cannot be taken to mean (see _Sentence.referable)."""
    found = []
    after = sentence.first  # names do not overlap: the next one starts after the last one found
    first, last = sentence.first, sentence.last
    for i in compress(range(first, last), map(IS_CAPITALISED.__getitem__, sentence.words[first:last])):
        if i < after:
            continue
        span = sentence.name_starting_at(i)
        if not span:
            continue
        opening = after == first  # the first name found: the sentence's subject if the sentence opens with it
        after = max(span[1], i + 1)
        if sentence.piece(span):
            continue

        if span[1] - span[0] < 2:
            # One word names no person (_clean_name calls it an organisation or "unknown"), but as the subject it
            # may be a person's surname ("Arroyo spoke with Cruz"): a pronoun after it no longer means a person before.
            if opening and span[0] == (sentence.name_starting_at(first) or (-1,))[0] and not _possessive(sentence.words[span[0]]):
                name, kind = sentence.name(span)
                # not "Yes, that's what it said"; but a familiar word the document writes as a surname is one ("Young,
                # in his testimony, …" beside "Tom Young")
                if kind in ("person", "unknown") and (name.lower() not in easy_words() or _written_after_first_name(sentence, name)):
                    found.append((name, None, span[0]))
            continue
        name, kind = sentence.name(span)
        name = _without_possessive(name)  # "President Donald Trump’s deputy"
        if kind == "person" and len(name.split()) == 1:
            # a surname after a title as the subject of a clause ("but Ambassador Haley departed from the ritual"): a
            # person a pronoun after it may mean, described by the title ("the ambassador"); not an object ("warned
            # Pope Francis")
            titles = sentence.lower[span[0]:span[1] - 1]
            if not found and titles and all(w.rstrip(".") in TITLES_AND_ROLES for w in titles) and _titled_subject(sentence, span):
                found.append((name, _description(titles), span[0]))
            continue
        if kind == "person" and len(name.split()) >= 2:
            if not sentence.referable(span, name):
                found.append((name, None, span[0]))  # no pronoun means it, nor one named before it ("Big Machine")
                continue
            words = [*sentence.lower[span[0]:span[1]], *sentence.apposition(span[1])]
            before = sentence.lower[span[0] - 1] if span[0] > sentence.first and sentence.joined(span[0] - 1) else ""
            if span[0] > sentence.first and sentence.lower[span[0] - 1] in OFFICE_ABBREVIATIONS and sentence.gap(span[0] - 1) == ". ":
                words.insert(0, sentence.lower[span[0] - 1])  # "Sen. Chuck Grassley": the abbreviated office is left out of the name
            found.append((name, _description(words, before), span[0]))
    return found


def _titled_subject(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """The titled name at span is the subject of a main clause, its verb right after it: at the sentence's start or
    after "and" or "but" ("but Ambassador Haley departed from the ritual"; not "then-Cardinal Ratzinger who", "In
    addition to …, Pope Francis named"), outside a quotation."""
    before, end = span[0] - 1, span[1]
    if _possessive(sentence.words[end - 1]) or end >= sentence.last or not _verb_after_name(sentence, end):
        return False
    if sentence.quoted is not None and sentence.quoted(span[0]):
        return False
    return before < sentence.first or (sentence.joined(before) and sentence.lower[before] in ("and", "but"))


def _written_after_first_name(sentence: _Sentence, word: str) -> bool:
    """The document writes the word right after a capitalised word that is neither familiar nor a function word, with
    one space between, as the last word of the name ("Tom Young said"; not "Richmond High School"): as a surname after
    a first name."""
    words, spans, text = sentence.words, sentence.spans, sentence.text
    for p in sentence.doc_words.positions(word):
        before = words[p - 1] if p > 0 else ""
        after = words[p + 1] if p + 1 < len(words) else ""
        if (IS_CAPITALISED[before] and before.isalpha() and before.lower() not in easy_words()
                and before.lower() not in SENTENCE_OPENERS and text[spans[p - 1][1]:spans[p][0]] == " "
                and not (IS_CAPITALISED[after] and text[spans[p][1]:spans[p + 1][0]] == " ")):
            return True
    return False


def _persons_before(sentence: _Sentence, end: int) -> list[str]:
    """The persons named by two words or more, or with a title, in the sentence before word `end`, outside quotations."""
    found = []
    k = sentence.first
    while k < end:
        span = sentence.name_starting_at(k) if IS_CAPITALISED[sentence.words[k]] else None
        if not span or span[0] >= end:
            k += 1
            continue
        k = max(span[1], k + 1)
        if span[1] > end or (sentence.quoted is not None and sentence.quoted(span[0])) or sentence.piece(span):
            continue
        name, kind = sentence.name(span)
        if kind == "person" and len(name.split()) >= 2:
            found.append(_without_possessive(name))
    return found


def _agent(sentence: _Sentence, span: tuple[int, int] | None) -> bool:
    """The name at span comes right after "by" or "from": the agent of a participle ("a lawyer hired by Minnesota
    Democrats") or where the subject comes from ("a Muslim politician from Jordan"), or it is the object of a relative
    clause ("a teenager who supports President Trump"); not the subject of a verb after it."""
    if not span or span[0] - 1 < sentence.first or not sentence.joined(span[0] - 1):
        return False
    if sentence.lower[span[0] - 1] in ("by", "from"):
        return True
    return _in_relative_clause(sentence, span[0])


def _in_relative_clause(sentence: _Sentence, start: int) -> bool:
    """The name starting at word `start` follows a relative pronoun and one to three lower-case words of its clause
    ("who supports President Trump", "that voted for Mike Pence"): the clause's object, not the main verb's subject."""
    k = start - 1
    if sentence.lower[k] in DETERMINERS:
        return False  # "who said the Kremlin": the name opens a phrase of its own
    while k >= sentence.first and start - k <= 3 and sentence.joined(k) and sentence.words[k].isalpha() and sentence.words[k].islower():
        if sentence.lower[k] in RELATIVE_PRONOUNS:
            return k < start - 1
        k -= 1
    return False


# Prepositions between a person's name and the body they belong to ("Olivier Le Guillou of Action Against Hunger said",
# "John Smith from Oxfam said", "Dr. Joneigh Khaldun of the Michigan Department … says").
MEMBERSHIP_PREPOSITIONS = frozenset({"of", "at", "from"})
# Prepositions after a noun whose object a name is ("the lawyer for porn star Stormy Daniels claims", "the sister of
# Mary Jones said"): the noun, not the name, is the verb's subject.
OBJECT_PREPOSITIONS = frozenset({"of", "for"})


def _object_of_noun(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """The person's name at span is the object of "of" or "for" after a word, up to two lower-case describing words
    between ("“Creepy Lawyer” for porn star Stormy Daniels claims", "a friend of John Smith said"): the verb's subject
    is the noun before the preposition. Not a title's place or field ("Mayor of London Sadiq Khan", see
    _past_titled_place), and not a preposition opening the sentence."""
    k = span[0] - 1
    while (k >= sentence.first and span[0] - 1 - k < 2 and sentence.joined(k) and sentence.words[k].isalpha()
           and sentence.words[k].islower() and sentence.lower[k] not in ENGLISH_STOP_WORDS):
        k -= 1
    if k <= sentence.first or sentence.lower[k] not in OBJECT_PREPOSITIONS or not sentence.joined(k):
        return False
    return sentence._past_titled_place(span) == span and sentence.name(span)[1] == "person"


# Prepositions whose object a name right after them is, not the subject of the verb after the name ("a telescope atop
# Mauna Kea have confirmed", "the nuncio to the United States has accused", "memos gone out to the Main Stream Media
# saying"): the common English prepositions but those with rules of their own ("by", "from": _agent, _sender; "of",
# "for": _object_of_noun, _member_of_body), those of membership, after which a body speaks through its people as
# before ("Officials in the Justice Department said", "researchers at NASA said", "officials with the agency said"),
# those that also open a clause whose subject the name is ("after Trump said", "since Smith said": SUBORDINATORS),
# and those that end an adverb before the subject ("Later on Smith said", "All along Trump said", "Halfway through
# Jones said", "Over and over Smith said").
PHRASE_PREPOSITIONS = (PREPOSITIONS - SUBORDINATORS - {"by", "from", "of", "for"}
                       - {"in", "at", "inside", "within", "among", "with", "across", "throughout"}
                       - {"on", "along", "through", "over", "around", "about"})


def _object_of_preposition(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """The name at span comes right after a preposition of PHRASE_PREPOSITIONS, or after one and "the", and the name
    is all of the span: its words are the preposition's object. Not where the span's first words end a title's place
    ("the ambassador to Ukraine Bill Taylor said", see _past_titled_place and _clean_name): the name after the place
    is the subject."""
    k = span[0] - 1
    if k >= sentence.first and sentence.lower[k] == "the" and sentence.joined(k):
        k -= 1
    if k < sentence.first or sentence.lower[k] not in PHRASE_PREPOSITIONS or not sentence.joined(k):
        return False
    if sentence._past_titled_place(span) != span:
        return False
    name = sentence.name(span)[0]
    return name.startswith(_without_possessive(sentence.words[span[0]]))


def _object_of_verb(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """The name at span, right before a participle, comes after a lower-case word (and "the") that is no preposition,
    conjunction, title or description: the object of a verb ("failed to certify the JCPOA noting breaches", "met Smith
    saying"), whose participle goes with the clause's subject. A name opening its clause, after a comma, a preposition
    ("with Smith saying", "a letter from ICE saying"), a conjunction or a person's description ("spokesman John Smith
    saying"), may be the participle's subject."""
    k = span[0] - 1
    if k >= sentence.first and sentence.lower[k] in ("the", "a", "an") and sentence.joined(k):
        k -= 1
    if k < sentence.first or not sentence.joined(k):
        return False
    word = sentence.lower[k]
    return (sentence.words[k].isalpha() and sentence.words[k].islower() and word not in PREPOSITIONS
            and word not in SUBORDINATORS and word not in CLAUSE_BREAKERS and word not in TITLES_AND_ROLES
            and word not in DESCRIPTIVE_NOUNS and word not in GENDERED_NOUNS and word not in DEMONYMS)


def _member_of_body(sentence: _Sentence, span: tuple[int, int]) -> tuple[str, str] | None:
    """The (name, kind) of the person named before "of", "at" or "from" and the body's name ending at span ("Olivier Le
    Guillou of Action Against Hunger said", "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services
    says"): the subject, whom the body's name qualifies. Without "the" the person's name comes right before the
    preposition; the body's name is then any name but a person's ("the sister of Mary Jones")."""
    before = span[0] - 1
    if (before - 1 > sentence.first and sentence.lower[before] in MEMBERSHIP_PREPOSITIONS and sentence.joined(before)
            and sentence.joined(before - 1) and sentence._past_titled_place(span) == span
            and sentence.name(span)[1] != "person"):
        person = sentence.name_ending_at(before - 1)
        if person and not sentence.piece(person) and not _possessive(sentence.words[person[1] - 1]):
            name, kind = sentence.name(person)
            if kind == "person":
                return name, kind
    start = sentence.body_start(span[1])
    if start - 3 < sentence.first or not set(sentence.lower[start:span[1]]) & ORG_WORDS:
        return None
    if not (sentence.lower[start - 1] == "the" and sentence.lower[start - 2] in ("of", "at", "from")
            and sentence.joined(start - 1) and sentence.joined(start - 2) and sentence.joined(start - 3)):
        return None
    person = sentence.name_ending_at(start - 3)
    if not person or sentence.piece(person):
        return None
    name, kind = sentence.name(person)
    return (name, kind) if kind == "person" and len(name.split()) >= 2 else None


def _sender(sentence: _Sentence, span: tuple[int, int]) -> bool:
    """The name at span comes after "from" and a written message a few words before it ("a letter to him from ICE
    saying", "a statement from Reuters saying"): the message's sender, who says what it says (not "a politician from
    Jordan says")."""
    before = span[0] - 1
    if sentence.lower[before] != "from":
        return False
    k = before - 1
    while k >= sentence.first and before - k <= 3 and sentence.joined(k):
        if sentence.lower[k] in MESSAGE_NOUNS:
            return True
        k -= 1
    return False


def _unnamed_subject(sentence: _Sentence, i: int) -> bool:
    """Whether the verb at word i has a common noun for subject ("a government spokesman said", "officials say",
    "a lawyer hired by Minnesota Democrats says")."""
    j = sentence.subject_end(i)
    if j - 1 < sentence.first or not sentence.joined(j - 1):
        return False
    span = sentence.name_ending_at(j - 1)
    if _agent(sentence, span) or (span is not None and _object_of_noun(sentence, span)):
        return True
    word = sentence.words[j - 1]
    return word.isalpha() and word.islower() and word not in SENTENCE_OPENERS


# Words of time a source's name may be followed by ("according to Jane Doe yesterday"): no noun the name qualifies.
TIME_ADVERBS = frozenset("today yesterday tonight tomorrow earlier later now again".split())


# Nouns in -ly a name may qualify ("according to the Kennedy family"): no adverbs.
LY_NOUNS = frozenset("family assembly supply rally ally monopoly anomaly bully folly".split())


def _time_adverb(word: str) -> bool:
    """True for a lower-case word of time or manner after a name ("yesterday", "recently"), not a noun it qualifies."""
    return word in TIME_ADVERBS or (len(word) > 4 and word.endswith("ly") and word not in LY_NOUNS)


def _speaker(sentence: _Sentence, i: int, width: int, verb: str, recent: _RecentPersons) -> _Speaker | None:
    """The (name, kind) a verb at word i attributes to, or None."""
    words, lower, first, last = sentence.words, sentence.lower, sentence.first, sentence.last
    if verb == "according to":
        span = sentence.hyphenated_whole(sentence.name_starting_at(sentence.past_short_title(i + 2)))
        if not span or _possessive(sentence.words[span[1] - 1]):
            return None  # "according to Epstein's lawyer": the source is the lawyer, whom the text does not name
        name, kind = sentence.name(span)
        if kind in ("person", "unknown") and span[1] < last and sentence.joined(span[1] - 1) and sentence.words[span[1]].isalpha() and (
                sentence.words[span[1]].islower() and sentence.lower[span[1]] not in ENGLISH_STOP_WORDS
                and not _time_adverb(sentence.lower[span[1]])):
            # "according to The Verge’s Stadia review", "according to Trump administration officials": the name qualifies
            # the source (a body's "article", "statistics" or "officials" are still the body's word)
            return None
        return _Speaker(name, kind)
    before = sentence.text[sentence.spans[i - 1][1]:sentence.spans[i][0]].strip() if i > first else _question_closed(sentence, i)
    # Inverted order after a quotation: '"...," said Putin' / '"...," he said'.
    if before.endswith(("”", '"', "’", "'", ",")) and lower[i] in INVERTING_VERBS and i + width < last and sentence.joined(i + width - 1):
        # (only a word right after the verb: 'said, “Thank you' opens a quotation, not a name)
        if lower[i + width] in PRONOUNS:
            # '"…," said he.' names the speaker; in ', said he got a text' the pronoun opens the reported clause
            # and the subject is looked for before the verb, below.
            if i + width + 1 >= last or re.match(r"\s*[,.;:!?]", sentence.gap(i + width)):
                last_person = recent.referent(lower[i + width])
                return _Speaker(last_person, "person", True) if last_person else None
        else:
            span = sentence.hyphenated_whole(sentence.name_starting_at(sentence.past_short_title(i + width)))
            if span and not _possessive(sentence.words[span[1] - 1]):
                return _Speaker(*sentence.name(_titled_name_after(sentence, span) or span))
            if span is None and (described := _described_name_after(sentence, i + width)) is not None:
                return _Speaker(*sentence.name(described))
    if lower[i] == "saying" and (quoted := _quoted_as_saying(sentence, i)) is not None:
        return _Speaker(*sentence.name(quoted))
    j = sentence.subject_end(i)
    if j - 1 < first:
        return None
    if lower[j - 1] in PRONOUNS:
        last_person = recent.referent(lower[j - 1])
        if last_person and any(name != last_person for name in _persons_before(sentence, j - 1)):
            return None  # "… your brother Bishop Nona Amel …, when he tells us": the pronoun may mean the person just named
        return _Speaker(last_person, "person", True) if last_person else None
    if lower[j - 1] in ("which", "who") and sentence.reports(i) and (antecedent := _relative_antecedent(sentence, j - 1)) is not None:
        return _Speaker(*sentence.name(antecedent))  # "the Anti-Defamation League (ADL), which writes:"
    if words[j - 1] in REPORT_NOUNS and (publisher := _publishing_body(sentence, j - 1)) is not None:
        return publisher  # "the most recent WHO update says"
    span = sentence.hyphenated_whole(sentence.name_ending_at(j - 1))
    if span:
        if _possessive(words[span[1] - 1]):
            # the possessor of a noun or of an adjective, no subject: "the Guardian's claims", "Epstein's alleged
            # ring", "Gorka's suggested campaign" (news copy seldom writes "has" so: "Trump's said")
            return None
        if sentence.joined(j - 1):
            if (member := _member_of_body(sentence, span)) is not None:
                return _Speaker(*member)
            if (_agent(sentence, span) and not _sender(sentence, span)) or _object_of_noun(sentence, span):
                return None  # "A lawyer hired by Minnesota Democrats says": the name is an agent, the subject is before it
            if _object_of_preposition(sentence, span):
                return None  # "a telescope atop Mauna Kea have confirmed": the noun before the preposition is the subject
            if lower[i].endswith("ing") and _object_of_verb(sentence, span):
                return None  # "Trump failed to certify the JCPOA noting breaches": the participle is the subject's, not the object's
            return _Speaker(*sentence.name(span))
        # "“…,” Jinnie Lee, U.S. Embassy spokesperson in Beijing, told": the name before a description that ends with a
        # name speaks, not that name
        if (described := _name_before_description(sentence, j)) is not None:
            return _Speaker(*sentence.name(described))
        # "Viktor Orban, the prime minister of Hungary, indicated": the sentence's opening name speaks, also over
        # a name in the clause between ("Juan Carlos Cruz, tweeting to one of Francis’s apologists, Austen Ivereigh, said").
        opening = sentence.name_starting_at(first)
        if opening and opening[1] < last and "," in sentence.gap(opening[1] - 1):
            return _Speaker(*sentence.name(opening))
        # "Orbán’s chief of staff, Gergely Gulyás, told ...": a name set off by commas is the subject; after "The
        # group that owns her music," or "The company," it is a body's ("Big Machine", "Dick Clark Productions").
        if span[0] > first and "," in sentence.gap(span[0] - 1) and "," in sentence.gap(j - 1):
            name, kind = sentence.name(span)
            if kind == "person" and lower[first] == "the" and first + 1 < span[0] and lower[first + 1] in BODY_NOUNS:
                kind = "organization"
            return _Speaker(name, kind)
        return None
    if (described := _name_before_description(sentence, j)) is not None:
        return _Speaker(*sentence.name(described))
    if lower[j - 1] in ROLE_NOUNS and (last_person := recent.last_person()):
        # "the Russian leader elaborated", "the Hungarian prime minister said"
        k = j - 1
        while k - 1 >= first and lower[k - 1] != "the" and j - k < 4:
            k -= 1
        if k - 1 >= first and lower[k - 1] == "the" and not _apposed(sentence, k - 1):
            role = lower[k:j]
            if not _description(role):  # "the official said": any person named last may be meant
                return _Speaker(last_person, "person", True)
            # "the president tweeted" means a person the text gave that title or nationality, not the last person
            # named ("Special Counsel Robert Mueller"), whom the text never called so
            described = _described_person(role, recent.mentions())
            return _Speaker(described, "person", True) if described else None
    if lower[j - 1] == "and" and sentence.joined(j - 1) and (subject := _coordinated_subject(sentence, j - 1)) is not None:
        return _Speaker(*sentence.name(subject))  # "the Homeland Security waved their hand and said"
    return None


COORDINATED_WORDS = 4  # the most words between the first verb and "and" ("waved their hand and said")


def _coordinated_subject(sentence: _Sentence, k: int) -> tuple[int, int] | None:
    """The name that is the subject of a first verb coordinated by the "and" at word k with the verb after it ("the
    Homeland Security waved their hand and said", "John Smith smiled and added"): a name opening its clause (at the
    sentence's start, after a comma or a conjunction), its verb in -ed right after it, then a few lower-case words of
    an object, none a verb of another clause (an -ed form, an auxiliary, a verb of speech), a subject pronoun or a
    clause's word ("Smith believed the group lied and denied it" is the group's denial)."""
    m = k - 1
    while m >= sentence.first and not IS_CAPITALISED[sentence.words[m]]:
        word = sentence.lower[m]
        if (k - m > COORDINATED_WORDS + 1 or not sentence.joined(m) or not sentence.words[m].isalpha()
                or word in CLAUSE_BREAKERS or word in REPORTED_CLAUSE_OPENERS or word in ("it", "you")):
            return None
        m -= 1
    verb = m + 1  # the first verb, right after the name ending at word m
    if m < sentence.first or verb >= k or not sentence.joined(m):
        return None
    lower = sentence.lower[verb]
    if not (lower.endswith("ed") and len(lower) > 4) or lower in ATTRIBUTION_VERBS:
        return None
    if any(w.endswith("ed") or w in FINITE_AUXILIARIES or w in ATTRIBUTION_VERBS for w in sentence.lower[verb + 1:k]):
        return None
    span = sentence.hyphenated_whole(sentence.name_ending_at(m))
    if not span or _possessive(sentence.words[span[1] - 1]) or sentence.piece(span) or (sentence.quoted is not None and sentence.quoted(span[0])):
        return None
    before = span[0] - 1
    if before >= sentence.first and sentence.lower[before] == "the" and sentence.joined(before):
        before -= 1
    if before >= sentence.first and sentence.joined(before) and sentence.lower[before] not in ("and", "but", *SUBORDINATORS):
        return None  # the name is an object or a title's ("met the Homeland Security chief"), not its clause's subject
    return span


def _quoted_as_saying(sentence: _Sentence, i: int) -> tuple[int, int] | None:
    """The name of the one quoted in "quoted NAME as saying" ("Reuters quoted German Foreign Minister Sigmar Gabriel as
    saying") or "NAME was quoted as saying", the "saying" at word i: the words said are that person's, not the
    sentence's subject's."""
    k = i - 1
    if k - 1 < sentence.first or sentence.lower[k] != "as" or not (sentence.joined(k) and sentence.joined(k - 1)):
        return None
    if sentence.lower[k - 1] == "quoted" and k - 3 >= sentence.first and sentence.lower[k - 2] in ("was", "is", "were", "been"):
        span = sentence.name_ending_at(k - 3) if sentence.joined(k - 3) and sentence.joined(k - 2) else None
    else:
        span = sentence.name_ending_at(k - 1)
        if span is None or span[0] - 1 < sentence.first or sentence.lower[span[0] - 1] not in ("quoted", "cited") or not sentence.joined(span[0] - 1):
            return None
    span = sentence.hyphenated_whole(span)
    return span if span and not _possessive(sentence.words[span[1] - 1]) else None


def _noun_form_reports(sentence: _Sentence, i: int) -> bool:
    """The word at i of NOUN_FORM_VERBS is a verb of speech: "that" or a colon follows it, and a name that is no common
    word opening the sentence comes right before it ("ICE reports that", "The Washington Post reports:"; not "Media
    reports that he resigned were false", "Amid reports that", "the reports that")."""
    after = sentence.gap(i).strip() if i + 1 < sentence.last else ""
    if not (after[:1] == ":" or (i + 1 < sentence.last and sentence.lower[i + 1] == "that" and sentence.joined(i))):
        return False
    if i - 1 < sentence.first or not sentence.joined(i - 1) or not IS_CAPITALISED[sentence.words[i - 1]]:
        return False
    span = sentence.name_ending_at(i - 1)
    return span is not None and (span != (sentence.first, sentence.first + 1) or _acronym(sentence.words[span[0]]))


def _object_no_text(sentence: _Sentence, i: int) -> bool:
    """The verb at word i ("wrote", "posted") has a noun object that is no text: the last word of the lower-case words
    right after it, before a preposition, a comma or a clause's word, is a noun outside TEXT_NOUNS ("wrote hundreds of
    songs", "posted an elite 93.2 defensive grade and"; not "posted a chart", "wrote on Twitter", "posted it online").
    A count's "of" is passed ("hundreds of songs": the songs are written)."""
    head = ""
    k = i + 1
    while k < sentence.last and k - i <= 6 and (sentence.gap(k - 1) in (" ", "\u00a0", "-") or (
            sentence.gap(k - 1) in (".", ",") and sentence.words[k - 1].isdigit() and sentence.words[k].isdigit())):  # "93.2"
        word = sentence.lower[k]
        if word == "of" and head in QUANTITY_NOUNS:
            k += 1
            continue
        if not sentence.words[k].islower() and not word[:1].isdigit():
            return False  # a name: the verb's subject after it ("writes the Free Beacon") or a work's title
        if word in PREPOSITIONS or word in CLAUSE_BREAKERS:
            break
        if head and head not in DETERMINERS and len(word) > 4 and word.endswith(("ing", "ed")):
            break  # a participle after the noun: "posted a video showing the crash"
        if head == "" and (word in ENGLISH_STOP_WORDS - DETERMINERS or _time_adverb(word) or word == "online"):
            return False  # a pronoun or an adverb, no noun: "posted it", "wrote back", "wrote recently that"
        head = word
        k += 1
    if k < sentence.last and k - i <= 6 and sentence.gap(k - 1).startswith(",") and sentence.words[k].islower():
        return False  # "wrote a long, scathing letter": the phrase may go on past the comma
    return (bool(head) and head.isalpha() and head not in TEXT_NOUNS and head not in TIME_NOUNS and head not in DETERMINERS
            and not _time_adverb(head))


# Nouns of a time a phrase after a verb names, no object ("wrote this afternoon that", "posted last week").
TIME_NOUNS = frozenset("morning afternoon evening night day days week weekend weeks month months year years time".split())


def _question_closed(sentence: _Sentence, i: int) -> str:
    """The quotation mark closing a question or an exclamation right before the verb at word i that opens its sentence
    in lower case ('“… on whose authority?” said Hill'): the sentences are split after the "?", but the verb goes with
    the quotation before it, as after a comma. Else ""."""
    if i == 0 or not sentence.words[i].islower():
        return ""
    gap = sentence.text[sentence.spans[i - 1][1]:sentence.spans[i][0]]
    closed = gap.strip()
    if "\n" in gap or len(closed) < 2 or closed[-1] not in QUOTE_CLOSERS or closed[-2] not in "?!":
        return ""
    return closed


def _relative_antecedent(sentence: _Sentence, k: int) -> tuple[int, int] | None:
    """The name a relative pronoun at word k, set off by a comma, refers to: the name right before the comma, or the
    name before an acronym of it in brackets ("the Anti-Defamation League (ADL), which writes:", "John Smith, who
    said"). Not a name inside a quotation, a possessor, the end of a longer body's name ("the Commission on CIA
    Activities, which"), nor a name after a preposition ("chairman of the DNC, who urged", "a report by Reuters,
    which"), where the pronoun may mean the noun before; a body named in full with its acronym in brackets is named
    as the one the sentence is about ("comes from the Anti-Defamation League (ADL), which writes:")."""
    before = k - 1
    if before < sentence.first or not sentence.gap(before).strip().endswith(","):
        return None
    bracketed = (_acronym(sentence.words[before]) and before - 1 >= sentence.first and sentence.gap(before - 1) == " ("
                 and sentence.gap(before).startswith(")"))
    if bracketed:
        before -= 1  # "Anti-Defamation League (ADL),": the acronym in brackets is the name's own
    elif not sentence.gap(before).startswith(","):
        return None
    span = sentence.hyphenated_whole(sentence.name_ending_at(before))
    if (not span or _possessive(sentence.words[span[1] - 1]) or sentence.piece(span) or sentence.body_start(span[1]) < span[0]
            or (sentence.quoted is not None and sentence.quoted(span[0]))):
        return None
    k = span[0] - 1
    if k >= sentence.first and sentence.lower[k] == "the" and sentence.joined(k):
        k -= 1
    if not bracketed and k >= sentence.first and sentence.lower[k] in PREPOSITIONS and sentence.joined(k):
        return None
    return span


def _publishing_body(sentence: _Sentence, k: int) -> _Speaker | None:
    """The body whose name qualifies the document at word k ("the most recent WHO update says", "a Pentagon report
    said"): it says what its document says. A body's name only, an acronym or one with a body's word (not "the Mueller
    report", a person's or a thing's); the noun is written in lower case (not a capitals headline's "THE REPORT SAYS")."""
    if k - 1 < sentence.first or not sentence.joined(k - 1):
        return None
    span = sentence.name_ending_at(k - 1)
    if (not span or _possessive(sentence.words[span[1] - 1]) or sentence.piece(span)
            or (sentence.quoted is not None and sentence.quoted(span[0]))):
        return None
    if _clean_name(tuple(sentence.words[span[0]:span[1]]))[1] != "organization":
        return None
    if span == (sentence.first, sentence.first + 1) and not _acronym(sentence.words[span[0]]):
        return None  # "Media reports have suggested": one word opening the sentence may be capitalised only for that
    name, kind = sentence.name(span)
    return _Speaker(name, kind) if kind == "organization" else None


def _verb_after_name(sentence: _Sentence, k: int) -> bool:
    """Word k, right after a name, reads as the name's verb, past the adverbs SKIPPABLE lists ("Omar defended herself",
    "Trump has said", "Smith also explains"; not "Trump administration officials", "Going further, the"): a past form in
    -ed, an auxiliary or a verb of speech."""
    while k < sentence.last and sentence.lower[k] in SKIPPABLE - FINITE_AUXILIARIES and sentence.joined(k - 1):
        k += 1
    if k >= sentence.last or not sentence.joined(k - 1):
        return False
    lower = sentence.lower[k]
    return (lower.endswith("ed") and len(lower) > 4) or lower in FINITE_AUXILIARIES or lower in ATTRIBUTION_VERBS


def _participle_subject(sentence: _Sentence, i: int, recent: _RecentPersons) -> _Speaker | None:
    """The subject of the sentence's main clause, for a reporting participle set off by a comma after it ("Omar
    defended herself against charges … with ABC News, saying: “…”", "He left, adding that"): the name or pronoun
    opening the sentence, its verb right after it."""
    first = sentence.first
    if i - 1 < first or not sentence.gap(i - 1).strip().endswith(","):
        return None
    if sentence.quoted is not None and sentence.quoted(first):
        return None
    if sentence.lower[first] in PRONOUNS:
        if not (sentence.joined(first) and _verb_after_name(sentence, first + 1)):
            return None
        person = recent.referent(sentence.lower[first])
        return _Speaker(person, "person", True) if person else None
    span = sentence.name_starting_at(first)
    if not span or not sentence.subject_at(span[0]) or _possessive(sentence.words[span[1] - 1]):
        return None
    if span[0] != first and not (span[0] == first + 1 and sentence.lower[first] == "the"):
        return None  # "Refugees in Europe are …, Orban has said, adding", "Big Machine has denied": the subject is elsewhere
    if not _verb_after_name(sentence, span[1]):
        return None
    return _Speaker(*sentence.name(span))


# The speech nouns of analysis/voice.py's introductions ("Cook makes a similar point:"), each with the verb phrase a
# statement is recorded by; a phrase of reporting, neutral.
INTRODUCED_NOUNS = {"point": "point", "points": "point", "statement": "statement", "statements": "statement",
                    "message": "message", "messages": "message", "letter": "letter", "letters": "letter",
                    "edict": "edict", "edicts": "edict", "decree": "decree", "decrees": "decree",
                    "testimony": "testimony", "testimonies": "testimony"}
INTRODUCING_VERBS = {"issu": "issue", "sen": "send", "mak": "make", "made": "make", "provid": "provide", "wr": "write",
                     "giv": "give", "gave": "give", "deliver": "deliver", "publish": "publish"}


def _introductions(sentence: _Sentence, s_start: int, s_end: int, recent: _RecentPersons) -> list[tuple[_Speaker, str, int]]:
    """Statements a sentence introduces with a colon and no verb of speech: a speech noun ending its line ("Jonathan
    Cook, a former Guardian writer, makes a similar point:", the words below are his; see analysis/voice.py), or the
    headline form "NAME to AUDIENCE: “…”" ("Rush Limbaugh to Republicans: ‘You can kiss …’"). Each as (speaker, verb,
    word index)."""
    text = sentence.text
    colon = text.find(":", s_start, s_end)
    if colon < 0:
        return []
    found = []
    if text[colon + 1:colon + 3].lstrip(" ")[:1] in QUOTE_OPENERS and (speaker := _headline_speaker(sentence, colon)) is not None:
        found.append((speaker, "tell", sentence.first))
    line_end = text.find("\n", colon)
    if not text[colon + 1:line_end if line_end >= 0 else len(text)].strip():
        from .voice import _SPEECH_NOUN_INTRO  # voice imports this module: its pattern is read when needed
        match = _SPEECH_NOUN_INTRO.search(text, max(s_start, colon - 120), colon)
        at = next((k for k in range(sentence.first, sentence.last) if match and sentence.spans[k][0] == match.start()), None)
        if at is not None and sentence.lower[at] not in ATTRIBUTION_VERBS and at > sentence.first:
            speaker = _speaker(sentence, at, 1, sentence.lower[at], recent)
            noun = next((INTRODUCED_NOUNS[w] for w in sentence.lower[at + 1:sentence.last] if w in INTRODUCED_NOUNS), None)
            verb = next((base for stem, base in INTRODUCING_VERBS.items() if sentence.lower[at].startswith(stem)), None)
            if speaker is not None and speaker.kind not in ("none", "place") and noun and verb:
                found.append((speaker, f"{verb} {noun}", at))
    return found


def _headline_speaker(sentence: _Sentence, colon: int) -> _Speaker | None:
    """The speaker of a headline's "NAME to AUDIENCE: “…”" ("Rush Limbaugh to Republicans: ‘…’"): the name opening the
    sentence, then "to", then the audience's capitalised name ending at the colon. A body's name, or a person's of two
    words at least, one of them no familiar word ("Open Letter to Congress:" names no one)."""
    first = sentence.first
    span = sentence.name_starting_at(first)
    if (span and span[0] == first + 1 and sentence.joined(first) and IS_CAPITALISED[sentence.words[first]]
            and sentence.lower[first] not in SENTENCE_OPENERS):
        span = (first, span[1])  # a first name the text also writes in lower case ("Rush Limbaugh" beside "no rush")
    if not span or span[0] != first or span[1] + 1 >= sentence.last or sentence.lower[span[1]] != "to":
        return None
    if not (sentence.joined(span[1] - 1) and sentence.joined(span[1])):
        return None
    audience = sentence.name_starting_at(span[1] + 1)
    if not audience or audience[0] != span[1] + 1 or sentence.spans[audience[1] - 1][1] != colon:
        return None
    name, kind = sentence.name(span)
    words = name.lower().split()
    if any(w.split("-")[-1] in RELIGIONS or w.split("-")[-1] in NATIONALITIES for w in words):
        return None  # "Ex-Muslim Catholics to Pope Francis:": a group of believers, no one speaker
    if kind == "organization" or (kind == "person" and len(words) >= 2 and any(w not in easy_words() for w in words)):
        return _Speaker(name, kind)
    return None


def _apposed(sentence: _Sentence, k: int) -> bool:
    """Word k opens a description set off by a comma after a person named in its sentence ("Sen. Charles E. Grassley
    (R-Iowa), the Judiciary Committee chairman, said"): it may describe that person, named otherwise before. Not after a
    comma closing a quotation ("“…,” the minister said") or a phrase naming no person ("Going further, the prime
    minister noted")."""
    if k - 1 < sentence.first:
        return False
    before = sentence.gap(k - 1).strip()
    return (before.endswith(",") and not any(q in before for q in QUOTE_CLOSERS)
            and bool(_persons_before(sentence, k)))


def _name_before_description(sentence: _Sentence, j: int) -> tuple[int, int] | None:
    """The name before a description set off by commas that ends right before word j, the verb's subject ("“…,”
    Stafford, a member of the Apollo 10 crew, responded"; "Viktor Orban, a member of the party, said"). Only a name
    opening the sentence or right after a quotation closed on a comma, where it is the verb's subject, not a noun's
    object in a clause before it ("The report, which cited Smith, a former aide, said")."""
    if j - 1 <= sentence.first or sentence.gap(j - 1).strip() != ",":
        return None
    comma = next((k for k in range(j - 2, max(sentence.first, j - 10) - 1, -1) if "," in sentence.gap(k)), None)
    span = sentence.hyphenated_whole(sentence.name_ending_at(comma)) if comma is not None else None
    if not span or _possessive(sentence.words[span[1] - 1]):
        return None
    if (len(sentence.apposition(span[1])) != j - span[1] and not _role_description(sentence, span[1], j)
            and not _relative_description(sentence, span[1], j)):
        return None
    if span[0] == sentence.first or _after_opening_phrase(sentence, span[0]):
        return span if not (sentence.quoted and sentence.quoted(span[0])) else None
    before = sentence.gap(span[0] - 1).strip()
    # the quotation closed on a comma, a question or exclamation mark, also after a bracket ("(MTBI),”")
    return span if before.rstrip("".join(QUOTE_CLOSERS))[-1:] in (",", "?", "!") and before[-1:] in QUOTE_CLOSERS else None


# The longest phrase of time or circumstance opening a sentence before its subject ("Last July,", "On Thursday,", "Earlier
# this week,", "In a statement on Monday,").
OPENING_PHRASE_WORDS = 6


def _after_opening_phrase(sentence: _Sentence, start: int) -> bool:
    """The name at word `start` comes right after a short phrase of time or circumstance opening the sentence and set
    off by a comma ("On Thursday, John Smith, a spokesman for the company, said"): the sentence's subject, as a name
    opening it is. The phrase names no one: its words are in lower case, figures, or days, months and function words
    (NON_NAME_WORDS) after its capitalised first word ("Last July", not "In Moscow", "Asked about Jones")."""
    first = sentence.first
    if not (first < start <= first + OPENING_PHRASE_WORDS) or sentence.gap(start - 1).strip() != ",":
        return False
    if sentence.text[sentence.spans[first][0] - 1:sentence.spans[first][0]] in QUOTE_OPENERS:
        return False
    return all((k == first or sentence.words[k].islower() or sentence.words[k].isdigit() or sentence.lower[k] in NON_NAME_WORDS)
               and (k == start - 1 or not sentence.gap(k).strip()) for k in range(first, start))


def _relative_description(sentence: _Sentence, start: int, end: int) -> bool:
    """Words start..end-1 are a relative clause about a person set off by commas ("John Smith, who runs the group,
    said"): "who" or "whose" opens it, and no other punctuation than full stops of abbreviations is inside it."""
    if not (sentence.first < start < end) or sentence.gap(start - 1).strip() != "," or sentence.lower[start] not in ("who", "whose"):
        return False
    return all(sentence.gap(k).strip() in ("", ".") for k in range(start, end - 1))


def _role_description(sentence: _Sentence, start: int, end: int) -> bool:
    """Words start..end-1 are a person's office or job without an article, set off by commas ("Jinnie Lee, U.S. Embassy
    spokesperson in Beijing, told", "John Smith, Oxfam spokesman, said"): one of them is a title or role noun written in
    lower case, and none is set off by other punctuation than the full stops of abbreviations."""
    if not (sentence.first < start < end) or sentence.gap(start - 1).strip() != ",":
        return False
    if any(sentence.gap(k).strip() not in ("", ".") for k in range(start, end - 1)):
        return False
    return any(sentence.words[k].islower() and sentence.lower[k] in TITLES_AND_ROLES for k in range(start, end))


# Words opening a description of one person after a verb put before its subject ("said another witness in the probe,
# former adviser Fiona Hill"); "the" is left out: "said the lawyer of the victim, nurse Jane Doe" may name the victim.
ONE_PERSON_DETERMINERS = frozenset({"a", "an", "another", "one"})
# Prepositions that bring another person or body into such a description ("a lawyer for the victim, …", "a friend of
# the family, …"): the name set off after it may be theirs.
RELATION_PREPOSITIONS = frozenset({"of", "for", "to", "with", "from", "by"})


def _described_name_after(sentence: _Sentence, k: int) -> tuple[int, int] | None:
    """The person's name a verb put before its subject gives at word k behind a lower-case title ("added defense attorney
    Francisco Ugarte"), or behind a description of one person ("another witness in the probe") and a comma, titled
    there and closing the sentence ("said another witness in the impeachment probe, former White House Russia adviser
    Fiona Hill.")."""
    if (span := _name_after_lower_title(sentence, k)) is not None:
        return span
    if sentence.lower[k] not in ONE_PERSON_DETERMINERS:
        return None
    for c in range(k, min(k + 10, sentence.last - 1)):
        gap = sentence.gap(c).strip()
        if sentence.lower[c] in RELATION_PREPOSITIONS or (sentence.quoted is not None and sentence.quoted(c)):
            return None
        if gap == ",":
            span = _name_after_lower_title(sentence, c + 1)
            return span if span is not None and span[1] == sentence.last else None
        if gap:
            return None
    return None


def _name_after_lower_title(sentence: _Sentence, k: int) -> tuple[int, int] | None:
    """The person's name after one to three titles and qualifiers in lower case from word k ("defense attorney Francisco
    Ugarte", "former White House Russia adviser Fiona Hill": there the capitalised words qualify the title, see
    _titled_name_after)."""
    t = k
    while t < sentence.last and t - k < 3 and sentence.words[t].islower() and sentence.lower[t] in TITLE_WORDS and sentence.joined(t):
        t += 1
    if t == k or t >= sentence.last:
        return None
    span = sentence.hyphenated_whole(sentence.name_starting_at(t))
    if not span or span[0] != t or _possessive(sentence.words[span[1] - 1]):
        return None
    if sentence.name(span)[1] == "person":
        return span
    return _titled_name_after(sentence, span)


def _titled_name_after(sentence: _Sentence, span: tuple[int, int]) -> tuple[int, int] | None:
    """The person's name after a name and a title in lower case ("said Las Vegas attorney Maggie McLetchie",
    "said Review-Journal editor Keith Moyer"): the first name only qualifies the title, the second speaks."""
    k = span[1]
    while k < sentence.last and k - span[1] < 3 and sentence.joined(k - 1) and sentence.words[k].islower() and sentence.lower[k] in TITLE_WORDS:
        k += 1
    if k == span[1] or k >= sentence.last or not sentence.joined(k - 1):
        return None
    after = sentence.hyphenated_whole(sentence.name_starting_at(k))
    return after if after and after[0] == k and sentence.name(after)[1] == "person" else None


def _description_words(words: list[str] | tuple[str, ...], before: str = "") -> list[str]:
    """The nationality and title words of a person's name and description, or of a role, in order ("Russian President
    Vladimir Putin" -> russian, president); a "general" after the noun of another office makes one office with it
    ("Attorney General William Barr" -> attorney general, "Surgeon General Jerome Adams" -> surgeon general): that
    person is neither a general nor an attorney. `before` is the word written right before the words ("Surgeon" before
    a name read from "General Jerome Adams")."""
    kept: list[str] = []
    for k, word in enumerate(words):
        before = words[k - 1] if k > 0 else before
        if word == "general" and before.isalpha() and not (before in GENERAL_RANKS or before in OFFICE_QUALIFIERS
                                                           or before in DEMONYMS or before in DETERMINERS):
            if kept and kept[-1] == before:
                kept.pop()
            kept.append(f"{before} general")
        elif word in DEMONYMS or word in TITLE_WORDS:
            kept.append(OFFICE_ABBREVIATIONS.get(word, word))
    return kept


def _description(words: list[str] | tuple[str, ...], before: str = "") -> frozenset[str]:
    """The words of _description_words, as a set."""
    return frozenset(_description_words(words, before))


def _holds_office(office: str, wanted: frozenset[str], described: frozenset[str]) -> bool:
    """A person described so holds the role's office: the office noun itself, the same rank ("vice", "deputy",
    "former"), every other qualifier the role names ("the foreign minister" is no "Prime Minister"), and no other
    nationality ("the Russian minister" is no "Ukrainian Foreign Minister")."""
    if office not in described or wanted & RANK_QUALIFIERS != described & RANK_QUALIFIERS:
        return False
    if not (wanted & OFFICE_QUALIFIERS) <= described:
        return False
    nationality, theirs = wanted & DEMONYMS, described & DEMONYMS
    return not (nationality and theirs and not nationality & theirs)


def _described_person(role: list[str], mentions: list[tuple[str, frozenset[str]]]) -> str | None:
    """The most recently named person the role describes, of those sharing most of its words: one holding its office
    (_holds_office; "the general said" is not "Attorney General William Barr", "the attorney general" is no "U.S.
    Attorney"), or, for an office of no particular post ("the Russian leader", "the official"), one sharing its
    nationality or its noun; its qualifiers alone mean no one ("the State Department official" is no "Secretary of
    State")."""
    ordered = _description_words(role)
    wanted = frozenset(ordered)
    office = next((w for w in reversed(ordered) if w not in OFFICE_QUALIFIERS and w not in DEMONYMS), None)
    particular = office is not None and office not in GENERIC_ROLE_NOUNS
    if not particular:
        wanted -= OFFICE_QUALIFIERS
    best: tuple[int, int] | None = None
    for position, (name, described) in enumerate(mentions):
        if particular and not _holds_office(office, wanted, described):
            continue
        overlap = len(wanted & described)
        if overlap and (best is None or (overlap, position) >= best):
            best = (overlap, position)
    return mentions[best[1]][0] if best else None


def is_characterising(verb: str) -> bool:
    """True for verbs that characterise the statement or speaker ("claimed", "admitted"), not merely report it."""
    return verb not in NEUTRAL_BASES and verb.rpartition(" ")[2] not in INTRODUCED_NOUNS  # "make point": neutral


def summary_columns(actors: list[Actor]) -> dict[str, object]:
    """The per-document actor summary for the `documents` table."""
    speaking = [a for a in actors if a.statements]
    verbs: Counter[str] = Counter()
    for actor in speaking:
        for verb, count in actor.verb_counts:
            verbs[verb] += count
    characterising = sum(c for v, c in verbs.items() if is_characterising(v))
    ranked = sorted(speaking, key=lambda a: (-a.statements, a.key))
    return {
        "actors_quoted": sum(1 for a in speaking if a.kind == "person"),
        "actor_statements": sum(a.statements for a in speaking),
        "actor_statements_quoted": sum(a.quoted for a in speaking),
        "actors": "; ".join(f"{a.name} ({a.statements})" for a in ranked),
        "attribution_verbs": ", ".join(f"{v} {c}" for v, c in sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0]))),
        "attribution_characterising": characterising,
    }


def actor_rows(doc_id: str, actors: list[Actor]) -> list[dict]:
    """One row per actor for the extra `actors` table (the outlets helper writes the `citations` rows)."""
    return [
        {"doc_id": doc_id, "name": a.name, "kind": a.kind, "mentions": a.mentions, "quoted": a.quoted,
         "paraphrased": a.paraphrased, "verbs": ", ".join(f"{v} {c}" for v, c in a.verb_counts),
         "characterising_verbs": sum(c for v, c in a.verb_counts if is_characterising(v)), "first_start": a.first_start}
        for a in actors
    ]
