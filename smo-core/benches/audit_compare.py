#!/usr/bin/env python3
"""Side-by-side comparison of the site audit with its peers, on the same generated pages, in one run.

    bash smo-core/benches/audit_compare.sh                  # both page sets, one after the other
    PAGESET=calibrated bash smo-core/benches/audit_compare.sh   # or: stress

Two page sets (see docs/audit.md, "Performance"): `stress`, the original dense pages (one `<`
every ~30 bytes, deep nesting), and `calibrated`, pages whose sizes, element counts, tag and
attribute mix, nesting depth and social markup follow published statistics of real pages
(`pagegen::calibrated_pages`; `pageset_stats.py` prints how the written set compares).

Peers: smo (Rust, via the `audit_bench` example), smo (Python), the bare lol_html scan that visits
the same elements (the floor), Python `extruct` (Open Graph + JSON-LD) and npm `metascraper`
where installed; plus `lean_lol_html_pass`, the kind of lol_html pass the site-audit reference
measured on real pages (470–857 MiB/s), as a check of how realistic a page set is. Prints MB/s,
pages/s and ratios; smo does the full inventory and every rule, the peers only extract.
"""

import json
import os
import pathlib
import shutil
import subprocess
import sys
import time
from typing import Any, Callable

ROOT = pathlib.Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools"
PAGES = TOOLS / "bench-pages"
ROUNDS = int(os.environ.get("ROUNDS", "3"))
SETS = {"both": ["stress", "calibrated"], "stress": ["stress"], "calibrated": ["calibrated"]}


MIN_SECONDS = float(os.environ.get("MIN_SECONDS", "2"))


def best(tasks: dict[str, Callable[[], Any]], rounds: int = ROUNDS) -> dict[str, float]:
    """Best time of each task over interleaved rounds (each round runs every task once, in turn),
    so that a burst of load on a shared machine slows all of them rather than one; rounds go on
    until each task has run `rounds` times and MIN_SECONDS have passed."""
    times = {name: float("inf") for name in tasks}
    start, done = time.perf_counter(), 0
    while done < rounds or time.perf_counter() - start < MIN_SECONDS:
        for name, f in tasks.items():
            t = time.perf_counter()
            f()
            times[name] = min(times[name], time.perf_counter() - t)
        done += 1
    return times


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def run_set(pageset: str) -> dict[str, str]:
    folder = PAGES / pageset
    load_before = load()
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "-p", "smo-core", "--example", "audit_bench", "--", str(folder), str(ROUNDS)],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "PAGESET": pageset},
    ).stdout
    rust = json.loads(out)
    seconds: dict[str, float | None] = dict(rust["seconds"])
    pages = []
    for line in (folder / "index.tsv").read_text().splitlines():
        name, url = line.split("\t")
        pages.append((url, (folder / name).read_bytes()))
    total = sum(len(h) for _, h in pages)
    assert total == rust["bytes"], "the Rust and Python runs must read the same pages"

    import smo

    tasks: dict[str, Callable[[], Any]] = {
        "smo_python": lambda: [smo.audit_page(h, u) for u, h in pages],
        "smo_python_site_1_thread": lambda: smo.audit_site(pages, threads=1),
        "smo_python_site_all_cores": lambda: smo.audit_site(pages),
    }
    try:
        import extruct  # type: ignore[import-untyped]

        texts = [(u, h.decode("utf-8")) for u, h in pages]
        tasks["extruct"] = lambda: [
            extruct.extract(t, base_url=u, syntaxes=["opengraph", "json-ld"], uniform=False) for u, t in texts
        ]
    except ImportError:
        seconds["extruct"] = None
        print("extruct: not installed (pip install extruct)", file=sys.stderr)
    seconds.update(best(tasks))

    node_dir = TOOLS / "bench-node"
    if shutil.which("node") and (node_dir / "node_modules" / "metascraper").is_dir():
        script = node_dir / "run.js"
        script.write_text(
            """
const fs = require('fs'); const path = require('path');
const metascraper = require('metascraper')([
  require('metascraper-title')(), require('metascraper-description')(), require('metascraper-image')(),
  require('metascraper-url')(), require('metascraper-logo')(), require('metascraper-publisher')(),
]);
(async () => {
  const dir = process.argv[2]; const rounds = +process.argv[3];
  const pages = fs.readFileSync(path.join(dir, 'index.tsv'), 'utf8').trim().split('\\n')
    .map(l => l.split('\\t')).map(([f, url]) => ({ url, html: fs.readFileSync(path.join(dir, f), 'utf8') }));
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    for (const p of pages) await metascraper(p);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log(best);
})();
"""
        )
        res = subprocess.run(["node", str(script), str(folder), str(ROUNDS)], cwd=node_dir, capture_output=True, text=True)
        seconds["metascraper"] = float(res.stdout.strip()) if res.returncode == 0 else None
        if res.returncode != 0:
            print("metascraper failed:", res.stderr[-500:], file=sys.stderr)
    else:
        seconds["metascraper"] = None
        print("metascraper: not installed (npm install metascraper ... in .tools/bench-node)", file=sys.stderr)

    mb = total / 1e6
    print(f"== {pageset}: {len(pages)} pages, {mb:.1f} MB, {rust['cores']} cores, best of {ROUNDS} runs,"
          f" load average {load_before} before, {load()} after\n")
    print(f"| {'peer':<34} | {'MB/s':>8} | {'pages/s':>8} |")
    print(f"|{'-' * 36}|{'-' * 10}|{'-' * 10}|")
    for name, s in seconds.items():
        if s is None:
            print(f"| {name:<34} | {'n/a':>8} | {'n/a':>8} |")
        else:
            print(f"| {name:<34} | {mb / s:8.1f} | {len(pages) / s:8.1f} |")
    s = seconds
    ratios = {
        "smo_rust / bare_lol_html (target >= 0.5)": s["bare_lol_html"] / s["smo_rust"],
        "smo_python / bare_lol_html": s["bare_lol_html"] / s["smo_python"],
        "site speed-up, all cores vs 1 thread (Rust)": s["smo_rust_site_1_thread"] / s["smo_rust_site_all_cores"],
        "site speed-up, all cores vs 1 thread (Python)": s["smo_python_site_1_thread"] / s["smo_python_site_all_cores"],
    }
    if s.get("extruct"):
        ratios["smo_rust / extruct (target >= 3)"] = s["extruct"] / s["smo_rust"]
        ratios["smo_python / extruct"] = s["extruct"] / s["smo_python"]
        ratios["lean lol_html pass / extruct (no smo scan can beat it)"] = s["extruct"] / s["lean_lol_html_pass"]
    if s.get("metascraper"):
        ratios["smo_rust / metascraper"] = s["metascraper"] / s["smo_rust"]
    print()
    for k, v in ratios.items():
        print(f"- {k}: {v:.2f}x")
    print()
    summary = {k: f"{v:.2f}x" for k, v in ratios.items()}
    for name in ("lean_lol_html_pass", "bare_lol_html", "smo_rust", "extruct"):
        if s.get(name):
            summary[f"{name} MB/s (absolute, this machine)"] = f"{mb / s[name]:.0f}"
    summary["load average before/after"] = f"{load_before} / {load()}"
    return summary


def main() -> int:
    chosen = os.environ.get("PAGESET", "both")
    if chosen not in SETS:
        print(f"PAGESET must be one of {', '.join(SETS)}", file=sys.stderr)
        return 2
    results = {name: run_set(name) for name in SETS[chosen]}
    if len(results) > 1:
        names = list(results)
        print("| ratio | " + " | ".join(names) + " |")
        print("|---|" + "---|" * len(names))
        for k in results[names[0]]:
            print(f"| {k} | " + " | ".join(results[n].get(k, "n/a") for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
