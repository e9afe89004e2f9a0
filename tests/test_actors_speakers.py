"""Speakers named in common news shapes: "X of ORG said", a short title after an inverted verb, a role set off by
commas after a quotation, "as X put it"; and words that name no speaker ("added to his collection", "the lawyer for
X claims", a sentence-opening adverb, a body written as one)."""
from __future__ import annotations

from analysis.actors import Actor, find_actors
from framing_helpers import context_for


def _by_name(text: str) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(context_for(text))}


def test_person_of_organisation_speaks():
    actors = _by_name("Olivier Le Guillou of Action Against Hunger said: “The epidemic is ahead of us.”")
    assert actors["Olivier Le Guillou"].verbs == ("say",) and actors["Olivier Le Guillou"].quoted == 1
    assert "Action Against Hunger" not in actors
    actors = _by_name("John Smith of Oxfam said the aid had arrived.")
    assert list(actors) == ["John Smith"]
    # a title's place or field is no body the person belongs to
    assert list(_by_name("Mayor of London Sadiq Khan said the talks failed.")) == ["Sadiq Khan"]


def test_short_title_after_inverted_verb():
    actors = _by_name("“Our top priority is to get to Bikoro,” said Dr. Peter Salama, WHO deputy director-general.")
    assert actors["Peter Salama"].kind == "person" and actors["Peter Salama"].quoted == 1


def test_role_set_off_by_commas_after_quotation():
    actors = _by_name("“The embassy is aware,” Jinnie Lee, U.S. Embassy spokesperson in Beijing, told Gizmodo by email.")
    assert actors["Jinnie Lee"].verbs == ("tell",) and actors["Jinnie Lee"].quoted == 1
    assert "Beijing" not in actors
    actors = _by_name("“We need help,” John Smith, a spokesman for Oxfam, said.")
    assert list(actors) == ["John Smith"]
    assert list(_by_name("John Smith, who runs the group, said it was over.")) == ["John Smith"]


def test_as_x_put_it():
    actors = _by_name("Senator Dianne Feinstein spoke. As Feinstein put it, “Show some heart.”")
    assert actors["Dianne Feinstein"].verbs == ("put it",) and actors["Dianne Feinstein"].quoted == 1
    assert _by_name("Senator John Smith put it on the table.") == {}


def test_added_is_speech_only_before_a_statement():
    assert _by_name("Trinity Academy junior Ben Patton added to his collection of state titles.") == {}
    assert _by_name("Danilo Gallinari added 25 points in his former home arena.") == {}
    # a clause without "that", a quotation, a colon, or the verb closing a paraphrase
    assert "Victoria Toensing" in _by_name("Victoria Toensing spoke. Toensing added her client has had contact.")
    assert "John Smith" in _by_name("“It works,” John Smith added.")
    assert "Paul Hunter" in _by_name("There is always a risk with travel, Paul Hunter added.")
    assert "Reuters" in _by_name("Reuters adds:\n\nThe talks went on.")


def test_person_after_for_or_of_a_noun_is_no_speaker():
    assert _by_name("The “Creepy Lawyer” for porn star Stormy Daniels claims to represent a woman.") == {}
    assert _by_name("A friend of Mary Jones said she was fine.") == {}


def test_sentence_opening_adverb_is_no_first_name():
    actors = _by_name("Previously Dan Fishback had written an article. “It is not censorship,” Dan Fishback claimed.")
    assert list(actors) == ["Dan Fishback"]


def test_adverb_between_subject_and_verb():
    actors = _by_name("The Foreign Office recently warned that the outbreak is entering its most dangerous phase.")
    assert actors["Foreign Office"].verbs == ("warn",)


def test_according_to_a_name_qualifying_a_noun():
    text = "Google Stadia launches tomorrow. According to The Verge’s Stadia review, the platform does not run in 4K."
    assert _by_name(text) == {}
    assert "Bloomberg" in _by_name("According to Bloomberg, allies were worried.")


def test_multiword_name_written_as_a_body():
    actors = _by_name("Swift left her former label Big Machine, which owns her masters. Big Machine has denied the claims, "
                      "saying they were false.")
    assert actors["Big Machine"].kind == "organization"
    # a researcher set off by commas after a body's noun is still a person
    actors = _by_name("A researcher with the organisation, Matthew Collins, said it was delighted.")
    assert actors["Matthew Collins"].kind == "person"


def test_according_to_a_name_then_a_word_of_time_names_the_source():
    """A word of time or manner after the name qualifies no noun (re-read of this round's rule above)."""
    assert "Jane Doe" in _by_name("The plant will close, according to Jane Doe yesterday.")
    assert "John Smith" in _by_name("Sales fell, according to John Smith recently.")
    assert _by_name("The home was sold, according to John Smith family members.") == {}


def test_a_short_form_that_is_a_given_name_on_its_own_joins_no_one():
    """"Jack Smith" and "John Smith" in one story are two people; "Chuck" is only ever Charles."""
    actors = _by_name("Special counsel Jack Smith said the case was strong. John Smith, a farmer in Iowa, said he disagreed.")
    assert {"Jack Smith", "John Smith"} <= set(actors)
    actors = _by_name("Sen. Chuck Grassley said the bill was good. Charles E. Grassley wrote to the agency.")
    assert "Chuck Grassley" not in actors or "Charles E. Grassley" not in actors


def test_a_quotation_introduced_by_a_colon_line_is_quoted():
    for text in ("Tucker Carlson said on his show:\n\n\u201cThe email is clear.\n\n\u201cIt was a silent donation.\u201d\n",
                 "Tucker Carlson said:\n\u201cThe email is clear.\u201d\n"):
        actors = _by_name(text)
        assert actors["Tucker Carlson"].quoted == 1 and actors["Tucker Carlson"].paraphrased == 0
    # a colon with nothing quoted below it reports no quotation
    actors = _by_name("Tucker Carlson said on his show:\n\nThe email was clear.\n")
    assert actors["Tucker Carlson"].quoted == 0


def test_a_pronoun_means_the_one_person_of_its_gender_named_just_before():
    text = ("Ilhan Omar ran for Congress. In May, Twitter user John Gilmore dug up the tweet, forcing Omar to defend "
            "herself.\nShe responded: \u201cThis is far from hating Jews.\u201d")
    actors = _by_name(text)
    assert actors["Ilhan Omar"].verbs == ("respond",) and actors["Ilhan Omar"].quoted == 1
    assert "John Gilmore" not in actors
    assert _by_name("Mary Smith lost her job. She said: \u201cIt was unfair.\u201d")["Mary Smith"].quoted == 1
    assert list(_by_name("Mary Smith met Joe Doe. He said: \u201cIt was unfair.\u201d")) == ["Joe Doe"]
    assert list(_by_name("Mr. Gilmore met Jane Doe. He said: \u201cIt was unfair.\u201d")) == []  # no Gilmore named fully


def test_a_pronoun_stays_unresolved_at_any_doubt_of_gender():
    for text in (
        "Big Machine sold the masters. She said: \u201cIt was unfair.\u201d",  # a thing's name, no gender
        "Mary Smith met Jane Doe. She said: \u201cIt was unfair.\u201d",  # two women
        "Mary Smith met Chris Doe. She said: \u201cIt was unfair.\u201d",  # a name of either sex
        "Mary Smith\u2019s daughter lost her job. She said: \u201cIt was unfair.\u201d",  # an unnamed woman
        "Mary Smith met his wife. She said: \u201cIt was unfair.\u201d",
        "A spokeswoman for Mary Smith said the talks failed. She added: \u201cIt was unfair.\u201d",
        # a person named by one word, of unknown gender, may be meant
        "Edward Pentin printed the letter.\nFr.\nWeinandy sent it to the pope.\nHe said: \u201cIt was ignored.\u201d",
        # the last speaker may go on: two men
        "Feinstein did not attend it, Chuck Grassley said.\n\nJoe Kavanaugh answered 1,300 questions.\n\n"
        "That is \u201cmore than all prior nominees,\u201d he said.",
    ):
        assert all(actor.quoted == 0 for actor in _by_name(text).values()), text  # no one is given the quotation


def test_an_office_alone_names_no_speaker():
    actors = _by_name("BUDAPEST \u2013 Hungary\u2019s Prime Minister said on Sunday that \u201cChristianity is Europe's last hope.\u201d")
    assert "Prime Minister" not in actors
    assert list(_by_name("Prime Minister Viktor Orb\u00e1n said on Sunday that the borders stay shut.")) == ["Viktor Orb\u00e1n"]



class _EagerSurnames(list):
    """Reads the sentences for surnames as soon as a question is asked (the reading before it was deferred)."""

    def __init__(self, recent) -> None:
        super().__init__()
        self.recent = recent

    def append(self, item) -> None:
        super().append(item)
        self.recent._surnames_named()


SURNAME_TEXTS = [
    "Ilhan Omar ran for Congress. In May, Twitter user John Gilmore dug up the tweet, forcing Omar to defend "
    "herself.\nShe responded: \u201cThis is far from hating Jews.\u201d",
    "Mary Smith met Joe Doe. Joe Doe said the talks failed. He said: \u201cIt was unfair.\u201d Smith disagreed. "
    "She said: \u201cIt was fair.\u201d",
    "Jane Roe told Mark Twain the news, she said. Twain left.\n\nHe said: \u201cNo.\u201d Roe stayed. She added: \u201cYes.\u201d",
    "Mr. Gilmore met Jane Doe. He said: \u201cIt was unfair.\u201d\n\nJohn Gilmore said later that Doe agreed. She said so.",
    "A spokeswoman for Mary Smith said the talks failed. She added: \u201cIt was unfair.\u201d Smith said nothing. "
    "Later, Mary Smith met Anna Bell, and Bell said: \u201cNo.\u201d She left.",
    # family names shared, hyphenated, with an apostrophe, accented, possessive, after a generation, written first
    "Anna Smith and Tom Smith spoke. Smith met Lee Kang. She said: \u201cNo.\u201d Kang left. He said: \u201cYes.\u201d",
    "Maria Ocasio-Cortez met John Doe. Ocasio-Cortez said the vote failed. She said: \u201cNo.\u201d",
    "Sean O\u2019Brien met Mary Doe. O\u2019Brien said the vote failed. He said: \u201cNo.\u201d",
    "Viktor Orb\u00e1n met Angela Merkel. Orb\u00e1n\u2019s aide said it failed. Orban spoke. He said: \u201cNo.\u201d",
    "James P. Kennedy Jr. met Jane Doe. Kennedy said it failed, forcing Doe to defend herself. She said: \u201cNo.\u201d",
    "Lu Kang met Mary Doe. Lu said the talks went on. He said: \u201cYes.\u201d Mary Doe left. She said: \u201cNo.\u201d",
]


def test_surnames_read_when_asked_give_what_reading_them_at_once_gave(monkeypatch):
    """Old vs new: the sentences read for a family name only when a one-word name asks, and then only those that
    may give it, give the speakers that reading every sentence at each question gave."""
    from analysis import actors
    lazy = [find_actors(context_for(text)) for text in SURNAME_TEXTS]
    init = actors._RecentPersons.__init__

    def eager_init(self) -> None:
        init(self)
        self._surnames_asked = _EagerSurnames(self)
    monkeypatch.setattr(actors._RecentPersons, "__init__", eager_init)
    monkeypatch.setattr(actors._RecentPersons, "_person_by_surname", lambda self, key: self._surnames_named().get(key))
    assert [find_actors(context_for(text)) for text in SURNAME_TEXTS] == lazy
    assert sum(map(len, lazy)) >= len(SURNAME_TEXTS)


def test_surname_keys_are_none_where_a_word_folds_to_two():
    from analysis.actors import _DocWords
    assert _DocWords(("Ilhan", "Omar\u2019s"), frozenset()).surname_keys == ("ilhan", "omar")
    assert _DocWords(("Ilhan", "\ufdfa"), frozenset()).surname_keys is None
