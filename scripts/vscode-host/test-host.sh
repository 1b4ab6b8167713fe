#!/usr/bin/env bash
# `npm run test:host`: run the mocha integration tests inside a REAL VS Code extension host
# (code-server 4.139.1 = VS Code 1.139.1, Node extension host), driven by headless Debian Chromium.
# Adapted from the measured recipe /work/shared/vscode-host/cs-test.sh. See docs/testing.md.
#
# No arguments. Environment overrides:
#   ODW_EXT_PATH      extensionDevelopmentPath      (default: repo root; its package.json "main" must be built)
#   ODW_TESTS_PATH    extensionTestsPath, no .js     (default: <repo>/out-test/test/integration/index)
#   ODW_WORKSPACE     folder copied to a temp dir and opened (default: <repo>/test/fixtures/workspace)
#   ODW_TEST_RESULTS  JSON results file              (default: <repo>/artifacts/host-test-results.json)
#   ODW_ARTIFACTS     logs/screenshots dir           (default: <repo>/artifacts)
#   ODW_TEST_GREP     only run tests whose full title matches (mocha grep)
#   ODW_TEST_LOCALE   display language of the host, e.g. fr (a stub language pack is installed: locale-pack.mjs)
#   ODW_TEST_TIMEOUT_MS overall timeout (default 600000); ODW_STARTUP_TIMEOUT_MS "never started" watchdog (60000)
#   ODW_VERBOSE=1     print every workbench/ext-host log line;  ODW_KEEP_STATE=1 keep the temp state dir
# Output ends with a line "N passed, N failed". Exit code is non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"
T0=$(date +%s)
abs() { (cd "$(dirname "$1")" && printf '%s/%s' "$(pwd)" "$(basename "$1")"); }

ART="${ODW_ARTIFACTS:-$REPO/artifacts}"; mkdir -p "$ART"; ART="$(cd "$ART" && pwd)"
RESULTS="${ODW_TEST_RESULTS:-$ART/host-test-results.json}"; mkdir -p "$(dirname "$RESULTS")"; RESULTS="$(abs "$RESULTS")"
DEV="$(cd "${ODW_EXT_PATH:-$REPO}" && pwd)"
TESTS="${ODW_TESTS_PATH:-$REPO/out-test/test/integration/index}"; TESTS="${TESTS%.js}"
WS_SRC="${ODW_WORKSPACE:-$REPO/test/fixtures/workspace}"
rm -f "$RESULTS"

summary_fail() {  # $1 = reason; no results from the host -> count the host run itself as one failure
  echo "[host] ERROR: $1" >&2
  printf '{"passed":0,"failed":1,"pending":0,"hostError":%s,"tests":[]}\n' \
    "$(node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1")" > "$RESULTS"
  echo "0 passed, 1 failed"
  exit 1
}

# --- preconditions ------------------------------------------------------------------------------------------
[ -d "$REPO/node_modules/playwright-core" ] || summary_fail "playwright-core missing: run npm ci"
[ -f "$DEV/package.json" ] || summary_fail "no package.json in extensionDevelopmentPath $DEV"
MAIN="$(node -p 'require(process.argv[1]).main || ""' "$DEV/package.json")"
if [ -n "$MAIN" ] && [ ! -e "$DEV/$MAIN" ] && [ ! -e "$DEV/$MAIN.js" ]; then
  summary_fail "extension entry $DEV/$MAIN is not built (run npm run build)"; fi
[ -f "$TESTS.js" ] || summary_fail "test entry $TESTS.js not found (compile the tests: npx tsc -p .)"
[ -d "$WS_SRC" ] || summary_fail "workspace $WS_SRC not found"

bash "$HERE/ensure-system-deps.sh"
bash "$HERE/setup-code-server.sh"

# --- start code-server on a fresh copy of the workspace ------------------------------------------------------
source "$HERE/cs-lib.sh"
STATE="$(mktemp -d "${TMPDIR:-/tmp}/odw-host.XXXXXX")"
RUNNER=""
stop_runner() {
  [ -n "$RUNNER" ] || return 0
  kill -TERM "$RUNNER" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$RUNNER" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$RUNNER" 2>/dev/null || true; RUNNER=""
}
cleanup() { stop_runner; cs_stop; if [ -n "${ODW_KEEP_STATE:-}" ]; then echo "[host] state kept in $STATE"; else rm -rf "$STATE"; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM
cs_prepare "$STATE"
WS="$STATE/workspace"; mkdir -p "$WS"; cp -a "$WS_SRC/." "$WS/"

# A display language other than English needs a language pack installed for it (see locale-pack.mjs).
LOCALE_ARGS=()
if [ -n "${ODW_TEST_LOCALE:-}" ] && [ "${ODW_TEST_LOCALE}" != en ]; then
  node "$HERE/locale-pack.mjs" "$ODW_TEST_LOCALE" "$STATE/locale-pack.vsix" >/dev/null
  cs_cli --install-extension "$STATE/locale-pack.vsix" --force > "$STATE/locale-pack.log" 2>&1 \
    || { cat "$STATE/locale-pack.log" >&2; summary_fail "could not install the $ODW_TEST_LOCALE language pack"; }
  node "$HERE/locale-pack.mjs" --register "$ODW_TEST_LOCALE" "$STATE/ud" "$STATE/ext"
  LOCALE_ARGS=(--locale "$ODW_TEST_LOCALE")
fi

# The remote extension host is forked by code-server and inherits this environment.
export ODW_TEST_RESULTS="$RESULTS" ODW_TEST_GREP="${ODW_TEST_GREP:-}" ODW_TEST_LOCALE="${ODW_TEST_LOCALE:-}"
cs_start "$WS" --vscode-option enable-smoke-test-driver "${LOCALE_ARGS[@]}"

# --- run -----------------------------------------------------------------------------------------------------
# Runner in the background + `wait`, so a SIGINT/SIGTERM to this script is handled at once (bash defers traps
# while a foreground child runs); cleanup then stops the runner (it closes Chromium) and the code-server group.
set +e
node "$HERE/run-host-tests.mjs" --server "$CS_URL" --dev "$DEV" --tests "$TESTS" --folder "$WS" \
  --log "$ART/host-test.log" &
RUNNER=$!
wait "$RUNNER"; rc=$?
RUNNER=""
set -e
cs_stop
cp "$STATE/code-server.log" "$ART/host-code-server.log" 2>/dev/null || true
echo "[host] done in $(( $(date +%s) - T0 )) s (driver exit $rc); results: $RESULTS; logs: $ART/host-test.log"

if [ ! -s "$RESULTS" ]; then
  case $rc in
    4) summary_fail "extension tests never started (see $ART/host-nostart.png)";;
    2) summary_fail "tests timed out (see $ART/host-timeout.png)";;
    *) summary_fail "no results written by the test entry (driver exit $rc)";;
  esac
fi
read -r passed failed < <(node -e 'const r=require(process.argv[1]);console.log((r.passed|0)+" "+(r.failed|0))' "$RESULTS")
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1  # e.g. run() rejected for a reason outside mocha
echo "$passed passed, $failed failed"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
