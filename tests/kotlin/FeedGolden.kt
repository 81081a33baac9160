// Golden vectors of feeds: RSS, Atom and JSON Feed read into smo's model, parse errors with their
// line and column, and the example feed's recent content not yet shared, with its drafts.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import java.time.Instant
import uniffi.smo.*

object FeedGolden : GoldenSuite {
    override val area = "feed"

    private fun str(o: JsonObject, k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString

    private fun item(i: FeedItem) = mapOf(
        "id" to i.id, "title" to i.title, "link" to i.link, "published" to i.published?.toString(),
        "updated" to i.updated?.toString(), "summary" to i.summary, "image" to i.image, "video" to i.video,
        "categories" to i.categories,
    )

    /** Every key of `want` must match `got`'s. */
    private fun match(got: Map<String, Any?>, want: JsonObject, at: String, t: Tally) {
        for ((k, w) in want.entrySet()) {
            if (!got.containsKey(k)) { t.check(at, false) { "$k not read back" }; continue }
            val g = got[k]
            when {
                w.isJsonNull -> t.equal("$at.$k", "value", g, null)
                w.isJsonArray -> t.equal("$at.$k", "value", g, w.asJsonArray.map { it.asString })
                w.asJsonPrimitive.isNumber -> t.equal("$at.$k", "value", (g as Number).toLong(), w.asLong)
                else -> t.equal("$at.$k", "value", g, w.asString)
            }
        }
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (c in case.asJsonObject.getAsJsonArray("cases")) {
            val g = c.asJsonObject
            val at = "$name:${g.get("name").asString}"
            val want = g.getAsJsonObject("expect")
            val text = g.get("text").asString
            if (want.has("error")) {
                try {
                    parseFeed(text)
                    t.check(at, false) { "expected a parse error" }
                } catch (e: SmoException.Parse) {
                    val starts = want.getAsJsonObject("error").get("starts").asString
                    t.check(at, e.message?.startsWith(starts) == true) { "message ${e.message}" }
                }
                continue
            }
            val feed = parseFeed(text)
            if (g.get("fn").asString == "parse") {
                match(mapOf("kind" to feed.kind.name.lowercase(), "title" to feed.title, "link" to feed.link), JsonObject().also { o ->
                    for (k in listOf("kind", "title", "link")) want.get(k)?.let { o.add(k, it) }
                }, at, t)
                val items = want.getAsJsonArray("items")
                t.equal(at, "items", feed.items.size, items.size())
                feed.items.zip(items).forEachIndexed { i, (it, w) ->
                    // Instant.toString() writes whole seconds without ".000": the same RFC 3339 as the core.
                    match(item(it), w.asJsonObject, "$at.items[$i]", t)
                }
            } else {
                val posts = g.getAsJsonArray("posts").toString()
                val out = MeasureData.fromJson(posts = posts, settings = LoadSettings(strict = true)).use { d ->
                    Strategy.example().use { s -> unsharedContent(feed, d, s, Instant.parse(g.get("now").asString)) }
                }
                val items = want.getAsJsonArray("items")
                t.equal(at, "items", out.size, items.size())
                out.zip(items).forEachIndexed { i, (u, w0) ->
                    val w = w0.asJsonObject
                    val here = "$at[$i]"
                    t.equal(here, "link", u.item.link, str(w, "link"))
                    t.equal(here, "age_days", u.ageDays, w.get("age_days").asLong)
                    t.equal(here, "shared_on", u.sharedOn.map { networkId(it) }, w.getAsJsonArray("shared_on").map { it.asString })
                    val d = w.get("drafts")
                    if (d.isJsonPrimitive) {
                        t.equal(here, "drafts", u.drafts.size, d.asInt)
                    } else {
                        val ds = d.asJsonArray
                        t.equal(here, "drafts", u.drafts.size, ds.size())
                        u.drafts.zip(ds).forEach { (dr, wd) ->
                            val o = wd.asJsonObject
                            match(
                                mapOf("network" to networkId(dr.network), "format" to dr.format.name.lowercase(), "url" to dr.url, "media" to dr.media),
                                o, "$here.draft", t,
                            )
                        }
                    }
                }
            }
        }
    }
}
