package beam

import (
	"math/big"
	"strconv"
	"strings"
)

// OperandKind says what an [Operand] is. The first seven kinds have the
// values of the compact-term tags u, i, a, x, y, f and h; the others come
// from the extended tag z.
type OperandKind uint8

const (
	KindU         OperandKind = iota // u: unsigned number or index (arity, Live, import index, line index…); Val or Big
	KindI                            // i: integer; Val, or Big if it does not fit in int64
	KindAtom                         // a: Val = atom index, 1-based into File.Atoms; 0 means []
	KindX                            // x: X register Val; Type set if typed (z5)
	KindY                            // y: Y register Val; Type set if typed (z5)
	KindLabel                        // f: label Val; 0 means "no fail label"
	KindChar                         // h: character Val (not emitted by erlc)
	KindFloat                        // z0: Float (legacy, not emitted since OTP R16)
	KindList                         // z1: List holds the elements
	KindFR                           // z2: float register Val
	KindAllocList                    // z3: Alloc holds the heap need
	KindLiteral                      // z4: Val = index into File.Literals
)

var kindNames = [...]string{
	KindU:         "u",
	KindI:         "integer",
	KindAtom:      "atom",
	KindX:         "x",
	KindY:         "y",
	KindLabel:     "f",
	KindChar:      "char",
	KindFloat:     "float",
	KindList:      "list",
	KindFR:        "fr",
	KindAllocList: "alloc",
	KindLiteral:   "literal",
}

// String returns the name erlc -S uses for the kind ("x", "atom", "list").
func (k OperandKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind " + strconv.Itoa(int(k))
}

// Operand is one decoded operand of an instruction.
//
// Which fields are meaningful depends on Kind: Val for every kind except
// Float, List and AllocList; Big instead of Val for a KindI or KindU
// number outside the int64 range; Float for KindFloat; List for KindList;
// Alloc for KindAllocList. Type is the Type-chunk index of a typed X or Y
// register and -1 for every other operand.
type Operand struct {
	Kind  OperandKind
	Val   int64
	Big   *big.Int
	Float float64
	List  []Operand
	Alloc AllocList
	Type  int32
}

// AllocList is the heap need of a z3 allocation list, as used by
// allocate_heap, test_heap and bs_create_bin: a number of words plus a
// number of floats and funs, whose size in words is up to the VM.
type AllocList struct {
	Words, Floats, Funs uint32
}

// IsNil reports whether o is the empty list [] (the atom operand 0).
func (o Operand) IsNil() bool { return o.Kind == KindAtom && o.Val == 0 }

// String formats o like erlc -S does, without resolving atoms or literals:
// {x,0}, {atom,3}, nil, {integer,-1}, {f,7}, {list,[…]}, and plain numbers
// for u operands. A typed register prints as {tr,{x,0},T} with T its
// Type-chunk index.
func (o Operand) String() string {
	var b strings.Builder
	o.format(&b, nil)
	return b.String()
}

// format writes o to b. If atoms is not nil, atom operands print as
// {atom,name} instead of {atom,index}.
func (o Operand) format(b *strings.Builder, atoms []string) {
	switch o.Kind {
	case KindU:
		b.WriteString(o.number())
	case KindAtom:
		if o.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString("{atom,")
		if o.Val <= int64(len(atoms)) {
			b.WriteString(quoteAtom(atoms[o.Val-1]))
		} else {
			b.WriteString(strconv.FormatInt(o.Val, 10))
		}
		b.WriteByte('}')
	case KindX, KindY:
		if o.Type >= 0 {
			b.WriteString("{tr,")
		}
		b.WriteString("{" + o.Kind.String() + "," + strconv.FormatInt(o.Val, 10) + "}")
		if o.Type >= 0 {
			b.WriteString("," + strconv.Itoa(int(o.Type)) + "}")
		}
	case KindFloat:
		b.WriteString("{float," + strconv.FormatFloat(o.Float, 'g', -1, 64) + "}")
	case KindList:
		b.WriteString("{list,[")
		for i, e := range o.List {
			if i > 0 {
				b.WriteByte(',')
			}
			e.format(b, atoms)
		}
		b.WriteString("]}")
	case KindAllocList:
		b.WriteString("{alloc,[")
		sep := ""
		for _, part := range []struct {
			name string
			n    uint32
		}{{"words", o.Alloc.Words}, {"floats", o.Alloc.Floats}, {"funs", o.Alloc.Funs}} {
			if part.n > 0 {
				b.WriteString(sep + "{" + part.name + "," + strconv.FormatUint(uint64(part.n), 10) + "}")
				sep = ","
			}
		}
		b.WriteString("]}")
	default: // KindI, KindLabel, KindChar, KindFR, KindLiteral
		b.WriteString("{" + o.Kind.String() + "," + o.number() + "}")
	}
}

// number formats Val, or Big when it is set.
func (o Operand) number() string {
	if o.Big != nil {
		return o.Big.String()
	}
	return strconv.FormatInt(o.Val, 10)
}

// quoteAtom quotes an atom name the way Erlang prints it when needed.
func quoteAtom(name string) string {
	if name == "" || name[0] < 'a' || name[0] > 'z' || reservedWords[name] {
		return quote(name)
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '@') {
			return quote(name)
		}
	}
	return name
}

func quote(name string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for _, r := range name {
		if r == '\'' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('\'')
	return b.String()
}

// reservedWords are the Erlang keywords, which print quoted as atoms.
var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true,
	"bnot": true, "bor": true, "bsl": true, "bsr": true, "bxor": true,
	"case": true, "catch": true, "cond": true, "div": true, "else": true,
	"end": true, "fun": true, "if": true, "let": true, "maybe": true,
	"not": true, "of": true, "or": true, "orelse": true, "receive": true,
	"rem": true, "try": true, "when": true, "xor": true,
}
