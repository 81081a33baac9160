// Golden vectors of the post text engine: counting, entities (UTF-16 offsets), post checks,
// threads and share links, through the generated Kotlin bindings.

import com.google.gson.JsonElement
import com.google.gson.JsonObject
import uniffi.smo.*

object TextGolden : GoldenSuite {
    override val area = "text"

    private fun str(o: JsonObject, k: String): String? = o.get(k)?.takeUnless { it.isJsonNull }?.asString

    private fun kind(e: SmoException): String = when (e) {
        is SmoException.UnknownNetwork -> "unknown_network"
        is SmoException.InvalidArgument -> "invalid_argument"
        is SmoException.InvalidValue -> "invalid_value"
        else -> "other"
    }

    override fun run(name: String, case: JsonElement, t: Tally) {
        for (item in case.asJsonObject.getAsJsonArray("cases")) {
            val c = item.asJsonObject
            val at = "$name: ${c.get("name").asString}"
            when (name.substringAfter("/")) {
                "count.json" -> count(at, c, t)
                "entities.json" -> entities(at, c, t)
                "check.json" -> check(at, c, t)
                "share.json" -> share(at, c, t)
                "thread.json" -> thread(at, c, t)
                else -> t.check(at, false) { "no Kotlin runner for this file" }
            }
        }
    }

    private fun count(at: String, c: JsonObject, t: Tally) {
        val r = parseText(
            c.get("text").asString,
            networkFromId(c.get("network").asString),
            str(c, "field"),
            c.get("x_version")?.asInt?.toUInt(),
            c.get("mastodon_max_characters")?.asLong?.toULong(),
            str(c, "content_warning"),
        )
        val got = mapOf(
            "length" to r.length.toLong(), "limit" to r.limit.toLong(), "valid" to r.valid,
            "unit" to r.unit, "remaining" to r.remaining, "permillage" to r.permillage.toLong(),
            "field" to r.field, "graphemes" to r.graphemes.toLong(), "code_points" to r.codePoints.toLong(),
            "utf16" to r.utf16.toLong(), "bytes" to r.bytes.toLong(),
            "overflow" to r.overflow?.codePoint?.toLong(), "overflow_utf16" to r.overflow?.utf16?.toLong(),
            "overflow_byte" to r.overflow?.byte?.toLong(),
            "valid_range_end" to r.validRangeEnd.toLong(), "display_range_end" to r.displayRangeEnd.toLong(),
        )
        for ((k, v) in c.getAsJsonObject("expected").entrySet()) {
            val want: Any? = when {
                v.isJsonNull -> null
                v.asJsonPrimitive.isBoolean -> v.asBoolean
                v.asJsonPrimitive.isString -> v.asString
                else -> v.asLong
            }
            t.equal(at, k, got[k], want)
        }
        // Kotlin strings are UTF-16: the reported UTF-16 length is the string's own length.
        t.equal(at, "utf16 == String.length", r.utf16.toInt(), c.get("text").asString.length)
    }

    private fun entities(at: String, c: JsonObject, t: Tally) {
        val text = c.get("text").asString
        val got = extractEntities(text)
        val want = c.getAsJsonArray("expected")
        t.equal(at, "count", got.size, want.size())
        got.zip(want).forEachIndexed { i, (e, w) ->
            val o = w.asJsonObject
            t.equal(at, "[$i].kind", e.kind.name.lowercase(), o.get("kind").asString)
            t.equal(at, "[$i].text", e.text, o.get("text").asString)
            t.equal(at, "[$i].start_utf16", e.startUtf16.toInt(), o.get("start_utf16").asInt)
            t.equal(at, "[$i].end_utf16", e.endUtf16.toInt(), o.get("end_utf16").asInt)
            t.equal(at, "[$i].start", e.start.toInt(), o.get("start").asInt)
            t.equal(at, "[$i].start_byte", e.startByte.toInt(), o.get("start_byte").asInt)
            // UTF-16 offsets index the Kotlin string directly.
            val slice = text.substring(e.startUtf16.toInt(), e.endUtf16.toInt())
            t.check(at, slice.endsWith(e.text)) { "[$i] substring <$slice> does not end with <${e.text}>" }
        }
    }

    private fun check(at: String, c: JsonObject, t: Tally) {
        val media = c.getAsJsonArray("media")?.map {
            val m = it.asJsonObject
            Media(
                kind = when (str(m, "kind")) { "video" -> MediaKind.VIDEO; "gif" -> MediaKind.GIF; null -> null; else -> MediaKind.IMAGE },
                sizeBytes = m.get("size_bytes")?.asLong?.toULong(),
                width = m.get("width")?.asLong?.toUInt(), height = m.get("height")?.asLong?.toUInt(), durationSeconds = null,
                altText = str(m, "alt_text"),
            )
        } ?: listOf()
        val post = Post(
            text = c.get("text").asString,
            contentType = str(c, "content_type")?.let { contentTypeFromId(it) },
            media = media,
            link = str(c, "link"),
            contentWarning = str(c, "content_warning"),
        )
        val severities = c.getAsJsonObject("severities")?.entrySet()
            ?.associate { (k, v) -> k to severityFromId(v.asString) } ?: mapOf()
        val found = checkPost(
            post, networkFromId(c.get("network").asString), str(c, "field"),
            c.getAsJsonArray("disabled")?.map { it.asString } ?: listOf(), severities, null,
        )
        val want = c.getAsJsonArray("expected").map {
            val o = it.asJsonObject
            o.get("rule").asString to o.get("severity").asString
        }
        t.equal(at, "findings", found.map { it.rule to it.severity.name.lowercase() }, want)
    }

    private fun share(at: String, c: JsonObject, t: Tally) {
        val r = c.getAsJsonObject("request")
        val req = ShareRequest(
            url = str(r, "url"), text = str(r, "text"), title = str(r, "title"),
            hashtags = r.getAsJsonArray("hashtags")?.map { it.asString } ?: listOf(),
            via = str(r, "via"), media = str(r, "media"), instance = str(r, "instance"),
        )
        try {
            val link = shareUrl(c.get("target").asString, req)
            t.equal(at, "link", link, str(c, "expected"))
        } catch (e: SmoException) {
            t.equal(at, "error kind", kind(e), str(c, "error"))
        }
    }

    private fun thread(at: String, c: JsonObject, t: Tally) {
        val text = c.get("text").asString
        val parts = splitThread(
            text, networkFromId(c.get("network").asString),
            c.get("numbering")?.asBoolean ?: true, c.get("mastodon_max_characters")?.asLong?.toULong(),
            str(c, "content_warning"),
        )
        t.equal(at, "joined", parts.joinToString("") { it.text }, text)
        t.check(at, parts.all { it.length <= it.limit }) { "a part is over the limit" }
        t.equal(at, "posts", parts.map { it.post }, c.getAsJsonArray("expected").map { it.asString })
        parts.forEach { p ->
            t.equal(at, "part ${p.index} slice", text.substring(p.start.utf16.toInt(), p.end.utf16.toInt()), p.text)
        }
    }
}
