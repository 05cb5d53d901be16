#!/usr/bin/env bash
# The .NET tool, as a user gets it: dotnet pack, dotnet tool install --global from that folder, then run the
# installed command on a repository with a broken link and on a clean one. The global install goes into a
# throw-away DOTNET_CLI_HOME, and NuGet sees only the local folder, so nothing else is touched or fetched.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet pack src/LinkCheck.Cli -c Release -o "$work/nupkg" --nologo -v quiet
cat > "$work/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
  </packageSources>
</configuration>
XML

export DOTNET_CLI_HOME="$work/home"
dotnet tool install --global linkcheck --add-source "$work/nupkg" --configfile "$work/nuget.config"
tool="$DOTNET_CLI_HOME/.dotnet/tools/linkcheck"

version=$("$tool" --version)
expected=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
[ "$version" = "$expected" ] || { echo "tool: --version printed '$version', expected '$expected'" >&2; exit 1; }

mkdir -p "$work/repo/docs" "$work/clean"
printf '# Docs\n\n[setup](docs/setup.md#install) [gone](docs/gone.md)\n' > "$work/repo/README.md"
printf '# Setup\n\n## Install\n' > "$work/repo/docs/setup.md"
printf '# Clean\n\n[self](#clean)\n' > "$work/clean/README.md"

set +e
out=$(cd "$work/repo" && "$tool" --offline --no-color)
code=$?
set -e
[ "$code" -eq 1 ] || { echo "tool: expected exit code 1 on a broken link, got $code" >&2; exit 1; }
grep -q 'README.md:3:39: broken: docs/gone.md' <<<"$out" || { echo "tool: report lacks the broken link:" >&2; echo "$out" >&2; exit 1; }
(cd "$work/clean" && "$tool" --offline --no-color) >/dev/null || { echo "tool: a clean repository failed" >&2; exit 1; }
echo "tool: packed, installed with 'dotnet tool install --global', ran (version $version)"
