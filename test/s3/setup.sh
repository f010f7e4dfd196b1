#!/usr/bin/env bash
# Makes sure the S3-protocol server the tests run on loopback is here: moto's `moto_server`
# (docs/adr/0021-media-on-s3.md says why moto and not s3rver). This machine kind's image ships moto
# (Python); elsewhere it comes from Debian's python3-moto where that release has it.
# Idempotent: does nothing when moto_server already answers --help.
set -euo pipefail
have_moto() { command -v moto_server >/dev/null 2>&1 && moto_server --help >/dev/null 2>&1; }
if have_moto; then
  echo "test/s3: moto_server is installed ($(command -v moto_server))"
  exit 0
fi
echo "test/s3: installing python3-moto from Debian"
apt-get update -qq || true
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-moto python3-flask python3-flask-cors >/dev/null; then
  echo "test/s3: python3-moto is not in this Debian release, and moto_server is not installed: the S3 tests cannot run" >&2
  exit 1
fi
have_moto || { echo "test/s3: moto_server still does not start after installing python3-moto" >&2; exit 1; }
echo "test/s3: moto_server installed"
