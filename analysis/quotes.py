"""Quotation spans of any style, nested quotes and quotes left open to the paragraph's end; and the speakers'
turns of interview transcripts (find_speaker_turns), which voice counts as quoted too.

Shared by loaded wording (voice), outlets (who is quoted) and framing (quoted actors).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, NamedTuple

from .metadata import NAME_PARTICLES as BYLINE_NAME_WORDS

# opening mark -> closing marks it accepts
PAIRS = {
    "“": "”\"",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "「": "」",
    "『": "』",
    '"': '"”',
    "‘": "’'",
    "‚": "‘’",
    "'": "'’",
}
SINGLE_MARKS = frozenset("‘’'‚")
# Marks that look the same opening and closing; every other mark that can close does close.
STRAIGHT_MARKS = frozenset("\"'")
# Every character that can open or close a quotation: a paragraph is scanned mark by mark, not letter by letter.
QUOTE_MARKS = frozenset(PAIRS) | frozenset("”’»›」』")
QUOTE_MARK_RE = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]")


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` include the marks; `closed` is False when it ran to the paragraph's end."""

    start: int
    end: int
    depth: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between two letters (Russia’s, don't) or after a plural s (states') is no quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    if text[i] in "’'" and text[i + 1:i + 3].isdigit():
        return True  # '80s, ’90s
    return before in "sS" and not after.isalnum() and text[i] in "’'" and i > 1 and text[i - 2].isalpha()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in SINGLE_MARKS or text[i] == '"':
        return not before.isalnum() and not after.isspace()
    return True


# A quotation left open at a line's end may close on a later line (one sentence per line, hard-wrapped
# plain text): only within this many further lines and characters, and never across a blank line.
MAX_CONTINUED_LINES = 5
MAX_CONTINUED_CHARS = 1500
BLANK_LINE_RE = re.compile(r"\n[ \t\u00a0]*\n")


def find_quotes(text: str) -> list[Quote]:
    """All quotations in `text`, outermost and nested, sorted by start.

    A quotation is settled within its line (paragraph), except that a line ending with exactly one open
    double quotation (or guillemet) continues it onto the next lines when, within a few lines and no blank
    line (a curly “ also over blank lines: see _continues), the first quotation mark to come is a mark that
    closes it (and cannot open). Anything else (another
    opening mark first, nothing in reach) leaves it open to its line's end as before: an unbalanced mark never
    quotes more than its own line. The marks are found in one pass over the text, and each line's open
    quotations are settled when the first mark past its end comes. Apostrophes on the lines between ("It’s
    critical") neither close nor stop it."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []  # the open quotations of the current paragraph: (opening mark, offset)
    carried: tuple[str, int, int] | None = None  # a quotation open at an earlier line's end: (mark, offset, that line's end)
    paragraph_end = -1
    for mark in QUOTE_MARK_RE.finditer(text):
        i = mark.start()
        if i > paragraph_end:
            carried = _settle_line(stack, paragraph_end, quotes, carried)
            stack = []
            paragraph_end = text.find("\n", i)
            if paragraph_end < 0:
                paragraph_end = len(text)
        ch = text[i]
        if ch in SINGLE_MARKS and _is_apostrophe(text, i):
            continue
        if carried is not None:
            opener, at, line_end = carried
            carried = None
            if _continues(text, line_end, i, opener + ch) and ch in PAIRS[opener] and not (ch in PAIRS and _can_open(text, i)):
                quotes.append(Quote(at, i + 1, 0, True))
                continue
            quotes.append(Quote(at, line_end, 0, False))
        closing = next((k for k in range(len(stack) - 1, -1, -1) if ch in PAIRS[stack[k][0]]), None)
        if closing is not None and (
            ch not in PAIRS or ch not in STRAIGHT_MARKS or not _can_open(text, i) or stack[closing][0] == ch
        ):
            opener, at = stack[closing]
            del stack[closing:]
            quotes.append(Quote(at, i + 1, closing, True))
        elif ch in PAIRS and _can_open(text, i):
            stack.append((ch, i))
    carried = _settle_line(stack, paragraph_end, quotes, carried)
    if carried is not None:
        quotes.append(Quote(carried[1], carried[2], 0, False))
    return sorted(quotes, key=lambda q: (q.start, -q.end))


def _settle_line(stack: list[tuple[str, int]], end: int, out: list[Quote], carried: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """Settle a line's open quotations; return the one that may continue onto the next lines, if any.

    `carried` (a quotation carried from an earlier line) is still pending only when no quotation mark came on this
    line, only apostrophes ("It’s critical ..."): it goes on to the next lines, as over a line with no mark at all
    (_continues bounds how far)."""
    if carried is not None:
        return carried
    if len(stack) == 1 and stack[0][0] not in SINGLE_MARKS:
        return (stack[0][0], stack[0][1], end)
    _close_paragraph(stack, end, out)
    return None


def _continues(text: str, line_end: int, i: int, marks: str = "") -> bool:
    """True when a quotation open at `line_end` may close at offset `i`: few lines later, no blank line between; or,
    for a curly “ closed by ”, few non-blank lines later over blank lines too: a quotation of several paragraphs whose
    later paragraphs the writer did not reopen with a mark ("“Many of your viewers … in the Gulf. ¶ We should watch for
    that … by fake news.”"). Straight marks, which open and close alike, never cross a paragraph break."""
    if i - line_end > MAX_CONTINUED_CHARS:
        return False
    between = text[line_end:i]
    if not BLANK_LINE_RE.search(between):
        return between.count("\n") <= MAX_CONTINUED_LINES
    return marks == "“”" and sum(1 for line in between.split("\n")[1:] if line.strip()) <= MAX_CONTINUED_LINES


def _close_paragraph(stack: list[tuple[str, int]], end: int, out: list[Quote]) -> None:
    """Settle the quotations still open at a paragraph's end."""
    # Open double quotes run to the paragraph's end (multi-paragraph quote convention);
    # a stray single mark is more likely an apostrophe, so it is dropped.
    for depth, (opener, at) in enumerate(stack):
        if opener not in SINGLE_MARKS:
            out.append(Quote(at, end, depth, False))


def quoted_ranges(quotes: list[Quote]) -> list[tuple[int, int]]:
    """The outermost quotation ranges, merged."""
    ranges = sorted((q.start, q.end) for q in quotes)
    merged: list[tuple[int, int]] = []
    for s, e in ranges:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def is_quoted(quotes: list[Quote], start: int, end: int) -> bool:
    """True when [start, end) lies inside some quotation's marks."""
    return any(q.start < start and end <= q.end for q in quotes)



# ---------------------------------------------------------------- interview transcripts
# In a transcript each turn is led by its speaker's label ("JP: ...", "Q: ... / A: ...", "LAVROV: ...",
# "Sergey Lavrov: ..."): the turn is that speaker's words, as a quotation is. A label alone proves nothing
# (headlines "Trump: Trade talks going well", "Update: ...", "Photo: ...", team notes "Lakers: ..." look the
# same), so labels count only where they take turns in a conversation: a run of at least MIN_TURNS labelled
# lines, each speaker different from the one before, in which at least two speakers have two turns or more
# (Q A Q A, DB JP DB JP), and at least half the turns speak to or as someone (I, you, we, a question).
# Headline lists and menus repeat a label on consecutive lines ("Column: ...", "Column: ...") or use each
# label once, and are written in the third person.
# A name's label is short; after a comma it may carry a longer affiliation ("VICTORIA TOENSING, ATTORNEY REPRESENTING
# FBI INFORMANT:"), which speaker_label_key checks.
_LABEL = r"(?P<label>[^\W\d_][^\n:,]{0,39}(?:,[^\n:]{1,60})?):[ \t]+(?=\S)"  # a label and the blanks after it
LABELLED_LINE_RE = re.compile(r"^[ \t]*" + _LABEL, re.MULTILINE)
MIN_TURNS = 4
MAX_LABEL_WORDS = 4
# Consecutive turns of a run start at most this many characters apart: a longer gap ends the run.
MAX_TURN_CHARS = 6000
# Lower-case particles inside a name ("Abu Bakr al-Baghdadi", "Ursula von der Leyen"): analysis.metadata's list
# for bylines (which imports nothing of the package, so no cycle), less the words it keeps there to join two
# names ("Kirka and Lawless"): a label names one speaker.
NAME_PARTICLES = BYLINE_NAME_WORDS - {"and", "&", "y"}
# Labels that head a line but name no speaker (captions, credits, notes, sections, menus), compared
# case-folded. Written for this module from common page furniture; the turn-taking test above is the main guard.
NOT_SPEAKERS = frozenset(
    label.strip()
    for label in """update|updated|updates|editor's note|editor’s note|editors' note|editors’ note|note|notes|photo|photos|
    image|images|picture|video|videos|watch|listen|audio|source|sources|credit|credits|caption|correction|
    clarification|related|read|read more|see also|more|tags|tag|topics|topic|share|search|posted|published|
    filed under|category|categories|column|opinion|analysis|editorial|comment|comments|breaking|breaking news|
    report|live|transcript|disclaimer|warning|advertisement|sponsored|guide|tip|pro tip|deal alert|follow|
    email|e-mail|phone|tel|fax|address|website|date|time|location|price|author|by|via|copyright|summary|
    background|context|bottom line|why it matters|what's next|what’s next|fact check|trigger warning""".split("|")
)
TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
# Words of a conversation: the first and second person, or a question.
# Words that speak to someone: the second person or a question. Lines naming a speaker that go on so are the turn's
# speaker talking to or about the guests ("Also joining us is ... Victoria Toensing. Sara, let's start with your
# report."), not the author's comment between turns, which speaks to no one.
ADDRESSING_RE = re.compile(r"\?|\b(?:you|you['’](?:re|ve|ll|d)|your|let['’]s)\b", re.IGNORECASE)
CONVERSATIONAL_RE = re.compile(r"\?|\b(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|ll|d)|us|our|you|you['’](?:re|ve|ll|d)|your)\b", re.IGNORECASE)


def speaker_label_key(label: str) -> str | None:
    """The label as a speaker's key (case-folded, without dots: "J.P." = "JP"), or None when it does not look
    like a speaker: one to four words, each capitalised (or a name particle), of letters, dots, hyphens and
    apostrophes only ("Q", "JP", "LAVROV", "Sergey Lavrov", "Mr. Lavrov", "Jihad Al-‘Ayesh"), and no known heading
    ("Update").
    A name may be followed by its affiliation after a comma ("JOHN SOLOMON, THE HILL"); the key is the name's."""
    label, _, affiliation = label.strip().partition(",")
    words = label.split()
    if affiliation and (len(words) < 2 or not all(ch.isalpha() or ch in " .-'’&" for ch in affiliation)):
        return None  # a full name before an affiliation; "Attention, Deal-Hunters: ..." is a teaser
    if not 1 <= len(words) <= MAX_LABEL_WORDS or label.casefold() in NOT_SPEAKERS:
        return None
    for k, word in enumerate(words):
        if not all(ch.isalpha() or ch in ".-'’‘" for ch in word):  # "Al-‘Ayesh": ‘ writes the Arabic ‘ayn
            return None
        if not word[0].isupper() and not (k and word in NAME_PARTICLES):
            return None
    return " ".join(words).replace(".", "").casefold()


def labelled_lines(text: str) -> list[re.Match]:
    """LABELLED_LINE_RE.finditer(text), tried only at the starts of lines holding a colon. A match never spans a
    line break and starts at a line start, so this finds the same matches; a pattern led by ^ is otherwise tried at
    every character of the text (~4x slower, ~0.06 ms a document)."""
    matches = []
    pos = 0
    for line in text.split("\n"):
        if ":" in line:
            match = LABELLED_LINE_RE.match(text, pos)
            if match is not None:
                matches.append(match)
        pos += len(line) + 1
    return matches


class Turn(NamedTuple):
    """A speaker's turn in a transcript: `label_start` where its label starts, `start`/`end` its words."""

    label_start: int
    start: int
    end: int


def find_speaker_turns(text: str) -> list[Turn]:
    """The turns of interview transcripts in `text`: each label's line start, and its words after the label.

    A turn is its labelled line and the lines after it up to the next labelled line (any label, a heading too),
    but ends before a line that names one of the run's speakers by surname: there the author speaks about
    them ("Shapira points out that Helms' full deposition ..."), unless the turn goes on speaking to someone
    (ADDRESSING_RE: a host names the guests he talks to). A run's last turn, where the transcript's end
    is not written, runs no further than the run's median turn length. A run's first turns whose speaker
    never speaks again in it are left out (a book advert or a headline before the transcript would reach over
    the author's introduction). A transcript the author introduces ("Following is a transcript:") needs no run:
    see find_introduced_transcripts. Sorted, not overlapping; empty for a text without turn-taking labels."""
    introduced = find_introduced_transcripts(text)
    turns = _turn_taking_turns(text)
    if not introduced:
        return turns
    reaches = [(transcript[0].label_start, transcript[-1].end) for transcript in introduced]
    kept = [turn for turn in turns if not any(turn.label_start < end and start < turn.end for start, end in reaches)]
    return sorted(kept + [turn for transcript in introduced for turn in transcript])


def _turn_taking_turns(text: str) -> list[Turn]:
    """The turns of runs of labels taking turns in a conversation (find_speaker_turns)."""
    labelled = [(m, speaker_label_key(m.group("label"))) for m in labelled_lines(text)]
    if sum(key is not None for _, key in labelled) < MIN_TURNS:
        return []
    line_starts = [m.start() for m, _ in labelled]
    turns: list[Turn] = []
    run: list[tuple[re.Match, str]] = []
    for match, key in labelled:
        if key is None:
            continue
        if run and (key == run[-1][1] or match.start() - run[-1][0].start() > MAX_TURN_CHARS):
            turns.extend(_run_turns(text, run, line_starts))
            run = []
        run.append((match, key))
    turns.extend(_run_turns(text, run, line_starts))
    return turns


def _surnames_re(keys: Iterable[str]) -> re.Pattern | None:
    """The speakers' surnames (the last word of each label key, of three letters or more) as one pattern, or None."""
    surnames = sorted({key.split()[-1] for key in keys if len(key.split()[-1]) >= 3})
    return re.compile(r"\b(?:" + "|".join(map(re.escape, surnames)) + r")\b", re.IGNORECASE) if surnames else None


def _cut_at_named_speaker(text: str, surname_re: re.Pattern | None, line_end: int, end: int) -> int:
    """Where a turn ending at `end` ends: at the start of a line after its label's line (ending at `line_end`, -1
    when none) naming a speaker by surname, the author speaking about them, unless the turn speaks to someone."""
    if line_end >= 0 and surname_re is not None and (named := surname_re.search(text, line_end, end)):
        line_start = text.rfind("\n", 0, named.start()) + 1  # the start of the line naming a speaker
        if not ADDRESSING_RE.search(text, line_start, end):
            return line_start
    return end


def _run_turns(text: str, run: list[tuple[re.Match, str]], line_starts: list[int]) -> list[Turn]:
    """The turns of one run of alternating labels, or none when it is no conversation (see find_speaker_turns)."""
    counts: dict[str, int] = {}
    for _, key in run:
        counts[key] = counts.get(key, 0) + 1
    while run and counts[run[0][1]] < 2:
        run = run[1:]
    if len(run) < MIN_TURNS or sum(n >= 2 for n in counts.values()) < 2:
        return []
    surname_re = _surnames_re(key for _, key in run)
    turns: list[Turn] = []
    for k, (match, _) in enumerate(run):
        following = bisect.bisect_right(line_starts, match.start())
        end = line_starts[following] if following < len(line_starts) else len(text)
        end = _cut_at_named_speaker(text, surname_re, text.find("\n", match.end(), end), end)
        if k + 1 == len(run):
            lengths = sorted(turn.end - turn.start for turn in turns)
            end = _lines_within(text, match.end(), min(end, match.end() + lengths[len(lengths) // 2]))
        turns.append(Turn(match.start(), match.end(), end))
    conversational = sum(CONVERSATIONAL_RE.search(text, turn.start, turn.end) is not None for turn in turns)
    headlines = sum(is_title_case(text, turn.start) for turn in turns)
    return turns if 2 * conversational >= len(turns) and 3 * headlines <= len(turns) else []


# ---------------------------------------------------------------- introduced transcripts
# The author may introduce a transcript in so many words ("Following is a transcript:", "Following are excerpts from
# the interview, which aired on May 26:", "... in the following exchange:") right before its first speaker's label
# ("Jihad Al-‘Ayesh: “Some people ..."). The introduction says what the turn-taking test of a bare run of labels must
# infer, so such a transcript needs neither a second speaker nor MIN_TURNS. Its turns are its first label's and the
# labelled lines after it ("Interviewer: ...", "Name: ..."), each reaching to the next; a passage reopened with a
# quotation mark at a line's start or after an ellipsis in brackets ("[…] “Hitler was not the first ...": a speech
# excerpted in pieces, or one paragraph of it on each line) goes on with the same turn. The transcript ends where no
# label or reopening comes within MAX_TURN_CHARS, or at a line that is no turn: one announcing the transcript's end
# ("End of transcript"), one ending in a colon (a new introduction), one led by a label that names no speaker
# ("Note: ...") or one whose reopened quotation closes before more text ("“…,” said Smith.": the author quoting).
# Its last piece, whose end is not written (but for "End of transcript"), runs no further than the (lower) median
# number of lines of its pieces before it (its own line only when there are none), as a run's last turn does.
_TRANSCRIPT_INTRO_RE = re.compile(
    r"\b(?:(?:following|below|here)[ \t]+(?:is|are)[ \t]+(?:(?:a|an|the|some)[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
    r"(?:transcripts?|excerpts?|exchanges?)"
    r"|the[ \t]+following[ \t]+(?:[\w-]+[ \t]+)?(?:transcripts?|excerpts?|exchanges?|conversation|dialogue))"
    r"\b[^:\n]{0,200}?:[ \t]*",
    re.IGNORECASE,
)
# The nouns one of which every introduction holds (in some case): the regex is searched only on the lines holding
# one, as most texts hold none (searched over the whole text it costs ~0.4 ms a document).
_TRANSCRIPT_INTRO_WORDS = (
    "ranscript", "RANSCRIPT", "xcerpt", "XCERPT", "xchange", "XCHANGE", "onversation", "ONVERSATION", "ialogue", "IALOGUE"
)
_BLANK_AFTER_RE = re.compile(r"(?:\n[ \t]*){0,2}")  # the first label follows on the line, the next or after a blank one
_LABEL_RE = re.compile(_LABEL)
# A passage of the same speaker reopened with a double quotation mark: at its line's start (perhaps after an
# ellipsis), or after an ellipsis in brackets inside the line ("... ‘the Holocaust.’ […] “Did the Nazi ...").
_REOPENED_RE = re.compile(r"^[ \t]*(?:[\[(]?(?:…|\.\.\.)[\])]?[ \t]*)?[“\"]|[\[(](?:…|\.\.\.)[\])][ \t]*“")
_CLOSING_DOUBLE_RE = re.compile("[”\"]")
# A non-blank line, stripped of its blanks (group "line"), with the blank lines before it skipped.
NONBLANK_LINE_RE = re.compile(r"[^\S\n]*(?P<line>\S[^\n]*?)[^\S\n]*(?:\n|$)")
_TRANSCRIPT_END_RE = re.compile(
    r"[\[(]?[ \t]*(?:end[ \t]+of[ \t]+(?:the[ \t]+)?(?:transcript|excerpts?|clip|video|interview|exchange)|end)"
    r"[ \t]*\.?[ \t]*[\])]?\.?",
    re.IGNORECASE,
)


def find_introduced_transcripts(text: str) -> list[list[Turn]]:
    """The turns of each transcript the author introduces (see _TRANSCRIPT_INTRO_RE), in order; a transcript's
    turns are sorted and do not overlap."""
    transcripts = []
    position = 0
    for line_start, line_end in lines_holding(text, _TRANSCRIPT_INTRO_WORDS):
        intro = _TRANSCRIPT_INTRO_RE.search(text, max(line_start, position), line_end + 1)
        if intro is None:
            continue
        label = _LABEL_RE.match(text, _BLANK_AFTER_RE.match(text, intro.end()).end())
        if label is None or speaker_label_key(label.group("label")) is None:
            continue
        turns = _introduced_turns(text, label)
        transcripts.append(turns)
        position = turns[-1].end
    return transcripts


def lines_holding(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of the lines holding one of `words`, sorted, each once."""
    lines = set()
    for word in words:
        found = text.find(word)
        while found >= 0:
            line_start = text.rfind("\n", 0, found) + 1
            line_end = text.find("\n", found)
            line_end = len(text) if line_end < 0 else line_end
            lines.add((line_start, line_end))
            found = text.find(word, line_end)
    return sorted(lines)


def _introduced_turns(text: str, first: re.Match) -> list[Turn]:
    """The turns of the transcript whose first label is `first` (find_introduced_transcripts)."""
    labels = [(first.start(), first.end(), speaker_label_key(first.group("label")))]
    pieces = [first.end()]  # where each turn or reopened passage starts
    end = None  # where a line announcing the transcript's end starts
    line_start = text.find("\n", first.end())
    while line_start >= 0:
        line_start += 1
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        if not line:
            line_start = text.find("\n", line_start) if line_end < len(text) else -1
            continue
        if line_start - pieces[-1] > MAX_TURN_CHARS:
            break
        if _TRANSCRIPT_END_RE.fullmatch(line):
            end = line_start
            break
        labelled = LABELLED_LINE_RE.match(text, line_start, line_end) if ":" in line else None
        if labelled is not None:
            key = speaker_label_key(labelled.group("label"))
            if key is None:
                break
            labels.append((labelled.start(), labelled.end(), key))
            pieces.append(labelled.start())
        elif line.endswith(":"):
            break
        elif (reopened := _REOPENED_RE.search(text, line_start, line_end)) is not None:
            closing = _CLOSING_DOUBLE_RE.search(text, reopened.end(), line_end)
            if closing is not None and text[closing.end():line_end].strip():
                break  # "“…,” said Smith.": the author quoting someone, not the speaker's next passage
            pieces.append(reopened.start())
        line_start = text.find("\n", line_start) if line_end < len(text) else -1
    if end is None:
        end = _last_piece_end(text, pieces)
    surname_re = _surnames_re(key for _, _, key in labels)
    turns = []
    for k, (label_start, start, _) in enumerate(labels):
        turn_end = labels[k + 1][0] if k + 1 < len(labels) else end
        line_end = text.find("\n", start, turn_end)
        turn_end = _cut_at_named_speaker(text, surname_re, line_end, turn_end)  # the author speaking about a speaker
        turns.append(Turn(label_start, start, max(turn_end, line_end)))
    return turns


def _last_piece_end(text: str, pieces: list[int]) -> int:
    """The end of a transcript's last piece, starting at pieces[-1]: as many non-blank lines as the (lower) median
    piece before it holds (one sentence a line, or one paragraph), its own line at least."""
    counts = sorted(_nonblank_lines(text, a, b) for a, b in zip(pieces, pieces[1:]))
    wanted = max(1, counts[(len(counts) - 1) // 2]) if counts else 1  # the lower median: the shorter guess
    end = pieces[-1]
    for index, line in enumerate(NONBLANK_LINE_RE.finditer(text, pieces[-1])):
        if index >= wanted:
            break
        end = line.end("line")
    return end


def _nonblank_lines(text: str, start: int, end: int) -> int:
    """The number of lines from `start` to `end` holding some text (the line of `start` counts)."""
    return sum(1 for line in text[start:end].split("\n") if line.strip())


def is_title_case(text: str, start: int) -> bool:
    """True when the line from `start` reads as a headline: three words or more, nearly all capitalised."""
    line_end = text.find("\n", start)
    words = TITLE_WORD_RE.findall(text, start, line_end if line_end >= 0 else len(text))[:8]
    return len(words) >= 3 and 5 * sum(word[0].isupper() for word in words) >= 4 * len(words)


def _lines_within(text: str, start: int, limit: int) -> int:
    """The end of the last whole line from `start` that ends by `limit`; at least the end of the first line."""
    first_end = text.find("\n", start)
    if first_end < 0 or first_end >= limit:
        return len(text) if first_end < 0 else first_end
    last_end = text.rfind("\n", first_end, limit + 1)
    return last_end if last_end >= 0 else first_end
