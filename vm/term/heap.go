package term

import (
	"sync"
	"sync/atomic"
)

// Heap is an area of term words plus the off-heap objects (binaries) its
// terms reference. A process has one; so does each message in flight and each
// module's literal area. A Heap is used by one goroutine at a time.
type Heap struct {
	words []Term // len(words) is the allocation top
	off   []*Binary

	// literal is the area number when this heap is a registered literal area.
	literal uint32
	frozen  bool
}

// NewHeap returns an empty heap with room for words terms.
func NewHeap(words int) *Heap {
	return &Heap{words: make([]Term, 0, words)}
}

// Init makes h an empty heap with room for words terms, for heaps that
// are part of a larger struct.
func (h *Heap) Init(words int) {
	*h = Heap{words: make([]Term, 0, words)}
}

// Used is the number of words allocated.
func (h *Heap) Used() int { return len(h.words) }

// Cap is the number of words the heap can hold before it grows.
func (h *Heap) Cap() int { return cap(h.words) }

// alloc reserves n words and returns the index of the first. The heap grows
// when full; indexes stay valid because pointers are indexes.
func (h *Heap) alloc(n int) int {
	top := len(h.words)
	if top+n > cap(h.words) {
		if h.frozen {
			panic("term: allocation on a frozen literal area")
		}
		// The new space may come from a collection's leftovers; the
		// old one is left to Go's collector, as a native may still
		// hold a slice of it.
		w := getSpace(2*cap(h.words) + n)[:top]
		copy(w, h.words)
		h.words = w
	}
	h.words = h.words[:top+n]
	return top
}

// TryCons is Cons when the heap has room, without growing it: ok is false
// when it is full. It makes no call, for the interpreter's fast loop.
func (h *Heap) TryCons(hd, tl Term) (t Term, ok bool) {
	top := len(h.words)
	if top+2 > cap(h.words) {
		return 0, false
	}
	h.words = h.words[:top+2]
	h.words[top], h.words[top+1] = hd, tl
	return heapPtr(primaryList, top), true
}

// TryTuple is MakeTuple when the heap has room, without growing it: it
// returns the tuple and its elements to fill, or ok false when full.
func (h *Heap) TryTuple(n int) (t Term, elems []Term, ok bool) {
	top := len(h.words)
	if top+n+1 > cap(h.words) {
		return 0, nil, false
	}
	h.words = h.words[:top+n+1]
	h.words[top] = makeHeader(subTuple, n)
	return heapPtr(primaryBoxed, top), h.words[top+1 : top+1+n], true
}

// Reserve makes sure n more words fit without reallocation.
func (h *Heap) Reserve(n int) {
	if len(h.words)+n > cap(h.words) {
		top := h.alloc(n)
		h.words = h.words[:top]
	}
}

// literal areas, shared VM-wide.
var literalAreas struct {
	mu    sync.Mutex
	areas atomic.Pointer[[]*Heap]
}

func init() {
	empty := []*Heap{}
	literalAreas.areas.Store(&empty)
}

// RegisterLiteralArea freezes h and makes it a literal area: terms built in
// it before the call are returned re-pointed into the area, and later reads
// from any heap see them. Literal areas are immutable and never collected.
func RegisterLiteralArea(h *Heap, roots []Term) []Term {
	literalAreas.mu.Lock()
	defer literalAreas.mu.Unlock()
	old := *literalAreas.areas.Load()
	if len(old) >= maxLiteralAreas {
		panic("term: too many literal areas")
	}
	id := uint32(len(old))
	areas := make([]*Heap, len(old)+1)
	copy(areas, old)
	areas[id] = h
	h.literal = id
	h.frozen = true
	// Rewrite heap pointers inside the area and in the roots to literal pointers.
	for i := 0; i < len(h.words); {
		w := h.words[i]
		if w.isHeader() {
			n := w.headerArity()
			if w.headerSubtag().rawPayload() {
				i += 1 + n
				continue
			}
			i++
			continue
		}
		h.words[i] = toLiteral(w, id)
		i++
	}
	out := make([]Term, len(roots))
	for i, r := range roots {
		out[i] = toLiteral(r, id)
	}
	literalAreas.areas.Store(&areas)
	return out
}

func toLiteral(t Term, id uint32) Term {
	if t&primaryMask == primaryList || t&primaryMask == primaryBoxed {
		if t&literalBit == 0 {
			return literalPtr(t&primaryMask, id, int(t>>3))
		}
	}
	return t
}

// words returns the word slice a pointer term points into, starting at the
// object it points to.
func (h *Heap) at(t Term) []Term {
	if t&literalBit == 0 {
		return h.words[t>>3:]
	}
	area := (*literalAreas.areas.Load())[uint32(t>>3)&(maxLiteralAreas-1)]
	return area.words[t>>27:]
}

// areaOf returns the heap holding the object a pointer term points to.
func (h *Heap) areaOf(t Term) *Heap {
	if t&literalBit == 0 {
		return h
	}
	return (*literalAreas.areas.Load())[uint32(t>>3)&(maxLiteralAreas-1)]
}

// header returns the header word of a boxed term.
func (h *Heap) header(t Term) Term { return h.at(t)[0] }

// Kind classification of boxed terms.

func (h *Heap) boxedIs(t Term, s subtag) bool {
	return t&primaryMask == primaryBoxed && h.header(t).headerSubtag() == s
}

func (h *Heap) IsTuple(t Term) bool { return h.boxedIs(t, subTuple) }
func (h *Heap) IsFloat(t Term) bool { return h.boxedIs(t, subFloat) }
func (h *Heap) IsMap(t Term) bool   { return h.boxedIs(t, subMap) }
func (h *Heap) IsRef(t Term) bool   { return h.boxedIs(t, subRef) }

// IsBig reports whether t is a boxed (big) integer.
func (h *Heap) IsBig(t Term) bool {
	if t&primaryMask != primaryBoxed {
		return false
	}
	s := h.header(t).headerSubtag()
	return s == subPosBig || s == subNegBig
}

// IsInteger reports whether t is an integer of any size.
func (h *Heap) IsInteger(t Term) bool { return t.IsSmall() || h.IsBig(t) }

// IsNumber reports whether t is an integer or a float.
func (h *Heap) IsNumber(t Term) bool { return t.IsSmall() || h.IsBig(t) || h.IsFloat(t) }

// IsFun reports whether t is a fun (closure or export).
func (h *Heap) IsFun(t Term) bool {
	if t&primaryMask != primaryBoxed {
		return false
	}
	s := h.header(t).headerSubtag()
	return s == subFun || s == subExport
}

// IsBitstring reports whether t is a binary or bitstring.
func (h *Heap) IsBitstring(t Term) bool {
	if t&primaryMask != primaryBoxed {
		return false
	}
	s := h.header(t).headerSubtag()
	return s == subProcBin || s == subSubBin
}

// IsBinary reports whether t is a bitstring whose size is whole bytes.
func (h *Heap) IsBinary(t Term) bool {
	if !h.IsBitstring(t) {
		return false
	}
	_, _, bits := h.Bits(t)
	return bits%8 == 0
}

// IsMatchState reports whether t is a binary match context.
func (h *Heap) IsMatchState(t Term) bool { return h.boxedIs(t, subMatch) }

// Tuples.

// MakeTuple allocates a tuple of n elements, all NoValue; fill them with
// TupleElems.
func (h *Heap) MakeTuple(n int) Term {
	i := h.alloc(n + 1)
	h.words[i] = makeHeader(subTuple, n)
	return heapPtr(primaryBoxed, i)
}

// Tuple allocates a tuple holding elems.
func (h *Heap) Tuple(elems ...Term) Term {
	i := h.alloc(len(elems) + 1)
	h.words[i] = makeHeader(subTuple, len(elems))
	copy(h.words[i+1:], elems)
	return heapPtr(primaryBoxed, i)
}

// TupleElems returns the elements of a tuple; the slice aliases the heap
// (writable only for freshly made tuples) and is invalidated by allocation.
func (h *Heap) TupleElems(t Term) []Term {
	w := h.at(t)
	return w[1 : 1+w[0].headerArity()]
}

// IsTaggedTuple reports whether t is a tuple of arity elements (at least
// one) whose first is tag, in one look at its header.
func (h *Heap) IsTaggedTuple(t Term, arity int, tag Term) bool {
	if !t.IsBoxed() {
		return false
	}
	w := h.at(t)
	return len(w) > 1 && w[0] == makeHeader(subTuple, arity) && w[1] == tag
}

// TupleSize returns the arity of a tuple.
func (h *Heap) TupleSize(t Term) int { return h.header(t).headerArity() }

// Lists.

// Cons allocates [hd | tl].
func (h *Heap) Cons(hd, tl Term) Term {
	i := h.alloc(2)
	h.words[i] = hd
	h.words[i+1] = tl
	return heapPtr(primaryList, i)
}

// Head and Tail of a cons cell.
func (h *Heap) Head(t Term) Term { return h.at(t)[0] }
func (h *Heap) Tail(t Term) Term { return h.at(t)[1] }

// HeadTail returns both halves of a cons cell.
func (h *Heap) HeadTail(t Term) (Term, Term) {
	w := h.at(t)
	return w[0], w[1]
}

// List builds a proper list of elems.
func (h *Heap) List(elems ...Term) Term { return h.ListTail(elems, Nil) }

// ListTail builds elems ++ tail.
func (h *Heap) ListTail(elems []Term, tail Term) Term {
	if len(elems) == 0 {
		return tail
	}
	i := h.alloc(2 * len(elems))
	for k, e := range elems {
		h.words[i+2*k] = e
		h.words[i+2*k+1] = heapPtr(primaryList, i+2*k+2)
	}
	h.words[i+2*len(elems)-1] = tail
	return heapPtr(primaryList, i)
}

// ListLen returns the length of a proper list, or -1 if t is not one.
func (h *Heap) ListLen(t Term) int {
	n := 0
	for t.IsCons() {
		n++
		t = h.Tail(t)
	}
	if t != Nil {
		return -1
	}
	return n
}

// ListToSlice returns the elements of a proper list; ok is false for an
// improper list or a non-list.
func (h *Heap) ListToSlice(t Term) (elems []Term, ok bool) {
	for t.IsCons() {
		w := h.at(t)
		elems = append(elems, w[0])
		t = w[1]
	}
	return elems, t == Nil
}

// Floats.

// Float allocates a float.
func (h *Heap) Float(f float64) Term {
	i := h.alloc(2)
	h.words[i] = makeHeader(subFloat, 1)
	h.words[i+1] = floatBits(f)
	return heapPtr(primaryBoxed, i)
}

// FloatValue returns the value of a float term.
func (h *Heap) FloatValue(t Term) float64 { return fromBits(h.at(t)[1]) }

// References.

// Ref allocates a reference with the given unique number.
func (h *Heap) Ref(id uint64) Term {
	i := h.alloc(3)
	h.words[i] = makeHeader(subRef, 2)
	h.words[i+1] = MakeSmall(int64(id >> 32))
	h.words[i+2] = MakeSmall(int64(id & 0xFFFFFFFF))
	return heapPtr(primaryBoxed, i)
}

// RefID returns the unique number of a reference.
func (h *Heap) RefID(t Term) uint64 {
	w := h.at(t)
	return uint64(w[1].Small())<<32 | uint64(w[2].Small())
}

// Funs.

// Closure allocates a local fun: FunRef identifies the module and lambda
// (interpreted by the VM), free holds the captured variables.
func (h *Heap) Closure(funRef uint64, free []Term) Term {
	i := h.alloc(2 + len(free))
	h.words[i] = makeHeader(subFun, 1+len(free))
	h.words[i+1] = MakeSmall(int64(funRef))
	copy(h.words[i+2:], free)
	return heapPtr(primaryBoxed, i)
}

// IsClosure reports whether t is a local fun.
func (h *Heap) IsClosure(t Term) bool { return h.boxedIs(t, subFun) }

// ClosureParts returns the fun reference and free variables of a closure.
func (h *Heap) ClosureParts(t Term) (funRef uint64, free []Term) {
	w := h.at(t)
	n := w[0].headerArity()
	return uint64(w[1].Small()), w[2 : 1+n]
}

// ExportFun allocates fun M:F/A.
func (h *Heap) ExportFun(m, f Term, arity int) Term {
	i := h.alloc(4)
	h.words[i] = makeHeader(subExport, 3)
	h.words[i+1] = m
	h.words[i+2] = f
	h.words[i+3] = MakeSmall(int64(arity))
	return heapPtr(primaryBoxed, i)
}

// IsExportFun reports whether t is an external fun.
func (h *Heap) IsExportFun(t Term) bool { return h.boxedIs(t, subExport) }

// ExportParts returns M, F and A of an external fun.
func (h *Heap) ExportParts(t Term) (m, f Term, arity int) {
	w := h.at(t)
	return w[1], w[2], int(w[3].Small())
}
