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
# Two steps, because podman 4.3 looks the last stage's FROM up with the first stage's platform ($BUILDPLATFORM,
# amd64) and then does not find the arm64 base ("image not known"); docker buildx builds the same Dockerfile in
# one go (release.yml). Step 1: the Dockerfile's build stage for arm64 (the SDK runs on amd64, TARGETARCH=arm64).
podman build "$pull" --network host -q --platform linux/arm64 --target build --build-arg BUILDPLATFORM="$build_platform" \
    --build-arg VERSION="$version" -t localhost/linkcheck-build:arm64 . >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; fail "the linux/arm64 build stage"; }
# Step 2: the Dockerfile's last stage as written, on the arm64 base, with the build stage's /app as its context.
mkdir -p "$work/context"
mnt=$(podman image mount localhost/linkcheck-build:arm64) || fail "podman image mount"
cp -a "$mnt/app" "$work/context/app"
podman image unmount localhost/linkcheck-build:arm64 >/dev/null
awk '/^FROM /{ n++ } { lines[NR] = $0; stage[NR] = n } END { for (i = 1; i <= NR; i++) if (stage[i] == n) print lines[i] }' Dockerfile \
  | sed 's|^COPY --from=build /app /app$|COPY app /app|' >"$work/context/Dockerfile"
grep -qx 'COPY app /app' "$work/context/Dockerfile" || fail "the Dockerfile's last stage no longer copies /app from the build stage"
podman build "$pull" --network host -q --platform linux/arm64 --build-arg VERSION="$version" -t localhost/linkcheck:arm64 "$work/context" \
  >>"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "the linux/arm64 image build"; }
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
# The base's own C library (libc.so.6 is the file itself in Debian 12 and Ubuntu 24.04, not a symbolic link).
podman cp "$cid:/usr/lib/aarch64-linux-gnu/libc.so.6" "$work/libc.so.6" 2>/dev/null \
  && [ "$(od -An -tu2 -j18 -N2 "$work/libc.so.6" | tr -d ' ')" = 183 ] || fail "the image's base is not the arm64 one"
dotnet run .ci/ReadyToRun.cs -- "$work/app/linkcheck.dll" "$work/app/LinkCheck.Core.dll" "$work/app/Octokit.dll" >/dev/null \
  || fail "the arm64 assemblies are not ReadyToRun"
size=$(podman image history --format '{{.Size}} {{.CreatedBy}}' localhost/linkcheck:arm64 | grep -m1 'COPY' | cut -d' ' -f1-2)
echo "multiarch: ok (linux/arm64 image built in ${seconds} s; AArch64 ReadyToRun app; layer added: $size)"
