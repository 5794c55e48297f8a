package numtext

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// ParseFloat implements list_to_float/1 and binary_to_float/1 (both follow
// the same rules). s holds the characters as bytes; the caller has already
// rejected lists that are not proper lists of integers 0..255.
//
// OTP 25 rules:
//
//   - The text ends at the first NUL byte; whatever follows it is ignored
//     ("1.0\x00junk" is 1.0). This comes from OTP handing a C string to
//     strtod.
//   - Syntax: [+|-] digits ('.'|',') digits [('e'|'E') [+|-] digits], with
//     at least one digit on each side of the point and in the exponent.
//     So "1.0", "+1.0", "-1.0", "01.5", "1.0E+05" and "1,5" (a comma works as
//     the decimal point) are accepted; "1", "1e5", ".5", "1.", "1.e5", " 1.0",
//     "1.0 ", "1_0.0", "inf" and "nan" are not.
//   - With a comma, the part before it must not overflow on its own: a
//     400-digit integer part is badarg with "," even when the exponent
//     brings the value back into range (it is fine with ".").
//   - The value is correctly rounded. A result that overflows to infinity is
//     badarg ("1.0e309"); one that underflows is accepted and becomes a
//     subnormal or (signed) zero ("1.0e-400" is 0.0, "-1.0e-400" is -0.0).
//   - Length is unlimited.
func ParseFloat(s string) (float64, bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start || i == len(s) || (s[i] != '.' && s[i] != ',') {
		return 0, false
	}
	point := i
	i++
	start = i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	if s[point] == ',' {
		// OTP first runs strtod on the text as is, which stops at the
		// comma, and gives up if that already overflows; only then does it
		// retry with a '.'.
		if f, _ := strconv.ParseFloat(s[:point], 64); math.IsInf(f, 0) {
			return 0, false
		}
		s = s[:point] + "." + s[point+1:]
	}
	// The syntax checked above is a subset of what strconv accepts, and
	// strconv rounds correctly. It reports underflow as a zero without
	// error and overflow as ±Inf.
	f, err := strconv.ParseFloat(s, 64)
	if math.IsInf(f, 0) {
		return 0, false
	}
	if err != nil {
		return 0, false
	}
	return f, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digitVal returns the value of c as a digit in bases up to 36 (letters in
// either case), or 36 if c is not a digit.
func digitVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	}
	return 36
}

// ValidBase reports whether base is accepted by list_to_integer/2,
// binary_to_integer/2, integer_to_list/2 and integer_to_binary/2 (2..36).
func ValidBase(base int) bool { return 2 <= base && base <= 36 }

// ParseInteger implements list_to_integer/1,2 and binary_to_integer/1,2
// (use base 10 for the /1 forms).
//
// The result is returned as an int64 when it fits (b == nil) and as a
// *big.Int otherwise (b != nil, v == 0); ok is false where Erlang raises
// badarg. The caller decides which integers are "small" in its term
// representation.
//
// OTP 25 rules: base must be 2..36. The text is an optional single '+' or
// '-' followed by at least one digit of the base; letters are accepted in
// either case ("ff", "FF", "Ff" in base 16). Nothing else is allowed: no
// spaces, no underscores, no "0x"/"16#" prefix, no NUL. Leading zeros are
// fine and "-0" is 0. There is no length limit.
//
// For lists, OTP 25 turns each element into a byte by keeping its low 8
// bits, so list_to_integer([16#131]) is 1 and list_to_integer([$1, 256])
// is badarg (the 256 becomes a NUL byte); elements that are not small
// integers are badarg. The caller performs that conversion.
func ParseInteger(s string, base int) (v int64, b *big.Int, ok bool) {
	if !ValidBase(base) {
		return 0, nil, false
	}
	neg := false
	digits := s
	if len(digits) > 0 && (digits[0] == '+' || digits[0] == '-') {
		neg = digits[0] == '-'
		digits = digits[1:]
	}
	if len(digits) == 0 {
		return 0, nil, false
	}
	for i := 0; i < len(digits); i++ {
		if digitVal(digits[i]) >= base {
			return 0, nil, false
		}
	}
	// Fast path: accumulate as a negative number so that math.MinInt64 fits.
	var acc int64
	small := true
	lim := math.MinInt64 / int64(base)
	for i := 0; i < len(digits); i++ {
		d := int64(digitVal(digits[i]))
		if acc < lim {
			small = false
			break
		}
		acc *= int64(base)
		if acc < math.MinInt64+d {
			small = false
			break
		}
		acc -= d
	}
	if small {
		if !neg {
			if acc == math.MinInt64 {
				return 0, new(big.Int).Neg(big.NewInt(acc)), true
			}
			acc = -acc
		}
		return acc, nil, true
	}
	b, okb := new(big.Int).SetString(digits, base)
	if !okb {
		return 0, nil, false
	}
	if neg {
		b.Neg(b)
	}
	return 0, b, true
}

// FormatInteger implements integer_to_list/2 and integer_to_binary/2:
// i in base 2..36 with upper-case letters and a leading '-' for negative
// numbers ("-FF"). A bad base is ErrBadArg.
func FormatInteger(i *big.Int, base int) (string, error) {
	if !ValidBase(base) {
		return "", ErrBadArg
	}
	if i.IsInt64() {
		return FormatInt64(i.Int64(), base)
	}
	return toUpper(i.Text(base)), nil
}

// FormatInt64 is FormatInteger for an int64.
func FormatInt64(i int64, base int) (string, error) {
	if !ValidBase(base) {
		return "", ErrBadArg
	}
	return toUpper(strconv.FormatInt(i, base)), nil
}

func toUpper(s string) string {
	for j := 0; j < len(s); j++ {
		if 'a' <= s[j] && s[j] <= 'z' {
			return strings.ToUpper(s)
		}
	}
	return s
}
