"""Word lists several modules share: each is written once, and every module using it reads it alike."""
from __future__ import annotations

import pytest

from analysis import actors, citations, loaded, outlets, voice
from analysis.actors import find_actors
from analysis.tokens import tokenize
from framing_helpers import context_for
from test_citations import mentions
from test_outlets import _doc


def _speakers(text: str) -> dict[str, int]:
    return {a.name: a.quoted + a.paraphrased for a in find_actors(context_for(text))}


# Offices of people in public life: actors' OFFICE_NOUNS and OFFICE_QUALIFIERS, read by loaded's office phrases.

def test_loaded_office_phrases_read_the_offices_of_actors():
    assert loaded.OFFICE_NOUNS is actors.OFFICE_NOUNS
    assert actors.OFFICE_QUALIFIERS <= loaded.OFFICE_PHRASE_QUALIFIERS
    # every office but a designation is a title before a name
    assert actors.OFFICE_NOUNS - actors.OFFICE_DESIGNATIONS <= actors.TITLE_WORDS
    assert actors.OFFICE_QUALIFIERS <= actors.TITLE_WORDS


def test_an_office_after_the_goes_only_to_a_person_holding_it():
    # every office is a role, but one whose word another title shares as a qualifier goes to no one else: no wrong
    # speaker is made up
    assert actors.OFFICE_NOUNS <= actors.ROLE_NOUNS
    assert _speakers("Attorney General William Barr said the case was closed. The general said the troops would "
                     "stay.") == {"William Barr": 1}
    assert _speakers("Secretary of State Mike Pompeo said the talks went well. Later the state senator said the "
                     "bill failed.") == {"Mike Pompeo": 1}


@pytest.mark.parametrize("office", sorted(actors.OFFICE_NOUNS))
def test_each_office_is_an_office_phrase_for_loaded(office):
    words = tokenize(f"the deputy {office} of Hungary").words
    assert loaded.names_an_office(words, 1, len(words) - 1), office


# Journalists' titles: actors' JOURNALIST_TITLES, read by actors' job nouns, citations' and outlets' patterns.

@pytest.mark.parametrize("title", sorted(actors.JOURNALIST_TITLES))
def test_each_journalist_title_is_recognised_by_actors_citations_and_outlets(title):
    assert title in actors.JOB_NOUNS and title in actors.TITLE_WORDS
    assert citations.STAFF_TITLE_AFTER_RE.match(f" Pentagon {title} Carla Babb")
    assert citations.EVIDENCE_BEFORE_RE.search(f"Jane Roe, a {title} for ")
    assert citations.MEDIUM_BEFORE_RE.search(f"the {title} ")
    assert citations.EVIDENCE_AFTER_RE.match(f" {title} Jane Roe")
    bio, credit = f"Jane Roe is a senior {title} at Daily Planet.", f"Senior {title} at Daily Planet"
    assert outlets.SELF_REFERENCE_PATTERNS[6].search(bio) and outlets.SELF_REFERENCE_CUE_RE.search(bio)
    assert outlets.SELF_REFERENCE_PATTERNS[7].search(credit) and outlets.SELF_REFERENCE_CUE_RE.search(credit)


def test_a_writer_before_a_name_is_a_title_for_actors():
    # main: "writer" was no job noun for actors, though citations and outlets knew it: the outlet spoke
    assert _speakers("The law is bad, said New York Times writer Jane Roe.") == {"Jane Roe": 1}


def test_a_writer_or_host_of_a_short_named_outlet_is_evidence_for_it():
    # main: "writer" and "host" were journalist titles for a staff title but no evidence for a weak name
    assert mentions("Mary Jones, a writer at APP, argued that the talks ended.") == [("APP", "mention", "")]
    assert mentions("An APP host said the talks ended.") == [("APP", "mention", "")]


@pytest.mark.parametrize("line", ["Phil Helsel is a host at NBC News.", "Senior producer at NBC News"])
def test_a_presenter_or_producer_bio_names_the_publisher(line):
    # main: a host's or a producer's bio line named no publisher, a writer's did
    assert _doc(f"Orban met Putin on Tuesday.\n\n{line}\n")["outlet"] == "NBC News"


def test_word_alternation_puts_a_word_before_its_prefix():
    assert actors.word_alternation({"editor", "editorial", "host"}) == "editorial|editor|host"


# Subordinating conjunctions: voice's clause openers build on actors'.

def test_voice_clause_openers_take_in_the_subordinators_of_actors():
    assert actors.SUBORDINATORS < voice._SUBORDINATORS
    assert {"whilst", "till", "whereas"} <= actors.SUBORDINATORS  # no name words at a sentence's start
    assert {"what", "by"} <= voice._SUBORDINATORS - actors.SUBORDINATORS


# The lower-case words inside a body's name: one list for where the name starts and for a name's body tail.

@pytest.mark.parametrize("preposition", sorted(actors.BODY_NAME_PREPOSITIONS))
def test_a_person_of_a_body_named_with_each_preposition_speaks(preposition):
    # main: "on" ended a body's name for _body_tail but not for body_start, so "Relations" spoke
    assert actors.BODY_NAME_PREPOSITIONS < actors.BODY_NAME_JOINERS
    text = f"Dr. Jane Roe of the Senate Committee {preposition} Foreign Relations says the treaty is dead."
    assert _speakers(text) == {"Jane Roe": 1}
