#!/usr/bin/env bash
# gen-fixtures.sh — compile the Erlang sources that tests need into committed
# .beam fixtures, and regenerate the conformance programs' expected output.
#
#   scripts/gen-fixtures.sh            every release whose compiler is here:
#                                      OTP 25 on the host, OTP 27 and 29 in the
#                                      chroots made by scripts/otp-chroot.sh
#   scripts/gen-fixtures.sh --otp 25   only the host's OTP 25 (what CI has);
#                                      repeat --otp to pick several releases
#   scripts/gen-fixtures.sh --check    compile with OTP 25 into a temporary
#                                      directory; fail if the committed otp25/
#                                      fixtures or .want files differ from it
#
# Every D/*.erl of the FIXTURE_DIRS is compiled with `erlc +deterministic`
# from inside D (stack traces name just `name.erl`) into D/otp25, D/otp27 and
# D/otp29; a .beam whose .erl is gone is removed.
#
# In the WANT_DIRS, each module exporting start/0 runs on OTP 25, and what it
# prints, as `erl -noshell -pa D/otp25 -eval 'io:format("~w~n", [NAME:start()]), halt().'`
# would print it, goes to D/NAME.want. The programs run on OTP 27 and 29 too;
# where one prints something else, that goes to D/NAME.otp27.want or
# D/NAME.otp29.want (removed again once it prints the same). A program whose
# output changes from one run to the next is reported as unstable: its .want
# is left as it is, and its .otp27.want/.otp29.want removed.
#
# A program that raises, or does not return within 10 s, is reported and its
# files are left as they are. Everything runs in the C locale; erlc warnings
# are off (conformance programs provoke errors on purpose).
#
# Exit status: 0 done; 1 --check found stale files, or a program failed;
# 2 bad usage, a missing compiler, or a source that does not compile.
#
# Environment: AVM_CHROOT_TRIXIE, AVM_CHROOT_FORKY (default
# /var/cache/avm/chroot-trixie and /var/cache/avm/chroot-forky).
set -euo pipefail

# Directories whose *.erl are compiled into otpNN/ fixtures.
FIXTURE_DIRS=(
	vm/testdata/conformance
	vm/testdata/net
	vm/testdata/sched
	vm/beam/testdata
	examples/hello
	bench
	cmd/avm/testdata/erl
	packbeam/testdata
)
# Directories whose programs (modules exporting start/0) get .want files.
WANT_DIRS=(
	vm/testdata/conformance
	bench
)
# Programs compared with OTP 25's output on every release: they print maps
# with atom keys, which OTP 26+ orders by atom-table index (so by the order
# atoms happened to be made in that erl), where OTP 25 and avm order them by
# key. Their .otp27/.otp29.want are never written.
OTP25_ORDER_PROGRAMS=(
	bif_t2b_atoms_maps
	cmp_maps
	cmp_sort_total
	stdlib_io_format_maps
	stdlib_maps
	stdlib_proplists
)

# WANT_DIRS whose programs run on OTP 25 only: the benchmarks compute the
# same on every release (their .want is a checksum), and one spawns a
# million processes, too slow to repeat in the chroots.
WANT_25_ONLY=(
	bench
)

prog=scripts/gen-fixtures.sh
cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 2; }
say() { printf '%s\n' "$*"; }
usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
	exit 2
}

check=false
releases=()
while [ $# -gt 0 ]; do
	case $1 in
	--check) check=true ;;
	--otp)
		[ $# -ge 2 ] || die "--otp needs a release: 25, 27 or 29"
		releases+=("$2")
		shift
		;;
	--otp=*) releases+=("${1#--otp=}") ;;
	-h | --help) usage ;;
	*) die "unknown argument '$1' (see $prog --help)" ;;
	esac
	shift
done

declare -A chroot_of=(
	[27]=${AVM_CHROOT_TRIXIE:-/var/cache/avm/chroot-trixie}
	[29]=${AVM_CHROOT_FORKY:-/var/cache/avm/chroot-forky}
)
declare -A suite_of=([27]=trixie [29]=forky)

# Every erl and erlc runs in the same environment, whatever the caller's
# locale or ERL_FLAGS, and leaves no erl_crash.dump behind. The C locale keeps
# OTP 26+'s stdout latin1 like OTP 25's (which ignores the locale), so that
# printing ~ts of "€" gives \x{20AC} on every release instead of a difference
# that only reflects the locale.
clean_env=(env -u ERL_FLAGS -u ERL_AFLAGS -u ERL_ZFLAGS -u ERL_LIBS -u ERL_COMPILER_OPTIONS
	-u LANG -u LANGUAGE LC_ALL=C ERL_CRASH_DUMP_SECONDS=0)
release_of_erl='io:format("~s",[erlang:system_info(otp_release)]),halt().'

# chroot_ok R: release R's chroot is usable (we are root and its erl is OTP R).
chroot_ok() {
	local dir=${chroot_of[$1]}
	[ "$(id -u)" = 0 ] && [ -x "$dir/usr/bin/erlc" ] &&
		[ "$(chroot "$dir" "${clean_env[@]}" erl -noshell -eval "$release_of_erl" 2>/dev/null)" = "$1" ]
}

host_ok() {
	command -v erlc >/dev/null && command -v erl >/dev/null ||
		die "erlc not found; the otp25/ fixtures need Debian 12's Erlang: apt-get install -y erlang-base erlang-dev"
	local rel
	rel=$("${clean_env[@]}" erl -noshell -eval "$release_of_erl") || die "erl does not start"
	[ "$rel" = 25 ] ||
		die "the host's erl is OTP $rel; the otp25/ fixtures need OTP 25 (Debian 12: apt-get install -y erlang-base erlang-dev)"
}

if $check; then
	[ ${#releases[@]} -eq 0 ] || [ "${releases[*]}" = 25 ] || die "--check compares the OTP 25 fixtures only"
	releases=(25)
elif [ ${#releases[@]} -eq 0 ]; then
	releases=(25)
	for r in 27 29; do
		if chroot_ok "$r"; then
			releases+=("$r")
		else
			say "note: skipping OTP $r: no working chroot at ${chroot_of[$r]} (make one, as root: scripts/otp-chroot.sh ${suite_of[$r]})"
		fi
	done
fi
for r in "${releases[@]}"; do
	case $r in
	25) host_ok ;;
	27 | 29) chroot_ok "$r" || die "OTP $r needs the chroot at ${chroot_of[$r]} and root; make it with: scripts/otp-chroot.sh ${suite_of[$r]}" ;;
	*) die "unsupported release '$r': want 25, 27 or 29" ;;
	esac
done
# OTP 25 first: the other releases compare with its .want files.
mapfile -t releases < <(printf '%s\n' "${releases[@]}" | sort -un)

# Work directories: $work/<R> on the host; for a chroot <chroot>/tmp/avm-gen.<pid>,
# which is /tmp/avm-gen.<pid> inside it.
work=$(mktemp -d "${TMPDIR:-/tmp}/avm-gen.XXXXXX")
cleanup_dirs=("$work")
trap 'rm -rf "${cleanup_dirs[@]}"' EXIT
declare -A host_dir inner_dir
for r in "${releases[@]}"; do
	if [ "$r" = 25 ]; then
		host_dir[$r]=$work/25
		inner_dir[$r]=$work/25
	else
		inner_dir[$r]=/tmp/avm-gen.$$
		host_dir[$r]=${chroot_of[$r]}${inner_dir[$r]}
		rm -rf "${host_dir[$r]}"
		cleanup_dirs+=("${host_dir[$r]}")
	fi
	mkdir -p "${host_dir[$r]}"
done

# in_release R SCRIPT: runs the shell SCRIPT with release R's Erlang.
in_release() {
	if [ "$1" = 25 ]; then
		"${clean_env[@]}" sh -c "$2"
	else
		chroot "${chroot_of[$1]}" "${clean_env[@]}" PATH=/usr/bin:/bin HOME=/root sh -c "$2"
	fi
}

otp25_order() {
	local p
	for p in "${OTP25_ORDER_PROGRAMS[@]}"; do [ "$p" = "$1" ] && return 0; done
	return 1
}

want_25_only() {
	local w
	for w in "${WANT_25_ONLY[@]}"; do [ "$w" = "$1" ] && return 0; done
	return 1
}

is_want_dir() {
	local w
	for w in "${WANT_DIRS[@]}"; do [ "$w" = "$1" ] && return 0; done
	return 1
}

# Sources are read once, before any release compiles them, so that all
# releases see the same files even while someone edits them.
for i in "${!FIXTURE_DIRS[@]}"; do
	d=${FIXTURE_DIRS[$i]}
	mkdir -p "$work/src/$i"
	[ -d "$d" ] || continue
	shopt -s nullglob
	files=("$d"/*.erl "$d"/*.hrl)
	shopt -u nullglob
	[ ${#files[@]} -eq 0 ] || cp -p "${files[@]}" "$work/src/$i/"
done

# Results of the whole run.
stale=()    # --check: committed files that differ
failures=() # programs that raised, timed out or died
differs=()  # programs that print something else on OTP 27/29
unstable=() # programs whose output changes from run to run
notes=()    # --check: things that do not fail it

# run_programs R I RUNDIR [MODULE...]: runs dir I's programs on release R,
# writing $h/RUNDIR/I/NAME.want; returns gen_want's exit status.
run_programs() {
	local r=$1 i=$2 run=$3
	shift 3
	mkdir -p "$h/$run/$i"
	# +P: the process benchmarks spawn a million processes (OTP's default
	# limit is 262,144).
	in_release "$r" "cd '$in' && erl -noshell +P 2000000 -pa '$in/drv' -run gen_want main '$in/out/$i' '$in/$run/$i' $*"
}

t_start=$SECONDS
for r in "${releases[@]}"; do
	h=${host_dir[$r]}
	in=${inner_dir[$r]}
	t0=$SECONDS
	say "== OTP $r$([ "$r" = 25 ] || echo " (${chroot_of[$r]})")"

	# The driver that runs conformance programs, compiled by this release.
	mkdir -p "$h/drv"
	cp scripts/gen_want.erl "$h/drv/"
	in_release "$r" "cd '$in/drv' && erlc gen_want.erl" || die "OTP $r could not compile scripts/gen_want.erl"

	for i in "${!FIXTURE_DIRS[@]}"; do
		d=${FIXTURE_DIRS[$i]}
		out=$d/otp$r
		mods=()
		for f in "$work/src/$i"/*.erl; do
			[ -e "$f" ] || continue
			f=${f##*/}
			mods+=("${f%.erl}")
		done
		if [ ${#mods[@]} -eq 0 ]; then
			if [ -d "$out" ] && ! $check; then
				rm -rf "$out"
				say "  $d: no .erl left; removed $out"
			elif [ ! -d "$d" ]; then
				say "  $d: no such directory; skipped"
			fi
			continue
		fi

		# Compile, from inside a copy of D, in one erlc run.
		mkdir -p "$h/src/$i" "$h/out/$i"
		cp -p "$work/src/$i"/* "$h/src/$i/"
		in_release "$r" "cd '$in/src/$i' && erlc -W0 +deterministic -o '$in/out/$i' *.erl" ||
			die "OTP $r could not compile $d (errors above; file names are relative to $d)"

		if $check; then
			for m in "${mods[@]}"; do
				cmp -s "$h/out/$i/$m.beam" "$out/$m.beam" || stale+=("$out/$m.beam")
			done
			for f in "$out"/*.beam; do
				[ -e "$f" ] || continue
				m=${f##*/}
				[ -e "$h/out/$i/$m" ] || stale+=("$f (its .erl is gone)")
			done
			# The other releases' fixtures cannot be made here; say when they lag.
			for o in "$d"/otp[0-9][0-9]; do
				[ "$o" != "$out" ] && [ -d "$o" ] || continue
				lag=()
				for m in "${mods[@]}"; do [ -e "$o/$m.beam" ] || lag+=("$m.beam"); done
				for f in "$o"/*.beam; do
					[ -e "$f" ] || continue
					m=${f##*/}
					[ -e "$work/src/$i/${m%.beam}.erl" ] || lag+=("$m (its .erl is gone)")
				done
				[ ${#lag[@]} -eq 0 ] ||
					notes+=("$o lags behind its sources (${lag[*]}); run scripts/gen-fixtures.sh where the chroots are (scripts/otp-chroot.sh)")
			done
		else
			mkdir -p "$out"
			n_new=0 n_upd=0 n_rm=0
			for m in "${mods[@]}"; do
				if [ ! -e "$out/$m.beam" ]; then
					n_new=$((n_new + 1))
				elif cmp -s "$h/out/$i/$m.beam" "$out/$m.beam"; then
					continue
				else
					n_upd=$((n_upd + 1))
				fi
				cp "$h/out/$i/$m.beam" "$out/$m.beam"
			done
			for f in "$out"/*.beam; do
				[ -e "$f" ] || continue
				m=${f##*/}
				m=${m%.beam}
				# Stale only when its source is gone now (not merely new since we started).
				[ -e "$d/$m.erl" ] || { rm "$f"; n_rm=$((n_rm + 1)); }
			done
			say "  $out: ${#mods[@]} modules; $n_new new, $n_upd updated, $n_rm removed"
		fi

		is_want_dir "$d" || continue
		[ "$r" = 25 ] || ! want_25_only "$d" || continue

		# Run the programs (see scripts/gen_want.erl), twice to spot unstable ones
		# (--check only reruns those whose output does not match). A program that
		# fails (raises, times out, dies) gets NAME.failed instead of NAME.want,
		# and its files are left as they are.
		status=0
		run_programs "$r" "$i" run1 || status=$?
		[ "$status" -le 1 ] || die "could not run the programs of $d on OTP $r (see above)"
		ran=()
		for f in "$h/run1/$i"/*.want; do
			[ -e "$f" ] || continue
			f=${f##*/}
			ran+=("${f%.want}")
		done
		if $check || [ ${#ran[@]} -eq 0 ]; then
			mkdir -p "$h/run2" && cp -r "$h/run1/$i" "$h/run2/"
		else
			run_programs "$r" "$i" run2 "${ran[@]}" 2>/dev/null || true
		fi

		# Each program's output is compared with its .otpNN.want if there is one,
		# else with its .want.
		declare -A flaky=() ref=() failed=()
		progs=()
		for f in "$h/run1/$i"/*.want "$h/run1/$i"/*.failed; do
			[ -e "$f" ] || continue
			m=${f##*/}
			m=${m%.*}
			progs+=("$m")
			if [[ $f == *.failed ]]; then
				failed[$m]=1
				failures+=("OTP $r: $d/$m.erl: $(head -n 1 "$f")")
				continue
			fi
			if [ "$r" = 25 ] || [ ! -e "$d/$m.otp$r.want" ]; then
				ref[$m]=$d/$m.want
			else
				ref[$m]=$d/$m.otp$r.want
			fi
			cmp -s "$f" "$h/run2/$i/$m.want" || flaky[$m]=1
		done
		# A program that prints something new may be unstable rather than changed:
		# run those a few more times, each in an erl of its own, before believing them.
		suspects=()
		for m in ${progs[@]+"${progs[@]}"}; do
			[ -z "${failed[$m]:-}" ] && [ -z "${flaky[$m]:-}" ] && [ -e "${ref[$m]}" ] &&
				! cmp -s "$h/run1/$i/$m.want" "${ref[$m]}" && suspects+=("$m")
		done
		if [ ${#suspects[@]} -gt 0 ]; then
			for k in 1 2 3 4 5; do
				# Two at a time: each is a row of single-program erls.
				run_programs "$r" "$i" "rerun$k" @alone "${suspects[@]}" 2>/dev/null &
				[ $((k % 2)) = 1 ] || wait
			done
			wait
			for k in 1 2 3 4 5; do
				for m in "${suspects[@]}"; do
					cmp -s "$h/run1/$i/$m.want" "$h/rerun$k/$i/$m.want" || flaky[$m]=1
				done
			done
		fi
		for m in ${progs[@]+"${progs[@]}"}; do
			[ -z "${flaky[$m]:-}" ] || unstable+=("OTP $r: $d/$m.erl")
		done

		# gone M SUFFIX: M's file in D is stale: its source is gone, or it is
		# no longer a program (compiled now, but neither ran nor failed).
		gone() {
			[ ! -e "$d/$1.erl" ] ||
				{ [ -e "$work/src/$i/$1.erl" ] && [ ! -e "$h/run1/$i/$1.want" ] && [ ! -e "$h/run1/$i/$1.failed" ]; }
		}

		if [ "$r" = 25 ]; then
			if $check; then
				for m in ${progs[@]+"${progs[@]}"}; do
					[ -z "${flaky[$m]:-}" ] && [ -z "${failed[$m]:-}" ] || continue
					cmp -s "$h/run1/$i/$m.want" "$d/$m.want" || stale+=("$d/$m.want")
				done
				for f in "$d"/*.want; do
					[[ $f == *.otp[0-9][0-9].want ]] && continue
					[ -e "$f" ] || continue
					m=${f##*/}
					gone "${m%.want}" && stale+=("$f (no such program any more)")
				done
			else
				n_new=0 n_upd=0 n_rm=0
				for m in ${progs[@]+"${progs[@]}"}; do
					[ -z "${failed[$m]:-}" ] || continue
					f=$d/$m.want
					if [ ! -e "$f" ]; then
						n_new=$((n_new + 1))
						say "    new $f"
					elif cmp -s "$h/run1/$i/$m.want" "$f" || [ -n "${flaky[$m]:-}" ]; then
						continue
					else
						n_upd=$((n_upd + 1))
						say "    updated $f"
					fi
					cp "$h/run1/$i/$m.want" "$f"
				done
				for f in "$d"/*.want; do
					[[ $f == *.otp[0-9][0-9].want ]] && continue
					[ -e "$f" ] || continue
					m=${f##*/}
					if gone "${m%.want}"; then
						say "    removed $f"
						rm "$f"
						n_rm=$((n_rm + 1))
					fi
				done
				say "  $d: ${#progs[@]} programs; .want files: $n_new new, $n_upd updated, $n_rm removed"
			fi
		else
			n=0
			for m in ${progs[@]+"${progs[@]}"}; do
				[ -z "${failed[$m]:-}" ] || continue
				if [ -n "${flaky[$m]:-}" ] || otp25_order "$m"; then
					# No stable answer on this release: tests fall back on OTP 25's.
					[ -e "$d/$m.otp$r.want" ] && say "    removed $d/$m.otp$r.want (unstable)"
					rm -f "$d/$m.otp$r.want"
					continue
				fi
				if [ -e "$d/$m.want" ] && cmp -s "$h/run1/$i/$m.want" "$d/$m.want"; then
					[ -e "$d/$m.otp$r.want" ] && say "    removed $d/$m.otp$r.want (same as OTP 25 now)"
					rm -f "$d/$m.otp$r.want"
				else
					cmp -s "$h/run1/$i/$m.want" "$d/$m.otp$r.want" || cp "$h/run1/$i/$m.want" "$d/$m.otp$r.want"
					differs+=("OTP $r: $d/$m.otp$r.want")
					n=$((n + 1))
				fi
			done
			for f in "$d"/*.otp"$r".want; do
				[ -e "$f" ] || continue
				m=${f##*/}
				if gone "${m%.otp"$r".want}"; then
					say "    removed $f"
					rm "$f"
				fi
			done
			say "  $d: ${#progs[@]} programs; $n print something different from OTP 25"
		fi
		unset flaky ref failed
	done
	say "  OTP $r: $((SECONDS - t0)) s"
done

if [ ${#differs[@]} -gt 0 ]; then
	say ""
	say "Programs that print something different from OTP 25's .want:"
	printf '  %s\n' "${differs[@]}"
fi
if [ ${#unstable[@]} -gt 0 ]; then
	say ""
	say "Unstable programs: they printed something different when run again, so their .want"
	say "was left as it was, their .otpNN.want removed, and --check ignores them; make their"
	say "output deterministic:"
	printf '  %s\n' "${unstable[@]}"
fi
if [ ${#failures[@]} -gt 0 ]; then
	say ""
	say "Programs that raised, timed out or died (their files were left as they were):"
	printf '  %s\n' "${failures[@]}"
fi
if $check; then
	if [ ${#notes[@]} -gt 0 ]; then
		say ""
		say "Note (not a failure):"
		printf '  %s\n' "${notes[@]}"
	fi
	if [ ${#stale[@]} -gt 0 ]; then
		say ""
		say "FAIL: committed fixtures differ from what OTP 25 makes of their sources:"
		printf '  %s\n' "${stale[@]}"
		say "Fix: run 'scripts/gen-fixtures.sh --otp 25' and commit the changes."
		exit 1
	fi
	say "fixtures are up to date ($((SECONDS - t_start)) s)"
fi
[ ${#failures[@]} -eq 0 ] || exit 1
