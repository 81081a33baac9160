// Golden vectors of monitoring queries: matches, FTS5 exports and exact parse errors.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import java.time.Instant
import uniffi.smo.*

object QueryGolden : GoldenSuite {
    override val area = "listening"

    private fun str(o: JsonObject, k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString
    private fun num(o: JsonObject, k: String): ULong? = o.get(k)?.takeUnless { it.isJsonNull }?.asLong?.toULong()

    override fun run(name: String, case: JsonElement, t: Tally) {
        val g = case.asJsonObject
        if (g.has("load")) return loads(name, g, t)
        val mentions = g.getAsJsonArray("mentions").map {
            val o = it.asJsonObject
            Mention(
                id = o.get("id").asString, text = o.get("text").asString, published = Instant.parse(o.get("published").asString),
                network = str(o, "network")?.let { n -> networkFromId(n) }, author = str(o, "author") ?: "",
                followers = num(o, "followers"), lang = str(o, "lang"), url = str(o, "url"),
                likes = num(o, "likes"), reposts = num(o, "reposts"), replies = num(o, "replies"),
            )
        }
        for (c in g.getAsJsonArray("cases")) {
            val o = c.asJsonObject
            val text = o.get("query").asString
            Query(text).use { q ->
                t.equal("$name $text", "matches", mentions.filter { q.matches(it) }.map { it.id }, o.getAsJsonArray("matches").map { it.asString })
                val fts = try { q.toFts5() } catch (e: SmoException.Parse) { null }
                t.equal("$name $text", "fts5", fts, str(o, "fts5"))
                t.equal("$name $text", "warnings", q.warnings().size, o.get("warnings").asInt)
                t.equal("$name $text", "search", searchMentions(listOf(q), mentions)[0], o.getAsJsonArray("matches").map { it.asString })
            }
        }
        // The example strategy's keywords, competitors and own queries all parse, and run.
        Strategy.example().use { s ->
            val qs = s.queries()
            t.equal(name, "strategy queries", qs.map { it.name }, listOf("brand", "competitor:Atelier Brume", "competitor:Draps & Cie", "made-in-vosges", "washed-linen"))
            t.equal(name, "strategy query errors", qs.mapNotNull { it.error }, listOf<String>())
            Query(qs[0].text).use { q -> t.equal(name, "brand query on m1", q.matches(mentions[0]), true) }
        }
        for (e in g.getAsJsonArray("errors")) {
            val o = e.asJsonObject
            val text = o.get("query").asString
            try {
                Query(text).close()
                t.check("$name $text", false) { "expected a parse error" }
            } catch (x: SmoException.Parse) {
                t.equal("$name $text", "message", x.message, o.get("message").asString)
            }
        }
    }

    private fun loads(name: String, g: JsonObject, t: Tally) {
        for (c in g.getAsJsonArray("load")) {
            val o = c.asJsonObject
            val at = "$name ${o.get("format").asString}"
            val l = loadMentions(o.get("text").asString, o.get("format").asString, LoadSettings(timeZone = o.get("time_zone").asString))
            val e = o.getAsJsonObject("expected")
            t.equal(at, "ids", l.mentions.map { it.id }, e.getAsJsonArray("ids").map { it.asString })
            t.equal(at, "published", l.mentions.map { it.published }, e.getAsJsonArray("published").map { Instant.parse(it.asString) })
            t.equal(at, "rejected", l.rejected.map { listOf(it.line.toLong().toString(), it.field ?: "null") },
                e.getAsJsonArray("rejected").map { r -> r.asJsonArray.let { listOf(it[0].asLong.toString(), if (it[1].isJsonNull) "null" else it[1].asString) } })
            t.equal(at, "ignored", l.ignoredColumns, e.getAsJsonArray("ignored").map { it.asString })
        }
    }
}
