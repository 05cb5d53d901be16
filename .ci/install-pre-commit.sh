#!/usr/bin/env bash
# Installs pre-commit (https://pre-commit.com) from the Debian package, for the hook test (.ci/pre-commit.sh).
# Idempotent: does nothing when a pre-commit command is already there.
set -euo pipefail
if command -v pre-commit >/dev/null; then echo "pre-commit: already installed ($(pre-commit --version))"; exit 0; fi
sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
log=$(mktemp)
if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends pre-commit; } >"$log" 2>&1; then
  tail -20 "$log" >&2; rm -f "$log"
  echo "install-pre-commit: apt-get install pre-commit failed" >&2; exit 1
fi
rm -f "$log"
echo "pre-commit: installed ($(pre-commit --version))"
