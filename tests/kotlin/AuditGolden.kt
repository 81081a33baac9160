// Golden vectors of the site audit: synthetic pages, expected inventory (a subset of the
// features JSON), failing rules with severities, and not-applicable rules.

import java.io.File
import com.google.gson.JsonElement
import com.google.gson.JsonParser
import uniffi.smo.*

object AuditGolden : GoldenSuite {
    override val area = "audit"
    private val rank = mapOf("error" to 0, "warning" to 1, "notice" to 2)

    /** Checks that `want` is a subset of `got`: objects by key, arrays element-wise. */
    private fun subset(want: JsonElement, got: JsonElement?, path: String, fail: (String) -> Unit) {
        when {
            want.isJsonObject -> {
                if (got == null || !got.isJsonObject) return fail("$path: expected an object, got $got")
                for ((k, v) in want.asJsonObject.entrySet()) subset(v, got.asJsonObject.get(k), "$path.$k", fail)
            }
            want.isJsonArray -> {
                if (got == null || !got.isJsonArray) return fail("$path: expected an array, got $got")
                val w = want.asJsonArray
                val g = got.asJsonArray
                if (w.size() != g.size()) return fail("$path: ${w.size()} items expected, got $g")
                for (i in 0 until w.size()) subset(w[i], g[i], "$path[$i]", fail)
            }
            want.isJsonNull -> if (got != null && !got.isJsonNull) fail("$path: expected null, got $got")
            else -> if (got == null || got != want) fail("$path: expected $want, got $got")
        }
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        val c = case.asJsonObject
        val dir = File(System.getProperty("smo.golden", "tests/golden"), area)
        val html = File(dir, c.get("html_file").asString).readBytes()
        val audit = auditPage(html, c.get("url").asString)
        val features = JsonParser.parseString(audit.featuresJson)
        subset(c.get("features"), features, "features") { t.check(name, false) { it } }
        val failing = mutableMapOf<String, String>()
        for (f in audit.findings) {
            val s = f.severity.name.lowercase()
            val cur = failing[f.rule]
            if (cur == null || rank.getValue(s) < rank.getValue(cur)) failing[f.rule] = s
        }
        t.equal(name, "rules", failing.keys.sorted(), c.getAsJsonArray("rules").map { it.asString })
        c.getAsJsonObject("severities")?.entrySet()?.forEach { (rule, sev) ->
            t.equal(name, "severity of $rule", failing[rule], sev.asString)
        }
        val outcomes = audit.outcomes.associate { it.rule to it.status }
        c.getAsJsonArray("not_applicable")?.forEach {
            t.equal(name, "${it.asString} status", outcomes[it.asString], "not_applicable")
        }
        c.getAsJsonObject("effective")?.entrySet()?.forEach { (key, v) ->
            val values = if (key.startsWith("twitter:")) audit.features.twitter[key]?.lastOrNull()
            else audit.features.openGraph[key]?.firstOrNull()
            t.equal(name, "effective $key", values, v.asString)
        }
        c.getAsJsonObject("scores")?.entrySet()?.forEach { (k, v) ->
            val got = when (k) {
                "previews" -> audit.scores.previews
                "discoverability" -> audit.scores.discoverability
                "sharing" -> audit.scores.sharing
                "community" -> audit.scores.community
                else -> audit.scores.overall
            }
            t.equal(name, "score $k", got, v.asDouble)
        }
    }
}

/** The example site through audit_site with the example strategy (one check per fact). */
object AuditSiteCheck : GoldenSuite {
    override val area = "audit"
    private var done = false

    override fun run(name: String, case: JsonElement, t: Tally) {
        if (done) return
        done = true
        val report = Strategy.example().use { auditSite(exampleSite(), it, 2u) }
        t.equal("audit_site", "pages", report.pages.size, 4)
        t.equal(
            "audit_site", "strategy check rules",
            report.strategyCheck.map { it.rule }.toSortedSet().toList(),
            listOf("site/handle-differs-from-strategy", "site/planned-network-not-linked", "site/unplanned-network-linked"),
        )
        t.equal(
            "audit_site", "inconsistencies",
            report.inconsistencies.map { it.rule },
            listOf("site/inconsistent-handle", "site/inconsistent-site-name"),
        )
        val one = auditSite(exampleSite(), null, 1u)
        val all = auditSite(exampleSite(), null, null)
        t.equal("audit_site", "same report on 1 thread and all cores", one, all)
    }
}
