"""Every class of `smo._smo` pickles and comes back equal, in this process and in a worker started
with `spawn` (what Spark, Dask, Ray and `multiprocessing` do with smo objects): the classes are
found by introspection, so a class added without pickling fails here. Rules, networks, queries,
referrer databases and sentiments travel as what identifies them and are rebuilt in the worker
from its own tables; everything else as its smo-core value's JSON."""

import datetime
import functools
import inspect
import json
import math
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import smo
import smo._smo as native
from conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "maison-lune"
REFERERS = ROOT / "smo-core" / "tests" / "fixtures" / "referers"

# The only classes that do not pickle through `_unpickle`: exceptions pickle as exceptions do.
EXCEPTIONS = {
    "DataRowError",
    "InvalidArgumentError",
    "InvalidValueError",
    "ParseError",
    "SmoError",
    "UnknownNetworkError",
    "UnknownRuleError",
    "WriteError",
}
CLASSES = sorted(n for n, o in vars(native).items() if inspect.isclass(o) and n not in EXCEPTIONS)

# Methods that take no argument and say what an object holds; each is compared after a round trip.
VIEWS = (
    "to_dict",
    "to_records",
    "records",
    "rows",
    "to_columns",
    "to_json",
    "to_toml",
    "to_markdown",
    "to_html",
    "to_ics",
    "to_csv",
    "to_arrow",
    "findings_records",
    "queries",
)


def snapshot(v: Any) -> Any:
    """What a value shows: plain data as is; a smo object as its repr, its length, every getter and
    every view of `VIEWS` it has, each snapshot in turn."""
    if isinstance(v, float) and math.isnan(v):
        return "NaN"
    if v is None or isinstance(v, (str, int, float, bytes)):
        return v
    if isinstance(v, (list, tuple)):
        return [snapshot(x) for x in v]
    if isinstance(v, dict):
        return {k: snapshot(x) for k, x in v.items()}
    if isinstance(v, (datetime.date, datetime.time)):
        return (type(v).__name__, v.isoformat(), str(getattr(v, "tzinfo", None)))
    cls = type(v)
    assert cls.__module__ == "smo._smo", f"unexpected value {v!r}"
    if isinstance(v, native.ArrowTable):
        return {"repr": repr(v), "schema": v.schema, "rows": v.to_pyarrow().to_pylist()}
    out: dict[str, Any] = {"class": cls.__name__, "repr": repr(v), "str": str(v)}
    if hasattr(v, "__len__"):
        out["len"] = len(v)
    if hasattr(v, "__bool__"):
        out["bool"] = bool(v)
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attr = inspect.getattr_static(cls, name)
        if inspect.isgetsetdescriptor(attr) or isinstance(attr, property):
            out[name] = snapshot(getattr(v, name))
        elif name in VIEWS:
            out[name + "()"] = snapshot(getattr(v, name)())
    return out


def round_trip(obj: Any, protocol: int) -> Any:
    back = pickle.loads(pickle.dumps(obj, protocol=protocol))
    assert type(back) is type(obj)
    return back


@functools.cache
def examples() -> dict[str, list[Any]]:
    """At least one real instance of every class, made from the example brand's data."""
    strategy = smo.Strategy.example()
    data = smo.Dataset.example()
    site = smo.example_site()
    page = smo.audit_page(site[0][1], site[0][0])
    audit = smo.audit_site(site, strategy=strategy)
    ledger, partner_pages = smo.example_partners()
    partners = smo.check_partners(ledger, partner_pages, strategy=strategy, web=data)
    posts = smo.load_posts((EXAMPLE / "data" / "posts.csv").read_text(encoding="utf-8"))
    bad = smo.load_posts("post_id,network,published,likes\np1,instagram,2026-07-01T10:00:00Z,3\np2,instagram,yesterday,4\n")
    assert bad.rejected
    mentions = smo.load_mentions((EXAMPLE / "data" / "mentions.jsonl").read_text(encoding="utf-8"), format="jsonl", strict=True)
    public = smo.load_posts((EXAMPLE / "data" / "public-posts.csv").read_text(encoding="utf-8"), strict=True)
    brief = smo.watch_brief(strategy, mentions, public, time_zone="Europe/Paris")
    slot_id = "instagram-maisonlune-20270104-1"
    plan = smo.plan_calendar(
        strategy, "2027-01-04", "2027-01-17", holidays="FR", drafts={slot_id: {"text": "Le lin lavé", "link": "https://www.maisonlune.fr/lin"}}
    )
    # 02:30 in Paris does not exist on 2026-03-29: that slot carries its DST adjustment.
    spring = smo.plan_calendar(strategy, "2026-03-23", "2026-04-05", holidays="FR", windows=[{"network": "instagram", "days": ["sunday"], "start": "02:30", "end": "02:45"}])
    drafted = [s for s in plan.slots if s.draft]
    moved = [s for s in spring.slots if s.adjustment]
    assert drafted and moved
    advice = smo.advise(strategy, audit=audit, posts=data, today="2026-09-30")
    report = smo.report(
        strategy,
        data,
        [{"rule": "page/og-image-missing", "severity": "error", "message": "no og:image", "path": "/", "source": "x"}],
        period="week",
        time_zone="Europe/Paris",
        top=3,
        calendar=plan,
        watch=brief,
        advice=advice,
    )
    feed = smo.parse_feed((EXAMPLE / "feed.xml").read_bytes())
    unshared = smo.unshared_content(feed, posts, strategy, now="2026-09-30T12:00:00Z")
    grouped = smo.group_posts(data, ["engagement_rate", "posts", "reach"], by=["network"], period="month", time_zone="Europe/Paris")
    csv_grouped = smo.group_posts_csv(EXAMPLE / "data" / "posts.csv", ["engagement_rate"], by=["network"])
    database = smo.load_referer_database(REFERERS / "snowplow.yml", (REFERERS / "Socials.yml").read_bytes())
    texts = ["Service client décevant : commande arrivée abîmée.", "Love the washed linen duvet from @maisonlune!"]
    long = " ".join(["Le lin lavé se froisse joliment et garde sa douceur au fil des lavages."] * 12)
    mention = smo.Mention("x", "Le lin joliment lavé #MaisonLune", "2027-01-04T09:00:00Z", network="instagram", author="@lea", followers=12000, lang="fr")
    found = {
        "Advice": [advice],
        "Alerts": [brief.alerts],
        "ArrowTable": [grouped.to_arrow()],
        "Benchmark": [brief.benchmark],
        "CalendarEvent": smo.holidays("FR", "2027-01-01", "2027-05-31")[:3] + plan.events,
        "CalendarPlan": [plan, spring],
        "CalendarSlot": [drafted[0], moved[0], *plan.slots[-2:]],
        "CsvGroupResult": [csv_grouped],
        "Dataset": [data, smo.Dataset(posts=posts), smo.Dataset()],
        "Entity": smo.extract_entities("Love @maisonlune/team #lin $LVMH https://maisonlune.fr/p ✨"),
        "Feed": [feed],
        "Finding": strategy.validate(today="2026-11-21") + page.findings[:3],
        "GroupResult": [grouped, smo.group_posts(data, ["posts"])],
        "HandleCheck": [smo.check_handle("x", "@Maison_Lune"), smo.check_handle("mastodon", "not a handle")],
        "Influencers": [brief.influencers],
        "KpiValue": [smo.kpi("engagement_rate", data), smo.kpi("engagement_rate", [])],
        "LoadResult": [posts, bad, mentions, ledger, smo.load_web((EXAMPLE / "data" / "web.csv").read_text(encoding="utf-8"))],
        "Mention": [mention, *mentions.mentions[:2]],
        "NetworkInfo": smo.networks(),
        "PageAudit": [page, smo.audit_page(site[1][1], site[1][0], disabled=["fb/app-id-missing"], severities={"icon/missing-apple-touch-icon": "error"})],
        "PageFeatures": [page.features],
        "PartnersReport": [partners],
        "Query": [smo.Query('"Maison Lune" OR (lin NEAR/3 lavé)'), *strategy.queries().values()],
        "Recommendation": advice.recommendations[:3],
        "RefererDatabase": [smo.load_referer_database(), database],
        "Referrer": [smo.classify_referrer("https://www.google.fr/search?q=lin"), smo.classify_referrer("https://search.example-corp.com/?qs=linen", database=database)],
        "RejectedRow": bad.rejected,
        "Report": [report, smo.report(strategy, data)],
        "Rule": smo.rules()[:5] + smo.rules()[-5:],
        "Scores": [page.scores, audit.scores],
        "Sentiment": [smo.sentiment(texts[0]), smo.sentiment(texts[1], "en"), *smo.sentiment_batch(texts, "fr")],
        "ShareOfVoice": [brief.share_of_voice],
        "SiteReport": [audit],
        "Strategy": [strategy],
        "Tag": smo.extract_tags(long, "fr", 5),
        "TextCount": [smo.parse_text("Bonjour 👋 https://maisonlune.fr", "x"), smo.parse_text(long, "bluesky")],
        "Themes": [brief.themes],
        "ThreadPart": smo.split_thread(long, "x"),
        "UnsharedItem": unshared,
        "WatchBrief": [brief],
    }
    for name, items in found.items():
        assert items and all(type(i).__name__ == name for i in items), name
    return found


def test_every_class_has_an_example() -> None:
    assert EXCEPTIONS <= set(vars(native)) and all(issubclass(getattr(native, n), Exception) for n in EXCEPTIONS)
    assert set(CLASSES) == set(examples()), "a class of smo._smo without an example here (and so maybe without pickling)"


@pytest.mark.parametrize("name", CLASSES)
@pytest.mark.parametrize("protocol", [5, pickle.DEFAULT_PROTOCOL])
def test_round_trip(name: str, protocol: int) -> None:
    for obj in examples().get(name, []):
        back = round_trip(obj, protocol)
        assert snapshot(back) == snapshot(obj)
        if type(obj).__eq__ is not object.__eq__:
            assert back == obj
        assert snapshot(round_trip(back, protocol)) == snapshot(obj)
    assert examples().get(name), f"no example of {name}"


def test_every_class_reduces_to_unpickle() -> None:
    for name in CLASSES:
        for obj in examples()[name]:
            f, args = obj.__reduce__()
            if name == "ArrowTable":
                assert f == native.ArrowTable._from_arrow
                continue
            assert f is native._unpickle and args[0] == name and isinstance(args[1], bytes)
            json.loads(args[1])
    assert "_unpickle" not in native.__all__ and "_unpickle" not in vars(smo)


def state(obj: Any) -> Any:
    return json.loads(obj.__reduce__()[1][1])


def test_tables_travel_as_names() -> None:
    rule = smo.rules()[0]
    assert state(rule) == rule.id
    assert state(smo.networks()[0]) == smo.networks()[0].id
    q = smo.Query("lin AND lavé")
    assert state(q) == "lin AND lavé"
    assert state(smo.sentiment("Très bon service", "fr")) == {"text": "Très bon service", "lang": "fr"}
    assert state(smo.sentiment_batch(["Très bon service"])[0]) == {"text": "Très bon service", "lang": None}
    assert state(smo.load_referer_database()) == {"format": "auto", "files": []}
    text = (REFERERS / "Socials.yml").read_text(encoding="utf-8")
    db = smo.load_referer_database(text, format="matomo_social")
    assert state(db) == {"format": "matomo_social", "files": [["source 1", text]]}
    back = pickle.loads(pickle.dumps(db))
    assert back.files == db.files and back.version == db.version and len(back) == len(db)
    r = "https://deref-gmx.net/mail/"
    assert smo.classify_referrer(r, database=back) == smo.classify_referrer(r, database=db)
    # A report travels as its inputs and is built again, to the same bytes.
    report = examples()["Report"][0]
    assert set(state(report)) >= {"strategy", "data", "calendar", "watch", "advice"}
    assert pickle.loads(pickle.dumps(report)).to_html() == report.to_html()


def test_a_drafts_link_survives_where_its_json_keeps_the_text() -> None:
    plan = examples()["CalendarPlan"][0]
    back = pickle.loads(pickle.dumps(plan))
    hoot = plan.to_csv("hootsuite", network="instagram")
    assert "https://www.maisonlune.fr/lin" in hoot and back.to_csv("hootsuite", network="instagram") == hoot
    slot = next(s for s in plan.slots if s.draft)
    report = examples()["Report"][0]
    assert pickle.loads(pickle.dumps(slot)).draft == slot.draft
    assert pickle.loads(pickle.dumps(report)).to_json() == report.to_json()


def test_a_bad_state_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no such class"):
        native._unpickle("Nope", b"{}")
    with pytest.raises(ValueError, match="smo.Strategy"):
        native._unpickle("Strategy", b"{")
    with pytest.raises(ValueError, match="no rule"):
        native._unpickle("Rule", b'"nope/nope"')


def in_worker(obj: Any) -> tuple[Any, Any]:
    """Runs in a spawned worker: the object as it arrived, and what it shows there."""
    return obj, snapshot(obj)


def test_spawned_workers_get_equal_objects() -> None:
    ex = examples()
    objs = [ex["Strategy"][0], ex["GroupResult"][0], ex["PageAudit"][0]]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        got = list(pool.map(in_worker, objs))
    for obj, (back, seen) in zip(objs, got):
        assert seen == snapshot(obj)
        assert snapshot(back) == snapshot(obj)
    assert got[0][0] == objs[0]
