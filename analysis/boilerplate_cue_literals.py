"""What the cue prefilter knows of each cue pattern, read from re's own parse tree: its necessary literals and
whether it is anchored at the line start.

Used when the cues change, never at run time (re._parser is private to the standard library):

    python -m analysis.boilerplate_cue_literals    # rewrites analysis/data/boilerplate_cue_literals.json

analysis/boilerplate_features.py reads the file; a cue missing from it is simply searched on every line, so a
stale file costs speed, never a match. tests/test_boilerplate.py checks that the file is current.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import chain
from pathlib import Path
from re import _constants as sre_constants
from re import _parser as sre_parser

from .boilerplate_features import CUE_LITERALS_PATH, CUES_PATH


def _necessary_literals(items) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of the parsed regex `items` contains (None: no such set known).

    Reads the parse tree of re's own parser: a run of literals, or a group whose every alternative has such
    a set, is part of every match; of the candidates the one with the longest shortest string is kept.
    """
    best: frozenset[str] | None = None

    def consider(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run).lower()]))
            run = []
        if op is sre_constants.SUBPATTERN:
            consider(_necessary_literals(av[-1]))
        elif op is sre_constants.BRANCH:
            alternatives = [_necessary_literals(branch) for branch in av[1]]
            if all(alternatives):
                consider(frozenset().union(*alternatives))
    return best


def _anchored(items) -> bool:
    """True when the parsed regex `items` can only match at the start of the text (a leading ^ or \\A)."""
    if not len(items):
        return False
    op, av = items[0]
    if op is sre_constants.AT:
        return av in (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING)
    if op is sre_constants.SUBPATTERN:
        return not (av[1] & re.MULTILINE) and _anchored(av[-1])
    if op is sre_constants.BRANCH:
        return all(_anchored(branch) for branch in av[1])
    return False


@lru_cache(maxsize=None)
def _every_character() -> str:
    """Every Unicode code point but the surrogates, as one string: re.I's case matches of a character are found in it."""
    return "".join(map(chr, chain(range(0xD800), range(0xE000, 0x110000))))


@lru_cache(maxsize=None)
def folds_exactly(char: str) -> bool:
    """True when every character re.I matches to the lower-case `char` lower-cases to `char` (str.lower): then a
    literal holding it may prefilter a lower-cased line. True of "í", "ç", "ß"; False of "s" ("ſ", the long s) and
    "σ" ("ς", the final sigma)."""
    return all(match.lower() == char for match in re.findall(re.escape(char), _every_character(), re.I))


def cue_facts(pattern: str) -> dict:
    """{"literals": sorted necessary literals or None, "anchored": bool} of one cue pattern (compiled with re.I),
    and "folds_exactly": True when its literals hold cased letters beyond ASCII that each fold exactly
    (folds_exactly), which boilerplate_features then trusts to prefilter lines."""
    parsed = sre_parser.parse(pattern, re.I)
    found = _necessary_literals(parsed)
    facts: dict = {
        "literals": sorted(found) if found else None,
        "anchored": not (parsed.state.flags & re.MULTILINE) and _anchored(parsed),
    }
    cased = {char for literal in found or () for char in literal if not char.isascii() and char.lower() != char.upper()}
    if cased and all(folds_exactly(char) for char in cased):
        facts["folds_exactly"] = True
    return facts


def all_cue_facts(cues_path: str | Path = CUES_PATH) -> dict[str, dict]:
    """cue_facts of every strong and weak cue of the cue file, by pattern."""
    data = json.loads(Path(cues_path).read_text(encoding="utf-8"))
    return {
        pattern: cue_facts(pattern)
        for spec in data["categories"].values() for kind in ("strong", "weak") for pattern in spec[kind]
    }


def main() -> None:
    facts = all_cue_facts()
    about = json.dumps(__doc__.split("\n\n")[0].replace("\n", " "), ensure_ascii=False)
    # One cue a line, so a change of the cues shows as a readable diff.
    lines = [f" {json.dumps(p, ensure_ascii=False)}: {json.dumps(f, ensure_ascii=False, sort_keys=True)}" for p, f in sorted(facts.items())]
    text = '{"_about": ' + about + ',\n"cues": {\n' + ",\n".join(lines) + "\n}}\n"
    Path(CUE_LITERALS_PATH).write_text(text, encoding="utf-8")
    print(f"{len(facts)} cues -> {CUE_LITERALS_PATH}")


if __name__ == "__main__":
    main()
