package vm

import (
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// Helpers shared by the bif_*.go natives.

// Largest tuple make_tuple/2 and list_to_tuple/1 build (ERTS_MAX_TUPLE_SIZE).
const maxTupleSize = 1<<24 - 1

// smallArg returns the value of a small integer argument; natives use it for
// indexes and sizes, which OTP rejects with badarg when they are bignums.
func smallArg(t term.Term) (int64, bool) {
	if !t.IsSmall() {
		return 0, false
	}
	return t.Small(), true
}

// charList makes the Erlang string (list of code points) of a UTF-8 string.
func charList(h *term.Heap, s string) term.Term {
	elems := make([]term.Term, 0, len(s))
	for _, r := range s {
		elems = append(elems, term.MakeSmall(int64(r)))
	}
	return h.List(elems...)
}

// byteList makes the list of the bytes of b.
func byteList(h *term.Heap, b []byte, tail term.Term) term.Term {
	elems := make([]term.Term, len(b))
	for i, c := range b {
		elems[i] = term.MakeSmall(int64(c))
	}
	return h.ListTail(elems, tail)
}

// isChar reports whether c is a Unicode code point Erlang accepts in a
// character list (not a surrogate, at most 0x10FFFF).
func isChar(c int64) bool {
	return c >= 0 && c <= utf8.MaxRune && !(c >= 0xD800 && c <= 0xDFFF)
}

// charListString decodes a proper list of Unicode code points.
func charListString(h *term.Heap, t term.Term) (string, bool) {
	var rs []rune
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || !isChar(hd.Small()) {
			return "", false
		}
		rs = append(rs, rune(hd.Small()))
		t = tl
	}
	return string(rs), t == term.Nil
}

// latin1Bytes decodes a proper list of bytes (0..255), for the parsers
// whose input is plain text.
func latin1Bytes(h *term.Heap, t term.Term) ([]byte, bool) {
	var b []byte
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() || hd.Small() < 0 || hd.Small() > 255 {
			return nil, false
		}
		b = append(b, byte(hd.Small()))
		t = tl
	}
	return b, t == term.Nil
}

// binaryArg returns the bytes of a binary argument (not a bitstring whose
// size is not whole bytes).
func binaryArg(h *term.Heap, t term.Term) ([]byte, bool) {
	if !h.IsBitstring(t) {
		return nil, false
	}
	return h.BinaryBytes(t)
}

// bitBuf accumulates a bitstring, most significant bit first.
type bitBuf struct {
	data []byte
	n    int // bits
}

// appendBits appends n bits of src starting at bit off.
func (w *bitBuf) appendBits(src []byte, off, n int) {
	if n == 0 {
		return
	}
	if w.n%8 == 0 && off%8 == 0 {
		w.data = append(w.data[:w.n/8], src[off/8:(off+n+7)/8]...)
		w.n += n
		if r := w.n % 8; r != 0 {
			w.data[len(w.data)-1] &= 0xFF << (8 - r)
		}
		return
	}
	for i := 0; i < n; {
		// Copy up to 8 bits at a time.
		k := min(8, n-i)
		v := bitsAt(src, off+i, k)
		w.appendSmall(v, k)
		i += k
	}
}

// appendSmall appends the low k (≤ 8) bits of v.
func (w *bitBuf) appendSmall(v byte, k int) {
	used := w.n % 8
	if used == 0 {
		w.data = append(w.data, v<<(8-k))
	} else {
		w.data[len(w.data)-1] |= v << (8 - k) >> used
		if used+k > 8 {
			w.data = append(w.data, v<<(16-k-used))
		}
	}
	w.n += k
}

// bitsAt reads k (≤ 8) bits of src starting at bit off.
func bitsAt(src []byte, off, k int) byte {
	v := uint16(src[off/8]) << 8
	if off/8+1 < len(src) {
		v |= uint16(src[off/8+1])
	}
	return byte(v >> (16 - k - off%8) & (1<<k - 1))
}

// iodata walks iodata: a bitstring, or a possibly deep list of bytes and
// bitstrings whose tail may be a bitstring. Unless allowBits, every
// bitstring must be a whole number of bytes (iolists). With count set
// it only measures; otherwise it collects the bits into the returned
// buffer. ok is false when t is not iodata.
func iodata(h *term.Heap, t term.Term, allowBits, count bool) (w bitBuf, size int, ok bool) {
	addBits := func(b term.Term) bool {
		data, off, n := h.Bits(b)
		if !allowBits && n%8 != 0 {
			return false
		}
		size += n
		if !count {
			w.appendBits(data, off, n)
		}
		return true
	}
	var stack []term.Term
	for {
		switch {
		case t.IsCons():
			hd, tl := h.HeadTail(t)
			switch {
			case hd.IsSmall():
				c := hd.Small()
				if c < 0 || c > 255 {
					return w, 0, false
				}
				size += 8
				if !count {
					w.appendSmall(byte(c), 8)
				}
				t = tl
			case hd.IsList():
				stack = append(stack, tl)
				t = hd
			case h.IsBitstring(hd):
				if !addBits(hd) {
					return w, 0, false
				}
				t = tl
			default:
				return w, 0, false
			}
			continue
		case t == term.Nil:
		case h.IsBitstring(t):
			if !addBits(t) {
				return w, 0, false
			}
		default:
			return w, 0, false
		}
		if len(stack) == 0 {
			return w, size, true
		}
		t = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
	}
}

// iodataBytes flattens iodata (a binary or an iolist) into bytes.
func iodataBytes(h *term.Heap, t term.Term) ([]byte, bool) {
	if h.IsBitstring(t) {
		return h.BinaryBytes(t)
	}
	w, _, ok := iodata(h, t, false, false)
	return w.data, ok
}
