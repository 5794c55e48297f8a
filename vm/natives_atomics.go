package vm

import (
	"math/big"
	"sync"
	"sync/atomic"

	"github.com/avmtool/avm/vm/term"
)

// atomics and counters: fixed-size arrays of 64-bit integers shared by every
// process of a Machine. As in OTP, an atomics array is a reference and a
// counters array is {atomics, Ref} or {write_concurrency, Ref}; the
// reference can be sent anywhere and every holder sees the same cells.
// Arithmetic wraps around modulo 2^64, as OTP's does.
//
// OTP frees an array when the last term referring to it is collected; avm
// cannot see that, so an array lives as long as its Machine.

// atomicsTable holds the arrays of one Machine, keyed by reference id.
type atomicsTable struct {
	mu     sync.RWMutex
	arrays map[uint64]*atomicArray
}

type atomicArray struct {
	signed bool
	cells  []atomic.Uint64
}

var (
	atomAtomics          = term.Atom("atomics")
	atomWriteConcurrency = term.Atom("write_concurrency")
	atomSize             = term.Atom("size")
	atomMax              = term.Atom("max")
	atomMin              = term.Atom("min")
)

var (
	minInt64Big  = big.NewInt(-1 << 63)
	maxUint64Big = new(big.Int).SetUint64(1<<64 - 1)
)

func init() {
	register("atomics",
		Native{Function: "new", Arity: 2, Fn: atomicsNew, Doc: "new(Arity, Opts): an array of Arity 64-bit integers, all 0, shared by every process; Opts may hold {signed, Bool} (default true)"},
		Native{Function: "put", Arity: 3, Fn: atomicsPut, Doc: "put(Ref, Ix, Value): set element Ix to Value; ok"},
		Native{Function: "get", Arity: 2, Fn: atomicsGet, Doc: "get(Ref, Ix): the value of element Ix"},
		Native{Function: "add", Arity: 3, Fn: atomicsAdd, Doc: "add(Ref, Ix, Incr): add Incr to element Ix, wrapping around; ok"},
		Native{Function: "add_get", Arity: 3, Fn: atomicsAddGet, Doc: "add_get(Ref, Ix, Incr): add Incr to element Ix, wrapping around; the new value"},
		Native{Function: "sub", Arity: 3, Fn: atomicsSub, Doc: "sub(Ref, Ix, Decr): subtract Decr from element Ix, wrapping around; ok"},
		Native{Function: "sub_get", Arity: 3, Fn: atomicsSubGet, Doc: "sub_get(Ref, Ix, Decr): subtract Decr from element Ix, wrapping around; the new value"},
		Native{Function: "exchange", Arity: 3, Fn: atomicsExchange, Doc: "exchange(Ref, Ix, Desired): set element Ix to Desired; its old value"},
		Native{Function: "compare_exchange", Arity: 4, Fn: atomicsCompareExchange, Doc: "compare_exchange(Ref, Ix, Expected, Desired): set element Ix to Desired if it holds Expected; ok, or the value it holds"},
		Native{Function: "info", Arity: 1, Fn: atomicsInfo, Doc: "info(Ref): #{size, max, min, memory} of the array"},
	)
	register("counters",
		Native{Function: "new", Arity: 2, Fn: countersNew, Doc: "new(Size, Opts): an array of Size signed 64-bit counters, all 0, shared by every process; Opts is [], [atomics] or [write_concurrency]"},
		Native{Function: "get", Arity: 2, Fn: countersGet, Doc: "get(Ref, Ix): the value of counter Ix"},
		Native{Function: "add", Arity: 3, Fn: countersAdd, Doc: "add(Ref, Ix, Incr): add Incr to counter Ix, wrapping around; ok"},
		Native{Function: "sub", Arity: 3, Fn: countersSub, Doc: "sub(Ref, Ix, Decr): subtract Decr from counter Ix, wrapping around; ok"},
		Native{Function: "put", Arity: 3, Fn: countersPut, Doc: "put(Ref, Ix, Value): set counter Ix to Value; ok"},
		Native{Function: "info", Arity: 1, Fn: countersInfo, Doc: "info(Ref): #{size, memory} of the array (and max, min for atomics-based ones)"},
	)
}

// create makes an array of size cells and returns its reference.
func (t *atomicsTable) create(m *Machine, size int, signed bool) uint64 {
	id := m.nextRef.Add(1)
	a := &atomicArray{signed: signed, cells: make([]atomic.Uint64, size)}
	t.mu.Lock()
	if t.arrays == nil {
		t.arrays = map[uint64]*atomicArray{}
	}
	t.arrays[id] = a
	t.mu.Unlock()
	return id
}

func (t *atomicsTable) lookup(id uint64) *atomicArray {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.arrays[id]
}

// arraySize reads the size argument of new/2: a positive integer that fits
// in memory.
func arraySize(p *Process, t term.Term) (int, bool) {
	n, ok := p.heap.Int64(t)
	if !ok || n < 1 || n > 1<<32 {
		return 0, false
	}
	return int(n), true
}

func atomicsNew(p *Process, args []term.Term) term.Term {
	size, ok := arraySize(p, args[0])
	if !ok {
		return p.Badarg()
	}
	signed := true
	h := p.heap
	opts := args[1]
	for opts != term.Nil {
		if !opts.IsCons() {
			return p.Badarg()
		}
		opt := h.Head(opts)
		if !h.IsTaggedTuple(opt, 2, atomSigned) {
			return p.Badarg()
		}
		switch v := h.TupleElems(opt)[1]; v {
		case term.True, term.False:
			signed = v == term.True
		default:
			return p.Badarg()
		}
		opts = h.Tail(opts)
	}
	return h.Ref(p.m.atomics.create(p.m, size, signed))
}

// atomicsArray finds the array behind reference t.
func atomicsArray(p *Process, t term.Term) *atomicArray {
	if !p.heap.IsRef(t) {
		return nil
	}
	return p.m.atomics.lookup(p.heap.RefID(t))
}

// atomicsCell finds element ix (1-based) of the array behind reference ref.
func atomicsCell(p *Process, ref, ix term.Term) (*atomicArray, *atomic.Uint64) {
	a := atomicsArray(p, ref)
	if a == nil || !ix.IsSmall() {
		return nil, nil
	}
	i := ix.Small()
	if i < 1 || i > int64(len(a.cells)) {
		return nil, nil
	}
	return a, &a.cells[i-1]
}

// incrBits reads an increment: any integer representable as a signed or
// an unsigned 64-bit integer, as its 64 bits.
func incrBits(h *term.Heap, t term.Term) (uint64, bool) {
	if v, ok := h.Int64(t); ok {
		return uint64(v), true
	}
	if !h.IsBig(t) {
		return 0, false
	}
	b := h.ToBig(t)
	if b.Sign() < 0 || b.Cmp(maxUint64Big) > 0 {
		return 0, false
	}
	return b.Uint64(), true
}

// valueBits reads a value to store: within the range of the array's
// element type.
func (a *atomicArray) valueBits(h *term.Heap, t term.Term) (uint64, bool) {
	if a.signed {
		v, ok := h.Int64(t)
		return uint64(v), ok
	}
	bits, ok := incrBits(h, t)
	if !ok || h.IntSign(t) < 0 {
		return 0, false
	}
	return bits, true
}

// term returns the element bits v as an integer of the array's type.
func (a *atomicArray) term(h *term.Heap, v uint64) term.Term {
	if a.signed {
		return h.Integer(int64(v))
	}
	return h.Uint(v)
}

func atomicsPut(p *Process, args []term.Term) term.Term {
	a, c := atomicsCell(p, args[0], args[1])
	if a == nil {
		return p.Badarg()
	}
	v, ok := a.valueBits(p.heap, args[2])
	if !ok {
		return p.Badarg()
	}
	c.Store(v)
	return term.AtomOk
}

func atomicsGet(p *Process, args []term.Term) term.Term {
	a, c := atomicsCell(p, args[0], args[1])
	if a == nil {
		return p.Badarg()
	}
	return a.term(p.heap, c.Load())
}

// atomicsUpdate adds the increment (negated when sub) to a cell and
// returns the array and the new bits; ok is false on badarg.
func atomicsUpdate(p *Process, args []term.Term, sub bool) (*atomicArray, uint64, bool) {
	a, c := atomicsCell(p, args[0], args[1])
	if a == nil {
		return nil, 0, false
	}
	d, ok := incrBits(p.heap, args[2])
	if !ok {
		return nil, 0, false
	}
	if sub {
		d = -d
	}
	return a, c.Add(d), true
}

func atomicsAdd(p *Process, args []term.Term) term.Term {
	if _, _, ok := atomicsUpdate(p, args, false); !ok {
		return p.Badarg()
	}
	return term.AtomOk
}

func atomicsAddGet(p *Process, args []term.Term) term.Term {
	a, v, ok := atomicsUpdate(p, args, false)
	if !ok {
		return p.Badarg()
	}
	return a.term(p.heap, v)
}

func atomicsSub(p *Process, args []term.Term) term.Term {
	if _, _, ok := atomicsUpdate(p, args, true); !ok {
		return p.Badarg()
	}
	return term.AtomOk
}

func atomicsSubGet(p *Process, args []term.Term) term.Term {
	a, v, ok := atomicsUpdate(p, args, true)
	if !ok {
		return p.Badarg()
	}
	return a.term(p.heap, v)
}

func atomicsExchange(p *Process, args []term.Term) term.Term {
	a, c := atomicsCell(p, args[0], args[1])
	if a == nil {
		return p.Badarg()
	}
	v, ok := a.valueBits(p.heap, args[2])
	if !ok {
		return p.Badarg()
	}
	return a.term(p.heap, c.Swap(v))
}

func atomicsCompareExchange(p *Process, args []term.Term) term.Term {
	a, c := atomicsCell(p, args[0], args[1])
	if a == nil {
		return p.Badarg()
	}
	expected, ok1 := a.valueBits(p.heap, args[2])
	desired, ok2 := a.valueBits(p.heap, args[3])
	if !ok1 || !ok2 {
		return p.Badarg()
	}
	for {
		if c.CompareAndSwap(expected, desired) {
			return term.AtomOk
		}
		// Another process may change the cell between the failed swap and
		// this load; retry until the value read is not the expected one.
		if old := c.Load(); old != expected {
			return a.term(p.heap, old)
		}
	}
}

func atomicsInfo(p *Process, args []term.Term) term.Term {
	a := atomicsArray(p, args[0])
	if a == nil {
		return p.Badarg()
	}
	return a.info(p.heap, true)
}

// info is the map atomics:info and counters:info return. memory counts
// the array header and cells, the figure OTP reports for atomics.
func (a *atomicArray) info(h *term.Heap, bounds bool) term.Term {
	size := int64(len(a.cells))
	keys := []term.Term{atomSize, atomMemory}
	vals := []term.Term{h.Integer(size), h.Integer(40 + 8*size)}
	if bounds {
		max, min := h.Integer(1<<63-1), h.Integer(-1<<63)
		if !a.signed {
			max, min = h.Uint(1<<64-1), term.MakeSmall(0)
		}
		keys = append(keys, atomMax, atomMin)
		vals = append(vals, max, min)
	}
	return h.MapFromPairs(keys, vals)
}

func countersNew(p *Process, args []term.Term) term.Term {
	size, ok := arraySize(p, args[0])
	if !ok {
		return p.Badarg()
	}
	h := p.heap
	tag := atomAtomics
	switch opts := args[1]; {
	case opts == term.Nil:
	case opts.IsCons() && h.Tail(opts) == term.Nil &&
		(h.Head(opts) == atomAtomics || h.Head(opts) == atomWriteConcurrency):
		tag = h.Head(opts)
	default:
		return p.Badarg()
	}
	return h.Tuple(tag, h.Ref(p.m.atomics.create(p.m, size, true)))
}

// countersRef turns {atomics, Ref} or {write_concurrency, Ref} into Ref.
func countersRef(p *Process, t term.Term) term.Term {
	h := p.heap
	if !h.IsTuple(t) || h.TupleSize(t) != 2 {
		return term.NoValue
	}
	e := h.TupleElems(t)
	if e[0] != atomAtomics && e[0] != atomWriteConcurrency {
		return term.NoValue
	}
	return e[1]
}

// countersArgs is args with the counters term replaced by its reference.
func countersArgs(p *Process, args []term.Term) []term.Term {
	out := append([]term.Term(nil), args...)
	out[0] = countersRef(p, args[0])
	return out
}

func countersGet(p *Process, args []term.Term) term.Term {
	return atomicsGet(p, countersArgs(p, args))
}

func countersAdd(p *Process, args []term.Term) term.Term {
	return atomicsAdd(p, countersArgs(p, args))
}

func countersPut(p *Process, args []term.Term) term.Term {
	return atomicsPut(p, countersArgs(p, args))
}

// countersSub negates Decr before adding it, as OTP's counters:sub does:
// a Decr that is not a number is badarith, not badarg.
func countersSub(p *Process, args []term.Term) term.Term {
	h := p.heap
	decr := args[2]
	if !h.IsNumber(decr) {
		return p.Badarith()
	}
	if !h.IsInteger(decr) {
		return p.Badarg()
	}
	out := countersArgs(p, args)
	out[2] = h.BigInt(new(big.Int).Neg(h.ToBig(decr)))
	return atomicsAdd(p, out)
}

func countersInfo(p *Process, args []term.Term) term.Term {
	ref := countersRef(p, args[0])
	if ref == term.NoValue {
		return p.Badarg()
	}
	a := atomicsArray(p, ref)
	if a == nil {
		return p.Badarg()
	}
	return a.info(p.heap, p.heap.TupleElems(args[0])[0] == atomAtomics)
}
