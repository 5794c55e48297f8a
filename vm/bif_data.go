package vm

import (
	"sort"

	"github.com/avmtool/avm/vm/term"
)

// Tuples, lists and maps.

// tupleIndex returns the 0-based index of the 1-based position n in tuple
// t, with limit extra positions allowed past the end (1 for insert_element).
func tupleIndex(h *term.Heap, n, t term.Term, extra int) (int, bool) {
	i, ok := smallArg(n)
	if !ok || !h.IsTuple(t) || i < 1 || i > int64(h.TupleSize(t)+extra) {
		return 0, false
	}
	return int(i - 1), true
}

func bifElement(p *Process, args []term.Term) term.Term {
	i, ok := tupleIndex(p.heap, args[0], args[1], 0)
	if !ok {
		return p.Badarg()
	}
	return p.heap.TupleElems(args[1])[i]
}

func bifSetelement(p *Process, args []term.Term) term.Term {
	h := p.heap
	i, ok := tupleIndex(h, args[0], args[1], 0)
	if !ok {
		return p.Badarg()
	}
	elems := append([]term.Term(nil), h.TupleElems(args[1])...)
	elems[i] = args[2]
	return h.Tuple(elems...)
}

func bifInsertElement(p *Process, args []term.Term) term.Term {
	h := p.heap
	i, ok := tupleIndex(h, args[0], args[1], 1)
	if !ok {
		return p.Badarg()
	}
	old := h.TupleElems(args[1])
	elems := make([]term.Term, 0, len(old)+1)
	elems = append(append(append(elems, old[:i]...), args[2]), old[i:]...)
	return h.Tuple(elems...)
}

func bifDeleteElement(p *Process, args []term.Term) term.Term {
	h := p.heap
	i, ok := tupleIndex(h, args[0], args[1], 0)
	if !ok {
		return p.Badarg()
	}
	old := h.TupleElems(args[1])
	elems := make([]term.Term, 0, len(old)-1)
	elems = append(append(elems, old[:i]...), old[i+1:]...)
	return h.Tuple(elems...)
}

func bifAppendElement(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsTuple(args[0]) {
		return p.Badarg()
	}
	old := h.TupleElems(args[0])
	if len(old) >= maxTupleSize {
		return p.Badarg()
	}
	elems := append(append(make([]term.Term, 0, len(old)+1), old...), args[1])
	return h.Tuple(elems...)
}

func bifTupleSize(p *Process, args []term.Term) term.Term {
	if !p.heap.IsTuple(args[0]) {
		return p.Badarg()
	}
	return term.MakeSmall(int64(p.heap.TupleSize(args[0])))
}

// bifSize is size/1: the arity of a tuple or the whole bytes of a bitstring.
func bifSize(p *Process, args []term.Term) term.Term {
	h, t := p.heap, args[0]
	switch {
	case h.IsTuple(t):
		return term.MakeSmall(int64(h.TupleSize(t)))
	case h.IsBitstring(t):
		return term.MakeSmall(int64(h.BitSize(t) / 8))
	}
	return p.Badarg()
}

// makeTupleSize checks the size argument of make_tuple.
func makeTupleSize(t term.Term) (int, bool) {
	n, ok := smallArg(t)
	if !ok || n < 0 || n > maxTupleSize {
		return 0, false
	}
	return int(n), true
}

func bifMakeTuple2(p *Process, args []term.Term) term.Term {
	n, ok := makeTupleSize(args[0])
	if !ok {
		return p.Badarg()
	}
	t := p.heap.MakeTuple(n)
	elems := p.heap.TupleElems(t)
	for i := range elems {
		elems[i] = args[1]
	}
	return t
}

// bifMakeTuple3 is make_tuple(N, Default, [{Pos, Value}]); later entries
// win.
func bifMakeTuple3(p *Process, args []term.Term) term.Term {
	h := p.heap
	n, ok := makeTupleSize(args[0])
	if !ok {
		return p.Badarg()
	}
	inits, ok := h.ListToSlice(args[2])
	if !ok {
		return p.Badarg()
	}
	elems := make([]term.Term, n)
	for i := range elems {
		elems[i] = args[1]
	}
	for _, in := range inits {
		if !h.IsTuple(in) || h.TupleSize(in) != 2 {
			return p.Badarg()
		}
		pv := h.TupleElems(in)
		i, ok := smallArg(pv[0])
		if !ok || i < 1 || i > int64(n) {
			return p.Badarg()
		}
		elems[i-1] = pv[1]
	}
	return h.Tuple(elems...)
}

func bifListToTuple(p *Process, args []term.Term) term.Term {
	elems, ok := p.heap.ListToSlice(args[0])
	if !ok || len(elems) > maxTupleSize {
		return p.Badarg()
	}
	return p.heap.Tuple(elems...)
}

func bifTupleToList(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsTuple(args[0]) {
		return p.Badarg()
	}
	elems := append([]term.Term(nil), h.TupleElems(args[0])...)
	return h.List(elems...)
}

func bifLength(p *Process, args []term.Term) term.Term {
	n := p.heap.ListLen(args[0])
	if n < 0 {
		return p.Badarg()
	}
	return term.MakeSmall(int64(n))
}

func bifHd(p *Process, args []term.Term) term.Term {
	if !args[0].IsCons() {
		return p.Badarg()
	}
	return p.heap.Head(args[0])
}

func bifTl(p *Process, args []term.Term) term.Term {
	if !args[0].IsCons() {
		return p.Badarg()
	}
	return p.heap.Tail(args[0])
}

// Maps.

func bifMapSize(p *Process, args []term.Term) term.Term {
	if !p.heap.IsMap(args[0]) {
		return p.ErrorTuple(term.AtomBadmap, args[0])
	}
	return term.MakeSmall(int64(p.heap.MapSize(args[0])))
}

func bifMapGet(p *Process, args []term.Term) term.Term {
	k, m := args[0], args[1]
	if !p.heap.IsMap(m) {
		return p.ErrorTuple(term.AtomBadmap, m)
	}
	v, ok := p.heap.MapGet(m, k)
	if !ok {
		return p.ErrorTuple(term.AtomBadkey, k)
	}
	return v
}

func bifIsMapKey(p *Process, args []term.Term) term.Term {
	k, m := args[0], args[1]
	if !p.heap.IsMap(m) {
		return p.ErrorTuple(term.AtomBadmap, m)
	}
	_, ok := p.heap.MapGet(m, k)
	return term.Bool(ok)
}

// List operators.

// bifAppend is '++': the left operand must be a proper list; the right one
// becomes the tail as it is.
func bifAppend(p *Process, args []term.Term) term.Term {
	h := p.heap
	left, ok := h.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	return h.ListTail(left, args[1])
}

// bifSubtract is '--': each element of the right list removes the first
// element of the left list that is exactly equal to it (=:=).
func bifSubtract(p *Process, args []term.Term) term.Term {
	h := p.heap
	left, ok1 := h.ListToSlice(args[0])
	right, ok2 := h.ListToSlice(args[1])
	if !ok1 || !ok2 {
		return p.Badarg()
	}
	if len(left) == 0 || len(right) == 0 {
		return args[0]
	}
	// remove(x) reports whether x is still owed a removal, consuming it.
	var remove func(x term.Term) bool
	if len(right) <= 16 {
		used := make([]bool, len(right))
		remove = func(x term.Term) bool {
			for i, r := range right {
				if !used[i] && h.ExactEqual(x, r) {
					used[i] = true
					return true
				}
			}
			return false
		}
	} else {
		// Sort the right list into distinct terms with counts.
		sort.SliceStable(right, func(i, j int) bool { return h.CompareExact(right[i], right[j]) < 0 })
		var keys []term.Term
		var counts []int
		for _, r := range right {
			if n := len(keys); n > 0 && h.CompareExact(keys[n-1], r) == 0 {
				counts[n-1]++
				continue
			}
			keys = append(keys, r)
			counts = append(counts, 1)
		}
		remove = func(x term.Term) bool {
			i := sort.Search(len(keys), func(i int) bool { return h.CompareExact(keys[i], x) >= 0 })
			if i < len(keys) && counts[i] > 0 && h.CompareExact(keys[i], x) == 0 {
				counts[i]--
				return true
			}
			return false
		}
	}
	out := make([]term.Term, 0, len(left))
	for _, x := range left {
		if !remove(x) {
			out = append(out, x)
		}
	}
	return h.List(out...)
}

func init() {
	register("erlang",
		Native{Function: "element", Arity: 2, Fn: bifElement, Guard: true, Doc: "The Nth (1-based) element of a tuple."},
		Native{Function: "setelement", Arity: 3, Fn: bifSetelement, Doc: "A copy of a tuple with the Nth element replaced."},
		Native{Function: "insert_element", Arity: 3, Fn: bifInsertElement, Doc: "A copy of a tuple with a value inserted at position N (1..size+1)."},
		Native{Function: "delete_element", Arity: 2, Fn: bifDeleteElement, Doc: "A copy of a tuple without its Nth element."},
		Native{Function: "append_element", Arity: 2, Fn: bifAppendElement, Doc: "A copy of a tuple with one more element at the end."},
		Native{Function: "tuple_size", Arity: 1, Fn: bifTupleSize, Guard: true, Doc: "The number of elements of a tuple."},
		Native{Function: "size", Arity: 1, Fn: bifSize, Guard: true, Doc: "The size of a tuple, or the whole bytes of a bitstring."},
		Native{Function: "make_tuple", Arity: 2, Fn: bifMakeTuple2, Doc: "A tuple of N copies of a value."},
		Native{Function: "make_tuple", Arity: 3, Fn: bifMakeTuple3, Doc: "A tuple of N default values, with some positions set from a [{Pos, Value}] list."},
		Native{Function: "list_to_tuple", Arity: 1, Fn: bifListToTuple, Doc: "A tuple of the elements of a proper list."},
		Native{Function: "tuple_to_list", Arity: 1, Fn: bifTupleToList, Doc: "The list of the elements of a tuple."},
		Native{Function: "length", Arity: 1, Fn: bifLength, Guard: true, Doc: "The length of a proper list."},
		Native{Function: "hd", Arity: 1, Fn: bifHd, Guard: true, Doc: "The head of a non-empty list."},
		Native{Function: "tl", Arity: 1, Fn: bifTl, Guard: true, Doc: "The tail of a non-empty list."},
		Native{Function: "map_size", Arity: 1, Fn: bifMapSize, Guard: true, Doc: "The number of keys of a map; {badmap, M} for a non-map."},
		Native{Function: "map_get", Arity: 2, Fn: bifMapGet, Guard: true, Doc: "The value of a key in a map; {badkey, K} or {badmap, M} on failure."},
		Native{Function: "is_map_key", Arity: 2, Fn: bifIsMapKey, Guard: true, Doc: "Does a map have the key? {badmap, M} for a non-map."},
		Native{Function: "++", Arity: 2, Fn: bifAppend, Doc: "Appends a list: the left operand must be a proper list."},
		Native{Function: "--", Arity: 2, Fn: bifSubtract, Doc: "List subtraction: removes the first occurrence of each element of the right list."},
		Native{Function: "append", Arity: 2, Fn: bifAppend, Doc: "The same as '++'/2."},
		Native{Function: "subtract", Arity: 2, Fn: bifSubtract, Doc: "The same as '--'/2."},
	)
}
