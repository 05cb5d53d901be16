#!/usr/bin/env bash
# External-link benchmark for docs/benchmarks.md: a simulated internet on loopback (200 hosts on 127.0.0.10-209,
# 20-100 ms latency each, a fixed mix of answers: dead pages, redirects, 503s and 429s that recover, servers
# without HEAD, anchors), a corpus of 2,000 files with 20,000 links to 5,000 URLs, and linkcheck and
# markdown-link-check run on it one after the other, each against a freshly started internet.
#   bench/http.sh [WORK_DIR]        (needs GNU time, Node.js and npm for markdown-link-check; MLC=0 skips it)
#
#   bench/http.sh strict [WORK_DIR]  issue 11's strict internet (StrictInternet.cs), linkcheck only, default
#                                   settings but --timeout 5: precision, recall, wall time against the polite
#                                   bound, and the most requests that held a slot of one host at once
set -euo pipefail
cd "$(dirname "$0")/.."
mode=classic
if [ "${1:-}" = strict ]; then mode=strict; shift; fi
work=${1:-/tmp/linkcheck-http-bench}
port=${PORT:-18080}
mkdir -p "$work"
dotnet build -c Release src/LinkCheck.Cli -v quiet -nologo >/dev/null
dotnet build -c Release bench/LinkCheck.Bench -v quiet -nologo >/dev/null
bench=bench/LinkCheck.Bench/bin/Release/net10.0/LinkCheck.Bench.dll
cli=src/LinkCheck.Cli/bin/Release/net10.0/linkcheck.dll

if [ "$mode" = strict ]; then
  timeout_s=5
  bound=$(dotnet "$bench" strict-corpus "$work/strict-corpus" "$work/strict-truth.json" "$port" "$timeout_s")
  rm -f "$work/strict-server.log" "$work/strict-stats.json"
  dotnet "$bench" strict-serve "$port" "$work/strict-stats.json" >"$work/strict-server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do grep -q ready "$work/strict-server.log" 2>/dev/null && break; sleep 0.1; done
  /usr/bin/time -f "%e %M" -o "$work/strict.time" dotnet "$cli" --quiet --timeout "${timeout_s}s" --format json -o "$work/strict.json" "$work/strict-corpus" || true
  kill "$server"
  for _ in $(seq 1 100); do [ -s "$work/strict-stats.json" ] && break; sleep 0.1; done
  wait "$server" 2>/dev/null || true
  trap - EXIT
  read -r wall rss < <(tail -n 1 "$work/strict.time")
  read -r found false missed dead precision recall <<<"$(dotnet "$bench" strict-score "$work/strict-truth.json" "$work/strict.json")"
  ratio=$(awk -v w="$wall" -v b="$bound" 'BEGIN { printf "%.2f", w / b }')
  echo "polite bound: ${bound} s; dead URLs: ${dead}; server saw: $(cat "$work/strict-stats.json")"
  echo
  echo "| checker | precision | recall | wall time | polite bound | ratio | max holding a slot, one host | peak RSS |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  max=$(sed -E 's/.*"maxSlotHoldingAnyHost":([0-9]+).*/\1/' "$work/strict-stats.json")
  echo "| linkcheck $(dotnet "$cli" --version) --timeout ${timeout_s}s | ${precision} | ${recall} | ${wall} s | ${bound} s | ${ratio} | ${max} | $((rss / 1024)) MB |"
  echo "(found ${found} of ${dead} dead, ${false} false reds, ${missed} missed)"
  exit 0
fi
[ -x "$work/mlc/node_modules/.bin/markdown-link-check" ] || npm install --prefix "$work/mlc" --no-audit --no-fund markdown-link-check@3.15.0 >/dev/null

bound=$(dotnet "$bench" internet-corpus "$work/corpus" "$work/truth.json" "$port")
server=
start_internet() {
  rm -f "$work/server.log"
  dotnet "$bench" internet-serve "$port" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do grep -q ready "$work/server.log" 2>/dev/null && return; sleep 0.1; done
  echo "the simulated internet did not start" >&2; exit 1
}
stop_internet() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=
}
trap stop_internet EXIT

start_internet
/usr/bin/time -f "%e %M" -o "$work/linkcheck.time" dotnet "$cli" --quiet --format json -o "$work/linkcheck.json" "$work/corpus" || true
stop_internet
read -r lc_wall lc_rss < <(tail -n 1 "$work/linkcheck.time")
read -r lc_found lc_false lc_missed dead <<<"$(dotnet "$bench" score linkcheck "$work/truth.json" "$work/linkcheck.json")"

if [ "${MLC:-1}" = 0 ]; then   # MLC=0: linkcheck only (markdown-link-check takes over ten minutes)
  echo "| linkcheck $(dotnet "$cli" --version) | ${lc_wall} s | $((lc_rss / 1024)) MB | ${lc_found} | ${lc_false} | ${lc_missed} |  (schedule bound ${bound} s)"
  exit 0
fi
start_internet
/usr/bin/time -f "%e %M" -o "$work/mlc.time" "$work/mlc/node_modules/.bin/markdown-link-check" --quiet --retry "$work/corpus" >"$work/mlc.out" 2>&1 || true
stop_internet
read -r mlc_wall mlc_rss < <(tail -n 1 "$work/mlc.time")
read -r mlc_found mlc_false mlc_missed _ <<<"$(dotnet "$bench" score mlc "$work/truth.json" "$work/mlc.out")"

echo "schedule bound: ${bound} s (busiest host: 1,000 URLs x 50 ms / 8 per host); dead URLs in the corpus: ${dead}"
echo
echo "| checker | wall time | peak RSS | dead found | false reds | missed dead |"
echo "|---|---:|---:|---:|---:|---:|"
version=$(dotnet "$cli" --version)
echo "| linkcheck ${version} | ${lc_wall} s | $((lc_rss / 1024)) MB | ${lc_found} | ${lc_false} | ${lc_missed} |"
echo "| markdown-link-check 3.15.0 --retry | ${mlc_wall} s | $((mlc_rss / 1024)) MB | ${mlc_found} | ${mlc_false} | ${mlc_missed} |"
