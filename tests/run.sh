#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project, and prints
# one summary line ("N passed, N failed, N skipped") so a run that executed nothing is visible.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real servers the tests start on 127.0.0.1: Debian's headless Chromium and its chromedriver (the IDE
# test), and redis-server (two host instances sharing Redis).
missing=()
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  missing+=(chromium chromium-driver)
fi
if [ ! -x /usr/bin/redis-server ] && [ ! -x /usr/local/bin/redis-server ]; then missing+=(redis-server); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages) for the tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  # The package starts a system-wide server on port 6379; the tests start their own on a free port.
  if [[ " ${missing[*]} " == *" redis-server "* ]]; then $SUDO service redis-server stop >/dev/null 2>&1 || true; fi
fi

configuration="${CONFIGURATION:-Release}"
dotnet build InterAssociatif.sln -c "$configuration" -nologo -v quiet

# Code style (.editorconfig) is part of the build's contract.
dotnet format InterAssociatif.sln --verify-no-changes --no-restore

log="$(mktemp)"
status=0
# Every host of the run writes every log line, at every level, to this folder; the last test scans them
# all for tokens, API keys, email addresses and phone numbers (SuiteLogScanTests).
INTERASSOCIATIF_TEST_LOGS="$(mktemp -d)"
export INTERASSOCIATIF_TEST_LOGS
dotnet test InterAssociatif.sln -c "$configuration" --no-build -nologo --logger "console;verbosity=minimal" \
  --filter "Category!=SuiteLogScan" 2>&1 | tee "$log" || status=$?
dotnet test tests/InterAssociatif.Host.Tests -c "$configuration" --no-build -nologo --logger "console;verbosity=minimal" \
  --filter "Category=SuiteLogScan" 2>&1 | tee -a "$log" || status=$?
if [ "$status" -eq 0 ]; then rm -rf "$INTERASSOCIATIF_TEST_LOGS"; else echo "The run's logs: $INTERASSOCIATIF_TEST_LOGS"; fi

# Sum xunit's per-assembly summaries ("Passed!  - Failed: 0, Passed: 117, Skipped: 0, Total: 117").
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{ f += $1; p += $2; s += $3; n += 1 } END { printf "%d %d %d %d", p, f, s, n }')
read -r passed failed skipped assemblies <<<"$summary"
rm -f "$log"
echo
echo "Test runs: ${assemblies:-0} (each assembly, then the scan of the run's logs)"
echo "xunit: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "${passed:-0}" -eq 0 ]; then
  echo "No test was executed." >&2
  exit 1
fi
exit "$status"
