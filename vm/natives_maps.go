package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// The maps module's primitives in Go; the rest of maps (fold, map, filter…)
// is Erlang in the bundled stdlib (vm/stdlib/maps.erl) on top of these.

func init() {
	register("maps",
		Native{Function: "get", Arity: 2, Fn: mapsGet, Doc: "the value of Key; error {badkey,K} if absent"},
		Native{Function: "get", Arity: 3, Fn: mapsGet3, Doc: "the value of Key, or Default"},
		Native{Function: "find", Arity: 2, Fn: mapsFind, Doc: "{ok, Value} or error"},
		Native{Function: "is_key", Arity: 2, Fn: mapsIsKey, Doc: "true if Key is in the map"},
		Native{Function: "put", Arity: 3, Fn: mapsPut, Doc: "the map with Key set to Value"},
		Native{Function: "update", Arity: 3, Fn: mapsUpdate, Doc: "the map with existing Key set to Value; error {badkey,K} if absent"},
		Native{Function: "remove", Arity: 2, Fn: mapsRemove, Doc: "the map without Key"},
		Native{Function: "take", Arity: 2, Fn: mapsTake, Doc: "{Value, MapWithoutKey} or error"},
		Native{Function: "keys", Arity: 1, Fn: mapsKeys, Doc: "the keys, in map order"},
		Native{Function: "values", Arity: 1, Fn: mapsValues, Doc: "the values, in map order"},
		Native{Function: "to_list", Arity: 1, Fn: mapsToList, Doc: "[{Key, Value}] in map order"},
		Native{Function: "from_list", Arity: 1, Fn: mapsFromList, Doc: "a map of [{Key, Value}]; later keys win"},
		Native{Function: "from_keys", Arity: 2, Fn: mapsFromKeys, Doc: "a map of each key to Value"},
		Native{Function: "size", Arity: 1, Fn: mapsSize, Doc: "the number of keys"},
		Native{Function: "new", Arity: 0, Fn: mapsNew, Doc: "#{}"},
		Native{Function: "merge", Arity: 2, Fn: mapsMerge, Doc: "both maps; the second's values win"},
	)
}

// mapArg checks that t is a map, raising {badmap, T} otherwise.
func (p *Process) mapArg(t term.Term) bool {
	if p.heap.IsMap(t) {
		return true
	}
	p.ErrorTuple(term.AtomBadmap, t)
	return false
}

func mapsGet(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	if v, ok := p.heap.MapGet(args[1], args[0]); ok {
		return v
	}
	return p.ErrorTuple(term.AtomBadkey, args[0])
}

func mapsGet3(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	if v, ok := p.heap.MapGet(args[1], args[0]); ok {
		return v
	}
	return args[2]
}

func mapsFind(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	if v, ok := p.heap.MapGet(args[1], args[0]); ok {
		return p.heap.Tuple(term.AtomOk, v)
	}
	return term.AtomError
}

func mapsIsKey(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	_, ok := p.heap.MapGet(args[1], args[0])
	return term.Bool(ok)
}

func mapsPut(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[2]) {
		return term.NoValue
	}
	return p.heap.MapPut(args[2], []term.Term{args[0]}, []term.Term{args[1]})
}

func mapsUpdate(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[2]) {
		return term.NoValue
	}
	r, bad := p.heap.MapUpdate(args[2], []term.Term{args[0]}, []term.Term{args[1]})
	if r == term.NoValue {
		return p.ErrorTuple(term.AtomBadkey, bad)
	}
	return r
}

func mapsRemove(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	return p.heap.MapRemove(args[1], args[0])
}

func mapsTake(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[1]) {
		return term.NoValue
	}
	v, ok := p.heap.MapGet(args[1], args[0])
	if !ok {
		return term.AtomError
	}
	return p.heap.Tuple(v, p.heap.MapRemove(args[1], args[0]))
}

func mapsKeys(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[0]) {
		return term.NoValue
	}
	keys, _ := p.heap.MapKeysValues(args[0])
	return p.heap.List(append([]term.Term(nil), keys...)...)
}

func mapsValues(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[0]) {
		return term.NoValue
	}
	_, vals := p.heap.MapKeysValues(args[0])
	return p.heap.List(append([]term.Term(nil), vals...)...)
}

func mapsToList(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !p.mapArg(args[0]) {
		return term.NoValue
	}
	keys, vals := h.MapKeysValues(args[0])
	keys, vals = append([]term.Term(nil), keys...), append([]term.Term(nil), vals...)
	pairs := make([]term.Term, len(keys))
	for i := range keys {
		pairs[i] = h.Tuple(keys[i], vals[i])
	}
	return h.List(pairs...)
}

func mapsFromList(p *Process, args []term.Term) term.Term {
	h := p.heap
	elems, ok := h.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	keys := make([]term.Term, len(elems))
	vals := make([]term.Term, len(elems))
	for i, e := range elems {
		if !h.IsTuple(e) || h.TupleSize(e) != 2 {
			return p.Badarg()
		}
		kv := h.TupleElems(e)
		keys[i], vals[i] = kv[0], kv[1]
	}
	return h.MapFromPairs(keys, vals)
}

func mapsFromKeys(p *Process, args []term.Term) term.Term {
	h := p.heap
	keys, ok := h.ListToSlice(args[0])
	if !ok {
		return p.Badarg()
	}
	vals := make([]term.Term, len(keys))
	for i := range vals {
		vals[i] = args[1]
	}
	return h.MapFromPairs(keys, vals)
}

func mapsSize(p *Process, args []term.Term) term.Term {
	if !p.mapArg(args[0]) {
		return term.NoValue
	}
	return term.MakeSmall(int64(p.heap.MapSize(args[0])))
}

func mapsNew(p *Process, args []term.Term) term.Term { return p.heap.EmptyMap() }

func mapsMerge(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !p.mapArg(args[0]) || !p.mapArg(args[1]) {
		return term.NoValue
	}
	keys, vals := h.MapKeysValues(args[1])
	return h.MapPut(args[0], append([]term.Term(nil), keys...), append([]term.Term(nil), vals...))
}
