package numtext

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// The otp*Table variables are generated from Erlang/OTP 25 by
// testdata/gentables.escript (see otp_tables_test.go).

func TestTablesRelease(t *testing.T) {
	if tablesOTPRelease != "25" {
		t.Fatalf("tables generated with OTP %s, want 25", tablesOTPRelease)
	}
}

func TestFormatFloatShort(t *testing.T) {
	for _, c := range otpShortTable {
		f := math.Float64frombits(c.bits)
		if got := FormatFloatShort(f); got != c.want {
			t.Errorf("FormatFloatShort(%#016x) = %q, OTP %q", c.bits, got, c.want)
		}
		got, err := FormatFloat(f, FloatOpts{Format: FormatShort})
		if err != nil || got != c.want {
			t.Errorf("FormatFloat(%#016x, short) = %q, %v, OTP %q", c.bits, got, err, c.want)
		}
	}
}

func TestFormatFloatLegacy(t *testing.T) {
	for _, c := range otpLegacyTable {
		f := math.Float64frombits(c.bits)
		if got := FormatFloatLegacy(f); got != c.want {
			t.Errorf("FormatFloatLegacy(%#016x) = %q, OTP %q", c.bits, got, c.want)
		}
		got, err := FormatFloat(f, FloatOpts{})
		if err != nil || got != c.want {
			t.Errorf("FormatFloat(%#016x, []) = %q, %v, OTP %q", c.bits, got, err, c.want)
		}
	}
}

func TestFormatFloatDisplay(t *testing.T) {
	for _, c := range otpDisplayTable {
		if got := FormatFloatDisplay(math.Float64frombits(c.bits)); got != c.want {
			t.Errorf("FormatFloatDisplay(%#016x) = %q, OTP %q", c.bits, got, c.want)
		}
	}
}

// erlOpts decodes an option list written as Erlang text, e.g.
// "[{decimals,2},compact]", the way a BIF walks the list.
func erlOpts(t *testing.T, s string) FloatOpts {
	t.Helper()
	var o FloatOpts
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	for s != "" {
		var item string
		if strings.HasPrefix(s, "{") {
			end := strings.IndexByte(s, '}')
			item, s = s[:end+1], s[end+1:]
		} else if i := strings.IndexByte(s, ','); i >= 0 {
			item, s = s[:i], s[i:]
		} else {
			item, s = s, ""
		}
		s = strings.TrimPrefix(s, ",")
		switch {
		case item == "compact":
			o.Compact = true
		case item == "short":
			o.Format = FormatShort
		case strings.HasPrefix(item, "{decimals,"), strings.HasPrefix(item, "{scientific,"):
			kv := strings.Split(strings.Trim(item, "{}"), ",")
			n, err := strconv.ParseInt(kv[1], 10, 64)
			if err != nil {
				t.Fatalf("bad option %q", item)
			}
			o.Precision = n
			o.Format = FormatDecimals
			if kv[0] == "scientific" {
				o.Format = FormatScientific
			}
		default:
			t.Fatalf("bad option %q", item)
		}
	}
	return o
}

func TestFormatFloatOptions(t *testing.T) {
	for _, c := range otpFloatOptsTable {
		f := math.Float64frombits(c.bits)
		got, err := FormatFloat(f, erlOpts(t, c.opts))
		if err != nil {
			got = "badarg"
		}
		if got != c.want {
			t.Errorf("FormatFloat(%#016x (%v), %s) = %q, OTP %q", c.bits, f, c.opts, got, c.want)
		}
		// AppendFloat must leave dst alone on error and append otherwise.
		b, err := AppendFloat([]byte("x"), f, erlOpts(t, c.opts))
		if (err == nil && string(b) != "x"+got) || (err != nil && string(b) != "x") {
			t.Errorf("AppendFloat(%#016x, %s) = %q, %v", c.bits, c.opts, b, err)
		}
	}
}

func TestFormatIolib(t *testing.T) {
	for _, c := range otpIolibTable {
		f := math.Float64frombits(c.bits)
		prec := 6
		verb := c.format[len(c.format)-1]
		if strings.HasPrefix(c.format, "~.") {
			prec, _ = strconv.Atoi(c.format[2 : len(c.format)-1])
		}
		var got string
		var err error
		switch verb {
		case 'e':
			got, err = FormatExp(f, prec)
		case 'f':
			got, err = FormatFixed(f, prec)
		case 'g':
			got, err = FormatG(f, prec)
		}
		if err != nil {
			got = "badarg"
		}
		if got != c.want {
			t.Errorf("io_lib %s of %#016x (%v): got %q, OTP %q", c.format, c.bits, f, got, c.want)
		}
	}
}

func TestParseFloat(t *testing.T) {
	for _, c := range otpParseFloatTable {
		f, ok := ParseFloat(c.in)
		if ok != c.ok || (ok && math.Float64bits(f) != c.bits) {
			t.Errorf("ParseFloat(%q) = %#016x, %v; OTP %#016x, %v", c.in, math.Float64bits(f), ok, c.bits, c.ok)
		}
	}
}

func TestParseInteger(t *testing.T) {
	for _, c := range otpParseIntegerTable {
		v, b, ok := ParseInteger(c.in, c.base)
		got := "badarg"
		if ok {
			if b != nil {
				got = b.String()
				if b.IsInt64() {
					t.Errorf("ParseInteger(%q, %d): int64 value returned as *big.Int", c.in, c.base)
				}
			} else {
				got = strconv.FormatInt(v, 10)
			}
		}
		if got != c.want {
			t.Errorf("ParseInteger(%q, %d) = %s, OTP %s", c.in, c.base, got, c.want)
		}
	}
}

func TestFormatInteger(t *testing.T) {
	for _, c := range otpFormatIntegerTable {
		i, _ := new(big.Int).SetString(c.in, 10)
		got, err := FormatInteger(i, c.base)
		if err != nil {
			got = "badarg"
		}
		if got != c.want {
			t.Errorf("FormatInteger(%s, %d) = %q, OTP %q", c.in, c.base, got, c.want)
		}
		if i.IsInt64() {
			got, err := FormatInt64(i.Int64(), c.base)
			if err != nil {
				got = "badarg"
			}
			if got != c.want {
				t.Errorf("FormatInt64(%s, %d) = %q, OTP %q", c.in, c.base, got, c.want)
			}
		}
	}
}

// Readable spot checks of the rules documented in the package.
func TestDocumentedExamples(t *testing.T) {
	short := map[float64]string{
		0.1: "0.1", 100.0: "100.0", 1000.0: "1.0e3", 123.456: "123.456",
		1e20: "1.0e20", 1e-10: "1.0e-10", 0.0001: "0.0001", 0.00001: "1.0e-5",
		5e-324: "5.0e-324", math.MaxFloat64: "1.7976931348623157e308",
		1234567890.0: "1234567890.0", 12345678900.0: "12345678900.0",
		9007199254740991.0: "9007199254740991.0", 9007199254740992.0: "9.007199254740992e15",
		12345678899999998.0: "1.2345678899999998e16",
	}
	for f, want := range short {
		if got := FormatFloatShort(f); got != want {
			t.Errorf("FormatFloatShort(%v) = %q, want %q", f, got, want)
		}
	}
	if got := FormatFloatShort(math.Copysign(0, -1)); got != "-0.0" {
		t.Errorf("FormatFloatShort(-0.0) = %q", got)
	}
	dec := []struct {
		f    float64
		opts FloatOpts
		want string
	}{
		{0.125, FloatOpts{Format: FormatDecimals, Precision: 2}, "0.13"},
		{2.5, FloatOpts{Format: FormatDecimals, Precision: 0}, "3"},
		{1.005, FloatOpts{Format: FormatDecimals, Precision: 2}, "1.00"},
		{1e20, FloatOpts{Format: FormatDecimals, Precision: 0, Compact: true}, "1"},
		{1.0, FloatOpts{Format: FormatDecimals, Precision: 2, Compact: true}, "1.0"},
		{2.5, FloatOpts{Format: FormatScientific, Precision: 0}, "2e+00"},
		{1.0, FloatOpts{Format: FormatScientific, Precision: -1}, "1.000000e+00"},
		{1e300, FloatOpts{Format: FormatDecimals, Precision: 0}, "badarg"},
		{-1.0, FloatOpts{Format: FormatDecimals, Precision: 253}, "badarg"},
	}
	for _, c := range dec {
		got, err := FormatFloat(c.f, c.opts)
		if err != nil {
			got = "badarg"
		}
		if got != c.want {
			t.Errorf("FormatFloat(%v, %+v) = %q, want %q", c.f, c.opts, got, c.want)
		}
	}
	for in, ok := range map[string]bool{
		"1.0": true, "1": false, "1.0e5": true, "1e5": false, "+1.0": true, ".5": false,
		"1.": false, " 1.0": false, "1.0 ": false, "1.0E5": true, "1,5": true,
		"1.0e309": false, "1.0e-400": true, "1.0\x00junk": true, "inf": false,
	} {
		if _, got := ParseFloat(in); got != ok {
			t.Errorf("ParseFloat(%q) ok = %v, want %v", in, got, ok)
		}
	}
}

func TestShortRoundTripSweep(t *testing.T) {
	// Every power of two and its neighbours: the output parses back.
	for e := -1074; e <= 1023; e++ {
		x := math.Ldexp(1, e)
		for _, f := range []float64{x, math.Nextafter(x, 0), math.Nextafter(x, math.Inf(1)), -x} {
			if math.IsInf(f, 0) {
				continue
			}
			s := FormatFloatShort(f)
			g, ok := ParseFloat(s)
			if !ok || math.Float64bits(g) != math.Float64bits(f) {
				t.Fatalf("FormatFloatShort(%#016x) = %q does not read back (%v, %v)", math.Float64bits(f), s, g, ok)
			}
		}
	}
}
