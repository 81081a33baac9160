// Runs the golden vectors through the generated Kotlin bindings (uniffi.smo) on the JVM.
// Usage: java ... MainKt <repo>/tests/golden
// Prints one line per failure and a closing "N passed, M failed" line; exits 1 on failure.

import java.io.File
import com.google.gson.JsonElement
import com.google.gson.JsonParser

/** Counts checks and records failures with their case name. */
class Tally {
    var passed = 0
    val failures = mutableListOf<String>()

    fun check(case: String, ok: Boolean, detail: () -> String) {
        if (ok) passed++ else failures.add("$case: ${detail()}")
    }

    fun <T> equal(case: String, what: String, got: T, want: T) =
        check(case, got == want) { "$what: got <$got>, want <$want>" }
}

/** One area of golden vectors (a folder under tests/golden). */
interface GoldenSuite {
    val area: String
    fun run(name: String, case: JsonElement, t: Tally)
}

fun readJson(file: File): JsonElement = JsonParser.parseString(file.readText(Charsets.UTF_8))

// The suites: one line per area.
val suites: List<GoldenSuite> = listOf(
    StrategyGolden,
    HandleGolden,
    MeasureGolden,
    AuditGolden,
    AuditSiteCheck,
    TextGolden,
    CalendarGolden,
    QueryGolden,
    SentimentGolden,
    WatchGolden,
    FeedGolden,
    TagsGolden,
    HashtagsGolden,
    AdviceGolden,
    PartnersGolden,
    ReferersGolden,
)

fun main(args: Array<String>) {
    val root = File(args.getOrElse(0) { "tests/golden" })
    val t = Tally()
    for (suite in suites) {
        val files = File(root, suite.area).listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }
        if (files.isNullOrEmpty()) {
            t.failures.add("${suite.area}: no golden files in ${File(root, suite.area)}")
            continue
        }
        for (file in files) {
            val name = "${suite.area}/${file.name}"
            try {
                suite.run(name, readJson(file), t)
            } catch (e: Throwable) {
                t.failures.add("$name: unexpected ${e::class.qualifiedName}: ${e.message}")
            }
        }
    }
    t.failures.forEach { println("FAIL $it") }
    println("kotlin: ${t.passed} passed, ${t.failures.size} failed")
    if (t.failures.isNotEmpty()) kotlin.system.exitProcess(1)
}
