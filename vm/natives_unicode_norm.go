package vm

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/avmtool/avm/vm/term"
)

// The unicode module's normalization functions (NFC, NFD, NFKC, NFKD) over
// character data whose binaries are UTF-8. A term that is not character
// data is badarg. Invalid UTF-8 gives {error, Converted, Rest}: Converted
// is the normalized text before it, Rest the input from there, shaped as
// OTP 25's unicode_util walk leaves it. As in OTP, integers of a list that
// are no code points pass through the _list functions unchanged (the
// _binary ones cannot encode them: badarg).
//
// The tables are x/text's (Unicode 15); OTP 25 has Unicode 14's. Checked
// code point by code point, the forms differ only for the Cyrillic
// modifier letters U+1E030..U+1E06D, new in Unicode 15, whose NFKC/NFKD
// OTP 25 leaves as they are. And OTP composes one grapheme cluster at a
// time, also across a spacing vowel sign inside the cluster (U+0CC6,
// U+0B47…) where Unicode's algorithm, which x/text follows, stops: for
// "A", U+0CC6, U+0301 OTP's NFC is "Á", U+0CC6; avm's keeps the input.

func init() {
	register("unicode",
		Native{Function: "characters_to_nfc_binary", Arity: 1, Fn: unicodeNormalizer(norm.NFC, true), Doc: "characters_to_nfc_binary(Data): character data in canonical composed form (NFC), as UTF-8"},
		Native{Function: "characters_to_nfd_binary", Arity: 1, Fn: unicodeNormalizer(norm.NFD, true), Doc: "characters_to_nfd_binary(Data): character data in canonical decomposed form (NFD), as UTF-8"},
		Native{Function: "characters_to_nfkc_binary", Arity: 1, Fn: unicodeNormalizer(norm.NFKC, true), Doc: "characters_to_nfkc_binary(Data): character data in compatibility composed form (NFKC), as UTF-8"},
		Native{Function: "characters_to_nfkd_binary", Arity: 1, Fn: unicodeNormalizer(norm.NFKD, true), Doc: "characters_to_nfkd_binary(Data): character data in compatibility decomposed form (NFKD), as UTF-8"},
		Native{Function: "characters_to_nfc_list", Arity: 1, Fn: unicodeNormalizer(norm.NFC, false), Doc: "characters_to_nfc_list(Data): the code points of character data in canonical composed form (NFC)"},
		Native{Function: "characters_to_nfd_list", Arity: 1, Fn: unicodeNormalizer(norm.NFD, false), Doc: "characters_to_nfd_list(Data): the code points of character data in canonical decomposed form (NFD)"},
		Native{Function: "characters_to_nfkc_list", Arity: 1, Fn: unicodeNormalizer(norm.NFKC, false), Doc: "characters_to_nfkc_list(Data): the code points of character data in compatibility composed form (NFKC)"},
		Native{Function: "characters_to_nfkd_list", Arity: 1, Fn: unicodeNormalizer(norm.NFKD, false), Doc: "characters_to_nfkd_list(Data): the code points of character data in compatibility decomposed form (NFKD)"},
	)
}

func unicodeNormalizer(form norm.Form, binary bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		w := cpWalker{h: h}
		if !w.top(args[0]) {
			return p.Badarg()
		}
		var conv term.Term
		if binary {
			b, ok := normalizeUTF8(form, w.cps)
			if !ok {
				return p.Badarg()
			}
			conv = h.MakeBinary(b)
		} else {
			conv = h.List(normalizeList(form, w.cps)...)
		}
		if w.failed {
			return h.Tuple(term.AtomError, conv, w.rest)
		}
		return conv
	}
}

// normalizeUTF8 normalizes code points into UTF-8; false when one of them
// is no code point.
func normalizeUTF8(form norm.Form, cps []int64) ([]byte, bool) {
	buf := make([]byte, 0, len(cps))
	for _, c := range cps {
		if !validCodePoint(c) {
			return nil, false
		}
		buf = utf8.AppendRune(buf, rune(c))
	}
	return form.Bytes(buf), true
}

// normalizeList normalizes the runs of code points between integers that
// are none, which stay as they are.
func normalizeList(form norm.Form, cps []int64) []term.Term {
	out := make([]term.Term, 0, len(cps))
	for len(cps) > 0 {
		n := 0
		for n < len(cps) && validCodePoint(cps[n]) {
			n++
		}
		if n == 0 {
			out = append(out, term.MakeSmall(cps[0]))
			cps = cps[1:]
			continue
		}
		b, _ := normalizeUTF8(form, cps[:n])
		for _, r := range string(b) {
			out = append(out, term.MakeSmall(int64(r)))
		}
		cps = cps[n:]
	}
	return out
}

// cpWalker collects the code points of character data the way OTP's
// unicode_util:cp/1 steps through it, so that on invalid UTF-8 the rest
// has OTP's shape: the binary from the bad byte on, followed by the
// pieces still pending (a list element's tail pushed as one piece when
// the list is entered inside another, the top-level list's tail spliced).
type cpWalker struct {
	h      *term.Heap
	cps    []int64
	failed bool
	rest   term.Term
}

// top walks s at the top level, where s is the list of pending pieces;
// false when s is not character data.
func (w *cpWalker) top(s term.Term) bool {
	h := w.h
	for {
		switch {
		case s == term.Nil:
			return true
		case h.IsBinary(s):
			b, _ := h.BinaryBytes(s)
			if i := w.decode(b); i < len(b) {
				w.fail(h.SubBits(s, 8*i, 8*(len(b)-i)), term.Nil)
			}
			return true
		case !s.IsCons():
			return false
		}
		hd, tl := h.HeadTail(s)
		switch {
		case hd.IsSmall():
			w.cps = append(w.cps, hd.Small())
			s = tl
		case tl == term.Nil:
			s = hd
		default:
			ok, done := w.piece(hd, tl)
			if !ok || done {
				return ok
			}
			s = tl
		}
	}
}

// piece walks x, an element of the pending pieces whose remainder is
// stack; done when it failed.
func (w *cpWalker) piece(x, stack term.Term) (ok, done bool) {
	h := w.h
	for {
		switch {
		case x == term.Nil:
			return true, false
		case h.IsBinary(x):
			b, _ := h.BinaryBytes(x)
			if i := w.decode(b); i < len(b) {
				w.fail(h.SubBits(x, 8*i, 8*(len(b)-i)), stack)
				return true, true
			}
			return true, false
		case !x.IsCons():
			return false, true
		}
		hd, tl := h.HeadTail(x)
		switch {
		case hd.IsSmall():
			w.cps = append(w.cps, hd.Small())
			x = tl
		case tl == term.Nil:
			x = hd
		default:
			if ok, done := w.piece(hd, h.Cons(tl, stack)); !ok || done {
				return ok, done
			}
			x = tl
		}
	}
}

// decode appends the code points of UTF-8 b and returns where the first
// invalid one starts (len(b) when none is).
func (w *cpWalker) decode(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		w.cps = append(w.cps, int64(r))
		i += n
	}
	return len(b)
}

// fail records the rest: the bad binary alone, or followed by the pending
// pieces.
func (w *cpWalker) fail(bad, stack term.Term) {
	w.failed = true
	if stack == term.Nil {
		w.rest = bad
	} else {
		w.rest = w.h.Cons(bad, stack)
	}
}
