"""Quotation finding: every mark style, nesting, apostrophes, quotes left open."""
import pytest

from analysis.quotes import find_quotes, find_speaker_turns, is_quoted, quoted_ranges


def _texts(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_curly_nested_quotes_with_depth():
    text = "He said “it is “nested” here” ok."
    quotes = find_quotes(text)
    assert [(text[q.start:q.end], q.depth, q.closed) for q in quotes] == [
        ("“it is “nested” here”", 0, True),
        ("“nested”", 1, True),
    ]


def test_guillemets_german_and_straight_styles():
    text = "« bonjour » and „Guten Tag“ and »Text« and ‚klein‘ and \"plain\" words."
    assert _texts(text) == ["« bonjour »", "„Guten Tag“", "»Text«", "‚klein‘", '"plain"']


def test_single_scare_quotes_and_apostrophes():
    text = "Putin’s ‘peace’ plan, the states' 'deal' and don't forget the '80s."
    assert _texts(text) == ["‘peace’", "'deal'"]


def test_straight_quote_nested_in_curly_and_single_in_double():
    assert _texts("“He said \"x\" ok”") == ["“He said \"x\" ok”", '"x"']
    assert _texts('he called it "a \'sham\' vote".') == ['"a \'sham\' vote"', "'sham'"]


def test_open_quote_runs_to_paragraph_end_only():
    text = "He said “one thing.\nNext paragraph “closed.”"
    quotes = find_quotes(text)
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [("“one thing.", False), ("“closed.”", True)]
    assert quotes[0].inner == (quotes[0].start + 1, quotes[0].end)


def test_is_quoted_and_ranges():
    text = "the alliance has labeled an “unprovoked Russian aggression.” The end"
    quotes = find_quotes(text)
    start = text.index("unprovoked")
    assert is_quoted(quotes, start, start + len("unprovoked Russian aggression"))
    assert not is_quoted(quotes, text.index("alliance"), text.index("alliance") + 8)
    assert quoted_ranges(quotes) == [(text.index("“"), text.index("”") + 1)]


def test_the_scan_visits_every_opening_and_closing_mark():
    from analysis.quotes import PAIRS, QUOTE_MARK_RE

    marks = set(PAIRS) | set("".join(PAIRS.values()))
    assert all(QUOTE_MARK_RE.fullmatch(mark) for mark in marks)
    assert QUOTE_MARK_RE.findall("plain text, no marks: a-b (c) [d] `e` ´f´") == []


def test_open_quotations_close_at_their_own_paragraph_end():
    from analysis.quotes import find_quotes

    text = '“one\n\n\n"two" and «three\n‘x’ “four”'
    found = [(q.start, q.end, q.depth, q.closed) for q in find_quotes(text)]
    first_break = text.index("\n")
    second_line = text.index('"two"')
    third_break = text.index("\n", second_line)
    assert found == [
        (0, first_break, 0, False),  # runs to the end of its paragraph, not past the empty lines
        (second_line, second_line + 5, 0, True),
        (text.index("«"), third_break, 0, False),
        (text.index("‘"), text.index("’") + 1, 0, True),
        (text.index("“four"), len(text), 0, True),
    ]


# --- quotations running onto later lines (one sentence per line, hard-wrapped text) ---------------

def test_quote_continues_across_line_breaks_to_its_closing_mark():
    text = ('He said:\n"I welcome the ban.\nThis is the right decision.\nSpeakers who promote hate."\n\n'
            'Then “It wounded many.\nAnd this horrified me a lot.”\nEnd.')
    assert _texts(text) == [
        '"I welcome the ban.\nThis is the right decision.\nSpeakers who promote hate."',
        "“It wounded many.\nAnd this horrified me a lot.”",
    ]
    assert all(q.closed for q in find_quotes(text))


def test_unbalanced_marks_never_quote_past_their_line():
    # no closing mark in reach: the open quote stops at its line's end, as before
    assert _texts('He said "it is open.\nThe author goes on.\nAnd on.') == ['"it is open.']
    # a blank line (paragraph break) stops it, even if a mark closes later
    assert _texts('"First paragraph.\n\nAuthor text hate."') == ['"First paragraph.']
    # another opening mark comes first (the multi-paragraph convention reopens each paragraph)
    assert _texts('"First line.\n"Second line." said he.') == ['"First line.', '"Second line."']
    # too many lines before the closing mark
    far = '"Open.\n' + "line.\n" * 8 + 'end."'
    assert _texts(far) == ['"Open.']
    # two quotations open at a line's end: ambiguous, neither continues
    assert _texts('He wrote "a “b\nc” d"') == ['"a “b', "“b"]


# ---------------------------------------------------------------- interview transcripts

INTERVIEW = (
    "Interview with Sergey Lavrov\n\nThe minister spoke to our correspondent on Monday.\n\n"
    "Q: What do you make of the sanctions?\n\n"
    "LAVROV: The Kyiv regime is a puppet of the West.\nThe sanctions are illegal.\n\n"
    "Q: And the talks?\n\n"
    "LAVROV: The regime does not want peace."
)


def test_transcript_turns_are_the_words_after_each_label():
    turns = find_speaker_turns(INTERVIEW)
    assert [INTERVIEW[t.start:t.end].strip() for t in turns] == [
        "What do you make of the sanctions?",
        "The Kyiv regime is a puppet of the West.\nThe sanctions are illegal.",
        "And the talks?",
        "The regime does not want peace.",
    ]
    assert INTERVIEW[turns[1].label_start:turns[1].start] == "LAVROV: "


def test_named_speakers_initials_and_affiliations_take_turns():
    text = ("DB: John, what do you know?\nJohn Pilger: I know little.\nHe is ill.\n"
            "DB: Why?\nJP: Because they want him silenced.\n"
            "SARAH CARTER, CIRCA NEWS: You are right.\nJP: Thanks, we will see.")
    assert [text[t.start:t.end].split("\n")[0] for t in find_speaker_turns(text)] == [
        "John, what do you know?", "I know little.", "Why?", "Because they want him silenced.",
        "You are right.", "Thanks, we will see.",
    ]


def test_the_last_turn_stops_at_the_run_s_usual_turn_length():
    text = ("Q: Were you hurt?\nA: No.\nQ: Did you tell anyone?\nA: No.\n"
            "If this had been such a pivotal moment, how could she forget the year? The account is a sham.")
    last = find_speaker_turns(text)[-1]
    assert text[last.start:last.end] == "No."


@pytest.mark.parametrize(
    "text",
    [
        # headings, captions and updates are no speakers
        "Update: The regime fell.\nPhoto: AP\nUpdate: You can see it here?\nPhoto: Reuters\nUpdate: We know more?",
        # headline lists: a label repeated on consecutive lines, or each used once
        "Trump: Trade talks going well\nTrump: Trade talks going well\nRussia: Israeli strikes wrong\n"
        "Benny Gantz: Government will protect citizens\nLiberman: Both parties to blame",
        # labels that alternate but are written in the third person (team notes, headline menus)
        "Thunder: F Hamidou Diallo missed his third straight game.\n\nLakers: Kyle Kuzma left the court.\n\n"
        "Thunder: Host the Lakers on Friday.\n\nLakers: Visit the Thunder on Friday.",
        # headline teasers in Title Case, even where they speak to the reader
        "Police: Two In Custody After Death Of Student\nMayor: ‘Despicable’ Move Won’t Stand Says Mayor\n"
        "Attention, Deal-Hunters: Here Are The Top Deals For You\nPolice: Two Ballers Steal Items You Love\n"
        "Mayor: Why Won’t You Read This Story?",
        # too few turns to tell a transcript
        "Q: Why?\nA: Because the regime lies to you.\nQ: Really?",
    ],
)
def test_no_turns_without_a_conversation(text):
    assert find_speaker_turns(text) == []


def test_a_one_off_label_before_the_transcript_does_not_reach_over_the_introduction():
    text = ("Regime Change: The JFK Assassination. Check Amazon for pricing.\n"
            "The author's own introduction says the regime lied.\n"
            "BELIN: Were you deputy director? Is that correct?\nHELMS: I believe so.\n"
            "BELIN: Do you know more?\nHELMS: I do not.")
    turns = find_speaker_turns(text)
    assert turns[0].label_start == text.index("BELIN")


def test_a_turn_ends_where_the_author_names_a_speaker():
    text = ("BELIN: Were you Deputy Director of Plans, is that correct?\nHELMS: I believe so.\n"
            "BELIN: Was Oswald a CIA agent?\nShapira points out that Helms’ full deposition was public.\n"
            "It was a regime-change operation.\nHELMS: Mr. Belin, we found no evidence whatsoever.")
    turns = find_speaker_turns(text)
    assert text[turns[2].start:turns[2].end] == "Was Oswald a CIA agent?\n"


def test_speaker_labels_take_the_name_particles_of_bylines_but_not_their_conjunctions():
    from analysis import metadata, quotes
    from analysis.quotes import speaker_label_key

    # One list of name particles (analysis.metadata's), not a copy: "della" and "dos" are particles too.
    assert quotes.NAME_PARTICLES == metadata.NAME_PARTICLES - {"and", "&", "y"}
    assert speaker_label_key("Maria della Rosa") == "maria della rosa"
    assert speaker_label_key("Ursula von der Leyen") == "ursula von der leyen"
    # A label names one speaker: a byline's "and" joins two.
    assert speaker_label_key("Kirka and Lawless") is None


def test_a_host_naming_his_guests_keeps_his_turn_and_long_affiliations_label_a_turn():
    # The host names a guest by surname and goes on speaking to them: still his turn. A label with a long
    # affiliation after the name ("..., ATTORNEY REPRESENTING FBI INFORMANT:") takes a turn too, so the host's next
    # turn is no repeat of his label that would break the run.
    text = ("HANNITY: Breaking news tonight.\nSolomon reporting on the memos.\nSara, let's start with your report.\n"
            "A treasure trove, that is huge.\nSARA CARTER, CIRCA NEWS: It is Sean. I mean we have it.\n"
            "HANNITY: Now let me go to Victoria.\nI think he will become an American hero, will he?\n"
            "VICTORIA TOENSING, ATTORNEY REPRESENTING FBI INFORMANT: Let me go to number one first.\n"
            "HANNITY: Explain it to us?\nTOENSING: They said the board knew.\nHANNITY: You are so good.\n"
            "TOENSING: Thank you.\n")
    turns = find_speaker_turns(text)
    words = [text[t.start:t.end] for t in turns]
    assert words[0].endswith("A treasure trove, that is huge.\n")
    assert "an American hero" in words[2]
    assert [text[t.label_start:t.start] for t in turns][3] == "VICTORIA TOENSING, ATTORNEY REPRESENTING FBI INFORMANT: "


def test_labelled_lines_finds_what_finditer_finds():
    """labelled_lines tries LABELLED_LINE_RE only at the starts of lines with a colon: the same matches as finditer."""
    from analysis.quotes import LABELLED_LINE_RE, labelled_lines

    texts = [
        "", ":", "\n", "Q: Why?\nA: Because.\n", "  HANNITY:  You are good.\n\nTOENSING, ATTORNEY FOR X: Yes.",
        "no label here: just prose\nSergey Lavrov: We will.\r\nJP:\tok", "Note:no space\nA:\n B: c\n",
        "x" * 50 + ": long label\nÉmile Zola: J'accuse\n1st: digits\n_x: underscore\nA, b: c: d\n",
        "line one\n\n\nMr. Smith: hello: again\nend:", "Trump: talks\nUpdate: more\n\tTab: yes\n",
    ]
    for text in texts:
        old = [(m.span(), m.group("label")) for m in LABELLED_LINE_RE.finditer(text)]
        new = [(m.span(), m.group("label")) for m in labelled_lines(text)]
        assert new == old, text


def test_a_curly_quotation_goes_on_over_paragraphs_not_reopened_to_its_closing_mark():
    text = ("“Many of your viewers may not remember it.\n\nWe should watch for that, he should not be sabotaged.”\n\n"
            "Indeed, wars start so.")
    assert _texts(text) == ["“Many of your viewers may not remember it.\n\nWe should watch for that, he should not be sabotaged.”"]
    # not with straight marks, nor when a mark opens first (each paragraph reopened), nor too many paragraphs on
    assert _texts('"First paragraph.\n\nAuthor text hate."') == ['"First paragraph.']
    assert _texts("“First.\n\n“Second.”") == ["“First.", "“Second.”"]
    far = "“Open.\n\n" + "line.\n\n" * 8 + "end.”"
    assert _texts(far) == ["“Open."]


def test_a_quotation_open_at_a_line_end_goes_on_over_lines_holding_apostrophes():
    # one sentence per line (PTC): "It’s" and "Iran’s" are apostrophes, no marks that stop the quotation
    text = ("“That’s because every threat is connected to Iran’s outlaw behavior.\n"
            "It’s critical that the community do the same.\nTo do otherwise would be foolish.”\nHaley accused Iran.")
    assert _texts(text) == [text[:text.index("\nHaley")]]
