#!/usr/bin/env bash
# Installs Jekyll 4.3 and GitHub Pages' default plugins from Debian for the real-generator site tests
# (tests/LinkCheck.Core.Tests/Sites/Jekyll), plus jekyll-redirect-from (GitHub Pages allows it). Idempotent: does nothing when jekyll and the plugins are there.
set -euo pipefail
packages=(jekyll ruby-jekyll-relative-links ruby-jekyll-optional-front-matter ruby-jekyll-readme-index ruby-jekyll-titles-from-headings ruby-jekyll-redirect-from)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ] && command -v jekyll >/dev/null; then
  echo "jekyll: already installed ($(jekyll --version))"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
jekyll --version
