package etf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// EncodeOptions are the options of term_to_binary/2. The zero value is
// term_to_binary/1 of OTP 25.
type EncodeOptions struct {
	// Compressed is the zlib level, 1..9, of {compressed, Level}
	// (`compressed` alone is level 6); 0 means no compression. As in OTP,
	// the compressed form is used only when it is smaller (by at least the 5
	// bytes of its header) than the uncompressed one.
	Compressed int

	// MinorVersion is {minor_version, N}: MinorVersionDefault (the zero
	// value, which is 1 in OTP 25), MinorVersion0, MinorVersion1 or
	// MinorVersion2. Note that {minor_version, 0} is MinorVersion0, not 0.
	MinorVersion int
}

// Values of EncodeOptions.MinorVersion.
const (
	MinorVersionDefault = 0  // term_to_binary/1's: 1 in OTP 25 (2 from OTP 26)
	MinorVersion0       = -1 // floats as FLOAT_EXT text, atoms as in 1
	MinorVersion1       = 1  // NEW_FLOAT_EXT; ATOM_EXT for Latin-1 atoms, else (SMALL_)ATOM_UTF8_EXT
	MinorVersion2       = 2  // NEW_FLOAT_EXT; every atom as (SMALL_)ATOM_UTF8_EXT
)

// MinorVersionOption returns the EncodeOptions.MinorVersion value for
// term_to_binary's {minor_version, n}, and false when n is not 0, 1 or 2.
func MinorVersionOption(n int) (int, bool) {
	switch n {
	case 0:
		return MinorVersion0, true
	case 1, 2:
		return n, true
	}
	return 0, false
}

// Encode appends the external format of t, which lives in heap h, to dst:
// the bytes of term_to_binary(T, Options), version byte included. On error
// dst is returned unchanged.
func Encode(dst []byte, h *term.Heap, t term.Term, opts EncodeOptions) ([]byte, error) {
	var minor int
	switch opts.MinorVersion {
	case MinorVersionDefault, MinorVersion1:
		minor = 1
	case MinorVersion0:
		minor = 0
	case MinorVersion2:
		minor = 2
	default:
		return dst, fmt.Errorf("etf: bad minor version option %d", opts.MinorVersion)
	}
	if opts.Compressed < 0 || opts.Compressed > 9 {
		return dst, fmt.Errorf("etf: bad compression level %d", opts.Compressed)
	}
	start := len(dst)
	e := encoder{h: h, buf: append(dst, versionMagic), minor: minor}
	if err := e.encode(t); err != nil {
		return dst[:start], err
	}
	if opts.Compressed == 0 {
		return e.buf, nil
	}
	body := e.buf[start+1:]
	if uint64(len(body)) > math.MaxUint32 {
		return dst[:start], fmt.Errorf("etf: term too large to compress (%d bytes)", len(body))
	}
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, opts.Compressed)
	if err != nil {
		return dst[:start], err
	}
	zw.Write(body) // a bytes.Buffer does not fail
	zw.Close()
	if 5+z.Len() > len(body) {
		return e.buf, nil
	}
	out := binary.BigEndian.AppendUint32(append(e.buf[:start+1], tagCompressed), uint32(len(body)))
	return append(out, z.Bytes()...), nil
}

type encoder struct {
	h     *term.Heap
	buf   []byte
	minor int
	stack []work
	err   error // sticky error of the helpers that do not return one
}

// work is an entry of the encoder's explicit stack.
type work struct {
	t    term.Term
	kind workKind
	pos  int // wFunSize: offset of the NEW_FUN_EXT tag
}

type workKind uint8

const (
	wTerm     workKind = iota // encode t
	wListRest                 // t is a cons cell inside a list whose header is written
	wFunSize                  // patch the Size field of the fun at pos
)

func (e *encoder) push(t term.Term) { e.stack = append(e.stack, work{t: t}) }

func (e *encoder) encode(t term.Term) error {
	h := e.h
	e.push(t)
	for len(e.stack) > 0 {
		w := e.stack[len(e.stack)-1]
		e.stack = e.stack[:len(e.stack)-1]
		t := w.t
		switch w.kind {
		case wFunSize:
			binary.BigEndian.PutUint32(e.buf[w.pos+1:], uint32(len(e.buf)-w.pos-1))
			continue
		case wListRest:
			hd, tl := h.HeadTail(t)
			if tl.IsCons() {
				e.stack = append(e.stack, work{t: tl, kind: wListRest})
			} else {
				e.push(tl)
			}
			e.push(hd)
			continue
		}
		switch {
		case t.IsSmall():
			e.integer(t.Small())
		case t.IsAtom():
			e.atom(term.AtomName(t))
		case t == term.Nil:
			e.buf = append(e.buf, tagNil)
		case t.IsCons():
			if err := e.list(t); err != nil {
				return err
			}
		case t.IsPid():
			if err := e.pid(t.PidID()); err != nil {
				return err
			}
		case t.IsPort():
			e.port(t.PidID())
		case t.IsBoxed():
			if err := e.boxed(t); err != nil {
				return err
			}
		default:
			return fmt.Errorf("etf: cannot encode word %#x: not a term", uint64(t))
		}
		if e.err != nil {
			return e.err
		}
	}
	return e.err
}

func (e *encoder) boxed(t term.Term) error {
	h := e.h
	switch {
	case h.IsFloat(t):
		e.float(h.FloatValue(t))
	case h.IsTuple(t):
		elems := h.TupleElems(t)
		if n := len(elems); n <= 255 {
			e.buf = append(e.buf, tagSmallTuple, byte(n))
		} else {
			e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagLargeTuple), uint32(n))
		}
		for i := len(elems) - 1; i >= 0; i-- {
			e.push(elems[i])
		}
	case h.IsBig(t):
		if v, ok := h.Int64(t); ok {
			e.integer(v)
		} else {
			return e.bigInt(h.ToBig(t))
		}
	case h.IsBitstring(t):
		return e.bitstring(t)
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagMap), uint32(len(keys)))
		for i := len(keys) - 1; i >= 0; i-- {
			e.push(vals[i])
			e.push(keys[i])
		}
	case h.IsExportFun(t):
		m, f, a := h.ExportParts(t)
		e.buf = append(e.buf, tagExport)
		e.atom(term.AtomName(m))
		e.atom(term.AtomName(f))
		e.integer(int64(a))
	case h.IsClosure(t):
		return e.closure(t)
	case h.IsRef(t):
		e.ref(h.RefID(t))
	default:
		return fmt.Errorf("etf: cannot encode %s", h.Format(t))
	}
	return nil
}

// integer writes SMALL_INTEGER_EXT for 0..255, INTEGER_EXT for 32-bit
// values and SMALL_BIG_EXT beyond, as OTP does.
func (e *encoder) integer(v int64) {
	switch {
	case v >= 0 && v <= 255:
		e.buf = append(e.buf, tagSmallInteger, byte(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagInteger), uint32(int32(v)))
	default:
		mag, sign := uint64(v), byte(0)
		if v < 0 {
			mag, sign = -mag, 1
		}
		n := (bits.Len64(mag) + 7) / 8
		e.buf = append(e.buf, tagSmallBig, byte(n), sign)
		for ; mag != 0; mag >>= 8 {
			e.buf = append(e.buf, byte(mag))
		}
	}
}

func (e *encoder) bigInt(b *big.Int) error {
	if b.IsInt64() {
		e.integer(b.Int64())
		return nil
	}
	mag := b.Bytes() // big-endian magnitude
	sign := byte(0)
	if b.Sign() < 0 {
		sign = 1
	}
	if n := len(mag); n <= 255 {
		e.buf = append(e.buf, tagSmallBig, byte(n), sign)
	} else if uint64(n) <= math.MaxUint32 {
		e.buf = append(binary.BigEndian.AppendUint32(append(e.buf, tagLargeBig), uint32(n)), sign)
	} else {
		return fmt.Errorf("etf: integer too large to encode")
	}
	for i := len(mag) - 1; i >= 0; i-- {
		e.buf = append(e.buf, mag[i])
	}
	return nil
}

func (e *encoder) float(f float64) {
	if e.minor == 0 {
		var s [31]byte
		copy(s[:], fmt.Sprintf("%.20e", f))
		e.buf = append(append(e.buf, tagFloat), s[:]...)
		return
	}
	e.buf = binary.BigEndian.AppendUint64(append(e.buf, tagNewFloat), math.Float64bits(f))
}

// atom writes an atom: minor versions 0 and 1 write Latin-1 atoms as
// ATOM_EXT, others as SMALL_ATOM_UTF8_EXT or ATOM_UTF8_EXT by byte length.
func (e *encoder) atom(name string) {
	n := utf8.RuneCountInString(name)
	if n > maxAtomLen {
		e.err = fmt.Errorf("etf: cannot encode an atom of %d characters", n)
		return
	}
	if e.minor < 2 && isLatin1(name) {
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, tagAtom), uint16(n))
		if n == len(name) {
			e.buf = append(e.buf, name...)
		} else {
			for _, r := range name {
				e.buf = append(e.buf, byte(r))
			}
		}
		return
	}
	if len(name) <= 255 {
		e.buf = append(e.buf, tagSmallAtomUTF8, byte(len(name)))
	} else {
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, tagAtomUTF8), uint16(len(name)))
	}
	e.buf = append(e.buf, name...)
}

func isLatin1(s string) bool {
	for _, r := range s {
		if r > 0xFF {
			return false
		}
	}
	return true
}

// list writes STRING_EXT for a proper list of at most 65535 bytes, and
// LIST_EXT (elements, then the tail) otherwise.
func (e *encoder) list(t term.Term) error {
	h := e.h
	n, bytesOnly := 0, true
	c := t
	for c.IsCons() {
		hd, tl := h.HeadTail(c)
		if bytesOnly && (!hd.IsSmall() || uint64(hd.Small()) > 255) {
			bytesOnly = false
		}
		n++
		c = tl
	}
	if bytesOnly && c == term.Nil && n <= 65535 {
		e.buf = binary.BigEndian.AppendUint16(append(e.buf, tagString), uint16(n))
		for c := t; c.IsCons(); {
			hd, tl := h.HeadTail(c)
			e.buf = append(e.buf, byte(hd.Small()))
			c = tl
		}
		return nil
	}
	if uint64(n) > math.MaxUint32 {
		return fmt.Errorf("etf: list too long to encode (%d elements)", n)
	}
	e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagList), uint32(n))
	e.stack = append(e.stack, work{t: t, kind: wListRest})
	return nil
}

func (e *encoder) bitstring(t term.Term) error {
	data, n := e.h.BitstringBytes(t)
	size := (n + 7) / 8
	if uint64(size) > math.MaxUint32 {
		return fmt.Errorf("etf: bitstring too large to encode (%d bytes)", size)
	}
	if n%8 == 0 {
		e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagBinary), uint32(size))
		e.buf = append(e.buf, data[:size]...)
		return nil
	}
	e.buf = binary.BigEndian.AppendUint32(append(e.buf, tagBitBinary), uint32(size))
	e.buf = append(e.buf, byte(n%8))
	e.buf = append(e.buf, data[:size]...)
	e.buf[len(e.buf)-1] &= 0xFF << (8 - uint(n%8))
	return nil
}

func (e *encoder) node() { e.atom(localNode) }

// pid writes NEW_PID_EXT: the low 15 bits of the id in ID, the rest in
// Serial, creation 0.
func (e *encoder) pid(id uint64) error {
	serial := id >> pidIDBits
	if serial > math.MaxUint32 {
		return fmt.Errorf("etf: pid id %d too large to encode", id)
	}
	e.buf = append(e.buf, tagNewPid)
	e.node()
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id&(1<<pidIDBits-1)))
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(serial))
	e.buf = binary.BigEndian.AppendUint32(e.buf, 0)
	return nil
}

// port writes NEW_PORT_EXT, or V4_PORT_EXT for an id over 32 bits.
func (e *encoder) port(id uint64) {
	if id <= math.MaxUint32 {
		e.buf = append(e.buf, tagNewPort)
		e.node()
		e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id))
	} else {
		e.buf = append(e.buf, tagV4Port)
		e.node()
		e.buf = binary.BigEndian.AppendUint64(e.buf, id)
	}
	e.buf = binary.BigEndian.AppendUint32(e.buf, 0)
}

// ref writes NEWER_REFERENCE_EXT with three words: the id's low 18 bits,
// the next 32 and the top 14.
func (e *encoder) ref(id uint64) {
	e.buf = append(e.buf, tagNewerRef, 0, 3)
	e.node()
	e.buf = binary.BigEndian.AppendUint32(e.buf, 0) // creation
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id&refWord0Max))
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id>>18))
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id>>50))
}

// closure writes NEW_FUN_EXT; its Size is patched once the free variables
// are written.
func (e *encoder) closure(t term.Term) error {
	ref, free := e.h.ClosureParts(t)
	if FunInfo == nil {
		return fmt.Errorf("etf: cannot encode local fun %d: no FunInfo hook", ref)
	}
	id, ok := FunInfo(ref)
	if !ok {
		return fmt.Errorf("etf: cannot encode local fun %d: unknown fun reference", ref)
	}
	if id.Arity < 0 || id.Arity > 255 || id.Index < 0 || uint64(id.Index) > math.MaxUint32 {
		return fmt.Errorf("etf: cannot encode local fun of %s: bad arity %d or index %d", id.Module, id.Arity, id.Index)
	}
	pos := len(e.buf)
	e.buf = append(e.buf, tagNewFun, 0, 0, 0, 0, byte(id.Arity))
	e.buf = append(e.buf, id.Uniq[:]...)
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(id.Index))
	e.buf = binary.BigEndian.AppendUint32(e.buf, uint32(len(free)))
	e.atom(id.Module)
	e.integer(int64(id.OldIndex))
	e.integer(int64(id.OldUniq))
	if err := e.pid(0); err != nil { // creator pid: not recorded by avm
		return err
	}
	e.stack = append(e.stack, work{kind: wFunSize, pos: pos})
	for i := len(free) - 1; i >= 0; i-- {
		e.push(free[i])
	}
	return nil
}
