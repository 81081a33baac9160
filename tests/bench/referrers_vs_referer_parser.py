"""Referrer classification + channel grouping: smo's Python batch API against PyPI `referer-parser`.

Run: python tests/bench/referrers_vs_referer_parser.py [rows] [peer_rows]
(in the venv of tests/run-all.sh, with `pip install referer-parser`).

Both run in the same process on the same generated referrers. smo classifies all `rows` (10
million by default) with `smo.classify_referrers`, which returns medium, source, network, term and
the GA4-model channel for each row (GIL released, parallel). `referer-parser` 0.4.1 (pure
Python, 2016) is timed on a random subsample of `peer_rows` (200,000 by default) because it needs
minutes for 10 million; per-row throughput is compared, which is how the ratio is reported. It
classifies only (no channel grouping), so the comparison favours it.
"""

import os
import random
import sys
import time

import smo
from referer_parser import Referer

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
PEER_ROWS = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
PAGE = "https://www.maisonlune.fr/draps"

TEMPLATES = [
    "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.maisonlune.fr%2F{n}",
    "https://www.facebook.com/groups/{n}/",
    "https://www.google.com/",
    "https://www.google.fr/search?q=linge+de+lit+{n}",
    "https://t.co/{n}",
    "https://www.instagram.com/p/{n}/",
    "https://duckduckgo.com/?q=draps+lin+{n}",
    "https://mail.google.com/mail/u/0/#{n}",
    "https://chatgpt.com/c/{n}",
    "https://www.bing.com/search?q=washed+linen+{n}",
    "https://blog{n}.example.org/article",
    "",
    "https://www.pinterest.fr/pin/{n}/",
    "https://lnkd.in/{n}",
    "https://news.ycombinator.com/item?id={n}",
    "https://search.yahoo.com/search?p=linen+{n}",
    "https://www.reddit.com/r/malelivingspace/{n}",
    "https://www.maisonlune.fr/panier?{n}",
    "https://x.com/maisonlune/status/{n}",
    "https://mastodon.social/@lune/{n}",
]


def generate(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    distinct = [t.format(n=rng.randrange(10**6)) for t in TEMPLATES for _ in range(2_500)]
    return [distinct[rng.randrange(len(distinct))] for _ in range(n)]


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    refs = generate(ROWS)
    sample = random.Random(11).sample(refs, PEER_ROWS)

    def ours() -> None:
        cols = smo.classify_referrers(refs, PAGE)
        assert len(cols["channel"]) == ROWS

    def peer() -> None:
        for r in sample:
            p = Referer(r, PAGE)
            (p.medium, p.referer, p.search_term)

    # Agreement on the media both know (search and social), so both do the same work.
    diff = 0
    for r in sample[:20_000]:
        ours_r = smo.classify_referrer(r, PAGE)
        peer_r = Referer(r, PAGE)
        if peer_r.medium in ("search", "social") and ours_r.medium != peer_r.medium:
            diff += 1
    t_ours = best_of(ours, 3)
    t_peer = best_of(peer, 1)
    ours_rate = ROWS / t_ours
    peer_rate = PEER_ROWS / t_peer
    print(f"cores: {os.cpu_count()}")
    print(f"smo.classify_referrers (classification + channel): {ROWS:,} rows in {t_ours:.2f} s = {ours_rate:,.0f} rows/s")
    print(f"referer-parser 0.4.1 (classification only):        {PEER_ROWS:,} rows in {t_peer:.2f} s = {peer_rate:,.0f} rows/s")
    print(f"throughput ratio smo / referer-parser: {ours_rate / peer_rate:.1f}x")
    print(f"rows where referer-parser says search/social and smo disagrees (of 20,000): {diff}")


if __name__ == "__main__":
    main()
