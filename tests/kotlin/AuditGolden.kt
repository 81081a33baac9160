// Golden vectors of the site audit: synthetic pages, expected inventory (a subset of the
// features JSON), failing rules with severities, and not-applicable rules.
//
// The expected inventory is checked twice: against `featuresJson`, and against the typed
// records (`PageFeatures`, `OgMedia`, `ShareLink`, enums...), rebuilt here into the JSON shape
// with the same field names. The typed tree must also equal the whole `featuresJson`, so the
// typed surface provably carries everything the JSON does.

import java.io.File
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import uniffi.smo.*

/** The typed inventory in the shape (and with the field names) of the features JSON. */
object TypedInventory {
    private fun obj(vararg fields: Pair<String, Any?>): JsonObject {
        val o = JsonObject()
        for ((k, v) in fields) o.add(k, json(v))
        return o
    }

    private fun json(v: Any?): JsonElement = when (v) {
        null -> JsonNull.INSTANCE
        is JsonElement -> v
        is String -> JsonPrimitive(v)
        is Boolean -> JsonPrimitive(v)
        is ULong -> JsonPrimitive(v.toLong())
        is UInt -> JsonPrimitive(v.toLong())
        is Number -> JsonPrimitive(v)
        is List<*> -> JsonArray().also { a -> v.forEach { a.add(json(it)) } }
        is Map<*, *> -> JsonObject().also { o -> v.forEach { (k, x) -> o.add(k as String, json(x)) } }
        // Enums read as their snake_case id: FeedKind.JSON_FEED -> "json_feed".
        is Network -> JsonPrimitive(networkId(v))
        is Enum<*> -> JsonPrimitive(v.name.lowercase())
        else -> error("no JSON form for ${v::class}")
    }

    private fun span(s: Span) =
        obj("start_byte" to s.startByte, "end_byte" to s.endByte, "line" to s.line, "column" to s.column)

    private fun origin(o: Origin?) =
        o?.let { obj("span" to span(it.span), "in_head" to it.inHead, "in_noscript" to it.inNoscript) }

    private fun meta(m: MetaTag) = obj(
        "key" to m.key, "key_attribute" to m.keyAttribute, "value_attribute" to m.valueAttribute,
        "raw" to m.raw, "value" to m.value, "origin" to origin(m.origin),
    )

    private fun media(m: OgMedia) = obj(
        "url" to m.url, "resolved" to m.resolved, "secure_url" to m.secureUrl, "mime_type" to m.mimeType,
        "width" to m.width, "height" to m.height, "alt" to m.alt, "origin" to origin(m.origin),
    )

    private fun link(l: LinkRef) = obj("href" to l.href, "url" to l.url, "origin" to origin(l.origin))

    private fun widget(w: Widget) =
        obj("kind" to w.kind, "provider" to w.provider, "evidence" to w.evidence, "origin" to origin(w.origin))

    fun of(f: PageFeatures): JsonObject = inventory(f).also { o ->
        // Left out of the JSON when empty, as the core writes it.
        if (f.mainText.isNotEmpty()) o.add("main_text", json(f.mainText))
    }

    private fun inventory(f: PageFeatures): JsonObject = obj(
        "url" to f.url,
        "lang" to f.lang,
        "title" to f.title,
        "description" to f.description,
        "meta" to f.meta.map(::meta),
        "open_graph" to f.openGraph,
        "twitter" to f.twitter,
        "og_images" to f.ogImages.map(::media),
        "og_videos" to f.ogVideos.map(::media),
        "og_audios" to f.ogAudios.map(::media),
        "og_orphans" to f.ogOrphans.map(::meta),
        "canonical" to f.canonical,
        "canonicals" to f.canonicals.map(::link),
        "hreflang" to f.hreflang.map { obj("lang" to it.lang, "link" to link(it.link)) },
        "feeds" to f.feeds.map { obj("kind" to it.kind, "title" to it.title, "link" to link(it.link)) },
        "oembed" to f.oembed.map {
            obj("mime_type" to it.mimeType, "valid_type" to it.validType, "link" to link(it.link))
        },
        "icons" to f.icons.map {
            obj("rel" to it.rel, "sizes" to it.sizes, "mime_type" to it.mimeType, "link" to link(it.link))
        },
        "json_ld" to f.jsonLd.map { b ->
            obj(
                "types" to b.types, "error" to b.error, "truncated" to b.truncated, "bytes" to b.bytes,
                "entities" to b.entities.map {
                    obj("types" to it.types, "name" to it.name, "url" to it.url, "logo" to it.logo, "same_as" to it.sameAs)
                },
            ).also { o ->
                // Left out of the JSON when empty, as the core writes it.
                if (b.articles.isNotEmpty()) {
                    o.add("articles", json(b.articles.map { obj("types" to it.types, "headline" to it.headline, "keywords" to it.keywords) }))
                }
                o.add("origin", origin(b.origin))
            }
        },
        "share_links" to f.shareLinks.map {
            obj(
                "network" to it.network, "status" to it.status, "href" to it.href, "shared_url" to it.sharedUrl,
                "text" to it.text, "insecure" to it.insecure, "origin" to origin(it.origin),
            )
        },
        "profiles" to f.profiles.map {
            obj(
                "network" to it.network, "handle" to it.handle, "url" to it.url, "rel_me" to it.relMe,
                "origin" to origin(it.origin),
            )
        },
        "comments" to f.comments.map(::widget),
        "social_login" to f.socialLogin.map(::widget),
        "embeds" to f.embeds.map(::widget),
        "reviews" to f.reviews.map(::widget),
        "share_scripts" to f.shareScripts.map(::widget),
        "parse" to f.parse.let {
            obj(
                "bytes" to it.bytes, "encoding" to it.encoding, "complete" to it.complete, "error" to it.error,
                "invalid_utf8_at" to it.invalidUtf8At, "max_depth" to it.maxDepth,
                "truncated_values" to it.truncatedValues, "fallback" to it.fallback,
            )
        },
    )
}

object AuditGolden : GoldenSuite {
    override val area = "audit"
    private val rank = mapOf(Severity.ERROR to 0, Severity.WARNING to 1, Severity.NOTICE to 2)

    /** Checks that `want` is a subset of `got`: objects by key, arrays element-wise. */
    fun subset(want: JsonElement, got: JsonElement?, path: String, fail: (String) -> Unit) {
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
        // The limits a case sets, by their snake_case names (as in Rust and Python).
        val limits = c.getAsJsonObject("limits")?.let { l ->
            val known = listOf("chunk_size", "max_parser_memory", "max_value_bytes", "max_json_ld_bytes", "max_items", "max_fallback_bytes", "max_text_bytes")
            t.check(name, known.containsAll(l.keySet())) { "unknown limits in ${l.keySet()}" }
            fun v(k: String) = l.get(k)?.asLong?.toULong()
            ScanLimitsConfig(
                chunkSize = v("chunk_size"), maxParserMemory = v("max_parser_memory"), maxValueBytes = v("max_value_bytes"),
                maxJsonLdBytes = v("max_json_ld_bytes"), maxItems = v("max_items"), maxFallbackBytes = v("max_fallback_bytes"),
                maxTextBytes = v("max_text_bytes"),
            )
        }
        val audit = auditPage(html, c.get("url").asString, limits?.let { AuditConfig(limits = it) })
        val want = c.get("features")
        // The JSON document, then the typed records, against the expected inventory.
        val features = JsonParser.parseString(audit.featuresJson)
        subset(want, features, "featuresJson") { t.check(name, false) { it } }
        val typed = TypedInventory.of(audit.features)
        subset(want, typed, "features") { t.check(name, false) { it } }
        // The typed records carry the whole JSON document, and nothing else.
        var same = true
        subset(features, typed, "typed vs featuresJson") { same = false; t.check(name, false) { it } }
        subset(typed, features, "featuresJson vs typed") { same = false; t.check(name, false) { it } }
        t.check(name, same && typed == features) { "typed inventory differs from featuresJson" }

        val failing = mutableMapOf<String, Severity>()
        for (f in audit.findings) {
            val cur = failing[f.rule]
            if (cur == null || rank.getValue(f.severity) < rank.getValue(cur)) failing[f.rule] = f.severity
        }
        t.equal(name, "rules", failing.keys.sorted(), c.getAsJsonArray("rules").map { it.asString })
        c.getAsJsonObject("severities")?.entrySet()?.forEach { (rule, sev) ->
            t.equal(name, "severity of $rule", failing[rule], severityFromId(sev.asString))
        }
        val outcomes = audit.outcomes.associate { it.rule to it.status }
        c.getAsJsonArray("not_applicable")?.forEach {
            t.equal(name, "${it.asString} status", outcomes[it.asString], RuleStatus.NOT_APPLICABLE)
        }
        for (rule in failing.keys) t.equal(name, "$rule status", outcomes[rule], RuleStatus.FAIL)
        c.getAsJsonObject("effective")?.entrySet()?.forEach { (key, v) ->
            val values = if (key.startsWith("twitter:")) audit.features.twitter[key]?.lastOrNull()
            else audit.features.openGraph[key]?.firstOrNull()
            t.equal(name, "effective $key", values, v.asString)
        }
        c.getAsJsonArray("fix_html_contains")?.forEach {
            t.check(name, audit.fixHtml.contains(it.asString)) { "fix_html lacks ${it.asString}: ${audit.fixHtml}" }
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
        val n = "audit_site"
        val report = Strategy.example().use { auditSite(exampleSite(), it, 2u) }
        t.equal(n, "pages", report.pages.size, 4)
        t.equal(
            n, "strategy check rules",
            report.strategyCheck.map { it.rule }.toSortedSet().toList(),
            listOf("site/handle-differs-from-strategy", "site/planned-network-not-linked", "site/unplanned-network-linked"),
        )
        t.equal(
            n, "inconsistencies",
            report.inconsistencies.map { it.rule },
            listOf("site/inconsistent-handle", "site/inconsistent-site-name"),
        )
        // Typed coverage, rule hits, handles and records.
        val coverage = report.coverage.associate { it.feature to it }
        t.equal(n, "canonical coverage", coverage["canonical"]?.share, 1.0)
        t.check(n, report.coverage.all { it.total == 4UL && it.pages <= it.total }) { "coverage totals: ${report.coverage}" }
        t.check(n, report.ruleHits.zipWithNext().all { (a, b) -> a.pages >= b.pages }) { "rule hits not most pages first" }
        t.check(n, report.ruleHits.all { it.findings >= it.pages && it.applicable >= it.pages }) { "rule hit counters: ${report.ruleHits}" }
        t.check(n, report.handles.any { it.network == Network.INSTAGRAM }) { "no instagram handle in ${report.handles}" }
        t.check(n, report.factsAsOf.isNotBlank()) { "facts_as_of is blank" }
        t.check(n, report.pages.all { it.complete }) { "an example page was not scanned completely" }
        val records = report.findingsRecords()
        t.equal(
            n, "finding records",
            records.size, report.findings.size + report.inconsistencies.size + report.strategyCheck.size,
        )
        t.check(n, records.any { it.url == "https://www.maisonlune.fr/contact" && it.line != null }) { "no located record of the contact page" }
        t.equal(n, "site records have no url", records.takeLast(report.inconsistencies.size + report.strategyCheck.size).all { it.url.isEmpty() }, true)
        val one = auditSite(exampleSite(), null, 1u)
        val all = auditSite(exampleSite(), null, null)
        t.equal(n, "same report on 1 thread and all cores", one, all)

        // The typed inventory of the example product page (the Python test's facts).
        val page = exampleSite()[1]
        val f = auditPage(page.html, page.url).features
        t.equal(n, "product canonical", f.canonical, "https://www.maisonlune.fr/")
        t.equal(n, "product twitter:card", f.twitter["twitter:card"], listOf("product"))
        t.equal(n, "product share networks", f.shareLinks.map { it.network }.toSet(), setOf("facebook", "linkedin", "pinterest", "x"))
        t.equal(
            n, "product profiles", f.profiles.map { it.network to it.handle },
            listOf(Network.INSTAGRAM to "maison.lune", Network.FACEBOOK to "MaisonLuneParis"),
        )
        t.equal(n, "product og:image", f.ogImages.firstOrNull()?.resolved, "https://www.maisonlune.fr/media/produits/parure-sauge-800.jpg")
        t.equal(n, "product reviews", f.reviews.map { it.provider }.toSet(), setOf("schema.org", "trustpilot"))
        t.check(n, f.reviews.all { it.kind == WidgetKind.REVIEWS }) { "review widgets of another kind: ${f.reviews}" }
        // Declared og:image sizes, read by core: digits only, positive.
        val home = exampleSite()[0]
        val homeImage = auditPage(home.html, home.url).features.ogImages.first()
        t.equal(n, "home og:image size", ogMediaWidthPx(homeImage) to ogMediaHeightPx(homeImage), 1200u to 630u)
        val bad = auditPage(
            """<meta property="og:image" content="https://example.test/a.jpg"><meta property="og:image:width" content="120px">""".toByteArray(),
            "https://example.test/",
        ).features.ogImages.first()
        t.equal(n, "invalid og:image width", bad.width to ogMediaWidthPx(bad), "120px" to null)
    }
}
