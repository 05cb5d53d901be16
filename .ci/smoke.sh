#!/usr/bin/env bash
# Container smoke test: build the action's image with podman (local stand-ins for the mcr.microsoft.com base
# images, see ../shared/tools/container-standins.sh) and run it the way the GitHub runner runs a Docker action,
# against a fixture repository with planted broken links and a fake GitHub API on loopback. Asserts the
# annotations on stdout, the outputs file, the job summary, the API calls (with the token) and that the
# container leaves no file in the workspace. Prints "smoke: ok" or the first failed assertion.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
api_pid=
cleanup() { [ -n "$api_pid" ] && kill -9 "$api_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "smoke: FAILED: $*"; [ -f "$work/stdout.txt" ] && sed -n '1,40p' "$work/stdout.txt"; exit 1; }

# Here: local stand-ins for the base images (no registry). On a GitHub runner (no ../shared): the real images.
pull=--pull=missing
if [ -f ../shared/tools/container-standins.sh ]; then
  eval "$(bash ../shared/tools/container-standins.sh Dockerfile)" || fail "podman is not available"
  pull=--pull=never
fi
command -v podman >/dev/null || fail "podman is not installed"
version=$(bash .ci/version.sh)
# BuildKit sets BUILDPLATFORM itself; podman 4.3 only inside RUN, not for FROM --platform=$BUILDPLATFORM.
build_platform="linux/$(podman info --format '{{ .Host.Arch }}')"
podman build "$pull" --network host -q --build-arg BUILDPLATFORM="$build_platform" --build-arg VERSION="$version" -t localhost/linkcheck:ci . >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; fail "image build"; }
# One version everywhere: the image's label and the binary in it say Directory.Build.props' version.
label=$(podman image inspect --format '{{ index .Labels "org.opencontainers.image.version" }}' localhost/linkcheck:ci)
[ "$label" = "$version" ] || fail "the image's version label is '$label', expected '$version'"
start=$(date +%s%N)
in_image=$(podman run --rm --network host localhost/linkcheck:ci --version)
first_line_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$in_image" = "$version" ] || fail "linkcheck --version in the image printed '$in_image', expected '$version'"
# The build refuses a version that is not the project's.
podman build "$pull" --network host -q --build-arg BUILDPLATFORM="$build_platform" --build-arg VERSION=0.0.0-not-this -t localhost/linkcheck:wrong . >"$work/wrong.log" 2>&1 \
  && fail "the image build took VERSION=0.0.0-not-this"
grep -q 'VERSION=0.0.0-not-this, but Directory.Build.props says' "$work/wrong.log" || { tail -5 "$work/wrong.log"; fail "no clear error for a wrong VERSION"; }

cp -r tests/LinkCheck.Core.Tests/TestData/blog "$work/repo"
mkdir -p "$work/runner"
cat >"$work/runner/event.json" <<'JSON'
{ "number": 12, "pull_request": { "number": 12, "head": { "sha": "headsha1", "ref": "feature", "repo": { "full_name": "octo/docs" } },
  "base": { "sha": "basesha0", "ref": "main", "repo": { "full_name": "octo/docs" } } } }
JSON
: >"$work/runner/summary.md"
: >"$work/runner/output.txt"
before=$(cd "$work/repo" && find . -printf '%p %U %s\n' | sort)

port=18090
dotnet build -c Release tests/LinkCheck.FakeGitHub -v quiet -nologo >"$work/fake-build.log" 2>&1 || fail "fake API build"
dotnet tests/LinkCheck.FakeGitHub/bin/Release/net10.0/LinkCheck.FakeGitHub.dll 127.0.0.7 "$port" >"$work/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 600); do grep -q '^ready' "$work/api.log" && break; sleep 0.1; done
grep -q '^ready' "$work/api.log" || fail "fake API did not start"

start=$(date +%s%N)
podman run --rm --network host --workdir /github/workspace \
  -v "$work/repo:/github/workspace" -v "$work/runner:$work/runner" \
  -e GITHUB_ACTIONS=true -e CI=true -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH="$work/runner/event.json" \
  -e GITHUB_REPOSITORY=octo/docs -e GITHUB_SHA=mergesha -e GITHUB_HEAD_REF=feature -e GITHUB_REF_NAME=12/merge \
  -e GITHUB_SERVER_URL=https://github.com -e GITHUB_API_URL="http://127.0.0.7:$port" \
  -e GITHUB_STEP_SUMMARY="$work/runner/summary.md" -e GITHUB_OUTPUT="$work/runner/output.txt" -e RUNNER_TEMP="$work/runner" \
  -e INPUT_PATHS=. -e INPUT_CONFIG= -e INPUT_OFFLINE=true -e INPUT_FAIL=true -e INPUT_ONLY-CHANGED=false \
  -e INPUT_GITHUB-TOKEN=ghs_smoketoken -e INPUT_ANNOTATIONS=true -e INPUT_JOB-SUMMARY=true -e INPUT_PR-COMMENT=true \
  -e INPUT_CHECK-RUN=true -e 'INPUT_EXCLUDE=^https://internal\.' -e INPUT_ARGS= \
  localhost/linkcheck:ci >"$work/stdout.txt" 2>"$work/stderr.txt"
code=$?
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))

[ "$code" -eq 1 ] || fail "exit code $code, expected 1 (broken links, fail: true)"
grep -qxF '::error file=CONTRIBUTING.md,line=3,col=18,endColumn=30,title=Broken link::docs/guide.md: file not found: docs/guide.md (the case differs from docs/Guide.md, which exists; paths are case-sensitive on GitHub and Linux) (did you mean docs/Guide.md?)' "$work/stdout.txt" \
  || fail "annotation for CONTRIBUTING.md:3"
# 8 broken links; the ninth broken target of the fixture is in a definition no link uses, a warning (issue 12).
[ "$(grep -c '^::error ' "$work/stdout.txt")" -eq 8 ] || fail "8 error annotations expected"
grep -qE '^::stop-commands::linkcheck-[0-9a-f]{32}$' "$work/stdout.txt" || fail "report not wrapped in stop-commands"
grep -qx 'broken<<ghadelimiter_[0-9a-f]*' "$work/runner/output.txt" || fail "broken output"
grep -A1 '^broken<<' "$work/runner/output.txt" | grep -qx 8 || fail "broken output is not 8"
grep -A1 '^exit-code<<' "$work/runner/output.txt" | grep -qx 1 || fail "exit-code output is not 1"
report=$(grep -A1 '^report<<' "$work/runner/output.txt" | tail -1)
[ "$report" = "$work/runner/linkcheck-report.json" ] && [ -s "$report" ] || fail "report output $report"
grep -q '^## linkcheck: 8 broken links' "$work/runner/summary.md" || fail "job summary title"
grep -qF '[3](https://github.com/octo/docs/blob/headsha1/CONTRIBUTING.md#L3)' "$work/runner/summary.md" || fail "job summary line link"
grep -q '^POST /repos/octo/docs/issues/12/comments Token ghs_smoketoken$' "$work/api.log" || fail "pull request comment (Octokit in the image)"
grep -q '^POST /repos/octo/docs/check-runs Token ghs_smoketoken$' "$work/api.log" || fail "check run"
after=$(cd "$work/repo" && find . -printf '%p %U %s\n' | sort)
[ "$before" = "$after" ] || fail "the container changed the workspace: $(diff <(echo "$before") <(echo "$after") | head -5)"

size=$(podman image history --format '{{.Size}} {{.CreatedBy}}' localhost/linkcheck:ci | grep -m1 'COPY' | cut -d' ' -f1-2)
echo "smoke: ok (version $version; image layer added: $size; podman run to the first line (--version): ${first_line_ms} ms; podman run of the whole check: ${elapsed_ms} ms)"
