#!/usr/bin/env bash
# Throughput of smo (Rust, and the Python batch API) against npm twitter-text 3.1.0
# (parseTweet + extractEntitiesWithIndices) on the same reproducible multi-script corpus, in
# one run. Prints posts per second for each and the ratios. Installs twitter-text into the
# git-ignored .tools/ on first run. Usage: bash tests/bench/compare_twitter_text.sh [posts] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
tools=$root/.tools
n=${1:-20000}
rounds=${2:-5}
mkdir -p "$tools" target/bench
if [ ! -f "$tools/node_modules/twitter-text/package.json" ]; then
    npm install --prefix "$tools" --no-audit --no-fund --silent twitter-text@3.1.0
fi
corpus=target/bench/corpus.jsonl
cargo run -q --release -p smo-core --example text_corpus -- "$n" > "$corpus"

cargo build -q --release -p smo-core --example text_corpus
run_rust() { target/release/examples/text_corpus "$n" --time "$rounds"; }

cat > target/bench/twitter_text.js <<'JS'
const fs = require('fs');
const twttr = require('twitter-text');
const [file, rounds] = [process.argv[2], Number(process.argv[3])];
const posts = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
let checksum = 0;
for (const p of posts.slice(0, 500)) { twttr.parseTweet(p); twttr.extractEntitiesWithIndices(p); }
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const p of posts) {
    checksum += twttr.parseTweet(p).weightedLength;
    checksum += twttr.extractEntitiesWithIndices(p).length;
  }
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ posts_per_second: posts.length * rounds / secs, checksum }));
JS
run_node() { NODE_PATH="$tools/node_modules" node target/bench/twitter_text.js "$corpus" "$rounds"; }

python=${PYTHON:-$tools/venv/bin/python}
have_py=0
if [ -x "$python" ] && "$python" -c 'import smo' 2>/dev/null; then
    have_py=1
    if [ "${SMO_BENCH_SKIP_BUILD:-0}" != 1 ]; then
        VIRTUAL_ENV=$tools/venv PATH=$tools/venv/bin:$PATH maturin develop -q --release -m smo-py/Cargo.toml >/dev/null 2>&1 || true
    fi
fi
cat > target/bench/smo_batch.py <<'PY'
import json, sys, time
import smo
posts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
rounds = int(sys.argv[2])
checksum = 0
start = time.perf_counter()
for _ in range(rounds):
    checksum += sum(c.weighted_length for c in smo.parse_text_batch(posts, "x"))
    checksum += sum(len(e) for e in smo.extract_entities_batch(posts))
secs = time.perf_counter() - start
print(json.dumps({"posts_per_second": len(posts) * rounds / secs, "checksum": checksum}))
PY
run_py() { if [ $have_py = 1 ]; then "$python" target/bench/smo_batch.py "$corpus" "$rounds"; else echo '{}'; fi; }

# The machine may be shared: alternate the three, three times, and keep each one's best run.
best() { python3 -c 'import json,sys; rs=[json.loads(l) for l in sys.stdin if l.strip()]; rs=[r for r in rs if r]; print(json.dumps(max(rs, key=lambda r: r["posts_per_second"]) if rs else {}))'; }
rust_all=""; node_all=""; py_all=""
for _ in $(seq "${BENCH_REPEATS:-3}"); do
    rust_all+="$(run_rust)"$'\n'
    node_all+="$(run_node)"$'\n'
    py_all+="$(run_py)"$'\n'
done
rust=$(printf '%s' "$rust_all" | best)
node_out=$(printf '%s' "$node_all" | best)
py_out=$(printf '%s' "$py_all" | best)

python3 - "$rust" "$node_out" "$py_out" "$n" "$rounds" "$(nproc)" "${BENCH_REPEATS:-3}" <<'PY'
import json, sys
rust, node, py = (json.loads(a) for a in sys.argv[1:4])
n, rounds, cores, repeats = sys.argv[4:8]
print(f"corpus: {n} posts x {rounds} rounds, {cores} cores, best of {repeats} alternated runs; work per post: X weighted count + entities")
print(f"npm twitter-text 3.1.0 : {node['posts_per_second']:>12,.0f} posts/s")
print(f"smo Rust (1 thread)    : {rust['posts_per_second']:>12,.0f} posts/s  ratio {rust['posts_per_second']/node['posts_per_second']:.1f}x")
if py:
    print(f"smo Python batch       : {py['posts_per_second']:>12,.0f} posts/s  ratio {py['posts_per_second']/node['posts_per_second']:.1f}x")
else:
    print("smo Python batch       : skipped (no venv with smo; run tests/run-all.sh first)")
if rust["checksum"] != node["checksum"]:
    print(f"note: checksums differ (smo {rust['checksum']}, twitter-text {node['checksum']}): see docs/text.md")
PY
