#!/usr/bin/env bash
# Offline end-to-end numbers for docs/benchmarks.md: generates the 5,000-file / 200,000-link corpus and runs the
# released CLI on it, reporting wall time, CPU time and peak memory (GNU time), three runs each.
#   bench/offline.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/linkcheck-corpus}
dotnet build -c Release src/LinkCheck.Cli -v quiet -nologo >/dev/null
dotnet run -c Release --project bench/LinkCheck.Bench -- generate "$corpus" 5000 40
cli=src/LinkCheck.Cli/bin/Release/net10.0/linkcheck.dll
time_cmd=/usr/bin/time
[ -x "$time_cmd" ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
for run in 1 2 3; do
  "$time_cmd" -f "run $run: %e s wall, %U s user, %M KB peak RSS" dotnet "$cli" --offline --quiet "$corpus" >/dev/null || true
done
dotnet "$cli" --offline --verbose "$corpus" | tail -2
