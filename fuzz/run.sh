#!/usr/bin/env bash
# Coverage-guided fuzzing of linkcheck's parsers with SharpFuzz and afl-fuzz (AFL++, Debian package afl++).
#
#   fuzz/run.sh [-t SECONDS] [-e EXECUTIONS] [TARGET...]     TARGET: markdown html config (default: all three)
#
# For each target: publishes fuzz/LinkCheck.Fuzz (Release), instruments the assemblies under test with the
# sharpfuzz tool (fuzz/.config/dotnet-tools.json), seeds the corpus from the test fixtures and fuzz/seeds/, and
# runs afl-fuzz until SECONDS (default 600) or EXECUTIONS (whichever comes first). The corpus is kept in
# fuzz/work/TARGET (resumed by the next run); crashing and hanging inputs are copied to fuzz/crashes/TARGET and
# fuzz/hangs/TARGET, which the regression test FuzzRegressionTests replays in the normal test run. The figures of
# each run are appended to fuzz/work/results.tsv. Not part of .ci/run: fuzzing takes minutes per target.
set -euo pipefail
cd "$(dirname "$0")"
fuzz=$PWD
root=$(cd .. && pwd)

seconds=600
executions=
while getopts "t:e:" option; do
  case $option in
    t) seconds=$OPTARG ;;
    e) executions=$OPTARG ;;
    *) sed -n 2,12p "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(markdown html config)

if ! command -v afl-fuzz > /dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null; then
    apt-get update -qq && apt-get install -y -qq afl++ > /dev/null
  fi
  command -v afl-fuzz > /dev/null || { echo "fuzz: afl-fuzz is missing: apt-get install afl++" >&2; exit 2; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore > /dev/null

# Publish and instrument once per build: sharpfuzz rewrites the assemblies in place, so start from a fresh publish.
bin=$fuzz/work/bin
rm -rf "$bin"
dotnet publish "$fuzz/LinkCheck.Fuzz/LinkCheck.Fuzz.csproj" -c Release -o "$bin" -warnaserror > /dev/null
for assembly in LinkCheck.Core linkcheck Markdig AngleSharp YamlDotNet; do
  dotnet tool run sharpfuzz "$bin/$assembly.dll" > /dev/null
done

declare -A dictionary=([markdown]=markdown.dict [html]=html.dict [config]=yaml.dict)
seed() {
  local target=$1 out=$2
  rm -rf "$out"
  mkdir -p "$out"
  cp "$fuzz/seeds/$target"/* "$out/"
  case $target in
    markdown | html) find "$root/tests" -path '*/TestData/*' -name '*.md' -size -8k -exec cp --backup=numbered {} "$out/" \; ;;
    config) cp "$root/docs/linkcheck.example.yml" "$out/" ;;
  esac
}

for target in "${targets[@]}"; do
  [ -n "${dictionary[$target]:-}" ] || { echo "fuzz: unknown target $target" >&2; exit 2; }
  work=$fuzz/work/$target
  seed "$target" "$fuzz/work/seeds-$target"
  limit=(-V "$seconds")
  [ -n "$executions" ] && limit+=(-E "$executions")
  echo "== fuzzing $target for at most ${seconds}s${executions:+ or $executions executions} (corpus: fuzz/work/$target)"
  # AFL_AUTORESUME: a second run continues from the kept corpus. The machine is shared: no CPU pinning, no
  # governor check, and crashes are reported by the .NET harness itself, not by core dumps.
  AFL_AUTORESUME=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 \
    AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CRASHES=1 \
    afl-fuzz -i "$fuzz/work/seeds-$target" -o "$work" "${limit[@]}" -t 5000 -m none -x "$fuzz/dictionaries/${dictionary[$target]}" \
      -- dotnet "$bin/LinkCheck.Fuzz.dll" "$target" > "$fuzz/work/$target.log" 2>&1 || { tail -30 "$fuzz/work/$target.log"; exit 1; }

  stats=$work/default/fuzzer_stats
  value() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
  crashes=$(value saved_crashes)
  hangs=$(value saved_hangs)
  for kind in crashes hangs; do
    for input in "$work/default/$kind"/id*; do
      [ -e "$input" ] || continue
      mkdir -p "$fuzz/$kind/$target"
      cp "$input" "$fuzz/$kind/$target/$(sha1sum "$input" | cut -c1-16)"
    done
  done
  line=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$target" "$(value run_time)" "$(value execs_done)" "$(value execs_per_sec)" \
    "$(value corpus_count)" "$crashes" "$hangs" "$(date -u +%FT%TZ)")
  echo "$line" >> "$fuzz/work/results.tsv"
  echo "$target: $(value execs_done) executions in $(value run_time) s, corpus $(value corpus_count), crashes $crashes, hangs $hangs"
done
