#!/usr/bin/env bash
# Hostile repositories and hostile hosts against the built CLI, each case with a bound on wall time and peak
# memory (GNU time's maximum resident set size), run by .ci/run as tests. Loopback only. Figures and the threat
# model: docs/reliability.md. Usage: .ci/hostile.sh [CASE...]; prints "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")/.."
cli=${LINKCHECK_DLL:-src/LinkCheck.Cli/bin/${CONFIGURATION:-Debug}/net10.0/linkcheck.dll}
[ -f "$cli" ] || { echo "hostile: build the CLI first ($cli is missing)" >&2; echo "0 passed, 1 failed"; exit 1; }
[ -x /usr/bin/time ] || { echo "hostile: /usr/bin/time is missing (bash .ci/install-time.sh)" >&2; echo "0 passed, 1 failed"; exit 1; }
cli=$(realpath "$cli")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
export NO_COLOR=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
unset GITHUB_ACTIONS GITHUB_REPOSITORY GITHUB_EVENT_PATH GITHUB_TOKEN

# check NAME SECONDS MEGABYTES EXPECTED_EXIT PATTERN DIR -- ARGS...: runs linkcheck ARGS in DIR; passes when it
# exits EXPECTED_EXIT within SECONDS, peaks under MEGABYTES, and its output (stdout and stderr) matches PATTERN
# (an extended regular expression; "" for none).
check() {
  local name=$1 seconds=$2 megabytes=$3 expected=$4 pattern=$5 dir=$6
  shift 7
  local out=$work/$name.out
  (cd "$dir" && /usr/bin/time -f '%e %M' -o "$work/$name.time" timeout -s KILL "$seconds" dotnet "$cli" "$@" > "$out" 2>&1 < /dev/null)
  local code=$?
  local elapsed kilobytes
  read -r elapsed kilobytes < <(tail -1 "$work/$name.time")
  local megs=$(( ${kilobytes:-0} / 1024 ))
  local verdict=ok
  [ "$code" -eq "$expected" ] || verdict="FAILED (exit $code, expected $expected)"
  awk -v e="${elapsed:-0}" -v s="$seconds" 'BEGIN { exit !(e < s) }' || verdict="FAILED (over ${seconds}s)"
  [ "$megs" -lt "$megabytes" ] || verdict="FAILED (over ${megabytes} MB)"
  if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$out"; then verdict="FAILED (output does not match /$pattern/)"; fi
  printf 'hostile: %-28s exit %3s  %6ss (bound %ss)  %5s MB (bound %s MB)  %s\n' "$name" "$code" "${elapsed:-?}" "$seconds" "$megs" "$megabytes" "$verdict"
  if [ "$verdict" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); sed -n 1,5p "$out" | sed 's/^/    /'; fi
}

repo() { local dir=$work/$1; rm -rf "$dir"; mkdir -p "$dir/.git/info"; echo "$dir"; }
wanted() { [ ${#selected[@]} -eq 0 ] || [[ " ${selected[*]} " == *" $1 "* ]]; }
selected=("$@")

# 2,000 levels of nested lists (4 MB): reported as nested too deeply, the other file still checked.
if wanted nesting; then
  dir=$(repo nesting)
  awk 'BEGIN { for (i = 0; i < 2000; i++) { printf "%*s- [x](missing%d.md)\n", 2 * i, "", i } }' > "$dir/deep.md"
  echo "[ok](deep.md)" > "$dir/README.md"
  check nesting 20 1024 1 "nested too deeply" "$dir" -- . --offline
fi

# A 100 MB file is over --max-file-size (64 MB by default): one clear error, nothing read into memory.
if wanted huge-file; then
  dir=$(repo huge-file)
  head -c 100000000 /dev/zero | tr '\0' 'a' > "$dir/huge.md"
  echo "[ok](huge.md)" > "$dir/README.md"
  check huge-file 20 400 1 "huge.md.*(too large|larger)" "$dir" -- . --offline
fi

# A 5 MB file of 200,000 links under the limit: parsed and checked (LARGE_LINES=400000 for the 20 MB figure).
if wanted large-file; then
  dir=$(repo large-file)
  awk -v n="${LARGE_LINES:-100000}" 'BEGIN { for (i = 0; i < n; i++) print "See [link " i "](README.md#top) and <a href=\"README.md\">x</a>." }' > "$dir/large.md"
  echo "# Top" > "$dir/README.md"
  check large-file 90 1536 0 "" "$dir" -- . --offline --quiet
fi

# 10,000 .gitignore patterns.
if wanted gitignore; then
  dir=$(repo gitignore)
  awk 'BEGIN { for (i = 0; i < 10000; i++) print "generated-" i "/**/*.md" }' > "$dir/.gitignore"
  for i in $(seq 1 200); do echo "[next](page$(( i + 1 )).md)" > "$dir/page$i.md"; done
  echo "[ok](page1.md)" > "$dir/page201.md"
  check gitignore 60 1024 0 "" "$dir" -- . --offline
fi

# File names with a newline and a right-to-left override: reported, escaped (never raw in the output).
if wanted names; then
  dir=$(repo names)
  printf '[gone](missing.md)\n' > "$dir/$(printf 'a\nb.md')"
  printf '[gone](missing.md)\n' > "$dir/$(printf 'x\u202Edm.txt.md')"
  check names 20 512 1 'a\\u\{A\}b\.md:1:8: broken' "$dir" -- . --offline
  if grep -q "$(printf '\u202E')" "$work/names.out"; then
    echo "hostile: names: FAILED (a raw U+202E reached the output)"; failed=$((failed + 1)); passed=$((passed - 1))
  fi
fi

# A FIFO named x.md: never opened (reported as a file that is not read), so the run cannot hang on it.
if wanted fifo; then
  dir=$(repo fifo)
  mkfifo "$dir/x.md"
  echo "[ok](README.md)" > "$dir/README.md"
  check fifo 20 512 1 "x.md.*not a regular file" "$dir" -- . --offline
fi

# 30,000 exclude patterns in .linkcheck.yml and 10,000 links (issue 9: 3,000 patterns took 12 s and 2 GB, 30,000 were
# killed at 12 GB): patterns are parsed, not compiled, when read, and a URL runs only the patterns whose required
# characters it contains (docs/reliability.md).
if wanted excludes; then
  dir=$(repo excludes)
  awk 'BEGIN { print "exclude:"; for (i = 0; i < 30000; i++) { m = i % 4;
    if (m == 0) printf "  - \"^https?://(www\\\\.)?site%d\\\\.com/\"\n", i; else if (m == 1) printf "  - \"/docs/v%d/\"\n", i;
    else if (m == 2) printf "  - \"\\\\.example%d\\\\.org\"\n", i; else printf "  - \"(?i)token%d=\"\n", i } }' > "$dir/.linkcheck.yml"
  awk 'BEGIN { for (i = 0; i < 5000; i++) printf "[l](https://other%d.example.net/page%d.html) [e](https://site%d.com/x)\n", i, i, i * 4 }' > "$dir/links.md"
  check excludes 30 512 0 "5000 excluded" "$dir" -- . --offline
fi

# Links to 100,000 distinct hosts (127.x.y.z on a closed port: refused at once; HOSTS=N for another count): every
# host gets its own scheduler state and all of them wait for the global slots at once, so this bounds the per-host
# state and the cost of handing out slots (it was quadratic in the number of hosts: 30,000 hosts did not finish in
# 120 s; docs/reliability.md has the figures).
if wanted hosts; then
  dir=$(repo hosts)
  hosts=${HOSTS:-100000}
  awk -v n="$hosts" 'BEGIN { for (i = 0; i < n; i++) printf "[h](http://127.%d.%d.%d:9/)\n", int(i / 65536) % 256, int(i / 256) % 256, i % 256 + 1 }' > "$dir/hosts.md"
  check hosts "${HOSTS_SECONDS:-90}" "${HOSTS_MEGABYTES:-1536}" 1 "hosts.md:$hosts:5: broken" "$dir" -- . --timeout 2s --max-retries 0 --quiet
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
