package vm

import (
	"encoding/binary"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// The unicode module's conversions as Go natives. Character data is a
// binary in the input encoding, or a possibly deep list of code points
// and such binaries (its tail may be a binary). A wrong type is badarg;
// a bad character gives {error, Converted, Rest} and data that ends in the
// middle of a character {incomplete, Converted, Rest}, Rest having the
// shape OTP 25 gives it.

func init() {
	register("unicode",
		Native{Function: "characters_to_list", Arity: 1, Fn: unicodeToList, Doc: "characters_to_list(Data): the code points of Unicode character data"},
		Native{Function: "characters_to_list", Arity: 2, Fn: unicodeToList, Doc: "characters_to_list(Data, InEncoding): the code points of character data whose binaries are in InEncoding"},
		Native{Function: "characters_to_binary", Arity: 1, Fn: unicodeToBinary, Doc: "characters_to_binary(Data): Unicode character data as a UTF-8 binary"},
		Native{Function: "characters_to_binary", Arity: 2, Fn: unicodeToBinary, Doc: "characters_to_binary(Data, InEncoding): character data as a UTF-8 binary"},
		Native{Function: "characters_to_binary", Arity: 3, Fn: unicodeToBinary, Doc: "characters_to_binary(Data, InEncoding, OutEncoding): character data re-encoded"},
		Native{Function: "bom_to_encoding", Arity: 1, Fn: unicodeBOMToEncoding, Doc: "bom_to_encoding(Bin): {Encoding, BOMLength} of the byte order mark Bin starts with; {latin1, 0} without one"},
		Native{Function: "encoding_to_bom", Arity: 1, Fn: unicodeEncodingToBOM, Doc: "encoding_to_bom(Encoding): the byte order mark of a Unicode encoding (<<>> for latin1)"},
	)
}

// charEncoding is a character encoding of the unicode module.
type charEncoding struct {
	kind   byte // 'l' latin1, '8' utf8, 'w' utf16, 'd' utf32
	little bool
}

var (
	encLatin1 = charEncoding{kind: 'l'}
	encUTF8   = charEncoding{kind: '8'}
)

func parseEncoding(h *term.Heap, t term.Term) (charEncoding, bool) {
	switch t {
	case term.AtomLatin1:
		return encLatin1, true
	case term.AtomUnicode, term.AtomUtf8:
		return encUTF8, true
	case term.AtomUtf16:
		return charEncoding{kind: 'w'}, true
	case term.AtomUtf32:
		return charEncoding{kind: 'd'}, true
	}
	if h.IsTuple(t) && h.TupleSize(t) == 2 {
		e := h.TupleElems(t)
		little := e[1] == term.AtomLittle
		if !little && e[1] != term.AtomBig {
			return charEncoding{}, false
		}
		switch e[0] {
		case term.AtomUtf16:
			return charEncoding{kind: 'w', little: little}, true
		case term.AtomUtf32:
			return charEncoding{kind: 'd', little: little}, true
		}
	}
	return charEncoding{}, false
}

// decodeStatus is how decoding a piece of character data ended.
type decodeStatus uint8

const (
	decodeOK decodeStatus = iota
	decodeError
	decodeIncomplete
)

// decodeOne decodes the first character of b: its size, or 0 with
// incomplete when b ends inside it, or 0 when it is invalid.
func (e charEncoding) decodeOne(b []byte) (r rune, size int, incomplete bool) {
	switch e.kind {
	case 'l':
		return rune(b[0]), 1, false
	case '8':
		if !utf8.FullRune(b) {
			return 0, 0, true
		}
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			return 0, 0, false
		}
		return r, n, false
	case 'w':
		if len(b) < 2 {
			return 0, 0, true
		}
		u := e.u16(b)
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if len(b) < 4 {
				return 0, 0, true
			}
			u2 := e.u16(b[2:])
			if u2 < 0xDC00 || u2 > 0xDFFF {
				return 0, 0, false
			}
			return utf16.DecodeRune(rune(u), rune(u2)), 4, false
		case u >= 0xDC00 && u <= 0xDFFF:
			return 0, 0, false
		}
		return rune(u), 2, false
	default:
		if len(b) < 4 {
			return 0, 0, true
		}
		var u uint32
		if e.little {
			u = binary.LittleEndian.Uint32(b)
		} else {
			u = binary.BigEndian.Uint32(b)
		}
		if !isChar(int64(u)) {
			return 0, 0, false
		}
		return rune(u), 4, false
	}
}

func (e charEncoding) u16(b []byte) uint16 {
	if e.little {
		return binary.LittleEndian.Uint16(b)
	}
	return binary.BigEndian.Uint16(b)
}

// encode appends r in encoding e (r fits latin1 when e is latin1).
func (e charEncoding) encode(out []byte, r rune) []byte {
	switch e.kind {
	case 'l':
		return append(out, byte(r))
	case '8':
		return utf8.AppendRune(out, r)
	case 'w':
		put := binary.BigEndian.AppendUint16
		if e.little {
			put = binary.LittleEndian.AppendUint16
		}
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			return put(put(out, uint16(r1)), uint16(r2))
		}
		return put(out, uint16(r))
	default:
		if e.little {
			return binary.LittleEndian.AppendUint32(out, uint32(r))
		}
		return binary.BigEndian.AppendUint32(out, uint32(r))
	}
}

// charsWalker converts character data to code points.
type charsWalker struct {
	h      *term.Heap
	in     charEncoding
	latin1 bool // output is latin1: code points above 255 are errors
	out    []rune
	// pending holds the bytes of a character that a binary ended inside
	// of; the next binary must complete it.
	pending []byte
	badarg  bool
	// After a failure: its kind, and the rest of the input from the
	// failing point, built up as the walk returns through enclosing lists.
	status decodeStatus
	rest   term.Term
	// pendingFailed marks a failure of a character left incomplete by one
	// binary and not completed by what followed; Rest then becomes
	// [Leftover, Rest].
	pendingFailed bool
}

// walkList walks the list t; false when it failed (see status/badarg).
func (w *charsWalker) walkList(t term.Term) bool {
	h := w.h
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		switch {
		case h.IsInteger(hd):
			c := int64(-1) // a bignum is no character
			if hd.IsSmall() {
				c = hd.Small()
			}
			if w.pending != nil {
				w.fail(decodeError, t)
				w.pendingFailed = true
				return false
			}
			if !isChar(c) || (w.in.kind == 'l' && c > 255) {
				w.fail(decodeError, t)
				return false
			}
			if w.latin1 && c > 255 {
				w.fail(decodeError, h.Cons(h.List(hd), tl))
				return false
			}
			w.out = append(w.out, rune(c))
		case h.IsBinary(hd):
			if !w.walkBinary(hd, tl, true) {
				return false
			}
		case hd.IsList():
			if !w.walkList(hd) {
				if !w.badarg {
					w.rest = h.Cons(w.rest, tl)
				}
				return false
			}
		default:
			w.badarg = true
			return false
		}
		t = tl
	}
	if t == term.Nil {
		return true
	}
	if h.IsBinary(t) {
		return w.walkBinary(t, term.Nil, false)
	}
	w.badarg = true
	return false
}

// walkBinary decodes binary bin, an element of a list whose tail is tl
// (inList) or a list's tail or the whole input.
func (w *charsWalker) walkBinary(bin, tl term.Term, inList bool) bool {
	h := w.h
	b, _ := h.BinaryBytes(bin)
	pend := len(w.pending)
	if pend > 0 {
		b = append(w.pending[:pend:pend], b...)
		w.pending = nil
	}
	for i := 0; i < len(b); {
		r, n, incomplete := w.in.decodeOne(b[i:])
		if incomplete {
			w.pending = append([]byte(nil), b[i:]...)
			return true
		}
		if n == 0 || (w.latin1 && r > 255) {
			if i < pend {
				// The character begun by an earlier binary is invalid.
				w.pending = b[:pend]
				w.fail(decodeError, bin)
				w.pendingFailed = true
			} else {
				w.fail(decodeError, h.SubBits(bin, 8*(i-pend), 8*(len(b)-i)))
			}
			if inList && w.status == decodeError {
				w.rest = h.Cons(w.rest, tl)
			}
			return false
		}
		w.out = append(w.out, r)
		i += n
	}
	return true
}

func (w *charsWalker) fail(s decodeStatus, rest term.Term) {
	w.status, w.rest = s, rest
}

// convert walks data; ok is false for badarg. On failure status says
// which, and rest is OTP's Rest.
func (w *charsWalker) convert(data term.Term) (ok bool) {
	h := w.h
	if !isCharData(h, data) {
		return false // OTP checks the types of the whole input first
	}
	var done bool
	switch {
	case h.IsBinary(data):
		done = w.walkBinary(data, term.Nil, false)
	case data.IsList():
		done = w.walkList(data)
	default:
		return false
	}
	if w.badarg {
		return false
	}
	if done {
		if w.pending != nil {
			w.fail(decodeIncomplete, h.MakeBinary(w.pending))
		}
		return true
	}
	if w.pendingFailed {
		w.rest = h.List(h.MakeBinary(append([]byte(nil), w.pending...)), w.rest)
	}
	return true
}

// isCharData reports whether t has the types of character data: a binary,
// or a list of integers, binaries and such lists whose tail may be a
// binary.
func isCharData(h *term.Heap, t term.Term) bool {
	if h.IsBinary(t) {
		return true
	}
	for t.IsCons() {
		hd, tl := h.HeadTail(t)
		if !hd.IsSmall() && !h.IsInteger(hd) && !isCharData(h, hd) {
			return false
		}
		t = tl
	}
	return t == term.Nil || h.IsBinary(t)
}

// charsArgs parses (Data, InEncoding, OutEncoding) with their defaults.
func charsArgs(p *Process, args []term.Term) (w *charsWalker, out charEncoding, ok bool) {
	h := p.heap
	in, out := encUTF8, encUTF8
	if len(args) > 1 {
		if in, ok = parseEncoding(h, args[1]); !ok {
			return nil, out, false
		}
	}
	if len(args) > 2 {
		if out, ok = parseEncoding(h, args[2]); !ok {
			return nil, out, false
		}
	}
	w = &charsWalker{h: h, in: in, latin1: out.kind == 'l'}
	if !w.convert(args[0]) {
		return nil, out, false
	}
	return w, out, true
}

// charsResult is the converted value, or the error/incomplete tuple.
func (w *charsWalker) result(conv term.Term) term.Term {
	switch w.status {
	case decodeError:
		return w.h.Tuple(term.AtomError, conv, w.rest)
	case decodeIncomplete:
		return w.h.Tuple(atomIncomplete, conv, w.rest)
	}
	return conv
}

var atomIncomplete = term.Atom("incomplete")

func unicodeToList(p *Process, args []term.Term) term.Term {
	w, _, ok := charsArgs(p, args)
	if !ok {
		return p.Badarg()
	}
	elems := make([]term.Term, len(w.out))
	for i, r := range w.out {
		elems[i] = term.MakeSmall(int64(r))
	}
	return w.result(p.heap.List(elems...))
}

func unicodeToBinary(p *Process, args []term.Term) term.Term {
	w, out, ok := charsArgs(p, args)
	if !ok {
		return p.Badarg()
	}
	buf := make([]byte, 0, len(w.out))
	for _, r := range w.out {
		buf = out.encode(buf, r)
	}
	return w.result(p.heap.MakeBinary(buf))
}

// boms lists the byte order marks, longest first so that UTF-32 little
// endian's is not taken for UTF-16's.
var boms = []struct {
	bom []byte
	enc charEncoding
}{
	{[]byte{0x00, 0x00, 0xFE, 0xFF}, charEncoding{kind: 'd'}},
	{[]byte{0xFF, 0xFE, 0x00, 0x00}, charEncoding{kind: 'd', little: true}},
	{[]byte{0xEF, 0xBB, 0xBF}, encUTF8},
	{[]byte{0xFE, 0xFF}, charEncoding{kind: 'w'}},
	{[]byte{0xFF, 0xFE}, charEncoding{kind: 'w', little: true}},
}

func (e charEncoding) term(h *term.Heap) term.Term {
	switch e.kind {
	case 'l':
		return term.AtomLatin1
	case '8':
		return term.AtomUtf8
	}
	name := term.AtomUtf16
	if e.kind == 'd' {
		name = term.AtomUtf32
	}
	if e.little {
		return h.Tuple(name, term.AtomLittle)
	}
	return h.Tuple(name, term.AtomBig)
}

func unicodeBOMToEncoding(p *Process, args []term.Term) term.Term {
	h := p.heap
	b, ok := binaryArg(h, args[0])
	if !ok {
		return p.Error(term.AtomFunctionClause)
	}
	for _, m := range boms {
		if len(b) >= len(m.bom) && string(b[:len(m.bom)]) == string(m.bom) {
			return h.Tuple(m.enc.term(h), term.MakeSmall(int64(len(m.bom))))
		}
	}
	return h.Tuple(term.AtomLatin1, term.MakeSmall(0))
}

func unicodeEncodingToBOM(p *Process, args []term.Term) term.Term {
	h := p.heap
	e, ok := parseEncoding(h, args[0])
	if !ok {
		return p.Error(term.AtomFunctionClause)
	}
	if e.kind == 'l' {
		return h.MakeBinary(nil)
	}
	for _, m := range boms {
		if m.enc == e {
			return h.MakeBinary(append([]byte(nil), m.bom...))
		}
	}
	return p.Error(term.AtomFunctionClause)
}
