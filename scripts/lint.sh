#!/usr/bin/env bash
# lint.sh — the checks that keep the tree clean: gofmt, go vet, go mod tidy.
# Used by `task lint` and .ci/run. Exits non-zero and says what to run on failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

fail=0

echo "-- gofmt -l ."
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
	echo "$unformatted" | sed 's/^/  /'
	echo "FAIL: these files are not gofmt'ed; run: gofmt -w ."
	fail=1
fi

echo "-- go vet ./..."
go vet ./... || { echo "FAIL: go vet found problems (above)"; fail=1; }

echo "-- go mod tidy -diff"
go mod tidy -diff || { echo "FAIL: go.mod/go.sum are not tidy; run: go mod tidy"; fail=1; }

exit $fail
