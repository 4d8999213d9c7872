#!/usr/bin/env bash
# Runs ALL tests: installs what they need (Debian's Chromium and PostgreSQL, npm packages), starts a
# throw-away PostgreSQL on loopback, builds, runs every test project, and ends with
# "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# The tests read the GGUF fixtures in ../shared beside the checkout; a clone of a local checkout
# (git clone . /tmp/x) finds them beside the checkout it was cloned from.
if [ -z "${MEASURE_SHARED_DIR:-}" ] && [ ! -d "$root/../shared/fixtures" ]; then
  origin="$(git remote get-url origin 2>/dev/null || true)"
  if [ -n "$origin" ] && [ -d "$origin/../shared/fixtures" ]; then
    MEASURE_SHARED_DIR="$(cd "$origin/../shared" && pwd)"
    export MEASURE_SHARED_DIR
    echo "test.sh: shared fixtures from $MEASURE_SHARED_DIR"
  fi
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -e /usr/lib/x86_64-linux-gnu/libsqlite3.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libsqlite3.so.0 ] || need+=(libsqlite3-0)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = "0" ] || sudo="sudo"
  echo "test.sh: installing ${need[*]}"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null || { echo "test.sh: apt-get install failed"; exit 1; }
fi
npm ci --no-audit --no-fund --loglevel=error || { echo "test.sh: npm ci failed"; exit 1; }

pgdir="$(mktemp -d /tmp/measure-pg.XXXXXX)"
port=$(( 20000 + RANDOM % 20000 ))
if ! MEASURE_TEST_POSTGRES="$(scripts/postgres.sh start "$pgdir" "$port")"; then
  echo "test.sh: could not start PostgreSQL (see $pgdir)"; exit 1
fi
export MEASURE_TEST_POSTGRES
trap 'scripts/postgres.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT

dotnet build Measure.sln -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

results="$(mktemp -d)"
status=0
for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TestSessionTimeout=1500000 || status=1
done

# Sum the counters of every TRX file: the one closing line CI reads.
python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/*.trx")
for f in files:
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
if sys.argv[2] != "0" and failed == 0:
    failed = 1  # a test host crashed before writing its results
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
PY
