#!/usr/bin/env bash
# Sets up the peers of the audit comparison under .tools/ (git-ignored) and runs it:
# smo in release into the test venv, extruct into the same venv, metascraper with npm.
# PAGESET=stress|calibrated|both (default both) picks the page sets; ROUNDS=n the best-of rounds.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=$PWD/.tools
[ -x "$tools/venv/bin/python" ] || python3 -m venv "$tools/venv"
export VIRTUAL_ENV=$tools/venv PATH=$tools/venv/bin:$PATH
python -c 'import maturin' 2>/dev/null || pip install -q maturin==1.16.0
python -c 'import extruct' 2>/dev/null || pip install -q extruct || echo "extruct not installable: skipped"
if [ ! -d "$tools/bench-node/node_modules/metascraper" ]; then
    mkdir -p "$tools/bench-node"
    npm install --prefix "$tools/bench-node" --no-audit --no-fund --silent \
        metascraper metascraper-title metascraper-description metascraper-image metascraper-url \
        metascraper-logo metascraper-publisher || echo "metascraper not installable: skipped"
fi
maturin develop -q --release -m smo-py/Cargo.toml
python smo-core/benches/audit_compare.py
