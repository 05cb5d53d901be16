#!/usr/bin/env bash
# Turns action.yml into the released action: "image: Dockerfile" (build from source, what "uses: ./" needs)
# becomes "image: docker://IMAGE_REF" (the published image, e.g. ghcr.io/octo/linkcheck:1.2.3@sha256:...).
# Fails unless exactly one such line is there, so a changed action.yml cannot be released half-rewritten.
#   .ci/release-action.sh IMAGE_REF [ACTION_YML]
set -euo pipefail
ref=${1:?usage: release-action.sh IMAGE_REF [ACTION_YML]}
file=${2:-action.yml}
[[ $ref =~ ^[a-z0-9./_-]+(:[A-Za-z0-9._-]+)?(@sha256:[0-9a-f]{64})?$ ]] || { echo "release-action: '$ref' is not an image reference" >&2; exit 1; }
count=$(grep -cxE '  image: "?Dockerfile"?' "$file" || true)
[ "$count" -eq 1 ] || { echo "release-action: $file must have exactly one line '  image: Dockerfile' (found $count)" >&2; exit 1; }
sed -i -E "s|^  image: \"?Dockerfile\"?\$|  image: docker://$ref|" "$file"
echo "release-action: $file now runs docker://$ref"
