package vm

import (
	"encoding/binary"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// Segment flags of the bit syntax (beam_asm flag_to_bit).
const (
	flagLittle = 0x02
	flagSigned = 0x04
	flagNative = 0x10
)

var (
	atomInteger        = term.Atom("integer")
	atomBinary         = term.Atom("binary")
	atomFloat          = term.Atom("float")
	atomUtf8           = term.Atom("utf8")
	atomUtf16          = term.Atom("utf16")
	atomUtf32          = term.Atom("utf32")
	atomString         = term.Atom("string")
	atomAppend         = term.Atom("append")
	atomPrivateAppend  = term.Atom("private_append")
	atomAll            = term.Atom("all")
	atomLittle         = term.Atom("little")
	atomSigned         = term.Atom("signed")
	atomNative         = term.Atom("native")
	atomEnsureAtLeast  = term.Atom("ensure_at_least")
	atomEnsureExactly  = term.Atom("ensure_exactly")
	atomSkip           = term.Atom("skip")
	atomGetTail        = term.Atom("get_tail")
	atomExactEq        = term.Atom("=:=")
	atomNoFail         = term.Atom("no_fail")
	atomResume         = term.Atom("resume")
	atomBadargSegments = term.AtomBadarg
)

// bitWriter accumulates a bitstring, most significant bit first.
type bitWriter struct {
	data []byte
	n    int // bits written
}

func (w *bitWriter) grow(bits int) {
	need := (w.n + bits + 7) / 8
	if need > len(w.data) {
		// append zeroes: in place when the buffer has room, which is what
		// makes repeated appends to one binary linear.
		w.data = append(w.data, make([]byte, need-len(w.data))...)
	}
}

// putBits appends the n low bits of v (n ≤ 64), most significant first.
func (w *bitWriter) putBits(v uint64, n int) {
	w.grow(n)
	for n > 0 {
		free := 8 - w.n%8
		take := free
		if n < take {
			take = n
		}
		chunk := byte(v>>uint(n-take)) & byte(1<<uint(take)-1)
		w.data[w.n/8] |= chunk << uint(free-take)
		w.n += take
		n -= take
	}
}

// putFrom appends n bits of src starting at bit off.
func (w *bitWriter) putFrom(src []byte, off, n int) {
	if w.n%8 == 0 && off%8 == 0 {
		w.grow(n)
		copy(w.data[w.n/8:], src[off/8:(off+n+7)/8])
		w.n += n
		if r := w.n % 8; r != 0 {
			w.data[w.n/8] &= 0xFF << uint(8-r)
		}
		return
	}
	for n > 0 {
		take := 8
		if n < take {
			take = n
		}
		w.putBits(readBits(src, off, take), take)
		off += take
		n -= take
	}
}

// putInteger appends integer v (a term) as an n-bit segment.
func (w *bitWriter) putInteger(h *term.Heap, v term.Term, n int, flags int) {
	little := flags&flagLittle != 0
	if v.IsSmall() && n <= 64 {
		u := uint64(v.Small())
		if !little || n <= 8 {
			w.putBits(u, n)
			return
		}
		// Little-endian: low byte first; a partial last chunk holds the
		// high bits.
		for n >= 8 {
			w.putBits(u&0xFF, 8)
			u >>= 8
			n -= 8
		}
		if n > 0 {
			w.putBits(u, n)
		}
		return
	}
	// Big integers: two's complement in ceil(n/8) bytes.
	b := h.ToBig(v)
	nbytes := (n + 7) / 8
	mod := new(big.Int).Lsh(big.NewInt(1), uint(nbytes*8))
	if b.Sign() < 0 {
		b = new(big.Int).Add(b, new(big.Int).Mul(mod, new(big.Int).Add(new(big.Int).Quo(new(big.Int).Neg(b), mod), big.NewInt(1))))
	}
	b = new(big.Int).Mod(b, mod)
	bs := b.FillBytes(make([]byte, nbytes)) // big-endian
	if little {
		for i, j := 0, len(bs)-1; i < j; i, j = i+1, j-1 {
			bs[i], bs[j] = bs[j], bs[i]
		}
		full := n / 8
		for i := 0; i < full; i++ {
			w.putBits(uint64(bs[i]), 8)
		}
		if r := n % 8; r != 0 {
			w.putBits(uint64(bs[full]), r)
		}
		return
	}
	// Big-endian: the n low bits of the big-endian bytes.
	skip := nbytes*8 - n
	w.putFrom(bs, skip, n)
}

// readBits reads n ≤ 64 bits of data starting at bit off.
func readBits(data []byte, off, n int) uint64 {
	var v uint64
	for n > 0 {
		b := data[off/8]
		avail := 8 - off%8
		take := avail
		if n < take {
			take = n
		}
		chunk := uint64(b>>uint(avail-take)) & (1<<uint(take) - 1)
		v = v<<uint(take) | chunk
		off += take
		n -= take
	}
	return v
}

// readInteger reads an n-bit integer segment as a term.
func readInteger(h *term.Heap, data []byte, off, n int, flags int) term.Term {
	little := flags&flagLittle != 0
	signed := flags&flagSigned != 0
	if n == 0 {
		return term.MakeSmall(0)
	}
	if n <= 64 {
		var u uint64
		if little && n > 8 {
			shift := 0
			rem := n
			for rem >= 8 {
				u |= readBits(data, off, 8) << uint(shift)
				off += 8
				shift += 8
				rem -= 8
			}
			if rem > 0 {
				u |= readBits(data, off, rem) << uint(shift)
			}
		} else {
			u = readBits(data, off, n)
		}
		if signed && u>>(uint(n)-1)&1 == 1 {
			if n == 64 {
				return h.Integer(int64(u))
			}
			return h.Integer(int64(u) - int64(1)<<uint(n))
		}
		return h.Uint(u)
	}
	bs := term.CopyBits(data, off, n)
	if little {
		// Reassemble: byte i of the value is the i-th 8-bit chunk.
		full := n / 8
		out := make([]byte, (n+7)/8)
		for i := 0; i < full; i++ {
			out[len(out)-1-i] = byte(readBits(data, off+8*i, 8))
		}
		if r := n % 8; r != 0 {
			out[0] = byte(readBits(data, off+8*full, r))
		}
		bs = out
		b := new(big.Int).SetBytes(bs)
		return h.BigInt(signExtend(b, n, signed))
	}
	b := new(big.Int).SetBytes(bs)
	b.Rsh(b, uint(len(bs)*8-n))
	return h.BigInt(signExtend(b, n, signed))
}

func signExtend(b *big.Int, n int, signed bool) *big.Int {
	if signed && b.Bit(n-1) == 1 {
		return b.Sub(b, new(big.Int).Lsh(big.NewInt(1), uint(n)))
	}
	return b
}

// segmentBits computes Size*Unit for a segment, or -1 for a bad size.
func segmentBits(h *term.Heap, size term.Term, unit int) int {
	if !size.IsSmall() || size.Small() < 0 {
		return -1
	}
	bits := size.Small() * int64(unit)
	if bits > math.MaxInt32*8 {
		return -1
	}
	return int(bits)
}

// encodeUTF16/UTF32/UTF8 append a code point; ok is false for an invalid one.
func validCodePoint(c int64) bool {
	return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF)
}

func (w *bitWriter) putUTF(kind term.Term, c int64, flags int) {
	switch kind {
	case atomUtf8:
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], rune(c))
		for _, b := range buf[:n] {
			w.putBits(uint64(b), 8)
		}
	case atomUtf16:
		units := []uint64{uint64(c)}
		if c >= 0x10000 {
			c -= 0x10000
			units = []uint64{0xD800 + uint64(c>>10), 0xDC00 + uint64(c&0x3FF)}
		}
		for _, u := range units {
			if flags&flagLittle != 0 {
				u = u>>8 | (u&0xFF)<<8
			}
			w.putBits(u, 16)
		}
	case atomUtf32:
		u := uint64(c)
		if flags&flagLittle != 0 {
			var b [4]byte
			binary.LittleEndian.PutUint32(b[:], uint32(c))
			u = uint64(binary.BigEndian.Uint32(b[:]))
		}
		w.putBits(u, 32)
	}
}

// segFlags turns a segment's flag operand into flag bits.
func (p *Process) segFlags(a *arg) int {
	switch a.kind {
	case argUint:
		if a.n&flagNative != 0 {
			return a.n | flagLittle // avm runs little-endian, as x86 and ARM
		}
		return a.n
	case argConst:
		f := 0
		l := a.t
		for l.IsCons() {
			hd, tl := p.heap.HeadTail(l)
			switch hd {
			case atomLittle:
				f |= flagLittle
			case atomSigned:
				f |= flagSigned
			case atomNative:
				f |= flagNative | flagLittle // avm runs little-endian, as x86/ARM
			}
			l = tl
		}
		return f
	}
	return 0
}

// execBits executes a bit-syntax instruction. It reports whether op was one
// (ok) and whether it raised (failed); fail jumps are done through pc.
func (p *Process) execBits(in *instr, pc *int) (ok, failed bool) {
	h := p.heap
	jump := func(a *arg) (bool, bool) {
		if a.n < 0 {
			p.Badarg()
			return true, true
		}
		*pc = a.n
		return true, false
	}
	switch in.op {
	case beam.OpBsCreateBin:
		r := p.createBin(in)
		if r == term.NoValue {
			return jump(&in.args[0])
		}
		p.set(&in.args[4], r)
		return true, false

	case beam.OpBsStartMatch3, beam.OpBsStartMatch4:
		var fail *arg
		var src term.Term
		var dst *arg
		if in.op == beam.OpBsStartMatch3 { // Fail Bin Live Dst
			fail, src, dst = &in.args[0], p.get(&in.args[1]), &in.args[3]
		} else { // Fail Live Src Dst
			fail, src, dst = &in.args[0], p.get(&in.args[2]), &in.args[3]
		}
		if h.IsMatchState(src) {
			p.set(dst, src)
			return true, false
		}
		if !h.IsBitstring(src) {
			if fail.kind == argConst { // no_fail / resume: the compiler knows it is a binary
				p.Badarg()
				return true, true
			}
			*pc = fail.n
			return true, false
		}
		p.set(dst, h.MakeMatchState(src))
		return true, false

	case beam.OpBsGetPosition: // Ctx Dst Live
		_, pos := h.MatchState(p.get(&in.args[0]))
		p.set(&in.args[1], term.MakeSmall(int64(pos)))
		return true, false
	case beam.OpBsSetPosition: // Ctx Pos
		h.SetMatchPos(p.get(&in.args[0]), int(p.get(&in.args[1]).Small()))
		return true, false
	case beam.OpBsGetTail: // Ctx Dst Live
		ctx := p.get(&in.args[0])
		bin, pos := h.MatchState(ctx)
		size := h.BitSize(bin)
		p.set(&in.args[1], h.SubBits(bin, pos, size-pos))
		return true, false

	case beam.OpBsTestTail2: // Fail Ctx Bits
		bin, pos := h.MatchState(p.get(&in.args[1]))
		if h.BitSize(bin)-pos != in.args[2].n {
			*pc = in.args[0].n
		}
		return true, false
	case beam.OpBsTestUnit: // Fail Ctx Unit
		bin, pos := h.MatchState(p.get(&in.args[1]))
		if u := in.args[2].n; u > 1 && (h.BitSize(bin)-pos)%u != 0 {
			*pc = in.args[0].n
		}
		return true, false
	case beam.OpBsMatchString: // Fail Ctx Bits StrOffset
		ctx := p.get(&in.args[1])
		bin, pos := h.MatchState(ctx)
		data, off, size := h.Bits(bin)
		bits := in.args[2].n
		str := p.moduleStrings(in)[in.args[3].n:]
		if size-pos < bits || !bitsEqual(data, off+pos, str, bits) {
			*pc = in.args[0].n
			return true, false
		}
		h.SetMatchPos(ctx, pos+bits)
		return true, false

	case beam.OpBsGetInteger2, beam.OpBsGetFloat2, beam.OpBsGetBinary2, beam.OpBsSkipBits2:
		// get: Fail Ctx Live Size Unit Flags Dst; skip: Fail Ctx Size Unit Flags
		ctx := p.get(&in.args[1])
		sizeArg, unit, flags := &in.args[3], in.args[4].n, 0
		if in.op == beam.OpBsSkipBits2 {
			sizeArg, unit = &in.args[2], in.args[3].n
		} else {
			flags = p.segFlags(&in.args[5])
		}
		bin, pos := h.MatchState(ctx)
		data, off, size := h.Bits(bin)
		rest := size - pos
		sz := p.get(sizeArg)
		var bits int
		if sz == atomAll {
			bits = rest
			if unit > 1 && rest%unit != 0 {
				*pc = in.args[0].n
				return true, false
			}
		} else {
			bits = segmentBits(h, sz, unit)
			if bits < 0 {
				if sz.IsSmall() || h.IsBig(sz) {
					*pc = in.args[0].n
					return true, false
				}
				p.Badarg()
				return true, true
			}
		}
		if bits > rest {
			*pc = in.args[0].n
			return true, false
		}
		var v term.Term
		switch in.op {
		case beam.OpBsGetInteger2:
			v = readInteger(h, data, off+pos, bits, flags)
		case beam.OpBsGetFloat2:
			f, ok := readFloat(data, off+pos, bits, flags)
			if !ok {
				*pc = in.args[0].n
				return true, false
			}
			v = h.Float(f)
		case beam.OpBsGetBinary2:
			v = h.SubBits(bin, pos, bits)
		}
		h.SetMatchPos(ctx, pos+bits)
		if in.op != beam.OpBsSkipBits2 {
			p.set(&in.args[6], v)
		}
		return true, false

	case beam.OpBsGetUtf8, beam.OpBsGetUtf16, beam.OpBsGetUtf32, beam.OpBsSkipUtf8, beam.OpBsSkipUtf16, beam.OpBsSkipUtf32:
		// get: Fail Ctx Live Flags Dst; skip: Fail Ctx Live Flags
		ctx := p.get(&in.args[1])
		bin, pos := h.MatchState(ctx)
		data, off, size := h.Bits(bin)
		flags := p.segFlags(&in.args[3])
		c, n := decodeUTF(in.op, data, off+pos, size-pos, flags)
		if n < 0 {
			*pc = in.args[0].n
			return true, false
		}
		h.SetMatchPos(ctx, pos+n)
		switch in.op {
		case beam.OpBsGetUtf8, beam.OpBsGetUtf16, beam.OpBsGetUtf32:
			p.set(&in.args[4], term.MakeSmall(int64(c)))
		}
		return true, false

	case beam.OpBsMatch:
		return true, p.bsMatch(in, pc)

	case beam.OpBsInitWritable:
		p.x[0] = h.MakeBinary(nil)
		return true, false
	}
	return false, false
}

func (p *Process) moduleStrings(in *instr) []byte { return in.ext.([]byte) }

// bitsEqual compares n bits of data at bit off with the first n bits of str.
func bitsEqual(data []byte, off int, str []byte, n int) bool {
	for i := 0; i < n; i += 8 {
		take := 8
		if n-i < take {
			take = n - i
		}
		want := uint64(str[i/8]) >> uint(8-take)
		if readBits(data, off+i, take) != want {
			return false
		}
	}
	return true
}

func readFloat(data []byte, off, bits int, flags int) (float64, bool) {
	var u uint64
	if flags&flagLittle != 0 && bits%8 == 0 {
		for i := 0; i < bits/8; i++ {
			u |= readBits(data, off+8*i, 8) << uint(8*i)
		}
	} else if bits <= 64 {
		u = readBits(data, off, bits)
	}
	var f float64
	switch bits {
	case 64:
		f = math.Float64frombits(u)
	case 32:
		f = float64(math.Float32frombits(uint32(u)))
	case 16:
		f = halfToFloat(uint16(u))
	default:
		return 0, false
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

func halfToFloat(u uint16) float64 {
	sign := 1.0
	if u&0x8000 != 0 {
		sign = -1
	}
	exp := int(u>>10) & 0x1F
	frac := float64(u & 0x3FF)
	switch exp {
	case 0:
		return sign * frac * math.Pow(2, -24)
	case 31:
		if frac == 0 {
			return math.Inf(int(sign))
		}
		return math.NaN()
	}
	return sign * (1 + frac/1024) * math.Pow(2, float64(exp-15))
}

func floatToHalf(f float64) (uint16, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	var sign uint16
	if math.Signbit(f) {
		sign = 0x8000
		f = -f
	}
	if f == 0 {
		return sign, true
	}
	if f >= 65520 { // rounds to infinity
		return 0, false
	}
	exp := math.Floor(math.Log2(f))
	if exp < -14 { // subnormal
		m := math.RoundToEven(f / math.Pow(2, -24))
		return sign | uint16(m), true
	}
	m := math.RoundToEven((f/math.Pow(2, exp) - 1) * 1024)
	if m == 1024 {
		m = 0
		exp++
	}
	if exp > 15 {
		return 0, false
	}
	return sign | uint16(exp+15)<<10 | uint16(m), true
}

// decodeUTF decodes one code point; n is the number of bits used, -1 when
// there is no valid code point.
func decodeUTF(op beam.Opcode, data []byte, off, avail int, flags int) (rune, int) {
	byteAt := func(i int) int { return int(readBits(data, off+8*i, 8)) }
	switch op {
	case beam.OpBsGetUtf8, beam.OpBsSkipUtf8:
		if avail < 8 {
			return 0, -1
		}
		b0 := byteAt(0)
		var n int
		switch {
		case b0 < 0x80:
			return rune(b0), 8
		case b0&0xE0 == 0xC0:
			n = 2
		case b0&0xF0 == 0xE0:
			n = 3
		case b0&0xF8 == 0xF0:
			n = 4
		default:
			return 0, -1
		}
		if avail < 8*n {
			return 0, -1
		}
		buf := make([]byte, n)
		for i := range buf {
			buf[i] = byte(byteAt(i))
		}
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError || size != n {
			return 0, -1
		}
		return r, 8 * n
	case beam.OpBsGetUtf16, beam.OpBsSkipUtf16:
		unit := func(i int) int {
			if flags&flagLittle != 0 {
				return byteAt(2*i) | byteAt(2*i+1)<<8
			}
			return byteAt(2*i)<<8 | byteAt(2*i+1)
		}
		if avail < 16 {
			return 0, -1
		}
		u0 := unit(0)
		if u0 < 0xD800 || u0 > 0xDFFF {
			return rune(u0), 16
		}
		if u0 > 0xDBFF || avail < 32 {
			return 0, -1
		}
		u1 := unit(1)
		if u1 < 0xDC00 || u1 > 0xDFFF {
			return 0, -1
		}
		return rune(0x10000 + (u0-0xD800)<<10 + (u1 - 0xDC00)), 32
	default: // utf32
		if avail < 32 {
			return 0, -1
		}
		var c int
		if flags&flagLittle != 0 {
			c = byteAt(0) | byteAt(1)<<8 | byteAt(2)<<16 | byteAt(3)<<24
		} else {
			c = byteAt(0)<<24 | byteAt(1)<<16 | byteAt(2)<<8 | byteAt(3)
		}
		if !validCodePoint(int64(c)) {
			return 0, -1
		}
		return rune(c), 32
	}
}
