// Golden vectors of advice: recommendations that must and must not appear for a post table, and
// the comparisons of posts with Welch statistics computed outside smo.

import com.google.gson.JsonElement
import kotlin.math.abs
import uniffi.smo.*

object AdviceGolden : GoldenSuite {
    override val area = "advice"

    override fun run(name: String, case: JsonElement, t: Tally) {
        Strategy.example().use { s ->
            for (c in case.asJsonObject.getAsJsonArray("cases")) {
                val g = c.asJsonObject
                val at = "$name:${g.get("name").asString}"
                val a = MeasureData.fromCsv(posts = g.get("posts").asString, settings = LoadSettings(strict = true)).use { d ->
                    advise(s, data = d, timeZone = "UTC")
                }
                val want = g.getAsJsonObject("expect")
                for (p0 in want.getAsJsonArray("present")) {
                    val p = p0.asJsonObject
                    val hit = a.recommendations.any { r ->
                        r.id == p.get("id").asString && r.subject == p.get("subject").asString &&
                            (p.get("priority")?.let { r.priority.name.lowercase() == it.asString } ?: true) &&
                            (p.get("objective")?.let { r.objective == it.asString } ?: true) &&
                            (p.get("source_kind")?.let { r.source.kind == it.asString } ?: true)
                    }
                    t.check(at, hit) { "no recommendation $p" }
                }
                val ids = a.recommendations.map { it.id }.toSet()
                for (id in want.getAsJsonArray("absent")) {
                    t.check(at, id.asString !in ids) { "${id.asString} must not be advised" }
                }
                for (w0 in want.getAsJsonArray("comparisons")) {
                    val w = w0.asJsonObject
                    val cmp = a.comparisons.firstOrNull {
                        it.family == w.get("family").asString && it.measure == w.get("measure").asString && it.group == w.get("group").asString
                    }
                    t.check(at, cmp != null) { "no comparison $w" }
                    if (cmp == null) continue
                    val cw = "$at:${cmp.family}/${cmp.group}"
                    w.get("n")?.let { t.equal(cw, "n", cmp.n, it.asLong.toULong()) }
                    w.get("rest_n")?.let { t.equal(cw, "rest_n", cmp.restN, it.asLong.toULong()) }
                    w.get("mean")?.let { t.check(cw, abs(cmp.mean - it.asDouble) <= 1e-3) { "mean ${cmp.mean}, want $it" } }
                    w.get("rest_mean")?.let { t.check(cw, abs(cmp.restMean - it.asDouble) <= 1e-3) { "rest_mean ${cmp.restMean}, want $it" } }
                    w.get("t")?.let { t.check(cw, abs(cmp.t - it.asDouble) <= 0.01) { "t ${cmp.t}, want $it" } }
                    w.get("df")?.let { t.check(cw, abs(cmp.df - it.asDouble) <= 0.1) { "df ${cmp.df}, want $it" } }
                    t.equal(cw, "significant", cmp.significant, w.get("significant").asBoolean)
                    w.get("note_starts")?.let { p -> t.check(cw, cmp.note.startsWith(p.asString)) { "note ${cmp.note}" } }
                }
            }
        }
    }
}
