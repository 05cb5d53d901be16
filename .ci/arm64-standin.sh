#!/usr/bin/env bash
# An arm64 stand-in for the Dockerfile's runtime base, mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled,
# so that "podman build --platform linux/arm64" works on a machine that reaches no container registry.
# ../shared/tools/container-standins.sh makes amd64 stand-ins only; this does the same for arm64, without running
# any arm64 code (no emulation): debootstrap's first stage (--foreign) only downloads and unpacks Debian's arm64
# packages, the extra libraries .NET needs are unpacked with dpkg-deb, and the tree is imported as an arm64
# image. Like the chiseled original it has no shell and no package manager and runs as the user app (1654).
#
# Both stand-ins keep names of their own (localhost/standin-runtime-deps-chiseled:amd64 and :arm64); the real
# name stays on the amd64 one. .ci/multiarch.sh moves the real name to the arm64 one for its build and back
# afterwards. (A local manifest list holding both does not work: podman 4.3 resolved it to the arm64 instance
# for an amd64 build.)
#
#   eval "$(../shared/tools/container-standins.sh Dockerfile)"   # first: podman, its configuration, amd64 stand-ins
#   .ci/arm64-standin.sh
#
# Uses STANDINS_DIR like container-standins.sh. Idempotent. Messages go to stderr.
set -euo pipefail
ref=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
amd64=localhost/standin-runtime-deps-chiseled:amd64
arm64=localhost/standin-runtime-deps-chiseled:arm64
dir=${STANDINS_DIR:-/var/tmp/container-standins}
log() { echo "arm64-standin: $*" >&2; }
[ -n "${CONTAINERS_STORAGE_CONF:-}" ] || { log "run container-standins.sh first (eval its output)"; exit 2; }

is_list() { podman manifest inspect "$1" >/dev/null 2>&1; }

# An earlier version of this script made the real name a manifest list: give the name back to the amd64 image.
if is_list "$ref"; then
  podman manifest rm "$ref" >/dev/null
  podman tag "$amd64" "$ref"
fi
podman image exists "$ref" || { log "$ref: no amd64 stand-in; run container-standins.sh first"; exit 2; }
if [ "$(podman image inspect --format '{{ .Architecture }}' "$ref")" = amd64 ]; then
  podman tag "$ref" "$amd64"
elif podman image exists "$amd64"; then
  podman tag "$amd64" "$ref"   # a multiarch build that was killed before it gave the name back
fi
podman image exists "$amd64" || { log "$amd64: missing (the real name points at another image)"; exit 2; }

if ! podman image exists "$arm64"; then
  root="$dir/rootfs-arm64"
  rm -rf "$root"
  log "debootstrap --foreign --arch=arm64 (downloads and unpacks only)"
  debootstrap --foreign --arch=arm64 --variant=minbase \
      --include=ca-certificates,libssl3,libstdc++6,libgcc-s1,zlib1g,tzdata,libgssapi-krb5-2 \
      bookworm "$root" http://deb.debian.org/debian >"$dir/debootstrap-arm64.log" 2>&1 \
    || { log "debootstrap failed, see $dir/debootstrap-arm64.log"; exit 1; }
  # The first stage unpacks the required packages; --include'd ones are only downloaded. Unpack every package
  # (their maintainer scripts would need arm64 code: nothing they do matters to a program that only loads libraries).
  for deb in "$root"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$root"; done
  [ -e "$root/usr/lib/aarch64-linux-gnu/libstdc++.so.6" ] && [ -e "$root/usr/lib/aarch64-linux-gnu/libssl.so.3" ] \
    || { log "the arm64 tree lacks libstdc++ or libssl"; exit 1; }
  # ca-certificates builds its bundle in a maintainer script: take the machine's (the same certificates, text).
  mkdir -p "$root/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
  echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' >>"$root/etc/passwd"
  echo 'app:x:1654:' >>"$root/etc/group"
  mkdir -p "$root/home/app" && chown 1654:1654 "$root/home/app"
  # Chiseled: no shell, no package manager, no debootstrap leftovers.
  rm -rf "$root/debootstrap" "$root/var/cache/apt/archives" "$root"/usr/bin/apt* "$root"/usr/bin/dpkg* \
         "$root/bin/bash" "$root/usr/bin/bash" "$root/bin/dash" "$root/usr/bin/dash" "$root/bin/sh" "$root/usr/bin/sh"
  tar -C "$root" -c . | podman import -q --arch arm64 --os linux \
      --change 'USER 1654' --change 'ENV APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true' - "$arm64" >/dev/null
  rm -rf "$root"
  log "$arm64: built"
fi

log "$arm64 and $amd64: present"
