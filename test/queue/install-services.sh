#!/bin/sh
# Installs Debian's redis-server and postgresql for the queue-mode test (n8n's queue and its
# shared database). Idempotent: installs only what is missing. The test never uses the services
# the packages may start: it runs private instances on free loopback ports and stops them.
set -eu
missing=""
command -v redis-server >/dev/null 2>&1 || missing="$missing redis-server"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$missing postgresql"
if [ -z "$missing" ]; then
  echo "redis-server and postgresql present: $(command -v redis-server), $(ls /usr/lib/postgresql/*/bin/initdb | head -n 1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "installed:$missing"
