"""The Python surface under concurrency: the same calls from 8 threads at once give the same
results as from one thread, and the batch calls release the GIL while they work (a pure-Python
thread keeps running beside them)."""

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import smo

STRATEGY = smo.Strategy.example()
DATA = smo.Dataset.example()
SITE = smo.example_site()
LEDGER, PARTNER_PAGES = smo.example_partners()
TEXTS = [
    "Notre parure en lin lavé, tissée dans les Vosges, est douce dès le premier soir. #linlavé",
    "Love the washed linen duvet cover from @maisonlune — so soft! https://maisonlune.fr/p",
    "Service client décevant : commande arrivée abîmée, pas de réponse depuis une semaine.",
] * 50
REFERRERS = [
    "https://l.facebook.com/l.php?u=x",
    "https://www.google.fr/search?q=lin",
    "https://deref-gmx.net/mail/",
    "https://suche.web.de/web?q=leinen",
    "https://blog.example/a",
] * 400


def calls() -> dict[str, Callable[[], Any]]:
    return {
        "classify_referrers": lambda: smo.classify_referrers(REFERRERS),
        "sentiment_batch": lambda: [s.to_dict() for s in smo.sentiment_batch(TEXTS)],
        "extract_tags_batch": lambda: [[t.to_dict() for t in ts] for ts in smo.extract_tags_batch(TEXTS, "fr", 5)],
        "parse_text_batch": lambda: [c.to_dict() for c in smo.parse_text_batch(TEXTS, "x")],
        "audit_site": lambda: smo.audit_site(SITE, STRATEGY, threads=2).to_dict(),
        "group_posts": lambda: smo.group_posts(DATA, ["engagement_rate"], by=["network"]).to_records(),
        "check_partners": lambda: smo.check_partners(LEDGER, PARTNER_PAGES, strategy=STRATEGY, web=DATA).to_records(),
        "advise": lambda: smo.advise(STRATEGY, posts=DATA, today="2026-09-30").to_dict(),
        "validate": lambda: [f.to_dict() for f in STRATEGY.validate(today="2026-11-21")],
    }


def test_eight_threads_give_the_results_of_one() -> None:
    for name, call in calls().items():
        alone = call()
        with ThreadPoolExecutor(max_workers=8) as pool:
            together = list(pool.map(lambda _: call(), range(8)))
        assert all(r == alone for r in together), name


def test_batches_release_the_gil() -> None:
    big = REFERRERS * 400  # 800,000 referrers (2,000 distinct texts once deduplicated by object)
    texts = TEXTS * 40  # 6,000 texts
    for name, call in {
        "classify_referrers": lambda: smo.classify_referrers([r + str(i % 5000) for i, r in enumerate(big)]),
        "sentiment_batch": lambda: smo.sentiment_batch(texts),
        "extract_tags_batch": lambda: smo.extract_tags_batch(texts, "fr", 5),
    }.items():
        ticks = 0
        done = threading.Event()

        def spin() -> None:
            nonlocal ticks
            while not done.is_set():
                ticks += 1

        side = threading.Thread(target=spin)
        side.start()
        t0 = time.perf_counter()
        call()
        elapsed = time.perf_counter() - t0
        done.set()
        side.join()
        # With the GIL held for the whole call the side thread would get only the interpreter's
        # switch intervals (5 ms each) before the call; released, it spins all along.
        assert ticks > 10_000, f"{name}: {ticks} ticks in {elapsed:.3f} s"
