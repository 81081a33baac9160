// Golden vectors of hashtag suggestions: advised count, hashtags already present, and each
// suggestion's hashtag, source and phrase, in order.

import com.google.gson.JsonElement
import uniffi.smo.*

object HashtagsGolden : GoldenSuite {
    override val area = "hashtags"

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (c in case.asJsonObject.getAsJsonArray("cases")) {
            val g = c.asJsonObject
            val at = "$name:${g.get("name").asString}"
            val net = networkFromId(g.get("network").asString)
            val got = if (g.get("strategy").asBoolean) {
                Strategy.example().use { s -> suggestHashtags(g.get("text").asString, net, strategy = s) }
            } else {
                suggestHashtags(g.get("text").asString, net)
            }
            val want = g.getAsJsonObject("expect")
            want.get("advised")?.let { t.equal(at, "advised", got.advised, it.asLong.toULong()) }
            want.getAsJsonArray("present")?.let { p -> t.equal(at, "present", got.present, p.map { it.asString }) }
            val hs = want.getAsJsonArray("hashtags")
            t.equal(at, "hashtags", got.hashtags.size, hs.size())
            got.hashtags.zip(hs).forEachIndexed { i, (h, w0) ->
                val w = w0.asJsonObject
                t.equal("$at[$i]", "hashtag", h.hashtag, w.get("hashtag").asString)
                w.get("source")?.let { t.equal("$at[$i]", "source", h.source.name.lowercase(), it.asString) }
                w.get("phrase")?.let { t.equal("$at[$i]", "phrase", h.phrase, it.asString) }
            }
        }
    }
}
