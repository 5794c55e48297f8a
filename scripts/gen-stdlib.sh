#!/usr/bin/env bash
# gen-stdlib.sh — build vm/stdlib/stdlib.avm, the bundled standard library
# that avm embeds, from the Erlang sources in vm/stdlib: compile them with
# the host's erlc (OTP 25, so every supported release can load them) and
# pack them with avm's own packer.
#
#   scripts/gen-stdlib.sh           rebuild vm/stdlib/stdlib.avm
#   scripts/gen-stdlib.sh --check   fail if the committed archive is stale
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

check=false
case ${1:-} in
--check) check=true ;;
"") ;;
*) echo "usage: scripts/gen-stdlib.sh [--check]" >&2; exit 2 ;;
esac

release=$(erl -noshell -eval 'io:format("~s",[erlang:system_info(otp_release)]),halt().')
if [ "$release" != 25 ]; then
	echo "gen-stdlib.sh: the host's erlc is OTP $release; the bundled stdlib is compiled with OTP 25" >&2
	exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
erlc -W0 +deterministic -o "$tmp" vm/stdlib/*.erl
go run ./cmd/avm pack --lib -o "$tmp/stdlib.avm" "$tmp"/*.beam >/dev/null

if $check; then
	if ! cmp -s "$tmp/stdlib.avm" vm/stdlib/stdlib.avm; then
		echo "FAIL: vm/stdlib/stdlib.avm is stale: its sources in vm/stdlib changed." >&2
		echo "Fix: run 'scripts/gen-stdlib.sh' and commit vm/stdlib/stdlib.avm." >&2
		exit 1
	fi
	echo "the bundled stdlib is up to date"
	exit 0
fi
cp "$tmp/stdlib.avm" vm/stdlib/stdlib.avm
echo "wrote vm/stdlib/stdlib.avm ($(wc -c <vm/stdlib/stdlib.avm) bytes, $(ls vm/stdlib/*.erl | wc -l) modules)"
