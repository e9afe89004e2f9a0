"""Boilerplate detection: blocks of a page judged body or boilerplate, with a category and the evidence.

Plain text: a trained two-pass logistic model over block features (analysis/boilerplate_features.py) decides
body vs furniture; cue phrases (analysis/data/boilerplate_cues.json), repetition inside the document and
pitch-section propagation then overrule it and name the category; so do lines the document's outlet prints in
other documents of the corpus (analysis/boilerplate_repeats.py). HTML: trafilatura's main text, aligned
onto the lines of the visible text, decides; the same rules name what was removed. Every block keeps its
evidence in `why`. Figures: benchmarks/boilerplate_f1.py.
"""
from __future__ import annotations

import bisect
import html as html_module
import json
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .blocks import BODY, BOILERPLATE, Block, Segmentation
from .boilerplate_features import (
    CALL_TO_ACTION_RE, CUES_PATH, OUTLET_VOICE_RE, QUOTED_RE, SECOND_PERSON_RE, STOPWORDS, Cue, LineStats, best_run, body_probabilities, feature_matrix, find_cue, line_stats,
)
from .boilerplate_html import covered, main_text
from .boilerplate_repeats import OutletRepeats, line_hash
from .context import Contribution, DocContext
from .document import Document
from .metadata import MONTH_NUMBERS, TITLE_CUT_RE
from .quotes import Turn, find_speaker_turns
from .tokens import Tokens

MODEL_PATH = Path(__file__).resolve().parent / "data" / "boilerplate_model.json"
CATEGORIES = (
    "subscription", "donation", "newsletter_notification", "comments", "byline_dateline", "photo_credit", "share_social",
    "navigation", "related_links", "advertising", "legal_cookie", "tags", "credit_attribution", "duplicate",
)
# Cue categories that open a pitch section: the lines after such a heading belong to it until the report resumes.
PITCH_CATEGORIES = frozenset({"subscription", "donation", "newsletter_notification", "comments"})
# Headings that, once the article is over, open the rest of the page: comments, lists of other stories.
TAIL_CATEGORIES = frozenset({"comments", "related_links"})
MAX_CUE_WORDS = 40  # a longer line is prose: cues alone do not make it furniture
WEAK_CUE_WORDS = 6
MIN_DUPLICATE_WORDS = 5
# Lines in a row that repeat an earlier run in the same order: a copy of the article, not a template's refrain.
COPIED_RUN_LINES = 3
HTML_MIN_COVERAGE = 0.5
MAX_CAPTION_WORDS = 30
# Running prose: enough words, a closing full stop, a normal share of function words.
PROSE_MIN_WORDS = 15
PROSE_MIN_STOPWORDS = 0.2
STANDFIRST_WORDS = (8, 40)
PROSE_REACH = 3  # lines before the first / after the last body line where prose is still kept
# HTML: a lead paragraph trafilatura left out (a summary in its own element) shares the report's subject: at
# least this many of its content words, and this share of them, occur in the headline or the main text.
LEAD_MIN_SHARED = 3
LEAD_MIN_SHARE = 0.25
CONTENT_WORD_RE = re.compile(r"[^\W\d_]{3,}")
# A text of at most this many lines is a pasted article or excerpt, not a saved page (page dumps run to tens of lines
# of menus, header and footer): the model's position features, learnt on whole pages, say nothing there.
SHORT_TEXT_LINES = 8
# Where position cannot be trusted, any closed sentence on which no cue fires counts as running prose
# ("NATO said it was concerned."). The stopword test is dropped there too: a wire lead dense with names and
# titles ("BUDAPEST (Reuters) - Hungarian Prime Minister Viktor Orbán met ...") has almost none, and the cues,
# the reader-address test and the closing full stop already rule out menus, labels and pitches.
SHORT_PROSE_MIN_WORDS = 3
SHORT_PROSE_MIN_STOPWORDS = 0.0
# The reader addressed (SECOND_PERSON_RE): "we" may be a blog's narration, "you" is a pitch's (or a quotation's,
# removed first).
PITCH_MAX_BODY_P = 0.9  # a line in the outlet's voice that the model is this sure of is report, not pitch
# A note on the writer (_mark_author_bios): "About" in the corpus's main Latin-script languages, then the author or a
# capitalised name of two to four words.
AUTHOR_HEADING_RE = re.compile(
    r"^(?i:about|sobre|acerca de|à propos de|über)\s+(?:(?P<author>(?i:the author|o autor|a autora|el autor|la autora|"
    r"l'auteur|l’auteur|den autor|die autorin|l'autore|l’autore))|(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+(?:d[aeo]s?|de la|van|von|[A-ZÀ-Þ][\w'’.-]+)){1,3}))$"
)
AUTHOR_BIO_MAX_WORDS = 120
# A record printed under a sentence of the report ending in a colon (_keep_announced_records): "Label: value" fields.
FIELD_LINE_RE = re.compile(r"^[^\W\d_][^\W_]*(?: [^\W_]+){0,3}:\s+\S")
RECORD_MIN_FIELDS = 3
RECORD_MAX_WORDS = 8
PITCH_BUTTON_MAX_WORDS = 10
# A shop's box (_is_shop_widget): affiliate book boxes print a truncated title, the author, then "Best Price: $2.60
# Buy New $24.57 (as of 09:00 EDT - Details)"; a banner sells in the imperative ("Buy Silver at Discounted Prices").
PRICE_BOX_RE = re.compile(r"\b(?:(?:best|list|our|sale) price:|buy new)\s*[$£€]\s?\d", re.I)
SHOP_LABEL_RE = re.compile(r"^(?:buy|shop|order)\s", re.I)
# ... and says what it sells for: "Order restored in capital", "Shop owners protest new tax" are headlines.
SELLING_RE = re.compile(r"\b(?:prices?|discount(?:s|ed)?|sale|deals?|now|online|today|free shipping)\b|[$£€]", re.I)
SHOP_TITLE_WORDS = 12  # the title and author before the price: a longer text is a paragraph the box was glued onto
SHOP_MAX_WORDS = 30  # a product's title, author and price box; longer is a paragraph
# A line printed this many times in a row is a widget's label rendered in several elements (a poll question as
# legend, title and label): no author writes a paragraph three times over, so even the first copy is furniture.
WIDGET_REPEATS = 3
# A poll: its label ("Poll", "Take our poll") opens it; its button or sign-up lines ("Vote", "View results",
# "Completing this poll ...", a form's hidden field) close it, at most POLL_REACH lines further on. The patterns
# are in the cue file's "polls" section: the classifier does not see them (a cue also lowers its neighbours' odds).
POLL_REACH = 12
POLL_LABEL_WORDS = 8  # a poll's label is short ("Take our poll - story continues below"): it is in these first words
POLL_OPTION_WORDS = 10  # an answer without a question mark ("Not sure", "No, keep the military out of it.")
# A schedule the article prints (tour dates, a season's calendar): lines that open with a date, then a separator and
# the event or place ("June 9 – Tampa, FL @ Amphitheatre", "1a etapa: 10 de março – Interlagos", "Sat, Oct 3: Phoenix").
# Month names: English with its abbreviations and the other languages' (metadata.MONTH_NUMBERS, from
# analysis/data/month_names.json).
SCHEDULE_MONTHS = [*MONTH_NUMBERS]
_SCHEDULE_MONTH = "(?:" + "|".join(sorted(set(SCHEDULE_MONTHS), key=len, reverse=True)) + r")\.?"
_SCHEDULE_DATE = (
    rf"(?:{_SCHEDULE_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"  # June 9
    rf"|\d{{1,2}}(?:st|nd|rd|th|º|\.)?\s+(?:de\s+|of\s+)?{_SCHEDULE_MONTH}"  # 10 de março, 9th of June, 3. Mai
    r"|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)"  # 09/06, 9.6.2020
)
SCHEDULE_LINE_RE = re.compile(
    r"^(?:[^\W_]+[.º]?(?:\s+[^\W_]+[.º]?){0,2}:\s+)?"  # a label: "1a etapa:", "Round 3:"
    r"(?:[^\W\d_]{2,9}\.?,?\s+)?"  # a weekday: "Sat,", "Friday"
    + _SCHEDULE_DATE + r"(?:,?\s+(?:19|20)\d\d)?\s*[–—:@|-]\s*[^\W\d_]",
    re.I,
)
SCHEDULE_MIN_LINES = 3  # fewer dated lines are a paragraph's detail or a dateline, not a list
SCHEDULE_MAX_WORDS = 16  # a list line names a date, a place, an event: a longer line is prose or a teaser
SCHEDULE_MIN_SHARED = 2  # content words a heading shares with the headline to announce the article's own list
# A list of other stories under a related-links heading ("Trending News", "Related stories") inside the article:
# headline-shaped lines, a date or a "Read more" between them, up to the first line of report.
TEASER_MAX_WORDS = 20
HEADING_MAX_WORDS = 6
# Furniture that may sit between the headlines of such a list ("" : what the model alone called furniture).
LIST_FURNITURE = frozenset({"", "related_links", "byline_dateline", "duplicate", "navigation", "tags"})
LIST_GAP = 2  # lines between two headlines of a list at most ("Nov. 19, 2019", "Read more")
# One headline under such a heading is a link when it is as long as a headline: a subheading of the report is shorter.
SINGLE_TEASER_MIN_WORDS = 8
# A headline ending in a bracketed tag in capitals, the kind of link it is ("... eating marmot [INSIGHT]",
# "... amid China turmoil [VIDEO]"): a teaser for another page (tabloid "Don't miss" lists); a report's sentence
# does not end in a tag. One or two words of 3+ capitals; a separator ("|") may trail it.
TAGGED_TEASER_RE = re.compile(r"\[[A-Z]{3,}(?: [A-Z]{2,})?\][\s|]*$")
# Teasers set among the paragraphs with no list heading above them (_mark_inline_teasers):
# - a headline labelled as a link at its start ("Related: ...", "[Related post: ...]");
TEASER_LABEL_RE = re.compile(
    r"^\W*related(?: (?:posts?|stor(?:y|ies)|articles?|content|links?|reading|coverage))?\s*:\s*\w", re.I,
)
# - a headline in capitals that is the whole text of one of the page's links (Fox News' "SEAN SPICER ELIMINATED
#   FROM ..."): in capitals alone it may be a subheading of the report, so a plain text, with no links, is left alone;
INLINE_TEASER_MIN_WORDS = 5
ARTICLE_EDGE_MIN_WORDS = 8  # the report's first and last sentences that bound where such teasers are looked for
ANCHOR_RE = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
MARKUP_RE = re.compile(r"<[^>]+>")
# - a teaser card printed twice over (image link, then title link), its kicker ("Business", "Column:") above each
#   copy: a headline of SINGLE_TEASER_MIN_WORDS words or more, printed again on the next line or after a copy of the
#   short label line above it. An author does not print a line of the report twice in a row.
KICKER_MAX_WORDS = 3
# A line that is mostly markup (an editor's leftover tag, '&amp;lt;span data-mce-type="bookmark" ...&amp;gt;', often
# escaped once or more in a plain-text export) is never report: its tags (raw or escaped) and character entities
# cover at least MARKUP_MIN_SHARE of its characters.
MARKUP_TAG_RE = re.compile(r"&(?:amp;)*lt;/?[a-z][\w-]*(?:\s.*?)?&(?:amp;)*gt;|</?[a-z][\w-]*(?:\s[^<>]*)?/?>", re.I)
ENTITY_RE = re.compile(r"&(?:amp;)*#?\w+;")
MARKUP_MIN_SHARE = 0.5
# HTML: trafilatura may end its main text at a slot inside the article (an ad, a subscription box) and leave the
# paragraphs after it out; they are kept while they are running prose on the report's subject with at most
# PROSE_REACH lines of such furniture between them (_keep_html_continuation). The cue categories of such slots
# (a "Close" button or a share bar belongs to a dialog or the page's tail, not to the article's flow):
ARTICLE_SLOTS = frozenset({"advertising", "subscription", "newsletter_notification", "donation"})
# Plain text: the article's last sentences the model doubts at the page's end (_keep_closing_sentences). Short closed
# sentences right under the last body line, up to the end of the text or a line a strong cue names, are the report's
# close ("Maybe it's the authorities who are insane."); a line without its full stop among them counts when it reads as
# a sentence (ARTICLE_EDGE_MIN_WORDS words or more, a normal share of function words, few capitals: not a headline).
CLOSING_MAX_CAPITALS = 0.3


def _end_re(marks: str) -> re.Pattern[str]:
    """A line's end at a full stop (not an ellipsis: a teaser cut short ends in one) or one of `marks` (a character
    class or one character), then perhaps closing quotes or brackets."""
    return re.compile(r"(?:[^.]\.|" + marks + r")[\"'”’)\]]*$")


CLOSING_END_RE = _end_re("[!?]")
# A letter or statement signs off with its place and date ("Rome, August 22, 2018"; "Washington, D.C., 5 June 2019"):
# after the report's closing sentences, such a line ends the text as well as the page's furniture does.
# The place: one to four capitalised words, perhaps with a region ("Baar, Switzerland"); then the date with its year.
SIGN_OFF_RE = re.compile(
    r"^[A-ZÀ-Þ][\w.'’-]*(?:[ -][A-ZÀ-Þ][\w.'’-]*){0,3}(?:,\s+[A-ZÀ-Þ][\w.]*){0,2},\s+(?i:" + _SCHEDULE_DATE + r"),?\s+(?:1[89]|20)\d\d\.?$"
)
# A question may close the report too ("Is the principal acting on this?") when it is written as a sentence, in lower
# case but for its first word and names: a teaser's question is a headline, often in title case.
CLOSING_QUESTION_MAX_CAPITALS = 0.4
# A sentence cut in two by an exporter that ends lines at every full stop ("... native-born workers—a.k.a." /
# "Americans."): a fragment of this many words at most, closed by a full stop, goes on with the run it sits in.
FRAGMENT_MAX_WORDS = 2
# Plain text written one sentence per line (PTC-style articles, plain-text exports): the model, which learnt short
# lines as menus and link lists, doubts short sentences among the paragraphs: a run of questions, a list of short
# statements under a sentence announcing it, the lede under the headline (_keep_sentence_runs). A run of lines the
# model alone called furniture, right above a body line of the report, is body when every line of it is a sentence
# of at most SENTENCE_RUN_MAX_WORDS words: closed (SENTENCE_END_RE: a full stop, an exclamation, question mark or
# colon, then perhaps closing quotes; not an ellipsis), or, inside the article and with a statement (STATEMENT_END_RE)
# in the run, unclosed but written as a sentence (UNCLOSED_SENTENCE_MIN_WORDS words or more, a normal share of
# function words, few capitals: a headline drops its articles and auxiliaries, or capitalises every word). Between
# the headline and the report's first body line, only closed sentences count, at most LEDE_MAX_LINES of them (the
# lede; a dek over a photo credit has no body line right below). A run of closed sentences with the report's lines at
# most PROSE_REACH lines away on both sides (past a label or a photo credit) is body too (_keep_sentences_between).
SENTENCE_END_RE = _end_re("[!?:]")
STATEMENT_END_RE = _end_re("!")  # a full stop or exclamation mark: not a question, not a label
SENTENCE_RUN_MAX_WORDS = 30  # a longer line is a paragraph (or a reader's comment), which the model judges as such
UNCLOSED_SENTENCE_MIN_WORDS = 5
UNCLOSED_SENTENCE_MIN_STOPWORDS = 0.2
UNCLOSED_SENTENCE_MAX_CAPITALS = 0.6
LEDE_MAX_LINES = 2
# A caption printed twice in a row beside its photo credit (a gallery's slide, then its lightbox): every copy is the caption.
CAPTION_COPY_MAX_WORDS = 60
# A web address alone on a line pointing at a video or a social post is an embedded player's placeholder, not text:
# the video and social hosts news pages embed from (a source list's addresses, news sites, stay to the model).
MEDIA_ADDRESS_RE = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/(?:watch|embed|shorts|live)\S*|youtu\.be/\S+|vimeo\.com/\S+|"
    r"dailymotion\.com/video/\S+|dai\.ly/\S+|(?:twitter|x)\.com/\w+/status/\S+|instagram\.com/(?:p|reel|tv)/\S+|"
    r"facebook\.com/\S+/videos/\S+|tiktok\.com/\S+|rumble\.com/\S+|bitchute\.com/video/\S+|soundcloud\.com/\S+)$",
    re.I,
)
# Lists of other stories printed as cards (_mark_story_cards): a headline, then its one-paragraph summary, three times
# or more in a row, away from the article (more than PROSE_REACH furniture lines from its body) and on other subjects.
CARD_MIN_PAIRS = 3
# A teaser cut to the card's width: a headline ending in an ellipsis glued to its last (often cut) word
# ("... plus JBL he...", "... Alexa suppor..."), with no sentence closed before it.
TRUNCATED_RE = re.compile(r"[^\W_](?:\.\.\.|…)$")
# A ticker of headlines each glued to its story's lede, which opens with a dateline in capitals ("Imran Khan-led govt's
# days are numbered: warns Pak cleric KARACHI: Firebrand cleric ..."): the headline does not close a sentence.
DATELINE_LEDE_RE = re.compile(
    r"(?<=[^\W_\d.!?]|[\d\"'”’)])\s+(?-i:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?(?:\s+\((?:AP|AFP|Reuters|PTI|IANS|UPI|ANI)\))?\s*(?::|[–—-])\s+[A-Z“\"]"
)
DATELINE_MIN_LINES = 2  # one such line may be the report's own headline glued to its lede
# A word in capitals before a colon or dash: lines worth the full test. "[A-Z][A-Z]", not "[A-Z]{2}": a pattern led by
# a repeat is tried at every character of the text, one led by a character class skips to its capitals (~0.03 ms a document).
DATELINE_HINT_RE = re.compile(r"[A-Z][A-Z][A-Z.'’)]*(?::\s|\s+[–—-]\s)")


@lru_cache(maxsize=1)
def poll_patterns() -> tuple[re.Pattern, re.Pattern]:
    """The poll rule's (open, close) patterns, each list of the cue file's "polls" section joined into one regex."""
    spec = json.loads(CUES_PATH.read_text(encoding="utf-8"))["polls"]
    return tuple(re.compile("|".join(f"(?:{p})" for p in spec[key]), re.I) for key in ("open", "close"))


@lru_cache(maxsize=1)
def credit_pattern() -> re.Pattern:
    """The credit rule's pattern: the cue file's "credit_lines" joined into one regex."""
    spec = json.loads(CUES_PATH.read_text(encoding="utf-8"))["credit_lines"]["patterns"]
    return re.compile("|".join(f"(?:{p})" for p in spec), re.I)


def _is_credit_line(st: LineStats) -> bool:
    """A republishing credit on its own line ("Article posted with permission from ...", "Reprinted from ...")."""
    words = st.collapsed
    # Every credit pattern needs "permission" or opens with "re..."/"cross...": most lines are ruled out without the regex.
    if not (0 < st.words <= MAX_CUE_WORDS and ("ermission" in words or words[:2].lower() in ("re", "cr"))):
        return False
    return credit_pattern().search(words) is not None


def load_model(path: str | Path | None = None) -> dict:
    """The trained classifier as plain data (see scripts/train_boilerplate.py)."""
    return json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))


@dataclass
class _Line:
    """Working state of one line while deciding."""

    start: int
    end: int
    stats: LineStats
    body: bool
    category: str = ""
    why: str = ""
    p_body: float = 0.5
    widget: bool = False  # part of a widget whose extent a rule found (a poll, a tagged teaser): it opens no section of the page


def segment(document: Document, tokens: Tokens, resources: object) -> Segmentation:
    """Cut a document into body and boilerplate blocks covering its non-blank text."""
    model = getattr(resources, "boilerplate_model", None) or load_model()
    return segment_with(document, tokens, model, repeats=getattr(resources, "outlet_repeats", None))


RULES = (
    "keep_prose", "outlet_repeats", "headline", "cues", "markup", "author_bios", "tagged_teasers", "inline_teasers", "captions", "polls", "duplicates", "link_lists", "pitch_sections",
    "short_tail", "schedule_lists", "story_cards",
)


def segment_with(
    document: Document, tokens: Tokens, model: dict, rules: bool | tuple[str, ...] = True, repeats: OutletRepeats | None = None,
) -> Segmentation:
    """segment() with an explicit model; `rules` picks the rules that run after the classifier (True: all, False: none);
    `repeats` is the corpus's index of lines repeated across documents of one outlet (None: none)."""
    text = document.text
    spans = list(tokens.line_spans)
    if not spans:
        return Segmentation(text, ())
    active = RULES if rules is True else (rules or ())
    turns = None  # found by the transcript rule (plain text only) and kept for the document's context
    stats = [line_stats(text[s:e]) for s, e in spans]
    main = main_text(document.html) if document.html.strip() else ""
    if main:
        lines = _decide_html(text, spans, stats, main)
    else:
        # Plain text, or a page where trafilatura found no main text: the line classifier decides.
        lines = _decide_plain(spans, stats, model)
    if "keep_prose" in active and not main:
        # trafilatura judges prose from the page structure better than this rule can from text alone.
        _keep_announced_records(lines)
        _keep_prose(text, lines)
        turns = _keep_transcript_turns(text, lines)
        _keep_closing_sentences(lines)
    if "keep_prose" in active and main:
        # ... except for a lead paragraph it leaves out, which the report's own words vouch for.
        report = _ReportWords(text, lines, document.title)  # shared: the continuation reads the lead kept
        _keep_html_lead(text, lines, report)
        _keep_html_continuation(text, lines, report)
    if "outlet_repeats" in active and repeats:
        # Before the headline rule: the document's own headline stays body even when the outlet reuses it.
        _mark_outlet_repeats(text, lines, *repeats.for_document(document))
    if "headline" in active:
        _keep_headline(text, lines, document.title, site_name_cut=not document.html.strip())
    if "cues" in active:
        _apply_cues(lines)
    if "markup" in active:
        _mark_markup(lines)
    if "author_bios" in active:
        _mark_author_bios(text, lines)
    if "tagged_teasers" in active:
        _mark_tagged_teasers(text, lines)
    links = _LinkTexts(document.html) if document.html else None  # read at most once, by the two rules that ask
    if "inline_teasers" in active:
        _mark_inline_teasers(text, lines, links)
    if "captions" in active:
        _mark_captions_and_names(lines)
    if "polls" in active:
        _mark_polls(text, lines)
    if "keep_prose" in active and not main:
        # After the rules that name furniture by its shape (cues, captions, teasers, polls): only lines the model alone
        # doubts are rescued; after the headline rule: a lede right under the headline is bounded by it.
        _keep_sentence_runs(lines)
    if "duplicates" in active:
        _mark_duplicates(text, lines)
    if "link_lists" in active:
        _mark_link_lists(text, lines)
    if "story_cards" in active:
        _mark_story_cards(text, lines, document.title)
        _mark_dateline_tickers(text, lines)
    if "pitch_sections" in active:
        _extend_pitch_sections(lines, plain=not main)
    if "short_tail" in active and not main:
        _drop_short_tail(lines)
    if "schedule_lists" in active:
        # Last: it overrides the model and the section rules (not a cue) for a list the article itself introduces.
        _keep_schedule_lists(text, lines, document.title, links)
    _name_leftovers(lines)
    return Segmentation(text, tuple(_blocks(text, lines, tokens.sentence_spans, split="cues" in active)), turns)


def _decide_plain(spans: list[tuple[int, int]], stats: list[LineStats], model: dict) -> list[_Line]:
    probs = body_probabilities(model, feature_matrix(stats))
    threshold = model.get("threshold", 0.5)
    return [
        _Line(s, e, st, p >= threshold, why=f"model p(body)={p:.2f}", p_body=p)
        for (s, e), st, p in zip(spans, stats, probs)
    ]


def _decide_html(text: str, spans: list[tuple[int, int]], stats: list[LineStats], main: str) -> list[_Line]:
    """Body = the lines whose words mostly align with trafilatura's main text."""
    lines = []
    for (s, e), st, share in zip(spans, stats, covered(text, spans, main)):
        body = share >= HTML_MIN_COVERAGE
        why = "in trafilatura main text" if body else "not in trafilatura main text"
        lines.append(_Line(s, e, st, body, why=why, p_body=share))
    return lines


def _cue_fires(stats: LineStats) -> bool:
    """Whether a line's cue alone makes it furniture: strong cues on non-prose lines, weak ones on short or reader-facing lines."""
    cue = stats.cue
    if not cue.category or stats.words > MAX_CUE_WORDS:
        return False
    if cue.strength == "strong":
        return True
    # A weak cue word needs a label's shape (short, no full stop) or the voice of a pitch.
    if stats.terminal:
        return stats.pitch and stats.words <= 20
    return stats.words <= WEAK_CUE_WORDS or (stats.reader and stats.words <= 20)


def _apply_cues(lines: list[_Line]) -> None:
    for line in lines:
        if _cue_fires(line.stats):
            line.body = False
            line.category = line.stats.cue.category
            line.why = f"{line.stats.cue.strength} cue '{line.stats.cue.phrase}'"
        elif _is_credit_line(line.stats):
            line.body, line.category = False, "credit_attribution"
            line.why = f"a republishing credit; {line.why}"
        elif line.body and _is_pitch_button(line.stats):
            line.body, line.category = False, "advertising"
            line.why = f"a call to action in the outlet's voice, shaped as a button; {line.why}"
        elif line.body and _is_shop_widget(line.stats):
            line.body, line.category = False, "advertising"
            line.why = f"a shop's label or price box; {line.why}"
        elif line.body and line.stats.link and line.stats.words and MEDIA_ADDRESS_RE.match(line.stats.collapsed):
            line.body, line.category = False, "related_links"
            line.why = f"a video or social post's address alone on a line (an embedded player); {line.why}"


def _is_shop_widget(st: LineStats) -> bool:
    """A shop's box among the paragraphs: a product's short title and its price ("Straight Talk on Armed... Best Price:
    $13.95 Buy New $13.95 (as of 03:40 EDT - Details)"), or a short label that sells ("Buy Gold at Discounted Prices").

    A rule, not a cue: a cue is a feature of the classifier, and a paragraph the box was glued onto would lose its odds."""
    if st.terminal or st.words > SHOP_MAX_WORDS:
        return False
    if st.words <= WEAK_CUE_WORDS and SHOP_LABEL_RE.match(st.collapsed) and SELLING_RE.search(st.collapsed):
        return True
    price = PRICE_BOX_RE.search(st.collapsed) if "$" in st.collapsed or "£" in st.collapsed or "€" in st.collapsed else None
    return price is not None and len(st.collapsed[:price.start()].split()) <= SHOP_TITLE_WORDS


def _is_pitch_button(st: LineStats) -> bool:
    """A short label opening with a call to action in the outlet's voice, we/our/us ("Join our Free ... Challenge",
    "Download our app"): a button or banner, not a subheading of the report (headings do not recruit)."""
    return (
        st.pitch and st.reader and not st.terminal and 0 < st.words <= PITCH_BUTTON_MAX_WORDS
        and CALL_TO_ACTION_RE.match(st.collapsed) is not None and OUTLET_VOICE_RE.search(QUOTED_RE.sub(" ", st.collapsed)) is not None
    )


def _mark_markup(lines: list[_Line]) -> None:
    """Body lines made mostly of markup (tags, escaped or not, and entities) are furniture: no reader sees them."""
    for line in lines:
        words = line.stats.collapsed
        if not line.body or not ("&" in words or "<" in words) or not MARKUP_TAG_RE.search(words):
            continue
        markup = sum(len(m) for m in MARKUP_TAG_RE.findall(words))
        markup += sum(len(m) for m in ENTITY_RE.findall(MARKUP_TAG_RE.sub("", words)))
        if markup >= MARKUP_MIN_SHARE * len(words):
            line.body, line.category = False, ""  # named by its place (_name_leftovers)
            line.why = f"markup, not text ({markup} of its {len(words)} characters); {line.why}"


def _mark_author_bios(text: str, lines: list[_Line]) -> None:
    """An author's box: a heading "About <Name>" ("Sobre Carlos Nadalim", "About the author") and the paragraph under it.

    "About" and a capitalised name may head a section of a report too ("About Iran"), so the paragraph under the heading
    must name that person (or the heading says "the author"): then both are the page's note on its writer.
    """
    for i, line in enumerate(lines[:-1]):
        st = line.stats
        if st.terminal or not 2 <= st.words <= 6 or st.link or line.why.startswith(("headline", "standfirst")):
            continue
        match = AUTHOR_HEADING_RE.match(st.collapsed)
        if match is None:
            continue
        bio = lines[i + 1]
        name = match.group("name") or ""
        names_them = name and " ".join(name.split()) in bio.stats.collapsed
        if not (bio.stats.terminal and 0 < bio.stats.words <= AUTHOR_BIO_MAX_WORDS and (names_them or match.group("author"))):
            continue
        for part, reason in ((line, "heading of a note on the author"), (bio, f"note on the author under line {i + 1}")):
            if part.body or not part.category:
                part.body, part.category = False, "byline_dateline"
                part.why = f"{reason}; {part.why}"


def _mark_duplicates(text: str, lines: list[_Line]) -> None:
    """Repeated lines after their first occurrence, and fragments that another, longer line starts with.

    A body line printed again right after itself is furniture; one printed WIDGET_REPEATS times in a row is a
    widget, its first copy too unless that copy is a declarative sentence (or the headline). A body paragraph of
    running prose whose earlier copy is furniture stays body: the report keeps its sentence, the box copied it.
    """
    seen: dict[str, int] = {}
    norms = [line.stats.norm for line in lines]
    counts = Counter(norms)
    verbatim = [line.stats.collapsed for line in lines]
    _mark_widget_runs(lines, verbatim)
    for i, line in enumerate(lines):
        norm = norms[i]
        if not norm:
            continue
        # A body line printed again right after itself: no author repeats a paragraph at once, a widget does.
        again = line.body and i > 0 and verbatim[i] == verbatim[i - 1]
        # The report's own sentence whose earlier copy is furniture (a highlights box above the text) stays body,
        # when the model (or trafilatura's alignment) is sure of it as it is of report in the outlet's voice.
        copied = (
            norm in seen and not lines[seen[norm]].body and line.body and not line.category and _is_prose(line)
            and line.p_body >= PITCH_MAX_BODY_P
        )
        # A template repeats a line among other lines (each arrest report closes "He remains in custody."), or a run
        # of short lines (each day of a meal plan); a copy of the article (a hidden microdata copy, a print version)
        # repeats a run of its paragraphs of running prose in their order.
        run_copy = (
            norm in seen and counts[norm] > 2 and _is_prose(line) and _copied_run(norms, i, seen[norm]) >= COPIED_RUN_LINES
        )
        if norm in seen and not copied and (line.category or again or run_copy or _repeat_is_furniture(line, counts[norm])):
            line.body = False
            line.why = f"repeats line {seen[norm] + 1}" + (f"; {line.why}" if line.category else "")
            line.category = line.category or "duplicate"
            continue
        seen[norm] = i
        # A cut-off sentence (no closing punctuation) that another line continues is a copy glitch.
        if line.stats.words >= MIN_DUPLICATE_WORDS and not line.category and not line.stats.terminal:
            for j, other in enumerate(norms):
                if j != i and len(other) > len(norm) and other.startswith(norm) and lines[j].stats.words > line.stats.words:
                    line.body = False
                    line.category = "duplicate"
                    line.why = f"fragment of line {j + 1}"
                    break


def _mark_widget_runs(lines: list[_Line], verbatim: list[str]) -> None:
    """The first copy of a line printed WIDGET_REPEATS or more times in a row, when it is a label or a question."""
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and verbatim[j] == verbatim[i]:
            j += 1
        first = lines[i]
        label_or_question = not first.stats.terminal or first.stats.question
        if verbatim[i] and j - i >= WIDGET_REPEATS and first.body and label_or_question and not first.why.startswith("headline"):
            first.body = False
            first.category = first.category or "duplicate"
            first.why = f"printed {j - i} times in a row (a widget's label); {first.why}"
        i = j


def _mark_outlet_repeats(text: str, lines: list[_Line], outlet: str, repeated: Mapping[int, int]) -> None:
    """Body lines the outlet prints in other documents of the corpus (a footer, a promo) are furniture.

    Such a line takes its cue's category, else `duplicate`. Running prose is never touched: a sentence of
    the report that recurs (a standing background line, an updated story) stays body. A line already judged
    furniture keeps the category the later rules give it (navigation, tags, ...) and gains the evidence.
    """
    for line in lines:
        documents = repeated.get(line_hash(text[line.start:line.end]), 0)
        if not documents:
            continue
        evidence = f"repeated in {documents} documents of {outlet}"
        if not line.body:
            line.why = f"{line.why}; {evidence}"
        elif not _is_prose(line, SHORT_PROSE_MIN_WORDS):
            line.body = False
            line.category = line.stats.cue.category or "duplicate"
            line.why = f"{evidence}; {line.why}"


def _mark_polls(text: str, lines: list[_Line]) -> None:
    """A reader poll: its question and answers, from its label to its last vote button or sign-up line.

    Both ends are matched by the cue file's poll patterns; in between, the lines shaped like a poll's
    (_poll_shaped) are the poll's. With no closing line within POLL_REACH, a question right under the label and
    the short answers after it are the poll.
    """
    opens, closes = poll_patterns()
    for i, line in enumerate(lines):
        # The label opens the line; the question may be glued on after it ("Take our poll Who should ...?").
        if line.body or not opens.search(" ".join(text[line.start:line.end].split()[:POLL_LABEL_WORDS])):
            continue
        reach = range(i + 1, min(len(lines), i + POLL_REACH + 1))
        close = max((j for j in reach if closes.search(text[lines[j].start:lines[j].end])), default=None)
        if close is not None:
            inside = [later for later in lines[i + 1:close + 1] if _poll_shaped(later, closes, text)]
        else:
            inside = _question_and_answers(lines[i + 1:i + 1 + POLL_REACH])
        for later in inside:
            later.widget = True
            if later.body or not later.category:
                later.body, later.category = False, "comments"
                later.why = f"inside a poll (line {i + 1}); {later.why}"


def _poll_shaped(line: _Line, closes: re.Pattern, text: str) -> bool:
    """A line a poll is made of: its question, an answer (short, or a label without a full stop), a form line.

    A longer sentence between a poll's ends is left to the model: answers are short.
    """
    st = line.stats
    return st.question or not st.terminal or st.words <= POLL_OPTION_WORDS or closes.search(text[line.start:line.end]) is not None


def _question_and_answers(lines: list[_Line]) -> list[_Line]:
    """Lines under a poll label: one or more question lines, then at least one short answer ([] when not so)."""
    questions = 0
    while questions < len(lines) and lines[questions].stats.question:
        questions += 1
    answers = questions
    while answers < len(lines) and lines[answers].stats.words <= POLL_OPTION_WORDS and not lines[answers].stats.question:
        answers += 1
    return lines[:answers] if questions and answers > questions else []


def _mark_link_lists(text: str, lines: list[_Line]) -> None:
    """Headlines listed under a related-links heading inside the article ("Trending News") are related links.

    The model keeps such teasers when prose surrounds them: short lines between paragraphs look like the
    article's own subheadings. Under a heading after the article's first paragraph, the list runs through
    headline-shaped lines (at most TEASER_MAX_WORDS words, no closing full stop) and at most LIST_GAP lines
    in a row already called furniture (a date, "Read more", a repeated teaser); it ends at the first other
    line. A list is at least two headlines: a single line under the heading may be a subheading of the report.
    """
    article = [i for i, line in enumerate(lines) if line.body and not line.why.startswith(("headline", "standfirst"))]
    if not article:
        return
    for i, line in enumerate(lines[article[0] + 1:], start=article[0] + 1):
        if not (line.category == "related_links" and line.stats.cue.category == "related_links" and _is_heading(text, line)):
            continue
        if line.stats.cue.phrase.lower().startswith("continue"):
            continue  # "Continue reading below" announces more of the article, not a list
        run: list[_Line] = []
        teasers: list[_Line] = []
        since_teaser = 0
        for k, later in enumerate(lines[i + 1:], start=i + 1):
            shaped = _teaser_shaped(text, later)
            # The document's own headline and standfirst end a list that precedes them.
            if later.body and later.why.startswith(("headline", "standfirst")):
                break
            if later.body and not (shaped or _is_dek(text, lines, k, run, teasers)):
                break
            if not later.body and later.category not in LIST_FURNITURE:
                break
            since_teaser = 0 if shaped else since_teaser + 1
            if since_teaser > LIST_GAP:
                break
            run.append(later)
            if shaped:
                teasers.append(later)
        if len(teasers) < 2 and not (teasers and teasers[0].stats.words >= SINGLE_TEASER_MIN_WORDS):
            continue
        for later in run:
            if later.body:
                later.body, later.category = False, "related_links"
                later.why = f"listed under a related-links heading (line {i + 1}); {later.why}"


def _article_span(lines: list[_Line]) -> tuple[int, int]:
    """(first, last) line of the article: the group of body lines (no more than PROSE_REACH lines of furniture between
    two of them) the model is surest of, its body words weighed by the model's confidence (p(body) - 0.5: a box of
    summaries is prose too, but less sure); (-1, -1) when no line is body. Headline and standfirst are left out."""
    body = [i for i, line in enumerate(lines) if line.body and not line.why.startswith(("headline", "standfirst"))]
    if not body:
        return -1, -1
    best, best_score = (body[0], body[0]), -1.0
    start, score = 0, 0.0
    for k, i in enumerate(body):
        if k == 0 or i - body[k - 1] > PROSE_REACH + 1:
            start, score = i, 0.0
        score += max(lines[i].p_body - 0.5, 0.0) * lines[i].stats.words
        if score > best_score:
            best, best_score = (start, i), score
    return best


def _mark_story_cards(text: str, lines: list[_Line], title: str) -> None:
    """A list of other stories printed as cards: a headline, then its one-paragraph summary, CARD_MIN_PAIRS times or
    more in a row ("Deals": "Deal Alert: Newest iPad Pro up to $200 off" / "Amazon is not waiting until ...").

    The model keeps the summaries (prose) and drops most headlines. Such a run is a list when it lies outside the
    article (_article_span), at least half of its headlines are furniture already or cut to the card's width
    (TRUNCATED_RE), and most summaries are on other subjects than the report (its headline and article share fewer
    than LEAD_MIN_SHARED or LEAD_MIN_SHARE of their content words): a listicle's items are the article, and a report
    resumed after an ad box shares its subject. A truncated headline outside the article is a teaser on its own.
    """
    first, last = _article_span(lines)
    if first < 0:
        return
    subject: set[str] = set()  # the report's words, read once a run asks (few pages have one)

    def report_words() -> set[str]:
        if not subject:
            subject.update(_content_words(title).union(*(_content_words(text[x.start:x.end]) for x in lines[first:last + 1] if x.body)))
        return subject

    summaries = [_card_summary(line) for line in lines]
    i = 0
    while i < len(lines):
        pairs = 0
        while True:
            head, summary = i + 2 * pairs, i + 2 * pairs + 1
            if summary >= len(lines) or not summaries[summary] or first <= summary <= last or first <= head <= last:
                break
            if not _card_headline(text, lines[head]):
                break
            pairs += 1
        end = i + 2 * pairs
        # Away from the article: more than PROSE_REACH lines from it (a report's sections follow on from its paragraphs).
        apart = (i - last - 1 if i > last else first - end) > PROSE_REACH
        if pairs >= CARD_MIN_PAIRS and apart and _cards_are_teasers(text, lines[i:end], report_words()):
            for line in lines[i:end]:
                if line.body or not line.category:
                    line.body, line.category = False, "related_links"
                    line.why = f"a card in a list of other stories (headline and summary, line {i + 1}); {line.why}"
            i = end
            continue
        line = lines[i]
        if line.body and line.stats.collapsed.endswith(("...", "…")) and not first <= i <= last and _truncated_teaser(text, line):
            line.body, line.category = False, "related_links"
            line.why = f"a headline cut to a card's width, outside the article; {line.why}"
        i += 1


def _card_headline(text: str, line: _Line) -> bool:
    """A card's headline: unclosed (no full stop, question or exclamation mark) or cut short, not named by a rule."""
    if line.category not in ("", "related_links") or line.widget or line.why.startswith(("headline", "standfirst")):
        return False
    return (_teaser_shaped(text, line) and not line.stats.terminal and not line.stats.collapsed.endswith("!")) or _truncated_teaser(text, line)


def _card_summary(line: _Line) -> bool:
    st = line.stats
    return (
        not line.category and not line.widget and st.terminal and st.words >= ARTICLE_EDGE_MIN_WORDS
        and not (st.link or st.cue.strength == "strong")
    )


def _truncated_teaser(text: str, line: _Line) -> bool:
    """A headline cut off with an ellipsis glued to its last word, no sentence closed before it (TRUNCATED_RE)."""
    st = line.stats
    if not (INLINE_TEASER_MIN_WORDS - 1 <= st.words <= TEASER_MAX_WORDS) or st.link:
        return False
    words = st.collapsed
    if TRUNCATED_RE.search(words) is None:
        return False
    cut = words[:-3] if words.endswith("...") else words[:-1]
    return not re.search(r"[.!?:;…][\"'”’)\]]*(?:\s|$)", cut)


def _cards_are_teasers(text: str, cards: list[_Line], subject: set[str]) -> bool:
    headlines, summaries = cards[0::2], cards[1::2]
    dropped = sum(not h.body or _truncated_teaser(text, h) for h in headlines)
    if 2 * dropped < len(headlines):
        return False
    off_subject = 0
    for line in summaries:
        words = _content_words(text[line.start:line.end])
        shared = len(words & subject)
        off_subject += shared < LEAD_MIN_SHARED or shared < LEAD_MIN_SHARE * len(words)
    return 2 * off_subject > len(summaries)


def _mark_dateline_tickers(text: str, lines: list[_Line]) -> None:
    """A ticker of headlines each glued to its story's lede ("With shattered dreams, deportees return home from US NEW
    DELHI: Their American dream ..."): DATELINE_MIN_LINES or more lines in a row where a headline of three words or
    more (not closing a sentence) runs into a dateline in capitals. A report's paragraph opens with its dateline."""
    # One scan of the text for words in capitals before a colon or dash: only the lines holding one are tested.
    hits = [m.start() for m in DATELINE_HINT_RE.finditer(text)]
    if len(hits) < DATELINE_MIN_LINES:
        return
    starts = [line.start for line in lines]
    hinted = sorted({bisect.bisect_right(starts, hit) - 1 for hit in hits})
    shaped = [k for k in hinted if lines[k].stats.words >= ARTICLE_EDGE_MIN_WORDS and _headline_with_lede(lines[k])]
    runs: list[list[int]] = []
    for k in shaped:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) < DATELINE_MIN_LINES:
            continue
        for line in (lines[k] for k in run):
            if line.body or not line.category:
                line.body, line.category = False, "related_links"
                line.why = f"a headline glued to its story's lede, in a ticker of {len(run)} (line {run[0] + 1}); {line.why}"


def _headline_with_lede(line: _Line) -> bool:
    words = line.stats.collapsed
    if line.stats.words < ARTICLE_EDGE_MIN_WORDS or line.why.startswith(("headline", "standfirst")):
        return False
    for match in DATELINE_LEDE_RE.finditer(words):
        head = words[:match.start()]
        if len(head.split()) >= 3 and any(ch.islower() for ch in head):
            return True
    return False


def _is_dek(text: str, lines: list[_Line], k: int, run: list[_Line], teasers: list[_Line]) -> bool:
    """Line k is a teaser's summary in a list of other stories: a short sentence right under one of the list's
    headlines and right over the next one, itself body (a card's headline and dek), not a paragraph of the report."""
    line = lines[k]
    return (
        bool(teasers) and run[-1] is teasers[-1] and k + 1 < len(lines) and lines[k + 1].body and _teaser_shaped(text, lines[k + 1])
        and 0 < line.stats.words <= TEASER_MAX_WORDS and not (line.stats.link or line.stats.question)
    )


def _mark_tagged_teasers(text: str, lines: list[_Line]) -> None:
    """A headline-shaped line ending in a bracketed capitals tag ("[INSIGHT]", "[VIDEO]") is a link to another story."""
    for line in lines:
        if line.category or line.why.startswith("headline"):
            continue  # a cue already named it, or it is the document's own headline
        match = TAGGED_TEASER_RE.search(text, line.start, line.end)
        if match is None or line.stats.words > TEASER_MAX_WORDS + 2:
            continue
        before = text[line.start:match.start()].strip()
        # The tag must close a headline of a few words: not a bare tag, not a closed sentence.
        if len(before.split()) < 3 or before.endswith((".", ":", ";", "…")):
            continue
        # A teaser among the paragraphs is one link, not the heading of the page's tail (widget: opens no section).
        line.body, line.category, line.widget = False, "related_links", True
        line.why = f"headline tagged '{match.group(0).strip(' |')}': a link to another story; {line.why}"


def _mark_inline_teasers(text: str, lines: list[_Line], links: _LinkTexts | None = None) -> None:
    """Links to other stories set between the report's paragraphs with no list heading above them.

    A headline labelled "Related: ...", a headline in capitals that is the whole text of a link of the page, and a
    teaser card printed twice (see TEASER_LABEL_RE and the notes under it). Only between the report's first and last
    sentences (ARTICLE_EDGE_MIN_WORDS words or more): before and after the article, the other rules name the furniture.
    `links`: the page's link texts (None for a plain text).
    """
    prose = [i for i, line in enumerate(lines) if line.body and _is_prose(line, ARTICLE_EDGE_MIN_WORDS)]
    if len(prose) < 2:
        return
    headlines = {line.stats.norm for line in lines if line.why.startswith("headline")}
    for i in range(prose[0] + 1, prose[-1]):
        line = lines[i]
        if line.category or line.widget or line.why.startswith(("headline", "standfirst")) or not _teaser_shaped(text, line):
            continue
        words = line.stats.collapsed
        if TEASER_LABEL_RE.match(words):
            _mark_teaser(line, "related_links", "a headline labelled as a related story")
        elif links is not None and _capitals_headline(words, line):
            if words in links.texts:
                category = "advertising" if line.stats.reader else "related_links"  # "CLICK HERE TO GET THE ... APP"
                _mark_teaser(line, category, "a headline in capitals that is the whole text of a link")
        elif line.stats.words >= SINGLE_TEASER_MIN_WORDS and not line.stats.question and line.stats.norm not in headlines:
            # A question printed twice is a poll's (_mark_polls); a copy of the document's own headline links to no other story.
            _mark_teaser_card(lines, i)


def _capitals_headline(words: str, line: _Line) -> bool:
    """A line of INLINE_TEASER_MIN_WORDS words or more written in capital letters."""
    return line.stats.words >= INLINE_TEASER_MIN_WORDS and words.upper() == words and words.lower() != words


def _anchor_texts(html: str) -> set[str]:
    """The visible text of every link of an HTML page, spaces collapsed."""
    return {" ".join(html_module.unescape(MARKUP_RE.sub("", inner)).split()) for inner in ANCHOR_RE.findall(html)}


class _LinkTexts:
    """An HTML page's link texts (_anchor_texts), read once a rule needs them: few pages hold a line that asks."""

    def __init__(self, html: str):
        self.html = html

    @cached_property
    def texts(self) -> set[str]:
        return _anchor_texts(self.html)


def _mark_teaser_card(lines: list[_Line], i: int) -> None:
    """Line i and its kicker, when the card they make is printed again right below: (headline, headline) or
    (kicker, headline, kicker, headline)."""
    norm = lines[i].stats.norm
    kicker = lines[i - 1] if _is_kicker(lines[i - 1]) else None
    after = lines[i + 1:i + 3]
    if lines[i - 1].stats.norm == norm or (len(after) == 2 and after[1].stats.norm == norm == after[0].stats.norm):
        return  # printed WIDGET_REPEATS times or more in a row: a widget's label (_mark_widget_runs)
    if after and after[0].stats.norm == norm:
        card = [lines[i], after[0]]
    elif kicker and len(after) == 2 and after[0].stats.norm == kicker.stats.norm and after[1].stats.norm == norm:
        card = [lines[i], *after]
    else:
        return
    for line in ([kicker] if kicker else []) + card:
        if line.body or not line.category:
            _mark_teaser(line, "related_links", f"a teaser card printed twice (line {i + 1})")


def _is_kicker(line: _Line) -> bool:
    """A short label over a headline ("Business", "Company Town"): a few words, not a sentence."""
    return 0 < line.stats.words <= KICKER_MAX_WORDS and not line.stats.terminal and not line.why.startswith("headline")


def _mark_teaser(line: _Line, category: str, reason: str) -> None:
    # One link among the paragraphs, not the heading of the page's tail (widget: opens no section).
    line.body, line.category, line.widget = False, category, True
    line.why = f"{reason}: a link to another story; {line.why}"


def _is_heading(text: str, line: _Line) -> bool:
    """A short line that names a list ("Trending News", "Related:"), not a sentence."""
    stripped = text[line.start:line.end].strip().rstrip(":")
    return line.stats.words <= HEADING_MAX_WORDS and not (stripped and stripped[-1] in ".!?")


def _teaser_shaped(text: str, line: _Line) -> bool:
    """A headline: a few words, no closing full stop (a closing quotation, question or exclamation mark may end it)."""
    if not 0 < line.stats.words <= TEASER_MAX_WORDS or line.stats.link:
        return False  # most lines are paragraphs: no copy of their text is made
    stripped = text[line.start:line.end].strip().rstrip("\"'”’)]")
    return not stripped.endswith((".", ":", ";", "…"))


def _repeat_is_furniture(line: _Line, count: int) -> bool:
    """A line seen before is furniture unless it belongs to a repeated template (a question asked of every interviewee)."""
    return count <= 2 and not line.stats.question


def _copied_run(norms: list[str], i: int, j: int) -> int:
    """How many lines in a row around line i repeat, in the same order, the lines around its earlier copy j."""
    before = 0
    while i - before - 1 > j and j - before - 1 >= 0 and norms[i - before - 1] and norms[i - before - 1] == norms[j - before - 1]:
        before += 1
    after = 0
    while i + after + 1 < len(norms) and norms[i + after + 1] and norms[i + after + 1] == norms[j + after + 1]:
        after += 1
    return before + 1 + after


def _keep_prose(text: str, lines: list[_Line]) -> None:
    """A paragraph of running prose next to the article is body even where the model doubts it.

    Guards the news sentences at the edges of an article (leads, last paragraphs) that position features
    push out: walking outwards from the first and last body lines, prose within PROSE_REACH lines is kept
    (_edge_prose: the outlet's own narration counts too, and before the article a short sentence of the lead's paragraph).
    Where those features mean nothing, every line of running prose on which no cue fires is kept, down to
    SHORT_PROSE_MIN_WORDS words: in a short text (a pasted article, not a page) and where the model found no
    body line at all to walk out from (a one-line article looks like furniture "before the article").
    """
    body = [i for i, line in enumerate(lines) if line.body]
    if not body or len(lines) <= SHORT_TEXT_LINES:
        reason = "; kept: running prose in a text too short to be a page" if body else "; kept: running prose, the model found no article"
        for line in lines:
            if not line.body and _is_prose(line, SHORT_PROSE_MIN_WORDS, SHORT_PROSE_MIN_STOPWORDS) and not _cue_fires(line.stats):
                line.body = True
                line.why += reason
        return
    paragraphs = "\n\n" in text  # blank lines part the text: lines between them make one paragraph
    edge = body[0]
    for i in range(body[0] - 1, -1, -1):
        if edge - i > PROSE_REACH:
            break
        reason = _edge_prose(text, lines[i], lines[edge] if edge - i == 1 and paragraphs else None)
        if reason:
            lines[i].body, edge = True, i
            lines[i].why += f"; kept: {reason} beside the article"
    edge = body[-1]
    for i in range(body[-1] + 1, len(lines)):
        if i - edge > PROSE_REACH:
            break
        # No short sentence here: a paragraph's tail is where sign-offs and pitches sit ("No one pays me to write ...").
        reason = _edge_prose(text, lines[i], None)
        if reason:
            lines[i].body, edge = True, i
            lines[i].why += f"; kept: {reason} beside the article"


def _keep_transcript_turns(text: str, lines: list[_Line]) -> tuple[Turn, ...]:
    """The lines of an interview transcript's turns are body ("HANNITY: You are so good at your job.", and the lines
    of the speaker's turn under it). Short turns and their continuation lines look like furniture to the model,
    which drops the end of a long transcript as "after the article"; turns are found as quotes.find_speaker_turns
    finds them (labels that take turns in a conversation). A line on which a cue fires or that holds an address stays
    as it was: it is the page's, printed inside the turn's reach. Returns the turns (DocContext.turns reuses them)."""
    if ":" not in text:
        return ()  # every turn has a label ending in a colon
    turns = tuple(find_speaker_turns(text))
    if not turns:
        return turns
    starts = [turn.label_start for turn in turns]
    for line in lines:
        if line.body:
            continue
        k = bisect.bisect_right(starts, line.start) - 1
        if k < 0 or not line.start < turns[k].end or _cue_fires(line.stats) or line.stats.link:
            continue
        line.body, line.category = True, ""
        line.why += "; kept: a turn of an interview transcript"
    return turns


def _keep_closing_sentences(lines: list[_Line]) -> None:
    """The report's last short sentences, which the model doubts at the page's end ("Maybe it's not the terrorists
    who are nuts." / "Maybe it's the authorities who are insane.").

    From the last body line, the run of closed sentences (SHORT_PROSE_MIN_WORDS words or more, ending in a full stop,
    an exclamation or a question mark) with no cue, no link and no address to the reader, and of unclosed lines that
    read as a sentence (_reads_as_sentence), is kept when it ends the text or a line a strong cue names follows it
    (the page's furniture, not more of its text) or a sign-off with a place and date (SIGN_OFF_RE), and its last line
    closes a sentence: a question only when written in sentence case (CLOSING_QUESTION_MAX_CAPITALS; a teaser's
    question is a headline). A fragment of a sentence cut at an abbreviation (_is_fragment) goes on with the run but
    neither ends it nor makes it alone.
    """
    last = max((i for i, line in enumerate(lines) if line.body), default=None)
    if last is None:
        return
    run: list[_Line] = []
    for line in lines[last + 1:]:
        if line.body or not (_closing_shaped(line) or _is_fragment(line)):
            break
        run.append(line)
    if not run or _is_fragment(run[-1]):
        return
    after = last + 1 + len(run)
    ends_page = after == len(lines) or _is_credit_line(lines[after].stats) or (
        lines[after].stats.cue.strength == "strong" and _cue_fires(lines[after].stats)) or (
        SIGN_OFF_RE.match(lines[after].stats.collapsed) is not None)
    final = run[-1].stats
    closed = CLOSING_END_RE.search(final.collapsed) is not None and _question_in_sentence_case(final)
    if not (ends_page and closed):
        return
    for line in run:
        line.body, line.category = True, ""
        line.why += "; kept: a closing sentence of the report at the end of the text"


def _closing_shaped(line: _Line) -> bool:
    """A short sentence that may close the report: closed, or unclosed but shaped as a sentence; no cue, link or
    address to the reader."""
    st = line.stats
    if st.cue.category or st.link or st.words < SHORT_PROSE_MIN_WORDS or _is_credit_line(st):
        return False
    if SECOND_PERSON_RE.search(QUOTED_RE.sub(" ", st.collapsed)) or CALL_TO_ACTION_RE.search(st.collapsed):
        return False
    return CLOSING_END_RE.search(st.collapsed) is not None or _reads_as_sentence(st)


def _is_fragment(line: _Line) -> bool:
    """The end of a sentence cut at an abbreviation ("a.k.a." / "Americans."): a word or two closed by a full stop."""
    st = line.stats
    return (
        0 < st.words <= FRAGMENT_MAX_WORDS and CLOSING_END_RE.search(st.collapsed) is not None and st.collapsed.endswith(".")
        and not (st.cue.category or st.link)
    )


def _reads_as_sentence(st: LineStats) -> bool:
    """An unclosed line written as a sentence, not a headline: enough words, function words, few capitals."""
    return (
        st.words >= ARTICLE_EDGE_MIN_WORDS and st.stopword_ratio >= PROSE_MIN_STOPWORDS
        and st.capital_ratio <= CLOSING_MAX_CAPITALS
    )


def _keep_sentence_runs(lines: list[_Line]) -> None:
    """Runs of short sentences the model doubts among the report's lines (one sentence per line): right above a body
    line of the report, the lines the model alone called furniture are body when each is a sentence (see the notes
    at SENTENCE_END_RE). The run must lie inside the article (a body line of the report above it) or right under the
    headline (the lede: closed sentences only); a cue, a link, an address to the reader, a rule's category or a
    widget ends it."""
    def report_line(line: _Line) -> bool:
        return line.body and not line.why.startswith(("headline", "standfirst"))

    first = next((i for i, line in enumerate(lines) if report_line(line)), None)
    if first is None:
        return
    for i in range(max(first, 1), len(lines)):
        if not report_line(lines[i]) or lines[i - 1].body:
            continue
        start = i
        while start > 0 and _doubted(lines[start - 1]) and _sentence_shaped(lines[start - 1].stats):
            start -= 1
        if start == i and i >= 2 and lines[i - 2].why.startswith("headline") and _reader_lede(lines[i - 1]):
            start -= 1
        run = lines[start:i]
        if not run or start == 0:
            continue
        above = lines[start - 1]
        inside = start > first
        lede = above.body and above.why.startswith("headline")
        closed = [line for line in run if SENTENCE_END_RE.search(line.stats.collapsed)]
        if inside:
            if len(closed) < len(run) and not any(STATEMENT_END_RE.search(line.stats.collapsed) for line in closed):
                continue  # unclosed lines with no sentence among them: a list of headlines
        elif not (lede and len(closed) == len(run) <= LEDE_MAX_LINES):
            continue
        for line in run:
            line.body, line.category = True, ""
            line.why += f"; kept: a sentence among the report's lines (above line {i + 1})"
    _keep_sentences_between(lines, report_line)


def _keep_sentences_between(lines: list[_Line], report_line: Callable[[_Line], bool]) -> None:
    """Runs of closed sentences among the report's lines, with a body line of the report at most PROSE_REACH lines
    above and below, past labels or furniture ("How far did the letter get?" under a paragraph, over a photo's credit
    and the next paragraph): a crosshead or a short paragraph of the report, not a teaser, when every line closes a
    sentence and a question is written in sentence case (CLOSING_QUESTION_MAX_CAPITALS)."""
    reports = [i for i, line in enumerate(lines) if report_line(line)]
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _doubted(lines[end]) and _closed_sentence(lines[end].stats):
            end += 1
        if end == i:
            i += 1
            continue
        k = bisect.bisect_left(reports, i)  # the first report line after the run (none inside it: they are body)
        above = k > 0 and i - reports[k - 1] <= PROSE_REACH
        below = k < len(reports) and reports[k] - (end - 1) <= PROSE_REACH
        if above and below:
            for line in lines[i:end]:
                line.body, line.category = True, ""
                line.why += "; kept: a sentence among the report's lines"
        i = end


def _closed_sentence(st: LineStats) -> bool:
    """_sentence_shaped and closed; a question only in sentence case (a teaser's question is a headline)."""
    if not (_sentence_shaped(st) and SENTENCE_END_RE.search(st.collapsed)) or st.collapsed.endswith(":"):
        return False
    return _question_in_sentence_case(st)


def _question_in_sentence_case(st: LineStats) -> bool:
    """True unless the line is a question with many capitals (CLOSING_QUESTION_MAX_CAPITALS): a teaser's question is
    a headline, often in title case; the report's own is written as a sentence."""
    return not st.question or st.capital_ratio <= CLOSING_QUESTION_MAX_CAPITALS


def _reader_lede(line: _Line) -> bool:
    """A lede that speaks to the reader ("If you don't like President Trump and can't understand how anyone could,
    look no further than ..."): running prose under the headline is the report's opening, not a pitch, unless it opens
    with a call to action or a cue fires on it."""
    st = line.stats
    return (
        _doubted(line) and _is_prose(line, reader=True) and not _cue_fires(st) and CALL_TO_ACTION_RE.search(st.collapsed) is None
    )


def _doubted(line: _Line) -> bool:
    """Furniture by the model's word alone: no cue or rule named it."""
    return not (line.body or line.category or line.widget)


def _sentence_shaped(st: LineStats) -> bool:
    """A line written as a sentence, closed or not (_keep_sentence_runs), with no cue, no link, no call to action and
    no address to the reader."""
    if st.cue.category or st.link or not SHORT_PROSE_MIN_WORDS <= st.words <= SENTENCE_RUN_MAX_WORDS or _is_credit_line(st):
        return False
    if CALL_TO_ACTION_RE.search(st.collapsed) or SECOND_PERSON_RE.search(QUOTED_RE.sub(" ", st.collapsed)):
        return False
    if SENTENCE_END_RE.search(st.collapsed):
        return st.stopword_ratio > 0  # a sentence has function words: not a time ("12:51 p.m.") or a label
    return (
        not st.bullet and st.words >= UNCLOSED_SENTENCE_MIN_WORDS and st.stopword_ratio >= UNCLOSED_SENTENCE_MIN_STOPWORDS
        and st.capital_ratio <= UNCLOSED_SENTENCE_MAX_CAPITALS
    )


def _keep_announced_records(lines: list[_Line]) -> None:
    """A record the report announces with a colon ("... identified him as the likely suspect:", then "Arrest
    Information:", "Name: ...", "Age: 30 years") is body: the model, which has seen "Label: value" lines mostly as page
    furniture, drops it, and with it the paragraphs after it fall out of the prose rule's reach.

    Under a body sentence of running prose (ARTICLE_EDGE_MIN_WORDS words or more) ending in a colon, the run of short
    lines (RECORD_MAX_WORDS words at most, no cue, no link) is kept when RECORD_MIN_FIELDS of them are "Label: value"
    fields; it ends at the first other line. Furniture printed as fields ("Tags: ...", "Posted: ...") carries a cue.
    """
    for i, line in enumerate(lines):
        if not (line.body and line.stats.words >= ARTICLE_EDGE_MIN_WORDS and line.stats.collapsed.endswith(":")):
            continue
        run: list[_Line] = []
        for later in lines[i + 1:]:
            st = later.stats
            if later.body or not 0 < st.words <= RECORD_MAX_WORDS or st.link or st.cue.category:
                break
            run.append(later)
        if sum(FIELD_LINE_RE.match(later.stats.collapsed) is not None for later in run) < RECORD_MIN_FIELDS:
            continue
        for later in run:
            later.body, later.category = True, ""
            later.why += f"; kept: a record the report announces (line {i + 1})"


def _edge_prose(text: str, line: _Line, body_neighbour: _Line | None) -> str:
    """Why a line at the article's edge is report ("" when it is not): running prose (_is_prose); running prose in
    the outlet's own voice ("In the week since we first noted ...": a blog's narration, not a pitch, when it neither
    speaks to the reader nor opens with a call to action nor carries a cue); or, with `body_neighbour` (the body line
    next to it, with no blank line between them in a text whose paragraphs are parted by blank lines), a short
    closed sentence of that paragraph ("Gym is his favorite class." over "But he is also a fan of ...")."""
    st = line.stats
    if _is_prose(line):
        return "running prose"
    narration = (
        st.reader and st.words >= PROSE_MIN_WORDS and st.terminal and st.stopword_ratio >= PROSE_MIN_STOPWORDS
        and not (st.cue.category or st.link)
    )
    if narration and not (SECOND_PERSON_RE.search(QUOTED_RE.sub(" ", st.collapsed)) or CALL_TO_ACTION_RE.search(st.collapsed)):
        return "running prose in the outlet's voice"
    if body_neighbour is not None and _is_prose(line, SHORT_PROSE_MIN_WORDS, 0.0) and not _cue_fires(st):
        gap = text[min(line.end, body_neighbour.end):max(line.start, body_neighbour.start)]
        if "\n\n" not in gap and gap.strip() == "":
            return "a sentence of the paragraph kept"
    return ""


def _keep_html_lead(text: str, lines: list[_Line], report: _ReportWords) -> None:
    """Running prose just before trafilatura's first paragraph, on the report's subject, is the article's lead.

    trafilatura drops a lead printed in its own element (a summary box) with the page furniture. Walking back
    from its first paragraph (a body line of running prose: not the headline) over at most PROSE_REACH lines of
    furniture, a line of running prose on which no cue fires is kept when its content words are those of the
    headline and the main text (LEAD_MIN_SHARED words, LEAD_MIN_SHARE of them): a teaser for another story
    or a pitch there is prose on another subject. A caption (beside a photo credit) is not kept, nor a copy of
    a sentence the main text prints in its place (a highlights box). `report`: those words (_ReportWords), which the
    lines kept here join after the walk.
    """
    first = next((i for i, line in enumerate(lines) if line.body and _is_prose(line)), None)
    if first is None:
        return
    kept: list[tuple[_Line, set[str]]] = []  # the report's words grow by these after the walk, which reads them as found
    printed = " ".join(line.stats.norm for line in lines if line.body)
    edge = first
    for i in range(first - 1, -1, -1):
        line = lines[i]
        if line.body or edge - i > PROSE_REACH:
            break  # the headline, or another part trafilatura kept, is where the lead would have been
        if not _is_prose(line) or _cue_fires(line.stats):
            continue
        if line.stats.norm in printed:
            continue  # a highlights box copying a sentence of the report: the report keeps it in its place
        if any(lines[j].stats.cue.category == "photo_credit" for j in (i - 1, i + 1) if 0 <= j < len(lines)):
            continue  # a photo's caption, beside its credit
        words = _content_words(text[line.start:line.end])
        shared = len(words & report.words())
        if shared >= LEAD_MIN_SHARED and shared >= LEAD_MIN_SHARE * len(words):
            line.body, edge = True, i
            line.why += f"; kept: running prose before the main text, {shared} of its {len(words)} content words in the report"
            kept.append((line, words))
    for line, words in kept:
        report.add(line, words)


def _keep_html_continuation(text: str, lines: list[_Line], report: _ReportWords) -> None:
    """Running prose after trafilatura's last paragraph, on the report's subject, is the rest of the article.

    trafilatura may stop its main text at an ad slot or a subscription box inside the article. Walking on from its
    last paragraph of running prose over at most PROSE_REACH lines of such furniture (a line on which a cue of
    ARTICLE_SLOTS fires, or a paragraph with a link or an address), each closed
    sentence with no cue and no link is kept when its content words are those of the headline and the main text
    (as for the lead: LEAD_MIN_SHARED words, LEAD_MIN_SHARE of them), or when it follows a sentence so kept with
    nothing between them (a paragraph on a new turn of the report). It may address the reader: a column does.
    The walk ends at any other line: a headline of a list, a heading of the page's tail, prose on another subject.
    """
    last = max((i for i, line in enumerate(lines) if line.body and _is_prose(line)), default=None)
    if last is None:
        return
    edge, kept = last, False
    for i in range(last + 1, len(lines)):
        line = lines[i]
        st = line.stats
        if i - edge > PROSE_REACH:
            break
        if line.body:
            edge, kept = i, False
            continue
        fires = _cue_fires(st)
        if _continues_report(line):
            if kept and edge == i - 1:
                # Right under a paragraph kept here, with no furniture between: the report goes on.
                line.body, edge = True, i
                line.why += "; kept: running prose after the main text, under the paragraph kept above"
                report.add(line)
                continue
            words = _content_words(text[line.start:line.end])
            shared = len(words & report.words())
            if shared < LEAD_MIN_SHARED or shared < LEAD_MIN_SHARE * len(words):
                break
            line.body, edge, kept = True, i, True
            line.why += f"; kept: running prose after the main text, {shared} of its {len(words)} content words in the report"
            report.add(line, words)
            continue
        if fires and st.cue.category in ARTICLE_SLOTS:
            continue  # an ad or a pitch inside the article
        if st.link and st.terminal and st.words >= PROSE_MIN_WORDS and not fires:
            continue  # a pitch with an address ("Is there something you think we should know? Email the writer at ...")
        break


class _ReportWords:
    """The content words of the headline and of the body lines: what the report is about. Gathered once a rule needs
    them (few pages have prose beside trafilatura's main text), shared by the lead and continuation rules, and grown
    by the lines those keep (`add`)."""

    def __init__(self, text: str, lines: list[_Line], title: str):
        self._text, self._lines, self._title = text, lines, title
        self._words: set[str] | None = None

    def words(self) -> set[str]:
        if self._words is None:
            self._words = _content_words(self._title).union(
                *(_content_words(self._text[x.start:x.end]) for x in self._lines if x.body))
        return self._words

    def add(self, line: _Line, words: set[str] | None = None) -> None:
        """A line just kept as body (`words`: its content words, when read already): its words join the report's. Not
        gathered yet, they are read with the other body lines' when needed."""
        if self._words is not None:
            self._words |= _content_words(self._text[line.start:line.end]) if words is None else words


def _continues_report(line: _Line) -> bool:
    """A closed sentence with a normal share of function words, no cue and no link: it may go on with the report."""
    st = line.stats
    return (
        st.terminal and st.words >= SHORT_PROSE_MIN_WORDS and st.stopword_ratio >= PROSE_MIN_STOPWORDS
        and not (st.cue.category or st.link)
    )


def _content_words(text: str) -> set[str]:
    """The lower-cased words of 3+ letters of a text that are not stopwords."""
    return {word for word in CONTENT_WORD_RE.findall(text.lower()) if word not in STOPWORDS}


def _is_prose(
    line: _Line, min_words: int = PROSE_MIN_WORDS, min_stopwords: float = PROSE_MIN_STOPWORDS, reader: bool = False,
) -> bool:
    """Running prose: enough words, closed, a share of function words; no strong cue, no link, and (unless `reader`)
    no address to the reader."""
    st = line.stats
    return (
        st.words >= min_words and st.terminal and st.stopword_ratio >= min_stopwords
        and not ((st.reader and not reader) or st.cue.strength == "strong" or st.link)
    )


def _keep_headline(text: str, lines: list[_Line], title: str, site_name_cut: bool = False) -> None:
    """The document's own headline (its `title`) and the standfirst sentence under it stay body.

    Headline wording is part of a report's framing, so loaded terms there must count. With `site_name_cut` (a plain
    text, whose title is its first headline-like line without the site name after it: metadata.find_title), that line
    "Headline – Site" counts as the headline too.
    """
    title = " ".join(title.split())
    if not title:
        return
    for i, line in enumerate(lines):
        words = line.stats.collapsed
        if words == title or (site_name_cut and words.startswith(title) and TITLE_CUT_RE.match(words, len(title))):
            line.body, line.category = True, ""
            line.why = "headline (the document's title)"
            if i + 1 < len(lines) and _is_standfirst(lines[i + 1]):
                lines[i + 1].body = True
                lines[i + 1].why = "standfirst under the headline"
            return
        if line.body:
            return


def _is_standfirst(line: _Line) -> bool:
    st = line.stats
    return (
        STANDFIRST_WORDS[0] <= st.words <= STANDFIRST_WORDS[1] and st.stopword_ratio >= 0.3
        and not (st.reader or st.cue.strength == "strong" or st.link)
    )


def _drop_short_tail(lines: list[_Line]) -> None:
    """Short unpunctuated lines after the article's last paragraph are labels, not report (e.g. a trailing tag)."""
    last_prose = max((i for i, line in enumerate(lines) if line.body and line.stats.words >= PROSE_MIN_WORDS), default=-1)
    if last_prose < 0:
        return
    for line in lines[last_prose + 1:]:
        if line.body and line.stats.words <= 3 and not line.stats.terminal:
            line.body = False
            line.why += "; short label after the last paragraph"


def _extend_pitch_sections(lines: list[_Line], plain: bool = True) -> None:
    """Carry a pitch heading's category over the lines that follow it until the report resumes.

    A section goes on through lines that address the reader, carry a cue or are list items, and, after the
    article's last body line, through whatever the model already calls furniture.
    """
    last_body = max((i for i, line in enumerate(lines) if line.body), default=-1)
    _, main_end = best_run([(line.p_body - 0.5) * max(1, line.stats.words) for line in lines])
    category = ""
    for i, line in enumerate(lines):
        if line.widget:
            category = ""  # a poll ends where its rule found its end: what follows is not its section
            continue
        if line.category in TAIL_CATEGORIES and i >= main_end:
            # Readers' comments and "more stories" lists follow the article: past its main stretch, the rest is theirs.
            label = line.category.replace("_", " ")
            tail = line.category
            section = _report_section(lines, i, plain)
            for later in lines[i + 1 + len(section):]:
                if later.body or not later.category:
                    later.body, later.category, later.why = False, tail, f"after a {label} heading that follows the article"
            return
        if line.category in PITCH_CATEGORIES:
            category = line.category
            continue
        if not category:
            continue
        st = line.stats
        pitchy = (st.pitch and line.p_body < PITCH_MAX_BODY_P) or bool(st.cue.category and st.words <= MAX_CUE_WORDS) or st.bullet
        if not (pitchy or (i > last_body and not line.body)):
            category = ""
            continue
        if line.body or not line.category:
            line.body = False
            line.category = category
            line.why = "inside a " + category.replace("_", " ") + " section" + ("; the outlet's voice or a call to action" if st.pitch else "")


def _report_section(lines: list[_Line], i: int, plain: bool = True) -> list[_Line]:
    """The closed sentences right under a related-links heading (line i), kept as body: a list of
    other stories holds headlines, so sentences there are a section of the report the heading names (a wire game
    story's "UP NEXT" / "Thunder: Host the Lakers on Friday."), when the heading comes right under a body line.
    Sentences end in a full stop or exclamation mark,
    of SHORT_PROSE_MIN_WORDS words or more, with no cue, link or address to the reader, not named by another rule;
    on an HTML page (`plain` False) only those trafilatura kept. [] when none follows."""
    if lines[i].category != "related_links" or lines[i].stats.words > HEADING_MAX_WORDS or lines[i].stats.terminal:
        return []
    if i == 0 or not lines[i - 1].body:
        return []  # a section of the report goes on from its last paragraph; a list heading after furniture is the page's
    if ":" in lines[i].stats.collapsed or lines[i].stats.cue.phrase.strip() != lines[i].stats.collapsed:
        return []  # a label before a link ("Read more: ..."), not a heading that is only its name ("UP NEXT")
    section: list[_Line] = []
    for later in lines[i + 1:]:
        st = later.stats
        if later.category or not (plain or later.body):
            break
        if not (_closing_shaped(later) and CLOSING_END_RE.search(st.collapsed) and not st.question):
            break
        section.append(later)
    for line in section:
        line.body, line.category = True, ""
        line.why += f"; kept: a sentence of the report under line {i + 1}, a heading shaped as a list's"
    return section


def _mark_captions_and_names(lines: list[_Line]) -> None:
    """Short unpunctuated lines beside a photo credit are its caption; a bare name beside a dateline is the byline.

    A caption may be a closed sentence: one printed twice in a row or more beside a photo credit (a gallery's slide
    and its lightbox) is a caption in every copy, as no author prints a paragraph of the report twice over."""
    _mark_caption_copies(lines)
    for i, line in enumerate(lines):
        if line.category or line.stats.terminal or line.stats.words > MAX_CAPTION_WORDS:
            continue
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if any(n.category == "photo_credit" for n in neighbours):
            line.body, line.category, line.why = False, "photo_credit", "caption beside a photo credit"
        elif 2 <= line.stats.words <= 4 and line.stats.capital_ratio == 1.0 and any(n.category == "byline_dateline" for n in neighbours):
            line.body, line.category, line.why = False, "byline_dateline", "name beside a dateline"


def _mark_caption_copies(lines: list[_Line]) -> None:
    """Runs of one line printed twice or more in a row, with a photo credit right before or after the run."""
    if not any(line.category == "photo_credit" for line in lines):
        return
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and lines[j].stats.collapsed == lines[i].stats.collapsed:
            j += 1
        copies = lines[i:j]
        beside = [lines[k] for k in (i - 1, j) if 0 <= k < len(lines)]
        if (
            j - i >= 2 and 0 < lines[i].stats.words <= CAPTION_COPY_MAX_WORDS and not lines[i].why.startswith("headline")
            and any(n.category == "photo_credit" for n in beside)
        ):
            for line in copies:
                if line.body or not line.category:
                    line.body, line.category = False, "photo_credit"
                    line.why = f"caption printed {j - i} times in a row beside a photo credit; {line.why}"
        i = j


def _is_schedule_line(line: _Line) -> bool:
    """A short line opening with a date and naming what happens then: an item of a schedule, not a link or a cue."""
    st = line.stats
    return (
        st.words <= SCHEDULE_MAX_WORDS and st.digit_ratio > 0 and not (st.link or st.reader or _cue_fires(st))
        and SCHEDULE_LINE_RE.match(st.collapsed) is not None
    )


def _keep_schedule_lists(text: str, lines: list[_Line], title: str, links: _LinkTexts | None = None) -> None:
    """A list of dated lines that the article announces (tour dates, a season's calendar) is body.

    The model, trained on pages whose short unpunctuated lines are menus and teasers, calls such a list furniture,
    though it may be the whole article. A run of at least SCHEDULE_MIN_LINES schedule lines (_is_schedule_line) is
    kept when the line right above it announces it: a sentence of the report ending in a colon, or a line that shares
    SCHEDULE_MIN_SHARED content words with the headline ("The Doobie Brothers Tour Dates" under "Doobie Brothers
    Unite ... Tour"), which is kept too unless it repeats a line above. Footnotes ("* subject to change") right
    under the list go with it. A dated list under any other heading (a sidebar of events), or one whose lines are
    links on an HTML page (`links`: its link texts; an archive of dated stories), stays as the rules before said.
    """
    headline = _content_words(title)
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and _is_schedule_line(lines[end]):
            end += 1
        if end - i < SCHEDULE_MIN_LINES or i == 0:
            i = max(end, i + 1)
            continue
        reason = _announces_list(text, lines[i - 1], headline)
        if reason and links is not None:
            if any(line.stats.collapsed in links.texts for line in lines[i:end]):
                reason = ""  # dated links: stories of other days, not the article's list
        if reason:
            head = lines[i - 1]
            if not head.body and head.category != "duplicate":
                head.body, head.category = True, ""
                head.why += "; kept: heading of a dated list the article prints"
            for line in lines[i:end]:
                if not line.body:
                    line.body, line.category = True, ""
                    line.why += f"; kept: dated list under {reason}"
            while end < len(lines) and lines[end].stats.collapsed.startswith("*") and not _cue_fires(lines[end].stats):
                if not lines[end].body:  # the list's footnotes ("* subject to change")
                    lines[end].body, lines[end].category = True, ""
                    lines[end].why += "; kept: footnote under a dated list the article prints"
                end += 1
        i = end


def _announces_list(text: str, head: _Line, headline: set[str]) -> str:
    """Why the line above a dated list makes it the article's own ("" if it does not): a sentence of the report
    ending in a colon ("The dates are:"), or a line sharing SCHEDULE_MIN_SHARED content words with the headline."""
    if _cue_fires(head.stats):
        return ""  # "Related", "More events": the page's furniture
    if head.body and head.stats.collapsed.endswith(":"):
        return "the report's sentence announcing it"
    shared = len(_content_words(text[head.start:head.end]) & headline)
    return f"a heading sharing {shared} words with the headline" if shared >= SCHEDULE_MIN_SHARED else ""


def _name_leftovers(lines: list[_Line]) -> None:
    """Give model-only boilerplate a category from its shape and place: tags, navigation or related links."""
    body_positions = [i for i, line in enumerate(lines) if line.body and not line.why.startswith("headline")]
    first_body = body_positions[0] if body_positions else len(lines)
    last_body = body_positions[-1] if body_positions else -1
    for i, line in enumerate(lines):
        if line.body or line.category:
            continue
        st = line.stats
        if i > last_body and st.words <= 3 and not st.terminal:
            line.category = "tags"
            place = "after the article"
        elif i < first_body:
            line.category = "navigation" if st.words <= 6 else "related_links"
            place = "before the article"
        elif i > last_body:
            line.category = "navigation" if st.words <= 3 else "related_links"
            place = "after the article"
        else:
            line.category = "navigation" if st.words <= 6 else "related_links"
            place = "inside the article"
        line.why = f"{line.why}; short line {place}" if st.words <= 6 else f"{line.why}; {place}"


def _blocks(text: str, lines: list[_Line], sentence_spans: tuple[tuple[int, int], ...], split: bool = True) -> list[Block]:
    """One block per line, except body lines that carry furniture sentences, which are split at sentence ends."""
    starts = [s for s, _ in sentence_spans]
    blocks: list[Block] = []
    for line in lines:
        if line.body and split:
            first = bisect.bisect_left(starts, line.start)
            last = bisect.bisect_left(starts, line.end, first)
            if last - first < 2:  # a line of one sentence has none glued on (_split_glued)
                blocks.append(Block(line.start, line.end, BODY, "", line.why))
                continue
            sentences = [(s, e) for s, e in sentence_spans[first:last] if e <= line.end]
            blocks.extend(_split_glued(text, line, sentences))
        elif line.body:
            blocks.append(Block(line.start, line.end, BODY, "", line.why))
        else:
            blocks.append(Block(line.start, line.end, BOILERPLATE, line.category, line.why))
    return blocks


def _split_glued(text: str, line: _Line, sentences: list[tuple[int, int]]) -> list[Block]:
    """A body line with a furniture sentence glued on (e.g. a trailing 'Source attribution: ...') becomes several blocks."""
    if len(sentences) < 2:
        return [Block(line.start, line.end, BODY, "", line.why)]
    last = len(sentences) - 1
    marks: list[Cue | None] = []
    for k, (s, e) in enumerate(sentences):
        if k not in (0, last):  # furniture is glued on at a paragraph's edges
            marks.append(None)
            continue
        sentence = text[s:e]
        if len(sentence.split()) > 30:  # a long sentence is prose whatever its cue: none is looked for
            marks.append(None)
            continue
        cue = find_cue(sentence)
        fires = cue.strength == "strong"
        marks.append(cue if fires and cue.category not in ("navigation", "byline_dateline") else None)
    if not any(marks):
        return [Block(line.start, line.end, BODY, "", line.why)]
    blocks: list[Block] = []
    run_start = line.start
    for (s, e), cue in zip(sentences, marks):
        if cue is None:
            continue
        if s > run_start:
            blocks.append(Block(run_start, _trim_end(text, run_start, s), BODY, "", line.why))
        blocks.append(Block(s, e, BOILERPLATE, cue.category, f"sentence with {cue.strength} cue '{cue.phrase}'"))
        run_start = e
    rest = text[run_start:line.end]
    if rest.strip():
        offset = run_start + len(rest) - len(rest.lstrip())
        blocks.append(Block(offset, line.end, BODY, "", line.why))
    return blocks


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def analyze(context: DocContext) -> Contribution:
    """The `documents` share columns and one `blocks` row per block."""
    seg = context.segmentation
    doc_id = context.document.doc_id
    total = seg.total_chars
    per_category = {category: 0 for category in CATEGORIES}
    for block in seg.blocks:
        if block.kind == BOILERPLATE:
            per_category[block.category or "navigation"] = per_category.get(block.category or "navigation", 0) + block.end - block.start
    columns: dict[str, object] = {"boilerplate_share": round(seg.boilerplate_share, 4)}
    for category, chars in per_category.items():
        columns[f"boilerplate_{category}"] = round(chars / total, 4) if total else 0.0
    columns["boilerplate_method"] = "trafilatura" if any("trafilatura main text" in b.why for b in seg.blocks) else "model+cues"
    rows = [
        {
            "doc_id": doc_id, "start": b.start, "end": b.end, "kind": b.kind, "category": b.category,
            "text": seg.text[b.start:b.end], "why": b.why,
        }
        for b in seg.blocks
    ]
    return Contribution(columns=columns, rows={"blocks": rows})
