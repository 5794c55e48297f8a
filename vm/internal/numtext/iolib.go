package numtext

import (
	"math"
	"strconv"
)

// The io_lib ~e, ~f and ~g conversions of OTP 25 do not use C's printf.
// They start from the 21 significant digits of float_to_list/1 ("%.20e",
// correctly rounded) and round that digit string a second time, looking only
// at the first dropped digit: >= '5' rounds up (half up, no sticky digits).
// Digits beyond the 21st are printed as zeros. Precision is the value given
// in the format (~.Pf); the default when none is given is 6.

// floatData returns the 21 significant digits of |f| as printed by
// float_to_list/1 and the exponent e such that |f| ~= 0.DIGITS * 10^e.
func floatData(f float64) ([]byte, int) {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], math.Abs(f), 'e', 20, 64)
	ds := make([]byte, 0, 21)
	i := 0
	for ; s[i] != 'e'; i++ {
		if s[i] != '.' {
			ds = append(ds, s[i])
		}
	}
	exp, _ := strconv.Atoi(string(s[i+1:]))
	return ds, exp + 1
}

// roundDigits returns the first n digits of ds (padded with '0' when ds is
// shorter), rounded half up on the digit ds[n], and whether the rounding
// carried out of the first digit (all digits then read '0').
func roundDigits(ds []byte, n int) ([]byte, bool) {
	out := make([]byte, n)
	for i := range out {
		if i < len(ds) {
			out[i] = ds[i]
		} else {
			out[i] = '0'
		}
	}
	if n >= len(ds) || ds[n] < '5' {
		return out, false
	}
	for i := n - 1; i >= 0; i-- {
		if out[i] != '9' {
			out[i]++
			return out, false
		}
		out[i] = '0'
	}
	return out, true
}

func appendSign(dst []byte, f float64) []byte {
	if math.Signbit(f) {
		return append(dst, '-')
	}
	return dst
}

// FormatExp returns io_lib:format("~.Pe", [F]): prec significant digits
// (one before the point), then "e" and the exponent with an explicit sign
// but no padding: FormatExp(1.0, 6) is "1.00000e+0", FormatExp(0.001, 3) is
// "1.00e-3". prec must be at least 2 (a smaller precision makes
// io_lib:format fail with badarg); the default precision is 6.
func FormatExp(f float64, prec int) (string, error) {
	if prec < 2 || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", ErrBadArg
	}
	ds, e := floatData(f)
	m, carry := roundDigits(ds, prec)
	if carry {
		m[0] = '1'
	} else {
		e--
	}
	out := appendSign(make([]byte, 0, prec+8), f)
	out = append(out, m[0], '.')
	out = append(out, m[1:]...)
	out = append(out, 'e')
	if e >= 0 {
		out = append(out, '+')
	}
	out = strconv.AppendInt(out, int64(e), 10)
	return string(out), nil
}

// FormatFixed returns io_lib:format("~.Pf", [F]): fixed notation with prec
// decimals ("0.100000" for ~f of 0.1). prec must be at least 1; the default
// precision is 6. Only the 21 significant digits of float_to_list/1 are
// used and later positions print as zeros: FormatFixed(1.0e30, 1) is
// "1000000000000000019880000000000.0" although the exact value is
// 1000000000000000019884624838656.
func FormatFixed(f float64, prec int) (string, error) {
	if prec < 1 || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", ErrBadArg
	}
	ds, e := floatData(f)
	if e <= 0 {
		// Prepend 1-e zeros so that there is one integer digit.
		z := make([]byte, 1-e, 1-e+len(ds))
		for i := range z {
			z[i] = '0'
		}
		ds = append(z, ds...)
		e = 1
	}
	m, carry := roundDigits(ds, e+prec)
	out := appendSign(make([]byte, 0, len(m)+3), f)
	if carry {
		out = append(out, '1')
	}
	out = append(out, m[:e]...)
	out = append(out, '.')
	out = append(out, m[e:]...)
	return string(out), nil
}

// FormatG returns io_lib:format("~.Pg", [F]). prec (at least 1; default 6)
// is the number of significant digits. Values with 0.1 <= |F| < 10000 use
// ~f with enough decimals for prec significant digits when that is possible
// (e.g. FormatG(123.456, 6) is "123.456"); all others use ~e with prec
// digits (at least 2). In detail, with E = floor(log10(|F|)) computed by
// comparing |F| with 0.1, 1, 10, 100, 1000 and 10000 (E = -2 below 0.1):
// if (prec <= 1 and E == -1) or (-1 <= E < prec-1) it is ~.(prec-1-E)f,
// otherwise ~.max(prec,2)e. 0.0 is below 0.1, so it prints as "0.00000e+0".
func FormatG(f float64, prec int) (string, error) {
	if prec < 1 || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", ErrBadArg
	}
	a := math.Abs(f)
	e, small := 0, true
	switch {
	case a < 0.1:
		e = -2
	case a < 1:
		e = -1
	case a < 10:
		e = 0
	case a < 100:
		e = 1
	case a < 1000:
		e = 2
	case a < 10000:
		e = 3
	default:
		small = false
	}
	if small && ((prec <= 1 && e == -1) || (prec-1 > e && e >= -1)) {
		return FormatFixed(f, prec-1-e)
	}
	if prec <= 1 {
		return FormatExp(f, 2)
	}
	return FormatExp(f, prec)
}
