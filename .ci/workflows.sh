#!/usr/bin/env bash
# Every GitHub workflow and action.yml passes action-validator, and so does the action.yml a release publishes
# (.ci/release-action.sh); a workflow with a mistake fails it (so a validator that accepts anything is caught).
# The release gate (.ci/release-check.sh) takes the right tag and refuses a wrong one; the changelog is in
# Keep a Changelog form. Install the validator first: .ci/install-action-validator.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
validator=$(bash .ci/install-action-validator.sh --path)
[ -x "$validator" ] || { echo "workflows: FAILED: action-validator is not installed (run .ci/install-action-validator.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "workflows: FAILED: $*"; failures=$((failures + 1)); }

files=(action.yml .github/workflows/*.yml)
for f in "${files[@]}"; do
  "$validator" "$f" >"$work/out.txt" 2>&1 || { fail "$f"; head -40 "$work/out.txt"; }
done

# The released action.yml: the image from the registry, by version and digest.
mkdir -p "$work/released"
cp action.yml "$work/released/action.yml"
version=$(bash .ci/version.sh)
bash .ci/release-action.sh "ghcr.io/octo/linkcheck:$version@sha256:$(printf '%064d' 0)" "$work/released/action.yml" >/dev/null \
  || fail "release-action.sh could not rewrite action.yml"
grep -qxF "  image: docker://ghcr.io/octo/linkcheck:$version@sha256:$(printf '%064d' 0)" "$work/released/action.yml" \
  || fail "the released action.yml does not name the published image"
"$validator" "$work/released/action.yml" >"$work/out.txt" 2>&1 || { fail "the released action.yml"; head -40 "$work/out.txt"; }
grep -qxF '  image: Dockerfile' action.yml || fail "action.yml in the repository must build the Dockerfile (uses: ./)"

# The validator is not a rubber stamp.
printf 'name: broken\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n' >"$work/broken.yml"
"$validator" "$work/broken.yml" >/dev/null 2>&1 && fail "action-validator accepted a workflow with 'stepz:'"

# The release gate.
grep -qxF '## [Unreleased]' CHANGELOG.md || fail "CHANGELOG.md has no '## [Unreleased]' section"
sed "s/^## \[Unreleased\]\$/## [$version] - 2026-12-01/" CHANGELOG.md >"$work/CHANGELOG.md"
out=$(CHANGELOG="$work/CHANGELOG.md" bash .ci/release-check.sh "v$version" 2>&1) || fail "release-check refused v$version: $out"
[ "$out" = "$(printf 'version=%s\nmajor=%s' "$version" "${version%%.*}")" ] || fail "release-check printed '$out'"
# The notes are read whole before grep looks at them: "awk | grep -q" under pipefail failed once they passed 4 KB
# (awk's second block hit the pipe grep had closed after its first match).
notes=$(CHANGELOG="$work/CHANGELOG.md" bash .ci/release-check.sh "v$version" --notes) || fail "release-check --notes failed"
grep -q '^### Added' <<<"$notes" || fail "release notes lack the changelog section"
CHANGELOG="$work/CHANGELOG.md" bash .ci/release-check.sh "v9.8.7" >/dev/null 2>&1 && fail "release-check took a tag that is not the version"
CHANGELOG="$work/CHANGELOG.md" bash .ci/release-check.sh "$version" >/dev/null 2>&1 && fail "release-check took a tag without the v"
bash .ci/release-check.sh "v$version" >/dev/null 2>&1 && fail "release-check took v$version without a dated changelog section"

[ "$failures" -eq 0 ] || exit 1
echo "workflows: ok (${#files[@]} files valid, released action.yml valid, release gate checked)"
