#!/usr/bin/env bash
# Installs DocFX 2.81.0 (the .NET tool) for the real-generator tests of the DocFX site model
# (tests/Sites/docfx). Idempotent: does nothing when that version is already in the tool path.
# The tests look for it in $LINKCHECK_TOOLS/docfx (default ~/.cache/linkcheck/docfx).
set -euo pipefail
version=2.81.0
dir="${LINKCHECK_TOOLS:-$HOME/.cache/linkcheck}/docfx"
if [ -x "$dir/docfx" ] && "$dir/docfx" --version 2>/dev/null | grep -q "^$version"; then
  echo "docfx $version already installed in $dir"
  exit 0
fi
mkdir -p "$dir"
dotnet tool install docfx --version "$version" --tool-path "$dir"
"$dir/docfx" --version
