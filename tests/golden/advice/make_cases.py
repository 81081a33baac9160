"""Writes cases.json: post tables built from a fixed seed, and what smo must advise on them.

The expected comparison statistics (n, means, Welch's t and degrees of freedom) are computed
here from their textbook formulas, independently of smo; the recommendation ids follow from
the rules' stated conditions (docs/advice.md). Run: python3 tests/golden/advice/make_cases.py
"""
import json
import math
import random
from pathlib import Path

HEADER = "published,network,post_id,content_type,pillar,reach,likes,comments,shares,saves,text"


def table(rows):
    return "\n".join([HEADER] + [",".join(str(v) for v in r) for r in rows]) + "\n"


def welch(a, b):
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    va = sum((x - ma) ** 2 for x in a) / (len(a) - 1)
    vb = sum((x - mb) ** 2 for x in b) / (len(b) - 1)
    sa, sb = va / len(a), vb / len(b)
    t = (ma - mb) / math.sqrt(sa + sb)
    df = (sa + sb) ** 2 / (sa * sa / (len(a) - 1) + sb * sb / (len(b) - 1))
    return ma, mb, t, df


def posts(rng, groups, network="instagram", start_day=1, texts=None):
    """groups: list of (content_type, count, mean engagement %, spread); texts: a post text per group."""
    rows, rates = [], {}
    i = 0
    for gi, (ctype, count, mean, spread) in enumerate(groups):
        text = texts[gi] if texts else ""
        for _ in range(count):
            reach = 1000 + 50 * (i % 7)
            rate = max(0.1, rng.gauss(mean, spread))
            likes = round(rate * reach / 100)
            day = start_day + i % 27
            hour = 9 + (i % 3) * 4
            rows.append((f"2026-10-{day:02d}T{hour:02d}:00:00Z", network, f"p{i:03d}", ctype, "Savoir-faire", reach, likes, 0, 0, 0, text))
            rates.setdefault(text if texts else ctype, []).append(likes / reach * 100)
            i += 1
    return rows, rates


def comparison(rates, group, family="content_type", label=None):
    allv = [v for vs in rates.values() for v in vs]
    mean_all = sum(allv) / len(allv)
    g = [v / mean_all for v in rates[group]]
    rest = [v / mean_all for k, vs in rates.items() if k != group for v in vs]
    ma, mb, t, df = welch(g, rest)
    return {"family": family, "group": label or group, "measure": "relative_engagement", "n": len(g), "rest_n": len(rest),
            "mean": round(ma, 4), "rest_mean": round(mb, 4), "t": round(t, 2), "df": round(df, 1)}


def main():
    rng = random.Random(20261202)
    cases = []
    rows, rates = posts(rng, [("carousel", 14, 6.0, 0.8), ("image", 26, 3.0, 0.6)])
    c1 = comparison(rates, "carousel")
    c1["significant"] = True
    c2 = comparison(rates, "image")
    c2["significant"] = True
    cases.append({
        "name": "carousel-engages-significantly",
        "posts": table(rows),
        "expect": {
            "present": [
                {"id": "report/strong-content-type", "subject": "content_types.carousel", "priority": "low", "objective": "engagement", "source_kind": "smo_rule"},
                {"id": "advice/weak-content-type", "subject": "content_types.image", "priority": "low"},
            ],
            "absent": ["advice/shared-format"],
            "comparisons": [c1, c2],
        },
    })
    # The example: nine text posts that engage well are too few to advise on.
    rows, rates = posts(rng, [("text", 9, 4.0, 0.5), ("image", 31, 2.0, 0.5)])
    cases.append({
        "name": "nine-posts-are-too-few",
        "posts": table(rows),
        "expect": {
            "present": [],
            "absent": ["report/strong-content-type", "advice/weak-content-type"],
            "comparisons": [{"family": "content_type", "group": "text", "measure": "relative_engagement", "n": 9, "rest_n": 31, "significant": False, "note_starts": "not tested"}],
        },
    })
    # Two formats drawn from the same distribution: nothing to advise.
    rows, rates = posts(rng, [("video", 20, 3.0, 0.9), ("image", 20, 3.0, 0.9)])
    c = comparison(rates, "video")
    c["significant"] = False
    cases.append({
        "name": "no-difference-no-advice",
        "posts": table(rows),
        "expect": {
            "present": [],
            "absent": ["report/strong-content-type", "advice/weak-content-type"],
            "comparisons": [c],
        },
    })
    # Hashtags from the posts' text: one tag engages better than the other, on the same format.
    rows, rates = posts(rng, [("image", 15, 5.5, 0.7), ("image", 25, 3.0, 0.7)],
                        texts=["Notre lin lavé #LinLavé", "Nouvelle collection #MaisonDeCampagne"])
    c = comparison(rates, "Notre lin lavé #LinLavé", family="hashtag", label="#linlavé")
    c["significant"] = True
    cases.append({
        "name": "hashtag-from-post-text",
        "posts": table(rows),
        "expect": {
            "present": [
                {"id": "advice/strong-hashtag", "subject": "hashtags.#linlavé", "source_kind": "smo_rule"},
                {"id": "advice/weak-hashtag", "subject": "hashtags.#maisondecampagne"},
            ],
            "absent": ["report/strong-content-type"],
            "comparisons": [c],
        },
    })
    doc = {
        "about": "Advice (docs/advice.md): `advise(Strategy.example(), posts=<csv>, alpha=0.05, min_posts=10, time_zone=UTC)`. Every `present` item must be among the recommendations (id and subject, and priority, objective and source kind when given); no recommendation may have an id of `absent`; each `comparisons` item must match the comparison of the same family, measure and group: n and rest_n exactly, mean and rest_mean within 1e-3, t within 0.01 and df within 0.1 (computed by make_cases.py from Welch's formulas, independently of smo), significant exactly, note prefix when given.",
        "cases": cases,
    }
    Path(__file__).with_name("cases.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


main()
