package vm

import (
	"sort"
	"sync"

	"github.com/avmtool/avm/vm/term"
)

// ets: term storage shared between processes, the basics: set and
// ordered_set tables (bag and duplicate_bag are refused with badarg),
// named or not, with public, protected or private access. A table belongs
// to the process that made it and goes when that process has ended (it is
// found gone on its next use). Match specifications (match/2, select/2) are
// not provided.
//
// Each object lives in a heap of its own, as persistent_term's values do:
// lookup copies it into the caller's heap, as OTP does.

type etsTables struct {
	mu     sync.Mutex
	byID   map[uint64]*etsTable
	byName map[term.Term]*etsTable
}

type etsTable struct {
	id      uint64
	name    term.Term // the atom given to new/2
	named   bool
	ordered bool
	keypos  int // 1-based
	access  term.Term
	owner   uint64

	mu      sync.Mutex
	objects map[string]*persistentTerm // encoded key → {key, object}
}

var (
	atomSet        = term.Atom("set")
	atomOrderedSet = term.Atom("ordered_set")
	atomBag        = term.Atom("bag")
	atomDupBag     = term.Atom("duplicate_bag")
	atomNamedTable = term.Atom("named_table")
	atomPublic     = term.Atom("public")
	atomProtected  = term.Atom("protected")
	atomPrivate    = term.Atom("private")
	atomKeypos     = term.Atom("keypos")
	atomEndOfTable = term.Atom("$end_of_table")
	atomEtsSize    = term.Atom("size")
	atomEtsType    = term.Atom("type")
	atomEtsOwner   = term.Atom("owner")
	atomEtsProt    = term.Atom("protection")
	atomEtsName    = term.Atom("name")
	// Options that only tune performance or hand a table over (heir):
	// accepted, with nothing to do here.
	etsHints = map[term.Term]bool{term.Atom("read_concurrency"): true, term.Atom("write_concurrency"): true,
		term.Atom("decentralized_counters"): true, term.Atom("heir"): true}
)

func init() {
	register("ets",
		Native{Function: "new", Arity: 2, Fn: etsNew, Doc: "new(Name, Options): a new set or ordered_set table owned by the caller; its id, or Name with named_table"},
		Native{Function: "insert", Arity: 2, Fn: etsInsert, Doc: "insert(Table, ObjectOrObjects): store tuples, replacing those with the same key; true"},
		Native{Function: "insert_new", Arity: 2, Fn: etsInsertNew, Doc: "insert_new(Table, ObjectOrObjects): store the tuples unless one of their keys is present; whether it did"},
		Native{Function: "lookup", Arity: 2, Fn: etsLookup, Doc: "lookup(Table, Key): [Object] with that key, or []"},
		Native{Function: "lookup_element", Arity: 3, Fn: etsLookupElement, Doc: "lookup_element(Table, Key, Pos): element Pos of the object with that key; badarg if none"},
		Native{Function: "member", Arity: 2, Fn: etsMember, Doc: "member(Table, Key): whether an object has that key"},
		Native{Function: "take", Arity: 2, Fn: etsTake, Doc: "take(Table, Key): [Object] with that key, removed from the table, or []"},
		Native{Function: "delete", Arity: 1, Fn: etsDeleteTable, Doc: "delete(Table): delete the table; true"},
		Native{Function: "delete", Arity: 2, Fn: etsDelete, Doc: "delete(Table, Key): remove the object with that key; true"},
		Native{Function: "delete_object", Arity: 2, Fn: etsDeleteObject, Doc: "delete_object(Table, Object): remove exactly that object; true"},
		Native{Function: "delete_all_objects", Arity: 1, Fn: etsDeleteAll, Doc: "delete_all_objects(Table): empty the table; true"},
		Native{Function: "update_counter", Arity: 3, Fn: etsUpdateCounter, Doc: "update_counter(Table, Key, Incr | {Pos, Incr}): add to an integer element; the new value"},
		Native{Function: "update_counter", Arity: 4, Fn: etsUpdateCounter, Doc: "update_counter(Table, Key, Op, Default): update_counter/3, inserting Default first when the key is missing"},
		Native{Function: "update_element", Arity: 3, Fn: etsUpdateElement, Doc: "update_element(Table, Key, {Pos, Value} | [{Pos, Value}]): replace elements of an object; whether it exists"},
		Native{Function: "tab2list", Arity: 1, Fn: etsTab2List, Doc: "tab2list(Table): every object (in key order for an ordered_set)"},
		Native{Function: "first", Arity: 1, Fn: etsFirst, Doc: "first(Table): the first key ('$end_of_table' when empty)"},
		Native{Function: "next", Arity: 2, Fn: etsNext, Doc: "next(Table, Key): the key after Key ('$end_of_table' at the end)"},
		Native{Function: "info", Arity: 2, Fn: etsInfo, Doc: "info(Table, Item): size, type, name, named_table, keypos, owner or protection; undefined for a table that is gone"},
		Native{Function: "whereis", Arity: 1, Fn: etsWhereis, Doc: "whereis(Name): the id of the named table, or undefined"},
	)
}

// table resolves a table argument for a read (write false) or a write; nil
// when it is not a live table the caller may use so.
func (p *Process) etsTable(t term.Term, write bool) *etsTable {
	s := &p.m.ets
	s.mu.Lock()
	var tab *etsTable
	switch {
	case t.IsAtom():
		tab = s.byName[t]
	case p.heap.IsRef(t):
		tab = s.byID[p.heap.RefID(t)]
	}
	s.mu.Unlock()
	if tab == nil {
		return nil
	}
	if tab.owner != p.id && p.m.process(tab.owner) == nil {
		p.m.ets.drop(tab) // the owner has ended
		return nil
	}
	if tab.owner != p.id && (tab.access == atomPrivate || (write && tab.access == atomProtected)) {
		return nil
	}
	return tab
}

func (s *etsTables) drop(tab *etsTable) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, tab.id)
	if tab.named && s.byName[tab.name] == tab {
		delete(s.byName, tab.name)
	}
}

func etsNew(p *Process, args []term.Term) term.Term {
	h := p.heap
	name := args[0]
	opts, ok := h.ListToSlice(args[1])
	if !name.IsAtom() || !ok {
		return p.Badarg()
	}
	tab := &etsTable{id: p.m.nextRef.Add(1), name: name, keypos: 1, access: atomProtected, owner: p.id, objects: map[string]*persistentTerm{}}
	for _, o := range opts {
		switch {
		case o == atomSet:
			tab.ordered = false
		case o == atomOrderedSet:
			tab.ordered = true
		case o == atomNamedTable:
			tab.named = true
		case o == atomPublic || o == atomProtected || o == atomPrivate:
			tab.access = o
		case h.IsTuple(o) && h.TupleSize(o) == 2 && h.TupleElems(o)[0] == atomKeypos:
			n := h.TupleElems(o)[1]
			if !n.IsSmall() || n.Small() < 1 {
				return p.Badarg()
			}
			tab.keypos = int(n.Small())
		case o == atomBag || o == atomDupBag:
			return p.Badarg() // not provided (see the package comment above)
		case o == atomCompressed:
		case h.IsTuple(o) && h.TupleSize(o) >= 2 && etsHints[h.TupleElems(o)[0]]:
		default:
			return p.Badarg()
		}
	}
	s := &p.m.ets
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.byID, s.byName = map[uint64]*etsTable{}, map[term.Term]*etsTable{}
	}
	if tab.named {
		if old := s.byName[name]; old != nil {
			if p.m.process(old.owner) != nil {
				return p.Badarg() // the name is taken
			}
			delete(s.byID, old.id)
		}
		s.byName[name] = tab
	}
	s.byID[tab.id] = tab
	if tab.named {
		return name
	}
	return h.Ref(tab.id)
}

// objectKey returns the key of a tuple object and its encoding.
func (p *Process) etsObjectKey(tab *etsTable, obj term.Term) (term.Term, string, bool) {
	h := p.heap
	if !h.IsTuple(obj) || h.TupleSize(obj) < tab.keypos {
		return term.NoValue, "", false
	}
	k := h.TupleElems(obj)[tab.keypos-1]
	enc, ok := persistentKey(p, k)
	return k, enc, ok
}

// objects returns the objects of an insert argument: one tuple or a list.
func (p *Process) etsObjects(tab *etsTable, t term.Term) ([]term.Term, []string, bool) {
	h := p.heap
	objs := []term.Term{t}
	if t == term.Nil || t.IsCons() {
		var ok bool
		if objs, ok = h.ListToSlice(t); !ok {
			return nil, nil, false
		}
	}
	keys := make([]string, len(objs))
	for i, o := range objs {
		_, enc, ok := p.etsObjectKey(tab, o)
		if !ok {
			return nil, nil, false
		}
		keys[i] = enc
	}
	return objs, keys, true
}

func (tab *etsTable) put(enc string, from *term.Heap, obj term.Term) {
	h := term.NewHeap(0)
	tab.objects[enc] = &persistentTerm{heap: h, value: h.CopyFrom(from, obj)}
}

func etsInsert(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	objs, keys, ok := p.etsObjects(tab, args[1])
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	for i, o := range objs {
		tab.put(keys[i], p.heap, o)
	}
	return term.True
}

func etsInsertNew(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	objs, keys, ok := p.etsObjects(tab, args[1])
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	for _, k := range keys {
		if tab.objects[k] != nil {
			return term.False
		}
	}
	for i, o := range objs {
		tab.put(keys[i], p.heap, o)
	}
	return term.True
}

// etsKeyed resolves the table args[0] and the encoding of key args[1].
func (p *Process) etsKeyed(args []term.Term, write bool) (*etsTable, string, bool) {
	tab := p.etsTable(args[0], write)
	if tab == nil {
		return nil, "", false
	}
	enc, ok := persistentKey(p, args[1])
	return tab, enc, ok
}

// etsFind returns the object with key args[1], for a read.
func (p *Process) etsFind(args []term.Term) (*persistentTerm, bool) {
	tab, enc, ok := p.etsKeyed(args, false)
	if !ok {
		return nil, false
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return tab.objects[enc], true
}

func etsLookup(p *Process, args []term.Term) term.Term {
	obj, ok := p.etsFind(args)
	if !ok {
		return p.Badarg()
	}
	if obj == nil {
		return term.Nil
	}
	return p.heap.List(p.heap.CopyFrom(obj.heap, obj.value))
}

func etsLookupElement(p *Process, args []term.Term) term.Term {
	obj, ok := p.etsFind(args)
	if !ok || obj == nil || !args[2].IsSmall() {
		return p.Badarg()
	}
	elems := obj.heap.TupleElems(obj.value)
	pos := args[2].Small()
	if pos < 1 || int(pos) > len(elems) {
		return p.Badarg()
	}
	return p.heap.CopyFrom(obj.heap, elems[pos-1])
}

func etsMember(p *Process, args []term.Term) term.Term {
	obj, ok := p.etsFind(args)
	if !ok {
		return p.Badarg()
	}
	return term.Bool(obj != nil)
}

func etsTake(p *Process, args []term.Term) term.Term {
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	obj := tab.objects[enc]
	if obj == nil {
		return term.Nil
	}
	delete(tab.objects, enc)
	return p.heap.List(p.heap.CopyFrom(obj.heap, obj.value))
}

func etsDeleteTable(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	p.m.ets.drop(tab)
	return term.True
}

func etsDelete(p *Process, args []term.Term) term.Term {
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	delete(tab.objects, enc)
	tab.mu.Unlock()
	return term.True
}

func etsDeleteObject(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	_, enc, ok := p.etsObjectKey(tab, args[1])
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	if obj := tab.objects[enc]; obj != nil {
		tmp := term.NewHeap(0)
		if tmp.ExactEqual(tmp.CopyFrom(obj.heap, obj.value), tmp.CopyFrom(p.heap, args[1])) {
			delete(tab.objects, enc)
		}
	}
	return term.True
}

func etsDeleteAll(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	tab.mu.Lock()
	tab.objects = map[string]*persistentTerm{}
	tab.mu.Unlock()
	return term.True
}

// counterOps reads the operation of update_counter: Incr, {Pos, Incr} or
// {Pos, Incr, Threshold, SetValue}, or a list of them.
func etsCounterOps(h *term.Heap, op term.Term, keypos int) ([][4]term.Term, bool) {
	one := func(o term.Term) ([4]term.Term, bool) {
		switch {
		case h.IsInteger(o):
			return [4]term.Term{term.MakeSmall(int64(keypos + 1)), o, term.NoValue, term.NoValue}, true
		case h.IsTuple(o) && h.TupleSize(o) == 2:
			e := h.TupleElems(o)
			return [4]term.Term{e[0], e[1], term.NoValue, term.NoValue}, true
		case h.IsTuple(o) && h.TupleSize(o) == 4:
			e := h.TupleElems(o)
			return [4]term.Term{e[0], e[1], e[2], e[3]}, true
		}
		return [4]term.Term{}, false
	}
	if op.IsCons() || op == term.Nil {
		list, ok := h.ListToSlice(op)
		if !ok {
			return nil, false
		}
		out := make([][4]term.Term, len(list))
		for i, o := range list {
			if out[i], ok = one(o); !ok {
				return nil, false
			}
		}
		return out, true
	}
	o, ok := one(op)
	return [][4]term.Term{o}, ok
}

// etsUpdateCounter reads, adds and writes under the table's lock: the
// update is atomic, as OTP's.
func etsUpdateCounter(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok {
		return p.Badarg()
	}
	ops, ok := etsCounterOps(h, args[2], tab.keypos)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	obj := tab.objects[enc]
	var elems []term.Term
	switch {
	case obj != nil:
		elems = append(elems, h.TupleElems(h.CopyFrom(obj.heap, obj.value))...)
	case len(args) == 4 && h.IsTuple(args[3]) && h.TupleSize(args[3]) >= tab.keypos:
		elems = append(elems, h.TupleElems(args[3])...)
		elems[tab.keypos-1] = args[1]
	default:
		return p.Badarg()
	}
	results := make([]term.Term, len(ops))
	for i, op := range ops {
		if !op[0].IsSmall() || op[0].Small() < 1 || int(op[0].Small()) > len(elems) || int(op[0].Small()) == tab.keypos {
			return p.Badarg()
		}
		pos := int(op[0].Small()) - 1
		cur := elems[pos]
		if !cur.IsSmall() || !op[1].IsSmall() {
			return p.Badarg() // counters are small integers here
		}
		v := cur.Small() + op[1].Small()
		if op[2] != term.NoValue {
			if !op[2].IsSmall() || !op[3].IsSmall() {
				return p.Badarg()
			}
			if (op[1].Small() >= 0 && v > op[2].Small()) || (op[1].Small() < 0 && v < op[2].Small()) {
				v = op[3].Small()
			}
		}
		elems[pos] = h.Integer(v)
		results[i] = elems[pos]
	}
	tab.put(enc, h, h.Tuple(elems...))
	if args[2].IsCons() || args[2] == term.Nil {
		return h.List(results...)
	}
	return results[0]
}

func etsUpdateElement(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	obj := tab.objects[enc]
	changes := []term.Term{args[2]}
	if args[2].IsCons() {
		if changes, ok = h.ListToSlice(args[2]); !ok {
			return p.Badarg()
		}
	}
	if obj == nil {
		return term.False
	}
	elems := append([]term.Term(nil), h.TupleElems(h.CopyFrom(obj.heap, obj.value))...)
	for _, c := range changes {
		if !h.IsTuple(c) || h.TupleSize(c) != 2 {
			return p.Badarg()
		}
		pv := h.TupleElems(c)
		if !pv[0].IsSmall() || pv[0].Small() < 1 || int(pv[0].Small()) > len(elems) || int(pv[0].Small()) == tab.keypos {
			return p.Badarg()
		}
		elems[pv[0].Small()-1] = pv[1]
	}
	tab.put(enc, h, h.Tuple(elems...))
	return term.True
}

// contents copies every object of a table into the caller's heap, in key
// order for an ordered_set.
func (p *Process) etsContents(tab *etsTable) []term.Term {
	h := p.heap
	tab.mu.Lock()
	objs := make([]term.Term, 0, len(tab.objects))
	for _, o := range tab.objects {
		objs = append(objs, h.CopyFrom(o.heap, o.value))
	}
	tab.mu.Unlock()
	if tab.ordered {
		sort.SliceStable(objs, func(i, j int) bool {
			return h.Compare(h.TupleElems(objs[i])[tab.keypos-1], h.TupleElems(objs[j])[tab.keypos-1]) < 0
		})
	}
	return objs
}

func etsTab2List(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return p.Badarg()
	}
	return p.heap.List(p.etsContents(tab)...)
}

func etsFirst(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return p.Badarg()
	}
	objs := p.etsContents(tab)
	if len(objs) == 0 {
		return atomEndOfTable
	}
	return p.heap.TupleElems(objs[0])[tab.keypos-1]
}

func etsNext(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return p.Badarg()
	}
	objs := p.etsContents(tab)
	for i, o := range objs {
		if h.ExactEqual(h.TupleElems(o)[tab.keypos-1], args[1]) {
			if i+1 < len(objs) {
				return h.TupleElems(objs[i+1])[tab.keypos-1]
			}
			return atomEndOfTable
		}
	}
	if tab.ordered { // the key after one that is not in the table
		for _, o := range objs {
			if k := h.TupleElems(o)[tab.keypos-1]; h.Compare(k, args[1]) > 0 {
				return k
			}
		}
		return atomEndOfTable
	}
	return p.Badarg()
}

func etsInfo(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return term.Atom("undefined")
	}
	switch args[1] {
	case atomEtsSize:
		tab.mu.Lock()
		defer tab.mu.Unlock()
		return term.MakeSmall(int64(len(tab.objects)))
	case atomEtsType:
		if tab.ordered {
			return atomOrderedSet
		}
		return atomSet
	case atomEtsName:
		return tab.name
	case atomNamedTable:
		return term.Bool(tab.named)
	case atomKeypos:
		return term.MakeSmall(int64(tab.keypos))
	case atomEtsOwner:
		return term.MakePid(tab.owner)
	case atomEtsProt:
		return tab.access
	}
	return p.Badarg()
}

func etsWhereis(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	s := &p.m.ets
	s.mu.Lock()
	tab := s.byName[args[0]]
	s.mu.Unlock()
	if tab == nil || p.m.process(tab.owner) == nil {
		return term.Atom("undefined")
	}
	return p.heap.Ref(tab.id)
}
