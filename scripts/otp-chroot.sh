#!/usr/bin/env bash
# otp-chroot.sh — make a Debian chroot holding a real Erlang/OTP of another release.
#
#   scripts/otp-chroot.sh trixie|forky [DIR]
#
#   trixie → OTP 27.3 (Elixir 1.18), forky → OTP 29.1 (Elixir 1.20).
#   DIR defaults to /var/cache/avm/chroot-<release>.
#
# The chroot's erlc/erl/elixirc compile fixtures of that release and serve as
# the oracle (scripts/gen-fixtures.sh uses them). See DESIGN.md, "Other OTP
# releases". Needs root. Idempotent: does nothing when erlc already works in
# DIR, and resumes a half-made chroot.
#
# Environment:
#   AVM_DEBIAN_MIRROR  Debian mirror for debootstrap (default: the one in this
#                      machine's /etc/apt/sources.list(.d), else deb.debian.org)
set -euo pipefail

prog=scripts/otp-chroot.sh
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 1; }
say() { printf '==> %s\n' "$*" >&2; }

usage() {
	cat >&2 <<EOF
usage: $prog trixie|forky [DIR]

Makes a Debian chroot with that release's Erlang/OTP (trixie: OTP 27, forky: OTP 29)
in DIR (default /var/cache/avm/chroot-<release>). Needs root.
EOF
	exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
release=$1
case $release in
trixie | forky) ;;
-h | --help) usage ;;
*) die "unknown release '$release': want trixie (OTP 27) or forky (OTP 29)" ;;
esac
dir=${2:-/var/cache/avm/chroot-$release}
[ "$(id -u)" = 0 ] || die "must run as root (debootstrap and chroot need it): sudo $prog $*"

start=$SECONDS
apt_opts=(-o Acquire::Check-Valid-Until=false -o Dpkg::Use-Pty=0 -o APT::Color=0)

# otp_release DIR: prints the OTP release of the erl in the chroot, fails if none works.
otp_release() {
	[ -x "$1/usr/bin/erlc" ] || return 1
	chroot "$1" /usr/bin/erl -noshell -eval 'io:format("~s",[erlang:system_info(otp_release)]),halt().' 2>/dev/null
}

# mounted_under DIR: succeeds when something is mounted at or below DIR.
mounted_under() {
	local real
	real=$(realpath -m "$1")
	awk -v d="$real" '$2 == d || index($2, d "/") == 1 { found = 1 } END { exit !found }' /proc/mounts
}

if rel=$(otp_release "$dir"); then
	say "$dir already has OTP $rel ($(cat "$dir"/usr/lib/erlang/releases/*/OTP_VERSION 2>/dev/null | head -1)); nothing to do"
	exit 0
fi

# The Debian mirror: the one apt uses here (it is the one that works on this
# machine), for the host's own suite.
mirror() {
	if [ -n "${AVM_DEBIAN_MIRROR:-}" ]; then
		echo "$AVM_DEBIAN_MIRROR"
		return
	fi
	local codename files m
	codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
	files=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
	# shellcheck disable=SC2086
	m=$([ -n "$files" ] && awk -v suite="$codename" '
		/^[ \t]*#/ { next }
		# one-line format: deb [opts] URI suite components...
		$1 == "deb" {
			i = 2
			if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
			if ($(i+1) == suite) { print $i; exit }
			next
		}
		# deb822 format: stanzas separated by blank lines
		/^URIs:/ { uris = $2 }
		/^Suites:/ { for (j = 2; j <= NF; j++) if ($j == suite) hit = 1 }
		/^[ \t]*$/ { if (hit && uris != "") { print uris; exit } uris = ""; hit = 0 }
		END { if (hit && uris != "") print uris }
	' $files | head -1)
	echo "${m:-http://deb.debian.org/debian}"
}

mnt=()
cleanup() {
	local i
	for ((i = ${#mnt[@]} - 1; i >= 0; i--)); do
		umount "${mnt[i]}" 2>/dev/null || umount -l "${mnt[i]}" 2>/dev/null || true
	done
}
trap cleanup EXIT

# 1. debootstrap
if ! command -v debootstrap >/dev/null; then
	say "installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap >/dev/null ||
		die "could not install debootstrap: run 'apt-get update' and retry"
fi
script_dir=/usr/share/debootstrap/scripts
if [ ! -e "$script_dir/$release" ]; then
	# bookworm's debootstrap predates forky; forky bootstraps like sid.
	say "linking $script_dir/$release -> sid (this debootstrap predates $release)"
	ln -s sid "$script_dir/$release"
fi

if [ -d "$dir/debootstrap" ] || [ ! -x "$dir/usr/bin/apt-get" ]; then
	if [ -d "$dir/debootstrap" ]; then
		# debootstrap removes this directory when it finishes.
		mounted_under "$dir" && die "$dir holds mounts; unmount them (see /proc/mounts) and retry"
		say "removing the unfinished chroot in $dir"
		rm -rf --one-file-system "$dir"
	elif [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
		die "$dir is not empty and holds no chroot; give an empty or new directory"
	fi
	mkdir -p "$dir"
	url=$(mirror)
	say "debootstrap --variant=minbase $release $dir $url (a few minutes)"
	log=$(dirname "$dir")/debootstrap-$release.log
	set +e
	debootstrap --variant=minbase "$release" "$dir" "$url" 2>&1 | tee "$log" |
		{ grep --line-buffered -E '^(I: (Retrieving InRelease|Checking Release|Resolving dependencies of required|Installing core|Unpacking required|Configuring required|Unpacking the base|Base system)|E:|W:)' >&2 || true; }
	status=${PIPESTATUS[0]}
	set -e
	if [ "$status" != 0 ]; then
		tail -n 20 "$log" >&2
		die "debootstrap failed (full log: $log; $dir/debootstrap/debootstrap.log); check that $url serves $release, or set AVM_DEBIAN_MIRROR"
	fi
	rm -f "$log"
	say "base system ready after $((SECONDS - start)) s"
else
	say "base system already in $dir"
fi

# 2. Erlang/OTP inside the chroot
cp -L /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
# Keep package scripts from starting services (epmd) in the chroot.
printf '#!/bin/sh\nexit 101\n' >"$dir/usr/sbin/policy-rc.d"
chmod 755 "$dir/usr/sbin/policy-rc.d"
if ! mountpoint -q "$dir/proc"; then
	mount -t proc proc "$dir/proc" && mnt+=("$dir/proc")
fi

# in_chroot_apt ARGS...: runs apt-get in the chroot, showing only progress lines;
# the full output goes to $dir/var/log/avm-apt.log.
in_chroot_apt() {
	local log=$dir/var/log/avm-apt.log status
	set +e
	chroot "$dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -q "$@" </dev/null 2>&1 |
		tee -a "$log" | { grep --line-buffered -E '^(Get:|Setting up|E:|W:|Err:)' >&2 || true; }
	status=${PIPESTATUS[0]}
	set -e
	if [ "$status" != 0 ]; then
		tail -n 15 "$log" >&2
		die "'apt-get $*' failed inside $dir (full log: $log)"
	fi
}
: >"$dir/var/log/avm-apt.log"
say "apt-get update in the chroot"
in_chroot_apt update
say "apt-get install erlang-base erlang-dev elixir in the chroot"
in_chroot_apt install -y erlang-base erlang-dev elixir
chroot "$dir" apt-get clean

rel=$(otp_release "$dir") || die "erl does not run inside $dir after installation"
cleanup
mnt=()
say "done: $dir has OTP $rel ($(cat "$dir"/usr/lib/erlang/releases/*/OTP_VERSION | head -1)), $(du -sh --one-file-system "$dir" | cut -f1), $((SECONDS - start)) s"
