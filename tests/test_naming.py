"""Naming: anchored referents count only in documents about them (analysis/naming.py, data/referents.csv)."""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.lexicon_csv import LexiconError
from analysis.naming import find_names, load_referents
from framing_helpers import context_for


def _referents_of(text: str, **kwargs) -> set[tuple[str, str]]:
    return {(u.referent, u.term) for u in find_names(context_for(text, **kwargs), load_referents())}


def test_generic_war_terms_need_the_document_to_be_about_ukraine():
    # an op-ed on the Middle East that mentions Russia: no war_in_ukraine, no donbas_forces
    syria = ("Israel warned Iran against further aggression in Syria. Russia backs Assad. "
             "The war has drawn in Shiite militias and rebels, and the meth crisis at home worsens.")
    assert not {r for r, _ in _referents_of(syria)} & {"war_in_ukraine", "donbas_forces"}
    # the same words in a document that names Ukraine are the war in Ukraine
    ukraine = syria + " Kyiv fears the same."
    found = _referents_of(ukraine)
    assert ("war_in_ukraine", "war") in found and ("war_in_ukraine", "aggression") in found
    assert ("donbas_forces", "militias") in found


def test_anchor_in_boilerplate_does_not_count():
    text = "The war on drugs goes on. Related: Ukraine aid continues."
    boiler_start = text.index("Related")
    assert _referents_of(text, boilerplate=((boiler_start, len(text)),)) == set()
    assert ("war_in_ukraine", "war") in _referents_of(text)


def test_referent_without_anchors_counts_everywhere():
    assert ("rfe_rl", "RFE/RL") in _referents_of("RFE/RL reported it first.")
    # a summit is diplomacy by itself: the word is its own anchor
    assert ("the_meeting", "summit") in _referents_of("The summit ended early.")


def test_market_and_factory_senses_are_no_meeting():
    found = _referents_of("Iran will sell oil on the foreign exchange market near the Michoud Assembly Facility. "
                          "The stock exchange fell. The prime ministers held an exchange on trade.")
    assert [term for referent, term in found if referent == "the_meeting"] == ["exchange"]


def test_meeting_words_count_only_in_documents_about_diplomacy():
    # a doctor's visit, a game review, a team's schedule: everyday words, no meeting of the event
    for text in ("While the man's symptoms improved after that visit, they worsened later that month.",
                 "You spend more time with these characters and visit alien planets.",
                 "Lakers: Visit the Thunder on Friday. The meeting of the two teams drew a crowd."):
        assert not {r for r, _ in _referents_of(text)} & {"the_meeting"}
    found = _referents_of("According to Orban, the two leaders spoke during his visit to Moscow. "
                          "Diplomats called the meeting worrying.")
    assert {("the_meeting", "visit"), ("the_meeting", "meeting")} <= found


def test_custom_anchor_rows(tmp_path: Path):
    path = tmp_path / "referents.csv"
    path.write_text("referent,term,note,kind\nflood,deluge,,\nflood,river Elbe,,anchor\n", encoding="utf-8")
    referents = load_referents(path)
    assert referents.anchors == {"flood": frozenset({("river", "elbe")})}
    assert find_names(context_for("The deluge came."), referents) == []
    assert [u.term for u in find_names(context_for("The deluge came down the River Elbe."), referents)] == ["deluge"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("referent,term,note,kind\nflood,deluge,,bogus\n", "line 2: kind 'bogus'"),
        ("referent,term,note,kind\n-,deluge,,anchor\n", "line 2: the blocked referent"),
    ],
)
def test_bad_kind_names_the_line(tmp_path: Path, content: str, message: str):
    path = tmp_path / "referents.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_referents(path)


def test_holds_finds_a_phrase_as_a_scan_of_every_word_does():
    """_holds looks for the phrase's first word with list.index (speed): the same answer as testing every start."""
    from analysis.naming import _holds

    def scan(folded: list[str], phrase: tuple[str, ...]) -> bool:
        return any(tuple(folded[k:k + len(phrase)]) == phrase for k in range(len(folded)))

    texts = ["", "a", "a b", "b a", "a a b", "x a c a b", "a b a b", "the west bank", "west", "bank west bank"]
    phrases = [("a",), ("a", "b"), ("b", "a"), ("a", "b", "a"), ("west", "bank"), ("bank",), ("z", "a")]
    for text in texts:
        for phrase in phrases:
            assert _holds(text.split(), phrase) == scan(text.split(), phrase), (text, phrase)
