package beam

import (
	"encoding/binary"
	"math"
	"math/big"
)

// AppendInstr appends the compact encoding of in to dst: what erlc writes
// for it, so that a tool can rewrite a Code chunk (drop functions,
// renumber literals) from decoded instructions. Decoding the result gives
// in back; an allocation list comes back with its amounts summed per kind.
func AppendInstr(dst []byte, in Instr) []byte {
	dst = append(dst, byte(in.Op))
	for _, o := range in.Args {
		dst = appendOperand(dst, o)
	}
	return dst
}

func appendOperand(dst []byte, o Operand) []byte {
	switch o.Kind {
	case KindU, KindI:
		if o.Big != nil {
			return appendBigTerm(dst, byte(o.Kind), o.Big)
		}
		return appendTerm(dst, byte(o.Kind), o.Val)
	case KindAtom, KindLabel, KindChar:
		return appendTerm(dst, byte(o.Kind), o.Val)
	case KindX, KindY:
		if o.Type >= 0 {
			dst = appendTerm(dst, tagZ, 5)
			dst = appendTerm(dst, byte(o.Kind), o.Val)
			return appendTerm(dst, tagU, int64(o.Type))
		}
		return appendTerm(dst, byte(o.Kind), o.Val)
	case KindFloat:
		dst = appendTerm(dst, tagZ, 0)
		return binary.BigEndian.AppendUint64(dst, math.Float64bits(o.Float))
	case KindList:
		dst = appendTerm(dst, tagZ, 1)
		dst = appendTerm(dst, tagU, int64(len(o.List)))
		for _, e := range o.List {
			dst = appendOperand(dst, e)
		}
		return dst
	case KindFR:
		dst = appendTerm(dst, tagZ, 2)
		return appendTerm(dst, tagU, o.Val)
	case KindAllocList:
		return appendAllocList(dst, o.Alloc)
	case KindLiteral:
		dst = appendTerm(dst, tagZ, 4)
		return appendTerm(dst, tagU, o.Val)
	}
	panic("beam: appendOperand: unknown operand kind " + o.Kind.String())
}

// appendAllocList writes a z3 list with one entry per kind that needs
// something, or a single zero words entry when none does.
func appendAllocList(dst []byte, a AllocList) []byte {
	type entry struct {
		kind   int64
		amount uint32
	}
	var entries []entry
	for kind, amount := range []uint32{a.Words, a.Floats, a.Funs} {
		if amount != 0 {
			entries = append(entries, entry{int64(kind), amount})
		}
	}
	if len(entries) == 0 {
		entries = append(entries, entry{0, 0})
	}
	dst = appendTerm(dst, tagZ, 3)
	dst = appendTerm(dst, tagU, int64(len(entries)))
	for _, e := range entries {
		dst = appendTerm(dst, tagU, e.kind)
		dst = appendTerm(dst, tagU, int64(e.amount))
	}
	return dst
}

// appendTerm writes a compact term in the shortest form that holds v
// (see [reader.term]). Negative numbers, which only tag i has, always take
// the multi-byte form.
func appendTerm(dst []byte, tag byte, v int64) []byte {
	switch {
	case v >= 0 && v < 16:
		return append(dst, byte(v)<<4|tag)
	case v >= 0 && v < 0x800:
		return append(dst, byte(v>>3)&0xe0|0x08|tag, byte(v))
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(v))
	digits := buf[:]
	// Drop leading bytes that only repeat the sign, keeping at least two
	// (the multi-byte form's minimum) and the sign bit in the first byte.
	fill := byte(0)
	if v < 0 {
		fill = 0xff
	}
	for len(digits) > 2 && digits[0] == fill && digits[1]&0x80 == fill&0x80 {
		digits = digits[1:]
	}
	return appendDigits(dst, tag, digits)
}

// appendBigTerm writes a number beyond int64 as big-endian two's
// complement bytes (unsigned with a leading zero byte for tag u, as erlc
// writes it).
func appendBigTerm(dst []byte, tag byte, z *big.Int) []byte {
	if z.Sign() >= 0 {
		digits := z.Bytes()
		if len(digits) == 0 || digits[0]&0x80 != 0 {
			digits = append([]byte{0}, digits...)
		}
		return appendDigits(dst, tag, digits)
	}
	// The two's complement of a negative z in n bytes is 2^(8n) + z, for
	// the smallest n whose top bit is then set.
	n := (z.BitLen() + 8) / 8
	for {
		c := new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), uint(8*n)), z)
		digits := c.FillBytes(make([]byte, n))
		if digits[0]&0x80 != 0 {
			return appendDigits(dst, tag, digits)
		}
		n++
	}
}

// appendDigits writes the multi-byte form: up to eight bytes counted in the
// first byte, or a nested u term counting the bytes beyond nine.
func appendDigits(dst []byte, tag byte, digits []byte) []byte {
	if n := len(digits); n <= 8 {
		dst = append(dst, byte(n-2)<<5|0x18|tag)
	} else {
		dst = append(dst, 0xf8|tag)
		dst = appendTerm(dst, tagU, int64(n-9))
	}
	return append(dst, digits...)
}

// AppendAtomTable appends the body of an AtU8 chunk holding atoms: a count
// and a length byte per atom, or, when an atom is longer than 255 bytes, a
// negated count and compact lengths, as OTP 28 writes it.
func AppendAtomTable(dst []byte, atoms []string) []byte {
	long := false
	for _, a := range atoms {
		long = long || len(a) > 255
	}
	if !long {
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(atoms)))
		for _, a := range atoms {
			dst = append(dst, byte(len(a)))
			dst = append(dst, a...)
		}
		return dst
	}
	dst = binary.BigEndian.AppendUint32(dst, uint32(-int32(len(atoms))))
	for _, a := range atoms {
		dst = appendTerm(dst, tagU, int64(len(a)))
		dst = append(dst, a...)
	}
	return dst
}
