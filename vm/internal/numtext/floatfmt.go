package numtext

import (
	"math"
	"strconv"
)

// FloatFormat selects the notation of float_to_list/2 and float_to_binary/2.
type FloatFormat uint8

const (
	// FormatLegacy is the notation used without any of the short, decimals
	// or scientific options: the same as float_to_list/1,
	// "1.00000000000000000000e+00" (C's "%.20e").
	FormatLegacy FloatFormat = iota
	// FormatDecimals is {decimals, N}: fixed notation with N decimals.
	FormatDecimals
	// FormatScientific is {scientific, N}: C's "%.*e" with N decimals.
	FormatScientific
	// FormatShort is short: see FormatFloatShort.
	FormatShort
)

// FloatOpts is the decoded option list of float_to_list/2 and
// float_to_binary/2.
//
// Build it by walking the Erlang option list from head to tail, starting from
// the zero value:
//
//   - compact           -> Compact = true
//   - short             -> Format = FormatShort
//   - {decimals, N}     -> Format = FormatDecimals, Precision = N
//   - {scientific, N}   -> Format = FormatScientific, Precision = N
//
// Anything else, an improper list, or an N that is not a small integer
// (any bignum) is badarg. So the last of short/decimals/scientific wins
// ([{decimals,2},short] is short, [short,{decimals,2}] is decimals), and
// compact may appear anywhere: it only affects FormatDecimals and is
// ignored otherwise. Precision is the value of the last tuple and is kept
// even when a later short overrides the format, exactly as in OTP.
type FloatOpts struct {
	Format    FloatFormat
	Precision int64
	Compact   bool
}

// maxFloatText is the length limit of OTP's float formatting buffer
// (256 bytes including the terminating NUL): a result of 256 characters or
// more is badarg.
const maxFloatText = 255

// FormatFloatLegacy returns float_to_list(F) / float_to_binary(F): the value
// with 21 significant digits in C's "%.20e" notation, e.g.
// "1.00000000000000005551e-01", "-0.00000000000000000000e+00",
// "1.00000000000000005250e+300".
func FormatFloatLegacy(f float64) string {
	return strconv.FormatFloat(f, 'e', 20, 64)
}

// FormatFloatDisplay returns how erlang:display/1 prints a float in OTP 25:
// C's "%e", i.e. six decimals and an exponent of at least two digits
// ("1.000000e-01", "-0.000000e+00", "4.940656e-324").
func FormatFloatDisplay(f float64) string {
	return strconv.FormatFloat(f, 'e', 6, 64)
}

// FormatFloat implements float_to_list/2 and float_to_binary/2 (both produce
// the same characters).
//
// Rules, all as in OTP 25:
//
//   - FormatLegacy: FormatFloatLegacy(f); Precision and Compact are ignored.
//   - FormatShort: FormatFloatShort(f).
//   - FormatScientific: C's "%.*e" with Precision decimals, correctly
//     rounded (ties to even on the exact binary value: {scientific,0} of 2.5
//     is "2e+00"). No decimal point when Precision is 0 ("1e+00"). A negative
//     Precision is not an error: like C it means the default, 6 decimals.
//     Compact is ignored.
//   - FormatDecimals: fixed notation with Precision decimals; negative is
//     badarg. No decimal point when Precision is 0. When |f| <= 2^53 and
//     Precision < 19, OTP rounds with double arithmetic, half away from zero:
//     round(frac(|f|) * 10^N), so 0.125 with 2 decimals is "0.13" and 2.5
//     with 0 decimals is "3" (while 1.005 is "1.00": its exact value is
//     below 1.005). Otherwise the exactly rounded C "%.*f" result is used.
//     Compact removes trailing zeros but keeps one digit after the point
//     ("1.0"); quirk: for |f| > 2^53 with 0 decimals it strips the integer's
//     trailing zeros too (1.0e20 gives "1").
//   - Any result of 256 characters or more is badarg (OTP formats into a
//     256-byte buffer). That is where the documented limits come from:
//     {decimals,253} works for 1.0 but not for -1.0 or 10.0, {decimals,0} is
//     badarg for 1.0e300, {scientific,249} works for 1.0 but not -1.0 or
//     1.0e100. For decimals the limit applies before compact strips zeros.
//
// OTP stores Precision in a C int, so only its low 32 bits count (two's
// complement); this function does the same. (Values whose low 32 bits are
// near 2^31 crash the real OTP 25 VM; here they are simply too long, hence
// badarg.)
func FormatFloat(f float64, opts FloatOpts) (string, error) {
	b, err := AppendFloat(nil, f, opts)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// AppendFloat appends the FormatFloat result to dst. On error dst is
// returned unchanged.
func AppendFloat(dst []byte, f float64, opts FloatOpts) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, ErrBadArg
	}
	prec := int64(int32(opts.Precision))
	switch opts.Format {
	case FormatShort:
		return AppendFloatShort(dst, f), nil
	case FormatScientific:
		if prec < 0 {
			prec = 6
		}
		// The result has at least prec+5 characters ("d.", the decimals,
		// "e+dd"); avoid building absurdly long strings.
		if prec > maxFloatText {
			return dst, ErrBadArg
		}
		n := len(dst)
		dst = strconv.AppendFloat(dst, f, 'e', int(prec), 64)
		if len(dst)-n > maxFloatText {
			return dst[:n], ErrBadArg
		}
		return dst, nil
	case FormatDecimals:
		return appendDecimals(dst, f, prec, opts.Compact)
	default:
		return strconv.AppendFloat(dst, f, 'e', 20, 64), nil
	}
}

// pow10tab holds the exact doubles 1e0 .. 1e18.
var pow10tab = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
}

func appendDecimals(dst []byte, f float64, decimals int64, compact bool) ([]byte, error) {
	if decimals < 0 {
		return dst, ErrBadArg
	}
	n := len(dst)
	af := math.Abs(f)
	if af > 1<<53 || decimals >= int64(len(pow10tab)) {
		// Exact C "%.*f".
		if decimals > maxFloatText {
			return dst, ErrBadArg
		}
		dst = strconv.AppendFloat(dst, f, 'f', int(decimals), 64)
		if len(dst)-n > maxFloatText {
			return dst[:n], ErrBadArg
		}
		if compact {
			dst = stripZeros(dst, n)
		}
		return dst, nil
	}
	if math.Signbit(f) {
		dst = append(dst, '-')
	}
	if decimals == 0 {
		return strconv.AppendUint(dst, uint64(math.Round(af)), 10), nil
	}
	p := pow10tab[decimals]
	intF := math.Floor(af)
	fracF := math.Round(float64(float64(af-intF) * p))
	intPart, fracPart := uint64(intF), uint64(fracF)
	if fracF >= p {
		intPart++
		fracPart = 0
	}
	dst = strconv.AppendUint(dst, intPart, 10)
	dst = append(dst, '.')
	var fb [20]byte
	fs := strconv.AppendUint(fb[:0], fracPart, 10)
	for i := int64(len(fs)); i < decimals; i++ {
		dst = append(dst, '0')
	}
	dst = append(dst, fs...)
	if compact {
		dst = stripZeros(dst, n)
	}
	return dst, nil
}

// stripZeros removes trailing '0's from dst[start:], keeping one if it
// follows a '.'. Like OTP it does not look for the '.' first, so an integer
// loses its trailing zeros too.
func stripZeros(dst []byte, start int) []byte {
	end := len(dst)
	for end > start+1 && dst[end-1] == '0' {
		end--
	}
	if dst[end-1] == '.' {
		end++
	}
	return dst[:end]
}
