"""Statements introduced without a speaker right before the verb (review 6): a reporting participle after the main
clause ("…, saying: “…”"), a relative clause after a body named with its acronym ("(ADL), which writes:"), a body's
report ("the WHO update says"), a naming verb before a quotation ("has dubbed “…”"), the headline form "NAME to AUDIENCE:
“…”" and a speech noun ending a line with a colon ("makes a similar point:"); and the look-alikes that name no speaker."""
from __future__ import annotations

from analysis.actors import Actor, find_actors, is_characterising
from framing_helpers import context_for


def _by_name(text: str) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(context_for(text))}


def test_reporting_participle_names_the_clause_subject():
    actors = _by_name("Rep. Ilhan Omar spoke on Monday. Omar defended herself against charges of anti-Semitism in a July "
                      "interview with ABC News, saying: “These accusations are without merit.”")
    assert actors["Ilhan Omar"].verbs == ("say",) and actors["Ilhan Omar"].quoted == 1
    assert "ABC News" not in actors
    # the subject is not the sentence's opening name, or no verb follows it
    assert _by_name("Refugees in Europe are invaders, Viktor Orban has said, adding that they were many.").keys() == {"Viktor Orban"}
    assert _by_name("Going further, the prime minister noted the costs, adding that it was over.") == {}
    assert _by_name("Big Machine has denied the claims, saying they were false.").keys() <= {"Big Machine"}
    assert "Trump" not in _by_name("Trump administration officials met, saying that it was over.")


def test_relative_clause_after_a_body_and_its_acronym():
    actors = _by_name("The best refutation comes from the Anti-Defamation League (ADL), which writes:\n\nIsrael is a democracy.")
    assert actors["Anti-Defamation League"].kind == "organization" and actors["Anti-Defamation League"].verbs == ("write",)
    # the noun before a preposition may be meant, a longer body's name is cut, or the verb reports nothing
    assert _by_name("Tom Perez, chairman of the DNC, who said that it was wrong, left.") == {}
    assert _by_name("It met the President's Commission on CIA Activities, which stated that he lied.") == {}
    assert _by_name("He thanked the late James Rigney, who wrote as Robert Jordan.") == {}


def test_body_report_says():
    actors = _by_name("The most recent WHO update says that there are two probable cases.")
    assert actors["WHO"].kind == "organization" and actors["WHO"].verbs == ("say",)
    assert _by_name("Media reports have suggested that the FBI lied.") == {}
    assert _by_name("The Mueller report says he lied.") == {}


def test_dubbed_with_a_quotation():
    actors = _by_name("Michael Avenatti, whom Tucker Carlson has dubbed “creepy porn lawyer,” is representing Swetnick.")
    assert actors["Tucker Carlson"].verbs == ("dub",) and is_characterising("dub")
    assert _by_name("Netflix dubbed the series into English last year.") == {}


def test_headline_name_to_audience():
    actors = _by_name("Trump quoted him:\n“Rush Limbaugh to Republicans: ‘You can kiss the MIDTERMS goodbye.’”\n"
                      "There is no rush.")
    assert actors["Rush Limbaugh"].verbs == ("tell",) and actors["Rush Limbaugh"].quoted == 1
    assert _by_name("Open Letter to Congress: “Stop this war.”") == {}
    assert _by_name("Ex-Muslim Catholics to Pope Francis: “Naiveté is suicidal.”") == {}


def test_speech_noun_introduction_names_its_subject():
    actors = _by_name("Jonathan Cook, a former Guardian writer, makes a similar point:\nThe Guardian has not erred.")
    assert actors["Jonathan Cook"].verbs == ("make point",) and actors["Jonathan Cook"].quoted == 1
    assert not is_characterising("make point")
    assert _by_name("Jonathan Cook made a point of leaving early.") == {}
