package vm

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// binary:referenced_byte_size/1 depends on the release's binary layout, so
// the conformance corpus checks only what holds on every release; these are
// OTP 25's sizes (a part of at most 64 bytes is a copy, a larger one refers
// to its whole binary).
func TestReferencedByteSize(t *testing.T) {
	p := newTestProcess()
	h := p.heap
	big := h.MakeBinary(make([]byte, 200))
	ref := lookupNative(term.Atom("binary"), term.Atom("referenced_byte_size"), 1)
	for _, c := range []struct {
		off, n int
		want   int64
	}{{10, 3, 3}, {10, 64, 64}, {10, 65, 200}, {0, 200, 200}, {150, 50, 50}} {
		part := h.SubBits(big, 8*c.off, 8*c.n)
		if got := ref.Fn(p, []term.Term{part}); got != term.MakeSmall(c.want) {
			t.Errorf("referenced_byte_size(part(Big, %d, %d)) = %s, want %d", c.off, c.n, h.Format(got), c.want)
		}
	}
}

// naiveFindAll is the definition findAll implements: at each position the
// longest pattern that starts there, the earliest position first.
func naiveFindAll(ps searchPatterns, s []byte, from, to int, global bool) [][2]int {
	var out [][2]int
	for i := from; i < to; {
		best := 0
		for _, p := range ps {
			if len(p) > best && i+len(p) <= to && string(s[i:i+len(p)]) == string(p) {
				best = len(p)
			}
		}
		if best == 0 {
			i++
			continue
		}
		out = append(out, [2]int{i, best})
		if !global {
			break
		}
		i += best
	}
	return out
}

func TestFindAllMatchesDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc"[rng.IntN(3)]
		}
		return b
	}
	for iter := 0; iter < 2000; iter++ {
		s := word(rng.IntN(40))
		ps := make(searchPatterns, 1+rng.IntN(4))
		for i := range ps {
			ps[i] = word(1 + rng.IntN(3))
		}
		from := rng.IntN(len(s) + 1)
		to := from + rng.IntN(len(s)-from+1)
		global := rng.IntN(2) == 0
		got, want := ps.findAll(s, from, to, global), naiveFindAll(ps, s, from, to, global)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("findAll(%q, %q, %d, %d, %v) = %v, want %v", ps, s, from, to, global, got, want)
		}
	}
}
