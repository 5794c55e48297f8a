package etf

import (
	"bytes"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// TestLargeMapRoundTrip encodes maps on both sides of the 32-key layout
// switch, nested and with mixed keys, decodes them on another heap and
// checks the map and its bytes come back the same.
func TestLargeMapRoundTrip(t *testing.T) {
	for _, n := range []int{31, 32, 33, 34, 200, 3000} {
		h := term.NewHeap(0)
		ks, vs := make([]term.Term, 0, n), make([]term.Term, 0, n)
		for i := range n {
			var k term.Term
			switch i % 4 {
			case 0:
				k = term.MakeSmall(int64(i))
			case 1:
				k = h.Float(float64(i))
			case 2:
				k = h.Tuple(term.Atom("k"), term.MakeSmall(int64(i)))
			default:
				k = h.MakeBinary([]byte{byte(i), byte(i >> 8)})
			}
			ks = append(ks, k)
			vs = append(vs, h.MapFromPairs([]term.Term{term.MakeSmall(int64(i))}, []term.Term{k}))
		}
		m := h.MapFromPairs(ks, vs)
		enc := encodeT(t, h, m, EncodeOptions{})
		h2 := term.NewHeap(0)
		back, used, err := Decode(h2, enc, DecodeOptions{})
		if err != nil || used != len(enc) {
			t.Fatalf("%d keys: Decode: %v (used %d of %d bytes)", n, err, used, len(enc))
		}
		if h2.MapSize(back) != n || h2.Format(back) != h.Format(m) {
			t.Fatalf("%d keys: round trip gave %d keys", n, h2.MapSize(back))
		}
		if again := encodeT(t, h2, back, EncodeOptions{}); !bytes.Equal(again, enc) {
			t.Fatalf("%d keys: re-encoding differs", n)
		}
	}
}
