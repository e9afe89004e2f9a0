"""Boilerplate benchmark: body F1 (the extraction benchmark's shingle metric) and share error, plain text and HTML.

The pipeline keeps the headline as body while the benchmark's marked bodies leave it out, so a second line
shows the same run with the headline rule off. Plain text: the line classifier is cross-validated by page (--folds, default 5): each fold's pages are segmented
by a model trained on the other folds only, then the rules run as in production. HTML: trafilatura needs no
training, so every page is scored directly. Baselines: keeping everything, and jusText over the plain text.
A last HTML line adds the repetition signal across documents of one outlet (analysis/boilerplate_repeats.py),
the 149 pages taken as one corpus and grouped by the site name in their metadata.

Usage: python benchmarks/boilerplate_f1.py [--data DIR] [--folds 5] [--no-html] [--limit N]
DIR defaults to <repo>/../shared/benchmarks/extraction.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.boilerplate import RULES, segment_with  # noqa: E402
from analysis.boilerplate_html import main_text  # noqa: E402
from analysis.boilerplate_repeats import outlet_repeats  # noqa: E402
from analysis.boilerplate_train import Page, f1_over_pages, fit_model, load_pages, page_matrix  # noqa: E402
from analysis.corpus import load_bytes  # noqa: E402
from analysis.tokens import tokenize  # noqa: E402

# The pipeline keeps a page's headline as body (its wording counts for framing); the benchmark's truth leaves it out.
WITHOUT_HEADLINE = tuple(rule for rule in RULES if rule != "headline")
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "extraction"


def true_share(body: str, page_text: str) -> float:
    """The benchmark's boilerplate share of a page: 1 - len(body) / len(whole page text)."""
    return max(0.0, 1.0 - len(body) / len(page_text)) if page_text else 0.0


def document_for(page: Page, html: bool):
    """The page as the corpus loader would read it (title found the same way as in production)."""
    if html:
        items = list(load_bytes(f"{page.sha}.html", f"{page.sha}.html", page.html.encode("utf-8")))
    else:
        items = list(load_bytes(f"{page.sha}.txt", f"{page.sha}.txt", page.text.encode("utf-8")))
    return items[0] if items and hasattr(items[0], "text") else None


def report(name: str, pairs: list[tuple[str, str]], shares: list[tuple[float, float]] | None = None) -> None:
    scores = f1_over_pages(pairs)
    line = f"  {name:<42} F1 {scores['f1']:.4f}  P {scores['precision']:.4f}  R {scores['recall']:.4f}"
    if shares:
        error = sum(abs(a - b) for a, b in shares) / len(shares)
        bias = sum(b - a for a, b in shares) / len(shares)
        line += f"  share MAE {error:.4f} (bias {bias:+.4f})"
    print(line, flush=True)


def plain_text(pages: list[Page], folds: int) -> None:
    print(f"plain text ({len(pages)} pages, {folds}-fold cross-validation by page)")
    matrices = [page_matrix(page) for page in pages]
    report("keep everything", [(p.body, p.text) for p in pages], [(true_share(p.body, p.text), 0.0) for p in pages])
    justext_pairs = [(p.body, _justext(p.text)) for p in pages]
    report("jusText over the plain text", justext_pairs)
    model_pairs, full_pairs, full_shares, no_headline_pairs = [], [], [], []
    for fold in range(folds):
        train = [m for i, m in enumerate(matrices) if i % folds != fold]
        model = fit_model(train)
        for i, page in enumerate(pages):
            if i % folds != fold:
                continue
            document = document_for(page, html=False)
            tokens = tokenize(document.text)
            bare = segment_with(document, tokens, model, rules=False)
            full = segment_with(document, tokens, model)
            no_headline = segment_with(document, tokens, model, rules=WITHOUT_HEADLINE)
            no_headline_pairs.append((page.body, no_headline.body_text))
            model_pairs.append((page.body, bare.body_text))
            full_pairs.append((page.body, full.body_text))
            full_shares.append((true_share(page.body, document.text), full.boilerplate_share))
    report("classifier alone (cross-validated)", model_pairs)
    report("classifier + rules (cross-validated)", full_pairs, full_shares)
    report("  same, headline not kept (as the truth)", no_headline_pairs)


def _justext(text: str) -> str:
    """jusText with its defaults, each line of the dump given to it as one paragraph."""
    import html as html_module

    import justext

    page = "<html><body>" + "".join(f"<p>{html_module.escape(line)}</p>" for line in text.split("\n") if line.strip()) + "</body></html>"
    paragraphs = justext.justext(page.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def html(pages: list[Page]) -> None:
    pages = [p for p in pages if p.html]
    print(f"HTML ({len(pages)} pages, nothing trained)")
    raw_pairs, bare_pairs, full_pairs, shares, keep_pairs, no_headline_pairs, repeat_pairs = [], [], [], [], [], [], []
    documents = [(page, document_for(page, html=True)) for page in pages]
    repeats = outlet_repeats(document for _, document in documents if document is not None)
    for page, document in documents:
        if document is None:
            continue
        tokens = tokenize(document.text)
        keep_pairs.append((page.body, document.text))
        raw_pairs.append((page.body, main_text(page.html)))
        bare = segment_with(document, tokens, {}, rules=False)
        full = segment_with(document, tokens, {})
        no_headline_pairs.append((page.body, segment_with(document, tokens, {}, rules=WITHOUT_HEADLINE).body_text))
        bare_pairs.append((page.body, bare.body_text))
        full_pairs.append((page.body, full.body_text))
        shares.append((true_share(page.body, document.text), full.boilerplate_share))
        repeat_pairs.append((page.body, segment_with(document, tokens, {}, repeats=repeats).body_text))
    report("keep all visible text", keep_pairs)
    report("trafilatura main text (raw output)", raw_pairs)
    report("trafilatura mapped onto visible lines", bare_pairs)
    report("mapped + rules (as in the pipeline)", full_pairs, shares)
    report("  same, headline not kept (as the truth)", no_headline_pairs)
    report("mapped + rules + repeats within each site", repeat_pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-html", action="store_true")
    parser.add_argument("--no-plain", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N pages (quick look)")
    args = parser.parse_args()
    pages = load_pages(args.data, with_html=not args.no_html)
    if args.limit:
        pages = pages[: args.limit]
    if not args.no_plain:
        plain_text(pages, args.folds)
    if not args.no_html:
        html(pages)


if __name__ == "__main__":
    main()
