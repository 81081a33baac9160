// Golden vectors of the content tags (tests/golden/tags): phrases in order, scores within 1e-9,
// byte positions, the batch form, and bad input as SmoException.InvalidArgument; through the
// generated bindings.

import com.google.gson.JsonElement
import uniffi.smo.*

object TagsGolden : GoldenSuite {
    override val area = "tags"
    private const val TOL = 1e-9

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (item in case.asJsonObject.getAsJsonArray("cases")) {
            val c = item.asJsonObject
            val at = "$name: ${c.get("name").asString}"
            val text = c.get("text").asString
            val lang = c.get("lang")?.takeUnless { it.isJsonNull }?.asString
            val top = c.get("top").asInt.toUInt()
            if (c.has("error")) {
                try {
                    extractTags(text, lang, top)
                    t.check(at, false) { "expected an error" }
                } catch (e: SmoException.InvalidArgument) {
                    t.check(at, e.message?.contains("lang") == true) { "message: ${e.message}" }
                }
                continue
            }
            val tags = extractTags(text, lang, top)
            val want = c.getAsJsonArray("expected")
            t.equal(at, "phrases", tags.map { it.phrase }, want.map { it.asJsonObject.get("phrase").asString })
            tags.zip(want).forEachIndexed { i, (tag, w) ->
                val o = w.asJsonObject
                val score = o.get("score").asDouble
                t.check(at, Math.abs(tag.score - score) <= TOL) { "[$i].score: got <${tag.score}>, want <$score>" }
                t.equal(
                    at, "[$i].positions",
                    tag.positions.map { listOf(it.start.toLong(), it.end.toLong()) },
                    o.getAsJsonArray("positions").map { p -> p.asJsonArray.map { it.asLong } },
                )
            }
            t.equal(at, "batch", extractTagsBatch(listOf(text, text), lang, top), listOf(tags, tags))
        }
    }
}
