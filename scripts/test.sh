#!/bin/sh
# Installs what the browser tests need (Debian chromium and a font for readable labels) when absent,
# so that `npm test` works on a fresh machine; runs as `pretest`.
set -e
if [ ! -x /usr/bin/chromium ]; then
  echo "scripts/test.sh: /usr/bin/chromium is missing; installing it with apt-get" >&2
  if [ "$(id -u)" != 0 ]; then
    echo "scripts/test.sh: not root; install chromium yourself (apt-get install -y chromium)" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi
