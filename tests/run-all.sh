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
if [ ! -x "$tools/venv/bin/maturin" ] || ! "$tools/venv/bin/python" -c 'import pytest, mypy, pandas, yaml, icalendar, recurring_ical_events, pyarrow, polars, pyspark, dask.dataframe, distributed' 2>/dev/null; then
    step "python venv (maturin, pytest, mypy, pandas, pyarrow, polars, pyspark, dask, pyyaml, icalendar, recurring-ical-events)"
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install -q --disable-pip-version-check maturin==1.16.0 pytest mypy pandas pyarrow==26.0.1 polars==2.1.0 pyspark==4.3.0 'dask[dataframe]==2026.8.0' distributed==2026.8.0 pyyaml icalendar==7.3.2 recurring-ical-events==3.8.2
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
step "python: the release wheel (abi3, manylinux, stripped, thin LTO) in a fresh venv, tests run outside the repository"
rm -rf target/wheels
maturin build -q --profile wheel --strip -m smo-py/Cargo.toml --out target/wheels 2>&1 | grep -v -e '^📦' -e '^🍹' -e '^🔗' -e '^🐍' || true
wheel=$(ls target/wheels/smo-*.whl)
case "$(basename "$wheel")" in
    smo-*-cp311-abi3-manylinux*_x86_64.whl | smo-*-cp311-abi3-manylinux*_aarch64.whl) ;;
    *) echo "unexpected wheel tag: $wheel" >&2; exit 1 ;;
esac
echo "wheel: $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KiB"
# No smo in the tools venv: the fresh venv sees the test dependencies through a .pth line, and
# smo only from the wheel.
"$tools/venv/bin/pip" uninstall -q -y smo 2>/dev/null || true
outside=$(mktemp -d)
fresh=$outside/venv
python3 -m venv "$fresh"
site=$("$tools/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
fresh_site=$("$fresh/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$site" > "$fresh_site/smo-test-deps.pth"
"$fresh/bin/pip" install -q --disable-pip-version-check --no-deps "$wheel"
cp -r smo-py/tests "$outside/tests"
cp smo-py/stubtest-allowlist.txt smo-py/pyproject.toml "$outside/"
(
    cd "$outside"
    export SMO_REPO=$root SMO_WHEEL_TEST=1
    "$fresh/bin/python" -m mypy.stubtest smo._smo --allowlist stubtest-allowlist.txt
    "$fresh/bin/python" -m mypy --strict --no-incremental tests/typing/usage.py
    "$fresh/bin/python" -m pytest -q -p no:cacheprovider tests
)
rm -rf "$outside"

# --- Kotlin (and Swift generation) -----------------------------------------------------------
step "kotlin: generated bindings on the JVM"
bash tests/kotlin/run.sh

step "all tests passed"
