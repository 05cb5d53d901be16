#!/usr/bin/env bash
# The action's image for linux/arm64, built with podman on this amd64 machine without emulation: the SDK stage runs
# on the build platform and cross-publishes for linux-arm64; the final stage only copies files (.ci/arm64-standin.sh
# provides the arm64 base here). Asserts that the image is arm64, that /app/linkcheck is an AArch64 executable and
# its assemblies ReadyToRun (arm64 code), and that the version label is the project's. Running it needs an arm64
# machine (GitHub's arm64 runners); here it is only built and inspected. Prints "multiarch: ok" or what failed.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
cid=
swapped=
base=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
cleanup() {
  [ -n "$cid" ] && podman rm -f "$cid" >/dev/null 2>&1
  # Give the base image's name back to the amd64 stand-in (.ci/arm64-standin.sh).
  [ -n "$swapped" ] && podman tag localhost/standin-runtime-deps-chiseled:amd64 "$base"
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "multiarch: FAILED: $*"; exit 1; }

pull=--pull=missing
if [ -f ../shared/tools/container-standins.sh ]; then
  eval "$(bash ../shared/tools/container-standins.sh Dockerfile)" || fail "podman is not available"
  bash .ci/arm64-standin.sh || fail "the arm64 stand-in for the runtime base"
  swapped=1
  podman tag localhost/standin-runtime-deps-chiseled:arm64 "$base" || fail "podman tag"
  pull=--pull=never
fi
command -v podman >/dev/null || fail "podman is not installed"
version=$(bash .ci/version.sh)
# BuildKit sets BUILDPLATFORM itself; podman 4.3 only inside RUN, not for FROM --platform=$BUILDPLATFORM.
build_platform="linux/$(podman info --format '{{ .Host.Arch }}')"
start=$(date +%s)
podman build "$pull" --network host -q --platform linux/arm64 --build-arg BUILDPLATFORM="$build_platform" --build-arg VERSION="$version" -t localhost/linkcheck:arm64 . \
  >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "the linux/arm64 image build"; }
seconds=$(( $(date +%s) - start ))

arch=$(podman image inspect --format '{{ .Architecture }}' localhost/linkcheck:arm64)
[ "$arch" = arm64 ] || fail "the image's architecture is '$arch'"
label=$(podman image inspect --format '{{ index .Labels "org.opencontainers.image.version" }}' localhost/linkcheck:arm64)
[ "$label" = "$version" ] || fail "the version label is '$label', expected '$version'"
cid=$(podman create --platform linux/arm64 localhost/linkcheck:arm64) || fail "podman create"
podman cp "$cid:/app" "$work/app" || fail "podman cp /app"
# ELF header: e_machine (offset 18, little-endian) is 183 (EM_AARCH64) for arm64, 62 for x86-64.
machine=$(od -An -tu2 -j18 -N2 "$work/app/linkcheck" | tr -d ' ')
[ "$machine" = 183 ] || fail "/app/linkcheck is not an AArch64 executable (e_machine $machine)"
[ -f "$work/app/libcoreclr.so" ] && [ "$(od -An -tu2 -j18 -N2 "$work/app/libcoreclr.so" | tr -d ' ')" = 183 ] \
  || fail "the runtime in /app is not the arm64 one"
dotnet run .ci/ReadyToRun.cs -- "$work/app/linkcheck.dll" "$work/app/LinkCheck.Core.dll" "$work/app/Octokit.dll" >/dev/null \
  || fail "the arm64 assemblies are not ReadyToRun"
size=$(podman image history --format '{{.Size}} {{.CreatedBy}}' localhost/linkcheck:arm64 | grep -m1 'COPY' | cut -d' ' -f1-2)
echo "multiarch: ok (linux/arm64 image built in ${seconds} s; AArch64 ReadyToRun app; layer added: $size)"
