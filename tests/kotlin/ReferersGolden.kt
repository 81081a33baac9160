// Golden vectors of referrer classes: smo's table, and the user's Snowplow and Matomo files merged
// over it with loadRefererDatabase.

import com.google.gson.JsonElement
import java.io.File
import uniffi.smo.*

object ReferersGolden : GoldenSuite {
    override val area = "referers"

    override fun run(name: String, case: JsonElement, t: Tally) {
        val doc = case.asJsonObject
        val root = File(System.getProperty("smo.golden", "tests/golden")).absoluteFile.parentFile.parentFile
        val files = doc.getAsJsonArray("files").map { f ->
            RefererSource(f.asString, File(root, f.asString).readText(Charsets.UTF_8), "auto")
        }
        loadRefererDatabase(files).use { db ->
            t.equal(name, "files", db.files().map { it.format }, listOf("snowplow", "snowplow", "matomo_search", "matomo_social"))
            for (c0 in doc.getAsJsonArray("cases")) {
                val c = c0.asJsonObject
                val at = "$name:${c.get("referrer").asString}"
                val r = classifyReferrer(c.get("referrer").asString, null, if (c.get("database").asBoolean) db else null)
                t.equal(at, "medium", r.medium.name.lowercase(), c.get("medium").asString)
                t.equal(at, "source", r.source, c.get("source").asString)
                t.equal(at, "term", r.term, c.get("term").takeUnless { it.isJsonNull }?.asString)
                t.equal(at, "table_version", r.tableVersion, c.get("table_version").asString)
            }
        }
    }
}
