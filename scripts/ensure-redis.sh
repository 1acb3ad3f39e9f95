#!/usr/bin/env bash
# Makes sure redis-server exists for the queue tests (they start their own on a free loopback
# port): Debian's package installed with apt-get when we are root. Otherwise says what to do.
set -euo pipefail
command -v redis-server >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing redis-server with apt-get..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
cat >&2 <<'MSG'
No redis-server found (the distributed-rollout tests start one). Install it:
  sudo apt-get install -y redis-server
MSG
exit 1
