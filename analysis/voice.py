"""Whose voice carries a phrase: the author's, a quotation's, or someone the author reports.

- quoted: inside quotation marks of any style (scare quotes and nested quotes included; not a pull-quote, the
  page's own sentence set apart), inside a speaker's turn of an interview transcript ("JP: ...", "Q: ... A: ...":
  analysis.quotes.find_speaker_turns), in a statement pasted after "... read as follows:" (find_statements), or
  in an excerpt after a line ending in a colon up to a note "[emphasis added]" on its own line or over ellipsis
  lines joining its pieces (find_marked_excerpts), in a reader's letter to an advice column from "DEAR ABBY:" to
  its signature line (find_reader_letters), in an embedded tweet's text above its "— Name (@handle) date" line
  (find_embedded_tweets);
  a phrase crossing quotation marks most of whose words are quoted (is_mostly_quoted).
- attributed: reported framing in the same sentence before the phrase: "what X called", "so-called",
  "labelled/described/branded as", "called Y a ...", "X regards ... as", "X has added/said/claimed/indicated
  that ...", "testified that", "accused X of ...", "accusations of ...",
  "according to X" (anywhere in the sentence); reported speech without "that" ("Lavrov said the ...",
  "Cruz told Arroyo he ...", "X recounted how ...", up to the clause's first comma or dash, or to a later "that"
  clause when the speaker opens the sentence); a trailing attribution ending the sentence
  ("..., the minister said.", "..., said Lavrov.", "..., PG&E officials said."); a line ending in ": Speaker"
  (find_line_speakers); the paragraph after a line ending in "Wills is here to reassure us:" / "Reuters adds:" /
  "he will say:" / "the caliph issued this edict:" / "According to Carlson:" / "Homan said in a statement Tuesday,"
  (find_introduced_paragraphs), and the
  paragraphs after it up to one closing the quotation with a mark no mark opened ("… the election.”"), or, one
  sentence a line, the lines up to the author's next naming the speaker ("He ... commented: ¶ ... ¶ Rich Penkoski is
  hardly the first ..."); words after "Wills asked:"; the topic of "spoke out about", "warned of",
  "complained about", "railed against".
- authorial: everything else, and where a cue does not reach the phrase: the author's own "I wrote that",
  "we call it", "I said ..."; "in what can only be described as ..." (a modal passive, no one else's naming); "said nothing", "is said to"; the author's words for the source itself ("according to a shocking report"); a noun
  such as "his claims that ..." whose clause has ended at a comma ("Despite his claims that ..., the
  notorious ...") or whose "that" is relative ("the claim that is spread by ..."); an appositive closing the
  sentence that judges the reported words ("Lavrov said the ..., a claim that is plainly false propaganda.");
  inside a report, the writer's own words (is_authors_own_word): words outside quotation marks in a report that
  quotes some of the speaker's words ('she considered it her "duty" to warn criminal illegals'), a verb judging
  the speech act joined to the report ("said he had watched ... and slammed"); the main clause after a report in
  a fronted "When he says that ..., he is lying".
"""
from __future__ import annotations

import bisect
import itertools
import re

from typing import Iterator, NamedTuple

from .actors import DOUBLE_QUOTES_RE, SUBORDINATORS
from .stopwords import ENGLISH_STOP_WORDS
from .quotes import NONBLANK_LINE_RE, QUOTE_MARKS, Quote, Turn, find_speaker_turns, is_title_case, lines_holding

AUTHORIAL, QUOTED, ATTRIBUTED = "authorial", "quoted", "attributed"
VOICES = (AUTHORIAL, QUOTED, ATTRIBUTED)
# A quotation this long repeated word for word outside quotation marks is a pull-quote (without_pull_quotes):
# ten words are a sentence, which a headline or a paraphrase seldom repeats exactly.
PULL_QUOTE_WORDS = 10
_CREDIT_OR_NOTHING_RE = re.compile(
    r"[ \t]*(?:(?:Photograph|Photo|Picture|Illustration|Image|Composite|Credit)s?\b[^\n]*)?", re.IGNORECASE
)

_SPEECH_VERBS = (
    r"(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|term(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|"
    r"describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|refer(?:s|red|ring)? to|portray(?:s|ed|ing)?|"
    r"denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|condemn(?:s|ed|ing)?)"
)
# The same verbs as single words ("refer(s) to": the word is the verb), to test one word at a time.
_SPEECH_VERB_WORD = (
    r"(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|term(?:s|ed|ing)?|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)?|"
    r"describ(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|refer(?:s|red|ring)?|portray(?:s|ed|ing)?|"
    r"denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|condemn(?:s|ed|ing)?)"
)
_REPORT_VERBS = (
    r"(?:sa(?:y|ys|id|ying)|claim(?:s|ed|ing)?|add(?:s|ed|ing)?|argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|"
    r"assert(?:s|ed|ing)?|allege[sd]?|alleging|contend(?:s|ed|ing)?|maintain(?:s|ed|ing)?|stat(?:ed|ing)|"
    r"declar(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|warn(?:s|ed|ing)?|suggest(?:s|ed|ing)?|tweet(?:s|ed|ing)?|"
    r"wr(?:ite|ites|ote|iting)|told|tell(?:s|ing)?|insinuat(?:e|es|ed|ing)|"
    r"stress(?:es|ed|ing)?|not(?:ed|ing)|explain(?:s|ed|ing)?|announc(?:e|es|ed|ing)|reiterat(?:e|es|ed|ing)|"
    r"indicat(?:e|es|ed|ing)|confirm(?:s|ed|ing)?|emphasi[sz](?:e|es|ed|ing))"
)
# Reported speech without "that": a reporting verb whose complement clause starts right after it (with an
# indirect object after "told"/"warned" and a time or place phrase allowed between), or a "how"/"why" clause
# after a verb of telling. The verb needs a subject before it (checked in cue_reaches: a name, a pronoun or a
# noun; not the first person, not "to say"), and the complement must not start with a word that makes what
# follows the verb's object ("said nothing", "said a prayer", "said as much", "said to be"). Verbs that often
# take a noun object ("wrote the book", "claimed the title") count only before a pronoun subject.
# Verbs that introduce a speaker's words after a colon besides the reporting verbs ("Wills asked: what ...?",
# "He replied:", "Wills is here to reassure us:"), perhaps with the person spoken to before the colon.
_COLON_VERBS = (
    rf"(?:{_REPORT_VERBS}|ask(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|answer(?:s|ed|ing)?|"
    r"commented|remarked|"  # (not "comments:", "remarks:": nouns heading a reader's comment or a speech)
    r"reassur(?:e|es|ed|ing)|recall(?:s|ed|ing)?|conclud(?:e|es|ed|ing)|observ(?:e|es|ed|ing))"
)
# Before such a colon, the author's rhetorical question or imagined reader ("One might ask: ...", "You may say:
# ...", "Let us ask: ..."): no one else's words.
_RHETORICAL_BEFORE = re.compile(
    r"\b(?:you|one|let\s+(?:me|us)|let['’]s|can|could|may|might|must|should|would|will|shall)\s+"
    r"(?:(?:well|also|only|then|now|rightly|reasonably|fairly)\s+)?$",
    re.IGNORECASE,
)
_SPOKEN_TO = r"(?:\s+(?:us|me|him|her|them|you|readers|reporters|journalists|the\s+\w+))?"
_BARE_VERB = r"(?:sa(?:y|ys|id|ying)|add(?:s|ed|ing)|argu(?:e|es|ed|ing)|insist(?:s|ed|ing)?|contend(?:s|ed|ing)?)"
_BARE_OBJECT_VERB = r"(?:told|tell(?:s|ing)?|warn(?:s|ed|ing)?|assur(?:e|es|ed|ing))"
_BARE_PRONOUN_VERB = (
    r"(?:claim(?:s|ed|ing)?|wr(?:ite|ites|ote|iting)|assert(?:s|ed|ing)?|stat(?:ed|ing)|maintain(?:s|ed|ing)?|"
    r"testif(?:y|ies|ied|ying))"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_BARE_ADVERBIAL = (
    rf"(?:(?:on\s+)?{_WEEKDAY}\s+|on\s+(?:twitter|x|facebook|television|tv|air)\s+|(?:last|this)\s+(?:week|month|year)\s+|"
    r"(?:yesterday|today|earlier|later|recently|repeatedly|also|then|once)\s+|"
    r"in\s+(?:a|an|the|his|her|their|its)\s+(?:statement|interview|speech|letter|post|tweet|video|message|report)\s+)?"
)
_NOT_A_CLAUSE = (
    r"(?!(?:nothing|something|anything|everything|little|much|more|less|so|yes|no|not|goodbye|hello|sorry|thanks|"
    r"a|an|to|of|about|for|with|by|from|as|at|in|into|on|out|up|off|if|whether|what|which|who|whom|whose|when|where|"
    r"and|or|but|grace|mass|prayers?|amen)\b)"
)
_DETERMINER = r"(?:the|a|an|his|her|their|its|our|my|your|this|these|those)"
_BARE_REPORT_CUE = (
    r"(?P<bare>\b(?:"
    rf"{_BARE_VERB}\s+{_BARE_ADVERBIAL}{_NOT_A_CLAUSE}(?=\w)"
    rf"|{_BARE_OBJECT_VERB}\s+(?:{_DETERMINER}\s+\w+|(?!{_DETERMINER}\b|that\b){_NOT_A_CLAUSE}\w+)\s+{_BARE_ADVERBIAL}{_NOT_A_CLAUSE}(?=\w)"
    rf"|{_BARE_PRONOUN_VERB}\s+{_BARE_ADVERBIAL}(?:he|she|it|they|there|we|you|i)\s"
    r"|(?:recount(?:s|ed)|explain(?:s|ed)|describ(?:es|ed)|recall(?:s|ed)|told|tells)\s+(?:\w+\s+)?(?:how|why)\s"
    r"))"
)
# Words right before a bare reporting verb that leave it without a speaker the author reports: "to say",
# "let's say", "you could say", a determiner ("his claims the ..."), a relative "that"/"which".
_NOT_A_SUBJECT = frozenset(
    "to s let us you would could might can may should must will shall d the a an his her their its my our your "
    "this that which what so and or but is are was were be been being am by for of in on at with from about "
    "without after before while when since".split()
)
# A verb of going on before "to" ("He went on to say the ...", "she continued to insist ...", "Wills is here to
# reassure us: ..."): the speaker is that verb's subject. (Other words before "to say" leave no speaker: "Needless to say", "to say the least".)
_GOES_ON_TO = re.compile(
    r"\b(?:(?:go|goes|went|going|gone)\s+on|continu(?:e|es|ed|ing)|proceed(?:s|ed|ing)?|(?:is|are|was|were)\s+here)\s+to$",
    re.IGNORECASE,
)
# A subject opening the sentence before a bare reporting verb: at most this many words ("China's ambassador to
# Britain also"), and not after a word that makes the report a subordinate clause ("After he said ...").
_MAX_SUBJECT_WORDS = 7
# Those words: analysis/actors.py's subordinating conjunctions (with their rarer forms "whilst", "till" and "whereas"),
# and the other words that open a clause or phrase whose noun is no subject of the report ("What Lavrov said ...", "By
# the time he said ...").
_SUBORDINATORS = SUBORDINATORS | frozenset(
    "where why how what who whom whose which that whether despite without by with for in on at from".split()
)
_RELATIVES = frozenset("who whom whose which that where when while if because as".split())
_THAT_RE = re.compile(r"\bthat\b", re.IGNORECASE)
# Adverbs and auxiliaries that may stand between the subject and the verb ("Lavrov also said").
_BETWEEN_SUBJECT_AND_VERB = frozenset("also later then has have had once repeatedly previously again further".split())

# A word that may continue the charge after "accused X of": not one that starts a phrase about the accusing.
_CHARGE_WORD = (
    r"(?!(?:with|without|despite|after|before|during|while|since|because|although|though|but|yet|even|as|when|"
    r"amid|following)\b)[\w’'-]+"
)
# "testified that": the complement of a testimony (not "testified before the committee", nor "as X testifies, ...").
_TESTIFY_THAT = r"\btestif(?:y|ies|ied|ying)\s+(?:\w+\s+){0,3}?that\b"
# A second "of" right after the phrase, or after an appositive: the first "of" may belong to the accused ("accused
# victims of Chile's most notorious <hit> of slander"), or not ("of a systematic <hit> of their crimes").
_LATER_OF = re.compile(r"^\W*(?:[\w’'-]+\s+)?of\b|^[^;:!?]*?,\s*of\b", re.IGNORECASE)
# Cues that put what follows them (in the same sentence) in someone else's voice.
_PREFIX_CUES = re.compile(
    r"|".join(
        (
            rf"\bwhat\s+(?:[\w’'.-]+\s+){{0,5}}?(?:has\s+|have\s+|had\s+)?{_SPEECH_VERBS}\b",
            r"\bso[\s-]called\b",
            # "calling him out for <hit>", "condemned Y for <hit>": the reason given, when it is the next words
            r"(?P<reason>\b(?:call(?:s|ed|ing)?\s+\w+\s+out|criticis\w*|criticiz\w*|condemn\w*|blam(?:e|es|ed|ing))"
            r"\s+(?:[\w’'.-]+\s+){0,6}?(?:of|for)\s+(?:[\w’'-]+\s+){0,2}$)",
            # "accused X of <hit>" and "deny accusations of <hit>": the charge runs on to the clause's end (no
            # punctuation) or to a word that leaves it ("... of sexual assault with no evidence"), so a phrase and
            # a word inside it get the same voice ("of creating a humanitarian disaster").
            rf"(?P<charge>\b(?:accus(?:e|es|ed|ing)\s+(?:[\w’'.-]+\s+){{0,6}}?(?:of|for)|(?:accusations?|allegations?)\s+of)"
            rf"\s+(?P<charge_words>(?:{_CHARGE_WORD}\s+){{0,8}})$)",
            # (not "calls for/on/to ...": "did not respond to calls to condemn him" names nothing)
            r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|ed|led)?|brand(?:s|ed)?)\s+(?!for\b|on\b|upon\b|off\b|in\b|to\b)(?:[\w’'-]+\s+){0,3}$",
            # "called the impeachment process a <hit>": a longer object, then the article of the name given it
            r"\b(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|ed|led)?|brand(?:s|ed)?)\s+(?!for\b|on\b|upon\b|off\b|in\b)"
            r"(?:[\w’'-]+\s+){1,5}?(?:a|an)\s+(?:[\w’'-]+\s+){0,3}$",
            # "while calling her a demon", "calling Ford a liar": the participle names only with a pronoun or a name
            # as its object and the name's article ("calling the police a ..." is too rare to tell from "calling the
            # police, a ...")
            r"\b(?:calling|dubbing|branding|labell?ing)\s+(?:him|her|them|it|me|us|you|himself|herself|themselves|"
            r"(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})\s+"
            r"(?:a|an)\s+(?:[\w’'-]+\s+){0,3}$",
            rf"\b{_SPEECH_VERBS}\s+(?:\w+\s+){{0,6}}?as\b",
            # "regard ... as" (not "as well as", "such as": "regarding the massacre as well as hints ...")
            r"\b(?:regard|view|see|consider|deem|perceive|treat)(?:s|ed|ing)?\s+(?:[\w’'.-]+\s+){0,8}?(?<!such\s)(?<!well\s)as\b(?!\s+well\s+as\b)",
            rf"\b{_REPORT_VERBS}\s+(?:\w+\s+){{0,3}}?that\b",
            _TESTIFY_THAT,
            rf"\b{_REPORT_VERBS}\s*,",
            rf"\b{_COLON_VERBS}{_SPOKEN_TO}\s*:",
            # "Dorsey has spoken out about the toxic ...", "warned of a humanitarian disaster", "railed against the
            # corrupt elite": the topic of the speech in its speaker's words (its first few words, no punctuation
            # between). Only verbs of speaking: "criticised/condemned the brutal X" may be the author's adjective.
            r"\b(?:sp(?:eak|eaks|oke|oken|eaking)\s+out\s+(?:about|against|on|over)|warn(?:s|ed|ing)?\s+(?:about|of|against)|"
            r"complain(?:s|ed|ing)?\s+(?:about|of)|rail(?:s|ed|ing)?\s+against|lament(?:s|ed|ing)?)"
            r"\s+(?:[\w’'-]+\s+){0,3}$",
            _BARE_REPORT_CUE,
            r"\baccording\s+to\b(?!\s+(?:which|whom)\b)",  # not "the opinion according to which ...": a relative clause, no source
            r"\b(?:in\s+the\s+words\s+of|in\s+(?:his|her|their|its)\s+(?:words|view)|quoted\s+as\s+saying)\b",
        )
    ),
    re.IGNORECASE,
)
# Words before a cue that make it the author's own ("I wrote that", "we call it"): the first person,
# optionally with an auxiliary or adverb between.
_FIRST_PERSON_BEFORE = re.compile(
    r"\b(?:I|we)(?:['’](?:ve|d))?\s+(?:(?:have|had|'ve|’ve|would|will|also|once|previously|already|often|always|never)\s+){0,2}$",
    re.IGNORECASE,
)
# An article or possessive right before a report word makes it a noun ("his claims that", "the warning that"):
# its clause ends at the next comma, semicolon or dash. (Not "this"/"that": "This suggested that ..." is a verb.)
_DETERMINER_BEFORE = re.compile(r"\b(?:his|her|their|its|the|a|an|such|my|our|your)\s+$", re.IGNORECASE)
# "That said, ...", "Having said that, ...": "nevertheless"; "Needless to say", "Suffice it to say", "that is to
# say", "to say the least": the author's own asides. None is a report (the cue then starts at "said"/"say").
_IDIOM_SAID = re.compile(
    r"\b(?:(?:that|this)\s+said\s*,|having\s+said\b|needless\s+to\s+say\b|suffice\s+(?:it\s+)?to\s+say\b|"
    r"that\s+is\s+to\s+say\b|to\s+say\s+the\s+least\b)",
    re.IGNORECASE,
)
# "In what can only be described as gross negligence", "what might be called a cover-up": a modal passive
# without an agent is the author's own judgement, no one else's naming ("what critics have called" is).
_MODAL_PASSIVE = r"(?:can|could|may|might|must|should|would)\s+(?:(?:only|perhaps|well|fairly|also|best|\w+ly)\s+)*be\s+(?:(?:only|best|fairly|\w+ly)\s+)*"
_AUTHOR_WHAT = re.compile(rf"what\s+{_MODAL_PASSIVE}{_SPEECH_VERB_WORD}\b", re.IGNORECASE)
_AUTHOR_WHAT_BEFORE = re.compile(rf"\bwhat\s+{_MODAL_PASSIVE}$", re.IGNORECASE)
_IDIOM_FIRST_WORD = re.compile(r"\b(?:that|this|having|needless\s+to|suffice\s+(?:it\s+)?to|that\s+is\s+to|to)\s+$", re.IGNORECASE)
# An appositive that names the reported words as a claim, an allegation or a lie (", a claim that is plainly
# false", ", an allegation Kyiv denies"): the author speaking about the report, so in the author's voice again.
# Only nouns for a statement (not "a view", "a narrative", which may be the speaker's own words for something).
_JUDGEMENT_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the|this|that|such\s+an?|both|these|those)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:claim|assertion|allegation|accusation|charge|contention|statement|remark|lie|falsehood|fabrication|canard|"
    r"distortion|smear)s?\b",
    re.IGNORECASE,
)
# Words that report speech: one between a cue and such an appositive may be what the appositive judges
# ("He said the West claims ..., a claim that is false": the speaker's judgement, perhaps).
_SPEECH_WORD = re.compile(rf"{_SPEECH_VERB_WORD}|according|{_REPORT_VERBS}", re.IGNORECASE)
# Verbs right after a noun's "that" make the "that" a relative pronoun ("a claim that is false"), no report.
_RELATIVE_THAT_VERBS = frozenset(
    "is was are were has have had will would can could may might must should shall does did do remains remained "
    "seems seemed appears appeared became becomes cannot can't won't isn't wasn't aren't weren't doesn't didn't "
    "hasn't haven't hadn't".split()
)
# The naming verbs' forms that are nouns too ("in terms that were", "the calls a ..."): after a preposition or a
# determiner they are nouns.
_NAMING_NOUN = re.compile(r"(?:call|dub|term|label|brand)s?", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"\b(?:in|of|on|with|by|for|at|from|the|a|an|his|her|their|its|our|my|your|these|those|such)\s+$", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[,;()\u2013\u2014]|\s--?\s")
_REPORT_WORD = re.compile(_REPORT_VERBS, re.IGNORECASE)
_ACCORDING_RE = re.compile(r"according\b", re.IGNORECASE)
# Words that start a new noun phrase or clause after "according to X": past one of them the phrase is no
# longer the source's description ("according to Lavrov the regime ...").
_NEW_PHRASE_WORDS = frozenset(
    "the a an this that these those his her their its he she they it we i who which is are was were has have had".split()
)
_WORD_RE = re.compile(r"\w+")
# A word with its inner apostrophes and hyphens ("Putin’s", "re-tweet"), as is_mostly_quoted counts words; a
# closing quotation mark after a word is no part of it.
_JOINED_WORD_RE = re.compile(r"\w+(?:[’'-]\w+)*")

# A trailing attribution ends the sentence: "..., the minister said." / "..., he added on Monday." /
# "..., said Lavrov, the foreign minister." Its speaker is not the first person, and a relative clause
# (", which Lavrov said ...") is no attribution. Only at the sentence's end: "said" elsewhere after the phrase
# ("the regime, which the minister said was ...") does not reach back.
_TRAILING_VERB = (
    r"(?:sa(?:ys|id)|add(?:s|ed)|wr(?:ites|ote)|argu(?:es|ed)|claim(?:s|ed)|insist(?:s|ed)|warn(?:s|ed)|"
    r"tweet(?:s|ed)|explain(?:s|ed)|not(?:es|ed)|stress(?:es|ed)|continu(?:es|ed)|conclud(?:es|ed)|"
    r"assert(?:s|ed)|maintain(?:s|ed)|stated|told(?:\s+(?:the\s+)?\w+)?|tells)"
)
# What may follow the verb of a trailing attribution: "on Monday", "in a statement", "to reporters", "last week".
_TRAILING_ADVERBIAL = (
    r"(?:\s+(?:on\s+\w+|in\s+(?:a|an|the)\s+\w+|to\s+(?:the\s+)?\w+|(?:last|this|on|in)\s+\w+day|"
    r"(?:last|this)\s+(?:week|month|year)|earlier|later|yesterday|today|\w+day)){0,2}"
)
# Verbs that may open a trailing attribution ("..., said Lavrov."), before a name or a noun phrase.
_TRAILING_FIRST_VERB = r"(?:sa(?:ys|id)|add(?:s|ed)|wr(?:ites|ote)|argu(?:es|ed)|insist(?:s|ed)|warn(?:s|ed)|continu(?:es|ed))"
_SENTENCE_TAIL = r"\s*[.!?\u2026]*[\"\u201d\u2019\u00bb)\]]*\s*$"
_TRAILING_CUE = (
    r",\s*(?!(?:which|that|what|who|whom|whose|when|where|while|and|but|or|if)\b)"
    rf"(?:(?!(?:i|we)\b)[\w\u2019'.&-]+\s+){{1,4}}?{_TRAILING_VERB}"
    rf"{_TRAILING_ADVERBIAL}{_SENTENCE_TAIL}"
    rf"|,\s*{_TRAILING_FIRST_VERB}\s+(?:{_DETERMINER}\s+|(?-i:[A-Z]))[^,;:!?.]{{0,50}}?(?:,[^;:!?]{{0,80}})?{_SENTENCE_TAIL}"
)
_ANYWHERE_CUES = re.compile(
    r"\baccording\s+to\b(?!\s+(?:which|whom)\b)|,\s*(?:he|she|they|it)\s+(?:said|claimed|added|argued|wrote)\b|" + _TRAILING_CUE,
    re.IGNORECASE,
)

# A line ending in ": Speaker" attributes the line to that speaker, as headlines do ("Impeachment sham completely
# debunked: White House | Deccan Herald"): a name of one to five capitalised words after the line's last colon,
# perhaps followed by a site's name after "|" or a spaced dash, and no full stop.
_LINE_SPEAKER = re.compile(
    r"^[ \t]*(?P<said>[^\n]*\S)[ \t]*:[ \t]+"
    r"(?P<speaker>(?-i:[A-Z])[\w\u2019'.&-]*(?:[ \t]+(?:(?:of|the|for|and|de|al)[ \t]+)?(?-i:[A-Z])[\w\u2019'.&-]*){0,4})"
    r"[ \t]*(?:\|[^\n]*|[ \t][-\u2013\u2014][ \t][^\n]*)?$",
    re.MULTILINE,
)
# Words after that colon which label the line rather than name a speaker ("...: Part Two", "...: Live Updates").
_NOT_A_LINE_SPEAKER = frozenset(
    "part day week chapter episode season volume vol section step round act page live update updates video videos "
    "watch photo photos picture pictures image images gallery opinion analysis editorial explainer explained report "
    "review interview exclusive breaking timeline poll quiz full text transcript read more see source sources "
    "credit credits latest news the a an this that what why how who when where".split()
)
# Words closing the text before that colon which introduce a list or a credit, not a claim ("Survivors
# include: John Smith", "Photo: Reuters").
_NOT_A_LINE_CLAIM_END = frozenset(
    "include includes including included are is was were be by from with to as like among named called of for "
    "and or photo photos photograph photographs picture pictured image images illustration graphic map footage "
    "composite credit credits source sources via courtesy caption file video "
    "read see also related watch tags topics category filed updated published posted author editor reporting "
    "writing editing contact email phone follow share".split()
)
# A statement pasted after its introduction ("A Statement from the White House read as follows:", "the
# statement reads:", "X said in a statement:"): the rest of that paragraph, or the next paragraph when the
# introduction ends its line, is the statement's own words. (Later paragraphs have no mark of where the
# statement ends, so they stay the author's.)
_STATEMENT_INTRO = re.compile(
    r"\b(?:(?:read|reads|reading|said|says|stated|states|declared|wrote|writes)\s+(?:\w+\s+){0,2}?as\s+follows"
    r"|(?:statement|declaration|communiqu[eé]|release|letter|message)\s+(?:read|reads|said|says|stated|states)"
    r"|(?:sa(?:id|ys)|stat(?:ed|es)|wr(?:ote|ites)|add(?:ed|s)|declared|announced|tweeted|posted)\s+(?:\w+\s+){0,3}?"
    r"in\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|letter|post|tweet|message|release|communiqu[eé]|declaration)"
    r")[ \t]*:$",  # searched with the colon as the end (find_statements)
    re.IGNORECASE,
)
# How far before its colon a statement's introduction may start (the longest is far shorter), and the word
# every introduction ends with, tested first as most colons follow none.
_STATEMENT_INTRO_CHARS = 160
_STATEMENT_INTRO_LAST_WORD = re.compile(
    r"\b(?:follows|reads?|said|says|stated|states|statement|declaration|communiqu[eé]|release|letter|message|post|"
    r"tweet)[ \t]*$",
    re.IGNORECASE,
)
_SENTENCE_BREAK_RE = re.compile(r"[.!?:][\"'\u2019\u201d\u00bb)\]]*\s")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n?[ \t]*(?P<para>[^\s][^\n]*)")


class Block(NamedTuple):
    """A stretch of a document in someone else's voice by the document's layout: start, end, voice."""

    start: int
    end: int
    voice: str


def find_line_speakers(text: str) -> list[Block]:
    """The text before the colon of each line ending in ": Speaker" (_LINE_SPEAKER), attributed.

    Only a claim in sentence case (a lower-case word of four letters or more: a title-case headline's last
    words may be its subtitle), of three words or more, one sentence, not closing with a word that introduces a
    list or a credit; and a speaker not opening with a word that labels the line."""
    blocks = []
    for line_start, line_end in lines_holding(text, (":",)):
        match = _LINE_SPEAKER.match(text, line_start, line_end)
        if match is None:
            continue
        said, speaker = match.group("said"), match.group("speaker")
        words = _WORD_RE.findall(said)
        if (
            len(words) >= 3
            and any(word[:1].islower() and len(word) >= 4 for word in words)
            and words[-1].lower() not in _NOT_A_LINE_CLAIM_END
            and not _SENTENCE_BREAK_RE.search(said)
            and speaker.split()[0].lower() not in _NOT_A_LINE_SPEAKER
            and not (speaker.endswith(".") and speaker.count(".") == 1)
        ):
            blocks.append(Block(match.start("said"), match.end("said"), ATTRIBUTED))
    return blocks


def find_statements(text: str) -> list[Block]:
    """The words of statements pasted after their introduction (_STATEMENT_INTRO), quoted: the rest of the
    paragraph after the colon, or the next paragraph when the colon ends the line. Not when the introduction
    is the author's ("I wrote as follows:") nor when a quotation mark opens the statement (find_quotes has it)."""
    blocks = []
    for line_start, line_end in lines_holding(text, (":",)):
        colon = text.find(":", line_start, line_end)
        while colon >= 0:
            # The regex is tried only before each colon: searched over the whole text it costs far more.
            found_at, colon = colon, text.find(":", colon + 1, line_end)
            if (block := _statement_after(text, found_at)) is not None:
                blocks.append(block)
    return blocks


def _statement_after(text: str, found_at: int) -> Block | None:
    """The statement introduced by the text ending at the colon at `found_at` (find_statements), or None."""
    if not _STATEMENT_INTRO_LAST_WORD.search(text, max(0, found_at - 30), found_at):
        return None
    match = _STATEMENT_INTRO.search(text, max(0, found_at - _STATEMENT_INTRO_CHARS), found_at + 1)
    if match is None:
        return None
    if _FIRST_PERSON_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return None
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    start, end = match.end(), line_end
    while start < line_end and text[start] in " \t":
        start += 1
    if start == line_end:  # the statement is the next paragraph (one blank line at most between)
        paragraph = _PARAGRAPH_RE.match(text, line_end)
        if paragraph is None:
            return None
        start, end = paragraph.span("para")
    if text[start] in QUOTE_MARKS:
        return None
    return Block(start, end, QUOTED)


# A line ending in a speaker and a verb of speaking before its colon ("Wills is here to reassure us:", "He wrote:",
# "Lavrov told reporters:"): searched in the line's tail before the colon.
# Between the verb and the colon, where and when it was said ("said in a statement Tuesday:", "told reporters on
# Monday:", "said on his show on Monday:", "told reporters in Moscow:"): a phrase after in/on/at/during of a determiner
# and one or two words, or of one capitalised name; and a day.
_SAID_WHERE_WHEN = (
    r"(?:[ \t]+(?:in|on|at|during)[ \t]+(?:(?:a|an|the|his|her|their|its)[ \t]+[\w\u2019'-]+(?:[ \t]+[\w\u2019'-]+)?"
    r"|(?-i:[A-Z])[\w\u2019'-]+))?"
    rf"(?:[ \t]+(?:on[ \t]+)?(?:{_WEEKDAY}|yesterday|today|tonight|earlier|later))?"
)
_SPEECH_INTRO = re.compile(rf"\b{_COLON_VERBS}{_SPOKEN_TO}{_SAID_WHERE_WHEN}[ \t]*$", re.IGNORECASE)
_SPEECH_INTRO_CHARS = 100
# A line may end so with a comma instead of the colon ("ICE Deputy Director Thomas Homan said in a statement Tuesday,"
# above the statement's paragraph): the sentence goes on in the next paragraph, which says what was said. Only a
# reporting verb (_REPORT_VERBS), not "asked" or "replied".
_REPORT_INTRO = re.compile(rf"\b{_REPORT_VERBS}{_SPOKEN_TO}{_SAID_WHERE_WHEN}[ \t]*$", re.IGNORECASE)
_COMMA_LINE_END_RE = re.compile(r",[ \t]*$", re.MULTILINE)
# The same with a speech noun as the object of a verb of issuing, sending or writing ("the caliph issued this
# edict:", "al-Aziz sent out a message to the governors of the provinces:", "Cook makes a similar point:",
# "Viganò provides further vital testimony:"): up to three words between verb and noun (no preposition: "made it
# to the point:"), and perhaps the addressee after "to". Searched in a longer tail, as the addressee may be long.
_SPEECH_NOUN_INTRO = re.compile(
    r"\b(?:issu(?:e|es|ed|ing)|sen(?:d|ds|t|ding)|mak(?:e|es|ing)|made|provid(?:e|es|ed|ing)|wr(?:ite|ites|ote|iting)|"
    r"giv(?:e|es|ing)|gave|deliver(?:s|ed|ing)?|publish(?:es|ed|ing)?)(?:[ \t]+(?:out|forth))?[ \t]+"
    r"(?:(?!(?:to|that|of|in|on|at|for|with|by|from|and|or|but|it)\b)[\w\u2019'-]+[ \t]+){0,3}?"
    r"(?:edicts?|messages?|statements?|letters?|decrees?|points?|testimony|testimonies)"
    r"(?:[ \t]+to[ \t]+(?:[\w\u2019'-]+[ \t]+){0,8}?[\w\u2019'-]+)?[ \t]*$",
    re.IGNORECASE,
)
_SPEECH_NOUN_INTRO_CHARS = 120
# A modal before the verb of speaking ("he will say:"): the speaker is the modal's subject; not "one would say:",
# the author's imagined speaker ("you will say:" has no subject by _NOT_A_SUBJECT).
_MODAL_BEFORE = re.compile(r"(?<!\bone )\b(?:will|would|can)[ \t]+$", re.IGNORECASE)


# "According to Carlson:" ending a line introduces the source's words as a block quotation, as a verb of speaking does:
# "according to" and a source of one to six words before the colon. Not a source that points at the page's own
# list or plan ("according to the following:", "according to plan:"), nor the first person ("according to me:").
_ACCORDING_INTRO = re.compile(
    r"\baccording[ \t]+to[ \t]+(?P<source>(?:[\w\u2019'.&-]+[ \t]+){0,5}?[\w\u2019'.&-]+)[ \t]*$", re.IGNORECASE
)
_ACCORDING_INTRO_CHARS = 80
_NO_SOURCE = re.compile(
    r"(?:me|us)$|(?:[\w\u2019'.&-]+[ \t]+)*?(?:following|below|above|this|these|plan|schedule|tradition)$",
    re.IGNORECASE,
)


def find_introduced_paragraphs(text: str) -> list[Block]:
    """The paragraph after a line ending in "<speaker> <verb of speaking>:" (_SPEECH_INTRO) or "according to
    <source>:" (_ACCORDING_INTRO), attributed: the speaker's words without quotation marks. Only with a speaker before the verb that is not the author
    (_has_reported_speaker: not "I wrote:", "Here's how to tell:", a bare "Explained:"), and not when a
    quotation mark opens the paragraph (find_quotes has it)."""
    blocks = []
    for line_start, line_end in lines_holding(text, (":",)):
        found_at = text.rfind(":", line_start, line_end)  # only the line's last colon may end it
        if text[found_at + 1:line_end].strip():
            continue  # the colon does not end its line
        match = _SPEECH_INTRO.search(text, max(line_start, found_at - _SPEECH_INTRO_CHARS), found_at)
        if match is None:
            match = _SPEECH_NOUN_INTRO.search(text, max(line_start, found_at - _SPEECH_NOUN_INTRO_CHARS), found_at)
        if match is None:
            according = _ACCORDING_INTRO.search(text, max(line_start, found_at - _ACCORDING_INTRO_CHARS), found_at)
            if according is not None and not _NO_SOURCE.match(according.group("source")):
                if (block := _introduced_paragraph(text, line_end)) is not None:
                    blocks.append(block)  # "According to Carlson:": the source is named, no subject to check
            continue
        before = text[line_start:match.start()]
        if (modal := _MODAL_BEFORE.search(before)) is not None and modal.start() > 0:
            before = before[:modal.start()]  # "he will say:": the subject comes before the modal
        verb = _WORD_RE.match(text, match.start()).group().lower()
        if _FIRST_PERSON_BEFORE.search(before[-40:]):
            continue
        if not _has_reported_speaker(before, verb, _goes_on_to(before)) and not _joined_to_subject(before):
            continue
        surname = _intro_speaker_surname(text, line_start, before)
        if (block := _introduced_paragraph(text, line_end, surname)) is not None:
            blocks.append(block)
    if "," in text:
        blocks.extend(_comma_introduced_paragraphs(text))
    return sorted(blocks)


def _comma_introduced_paragraphs(text: str) -> list[Block]:
    """The paragraphs after a line ending in "<speaker> <reporting verb> …," (_REPORT_INTRO), attributed, with the
    same checks of the speaker as after a colon."""
    blocks = []
    for comma in _COMMA_LINE_END_RE.finditer(text):
        found_at = comma.start()
        line_start = text.rfind("\n", 0, found_at) + 1
        line_end = text.find("\n", found_at)
        line_end = len(text) if line_end < 0 else line_end
        match = _REPORT_INTRO.search(text, max(line_start, found_at - _SPEECH_INTRO_CHARS), found_at)
        if match is None:
            continue
        before = text[line_start:match.start()]
        verb = _WORD_RE.match(text, match.start()).group().lower()
        if _FIRST_PERSON_BEFORE.search(before[-40:]) or not _has_reported_speaker(before, verb, _goes_on_to(before)):
            continue
        if (block := _introduced_paragraph(text, line_end)) is not None:
            blocks.append(block)
    return blocks


def _introduced_paragraph(text: str, line_end: int, surname: str | None = None) -> Block | None:
    """The paragraph after the line ending at `line_end`, attributed, with the paragraphs after it that go on with
    the same quotation (_quotation_goes_on_to), or else, one sentence a line, the lines up to the author's next
    naming the speaker by `surname` (_lines_until_named); None when there is none or a quotation mark opens it
    (find_quotes has it)."""
    paragraph = _PARAGRAPH_RE.match(text, line_end)
    if paragraph is None or text[paragraph.start("para")] in QUOTE_MARKS:
        return None
    start, end = paragraph.span("para")
    if not _closes_open_quotation(text[start:end]):
        end = _quotation_goes_on_to(text, end) or (_lines_until_named(text, end, surname) if surname else None) or end
    return Block(start, end, ATTRIBUTED)


# A line ending "... and commented:" after its subject's first verb ("He sent me the packets ... and commented:"):
# the sentence's subject speaks. Only a pronoun or a name of two capitalised words opening the sentence.
_JOINED_VERB_BEFORE = re.compile(r"\b(?:and|then)\s*$", re.IGNORECASE)
_THIRD_PERSON = frozenset("he she they".split())
_OPENS_NO_NAME = _NOT_A_SUBJECT | _SUBORDINATORS
_NAME_RE = re.compile(r"(?-i:[A-Z])[\w\u2019'.-]+(?:\s+(?-i:[A-Z])[\w\u2019'.-]+)+")


def _joined_to_subject(before: str) -> bool:
    """True when `before` (a line up to its verb of speaking) ends with "and"/"then" after a clause whose sentence
    opens with a third-person pronoun or a name: the verb's subject is that speaker."""
    if not _JOINED_VERB_BEFORE.search(before):
        return False
    sentence = _last_sentence(before)
    first = _WORD_RE.search(sentence)
    return first is not None and (first.group().lower() in _THIRD_PERSON or _leading_name(sentence) is not None)


def _last_sentence(line: str) -> str:
    """The line's text after its last sentence break."""
    breaks = list(_SENTENCE_BREAK_RE.finditer(line))
    return line[breaks[-1].end():] if breaks else line


def _leading_name(sentence: str) -> str | None:
    """The name of two capitalised words or more opening `sentence` ("Rich Penkoski, the father of ..."), or None
    (not "The ...", "In ...": a first word that opens no name)."""
    name = _NAME_RE.match(sentence.lstrip())
    if name is None or name.group().split()[0].lower() in _OPENS_NO_NAME:
        return None
    return name.group()


def _intro_speaker_surname(text: str, line_start: int, before: str) -> str | None:
    """The surname of the speaker a line introducing a quotation names: the name opening its sentence, or for a
    pronoun ("He sent me ... and commented:") the name opening the sentence before (on the line above); None
    when neither opens with a name."""
    sentence = _last_sentence(before)
    name = _leading_name(sentence)
    if name is None:
        first = _WORD_RE.search(sentence)
        if first is None or first.group().lower() not in _THIRD_PERSON or line_start == 0:
            return None
        previous = before[:len(before) - len(sentence)]  # the sentence before, on the same line or the line above
        if not previous.strip():
            previous = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1]
        breaks = list(_SENTENCE_BREAK_RE.finditer(previous.rstrip() + " "))
        previous_sentence = previous[breaks[-2].end():] if len(breaks) >= 2 else previous
        name = _leading_name(previous_sentence)
        if name is None:
            return None
    surname = name.split()[-1].strip(".,")
    return surname if len(surname) >= 3 else None


def _lines_until_named(text: str, position: int, surname: str) -> int | None:
    """One sentence a line, a quotation introduced by a colon has no mark of its end but the author's next words
    about its speaker ("He ... commented: ¶ The school is backtracking ... ¶ Rich Penkoski is hardly the first to
    protest ..."): the end of the line before the first line naming the speaker by `surname`, when it comes within
    MAX_EXCERPT_CHARS, with no blank line (a paragraph break: the quotation's end may be there), no line ending in
    a colon (a new introduction) and no line holding a double quotation mark between (the author quoting again);
    else None."""
    limit = min(len(text), position + MAX_EXCERPT_CHARS)
    named = re.compile(rf"\b{re.escape(surname)}\b")
    end = position
    while end < limit and text.startswith("\n", end):
        line_start = end + 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        if not line.strip() or line_end > limit:
            return None
        if named.search(line):
            return end if end > position else None
        if DOUBLE_QUOTES_RE.search(line) or line.rstrip().endswith(":"):
            return None
        end = line_end
    return None


# A quotation introduced by a colon may run over several paragraphs and show its end only by its closing mark: the
# block quote pasted without an opening mark ("According to Carlson: ¶ In her email, … ¶ … during the election.”"),
# or the English convention of opening each quoted paragraph with a mark and closing only the last. The paragraphs
# after the introduced one are the quotation's up to the first whose closing mark no mark in it opened, when that
# comes within MAX_QUOTE_PARAGRAPHS more paragraphs (non-blank lines) and MAX_QUOTE_CHARS, and no paragraph between
# holds a double quotation mark but one opening it (a quotation of its own would show the author writing there).
MAX_QUOTE_PARAGRAPHS = 5
MAX_QUOTE_CHARS = 3000


def _closes_open_quotation(paragraph: str) -> bool:
    """The paragraph closes a quotation opened before it: a closing double mark that no mark in it opened ('… the
    election.”', '… a key state for us.” She brags … election.”'). A straight mark opens where a space or the
    paragraph's start comes before it, and closes elsewhere ('"If we're ready,” he said' opens and closes)."""
    depth = 0
    for mark in DOUBLE_QUOTES_RE.finditer(paragraph):
        at = mark.start()
        if mark.group() == "“" or (mark.group() == '"' and (at == 0 or paragraph[at - 1].isspace())):
            depth += 1
        elif depth == 0:
            return True
        else:
            depth -= 1
    return False


def _quotation_goes_on_to(text: str, position: int) -> int | None:
    """The end of the paragraph after `position` that closes the quotation open there (see MAX_QUOTE_PARAGRAPHS), or
    None when none does within reach."""
    limit = min(len(text), position + MAX_QUOTE_CHARS)
    for index, match in enumerate(NONBLANK_LINE_RE.finditer(text, position)):
        if index >= MAX_QUOTE_PARAGRAPHS or match.end("line") > limit:
            return None
        line = match.group("line")
        if _closes_open_quotation(line):
            return match.end("line")
        if DOUBLE_QUOTES_RE.search(line, 1) is not None or line.endswith(":"):
            return None  # a quotation of the author's, or a new introduction
    return None


# A reader's letter in an advice column opens its paragraph with "DEAR <NAME>:" in capitals ("DEAR ABBY:") and
# ends with the reader's signature line after a dash ("... -- FEELING LIKE SECOND RATE"): the letter, from the
# salutation to the signature, is the reader's words. The columnist's reply opens the same way ("DEAR FEELING:")
# but is not signed before the next letter, so a letter counts only when its signature comes before another
# salutation, within MAX_LETTER_PARAGRAPHS non-blank lines.
_LETTER_OPENER_RE = re.compile(
    r"^[ \t]*(?P<dear>DEAR[ \t]+[A-Z][A-Z.\u2019'-]*(?:[ \t]+[A-Z][A-Z.\u2019'-]*){0,5}[ \t]*:)", re.MULTILINE
)
_LETTER_SIGNATURE_RE = re.compile(r"(?:--|\u2014|\u2013)[ \t]*[A-Z][A-Z .,\u2019'-]*[A-Z.][ \t]*$")
MAX_LETTER_PARAGRAPHS = 12


def find_reader_letters(text: str) -> list[Block]:
    """Readers' letters in an advice column (_LETTER_OPENER_RE to _LETTER_SIGNATURE_RE), quoted."""
    if "DEAR" not in text:
        return []
    blocks = []
    for opener in _LETTER_OPENER_RE.finditer(text):
        for index, line in enumerate(NONBLANK_LINE_RE.finditer(text, opener.start())):
            if index >= MAX_LETTER_PARAGRAPHS or (index > 0 and _LETTER_OPENER_RE.match(text, line.start())):
                break  # no signature: the columnist's reply, or no letter
            if _LETTER_SIGNATURE_RE.search(line.group("line")):
                blocks.append(Block(opener.start("dear"), line.end("line"), QUOTED))
                break
    return blocks


# An excerpt pasted without quotation marks after a line ending in a colon has no mark of where it ends, but two
# conventions of quoting show that the lines after the colon are someone else's text: a note of emphasis standing
# on its own line after the excerpt ("[emphasis added]", "(emphasis in original)", "[my emphasis]"), which closes
# it, and an ellipsis standing on its own line ("...", "[…]"), which marks words left out between two pieces of
# the excerpt. Only the author quoting writes either. The excerpt reaches at most MAX_EXCERPT_PARAGRAPHS
# paragraphs (non-blank lines: one sentence a line in some pages) and MAX_EXCERPT_CHARS; an ellipsis continues it
# only within MAX_ELLIPSIS_GAP paragraphs of the colon or of the ellipsis before (an ellipsis far from the colon
# may be the author's own pause, or end a second excerpt the author introduced in between).
_EMPHASIS_NOTE_RE = re.compile(
    r"[\[(][ \t]*(?:(?:all|my|our)[ \t]+)?(?:emphas[ie]s|italics)"
    r"(?:[ \t]+(?:added|mine|ours|supplied|in[ \t]+(?:the[ \t]+)?original))?[ \t]*\.?[ \t]*[\])]",
    re.IGNORECASE,
)
_ELLIPSIS_LINE_RE = re.compile(r"[\[(]?[ \t]*(?:\.[ \t]?\.[ \t]?\.(?:[ \t]?\.)?|…\.?)[ \t]*[\])]?")
MAX_EXCERPT_PARAGRAPHS = 20
MAX_EXCERPT_CHARS = 6000
MAX_ELLIPSIS_GAP = 3


def find_marked_excerpts(text: str) -> list[Block]:
    """Excerpts pasted after a line ending in a colon whose reach the page marks (see _EMPHASIS_NOTE_RE above),
    quoted: the paragraphs from the colon's next one up to a note of emphasis standing alone on its line, or else
    up to the paragraph after the last ellipsis standing alone on its line, each ellipsis within MAX_ELLIPSIS_GAP
    paragraphs of the one before (or of the colon); or else the colon's next paragraph when a note of emphasis
    ends the line before the colon ("As X notes (emphasis in the original):"). A further line ending in a colon
    ends the search: it introduces something of its own. Nothing without such a mark: an unmarked excerpt's end
    is unknown."""
    blocks = []
    for line_start, line_end in _excerpt_introductions(text):
        if len(text[line_start:line_end].split()) < 2:
            continue
        paragraphs = _paragraphs_after(text, line_end)
        intro = text[line_start:line_end].rstrip()[:-1].rstrip()
        noted = _EMPHASIS_NOTE_RE.search(intro, max(0, len(intro) - 40)) is not None and intro.endswith((")", "]"))
        end_index = _excerpt_end(text, paragraphs, 0 if noted and paragraphs else None)
        if end_index is not None:
            blocks.append(Block(paragraphs[0][0], paragraphs[end_index][1], QUOTED))
    return blocks


# The substrings every mark of an excerpt holds: an ellipsis, or the word of a note in one of its cases.
_EXCERPT_MARK_WORDS = ("...", "…", ". . .", "mphas", "MPHAS", "talics", "TALICS")


def _excerpt_introductions(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines ending in a colon that may introduce a marked excerpt, sorted: the nearest such
    line before each line standing as a mark (a note of emphasis or an ellipsis), within an excerpt's caps (only
    it can reach the mark: an excerpt stops before a line ending in a colon), and each line ending in a note and
    a colon. Found from the marks' substrings with str.find, far quicker than a regex or a pass over every colon."""
    introductions: set[tuple[int, int]] = set()
    for line_start, line_end in lines_holding(text, _EXCERPT_MARK_WORDS):
        line = text[line_start:line_end].strip()
        if line.endswith(":") and _EMPHASIS_NOTE_RE.search(line, max(0, len(line) - 41)):
            introductions.add((line_start, line_end))
        elif _EMPHASIS_NOTE_RE.fullmatch(line) or _ELLIPSIS_LINE_RE.fullmatch(line):
            if (introduction := _introduction_before(text, line_start)) is not None:
                introductions.add(introduction)
    return sorted(introductions)


def _introduction_before(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the nearest line ending in a colon before the line starting at `position`, when within
    MAX_EXCERPT_PARAGRAPHS non-blank lines and MAX_EXCERPT_CHARS of it; else None."""
    lines = 0
    origin = position
    while position > 0 and lines <= MAX_EXCERPT_PARAGRAPHS:
        line_end = position - 1
        line_start = text.rfind("\n", 0, line_end) + 1
        if origin - line_start > MAX_EXCERPT_CHARS:
            return None
        line = text[line_start:line_end].rstrip()
        if line.endswith(":"):
            return (line_start, line_end)
        lines += bool(line.strip())
        position = line_start
    return None


def _paragraphs_after(text: str, position: int) -> list[tuple[int, int]]:
    """The non-blank lines (start, end, without edge spaces) after the line ending at `position`, up to the
    caps of an excerpt, stopping before a line that ends in a colon."""
    paragraphs: list[tuple[int, int]] = []
    limit = min(len(text), position + MAX_EXCERPT_CHARS)
    while len(paragraphs) < MAX_EXCERPT_PARAGRAPHS and position < limit:
        match = NONBLANK_LINE_RE.search(text, position)
        if match is None or match.end("line") > limit:
            break
        if text[match.start("line"):match.end("line")].endswith(":"):
            break
        paragraphs.append(match.span("line"))
        position = match.end()
    return paragraphs


def _excerpt_end(text: str, paragraphs: list[tuple[int, int]], end_index: int | None) -> int | None:
    """The index of the excerpt's last paragraph among `paragraphs` (find_marked_excerpts), or None; `end_index`
    is the least end known before (0 when the colon's line notes the emphasis: "As X notes (emphasis in the
    original):")."""
    last_ellipsis = -1  # the colon's line
    for k, (start, end) in enumerate(paragraphs):
        if _EMPHASIS_NOTE_RE.fullmatch(text, start, end):
            return k - 1 if k > 0 else end_index
        if _ELLIPSIS_LINE_RE.fullmatch(text, start, end):
            if k - last_ellipsis - 1 > MAX_ELLIPSIS_GAP:
                break
            last_ellipsis = k
            if k + 1 < len(paragraphs) and not _ELLIPSIS_LINE_RE.fullmatch(text, *paragraphs[k + 1]):
                end_index = k + 1
    return end_index


# An embedded tweet as page text keeps the signature its embed code prints under the tweet: "— Donald J. Trump
# (@realDonaldTrump) September 11, 2018" (a dash, the account's name, its handle in brackets, the date). The tweet's
# text stands before the dash on the same line, or else on the line above (perhaps with its picture's link
# "pic.twitter.com/..." on a line of its own between): that text is the tweeter's words.
_TWEET_SIGNATURE_RE = re.compile(
    r"(?<!\S)(?P<dash>[\u2014\u2013]|--?)[ \t]*[^\n()@\u2014\u2013]{1,60}?[ \t]*\(@\w{1,15}\)[ \t]+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t]+\d{1,2},[ \t]+\d{4}"
    r"[ \t]*$",
    re.MULTILINE,
)
_LINK_LINE_RE = re.compile(r"(?:https?://|pic\.twitter\.com/)\S+")


def find_embedded_tweets(text: str) -> list[Block]:
    """The texts of embedded tweets above their signature lines (_TWEET_SIGNATURE_RE), quoted."""
    if "(@" not in text:
        return []
    blocks = []
    for signature in _TWEET_SIGNATURE_RE.finditer(text):
        line_start = text.rfind("\n", 0, signature.start()) + 1
        before = text[line_start:signature.start()]
        if before.strip():
            start = line_start + len(before) - len(before.lstrip())
            blocks.append(Block(start, line_start + len(before.rstrip()), QUOTED))
            continue
        end = line_start
        for _ in range(2):  # the tweet's line, or its link's line and the tweet's line above it
            previous = _last_nonblank_line(text, end)
            if previous is None:
                break
            if _LINK_LINE_RE.fullmatch(text, *previous):
                end = previous[0]
                continue
            blocks.append(Block(previous[0], previous[1], QUOTED))
            break
    return blocks


def _last_nonblank_line(text: str, position: int) -> tuple[int, int] | None:
    """(start, end, without edge spaces) of the last non-blank line ending before `position` (a line start), or
    None when only blank lines, at most one, stand between (a tweet's text sits right above its signature)."""
    end = position - 1
    for _ in range(2):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            return start + len(line) - len(line.lstrip()), start + len(line.rstrip())
        end = start - 1
    return None


def find_layout_blocks(text: str) -> tuple[Block, ...]:
    """Pasted statements, excerpts, readers' letters and embedded tweets (quoted), lines attributed to a speaker
    after their final colon and paragraphs introduced by a speaker's line (attributed), sorted by start."""
    return tuple(
        sorted(find_statements(text) + find_marked_excerpts(text) + find_line_speakers(text) + find_introduced_paragraphs(text)
               + find_reader_letters(text) + find_embedded_tweets(text))
    )


def layout_voice(blocks: tuple[Block, ...], start: int, end: int) -> str | None:
    """The voice of the layout blocks holding [start, end) (quoted before attributed), or None."""
    voice = None
    for block in blocks:  # few per document
        if block.start > start:
            break
        if end <= block.end and voice != QUOTED:
            voice = block.voice
    return voice


# A cheap test before the cue regexes, which cost ~12 µs a search (most phrases have neither cue).
# Every match of _PREFIX_CUES starts, after its \b, with a whole word (a maximal run of \w characters, as each
# alternative's first word is followed by \s, "-", "," or ":") that _PREFIX_START_WORD fully matches: "what",
# "so", "according", "in" ("in the words of", "in his view"), "quoted", or a speech, report, accusation or
# regard verb. So _PREFIX_CUES matches a text iff it matches at the start of such a word, and VoiceFinder tries
# it there only (re's match at a position sees the text before it for \b, as search does), instead of letting
# search try every character. Likewise every match of _ANYWHERE_CUES holds a whole word that
# _ANYWHERE_CUE_WORD fully matches, so a span of text none of whose words is such a word cannot match. The word
# tests use the same case-insensitive matching as the cues, so they agree on every alphabet.
_PREFIX_START_WORD = re.compile(
    "|".join(
        (
            r"what|so|according|in|quoted|accusations?|allegations?|testif(?:y|ies|ied|ying)",
            r"accus(?:e|es|ed|ing)|call(?:s|ed|ing)?|criticis\w*|criticiz\w*|condemn\w*|blam(?:e|es|ed|ing)",
            r"call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|ed|led)?|brand(?:s|ed)?",
            _SPEECH_VERB_WORD,
            r"(?:regard|view|see|consider|deem|perceive|treat)(?:s|ed|ing)?",
            _REPORT_VERBS,
            r"(?:recount|explain|describ|recall|tell)\w*|assur(?:e|es|ed|ing)",  # the bare cue's other verbs
            _COLON_VERBS,
            r"sp(?:eak|eaks|oke|oken|eaking)|complain(?:s|ed|ing)?|rail(?:s|ed|ing)?|lament(?:s|ed|ing)?",
        )
    ),
    re.IGNORECASE,
)
_ANYWHERE_CUE_WORD = re.compile(r"according|" + _TRAILING_VERB, re.IGNORECASE)
# The characters that may join the \w runs of one token (analysis.tokens.WORD_RE): a token's words as the cues see them.
_APOSTROPHE_RE = re.compile(r"['’]")
MAX_CUE_WORDS = 200_000  # each per-token memo starts afresh beyond this many tokens


class _CueWords(dict):
    """token (as written) -> whether one of its words (its runs of word characters) fully matches `pattern`;
    filled on first sight.

    Kept per process: the answer depends on the token alone, and most tokens recur."""

    def __init__(self, pattern: re.Pattern):
        super().__init__()
        self.pattern = pattern

    def __missing__(self, token: str) -> bool:
        if len(self) >= MAX_CUE_WORDS:  # bounded for long-running processes; voices do not depend on it
            self.clear()
        found = self[token] = any(self.pattern.fullmatch(word) for word in _APOSTROPHE_RE.split(token))
        return found


class _StartWords(dict):
    """token (as written) -> the offsets in it of its words (runs of word characters) that fully match
    `pattern` (an empty tuple for most tokens); filled on first sight, kept per process like _CueWords."""

    def __init__(self, pattern: re.Pattern):
        super().__init__()
        self.pattern = pattern

    def __missing__(self, token: str) -> tuple[int, ...]:
        if len(self) >= MAX_CUE_WORDS:
            self.clear()
        offsets: list[int] = []
        offset = 0
        for word in _APOSTROPHE_RE.split(token):
            if self.pattern.fullmatch(word):
                offsets.append(offset)
            offset += len(word) + 1  # the word and the one-character apostrophe after it
        found = self[token] = tuple(offsets)
        return found


_PREFIX_START_TOKENS = _StartWords(_PREFIX_START_WORD)
_ANYWHERE_CUE_TOKENS = _CueWords(_ANYWHERE_CUE_WORD)


def sentence_around(sentence_spans: tuple[tuple[int, int], ...], starts: list[int], start: int) -> tuple[int, int]:
    """The sentence span containing offset `start` (`starts` are the sentence starts, sorted)."""
    index = bisect.bisect_right(starts, start) - 1
    if index < 0:
        return (0, start)
    return sentence_spans[index]


def without_pull_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """`quotes` less the page's pull-quotes: a quotation of PULL_QUOTE_WORDS words or more standing alone on its
    line (perhaps with a picture's credit after it) whose words appear again in the text outside any quotation
    (an editorial's own sentence set apart, as "'Excessive force and police brutality have accelerated ...'
    Photograph: AFP" above the same sentence in its body). Those words are the author's. (A quotation inside a
    sentence, or followed by its speaker, is someone's words even where an embedded post repeats them.)"""
    kept = []
    for quote in quotes:
        # the cheap tests first: most quotations stand inside a sentence, so their words need no splitting
        if quote.closed and _stands_alone(text, quote):
            inner = text[quote.inner[0]:quote.inner[1]].strip().rstrip(".,;:!?\u2026").rstrip()
            if len(inner.split()) >= PULL_QUOTE_WORDS and _said_again_unquoted(text, quotes, inner, quote):
                continue
        kept.append(quote)
    return kept


def _stands_alone(text: str, quote: Quote) -> bool:
    """True when `quote` is its line's only text, but for a picture's credit after it ("Photograph: AFP")."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:quote.start].strip() and _CREDIT_OR_NOTHING_RE.fullmatch(text, quote.end, line_end) is not None


def _said_again_unquoted(text: str, quotes: list[Quote], words: str, quote: Quote) -> bool:
    """True when `words` (a quotation's interior) occur in `text` outside `quote` and outside every quotation."""
    position = text.find(words)
    while position >= 0:
        end = position + len(words)
        if not (quote.start <= position < quote.end) and not is_inside_quote(quotes, position, end):
            return True
        position = text.find(words, position + 1)
    return False


def is_inside_quote(quotes: list[Quote], start: int, end: int) -> bool:
    """True when [start, end) lies inside a quotation, marks excluded (a quoted word counts)."""
    for quote in quotes:
        if quote.start > start:
            break
        inner_start, inner_end = quote.inner
        if inner_start <= start and end <= inner_end:
            return True
    return False


def quote_reach(quotes: list[Quote]) -> tuple[list[int], list[int]]:
    """The quotations' starts (sorted, as find_quotes gives them) and, for each, the furthest end of an interior
    among it and the quotations before it: offset p..q lies inside some interior iff a quotation starting
    before p reaches q (see is_mostly_quoted)."""
    return [quote.start for quote in quotes], list(itertools.accumulate((quote.inner[1] for quote in quotes), max))


def is_mostly_quoted(text: str, starts: list[int], reach: list[int], start: int, end: int) -> bool:
    """True when most words of [start, end) lie inside quotations (`starts`, `reach`: quote_reach): a phrase
    crossing quotation marks ("as “a tool of Russian intelligence” and “a nihilistic opportunist”") is mostly
    the quoted speaker's words, so it takes their voice. Not when the quoted words are only a name or title (each
    capitalised or a function word) and a word outside the marks is more than a function word: 'the infamous
    "Gang of Eight"' joins the author's adjective to a quoted name, and the author's word decides the phrase's
    voice (a span has one voice; it is not split). A line in title case (a headline) capitalises speech too."""
    if not starts or starts[0] >= end:
        return False
    words = [match.span() for match in _JOINED_WORD_RE.finditer(text, start, end)]
    inside: list[str] = []
    outside: list[str] = []
    for word_start, word_end in words:
        before = bisect.bisect_left(starts, word_start)
        (inside if before > 0 and reach[before - 1] >= word_end else outside).append(text[word_start:word_end])
    if 2 * len(inside) <= len(words):
        return False
    if any(word.lower() not in ENGLISH_STOP_WORDS and not _TITLE_VERB.fullmatch(word) for word in outside) and _names_only(inside):
        # 'the infamous "Gang of Eight"', 'Donald “Art of the Deal” Trump': the marks set off a name, no one's words;
        # the author's own word beside it gives the phrase its voice. (Not in a line written in title case.)
        line_start = text.rfind("\n", 0, start) + 1
        return is_title_case(text, line_start)
    return True


# Words that give a title its quotation ("a film entitled ‘Tsunami: Wrath of God’"): the title stays quoted.
_TITLE_VERB = re.compile(r"(?:en)?titled|called|named|dubbed|labell?ed|branded", re.IGNORECASE)


def _names_only(words: list[str]) -> bool:
    """True when every word is capitalised or a function word, one capitalised at least: a name or a title."""
    return any(word[:1].isupper() for word in words) and all(
        word[:1].isupper() or word.lower() in ENGLISH_STOP_WORDS for word in words
    )


def is_inside_turn(turns: tuple[Turn, ...], start: int, end: int) -> bool:
    """True when [start, end) ends inside the words of a speaker's turn and starts there or in its label
    ("LAVROV: The neo-Nazi regime": the label only names the speaker). `turns` are sorted, not overlapping."""
    index = bisect.bisect_right(turns, (start, float("inf"))) - 1
    return index >= 0 and turns[index].start < end <= turns[index].end


def cue_reaches(prefix: str, match: re.Match, rest: str = "") -> bool:
    """True when a prefix cue found in `prefix` (the sentence up to the phrase) puts the phrase, at the
    prefix's end, in someone else's voice. `rest` is the sentence after the phrase.

    It does not when the speaker is the author ("I wrote that", "we call it"); in "That said, ..." and
    "Having said that, ..." (nevertheless); when the phrase is part of
    the source named after "according to" ("according to a shocking report": the author's words for the
    report); when the cue is a noun ("his claims that ...") whose clause ended at a comma before the phrase, or
    whose "that" is a relative pronoun ("a claim that is false"); when a naming word is a noun after a preposition
    or determiner ("in terms that were a slur"); when a semicolon stands between a "that" cue and the phrase (the reported
    clause has ended: a new main clause; direct speech after "said," or a colon runs on); or when the phrase is in an appositive closing
    the sentence that judges the reported words (", a claim that is plainly false propaganda.")."""
    before = prefix[:match.start()]
    goes_on = _goes_on_to(before)
    if _FIRST_PERSON_BEFORE.search(before[:goes_on] if goes_on is not None else before):
        return False  # "I wrote that", "I went on to say that"
    idiom_start = _IDIOM_FIRST_WORD.search(before)
    if idiom_start and _IDIOM_SAID.match(prefix, idiom_start.start()):
        return False
    if _AUTHOR_WHAT.match(prefix, match.start()) or _AUTHOR_WHAT_BEFORE.search(before[-80:]):
        return False  # "in what can only be described as ..."
    if match.group().endswith(":") and _RHETORICAL_BEFORE.search(before[-40:]):
        return False  # "One might ask: ..."
    after = prefix[match.end():]
    if match.group("bare") is not None:
        # Without "that" the clause is read up to its first comma, semicolon or dash only: past it the author
        # may speak again ("After Kavanaugh said he had diaries, The New Yorker published ..."). But when the
        # speaker opens the sentence ("Volker told the committee he tried ..., that ..."), the report is the
        # sentence's main clause and reaches on like a "that" clause.
        verb = _WORD_RE.match(prefix, match.start()).group()
        if not _has_reported_speaker(before, verb.lower(), goes_on):
            return False
        if not _CLAUSE_END_RE.search(after):
            return True
        return (
            _speaker_opens_sentence(before)
            and _THAT_RE.search(after, _CLAUSE_END_RE.search(after).end()) is not None
            and not _returns_to_author(after, rest)
        )
    if _returns_to_author(after, rest):
        return False
    if ";" in after and match.group().lower().endswith("that"):
        return False  # "First he said that ...; then he attacked her in terms that were a slur": a new main clause
    if match.group().lower().endswith("that") and _CLAUSE_END_RE.search(after) and _opens_fronted_clause(before):
        return False  # "When he says that ..., he is lying": the fronted clause ends at its comma, the main clause follows
    if _NAMING_NOUN.fullmatch(_WORD_RE.match(prefix, match.start()).group()) and _NOUN_BEFORE.search(before[-20:]):
        return False  # "in terms that were a slur", "the brands as ...": a noun, no one naming anything
    if match.group("charge") is not None and _LATER_OF.search(rest) and len(match.group("charge_words").split()) > 2:
        return False  # the charge may be the later "of": only its first two words are surely the charge
    if after.rfind("(") > after.rfind(")"):
        return False  # an aside in parentheses opened after the cue is the author's ("(evidently to ...)")
    if _ACCORDING_RE.match(prefix, match.start()):
        if _CLAUSE_END_RE.search(after):
            return True
        return any(word.lower() in _NEW_PHRASE_WORDS for word in _WORD_RE.findall(after)[1:])
    first_word = _WORD_RE.match(prefix, match.start())
    if first_word and _REPORT_WORD.fullmatch(first_word.group()) and _DETERMINER_BEFORE.search(before):
        next_word = _WORD_RE.search(after)
        if match.group().lower().endswith("that") and next_word and next_word.group().lower() in _RELATIVE_THAT_VERBS:
            return False  # "a claim that is false": what the claim is, not what it says
        return not _CLAUSE_END_RE.search(prefix[first_word.end():])
    return True


def _returns_to_author(after: str, rest: str) -> bool:
    """True when the text between a cue and the phrase (`after`; `rest` follows the phrase) holds an appositive
    judging the reported words (_JUDGEMENT_APPOSITIVE) that closes the sentence, with no other report before it.

    Closing: no comma, semicolon or dash after it ("the reports, a fabrication by the junta, were false" is
    an appositive inside the reported clause). No other report: "He said the West claims ..., a lie ..." may
    judge the West's claim in the speaker's words."""
    if "," not in after:
        return False
    appositive = _JUDGEMENT_APPOSITIVE.search(after)
    if appositive is None or _CLAUSE_END_RE.search(after, appositive.start() + 1) or _CLAUSE_END_RE.search(rest):
        return False
    return not any(_SPEECH_WORD.fullmatch(word) for word in _WORD_RE.findall(after[:appositive.start()]))


def _speaker_opens_sentence(before: str) -> bool:
    """True when `before` (the sentence up to a reporting verb) is only the verb's subject: a few words, no
    clause mark, not opening with a subordinating word ("After Kavanaugh said ...", "If he says ...") nor
    holding a relative one ("The aides complain about reporters who they say ...")."""
    words = [word.lower() for word in _WORD_RE.findall(before)]
    return (
        0 < len(words) <= _MAX_SUBJECT_WORDS
        and words[0] not in _SUBORDINATORS
        and not _RELATIVES.intersection(words)
        and not _CLAUSE_END_RE.search(before)
    )


def _opens_fronted_clause(before: str) -> bool:
    """True when `before` (the sentence up to a cue) is the start of a clause fronted by a subordinating
    conjunction, not yet closed by a comma ("When he says that ...", "If Lavrov claims that ..."): the report
    then ends with that clause, and the main clause after its comma is the author's."""
    first_word = _WORD_RE.search(before)
    return (
        first_word is not None
        and first_word.group().lower() in SUBORDINATORS
        and not before[:first_word.start()].strip()
        and not _CLAUSE_END_RE.search(before)
    )


def _goes_on_to(before: str) -> int | None:
    """Where a "went on to" / "continued to" ending `before` (the text before a cue) starts, or None."""
    stripped = before.rstrip()
    tail_start = max(0, len(stripped) - 60)  # the longest such phrase is far shorter: only the tail is searched
    match = _GOES_ON_TO.search(stripped, tail_start)
    return match.start() if match else None


def _has_reported_speaker(before: str, verb: str, goes_on: int | None) -> bool:
    """True when the text before a bare reporting verb ends with its speaker: a word that can be a subject
    ("Lavrov", "he", "the minister") perhaps followed by an adverb ("Lavrov also said"), or a comma before a
    participle ("..., saying the regime ..."). The first person was ruled out before (cue_reaches). `goes_on`
    is _goes_on_to(before), which the caller has found already."""
    stripped = before.rstrip()
    if goes_on is not None:  # "I went on to say" was ruled out with the first person
        speaker_side = stripped[:goes_on]
        return _has_reported_speaker(speaker_side, _WORD_RE.match(stripped, goes_on).group().lower(), _goes_on_to(speaker_side))
    if stripped.endswith(","):
        return True  # ", saying ...": the speaker is the clause's subject (a finite verb after a comma too)
    if verb.endswith("ing"):
        return False  # "by adding ...", "is saying": no speaker of its own before a participle
    words = _WORD_RE.findall(stripped[-80:])
    while words and (words[-1].lower() in _BETWEEN_SUBJECT_AND_VERB or (words[-1].islower() and words[-1].endswith("ly"))):
        words.pop()
    return bool(words) and words[-1].lower() not in _NOT_A_SUBJECT and stripped[-1:].isalnum()


def _reaching_prefix_cues(prefix: str, rest: str = "") -> Iterator[re.Match]:
    """The prefix cues in `prefix` that reach the phrase at its end (cue_reaches; `rest` follows it), in order."""
    position = 0
    while (match := _PREFIX_CUES.search(prefix, position)) is not None:
        if cue_reaches(prefix, match, rest):
            yield match
        position = match.start() + 1


def prefix_cue_reaches(prefix: str, rest: str = "") -> bool:
    """True when some prefix cue in `prefix` reaches the phrase at its end (cue_reaches; `rest` follows it)."""
    return any(_reaching_prefix_cues(prefix, rest))


def is_attributed(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """True when the sentence frames [start, end) as someone else's wording."""
    if prefix_cue_reaches(text[sentence[0]:start], text[end:sentence[1]]):
        return True
    return bool(_ANYWHERE_CUES.search(text[end:sentence[1]]))


# Verbs that tell how someone spoke and judge it ("slammed", "blasted", "ranted", "bragged"): the writer's word for a
# speech act, which speakers do not use of their own words. Joined to a report as its second predicate, with no
# subject of its own ("Trump said he had watched the testimony and slammed the hearings"), such a verb is the
# writer's description of what the speaker did, not part of what was said. (Verbs whose literal sense is common,
# "hammered", "torched", "ripped", are left out; "ripped into" is kept.)
_JUDGING_SPEECH_VERB = re.compile(
    r"(?:slam(?:s|med|ming)|blast(?:s|ed|ing)|lambast(?:e|es|ed|ing|s)?|excoriat(?:e|es|ed|ing)|eviscerat(?:e|es|ed|ing)|"
    r"berat(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|rail(?:s|ed|ing)?\s+against|rant(?:s|ed|ing)?|fum(?:e|es|ed|ing)|"
    r"whin(?:e|es|ed|ing)|brag(?:s|ged|ging)?|boast(?:s|ed|ing)?|gloat(?:s|ed|ing)?|bleat(?:s|ed|ing)?|spew(?:s|ed|ing)?|"
    r"lash(?:es|ed|ing)?\s+out|mock(?:s|ed|ing)?|derid(?:e|es|ed|ing)|sneer(?:s|ed|ing)?|scoff(?:s|ed|ing)?|"
    r"tout(?:s|ed|ing)?|gush(?:es|ed|ing)?|ridicul(?:e|es|ed|ing)|trash(?:es|ed|ing)|rip(?:s|ped|ping)?\s+into)\b",
    re.IGNORECASE,
)
# A second predicate's place: right after "and", "but", "then" or a comma, perhaps with an adverb ("and promptly").
_JOINED_PREDICATE_BEFORE = re.compile(r"(?:\b(?:and|but|then)|,)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def is_authors_own_word(
    text: str, quotes: list[Quote], quote_starts: list[int], sentence: tuple[int, int], start: int, end: int
) -> bool:
    """True when [start, end), in a sentence that reports someone (is_attributed), is still the writer's wording:

    - a verb judging a speech act joined to the report as its second predicate ("Trump said he had watched the
      testimony and slammed the hearings": _JUDGING_SPEECH_VERB);
    - a word outside quotation marks in a report that quotes some of the speaker's words itself ("Schaaf declared
      that she considered it her "duty" to warn criminal illegals", "slammed the hearings as a “disgrace.”"): the
      writer marked which words are the speaker's, and the rest of the sentence is the writer's paraphrase
      (_report_quotes_words). Not for a charge or a reason given ("accused X of <phrase>", "calling him out for
      <phrase>"), which names the accusation itself, nor when the phrase crosses a quotation mark.

    `quotes` are the text's quotations without pull-quotes, sorted by start; `quote_starts` their starts."""
    if _JUDGING_SPEECH_VERB.match(text, start) and _JOINED_PREDICATE_BEFORE.search(text, max(sentence[0], start - 30), start):
        return True
    first = bisect.bisect_left(quote_starts, sentence[0])
    if first == len(quote_starts) or quote_starts[first] >= sentence[1]:
        return False  # no quotation in the sentence (most reports): no need to find the cue again
    stretch = _reported_stretch(text, sentence, start, end)
    return stretch is not None and _report_quotes_words(text, quotes, quote_starts, stretch, start, end)


def _reported_stretch(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int] | None:
    """The part of the sentence the report reaching [start, end) covers: from the nearest prefix cue reaching it
    to the sentence's end, or from the sentence's start to a cue after it ("..., according to X"). None when that
    prefix cue names a charge or a reason ("accused X of", "calling him out for"): the phrase is the charge."""
    prefix, rest = text[sentence[0]:start], text[end:sentence[1]]
    reaching = list(_reaching_prefix_cues(prefix, rest))
    nearest = reaching[-1] if reaching else None
    if nearest is not None:
        if nearest.group("charge") is not None or nearest.group("reason") is not None:
            return None
        return sentence[0] + nearest.start(), sentence[1]
    after = _ANYWHERE_CUES.search(rest)
    return (sentence[0], end + after.start()) if after is not None else None


def _report_quotes_words(
    text: str, quotes: list[Quote], quote_starts: list[int], stretch: tuple[int, int], start: int, end: int
) -> bool:
    """True when a closed quotation starting in `stretch` apart from [start, end), not opened after a colon, quotes
    words (one not a function word, and not only a name or title: “Council of Cardinals”, “Transportation
    Corporation A”), and no quotation there crosses the phrase (a phrase crossing a quotation mark keeps the
    report's voice)."""
    found = False
    for quote in quotes[bisect.bisect_left(quote_starts, stretch[0]):bisect.bisect_left(quote_starts, stretch[1])]:
        if quote.start < end and quote.end > start:
            return False
        if not quote.closed or text[max(0, quote.start - 8):quote.start].rstrip().endswith(":"):
            continue  # a direct quotation after a colon is whole sentences, maybe a third person's, not words woven in
        words = _JOINED_WORD_RE.findall(text, *quote.inner)
        if any(word.lower() not in ENGLISH_STOP_WORDS for word in words) and not _names_only(words):
            found = True
    return found


def classify_voice(
    text: str,
    start: int,
    end: int,
    quotes: list[Quote],
    sentence_spans: tuple[tuple[int, int], ...],
    sentence_starts: list[int] | None = None,
    turns: tuple[Turn, ...] | None = None,
    blocks: tuple[Block, ...] | None = None,
) -> str:
    """'quoted', 'attributed' or 'authorial' for the phrase [start, end) of `text`. `turns` are the text's
    speaker turns (find_speaker_turns; DocContext.turns) and `blocks` its layout blocks (find_layout_blocks),
    found here when not given.

    The plain definition, step by step: the pipeline asks VoiceFinder (DocContext.voice_finder), whose shortcuts
    (bisected quotations, cue regexes tried only at tokens that may start a match) must give the same answers;
    the tests compare the two, so this stays its own code rather than a wrapper over the finder."""
    if turns is None:
        turns = tuple(find_speaker_turns(text))
    quotes = without_pull_quotes(text, quotes)
    if is_inside_quote(quotes, start, end) or is_inside_turn(turns, start, end):
        return QUOTED
    if is_mostly_quoted(text, *quote_reach(quotes), start, end):
        return QUOTED
    if blocks is None:
        blocks = find_layout_blocks(text)
    if (voice := layout_voice(blocks, start, end)) is not None:
        return voice
    starts = sentence_starts if sentence_starts is not None else [s for s, _ in sentence_spans]
    sentence = sentence_around(sentence_spans, starts, start)
    if is_attributed(text, sentence, start, end):
        own = is_authors_own_word(text, quotes, [quote.start for quote in quotes], sentence, start, end)
        return AUTHORIAL if own else ATTRIBUTED
    return AUTHORIAL


class VoiceFinder:
    """classify_voice for the phrases of one document, with a cheap test that spares most cue searches.

    Holds the document's text, quotations (sorted by start, as find_quotes gives them), speaker turns
    (find_speaker_turns), sentences and tokens (analysis.tokens.Tokens of the same text).
    Before searching a cue regex in a stretch of text it looks at the tokens in that stretch: the prefix cues
    are tried only at the words that may start a match (_PREFIX_START_WORD), the cues after a phrase only when
    a token holds a cue word (_ANYWHERE_CUE_WORD). The answers are
    classify_voice's, phrase for phrase (tests/test_loaded.py checks this).
    """

    def __init__(self, text: str, quotes: list[Quote], turns: tuple[Turn, ...], tokens):
        self.text = text
        # For is_inside_quote: the quotations' starts (sorted, as find_quotes gives them) and, for each,
        # the furthest end of an interior among it and the quotations before it.
        self.quotes = without_pull_quotes(text, quotes)
        self.quote_starts, self.quote_reach = quote_reach(self.quotes)
        self.sentence_spans = tokens.sentence_spans
        self.sentence_starts = [s for s, _ in tokens.sentence_spans]
        self.word_starts = tokens.word_starts
        self.word_ends = tokens.word_ends
        self.words = tokens.words
        self.turns = turns
        self.blocks = find_layout_blocks(text)

    def _tokens_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens [first, last) lying in text[start:end], or None when a token is cut at an edge (its piece
        is then a word of its own, which the token memos do not know)."""
        first = bisect.bisect_right(self.word_ends, start)  # the first token ending after `start`
        last = bisect.bisect_left(self.word_starts, end)  # tokens before `last` start before `end`
        if first < last and (self.word_starts[first] < start or self.word_ends[last - 1] > end):
            return None
        return first, last

    def may_match(self, cue_tokens: _CueWords, start: int, end: int) -> bool:
        """False when text[start:end] surely holds no cue word of `cue_tokens`' kind (so no cue match)."""
        within = self._tokens_within(start, end)
        if within is None:
            return True  # let the regex decide
        first, last = within
        return any(map(cue_tokens.__getitem__, self.words[first:last]))

    def prefix_cue(self, start: int, end: int, rest: tuple[int, int]) -> bool:
        """prefix_cue_reaches(text[start:end], text[rest[0]:rest[1]]), trying the regex only where a word may
        start a match."""
        within = self._tokens_within(start, end)
        if within is None:
            return prefix_cue_reaches(self.text[start:end], self.text[rest[0]:rest[1]])
        first, last = within
        offsets = list(map(_PREFIX_START_TOKENS.__getitem__, self.words[first:last]))
        if not any(offsets):
            return False
        prefix = self.text[start:end]
        after = self.text[rest[0]:rest[1]]
        word_starts = self.word_starts
        for k in itertools.compress(range(len(offsets)), offsets):
            for offset in offsets[k]:
                match = _PREFIX_CUES.match(prefix, word_starts[first + k] - start + offset)
                if match is not None and cue_reaches(prefix, match, after):
                    return True
        return False

    def voice(self, start: int, end: int) -> str:
        """classify_voice(text, start, end, quotes, sentence_spans, turns=turns) for this document."""
        # = is_inside_quote(quotes, start, end): some quotation starting before `start` (its interior then
        # starts at or before it) has an interior reaching `end`.
        before = bisect.bisect_left(self.quote_starts, start)
        if before and self.quote_reach[before - 1] >= end:
            return QUOTED
        if self.turns and is_inside_turn(self.turns, start, end):
            return QUOTED
        crosses = (before and self.quote_reach[before - 1] > start) or (
            before < len(self.quote_starts) and self.quote_starts[before] < end
        )  # a quotation holds the phrase's start or opens inside it: else no word of it is quoted
        if crosses and is_mostly_quoted(self.text, self.quote_starts, self.quote_reach, start, end):
            return QUOTED
        if self.blocks and (voice := layout_voice(self.blocks, start, end)) is not None:
            return voice
        sentence_start, sentence_end = sentence_around(self.sentence_spans, self.sentence_starts, start)
        if self.prefix_cue(sentence_start, start, (end, sentence_end)) or (
            self.may_match(_ANYWHERE_CUE_TOKENS, end, sentence_end) and _ANYWHERE_CUES.search(self.text[end:sentence_end])
        ):
            own = is_authors_own_word(self.text, self.quotes, self.quote_starts, (sentence_start, sentence_end), start, end)
            return AUTHORIAL if own else ATTRIBUTED
        return AUTHORIAL
