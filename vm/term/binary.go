package term

// Binary holds the bytes of a binary off-heap. The bytes a term can see
// never change, so they are shared freely between processes.
//
// A binary built by the bit syntax is appendable while it stays in the
// process that built it: <<Acc/binary, X>> then writes X after the bytes of
// Acc in place (when Acc is the longest view of the buffer), making loops
// that build a binary linear instead of quadratic, as BEAM does. Sending a
// binary to another heap ends its appendability.
type Binary struct {
	Data       []byte
	appendable bool
}

// MakeBinary allocates a binary term owning data (the caller must not modify
// data afterwards).
func (h *Heap) MakeBinary(data []byte) Term {
	idx := len(h.off)
	h.off = append(h.off, &Binary{Data: data})
	i := h.alloc(3)
	h.words[i] = makeHeader(subProcBin, 2)
	h.words[i+1] = Term(idx)
	h.words[i+2] = Term(len(data))
	return heapPtr(primaryBoxed, i)
}

// MakeAppendableBinary is MakeBinary for a buffer the caller allocated and
// owns alone; appends may later grow it in place (see Binary).
func (h *Heap) MakeAppendableBinary(data []byte, n int) Term {
	t := h.MakeBitstring(data, n)
	h.off[len(h.off)-1].appendable = true
	return t
}

// AppendBuffer returns the buffer of binary t when bytes may be appended to
// it in place: t must be a whole appendable binary that is the longest view
// of its buffer. The caller appends to the returned slice and makes the
// result with ExtendBinary.
func (h *Heap) AppendBuffer(t Term) ([]byte, *Binary, bool) {
	if !t.IsBoxed() {
		return nil, nil, false
	}
	w := h.at(t)
	if w[0].headerSubtag() != subProcBin || t.IsLiteral() {
		return nil, nil, false
	}
	b := h.off[w[1]]
	if !b.appendable || len(b.Data) != int(w[2]) {
		return nil, nil, false
	}
	return b.Data, b, true
}

// ExtendBinary records that data (which starts with b's bytes) is b's new
// buffer and returns a binary term viewing its first n bits.
func (h *Heap) ExtendBinary(b *Binary, data []byte, n int) Term {
	b.Data = data[:(n+7)/8]
	idx := len(h.off)
	h.off = append(h.off, b)
	i := h.alloc(3)
	h.words[i] = makeHeader(subProcBin, 2)
	h.words[i+1] = Term(idx)
	h.words[i+2] = Term(len(b.Data))
	t := heapPtr(primaryBoxed, i)
	if n%8 != 0 {
		return h.SubBits(t, 0, n)
	}
	return t
}

// Bits returns the bytes under a bitstring term: the bitstring is the
// bitSize bits of data starting at bit bitOff (most significant bit first).
// data aliases shared memory and must not be modified.
func (h *Heap) Bits(t Term) (data []byte, bitOff, bitSize int) {
	w := h.at(t)
	switch w[0].headerSubtag() {
	case subProcBin:
		a := h.areaOf(t)
		n := int(w[2])
		return a.off[w[1]].Data[:n], 0, 8 * n
	case subSubBin:
		data, base, _ := h.Bits(w[1])
		return data, base + int(w[2].Small()), int(w[3].Small())
	}
	panic("term: Bits of a non-bitstring")
}

// BitSize returns the size in bits of a bitstring term.
func (h *Heap) BitSize(t Term) int {
	_, _, n := h.Bits(t)
	return n
}

// SubBits allocates the bitstring of bitSize bits starting bitOff bits into
// bitstring t. It returns t itself when the range is all of it.
func (h *Heap) SubBits(t Term, bitOff, bitSize int) Term {
	w := h.at(t)
	base := t
	if w[0].headerSubtag() == subSubBin {
		base = w[1]
		bitOff += int(w[2].Small())
	} else if bitOff == 0 && bitSize == 8*int(w[2]) {
		return t
	}
	i := h.alloc(4)
	h.words[i] = makeHeader(subSubBin, 3)
	h.words[i+1] = base
	h.words[i+2] = MakeSmall(int64(bitOff))
	h.words[i+3] = MakeSmall(int64(bitSize))
	return heapPtr(primaryBoxed, i)
}

// BinaryBytes returns the bytes of a binary (whole bytes). The slice aliases
// the binary when it is byte-aligned and is a copy otherwise; never modify
// it. ok is false for a bitstring that is not a whole number of bytes.
func (h *Heap) BinaryBytes(t Term) (b []byte, ok bool) {
	data, off, n := h.Bits(t)
	if n%8 != 0 {
		return nil, false
	}
	if off%8 == 0 {
		return data[off/8 : off/8+n/8], true
	}
	return CopyBits(data, off, n), true
}

// BitstringBytes returns the bitstring's bits packed from the first bit of a
// fresh or aliased slice, plus the number of valid bits in the final byte
// (8 for a whole-byte bitstring, 8 also for an empty one).
func (h *Heap) BitstringBytes(t Term) (b []byte, bits int) {
	data, off, n := h.Bits(t)
	if off%8 == 0 {
		b = data[off/8 : (off+n+7)/8]
	} else {
		b = CopyBits(data, off, n)
	}
	return b, n
}

// CopyBits copies n bits of src starting at bit off into a new byte slice,
// left-aligned; the unused low bits of the last byte are zero.
func CopyBits(src []byte, off, n int) []byte {
	out := make([]byte, (n+7)/8)
	if off%8 == 0 {
		copy(out, src[off/8:])
	} else {
		sh := uint(off % 8)
		for i := range out {
			p := off/8 + i
			v := src[p] << sh
			if p+1 < len(src) {
				v |= src[p+1] >> (8 - sh)
			}
			out[i] = v
		}
	}
	if r := n % 8; r != 0 {
		out[len(out)-1] &= 0xFF << (8 - uint(r))
	}
	return out
}

// MakeBitstring allocates a bitstring of n bits from the left-aligned bytes
// in data (the caller gives up data).
func (h *Heap) MakeBitstring(data []byte, n int) Term {
	bin := h.MakeBinary(data[:(n+7)/8])
	if n%8 == 0 {
		return bin
	}
	return h.SubBits(bin, 0, n)
}

// Match contexts of the bit syntax.

// MakeMatchState allocates a match context over bitstring bin at bit 0.
func (h *Heap) MakeMatchState(bin Term) Term {
	i := h.alloc(3)
	h.words[i] = makeHeader(subMatch, 2)
	h.words[i+1] = bin
	h.words[i+2] = MakeSmall(0)
	return heapPtr(primaryBoxed, i)
}

// MatchState returns a match context's bitstring and current bit position.
func (h *Heap) MatchState(t Term) (bin Term, pos int) {
	w := h.at(t)
	return w[1], int(w[2].Small())
}

// SetMatchPos moves a match context to bit position pos.
func (h *Heap) SetMatchPos(t Term, pos int) { h.at(t)[2] = MakeSmall(int64(pos)) }
