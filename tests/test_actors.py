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


def test_words_capitalised_only_by_opening_a_sentence_are_not_names():
    actors = _by_name(
        "Whatever Apple did for key stability was moved to the new model. We've said this before. "
        "Having said that, the keys work. It's maintained a boycott. Others reported long waits. "
        "Other victims spoke up. Victims said the letter was ignored."
    )
    assert not {"Whatever Apple", "We've", "Having", "It's", "Others", "Victims"} & set(actors)


def test_quotation_openers_places_and_initials_are_not_speakers():
    actors = _by_name(
        'The letter, addressed to the bishops, said, "Thank you for your concern." '
        "The US Embassy in New Delhi maintains its own monitor. "
        '"He will never harm a child again," said U.S. Attorney Nealy Cox. '
        "Campos was due on local Las Vegas television. "
        "David Hickey, a spokesman for the union, said he got a text from him."
    )
    assert not {"Thank", "New Delhi", "U", "Las Vegas"} & set(actors)
    assert set(actors) <= {"David Hickey", "Nealy Cox"}


def test_bodies_and_publications_are_not_persons():
    actors = _by_name(
        "The World Health Organization reported that the air was unsafe. The Sun reported: officials were worried. "
        "In 2015 the Italian newspaper Il Fatto Quotidiano published a video. He warned them. "
    )
    assert actors["World Health Organization"].kind == "organization"
    assert actors["Sun"].kind == "organization"
    assert "Il Fatto Quotidiano" not in actors and "Organization" not in actors


def test_registry_countries_and_outlets_named_alone_are_not_persons():
    from dataclasses import replace

    from analysis.registry import load_registry

    context = context_for("Canada said it would respond. Politico reported the talks stalled.")
    context = replace(context, resources=replace(context.resources, registry=load_registry()))
    actors = {a.name: a for a in find_actors(context)}
    assert actors["Canada"].kind == "organization"
    assert actors["Politico"].kind == "outlet"


def test_titles_and_short_first_names_merge_into_the_full_name():
    actors = _by_name(
        "Bishop Juan Barros denied it. Bishop Barros said he was innocent. "
        "Joshua Apte explained the data. Then Josh Apte posted a chart. \"It overflows,\" Apte said. "
        "GOA Executive Director Erich Pratt wrote to members."
    )
    assert actors["Juan Barros"].verbs == ("deny", "say") and "Bishop Barros" not in actors
    assert dict(actors["Joshua Apte"].verb_counts) == {"explain": 1, "post": 1, "say": 1} and "Josh Apte" not in actors
    assert actors["Erich Pratt"].kind == "person"


def test_a_pronoun_after_an_unnamed_speaker_is_not_the_last_person_named():
    actors = _by_name(
        "They were due to march in Woolwich, where Drummer Lee Rigby was killed. "
        'A government spokesman said the speakers were barred. He added: "We condemn all hate." '
        "EDL leader Tommy Robinson criticised the ban and said the bloggers would lay flowers where Drummer Rigby died. "
        '"It is embarrassing," he said.'
    )
    assert not any("Rigby" in name for name in actors)
    assert actors["Tommy Robinson"].verbs == ("criticize", "say") or "say" in actors["Tommy Robinson"].verbs


def test_leaders_and_possessed_names_keep_the_person():
    actors = _by_name(
        "Senate Majority Leader Mitch McConnell said the vote would wait. The Hill's John Solomon reported on Wednesday. "
        "Officials at Treasury's Office of Foreign Assets Control asked two banks for records."
    )
    assert actors["Mitch McConnell"].kind == "person"
    assert actors["John Solomon"].kind == "person"
    assert "Assets Control" not in actors


def test_a_middle_initial_stays_inside_the_name():
    actors = _by_name(
        'Sen. Charles E. Grassley, the committee chairman, said the hearing would go ahead. '
        '"We will vote on Friday," he said. '
        'E. Jean Carroll told reporters she was ready. NATO officials said nothing.'
    )
    assert "Charles E" not in actors
    grassley = actors["Charles E. Grassley"]
    assert grassley.kind == "person" and grassley.quoted == 1 and "say" in grassley.verbs
    assert actors["E. Jean Carroll"].kind == "person"


def test_a_short_name_merges_only_into_the_one_fuller_name_it_is_part_of():
    actors = _by_name(
        "The bishop, Juan de la Cruz Barros Madrid, was appointed in 2015. Bishop Juan Barros denied it. "
        "Barros claimed he saw nothing. Juan Carlos Cruz said he was there."
    )
    assert "Cruz Barros" not in actors
    assert actors["Juan Barros"].verbs == ("claim", "deny")
    assert actors["Juan Carlos Cruz"].verbs == ("say",)
    two = _by_name(
        "Kritarch Saris has struck again. Chief Judge Patti Saris of the US District Court wrote an order. "
        '"The government broke a promise," Saris said.'
    )
    assert "Kritarch Saris" not in two  # two fuller names end with "Saris": none is picked, no name is built
    three = _by_name(
        "James P. Kennedy Jr., the U.S. Attorney, said the case was clear. "
        '"Free speech carries responsibility," Kennedy said in a statement.'
    )
    assert set(three) == {"James P. Kennedy Jr"} and three["James P. Kennedy Jr"].verbs == ("say",)  # one man, one row
    assert two["Saris"].verbs == ("say",)


def test_common_words_nationalities_and_titles_of_works_are_not_persons():
    actors = _by_name(
        "The Leadership Conference of Women Religious met in Rome. Some women were religious sisters. "
        "He complained about the meeting. "
        "Colonna asks what happened to ‘Zero Tolerance’ for offenders. He wrote that data were missing. "
        "The United Nations High Commissioner for Human Rights said the decision broke human rights law. "
        "The Russian and Syrian claims are false, analysts said. Analysts say the camp is empty. "
        "According to the Jordanian government, the border is closed. "
        "It would do you well to look to the Law of God and English Common Law. He said that we are to beware of law."
    )
    for name in ("Women Religious", "Zero Tolerance", "Human Rights", "Syrian", "Jordanian", "Analysts", "English Common Law"):
        assert name not in actors, name
    assert actors["Colonna"].verbs == ("ask", "write")  # the pronoun means the speaker, not the phrase in quotation marks


def test_pronouns_resolve_only_to_persons_and_keep_their_speaker():
    actors = _by_name(
        "The group that owns her music, Big Machine, says she may perform. Taylor Swift posted on Tumblr. "
        "Swift accused Big Machine of blocking her. She claimed the label was wrong. "
        "The company that runs the show, Dick Clark Productions, denies it. WikiLeaks has revealed the cables. "
        'Elizabeth Yore spoke to reporters. Yore is an attorney. "It is mercy for the predators," she told EWTN’s Raymond Arroyo on World Over. '
        '"Everybody knows it," she added. Arroyo agreed.'
    )
    # "She claimed" after "Swift accused Big Machine": the sentence's subject, Swift (the document writes the familiar
    # word as Taylor Swift's surname), not the label named after it
    assert actors["Taylor Swift"].verbs == ("accuse", "claim", "post")
    assert actors["Big Machine"].verbs == ("say",)
    assert actors["Dick Clark Productions"].kind == "organization" and actors["WikiLeaks"].kind == "organization"
    assert actors["Elizabeth Yore"].verbs == ("add", "tell") and "World Over" not in actors and "Raymond Arroyo" not in actors


def test_a_pronoun_of_the_other_gender_does_not_resolve_to_the_same_person():
    actors = _by_name(
        "Archbishop Jose Rodriguez Carballo slammed the sisters. He complained that he had been shunned. "
        "I spoke with the superior of a Benedictine house. She said the tests were useless."
    )
    assert actors["Jose Rodriguez Carballo"].verbs == ("complain", "slam")


def test_one_capitalised_word_is_a_person_only_on_evidence():
    actors = _by_name(
        "In September Amazon announced a slew of devices. Amazon said sales were strong. "
        "Article posted with permission from the author. "
        "Sheriff Lombardo met reporters on Monday. Lombardo said the gunman acted alone. "
        '"He left," Stevens said. He added that the man was gone. '
        "Chief Judge Patti Saris of the District Court and Kritarch Saris are in the news. Saris wrote an order. "
        "Haynes said the board was wrong. Mr. Haynes is a lawyer. Kavanaugh also said he would cooperate. "
        "Google said it would appeal. Cruz told Arroyo the letter was sent. Scicluna will meet Cruz, who was hurt."
    )
    assert "Amazon" not in actors and "Article" not in actors  # a brand and a page label, nothing says persons
    assert actors["Lombardo"].kind == "person"  # titled elsewhere
    assert actors["Stevens"].kind == "person" and actors["Stevens"].verbs == ("add", "say")  # a "he" refers back
    assert actors["Saris"].kind == "person"  # the surname of a person named in full
    assert actors["Haynes"].kind == "person"  # titled after the statement
    assert actors["Kavanaugh"].kind == "person" and "Google" not in actors  # "he" for a person, "it" for a thing
    assert actors["Cruz"].kind == "person"  # "who" for a person, "which" for a thing


def test_a_pronoun_means_the_one_person_opening_the_sentence_before():
    actors = _by_name(
        "Has the move been welcomed? Ryan Petty, whose daughter was among those killed, hailed the vote in a tweet. "
        'He said: "Today\'s vote is just the beginning." '
        "Taylor Swift’s label Big Machine answered. She said the claim was false. "
        "Swift accused Big Machine of blocking her. She claimed the label was wrong. "
        "Andrew Pollack, a father, thanked Scott for the vote. He said it was a start. "
        '"Well that was Eric Holder, who left," he wrote. He asked the board to act.'
    )
    assert actors["Ryan Petty"].verbs == ("say",) and actors["Ryan Petty"].quoted == 1
    assert "Andrew Pollack" not in actors  # another name in the sentence before ("Scott") may be the one meant
    assert "Eric Holder" not in actors  # a name inside a quotation
    # a possessor opening the sentence before, or a thing named after its subject, is not what a pronoun means
    assert "Big Machine" not in actors and actors["Taylor Swift"].verbs == ("accuse", "claim")  # "She claimed": Swift


def test_a_pronoun_does_not_reach_past_a_sentence_led_by_a_surname():
    # The inquiry names "Juan Carlos"; the next sentence is about Arroyo and Cruz: "he said" is one of them, whom
    # the text names by surname only, not "Juan Carlos" (the same man, Juan Carlos Cruz, under a second name).
    actors = _by_name(
        "Bishop Juan Barros was appointed in 2015. Elizabeth Yore spoke to Raymond Arroyo on Monday. A judicial inquiry found all the victims, including the "
        "letter’s author Juan Carlos, to be credible. Arroyo spoke with Cruz as well. "
        "He’d testified about three bishops, he said, but Barros mattered more. "
        "Mary Steenburgen wrote a letter. Steenburgen wasn’t thrilled. “I couldn’t focus,” she said."
    )
    assert "Juan Carlos" not in actors
    assert actors["Mary Steenburgen"].verbs == ("say", "write")  # the surname of the last speaker leads: still her


def test_role_means_a_person_given_that_title_not_the_last_person_named():
    actors = _by_name(
        "President Donald Trump took to Twitter on Wednesday. He attacked Senator Robert Mueller in a long thread. "
        "‘Attorney General Jeff Sessions should stop this now,’ the president tweeted."
    )
    assert "Robert Mueller" not in actors
    assert "tweet" in actors["Donald Trump"].verbs


def test_names_inside_a_quotation_are_no_antecedent_of_a_pronoun():
    actors = _by_name(
        "Donald Trump criticized the attorney general, tweeting that the probe went on ‘because Jeff Sessions didn’t tell me.’ "
        "‘So much time and money wasted,’ he added."
    )
    assert "Jeff Sessions" not in actors
    assert "add" in actors["Donald Trump"].verbs


def test_verbs_mostly_not_speech_report_only_before_a_statement():
    actors = _by_name(
        "While talks go on, the US maintains existing tariffs for future leverage. Ford recalled 40,000 cars on Monday. "
        "Viktor Orbán maintained that the sanctions had failed. "
        "“We were young then,” Angela Merkel recalled."
    )
    assert "US" not in actors and "Ford" not in actors
    assert actors["Viktor Orbán"].verbs == ("maintain",)
    assert actors["Angela Merkel"].verbs == ("recall",)


def test_organisations_job_words_and_places_before_a_name_are_not_the_name():
    actors = _by_name(
        "Judicial Watch Senior Investigator Bill Marshall said the files were missing. "
        "Special Counsel Robert Mueller said the inquiry went on. "
        "U.S. Ambassador to Ukraine Marie Yovanovitch said she was surprised. "
        "America First Action said it would spend more."
    )
    assert actors["Bill Marshall"].kind == "person"
    assert actors["Robert Mueller"].kind == "person"
    assert actors["Marie Yovanovitch"].kind == "person"
    assert actors["America First Action"].kind == "organization"


def test_a_sentence_opening_participle_is_no_first_name():
    actors = _by_name(
        "Apple CEO Tim Cook toured the plant. Hosting Cook at the plant on Monday, Donald Trump said the factory was great. "
        "Cook said the jobs would stay. Alexander Vindman testified on Tuesday. Questioning Vindman, Jim Jordan said the "
        "call was fine. Vindman said it was not."
    )
    assert actors["Tim Cook"].verbs == ("say",) and "Cook" not in actors
    assert actors["Alexander Vindman"].verbs == ("say",) and "Vindman" not in actors


def test_hyphenated_first_names_and_surnames_stay_whole():
    actors = _by_name(
        "Sui-Lee Wee reported from Beijing on Monday. Jean-Claude Juncker said the deal was done. "
        "Alexandria Ocasio-Cortez said the plan was bold. Ocasio-Cortez added that it was fair."
    )
    assert actors["Sui-Lee Wee"].verbs == ("report",)
    assert actors["Jean-Claude Juncker"].verbs == ("say",)
    assert actors["Alexandria Ocasio-Cortez"].verbs == ("add", "say")
    assert not {"Lee Wee", "Claude Juncker", "Cortez"} & set(actors)


def test_a_generation_is_no_acronym():
    actors = _by_name("Edward E. Curtis IV, the author of a history of the movement, said that estimates ranged widely. "
                      "But he said that millions sympathized.")
    assert actors["Edward E. Curtis IV"].kind == "person"


def test_a_role_means_the_person_an_apposition_describes_so():
    actors = _by_name(
        "Viktor Orban, the prime minister of Hungary, indicated in a recent interview that he met Putin. "
        "The Hungarian prime minister described the meeting as frank. Orban has led Hungary since 2010."
    )
    assert actors["Viktor Orban"].verbs == ("describe", "indicate")


def test_the_last_letter_of_a_dotted_abbreviation_is_no_initial():
    actors = _by_name(
        "Thomas Weinandy was sacked. In a letter, Fr.\nWeinandy, a former chief of staff for the U.S. Bishops’ "
        "Committee on Doctrine, warned Pope Francis. "
        "“Bishops are quick learners,” he wrote. "
        "The U.S. Securities and Exchange Commission asked WeWork for records. "
        "The D.C. Council asked for records."
    )
    assert not {"S. Bishops", "S. Securities", "C. Council"} & set(actors)
    assert actors["Thomas Weinandy"].verbs == ("warn", "write")  # "he wrote": Weinandy, not the bishops
    # a title written short before a line break, where a text breaks its lines at full stops, still names a person
    hunwicke = _by_name("Some of the criticism has been sharp.\nFr.\nHunwicke wrote this afternoon that it was cheap.")
    assert hunwicke["Hunwicke"].kind == "person"


def test_a_place_ending_a_phrase_before_the_verb_is_no_speaker():
    actors = _by_name(
        "Owen Dempsey of the Aberdeen Royal Infirmary in the UK told the tale of a patient. "
        "Researchers in the Netherlands said the drug worked. "
        "Officials in the Justice Department said nothing."
    )
    assert not {"UK", "Netherlands"} & set(actors)
    assert actors["Justice Department"].kind == "organization"  # a body, not a place, keeps its statement


def test_a_place_and_a_party_in_the_plural_name_a_group_and_an_agent_is_no_speaker():
    actors = _by_name(
        "Minnesota Democrats said the report was fair. Texas Republicans claimed it was not. "
        "A lawyer hired by Karen Monahan says she is unable to substantiate the claim."
    )
    assert actors["Minnesota Democrats"].kind == "organization"
    assert actors["Texas Republicans"].kind == "organization"
    assert "Karen Monahan" not in actors  # the lawyer speaks, not the one who hired her


def test_a_surname_merges_past_a_list_number_opening_a_heading():
    actors = _by_name(
        "Another witness, Alexander Vindman, is the Ukraine expert.\n"
        "4. Questioning Vindman's judgment\n"
        "Morrison said Vindman did not come to him. Vindman denied leaking information."
    )
    assert "Vindman" not in actors and "Questioning Vindman" not in actors
    assert actors["Alexander Vindman"].verbs == ("deny",)


def test_a_county_is_no_person():
    actors = _by_name("Broward County said it would appeal the ruling.")
    assert actors["Broward County"].kind == "organization"


def test_a_pronoun_after_a_person_named_in_its_sentence_is_left_unresolved():
    actors = _by_name(
        "Pope Francis met the bishops on Monday. Francis said the talks were useful. "
        "We think you ignore your brother Bishop Nona Amel, Archbishop of Mosul in exile, when he tells us that the sufferings go on."
    )
    assert all("tell" not in a.verbs for a in actors.values())


def test_a_leading_preposition_is_no_part_of_a_name():
    actors = _by_name("LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal. "
                      "“I just play the game the right way,” James said after the win.")
    assert set(actors) == {"LeBron James"}
    assert actors["LeBron James"].quoted == 1
    assert not _by_name("Trump To Jeff Sessions said it was over.")  # a headline: a preposition inside names no one


def test_the_actors_table_names_hyphenated_speakers_whole():
    # the citations table takes these names as they are (analysis.outlets no longer completes them)
    assert set(_by_name('Hibernation is not possible yet, research team head Jennifer Ngo-Anh says the idea "is not so crazy."')) == {"Jennifer Ngo-Anh"}
    # written alone, the hyphenated name is one speaker's, not "Weeks" (whom Anna Weeks could be too)
    actors = _by_name("Burnadette Norris-Weeks is a lawyer. “It is wrong,” Norris-Weeks said. Anna Weeks agreed.")
    assert set(actors) == {"Burnadette Norris-Weeks"} and actors["Burnadette Norris-Weeks"].quoted == 1
    assert set(_by_name("The plants grew well. Ngo-Anh said she was pleased.")) == {"Ngo-Anh"}
    assert set(_by_name("The plants grew well, said Ngo-Anh, who leads the team.")) == {"Ngo-Anh"}
    assert set(_by_name("Dr. Ngo-Anh leads the team. Ngo-Anh said the plants grew well.")) == {"Ngo-Anh"}


def test_a_title_written_short_before_a_full_stop_names_a_person():
    assert _by_name("Capt. Lombardo met reporters on Monday. Lombardo said the gunman acted alone.")["Lombardo"].kind == "person"
    # a title in lower case at a sentence's end is no title of the next sentence's first word
    assert "Lombardo" not in _by_name("He was named the new chief. Lombardo said the gunman acted alone.")


def test_a_surname_reaches_a_name_with_a_generation_after_it():
    # "Kennedy" opening a sentence is the surname of "James P. Kennedy Jr.", as it is for a plain "James P. Kennedy"
    actors = _by_name("U.S. Attorney James P. Kennedy Jr. met the reporters on Monday. Kennedy spoke with Cruz for an hour. "
                      "He said the case was closed.")
    assert [(name, a.verbs) for name, a in actors.items()] == [("James P. Kennedy Jr", ("say",))]


def test_accounts_countries_and_places_are_no_speakers():
    from dataclasses import replace

    from analysis.registry import load_registry

    def speakers(text: str) -> set[str]:
        context = context_for(text)
        context = replace(context, resources=replace(context.resources, registry=load_registry()))
        return {a.name for a in find_actors(context)}

    assert speakers("Douglas Haig’s @LinkedIn Account says he also has “DOD Top secret clearance” on top of that.\n") == set()
    assert speakers("North Korea noted that the talks failed.\n") == set()
    assert speakers("A team in Greenbelt, Maryland, has confirmed traces of water vapor. Maryland said it was glad.\n") == set()
    assert speakers("One homework assignment in Walton County, Georgia, stated: “Allah is the one worshiped by all.”\n"
                    "Meanwhile, Georgia parent Michelle King noted that it was wrong.\n") == {"Michelle King"}
    text = ("Nobody knows what happened in Las Vegas in October. “It is not consistent,” said Las Vegas attorney Maggie McLetchie.\n"
            "“It was a shock,” said Las Vegas Review-Journal editor Keith Moyer.\n")
    assert speakers(text) == {"Maggie McLetchie", "Keith Moyer"}  # a place or body before a title qualifies it


def test_a_name_written_family_name_first_is_kept_and_its_family_name_means_it():
    # "Lu said" is Lu Kang (a Chinese name: family name first), not a speaker the text never completes
    actors = _by_name("Foreign Ministry spokesman Lu Kang met the press. China has done its part, Lu said.")
    assert set(actors) == {"Lu Kang"} and actors["Lu Kang"].verb_counts == (("say", 1),)
    actors = _by_name("President Moon Jae-in met the envoys. Moon said the talks went well.")
    assert set(actors) == {"Moon Jae-in"}
    actors = _by_name('North Korean leader Kim Jong-un met Trump. "We leave the past behind," Kim said.')
    assert set(actors) == {"Kim Jong-un"}
    # the given name alone is no longer read as the family name; a Western name keeps its surname last
    assert "Lu Kang" not in _by_name("Lu Kang met the press. Kang said it went well.")
    assert "Lee Rigby" not in _by_name("Drummer Lee Rigby was killed in Woolwich. Lee said he was sad.")


def test_a_place_ending_a_title_is_no_part_of_the_name_after_it():
    assert set(_by_name("U.S. ambassador to Ukraine Bill Taylor said the aid was withheld.")) == {"Bill Taylor"}
    assert set(_by_name('"The aid was withheld," said Ukraine envoy Bill Taylor.')) == {"Bill Taylor"}
    assert set(_by_name("The top U.S. diplomat in Ukraine Bill Taylor said the aid was withheld.")) == {"Bill Taylor"}
    # no title before the place: the words stay together
    assert "Bill Taylor" not in _by_name("He spoke in Ukraine Bill Taylor said.")


def test_a_pronoun_does_not_reach_over_a_paragraph_of_the_authors_own():
    vaz = 'Keith Vaz said: "I welcome the ban.\n\nThis is the right decision."\n\n'
    aside = "The way to gauge those who take ground is to see who is in trouble.\n\n"
    robinson = '"It is embarrassing," he said.'
    assert _by_name(vaz + aside + robinson)["Keith Vaz"].verb_counts == (("say", 1),)
    # the quotation's own paragraphs between do not count, nor does a paragraph of the same speaker
    assert _by_name(vaz + robinson)["Keith Vaz"].verb_counts == (("say", 2),)
    assert _by_name("Keith Vaz said the ban was right.\n\n" + robinson)["Keith Vaz"].verb_counts == (("say", 2),)


def test_a_media_role_is_a_title_before_a_name():
    assert set(_by_name("Fox News Host Sean Hannity said the vote was rigged.")) == {"Sean Hannity"}
    assert set(_by_name('"The vote was rigged," said Fox News host Sean Hannity.')) == {"Sean Hannity"}
    assert set(_by_name("CNN Anchor Jake Tapper asked whether it was true.")) == {"Jake Tapper"}


def test_an_outlets_beat_title_before_a_name_names_the_person():
    # "Insider" is a title between an outlet's name and a person's, not in an outlet's own name
    actors = _by_name("CBS Sports NFL Insider Jason La Canfora reported the trade on Sunday.")
    assert set(actors) == {"Jason La Canfora"} and actors["Jason La Canfora"].kind == "person"
    assert "Intelligence" not in _by_name("Business Insider Intelligence said sales rose.")


def test_a_letter_named_street_is_no_person():
    assert _by_name("J Street said the remarks were antisemitic.")["J Street"].kind == "organization"
    assert _by_name("J Street President Jeremy Ben-Ami said it was wrong.")["Jeremy Ben-Ami"].kind == "person"


def test_an_outlet_name_is_no_person():
    from dataclasses import replace

    from analysis.registry import load_registry

    assert _by_name("Daily Wire reported the story on Monday.")["Daily Wire"].kind == "organization"
    # a name of the outlet registry, read so in running text, is the outlet's with no outlet word too
    context = context_for("Rodong Sinmun reported that the talks failed.")
    context = replace(context, resources=replace(context.resources, registry=load_registry()))
    assert {a.name: a.kind for a in find_actors(context)} == {"Rodong Sinmun": "outlet"}
    # and a body's name before a possessive qualifies the person after it
    assert set(_by_name("The Daily Sheeple’s Joe Joseph said there is a link.")) == {"Joe Joseph"}
    # nor is it the person a pronoun after it means
    assert "Daily Wire" not in _by_name('“Omar Defends Tweet,” by Frank Camp, Daily Wire, October 28, 2018:\n\n“That is just one segment,” he said.')


def test_a_body_name_after_and_is_no_person_and_its_member_speaks():
    actors = _by_name(
        "Dr. Joneigh Khaldun of the Michigan Department of Health and Human Services says the risk continues. "
        "He says residents should take precautions. The District Court and Kritarch Saris are in the news."
    )
    assert "Human Services" not in actors
    assert actors["Joneigh Khaldun"].paraphrased == 2


def test_names_after_from_or_in_a_who_clause_are_no_speakers():
    actors = _by_name(
        "A Muslim politician from Jordan said that the doctrine stems from the book. "
        "A Texas teenager who supports President Trump says he was assaulted at a restaurant."
    )
    assert "Jordan" not in actors and "Trump" not in actors


def test_nationalities_faiths_and_scriptures_are_no_speakers():
    actors = _by_name(
        "One Malaysian Muslim said that the book led him to join. Many think that the Qur’an says exactly that. "
        "He quotes the Letter to the Hebrews saying that there is judgment. "
        "Obey God according to the Word of God, the preacher said."
    )
    assert not {"Malaysian Muslim", "Qur’an", "Hebrews", "Word"} & set(actors)


def test_laments_and_concludes_report_and_a_surname_like_a_word_stays():
    actors = _by_name(
        "Religion author Garry Wills is here to reassure us. "
        "Wills laments “Robert Spencer calling for a ban on the book” (p. 58). "
        "Wills concludes: “The book is not as absolute as this.” The talks concluded on Friday."
    )
    assert actors["Garry Wills"].quoted == 2 and "Spencer" not in str(actors)


def test_a_field_after_a_title_and_a_body_named_by_its_last_word():
    actors = _by_name(
        "The Miami Herald reported that Bay County Supervisor of Elections Mark Andersen said 11 ballots were accepted. "
        "According to the Herald, the governor issued an order."
    )
    assert "Mark Andersen" in actors and "Elections Mark Andersen" not in actors
    assert "Herald" not in actors and actors["Miami Herald"].paraphrased == 2


def test_a_body_described_so_or_named_by_its_trade_is_no_person():
    actors = _by_name(
        "The group that owns most of her music, Big Machine, says she will be allowed to play. "
        "Dow component Home Depot reported earnings that topped estimates."
    )
    assert actors["Big Machine"].kind == "organization" and actors["Home Depot"].kind == "organization"


def test_a_pronoun_prefers_the_subject_of_the_sentence_before():
    actors = _by_name(
        "Republican counsel Steve Castor asked Morrison about concerns within the NSC about Alexander Vindman’s judgment. "
        "He asked Morrison about concerns his predecessor might have had. "
        "Taylor Swift accused the label. Swift said it was unfair. "
        "Taylor Swift's first six albums were released through a label bought by talent manager Scooter Braun. "
        'In a post she described this as the "worst case scenario".'
    )
    assert actors["Steve Castor"].statements == 2 and "Alexander Vindman" not in actors
    assert "describe" in actors["Taylor Swift"].verbs and "Scooter Braun" not in actors


def test_a_speaker_named_before_a_description_set_off_by_commas():
    # '"…," Stafford, a member of the crew, responded': the name before the description is the verb's subject, and a
    # later "he concluded" goes on meaning him, not a person named before
    actors = _by_name(
        "Doug Cooke, a former NASA official, said the plan was risky.\n\n"
        "“We did it with one launch,” Stafford, a member of the Apollo 10 crew, responded. He then referred to "
        "Cooke’s earlier testimony.\n\n"
        "“I’ll have to go with Mr. Cooke,” he concluded.\n"
    )
    assert "conclude" not in actors["Doug Cooke"].verbs
    assert dict(actors["Stafford"].verb_counts) == {"conclude": 1, "respond": 1}
    assert _by_name("Viktor Orban, a member of the party, said the talks failed.")["Viktor Orban"].verbs == ("say",)
    # a name inside a clause before the verb is no subject
    assert "Smith" not in _by_name("The report, which cited Smith, a former aide, said the talks failed. He said so.")


def test_a_pronoun_subject_is_not_the_person_its_sentence_names():
    # "He then referred to Cooke’s testimony": "he" is not Cooke, so a later "he" may mean that other, unnamed person
    actors = _by_name(
        "Doug Cooke said the plan was risky.\n\nHe then referred to Cooke’s earlier testimony. “I agree.”\n\n"
        "“I’ll have to go with him,” he concluded.\n"
    )
    assert actors["Doug Cooke"].verbs == ("say",)
    # the person named again as the subject still answers the pronoun
    actors = _by_name(
        "Doug Cooke said the plan was risky.\n\nCooke then referred to his earlier testimony. “I agree.”\n\n"
        "“I’ll have to go with them,” he concluded.\n"
    )
    assert dict(actors["Doug Cooke"].verb_counts) == {"conclude": 1, "say": 1}


def test_the_sender_of_a_message_says_what_it_says():
    actors = _by_name("Lawyers submitted a letter to him from ICE saying that he would be allowed to leave.")
    assert actors["ICE"].kind == "organization" and actors["ICE"].verbs == ("say",)
    # someone from a place is no sender: the subject is the person before "from"
    assert not _by_name("A politician from Jordan says the deal is dead.")


def test_a_surname_alone_in_the_body_is_completed_by_one_teaser_name():
    teaser = "Related: House Intelligence Committee Chairman Adam Schiff made closing remarks on Tuesday.\n"
    body = "“So you have not fixed the problem?” Schiff asked.\n"
    text = body + teaser
    actors = _by_name(text, boilerplate=((len(body), len(text)),))
    assert list(actors) == ["Adam Schiff"] and actors["Adam Schiff"].mentions == 1  # the body's mentions only
    # two teaser names for the surname may be two persons; a list of tags runs names together: neither completes it
    two = teaser + "Related: Actor Jane Schiff opened her new show on Broadway today.\n"
    assert list(_by_name(body + two, boilerplate=((len(body), len(body + two)),))) == ["Schiff"]
    tags = "Tags: Impeachment Bill Barr Adam Schiff\n"
    assert list(_by_name(body + tags, boilerplate=((len(body), len(body + tags)),))) == ["Schiff"]


def test_registry_countries_end_a_title_before_a_name():
    # "U.S. ambassador to Poland Georgette Mosbacher": the registry's countries are place names for every check
    from dataclasses import replace

    from analysis.registry import load_registry

    context = context_for("U.S. ambassador to Poland Georgette Mosbacher said the talks failed.")
    context = replace(context, resources=replace(context.resources, registry=load_registry()))
    assert [a.name for a in find_actors(context)] == ["Georgette Mosbacher"]


def test_a_familiar_word_the_document_writes_as_a_surname_is_a_subject_for_pronouns():
    # "Young, in his testimony, …": "Young" is Tom Young's surname (not "Yes, …"), so "he said" after it is not the
    # earlier speaker's
    text = ("Tom Stafford said the rocket was needed.\n\nYoung, in his testimony, did not address the rocket. "
            "“Experiments must be excluded,” he said.\n\nThe witnesses were former astronaut Tom Stafford and executive Tom Young.\n")
    actors = _by_name(text)
    assert actors["Tom Stafford"].verb_counts == (("say", 1),) and actors["Tom Young"].verb_counts == (("say", 1),)
    actors = _by_name("Tom Stafford said the rocket was needed.\n\nYes, the rocket is late. “It must fly,” he said.\n")
    assert list(actors) == ["Tom Stafford"] and actors["Tom Stafford"].verb_counts == (("say", 2),)
    # a word inside a body's name ("Richmond High School") is no surname
    actors = _by_name("High school teacher Angela Cooper said pay was low. She said many teachers leave.\n\n"
                      "Joel Schlabach teaches at Richmond High School.\n")
    assert actors["Angela Cooper"].verb_counts == (("say", 2),)


def test_a_role_means_a_person_holding_its_office():
    # the office noun itself, not a word qualifying another office ("Attorney General", "Surgeon General")
    assert not _by_name("Attorney General William Barr spoke on Monday. The general said the troops were ready.")
    assert "John Smith" in _by_name("Major General John Smith spoke on Monday. The general said the troops were ready.")
    assert not _by_name("Surgeon General Jerome Adams spoke on Monday. The general said the troops were ready.")
    assert "Jerome Adams" in _by_name("Surgeon General Jerome Adams spoke on Monday. The surgeon general said no.")
    # "general" after another office's noun makes one office with it: an attorney general is no U.S. attorney
    assert not _by_name("U.S. Attorney Nealy Cox spoke on Monday. The attorney general said the case was closed.")
    assert not _by_name("Inspector Tom Smith spoke on Monday. The inspector general said the case was closed.")
    horowitz = _by_name("Inspector General Michael Horowitz released his report. The inspector general concluded that it was wrong.")
    assert dict(horowitz["Michael Horowitz"].verb_counts) == {"conclude": 1}
    # the same rank: a vice president is no president, a deputy attorney general no attorney general
    assert not _by_name("Vice President Mike Pence spoke on Monday. The president said the talks failed.")
    assert not _by_name("Deputy Attorney General Rod Rosenstein spoke. The attorney general said the talks failed.")
    assert not _by_name("Deputy Attorney General Rod Rosenstein spoke. The deputy director said the talks failed.")
    # every qualifier the role names: the prime minister is no foreign minister, a state senator no secretary of state
    assert not _by_name("Foreign Minister Sergei Lavrov spoke on Monday. The prime minister said the talks failed.")
    assert not _by_name("Secretary of State Mike Pompeo spoke on Monday. The state senator said the talks failed.")
    assert "Sergei Lavrov" in _by_name("Foreign Minister Sergei Lavrov spoke on Monday. The minister said the talks failed.")
    # an office abbreviated before the name is held in full
    assert "Mazie Hirono" in _by_name("Sen. Mazie Hirono of Hawaii spoke on Monday. The senator said the talks failed.")
    assert "Mark Milley" in _by_name("Gen. Mark Milley spoke on Monday. The general said the troops were ready.")
    assert not _by_name("Sen. Mazie Hirono of Hawaii spoke on Monday. The general said the troops were ready.")
    # an office of no particular post still goes by nationality, but not by a qualifier alone
    assert "Vladimir Putin" in _by_name("Russian President Vladimir Putin spoke. The Russian leader said the talks failed.")
    assert not _by_name("Secretary of State Mike Pompeo spoke on Monday. The State Department official said no.")
    assert not _by_name("Foreign Minister Sergei Lavrov spoke on Monday. The foreign ministry official said no.")


def test_a_role_set_off_after_a_name_is_no_earlier_person():
    # "Kuleba, the minister, said": the description is Kuleba's, who is not Lavrov
    actors = _by_name("Foreign Minister Sergei Lavrov spoke on Monday. On Tuesday, Dmytro Kuleba, the minister, said no.")
    assert "Sergei Lavrov" not in actors
    actors = _by_name("Chairman Chuck Grassley spoke on Monday. Late Thursday, Sen. Charles E. Grassley (R-Iowa), "
                      "the Judiciary Committee chairman, said he would consult.")
    assert "Chuck Grassley" not in actors
    # after a phrase naming no person, or a quotation, the role still means the person named before
    assert "Sergei Lavrov" in _by_name("Foreign Minister Sergei Lavrov spoke on Monday. Going further, the minister said no.")
    assert "Sergei Lavrov" in _by_name('Foreign Minister Sergei Lavrov spoke on Monday. "No," the minister said.')


def test_subordinators_opening_a_sentence_are_no_name_words():
    for opener in ("Whilst", "Till", "Unless", "Whereas", "Lest"):
        actors = _by_name(f"The hearing went on. {opener} Steve Castor said the memo was fine, others disagreed.")
        assert set(actors) == {"Steve Castor"}, opener


def _with_registry(text: str) -> dict[str, Actor]:
    from dataclasses import replace

    from analysis.registry import load_registry

    context = context_for(text)
    context = replace(context, resources=replace(context.resources, registry=load_registry()))
    return {a.name: a for a in find_actors(context)}


def test_a_street_or_a_country_as_subject_is_no_person():
    # a street standing for those on it: no person's name, with or without the registry
    assert _by_name("Shares fell, but the forecast is no problem, according to Wall Street.") == {}
    assert _with_registry("On Monday, Downing Street said the talks would go on.") == {}
    # the world's countries are places, not only the registry's ("Sierra Leone" has no outlet in it)
    assert _by_name("Sierra Leone reported the highest number of Ebola cases.") == {}
    assert _with_registry("Costa Rica said it would respond. Puerto Rico reported more cases.") == {}
    # a person whose surname is a street's word stays one where the text shows it
    assert _by_name("Picabo Street said she would race again.")["Picabo Street"].kind == "person"
    assert _by_name("Ms. Picabo Street said the course was fast.")["Picabo Street"].kind == "person"
    assert _by_name("Mayor John Street said the budget was fine.")["John Street"].kind == "person"


def test_a_publications_name_is_no_person_and_a_short_one_takes_the_name_the_page_writes():
    assert _by_name("Business Insider reported the deal on Monday.")["Business Insider"].kind == "organization"
    assert _with_registry("Business Insider reported the deal on Monday.")["Business Insider"].kind == "outlet"
    actors = _by_name("The Catholic Herald has just reported the news. The Herald asks the obvious question: why?")
    assert set(actors) == {"Catholic Herald"} and actors["Catholic Herald"].verb_counts == (("ask", 1),)
    # two longer names ending so: the short one stays as written
    assert "Herald" in _by_name("The Miami Herald and the Catholic Herald both ran it. The Herald asks the question: why?")
    # a name qualifying a title after it is no longer name, nor a possessor cut from a person's name
    assert "Pentagon" in _by_name("VOA Pentagon correspondent Carla Babb asked. According to the Pentagon, it was fine.")
    assert "Guardian" in _by_name("The Guardian's Luke Harding wrote it. As the Guardian claimed, it was true.")


def test_a_possessive_before_a_verb_form_is_no_speaker():
    actors = _with_registry("The Guardian claimed he was there. Wikileaks denied the Guardian's claims on Monday.")
    assert set(actors) == {"Guardian"} and actors["Guardian"].verb_counts == (("claim", 1),)
    # a participle after a possessive is an adjective
    assert set(_by_name("Jeffrey Epstein was jailed. Giuffre was a victim of Epstein’s alleged ring.")) == set()


def test_a_surname_that_is_a_bodys_word_stays_the_persons():
    actors = _by_name("Lynne White, a teacher, said the class was wrong. White wrote that it was unfair.")
    assert set(actors) == {"Lynne White"} and actors["Lynne White"].kind == "person"
    actors = _by_name("Rep. Allen West said the plan failed. West added that it was costly.")
    assert set(actors) == {"Allen West"} and actors["Allen West"].kind == "person"
    assert _by_name("The White House said the plan failed.")["White House"].kind == "organization"


def test_a_short_form_of_a_given_name_merges_into_the_one_full_name():
    actors = _by_name("Sen. Chuck Grassley said the bill was good. Charles E. Grassley wrote to the agency. Grassley added that it was costly.")
    assert set(actors) == {"Charles E. Grassley"} and actors["Charles E. Grassley"].statements == 3
    assert set(_by_name("Bill Clinton said it was fine. William Jefferson Clinton wrote a book.")) == {"William Jefferson Clinton"}
    # a short form fitting two names, or another surname, stays apart
    assert set(_by_name("Pat Kane said it was fine. Patricia Kane said no. Patrick Kane said yes.")) == {
        "Pat Kane", "Patricia Kane", "Patrick Kane"}
    assert set(_by_name("Chuck Smith said it was fine. Charles Jones said no.")) == {"Chuck Smith", "Charles Jones"}


def test_teaser_names_read_the_boilerplate_sentences_of_sentence_ranges():
    from analysis.actors import _sentence_ranges

    text = "Chairman Adam Schiff made closing remarks on Tuesday.\n\nSchiff asked whether the aid was withheld."
    context = context_for(text, boilerplate=((0, 53),))
    body, teasers = _sentence_ranges(context), _sentence_ranges(context, boilerplate=True)
    assert [text[s:e] for s, e, _, _ in teasers] == ["Chairman Adam Schiff made closing remarks on Tuesday."]
    assert not set(body) & set(teasers)
    assert set(_by_name(text, boilerplate=((0, 53),))) == {"Adam Schiff"}


def test_transcript_speakers_are_actors():
    # each labelled turn of an interview transcript is its speaker's quoted statement; initials name no one
    text = ("HANNITY: Breaking news tonight, you know it?\nSARA CARTER, CIRCA NEWS: It is Sean. I mean we have it.\n"
            "HANNITY: Do you know more?\nSARA CARTER, CIRCA NEWS: I know it is true.\nHANNITY: You are so good.\n"
            "JOHN SOLOMON, THE HILL: I think we will report on it.\nHANNITY: Are you sure?\n"
            "JOHN SOLOMON, THE HILL: I am.\n")
    actors = _by_name(text)
    assert actors["Hannity"].quoted == 4 and actors["Hannity"].kind == "person"
    assert actors["Sara Carter"].quoted == 2
    assert actors["John Solomon"].quoted == 2
    assert not _by_name("Q: Were you hurt?\nA: No, I was not.\nQ: Did you tell anyone?\nA: No, I did not.\n")
    # labels in mixed case may describe someone rather than name him; one advert label among the turns is no speaker
    described = _by_name("Influential Roman: What about him?\nMolester McCarrick: I was surprised, you know?\n"
                         "Influential Roman: Does he have a chance?\nMolester McCarrick: I don't think so.\n")
    assert not described
    actors = _by_name(text.replace("HANNITY: Are you sure?\n", "HANNITY: Are you sure?\nSPECIAL OFFER: Buy it now, you know?\n"))
    assert "Special Offer" not in actors and actors["Hannity"].quoted == 4


def test_last_whole_word_matches_the_regex_it_replaced():
    """actors._last_whole_word finds what the per-name regex it replaced found (its last match's start)."""
    import random
    import re

    from analysis.actors import _last_whole_word
    texts = ["in Greenbelt, Maryland, has confirmed", "Maryland-based Maryland_ xMaryland Maryland", "A.A.A A.A",
             "aaaa aa aa-aa", "Ünal Ünalş Ünal,", "Paris Paris2 2Paris é Paris", "O'Brien O'Briens -O'Brien O'Brien"]
    names = ["Maryland", "A.A", "aa", "Ünal", "Paris", "O'Brien"]
    rng = random.Random(7)
    alphabet = "aA.-_ ,2é’"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(400)]
    for text in texts:
        for name in names + ["a", "A-", "a.a", ".a"]:
            for start, end in ((0, len(text)), (1, len(text)), (0, max(0, len(text) - 2)), (3, 12)):
                matches = list(re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])").finditer(text, start, end))
                assert _last_whole_word(text, name, start, end) == (matches[-1].start() if matches else -1), (text, name, start, end)


def test_a_description_or_rank_before_a_full_name_is_no_part_of_it():
    actors = _by_name(
        "Billionaire George Soros, who backs many initiatives, locked horns with Orbán. Soros said the law was cruel. "
        "The Dallas Police Department fired Officer Amber Guyger on Monday. Guyger said she confused the flat for hers. "
        'Secretary of Homeland Security Kirstjen Nielsen said, "Border security is national security."'
    )
    assert "Billionaire George Soros" not in actors and actors["George Soros"].verbs == ("say",)
    assert "Officer Amber Guyger" not in actors and actors["Amber Guyger"].verbs == ("say",)
    assert actors["Kirstjen Nielsen"].kind == "person" and "Homeland Security Kirstjen Nielsen" not in actors


def test_writing_or_posting_what_is_no_text_is_no_statement():
    actors = _by_name(
        "Mary Smith grew up in Ohio. She wrote hundreds of songs that summer. "
        "The best player on defense was Joe Schobert. He posted an elite 93.2 defensive grade and 91.4 coverage grade. "
        "Josh Apte posted a chart. Pamela Geller posted a copy of her letter on her website. "
        "John Zmirak wrote a sound suggestion on Twitter. John Hunwicke wrote this afternoon that it was cheap. "
        "Regime change is the goal, writes the Free Beacon, which obtained the plans."
    )
    assert "Mary Smith" not in actors and "Joe Schobert" not in actors
    for name in ("Josh Apte", "Pamela Geller", "John Zmirak", "John Hunwicke", "Free Beacon"):
        assert "post" in actors[name].verbs or "write" in actors[name].verbs, name


def test_the_object_before_a_participle_is_no_speaker():
    actors = _by_name("Most importantly, Trump failed to certify the JCPOA noting material Iranian breaches. "
                      "Ford's attorney emailed Grassley saying her client would testify.")
    assert "JCPOA" not in actors and "Grassley" not in actors


def test_the_subject_of_a_verb_coordinated_by_and_speaks():
    actors = _by_name(
        'Even though jihadis were caught in 2014, the Homeland Security waved their hand and said, "There is no threat." '
        "Clark County Sheriff Joe Lombardo revised the timeline and said the guard was shot first. "
        "Jane Roe believed the group lied and denied it."
    )
    assert actors["Homeland Security"].kind == "organization" and actors["Homeland Security"].verbs == ("say",)
    assert actors["Joe Lombardo"].verbs == ("say",)
    assert "Jane Roe" not in actors  # the denial is the group's


def test_a_pronoun_after_a_titled_subject_is_not_an_earlier_speakers():
    # "She explained" means Ambassador Haley, not the body whose statement came sentences before (review 8: "Hezbollah"
    # became a person); a titled surname as the subject of a main clause is a person a pronoun may mean
    actors = _by_name(
        "The Iraqi branch of Iran’s terrorist proxy Hezbollah has vowed that it will start killing Americans. "
        "It is against this backdrop that the U.S. ambassador to the United Nations Nikki Haley used her speech. "
        "The session was devoted to another conflict, but Ambassador Haley departed from the ritual. "
        "She went after Iran instead. She explained why the administration acted."
    )
    assert "Hezbollah" not in actors
    assert actors["Haley"].verbs == ("explain",)


def test_a_capitalised_phrase_also_written_in_lower_case_names_no_body():
    actors = _by_name("VDARE.com has long argued that the household survey captures illegal aliens. "
                      "In May, according to the Household Survey, total employment rose by 105,000. "
                      "According to the Labor Department, wages rose.")
    assert "Household Survey" not in actors and "Labor Department" in actors
