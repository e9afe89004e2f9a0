"""Which outlets, agencies and platforms a document names, in what role, and how it labels them.

Input: the document text, its shared tokenization and the registry. Output: one `Mention` per
occurrence (registry row, offsets, role, label the text gives it), aggregated by `cited_entities()`
into rows of the `citations` table. Roles: `source` ("according to Bloomberg", "RFE/RL reported"),
`venue` ("told ATV", "posted on X"), `credit` ("Source attribution: …", "© … / Getty Images",
"(AP)" closing a caption) and `mention` (anything else).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from .actors import JOURNALIST_TITLES, NEWSPAPER_WORDS, _without_possessive, word_alternation
from .metadata import MONTHS, WEEKDAYS
from .registry import MARKS, POSSESSIVE_ENDINGS, STATE_MEDIA_MEANINGS, Outlet, Registry, alias_key, is_acronym, main_label, normalise_host
from .stopwords import ENGLISH_STOP_WORDS
from .tokens import Tokens

DOMAIN_RE = re.compile(
    r"(?<![\w@.\-/])(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24})(?![\w\-])(?:/[^\s)\]\"'”>]*)?",
    re.I,
)
# The dot of a host name: after a letter or digit, before two letters. The pattern opens with the literal
# dot so the regex engine can jump from dot to dot.
GLUE = ("/", "-", "–")  # marks that join a name to the word beside it ("National Security/War Correspondent")
HOST_DOT_RE = re.compile(r"\.(?<=[a-z0-9]\.)(?=[a-z]{2})", re.I)
CONTEXT_BEFORE = {"on", "platform", "via", "network", "site"}
CONTEXT_AFTER = {"post", "posts", "account", "feed", "user", "thread", "profile", "channel"}
# A bare "Source" credits only with its mark ("Source: Reuters"): "Sources told The Hill" is reporting, not a credit.
CREDIT_CUE_RE = re.compile(
    r"(?:source attribution|sources?(?=\s*[:\-–—])|image source(?: from)?|images? (?:by|from|credit|courtesy)|photo(?:graph)?s?(?: by| credit| from)?|"
    r"picture(?: by)?|credits?|courtesy(?: of)?|©|\(c\)|copyright|originally (?:published|appeared) (?:by|in|on|at)|"
    r"republished (?:from|with permission)|first published (?:by|in|on|at))\s*[:\-–—]?\s*",
    re.I,
)
SOURCE_BEFORE_RE = re.compile(
    r"(?:according to|reported by|cited by|quoted by|as reported by|(?:obtained|seen|reviewed) by|a report (?:by|from|in)|coverage (?:by|from|in)|"
    r"reports? (?:by|from|in)|citing|told by|data from|published by|per)\s+(?:the\s+)?(?:[\w.\-’']+\s+){0,4}$",
    re.I,
)
SOURCE_AFTER_RE = re.compile(
    r"^(?:['’]s)?\s*(?:\([^)]{1,40}\)\s*)?(?:,[^,.;]{0,80},\s*)?(?:\w+ly\s+)?(?:has\s+|had\s+|also\s+)?"
    r"(?:reported|reports|said|says|wrote|writes|revealed|reveals|published|broadcast|aired|quoted|cited|claimed|claims|stated|noted|learned|confirmed|disclosed|obtained|broke|report|analysis|investigation|story|more(?=\s*:))\b",
    re.I,
)
# An acronym written right before a handle is a tweet's marker, not the outlet: "RT @user:" (retweet),
# "MT @user" (modified tweet), "HT @user" (hat tip); RT, the Russian broadcaster, shares the first.
# An acronym opening a line of a tweet (a handle, a hashtag or a t.co link in it) is the same marker.
HANDLE_AFTER_RE = re.compile(r"[ \t]*:?[ \t]*@\w")
TWEET_LINE_RE = re.compile(r"(?<![\w@])[@#]\w|\bt\.co/")
# Hosts of link shorteners, share buttons and page trackers: a URL on them names no outlet ("http://po.st/x"
# is a share widget's link). From the share, shortener and tracker services common in news pages' markup;
# social sites the registry lists as platforms are found there instead.
NOT_OUTLET_HOSTS = frozenset(
    "po.st addthis.com sharethis.com addtoany.com shareaholic.com bit.ly bitly.com goo.gl ow.ly buff.ly tinyurl.com"
    " dlvr.it ift.tt trib.al fb.me lnkd.in amzn.to wp.me j.mp is.gd su.pr shar.es scorecardresearch.com"
    " doubleclick.net googletagmanager.com google-analytics.com disqus.com disquscdn.com"
    " linkedin.com pinterest.com reddit.com tumblr.com whatsapp.com wa.me flipboard.com digg.com"
    " stumbleupon.com mix.com getpocket.com snapchat.com".split()
)
VENUE_BEFORE_RE = re.compile(
    r"\b(?:told|tells|telling|to|with|via|interviewed by|appearing on|appeared on|spoke on|(?:wrote|writes|writing|written) (?:for|in))\s+"
    r"(?:the\s+)?(?:[\w.\-’']+\s+){0,1}$",
    re.I,
)

# What the text may call an outlet, and which registry codes/types that agrees or disagrees with.
LABELS: tuple[tuple[str, re.Pattern, frozenset[str], frozenset[str]], ...] = (
    (
        "state-controlled",
        re.compile(r"\b(?:state[- ]controlled|state[- ]run|government[- ]controlled|kremlin[- ]controlled|regime[- ]controlled|"
                   r"(?:state|kremlin|regime|government|party|propaganda) mouthpiece|mouthpiece of the (?:[\w-]+ ){0,2}(?:kremlin|regime|government|state|party)|"
                   r"propaganda (?:outlet|arm|channel|network|machine))\b", re.I),
        frozenset({"SC", "CaPu", "CaPr", "state-controlled", "state-captured", "government-official"}),
        frozenset({"ISFM", "ISF", "ISM", "IP", "commercial mainstream", "partisan-advocacy", "wire-agency"}),
    ),
    (
        "state media",
        re.compile(r"\b(?:state[- ]media|state broadcaster|state (?:television|tv|radio)|state news agency|official (?:news|press) agency)\b", re.I),
        frozenset({"SC", "CaPu", "CaPr", "state-controlled", "state-captured", "government-official"}),
        frozenset({"ISFM", "ISF", "ISM", "IP", "commercial mainstream", "partisan-advocacy"}),
    ),
    (
        "pro-government",
        re.compile(r"\b(?:pro[- ]government|government[- ](?:friendly|aligned|loyal)|pro[- ]kremlin|kremlin[- ](?:friendly|aligned|linked|backed)|"
                   r"pro[- ]orb[aá]n|fidesz[- ](?:aligned|friendly|linked|allied))\b", re.I),
        frozenset({"SC", "CaPu", "CaPr", "state-controlled", "state-captured", "government-official"}),
        frozenset({"ISFM", "ISF", "ISM", "IP"}),
    ),
    (
        "state-funded",
        re.compile(r"\b(?:state[- ](?:owned|funded|backed|sponsored|affiliated|financed)|(?:government|kremlin|beijing|moscow)[- ](?:funded|owned|financed)|government[- ]backed|"
                   r"publicly[- ]funded|taxpayer[- ]funded)\b", re.I),
        frozenset({"SC", "CaPu", "ISFM", "ISF", "ISM", "IP", "state-controlled", "independent public-service", "government-official"}),
        frozenset({"commercial mainstream"}),
    ),
    (
        "public broadcaster",
        re.compile(r"\bpublic(?:[- ]service)? (?:broadcaster|television|radio|media)\b", re.I),
        frozenset({"SC", "CaPu", "ISFM", "ISF", "ISM", "IP", "independent public-service"}),
        frozenset({"CaPr", "commercial mainstream", "partisan-advocacy"}),
    ),
    (
        "independent",
        re.compile(r"\bindependent\b(?! state)", re.I),
        frozenset({"ISFM", "ISF", "ISM", "IP", "commercial mainstream", "independent public-service", "wire-agency"}),
        frozenset({"SC", "CaPu", "CaPr", "state-controlled", "state-captured"}),
    ),
    (
        "opposition",
        re.compile(r"\b(?:opposition|anti[- ]government|government[- ]critical)\b", re.I),
        frozenset(),
        frozenset({"SC", "CaPu", "CaPr", "state-controlled", "state-captured", "government-official"}),
    ),
    (
        "partisan",
        re.compile(r"\b(?:far[- ]right|far[- ]left|right[- ]wing|left[- ]wing|hyper[- ]?partisan|partisan|conservative|liberal|progressive|"
                   r"nationalist|populist|fringe|conspiracy|alt[- ]right)\b", re.I),
        frozenset({"partisan-advocacy"}),
        frozenset(),
    ),
    (
        "news agency",
        re.compile(r"\b(?:news agency|press agency|wire service|newswire|wire agency)\b", re.I),
        frozenset({"wire-agency"}),
        frozenset(),
    ),
)
LABEL_MAX_GAP_WORDS = 5  # words allowed between a label and the outlet it describes ("state-controlled media outlet X")


UNLISTED_VIA = "publication name not in the registry"  # Mention.via of _unlisted_spans' names; their `domain` holds the name


@dataclass(frozen=True)
class Mention:
    """One occurrence of a registry outlet (or an unregistered URL's domain) in the text."""

    start: int
    end: int
    surface: str
    outlet: Outlet | None
    domain: str
    role: str
    label: str
    label_phrase: str
    via: str  # "name", "domain", "name written as its domain" or UNLISTED_VIA

    @property
    def key(self) -> str:
        return self.outlet.outlet_id if self.outlet else f"domain:{self.domain}"

    @property
    def name(self) -> str:
        return self.outlet.name if self.outlet else self.domain


class CountryCounts:
    """How often the text names each country (or its demonym), computed only when a tie needs it."""

    DEMONYMS = {
        "United States of America": ("United States", "U.S.", "US", "USA", "American", "Americans", "Washington"),
        "United Kingdom": ("United Kingdom", "Britain", "British", "UK", "U.K.", "London"),
        "Russia": ("Russia", "Russian", "Russians", "Moscow", "Kremlin"),
        "Hungary": ("Hungary", "Hungarian", "Hungarians", "Budapest"),
        "Turkey": ("Turkey", "Türkiye", "Turkish", "Ankara"),
        "Azerbaijan": ("Azerbaijan", "Azerbaijani", "Baku"),
        "Germany": ("Germany", "German", "Berlin"),
        "France": ("France", "French", "Paris"),
        "China": ("China", "Chinese", "Beijing"),
        "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
        "Switzerland": ("Switzerland", "Swiss"),
        "Australia": ("Australia", "Australian"),
        "Namibia": ("Namibia", "Namibian"),
    }

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[str, int] = {}

    def get(self, country: str, default: int = 0) -> int:
        if not country:
            return default
        if country not in self._cache:
            names = self.DEMONYMS.get(country, (country,))
            self._cache[country] = sum(len(_whole_word_re(n).findall(self.text)) for n in names)
        return self._cache[country]


@lru_cache(maxsize=1024)
def _whole_word_re(word: str) -> re.Pattern:
    """The regex (?<!\\w)word(?!\\w), written to open with the word itself: the regex engine then jumps from one
    occurrence of the word to the next (~40 times faster on news text) instead of trying every position;
    the look-behind over the word and the character before it asks the same as the leading (?<!\\w)."""
    escaped = re.escape(word)
    return re.compile(rf"{escaped}(?<!\w{escaped})(?!\w)")


def _word_matches(text_word: str, alias_word: str, first: bool, last: bool) -> bool:
    if last and text_word not in (alias_word,) and _without_possessive(text_word) == alias_word:
        return True  # possessive: "Bloomberg’s"
    if first:
        return text_word[:1].casefold() == alias_word[:1].casefold() and text_word[1:] == alias_word[1:]
    return text_word == alias_word


def _has_context(tokens: Tokens, i: int, n: int) -> bool:
    before = tokens.lower_words[i - 1] if i > 0 else ""
    after = tokens.lower_words[i + n] if i + n < len(tokens.words) else ""
    return before in CONTEXT_BEFORE or after in CONTEXT_AFTER


def _medium_word_beside(text: str, start: int, end: int, outlet: Outlet) -> bool:
    """For an outlet's name that is also an ordinary word or a first name ("Dawn", "Vox"): whether a word saying it is
    a medium stands right before or after it ("the Pakistani publication Dawn", "Dawn newspaper")."""
    if outlet.kind == "platform":
        return False  # a platform's name needs a platform's cue ("on X", "X post")
    line_start = text.rfind("\n", 0, start) + 1
    return MEDIUM_BEFORE_RE.search(text, max(line_start, start - 40), start) is not None or EVIDENCE_AFTER_RE.match(text[end:end + 40]) is not None


def _name_spans(text: str, tokens: Tokens, registry: Registry, countries: CountryCounts) -> list[tuple[int, int, Outlet, bool]]:
    """Longest registry text-alias matches over the words, left to right, without overlaps: (start, end, outlet,
    weak), weak when the name counts only with evidence beside it (TextAlias.needs_evidence, see _has_evidence)."""
    found: list[tuple[int, int, Outlet, bool]] = []
    words, spans = tokens.words, tokens.word_spans
    after = 0  # matches do not overlap: the next one starts after the last one found
    for i in _openers(tokens, registry):
        if i < after:
            continue
        candidates = _candidates(registry, tokens, i)
        matched: list = []
        length = 0
        for alias in candidates or ():
            n = len(alias.words)
            if n < length:
                break  # candidates are sorted longest first
            if i + n > len(words):
                continue
            if not all(_word_matches(words[i + k], alias.words[k], k == 0, k == n - 1) for k in range(n)):
                continue
            if any(len(text[spans[i + k][1]:spans[i + k + 1][0]]) > 3 or "\n" in text[spans[i + k][1]:spans[i + k + 1][0]] for k in range(n - 1)):
                continue
            if alias.needs_context and not (_has_context(tokens, i, n) or _medium_word_beside(text, spans[i][0], spans[i + n - 1][1], registry.outlets[alias.index])):
                continue
            if alias.needs_country and not countries.get(registry.outlets[alias.index].country):
                continue  # "Daily News" is only Zimbabwe's Daily News in a text about Zimbabwe
            if n == 1 and words[i][:1] != alias.words[0][:1]:
                continue  # one-word names keep their case: "legal guardian" is not the Guardian
            if i + n < len(words) and text[spans[i + n - 1][1]:spans[i + n][0]] == " " and words[i + n][:1].isupper() \
                    and not _staff_after(text, words[i + n - 1], spans[i + n - 1][1]) \
                    and not _news_arm_after(words, i + n, registry.outlets[alias.index]):
                continue  # part of a longer name: "the National Security Council", "Reuters Institute"
            if _in_compound(text, spans[i][0], spans[i + n - 1][1]):
                continue  # "Kremlin-controlled", "pro-Kremlin": a modifier, not a mention
            if is_acronym(" ".join(alias.words)) and _tweet_marker(text, spans[i][0], spans[i + n - 1][1]):
                continue  # "RT @AamAadmiParty: …": a retweet, not RT
            length = n
            matched.append(alias)
        if matched:
            indexes = tuple(dict.fromkeys(alias.index for alias in matched))
            outlet = registry.best(indexes, countries)
            weak = all(alias.needs_evidence for alias in matched if registry.outlets[alias.index] is outlet)
            after = i + length
            if weak and not _country_decides(outlet, indexes, registry, countries):
                continue  # "CBC" in a text naming neither Azerbaijan nor Canada: no row can be claimed
            found.append((spans[i][0], spans[i + length - 1][1], outlet, weak))
    return found


# Words of a journalist's rank or beat written before the title, lower case in copy ("VOA Pentagon senior
# correspondent"), capitalised in bylines ("By Staff Reporter", "Senior Political Reporter").
STAFF_RANKS = frozenset("staff senior chief junior special political foreign court investigative contributing freelance bureau".split())
# After an outlet's name, capitalised words then a journalist's title in lower case: a desk or beat, not a longer
# name ("VOA Pentagon correspondent Carla Babb", "VOA Extremism Watch Desk reporter").
STAFF_TITLE_AFTER_RE = re.compile(
    rf" (?:[A-Z][\w’'&.-]*[ \-]){{1,3}}(?:(?:{word_alternation(STAFF_RANKS)}) )?"
    rf"(?:{word_alternation(JOURNALIST_TITLES)})s?\b"
)


def _staff_after(text: str, last_word: str, end: int) -> bool:
    """Whether the capitalised word after a name at `end` leaves the name whole: the name is a possessive ("BBC’s
    Emily Maitlis": the outlet's person) or a desk and a journalist's title follow (STAFF_TITLE_AFTER_RE)."""
    return last_word.endswith(POSSESSIVE_ENDINGS) or STAFF_TITLE_AFTER_RE.match(text, end) is not None


def _news_arm_after(words: tuple[str, ...], after: int, outlet: Outlet) -> bool:
    """Whether the capitalised words after an outlet's or agency's name are its news arm, which speaks for it: "News"
    then one more capitalised word ("The Daily Caller News Foundation", "Reuters News Service"). ("Bloomberg News",
    "BBC News" are aliases of their own.)"""
    return outlet.kind in ("outlet", "agency") and words[after] == "News" and after + 1 < len(words) and words[after + 1][:1].isupper()


def _tweet_marker(text: str, start: int, end: int) -> bool:
    """Whether the acronym at [start, end) is a tweet's marker: a handle follows it ("RT @user"), or it opens a
    line of a tweet ("RT Big news today #vote https://t.co/…")."""
    if HANDLE_AFTER_RE.match(text, end):
        return True
    line_start, line_end = _line_bounds(text, start, end)
    if text[line_start:start].strip() or SOURCE_AFTER_RE.match(text[end:line_end]):
        return False  # "RT reported … @user": the outlet as a source
    return TWEET_LINE_RE.search(text, end, line_end) is not None


# A stop word opens no name whose letters make a domain's label: "The", "In" are most of the capitalised words a
# label starts with, and a name opening with "The" is also indexed without it (Registry.by_label).
CAPITALISED_STOP_WORDS = frozenset(word.capitalize() for word in ENGLISH_STOP_WORDS)


def _joined_spans(text: str, tokens: Tokens, registry: Registry) -> list[tuple[int, int, Outlet]]:
    """Names of two to four capitalised words whose letters joined are a registry domain's main label ("Freedom
    Outpost" for freedomoutpost.com, see Registry.lookup_joined): (start, end, outlet), left to right.

    The words must be the whole name: written with single spaces, with no capitalised word right after them
    nor right before them (but a function word: "To", "The"). A stop word opens none (CAPITALISED_STOP_WORDS)."""
    words, lower, spans = tokens.words, tokens.lower_words, tokens.word_spans
    prefixes, labels = registry.label_prefixes, registry.by_label
    found: list[tuple[int, int, Outlet]] = []
    after = 0
    openers = prefixes.intersection(words) - CAPITALISED_STOP_WORDS  # the document's distinct words, in one pass in C
    if not openers:
        return found
    last_word = len(words) - 1
    for i in compress(range(len(words)), map(openers.__contains__, words)):
        if i < after or i == last_word:
            continue
        pair = lower[i] + lower[i + 1]
        if pair not in labels and pair.capitalize() not in prefixes and not words[i + 1].endswith(POSSESSIVE_ENDINGS):
            continue  # the next word does not go on with a label: most openers stop here
        if i > 0 and text[spans[i - 1][1]:spans[i][0]] == " " and words[i - 1][:1].isupper() and lower[i - 1] not in ENGLISH_STOP_WORDS:
            continue  # inside a longer name
        joined = lower[i]
        for j in range(i + 1, min(i + 4, len(words))):
            if text[spans[j - 1][1]:spans[j][0]] != " ":
                break
            last = _without_possessive(words[j])
            possessive = last != words[j]  # "Freedom Outpost’s": the name ends here
            joined += last.casefold()
            if joined in labels:
                longer = (j + 1 < len(words) and text[spans[j][1]:spans[j + 1][0]] == " " and words[j + 1][:1].isupper()) \
                    or text[spans[j][1]:spans[j][1] + 1] in GLUE or text[spans[i][0] - 1:spans[i][0]] in GLUE
                outlet = None if longer else registry.lookup_joined([*words[i:j], last])
                if outlet is not None:
                    found.append((spans[i][0], spans[j][1], outlet))
                    after = j + 1
                break
            if joined.capitalize() not in prefixes or possessive:
                break
    return found


# Curated rows whose name is an ordinary phrase in prose ("The Sun", "The Hill", "The Australian") carry no text alias
# (their registry notes say why). Such a name still names the outlet when a citation cue stands right beside it, as
# news copy cites a paper: "told The Sun", "according to The Hill", "The Hill newspaper", "as The Hindu reported".
CUED_NAME_BEFORE_RE = re.compile(
    r"\b(?:told|tells|telling|according to|(?:reported|published|quoted|cited|obtained|seen|revealed) by|interview(?:ed)? (?:with|by)|"
    r"sp(?:oke|eaking|eaks) (?:to|with)|talk(?:ed|ing|s)? to|(?:wrote|writes|writing|written) (?:in|for)|(?:works?|worked|working) for|"
    r"(?:appeared|published|quoted|cited) in|(?:provided|given|leaked) to)\s+$",
    re.I,
)
CUED_NAME_AFTER_RE = re.compile(r"^(?:['’]s)?\s+(?:(?:has|had|also|first)\s+)?(?:reported|reports|revealed|reveals|published|broke)\b")
ARTICLES = frozenset({"The", "Die", "Der", "Das", "La", "Le", "Il", "El", "Los", "Les"})
SENTENCE_END_RE = re.compile(r"(?:[.!?][\"”’)]*|[“\"‘(])$")  # before a sentence's first word, or a quotation's
ARTICLE_ALTERNATION = "(?:" + "|".join(sorted(ARTICLES)) + ")"


@dataclass(frozen=True)
class _CuedName:
    """A name _cued_name_spans looks for: its row, and the countries of the rows whose longer names end with it
    ("The Kampala Sun" for "The Sun"), which the text must name less than the row's own."""

    outlet: Outlet
    rivals: frozenset[str]


def _cued_names(registry: Registry) -> tuple[dict[str, tuple[str, ...]], dict[str, _CuedName]]:
    """The names of curated outlet rows that no text alias gives (their notes: an ordinary phrase in prose), by their
    last word as a text writes it (see by_last below), and each name's _CuedName; built once per registry."""
    if "citations.cued_names" in registry.derived:
        return registry.derived["citations.cued_names"]
    keys: dict[str, set[str]] = {}
    for outlet in registry.outlets:
        for name in (outlet.name, *outlet.aliases, *outlet.text_aliases):
            keys.setdefault(alias_key(name), set()).add(outlet.country)
    names: dict[str, _CuedName] = {}
    for outlet in registry.outlets:
        if not outlet.curated or outlet.kind != "outlet":
            continue
        written = {alias.lstrip(MARKS) for alias in outlet.text_aliases}
        for name in (outlet.name, *outlet.aliases):
            if name in written or name[:1] in MARKS or not re.fullmatch(r"[^\W\d_][\w’'\- ]*", name):
                continue  # an alias the scan already looks for, a marked one, a domain, "ATV (Hungary)"
            key = alias_key(name)
            rivals = {country for other, countries in keys.items() if other != key and other.endswith(" " + key) for country in countries}
            names.setdefault(name, _CuedName(outlet, frozenset(rivals)))
    # The last word as a text writes it (bare or possessive) -> (the bare word, then the names it ends, longest first).
    by_last: dict[str, tuple[str, ...]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        last = name.split()[-1]
        for written in (last, *(last + ending for ending in POSSESSIVE_ENDINGS)):
            by_last[written] = (*by_last.get(written, (last,)), name)
    registry.derived["citations.cued_names"] = (by_last, names)
    return by_last, names


def _cued_name_spans(text: str, tokens: Tokens, registry: Registry, countries: CountryCounts) -> list[tuple[int, int, Outlet]]:
    """Curated outlets named by a name that is an ordinary phrase (see _cued_names), each only where it is written
    as the outlet writes it, not opening a sentence when it opens with an article (capitals then say nothing), nor
    after or before a capitalised word (a title: "Here Comes The Sun", "The Hill Times"), with a citation cue right
    beside it, in a text naming the outlet's country. A name other rows' longer names end with ("The Times") counts
    only if the text names the row's country more than theirs and writes no longer form of it ("New York Times")."""
    by_last, cued = _cued_names(registry)
    found: list[tuple[int, int, Outlet]] = []
    words, spans = tokens.words, tokens.word_spans
    for i in compress(range(len(words)), map(by_last.__contains__, words)):  # the names' last words, in one pass in C
        last = by_last[words[i]]
        end = spans[i][1] - (len(words[i]) - len(last[0]))  # "The Hill’s": the name ends before the possessive
        written = next((n for n in last[1:] if text.startswith(n, end - len(n))), None)
        if written is None:
            continue
        start = end - len(written)
        if (start and (text[start - 1].isalnum() or text[start - 1] in "_-")) or text[end:end + 1] == "-":
            continue  # inside a word
        name = cued[written]
        line_start, line_end = _line_bounds(text, start, end)
        prefix = _sentence_prefix(text, line_start, start)
        before = text[line_start:start].rstrip()
        if written.split()[0] in ARTICLES and (not before or SENTENCE_END_RE.search(before)):
            continue
        if re.search(r"(?<!\S)[A-Z][\w’'\-]*$", before) or re.match(r" [A-Z]", text[end:end + 2]):
            continue
        after = text[end:min(line_end, end + 80)]
        if not (CUED_NAME_BEFORE_RE.search(prefix[-60:]) or EVIDENCE_AFTER_RE.match(after) or CUED_NAME_AFTER_RE.match(after)):
            continue
        own = countries.get(name.outlet.country) if name.outlet.country else 1
        if own <= 0 or any(own <= countries.get(country) for country in name.rivals if country):
            continue
        head = written.split(" ", 1)[-1] if written.split()[0] in ARTICLES else written
        if name.rivals and re.search(rf"\b(?!{ARTICLE_ALTERNATION}\b)[A-Z][\w’'-]* {re.escape(head)}\b", text):
            continue  # the text writes a longer name ending with it ("The Baltimore Sun"): the short form may be that one
        found.append((start, end, name.outlet))
    return found


# Outlets the registry does not hold, named with a citation cue right beside them ("writing for National Catholic
# Reporter", "EWTN’s National Catholic Register broke the story"): a name of one to four capitalised words then a word
# newspapers and magazines take as their title's last word. Fewer words than PUBLICATION_NAME_WORDS: "News", "Media",
# "Post", "Daily", "Radio" end many bodies' and programmes' names too.
PUBLICATION_TITLE_WORDS = frozenset(word.capitalize() for word in NEWSPAPER_WORDS | {"times", "register", "reporter", "magazine"})
# The title words as the scan finds them: alone, or with a possessive ("the Podunk Courier’s editor").
_TITLE_FORMS = PUBLICATION_TITLE_WORDS | {word + ending for word in PUBLICATION_TITLE_WORDS for ending in POSSESSIVE_ENDINGS}
# The name a title word ends, looked for back from it on its line: "The" and one to four capitalised words.
UNLISTED_NAME_RE = re.compile(r"(?<![\w’'&.\-])((?:The )?(?:[A-Z][\w&.\-]*[ ]){1,4})$")
# Words a journalist's rank is made of in a byline ("By Staff Reporter", "Senior Political Reporter"): ranks, beats,
# and "correspondent", which names a posting ("Foreign Correspondent") as much as a job. Other journalist titles are
# left out: they open publications' names ("The Writer Magazine").
STAFF_WORDS = STAFF_RANKS | frozenset("white house capitol hill".split()) | (JOURNALIST_TITLES & {"correspondent"})
# Date words after "on", "for", "and": the sentence goes on, not the name ("told the Podunk Courier on Monday").
_DATE_WORD = "|".join(sorted(word.capitalize() for word in WEEKDAYS | MONTHS.keys()))
# What after a title word shows the name goes on: "of", "&", "de" ("Journal of Commerce"), or "for", "on", "and"
# before a capitalised word that is no date ("Times and Democrat", but not "the Courier and the Times", "the Courier
# for the story"); a capitalised word ("Astrophysical Journal Letters"), a possessive before one, a hyphen.
NAME_GOES_ON_RE = re.compile(
    rf"^(?:\s+(?:of|&|de|du|des)\b|\s+(?:for|on|and)\s+(?!(?:{_DATE_WORD})\b)[A-Z]| [A-Z]|['’]s?\s+[A-Z]|\s*-)"
)


def _unlisted_spans(text: str, tokens: Tokens) -> list[tuple[int, int, str]]:
    """(start, end, name) of outlets not in the registry, named with a citation cue right beside them (PUBLICATION_TITLE_WORDS,
    UNLISTED_NAME_RE, CUED_NAME_BEFORE_RE / CUED_NAME_AFTER_RE): the name is whole (no capitalised word right before
    it but a possessive owner's, "EWTN’s"; no "of …" after it) and is no journalist's rank ("Staff Reporter")."""
    found: list[tuple[int, int, str]] = []
    words, spans = tokens.words, tokens.word_spans
    for i in compress(range(len(words)), map(_TITLE_FORMS.__contains__, words)):  # the title words, in one pass in C
        title_start, end = spans[i]
        end -= len(words[i]) - len(_without_possessive(words[i]))  # "the Courier’s editor": the name ends before the possessive
        if not title_start or text[title_start - 1] != " " or text[end:end + 1] == "-":
            continue
        match = UNLISTED_NAME_RE.search(text, max(text.rfind("\n", 0, title_start) + 1, title_start - 120), title_start)
        if match is None:
            continue
        start = match.start(1)
        name = text[start:end]
        name_words = name.split()[1:] if name.startswith("The ") else name.split()
        if len(name_words) < 2 or all(word.casefold() in STAFF_WORDS for word in name_words[:-1]) or any(word.casefold() in ENGLISH_STOP_WORDS for word in name_words[:-1]):
            continue
        line_start, line_end = _line_bounds(text, start, end)
        before = text[line_start:start]
        if re.search(r"(?<!\S)[A-Z][\w\-]*(?<!['’]s)$", before.rstrip()) and before.endswith(" "):
            continue  # part of a longer run of capitalised words (a title-case headline)
        after = text[end:line_end]
        if NAME_GOES_ON_RE.match(after):
            continue
        prefix = _sentence_prefix(text, line_start, start)
        cue_before = re.sub(r"\bthe\s+$", "", prefix[-60:])  # "told the Hollywood Reporter"
        if CUED_NAME_BEFORE_RE.search(cue_before) or CUED_NAME_AFTER_RE.match(after):
            found.append((start, end, " ".join(name.split())))
    return found


def _country_decides(outlet: Outlet, indexes: tuple[int, ...], registry: Registry, countries: CountryCounts) -> bool:
    """For a name several rows share: whether the text names the chosen row's country more than any other row's.

    Rows of one country sharing a name (a broadcaster and its parent company) need no deciding."""
    others = {registry.outlets[i].country for i in indexes} - {outlet.country}
    if not others:
        return True
    own = countries.get(outlet.country)
    return own > 0 and all(own > countries.get(country) for country in others)


@dataclass(frozen=True, eq=False)
class _ScanIndex:
    """What _candidates looks up, as two sets: a word has candidates exactly when it is in `singles`, or it and
    the next word (as written) are in `pairs`. Registry.start_words also holds the first word of every longer
    alias, so it lets through most "the" and "in" of a text: ~120 words a news article, ~10 with candidates."""

    registry: Registry
    singles: frozenset[str]  # the keys of registry.single_word, and their possessives ("bloomberg’s")
    pairs: frozenset[tuple[str, str]]  # the keys of registry.by_first_two, and with a possessive second word


def _build_scan_index(registry: Registry) -> _ScanIndex:
    """The _ScanIndex of a registry (see _candidates for the look-ups it mirrors)."""
    singles = set(registry.single_word)
    pairs = set(registry.by_first_two)
    for ending in POSSESSIVE_ENDINGS:
        singles.update(word + ending for word in registry.single_word)
        pairs.update((first, second + ending) for first, second in registry.by_first_two)
    return _ScanIndex(registry, frozenset(singles), frozenset(pairs))


_last_scan_index: list[_ScanIndex] = []  # the last registry's index: a process scans with one registry at a time


def _scan_index(registry: Registry) -> _ScanIndex:
    """The registry's _ScanIndex, built once per registry (derived data only: outputs do not depend on it).

    The index returned is the one checked or built here, never re-read from the shared list, which a thread
    scanning with another registry may replace meanwhile."""
    index = _last_scan_index[0] if _last_scan_index else None
    if index is None or index.registry is not registry:
        index = _build_scan_index(registry)
        _last_scan_index[:] = [index]
    return index


def _openers(tokens: Tokens, registry: Registry) -> list[int]:
    """In order, the indexes of the words at which _candidates finds an alias.

    The words an alias can start with are found in one C-level pass (a set look-up per word); of those, two
    set look-ups in Python keep the ones that have candidates, sparing the others a call of _candidates."""
    index = _scan_index(registry)
    lower, words = tokens.lower_words, tokens.words
    singles, pairs = index.singles, index.pairs
    last = len(words) - 1
    return [i for i in compress(range(len(lower)), map(registry.start_words.__contains__, lower))
            if lower[i] in singles or (i < last and (lower[i], words[i + 1]) in pairs)]


def _in_compound(text: str, start: int, end: int) -> bool:
    """True when [start, end) is glued by a hyphen to a neighbouring word."""
    after = text[end:end + 2]
    before = text[max(0, start - 2):start]
    return (len(after) == 2 and after[0] == "-" and after[1].isalpha()) or (len(before) == 2 and before[1] == "-" and before[0].isalpha())


def _candidates(registry: Registry, tokens: Tokens, i: int) -> list:
    """Aliases that could start at word i, longest first: looked up by the first two words, then the first alone."""
    first = tokens.lower_words[i]
    if first not in registry.start_words:
        return []  # no alias starts with this word: skip the look-ups
    found: list = []
    if i + 1 < len(tokens.words):
        second = tokens.words[i + 1]
        found += registry.by_first_two.get((first, second), ())
        bare = _without_possessive(second)
        if bare != second:
            found += registry.by_first_two.get((first, bare), ())
    bare = _without_possessive(first)
    found += registry.single_word.get(first, ()) or (registry.single_word.get(bare, ()) if bare != first else ())
    return sorted(found, key=lambda a: (-len(a.words), a.priority, a.index)) if len(found) > 1 else found


def _domain_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds a dot between a letter or digit and two letters ("rt.com").

    Every DOMAIN_RE match holds one (its host ends "x.yz"), and none spans lines (it has no whitespace),
    so scanning only these lines finds the same matches as scanning the text, at a fraction of the cost:
    a dot is found by a fast literal search, whereas DOMAIN_RE is tried at every word of the text."""
    lines: list[tuple[int, int]] = []
    for dot in HOST_DOT_RE.finditer(text):
        if lines and dot.start() < lines[-1][1]:
            continue  # this line is already taken
        line_start, line_end = _line_bounds(text, dot.start(), dot.start())
        lines.append((line_start, line_end))
    return lines


def _domain_spans(text: str, registry: Registry) -> list[tuple[int, int, Outlet | None, str]]:
    """Host names and URLs in the text: registry domains, plus any full URL (http…) even if unregistered."""
    out = []
    matches = (match for line_start, line_end in _domain_lines(text) for match in DOMAIN_RE.finditer(text, line_start, line_end))
    for match in matches:
        host = normalise_host(match.group(1))
        end = match.end() - (len(match.group(0)) - len(match.group(0).rstrip(".,;:!?…")))  # "see rt.com." ends before the full stop
        looked = registry.lookup_domain(host)
        if looked:
            out.append((match.start(), end, looked[0], looked[1]))
        elif match.group(0).lower().startswith(("http://", "https://")) and not _not_outlet_host(host):
            out.append((match.start(), end, None, host))
    return out


def _not_outlet_host(host: str) -> bool:
    """Whether an unregistered host (or a parent domain of it) is a shortener, share widget, tracker or social site."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in NOT_OUTLET_HOSTS for i in range(len(labels) - 1))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, (len(text) if line_end < 0 else line_end)


def _sentence_prefix(text: str, line_start: int, start: int) -> str:
    """Text of the current sentence before `start` (sentence ends: . ! ? followed by a space)."""
    prefix = text[line_start:start]
    cut = max((m.end() for m in re.finditer(r"[.!?][\"”’)]*\s+(?=[A-Z“\"])", prefix)), default=0)
    return prefix[cut:]


# A credit cue opens its line, a sentence or a bracket, a few words before the name: "Source attribution: X",
# "© … / Getty Images".
CREDIT_BEFORE_RE = re.compile(r"(?:^|[.!?|•]\s+|\()\s*" + CREDIT_CUE_RE.pattern + r"(?:[\w.\-’'/]+\s*){0,4}$", re.I)


def _credit_cue_before(text: str, line_start: int, start: int) -> bool:
    """Whether a credit cue leads up to `start` on its line (CREDIT_BEFORE_RE)."""
    return CREDIT_BEFORE_RE.search(text[line_start:start]) is not None  # a slice: "^" would not match at a search's pos


def _role(text: str, start: int, end: int, outlet: Outlet | None) -> str:
    line_start, line_end = _line_bounds(text, start, end)
    before = text[max(line_start, start - 80):start]
    after = text[end:min(line_end, end + 120)]
    line_words = len(text[line_start:line_end].split())
    if _credit_cue_before(text, line_start, start):
        return "credit"
    if start > 0 and text[start - 1] == "(" and after.startswith(")") and not text[end + 1:line_end].strip():
        return "credit"  # "(AP)" closing a picture caption
    if line_words <= 4 and outlet is not None and outlet.kind == "agency":
        return "credit"  # a picture-agency line ("AP Images")
    if SOURCE_BEFORE_RE.search(before) or SOURCE_AFTER_RE.match(after):
        return "source"
    if (outlet is not None and outlet.kind == "platform") or VENUE_BEFORE_RE.search(before):
        return "venue"
    return "mention"


def _label(text: str, start: int, end: int) -> tuple[str, str]:
    """The label the text gives the outlet at [start, end): ("state-controlled", "the U.S. state-controlled media outlet")."""
    line_start, line_end = _line_bounds(text, start, end)
    prefix = _sentence_prefix(text, line_start, start)
    # Only the clause right before the name can describe it: cut at the last comma/semicolon/colon.
    clause = re.split(r"[,;:()“”\"]", prefix)[-1]
    for label, pattern, _, _ in LABELS:
        for match in pattern.finditer(clause):
            gap = clause[match.end():]
            if len(gap.split()) <= LABEL_MAX_GAP_WORDS:
                phrase = re.sub(r"\s+", " ", clause[max(0, clause.rfind(" ", 0, max(0, match.start() - 1)) - 12):].strip())
                return label, phrase
    # Appositive after the name: "RT, the Kremlin-controlled broadcaster, said"
    after = text[end:line_end]
    appositive = re.match(r"^\s*(?:\([^)]*\))?\s*,\s*((?:an?|the)\s+[^,.;]{0,80})", after)
    if appositive:
        for label, pattern, _, _ in LABELS:
            if pattern.search(appositive.group(1)):
                return label, appositive.group(1).strip()
    return "", ""


OUTLET_NOUNS = (
    r"(?:newspapers?|paper|daily|weekly|magazine|journal|publication|tabloid|channel|station|broadcaster|broadcasting|television|tv|radio|"
    r"network|news agency|press agency|agency|newswire|wire|outlet|website|portal|affiliate|programme|program|documentary|"
    r"interview|report|article|editorial|broadcast|bulletin|podcast|" + word_alternation(JOURNALIST_TITLES) + r")"
)
# Citation context that lets a weak name (TextAlias.needs_evidence) count: the cues of a source or a credit
# (SOURCE_BEFORE_RE, SOURCE_AFTER_RE, CREDIT_CUE_RE), a speaker's venue ("told", "in an interview with", "writes for"),
# or a word saying the name is a medium ("channel ATV", "the RSS news agency", "a CBC reporter").
EVIDENCE_BEFORE_RE = re.compile(
    r"(?:\b(?:told|tells|telling|interviewed by|approached by|appear(?:ed|ing|s)? on|sp(?:oke|eaking|eaks) (?:to|with|on)|"
    r"(?:in|during) an interview (?:with|on)|(?:writes?|wrote|writing|reports?|reported|reporting|works?|worked|working|"
    + word_alternation(JOURNALIST_TITLES) + r") (?:for|at|with))\s+(?:the\s+)?(?:[\w.\-’']+\s+)?"
    r"|\b" + OUTLET_NOUNS + r"\s+(?:[\w.\-’']+\s+)?)$",
    re.I,
)
MEDIUM_BEFORE_RE = re.compile(r"\b" + OUTLET_NOUNS + r"\s+$", re.I)
EVIDENCE_AFTER_RE = re.compile(r"^(?:['’]s)?\s+(?:news\s+)?" + OUTLET_NOUNS + r"\b", re.I)
MEDIA_LABELS = frozenset({"state-controlled", "state media", "state-funded", "public broadcaster", "news agency"})
# Words of a country's name too general to say which country a demonym before an outlet means.
GENERIC_COUNTRY_WORDS = frozenset({"united", "states", "kingdom", "republic", "democratic", "people", "islamic", "federation", "arab", "central"})


# The last words of newspaper, broadcaster and news-site names (the outlet registry's, analysis/data/outlets.csv): a
# body's name ending so is a publication's ("Disobedient Media", "National Catholic Reporter"). "Press" and "Network"
# are left out ("Oxford University Press", "the Haqqani Network"), and so are the magazine words actors.ORG_WORDS reads
# as a body's ("review", "monitor", "observer"): they also end reports' and watchdogs' names ("Nuclear Posture Review",
# "Human Rights Monitor").
PUBLICATION_NAME_WORDS = NEWSPAPER_WORDS | frozenset(
    "news times post media register reporter magazine daily weekly wire radio tv television".split())

# Words that make a publication word a kind of media, not a title: "the Main Stream Media", "Mainstream Media", "Fake News".
GENERIC_MEDIA_MODIFIERS = frozenset(
    "main stream mainstream mass social state news liberal conservative legacy corporate national local western foreign"
    " fake alternative independent public private online digital print broadcast global international the".split()
)


def names_an_outlet(name: str, text: str) -> bool:
    """Whether an organisation's name, as the text writes it, is a publication's: two words or more ending with a
    publication word (PUBLICATION_NAME_WORDS), or a name the text also writes joined to "News" as one word, the way a
    news site brands itself ("LifeSite" beside "LifeSiteNews")."""
    words = name.split()
    if len(words) >= 2 and words[-1].casefold() in PUBLICATION_NAME_WORDS and all(word[:1].isupper() for word in words) \
            and not all(word.casefold() in GENERIC_MEDIA_MODIFIERS for word in words[:-1]):
        return True
    joined = name + "News"
    return bool(words) and joined in text and re.search(rf"(?<![\w-]){re.escape(joined)}\b", text) is not None


def _has_evidence(text: str, start: int, end: int, outlet: Outlet) -> bool:
    """Whether the text beside a weak name at [start, end) shows it names that outlet (see TextAlias.needs_evidence).

    Evidence: a citation context (source, credit, venue, a medium word), the text's own media label for it
    ("state news agency RSS") or its country just before it ("Nepal's RSS"). A shouted line ("GET THE FOX NEWS
    APP") gives none: its capitals are not an acronym's."""
    line_start, line_end = _line_bounds(text, start, end)
    if _shouted(text[line_start:line_end]):
        return False
    prefix = _sentence_prefix(text, line_start, start)
    before = prefix[-80:]
    after = text[end:min(line_end, end + 120)]
    if SOURCE_BEFORE_RE.search(before) or SOURCE_AFTER_RE.match(after) or EVIDENCE_BEFORE_RE.search(before) or EVIDENCE_AFTER_RE.match(after):
        return True
    if _credit_cue_before(text, line_start, start):
        return True
    if _label(text, start, end)[0] in MEDIA_LABELS:
        return True
    return _country_before(prefix, outlet.country)


def _shouted(line: str) -> bool:
    """True for a line of three or more words, at least two thirds of them in capitals."""
    words = [w for w in re.findall(r"[^\W\d_]+", line)]
    return len(words) >= 3 and 3 * sum(1 for w in words if w.isupper()) >= 2 * len(words)


def _country_before(prefix: str, country: str) -> bool:
    """Whether one of the last three words before a name is its outlet's country or a demonym ("Nepal's", "Nepali")."""
    if not country:
        return False
    names = CountryCounts.DEMONYMS.get(country, (country,))
    stems = tuple(w.casefold()[:5] for w in re.findall(r"[^\W\d_]+", country) if len(w) >= 5 and w.casefold() not in GENERIC_COUNTRY_WORDS)
    last = " ".join(prefix.split()[-3:])
    if any(_whole_word_re(name).search(last) for name in names):
        return True
    return bool(stems) and any(word.casefold().startswith(stems) for word in re.findall(r"[^\W\d_]+", last))


def label_verdict(label: str, outlet: Outlet | None) -> tuple[bool, str]:
    """Whether the text's label contradicts the registry row, and why (human-readable)."""
    if not label:
        return False, ""
    if outlet is None or not (outlet.state_media_code or outlet.outlet_type):
        return False, f"text calls it {label}; the registry has no label to compare"
    agrees, disagrees = next((a, d) for name, _, a, d in LABELS if name == label)
    code, kind = outlet.state_media_code, outlet.outlet_type
    registry_says = (
        f"{code} ({STATE_MEDIA_MEANINGS.get(code, '')}, {outlet.state_media_source}, {outlet.state_media_date})" if code
        else f"{kind} ({outlet.type_source}, {outlet.type_date})"
    )
    if (code and code in disagrees) or (not code and kind in disagrees):
        return True, f"conflict: text calls it {label}; registry codes it {registry_says}"
    if (code and code in agrees) or kind in agrees:
        return False, f"consistent: text calls it {label}; registry: {registry_says}"
    return False, f"not comparable: text calls it {label}; registry: {registry_says}"


def find_mentions(text: str, tokens: Tokens, registry: Registry | None, countries: CountryCounts | None = None) -> list[Mention]:
    """Every registry outlet named in the text (by name or domain) and every URL, in text order."""
    if registry is None:
        return []
    countries = countries or CountryCounts(text)
    spans: list[tuple[int, int, Outlet | None, str, str]] = []
    for start, end, outlet, domain in _domain_spans(text, registry):
        spans.append((start, end, outlet, domain, "domain"))
    taken = [(s, e) for s, e, *_ in spans]
    names = [n for n in _name_spans(text, tokens, registry, countries) if not any(s < n[1] and n[0] < e for s, e in taken)]
    # A row found by its domain or a distinctive name vouches for its short name elsewhere in the text.
    vouched = {id(outlet) for _, _, outlet, *_ in spans if outlet is not None} | {id(o) for _, _, o, weak in names if not weak}
    # A name written as a domain's label ("Freedom Outpost") may also be a person's ("Pamela Geller", pamelageller.com)
    # or a menu's words ("National Security"): it counts only as a weak name does, with evidence or vouched for.
    taken += [(s, e) for s, e, *_ in names]
    joined = [(s, e, outlet, True) for s, e, outlet in _joined_spans(text, tokens, registry) if not any(a < e and s < b for a, b in taken)]
    taken += [(s, e) for s, e, *_ in joined]
    # A name found beside its cue needs no further evidence: the cue is the evidence.
    names += [(s, e, outlet, False) for s, e, outlet in _cued_name_spans(text, tokens, registry, countries) if not any(a < e and s < b for a, b in taken)]
    by_label = {(s, e) for s, e, *_ in joined}
    taken += [(s, e) for s, e, *_ in names]
    for start, end, name in _unlisted_spans(text, tokens):
        if not any(a < end and start < b for a, b in taken) and registry.lookup_name(name) is None:
            spans.append((start, end, None, name, UNLISTED_VIA))  # the name stands in for a domain: the row's key and name
    for start, end, outlet, weak in sorted(names + joined, key=lambda n: n[0]):
        label = (start, end) in by_label
        if weak and (label or id(outlet) not in vouched) and not _has_evidence(text, start, end, outlet):
            continue  # a site's domain does not vouch for a person it is named after ("David Duke", davidduke.com)
        spans.append((start, end, outlet, "", "name written as its domain" if label else "name"))
    mentions: list[Mention] = []
    for start, end, outlet, domain, via in sorted(spans, key=lambda s: (s[0], s[1])):
        previous = mentions[-1] if mentions else None
        if previous and previous.outlet is outlet and outlet is not None and re.fullmatch(r"\s*\(", text[previous.end:start]):
            continue  # "Radio Free Europe/Radio Liberty (RFE/RL)": the bracketed short form restates the name
        label, phrase = _label(text, start, end)
        mentions.append(Mention(start, end, text[start:end], outlet, domain, _role(text, start, end, outlet), label, phrase, via))
    return mentions


def letters_only(value: str) -> str:
    """A name's word characters, casefolded ("Business Insider" -> "businessinsider"): names compared as one word."""
    return re.sub(r"[^\w]", "", value).casefold()


def names_own_edition(mention: Mention, publisher_letters: str, domain_label: str) -> bool:
    """The registry outlet the mention names is the page's own publisher under an edition's name the registry lacks:
    the page's domain's main label (registry.main_label) is the outlet's brand and the publisher's name (letters_only)
    opens with the outlet's ("Business Insider" on a page of "Business Insider Deutschland" at businessinsider.de).
    Its "Visit Business Insider's homepage for more stories" and "he told Business Insider" are the page naming
    itself, no outlet it cites."""
    if mention.outlet is None or not publisher_letters or not domain_label:
        return False
    name = letters_only(mention.outlet.name)
    return len(name) > 2 and name == domain_label and publisher_letters.startswith(name)


def outlet_citation_rows(doc_id: str, mentions: list[Mention], text: str, quote_spans: list[tuple[int, int]]) -> list[dict]:
    """Rows of the `citations` table for outlets, agencies and platforms: one per entity, in first-mention order.

    `quoted` counts the mentions where the outlet is the source of a paragraph holding a quotation."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.key, []).append(mention)
    rows = []
    for group in grouped.values():
        first = group[0]
        outlet = first.outlet
        labels = list(dict.fromkeys(m.label for m in group if m.label))
        verdicts = [label_verdict(label, outlet) for label in labels]
        roles = list(dict.fromkeys(m.role for m in group))
        kind = outlet.kind if outlet and outlet.kind in ("outlet", "agency", "platform", "organization") else "outlet"
        rows.append({
            "doc_id": doc_id,
            "name": first.name,
            "kind": kind,
            "outlet_type": (outlet.outlet_type or ("" if outlet.kind == "platform" else "unknown")) if outlet else "unknown",
            "state_media_code": outlet.state_media_code if outlet else "",
            "mentions": len(group),
            "quoted": sum(1 for m in group if m.role == "source" and _line_has_quote(text, m, quote_spans)),
            "label_in_text": "; ".join(labels),
            "label_conflict": any(conflict for conflict, _ in verdicts),
            "label_check": " | ".join(why for _, why in verdicts),
            "label_phrase": "; ".join(dict.fromkeys(m.label_phrase for m in group if m.label_phrase)),
            "roles": ", ".join(roles),
            "surface_forms": ", ".join(dict.fromkeys(m.surface for m in group)),
            "first_start": first.start,
            "credibility_score": outlet.credibility_score if outlet else None,
            "credibility_category": outlet.credibility_category if outlet else "",
            "outlet_id": outlet.outlet_id if outlet else "",
            "evidence": (outlet.label_summary() if outlet else f"a publication's name with a citation cue beside it; not in the registry"
                         if first.via == UNLISTED_VIA else f"URL in the text; domain {first.domain} is not in the registry")
            + f"; found by {first.via} at offset {first.start}",
        })
    return rows


def _line_has_quote(text: str, mention: Mention, quote_spans: list[tuple[int, int]]) -> bool:
    line_start, line_end = _line_bounds(text, mention.start, mention.end)
    return any(line_start <= s and e <= line_end + 1 for s, e in quote_spans)
