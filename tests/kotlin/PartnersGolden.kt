// Golden vectors of link exchanges: a ledger checked against the partners' pages and ours and
// the web analytics (flat records and findings), and ledgers read with their rejected rows.

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonParser
import uniffi.smo.*

object PartnersGolden : GoldenSuite {
    override val area = "partners"

    private fun exact(at: String, what: String, got: JsonElement, want: JsonElement?, t: Tally) {
        if (want != null) t.check(at, got == want) { "$what: got <$got>, want <$want>" }
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (c in case.asJsonObject.getAsJsonArray("cases")) {
            val g = c.asJsonObject
            val at = "$name:${g.get("name").asString}"
            val want = g.getAsJsonObject("expect")
            if (g.get("fn").asString == "load") {
                PartnerLedger.fromText(g.get("text").asString, LoadSettings()).use { l ->
                    val rows = JsonParser.parseString(l.toJson())
                    AuditGolden.subset(want.get("rows"), rows, "rows") { t.check(at, false) { it } }
                    val rejected = JsonArray().also { a ->
                        l.rejected().forEach { r -> a.add(JsonArray().also { it.add(r.line.toLong()); it.add(r.field) }) }
                    }
                    exact(at, "rejected", rejected, want.get("rejected"), t)
                }
                continue
            }
            val pages = g.getAsJsonArray("pages").map { p ->
                SitePage(p.asJsonArray[0].asString, p.asJsonArray[1].asString.toByteArray(Charsets.UTF_8))
            }
            val data = g.get("web")?.let { MeasureData.fromJson(web = it.toString(), settings = LoadSettings(strict = true)) }
            val checked = PartnerLedger.fromText(g.getAsJsonArray("ledger").toString(), LoadSettings(strict = true)).use { l ->
                checkPartners(
                    l, pages, g.get("site").asString, data,
                    today = g.get("today")?.asString,
                    graceDays = g.get("grace_days")?.asInt?.toUInt() ?: 30u,
                )
            }
            data?.close()
            checked.use { r ->
                AuditGolden.subset(want.get("records"), JsonParser.parseString(r.recordsJson()), "records") { t.check(at, false) { it } }
                val findings = JsonArray().also { a ->
                    r.findings().forEach { f -> a.add(JsonArray().also { it.add(f.rule); it.add(f.location.path) }) }
                }
                exact(at, "findings", findings, want.get("findings"), t)
                // The typed records say the same as the flat ones.
                val states = r.partners().map { it.inbound.state.name.lowercase() }
                val flat = JsonParser.parseString(r.recordsJson()).asJsonArray.map { it.asJsonObject.get("inbound").asString }
                t.equal(at, "typed states", states, flat)
            }
        }
    }
}
