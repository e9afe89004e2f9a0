"""The loaded-wording lexicon: wrong senses of its words do not count (analysis/lexicon.py, data/loaded_lexicon.csv)."""
from __future__ import annotations

import pytest

from analysis.lexicon import LexiconError, expand_not_in, find_hits, load_lexicon, parse_lexicon
from analysis.tokens import tokenize

HEADER = "term,patterns,category,narrative,neutral_alternative,note,not_in\n"


@pytest.fixture(scope="module")
def shipped():
    return load_lexicon()


def _hits(lexicon, text: str) -> list[str]:
    tokens = tokenize(text)
    return [text[h.start:h.end] for h in find_hits(lexicon, text, tokens.word_spans, tokens.words)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # woke as the past tense of wake; the partisan label stays
        ("When you woke up that first morning you were in charge.", []),
        ("They gave in to the woke mob and its woke agenda.", ["woke mob", "woke"]),
        # capitalised team names; the words themselves stay
        ("Bruins 5, Devils 1: Pastrnak scored twice as the Bruins beat the Devils again.", []),
        ("Jets 2, Predators 1: Laine scored. The reeling Predators have lost five straight.", []),
        ("He preached that white people are devils and that he was a serial predator.", ["devils", "predator"]),
        # the animal disease; the dehumanising noun stays
        ("Bird flu in the year of the rooster, swine fever in the year of the pig.", []),
        ("He called the migrants swine.", ["swine"]),
        # lying as being in a position; lying as deceit stays
        ("Stop grabbing the munchies lying in front of you; he was lying face down in low-lying fields.", []),
        ("He is lying to the voters.", ["lying"]),
        # a coaching group, a computer intrusion, a payment, a denied provocation, a legal designation
        ("She is an online educator, coach and mastermind group leader.", []),
        ("She resigned following a devastating hack during the election.", ["devastating"]),
        ("He is a political hack, and the report was a hack job.", ["political hack", "hack job"]),
        ("They were all being paid by various Democrats to manage their servers.", []),
        ("Trump himself, without provocation, began tweeting threats.", []),
        ("Moscow called the killings a provocation.", ["provocation"]),
        ("MEK was classified as a terrorist organization by the United States and its allies.", []),
        ("The group was designated a terrorist organization in 1997; it is on the terrorist list.", []),
        ("The terrorists attacked the station.", ["terrorists"]),
        # the historical regime; the label for opponents stays
        ("Austrians were also perpetrators of Nazi crimes under Nazi occupation.", []),
        ("He called his opponents Nazis.", ["Nazis"]),
        ("He survived a Nazi death camp; Nazi troops had shot his father.", []),
        # praise of courage, a rich dessert, religious praise
        ("Colombia's valiant effort against Belgium impressed the fans.", []),
        ("Don't deny yourself a cheesy treat or a decadent dessert.", []),
        ("They despise the decadent West.", ["decadent West"]),
        ("I give thanks and glory to God for every situation.", []),
        # physical size and age are description; size before an evaluation is emphasis
        ("Data found evidence of massive plumes of liquid near the historic temple.", []),
        ("Players must navigate enormous levels across a huge map.", []),
        ("It was a huge mistake, made on a massive scale.", ["huge mistake", "massive scale"]),
    ],
)
def test_wrong_senses_of_shipped_words_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


def test_capitalised_not_in_word_matches_only_capitals():
    lexicon = parse_lexicon(HEADER + "evil,devils|devil,emotive intensifier,neutral-descriptive,opponent,x,Devils|the devil\n")
    assert _hits(lexicon, "The Bruins beat the Devils again.") == []
    assert _hits(lexicon, "They said the devils will have unusual power.") == ["devils"]
    # a not_in word written in lower case matches any case, as before
    assert _hits(lexicon, "He blamed The Devil for it.") == []
    assert expand_not_in("Devils|the devil|Gang of Eight") == [
        ((("exact", "devils"),), (0,)),
        ((("exact", "the"), ("exact", "devil")), ()),
        ((("exact", "gang"), ("exact", "of"), ("exact", "eight")), (0, 2)),
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a capitalised word before a capitalised hit makes it part of a name, directly or through "of"
        ("Newly released footage of the Las Vegas Massacre was shown on Monday.", []),
        ("At the time I was the patron of the National Society for the Prevention of Cruelty to Children’s campaign, "
         "so I was close to the work.", []),
        ("His support came from his fellow Bay Area Radicals group and its friends.", []),
        # an acronym opening a name that goes on after the hit ("VOA Extremism Watch Desk")
        ("A VOA Extremism Watch Desk reporter said the camp was blocked.", []),
        ("CB Greedy Williams made six tackles in the game.", []),
        # a headline: a word English does not know before the hit is a name's, a known word may be a verb
        ("A History of the Aberfan Disaster From The Crown", []),
        ("Hillary Cracks Racist Joke After Mixing Up Two Senators", ["Racist"]),
        # kept: a sentence's first word, an emphatic label before a name, an acronym with no name after
        ("Racist Trump supporters rallied in the city on Sunday.", ["Racist"]),
        ("We must resist the Tyrant King George and his ministers, they wrote.", ["Tyrant"]),
        ("They said the FBI Witch Hunt must end now.", ["Witch Hunt"]),
        ("They said that Mueller’s Witch Hunt must come to an end now.", ["Witch Hunt"]),
        ("Stop Mueller’s Witch Hunt Now", ["Witch Hunt"]),
    ],
)
def test_capitalised_hit_inside_a_name_does_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # radical of a plan or a change, not of people
        ("WeWork now faces a radical restructuring. It was a radical change in doctrine.", []),
        ("It is a radical anti-Israel hate group.", ["radical", "hate"]),
        # spewing in the physical sense; the dismissive verb of speech stays
        ("The Weird Plumes of Jupiter's Moon Europa Are Spewing Water Vapor", []),
        ("Volcanoes spew ash; the chimneys spewed smoke all night.", []),
        ("It's just CNN spewing more lies.", ["spewing", "lies"]),
        # the neutral headline abbreviation of Democrats; "the Dems" of running prose stays
        ("House Dems unveil renewable energy tax plan", []),
        ("All the Dems have to do is squeal and Republicans give in.", ["the Dems"]),
        # fraud as a crime category and a reported amount; fraud as a label stays
        ("PSU banks report fraud of over Rs 95,000 cr in Apr-Sep", []),
        ("She resigned amid voter fraud claims; he admitted immigration fraud.", []),
        ("Luke Harding is known to be a notorious fraud.", ["notorious", "fraud"]),
        # a swarm of asteroids or bees; of people it stays
        ("Asteroid swarm: NASA tracks three large space rocks. A swarm of bees settled.", []),
        ("They warned of a swarm of migrants.", ["swarm"]),
        # administrative disaster terms; the evaluation stays
        ("Puerto Rico will receive federal disaster aid after its worst natural disaster.", []),
        ("The trade deal is a disaster.", ["disaster"]),
        # legal categories of cruelty, a section title and the historical Crusaders
        ("He sponsored a campaign against child cruelty.", []),
        ("Personal Finance\nThe Crusader\nTravel", []),
        ("They visited a Crusader castle. Orbán started public life as a crusader against communism.", ["crusader"]),
        # a place word inverting a sentence of place before "lies" (review 6); the noun after such words stays
        ("Downstream lies Kinshasa. Further upstream lies the dam. Beyond lies the sea.", []),
        ("He went beyond lies and insults, hiding behind lies.", ["lies", "lies"]),
    ],
)
def test_other_senses_in_not_in_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # animal and biology senses shown by a word near the hit (not_near) or by the phrase (not_in)
        ("Get breaking science news on monster snakes and dinosaurs, aliens and more!", []),
        ("A decade after the predators have gone, Galapagos Island finches are still being studied.", []),
        ("Toxic algae, climate change, bad policy: Scientists say the lake is dying.", []),
        ("The simulation produced internal structures, including spiral arms, bulges and bars.", []),
        ("HOT TOPICS SIN scam Liberal cabinet. Police: Gift card scam costs Derby woman $10K.", []),
        ("MAKING A MURDERER", []),
        # the loaded senses stay, also beside such words in another sentence
        ("Schiff is a snake and a monster. The investigation is a scam. Costs will spiral.",
         ["snake", "monster", "scam", "spiral"]),
        ("The dinosaurs were extinct. Those predators in the Church must go.", ["predators"]),
        ("It is a toxic ideology, and he praised the murderer.", ["toxic", "murderer"]),
    ],
)
def test_literal_senses_near_the_hit_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a capitalised hit followed by a number is a title of a work or product
        ("Mortal Kombat 11, NBA 2K20, Rage 2, Red Dead Redemption 2 are on Stadia.", []),
        ("Rage 2 is out. Their rage grew; 2 people were hurt.", ["rage"]),
        # a surname after a first name in a byline line, in capitals or not
        ("By DANICA KIRKA and JILL LAWLESS\nAssociated Press", []),
        ("By Jill Lawless, Associated Press\nThe lawless streets emptied.", ["lawless"]),
        ("Written by the staff\nLAWLESS RIOTERS TORCH CITY", ["LAWLESS"]),
        # a capitalised hit in a quoted title-case title with a lower-case small word: a song (review 6)
        ("It hit the charts with 1978’s “What a Fool Believes.” He later left.", []),
        ("The film “Fools of the Year” won a prize at the festival.", []),
        # a quoted label without a small word, a quotation opened by a small word, and plain text stay hits
        ("He called her “Crooked Hillary” again.", ["Crooked"]),
        ("He was “a Fool and a Liar,” they said.", ["Fool", "Liar"]),
        ("They called him a Fool in public.", ["Fool"]),
        # in a title-case headline the quotation's capitals are the headline's
        ("Congressman Cites “Corrupt Deals Through the Southern Border”\nBody text.", ["Corrupt"]),
    ],
)
def test_titles_with_numbers_and_byline_surnames_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


def test_not_near_column_is_parsed_and_checked():
    lexicon = parse_lexicon(HEADER.replace("not_in", "not_in,not_near")
                            + "vermin,vermin,name-calling,neutral-descriptive,(omit),note,,rat*|pest\n")
    assert _hits(lexicon, "They are vermin.") == ["vermin"]
    assert _hits(lexicon, "Rats and other vermin ate the grain.") == []
    with pytest.raises(LexiconError, match="line 2: bad not_near: 'pest control' is not one word"):
        parse_lexicon(HEADER.replace("not_in", "not_in,not_near")
                      + "vermin,vermin,name-calling,neutral-descriptive,(omit),note,,pest control\n")


def test_near_cells_share_one_syntax_folded_each_lexicon_its_way():
    """One reader (lexicon_csv.single_words) for the loaded lexicon's not_near and the frame cues' near/not_near:
    "|" (or the lexicon's "/") between single words, a trailing * a prefix; only the folding differs."""
    from analysis.frames import ContextWords, context_words
    from analysis.lexicon import expand_not_near
    from analysis.lexicon_csv import LexiconError as CsvLexiconError, single_words

    cell = "Rat*|pest/Orbán’s| |FBI"
    assert expand_not_near(cell) == (frozenset({"pest", "orbán's", "fbi"}), ("rat",))  # lower-cased, apostrophe straightened
    assert context_words(cell) == ContextWords(frozenset({"pest", "orban", "fbi"}), ("rat",))  # accents and possessive dropped
    assert single_words("", str.upper) == (frozenset(), ())
    for bad in ("pest control", "anti-war", "*"):
        with pytest.raises(ValueError, match="is not one word"):
            single_words(f"rat|{bad}", str.lower)
    assert CsvLexiconError is LexiconError  # one error type for every lexicon


def test_reads_as_english_needs_only_lower_casing():
    """reads_as_english takes Tokens.lower_words: right only while no stop word holds an apostrophe (normalize_word
    straightens "’", so lower-casing and normalizing then agree on every stop word)."""
    from analysis.lexicon import reads_as_english
    from analysis.stopwords import ENGLISH_STOP_WORDS
    from analysis.tokens import tokenize

    assert not any("'" in word or "’" in word for word in ENGLISH_STOP_WORDS)
    english = tokenize("The minister said that it was not the time for the talks, and they would wait. " * 4)
    assert reads_as_english(english.lower_words)
    german = tokenize("Die Regierung hat heute neue Gesetze beschlossen, Kritiker warnen vor den Folgen. " * 4)
    assert not reads_as_english(german.lower_words)


# ---------------------------------------------------------------- review 8: plain intensifiers, praise, literal senses


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a degree word alone is a plain intensifier; before a loaded word it loads the phrase
        ("It takes time and incredible discipline.", []),
        ("It was completely different and extremely rare; they desperately needed help.", []),
        ("The verdict was absolutely disgusting and utterly vile.", ["absolutely", "disgusting", "utterly", "vile"]),
        # a chain of degree words counts when its last one stands before a hit; a comma breaks it
        ("It was absolutely totally disgusting.", ["absolutely", "totally", "disgusting"]),
        ("It was completely, disgusting.", ["disgusting"]),
        # evaluative intensifiers carry a charge of their own
        ("They brazenly ignored the court.", ["brazenly"]),
        # praise, and plain size words
        ("The GROW stage is a pretty amazing place. YOU ARE AWESOME! An unprecedented step.", []),
        ("It was a huge mistake.", ["huge mistake"]),
    ],
)
def test_degree_words_count_only_before_a_loaded_word(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # descriptive terms of news and law, and literal senses (review 8)
        ("The IRGC is a terrorist organization; a terrorist attack killed ten; Iran's terrorist proxy Hezbollah.", []),
        ("There is credible evidence of terrorist infiltration through the southern border.", []),
        ("The terrorists fled.", ["terrorists"]),
        ("Newly released footage of the massacre was shown on Monday.", []),
        ("They fought to the bitter end beside his grave. It is a very grave responsibility.", []),
        ("Ça va sans dire that my letter never received any reply!", []),
        ("The plague strain is more dangerous than in previous years.", []),
        ("The dire consequences are clear.", ["dire consequences"]),
        ("Ascom offers a News Service that brings Ascom's corporate media releases to the user's desktop.", []),
        ("The corporate media ignored the story.", ["corporate media"]),
        ("Save and invest aggressively. Doctors found an aggressive cancer.", []),
        ("Iran's aggressive behaviour alarmed its neighbours.", ["aggressive"]),
        ("We saw a wave of educator activism.", []),
    ],
)
def test_descriptive_and_literal_senses_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a product label in capitals on a line of its own, ending in a number (a shop menu)
        ("21 Day Fix Extreme\nFOCUS T25\nINSANITY MAX: 30\nP90X3\n", []),
        # a headline in capitals goes on after its number; running text in capitals stays
        ("TOTAL HOAX: 5 THINGS YOU MISSED\n", ["HOAX"]),
        ("This is INSANITY, he said.\n", ["INSANITY"]),
    ],
)
def test_capitals_product_label_lines_do_not_count(shipped, text: str, kept: list[str]):
    assert _hits(shipped, text) == kept


def test_only_before_hit_column_is_parsed_and_checked():
    header = HEADER.replace("not_in", "not_in,not_near,only_before_hit")
    lexicon = parse_lexicon(header + "very,very,emotive intensifier,neutral-descriptive,(omit),x,,,yes\n"
                            "vile,vile,emotive intensifier,neutral-descriptive,bad,x,,,\n")
    assert _hits(lexicon, "very good, very vile") == ["very", "vile"]
    with pytest.raises(LexiconError, match="line 2: only_before_hit must be 'yes' or empty"):
        parse_lexicon(header + "very,very,emotive intensifier,neutral-descriptive,(omit),x,,,maybe\n")
