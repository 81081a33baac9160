// Golden vectors of the foundation: strategy validation and handle checks.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import uniffi.smo.*

object StrategyGolden : GoldenSuite {
    override val area = "strategy"

    private fun load(input: JsonObject): Strategy = when {
        input.get("example")?.asBoolean == true -> Strategy.example()
        input.has("json") -> Strategy.fromJson(input.get("json").toString())
        input.has("json_text") -> Strategy.fromJson(input.get("json_text").asString)
        else -> Strategy.fromToml(input.get("toml").asString)
    }

    private fun kind(e: SmoException): String = when (e) {
        is SmoException.Parse -> "parse"
        is SmoException.InvalidValue -> "invalid_value"
        is SmoException.UnknownNetwork -> "unknown_network"
        is SmoException.UnknownRule -> "unknown_rule"
        is SmoException.InvalidArgument -> "invalid_argument"
        else -> "other"
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        val c = case.asJsonObject
        val opts = c.getAsJsonObject("options")
        val expected = c.getAsJsonObject("expected")
        val today = opts.get("today")?.asString
        val disabled = opts.getAsJsonArray("disabled")?.map { it.asString } ?: listOf()
        val found = try {
            val severities = opts.getAsJsonObject("severities")?.entrySet()
                ?.associate { (k, v) -> k to severityFromId(v.asString) } ?: mapOf()
            load(c.getAsJsonObject("input")).use { it.validate(today, disabled, severities) }
        } catch (e: SmoException) {
            val want = expected.getAsJsonObject("error")
            if (want == null) {
                t.check(name, false) { "unexpected error: ${e.message}" }
            } else {
                t.equal(name, "error kind", kind(e), want.get("kind").asString)
                t.equal(name, "error message", e.message, want.get("message").asString)
            }
            return
        }
        if (expected.has("error")) {
            t.check(name, false) { "expected an error, got ${found.size} findings" }
            return
        }
        val want = expected.getAsJsonArray("findings")
        t.equal(name, "number of findings", found.size, want.size())
        found.zip(want).forEachIndexed { i, (f, w) ->
            val o = w.asJsonObject
            t.equal(name, "[$i].rule", f.rule, o.get("rule").asString)
            t.equal(name, "[$i].severity", f.severity.name.lowercase(), o.get("severity").asString)
            val path = o.get("path")?.takeUnless { it.isJsonNull }?.asString
            t.equal(name, "[$i].path", f.location.path, path)
            o.get("message")?.let { t.equal(name, "[$i].message", f.message, it.asString) }
        }
    }
}

object HandleGolden : GoldenSuite {
    override val area = "handles"

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (item in case.asJsonObject.getAsJsonArray("cases")) {
            val o = item.asJsonObject
            val at = "$name ${o.get("network").asString} ${o.get("handle").asString}"
            val r = checkHandle(networkFromId(o.get("network").asString), o.get("handle").asString)
            t.equal(at, "valid", r.valid, o.get("valid").asBoolean)
            t.equal(at, "display", r.display, o.get("display").asString)
            t.equal(at, "normalized", r.normalized, o.get("normalized").asString)
            t.equal(at, "problems", r.problems, o.getAsJsonArray("problems").map { it.asString })
        }
    }
}
