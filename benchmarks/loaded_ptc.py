"""Loaded-wording accuracy on the PTC development split, on articles never used for training.

Positive class: Loaded_Language ∪ Name_Calling,Labeling. Prints char-level and span-level
precision/recall/F1 (metrics of ../shared/benchmarks/README.md) for
- the lexicon alone (no training involved: the shipped lexicon on every article), and
- the model alone, its plain union with the lexicon (`lexicon ∪ model`), and what analyze() reports
  (`lexicon + model`: lexicon hits plus model hits with lexicon words cut out and function words trimmed),
  by k-fold cross-validation by article: for each outer fold the tagger is trained on the other folds,
  its threshold chosen by an inner cross-validation on those training articles only (on the
  analyze() output), and it is scored on the held-out fold.

    python benchmarks/loaded_ptc.py [--data ../shared/benchmarks] [--folds 5] [--inner 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

import train_loaded_model as training  # noqa: E402
from analysis.lexicon import load_lexicon  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks"


def _line(name: str, char: tuple[float, float, float], span: tuple[float, float, float]) -> str:
    return (
        f"{name:<22} char P {char[0]:.4f} R {char[1]:.4f} F1 {char[2]:.4f}   "
        f"span P {span[0]:.4f} R {span[1]:.4f} F1 {span[2]:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding ptc/")
    parser.add_argument("--folds", type=int, default=5, help="outer folds (by article)")
    parser.add_argument("--inner", type=int, default=3, help="inner folds for choosing the threshold")
    parser.add_argument("--c", type=float, default=training.C)
    args = parser.parse_args()

    started = time.time()
    lexicon = load_lexicon()
    articles = [training.prepare(a, lexicon) for a in training.read_ptc(args.data)]
    print(f"PTC: {len(articles)} articles, {sum(len(a.gold) for a in articles)} gold spans "
          f"(Loaded_Language ∪ Name_Calling,Labeling); lexicon {len(lexicon)} entries")

    lexicon_pairs = [(a.lexicon_spans, a.gold) for a in articles]
    print(_line("lexicon alone", training.char_prf(lexicon_pairs), training.span_prf(lexicon_pairs)))

    model_pairs, union_pairs, analyze_pairs, thresholds = [], [], [], []
    folds = training.folds_of(articles, args.folds)
    for i, test in enumerate(folds):
        train = [a for j, fold in enumerate(folds) if j != i for a in fold]
        scores, models = training.out_of_fold_scores(train, args.inner, args.c)
        threshold, extend_ratio, _ = training.best_threshold(train, scores, models)
        model = replace(training.fit(train, args.c), threshold=threshold, extend_ratio=extend_ratio)
        thresholds.append((threshold, extend_ratio))
        for article in test:
            spans = training.model_spans(model, article)
            model_pairs.append((spans, article.gold))
            union_pairs.append((spans + article.lexicon_spans, article.gold))
            analyze_pairs.append((training.analyze_spans(model, article), article.gold))
        print(f"  fold {i + 1}/{args.folds}: threshold {threshold}, extend ratio {extend_ratio}", flush=True)
    print(_line("model alone", training.char_prf(model_pairs), training.span_prf(model_pairs)))
    print(_line("lexicon ∪ model", training.char_prf(union_pairs), training.span_prf(union_pairs)))
    print(_line("lexicon + model", training.char_prf(analyze_pairs), training.span_prf(analyze_pairs)))
    print(f"({args.folds}-fold CV by article, inner {args.inner}-fold choice of (threshold, extend ratio): {thresholds}; "
          f"{time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
