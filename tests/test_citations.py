"""Outlet mentions in running text: roles, labels, ambiguity, and what is not a mention."""
from __future__ import annotations

from functools import lru_cache

from analysis.citations import CountryCounts, find_mentions, label_verdict, names_an_outlet
from analysis.registry import load_registry
from analysis.tokens import tokenize


@lru_cache(maxsize=1)
def registry():
    return load_registry()


def mentions(text: str):
    return [(m.name, m.role, m.label) for m in find_mentions(text, tokenize(text), registry())]


def test_roles_source_venue_credit():
    found = mentions(
        "According to Bloomberg, the talks failed.\n"
        "Gulyás told ATV channel that Hungary would not budge.\n"
        "© Sean Gallup / Getty Images\n"
        "Putin met Orban in the Kremlin (AP)\n"
    )
    assert ("Bloomberg", "source", "") in found
    assert ("ATV (Hungary)", "venue", "") in found
    assert ("Getty Images", "credit", "") in found
    assert ("Associated Press", "credit", "") in found


def test_outlet_reported_after_a_bracketed_short_form_is_a_source_once():
    found = mentions("On Monday, Radio Free Europe/Radio Liberty (RFE/RL) reported that envoys met.")
    assert found == [("Radio Free Europe/Radio Liberty", "source", "")]


def test_possessive_and_case_of_the_first_letter():
    found = mentions("Bloomberg’s report was denied. Readers of the New American disagreed.")
    assert [name for name, _, _ in found] == ["Bloomberg", "The New American"]


def test_common_words_and_lowercase_are_not_outlets():
    assert mentions("The independent candidate spoke today about the star of the show and a new american policy.") == []


def test_part_of_a_longer_name_is_not_a_mention():
    assert mentions("He briefed the National Security Council and the Reuters Institute.") == []


def test_ordinary_word_names_need_their_country_in_the_text():
    assert mentions("The Daily News ran the story on Monday.") == []
    text = "In Tanzania, the Daily News ran the story on Monday."
    found = find_mentions(text, tokenize(text), registry(), CountryCounts(text))
    assert [(m.name, m.outlet.country) for m in found] == [("Daily News", "Tanzania")]


def test_ambiguous_acronym_follows_the_countries_the_text_names():
    turkish = "In Ankara, the Turkish channel ATV aired the interview with Erdogan's Turkish aides."
    outlet = find_mentions(turkish, tokenize(turkish), registry(), CountryCounts(turkish))[0].outlet
    assert outlet.country == "Turkey" and outlet.state_media_code == "CaPr"


def test_domains_and_unregistered_urls_in_text():
    found = mentions("See rt.com and https://example-news.test/story for the claim.")
    assert ("RT", "mention", "") in found
    assert any(name == "example-news.test" for name, _, _ in found)


def test_label_is_taken_only_when_it_describes_the_outlet():
    assert mentions("Kremlin-controlled broadcaster RT aired it.")[0][2] == "state-controlled"
    assert mentions("The claim spread from RT, the Kremlin mouthpiece, within hours.")[0][2] == "state-controlled"
    # A label far from the name, in another clause, is not the outlet's label.
    assert mentions("The state-controlled economy stalled, and later that year RT aired a documentary.")[0][2] == ""


def test_label_verdict_explains_itself():
    rt = registry().lookup_name("RT")
    conflict, why = label_verdict("independent", rt)
    assert conflict and "SC" in why and "2024-02-07" in why
    conflict, why = label_verdict("partisan", rt)
    assert not conflict and why.startswith("not comparable")


def test_domains_are_found_as_a_scan_of_the_whole_text_finds_them():
    from analysis.citations import DOMAIN_RE, _domain_spans

    text = (
        "rt.com opened the text.\r\nSee https://www.bbc.co.uk/news/1, and U.S. officials e.g. said so.\n"
        "No host here. Nor here: a.b c.\n\n(sputnikglobe.com) and https://unknown-site.example.org/x?y=1.\n"
        "mail me@rt.com or visit news.bbc.co.uk/sport. The end: tass.ru"
    )
    everywhere = [(m.start(), m.group(1)) for m in DOMAIN_RE.finditer(text)]
    found = _domain_spans(text, registry())
    assert [start for start, *_ in found] == [start for start, host in everywhere if registry().lookup_domain(host) or text.startswith("http", start)]
    assert [domain for *_, domain in found] == ["rt.com", "bbc.co.uk", "sputnikglobe.com", "unknown-site.example.org", "bbc.co.uk", "tass.ru"]


def test_whole_word_regex_finds_what_the_look_behind_form_finds():
    import re

    from analysis.citations import _whole_word_re

    text = "U.S. and US, USA; the US-led USUS aUS US_ _US US\nUS. Kremlin’s Kremlin-backed xKremlin Kremlin"
    for word in ("US", "U.S.", "USA", "Kremlin", "United States"):
        expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
        assert [m.span() for m in _whole_word_re(word).finditer(text)] == expected, word
    assert len(_whole_word_re("US").findall(text)) == 4  # "US,", "US-led", "US" before the line break, "US."


def test_alias_openers_are_the_words_with_candidates():
    # _openers keeps, by set look-ups, exactly the words at which _candidates finds an alias (possessives included).
    from analysis.citations import _candidates, _openers

    text = ("The Guardian’s editor and the New York Times met in the White House. Bloomberg's and Reuters' reporters, "
            "in the end, read The New American. the the in in The")
    tokens = tokenize(text)
    expected = [i for i in range(len(tokens.words)) if _candidates(registry(), tokens, i)]
    assert _openers(tokens, registry()) == expected
    assert len(expected) >= 5
    assert _openers(tokenize("the"), registry()) == [i for i in range(1) if _candidates(registry(), tokenize("the"), i)]


def test_short_or_common_names_of_bulk_rows_need_evidence_beside_them():
    # Menu items, shouted lines and other bodies' initials are not Nepal's, Pakistan's or Azerbaijan's state media.
    assert mentions("Follow us\nYoutube\nRSS\niOS App\n\nThe storm hit the coast.") == []
    assert mentions("Brooke offered her spot.\n\nCLICK HERE TO GET THE FOX NEWS APP\n\nShe cried.") == []
    assert mentions("Obama's meeting with Farrakhan was part of a CBC event.") == []
    menu = "Trade war with China deepens.\nDow Jones\nFactiva\nFinancial News\nMansion Global\nBeijing answered on Monday."
    assert "Financial News" not in [name for name, _, _ in mentions(menu)]


def test_short_names_of_bulk_rows_count_with_citation_evidence():
    assert mentions("Nepal's state news agency RSS reported that the floods spread.") == [("RSS", "source", "state media")]
    assert mentions("According to APP, the talks in Islamabad ended.")[0][:2] == ("APP", "source")
    assert [name for name, _, _ in mentions("The Chinese paper Financial News said rates would fall.")] == ["Financial News"]
    # The full name vouches for the short name elsewhere in the text.
    found = mentions("Rastriya Samachar Samiti covered the vote.\nYoutube\nRSS\nLater that day the count ended.")
    assert [name for name, _, _ in found] == ["RSS", "RSS"]


def test_a_short_name_rows_of_several_countries_share_needs_the_country():
    # "CBC" is Azerbaijan's SOCAR Media and Canada's broadcaster: with no country named, neither is claimed.
    assert mentions("The minister told CBC that talks would go on.") == []
    text = "The Canadian minister told CBC that talks in Canada would go on."
    found = find_mentions(text, tokenize(text), registry(), CountryCounts(text))
    assert [(m.name, m.role, m.outlet.country) for m in found] == [("CBC", "venue", "Canada")]


def test_retweet_marker_is_not_the_outlet_rt():
    assert mentions("RT @AamAadmiParty: the water sample was taken from her house") == []
    assert mentions("RT: @someone the vote is today") == []
    # A line of a tweet opened by the marker, with a hashtag or a t.co link in it
    assert [name for name, _, _ in mentions("RT Big news today #vote")] == []
    # RT the broadcaster, cited, is still found
    assert mentions("RT reported that the talks failed.") == [("RT", "source", "")]
    assert mentions("RT reported it first, as @jack noted.") == [("RT", "source", "")]


def test_share_widget_shortener_and_social_urls_are_no_outlets():
    found = mentions("Share: http://po.st/TP_615 or https://goo.gl/abc, https://www.linkedin.com/in/someone and "
                     "https://b.scorecardresearch.com/p?c1=2. Full report: https://example-news.test/story")
    assert [name for name, _, _ in found] == ["example-news.test"]


def test_a_name_whose_letters_are_a_registry_domain_names_that_outlet_with_evidence():
    found = find_mentions("According to Freedom Outpost, the school taught it.", tokenize("According to Freedom Outpost, the school taught it."), registry())
    assert [(m.outlet.outlet_id, m.surface, m.role) for m in found] == [("cred1:freedomoutpost.com", "Freedom Outpost", "source")]
    # no citation cue beside it: a menu's or a person's words may spell a site's domain too
    assert mentions("Cybersecurity National Security Regulation") == []
    assert mentions("Pamela Geller and Robert Spencer co-founded the group.") == []
    # not when the domain in the text vouches for the row: the site is named after the person
    assert [name for name, _, _ in mentions("See davidduke.com. David Duke, the former leader, spoke.")] == ["davidduke.com"]
    # only the whole name: not inside a longer one, nor glued to another word
    assert mentions("A report by the American Freedom Outpost Society said so.") == []
    assert mentions("A report by National Security/War Correspondent Sara Carter said so.") == []


def test_joined_label_lookup_needs_whole_capitalised_words_and_a_long_label():
    reg = registry()
    assert reg.lookup_joined(["Freedom", "Outpost"]).outlet_id == "cred1:freedomoutpost.com"
    assert reg.lookup_joined(["freedom", "outpost"]) is None  # lower-case words are no name
    assert reg.lookup_joined(["Freedomoutpost"]) is None  # one word: no word boundary to check
    assert reg.lookup_joined(["The", "Times"]) is None  # a registry name: its own rules apply
    assert all(len(label) >= 8 for label in reg.by_label)


def test_a_possessive_ends_a_name_whose_letters_are_a_registry_domain():
    text = "According to Freedom Outpost’s report, the school taught it."
    assert [(m.outlet.outlet_id, m.surface) for m in find_mentions(text, tokenize(text), registry())] == [
        ("cred1:freedomoutpost.com", "Freedom Outpost’s")]
    assert mentions("According to Freedom Out’s Post, the school taught it.") == []  # the name ended at "Out’s"


def test_a_possessive_outlet_before_its_journalist_is_the_outlet():
    found = mentions("In the interview, BBC’s Emily Maitlis pressed Andrew. Later, according to NPR's Emily Feng, cases rose.")
    assert [name for name, _, _ in found] == ["BBC", "NPR"]


def test_an_outlet_then_a_desk_and_a_journalists_title_is_the_outlet():
    found = mentions("A spokesman told VOA Pentagon correspondent Carla Babb that the talks failed.")
    assert found == [("Voice of America", "venue", "")]
    assert mentions("The Reuters Institute Digital News Report said so.") == []  # a longer name still is not Reuters


def test_a_name_with_an_apostrophe_is_found_typeset_with_the_curly_one():
    text = "Hong Kong is burning. On Monday, China’s People’s Daily, the mouthpiece of the Communist party, warned the protesters."
    assert mentions(text) == [("People's Daily (Renmin Ribao)", "mention", "state-controlled")]
    assert registry().lookup_name("People’s Daily").outlet_id == registry().lookup_name("People's Daily").outlet_id


def test_told_an_agency_known_by_its_name():
    assert mentions("A doctor on the scene told Ruptly that he tried to save one of the wounded.") == [("Ruptly", "venue", "")]


def test_a_curated_name_that_is_an_ordinary_phrase_counts_beside_a_citation_cue():
    # "The Sun", "The Hill" have no text alias (an ordinary phrase in prose); a cue right beside them names the paper
    assert mentions("A professor at a London school told The Sun: “It is bad.”") == [("The Sun", "venue", "")]
    assert mentions("In Washington, an aide told The Hill that the U.S. would act.") == [("The Hill", "venue", "")]
    assert mentions("Emails show, according to a report in The Sun newspaper, that London hospitals were full.") == [("The Sun", "source", "")]


def test_a_curated_ordinary_phrase_without_its_cue_or_its_country_is_no_mention():
    assert mentions("Light from the Sun reached London. He told the Sun nothing in Britain.") == []  # no capital "The"
    assert mentions("A doctor in Baltimore told The Sun that it was bad.") == []  # the UK paper's country is not named
    assert mentions("In London, The Sun reported a flare.") == [("The Sun", "source", "")]
    assert mentions("The Sun reported a flare seen over London.") == []  # "The" opening a sentence says nothing
    assert mentions("London Scientists Tell The Sun Why Flares Rise") == []  # a title-case headline
    assert mentions("The Hill Times of Ottawa said the U.S. would act. Senators on the Hill reported it.") == []


def test_a_short_name_other_rows_end_with_counts_only_without_a_longer_form_in_the_text():
    text = "The Baltimore Sun covers Maryland. A London doctor told The Sun that it was bad."
    assert mentions(text) == []  # "The Sun" may be the Baltimore Sun here


def test_an_outlets_news_arm_names_the_outlet():
    assert mentions("He told The Daily Caller News Foundation on Sunday.") == [("The Daily Caller", "venue", "")]
    assert mentions("The Reuters Institute Digital News Report said so.") == []  # not a news arm: still a longer name


def test_sources_told_an_outlet_is_no_credit():
    assert mentions("In Washington, sources told The Hill the plan failed.\nSources told Reuters the deal was off.") == [
        ("The Hill", "venue", ""), ("Reuters", "venue", "")]
    assert mentions("Source: Reuters") == [("Reuters", "credit", "")]


def test_an_organisation_named_as_a_publication_is_an_outlet():
    assert names_an_outlet("Disobediant Media", "")
    assert names_an_outlet("National Catholic Reporter", "")
    assert names_an_outlet("LifeSite", "ROME (LifeSiteNews) — LifeSite has confirmed it.")
    assert not names_an_outlet("LifeSite", "LifeSite has confirmed it.")
    assert not names_an_outlet("Main Stream Media", "")  # a kind of media, not a title
    assert not names_an_outlet("Hungarian Media Authority", "")
    assert not names_an_outlet("Media", "")


def test_a_publication_the_registry_lacks_counts_beside_a_citation_cue():
    found = mentions("Before my piece went to press, EWTN’s National Catholic Register broke the story.\n"
                     "Sean Winters, writing for National Catholic Reporter, called him a liar.")
    assert found == [("National Catholic Register", "source", ""), ("National Catholic Reporter", "venue", "")]
    text = "He told the Hollywood Reporter that it was over."
    [mention] = find_mentions(text, tokenize(text), registry())
    assert (mention.outlet, mention.name, mention.key) == (None, "Hollywood Reporter", "domain:Hollywood Reporter")


def test_a_publication_word_without_a_cue_or_in_a_longer_name_is_no_unlisted_outlet():
    assert mentions("The National Catholic Register is a weekly.") == []  # no cue
    assert mentions("By Staff Reporter | March 3, 2023") == []  # a journalist's rank
    assert mentions("He told Senior Political Reporter Jane Doe so.") == []
    assert mentions("Results appeared in the American Journal of Medicine in May.") == []  # the name goes on
    assert mentions("Why Voters Told The Boston Daily Reporter So") == []  # a title-case headline


def test_writing_for_an_outlet_is_its_venue_and_breaking_a_story_a_source():
    assert mentions("Jane Doe, writing for Bloomberg, said so.") == [("Bloomberg", "venue", "")]
    assert mentions("Bloomberg broke the story on Monday.") == [("Bloomberg", "source", "")]


def test_an_unlisted_publication_name_that_goes_on_is_none():
    assert mentions("The study was published in Astrophysical Journal Letters in May.") == []
    assert mentions("He told the Orangeburg Times and Democrat so.") == []  # "and" before a capitalised word
    assert mentions("It appeared in the Podunk Journal for Ethics.") == []


def test_an_unlisted_publication_name_then_for_on_and_before_no_name_is_whole():
    """"on", "for", "and" continue a name only before a capitalised word that is no date."""
    for text in ("He told the Podunk Courier on Monday that he quit.", "She spoke to the Podunk Courier for the story.",
                 "He told the Podunk Courier and the Times.", "He told the Podunk Courier on March 3 that he quit."):
        assert [mention[0] for mention in mentions(text)] == ["Podunk Courier"], text


def test_an_unlisted_publication_name_with_a_possessive_is_found():
    assert [mention[0] for mention in mentions("Smith told the Podunk Courier’s editor that he quit.")] == ["Podunk Courier"]
    assert [mention[0] for mention in mentions("Smith told the Podunk Courier's editor that he quit.")] == ["Podunk Courier"]


def test_a_one_word_publication_title_or_a_rank_is_no_unlisted_outlet():
    assert mentions("He told the Reporter so.") == []
    assert mentions("By Foreign Correspondent Reporter") == []


def test_an_enquirer_is_a_newspaper_as_an_inquirer_is():
    # "the Cincinnati Enquirer reported" beside "according to the Columbus Dispatch": both newspapers (review 8)
    assert names_an_outlet("Cincinnati Enquirer", "")
    assert names_an_outlet("Philadelphia Inquirer", "")
