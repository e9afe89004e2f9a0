"""Framing: lexicons and their errors, naming with voice, frame profiles, distinctive terms, comparisons, seeds."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from analysis import framing
from analysis.distinctive import fightin_words
from analysis.frames import FRAMES, frames_table, load_frame_cues, primary_frame
from analysis.lexicon_csv import LexiconError
from analysis.naming import load_referents, preferred_terms, referents_table
from conftest import seed_row
from framing_helpers import context_for


# --- lexicons -------------------------------------------------------------------------------------

def test_shipped_lexicons_load_and_cover_every_frame():
    referents = load_referents()
    assert {"war_in_ukraine", "ukraine_government", "nato_enlargement", "the_meeting", "rfe_rl"} <= set(referents.referents)
    cues = load_frame_cues()
    table = frames_table(cues)
    assert set(table["frame"]) == set(FRAMES) and len(FRAMES) == 14
    assert {"line", "frame", "frame_name", "cue"} <= set(table.columns)
    ref_table = referents_table(referents)
    assert {"line", "referent", "term", "note"} <= set(ref_table.columns)
    assert (ref_table["term"] == "special military operation").any()


def test_lexicon_error_is_a_value_error():
    assert issubclass(LexiconError, ValueError)


@pytest.mark.parametrize(
    "content, message",
    [
        ("frame,cue\neconomic,money\nmoney_frame,cash\n", "line 3: unknown frame"),
        ("frame,cue\neconomic,money\neconomic,money\n", "line 3: cue 'money' is already listed for economic on line 2"),
        ("frame,word\neconomic,money\n", "line 1: the header lacks column"),
        ("frame,cue\neconomic,mon*ey\n", "line 2: '\\*' may only end a cue"),
        ("# only a comment\n", "empty"),
        ("frame,cue\neconomic,\n", "line 2: the cue is empty"),
        ("frame,cue,not_near\ncrime_punishment,investigat*,lab test\n", "line 2: bad near/not_near: 'lab test' is not one word"),
        ("frame,cue,near\ncrime_punishment,cover-up,abuse\ncrime_punishment,cover up,crime\n",
         "line 3: cue 'cover up' has near/not_near and matches the same words"),
    ],
)
def test_frame_cue_errors_name_the_line(tmp_path: Path, content: str, message: str):
    path = tmp_path / "frames.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_frame_cues(path)


@pytest.mark.parametrize(
    "content, message",
    [
        ("referent,term\nwar,invasion\nwar,Invasion\n", "line 3: term 'Invasion' is already listed on line 2"),
        ("referent,term\nThe War,invasion\n", "line 2: referent 'The War' must be lower_snake_case"),
        ("referent,term,colour\nwar,invasion,red\n", "line 1: unknown column"),
        ("referent,term\nwar,--\n", "line 2: term '--' has no words"),
        ("referent,term\nwar,\"invasion\",x,y\n", "line 2: 4 cells"),
    ],
)
def test_referent_errors_name_the_line(tmp_path: Path, content: str, message: str):
    path = tmp_path / "referents.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_referents(path)


def test_custom_lexicons_are_used(tmp_path: Path):
    path = tmp_path / "referents.csv"
    path.write_text("# mine\nreferent,term,note\nthe_flood,deluge,\nthe_flood,high water,\n-,high water mark,\n", encoding="utf-8")
    referents = load_referents(path)
    context = context_for("The deluge came. High water reached the high water mark.")
    from analysis.naming import find_names

    uses = find_names(context, referents)
    assert [(u.referent, u.term) for u in uses] == [("the_flood", "deluge"), ("the_flood", "high water")]


# --- naming --------------------------------------------------------------------------------------

def _naming(text: str, **kwargs) -> list[dict]:
    context = context_for(text, **kwargs)
    return framing.analyze_document(context).features["naming"]


def test_naming_voice_and_longest_match():
    rows = _naming(
        'Russia launched what Moscow called a special military operation. The invasion began in February. '
        'Officials said the "special military operation" would end soon. Kyiv\'s forces resisted the war.'
    )
    found = {(r["term"], r["voice"]): r["count"] for r in rows}
    assert found[("special military operation", "attributed")] == 1
    assert found[("special military operation", "quoted")] == 1
    assert found[("invasion", "authorial")] == 1
    assert found[("war", "authorial")] == 1
    assert not any(r["term"] == "military operation" for r in rows)  # the longer term wins
    assert preferred_terms(rows)["war_in_ukraine"] in {"invasion", "war"}


def test_naming_of_the_meeting_and_rfe_rl():
    rows = _naming(
        "On October 19, the U.S. state-controlled media outlet Radio Free Europe/Radio Liberty (RFE/RL) reported that "
        "the ambassadors to Hungary from NATO countries have conducted unscheduled talks."
    )
    assert {(r["referent"], r["term"]) for r in rows} >= {("rfe_rl", "Radio Free Europe/Radio Liberty"), ("rfe_rl", "RFE/RL"), ("the_meeting", "unscheduled talks")}


def test_naming_folds_case_accents_hyphens_and_possessives():
    rows = _naming("The tete-a-tete in Beijing worried diplomats. NATO's expansion and the Russo Ukrainian conflict, too.")
    terms = {r["term"] for r in rows}
    assert {"tête-à-tête", "NATO expansion", "Russo-Ukrainian conflict"} <= terms


def test_naming_ignores_blocked_phrases_and_sentence_breaks():
    rows = _naming("The Cold War ended. They spoke of war. Then, crisis. Kyiv waited.")  # Kyiv: about Ukraine
    assert [(r["term"], r["count"]) for r in rows if r["referent"] == "war_in_ukraine"] == [("crisis", 1), ("war", 1)]
    # "Kyiv. Regime" is not "Kyiv regime"
    rows = _naming("He went to Kyiv. Regime change was not discussed.")
    assert {r["term"] for r in rows} == {"Kyiv"}


def test_naming_reads_body_text_only():
    text = "Subscribe to read about the invasion.\nThe war in Donbas continued."
    rows = _naming(text, boilerplate=((0, text.index("\n")),))
    assert {r["term"] for r in rows} == {"war"}  # "Donbas" anchors the war; "invasion" is boilerplate


# --- frames ---------------------------------------------------------------------------------------

def test_frame_profile_shares():
    text = ("Sanctions hurt the economy and raised prices. "
            "Troops massed on the border. "
            "The court ruled the treaty illegal. "
            "Nothing else happened here.")
    contribution = framing.analyze_document(context_for(text))
    columns = contribution.columns
    assert columns["frame_economic"] == 0.25
    assert columns["frame_security_defense"] == 0.25
    assert columns["frame_legality"] == 0.25
    assert columns["frame_morality"] == 0.0
    assert all(f"frame_{f}" in columns for f in FRAMES)
    rows = {r["frame"]: r for r in contribution.rows["frames"]}
    assert len(rows) == 14 and rows["economic"]["sentences"] == 1 and rows["economic"]["body_sentences"] == 4
    assert "econom*" in rows["economic"]["cues"]


def test_main_frame_needs_a_clear_lead():
    # One cue sentence in a long piece is no framing; the main frame needs 2 sentences and 10 % of them.
    one_cue = "Investors cheered the plan. " + "The probe flew past the moon and took pictures. " * 19
    assert framing.analyze_document(context_for(one_cue)).columns["frame_primary"] == ""
    # Two frames in as many sentences with as many cues, first touched in one sentence: a tie names neither
    # (no codebook-order winner).
    tie = "The economy shrank as troops massed. Prices rose again as soldiers fired shots. Nothing else. Nor here."
    columns = framing.analyze_document(context_for(tie)).columns
    assert columns["frame_economic"] == columns["frame_security_defense"] == 0.5
    assert columns["frame_primary"] == ""
    clear = tie + " The army shelled the town."
    assert framing.analyze_document(context_for(clear)).columns["frame_primary"] == "security_defense"
    # even on sentences and cue matches, the frame the body reaches first leads
    first = "The economy shrank. Prices rose again. Troops massed there. Soldiers fired shots."
    assert framing.analyze_document(context_for(first)).columns["frame_primary"] == "economic"


def test_primary_frame_rule():
    counts = dict.fromkeys(FRAMES, 0)
    assert primary_frame(0, counts) == ""
    assert primary_frame(10, {**counts, "legality": 1}) == ""  # a single sentence
    assert primary_frame(30, {**counts, "legality": 2}) == ""  # under 10 %
    assert primary_frame(20, {**counts, "legality": 2}) == "legality"
    assert primary_frame(20, {**counts, "legality": 3, "political": 3}) == ""
    assert primary_frame(20, {**counts, "legality": 3, "political": 3}, {"legality": 5, "political": 4}) == "legality"
    assert primary_frame(20, {**counts, "legality": 3, "political": 3}, {"legality": 4, "political": 4}) == ""
    assert primary_frame(20, {**counts, "legality": 3, "political": 4}) == "political"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # elect* matched electric: an auto show is no political story
        ("Ford showed an electric SUV. The electric pickup charges fast. Electricity costs less.", "political"),
        # invest* matched investigate, import* important, energy and gas the physics of galaxies
        ("Physicists investigated how galaxies form. Gas clouds collapse into stars. "
         "Matter and energy dance. It is an important result.", "economic"),
        # deter* matched determine, famil* familiar, protest* Protestant, demonstrat* a showing
        ("Scientists determined the age of the rock. The result is familiar. It demonstrated the effect.",
         "security_defense"),
        ("The familiar view returned. The Protestant church stood there.", "quality_of_life"),
        ("The Protestant church stood there. The test demonstrated the effect.", "public_opinion"),
    ],
)
def test_wildcard_cues_do_not_match_other_words(text: str, absent: str):
    assert framing.analyze_document(context_for(text)).columns[f"frame_{absent}"] == 0.0


def test_money_senses_and_violent_crime_still_frame():
    money = ("Investors poured money into the firm. Gas supplies ran short. "
             "Energy bills doubled. The country imported grain. He was elected mayor.")
    columns = framing.analyze_document(context_for(money)).columns
    assert columns["frame_economic"] == 0.8 and columns["frame_political"] == 0.2
    # a police story about a shooting is crime, not health, though it counts its dead
    police = ("The gunman shot and killed a woman in the parking lot. Police failed to record her death. "
              "Investigators called it a homicide. The shooting left 58 people dead.")
    assert framing.analyze_document(context_for(police)).columns["frame_primary"] == "crime_punishment"


def test_casualties_of_war_terror_and_crime_are_no_health():
    # deaths in war and terror are security, killings by criminals crime: the casualty words (killed, dead, died,
    # starved) do not make such a story health_safety; the codebook's health is illness, accidents and disasters
    war = ("Two service members were killed in Afghanistan, the US military said. All on board were killed. "
           "The troops withdrew after 30 soldiers died. Thousands of civilians were killed in the war.")
    columns = _shares(war)
    assert columns["frame_primary"] == "security_defense" and columns["frame_health_safety"] == 0.25
    atrocity = ("Six million Jews were killed in the Holocaust. Many were tortured and starved to death there. "
                "They conquered the town and killed all those in it. The cleric spoke of Jewish history.")
    assert _shares(atrocity)["frame_health_safety"] == 0.0
    crime = ("Man stabbed to death on a commuter train. A stabbing killed a passenger after the attacker tried to steal "
             "his shoes. The murder suspect was later arrested.")
    columns = _shares(crime)
    assert columns["frame_health_safety"] == 0.0 and columns["frame_primary"] == "crime_punishment"
    # deaths from disease, accidents and disasters stay health, as does the idiom of betrayal no crime
    health = ("The outbreak killed 40 people. Two men were found dead after the crash. The earthquake left 300 dead. "
              "Smog caused thousands of deaths. She was stabbed in the back by her party. He felt a stabbing pain.")
    columns = _shares(health)
    assert columns["frame_health_safety"] == round(4 / 6, 4) and columns["frame_crime_punishment"] == 0.0

def test_investigation_in_science_and_medicine_is_no_crime():
    # investigat* is crime only in its police and scandal sense: scientific, medical and accident inquiries are not
    science = ("Researchers investigated the samples. NASA scientists will investigate the icy shell of the moon. "
               "Epidemiologists investigated the outbreak of the disease. The cause of the crash is under investigation.")
    columns = framing.analyze_document(context_for(science)).columns
    assert columns["frame_crime_punishment"] == 0.0 and columns["frame_primary"] != "crime_punishment"
    police = "Police investigated the theft. Prosecutors are investigating the mayor. The FBI investigated the leak."
    assert framing.analyze_document(context_for(police)).columns["frame_crime_punishment"] == 1.0


def test_cover_up_counts_in_its_scandal_sense_only():
    # "cover up" written apart is also the everyday verb: only with words of wrongdoing in its sentence
    kitchen = "Cover up the pot and let it simmer. Cover up the dough with a towel. Then cover up the bowl."
    assert framing.analyze_document(context_for(kitchen)).columns["frame_crime_punishment"] == 0.0
    # the verb beside wrongdoing, and the noun written with a hyphen (or as one word), are the scandal
    scandal = "Officials tried to cover up the abuse. The cover-up of the operation went on. A coverup followed."
    columns = framing.analyze_document(context_for(scandal)).columns
    assert columns["frame_crime_punishment"] == 1.0 and columns["frame_primary"] == "crime_punishment"


def test_shooting_stars_and_cardiac_arrest_are_no_crime():
    text = ("Look out for the meteor shower, with 100 shooting stars an hour. "
            "The patient went into cardiac arrest. A shooting star crossed the sky.")
    assert framing.analyze_document(context_for(text)).columns["frame_crime_punishment"] == 0.0


def test_the_football_euro_is_no_currency():
    text = "UEFA Euro 2020 qualifying is over. The Euro 2020 playoffs come next. The euro rose against the dollar."
    assert framing.analyze_document(context_for(text)).columns["frame_economic"] == round(1 / 3, 4)


def test_a_page_in_another_language_gets_no_frame():
    # Portuguese "eu" ("I") is the English cue "EU": on a page that does not read as English the cues are false friends.
    portuguese = " ".join([
        "Eu gosto muito de música para crianças e eu escuto todos os dias com os meus filhos.",
        "Quando eu era pequeno, eu cantava estas canções na escola com os meus amigos.",
        "Hoje eu trabalho com educação musical e eu ensino as crianças a cantar e a tocar.",
        "Eu acredito que a música ajuda na alfabetização e eu recomendo este disco a todos.",
    ])
    columns = framing.analyze_document(context_for(portuguese)).columns
    assert columns["frame_external_regulation"] == 0.0 and columns["frame_primary"] == ""
    english = "The EU fined the bank. The EU rules apply to every member. The EU said so on Monday."
    assert framing.analyze_document(context_for(english)).columns["frame_external_regulation"] > 0


def test_a_page_in_another_language_counts_its_sentences_without_matching_cues(monkeypatch):
    """No frame matching is done where its counts would be thrown away; the frames rows still give the body sentences."""
    portuguese = " ".join([
        "Eu gosto muito de música para crianças e eu escuto todos os dias com os meus filhos.",
        "Quando eu era pequeno, eu cantava estas canções na escola com os meus amigos.",
        "Hoje eu trabalho com educação musical e eu ensino as crianças a cantar e a tocar.",
    ])
    context = context_for(portuguese)
    expected = framing.frame_profile(context, framing.load_frame_cues())[0]
    monkeypatch.setattr(framing, "frame_profile", lambda *args: pytest.fail("frame cues matched on a non-English page"))
    rows = framing.analyze_document(context).rows["frames"]
    assert expected == 3 and {row["body_sentences"] for row in rows} == {3} and {row["sentences"] for row in rows} == {0}


def test_near_and_not_near_words_of_a_custom_lexicon(tmp_path: Path):
    path = tmp_path / "frames.csv"
    path.write_text("frame,cue,note,near,not_near\neconomic,bank*,,money|loan*,\nhealth_safety,virus*,,,computer*\n",
                    encoding="utf-8")
    cues = load_frame_cues(path)
    from analysis.frames import frame_profile
    text = "They sat on the river bank. The bank raised its loans. A computer virus spread. The virus spread in town."
    _, touched, matched, _ = frame_profile(context_for(text), cues)
    assert touched["economic"] == 1 and touched["health_safety"] == 1
    assert set(frames_table(cues).columns) >= {"near", "not_near"}


def _shares(text: str) -> dict:
    return framing.analyze_document(context_for(text)).columns


def test_sports_defense_attack_and_offense_are_no_security():
    # a team's defense, attack and offensive line are no armed force: sports words in the sentence tell the sense
    match = ("The Browns' defense held the quarterback to 80 yards. The offensive players left late in the season. "
             "Their attack stalled after the coach called a timeout. The defense gave up two touchdowns. "
             "His run defense has been great. Burnett was never the answer at strong safety.")
    columns = _shares(match)
    assert columns["frame_security_defense"] == columns["frame_health_safety"] == 0.0
    war = "The army's defense held the city. The troops launched an offensive in the east. The attack killed ten soldiers."
    assert _shares(war)["frame_security_defense"] == 1.0


def test_defending_a_person_and_the_courtroom_are_no_security():
    # defending a person or a remark, the accused (defendant), a defense attorney and a heart attack are other senses
    verbal = ("Davis defended Farrakhan as an outstanding human being. Omar defended herself against charges of anti-Semitism. "
              "The defendant was acquitted. Defense attorneys said the two would fight the charges. "
              "He died of a heart attack. Your question was not offensive.")
    columns = _shares(verbal)
    assert columns["frame_security_defense"] == 0.0 and columns["frame_primary"] != "security_defense"
    borders = "Hungary would defend its borders. Ukraine defended the city against the invasion."
    assert _shares(borders)["frame_security_defense"] == 1.0


def test_advertising_and_awareness_campaigns_are_no_politics():
    ads = ("Tubi is launching an ad campaign. The awareness campaign drew mockery online. "
           "The brand's new campaign targets young customers with marketing on TikTok.")
    assert _shares(ads)["frame_political"] == 0.0
    assert _shares("The senator's campaign raised money in Iowa. She campaigned in Ohio.")["frame_political"] == 1.0


def test_product_solutions_are_no_policy():
    products = "Ascom is a global solutions provider. The platform offers data solutions to hospital customers."
    assert _shares(products)["frame_policy_prescription"] == 0.0
    assert _shares("The solution lies in better governance. There is no single solution.")["frame_policy_prescription"] == 1.0


def test_recommender_software_and_market_demand_are_no_policy():
    # an ad-tech study: its "recommendation widgets", the market's demand side and an advertising "solution" prescribe nothing
    adtech = ("Publishers earn more from ads in recommendation widgets. Both the demand and supply sides grew. "
              "The firm launched a native exchange solution for advertisers. Video on demand is popular.")
    assert _shares(adtech)["frame_policy_prescription"] == 0.0
    policy = ("Experts recommend a ban on the sale. Protesters demand an inquiry. "
              "The committee's recommendation is a tax on sugar.")
    assert _shares(policy)["frame_policy_prescription"] == 1.0


def test_titles_of_games_are_no_frame():
    # titles holding a cue word ("Red Dead Redemption", "Call of Duty") are names, only where written capitalised
    games = "Red Dead Redemption 2 runs at 30fps on Stadia. Call of Duty and God of War sold well. Resident Evil returns."
    columns = _shares(games)
    assert columns["frame_health_safety"] == columns["frame_morality"] == columns["frame_security_defense"] == 0.0
    assert _shares("Red dead leaves covered the path. Two men were found dead.")["frame_health_safety"] == 1.0


def test_not_in_wordings_of_a_custom_lexicon(tmp_path: Path):
    path = tmp_path / "frames.csv"
    path.write_text("frame,cue,note,near,not_near,not_in\neconomic,bank*,,,,river/west bank*|Bank of England\n",
                    encoding="utf-8")
    cues = load_frame_cues(path)
    from analysis.frames import frame_profile
    text = "They sat on the river bank. The West Bank is disputed. The bank of england rose. A river bank and a bank loan."
    _, touched, matched, _ = frame_profile(context_for(text), cues)
    # the third sentence writes the name in lower case; the fourth holds the cue outside its not_in wording too
    assert touched["economic"] == 2 and matched["economic"] == {"bank*": 2}
    assert "not_in" in frames_table(cues).columns
    path.write_text("frame,cue,not_in\neconomic,bank*,money market\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="contain no 'bank\\*'"):
        load_frame_cues(path)


def test_not_in_cells_read_alike_in_frame_cues_and_the_loaded_lexicon():
    """One expansion (lexicon_csv.expand_wordings) for both lexicons: a capital counts on every word written so,
    and a wording splits into words as the text does."""
    from analysis.frames import not_in_wordings
    from analysis.lexicon import expand_not_in
    cell = "Red-Dead|heart/panic attack*|iPhoneを販売"
    frames = not_in_wordings(cell)
    loaded = expand_not_in(cell)
    assert [wording.capitals for wording in frames] == [capitals for _, capitals in loaded] == [(0, 1), (), (), ()]
    assert frames[0].words == ("red", "dead") and frames[3].words == ("iphone", "を", "販", "売")
    assert [wording.prefix for wording in frames] == [tuple(kind == "prefix" for kind, _ in words) for words, _ in loaded]
    assert not_in_wordings("") == () and expand_not_in("") == []
    with pytest.raises(ValueError):
        not_in_wordings("heart attack||Red Dead")


def test_a_tie_goes_to_the_frame_the_body_reaches_first():
    # Legality and crime on 2 sentences and 2 cue matches each: the headline's frame (crime) leads.
    text = ("Is Football Violence a Crime? NFL assaults have led to lawsuits before. "
            "But a prosecutor would have difficulty proving a charge in court. The quarterback was not hurt.")
    columns = _shares(text)
    assert columns["frame_legality"] == columns["frame_crime_punishment"] == 0.5
    assert columns["frame_primary"] == "crime_punishment"
    counts = {**dict.fromkeys(FRAMES, 0), "legality": 3, "political": 3}
    assert primary_frame(20, counts, {"legality": 4, "political": 4}, {"legality": 5, "political": 2}) == "political"
    assert primary_frame(20, counts, {"legality": 4, "political": 4}, {"legality": 2, "political": 2}) == ""


def test_frame_profile_of_an_empty_body():
    contribution = framing.analyze_document(context_for(""))
    assert contribution.columns["frame_economic"] == 0.0
    assert contribution.columns["frame_primary"] == ""
    assert contribution.columns["actor_statements"] == 0


# --- distinctive terms ------------------------------------------------------------------------------

def test_fightin_words_signs_and_ranking():
    vocabulary = ["invasion", "operation", "meeting"]
    counts = sparse.csr_matrix(np.array([[12, 0, 5], [0, 12, 5], [1, 1, 5]]))
    prior = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    scored = fightin_words(counts, vocabulary, [0, 1, 2], prior)
    assert scored[0][0][0] == "invasion" and scored[0][0][1] > 1.96
    assert scored[1][0][0] == "operation"
    assert all(term != "meeting" or z < 1.0 for term, z, _, _ in scored[0])
    assert fightin_words(counts, vocabulary, [0], prior) == {0: []}


# --- comparisons ------------------------------------------------------------------------------------

def test_comparison_row_handles_missing_figures_and_lists_differences():
    row_a = {"doc_id": "a", "loaded_per_1k_words": 4.0, "flesch_reading_ease": None}
    row_b = {"doc_id": "b", "loaded_per_1k_words": "", "flesch_reading_ease": 50.0}
    feat_a = {"naming": [{"referent": "war_in_ukraine", "term": "invasion", "count": 2, "voice": "authorial"}],
              "actors": [("viktor orban", "Viktor Orban", "person", 1, 0), ("kremlin", "Kremlin", "organization", 1, 0)],
              "frames": {"economic": 0.5}}
    feat_b = {"naming": [{"referent": "war_in_ukraine", "term": "special military operation", "count": 1, "voice": "authorial"}],
              "actors": [("viktor orban", "Viktor Orbán", "person", 0, 2), ("vladimir putin", "Vladimir Putin", "person", 1, 0)],
              "frames": {"economic": 0.1}}
    row = framing.comparison_row("E1", row_a, row_b, feat_a, feat_b, 0.5)
    assert row["loaded_per_1k_a"] == 4.0 and row["loaded_per_1k_b"] is None and row["loaded_per_1k_diff"] is None
    assert row["flesch_reading_ease_diff"] is None
    assert row["naming_differences"] == "war_in_ukraine: invasion vs special military operation"
    assert row["actors_only_a"] == "" and row["actors_only_b"] == "Vladimir Putin"
    assert row["actors_shared"] == "Viktor Orban"
    assert row["frame_largest_gap"] == "economic +0.40"


# --- the seeds through the pipeline -------------------------------------------------------------------

def _naming_of(results, prefix: str):
    doc_id = seed_row(results, prefix)["doc_id"]
    naming = results.naming
    return naming[naming["doc_id"] == doc_id]


def test_seed_naming(seed_results):
    n000 = _naming_of(seed_results, "000")
    smo = n000[n000["term"] == "special military operation"]
    assert list(smo["voice"]) == ["attributed"]  # "what Moscow called a special military operation"
    n001 = _naming_of(seed_results, "001")
    assert {"Kyiv regime", "Russo-Ukrainian conflict", "RFE/RL"} <= set(n001["term"])
    n002 = _naming_of(seed_results, "002")
    assert {"tête-à-tête", "emergency meeting"} <= set(n002["term"])
    n004 = _naming_of(seed_results, "004")
    assert "invasion" in set(n004["term"])
    assert (seed_results.naming["event_id"] != "").all()
    assert {"event_id", "referent", "doc_id", "term", "count", "voice"} <= set(seed_results.naming.columns)


def test_seed_tables_have_the_framing_outputs(seed_results):
    documents = seed_results.documents
    assert {"frame_security_defense", "frame_primary", "actors", "attribution_verbs", "naming_terms"} <= set(documents.columns)
    comparisons = seed_results["comparisons"]
    pairs = {tuple(sorted((a, b))) for a, b in zip(comparisons["doc_a"], comparisons["doc_b"])}
    d = {p: seed_row(seed_results, p)["doc_id"] for p in ("000", "001", "002", "004")}
    assert pairs == {tuple(sorted((d["001"], d["002"]))), tuple(sorted((d["000"], d["004"])))}
    assert {"similarity", "loaded_per_1k_diff", "flesch_reading_ease_diff", "naming_differences", "actors_only_a", "actors_only_b"} <= set(comparisons.columns)
    distinctive = seed_results["distinctive_terms"]
    assert set(distinctive["doc_id"]) == set(d.values())  # 003 is alone in its event
    frames = seed_results["frames"]
    assert len(frames) == 5 * 14


def test_analyze_document_is_deterministic():
    text = "Orbán said the meeting was useful. The invasion, he claimed, was a crisis."
    first = framing.analyze_document(context_for(text))
    second = framing.analyze_document(context_for(text))
    assert first.columns == second.columns and first.rows == second.rows and first.features == second.features


def test_regroup_events_from_tables(seed_results):
    d = {p: seed_row(seed_results, p)["doc_id"] for p in ("000", "001", "002", "003", "004")}
    # Without overrides the tables alone reproduce the pipeline's grouping.
    same = framing.regroup_events(seed_results, {})
    assert dict(zip(same.documents["doc_id"], same.documents["event_id"])) == dict(zip(seed_results.documents["doc_id"], seed_results.documents["event_id"]))
    moved = framing.regroup_events(seed_results, {d["003"]: "alaska", "002_8e7772f6ae1d8915.txt": "alaska", d["000"]: "moscow", d["004"]: "moscow"})
    events = dict(zip(moved.documents["doc_id"], moved.documents["event_id"]))
    assert events[d["003"]] == events[d["002"]] == "alaska"
    assert events[d["000"]] == events[d["004"]] == "moscow"
    automatic = dict(zip(seed_results.documents["doc_id"], seed_results.documents["event_id"]))
    assert events[d["001"]] == automatic[d["001"]] == "E2", "a document the file does not name keeps its automatic event id"
    pairs = {tuple(sorted((a, b))) for a, b in zip(moved.comparisons["doc_a"], moved.comparisons["doc_b"])}
    assert pairs == {tuple(sorted((d["002"], d["003"]))), tuple(sorted((d["000"], d["004"])))}
    assert set(moved.naming[moved.naming["doc_id"] == d["002"]]["event_id"]) == {"alaska"}
    assert set(moved.distinctive_terms["event_id"]) == {"alaska", "moscow"}  # 001 is now alone


def test_frame_profile_equals_trying_every_cue_at_every_word(tmp_path: Path):
    # One-word hits come from a per-word cache and longer cues are only tried where they can start:
    # the result must be what trying every cue at every word gives.
    import pickle
    from collections import Counter

    from analysis.frames import _frames_at, frame_profile
    from analysis.naming import body_word_indexes

    path = tmp_path / "frames.csv"
    path.write_text("frame,cue\neconomic,price*\neconomic,trade war\neconomic,cost of living\nsecurity_defense,war\n"
                    "security_defense,troop*\nlegality,de jure*\nlegality,court\nmorality,double stand*\n"
                    "health_safety,public health care*\nhealth_safety,public safety\n", encoding="utf-8")
    cues = load_frame_cues(path)
    text = ("Prices rose in the trade war on public health careers, public healthy public safety. Troops left the court de jureship. Double standards, double stand. "
            "The cost of living: war.\nBoilerplate here on prices.\nA trade. War at the end")
    context = context_for(text, boilerplate=((text.index("Boilerplate"), text.index("A trade")),))
    indexes = body_word_indexes(context)
    sentences, touched, matched, _ = frame_profile(context, cues)

    tokens, body = context.tokens, set(indexes)
    expected_touched, expected_matched = Counter(), {}
    for start, end in tokens.sentence_spans:
        if context.segmentation.in_boilerplate(start, end):
            continue
        folded = [context.folded_words[i] for i, (s, e) in enumerate(tokens.word_spans) if i in body and s >= start and e <= end]
        hits = set().union(*[_frames_at(folded, k, cues) for k in range(len(folded))])
        expected_touched.update({frame for frame, _ in hits})
        for frame, cue in hits:
            expected_matched.setdefault(frame, Counter())[cue] += 1
    assert sentences == 6
    assert {f: n for f, n in touched.items() if n} == dict(expected_touched)
    assert {f: c for f, c in matched.items() if c} == expected_matched
    assert matched["economic"] == Counter({"price*": 1, "trade war": 1, "cost of living": 1})
    assert matched["legality"] == Counter({"court": 1, "de jure*": 1})
    assert matched["morality"] == Counter({"double stand*": 1})
    assert matched["health_safety"] == Counter({"public health care*": 1, "public safety": 1})
    # The per-word cache is filled, but not pickled (resources travel to worker processes).
    assert cues.word_hits("prices") == (("economic", "price*"),)
    copy = pickle.loads(pickle.dumps(cues))
    assert copy == cues and copy._word_hits == {} and copy.word_hits("war") == (("security_defense", "war"),)


def test_body_words_are_those_outside_boilerplate():
    text = "One two three. Menu item x. Four five-six seven. Share this. Eight"
    ranges = ((text.index("Menu"), text.index("Four")), (text.index("five") + 2, text.index("five") + 4), (text.index("Share"), text.index("Eight")))
    context = context_for(text, boilerplate=ranges)
    from analysis.naming import body_word_indexes

    expected = [i for i, (s, e) in enumerate(context.tokens.word_spans) if not context.segmentation.in_boilerplate(s, e)]
    assert body_word_indexes(context) == expected
    assert context.body_words == len(expected)
    assert [context.tokens.words[i] for i in expected] == ["One", "two", "three", "Four", "six", "seven", "Eight"]
    assert body_word_indexes(context_for(text)) == list(range(len(context.tokens.word_spans)))


# --- corpus step on compact state -----------------------------------------------------------------

def _state_and_features(seed_results):
    rows, features = framing.features_from_results(seed_results)
    state = framing.CorpusState()
    for row in rows:
        state.add(row, features[row["doc_id"]])
    return rows, features, state


def test_corpus_state_distinctive_terms_equal_the_whole_matrix_computation(seed_results):
    from sklearn.feature_extraction.text import CountVectorizer

    from analysis import events

    rows, features, state = _state_and_features(seed_results)
    bodies = [features[row["doc_id"]]["event_body"] for row in rows]
    vectorizer = CountVectorizer(token_pattern=events.TOKEN_PATTERN, lowercase=False)
    counts = vectorizer.fit_transform(bodies).tocsr()
    vocabulary = list(vectorizer.get_feature_names_out())
    prior = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    event_ids = state.event_ids()
    members: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        members.setdefault(event_ids[row["doc_id"]], []).append(index)
    expected = []
    for event_id, indexes in sorted(members.items(), key=lambda kv: kv[1][0]):
        scored = fightin_words(counts, vocabulary, indexes, prior)
        for index in indexes:
            expected += [(event_id, rows[index]["doc_id"], term, z, count, others) for term, z, count, others in scored[index]]
    got = [(r["event_id"], r["doc_id"], r["term"], r["z_score"], r["count"], r["count_others"])
           for table, batch in state.rows() if table == "distinctive_terms" for r in batch]
    assert got == expected and len(got) > 20


def test_corpus_state_yields_tables_event_by_event_and_keeps_no_text(seed_results):
    rows, features, state = _state_and_features(seed_results)
    batches = list(state.rows())
    tables = [table for table, _ in batches]
    assert tables == sorted(tables, key=["comparisons", "distinctive_terms", "naming"].index)
    for table, batch in batches:
        if table != "naming":
            assert len({r["event_id"] for r in batch}) == 1, "a batch spans one event"
    whole = framing.analyze_corpus(rows, features)
    for table in ("naming", "distinctive_terms", "comparisons"):
        assert [r for t, batch in batches if t == table for r in batch] == whole.rows[table]
    body = features[rows[0]["doc_id"]]["event_body"]
    assert len(body) > 200
    kept = [state.record(i) for i in range(len(state))]
    assert not any(body in repr(record) for record in kept), "no body text is kept"


def test_spilled_corpus_state_equals_the_in_memory_one(seed_results, tmp_path, monkeypatch):
    from analysis import events

    monkeypatch.setattr(events, "MAX_EXACT", 3)  # events clustered in blocks: rows read in date order
    rows, features, memory = _state_and_features(seed_results)
    spilled = framing.CorpusState(spill=tmp_path / "corpus")
    for row in rows:
        spilled.add(row, features[row["doc_id"]])
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["body.rows", "lead.rows", "records.pickles"]
    assert isinstance(memory._records, list) and not isinstance(spilled._records, list)
    n = len(memory)
    assert [spilled.record(i) for i in range(n)] == [memory.record(i) for i in range(n)]
    assert spilled.records([n - 1, 0, 2, 2, 1]) == memory.records([n - 1, 0, 2, 2, 1])
    assert np.array_equal(spilled.vectors()[list(range(n))].toarray(), memory.vectors()[list(range(n))].toarray())
    assert spilled.event_ids() == memory.event_ids()
    assert list(spilled.rows()) == list(memory.rows())
    spilled.close()
    assert not list((tmp_path / "corpus").iterdir()), "close() removes the files"
