#!/usr/bin/env bash
# Peak memory of the streamed metrics-CSV grouping at two export sizes (default 250 MB and 1 GB):
# generates post-metric CSVs (four networks, a year of dates, pillars with quoted commas and
# newlines, 1 in 1,000 rows with a bad date, 1 in 10,000 not UTF-8), runs
# `examples/group_posts_csv` on each and prints its figures. Not a test: run it on a quiet
# machine (`uptime`), with about 1.3 GB of free disk in $TMPDIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${*:-250 1000}
tmp=${TMPDIR:-/tmp}
cargo build -q --release -p smo-core --example group_posts_csv
for mb in $sizes; do
    csv="$tmp/smo-posts-$mb.csv"
    python3 - "$csv" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
nets = ["instagram", "Facebook", "linkedin", "x"]
pillars = ['"Savoir-faire, lin lavé"', "Maison", "", '"Le ""Journal""\nde la maison"']
target = mb * 1_000_000
with open(path, "wb") as f:
    f.write(b"published,network,post_id,pillar,likes,comments,shares,saves,reach,impressions,clicks\n")
    n = written = 0
    while written < target:
        rows = []
        for _ in range(10_000):
            n += 1
            if n % 1000 == 0:
                rows.append(f"not a date,instagram,p{n},Maison,1,1,1,1,1,1,1\n".encode())
            elif n % 10_000 == 1:
                rows.append(f"2026-03-03 10:00,instagram,p{n},Maison,\xff,1,1,1,1,1,1\n".encode("latin-1"))
            else:
                rows.append(
                    f"2026-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d},{nets[n % 4]},p{n},{pillars[n % 4]},"
                    f"{n % 500},{n % 50},{n % 30},{n % 40},{1 + n % 20000},{2 + n % 26000},{n % 100}\n".encode()
                )
        data = b"".join(rows)
        f.write(data)
        written += len(data)
PY
    echo "CSV of ${mb} MB: $(target/release/examples/group_posts_csv "$csv")"
    rm -f "$csv"
done
