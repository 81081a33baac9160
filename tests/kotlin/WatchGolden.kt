// Golden vectors of the watch analytics: share of voice, influencers, themes, alerts, benchmark.
// Results are read back field by field into snake_case maps, then compared with `expect`: every
// key listed must match (numbers within 1e-9), keys not listed are not checked.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import java.time.Instant
import uniffi.smo.*

object WatchGolden : GoldenSuite {
    override val area = "watch"

    private fun str(o: JsonObject, k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString
    private fun num(o: JsonObject, k: String): ULong? = o.get(k)?.takeUnless { it.isJsonNull }?.asLong?.toULong()

    private fun mention(o: JsonObject) = Mention(
        id = o.get("id").asString, text = o.get("text").asString, published = Instant.parse(o.get("published").asString),
        network = str(o, "network")?.let { networkFromId(it) }, author = str(o, "author") ?: "",
        followers = num(o, "followers"), lang = str(o, "lang"), likes = num(o, "likes"), reposts = num(o, "reposts"),
        replies = num(o, "replies"), quotes = num(o, "quotes"), brand = str(o, "brand"),
    )

    private fun split(s: SentimentSplit) = mapOf("positive" to s.positive, "negative" to s.negative, "neutral" to s.neutral, "unscored" to s.unscored)

    private fun denominator(d: Denominator) = mapOf(
        "mentions" to d.mentions, "in_scope" to d.inScope, "attributed" to d.attributed, "by_export" to d.byExport,
        "multi_brand" to d.multiBrand, "unattributed" to d.unattributed, "unknown_brand" to d.unknownBrand,
        "first" to d.first, "last" to d.last, "filter" to d.filter,
    )

    private fun row(r: VoiceRow) = mapOf(
        "period" to r.period, "period_start" to r.periodStart, "network" to r.network, "brand" to r.brand, "own" to r.own,
        "mentions" to r.mentions, "engagement" to r.engagement, "engagement_unknown" to r.engagementUnknown,
        "reach" to r.reach, "reach_unknown" to r.reachUnknown, "sentiment" to split(r.sentiment),
        "share_mentions" to r.shareMentions, "share_engagement" to r.shareEngagement, "share_reach" to r.shareReach,
        "share_positive" to r.sharePositive, "share_negative" to r.shareNegative,
        "net_sentiment_polar" to r.netSentimentPolar, "net_sentiment_all" to r.netSentimentAll,
    )

    private fun five(reach: Double, activity: Double, resonance: Double, amplification: Double, relevance: Double) =
        mapOf("reach" to reach, "activity" to activity, "resonance" to resonance, "amplification" to amplification, "relevance" to relevance)

    private fun influencers(r: Influencers) = mapOf(
        "authors_seen" to r.authorsSeen, "anonymous" to r.anonymous,
        "weights" to r.weights?.let { five(it.reach, it.activity, it.resonance, it.amplification, it.relevance) },
        "authors" to r.authors.map { a ->
            mapOf(
                "rank" to a.rank, "handle" to a.handle, "followers" to a.followers, "mentions" to a.mentions,
                "all_mentions" to a.allMentions, "relevance" to a.relevance, "engagement" to a.engagement,
                "resonance" to a.resonance, "amplifications" to a.amplifications, "amplification" to a.amplification,
                "composite" to a.composite, "mention_ids" to a.mentionIds,
                "percentiles" to a.percentiles?.let { five(it.reach, it.activity, it.resonance, it.amplification, it.relevance) },
            )
        },
    )

    private fun themes(r: Themes) = mapOf(
        "searched" to r.searched, "half" to r.half,
        "themes" to r.themes.map { t ->
            mapOf(
                "rank" to t.rank, "phrase" to t.phrase, "kind" to t.kind.name.lowercase(), "words" to t.words,
                "mentions" to t.mentions, "authors" to t.authors, "share" to t.share, "first_half" to t.firstHalf,
                "second_half" to t.secondHalf, "trend_pct" to t.trendPct, "mention_ids" to t.mentionIds,
            )
        },
    )

    private fun alerts(r: Alerts) = mapOf(
        "alerts" to r.alerts.map { a ->
            mapOf(
                "rule" to a.rule, "brand" to a.brand, "day" to a.day, "count" to a.count, "baseline_mean" to a.baselineMean,
                "baseline_sd" to a.baselineSd, "spread" to a.spread, "z" to a.z, "baseline_from" to a.baselineFrom,
                "baseline_to" to a.baselineTo, "mentions" to a.mentions, "negative" to a.negative,
            )
        },
        "findings" to r.findings.map { mapOf("rule" to it.rule, "severity" to it.severity.name.lowercase()) },
    )

    private fun benchmark(b: Benchmark) = mapOf(
        "accounts" to b.accounts, "own" to b.own, "posts" to b.posts, "without_account" to b.withoutAccount,
        "kpis" to b.kpis.map { k ->
            mapOf(
                "kpi" to k.kpi, "numerator" to k.numerator, "denominator" to k.denominator, "aggregation" to k.aggregation,
                "explanations" to k.explanations,
                "values" to k.values.map { v ->
                    mapOf(
                        "account" to v.account, "own" to v.own, "posts" to v.posts, "used" to v.used, "excluded" to v.excluded,
                        "value" to v.value, "numerator" to v.numerator, "denominator" to v.denominator,
                        "numerator_per_post" to v.numeratorPerPost, "denominator_per_post" to v.denominatorPerPost,
                    )
                },
            )
        },
    )

    /** Every key of `want` must be in `got` with the same value. */
    private fun subset(got: Any?, want: JsonElement, at: String, t: Tally) {
        when {
            want.isJsonObject -> {
                val g = got as? Map<*, *>
                for ((k, w) in want.asJsonObject.entrySet()) {
                    if (g == null || !g.containsKey(k)) t.check(at, false) { "$k: not read back" } else subset(g[k], w, "$at.$k", t)
                }
            }
            want.isJsonArray -> {
                val g = got as? List<*>
                val w = want.asJsonArray
                t.equal(at, "items", g?.size, w.size())
                if (g != null) for (i in 0 until minOf(g.size, w.size())) subset(g[i], w[i], "$at[$i]", t)
            }
            want.isJsonNull -> t.equal(at, "value", got, null)
            want.asJsonPrimitive.isBoolean -> t.equal(at, "value", got, want.asBoolean)
            want.asJsonPrimitive.isString -> t.equal(at, "value", got, want.asString)
            else -> {
                val w = want.asDouble
                val g = when (got) { is ULong -> got.toDouble(); is Double -> got; else -> null }
                t.check(at, g != null && Math.abs(g - w) <= 1e-9 * maxOf(1.0, Math.abs(w))) { "got <$got>, want <$w>" }
            }
        }
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (c in case.asJsonObject.getAsJsonArray("cases")) {
            val g = c.asJsonObject
            val at = "$name:${g.get("name").asString}"
            val o = g.getAsJsonObject("options")
            val brands = g.getAsJsonArray("brands")?.map {
                val b = it.asJsonObject
                Brand(name = b.get("name").asString, own = b.get("own")?.asBoolean ?: false, query = b.get("query").asString)
            } ?: listOf()
            val mentions = g.getAsJsonArray("mentions")?.map { mention(it.asJsonObject) } ?: listOf()
            val scope = WatchScope(
                start = str(o, "start")?.let { Instant.parse(it) }, end = str(o, "end")?.let { Instant.parse(it) },
                filter = str(o, "filter"),
            )
            val want = g.getAsJsonObject("expect")
            try {
                val got: Any = when (g.get("fn").asString) {
                    "share_of_voice" -> shareOfVoiceOf(mentions, brands, scope, period = str(o, "period")).let {
                        mapOf("denominator" to denominator(it.denominator), "totals" to it.totals.map(::row), "rows" to it.rows.map(::row))
                    }
                    "influencers" -> influencers(
                        mentions, brands, scope,
                        weights = if (str(o, "weights") == "equal") Weights(1.0, 1.0, 1.0, 1.0, 1.0) else null,
                        top = o.get("top")?.asInt?.toUInt(),
                    ).let(::influencers)
                    "themes" -> themes(mentions, brands, scope).let(::themes)
                    "alerts" -> alerts(mentions, brands, scope).let(::alerts)
                    "benchmark" -> MeasureData.fromJson(posts = g.getAsJsonArray("posts").toString(), settings = LoadSettings(strict = true)).use { d ->
                        benchmark(d, o.getAsJsonArray("kpis").map { it.asString }, own = str(o, "own")).let(::benchmark)
                    }
                    else -> error("unknown fn")
                }
                if (want.has("error")) t.check(at, false) { "expected an error" } else subset(got, want, at, t)
            } catch (e: SmoException) {
                val w = want.getAsJsonObject("error")
                if (w == null) {
                    t.check(at, false) { "unexpected ${e.message}" }
                } else {
                    t.equal(at, "kind", e is SmoException.InvalidValue, w.get("kind").asString == "invalid_value")
                    t.check(at, e.message?.contains("`${w.get("path").asString}`") == true) { "message ${e.message}" }
                }
            }
        }
    }
}
