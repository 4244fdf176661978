#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project, and prints
# one summary line ("N passed, N failed, N skipped") so a run that executed nothing is visible.
set -euo pipefail
cd "$(dirname "$0")/.."

# The IDE test drives Debian's headless Chromium through its chromedriver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installing chromium and chromium-driver (Debian packages) for the IDE browser test..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

configuration="${CONFIGURATION:-Release}"
dotnet build InterAssociatif.sln -c "$configuration" -nologo -v quiet

# Code style (.editorconfig) is part of the build's contract.
dotnet format InterAssociatif.sln --verify-no-changes --no-restore

log="$(mktemp)"
status=0
dotnet test InterAssociatif.sln -c "$configuration" --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

# Sum xunit's per-assembly summaries ("Passed!  - Failed: 0, Passed: 117, Skipped: 0, Total: 117").
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{ f += $1; p += $2; s += $3; n += 1 } END { printf "%d %d %d %d", p, f, s, n }')
read -r passed failed skipped assemblies <<<"$summary"
rm -f "$log"
echo
echo "Test assemblies run: ${assemblies:-0}"
echo "xunit: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "${passed:-0}" -eq 0 ]; then
  echo "No test was executed." >&2
  exit 1
fi
exit "$status"
