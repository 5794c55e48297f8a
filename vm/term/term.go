package term

import "math"

// Term is a tagged Erlang term word. See the package documentation.
type Term uint64

const (
	primaryMask   = 0x3
	primaryHeader = 0x0
	primaryList   = 0x1
	primaryBoxed  = 0x2
	primaryImmed  = 0x3

	literalBit = 0x4

	immed1Mask  = 0xF
	tagPid      = 0x3
	tagPort     = 0x7
	tagSmallInt = 0xF

	immed2Mask = 0x3F
	tagAtom    = 0x0B
	tagCatch   = 0x1B
	tagCP      = 0x2B
	tagNil     = 0x3B
)

// NoValue is not a term: it marks "no value" (an empty register, a failed
// lookup). It never appears inside a valid term.
const NoValue Term = 0

// Nil is the empty list [].
const Nil Term = tagNil

// Small integers have 60 bits, as in BEAM and AtomVM on 64-bit machines.
const (
	MaxSmall = 1<<59 - 1
	MinSmall = -1 << 59
)

// Primary classification.

func (t Term) IsImmediate() bool { return t&primaryMask == primaryImmed }
func (t Term) IsCons() bool      { return t&primaryMask == primaryList }
func (t Term) IsBoxed() bool     { return t&primaryMask == primaryBoxed }
func (t Term) IsNil() bool       { return t == Nil }
func (t Term) IsList() bool      { return t == Nil || t&primaryMask == primaryList }

// IsLiteral reports whether a pointer term points into a literal area.
func (t Term) IsLiteral() bool { return t&primaryMask != primaryImmed && t&literalBit != 0 }

// Small integers.

func (t Term) IsSmall() bool { return t&immed1Mask == tagSmallInt }

// Small returns the value of a small integer term.
func (t Term) Small() int64 { return int64(t) >> 4 }

// MakeSmall makes a small integer; v must be within [MinSmall, MaxSmall].
func MakeSmall(v int64) Term { return Term(v<<4) | tagSmallInt }

// FitsSmall reports whether v can be a small integer.
func FitsSmall(v int64) bool { return v >= MinSmall && v <= MaxSmall }

// Atoms.

func (t Term) IsAtom() bool { return t&immed2Mask == tagAtom }

// AtomIndex is the index of an atom term in the atom table.
func (t Term) AtomIndex() uint32 { return uint32(t >> 6) }

// AtomFromIndex makes the atom term for an atom-table index.
func AtomFromIndex(i uint32) Term { return Term(i)<<6 | tagAtom }

// IsBoolean reports whether t is true or false.
func (t Term) IsBoolean() bool { return t == True || t == False }

// Bool converts a Go bool to true/false.
func Bool(b bool) Term {
	if b {
		return True
	}
	return False
}

// Pids and ports (local only).

func (t Term) IsPid() bool  { return t&immed1Mask == tagPid }
func (t Term) IsPort() bool { return t&immed1Mask == tagPort }

// MakePid makes a local pid term with the given process id.
func MakePid(id uint64) Term  { return Term(id<<4) | tagPid }
func MakePort(id uint64) Term { return Term(id<<4) | tagPort }

// PidID is the process id of a local pid (or port) term.
func (t Term) PidID() uint64 { return uint64(t >> 4) }

// Continuation pointers and catch markers live only on process stacks; the
// collector treats them as immediates. Their 58-bit payload is the VM's.

// MakeCP encodes a return address.
func MakeCP(v uint64) Term { return Term(v)<<6 | tagCP }
func (t Term) IsCP() bool  { return t&immed2Mask == tagCP }

// CPValue decodes a return address.
func (t Term) CPValue() uint64 { return uint64(t >> 6) }

// MakeCatch encodes a catch marker.
func MakeCatch(v uint64) Term     { return Term(v)<<6 | tagCatch }
func (t Term) IsCatch() bool      { return t&immed2Mask == tagCatch }
func (t Term) CatchValue() uint64 { return uint64(t >> 6) }

// Headers of boxed objects.

type subtag uint8

const (
	subTuple   subtag = 0
	subPosBig  subtag = 1
	subNegBig  subtag = 2
	subFloat   subtag = 3
	subProcBin subtag = 4
	subSubBin  subtag = 5
	subMatch   subtag = 6
	subFun     subtag = 7
	subExport  subtag = 8
	subMap     subtag = 9
	subRef     subtag = 10
)

func makeHeader(s subtag, arity int) Term { return Term(arity)<<6 | Term(s)<<2 }
func (t Term) headerSubtag() subtag       { return subtag(t>>2) & 0xF }
func (t Term) headerArity() int           { return int(t >> 6) }
func (t Term) isHeader() bool             { return t&primaryMask == primaryHeader && t != NoValue }

// rawPayload reports whether a boxed object of this kind holds raw words
// (not terms) after its header.
func (s subtag) rawPayload() bool {
	return s == subPosBig || s == subNegBig || s == subFloat || s == subProcBin
}

// Pointers.

func heapPtr(primary Term, index int) Term { return Term(index)<<3 | primary }

func literalPtr(primary Term, area uint32, off int) Term {
	return Term(off)<<27 | Term(area)<<3 | literalBit | primary
}

const maxLiteralAreas = 1 << 24

// Floats.

func floatBits(f float64) Term { return Term(math.Float64bits(f)) }
