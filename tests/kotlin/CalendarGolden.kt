// Golden vectors of the editorial calendar: slots (UTC instants and wall times), findings,
// pillar shares and audience reach, through the generated Kotlin bindings.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import java.time.Instant
import uniffi.smo.*

object CalendarGolden : GoldenSuite {
    override val area = "calendar"

    private fun kind(e: SmoException): String = when (e) {
        is SmoException.Parse -> "parse"
        is SmoException.InvalidValue -> "invalid_value"
        is SmoException.UnknownNetwork -> "unknown_network"
        is SmoException.UnknownRule -> "unknown_rule"
        is SmoException.InvalidArgument -> "invalid_argument"
        else -> "other"
    }

    private fun str(o: JsonObject, key: String): String? = o.get(key)?.takeUnless { it.isJsonNull }?.asString

    private fun options(o: JsonObject) = CalendarOptions(
        zonePolicy = when (str(o, "zone_policy")) { "compromise" -> ZonePolicy.COMPROMISE; null -> null; else -> ZonePolicy.PER_ZONE },
        holidays = str(o, "holidays"),
        datePolicy = when (str(o, "date_policy")) { "flag" -> DatePolicy.FLAG; "skip" -> DatePolicy.SKIP; null -> null; else -> DatePolicy.MOVE },
        windows = o.getAsJsonArray("windows")?.map {
            val w = it.asJsonObject
            CalendarWindow(
                network = networkFromId(w.get("network").asString),
                days = w.getAsJsonArray("days").map { d -> d.asString },
                start = w.get("start").asString,
                end = w.get("end").asString,
                label = str(w, "label") ?: "",
            )
        } ?: listOf(),
        drafts = o.getAsJsonArray("drafts")?.map {
            val d = it.asJsonObject
            CalendarDraft(slot = d.get("slot").asString, text = d.get("text").asString)
        } ?: listOf(),
        now = str(o, "now")?.let { Instant.parse(it) },
        minGapMinutes = o.get("min_gap_minutes")?.asInt?.toUInt() ?: 180u,
        disabled = o.getAsJsonArray("disabled")?.map { it.asString } ?: listOf(),
        severities = o.getAsJsonObject("severities")?.entrySet()?.associate { (k, v) -> k to severityFromId(v.asString) } ?: mapOf(),
    )

    override fun run(name: String, case: JsonElement, t: Tally) {
        val c = case.asJsonObject
        val input = c.getAsJsonObject("input")
        val period = c.getAsJsonObject("period")
        val wantError = c.getAsJsonObject("expected_error")
        val plan = try {
            val strategy = if (input.get("example")?.asBoolean == true) Strategy.example() else Strategy.fromToml(input.get("toml").asString)
            strategy.use { planCalendar(it, period.get("start").asString, period.get("end").asString, options(c.getAsJsonObject("options"))) }
        } catch (e: SmoException) {
            if (wantError == null) {
                t.check(name, false) { "unexpected error: ${e.message}" }
            } else {
                t.equal(name, "error kind", kind(e), wantError.get("kind").asString)
                t.check(name, e.message?.contains(wantError.get("contains").asString) == true) { "error message: ${e.message}" }
            }
            return
        }
        if (wantError != null) {
            t.check(name, false) { "expected an error, got a plan" }
            plan.close()
            return
        }
        plan.use { p ->
            val expected = c.getAsJsonObject("expected")
            val slots = p.slots()
            val want = expected.getAsJsonArray("slots")
            t.equal(name, "number of slots", slots.size, want.size())
            slots.zip(want).forEachIndexed { i, (s, w) ->
                val o = w.asJsonObject
                t.equal(name, "[$i].id", s.id, o.get("id").asString)
                t.equal(name, "[$i].start", s.start, Instant.parse(o.get("start_utc").asString))
                t.equal(name, "[$i].startUtc", s.startUtc, o.get("start_utc").asString)
                t.equal(name, "[$i].date", s.date, o.get("date").asString)
                t.equal(name, "[$i].localTime", s.localTime, o.get("time").asString)
                t.equal(name, "[$i].local", s.local, o.get("local").asString)
                t.equal(name, "[$i].zone", s.zone, o.get("zone").asString)
                t.equal(name, "[$i].network", networkId(s.network), o.get("network").asString)
                t.equal(name, "[$i].pillar", s.pillar, str(o, "pillar"))
                t.equal(name, "[$i].contentType", s.contentType?.let { contentTypeId(it) }, str(o, "content_type"))
                t.equal(name, "[$i].adjustment", s.adjustment, str(o, "adjustment"))
                t.equal(name, "[$i].movedFrom", s.movedFrom, str(o, "moved_from"))
            }
            val findings = p.findings()
            val wantF = expected.getAsJsonArray("findings")
            t.equal(name, "number of findings", findings.size, wantF.size())
            findings.zip(wantF).forEachIndexed { i, (f, w) ->
                val o = w.asJsonObject
                t.equal(name, "f[$i].rule", f.rule, o.get("rule").asString)
                t.equal(name, "f[$i].severity", f.severity.name.lowercase(), o.get("severity").asString)
                t.equal(name, "f[$i].path", f.location.path, str(o, "path"))
                t.equal(name, "f[$i].message", f.message, o.get("message").asString)
            }
            p.pillars().zip(expected.getAsJsonArray("pillars")).forEachIndexed { i, (s, w) ->
                val o = w.asJsonObject
                t.equal(name, "p[$i].pillar", s.pillar, o.get("pillar").asString)
                t.equal(name, "p[$i].slots", s.slots, o.get("slots").asLong.toULong())
                t.equal(name, "p[$i].planned", s.planned, o.get("planned").asDouble)
            }
            p.reach().zip(expected.getAsJsonArray("reach")).forEachIndexed { i, (r, w) ->
                val o = w.asJsonObject
                t.equal(name, "r[$i].audience", r.audience, o.get("audience").asString)
                t.equal(name, "r[$i].inside", r.inside, o.get("inside").asLong.toULong())
            }
            // Exports run on the same plan: every slot has its VEVENT.
            val ics = p.toIcs(null, false, 0u)
            t.equal(name, "VEVENTs", ics.split("BEGIN:VEVENT").size - 1, slots.size)
        }
    }
}
