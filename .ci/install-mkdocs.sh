#!/usr/bin/env bash
# MkDocs from Debian (1.4.2 with Python-Markdown 3.4.1 on bookworm), for the real-generator tests of
# tests/Sites/mkdocs. Idempotent: does nothing when an mkdocs command is already there.
set -euo pipefail
if command -v mkdocs >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq mkdocs >/dev/null
mkdocs --version
