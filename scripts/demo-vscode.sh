#!/usr/bin/env bash
# `npm run demo:vscode`: VS Code (code-server on 127.0.0.1) with the extension installed from its
# .vsix, the sample workspace, and a local udata "Sandbox" portal (no account needed).
# Prints the URL; Ctrl+C stops everything. Nothing listens beyond loopback.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
cd "$REPO"
PORT="${ODW_DEMO_PORT:-8080}"
PORTAL_PORT="${ODW_SANDBOX_PORT:-8787}"
DEMO="$REPO/.vscode-test/demo"
mkdir -p "$DEMO"

bash scripts/vscode-host/ensure-system-deps.sh
bash scripts/vscode-host/setup-code-server.sh
npm run --silent package >/dev/null
# The Sandbox portal is the emulator the tests use, bundled into one file for the demo.
npx esbuild test/emulator/cli.ts --bundle --platform=node --format=cjs --outfile="$DEMO/sandbox.cjs" --log-level=error

# A fresh copy of the samples: the CSVs and the budget act (TOTEM XML) that opens in the budget view.
WS="$DEMO/workspace"
rm -rf "$WS"; mkdir -p "$WS"
cp samples/*.csv samples/*.xml "$WS/"

export CS_PORT="$PORT"
source scripts/vscode-host/cs-lib.sh
STATE="$DEMO/state"; rm -rf "$STATE"
cs_prepare "$STATE"
# Portals are an application-scope setting (a cloned workspace must not add a look-alike
# portal), so the Sandbox goes into this demo's user settings.
node -e '
const fs = require("fs"); const f = process.argv[1];
const s = JSON.parse(fs.readFileSync(f, "utf8"));
s["openData.portals"] = [{ name: "Sandbox", type: "udata", url: process.argv[2], organization: "org-demo" }];
// "Publish to data.gouv.fr" publishes to the Sandbox too: nothing in the demo can reach the real site.
s["openData.dataGouvUrl"] = process.argv[2];
fs.writeFileSync(f, JSON.stringify(s, null, 2));' "$STATE/ud/User/settings.json" "http://127.0.0.1:$PORTAL_PORT"
cs_cli --install-extension "$REPO/dist/open-data-workbench.vsix" --force >/dev/null

setsid node "$DEMO/sandbox.cjs" --port "$PORTAL_PORT" > "$DEMO/sandbox.log" 2>&1 &
SANDBOX=$!
cleanup() { cs_stop; kill -TERM -- "-$SANDBOX" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for _ in $(seq 1 50); do grep -q "Demo API key" "$DEMO/sandbox.log" && break; sleep 0.1; done

cs_start "$WS"
echo
echo "Open Data Workbench demo"
echo "  VS Code:  $CS_URL/?folder=$WS"
echo "  Sandbox portal: http://127.0.0.1:$PORTAL_PORT  (udata API, private datasets, nothing leaves this machine)"
grep "Demo API key" "$DEMO/sandbox.log" | sed 's/^/  /'
echo "  In VS Code: “Open Data: Set Portal API Key…” → Sandbox → paste the key, then “Open Data: Publish to data.gouv.fr”"
echo "  (pointed at the Sandbox in this demo by the openData.dataGouvUrl setting) or “Open Data: Publish…”."
echo "Ctrl+C to stop."
wait "$CS_PID"
