// Golden vectors of the sentiment engine (tests/golden/sentiment): scores to 4 decimals, label,
// language, the trace's key entries (lexeme, token, byte offsets, rules, score) and its
// punctuation, and bad input as SmoException.InvalidArgument; through the generated bindings.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import uniffi.smo.*

object SentimentGolden : GoldenSuite {
    override val area = "sentiment"
    private const val TOL = 6e-5

    private fun ruleId(r: SentimentRule): String = r.name.lowercase().replace('_', '-')

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (item in case.asJsonObject.getAsJsonArray("cases")) {
            val c = item.asJsonObject
            val at = "$name: ${c.get("name").asString}"
            val text = c.get("text").asString
            val lang = c.get("lang")?.takeUnless { it.isJsonNull }?.asString
            if (c.has("error")) {
                try {
                    sentiment(text, lang)
                    t.check(at, false) { "expected an error" }
                } catch (e: SmoException.InvalidArgument) {
                    t.check(at, e.message?.contains("lang") == true) { "message: ${e.message}" }
                }
                continue
            }
            val s = sentiment(text, lang)
            check(at, c.getAsJsonObject("expected"), s, t)
            val batch = sentimentBatch(listOf(text, text), lang)
            t.equal(at, "batch", batch.map { it.compound }, listOf(s.compound, s.compound))
        }
    }

    private fun close(at: String, what: String, got: Double, want: JsonElement?, t: Tally) {
        if (want == null || want.isJsonNull) return
        t.check(at, Math.abs(got - want.asDouble) <= TOL) { "$what: got <$got>, want <${want.asDouble}>" }
    }

    private fun check(at: String, w: JsonObject, s: Sentiment, t: Tally) {
        w.get("label")?.let { t.equal(at, "label", s.label.name.lowercase(), it.asString) }
        w.get("lang")?.let { t.equal(at, "lang", s.lang.name.lowercase(), it.asString) }
        close(at, "compound", s.compound, w.get("compound"), t)
        close(at, "positive", s.positive, w.get("positive"), t)
        close(at, "negative", s.negative, w.get("negative"), t)
        close(at, "neutral", s.neutral, w.get("neutral"), t)
        w.getAsJsonArray("entries")?.let { entries ->
            t.equal(at, "entries", s.trace.entries.size, entries.size())
            s.trace.entries.zip(entries).forEachIndexed { i, (e, je) ->
                val o = je.asJsonObject
                t.equal(at, "[$i].lexeme", e.lexeme, o.get("lexeme").asString)
                t.equal(at, "[$i].token", e.token, o.get("token").asString)
                t.equal(at, "[$i].start_byte", e.startByte.toLong(), o.get("start_byte").asLong)
                t.equal(at, "[$i].end_byte", e.endByte.toLong(), o.get("end_byte").asLong)
                t.equal(at, "[$i].rules", e.effects.map { ruleId(it.rule) }, o.getAsJsonArray("rules").map { it.asString })
                close(at, "[$i].valence", e.valence, o.get("valence"), t)
                close(at, "[$i].score", e.score, o.get("score"), t)
            }
        }
        w.getAsJsonArray("punctuation")?.let { p ->
            t.equal(at, "punctuation", s.trace.punctuation.map { ruleId(it.rule) }, p.map { it.asString })
        }
        // The compound recomputes from the trace.
        val total = s.trace.entries.sumOf { it.score } + s.trace.punctuation.sumOf { it.value }
        t.check(at, Math.abs(total / Math.sqrt(total * total + s.trace.alpha) - s.compound) < 1e-9) { "trace does not give the compound" }
    }
}
