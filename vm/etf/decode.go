package etf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// DecodeOptions are the options of binary_to_term/2 that affect decoding.
type DecodeOptions struct {
	// Safe is binary_to_term(B, [safe]): decoding fails instead of creating
	// an atom that does not exist yet (including the module atoms of funs).
	Safe bool
}

// Error is a decoding error: what is wrong, and where.
type Error struct {
	// Offset is the byte offset of the problem in the input or, when
	// InCompressed is set, in the decompressed data of a compressed term
	// (which starts with the term's tag, the version byte not included).
	Offset       int
	InCompressed bool
	Msg          string
}

func (e *Error) Error() string {
	if e.InCompressed {
		return fmt.Sprintf("etf: offset %d of the decompressed data: %s", e.Offset, e.Msg)
	}
	return fmt.Sprintf("etf: offset %d: %s", e.Offset, e.Msg)
}

// Decode parses one term in external format, starting with the version
// byte 131, into heap h. It returns the term and the number of bytes used;
// bytes after the term are not looked at, as binary_to_term/1 ignores them.
// Decode never panics on malformed input.
func Decode(h *term.Heap, data []byte, opts DecodeOptions) (term.Term, int, error) {
	if len(data) == 0 {
		return term.NoValue, 0, &Error{Msg: "empty input"}
	}
	if data[0] != versionMagic {
		return term.NoValue, 0, &Error{Msg: fmt.Sprintf("bad version byte %d (want 131)", data[0])}
	}
	if len(data) >= 2 {
		switch data[1] {
		case tagCompressed:
			return decodeCompressed(h, data, opts)
		case tagDistHeader, tagDistFragHeader:
			return term.NoValue, 0, &Error{Offset: 1, Msg: "distribution header not supported (distribution only)"}
		}
	}
	d := decoder{h: h, data: data, pos: 1, safe: opts.Safe}
	t, err := d.decode()
	if err != nil {
		return term.NoValue, 0, err
	}
	return t, d.pos, nil
}

// decodeCompressed handles 131, 80, UncompressedSize:32, zlib stream.
func decodeCompressed(h *term.Heap, data []byte, opts DecodeOptions) (term.Term, int, error) {
	if len(data) < 6 {
		return term.NoValue, 0, &Error{Offset: 2, Msg: "truncated compressed term: no uncompressed size"}
	}
	size := binary.BigEndian.Uint32(data[2:6])
	br := bytes.NewReader(data[6:])
	zr, err := zlib.NewReader(br)
	if err != nil {
		return term.NoValue, 0, &Error{Offset: 6, Msg: "compressed term: " + err.Error()}
	}
	// The buffer grows with what the stream really yields, so a false size
	// cannot make us allocate much more than the input justifies.
	var buf bytes.Buffer
	buf.Grow(int(min(uint64(size), uint64(len(data))*4+64)))
	n, err := io.Copy(&buf, io.LimitReader(zr, int64(size)))
	if err != nil {
		return term.NoValue, 0, &Error{Offset: 6, Msg: "compressed term: " + err.Error()}
	}
	if n < int64(size) {
		return term.NoValue, 0, &Error{Offset: 2, Msg: fmt.Sprintf("compressed term: %d bytes decompressed, %d declared", n, size)}
	}
	var one [1]byte
	switch k, err := io.ReadFull(zr, one[:]); {
	case k == 1:
		return term.NoValue, 0, &Error{Offset: 2, Msg: fmt.Sprintf("compressed term: more than the %d bytes declared", size)}
	case err != io.EOF:
		return term.NoValue, 0, &Error{Offset: 6, Msg: "compressed term: " + err.Error()}
	}
	used := len(data) - br.Len()
	d := decoder{h: h, data: buf.Bytes(), safe: opts.Safe, inflated: true}
	t, err := d.decode()
	if err != nil {
		return term.NoValue, 0, err
	}
	// Like OTP, accept decompressed data longer than the term it holds.
	return t, used, nil
}

type decoder struct {
	h        *term.Heap
	data     []byte
	pos      int
	safe     bool
	inflated bool // data is the inside of a compressed term
}

func (d *decoder) errAt(off int, format string, args ...any) error {
	return &Error{Offset: off, InCompressed: d.inflated, Msg: fmt.Sprintf(format, args...)}
}

// need checks that n more bytes are there.
func (d *decoder) need(n uint64, what string) error {
	if have := uint64(len(d.data) - d.pos); n > have {
		return d.errAt(d.pos, "truncated %s: need %d bytes, %d left", what, n, have)
	}
	return nil
}

// needf is need with a description formatted (only on failure) from
// format and count.
func (d *decoder) needf(n uint64, format string, count uint64) error {
	if have := uint64(len(d.data) - d.pos); n > have {
		return d.errAt(d.pos, "truncated "+format+": need %d bytes, %d left", count, n, have)
	}
	return nil
}

func (d *decoder) u8(what string) (uint8, error) {
	if err := d.need(1, what); err != nil {
		return 0, err
	}
	d.pos++
	return d.data[d.pos-1], nil
}

func (d *decoder) u16(what string) (uint16, error) {
	if err := d.need(2, what); err != nil {
		return 0, err
	}
	d.pos += 2
	return binary.BigEndian.Uint16(d.data[d.pos-2:]), nil
}

func (d *decoder) u32(what string) (uint32, error) {
	if err := d.need(4, what); err != nil {
		return 0, err
	}
	d.pos += 4
	return binary.BigEndian.Uint32(d.data[d.pos-4:]), nil
}

func (d *decoder) u64(what string) (uint64, error) {
	if err := d.need(8, what); err != nil {
		return 0, err
	}
	d.pos += 8
	return binary.BigEndian.Uint64(d.data[d.pos-8:]), nil
}

// bytes returns the next n bytes (aliasing the input).
func (d *decoder) bytes(n uint64, what string) ([]byte, error) {
	if err := d.need(n, what); err != nil {
		return nil, err
	}
	b := d.data[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return b, nil
}

// A frame is a container whose elements are being decoded.
type frame struct {
	kind   frameKind
	left   int    // values still to decode
	base   int    // index in the value stack of its first value
	off    int    // offset of its tag
	funRef uint64 // fFun
}

type frameKind uint8

const (
	fTuple frameKind = iota
	fList            // elements, then the tail
	fMap             // key, value, key, value...
	fFun             // free variables
)

// decode decodes one term at d.pos with an explicit stack: containers push
// a frame, and each finished value goes to the innermost open container.
func (d *decoder) decode() (term.Term, error) {
	var stack []frame
	var vals []term.Term
	for {
		v, fr, err := d.next()
		if err != nil {
			return term.NoValue, err
		}
		if fr.left > 0 {
			fr.base = len(vals)
			stack = append(stack, fr)
			continue
		}
		for {
			if len(stack) == 0 {
				return v, nil
			}
			top := &stack[len(stack)-1]
			vals = append(vals, v)
			top.left--
			if top.left > 0 {
				break
			}
			v, err = d.build(top, vals[top.base:])
			if err != nil {
				return term.NoValue, err
			}
			clear(vals[top.base:])
			vals = vals[:top.base]
			stack = stack[:len(stack)-1]
		}
	}
}

// build makes the term of a completed frame.
func (d *decoder) build(fr *frame, vals []term.Term) (term.Term, error) {
	h := d.h
	switch fr.kind {
	case fTuple:
		return h.Tuple(vals...), nil
	case fList:
		n := len(vals) - 1
		return h.ListTail(vals[:n], vals[n]), nil
	case fMap:
		n := len(vals) / 2
		ks := make([]term.Term, n)
		vs := make([]term.Term, n)
		for i := range n {
			ks[i], vs[i] = vals[2*i], vals[2*i+1]
		}
		m := h.MapFromPairs(ks, vs)
		if h.MapSize(m) != n {
			return term.NoValue, d.errAt(fr.off, "map has duplicate keys")
		}
		return m, nil
	case fFun:
		return h.Closure(fr.funRef, vals), nil
	}
	panic("etf: bad frame kind")
}

// next decodes the term at d.pos, or, for a non-empty container, returns
// the frame that will collect its elements.
func (d *decoder) next() (term.Term, frame, error) {
	h := d.h
	start := d.pos
	tag, err := d.u8("term")
	if err != nil {
		return term.NoValue, frame{}, err
	}
	fail := func(err error) (term.Term, frame, error) { return term.NoValue, frame{}, err }
	val := func(t term.Term, err error) (term.Term, frame, error) {
		if err != nil {
			return term.NoValue, frame{}, err
		}
		return t, frame{}, nil
	}
	switch tag {
	case tagSmallInteger:
		b, err := d.u8("SMALL_INTEGER_EXT")
		return val(term.MakeSmall(int64(b)), err)

	case tagInteger:
		v, err := d.u32("INTEGER_EXT")
		return val(term.MakeSmall(int64(int32(v))), err)

	case tagSmallBig:
		n, err := d.u8("SMALL_BIG_EXT")
		if err != nil {
			return fail(err)
		}
		return val(d.bigInt(uint64(n)))

	case tagLargeBig:
		n, err := d.u32("LARGE_BIG_EXT")
		if err != nil {
			return fail(err)
		}
		return val(d.bigInt(uint64(n)))

	case tagNewFloat:
		bits, err := d.u64("NEW_FLOAT_EXT")
		if err != nil {
			return fail(err)
		}
		f := math.Float64frombits(bits)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fail(d.errAt(start, "float is NaN or infinite"))
		}
		return h.Float(f), frame{}, nil

	case tagFloat:
		s, err := d.bytes(31, "FLOAT_EXT")
		if err != nil {
			return fail(err)
		}
		f, ok := parseOldFloat(s)
		if !ok {
			return fail(d.errAt(start, "bad FLOAT_EXT string %q", bytes.TrimRight(s, "\x00")))
		}
		return h.Float(f), frame{}, nil

	case tagAtom, tagSmallAtom, tagAtomUTF8, tagSmallAtomUTF8, tagAtomCacheRef:
		d.pos = start
		return val(d.atom())

	case tagSmallTuple, tagLargeTuple:
		var n uint64
		if tag == tagSmallTuple {
			b, err := d.u8("SMALL_TUPLE_EXT")
			if err != nil {
				return fail(err)
			}
			n = uint64(b)
		} else {
			w, err := d.u32("LARGE_TUPLE_EXT")
			if err != nil {
				return fail(err)
			}
			n = uint64(w)
		}
		if n == 0 {
			return h.Tuple(), frame{}, nil
		}
		if err := d.needf(n, "tuple of %d elements", uint64(n)); err != nil {
			return fail(err)
		}
		return term.NoValue, frame{kind: fTuple, left: int(n), off: start}, nil

	case tagNil:
		return term.Nil, frame{}, nil

	case tagString:
		n, err := d.u16("STRING_EXT")
		if err != nil {
			return fail(err)
		}
		s, err := d.bytes(uint64(n), "STRING_EXT")
		if err != nil {
			return fail(err)
		}
		elems := make([]term.Term, n)
		for i, c := range s {
			elems[i] = term.MakeSmall(int64(c))
		}
		return h.List(elems...), frame{}, nil

	case tagList:
		n, err := d.u32("LIST_EXT")
		if err != nil {
			return fail(err)
		}
		if err := d.needf(uint64(n)+1, "list of %d elements", uint64(n)); err != nil {
			return fail(err)
		}
		return term.NoValue, frame{kind: fList, left: int(n) + 1, off: start}, nil

	case tagBinary:
		n, err := d.u32("BINARY_EXT")
		if err != nil {
			return fail(err)
		}
		b, err := d.bytes(uint64(n), "BINARY_EXT")
		if err != nil {
			return fail(err)
		}
		return h.MakeBinary(bytes.Clone(b)), frame{}, nil

	case tagBitBinary:
		return val(d.bitBinary(start))

	case tagMap:
		n, err := d.u32("MAP_EXT")
		if err != nil {
			return fail(err)
		}
		if n == 0 {
			return h.EmptyMap(), frame{}, nil
		}
		if err := d.needf(2*uint64(n), "map of %d pairs", uint64(n)); err != nil {
			return fail(err)
		}
		return term.NoValue, frame{kind: fMap, left: 2 * int(n), off: start}, nil

	case tagExport:
		m, err := d.atom()
		if err != nil {
			return fail(err)
		}
		f, err := d.atom()
		if err != nil {
			return fail(err)
		}
		a, err := d.int32("EXPORT_EXT arity")
		if err != nil {
			return fail(err)
		}
		if a < 0 {
			return fail(d.errAt(start, "EXPORT_EXT: negative arity %d", a))
		}
		if d.safe && ExportKnown != nil && !ExportKnown(m, f, int(a)) {
			return fail(d.errAt(start, "export fun %s:%s/%d does not exist (safe mode)",
				term.QuoteAtom(term.AtomName(m)), term.QuoteAtom(term.AtomName(f)), a))
		}
		return h.ExportFun(m, f, int(a)), frame{}, nil

	case tagNewFun:
		return d.newFun(start)

	case tagNewPid, tagPid:
		id, err := d.pid(tag, start)
		return val(term.MakePid(id), err)

	case tagNewPort, tagPort, tagV4Port:
		return val(d.port(tag, start))

	case tagNewerRef, tagNewReference, tagReference:
		return val(d.ref(tag, start))

	case tagCompressed:
		return fail(d.errAt(start, "compressed term inside a term"))
	case tagDistHeader, tagDistFragHeader:
		return fail(d.errAt(start, "distribution header inside a term (distribution only)"))
	case tagFun:
		return fail(d.errAt(start, "FUN_EXT (pre-R8 fun) not supported"))
	case tagLocal:
		return fail(d.errAt(start, "LOCAL_EXT not supported"))
	case versionMagic:
		return fail(d.errAt(start, "version byte 131 inside a term"))
	}
	return fail(d.errAt(start, "unknown tag %d", tag))
}

// bigInt reads Sign and n little-endian digit bytes of SMALL_BIG_EXT or
// LARGE_BIG_EXT. Any non-zero sign byte means negative, as in OTP.
func (d *decoder) bigInt(n uint64) (term.Term, error) {
	if err := d.needf(1+n, "bignum of %d bytes", uint64(n)); err != nil {
		return term.NoValue, err
	}
	neg := d.data[d.pos] != 0
	digits := d.data[d.pos+1 : d.pos+1+int(n)]
	d.pos += 1 + int(n)
	if n <= 8 {
		var mag uint64
		for i := len(digits) - 1; i >= 0; i-- {
			mag = mag<<8 | uint64(digits[i])
		}
		switch {
		case !neg:
			return d.h.Uint(mag), nil
		case mag < 1<<63:
			return d.h.Integer(-int64(mag)), nil
		case mag == 1<<63:
			return d.h.Integer(math.MinInt64), nil
		}
	}
	be := make([]byte, len(digits))
	for i, c := range digits {
		be[len(be)-1-i] = c
	}
	b := new(big.Int).SetBytes(be)
	if neg {
		b.Neg(b)
	}
	return d.h.BigInt(b), nil
}

// parseOldFloat parses the 31-byte string of FLOAT_EXT as OTP does: a
// NUL-terminated [+-]digits[.,]digits[(e|E)[+-]digits], with no spaces,
// whose value is finite.
func parseOldFloat(s []byte) (float64, bool) {
	end := bytes.IndexByte(s, 0)
	if end < 0 {
		return 0, false
	}
	s = s[:end]
	i := 0
	digits := func() int {
		j := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i - j
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if digits() == 0 {
		return 0, false
	}
	if i == len(s) || (s[i] != '.' && s[i] != ',') {
		return 0, false
	}
	dot := i
	i++
	if digits() == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	b := []byte(string(s))
	b[dot] = '.'
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func (d *decoder) bitBinary(start int) (term.Term, error) {
	n, err := d.u32("BIT_BINARY_EXT")
	if err != nil {
		return term.NoValue, err
	}
	bits, err := d.u8("BIT_BINARY_EXT")
	if err != nil {
		return term.NoValue, err
	}
	b, err := d.bytes(uint64(n), "BIT_BINARY_EXT")
	if err != nil {
		return term.NoValue, err
	}
	if n == 0 {
		if bits != 0 {
			return term.NoValue, d.errAt(start, "BIT_BINARY_EXT: %d bits in the last byte of an empty bitstring", bits)
		}
		return d.h.MakeBinary([]byte{}), nil
	}
	if bits < 1 || bits > 8 {
		return term.NoValue, d.errAt(start, "BIT_BINARY_EXT: %d bits in the last byte (want 1..8)", bits)
	}
	data := bytes.Clone(b)
	data[n-1] &= 0xFF << (8 - bits)
	return d.h.MakeBitstring(data, 8*(int(n)-1)+int(bits)), nil
}

// atomName reads an atom in any of the four atom encodings and returns its
// name as UTF-8, without interning it.
func (d *decoder) atomName() (string, error) {
	start := d.pos
	tag, err := d.u8("atom")
	if err != nil {
		return "", err
	}
	var n uint64
	switch tag {
	case tagAtom, tagAtomUTF8:
		w, err := d.u16("atom")
		if err != nil {
			return "", err
		}
		n = uint64(w)
	case tagSmallAtom, tagSmallAtomUTF8:
		b, err := d.u8("atom")
		if err != nil {
			return "", err
		}
		n = uint64(b)
	case tagAtomCacheRef:
		return "", d.errAt(start, "atom cache reference not supported (distribution only)")
	default:
		return "", d.errAt(start, "expected an atom, found tag %d", tag)
	}
	b, err := d.bytes(n, "atom")
	if err != nil {
		return "", err
	}
	if tag == tagAtomUTF8 || tag == tagSmallAtomUTF8 {
		if !utf8.Valid(b) {
			return "", d.errAt(start, "atom is not valid UTF-8")
		}
		if utf8.RuneCount(b) > maxAtomLen {
			return "", d.errAt(start, "atom longer than %d characters", maxAtomLen)
		}
		return string(b), nil
	}
	if n > maxAtomLen {
		return "", d.errAt(start, "atom longer than %d characters", maxAtomLen)
	}
	return latin1(b), nil
}

// latin1 converts ISO-8859-1 bytes to a UTF-8 string.
func latin1(b []byte) string {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			r := []rune(string(b[:i]))
			for _, c := range b[i:] {
				r = append(r, rune(c))
			}
			return string(r)
		}
	}
	return string(b)
}

// atom reads an atom and interns it (in safe mode, only finds it).
func (d *decoder) atom() (term.Term, error) {
	start := d.pos
	name, err := d.atomName()
	if err != nil {
		return term.NoValue, err
	}
	if d.safe {
		a, ok := term.ExistingAtom(name)
		if !ok {
			return term.NoValue, d.errAt(start, "atom %s does not exist (safe mode)", term.QuoteAtom(name))
		}
		return a, nil
	}
	return term.Atom(name), nil
}

// int32 reads an integer that must be SMALL_INTEGER_EXT or INTEGER_EXT.
func (d *decoder) int32(what string) (int32, error) {
	start := d.pos
	tag, err := d.u8(what)
	if err != nil {
		return 0, err
	}
	switch tag {
	case tagSmallInteger:
		b, err := d.u8(what)
		return int32(b), err
	case tagInteger:
		w, err := d.u32(what)
		return int32(w), err
	}
	return 0, d.errAt(start, "%s: expected SMALL_INTEGER_EXT or INTEGER_EXT, found tag %d", what, tag)
}

// newFun decodes NEW_FUN_EXT:
// Size:32 Arity:8 Uniq:16/bytes Index:32 NumFree:32 Module OldIndex OldUniq Pid FreeVars.
func (d *decoder) newFun(start int) (term.Term, frame, error) {
	fail := func(err error) (term.Term, frame, error) { return term.NoValue, frame{}, err }
	hdr, err := d.bytes(4+1+16+4+4, "NEW_FUN_EXT")
	if err != nil {
		return fail(err)
	}
	// Size (hdr[0:4]) is redundant; OTP does not check it either.
	var id FunIdentity
	id.Arity = int(hdr[4])
	copy(id.Uniq[:], hdr[5:21])
	index := binary.BigEndian.Uint32(hdr[21:])
	numFree := binary.BigEndian.Uint32(hdr[25:])
	if index > math.MaxInt32 {
		return fail(d.errAt(start, "NEW_FUN_EXT: index %d out of range", index))
	}
	id.Index = int(index)
	mod, err := d.atom()
	if err != nil {
		return fail(err)
	}
	id.Module = term.AtomName(mod)
	oldIndex, err := d.int32("NEW_FUN_EXT OldIndex")
	if err != nil {
		return fail(err)
	}
	oldUniq, err := d.int32("NEW_FUN_EXT OldUniq")
	if err != nil {
		return fail(err)
	}
	id.OldIndex, id.OldUniq = int(oldIndex), int(oldUniq)
	// The creator pid: any node will do, and it is not kept.
	if err := d.skipPid(); err != nil {
		return fail(err)
	}
	if err := d.needf(uint64(numFree), "fun with %d free variables", uint64(numFree)); err != nil {
		return fail(err)
	}
	if FunResolve == nil {
		return fail(d.errAt(start, "cannot decode local fun of module %s: no fun resolver", term.QuoteAtom(id.Module)))
	}
	ref, ok := FunResolve(id, int(numFree))
	if !ok {
		return fail(d.errAt(start, "unknown local fun: module %s, index %d, arity %d", term.QuoteAtom(id.Module), id.Index, id.Arity))
	}
	if numFree == 0 {
		return d.h.Closure(ref, nil), frame{}, nil
	}
	return term.NoValue, frame{kind: fFun, left: int(numFree), off: start, funRef: ref}, nil
}

// skipPid reads a pid of any node (NEW_PID_EXT or PID_EXT, tag included).
func (d *decoder) skipPid() error {
	start := d.pos
	tag, err := d.u8("pid")
	if err != nil {
		return err
	}
	if tag != tagNewPid && tag != tagPid {
		return d.errAt(start, "expected a pid, found tag %d", tag)
	}
	_, _, _, _, err = d.pidFields(tag)
	return err
}

// pidFields reads the fields of NEW_PID_EXT or PID_EXT after the tag.
func (d *decoder) pidFields(tag byte) (node string, id, serial, creation uint32, err error) {
	if node, err = d.atomName(); err != nil {
		return
	}
	if id, err = d.u32("pid"); err != nil {
		return
	}
	if serial, err = d.u32("pid"); err != nil {
		return
	}
	if tag == tagNewPid {
		creation, err = d.u32("pid")
	} else {
		var c uint8
		c, err = d.u8("pid")
		creation = uint32(c)
	}
	return
}

// pid decodes a local pid's id: Serial<<15 | ID.
func (d *decoder) pid(tag byte, start int) (uint64, error) {
	node, id, serial, creation, err := d.pidFields(tag)
	if err != nil {
		return 0, err
	}
	if node != localNode || creation != 0 {
		return 0, d.errAt(start, "remote pid not supported (node %s, creation %d)", term.QuoteAtom(node), creation)
	}
	if id >= 1<<pidIDBits {
		return 0, d.errAt(start, "pid ID %d out of range (%d bits)", id, pidIDBits)
	}
	return uint64(serial)<<pidIDBits | uint64(id), nil
}

func (d *decoder) port(tag byte, start int) (term.Term, error) {
	node, err := d.atomName()
	if err != nil {
		return term.NoValue, err
	}
	var id uint64
	var creation uint32
	switch tag {
	case tagV4Port:
		id, err = d.u64("V4_PORT_EXT")
	default:
		var w uint32
		w, err = d.u32("port")
		id = uint64(w)
	}
	if err != nil {
		return term.NoValue, err
	}
	if tag == tagPort {
		var c uint8
		c, err = d.u8("PORT_EXT")
		creation = uint32(c)
	} else {
		creation, err = d.u32("port")
	}
	if err != nil {
		return term.NoValue, err
	}
	if node != localNode || creation != 0 {
		return term.NoValue, d.errAt(start, "remote port not supported (node %s, creation %d)", term.QuoteAtom(node), creation)
	}
	if id >= 1<<60 {
		return term.NoValue, d.errAt(start, "port id %d out of range", id)
	}
	return term.MakePort(id), nil
}

// ref decodes a local reference. OTP's local references have one to three
// words, the first of 18 bits; avm's ids are Word2<<50 | Word1<<18 | Word0.
func (d *decoder) ref(tag byte, start int) (term.Term, error) {
	n := uint64(1)
	if tag != tagReference {
		w, err := d.u16("reference")
		if err != nil {
			return term.NoValue, err
		}
		n = uint64(w)
	}
	node, err := d.atomName()
	if err != nil {
		return term.NoValue, err
	}
	var creation uint32
	if tag == tagNewerRef {
		creation, err = d.u32("reference")
	} else if tag == tagNewReference {
		var c uint8
		c, err = d.u8("reference")
		creation = uint32(c)
	}
	if err != nil {
		return term.NoValue, err
	}
	words, err := d.bytes(4*n, "reference")
	if err != nil {
		return term.NoValue, err
	}
	if tag == tagReference {
		var c uint8
		if c, err = d.u8("REFERENCE_EXT"); err != nil {
			return term.NoValue, err
		}
		creation = uint32(c)
	}
	if node != localNode || creation != 0 {
		return term.NoValue, d.errAt(start, "remote reference not supported (node %s, creation %d)", term.QuoteAtom(node), creation)
	}
	if n < 1 || n > 3 {
		return term.NoValue, d.errAt(start, "local reference of %d words (want 1..3)", n)
	}
	var w [3]uint64
	for i := range n {
		w[i] = uint64(binary.BigEndian.Uint32(words[4*i:]))
	}
	if w[0] > refWord0Max {
		return term.NoValue, d.errAt(start, "reference word 0 is %d, over 18 bits", w[0])
	}
	if w[2] >= 1<<14 {
		return term.NoValue, d.errAt(start, "reference #Ref<0.%d.%d.%d> does not fit avm's 64-bit reference ids", w[2], w[1], w[0])
	}
	return d.h.Ref(w[2]<<50 | w[1]<<18 | w[0]), nil
}
