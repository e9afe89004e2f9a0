"""Speakers in the attribution shapes of review 8: places and titles that are no speaker, inverted verbs with a title,
an appositive or a closed question before the name, "quoted X as saying", "X reports that", and name forms."""
from __future__ import annotations

from analysis.actors import Actor, find_actors
from analysis.context import DocContext
from analysis.resources import load_resources
from framing_helpers import context_for

HEAD = "Hearing ends\n\nThe committee met on Tuesday. Nikki Haley and Fiona Hill attended.\n"


def _by_name(text: str) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(context_for(text))}


def test_a_name_after_a_preposition_of_place_or_direction_is_no_speaker():
    actors = _by_name(
        "NASA scientists using a telescope atop Mauna Kea have confirmed the presence of water vapor. "
        "The former apostolic nuncio to the United States has accused Francis of covering up abuse. "
        "One of those memos has gone out to the Main Stream Media saying that everyone must agree."
    )
    assert not {"Mauna Kea", "United States", "Main Stream Media"} & set(actors)


def test_a_place_ending_a_title_and_a_body_after_in_still_speak():
    actors = _by_name(
        "The U.S. ambassador to Ukraine Bill Taylor said the aid was held up. "
        "Officials in the Justice Department said nothing."
    )
    assert actors["Bill Taylor"].verbs == ("say",)
    assert actors["Justice Department"].kind == "organization"


def test_a_church_title_alone_is_no_speaker_and_is_cut_from_the_name():
    actors = _by_name(
        "The Apostolic Nuncio met the bishops in Rome. The Nuncio added that he knew a number of seminarians. "
        "The Apostolic Nuncio Carlo Maria Viganò said the case was closed. Nuncio Pietro Sambi wrote that it was not."
    )
    assert not {"Apostolic Nuncio", "Nuncio"} & set(actors)
    assert actors["Carlo Maria Viganò"].kind == "person"
    assert actors["Pietro Sambi"].verbs == ("write",)


def test_a_headline_title_is_no_speaker():
    assert "Muslim Cleric" not in _by_name("Muslim Cleric says there were Jews in Islamic countries\n\nThe sheikh spoke in May.\n")


def test_a_political_label_or_a_school_title_is_no_part_of_the_name():
    actors = _by_name(
        "Conservative Ben Shapiro told Fox News the verdict was “horrifying.” "
        "Republican state schools Superintendent Jennifer McCormick said the study was sound."
    )
    assert {"Ben Shapiro", "Jennifer McCormick"} <= set(actors)
    assert not {"Conservative Ben Shapiro", "Superintendent Jennifer McCormick"} & set(actors)


def test_an_inverted_verb_after_a_closed_question_names_its_speaker():
    actors = _by_name(HEAD + "“And I asked, well, on whose authority?” said Hill, who will testify Thursday.\n")
    assert actors["Fiona Hill"].verbs == ("say",)
    assert actors["Fiona Hill"].quoted == 1


def test_an_inverted_verb_before_a_lower_case_title_or_a_titled_appositive():
    actors = _by_name(
        HEAD + "“From day one this case was used to foment hate,” added defense attorney Francisco Ugarte.\n"
        "Sondland was in charge, said another witness in the impeachment probe, former White House Russia adviser Fiona Hill.\n"
    )
    assert actors["Francisco Ugarte"].verbs == ("add",)
    assert actors["Fiona Hill"].verbs == ("say",)


def test_an_appositive_after_a_relation_names_no_speaker():
    # the lawyer speaks, and the name set off after "for the family" may be the family's
    actors = _by_name(HEAD + "“It is over,” said a lawyer for the family, former judge Jane Doe.\n")
    assert "Jane Doe" not in actors


def test_quoted_as_saying_names_the_one_quoted():
    actors = _by_name(
        HEAD + "“The deal must stand,” Reuters quoted German Foreign Minister Sigmar Gabriel as saying. "
        "Major General Mohammad Bagheri landed in Damascus. Bagheri is quoted as saying that the visit was a success.\n"
    )
    assert actors["Sigmar Gabriel"].verbs == ("say",)
    assert actors["Mohammad Bagheri"].verbs == ("say",)
    assert "Reuters" not in actors


def test_reports_that_is_a_verb_only_after_a_name():
    actors = _by_name(
        HEAD + "ICE reports that 864 immigrants with criminal convictions remain at large. "
        "Media reports said the deal was off. Media reports that he resigned were false. "
        "Amid reports that Smith would resign, the board met.\n"
    )
    assert actors["ICE"].verbs == ("report",)
    assert "Media" not in actors and "Amid" not in actors


def test_a_hyphenated_name_with_an_ayn_mark_is_whole():
    for mark in ("‘", "’", "'", "ʿ"):
        actors = _by_name(f"Church row grows\n\nThe letter was sent in 2015.\n“The figure is a lie,” said Jihad Al-{mark}Ayesh.\n")
        assert set(actors) == {f"Jihad Al-{mark}Ayesh"}, mark


def test_an_acronym_of_a_body_named_in_full_is_one_actor():
    actors = _by_name("The World Health Organization said the outbreak was over. “It is contained,” WHO said. "
                      "The United Nations said aid was on its way.")
    assert "WHO" not in actors
    assert actors["World Health Organization"].verbs == ("say",) and actors["World Health Organization"].statements == 2
    assert actors["United Nations"].statements == 1


def test_a_body_short_name_of_two_words_is_the_longer_name_the_text_writes():
    actors = _by_name("The photo had been published by the Trice Edney News Wire in January. "
                      "The News Wire reported that the picture had been taken in 2005.")
    assert set(actors) == {"Trice Edney News Wire"}


def test_a_name_and_its_description_after_an_opening_phrase_of_time_speak():
    actors = _by_name(
        "On Thursday, John Smith, a spokesman for the company, said the deal was off. "
        "Last July, Major General Mohammad Bagheri, the Iranian military commander, warned that the deal was off."
    )
    assert actors["John Smith"].verbs == ("say",)
    assert actors["Mohammad Bagheri"].verbs == ("warn",)


def test_a_short_name_the_registry_reads_as_an_outlet_stays_as_written():
    # "Free Beacon" is freebeacon.com's name in the registry's reading; the citations table joins the two
    text = ("The Washington Free Beacon has obtained a white paper. The plan seeks a new policy, "
            "writes the Free Beacon, which obtained a leaked copy.")
    context = context_for(text)
    with_registry = DocContext(context.document, context.tokens, context.segmentation, load_resources())
    assert [a.name for a in find_actors(with_registry)] == ["Free Beacon"]
    assert [a.name for a in find_actors(context)] == ["Washington Free Beacon"]  # no registry: the longer name
