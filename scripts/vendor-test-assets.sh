#!/usr/bin/env bash
# Vendor JavaScript test assets from the npm registry into tests/vendor/ (gitignored):
# axe-core, injected by the browser tests to check accessibility. Idempotent: does
# nothing when the wanted major version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_SPEC="axe-core@4"
VENDOR="tests/vendor"
TARGET="$VENDOR/axe.min.js"

if [ -s "$TARGET" ] && grep -q 'axe v4\.' "$TARGET" 2>/dev/null; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "vendor-test-assets: npm is required to fetch $AXE_SPEC (apt-get install npm)" >&2
  exit 1
fi

mkdir -p "$VENDOR"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# `npm pack` downloads the published tarball only: no install scripts run.
( cd "$work" && npm pack --silent "$AXE_SPEC" >/dev/null )
tar -xzf "$work"/axe-core-*.tgz -C "$work"
cp "$work/package/axe.min.js" "$TARGET.tmp"
cp "$work/package/LICENSE" "$VENDOR/axe-core.LICENSE" 2>/dev/null || true
mv "$TARGET.tmp" "$TARGET"
echo "vendored $(head -c 200 "$TARGET" | grep -o 'axe v[0-9.]*' | head -1) into $TARGET"
