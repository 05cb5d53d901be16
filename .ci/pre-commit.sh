#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, end to end with the real pre-commit: a scratch repository uses a
# copy of this repository as its hook repository (pre-commit clones it, packs the .NET tool with "dotnet pack" and
# installs it, as it does for users), then a commit that adds a broken link is refused with the link named, and
# the same commit with the link fixed goes through. Install pre-commit first: .ci/install-pre-commit.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v pre-commit >/dev/null || { echo "pre-commit: FAILED: pre-commit is not installed (run .ci/install-pre-commit.sh)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "pre-commit: FAILED: $*"; [ -f "$work/commit.txt" ] && sed -n '1,30p' "$work/commit.txt"; exit 1; }
export PRE_COMMIT_HOME="$work/cache" GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid \
       GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

# The hook repository: this working tree (tracked and new files, without what .gitignore ignores) as one commit.
mkdir -p "$work/hooks"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | tar --null -T - -cf - | tar -C "$work/hooks" -xf -
git -C "$work/hooks" init -q && git -C "$work/hooks" add -A && git -C "$work/hooks" commit -q -m hooks || fail "hook repository"
rev=$(git -C "$work/hooks" rev-parse HEAD)

mkdir -p "$work/repo/docs"
cd "$work/repo" || exit 1
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: linkcheck
YAML
printf '# Project\n\nSee [the guide](docs/guide.md#install).\n' > README.md
printf '# Guide\n\n## Install\n' > docs/guide.md
git add -A && git commit -q --no-verify -m base || fail "base commit"
pre-commit install >/dev/null || fail "pre-commit install"
# pre-commit builds the hook's environment on first use; build it now so a failure here is told apart.
pre-commit install-hooks >"$work/install.txt" 2>&1 || { sed -n '1,40p' "$work/install.txt"; fail "pre-commit could not install the hook (dotnet pack / dotnet tool install)"; }

# A commit adding a broken link (a renamed heading) and a missing file is refused.
printf '# Project\n\nSee [the guide](docs/guide.md#installation) and [the FAQ](docs/faq.md).\n' > README.md
git add README.md
if git commit -m "broken links" >"$work/commit.txt" 2>&1; then fail "the commit with broken links went through"; fi
grep -q 'README.md:3:17: broken: docs/guide.md#installation' "$work/commit.txt" || fail "the hook did not name the broken anchor"
grep -q 'README.md:3:59: broken: docs/faq.md' "$work/commit.txt" || fail "the hook did not name the missing file"
[ "$(git rev-list --count HEAD)" -eq 1 ] || fail "a commit was made"

# Fixed: the anchor corrected and the file added, the same commit goes through.
printf '# Project\n\nSee [the guide](docs/guide.md#install) and [the FAQ](docs/faq.md).\n' > README.md
printf '# FAQ\n' > docs/faq.md
git add README.md docs/faq.md
git commit -m "fixed links" >"$work/commit.txt" 2>&1 || fail "the commit with working links was refused"
[ "$(git rev-list --count HEAD)" -eq 2 ] || fail "no commit was made"
grep -q 'linkcheck (markdown links).*Passed' "$work/commit.txt" || fail "the hook did not run on the fixed commit"
echo "pre-commit: ok (broken links refused, fixed commit accepted; $(pre-commit --version))"
