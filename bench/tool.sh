#!/usr/bin/env bash
# The .NET tool's two kinds of package on the same machine and corpus, for docs/benchmarks.md: the RID-specific
# one (self-contained, trimmed, ReadyToRun; what "dotnet tool install" picks on the six main platforms) and the
# framework-dependent fallback linkcheck.any (JIT-compiled; what other platforms get). Packs both, installs both
# from the local folder (the fallback with --arch for another architecture, the way a platform without its own
# package gets it), then times start-up (--version, ten runs each) and the offline check of the 5,000-file
# corpus (three runs each, GNU time).
#   bench/tool.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/linkcheck-corpus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 2; }
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
other=arm64; [ "${rid##*-}" = arm64 ] && other=x64
[ -d "$corpus" ] || dotnet run -c Release --project bench/LinkCheck.Bench -- generate "$corpus" 5000 40 >/dev/null
dotnet pack src/LinkCheck.Cli -c Release -o "$work/nupkg" --nologo -v quiet "-p:LinkCheckToolRids=\"$rid\""
printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' >"$work/nuget.config"
DOTNET_CLI_HOME="$work/rid" dotnet tool install -g linkcheck --add-source "$work/nupkg" --configfile "$work/nuget.config" >/dev/null
DOTNET_CLI_HOME="$work/any" dotnet tool install -g linkcheck --add-source "$work/nupkg" --configfile "$work/nuget.config" --arch "$other" >/dev/null
any_dll=$(find "$work/any/.dotnet/tools/.store" -name linkcheck.dll -path '*/linkcheck.any/*' | head -1)

for kind in "linkcheck.$rid" linkcheck.any; do
  if [ "$kind" = linkcheck.any ]; then cmd=(dotnet "$any_dll"); else cmd=("$work/rid/.dotnet/tools/linkcheck"); fi
  start=$(date +%s%N)
  for _ in 1 2 3 4 5 6 7 8 9 10; do "${cmd[@]}" --version >/dev/null; done
  echo "$kind: --version, mean of 10: $(( ($(date +%s%N) - start) / 10000000 )) ms"
  for run in 1 2 3; do
    /usr/bin/time -f "$kind: offline check, run $run: %e s wall, %U s user, %M KB peak RSS" "${cmd[@]}" --offline --quiet "$corpus" >/dev/null || true
  done
done
