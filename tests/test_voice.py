"""Voice: where attribution cues reach and where they do not (analysis/voice.py)."""
from __future__ import annotations

import pytest

from analysis.quotes import find_quotes, find_speaker_turns
from analysis.tokens import tokenize
from analysis.voice import VoiceFinder, classify_voice


def _voice(text: str, phrase: str) -> str:
    start = text.index(phrase)
    end = start + len(phrase)
    tokens = tokenize(text)
    quotes = find_quotes(text)
    voice = classify_voice(text, start, end, quotes, tokens.sentence_spans)
    assert VoiceFinder(text, quotes, tuple(find_speaker_turns(text)), tokens).voice(start, end) == voice  # the fast path agrees
    return voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # the author's own asides built on "say" are no reports
        ("Needless to say, the Kyiv regime shelled the town.", "Kyiv regime", "authorial"),
        ("Suffice it to say, the Kyiv regime is failing.", "Kyiv regime", "authorial"),
        ("The Kyiv regime was, to say the least, unpopular there.", "Kyiv regime", "authorial"),
        ("That is to say, the Kyiv regime lost.", "Kyiv regime", "authorial"),
        ("Lavrov said, to say the least, that the Kyiv regime lost.", "Kyiv regime", "attributed"),
        # ... but "went on to say" and "continued to insist" report their subject's words
        ("He went on to say the Kyiv regime had shelled Donetsk.", "Kyiv regime", "attributed"),
        ("Zakharova continued to insist the junta was collapsing.", "junta", "attributed"),
        ("I went on to say the junta is a sham.", "sham", "authorial"),
        ("I went on to say that the junta is a sham.", "sham", "authorial"),
        ("To go on to say the junta is a sham is wrong.", "sham", "authorial"),
        # the author's adjective for the source named after "according to"
        ("Patients have escaped, according to a shocking report in The Sun.", "shocking", "authorial"),
        ("According to Lavrov, the Kyiv regime is failing.", "Kyiv regime", "attributed"),
        ("According to Lavrov the Kyiv regime is failing.", "Kyiv regime", "attributed"),
        # a noun's that-clause ends at the comma; the author speaks again after it
        ("Despite his claims that he punishes the guilty, it was Francis who freed the notorious priest.",
         "notorious", "authorial"),
        ("Despite his claims that the notorious priest was innocent, Francis acted.", "notorious", "attributed"),
        ("He claims that he punishes the guilty, and the notorious priest agrees.", "notorious", "attributed"),
        # the first person is the author
        ("In 2016, I wrote that the constitution was the worst object of the wrecking-ball pontificate.",
         "wrecking", "authorial"),
        ("We have said that this is a sham election.", "sham", "authorial"),
        ("She wrote that the constitution was a wrecking-ball.", "wrecking", "attributed"),
        ("I was told that this is a sham election.", "sham", "attributed"),
        # reporting verbs the README's rule covers ("X has added/said/indicated that ...")
        ("Witkoff indicated that the Russians would stop their aggressive actions.", "aggressive", "attributed"),
        ("The minister confirmed that the response was chaotic.", "chaotic", "attributed"),
        # ... but not the author's own "time to admit that", nor the idiom "That said," (nevertheless)
        ("It is time to admit that a subculture is wreaking devastation.", "devastation", "authorial"),
        ("That said, Trump wants to separate the people of Iran and its ruling regime.", "regime", "authorial"),
        ("This suggested, of course, that all other Jihadist attacks were fine.", "Jihadist", "attributed"),
        # reported speech without "that": a reporting verb with a named or pronoun subject
        ("Lavrov said the Kyiv regime shelled Donetsk again.", "Kyiv regime", "attributed"),
        ("Lavrov also said on Monday the Kyiv regime shelled Donetsk again.", "Kyiv regime", "attributed"),
        ("Erekat said it was only the latest move by the regime to force the Palestinians to capitulate.",
         "regime", "attributed"),
        ("Cruz told Arroyo he felt betrayed and the accusations were slander.", "slander", "attributed"),
        ("Cruz recounted how he had been slandered by the hierarchy.", "slandered", "attributed"),
        ("Those familiar with Jorge Bergoglio say it is a sham.", "sham", "attributed"),
        ("He wrote he was a notorious liar.", "notorious", "attributed"),
        # an appositive closing the sentence that judges the reported words is the author's again
        ("Lavrov said the Kyiv regime had shelled Donetsk, a claim that is plainly false propaganda.",
         "propaganda", "authorial"),
        ("Lavrov said that the Kyiv regime had shelled Donetsk, a claim that is plainly false propaganda.",
         "propaganda", "authorial"),
        ("Lavrov said that the Kyiv regime had shelled Donetsk, a claim that is plainly false propaganda.",
         "Kyiv regime", "attributed"),
        ("According to Lavrov, the regime shelled Donetsk, an allegation the junta denies.", "junta", "authorial"),
        ("Kyiv denies the claim that is spread by the junta.", "junta", "authorial"),  # a relative "that"
        # ... but not inside the reported clause, nor after a second report it may judge
        ("Lavrov said that the reports, a fabrication by the junta, were false.", "junta", "attributed"),
        ("Lavrov said that the West claims the regime is legitimate, a lie spread by the junta.", "junta",
         "attributed"),
        ("Lavrov said that the regime, a junta, had fallen.", "junta", "attributed"),
        ("His claim that the junta fell is false.", "junta", "attributed"),
        # a trailing attribution reaches back over its sentence
        ("The Kyiv regime shelled Donetsk again, the minister said.", "Kyiv regime", "attributed"),
        ("The Kyiv regime shelled Donetsk again, Lavrov said on Monday.", "Kyiv regime", "attributed"),
        ("The Kyiv regime shelled Donetsk again, he added.", "Kyiv regime", "attributed"),
        ("The Kyiv regime shelled Donetsk again, said Sergei Lavrov, the foreign minister.", "Kyiv regime", "attributed"),
        # ... but "said" with an object, the first person, or "said" in a clause after the phrase do not
        ("The law said nothing about the sham election.", "sham", "authorial"),
        ("He said nothing about the sham election.", "sham", "authorial"),
        ("I said the regime is failing.", "regime", "authorial"),
        ("The regime shelled the town, I said.", "regime", "authorial"),
        ("The regime, which the minister said was failing, shelled the town.", "regime", "authorial"),
        ("The regime fell, and nobody said a word.", "regime", "authorial"),
        ("The regime is said to be failing.", "regime", "authorial"),
        ("He wrote the notorious book.", "notorious", "authorial"),
        ("His claims the regime fell were false.", "regime", "authorial"),
        ("This helps explain why Iran backs the Syrian regime.", "regime", "authorial"),
        ("They do not want to clean up the FBI by adding substance to it and by aggressively investigating it.",
         "aggressively", "authorial"),
        ("As I've said before, I don't support him, but that attack on him was orchestrated.", "orchestrated",
         "authorial"),
        ("After Kavanaugh said he had diaries, The New Yorker published an account of obscene games.", "obscene",
         "authorial"),
        ("He has publicly told the Muslim invaders to leave Hungary.", "invaders", "authorial"),
        ("They are criminal aliens--they, like the Indonesians, lost claims to asylum years ago.", "criminal",
         "authorial"),
        ("The fact that he is trusted despite his history of deceit, tells us something about journalism.",
         "deceit", "authorial"),
    ],
)
def test_where_attribution_reaches(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


def test_quote_running_onto_the_next_lines_is_quoted():
    text = ('Trump tweeted Tuesday.\n"I would have quickly picked someone else.\n'
            'So much time and money wasted, so many lives ruined!"\nSessions declined to comment.')
    assert _voice(text, "ruined") == "quoted"
    assert _voice(text, "declined") == "authorial"


INTERVIEW = (
    "Sergey Lavrov spoke to our correspondent. The Kyiv regime, he knows, is unpopular.\n\n"
    "Q: What do you make of the sanctions?\n\n"
    "LAVROV: The Kyiv regime is a puppet of the West.\n\n"
    "Q: And the talks?\n\n"
    "LAVROV: The neo-Nazi junta does not want peace."
)


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("puppet", "quoted"),  # the interviewee's answer is his words, not the author's
        ("junta", "quoted"),
        ("LAVROV: The neo-Nazi", "quoted"),  # a span taking in the label: the label only names the speaker
        ("Kyiv regime", "authorial"),  # the author's introduction before the transcript
    ],
)
def test_a_speaker_s_turn_in_a_transcript_is_quoted(phrase: str, voice: str):
    assert _voice(INTERVIEW, phrase) == voice


def test_a_single_labelled_line_is_no_transcript():
    text = "Update: The Kyiv regime fell.\n\nTrump: The junta is finished.\n\nThe junta is finished."
    assert _voice(text, "Kyiv regime") == "authorial"
    assert _voice(text, "junta") == "authorial"


def test_speaker_turns_are_found_once_per_document_and_passed_in():
    # The turns live beside the quotations in DocContext (no module-level cache keyed by the text): voice
    # reads the turns it is given.
    import analysis.voice as voice
    from framing_helpers import context_for

    context = context_for(INTERVIEW)
    assert context.turns == tuple(find_speaker_turns(INTERVIEW)) and context.turns
    assert not hasattr(voice, "speaker_turns")
    start = INTERVIEW.index("puppet")
    end = start + len("puppet")
    tokens = context.tokens
    assert VoiceFinder(INTERVIEW, context.quotes, context.turns, tokens).voice(start, end) == "quoted"
    assert VoiceFinder(INTERVIEW, context.quotes, (), tokens).voice(start, end) == "authorial"
    assert classify_voice(INTERVIEW, start, end, context.quotes, tokens.sentence_spans, turns=()) == "authorial"
    assert classify_voice(INTERVIEW, start, end, context.quotes, tokens.sentence_spans, turns=context.turns) == "quoted"


def test_a_bare_cue_looks_for_went_on_to_once(monkeypatch):
    import analysis.voice as voice

    calls = []
    real = voice._goes_on_to

    def counting(before: str):
        calls.append(before)
        return real(before)

    monkeypatch.setattr(voice, "_goes_on_to", counting)
    assert _voice("Lavrov said the Kyiv regime had shelled Donetsk.", "Kyiv regime") == "attributed"
    assert len(calls) == 2  # once for classify_voice, once for VoiceFinder: one per cue tried
    calls.clear()
    assert _voice("He went on to say the Kyiv regime had shelled Donetsk.", "Kyiv regime") == "attributed"
    assert len(calls) == 4  # and once more each for the speaker before "went on to"


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # "X called Y a Z" with a longer object names Y in X's words
        ("The White House called the impeachment process a sham.", "sham", "attributed"),
        ("The White House called the impeachment process a complete sham.", "complete", "attributed"),
        ("The minister called the meeting to discuss the sham election.", "sham", "authorial"),
        # the content of an accusation or a denied accusation is the accuser's
        ("Grisham also accused the Democrats of being blinded by their hatred for President Trump.", "hatred",
         "attributed"),
        ("China's ambassador to Britain accused the UK and the US of meddling in the country's affairs and warned"
         " against it.", "affairs", "attributed"),
        ("The city's police deny accusations of brutality and say they show restraint.", "brutality", "attributed"),
        # ... but not words about the accusing, nor the accused's description before a later "of"
        ("She accused Kavanaugh of sexual assault with absolutely no evidence.", "absolutely", "authorial"),
        ("Pope Francis accused victims of Chile's most notorious pedophile of slander on Thursday.", "pedophile",
         "authorial"),
        ("The report accused church leaders of a systematic cover-up of their crimes.", "cover-up", "attributed"),
        ("Lynch was criticized for exercising bad judgment in connection with her infamous meeting.", "infamous",
         "authorial"),
        # reported testimony
        ("Volker testified that the new Ukrainian president was not corrupt.", "corrupt", "attributed"),
        ("Volker told the committee he tried to work with Rudy Giuliani, to convince him, and therefore the "
         "president, that the new Ukrainian president was not corrupt.", "corrupt", "attributed"),
        ("Volker testified before the sham committee on Tuesday.", "sham", "authorial"),
        ("Cupich, as Vigano testifies, is urging them on, including since the useless summit.", "useless", "authorial"),
        ("Garcia told the court Zarate was playing a game, and thus parroted the defense's contention.", "parroted",
         "authorial"),
        ("The aides complain about reporters who they say do not respect it, even as Mr. Trump flouts the norms.",
         "flouts", "authorial"),
        ("He said he had found the weapon in a cloth and that it discharged by itself, both utterly unbelievable "
         "claims.", "utterly", "authorial"),
        # an aside in parentheses opened after the cue is the author's
        ("Vigano testifies that McCarrick went to China (evidently to negotiate the planned sellout of Catholics).",
         "sellout", "authorial"),
    ],
)
def test_reach_of_naming_accusation_and_testimony(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


def test_a_phrase_and_a_word_inside_it_get_the_same_voice():
    # A model hit ("humanitarian disaster") and a lexicon hit inside it ("disaster") are the same words: the
    # reach of "accused of" is no count of words that the longer hit's earlier start would pass and the word not.
    text = ("Russia and the Syrian government have been accused of creating a humanitarian disaster in the "
            "Rukban camp by blocking the delivery of aid.")
    assert _voice(text, "humanitarian disaster") == _voice(text, "disaster") == "attributed"
    text = "He accused the regime of a complete and utter sham."
    assert _voice(text, "complete and utter sham") == _voice(text, "sham") == "attributed"


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # a line ending in ": Speaker" (a headline) is that speaker's claim
        ("Impeachment sham completely debunked: White House | Deccan Herald\n\nWASHINGTON (PTI) The second day.",
         "sham", "attributed"),
        ("Home\nImpeachment sham completely debunked: White House\nShare via", "completely", "attributed"),
        ("Evidence shows the Pope is a principal in a cover-up in Chile: Expert\n\nBy Staff", "cover-up", "attributed"),
        # ... not a title-case headline's subtitle, a credit, a list, nor a sentence ending in a name
        ("Impeachment Sham Completely Debunked: The Inside Story\n\nText.", "Sham", "authorial"),
        ("The brutal crackdown went on. Photo: Reuters\n", "brutal", "authorial"),
        ("Victims of the brutal attack include: John Smith\n", "brutal", "authorial"),
        ("The man who rigged the sham election: Lukashenko.\n", "sham", "authorial"),
        ("The sham election went ahead in Minsk: Part Two\n", "sham", "authorial"),
    ],
)
def test_a_line_ending_in_a_speaker_s_name_is_attributed(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


STATEMENT = (
    "Trump Pardons Hammonds!\n\nNow, this is good news!\n"
    "A Statement from the White House read as follows:\n"
    "The previous administration filed an overzealous appeal.\n"
    "This was unjust.\n"
    "The ministry said in a statement: the raid was a brutal provocation.\n"
    "I wrote as follows: the raid was a vile provocation.\n"
    "The statement reads: \u201cthe raid was a barbaric act.\u201d The notorious raid went on."
)


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("overzealous", "quoted"),  # the paragraph after "read as follows:"
        ("unjust", "authorial"),  # later paragraphs have no mark of where the statement ends
        ("brutal", "quoted"),  # the rest of the paragraph after "said in a statement:"
        ("vile", "authorial"),  # the author's own words
        ("barbaric", "quoted"),
        ("notorious", "authorial"),  # after the statement's closing quotation mark
    ],
)
def test_a_statement_pasted_after_its_introduction_is_quoted(phrase: str, voice: str):
    assert _voice(STATEMENT, phrase) == voice


PULL_QUOTE = (
    "Editorial\n\n\u2018Excessive force and police brutality have accelerated and magnified these protests, turning"
    " what began as a rejection of the bill into a movement.\u2019 Photograph: AFP\n\nHong Kong is burning.\n\n"
    "Excessive force and police brutality have accelerated and magnified these protests, turning what began as a"
    " rejection of the bill into a movement, and persuading many to join."
)


def test_a_pull_quote_of_the_author_s_own_sentence_is_authorial():
    assert _voice(PULL_QUOTE, "brutality") == "authorial"  # the pull-quote (the first occurrence), credit after it
    # a quotation repeated in quotation marks is still someone's words
    text = ("He said: \u201cThe police brutality has accelerated and magnified these protests across the whole "
            "city.\u201d Later he repeated: \u201cThe police brutality has accelerated and magnified these protests "
            "across the whole city.\u201d")
    assert _voice(text, "brutality") == "quoted"
    # ... and so is a short one the body repeats (a headline's or a paraphrase's few words)
    text = "He called it \u201ca sham trial\u201d.\n\nThe sham trial went on."
    assert _voice(text, "sham") == "quoted"


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # a modal passive after "what" is the author's own judgement; a named speaker's naming is not
        ("In what can only be described as a massive cover-up of the truth, the FBI failed.", "cover-up", "authorial"),
        ("In what could be called a massive cover-up, the FBI failed.", "cover-up", "authorial"),
        ("In what amounts to a massive cover-up, the FBI failed.", "cover-up", "authorial"),
        ("In what critics have called a massive cover-up, the FBI failed.", "cover-up", "attributed"),
        # a trailing attribution whose speaker's name holds "&"
        ("Sparks could set catastrophic fires in the region, PG&E officials said.", "catastrophic fires", "attributed"),
        ("Sparks could set catastrophic fires in the region, AT&T said.", "catastrophic fires", "attributed"),
        # speaking out about, warning of, complaining about, railing against: the topic in the speaker's words
        ("Twitter CEO Jack Dorsey has spoken out about the toxic consequences of likes.", "toxic", "attributed"),
        ("The agency warned of a humanitarian disaster in the region.", "humanitarian disaster", "attributed"),
        ("Farmers complained about the corrupt officials.", "corrupt", "attributed"),
        ("Sanders railed against the greedy billionaires.", "greedy", "attributed"),
        ("I have spoken out about the toxic consequences of likes.", "toxic", "authorial"),
        ("High-speed rail over the toxic swamp was built.", "toxic", "authorial"),
        # words after "<speaker> asked:" in the same sentence
        ("Wills asked: what did the scripture say about the duty to kill infidels?", "infidels", "attributed"),
        ("Here is the question I asked: what about the infidels?", "infidels", "authorial"),
        ("One might ask: what about the infidels?", "infidels", "authorial"),
        ("You may say: the regime is a gang of thugs.", "thugs", "authorial"),
        ("Lavrov told reporters: the regime is a gang of thugs.", "thugs", "attributed"),
    ],
)
def test_modal_passives_named_speakers_and_topics_of_speech(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        ("Wills is here to reassure us:\nWhat did the scripture tell me about the duty to kill infidels?\nMore.", "infidels", "attributed"),
        ("Lavrov told reporters:\n\nThe regime is a gang of thugs.\n", "thugs", "attributed"),
        ("I wrote:\nThe regime is a gang of thugs.\n", "thugs", "authorial"),
        ("Here is how to tell:\nThe regime is a gang of thugs.\n", "thugs", "authorial"),
        ("Explained:\nThe regime is a gang of thugs.\n", "thugs", "authorial"),
        ("You might ask:\nIs the regime a gang of thugs?\n", "thugs", "authorial"),
        ("Reuters adds:\n\nSoros said the regime was more oppressive than the Soviets.\n", "oppressive", "attributed"),
        ("He wrote:\nA line.\nThe regime is a gang of thugs.\n", "thugs", "authorial"),  # the next paragraph only
    ],
)
def test_a_paragraph_after_a_speaker_s_colon_is_attributed(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("very clearly a tool of Russian intelligence” and “a nihilistic opportunist", "quoted"),
        ("tool of Russian intelligence” and", "quoted"),
        ("Assange, an Australian citizen, as “very", "authorial"),
    ],
)
def test_a_phrase_mostly_inside_quotations_is_quoted(phrase: str, voice: str):
    text = (
        "In response, Clinton defamed Assange, an Australian citizen, as “very clearly a tool of Russian "
        "intelligence” and “a nihilistic opportunist who does the bidding of a dictator”."
    )
    assert _voice(text, phrase) == voice


def test_layout_blocks_read_every_colon_of_a_line():
    # find_statements tries each colon of a line; find_introduced_paragraphs the line's last one, ending it
    from analysis.voice import find_introduced_paragraphs, find_statements

    text = "Update 10:30: The ministry said in a statement:\n\nThe Kyiv regime shelled the town.\n"
    (block,) = find_statements(text)
    assert text[block.start:block.end] == "The Kyiv regime shelled the town." and block.voice == "quoted"
    text = "At 10:30 Lavrov told reporters:\n\nThe Kyiv regime shelled the town.\nNote: none:"
    (block,) = find_introduced_paragraphs(text)
    assert text[block.start:block.end] == "The Kyiv regime shelled the town." and block.voice == "attributed"


@pytest.mark.parametrize(
    ("intro", "voice"),
    [
        # a speaker, a verb of issuing/sending/making/providing and a speech noun: the next paragraph is the speaker's
        ("In the early twelfth century, the Fatimid caliph issued this edict:", "attributed"),
        ("In the year 718, the caliph Umar sent out a message to the governors of the various provinces:", "attributed"),
        ("Jonathan Cook, a former Guardian writer, makes a similar point:", "attributed"),
        ("As to Bertone and Sodano, Viganò provides further vital testimony:", "attributed"),
        # a modal between the speaker and the verb of speaking
        ("According to prepared testimony provided to The Hill, he will say:", "attributed"),
        # the author's own or imagined words, or no speaker
        ("I sent a letter to the editor:", "authorial"),
        ("One would say:", "authorial"),
        ("You will say:", "authorial"),
        ("This sends a clear message:", "authorial"),
        ("The team made it to the point:", "authorial"),
    ],
)
def test_a_paragraph_after_a_speech_noun_or_modal_introduction(intro: str, voice: str):
    text = f"{intro}\n\nThe infidels are a disgraceful rabble.\n\nThe author resumes with a disgraceful claim.\n"
    assert _voice(text, "disgraceful rabble") == voice
    assert _voice(text, "disgraceful claim") == "authorial"  # the next paragraph only


_ADVICE_COLUMN = (
    "By Abigail Van Buren\n\n"
    "DEAR ABBY: My husband bought plane tickets. He is sitting in business class, while I'm in economy.\n\n"
    "Am I right to feel hurt by this penny-pinching miser? -- FEELING LIKE SECOND RATE\n\n"
    "DEAR FEELING: You have a right to be upset at your penny-pinching husband.\n\n"
    "DEAR ABBY: A waitress I don't care for barged in like a thug.\n\n"
    "DEAR BEATEN UP: Yes, you should have notified the police about that thug.\n"
)


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("business class", "quoted"),  # the reader's letter, up to its signature
        ("penny-pinching miser", "quoted"),
        ("penny-pinching husband", "authorial"),  # the columnist's reply
        ("barged in like a thug", "authorial"),  # a letter with no signature line: not read as one
        ("about that thug", "authorial"),
    ],
)
def test_a_readers_letter_in_an_advice_column_is_quoted(phrase: str, voice: str):
    assert _voice(_ADVICE_COLUMN, phrase) == voice


# An excerpt pasted without quotation marks after a colon: a note of emphasis standing on its own line closes it,
# ellipsis lines join its pieces (find_marked_excerpts); without such a mark only the first paragraph is read.
_EXCERPT_SEP = ("\n", "\n\n")  # one sentence a line, or paragraphs between blank lines


@pytest.mark.parametrize("sep", _EXCERPT_SEP)
@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("the sinful conduct of the prelates", "quoted"),
        ("evil pastors", "quoted"),  # after an emphasis note that does not stand alone
        ("wolves", "quoted"),
        ("shameless lies", "authorial"),  # after the note: the author again
    ],
)
def test_an_emphasis_note_closes_an_excerpt_introduced_by_a_colon(sep: str, phrase: str, voice: str):
    text = sep.join(
        (
            "As to the Pope in particular, he courageously states openly the truth that many fear to speak:",
            "I want to recall the scandal of the sinful conduct of the prelates.",
            "How many other evil pastors are still propped up!",
            "[my emphasis] He has encouraged the wolves to tear apart the flock.",
            "[emphasis in original]",
            "The bishops answered with shameless lies.",
        )
    ) + "\n"
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize("sep", _EXCERPT_SEP)
@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("bombshell", "quoted"),
        ("disinformation campaign", "quoted"),
        ("a prime target", "quoted"),
        ("the Politico screed", "authorial"),  # past the piece after the last ellipsis
    ],
)
def test_ellipsis_lines_join_the_pieces_of_an_excerpt(sep: str, phrase: str, voice: str):
    text = sep.join(
        (
            "Politico let a former officer suggest that the paper was duped:",
            "Rather than a bombshell, perhaps the report is something else.",
            "It may be a disinformation campaign.",
            "...",
            "Harding is a prime target for the intelligence services.",
            "[…]",
            "If the story is false, it is meant to make Harding look bad.",
            "There is no evidence in the Politico screed that supports its claims.",
        )
    ) + "\n"
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # an ellipsis line far from the colon may be the author's own pause: no excerpt is read past the first paragraph
        ("Consider this passage:\nThe regime fell.\nOne.\nTwo.\nThree.\nThe corrupt regime is gone.\n...\nMore.\n", "corrupt", "authorial"),
        # another line ending in a colon introduces something of its own: the excerpt's search stops before it
        ("He states the truth:\nThe regime fell.\nThe author asks:\nWas the regime corrupt?\n[emphasis added]\n", "The regime fell", "authorial"),
        # a note of emphasis ending the introduction shows that its next paragraph is an excerpt, and no more
        ("As Disobedient Media notes (emphasis in the original):\nThe paper’s smear is deceit.\nThe smear spread.\n", "deceit", "quoted"),
        ("As Disobedient Media notes (emphasis in the original):\nThe paper’s smear is deceit.\nThe smear spread.\n", "smear spread", "authorial"),
        # a note of emphasis right after the colon closes nothing
        ("He wrote this:\n[emphasis added]\nThe corrupt regime fell.\n", "corrupt", "authorial"),
    ],
)
def test_an_excerpt_reaches_only_as_far_as_its_marks(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


def test_a_quotation_closed_lines_later_is_quoted_across_its_lines():
    text = (
        "At the Angelus Pope Francis said these words: “Everyone is guilty for the good he did not do ...\n"
        "If we do not oppose evil, we tacitly feed it.\n"
        "We need to intervene where evil is spreading.” If this is a duty for every believer, the corrupt pastor fails.\n"
    )
    assert _voice(text, "tacitly feed") == "quoted"
    assert _voice(text, "corrupt pastor") == "authorial"


def test_an_introduction_further_than_the_excerpt_limit_is_not_found():
    from analysis.voice import MAX_EXCERPT_CHARS, _introduction_before

    near = "She wrote:\n" + "A short excerpt.\n"
    assert _introduction_before(near, len(near)) == (0, len("She wrote:"))
    far = "She wrote:\n" + "word " * (MAX_EXCERPT_CHARS // 5 + 10) + "\n"
    assert _introduction_before(far, len(far)) is None


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # "According to X:" ending a line introduces X's words, as a verb of speaking does
        ("The email went to staff, Carlson said.\nAccording to Carlson:\nIn her email, Mario touts the efforts.\n",
         "touts", "attributed"),
        ("According to Carlson:\nA line.\nShe brags about it.\n", "brags", "authorial"),  # the next paragraph only
        ("The cuts were made according to the following:\nThe corrupt agencies lose most.\n", "corrupt", "authorial"),
        ("Which is right? According to me:\nThe corrupt agencies lose most.\n", "corrupt", "authorial"),
    ],
)
def test_a_paragraph_after_according_to_a_source_s_colon_is_attributed(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # an embedded tweet's text above (or before) its signature line is the tweeter's
        ("Trump took to Twitter.\nSo terrible, and NOTHING is being done, they get it completely.\n"
         "\u2014 Donald J. Trump (@realDonaldTrump) September 11, 2018\nThe terrible truth.\n", "So terrible", "quoted"),
        ("Trump took to Twitter.\nSo terrible, and NOTHING is being done, they get it completely.\n"
         "\u2014 Donald J. Trump (@realDonaldTrump) September 11, 2018\nThe terrible truth.\n", "terrible truth", "authorial"),
        ("A shameful day. pic.twitter.com/abc123\n\u2014 Jane Roe (@janeroe) May 5, 2019\n", "shameful", "quoted"),
        ("A shameful day.\npic.twitter.com/abc123\n\u2014 Jane Roe (@janeroe) May 5, 2019\n", "shameful", "quoted"),
        # a hyphen inside a name is no signature's dash
        ("The shameful Jean-Luc (@jl) May 5, 2019\n", "shameful", "authorial"),
    ],
)
def test_an_embedded_tweet_s_text_is_quoted(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # "calling her a demon": the name the caller gives
        ("He is alleged to have beaten her to death while calling her a demon and shouting.", "demon", "attributed"),
        ("Trump spent the week calling Ford a liar.", "liar", "attributed"),
        ("They were calling for a ban on the evil cult.", "evil cult", "authorial"),
        # "in terms that were a slur": a noun, no naming verb; a semicolon ends a report's clause
        ("Then he attacked her in terms that were a slur on all women.", "slur on all women", "authorial"),
        ("First he said that Brasey had to be heard; then he attacked her in terms that were a slur on all women.",
         "slur on all women", "authorial"),
        ("First he said that Brasey had to be heard; then he attacked her with a vile slur.", "vile slur", "authorial"),
        ("He said that the talks failed, and the junta was to blame.", "junta", "attributed"),
        ("He said: the talks failed; the junta was to blame.", "junta", "attributed"),
        ("And the Lord said, Shall I hide it; seeing that Abraham shall become a mighty nation?", "mighty nation",
         "attributed"),  # direct speech after "said," runs on
    ],
)
def test_naming_participles_noun_forms_and_semicolons(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


def test_a_phrase_with_the_author_s_word_outside_the_quotation_keeps_the_author_s_voice():
    text = 'That came out as the infamous "Gang of Eight" were working on an immigration deal.'
    assert _voice(text, 'infamous "Gang of Eight') == "authorial"
    assert _voice('As the "Gang of Eight" met, we left.', 'the "Gang of Eight') == "quoted"  # a function word outside
    assert _voice("A film entitled ‘Wrath of God’ ran.", "entitled ‘Wrath of God") == "quoted"  # a title given
    assert _voice("He has allegedly “bigoted attitudes” there.", "allegedly “bigoted attitudes") == "quoted"  # speech
    assert _voice("TRUMP ‘WITCH HUNT’ NEWS TODAY\n", "TRUMP ‘WITCH HUNT") == "quoted"  # a title-case line


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # an introduced block quotation over several paragraphs, closed only at its end, keeps its speaker's voice
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nShe brags that the company used its power.\u201d\n"
         "The corrupt agencies lose most.\n", "brags", "attributed"),
        ("Tucker Carlson said:\n\nIn her email, Mario touts the efforts.\n\nHer staff, she says, did the rest.\n\n"
         "She brags that the company used its power.\u201d\n\nThe corrupt agencies lose most.\n", "brags", "attributed"),
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nShe brags that \u201cwe used our power.\u201d "
         "It was corrupt.\u201d\n", "corrupt", "attributed"),
        ('According to Carlson:\nIn her email, Mario touts the efforts.\nShe brags that the company used its power."\n',
         "brags", "attributed"),
        # ... but not past the closing paragraph, nor without one, nor over a quotation of the author's own
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nShe brags that the company used its power.\u201d\n"
         "The corrupt agencies lose most.\n", "corrupt", "authorial"),
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nThe corrupt agencies lose most.\n", "corrupt",
         "authorial"),
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nThe corrupt \u201cagencies\u201d lose most.\n"
         "She said it \u201cwas all lies.\u201d\n", "corrupt", "authorial"),
        ("According to Carlson:\nIn her email, Mario touts the efforts.\nThe corrupt agencies lose most:\n"
         "They said so.\u201d\n", "corrupt", "authorial"),
    ],
)
def test_an_introduced_quotation_goes_on_to_its_closing_paragraph(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # where and when it was said may stand between the verb and the colon ending the line
        ("Tucker Carlson said on his show on Monday:\n\nIn her email, Mario touts the corrupt efforts.\n", "corrupt",
         "attributed"),
        ("Lavrov told reporters in Moscow:\nThe Kyiv regime is a puppet.\n", "regime", "attributed"),
        # a line ending in a reporting verb and a comma goes on in the next paragraph: the statement
        ("ICE Deputy Director Thomas Homan said in a statement Tuesday,\n\nThis reckless decision was based on her "
         "political agenda.\n\nThe reckless raids went on.\n", "This reckless", "attributed"),
        ("ICE Deputy Director Thomas Homan said in a statement Tuesday,\n\nThis decision was political.\n\n"
         "The reckless raids went on.\n", "reckless raids", "authorial"),
        # ... not the author's own, nor a verb with no speaker, nor a comma in the middle of a list
        ("As I said in my column,\n\nThe reckless raids went on.\n", "reckless", "authorial"),
        ("Needless to say,\n\nThe reckless raids went on.\n", "reckless", "authorial"),
        ("He bought apples, pears,\n\nThe reckless raids went on.\n", "reckless", "authorial"),
    ],
)
def test_a_paragraph_introduced_by_a_reporting_line_with_where_and_when_or_a_comma(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


def test_an_introduced_excerpt_does_not_reach_a_later_quotation_of_mixed_marks():
    text = ("The attacks are working, a USA Today article suggests:\n\nDisapproval is at an unprecedented level.\n\n"
            "The unsupported allegations in the Trump-hating media take their toll.\n\n"
            "\"If we're ready to vote, we will vote,\u201d Grassley tweeted.\n")
    assert _voice(text, "Trump-hating") == "authorial"


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # a report that quotes some of the speaker's words: the words outside the marks are the writer's paraphrase
        ('Mayor Schaaf declared that she considered it her "duty" to warn criminal illegals in her area.',
         "illegals", "authorial"),
        ("Congress holds ‘secret intel’ that links ISIS to the horrific Las Vegas Massacre, according to a claim "
         "made by Congressman Scott Perry.", "horrific", "authorial"),
        ("Orban says there are Muslim invaders among the “refugees” this year.", "invaders", "authorial"),
        # ... but without a partial quotation the unquoted word may be the speaker's
        ("Mayor Schaaf declared that she considered it her duty to warn criminal illegals in her area.",
         "illegals", "attributed"),
        ("Congress holds secret intel that links ISIS to the horrific Las Vegas Massacre, according to a claim "
         "made by Congressman Scott Perry.", "horrific", "attributed"),
        # ... nor when the quotation lies before the cue (another clause), only names something, or the phrase is the
        # charge itself, or the phrase crosses the quotation mark
        ("“We will not tolerate this,” he said, adding that the corrupt regime must go.", "corrupt", "attributed"),
        ("He declared that the corrupt clique of the “Council of Cardinals” hid it.", "corrupt", "attributed"),
        ("The opposition accused Orban of betraying “the interests of Hungary and Europe”.", "betraying", "attributed"),
        ("The ministries accused U.S. forces of arming “bandit formations” in the desert.", "arming", "attributed"),
        ("Joel Schlabach said politicians have “vilified” educators.", "vilified” educators", "attributed"),
        # a direct quotation after a colon is whole sentences, perhaps a third person's: no partial quotation
        ("Viganò testifies that McCarrick had told him with an air of triumph: “The Pope received me yesterday.”",
         "air of triumph", "attributed"),
        # a verb judging the speech act, joined to the report as a second predicate, is the writer's word
        ("At the White House, Trump said he had watched part of the testimony and slammed the hearings as a “disgrace.”",
         "slammed", "authorial"),
        ("At the White House, Trump said he had watched part of the testimony and slammed the hearings.",
         "slammed", "authorial"),
        ("Trump said Democrats slammed the hearings.", "slammed", "attributed"),
    ],
)
def test_the_writer_s_own_words_inside_a_report(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


@pytest.mark.parametrize(
    ("text", "phrase", "voice"),
    [
        # a report inside a fronted subordinate clause ends at its comma: the main clause is the writer's
        ("When he says that Muslims never killed Jews, he is lying, and relying on the historical ignorance of his "
         "audience.", "historical ignorance", "authorial"),
        ("When he says that Muslims never killed Jews, he is lying.", "lying", "authorial"),
        ("When he says that the regime is lying, he is right.", "lying", "attributed"),
        ("He says that when Muslims attacked, the Jews were lying.", "lying", "attributed"),
        # "regarding ... as well as", "regarding ... such as" and "calls to" name nothing
        ("This lines up with reports regarding the massacre as well as hints in the mainstream media.",
         "mainstream media", "authorial"),
        ("The rules regarding groups such as the terrorist cells were changed.", "terrorist", "authorial"),
        ("Moscow regards the protesters as terrorists.", "terrorists", "attributed"),
        ("She did not respond to calls to condemn the hateful remarks.", "hateful", "authorial"),
        # "according to which" opens a relative clause, it names no source ("according to WHO" does)
        ("They act upon the opinion according to which the catastrophic failure is near.", "catastrophic", "authorial"),
        ("The outbreak is a catastrophic failure, according to WHO.", "catastrophic", "attributed"),
        ("According to White House officials, the outbreak is a catastrophic failure.", "catastrophic", "attributed"),
    ],
)
def test_cues_that_do_not_reach_the_phrase(text: str, phrase: str, voice: str):
    assert _voice(text, phrase) == voice


# --- a transcript the author introduces ("Following is a transcript:"), one sentence a line -------------------------
EXCERPTED_SPEECH = (
    "The cleric posted his address on YouTube.\n"
    "Following is a transcript: Jihad Al-‘Ayesh: “Some people have shown up with a new fashion.\n"
    "The vogue today is to shed crocodile tears about their historical lies.\n"
    "This is, indeed, a new fashion.\n"
    "They weep about what the Jews call ‘the Holocaust.’ […] “Did the Nazi annihilation target only the Jews?\n"
    "Anybody?\n"
    "Inhuman and criminal annihilation runs in the veins of the West.\n"
    "[…] “Hitler was not the first to perpetrate a genocide.\n"
    "The Americans annihilated millions.\n"
    "Nobody mentions this.\n"
    "The cleric's lies are shameless.\n"
    "Don't be deceived by such propaganda."
)


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("crocodile tears", "quoted"),  # lines after the speaker's label, no mark on them
        ("criminal annihilation", "quoted"),  # a passage reopened after "[…] “" goes on with the same turn
        ("annihilated millions", "quoted"),
        ("shameless", "authorial"),  # past the last passage's median length: the author's commentary
        ("propaganda", "authorial"),
    ],
)
def test_the_turns_of_an_introduced_transcript_are_quoted(phrase: str, voice: str):
    assert _voice(EXCERPTED_SPEECH, phrase) == voice


def test_an_introduced_transcript_takes_interviewer_turns_and_ends_at_its_end_line():
    text = (
        "Following are excerpts from the interview, which aired on May 26:\n"
        "Abu Bakr: The crusader regime lies.\nIts media spreads filth.\nWe will not forget.\n"
        "Interviewer: Will you talk to them?\nThey have asked.\nWhat is your answer?\n"
        "Abu Bakr: Never with the treacherous infidels.\nEnd of transcript\nSuch hateful rhetoric is typical."
    )
    assert _voice(text, "filth") == "quoted"  # three turns, one interviewer's: too few for a bare run of labels
    assert _voice(text, "talk to them") == "quoted"
    assert _voice(text, "treacherous") == "quoted"
    assert _voice(text, "hateful") == "authorial"  # within the median piece's three lines, but after the end line


def test_a_transcript_introduction_needs_a_speaker_label_after_it():
    text = ("Following is a transcript of the remarks.\nThe crusader regime lies, he said.\n"
            "Here are the excerpts: the regime lies and the media spread filth.")
    assert find_speaker_turns(text) == []
    assert _voice(text, "filth") == "authorial"


# --- a line ending "... and commented:" introduces the next lines, one sentence a line, up to the speaker named again ---
COMMENTED = (
    "Rich Penkoski, the father of a student, contacted me.\n"
    "He sent me the packets the school gave out and commented:\n"
    "Notice there are no bible verses.\n"
    "The teacher today told the students the assignment was optional.\n"
    "The school is backtracking and being deceptive to try and weasel out of this.\n"
    "Rich Penkoski is hardly the first to protest this egregious submission.\n"
    "The brutal ideology spreads."
)


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("bible verses", "attributed"),  # the line after the colon, as before
        ("weasel", "attributed"),  # and the lines after it, up to the author's next words about him
        ("egregious", "authorial"),
        ("brutal", "authorial"),
    ],
)
def test_lines_after_a_speaker_s_colon_are_his_up_to_his_name(phrase: str, voice: str):
    assert _voice(COMMENTED, phrase) == voice


def test_lines_after_a_colon_stay_the_author_s_without_a_mark_of_the_quotation_s_end():
    # the speaker never named again: only the introduced line is his
    unnamed = COMMENTED.replace("Rich Penkoski is hardly", "Nobody is")
    assert _voice(unnamed, "bible verses") == "attributed"
    assert _voice(unnamed, "weasel") == "authorial"
    # a paragraph break, or the author quoting someone between, may end the quotation: not past it
    assert _voice(COMMENTED.replace("optional.\n", "optional.\n\n"), "weasel") == "authorial"
    assert _voice(COMMENTED.replace("was optional.", "was “optional.”"), "weasel") == "authorial"
    # the author's own "and commented:" (the first person) introduces nothing
    mine = COMMENTED.replace("He sent me the packets the school gave out", "I read the packets the school gave out")
    assert _voice(mine, "bible verses") == "authorial"
    # "comments:" / "remarks:" head a reader's comment or a speech as nouns; "remarked:" speaks
    assert _voice("Reader comments:\nThe regime is evil.\nMore.", "regime") == "authorial"
    assert _voice("Prepared remarks:\nThe regime is evil.\nMore.", "regime") == "authorial"
    assert _voice("Smith remarked:\nThe regime is evil.\nMore.", "regime") == "attributed"


def test_an_introduced_transcript_s_first_label_may_follow_a_blank_line_and_its_lone_turn_is_one_line():
    text = "Following are excerpts from the interview:\n\nAbu Bakr: The crusader regime lies.\nIts media spreads filth.\n\nMore."
    assert _voice(text, "crusader regime") == "quoted"
    assert _voice(text, "filth") == "authorial"  # no piece before it to say how long the last runs: its own line only
    assert _voice(text.replace(":\n\nAbu", ":\n\n\n\nAbu"), "crusader regime") == "authorial"  # too far from it


def test_an_introduced_transcript_ends_at_the_author_s_quotation_of_someone_else():
    text = EXCERPTED_SPEECH.replace(
        "[…] “Hitler was not the first to perpetrate a genocide.\nThe Americans annihilated millions.",
        "“Such hateful lies must be condemned,” said Senator Smith.\nThe cleric annihilated his credibility.",
    )
    assert _voice(text, "criminal annihilation") == "quoted"
    assert _voice(text, "annihilated his credibility") == "authorial"
