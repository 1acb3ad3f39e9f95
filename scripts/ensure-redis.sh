#!/usr/bin/env bash
# Makes sure redis-server exists for the queue tests and benchmarks (they start their own on a
# free loopback port, without persistence): Debian's package, installed with apt-get as root or
# through passwordless sudo. Otherwise says what to do.
set -euo pipefail
command -v redis-server >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
  fi
  if [ "$SUDO" != "none" ]; then
    echo "Installing redis-server with apt-get..." >&2
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    # The package starts a system-wide Redis on 6379; the tests do not use it.
    exit 0
  fi
fi
cat >&2 <<'MSG'
No redis-server found (the distributed-rollout tests start one). Install it:
  sudo apt-get install -y redis-server
MSG
exit 1
