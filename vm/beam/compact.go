package beam

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
)

// Compact-term tags: the low three bits of a term's first byte.
const (
	tagU = 0 // unsigned number or index
	tagI = 1 // integer (two's complement)
	tagA = 2 // atom index; 0 is []
	tagX = 3 // X register
	tagY = 4 // Y register
	tagF = 5 // label
	tagH = 6 // character
	tagZ = 7 // extended: the number says which of z0..z5 follows
)

const tagLetters = "uiaxyfhz"

// MaxRegisters bounds X, Y and float register numbers, as in the BEAM
// loader: every register operand is below it.
const MaxRegisters = 1024

// term is one compact term before interpretation: a tag and a number.
type term struct {
	tag byte
	val int64    // the number, unless big is set
	big *big.Int // the number, if it does not fit in an int64
	at  int      // offset of the term's first byte
}

// term reads one compact term. The number after the tag takes one of three
// forms, chosen by bits 3 and 4 of the first byte:
//
//	xxxx0ttt           value xxxx (0..15)
//	xxx01ttt yyyyyyyy  value xxxyyyyyyyy (0..2047)
//	nnn11ttt …         n+2 big-endian bytes follow (n = 0..6), or if n = 7
//	                   a u term L, then L+9 bytes
//
// Multi-byte numbers are two's complement for tag i and unsigned for the
// other tags (the compiler adds a leading zero byte where needed).
func (r *reader) term() (term, error) {
	return r.termNested(true)
}

// termNested reads a term; the nested length form is allowed only if
// nested is true, which bounds the recursion to one level (a length that
// needs more than eight bytes could not be satisfied anyway).
func (r *reader) termNested(nested bool) (term, error) {
	t := term{at: r.pos}
	b, err := r.u8()
	if err != nil {
		return t, err
	}
	t.tag = b & 7
	switch {
	case b&0x08 == 0:
		t.val = int64(b >> 4)
		return t, nil
	case b&0x10 == 0:
		lo, err := r.u8()
		if err != nil {
			return t, err
		}
		t.val = int64(b&0xe0)<<3 | int64(lo)
		return t, nil
	}
	n := int(b>>5) + 2
	if n == 9 {
		if !nested {
			return t, r.errorf(t.at, "length prefix of a length prefix")
		}
		l, err := r.termNested(false)
		if err != nil {
			return t, err
		}
		if l.tag != tagU || l.big != nil {
			return t, r.errorf(l.at, "bad length prefix %s", l)
		}
		if l.val > int64(r.remaining()) {
			return t, r.errorf(l.at, "length prefix %s: number exceeds the %d bytes left", l, r.remaining())
		}
		n = int(l.val) + 9
	}
	digits, err := r.bytes(n)
	if err != nil {
		return t, err
	}
	t.val, t.big = decodeNumber(digits, t.tag == tagI)
	return t, nil
}

// decodeNumber decodes big-endian bytes as a two's complement (signed) or
// unsigned number, returning big only when the value does not fit in int64.
func decodeNumber(digits []byte, signed bool) (int64, *big.Int) {
	if len(digits) <= 8 {
		var u uint64
		for _, d := range digits {
			u = u<<8 | uint64(d)
		}
		if signed {
			shift := 64 - 8*len(digits)
			return int64(u<<shift) >> shift, nil
		}
		if u <= math.MaxInt64 {
			return int64(u), nil
		}
		return 0, new(big.Int).SetUint64(u)
	}
	z := new(big.Int).SetBytes(digits)
	if signed && digits[0]&0x80 != 0 {
		z.Sub(z, new(big.Int).Lsh(big.NewInt(1), uint(8*len(digits))))
	}
	if z.IsInt64() {
		return z.Int64(), nil
	}
	return 0, z
}

// String shows a term for error messages, e.g. "u(5)".
func (t term) String() string {
	if t.big != nil {
		return string(tagLetters[t.tag]) + "(" + t.big.String() + ")"
	}
	return string(tagLetters[t.tag]) + "(" + strconv.FormatInt(t.val, 10) + ")"
}

// index reads a u term that must be a number below limit (an index into a
// table of limit entries); what names it in errors.
func (r *reader) index(what string, limit int64) (int64, error) {
	t, err := r.term()
	if err != nil {
		return 0, err
	}
	if t.tag != tagU {
		return 0, r.errorf(t.at, "%s is %s, want a u term", what, t)
	}
	if t.big != nil || t.val >= limit {
		return 0, r.errorf(t.at, "%s %s out of range (limit %d)", what, t, limit)
	}
	return t.val, nil
}

// length reads a u term that counts items of at least one byte each,
// which must fit in the rest of the data; what names it in errors.
func (r *reader) length(what string) (int, error) {
	t, err := r.term()
	if err != nil {
		return 0, err
	}
	if t.tag != tagU {
		return 0, r.errorf(t.at, "%s is %s, want a u term", what, t)
	}
	if t.big != nil || t.val > int64(r.remaining()) {
		return 0, r.errorf(t.at, "%s %s exceeds the %d bytes left", what, t, r.remaining())
	}
	return int(t.val), nil
}

// operandReader decodes instruction operands and checks every index
// against the table it refers to.
type operandReader struct {
	reader
	atoms    int64 // number of atoms; atom operands are 0..atoms
	literals int64 // number of literals
	labels   int64 // the Code header's label count; labels are below it
}

// operand reads one operand. Lists (z1) may not nest: inList is true while
// reading list elements.
func (r *operandReader) operand(inList bool) (Operand, error) {
	t, err := r.term()
	if err != nil {
		return Operand{}, err
	}
	o := Operand{Kind: OperandKind(t.tag), Val: t.val, Type: -1}
	switch t.tag {
	case tagU, tagI:
		o.Big = t.big
	case tagA:
		if t.big != nil || t.val > r.atoms {
			return o, r.errorf(t.at, "atom index %s out of range (%d atoms)", t, r.atoms)
		}
	case tagX, tagY:
		if t.big != nil || t.val >= MaxRegisters {
			return o, r.errorf(t.at, "register %s out of range", t)
		}
	case tagF:
		if t.big != nil || t.val >= r.labels {
			return o, r.errorf(t.at, "label %s out of range (label count %d)", t, r.labels)
		}
	case tagH:
		if t.big != nil {
			return o, r.errorf(t.at, "character %s out of range", t)
		}
	case tagZ:
		return r.extended(t, inList)
	}
	return o, nil
}

// extended reads the payload of a z term.
func (r *operandReader) extended(t term, inList bool) (Operand, error) {
	o := Operand{Type: -1}
	if t.big != nil {
		return o, r.errorf(t.at, "unknown extended tag %s", t)
	}
	switch t.val {
	case 0:
		o.Kind = KindFloat
		b, err := r.bytes(8)
		if err != nil {
			return o, err
		}
		o.Float = math.Float64frombits(binary.BigEndian.Uint64(b))
	case 1:
		o.Kind = KindList
		if inList {
			return o, r.errorf(t.at, "list inside a list")
		}
		n, err := r.length("list length")
		if err != nil {
			return o, err
		}
		o.List = make([]Operand, n)
		for i := range o.List {
			if o.List[i], err = r.operand(true); err != nil {
				return o, err
			}
		}
	case 2:
		o.Kind = KindFR
		var err error
		o.Val, err = r.index("float register", MaxRegisters)
		if err != nil {
			return o, err
		}
	case 3:
		o.Kind = KindAllocList
		return o, r.allocList(&o.Alloc)
	case 4:
		o.Kind = KindLiteral
		var err error
		o.Val, err = r.index("literal index", r.literals)
		if err != nil {
			return o, err
		}
	case 5:
		reg, err := r.term()
		if err != nil {
			return o, err
		}
		if reg.tag != tagX && reg.tag != tagY || reg.big != nil || reg.val >= MaxRegisters {
			return o, r.errorf(reg.at, "typed register %s is not an x or y register", reg)
		}
		typ, err := r.index("type index", math.MaxInt32+1)
		if err != nil {
			return o, err
		}
		o.Kind, o.Val, o.Type = OperandKind(reg.tag), reg.val, int32(typ)
	default:
		return o, r.errorf(t.at, "unknown extended tag z%d", t.val)
	}
	return o, nil
}

// allocList reads a z3 allocation list: a count, then count pairs of a
// kind (0 words, 1 floats, 2 funs) and an amount. Amounts of the same kind
// add up.
func (r *operandReader) allocList(a *AllocList) error {
	n, err := r.length("allocation list length")
	if err != nil {
		return err
	}
	for range n {
		kind, err := r.index("allocation kind", 3)
		if err != nil {
			return err
		}
		at := r.pos
		amount, err := r.index("allocation amount", math.MaxUint32+1)
		if err != nil {
			return err
		}
		var total *uint32
		switch kind {
		case 0:
			total = &a.Words
		case 1:
			total = &a.Floats
		default:
			total = &a.Funs
		}
		if uint64(*total)+uint64(amount) > math.MaxUint32 {
			return r.errorf(at, "allocation list total overflows")
		}
		*total += uint32(amount)
	}
	return nil
}
