package vm

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/avmtool/avm/vm/term"
)

// inet's address text functions, as OTP's inet_parse reads and writes
// addresses.

func init() {
	register("inet",
		Native{Function: "ntoa", Arity: 1, Fn: nifInetNtoa,
			Doc: "ntoa(Addr): the text of an IPv4 or IPv6 address tuple, or {error, einval}"},
		Native{Function: "parse_address", Arity: 1, Fn: inetParser(parseIPAddress),
			Doc: "parse_address(Text): {ok, Addr} of an IPv4 (also short forms as \"127.1\") or IPv6 address, or {error, einval}"},
		Native{Function: "parse_strict_address", Arity: 1, Fn: inetParser(parseIPStrict),
			Doc: "parse_strict_address(Text): {ok, Addr} of a dotted-quad IPv4 or an IPv6 address, or {error, einval}"},
		Native{Function: "parse_ipv4_address", Arity: 1, Fn: inetParser(parseIPv4),
			Doc: "parse_ipv4_address(Text): {ok, {A,B,C,D}} of an IPv4 address (short forms, octal and hex fields accepted), or {error, einval}"},
		Native{Function: "parse_ipv4strict_address", Arity: 1, Fn: inetParser(parseIPv4Strict),
			Doc: "parse_ipv4strict_address(Text): {ok, {A,B,C,D}} of a dotted-quad decimal IPv4 address, or {error, einval}"},
		Native{Function: "parse_ipv6_address", Arity: 1, Fn: inetParser(parseIPv6),
			Doc: "parse_ipv6_address(Text): {ok, Addr} of an IPv6 address (an IPv4 one gives its IPv4-mapped form), or {error, einval}"},
		Native{Function: "parse_ipv6strict_address", Arity: 1, Fn: inetParser(parseIPv6Strict),
			Doc: "parse_ipv6strict_address(Text): {ok, Addr} of an IPv6 address, or {error, einval}"},
	)
}

func inetParser(parse func(string) (netip.Addr, bool)) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		s, ok := charListString(h, args[0])
		if !ok {
			return errorTuple(h, atomEinval)
		}
		a, ok := parse(s)
		if !ok {
			return errorTuple(h, atomEinval)
		}
		return h.Tuple(term.AtomOk, addrTerm(h, a))
	}
}

func parseIPAddress(s string) (netip.Addr, bool) {
	if a, ok := parseIPv4(s); ok {
		return a, true
	}
	return parseIPv6Strict(s)
}

func parseIPStrict(s string) (netip.Addr, bool) {
	if a, ok := parseIPv4Strict(s); ok {
		return a, true
	}
	return parseIPv6Strict(s)
}

// parseIPv4 reads one to four fields; the last fills the bytes left, as in
// inet_aton: "127.1" is 127.0.0.1. Fields are decimal, octal (leading 0)
// or hexadecimal (0x).
func parseIPv4(s string) (netip.Addr, bool) {
	fields := strings.Split(s, ".")
	if len(fields) > 4 {
		return netip.Addr{}, false
	}
	var v uint64
	for i, f := range fields {
		n, err := strconv.ParseUint(f, 0, 32)
		if err != nil || f == "" || f[0] == '+' || strings.Contains(f, "_") {
			return netip.Addr{}, false
		}
		last := i == len(fields)-1
		limit := uint64(255)
		if last {
			limit = 1<<(8*(4-i)) - 1
		}
		if n > limit {
			return netip.Addr{}, false
		}
		if last {
			v = v<<(8*(4-i)) | n
		} else {
			v = v<<8 | n
		}
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// parseIPv4Strict reads exactly four decimal fields, without leading zeros.
func parseIPv4Strict(s string) (netip.Addr, bool) {
	fields := strings.Split(s, ".")
	if len(fields) != 4 {
		return netip.Addr{}, false
	}
	var b [4]byte
	for i, f := range fields {
		if f == "" || len(f) > 3 || strings.Trim(f, "0123456789") != "" || (len(f) > 1 && f[0] == '0') {
			return netip.Addr{}, false
		}
		n, _ := strconv.Atoi(f)
		if n > 255 {
			return netip.Addr{}, false
		}
		b[i] = byte(n)
	}
	return netip.AddrFrom4(b), true
}

func parseIPv6(s string) (netip.Addr, bool) {
	if a, ok := parseIPv4(s); ok {
		return netip.AddrFrom16(a.As16()), true
	}
	return parseIPv6Strict(s)
}

// parseIPv6Strict reads an IPv6 address; a scope (%eth0) is dropped.
func parseIPv6Strict(s string) (netip.Addr, bool) {
	if !strings.Contains(s, ":") {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is6() {
		return netip.Addr{}, false
	}
	return a.WithZone(""), true
}

func nifInetNtoa(p *Process, args []term.Term) term.Term {
	h := p.heap
	a, ok := addrArg(h, args[0])
	if !ok {
		return errorTuple(h, atomEinval)
	}
	return charList(h, ntoa(a))
}

// ntoa writes an address as OTP does: IPv6 in lower-case hex with the
// longest run of two or more zero words as "::", and IPv4-compatible and
// IPv4-mapped addresses ending in dotted decimal.
func ntoa(a netip.Addr) string {
	if a.Is4() {
		return a.String()
	}
	b := a.As16()
	var w [8]uint16
	for i := range w {
		w[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	if w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && (w[5] == 0xffff || (w[5] == 0 && w[6] != 0)) {
		v4 := netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}).String()
		if w[5] == 0xffff {
			return "::ffff:" + v4
		}
		return "::" + v4
	}
	start, n := -1, 0
	for i := 0; i < 8; {
		if w[i] != 0 {
			i++
			continue
		}
		j := i
		for j < 8 && w[j] == 0 {
			j++
		}
		if j-i > n {
			start, n = i, j-i
		}
		i = j
	}
	hex := func(ws []uint16) string {
		parts := make([]string, len(ws))
		for i, x := range ws {
			parts[i] = strconv.FormatUint(uint64(x), 16)
		}
		return strings.Join(parts, ":")
	}
	if n < 2 {
		return hex(w[:])
	}
	return hex(w[:start]) + "::" + hex(w[start+n:])
}
