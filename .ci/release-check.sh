#!/usr/bin/env bash
# The release workflow's gate: a version tag is released only when it is exactly "v" + <Version> of
# Directory.Build.props and CHANGELOG.md has a dated section for that version (Keep a Changelog:
# "## [1.2.3] - 2026-12-01").
#   .ci/release-check.sh TAG            prints version=1.2.3 and major=1 (for GITHUB_OUTPUT), or fails
#   .ci/release-check.sh TAG --notes    prints that version's changelog section (the release notes)
# CHANGELOG (environment) names another changelog file, for the CI test of this script.
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${1:?usage: release-check.sh TAG [--notes]}
changelog=${CHANGELOG:-CHANGELOG.md}
version=$(bash .ci/version.sh)
refuse() { echo "release-check: $*" >&2; exit 1; }

[[ $tag =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]] \
  || refuse "tag '$tag' is not a version tag (vMAJOR.MINOR.PATCH)"
[ "$tag" = "v$version" ] \
  || refuse "tag '$tag' does not match the version in Directory.Build.props ($version): set <Version>${tag#v}</Version> or tag v$version"
heading=$(grep -nE "^## \[${version//./\\.}\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" "$changelog" | head -1 || true)
[ -n "$heading" ] || refuse "$changelog has no section '## [$version] - YYYY-MM-DD' (rename [Unreleased] when releasing)"

if [ "${2:-}" = --notes ]; then
  # From the line after the heading to the line before the next "## " heading.
  awk -v start="${heading%%:*}" 'NR > start && /^## / { exit } NR > start { print }' "$changelog"
else
  echo "version=$version"
  echo "major=${version%%.*}"
fi
