"""Publisher identification benchmark: who published a page, from its plain text alone, against its true URL.

The extraction benchmark's pages come with their URL (truth.json). Each page's plain-text rendering
(menus, footers and all, like a page copied from a browser) is analysed WITHOUT its URL: only the
evidence a .txt file carries (self-references in the furniture, URL lines, bylines, credits). A
publisher counts as right when it is the registry row of the true domain, or, for a publisher
outside the registry, when its name and the true domain's name agree: letters compared with "the" and
punctuation ignored, one containing the other, or initials plus last word ("The Hill" ~ thehill.com,
"SlashGear" ~ slashgear.com, "Los Angeles Times" ~ latimes.com, "Sky News" ~ news.sky.com).

Printed: pages; pages where a publisher was named; right / wrong among them (precision); coverage
(right / pages); how many true domains the registry knows and types; and the outlet-type accuracy
on pages whose true domain carries a registry type. Nothing here is trained, so there is no split;
but the self-reference patterns were written while reading this development set's outputs, so expect
lower figures on the kept-apart pages.

Usage: python benchmarks/outlets_identification.py [--data DIR] [--show]
DIR defaults to <repo>/../shared/benchmarks/extraction.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.corpus import load_bytes  # noqa: E402
from analysis.document import Document  # noqa: E402
from analysis.pipeline import analyze_document  # noqa: E402
from analysis.registry import normalise_host  # noqa: E402
from analysis.resources import load_resources  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "extraction"


def _letters(value: str) -> str:
    value = re.sub(r"^the\s+", "", value.strip().lower())
    return re.sub(r"[^a-z0-9]", "", value)


def _stem(domain: str) -> str:
    """'www.latimes.com' -> 'latimes'; 'news.sky.com' -> 'sky'; 'bbc.co.uk' -> 'bbc'."""
    labels = normalise_host(domain).split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac", "gov"):
        labels = labels[:-1]
    return labels[-2] if len(labels) >= 2 else labels[0]


def same_publisher(found_name: str, found_id: str, true_domain: str, registry) -> bool:
    """Whether the identified publisher is the page's true publisher."""
    looked = registry.lookup_domain(true_domain)
    if looked and found_id:
        return looked[0].outlet_id == found_id
    name, stem = _letters(found_name), _stem(true_domain)
    if not name:
        return False
    words = [w for w in re.findall(r"[a-z0-9]+", found_name.lower()) if w != "the"]
    initials = "".join(w[0] for w in words[:-1]) + words[-1] if len(words) >= 2 else name  # "Los Angeles Times" -> "latimes"
    forms = {name, "the" + name, initials}
    labels = {label for label in normalise_host(true_domain).split(".") if len(label) >= 4}
    return bool(forms & ({stem, _letters(normalise_host(true_domain))} | labels)) or (len(stem) >= 3 and stem in name) or (len(name) >= 4 and name in stem)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", action="store_true", help="print one line per page")
    args = parser.parse_args()
    truth = json.loads((args.data / "truth.json").read_text(encoding="utf-8"))
    resources = load_resources()
    registry = resources.registry
    named = right = known = typed = type_right = 0
    for sha in sorted(truth):
        path = args.data / "plaintext" / f"{sha}.txt"
        documents = [d for d in load_bytes(str(path), path.name, path.read_bytes()) if isinstance(d, Document)]
        if not documents:
            continue
        row = analyze_document(documents[0], resources).row
        true_domain = normalise_host(truth[sha]["url"])
        looked = registry.lookup_domain(true_domain)
        known += bool(looked)
        outlet, outlet_id = row.get("outlet", ""), row.get("outlet_id", "")
        ok = bool(outlet) and same_publisher(outlet, outlet_id, true_domain, registry)
        named += bool(outlet)
        right += ok
        if looked and looked[0].outlet_type:
            typed += 1
            type_right += row.get("outlet_type") == looked[0].outlet_type
        if args.show:
            mark = "ok " if ok else ("-- " if not outlet else "XX ")
            print(f"{mark}{true_domain:35} | {outlet or '(none)':35} | {row.get('outlet_type', '')} {row.get('outlet_type_confidence', '')}")
    pages = len(truth)
    print(f"pages: {pages}")
    print(f"publisher named from the text alone: {named} ({named / pages:.1%})")
    print(f"right: {right}, wrong: {named - right}; precision {right / named if named else 0:.3f}; coverage (right / pages) {right / pages:.3f}")
    print(f"true domains in the registry: {known} ({known / pages:.1%}); with an outlet type: {typed}")
    print(f"outlet type right on those {typed} pages: {type_right} ({type_right / typed if typed else 0:.1%})")


if __name__ == "__main__":
    main()
