// Golden vectors of measurement: KPIs, functions, channels, referrers, UTM, loaders, grouping.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import uniffi.smo.*

object MeasureGolden : GoldenSuite {
    override val area = "measure"

    private fun num(e: JsonElement?): Double? = if (e == null || e.isJsonNull) null else e.asDouble
    private fun str(e: JsonElement?): String? = if (e == null || e.isJsonNull) null else e.asString

    private fun close(t: Tally, at: String, got: Double?, want: Double?) =
        t.check(at, if (want == null) got == null else got != null && Math.abs(got - want) < 1e-4) { "got <$got>, want <$want>" }

    override fun run(name: String, case: JsonElement, t: Tally) {
        val file = case.asJsonObject
        when (name.substringAfter("/")) {
            "kpi.json" -> kpi(name, file, t)
            "functions.json" -> functions(name, file, t)
            "channels.json" -> for (c in file.getAsJsonArray("cases")) {
                val o = c.asJsonObject
                t.equal(name, "${o.get("source")} ${o.get("medium")}", channelGroup(o.get("source").asString, o.get("medium").asString, o.get("campaign").asString), o.get("channel").asString)
            }
            "referrers.json" -> for (c in file.getAsJsonArray("cases")) {
                val o = c.asJsonObject
                val r = classifyReferrer(o.get("referrer").asString, str(o.get("page_url")))
                val at = "$name ${o.get("referrer")}"
                t.equal(at, "medium", r.medium.name.lowercase(), o.get("medium").asString)
                t.equal(at, "source", r.source, o.get("source").asString)
                t.equal(at, "network", r.network?.let { networkId(it) }, str(o.get("network")))
                t.equal(at, "term", r.term, str(o.get("term")))
            }
            "utm.json" -> utm(name, file, t)
            "loaders.json" -> loaders(name, file, t)
            "grouping.json" -> grouping(name, file, t)
            "grouping_csv.json" -> groupingCsv(name, file, t)
            else -> t.check(name, false) { "no Kotlin driver for this file" }
        }
    }

    private fun postsData(posts: JsonElement): MeasureData =
        MeasureData.fromJson(posts = posts.toString(), settings = LoadSettings(strict = true))

    private fun kpi(name: String, file: JsonObject, t: Tally) {
        for (c in file.getAsJsonArray("cases")) {
            val o = c.asJsonObject
            val at = "$name ${o.get("name").asString}"
            postsData(o.get("posts")).use { data ->
                val v = evaluateKpi(o.get("spec").asString, data)
                close(t, at, v.value, num(o.get("value")))
                o.get("canonical")?.let { t.equal(at, "canonical", v.kpi, it.asString) }
                o.get("excluded")?.let { t.equal(at, "excluded", v.excluded.toLong(), it.asLong) }
            }
        }
    }

    private fun functions(name: String, file: JsonObject, t: Tally) {
        for (c in file.getAsJsonArray("cases")) {
            val o = c.asJsonObject
            val a = o.getAsJsonArray("args").map { it.asDouble }
            val mode = o.get("mode")?.asString ?: ""
            val fn = o.get("fn").asString
            val got: Double? = when (fn) {
                "follower_growth_rate" -> followerGrowthRate(a[0], a[1])
                "roi" -> roi(a[0], a[1])
                "roas" -> roas(a[0], a[1])
                "share_of_voice" -> shareOfVoice(a[0], a[1])
                "net_sentiment" -> netSentiment(a[0], a[1], a[2], if (mode == "all") SentimentMode.ALL else SentimentMode.POLAR)
                "response_time" -> responseTime(a, mode)
                "daily_engagement_rate" -> dailyEngagementRate(a[0], a[1], a[2])
                "engagement_rate" -> engagementRate(a[0], a[1])
                "click_through_rate" -> clickThroughRate(a[0], a[1])
                "cpm" -> cpm(a[0], a[1])
                "cpc" -> cpc(a[0], a[1])
                "conversion_rate" -> conversionRate(a[0], a[1])
                "bounce_rate" -> bounceRate(a[0], a[1])
                "progress" -> objectiveProgress(a[0], a[1], a[2])
                else -> { t.check(name, false) { "unknown function $fn" }; continue }
            }
            close(t, "$name $fn $a $mode", got, num(o.get("value")))
        }
    }

    private fun utmOf(o: JsonObject): Utm {
        fun f(k: String) = o.get(k)?.asString ?: ""
        return Utm(f("source"), f("medium"), f("campaign"), f("id"), f("term"), f("content"), f("source_platform"), f("creative_format"), f("marketing_tactic"))
    }

    private fun utm(name: String, file: JsonObject, t: Tally) {
        for (c in file.getAsJsonArray("build")) {
            val o = c.asJsonObject
            val at = "$name build ${o.get("url")} ${o.get("utm")}"
            val keep = o.get("existing")?.asString == "keep"
            val lower = o.get("lowercase")?.asBoolean ?: true
            try {
                val url = utmUrl(o.get("url").asString, utmOf(o.getAsJsonObject("utm")), keep, lower)
                t.equal(at, "url", url, str(o.get("expected")))
            } catch (e: SmoException) {
                t.check(at, o.has("error") && e is SmoException.InvalidArgument) { "unexpected error ${e.message}" }
            }
        }
        for (c in file.getAsJsonArray("parse")) {
            val o = c.asJsonObject
            val p = parseUtm(o.get("url").asString)
            val want = utmOf(o.getAsJsonObject("utm"))
            t.equal("$name parse", "utm", p, want)
        }
        for (c in file.getAsJsonArray("lint")) {
            val o = c.asJsonObject
            val found = lintUtm(o.getAsJsonArray("links").map { it.asString }, o.getAsJsonArray("site_hosts").map { it.asString })
            t.equal("$name lint ${o.get("links")}", "rules", found.map { it.rule }, o.getAsJsonArray("rules").map { it.asString })
        }
    }

    private fun loaders(name: String, file: JsonObject, t: Tally) {
        for (c in file.getAsJsonArray("cases")) {
            val o = c.asJsonObject
            val at = "$name ${o.get("name").asString}"
            val settings = LoadSettings(
                mapping = o.getAsJsonObject("mapping")?.entrySet()?.associate { (k, v) -> k to v.asString } ?: mapOf(),
                timeZone = o.get("time_zone")?.asString ?: "UTC",
                decimalComma = o.get("decimal_comma")?.asBoolean ?: false,
                strict = o.get("strict")?.asBoolean ?: false,
            )
            val text = o.get("text").asString
            val table = o.get("table").asString
            val csv = o.get("format").asString == "csv"
            val data = try {
                when (table) {
                    "posts" -> if (csv) MeasureData.fromCsv(posts = text, settings = settings) else MeasureData.fromJson(posts = text, settings = settings)
                    "web" -> if (csv) MeasureData.fromCsv(web = text, settings = settings) else MeasureData.fromJson(web = text, settings = settings)
                    else -> if (csv) MeasureData.fromCsv(accounts = text, settings = settings) else MeasureData.fromJson(accounts = text, settings = settings)
                }
            } catch (e: SmoException) {
                val want = o.get("error")?.asString
                val kind = when (e) {
                    is SmoException.Row -> "row"
                    is SmoException.InvalidArgument -> "invalid_argument"
                    else -> "other"
                }
                t.equal(at, "error kind", kind, want)
                o.get("error_line")?.let { t.check(at, e.message?.contains("line ${it.asLong}") == true) { "line missing from ${e.message}" } }
                continue
            }
            data.use { d ->
                t.check(at, !o.has("error")) { "expected an error" }
                val idx = mapOf("posts" to 0, "accounts" to 1, "web" to 2)[table]!!
                t.equal(at, "rows", d.counts()[idx].toLong(), o.get("rows").asLong)
                t.equal(at, "rejected", d.rejected().map { it.row.line.toLong() to it.row.field }, o.getAsJsonArray("rejected").map { it.asJsonObject.get("line").asLong to str(it.asJsonObject.get("field")) })
                val first = JsonParser.parseString(d.toJson()).asJsonObject.getAsJsonArray(table)[0].asJsonObject
                for ((k, v) in o.getAsJsonObject("first").entrySet()) {
                    if (k == "published") t.equal(at, k, first.get(k).asString.replace("+00:00", "Z"), v.asString)
                    else close(t, "$at $k", num(first.get(k)), v.asDouble)
                }
            }
        }
    }

    private fun grouping(name: String, file: JsonObject, t: Tally) {
        for ((i, c) in file.getAsJsonArray("cases").withIndex()) {
            val o = c.asJsonObject
            val at = "$name[$i]"
            postsData(o.get("posts")).use { data ->
                val rows = groupPosts(
                    data,
                    o.getAsJsonArray("kpis").map { it.asString },
                    o.getAsJsonArray("by").map { it.asString },
                    str(o.get("period")),
                    o.get("time_zone").asString,
                )
                val want = o.getAsJsonArray("rows")
                t.equal(at, "rows", rows.size, want.size())
                rows.zip(want).forEach { (r, w) ->
                    val wo = w.asJsonObject
                    t.equal(at, "keys", r.keys.associate { it.name to it.value }, wo.getAsJsonObject("keys").entrySet().associate { (k, v) -> k to v.asString })
                    t.equal(at, "period", r.period, str(wo.get("period")))
                    t.equal(at, "posts", r.posts.toLong(), wo.get("posts").asLong)
                    r.values.forEachIndexed { k, v -> close(t, "$at value[$k]", v, num(wo.getAsJsonArray("values")[k])) }
                    r.changePct.forEachIndexed { k, v -> close(t, "$at change[$k]", v, num(wo.getAsJsonArray("change_pct")[k])) }
                }
            }
        }
    }

    private fun groupingCsv(name: String, file: JsonObject, t: Tally) {
        for ((i, c) in file.getAsJsonArray("cases").withIndex()) {
            val o = c.asJsonObject
            val at = "$name[$i]"
            val csv = java.io.File.createTempFile("smo-posts", ".csv")
            try {
                csv.writeText(o.get("csv").asString, Charsets.UTF_8)
                val s = groupPostsCsvFile(
                    csv.path,
                    o.getAsJsonArray("kpis").map { it.asString },
                    o.getAsJsonArray("by").map { it.asString },
                    str(o.get("period")),
                    o.get("time_zone").asString,
                )
                t.equal(at, "read", s.read.toLong(), o.get("read").asLong)
                t.equal(at, "rejected", s.rejected.map { it.line.toLong() to it.field }, o.getAsJsonArray("rejected").map { it.asJsonObject.get("line").asLong to str(it.asJsonObject.get("field")) })
                val want = o.getAsJsonArray("rows")
                t.equal(at, "rows", s.rows.size, want.size())
                s.rows.zip(want).forEach { (r, w) ->
                    val wo = w.asJsonObject
                    t.equal(at, "keys", r.keys.associate { it.name to it.value }, wo.getAsJsonObject("keys").entrySet().associate { (k, v) -> k to v.asString })
                    t.equal(at, "period", r.period, str(wo.get("period")))
                    t.equal(at, "posts", r.posts.toLong(), wo.get("posts").asLong)
                    r.values.forEachIndexed { k, v -> close(t, "$at value[$k]", v, num(wo.getAsJsonArray("values")[k])) }
                    r.changePct.forEachIndexed { k, v -> close(t, "$at change[$k]", v, num(wo.getAsJsonArray("change_pct")[k])) }
                }
            } finally {
                csv.delete()
            }
        }
    }
}
