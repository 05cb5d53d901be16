#!/usr/bin/env bash
# Installs action-validator (npm @action-validator/cli 0.6.0: GitHub's workflow and action schemas from
# SchemaStore, compiled to WebAssembly; it validates offline) into a folder outside the repository.
# Idempotent: does nothing when that version is already there. Needs Node.js and npm.
#   .ci/install-action-validator.sh        then run "$(.ci/install-action-validator.sh --path)" FILE
set -euo pipefail
version=0.6.0
dir=${LINKCHECK_CI_TOOLS:-/var/tmp/linkcheck-ci-tools}/action-validator-$version
bin="$dir/node_modules/.bin/action-validator"
if [ "${1:-}" = --path ]; then echo "$bin"; exit 0; fi
if [ -x "$bin" ]; then echo "action-validator $version: already installed"; exit 0; fi
command -v npm >/dev/null || { echo "install-action-validator: npm is needed (Node.js 18 or later)" >&2; exit 1; }
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel error "@action-validator/cli@$version" >/dev/null
[ -x "$bin" ] || { echo "install-action-validator: npm did not install $bin" >&2; exit 1; }
echo "action-validator $version: installed in $dir"
