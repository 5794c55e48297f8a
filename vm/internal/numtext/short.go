package numtext

import (
	"math"
	"strconv"
)

// FormatFloatShort returns the shortest text that reads back as f, in the
// form OTP 25 prints it: float_to_list(F, [short]), float_to_binary(F,
// [short]) and io_lib:format("~w" / "~p", [F]) all produce this string.
//
// The digits are the shortest round-trip digits (Ryu). OTP then chooses
// between plain notation ("0.001", "100.0", "123.456") and scientific
// notation ("1.0e-5", "1.0e3", "1.2e20"): the shorter of the two is used and
// plain notation wins a tie. The scientific exponent has no '+' and no
// leading zeros, and the mantissa always has a fraction part (".0" if
// necessary). One exception: a value whose magnitude is 2^53 or more
// (9007199254740992.0) is always written in scientific notation, even when
// the plain form would be shorter ("9.007199254740992e15",
// "1.2345678899999998e16").
//
// Non-finite values (which BEAM never creates) give "inf", "-inf" or "nan".
func FormatFloatShort(f float64) string {
	return string(AppendFloatShort(nil, f))
}

// AppendFloatShort appends FormatFloatShort(f) to dst.
func AppendFloatShort(dst []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "nan"...)
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	}
	if math.Signbit(f) {
		dst = append(dst, '-')
		f = -f
	}
	// Shortest digits: "d.ddde±xx" (or "de±xx" for a single digit).
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, 64)
	var digits [17]byte
	n := 0
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[n] = e[i]
			n++
		}
	}
	sciExp := 0
	neg := e[i+1] == '-'
	for _, c := range e[i+2:] {
		sciExp = sciExp*10 + int(c-'0')
	}
	if neg {
		sciExp = -sciExp
	}
	return appendShort(dst, digits[:n], sciExp)
}

// appendShort lays out the shortest digits d (value = 0.d * 10^(sciExp+1),
// i.e. d[0].d[1:] * 10^sciExp) the way OTP 25 does.
func appendShort(dst, d []byte, sciExp int) []byte {
	olen := len(d)
	exp := sciExp - olen + 1 // value = digits-as-integer * 10^exp
	var lower, upper int
	switch {
	case olen == 1:
		lower, upper = -4, 2
	case sciExp >= 10:
		lower, upper = -(olen + 2), 2
	default:
		lower, upper = -(olen + 2), 1
	}
	plain := lower <= exp && exp <= upper
	if plain && exp >= 0 {
		// Values of 2^53 and above are always printed in scientific form.
		var out uint64
		for _, c := range d {
			out = out*10 + uint64(c-'0')
		}
		if (exp == 0 && out >= 1<<53) ||
			(exp == 1 && out > (1<<52)/5) ||
			(exp == 2 && out > (1<<51)/25) {
			plain = false
		}
	}
	if plain {
		whole := olen + exp // digits before the decimal point
		switch {
		case exp >= 0: // "17290.0"
			dst = append(dst, d...)
			for j := 0; j < exp; j++ {
				dst = append(dst, '0')
			}
			return append(dst, '.', '0')
		case whole > 0: // "17.29"
			dst = append(dst, d[:whole]...)
			dst = append(dst, '.')
			return append(dst, d[whole:]...)
		default: // "0.001729"
			dst = append(dst, '0', '.')
			for j := 0; j < -whole; j++ {
				dst = append(dst, '0')
			}
			return append(dst, d...)
		}
	}
	dst = append(dst, d[0], '.')
	if olen == 1 {
		dst = append(dst, '0')
	} else {
		dst = append(dst, d[1:]...)
	}
	dst = append(dst, 'e')
	return strconv.AppendInt(dst, int64(sciExp), 10)
}
