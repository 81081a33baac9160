#!/usr/bin/env bash
# Peak memory of the streamed access-log breakdown at two log sizes (default 200 MB and 2 GB):
# generates combined-format logs (varied referrers, 1 in 1,000 lines not in the format, 1 in
# 10,000 not UTF-8), runs `examples/log_breakdown` on each and prints its figures. Not a test:
# run it on a quiet machine (`uptime`), with about 2.5 GB of free disk in $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${*:-200 2000}
tmp=${TMPDIR:-/tmp}
cargo build -q --release -p smo-core --example log_breakdown
for mb in $sizes; do
    log="$tmp/smo-access-$mb.log"
    python3 - "$log" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
refs = ["https://www.google.fr/search?q=linge+de+lit+{i}", "https://l.facebook.com/l.php?u=x{i}",
        "https://deref-gmx.net/mail/client/{i}/dereferrer/", "https://blog{m}.example/post/{i}",
        "-", "https://t.co/{i}", "https://www.bing.com/search?q=lin+{m}", "https://linktr.ee/maison{m}"]
target = mb * 1_000_000
with open(path, "wb") as f:
    n = 0
    written = 0
    while written < target:
        chunk = []
        for _ in range(10_000):
            n += 1
            r = refs[n % len(refs)].format(i=n % 50_000, m=n % 300)
            if n % 1000 == 0:
                line = "this line is not in combined log format\n".encode()
            elif n % 10_000 == 1:
                line = b'1.2.3.4 - - [01/Jul/2026:10:00:00 +0000] "GET /\xff HTTP/1.1" 200 10 "-" "Mozilla/5.0"\n'
            else:
                line = f'10.0.{n % 250}.{n % 200} - - [01/Jul/2026:10:{n % 60:02d}:00 +0200] "GET /produits/{n % 900} HTTP/1.1" 200 {n % 9000} "{r}" "Mozilla/5.0 (X11; Linux x86_64)"\n'.encode()
            chunk.append(line)
        data = b"".join(chunk)
        f.write(data)
        written += len(data)
PY
    echo "log of ${mb} MB: $(target/release/examples/log_breakdown "$log" https://www.maisonlune.fr/)"
    rm -f "$log"
done
