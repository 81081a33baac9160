"""100 monitoring queries over one million mentions: smo against SQLite FTS5, in one run.

    python tests/bench/queries_vs_fts5.py [mentions=1000000] [rounds=3]

Both sides get the same texts and the same 100 queries (smo's own FTS5 export of each, so the
two answer the same question; every query here is one FTS5 can express). Each contender runs in
its own subprocess, so its peak memory (ru_maxrss) is its own; the time counts indexing (smo's
index, FTS5's table with `unicode61 remove_diacritics 2`) plus the 100 queries with their
matching ids handed back to Python as lists of str, and the match counts are compared. Best of `rounds` per contender, rounds interleaved. Run on a quiet machine.
"""

import json
import random
import resource
import subprocess
import sys
import time

WORDS = (
    "lin lavé linge lit drap draps housse coton maison lune atelier vosges soldes cadeau mariage "
    "qualité doux été hiver beau très pas cher livraison avis bedding linen washed sheets soft great "
    "gift sale quality love the and de la le en un une pour avec sur chez nous vous est sont bien "
    "couette oreiller taie nappe serviette torchon chambre salon table mode déco design naturel"
).split()
TAGS = ["#MaisonLune", "#lin", "#slowliving", "#Linen", "#décoration", "#homedecor"]
HANDLES = ["@maisonlune", "@atelierbrume", "@drapsetcie", "@lea"]


def texts(n: int) -> list[str]:
    rng = random.Random(1)
    out = []
    for _ in range(n):
        k = rng.randint(6, 30)
        ws = []
        for _ in range(k):
            r = rng.random()
            ws.append(rng.choice(TAGS) if r < 0.05 else rng.choice(HANDLES) if r < 0.08 else rng.choice(WORDS))
        out.append(" ".join(ws))
    return out


def queries() -> list[str]:
    rng = random.Random(2)
    base = [w for w in WORDS if len(w) > 3]
    qs = []
    while len(qs) < 100:
        a, b, c = rng.sample(base, 3)
        kind = len(qs) % 10
        qs.append([
            f"{a}", f"{a} AND {b}", f"{a} OR {b}", f"{a} NOT {b}", f'"{a} {b}"', f"{a[:4]}*",
            f"{a} NEAR/3 {b}", f"({a} OR {b}) AND {c}", f'"{a} {b}"~4', f"({a} OR {b}) NEAR/2 {c}",
        ][kind])
    return qs


def run_smo(n: int) -> tuple[float, list[int]]:
    import smo

    ts = texts(n)
    ms = [smo.Mention(f"m{i}", t, "2027-01-01T00:00:00Z") for i, t in enumerate(ts)]
    qs = [smo.Query(q) for q in queries()]
    t0 = time.perf_counter()
    hits = smo.search(qs, ms)
    return time.perf_counter() - t0, [len(h) for h in hits]


def run_fts5(n: int) -> tuple[float, list[int]]:
    import sqlite3

    import smo

    ts = texts(n)
    rows = [(f"m{i}", t) for i, t in enumerate(ts)]
    exprs = [smo.Query(q).to_fts5() for q in queries()]
    t0 = time.perf_counter()
    db = sqlite3.connect(":memory:")
    db.execute('CREATE VIRTUAL TABLE m USING fts5(id UNINDEXED, text, tokenize = "unicode61 remove_diacritics 2")')
    db.executemany("INSERT INTO m (id, text) VALUES (?, ?)", rows)
    hits = [[r[0] for r in db.execute("SELECT id FROM m WHERE m MATCH ?", (e,))] for e in exprs]
    return time.perf_counter() - t0, [len(h) for h in hits]


def child(which: str, n: int) -> None:
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    secs, counts = (run_smo if which == "smo" else run_fts5)(n)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"secs": secs, "counts": counts, "peak_mb": peak / 1024, "base_mb": base / 1024}))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("smo", "fts5"):
        child(sys.argv[1], int(sys.argv[2]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for which in ("smo", "fts5"):
            out = subprocess.run([sys.executable, __file__, which, str(n)], capture_output=True, text=True, check=True)
            r = json.loads(out.stdout)
            if which not in best or r["secs"] < best[which]["secs"]:
                best[which] = r
    same = best["smo"]["counts"] == best["fts5"]["counts"]
    print(f"{n:,} mentions, 100 queries (index + queries), best of {rounds}")
    for which in ("smo", "fts5"):
        r = best[which]
        print(f"  {which:5} {r['secs']:.2f} s   peak RSS {r['peak_mb']:.0f} MB (process with the mentions built: the texts are in both)")
    print(f"  smo / FTS5 speed: {best['fts5']['secs'] / best['smo']['secs']:.1f}x; same match counts for all 100 queries: {same}")
    print(f"  matches per query: min {min(best['smo']['counts'])}, median {sorted(best['smo']['counts'])[50]}, max {max(best['smo']['counts'])}")


if __name__ == "__main__":
    main()
