"""Sentiment: smo against PyPI `vaderSentiment` 3.3.2, on the VADER tweet ground truth, in one run.

Run: python tests/bench/sentiment_vs_vader.py [repeat]
(in the venv of tests/run-all.sh, with `pip install vaderSentiment==3.3.2`; the set is read from
../shared/conformance/vader/ or $SMO_CONFORMANCE_DIR).

Quality, with the protocol of that folder's SOURCE.md, on both sides: compound >= 0.05 positive,
<= -0.05 negative, else neutral; ground-truth mean > 0 positive, < 0 negative, else neutral;
Pearson r of the compound against the mean of 20 human ratings, accuracy, macro-F1 over the three
labels (and, for reading, the F1 of positive vs negative on the tweets whose truth is not 0).
Also the share of tweets where both give the same label.

Throughput: `smo.sentiment_batch(texts, "en")` (GIL released, every core) against
`SentimentIntensityAnalyzer().polarity_scores` in a loop, on the same 4,200 tweets repeated
`repeat` times (default 10), best of 3 runs each; the ratio is texts per second over texts per
second. The machine's core count is printed beside it.
"""

import math
import os
import pathlib
import sys
import time

import smo
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

ROOT = pathlib.Path(__file__).resolve().parents[2]
REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 10
LABELS = ("positive", "neutral", "negative")


def ground_truth() -> list[tuple[float, str]]:
    base = pathlib.Path(os.environ.get("SMO_CONFORMANCE_DIR", ROOT.parent / "shared" / "conformance"))
    for p in (base / "vader" / "tweets_GroundTruth.txt", base / "tweets_GroundTruth.txt"):
        if p.is_file():
            rows = [l.split("\t", 2) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
            return [(float(r[1]), r[2]) for r in rows]
    sys.exit(f"tweets_GroundTruth.txt not found under {base} (set SMO_CONFORMANCE_DIR)")


def label(c: float) -> str:
    return "positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"


def truth_label(m: float) -> str:
    return "positive" if m > 0 else "negative" if m < 0 else "neutral"


def pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    cov = sum((a - mx) * (b - my) for a, b in zip(x, y))
    return cov / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))


def f1(truth: list[str], pred: list[str], classes: tuple[str, ...]) -> float:
    scores = []
    for c in classes:
        tp = sum(t == c and p == c for t, p in zip(truth, pred))
        fp = sum(t != c and p == c for t, p in zip(truth, pred))
        fn = sum(t == c and p != c for t, p in zip(truth, pred))
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def quality(name: str, compound: list[float], means: list[float]) -> list[str]:
    pred = [label(c) for c in compound]
    truth = [truth_label(m) for m in means]
    acc = sum(t == p for t, p in zip(truth, pred)) / len(truth)
    polar = [(t, p) for t, p in zip(truth, pred) if t != "neutral"]
    pn = f1([t for t, _ in polar], [p for _, p in polar], ("positive", "negative"))
    print(f"{name:>22}: r={pearson(compound, means):.4f} accuracy={acc:.4f} "
          f"macro-F1={f1(truth, pred, LABELS):.4f} (pos/neg F1 on non-zero truth {pn:.4f})")
    return pred


def best_of(runs: int, fn) -> float:
    best = math.inf
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    rows = ground_truth()
    means = [m for m, _ in rows]
    texts = [t for _, t in rows]
    analyzer = SentimentIntensityAnalyzer()
    print(f"VADER tweets: {len(texts)} texts; smo {smo.__version__}, vaderSentiment 3.3.2, "
          f"{os.cpu_count()} cores")
    ours = quality("smo", [s.compound for s in smo.sentiment_batch(texts, "en")], means)
    detected = smo.sentiment_batch(texts)
    quality("smo (lang detected)", [s.compound for s in detected], means)
    print(f"{'':>22}  detected English: {sum(s.lang == 'en' for s in detected)}/{len(texts)}")
    peer = quality("vaderSentiment 3.3.2", [analyzer.polarity_scores(t)["compound"] for t in texts], means)
    same = sum(a == b for a, b in zip(ours, peer)) / len(texts)
    print(f"same label as vaderSentiment: {same:.4f} ({sum(a == b for a, b in zip(ours, peer))}/{len(texts)})")

    big = texts * REPEAT
    smo.sentiment_batch(texts[:100], "en")  # lexicons parsed before timing
    t_smo = best_of(3, lambda: smo.sentiment_batch(big, "en"))
    t_one = best_of(3, lambda: smo.sentiment_batch(big, "en", threads=1))
    t_vader = best_of(3, lambda: [analyzer.polarity_scores(t) for t in big])
    n = len(big)
    print(f"throughput on {n} texts: smo {n / t_smo:,.0f}/s (1 thread {n / t_one:,.0f}/s), "
          f"vaderSentiment {n / t_vader:,.0f}/s; ratio {t_vader / t_smo:.1f}x "
          f"(1 thread {t_vader / t_one:.1f}x)")


if __name__ == "__main__":
    main()
