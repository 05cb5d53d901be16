#!/usr/bin/env bash
# Installs Docusaurus 3 (npm @docusaurus/core + @docusaurus/preset-classic, React 19) for the
# real-generator tests of the Docusaurus site model (tests/Sites/docusaurus). node_modules lives outside
# the repository, in $LINKCHECK_TOOLS/docusaurus (default ~/.cache/linkcheck/docusaurus); the tests link
# it into a temporary copy of the fixture. Idempotent: skips npm when the pinned versions are there.
set -euo pipefail
version=3.10.2
dir="${LINKCHECK_TOOLS:-$HOME/.cache/linkcheck}/docusaurus"
node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if ! command -v npm >/dev/null || [ "$(node_major)" -lt 20 ]; then
  # Docusaurus 3.10 needs Node.js 20 or later (@docusaurus/core "engines"); try the distribution's packages.
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm || true
fi
if ! command -v npm >/dev/null || [ "$(node_major)" -lt 20 ]; then
  echo "install-docusaurus: Node.js 20 or later with npm is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
if [ -f "$dir/node_modules/@docusaurus/core/package.json" ] \
  && grep -q "\"version\": \"$version\"" "$dir/node_modules/@docusaurus/core/package.json"; then
  echo "docusaurus $version already installed in $dir"
  exit 0
fi
mkdir -p "$dir"
cat > "$dir/package.json" <<JSON
{
  "name": "linkcheck-docusaurus-tools",
  "private": true,
  "dependencies": {
    "@docusaurus/core": "$version",
    "@docusaurus/preset-classic": "$version",
    "@mdx-js/react": "^3.0.0",
    "clsx": "^2.0.0",
    "prism-react-renderer": "^2.3.0",
    "react": "^19.0.0",
    "react-dom": "^19.0.0"
  }
}
JSON
(cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
node -e "console.log('docusaurus', require('$dir/node_modules/@docusaurus/core/package.json').version)"
