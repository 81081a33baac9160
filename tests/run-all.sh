#!/usr/bin/env bash
# Every test of smo, as CI runs it: formatting, lints, Rust tests and doc tests, the Python
# package with its stubs, and the Kotlin bindings on the JVM, all on the shared golden vectors.
# Installs what it needs (apt, npm, pip into .tools/) on first run; later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tools=$root/.tools
mkdir -p "$tools"

step() { printf '\n==> %s\n' "$*"; }

# --- set-up (idempotent) -----------------------------------------------------------------
apt_pkgs=()
[ -f /usr/share/java/jna.jar ] || apt_pkgs+=(libjna-java)
[ -f /usr/share/java/gson.jar ] || apt_pkgs+=(libgoogle-gson-java)
command -v java >/dev/null || apt_pkgs+=(openjdk-17-jre-headless)
# The SMO report's HTML page is checked in a real headless browser (smo-core/tests/measure_example.rs).
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
    step "apt-get install ${apt_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${apt_pkgs[@]}" >/dev/null
fi
if [ ! -x "$tools/node_modules/kotlin-compiler/bin/kotlinc" ]; then
    step "npm install kotlin-compiler"
    npm install --prefix "$tools" --no-audit --no-fund --silent kotlin-compiler@2.4.20
fi
if [ ! -x "$tools/venv/bin/maturin" ] || ! "$tools/venv/bin/python" -c 'import pytest, mypy, pandas, yaml, icalendar, recurring_ical_events, pyarrow, polars' 2>/dev/null; then
    step "python venv (maturin, pytest, mypy, pandas, pyarrow, polars, pyyaml, icalendar, recurring-ical-events)"
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install -q --disable-pip-version-check maturin==1.16.0 pytest mypy pandas pyarrow==26.0.1 polars==2.1.0 pyyaml icalendar==7.3.2 recurring-ical-events==3.8.2
fi
export VIRTUAL_ENV=$tools/venv
export PATH=$tools/venv/bin:$PATH

# --- Rust ------------------------------------------------------------------------------------
step "cargo fmt --check"
cargo fmt --all --check
step "cargo clippy (-D warnings)"
cargo clippy -q --workspace --all-targets -- -D warnings
step "cargo test (unit, integration, golden vectors, doc tests)"
cargo test -q --workspace
step "cargo doc (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p smo-core

# --- Python ----------------------------------------------------------------------------------
step "python: maturin develop, pytest, stubtest"
maturin develop -q -m smo-py/Cargo.toml 2>&1 | grep -v -e '^Ignoring' -e '^📦' -e '^✏️' -e '^🛠' || true
python -m mypy.stubtest smo._smo --allowlist smo-py/stubtest-allowlist.txt
python -m mypy --strict --no-incremental smo-py/tests/typing/usage.py
python -m pytest -q -p no:cacheprovider smo-py/tests

# --- Kotlin (and Swift generation) -----------------------------------------------------------
step "kotlin: generated bindings on the JVM"
bash tests/kotlin/run.sh

step "all tests passed"
