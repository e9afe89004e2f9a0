#!/usr/bin/env bash
# Installs everything the tests need (Python packages and Debian's chromium for the browser tests),
# then runs the whole suite, browser tests included. Never downloads a browser build of its own.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install -q -r requirements-test.txt
python3 -m pytest -q "$@"
