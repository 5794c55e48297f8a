package numtext

import (
	"math"
	"strconv"
	"testing"
)

// FuzzParseFloat checks that ParseFloat never panics and never returns a
// non-finite value, and that FormatFloatShort output always reads back (with
// ParseFloat and with strconv) to the same bits, both for parsed values and
// for arbitrary bit patterns; the other formatters must not panic.
func FuzzParseFloat(f *testing.F) {
	for _, s := range []string{"1.0", "-0.0", "1.0e309", "1,5", "1.0\x00x", "5.0e-324", "1e5", ".5", "+1.0E-07"} {
		f.Add(s, uint64(0x3FB999999999999A))
	}
	for _, c := range otpParseFloatTable {
		f.Add(c.in, c.bits)
	}
	f.Fuzz(func(t *testing.T, s string, bits uint64) {
		if v, ok := ParseFloat(s); ok {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				t.Fatalf("ParseFloat(%q) = %v", s, v)
			}
			back, ok := ParseFloat(FormatFloatShort(v))
			if !ok || math.Float64bits(back) != math.Float64bits(v) {
				t.Fatalf("short form of %v (from %q) does not read back", v, s)
			}
		}
		x := math.Float64frombits(bits)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		short := FormatFloatShort(x)
		back, ok := ParseFloat(short)
		if !ok || math.Float64bits(back) != bits {
			t.Fatalf("FormatFloatShort(%#016x) = %q reads back as %#016x, %v", bits, short, math.Float64bits(back), ok)
		}
		if g, err := strconv.ParseFloat(short, 64); err != nil || g != x {
			t.Fatalf("strconv reads %q as %v, %v", short, g, err)
		}
		leg := FormatFloatLegacy(x)
		if _, ok := ParseFloat(leg); !ok {
			t.Fatalf("legacy form %q does not parse", leg)
		}
		for _, p := range []int64{0, 2, 18, 19, int64(bits % 300)} {
			_, _ = FormatFloat(x, FloatOpts{Format: FormatDecimals, Precision: p, Compact: p%2 == 0})
			_, _ = FormatFloat(x, FloatOpts{Format: FormatScientific, Precision: p})
		}
		for _, p := range []int{1, 2, 6, int(bits % 40)} {
			_, _ = FormatExp(x, p)
			_, _ = FormatFixed(x, p)
			_, _ = FormatG(x, p)
		}
	})
}
