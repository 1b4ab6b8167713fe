#!/usr/bin/env bash
# Installs the Debian packages the VS Code test host needs, only when missing:
#   chromium     headless browser that runs the VS Code web workbench (driven by playwright-core)
#   libkrb5-dev  headers for code-server's `kerberos` native module (compiled by setup-code-server.sh)
# `apt-get update` runs only when something has to be installed. Needs root (or sudo) for that case.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
echo "[deps] installing ${missing[*]} with apt-get"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" </dev/null
