#!/usr/bin/env bash
# Builds smo-ffi, generates the Kotlin and Swift bindings, compiles the generated Kotlin with the
# golden-vector driver and runs it on the JVM. Needs: kotlinc (npm kotlin-compiler) on PATH or in
# .tools/, Java 17, /usr/share/java/jna.jar and gson.jar (Debian libjna-java, libgoogle-gson-java).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=target/kotlin-tests
kotlin_home=${KOTLIN_HOME:-$root/.tools/node_modules/kotlin-compiler}
kotlinc=$kotlin_home/bin/kotlinc
jars=/usr/share/java/jna.jar:/usr/share/java/gson.jar

cargo build -q -p smo-ffi
lib=target/debug/libsmo_ffi.so
rm -rf "$out" && mkdir -p "$out"
cargo run -q -p smo-ffi --bin uniffi-bindgen -- generate --library "$lib" \
    --language kotlin --language swift --out-dir "$out/bindings" --no-format >/dev/null
# Swift is generated (and checked for generation) only: compiling it needs macOS.
for f in Smo.swift SmoFFI.h SmoFFI.modulemap; do
    [ -s "$out/bindings/$f" ] || { echo "swift generation: $f missing"; exit 1; }
done
grep -q "public func checkHandle" "$out/bindings/Smo.swift" || { echo "swift: checkHandle missing"; exit 1; }
for decl in "public struct Sentiment" "public func sentimentBatch" "public struct PageFeatures" "public enum EndpointStatus" "public enum RuleStatus" "public func findingsRecords" "public func planCalendar" "public struct CalendarSlot" "public func searchMentions" "public func shareOfVoiceOf" "public struct VoiceRow" "public func watchBrief" "public func parseFeed" "public func unsharedContent" "public func extractTags" "public struct Tag" "public func suggestHashtags" "public func advise" "public struct Recommendation" "public func checkPartners" "public struct PartnerCheck" "open class PartnerLedger" "public func loadRefererDatabase"; do
    grep -q "$decl" "$out/bindings/Smo.swift" || { echo "swift: $decl missing"; exit 1; }
done

"$kotlinc" -Werror -nowarn -classpath "$jars" "$out/bindings/uniffi/smo/smo.kt" tests/kotlin/*.kt \
    -d "$out/golden.jar" 2>&1 | grep -v '^warning: unable to find kotlin-stdlib' || true
[ -s "$out/golden.jar" ] || { echo "kotlin compilation failed"; exit 1; }
java -Djna.library.path="$root/target/debug" \
    -cp "$out/golden.jar:$kotlin_home/lib/kotlin-stdlib.jar:$jars" MainKt "$root/tests/golden"
