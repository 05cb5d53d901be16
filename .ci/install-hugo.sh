#!/usr/bin/env bash
# Hugo from Debian (0.111.3 on bookworm), for the real-generator tests of tests/Sites/hugo. Idempotent: does
# nothing when a hugo command is already there.
set -euo pipefail
if command -v hugo >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq hugo >/dev/null
hugo version
