#!/usr/bin/env bash
# The independent JUnit consumer the report tests parse linkcheck's JUnit output with: Debian's
# python3-junitparser (on the system python3). Idempotent: does nothing when it is already importable.
set -euo pipefail
if /usr/bin/python3 -c 'import junitparser' 2>/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3 python3-junitparser >/dev/null
/usr/bin/python3 -c 'import junitparser'
