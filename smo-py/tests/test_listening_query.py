"""Monitoring queries: semantics, errors, explanations, and the FTS5 export run for real
through Python's sqlite3 over the same mentions: both must select the same ids."""

import random
import sqlite3

import pytest

import smo
from conftest import ROOT

WORDS = [
    "lin", "lavé", "linge", "lit", "drap", "draps", "housse", "coton", "maison", "lune", "atelier",
    "vosges", "soldes", "cadeau", "mariage", "qualité", "doux", "été", "hiver", "beau", "très",
    "pas", "cher", "livraison", "avis", "bedding", "linen", "washed", "sheets", "soft", "great",
    "gift", "sale", "quality", "love", "the", "and", "de", "la", "le", "en", "un", "une",
]
TAGS = ["#MaisonLune", "#lin", "#slowliving", "#Linen", "#décoration"]
HANDLES = ["@maisonlune", "@atelierbrume", "@drapsetcie", "@lea"]


def corpus(n: int, seed: int) -> list[smo.Mention]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        words = []
        for _ in range(rng.randint(3, 18)):
            r = rng.random()
            w = rng.choice(TAGS) if r < 0.06 else rng.choice(HANDLES) if r < 0.1 else rng.choice(WORDS)
            if rng.random() < 0.15:
                w = w.capitalize() if rng.random() < 0.5 else w.upper()
            if rng.random() < 0.04:
                w = "l'" + w
            words.append(w)
        text = " ".join(words) + rng.choice(["", ".", " !", " ?", " 🙂"])
        out.append(smo.Mention(f"m{i}", text, "2027-01-04T09:00:00Z"))
    return out


EXPRESSIBLE = [
    "lin", "lavé", "LIN", "lave", "drap*", "qual*", "maisonlune", "linen",
    '"linge de lit"', '"maison lune"', '"washed linen"', '"très doux"',
    "lin AND drap", "lin drap", "lin OR coton", "lin NOT soldes", "(lin OR coton) AND (drap OR housse)",
    "(lin OR coton) NOT (soldes OR sale)", "lin NEAR/3 drap", "linge NEAR/1 lit", "lit NEAR/2 linge",
    "(drap OR draps) NEAR/2 lin*", '"maison lune" NEAR/5 lin', '"lin drap"~3', '"soft sheets"~2',
    "atelier", "cadeau AND (mariage OR hiver)", "(love OR great) AND (linen OR lin) NOT sale",
    "lune NEAR/10 maison", "été OR hiver", "(lin AND lavé) OR (linen AND washed)", "slowliving",
    "lea NOT maisonlune", '"de la"', "décoration", "drap* NEAR/4 qualité",
]
REFUSED = {
    "lin NEAR/3f drap": "no order",
    "l?n": "prefix",
    "#lin": "drops `#`",
    "@maisonlune": "drops `#`",
    "{Lin}": "case-sensitive",
    "network:instagram": "WHERE",
    "NOT soldes": "subtract",
    "lin OR NOT soldes": "subtracts",
}


@pytest.fixture(scope="module")
def db_and_mentions() -> tuple[sqlite3.Connection, list[smo.Mention]]:
    mentions = corpus(3000, seed=20271)
    db = sqlite3.connect(":memory:")
    db.execute('CREATE VIRTUAL TABLE m USING fts5(id UNINDEXED, text, tokenize = "unicode61 remove_diacritics 2")')
    db.executemany("INSERT INTO m (id, text) VALUES (?, ?)", [(x.id, x.text) for x in mentions])
    return db, mentions


@pytest.mark.parametrize("text", EXPRESSIBLE)
def test_fts5_selects_the_same_mentions(db_and_mentions: tuple[sqlite3.Connection, list[smo.Mention]], text: str) -> None:
    db, mentions = db_and_mentions
    q = smo.Query(text)
    ours = {m.id for m in mentions if q.matches(m)}
    theirs = {row[0] for row in db.execute("SELECT id FROM m WHERE m MATCH ?", (q.to_fts5(),))}
    assert ours == theirs, (text, q.to_fts5(), sorted(ours ^ theirs)[:5])
    assert ours, f"{text} matches nothing: the case tests nothing"
    assert smo.search([q], mentions)[0] == [m.id for m in mentions if m.id in ours]


@pytest.mark.parametrize("text", sorted(REFUSED))
def test_fts5_refuses_what_it_cannot_express(text: str) -> None:
    with pytest.raises(smo.ParseError, match="SQLite FTS5 cannot express this") as info:
        smo.Query(text).to_fts5()
    assert REFUSED[text] in str(info.value)


def test_parse_errors_say_where() -> None:
    with pytest.raises(smo.ParseError) as info:
        smo.Query("lin AND drap OR housse")
    e = info.value
    assert (e.column, e.offset, e.token, e.format) == (14, 13, "OR", "query")
    assert "add brackets" in str(e)


def test_explain_and_fields() -> None:
    m = smo.Mention("x", "Le lin joliment lavé #MaisonLune", "2027-01-04T09:00:00Z", network="instagram", author="@lea", followers=12000, lang="fr")
    q = smo.Query("(lin NEAR/3 lavé) AND hashtag:maisonlune AND followers:[10000 TO *] AND network:instagram")
    assert q.matches(m)
    flat = {"id": "x", "text": m.text, "published": "2027-01-04T09:00:00Z", "author": "lea", "network": "instagram", "followers": 12000}
    assert q.matches(flat)
    assert not q.matches(flat | {"followers": 500})
    why = q.explain(m)
    assert why["matched"] is True
    assert why["clauses"][0]["detail"] == "1 token(s) between the closest matches, at most 3"
    assert [h["text"] for h in why["clauses"][0]["hits"]] == ["lin", "lavé"]
    assert smo.Query("li* OR drap").warnings[0]["offset"] == 0
    es = smo.Query('"maison lune" AND followers:[1000 TO *]').to_elasticsearch()
    assert es["query"]["bool"]["must"][1] == {"range": {"author.followers": {"gte": 1000.0}}}


def test_golden_queries() -> None:
    import json
    import pathlib

    g = json.loads((ROOT / "tests/golden/listening/queries.json").read_text(encoding="utf-8"))
    mentions = [smo.Mention(**m) for m in g["mentions"]]
    for c in g["cases"]:
        q = smo.Query(c["query"])
        assert [m.id for m in mentions if q.matches(m)] == c["matches"], c["query"]
        if c["fts5_refused"]:
            with pytest.raises(smo.ParseError):
                q.to_fts5()
        else:
            assert q.to_fts5() == c["fts5"]
        assert len(q.warnings) == c["warnings"]
    for e in g["errors"]:
        with pytest.raises(smo.ParseError) as info:
            smo.Query(e["query"])
        assert (info.value.column, info.value.offset, info.value.token, str(info.value)) == (e["column"], e["offset"], e["token"], e["message"])


def test_strategy_queries_and_their_rule() -> None:
    s = smo.Strategy.example()
    qs = s.queries()
    assert list(qs) == ["brand", "competitor:Atelier Brume", "competitor:Draps & Cie", "made-in-vosges", "washed-linen"]
    m = smo.Mention("x", "Des draps en lin lavé, vraiment doux", "2027-01-04T09:00:00Z")
    assert qs["brand"].matches(m) and qs["washed-linen"].matches(m) and not qs["competitor:Atelier Brume"].matches(m)
    assert not any(f.rule == "listening/query-invalid" for f in s.validate(today="2026-11-21"))
    bad = smo.Strategy.from_toml(s.to_toml().replace("washed-linen = '(", "washed-linen = '(("))
    found = [f for f in bad.validate(today="2026-11-21") if f.rule == "listening/query-invalid"]
    assert [f.path for f in found] == ["listening.queries.washed-linen"]
    assert "this bracket is never closed" in found[0].message
    assert "washed-linen" not in bad.queries()


def test_load_mentions_from_csv_jsonl_and_frames() -> None:
    import pandas as pd

    csv_text = (
        "Mention ID,Content,Date,Platform,Username,Followers,Language,Retweets,Sentiment\n"
        "1,Le lin lavé de @maisonlune,2027-01-04 09:30,twitter,@lea,12500,fr,3,positive\n"
        "2,sans date,,instagram,bob,10,fr,,\n"
        "3,compte négatif,2027-01-04 10:00,instagram,bob,-4,fr,,\n"
    )
    r = smo.load_mentions(csv_text, time_zone="Europe/Paris")
    assert r.table == "mentions" and len(r) == 1 and r.total == 3
    assert [(x.line, x.field) for x in r.rejected] == [(3, "published"), (4, "followers")]
    assert r.ignored_columns == ["Sentiment"]
    m = r.mentions[0]
    assert m.id == "1" and smo.Query("@maisonlune AND network:x AND followers:[10000 TO *]").matches(m)
    assert r.to_records()[0]["published"] == "2027-01-04T08:30:00+00:00"
    jsonl = '{"id": "a", "text": "lin", "date": "2027-01-04T09:00:00Z"}\n{broken\n{"id": "c", "text": "x", "date": "2027-01-04T09:00:00Z", "likes": -1}\n'
    j = smo.load_mentions(jsonl)
    assert len(j) == 1 and [(x.line, x.field) for x in j.rejected] == [(2, None), (3, "likes")]
    df = pd.DataFrame({"id": ["p", "q"], "text": ["drap en lin", "coton"], "published": ["2027-01-04T09:00:00Z"] * 2, "author": ["lea", "bob"]})
    f = smo.load_mentions(df)
    assert [x.id for x in f.mentions] == ["p", "q"]
    assert smo.search(["lin"], f.mentions) == [["p"]]
    with pytest.raises(smo.DataRowError) as info:
        smo.load_mentions(csv_text, strict=True)
    assert info.value.line == 3


def test_golden_mention_loads() -> None:
    import json
    import pathlib

    g = json.loads((ROOT / "tests/golden/listening/mentions-load.json").read_text(encoding="utf-8"))
    for c in g["load"]:
        r = smo.load_mentions(c["text"], format=c["format"], time_zone=c["time_zone"])
        e = c["expected"]
        assert [m.id for m in r.mentions] == e["ids"]
        assert [x["published"].replace("+00:00", "Z") for x in r.to_records()] == e["published"]
        assert [[x.line, x.field] for x in r.rejected] == e["rejected"]
        assert r.ignored_columns == e["ignored"]
