"""Synthesised news corpora for the speed and memory benchmarks, built from the PTC articles.

Article i takes the title and sentences of PTC article (i mod N), swaps in a few sentences from
another article, and adds the furniture real pages carry (a byline, share and subscription lines),
so every text is distinct (no cache can skip work) while reading like real news. Deterministic:
the same n gives the same files. With outlets=N (default 0: none) article i ends with a line
"Source: https://outlet<i mod N>.example/...", which analysis/metadata.find_url reads as its URL, so
the articles have outlet keys and the outlet-repetition pre-pass (analysis/boilerplate_repeats.py) runs
on them; the rest of each text is the same as without.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
FURNITURE = [
    "Share this article", "Subscribe to our newsletter for the latest updates", "Advertisement",
    "Read more: related coverage", "Sign up for breaking news alerts", "Follow us on social media",
]
FILES_PER_FOLDER = 1000


def ptc_articles(data: Path = DEFAULT_DATA) -> list[tuple[str, list[str]]]:
    """(title, sentences) of every PTC article, in file-name order."""
    folder = data / "ptc" / "articles"
    articles = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        if len(lines) > 2:
            articles.append((lines[0], lines[1:]))
    if not articles:
        raise FileNotFoundError(f"no PTC articles under {folder}")
    return articles


def synthesise(n: int, data: Path = DEFAULT_DATA, seed: int = 0, outlets: int = 0) -> Iterator[tuple[str, str]]:
    """(file name, text) of n distinct news articles; with outlets > 0, each ending with its outlet's URL."""
    articles = ptc_articles(data)
    rng = random.Random(seed)
    for i in range(n):
        title, sentences = articles[i % len(articles)]
        _, other = articles[rng.randrange(len(articles))]
        body = list(sentences)
        for _ in range(min(3, len(body))):
            body[rng.randrange(len(body))] = other[rng.randrange(len(other))]
        day = 1 + i % 28
        lines = [title, f"By Staff Reporter | March {day}, 2023", *body]
        lines.insert(2 + rng.randrange(len(body)), rng.choice(FURNITURE))
        lines += [rng.choice(FURNITURE), f"Story {i}: filed from the newsroom."]
        if outlets > 0:  # no random draw: the articles stay what they are without outlets
            lines.append(f"Source: {source_url(i, outlets)}")
        yield f"{i // FILES_PER_FOLDER:04d}/article-{i:07d}.txt", "\n\n".join(lines) + "\n"


def source_url(i: int, outlets: int) -> str:
    """The URL of article i when the articles come from `outlets` outlets (round robin)."""
    return f"https://outlet{i % outlets}.example/news/{i // FILES_PER_FOLDER:04d}/article-{i:07d}"


def write_corpus(directory: Path, n: int, data: Path = DEFAULT_DATA, outlets: int = 0) -> Path:
    """Write n synthesised articles as .txt files under `directory` (1,000 per sub-folder); reuses a complete one."""
    marker = directory / (f".complete-{n}" if outlets <= 0 else f".complete-{n}-outlets-{outlets}")
    if marker.exists():
        return directory
    for name, text in synthesise(n, data, outlets=outlets):
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    marker.write_text("ok\n")
    return directory


def texts(directory: Path) -> Iterator[str]:
    """The texts of a written corpus, in file-name order."""
    for path in sorted(directory.rglob("*.txt")):
        yield path.read_text(encoding="utf-8")
