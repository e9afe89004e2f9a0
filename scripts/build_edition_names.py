"""Regenerate analysis/data/edition_names.txt from Babel's copy of the Unicode CLDR. Deterministic: same Babel, same bytes.

An outlet's national or language edition names itself "<Outlet> <place or language>" ("Business Insider Deutschland",
"HuffPost UK", "CNN en Español"); analysis.outlets reads the words after a registry outlet's name as an edition's
when they are one of these names. The file lists, one a line: the countries' names in their own official languages
(CLDR territory names in each language Babel gives as official, de facto too: "Deutschland", "España", "Nederland"),
those languages' names in English and in their own language ("Spanish", "español"). The English country names are
analysis/data/countries.txt's, read beside this file. Source and licence: analysis/data/edition_names.md.

Usage: python scripts/build_edition_names.py [--out FILE]
"""
from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "analysis" / "data" / "edition_names.txt"


def edition_names() -> list[str]:
    """The names, sorted, each once (case kept as CLDR writes it)."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    english = Locale("en")
    names: set[str] = set()
    for code in english.territories:
        if len(code) != 2 or not code.isalpha():
            continue  # regions and groupings ("001", "EU") name no edition's country
        for language in get_official_languages(code, de_facto=True):
            try:
                own = Locale.parse(language)
            except (ValueError, UnknownLocaleError):
                continue  # a language CLDR has no locale data for
            for name in (own.territories.get(code), own.languages.get(own.language), english.languages.get(own.language)):
                if name and len(name.split()) <= 3:  # an edition's name is short ("Bosnia & Herzegovina" is not one)
                    names.add(" ".join(name.split()))
    return sorted(names, key=lambda name: (name.casefold(), name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import babel

    names = edition_names()
    header = f"# Own-language country names and language names from the Unicode CLDR (Babel {babel.__version__}); see edition_names.md\n"
    args.out.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(names)} names")


if __name__ == "__main__":
    main()
