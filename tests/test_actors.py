"""Quoted and paraphrased actors: speakers, attribution verbs, name merging, body-only reading."""
from __future__ import annotations

from analysis.actors import Actor, actor_rows, find_actors, is_characterising, summary_columns
from framing_helpers import context_for


def _by_name(text: str, **kwargs) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(context_for(text, **kwargs))}


def test_said_versus_characterising_verbs():
    actors = _by_name(
        'Prime Minister Viktor Orbán said the talks were useful. '
        'Orbán later claimed that sanctions had failed. '
        '"We will not back down," Orbán insisted.'
    )
    orban = actors["Viktor Orbán"]
    assert orban.kind == "person"
    assert dict(orban.verb_counts) == {"say": 1, "claim": 1, "insist": 1}
    assert orban.quoted == 1 and orban.paraphrased == 2
    assert not is_characterising("say") and is_characterising("claim") and is_characterising("lambast")


def test_inverted_attribution_pronouns_and_roles():
    actors = _by_name(
        'Russian President Vladimir Putin met the visitor. '
        '"This is our 13th meeting," said Viktor Orban in the Kremlin. '
        '"It is rare," he added. '
        'The Russian leader elaborated on the point, and Putin said ties were good.'
    )
    assert actors["Viktor Orban"].verb_counts == (("add", 1), ("say", 1))
    assert dict(actors["Vladimir Putin"].verb_counts) == {"say": 1, "elaborate": 1} or "say" in actors["Vladimir Putin"].verbs


def test_according_to_appositives_and_organisations():
    actors = _by_name(
        "According to Bloomberg, allies were worried. "
        "Orbán’s chief of staff, Gergely Gulyás, told ATV that the ambassador was wrong. "
        "The Kremlin denied the report."
    )
    assert actors["Bloomberg"].kind == "organization"
    assert actors["Bloomberg"].verbs == ("according to",)
    assert actors["Gergely Gulyás"].verbs == ("tell",)
    assert "ATV" not in actors  # the listener, not the speaker
    assert actors["Kremlin"].kind == "organization"


def test_verbs_inside_quotes_and_object_names_are_ignored():
    actors = _by_name('The envoy wrote: "Putin said nothing new." The alliance has publicly accused Orban of secrecy.')
    assert "Putin" not in actors and "Orban" not in actors


def test_hyphens_and_commas_break_names():
    actors = _by_name("After the Putin-Orbán meeting in Beijing, Pressman posted a picture. Apart from Hungary, French President Emmanuel Macron urged caution.")
    assert "Orbán Putin" not in actors and "Putin Orbán" not in actors
    assert "Emmanuel Macron" in actors and actors["Emmanuel Macron"].verbs == ("urge",)


def test_body_only_and_summary():
    text = "Written by Angeline Tan, who said hello.\nMárton Gyöngyösi wrote that the visit was treasonous."
    context = context_for(text, boilerplate=((0, text.index("\n")),))
    actors = find_actors(context)
    assert [a.name for a in actors] == ["Márton Gyöngyösi"]
    columns = summary_columns(actors)
    assert columns["actors_quoted"] == 1 and columns["actor_statements"] == 1
    assert columns["attribution_verbs"] == "write 1"
    rows = actor_rows("d1", actors)
    assert rows[0]["doc_id"] == "d1" and rows[0]["paraphrased"] == 1 and rows[0]["first_start"] > text.index("\n")


def test_no_actors_in_plain_text():
    assert find_actors(context_for("Rain fell on the town all week.")) == []
    assert summary_columns([])["actors"] == ""


def test_seed_actors(seed_results):
    from conftest import seed_row

    actors = seed_results["actors"]
    d001 = seed_row(seed_results, "001")["doc_id"]
    names = set(actors[actors["doc_id"] == d001]["name"])
    assert {"Viktor Orbán", "Gergely Gulyás", "David Pressman", "Oleg Nikolayenko"} <= names
    assert any(name.endswith("Putin") for name in names)
    orban = actors[(actors["doc_id"] == d001) & (actors["name"] == "Viktor Orbán")].iloc[0]
    assert "lambast" in orban["verbs"]


def test_capitalised_particles_do_not_stall_the_scan():
    text = "Of course. La Salle and De said nothing. Le Monde wrote that Al reported it. Von der Leyen said so."
    actors = _by_name(text)
    assert actors["Von der Leyen"].verbs == ("say",)
    assert actors["Le Monde"].verbs == ("write",)


def test_pronoun_follows_the_last_speaker_or_a_person_named_after_them():
    actors = _by_name(
        "Viktor Orbán met the press. Macron said the talks went well. He added that more would follow. "
        "Later, Chancellor Olaf Scholz joined them. He said nothing new."
    )
    assert actors["Macron"].verbs == ("add", "say")  # Orbán was named before Macron spoke
    assert actors["Olaf Scholz"].verbs == ("say",)  # named after Macron spoke
    assert "Viktor Orbán" not in actors


def test_name_scan_skips_to_capitalised_words_and_verbs_only():
    # A long sentence of lower-case words around the only name and verb changes nothing.
    filler = "the long and winding road ran on " * 40
    actors = _by_name(f"In the end {filler}Gergely Gulyás told reporters {filler}that it was over.")
    assert actors["Gergely Gulyás"].verbs == ("tell",)
    assert actors["Gergely Gulyás"].mentions == 1


def test_roles_and_pronouns_read_back_as_far_as_they_need():
    # A role reads every person named so far (also before the last statement); a pronoun only the last one,
    # after the last statement; sentences read for one question are not read again for the next.
    actors = _by_name(
        'Hungarian Foreign Minister Péter Szijjártó arrived. '
        'German Chancellor Olaf Scholz said the talks went well. '
        'Nothing else was announced that day. '
        'The Hungarian minister disagreed, and the Hungarian minister said so. '
        '"We will see," he said. '
        'Later Estonian Prime Minister Kaja Kallas arrived. '
        'No one spoke. '
        '"It is a mistake," she said. '
        'The German chancellor insisted on it.'
    )
    assert dict(actors["Péter Szijjártó"].verb_counts) == {"say": 2}
    assert dict(actors["Kaja Kallas"].verb_counts) == {"say": 1}
    assert dict(actors["Olaf Scholz"].verb_counts) == {"say": 1, "insist": 1}
