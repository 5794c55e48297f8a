#!/usr/bin/env bash
# gen-elixir-fixtures.sh — compile the Elixir conformance programs into
# committed .beam fixtures and record what the real Elixir prints for them.
#
#   scripts/gen-elixir-fixtures.sh          compile and regenerate .want files
#   scripts/gen-elixir-fixtures.sh --check  compile into a temporary directory;
#                                           fail if the committed beams or
#                                           .want files differ from it
#
# Every vm/testdata/elixir/NAME.ex is compiled by the host's elixirc (with
# ERL_COMPILER_OPTIONS=deterministic, so the beams do not depend on the
# checkout's path) into vm/testdata/elixir/ebin/; a stale .beam is removed.
# NAME.ex defines the module named NAME in CamelCase (enum_pipelines.ex:
# EnumPipelines) with a start/0. NAME.want is what
#
#   elixir -pa ebin -e ':io.format("~w~n", [Name.start()])'
#
# prints on stdout: the program's own output, then its result. The first
# line of a program may hold directives, as `# conformance: result only,
# consolidated`: with `result only`, the program prints what the host
# formats its own way (Logger's console backend, crash reports), so NAME.want
# holds only the result line; with `consolidated`, it runs with Elixir's
# protocols (Enumerable, Inspect, String.Chars, Collectable, List.Chars)
# consolidated over the corpus' implementations, as mix builds them, into
# ebin/consolidated/.
#
# Exit status: 0 done; 1 --check found stale files, or a program failed;
# 2 bad usage or no elixirc.
set -euo pipefail

prog=scripts/gen-elixir-fixtures.sh
dir=vm/testdata/elixir
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 2; }

check=false
case ${1-} in
'') ;;
--check) check=true ;;
-h | --help)
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
	exit 2
	;;
*) die "unknown argument '$1' (see $prog --help)" ;;
esac
command -v elixirc >/dev/null || die "elixirc not found: install Debian's elixir package"

export LC_ALL=C.UTF-8 ERL_COMPILER_OPTIONS=deterministic
out=$dir
if $check; then
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
	cp "$dir"/*.want "$out"/ 2>/dev/null || true
fi
rm -rf "$out/ebin.new"
mkdir -p "$out/ebin.new"
ebin=$(cd "$out/ebin.new" && pwd)
# Compiled from a copy at a fixed path: Elixir writes the source's absolute
# path into modules (Logger metadata, debug info), and the beams must not
# depend on where the repository is checked out. flock keeps two runs from
# sharing the copy. Warnings are off (the programs provoke errors on purpose).
build=/tmp/avm-elixir-fixtures
exec 9>"$build.run.lock" # not $build.lock: callers may hold that one around this script
flock 9
rm -rf "$build" && mkdir -p "$build"
cp "$dir"/*.ex "$build"/
if ! errs=$(cd "$build" && elixirc --no-docs --no-debug-info -o "$ebin" ./*.ex 2>&1 >/dev/null); then
	printf '%s\n' "$errs" | grep -v '^warning\|^  ' >&2 || true
	die "$dir: a program does not compile"
fi

# Consolidate Elixir's protocols over the library's and the corpus'
# implementations, as mix does (user protocols are compiled without the
# debug info consolidation needs, so they stay as they are).
mkdir -p "$ebin/consolidated"
if ! (cd "$ebin" && elixir -pa . -e '
	paths = [~c"."] ++ :code.get_path()
	for p <- [Enumerable, Inspect, String.Chars, Collectable, List.Chars] do
	  {:ok, bin} = Protocol.consolidate(p, Protocol.extract_impls(p, paths))
	  File.write!("consolidated/#{p}.beam", bin)
	end' </dev/null); then
	die "consolidating Elixir's protocols failed"
fi

camel() { sed -E 's/(^|_)([a-z])/\U\2/g' <<<"$1"; }
status=0
for src in "$dir"/*.ex; do
	name=$(basename "$src" .ex)
	mod=$(camel "$name")
	[ -f "$out/ebin.new/Elixir.$mod.beam" ] || { echo "$src: defines no module $mod" >&2; status=1; continue; }
	only=false
	head -n1 "$src" | grep -q '^# conformance:.*result only' && only=true
	pa=(-pa .)
	head -n1 "$src" | grep -q '^# conformance:.*consolidated' && pa=(-pa consolidated -pa .)
	prefix=
	$only && prefix='result: '
	if ! got=$(cd "$out/ebin.new" && timeout 20 elixir "${pa[@]}" -e ":io.format(\"$prefix~w~n\", [$mod.start()])" </dev/null 2>/dev/null); then
		echo "$src: $mod.start() failed on elixir" >&2
		status=1
		continue
	fi
	if $only; then
		got=$(sed -n 's/^result: //p' <<<"$got")
	fi
	printf '%s\n' "$got" >"$out/$name.want.new"
done

if $check; then
	stale=0
	diff -r -q "$dir/ebin" "$out/ebin.new" || stale=1
	for w in "$out"/*.want.new; do
		cmp -s "$w" "$dir/$(basename "$w" .new)" || { echo "stale: $dir/$(basename "$w" .new)"; stale=1; }
	done
	[ $stale = 0 ] || { echo "$prog: Elixir fixtures are stale: run $prog" >&2; exit 1; }
	exit $status
fi
rm -rf "$dir/ebin"
mv "$dir/ebin.new" "$dir/ebin"
for w in "$dir"/*.want.new; do
	mv "$w" "${w%.new}"
done
for w in "$dir"/*.want; do
	[ -f "${w%.want}.ex" ] || rm -f "$w"
done
exit $status
