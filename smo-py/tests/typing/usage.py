"""Typical analyst code, type-checked with `mypy --strict` against the hand-written stubs."""

import datetime

import smo


def review(text: str) -> dict[str, int]:
    strategy = smo.Strategy.from_toml(text)
    counts: dict[str, int] = {}
    for finding in strategy.validate(today=datetime.date(2026, 11, 21), severities={"listening/none": "error"}):
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
        record: smo.Finding = finding
        assert record.to_dict()["rule"] == finding.rule
    return counts


def handles() -> list[str]:
    return [n.id for n in smo.networks() if smo.check_handle(n.id, "maisonlune").valid]


def parse_error_position(text: str) -> tuple[int | None, str | None]:
    try:
        smo.Strategy.from_json(text)
    except smo.ParseError as e:
        return e.line, e.path
    return None, None


def audit_site_records(strategy: smo.Strategy) -> list[str]:
    audit = smo.audit_page(b"<title>t</title>", "https://example.test/", disabled=["og/missing-all"])
    titles: list[str] = audit.features.open_graph.get("og:title", [])
    overall: float | None = audit.scores.overall
    report = smo.audit_site(smo.example_site(), strategy=strategy, threads=2)
    rules = [r["rule"] for r in report.findings_records()]
    return titles + rules + [audit.fix_html, str(overall)]

# The editorial calendar.
plan: smo.CalendarPlan = smo.plan_calendar(
    smo.Strategy.example(),
    "2027-01-04",
    datetime.date(2027, 1, 31),
    zone_policy="compromise",
    holidays="FR",
    windows=[{"network": "instagram", "days": ["mon"], "start": "09:00", "end": "10:00"}],
    drafts={"instagram-maisonlune-20270104-1": {"text": "Le lin lavé", "link": "https://www.maisonlune.fr/"}},
)
first: datetime.datetime = plan.slots[0].start
wall: datetime.time = plan.slots[0].local_time
ics: str = plan.to_ics(utc=True)
rows: list[dict[str, object]] = plan.records()
events: list[smo.CalendarEvent] = smo.read_ics(ics, end="2027-12-31") + smo.holidays("FR", "2027-01-01", "2027-12-31")

def sentiment_reasons(texts: list[str]) -> list[tuple[float, str, list[str]]]:
    out: list[tuple[float, str, list[str]]] = []
    for s in smo.sentiment_batch(texts, "fr", threads=2):
        rules: list[str] = [f["rule"] for e in s.trace["entries"] for f in e["effects"]]
        label: str = s.label
        out.append((s.compound, label, rules))
    one = smo.sentiment("Pas mal du tout !")
    lang: str = one.lang
    out.append((one.to_dict()["trace"]["total"], lang, []))
    return out

def watch(mentions: smo.LoadResult, public: smo.LoadResult) -> list[str]:
    strategy = smo.Strategy.example()
    formula: float | None = smo.share_of_voice(50.0, 150.0)
    sov: smo.ShareOfVoice = smo.share_of_voice(mentions, strategy, period="week", networks=["instagram"])
    share: float | None = sov.totals[0]["share_mentions"]
    pos: int = sov.totals[0]["sentiment"]["positive"]
    brands: smo.ShareOfVoice = smo.share_of_voice(
        [{"id": "1", "published": "2026-04-01T10:00:00Z", "text": "alpha"}],
        [{"name": "A", "query": "alpha", "own": True}],
    )
    inf: smo.Influencers = smo.influencers(mentions, strategy, weights={"reach": 2, "relevance": 1}, top=10)
    th: smo.Themes = smo.themes(mentions, strategy, brand="Maison Lune", exclude=["lin"])
    al: smo.Alerts = smo.alerts(mentions, strategy, window=7, disabled=["watch/volume-spike"])
    bm: smo.Benchmark = smo.benchmark(public, ["posts"], own="Maison Lune")
    brief: smo.WatchBrief = smo.watch_brief(strategy, mentions, public, time_zone="Europe/Paris")
    report: smo.Report = smo.report(strategy, smo.Dataset.example(), watch=brief)
    return (
        [str(formula), str(share), str(pos), str(len(brands.records()))]
        + inf.handles
        + th.phrases
        + [f.rule for f in al.findings]
        + bm.explanations
        + [brief.to_markdown(), report.to_markdown()]
    )


def tags_api(texts: list[str]) -> list[str]:
    one: list[smo.Tag] = smo.extract_tags(texts[0], "fr", top=5)
    many: list[list[smo.Tag]] = smo.extract_tags_batch(texts, None, 10, threads=2)
    spans: list[tuple[int, int]] = one[0].positions + one[0].byte_positions
    d = one[0].to_dict()
    score: float = d["score"] + one[0].score
    return [t.phrase for t in one] + [d["phrase"], str(score), str(len(spans)), str(len(many))]

# advice
_advice: smo.Advice = smo.advise(smo.Strategy.example(), posts=smo.Dataset.example(), today="2026-09-30", priorities={"advice/feed": "high"})
_rec: smo.Recommendation = _advice.recommendations[0]
_prio: str = _rec.priority
_kind: str = _rec.source["kind"]
_snips: list[str | None] = [a.get("snippet") for a in _rec.actions]
_rep: smo.Report = smo.report(smo.Strategy.example(), smo.Dataset.example(), advice=_advice)

# link exchanges
_ledger, _pages = smo.example_partners()
_checked: smo.PartnersReport = smo.check_partners(_ledger, _pages, strategy=smo.Strategy.example(), web=smo.Dataset.example(), grace_days=30)
_state: str = _checked.partners[0]["inbound"]["state"]
_sessions: int | None = _checked.to_records()[0]["sessions"]
_partner_advice: smo.Advice = smo.advise(smo.Strategy.example(), partners=_checked)
_loaded: smo.LoadResult = smo.load_partners("partner,site,their_page\nP,p.example,p.example/a\n")

# referrer databases
_db: smo.RefererDatabase = smo.load_referer_database("email:\n  M:\n    domains: [m.example]\n", format="auto")
_ref: smo.Referrer = smo.classify_referrer("https://m.example/", database=_db)
_files: list[str] = [f["name"] for f in _db.files]

# Arrow in and out (pyarrow is untyped here: any object with the PyCapsule methods will do)
_listed: dict[str, list[str | None]] = smo.classify_referrers(["https://t.co/x"], threads=1)


def arrow_paths(column: smo.ArrowTable, posts: smo.ArrowTable) -> list[str]:
    table: smo.ArrowTable = smo.classify_referrers(column, pages=column, threads=1)
    grouped: smo.GroupResult = smo.group_posts(posts, ["reach"], by=["network"], threads=2)
    audits: smo.ArrowTable = smo.audit_pages(column, column, threads=1)
    csv: smo.CsvGroupResult = smo.group_posts_csv("posts.csv", ["reach"], period="month")
    rows: int = table.num_rows + audits.num_rows + csv.rows + len(csv.rejected)
    return grouped.to_arrow().column_names + [str(rows)] + [name for name, _, _ in table.schema]


def arrow_text_paths(texts: smo.ArrowTable) -> int:
    counts: smo.ArrowTable = smo.parse_text_batch(texts, "bluesky", threads=1)
    entities: smo.ArrowTable = smo.extract_entities_batch(texts, threads=1)
    scores: smo.ArrowTable = smo.sentiment_batch(texts, "fr", threads=1)
    log: dict[str, object] = smo.access_log_breakdown(texts, site="https://www.maisonlune.fr/")
    listed: list[smo.TextCount] = smo.parse_text_batch(["Bonjour"], "bluesky", threads=1)
    found: list[list[smo.Entity]] = smo.extract_entities_batch(["#lin"])
    return counts.num_rows + entities.num_rows + scores.num_rows + len(log) + len(listed) + len(found)


# pickling, for workers
import pickle  # noqa: E402

_shipped: smo.Strategy = pickle.loads(pickle.dumps(smo.Strategy.example(), protocol=5))
_reduced: tuple[object, ...] = _db.__reduce__()
