"""outlet_repeats against the plain implementation it replaced (kept below as the oracle), on random corpora."""
from __future__ import annotations

import hashlib
import random
import sys
import tempfile

import pytest

from analysis import boilerplate_repeats as br
from analysis.boilerplate_repeats import OutletRepeats, line_hash, outlet_key, outlet_repeats
from analysis.document import Document


# The oracle: outlet_repeats as it was, with dicts and sets of Python ints (~3 kB a document).
def oracle_outlet_repeats(documents) -> OutletRepeats:
    counts: dict[str, dict[int, int]] = {}
    sentences_seen: dict[str, set[int]] = {}
    texts_seen: set[tuple[str, bytes]] = set()
    for document in documents:
        key = outlet_key(document)
        if not key:
            continue
        text_id = (key, hashlib.sha1(document.text.encode("utf-8")).digest()[:8])
        lines = document.text.split("\n")
        sample = oracle_sentence_sample(lines)
        seen = sentences_seen.setdefault(key, set())
        if text_id in texts_seen or (bool(sample) and len(sample & seen) > br.VERSION_SHARE * len(sample)):
            continue
        texts_seen.add(text_id)
        seen.update(sample)
        outlet = counts.setdefault(key, {})
        for value in {oracle_line_hash(line) for line in lines} - {None}:
            outlet[value] = outlet.get(value, 0) + 1
    repeated = {key: {h: n for h, n in hashes.items() if n >= br.MIN_DOCUMENTS} for key, hashes in counts.items()}
    return OutletRepeats({key: hashes for key, hashes in repeated.items() if hashes})


def oracle_line_hash(line: str) -> int | None:
    words = line.split()
    return oracle_hash(words) if words and len(words) <= br.MAX_WORDS else None


def oracle_sentence_sample(lines: list[str]) -> set[int]:
    sample: set[int] = set()
    for line in lines:
        words = line.split()
        if len(words) >= br.SENTENCE_MIN_WORDS and br.SENTENCE_RE.search(words[-1]):
            sample.add(oracle_hash(words))
            if len(sample) >= br.VERSION_SAMPLE:
                break
    return sample


# Words with what the normalisation must get right: case, digits (ASCII and not), Greek sigma, curly quotes.
WORDS = [
    "council", "Votes", "BUDGET", "ΣΟΦΙΑ", "straße", "Ǆemal", "2023", "٣٤", "x12", "“quoted”", "it’s", "İstanbul", "ﬁle", "café",
]
ENDS = [".", "!", "?", "…", ".”", "!)", "", ":", ".]"]
SPACES = [" ", "  ", "\t", " \u00a0", "\u2003", "\x1c"]


def random_line(rng: random.Random, words: int | None = None) -> str:
    n = words if words is not None else rng.choice([0, 1, 2, 3, 5, 6, 7, 9, 12, 20, 29, 30, 31, 35])
    picked = [rng.choice(WORDS) + (str(rng.randrange(100)) if rng.random() < 0.2 else "") for _ in range(n)]
    line = "".join(word + rng.choice(SPACES) for word in picked).rstrip() + rng.choice(ENDS)
    return rng.choice(["", " ", "\r"]) + line + rng.choice(["", " ", "\r"])


def variant(rng: random.Random, line: str) -> str:
    """The same line for the hash (other digits, other case, other spacing) or a near miss (a digit more)."""
    choice = rng.randrange(4)
    if choice == 0:
        return "".join(str(rng.randrange(10)) if c.isdigit() and c.isascii() else c for c in line)
    if choice == 1:
        return line.upper()
    if choice == 2:
        return "  " + line.replace(" ", "\t") + " "
    return line + " 7"


def random_corpus(rng: random.Random, size: int) -> list[Document]:
    outlets = [("Riverside Gazette", ""), (" riverside  GAZETTE ", ""), ("", "https://www.example.com/a/1"),
               ("", "example.com/b"), ("", "http://news.ΣΟΦΙΑ.gr/x"), ("Other", ""), ("", ""), ("", "not a url")]
    footers = [random_line(rng, rng.randrange(1, 8)) for _ in range(4)]
    stories = [[random_line(rng, rng.randrange(6, 40)) + "." for _ in range(rng.randrange(0, 25))] for _ in range(8)]
    documents: list[Document] = []
    for i in range(size):
        hint, url = rng.choice(outlets)
        kind = rng.random()
        if documents and kind < 0.15:  # an exact copy of an earlier text, maybe under another outlet
            text = rng.choice(documents).text
        elif kind < 0.45:  # a version: most of a story's sentences again, with an update
            story = list(rng.choice(stories))
            rng.shuffle(story)
            keep = story[: max(0, len(story) - rng.randrange(0, 4))]
            text = "\n".join([random_line(rng)] + keep + [random_line(rng) for _ in range(rng.randrange(3))] + [rng.choice(footers)])
        else:
            lines = [random_line(rng) for _ in range(rng.randrange(0, 30))]
            lines += [variant(rng, rng.choice(footers)) for _ in range(rng.randrange(0, 3))]
            if rng.random() < 0.3:
                story = rng.choice(stories)
                lines += rng.sample(story, k=min(3, len(story)))
            text = "\n".join(lines)
        documents.append(Document(str(i), str(i), text, url=url, outlet_hint=hint))
    return documents


@pytest.mark.parametrize("seed", range(12))
def test_outlet_repeats_equal_the_oracle_on_random_corpora(seed):
    documents = random_corpus(random.Random(seed), 120)
    expected = oracle_outlet_repeats(documents)
    got = outlet_repeats(iter(documents))
    assert got == expected
    assert list(got.counts) == list(expected.counts)  # outlets in the same order too
    assert any(expected.counts.values())


@pytest.mark.parametrize("seed", range(6))
def test_outlet_repeats_equal_the_oracle_when_buffers_spill_and_merge(seed, monkeypatch):
    # Tiny buffers: the occurrence counts go through bucket files, the history through many merges.
    monkeypatch.setattr(br._LineCounter, "BUFFER", 7)
    monkeypatch.setattr(br._LineCounter, "BUCKET_BITS", 2)
    monkeypatch.setattr(br._PairSet, "MERGE_MIN", 3)
    documents = random_corpus(random.Random(100 + seed), 150)
    assert outlet_repeats(documents) == oracle_outlet_repeats(documents)


def test_many_outlets_printing_the_same_sentences(monkeypatch):
    # Wire copy: the same story under many outlets. A version is judged within its outlet only.
    monkeypatch.setattr(br._PairSet, "MERGE_MIN", 4)
    rng = random.Random(5)
    story = [random_line(rng, 10) + "." for _ in range(12)]
    documents = []
    for i in range(60):
        lines = story[: 6 + i % 7] + [f"Footer of outlet {i % 9}", random_line(rng, 8) + "."]
        documents.append(Document(str(i), str(i), "\n".join(lines), outlet_hint=f"Outlet {i % 9}"))
    expected = oracle_outlet_repeats(documents)
    assert outlet_repeats(documents) == expected and expected


def test_the_existing_index_rules_still_hold():
    one = Document("a", "a", "Footer line\nStory one.", outlet_hint="X")
    copy = Document("b", "b", "Footer line\nStory one.", outlet_hint="X")
    other = Document("c", "c", "Footer line\nStory two.", outlet_hint="X")
    assert not outlet_repeats([one, copy])
    assert outlet_repeats([one, copy, other]).counts == {"x": {line_hash("Footer line"): 2}}
    assert not outlet_repeats([])
    assert not outlet_repeats([Document("a", "a", "Footer\nA."), Document("b", "b", "Footer\nB.")])


def test_spill_files_are_removed_also_on_error(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(br._LineCounter, "BUFFER", 5)
    documents = random_corpus(random.Random(1), 80)
    assert outlet_repeats(documents) == oracle_outlet_repeats(documents)
    assert list(tmp_path.iterdir()) == []

    def failing():
        yield from documents
        raise OSError("the disk went away")

    with pytest.raises(OSError):
        outlet_repeats(failing())
    assert list(tmp_path.iterdir()) == []


def test_pair_set_is_exact_per_outlet(monkeypatch):
    monkeypatch.setattr(br._PairSet, "MERGE_MIN", 20)  # pairs + 8 per waiting set: the third add merges
    pairs = br._PairSet()
    big = (1 << 64) - 1
    pairs.add(0, {5, big})
    pairs.add(1, {5})
    pairs.add(2, {7, 9})  # merged by now
    pairs.add(3, {5})  # waiting
    assert len(pairs.keys) == 5 and pairs.pairs_waiting == 1
    assert pairs.count(0, {5, big, 7}) == 2
    assert pairs.count(1, {5, big}) == 1 and pairs.count(2, {5, 7, 9}) == 2 and pairs.count(3, {5}) == 1
    assert pairs.count(4, {5, 7, 9, big}) == 0
    assert pairs.count(0, set()) == 0


def oracle_hash(words: list[str]) -> int:
    normalised = br.DIGITS_RE.sub("0", " ".join(words).casefold())
    return int.from_bytes(hashlib.sha1(normalised.encode("utf-8")).digest()[:8], "big")


def test_line_hashes_equal_the_regex_only_normalisation():
    rng = random.Random(3)
    lines = [random_line(rng) for _ in range(2000)] + ["Edition of 12 May", "ΣΑΣ 12 ٣٤", "x" * 40]
    assert any(line.isascii() for line in lines) and not all(line.isascii() for line in lines)
    for line in lines + [" ".join(["word"] * n) + tail for n in (29, 30, 31, 32) for tail in ("", " ", " \t\r")]:
        words = line.split()
        if words:
            assert br._hash(words) == oracle_hash(words), line
        assert line_hash(line) == oracle_line_hash(line), line
    for _ in range(200):
        text_lines = [random_line(rng) for _ in range(rng.randrange(0, 40))]
        sample, known = br._sentence_sample(text_lines)
        assert sample == oracle_sentence_sample(text_lines)
        assert br._short_line_hashes(text_lines, known) == {oracle_line_hash(line) for line in text_lines} - {None}
    # The ASCII shortcut replaces exactly the digits DIGITS_RE finds in ASCII text.
    ascii_text = "".join(map(chr, range(128)))
    assert ascii_text.encode().translate(br.ASCII_DIGITS) == br.DIGITS_RE.sub("0", ascii_text).encode()


def test_synthesised_articles_with_outlets_have_outlet_keys():
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import synth
    from analysis.corpus import load_bytes

    if not (synth.DEFAULT_DATA / "ptc" / "articles").is_dir():
        pytest.skip("no PTC articles")
    plain = list(synth.synthesise(12))
    with_outlets = list(synth.synthesise(12, outlets=5))
    keys = []
    for i, ((name, text), (same_name, text_with)) in enumerate(zip(plain, with_outlets)):
        # The same article, with its source line at the end.
        assert same_name == name and text_with == text + f"\nSource: {synth.source_url(i, 5)}\n"
        (document,) = load_bytes(name, name, text_with.encode("utf-8"))
        assert document.url == synth.source_url(i, 5)
        keys.append(outlet_key(document))
        (without,) = load_bytes(name, name, text.encode("utf-8"))
        assert outlet_key(without) == ""
    assert keys == [f"outlet{i % 5}.example" for i in range(12)]


def test_pairs_sharing_a_key_are_told_apart_by_outlet(monkeypatch):
    # With every salt 0, a sentence printed by several outlets has one key for all: the runs of equal keys
    # (what a 64-bit coincidence would make) must still be read exactly.
    monkeypatch.setattr(br, "_salt", lambda outlet: 0)
    monkeypatch.setattr(br._PairSet, "MERGE_MIN", 3)
    test_pair_set_is_exact_per_outlet(monkeypatch)
    test_many_outlets_printing_the_same_sentences(monkeypatch)
    documents = random_corpus(random.Random(77), 150)
    assert outlet_repeats(documents) == oracle_outlet_repeats(documents)


def test_a_version_needs_more_than_half_of_its_sample_seen():
    sentences = [f"Sentence number {word} of the story here." for word in ("one", "two", "three", "four", "five", "six")]
    first = Document("a", "a", "\n".join(sentences[:4]), outlet_hint="X")
    half = Document("b", "b", "\n".join(sentences[2:6]), outlet_hint="X")  # 2 of 4 seen: counted
    most = Document("c", "c", "\n".join(sentences[1:4] + ["A new sentence of the update here."]), outlet_hint="X")  # 3 of 4
    for documents in ([first, half], [first, most], [first, half, most], [first, most, half]):
        assert outlet_repeats(documents) == oracle_outlet_repeats(documents)
    assert outlet_repeats([first, half]).counts == {"x": {line_hash(sentences[2]): 2, line_hash(sentences[3]): 2}}
    assert not outlet_repeats([first, most])
