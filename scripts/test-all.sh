#!/usr/bin/env bash
# Runs every test project; installs Debian's chromium first when it is missing (browser tests need it).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update && apt-get install -y --no-install-recommends chromium
fi
exec npx vitest run "$@"
