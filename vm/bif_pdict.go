package vm

import (
	"math"
	"math/bits"

	"github.com/avmtool/avm/vm/term"
)

// The process dictionary is OTP's linear hash table (erl_process_dict.c), so
// get/0, get_keys/0,1 and erase/0 list entries in OTP's order for small
// integer and atom keys (atoms hash by atom-table index, as in OTP, so the
// order follows atom creation order).
//
// Layout of the dictionary (procMore.dict): the slots, then one small integer, the number of
// entries. Each slot is [] or a list of {Key, Value} tuples (OTP stores a
// lone entry as the bare tuple; a one-element list behaves the same). The
// table's split state follows from the number of slots. An empty
// dictionary is nil.

const pdInitialSlots = 8

func pdSlots(p *Process) []term.Term {
	if len(p.pdict()) == 0 {
		return nil
	}
	return p.more.dict[:len(p.more.dict)-1]
}

func pdCount(p *Process) int {
	if len(p.pdict()) == 0 {
		return 0
	}
	return int(p.more.dict[len(p.more.dict)-1].Small())
}

func pdSetCount(p *Process, n int) { p.more.dict[len(p.more.dict)-1] = term.MakeSmall(int64(n)) }

// pdHash is OTP's MAKE_HASH: a small integer hashes to its low 32 bits, an
// atom to its index, anything else to a structural hash.
func pdHash(h *term.Heap, k term.Term) uint32 {
	switch {
	case k.IsSmall():
		return uint32(k.Small())
	case k.IsAtom():
		return k.AtomIndex()
	}
	return uint32(termHash(h, k, 0))
}

// pdIndex maps a hash to a slot of a table of used slots.
func pdIndex(used int, hx uint32) int {
	home := 1 << (bits.Len(uint(used)) - 1) // largest power of two ≤ used
	mask := uint32(2*home - 1)
	if hi := hx & mask; int(hi) < used {
		return int(hi)
	}
	return int(hx & (mask >> 1))
}

// pdFind returns the slot of k and the position of its entry in the slot's
// list (-1 if absent) with the entry's value.
func pdFind(p *Process, k term.Term) (slot, pos int, v term.Term) {
	h := p.heap
	slots := pdSlots(p)
	slot = pdIndex(len(slots), pdHash(h, k))
	pos = 0
	for l := slots[slot]; l.IsCons(); l = h.Tail(l) {
		kv := h.TupleElems(h.Head(l))
		if h.ExactEqual(kv[0], k) {
			return slot, pos, kv[1]
		}
		pos++
	}
	return slot, -1, term.NoValue
}

func pdGet(p *Process, k term.Term) term.Term {
	if len(p.pdict()) == 0 {
		return term.AtomUndefined
	}
	if _, pos, v := pdFind(p, k); pos >= 0 {
		return v
	}
	return term.AtomUndefined
}

// pdPut sets k to v, returning the old value or undefined. An existing
// entry is replaced where it is.
func pdPut(p *Process, k, v term.Term) term.Term {
	h := p.heap
	if len(p.pdict()) == 0 {
		p.moreState().dict = make([]term.Term, pdInitialSlots+1)
		for i := range p.more.dict {
			p.more.dict[i] = term.Nil
		}
		pdSetCount(p, 0)
	}
	slot, pos, old := pdFind(p, k)
	slots := pdSlots(p)
	kv := h.Tuple(k, v)
	if pos >= 0 {
		entries, _ := h.ListToSlice(slots[slot])
		entries[pos] = kv
		slots[slot] = h.List(entries...)
		return old
	}
	slots[slot] = h.Cons(kv, slots[slot])
	n := pdCount(p) + 1
	pdSetCount(p, n)
	if len(slots) <= n {
		pdGrow(p)
	}
	return term.AtomUndefined
}

// pdGrow splits (used/4)&15 slots (at least one), as OTP's grow().
func pdGrow(p *Process) {
	h := p.heap
	used := len(pdSlots(p))
	steps := used / 4 & 0xF
	if steps == 0 {
		steps = 1
	}
	n := pdCount(p)
	for range steps {
		home := 1 << (bits.Len(uint(used)) - 1)
		pos := used - home
		// Append the new slot pos+home (== used) before the count.
		p.more.dict = append(p.more.dict[:used], term.Nil, term.MakeSmall(int64(n)))
		used++
		stay, move := term.Nil, term.Nil
		for l := p.more.dict[pos]; l.IsCons(); l = h.Tail(l) {
			kv := h.Head(l)
			if pdIndex(used, pdHash(h, h.TupleElems(kv)[0])) == pos {
				stay = h.Cons(kv, stay)
			} else {
				move = h.Cons(kv, move)
			}
		}
		p.more.dict[pos], p.more.dict[pos+home] = stay, move
	}
}

// pdErase removes k, returning its value or undefined, and shrinks the
// table as OTP's erase does.
func pdErase(p *Process, k term.Term) term.Term {
	if len(p.pdict()) == 0 {
		return term.AtomUndefined
	}
	h := p.heap
	ret := term.AtomUndefined
	slot, pos, v := pdFind(p, k)
	if pos >= 0 {
		slots := pdSlots(p)
		entries, _ := h.ListToSlice(slots[slot])
		slots[slot] = h.List(append(entries[:pos], entries[pos+1:]...)...)
		pdSetCount(p, pdCount(p)-1)
		ret = v
	}
	if used := len(pdSlots(p)); used > pdInitialSlots && used/2 > pdCount(p) {
		pdShrink(p)
	}
	return ret
}

// pdShrink merges 30% of the slots back, as OTP's shrink().
func pdShrink(p *Process) {
	h := p.heap
	n := pdCount(p)
	used := len(pdSlots(p))
	steps := used * 3 / 10
	if used-steps < pdInitialSlots {
		steps = used - pdInitialSlots
	}
	for range steps {
		home := 1 << (bits.Len(uint(used)) - 1)
		split := used - home
		if split == 0 {
			split = used / 2
		}
		split--
		lo, hi := p.more.dict[split], p.more.dict[used-1]
		switch {
		case hi == term.Nil:
		case lo == term.Nil:
			lo = hi
		case h.Tail(lo) == term.Nil: // OTP: lo is a lone tuple
			lo = h.Cons(h.Head(lo), hi)
		case h.Tail(hi) == term.Nil:
			lo = h.Cons(h.Head(hi), lo)
		default: // two lists: hi's entries are pushed onto lo one by one
			for l := hi; l.IsCons(); l = h.Tail(l) {
				lo = h.Cons(h.Head(l), lo)
			}
		}
		p.more.dict[split] = lo
		used--
		p.more.dict = append(p.more.dict[:used], term.MakeSmall(int64(n)))
	}
}

// pdAll lists the entries as OTP's get/0 does: slot by slot, each pushed
// onto the front of the result. With keysOnly it lists keys; with match set
// only the keys whose value is exactly match.
func pdAll(p *Process, keysOnly bool, match term.Term) term.Term {
	h := p.heap
	res := term.Nil
	for _, l := range pdSlots(p) {
		for ; l.IsCons(); l = h.Tail(l) {
			kv := h.Head(l)
			e := h.TupleElems(kv)
			switch {
			case match != term.NoValue:
				if h.ExactEqual(e[1], match) {
					res = h.Cons(e[0], res)
				}
			case keysOnly:
				res = h.Cons(e[0], res)
			default:
				res = h.Cons(kv, res)
			}
		}
	}
	return res
}

// termHash is a structural hash consistent with =:= (0.0 and -0.0, equal in
// OTP 25, hash alike).
func termHash(h *term.Heap, t term.Term, acc uint64) uint64 {
	mix := func(x uint64) { acc = (acc^x)*0x100000001B3 + 0x9E3779B97F4A7C15 }
	for {
		switch {
		case t.IsCons():
			mix(1)
			hd, tl := h.HeadTail(t)
			acc = termHash(h, hd, acc)
			t = tl
			continue
		case t.IsImmediate():
			mix(uint64(t))
		case h.IsTuple(t):
			elems := h.TupleElems(t)
			mix(2)
			mix(uint64(len(elems)))
			for _, e := range elems {
				acc = termHash(h, e, acc)
			}
		case h.IsFloat(t):
			f := h.FloatValue(t)
			if f == 0 {
				f = 0
			}
			mix(3)
			mix(math.Float64bits(f))
		case h.IsBig(t):
			mix(4)
			mix(uint64(h.IntSign(t) + 1))
			for _, w := range h.ToBig(t).Bits() {
				mix(uint64(w))
			}
		case h.IsBitstring(t):
			b, n := h.BitstringBytes(t)
			mix(5)
			mix(uint64(n))
			for _, c := range b {
				mix(uint64(c))
			}
		case h.IsMap(t):
			keys, vals := h.MapKeysValues(t)
			mix(6)
			for i := range keys {
				acc = termHash(h, keys[i], acc)
				acc = termHash(h, vals[i], acc)
			}
		case h.IsRef(t):
			mix(7)
			mix(h.RefID(t))
		case h.IsExportFun(t):
			m, f, a := h.ExportParts(t)
			mix(8)
			mix(uint64(m))
			mix(uint64(f))
			mix(uint64(a))
		case h.IsClosure(t):
			ref, free := h.ClosureParts(t)
			mix(9)
			mix(ref)
			for _, e := range free {
				acc = termHash(h, e, acc)
			}
		}
		return acc
	}
}

func bifPut(p *Process, args []term.Term) term.Term  { return pdPut(p, args[0], args[1]) }
func bifGet1(p *Process, args []term.Term) term.Term { return pdGet(p, args[0]) }
func bifGet0(p *Process, _ []term.Term) term.Term    { return pdAll(p, false, term.NoValue) }
func bifGetKeys0(p *Process, _ []term.Term) term.Term {
	return pdAll(p, true, term.NoValue)
}
func bifGetKeys1(p *Process, args []term.Term) term.Term { return pdAll(p, true, args[0]) }
func bifErase1(p *Process, args []term.Term) term.Term   { return pdErase(p, args[0]) }

func bifErase0(p *Process, _ []term.Term) term.Term {
	all := pdAll(p, false, term.NoValue)
	if p.more != nil {
		p.more.dict = nil
	}
	return all
}

func init() {
	register("erlang",
		Native{Function: "put", Arity: 2, Fn: bifPut, Doc: "Sets a key in the process dictionary; returns the old value or undefined."},
		Native{Function: "get", Arity: 1, Fn: bifGet1, Doc: "The value of a key in the process dictionary, or undefined."},
		Native{Function: "get", Arity: 0, Fn: bifGet0, Doc: "The process dictionary as a list of {Key, Value}."},
		Native{Function: "get_keys", Arity: 0, Fn: bifGetKeys0, Doc: "The keys of the process dictionary."},
		Native{Function: "get_keys", Arity: 1, Fn: bifGetKeys1, Doc: "The keys of the process dictionary whose value is exactly Value."},
		Native{Function: "erase", Arity: 1, Fn: bifErase1, Doc: "Removes a key from the process dictionary; returns its value or undefined."},
		Native{Function: "erase", Arity: 0, Fn: bifErase0, Doc: "Empties the process dictionary, returning its old contents."},
	)
}
