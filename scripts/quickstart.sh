#!/usr/bin/env bash
# Run the README's two Quick start commands, exactly as the README writes them, in a
# fresh clone of this repository's last commit: the first builds the sample site in a
# new .venv, the second installs the test dependencies into that .venv and runs the
# tests. Exits with the second command's status (pytest's), so `.ci/run` can run this.
#
#   bash scripts/quickstart.sh [--keep]     (--keep: leave the clone and say where)
#
# The commands are the first two ```sh blocks of the README's "## Quick start" section.
# Uncommitted changes are not in the clone: commit first to test them.
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
keep=0
[ "${1:-}" = "--keep" ] && keep=1

commands="$(awk '
  /^## / { section = ($0 == "## Quick start") }
  section && /^```/ { if (block) { block = 0; n++ } else if ($0 == "```sh") { block = 1 }; next }
  section && block && n < 2 { print n + 0 "\t" $0 }
' "$repo/README.md")"
build_cmd="$(printf '%s\n' "$commands" | awk -F'\t' '$1 == 0 { print $2 }')"
test_cmd="$(printf '%s\n' "$commands" | awk -F'\t' '$1 == 1 { print $2 }')"
if [ -z "$build_cmd" ] || [ -z "$test_cmd" ]; then
  echo "quickstart: README.md's Quick start must hold two \`\`\`sh blocks (found: '$build_cmd' / '$test_cmd')" >&2
  exit 1
fi

if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "quickstart: note: uncommitted changes are not tested (the clone has the last commit only)" >&2
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/factsheet-quickstart.XXXXXX")"
if [ "$keep" -eq 0 ]; then
  trap 'rm -rf "$work"' EXIT
fi
git clone --quiet --no-hardlinks "$repo" "$work/factsheet" || { echo "quickstart: git clone failed" >&2; exit 1; }
# The tests read the development corpora and their scorer from ../shared beside the
# checkout; give the clone the same neighbour.
if [ -d "$repo/../shared" ]; then
  ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
fi
cd "$work/factsheet"

echo "quickstart: in a fresh clone ($work/factsheet): $build_cmd"
bash -c "$build_cmd" || { echo "quickstart: the first Quick start command failed" >&2; exit 1; }
if [ ! -s site/index.html ] || [ ! -s site/facts.json ]; then
  echo "quickstart: the first command did not build site/index.html and site/facts.json" >&2
  exit 1
fi

echo "quickstart: $test_cmd"
bash -c "$test_cmd"
status=$?
if [ -d test-artifacts ]; then  # screenshots of the browser tests, for a look afterwards
  rm -rf "$repo/test-artifacts" && cp -r test-artifacts "$repo/test-artifacts"
fi
[ "$keep" -eq 1 ] && echo "quickstart: the clone is kept in $work/factsheet"
exit "$status"
