"""Content tags: smo against PyPI `yake` 0.7.3, on two keyphrase sets, in one run.

Run: python tests/bench/tags_vs_yake.py [repeat]
(in a venv with smo built by `maturin develop -m smo-py/Cargo.toml` and `pip install yake==0.7.3`;
the sets are read from ../shared/conformance/keyphrases/ or $SMO_CONFORMANCE_DIR/keyphrases/).

Quality, with the protocol of that folder's SOURCE.md, on both sides: extracted phrases and gold
keys NFC, lower case, whitespace collapsed; exact match of the whole phrase; the first 10
phrases; F1 per document, macro-averaged over the documents. smo is given the set's language
(and, for reading, asked to detect it); yake is `KeywordExtractor(lan=..., n=3, top=10)`.

Throughput: `smo.extract_tags_batch(texts, lang, 10)` (GIL released, every core, and one thread)
against `extract_keywords` in a loop, on each set's documents repeated `repeat` times (default 1
for yake, which is slow, and 20 for smo), best of 3 runs each; the ratio is documents per second
over documents per second. The machine's core count and load average are printed beside it.
"""

import importlib.metadata
import math
import os
import pathlib
import sys
import time
import unicodedata

import smo
import yake

ROOT = pathlib.Path(__file__).resolve().parents[2]
REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 20
SETS = (("wikinews-fr", "fr", 50), ("inspec", "en", 500))


def base() -> pathlib.Path:
    env = os.environ.get("SMO_CONFORMANCE_DIR")
    return pathlib.Path(env) / "keyphrases" if env else ROOT.parent / "shared" / "conformance" / "keyphrases"


def norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


def load(name: str) -> list[tuple[str, set[str]]]:
    root = base() / name
    if not (root / "docs").is_dir():
        sys.exit(f"{root}/docs not found (set SMO_CONFORMANCE_DIR)")
    out = []
    for p in sorted((root / "docs").iterdir()):
        text = p.read_bytes().decode("utf-8", errors="replace")
        key = root / "keys" / f"{p.stem}.key"
        keys = key.read_bytes().decode("utf-8", errors="replace") if key.is_file() else ""
        out.append((text, {norm(k) for k in keys.splitlines() if norm(k)}))
    return out


def f1_at_10(golds: list[set[str]], extracted: list[list[str]]) -> float:
    total = 0.0
    for gold, phrases in zip(golds, extracted):
        pred = list(dict.fromkeys(norm(p) for p in phrases[:10]))
        tp = sum(p in gold for p in pred)
        if tp:
            p, r = tp / len(pred), tp / len(gold)
            total += 2 * p * r / (p + r)
    return total / max(len(golds), 1)


def yake_phrases(kw: yake.KeywordExtractor, text: str) -> list[str]:
    # extract_keywords gives (keyword, score) pairs; take the string whatever the order.
    return [a if isinstance(a, str) else b for a, b in kw.extract_keywords(text)]


def best_of(runs: int, fn) -> float:
    best = math.inf
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    print(f"smo {smo.__version__}, yake {importlib.metadata.version('yake')}, {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at start")
    for name, lang, n in SETS:
        docs = load(name)
        assert len(docs) == n, (name, len(docs))
        texts = [t for t, _ in docs]
        golds = [g for _, g in docs]
        kw = yake.KeywordExtractor(lan=lang, n=3, top=10)
        ours = f1_at_10(golds, [[t.phrase for t in ts] for ts in smo.extract_tags_batch(texts, lang, 10)])
        detected = f1_at_10(golds, [[t.phrase for t in ts] for ts in smo.extract_tags_batch(texts, None, 10)])
        peer = f1_at_10(golds, [yake_phrases(kw, t) for t in texts])
        print(f"{name} ({n} documents): F1@10 smo {ours:.4f} (lang detected {detected:.4f}), "
              f"yake 0.7.3 {peer:.4f}")

        big = texts * REPEAT
        t_smo = best_of(3, lambda: smo.extract_tags_batch(big, lang, 10))
        t_one = best_of(3, lambda: smo.extract_tags_batch(big, lang, 10, threads=1))
        t_yake = best_of(3, lambda: [kw.extract_keywords(t) for t in texts])
        s, s1, y = len(big) / t_smo, len(big) / t_one, len(texts) / t_yake
        print(f"{'':>4}throughput: smo {s:,.0f} docs/s (1 thread {s1:,.0f}/s), yake {y:,.1f} docs/s; "
              f"ratio {s / y:.1f}x (1 thread {s1 / y:.1f}x)")
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} at end")


if __name__ == "__main__":
    main()
