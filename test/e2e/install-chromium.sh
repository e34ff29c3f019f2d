#!/bin/sh
# Installs Debian's chromium for the editor check (playwright-core drives it; no browser download).
# Idempotent: does nothing when chromium is already on PATH.
set -eu
if command -v chromium >/dev/null 2>&1; then
  echo "chromium present: $(command -v chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
echo "chromium installed: $(command -v chromium)"
