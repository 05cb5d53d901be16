#!/usr/bin/env bash
# The .NET tool, as a user gets it: dotnet pack (the RID-specific package for this machine, the framework-dependent
# fallback linkcheck.any and the pointer package linkcheck), dotnet tool install --global from that folder, then:
#  - the installed package is linkcheck.<this machine's RID>, its assemblies ReadyToRun (.ci/ReadyToRun.cs) and its
#    command a native executable (no "dotnet" in between);
#  - --version, the JSON report's version and the package version are Directory.Build.props' version;
#  - it checks a repository with a broken link (exit 1) and a clean one (exit 0);
#  - Octokit still works in the trimmed tool: a pull request comment through the fake GitHub API on loopback;
#  - the pointer package names the fallback linkcheck.any, which is IL only and runs on the shared runtime.
# The global installs go into throw-away DOTNET_CLI_HOMEs, and NuGet sees only the local folder, so nothing else
# is touched or fetched. All six RIDs are packed by the release workflow (dotnet pack without
# LinkCheckToolRids); here only this machine's, which keeps CI to one ReadyToRun compilation.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
api_pid=
cleanup() { [ -n "$api_pid" ] && kill -9 "$api_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "tool: FAILED: $*" >&2; exit 1; }

version=$(bash .ci/version.sh)
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)
case "$rid" in linux-x64|linux-arm64|osx-arm64|osx-x64|win-x64|win-arm64) ;; *) fail "no RID-specific package for this machine ($rid)" ;; esac

dotnet pack src/LinkCheck.Cli -c Release -o "$work/nupkg" --nologo -v quiet "-p:LinkCheckToolRids=\"$rid\""
for p in "linkcheck.$version" "linkcheck.$rid.$version" "linkcheck.any.$version"; do
  [ -f "$work/nupkg/$p.nupkg" ] || fail "dotnet pack did not make $p.nupkg (made: $(cd "$work/nupkg" && echo *))"
done
cat > "$work/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
XML

install() { # install HOME [extra options]: a global install from the local folder into a home of its own
  local home=$1; shift
  DOTNET_CLI_HOME="$home" dotnet tool install --global linkcheck --add-source "$work/nupkg" --configfile "$work/nuget.config" "$@" >/dev/null
}

install "$work/home"
tool="$work/home/.dotnet/tools/linkcheck"
store="$work/home/.dotnet/tools/.store"
# The store holds the pointer package and, inside it, the package it resolved for this machine.
dll=$(find "$store" -name linkcheck.dll -path "*/tools/*" | head -1)
case "$dll" in
  */linkcheck.$rid/$version/*) ;;
  *) fail "the installed package is not linkcheck.$rid: $(cd "$store" && find . -maxdepth 4 -type d | sort | tr '\n' ' ')" ;;
esac
native=$(dirname "$dll")/linkcheck
[ -x "$native" ] || fail "the RID-specific package has no native executable beside $dll"
dotnet run .ci/ReadyToRun.cs -- "$dll" "$(dirname "$dll")/LinkCheck.Core.dll" "$(dirname "$dll")/Octokit.dll" \
  || fail "the installed tool is not ReadyToRun"

[ "$("$tool" --version)" = "$version" ] || fail "--version printed '$("$tool" --version)', expected '$version'"

mkdir -p "$work/repo/docs" "$work/clean"
printf '# Docs\n\n[setup](docs/setup.md#install) [gone](docs/gone.md)\n' > "$work/repo/README.md"
printf '# Setup\n\n## Install\n' > "$work/repo/docs/setup.md"
printf '# Clean\n\n[self](#clean)\n' > "$work/clean/README.md"

set +e
out=$(cd "$work/repo" && "$tool" --offline --no-color)
code=$?
json=$(cd "$work/repo" && "$tool" --offline --format json)
set -e
[ "$code" -eq 1 ] || fail "expected exit code 1 on a broken link, got $code"
grep -q 'README.md:3:39: broken: docs/gone.md' <<<"$out" || fail "the report lacks the broken link: $out"
grep -q "^  \"version\": \"$version\",\$" <<<"$json" || fail "the JSON report's version is not $version"
(cd "$work/clean" && "$tool" --offline --no-color) >/dev/null || fail "a clean repository failed"

# Octokit in the trimmed, ReadyToRun tool: the sticky pull request comment through the fake API.
port=$((18100 + $$ % 800))   # one per run: a stale server of an earlier run cannot answer for this one
dotnet build -c Release tests/LinkCheck.FakeGitHub -v quiet -nologo >"$work/fake-build.log" 2>&1 || fail "fake API build"
dotnet tests/LinkCheck.FakeGitHub/bin/Release/net10.0/LinkCheck.FakeGitHub.dll 127.0.0.7 "$port" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 600); do grep -q '^ready' "$work/api.log" && break; sleep 0.1; done
grep -q '^ready' "$work/api.log" || fail "the fake API did not start"
printf '{ "number": 12, "pull_request": { "number": 12, "head": { "sha": "headsha1" }, "base": { "sha": "basesha0" } } }\n' >"$work/event.json"
set +e
(cd "$work/repo" && env -u GITHUB_TOKEN -u GH_TOKEN GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request \
   GITHUB_EVENT_PATH="$work/event.json" GITHUB_REPOSITORY=octo/docs GITHUB_API_URL="http://127.0.0.7:$port" \
   GITHUB_SERVER_URL=https://github.com GITHUB_STEP_SUMMARY="$work/summary.md" GITHUB_OUTPUT="$work/output.txt" \
   "$tool" --offline --pr-comment --github-token ghs_tooltoken) >"$work/action.txt" 2>&1
set -e
grep -q '^POST /repos/octo/docs/issues/12/comments Token ghs_tooltoken$' "$work/api.log" \
  || { sed -n '1,20p' "$work/action.txt" >&2; fail "no pull request comment through Octokit"; }

# The framework-dependent fallback, for a platform without a package of its own: the pointer package names it
# (RuntimeIdentifierPackages in DotnetToolSettings.xml, for the RID "any"), and it is IL that runs on the shared
# runtime. (dotnet tool install --arch cannot stand in for another platform here: the SDK refuses linux-arm64 shims.)
mkdir -p "$work/pointer" "$work/any"
unzip -q -o "$work/nupkg/linkcheck.$version.nupkg" -d "$work/pointer"
settings=$(find "$work/pointer/tools" -name DotnetToolSettings.xml | head -1)
grep 'RuntimeIdentifier="any"' "$settings" | grep -q 'Id="linkcheck.any"' || fail "the pointer package does not name linkcheck.any: $(cat "$settings")"
grep "RuntimeIdentifier=\"$rid\"" "$settings" | grep -q "Id=\"linkcheck.$rid\"" || fail "the pointer package does not name linkcheck.$rid"
unzip -q -o "$work/nupkg/linkcheck.any.$version.nupkg" -d "$work/any"
any_dll=$(find "$work/any/tools" -name linkcheck.dll | head -1)
[ -n "$any_dll" ] || fail "linkcheck.any has no linkcheck.dll"
dotnet run .ci/ReadyToRun.cs -- "$any_dll" | grep -q ': IL only$' || fail "linkcheck.any is not the framework-dependent (IL only) build"
[ "$(dotnet "$any_dll" --version)" = "$version" ] || fail "the fallback linkcheck.any does not run on the shared runtime"

echo "tool: packed linkcheck, linkcheck.$rid (ReadyToRun) and linkcheck.any $version; installed and ran them; Octokit works"
