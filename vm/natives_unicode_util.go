package vm

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/avmtool/avm/vm/term"
)

// unicode_util: the iterators over character data that OTP's string
// module and Elixir's String are built on. gc/1 splits off the first
// extended grapheme cluster (UAX #29), cp/1 the first code point; both
// return [First | Rest], [] at the end, or {error, Rest} where Rest starts
// at invalid UTF-8. Rest keeps the shape of the input (a sub-binary of a
// binary, the remaining list of a list), so walking a string is linear.

func init() {
	register("unicode_util",
		Native{Function: "gc", Arity: 1, Fn: unicodeUtilGC, Doc: "gc(Chardata): [Cluster | Rest], the first grapheme cluster (a code point, or a list of them) and the rest; [] or {error, Rest}"},
		Native{Function: "cp", Arity: 1, Fn: unicodeUtilCP, Doc: "cp(Chardata): [CodePoint | Rest], the first code point and the rest; [] or {error, Rest}"},
		Native{Function: "spec_version", Arity: 0, Fn: unicodeUtilSpecVersion, Doc: "spec_version(): {Major, Minor} of the Unicode standard gc/1 follows"},
	)
}

func unicodeUtilSpecVersion(p *Process, _ []term.Term) term.Term {
	return p.heap.Tuple(term.MakeSmall(15), term.MakeSmall(0))
}

func unicodeUtilCP(p *Process, args []term.Term) term.Term { return firstOfChardata(p, args[0], false) }
func unicodeUtilGC(p *Process, args []term.Term) term.Term { return firstOfChardata(p, args[0], true) }

// firstOfChardata splits the first grapheme cluster (or code point) off t.
func firstOfChardata(p *Process, t term.Term, cluster bool) term.Term {
	h := p.heap
	// Look at a window of code points; a cluster that reaches its end may
	// go on, so the window grows until it does not (or the data ends).
	for window := 16; ; window *= 4 {
		runes, complete, bad := chardataPrefix(h, t, window)
		if bad == badType {
			return p.Badarg()
		}
		if len(runes) == 0 {
			if bad == badEncoding {
				return h.Tuple(term.Atom("error"), chardataDrop(h, t, 0))
			}
			return term.Nil
		}
		n := 1
		if cluster {
			buf := make([]byte, 0, 4*len(runes))
			for _, r := range runes {
				buf = utf8.AppendRune(buf, r)
			}
			first, _, _, _ := uniseg.FirstGraphemeCluster(buf, -1)
			n = utf8.RuneCount(first)
			if n == len(runes) && !complete && bad == badNone {
				continue
			}
		}
		rest := chardataDrop(h, t, n)
		if n == 1 {
			return h.Cons(term.MakeSmall(int64(runes[0])), rest)
		}
		gc := make([]term.Term, n)
		for i := range gc {
			gc[i] = term.MakeSmall(int64(runes[i]))
		}
		return h.Cons(h.List(gc...), rest)
	}
}

type chardataFault int

const (
	badNone     chardataFault = iota
	badEncoding               // invalid UTF-8 in a binary, or an invalid code point
	badType                   // not character data
)

// chardataPrefix returns up to limit code points from the front of
// chardata t; complete is true when t has no more. It stops at the first
// invalid one, saying why.
func chardataPrefix(h *term.Heap, t term.Term, limit int) (runes []rune, complete bool, bad chardataFault) {
	var walk func(t term.Term) bool // false: stop
	walk = func(t term.Term) bool {
		for {
			switch {
			case t == term.Nil:
				return true
			case h.IsBinary(t):
				b, _ := h.BinaryBytes(t)
				for len(b) > 0 {
					if len(runes) == limit {
						return false
					}
					r, size := utf8.DecodeRune(b)
					if r == utf8.RuneError && size <= 1 {
						bad = badEncoding
						return false
					}
					runes = append(runes, r)
					b = b[size:]
				}
				return true
			case t.IsCons():
				hd, tl := h.HeadTail(t)
				if hd.IsSmall() {
					if len(runes) == limit {
						return false
					}
					if !validCodePoint(hd.Small()) {
						bad = badEncoding
						return false
					}
					runes = append(runes, rune(hd.Small()))
				} else if !walk(hd) {
					return false
				}
				t = tl
			default:
				bad = badType
				return false
			}
		}
	}
	complete = walk(t)
	return runes, complete, bad
}

// chardataDrop returns chardata t without its first n code points, which
// chardataPrefix found valid.
func chardataDrop(h *term.Heap, t term.Term, n int) term.Term {
	switch {
	case h.IsBinary(t):
		b, _ := h.BinaryBytes(t)
		off := 0
		for i := 0; i < n; i++ {
			_, size := utf8.DecodeRune(b[off:])
			off += size
		}
		if off == 0 {
			return t
		}
		return h.SubBits(t, 8*off, 8*(len(b)-off))
	case t.IsCons():
		for n > 0 && t.IsCons() {
			hd, tl := h.HeadTail(t)
			if hd.IsSmall() {
				n--
				t = tl
				continue
			}
			c := chardataCount(h, hd)
			if h.IsBinary(hd) && c >= n {
				// What is left of a binary stays, even empty, as OTP
				// leaves it: [<<"b">> | Tail], or <<"b">> at the end.
				rest := chardataDrop(h, hd, n)
				if tl == term.Nil {
					return rest
				}
				return h.Cons(rest, tl)
			}
			if c > n {
				return h.Cons(chardataDrop(h, hd, n), tl)
			}
			n -= c
			t = tl
		}
		// An exhausted nested element leaves the rest of the list.
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			if hd.IsSmall() || chardataCount(h, hd) > 0 {
				break
			}
			t = tl
		}
	}
	return t
}

// chardataCount is the number of code points in valid chardata t.
func chardataCount(h *term.Heap, t term.Term) int {
	switch {
	case h.IsBinary(t):
		b, _ := h.BinaryBytes(t)
		return utf8.RuneCount(b)
	case t.IsCons():
		n := 0
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			if hd.IsSmall() {
				n++
			} else {
				n += chardataCount(h, hd)
			}
			t = tl
		}
		return n
	}
	return 0
}
