#!/usr/bin/env bash
# GNU time (/usr/bin/time), which .ci/hostile.sh uses to measure each case's peak memory. Idempotent.
set -euo pipefail
[ -x /usr/bin/time ] && exit 0
apt-get update -qq && apt-get install -y -qq time > /dev/null
