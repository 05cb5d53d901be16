#!/usr/bin/env bash
# Prints linkcheck's version: <Version> in Directory.Build.props, the one place it is set (CHANGELOG.md).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's:.*<Version>\([^<]*\)</Version>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || { echo "version: no <Version> in Directory.Build.props" >&2; exit 1; }
echo "$version"
