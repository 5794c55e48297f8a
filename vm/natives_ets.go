package vm

import (
	"math"
	"math/big"
	"sort"
	"sync"

	"github.com/avmtool/avm/vm/term"
)

// ets: term storage shared between processes: set, ordered_set, bag and
// duplicate_bag tables, named or not, with public, protected or private
// access. A table belongs to the process that made it and goes when that
// process ends, unless it names a live heir, which then owns it. Matching and
// selection with match specifications are in natives_ets_select.go.
//
// Each object lives in a heap of its own, as persistent_term's values do:
// lookup copies it into the caller's heap, as OTP does. Objects are grouped
// by the encoding of their key; a set or ordered_set holds at most one per
// key, a bag one per distinct object, a duplicate_bag any number.
//
// Traversals (first/next, tab2list, match, select) go through the keys in
// term order for an ordered_set and in the order of their encodings for
// the other types: OTP's order there is its hash order, which programs may
// not rely on; ours is at least stable from one call to the next, which
// continuations need.

type etsTables struct {
	mu     sync.Mutex
	byID   map[uint64]*etsTable
	byName map[term.Term]*etsTable
}

type etsTable struct {
	id     uint64
	name   term.Term // the atom given to new/2
	named  bool
	kind   term.Term // set, ordered_set, bag or duplicate_bag
	keypos int       // 1-based
	access term.Term
	owner  uint64
	heir   uint64          // 0 for none
	gift   *persistentTerm // the heir's HeirData
	// tuning holds the performance options as given (read_concurrency,
	// write_concurrency, decentralized_counters), for info.
	tuning     map[term.Term]term.Term
	compressed bool

	mu      sync.Mutex
	objects map[string][]*persistentTerm // encoded key → objects, oldest first
	size    int                          // number of objects

	// sorted is the traversal order of the keys and at their places in
	// it, kept until a key comes or goes: iterating with next/2 or
	// selecting repeatedly does not sort the table each time.
	sorted []string
	at     map[string]int

	fixed int // safe_fixtable(T, true) calls not yet undone
}

var (
	atomSet         = term.Atom("set")
	atomOrderedSet  = term.Atom("ordered_set")
	atomBag         = term.Atom("bag")
	atomDupBag      = term.Atom("duplicate_bag")
	atomNamedTable  = term.Atom("named_table")
	atomPublic      = term.Atom("public")
	atomProtected   = term.Atom("protected")
	atomPrivate     = term.Atom("private")
	atomKeypos      = term.Atom("keypos")
	atomEndOfTable  = term.Atom("$end_of_table")
	atomEtsSize     = term.Atom("size")
	atomEtsType     = term.Atom("type")
	atomEtsOwner    = term.Atom("owner")
	atomEtsProt     = term.Atom("protection")
	atomEtsName     = term.Atom("name")
	atomEtsID       = term.Atom("id")
	atomEtsHeir     = term.Atom("heir")
	atomEtsTransfer = term.Atom("ETS-TRANSFER")
	// Options that only tune performance: accepted, with nothing to do
	// here.
	atomReadConc  = term.Atom("read_concurrency")
	atomWriteConc = term.Atom("write_concurrency")
	atomDecCount  = term.Atom("decentralized_counters")
	etsHints      = map[term.Term]bool{atomReadConc: true, atomWriteConc: true, atomDecCount: true}
	// etsInfoItems are what info/1 lists, in OTP's order.
	etsInfoItems = []term.Term{atomEtsID, atomDecCount, atomReadConc, atomWriteConc, atomCompressed,
		term.Atom("memory"), atomEtsOwner, atomEtsHeir, atomEtsName, atomEtsSize, term.Atom("node"),
		atomNamedTable, atomEtsType, atomKeypos, atomEtsProt}
)

func init() {
	register("ets",
		Native{Function: "new", Arity: 2, Fn: etsNew, Doc: "new(Name, Options): a new set, ordered_set, bag or duplicate_bag table owned by the caller; its id, or Name with named_table"},
		Native{Function: "insert", Arity: 2, Fn: etsInsert, Doc: "insert(Table, ObjectOrObjects): store tuples (in a set, replacing those with the same key); true"},
		Native{Function: "insert_new", Arity: 2, Fn: etsInsertNew, Doc: "insert_new(Table, ObjectOrObjects): store the tuples unless one of their keys is present; whether it did"},
		Native{Function: "lookup", Arity: 2, Fn: etsLookup, Doc: "lookup(Table, Key): the objects with that key, or []"},
		Native{Function: "lookup_element", Arity: 3, Fn: etsLookupElement, Doc: "lookup_element(Table, Key, Pos): element Pos of the object with that key (a list of them in a bag); badarg if none"},
		Native{Function: "member", Arity: 2, Fn: etsMember, Doc: "member(Table, Key): whether an object has that key"},
		Native{Function: "take", Arity: 2, Fn: etsTake, Doc: "take(Table, Key): the objects with that key, removed from the table, or []"},
		Native{Function: "delete", Arity: 1, Fn: etsDeleteTable, Doc: "delete(Table): delete the table; true"},
		Native{Function: "delete", Arity: 2, Fn: etsDelete, Doc: "delete(Table, Key): remove the objects with that key; true"},
		Native{Function: "delete_object", Arity: 2, Fn: etsDeleteObject, Doc: "delete_object(Table, Object): remove exactly that object (every copy, in a duplicate_bag); true"},
		Native{Function: "delete_all_objects", Arity: 1, Fn: etsDeleteAll, Doc: "delete_all_objects(Table): empty the table; true"},
		Native{Function: "update_counter", Arity: 3, Fn: etsUpdateCounter, Doc: "update_counter(Table, Key, Incr | {Pos, Incr}): add to an integer element; the new value"},
		Native{Function: "update_counter", Arity: 4, Fn: etsUpdateCounter, Doc: "update_counter(Table, Key, Op, Default): update_counter/3, inserting Default first when the key is missing"},
		Native{Function: "update_element", Arity: 3, Fn: etsUpdateElement, Doc: "update_element(Table, Key, {Pos, Value} | [{Pos, Value}]): replace elements of an object; whether it exists"},
		Native{Function: "tab2list", Arity: 1, Fn: etsTab2List, Doc: "tab2list(Table): every object (in key order for an ordered_set)"},
		Native{Function: "first", Arity: 1, Fn: etsFirst, Doc: "first(Table): the first key ('$end_of_table' when empty)"},
		Native{Function: "next", Arity: 2, Fn: etsNext, Doc: "next(Table, Key): the key after Key ('$end_of_table' at the end)"},
		Native{Function: "last", Arity: 1, Fn: etsLast, Doc: "last(Table): the last key of an ordered_set, as first/1 for the other types"},
		Native{Function: "prev", Arity: 2, Fn: etsPrev, Doc: "prev(Table, Key): the key before Key in an ordered_set, as next/2 for the other types"},
		Native{Function: "info", Arity: 2, Fn: etsInfo, Doc: "info(Table, Item): one item of info/1 (size, type, name, owner, heir, keypos, protection…); undefined for a table that is gone"},
		Native{Function: "info", Arity: 1, Fn: etsInfoAll, Doc: "info(Table): every info/2 item as {Item, Value}, in OTP's order (memory counts this VM's words); undefined for a table that is gone"},
		Native{Function: "all", Arity: 0, Fn: etsAll, Doc: "all(): the live tables, by name when named, else by id"},
		Native{Function: "whereis", Arity: 1, Fn: etsWhereis, Doc: "whereis(Name): the id of the named table, or undefined"},
		Native{Function: "safe_fixtable", Arity: 2, Fn: etsSafeFixtable, Doc: "safe_fixtable(Table, Fix): while fixed, next/2 may step from a key deleted meanwhile; true"},
		Native{Function: "give_away", Arity: 3, Fn: etsGiveAway, Doc: "give_away(Table, Pid, GiftData): make the live process Pid the owner and send it {'ETS-TRANSFER', Table, FromPid, GiftData}; true"},
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
	owner := tab.ownerID()
	if owner != p.id && p.m.process(owner) == nil {
		// The owner is ending: ownerExited deletes the table or hands it
		// to its heir.
		return nil
	}
	if owner != p.id && (tab.access == atomPrivate || (write && tab.access == atomProtected)) {
		return nil
	}
	return tab
}

func (tab *etsTable) ownerID() uint64 {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return tab.owner
}

func (s *etsTables) drop(tab *etsTable) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, tab.id)
	if tab.named && s.byName[tab.name] == tab {
		delete(s.byName, tab.name)
	}
}

func (tab *etsTable) ordered() bool { return tab.kind == atomOrderedSet }
func (tab *etsTable) bag() bool     { return tab.kind == atomBag || tab.kind == atomDupBag }

func etsNew(p *Process, args []term.Term) term.Term {
	h := p.heap
	name := args[0]
	opts, ok := h.ListToSlice(args[1])
	if !name.IsAtom() || !ok {
		return p.Badarg()
	}
	tab := &etsTable{id: p.m.nextRef.Add(1), name: name, kind: atomSet, keypos: 1, access: atomProtected, owner: p.id, objects: map[string][]*persistentTerm{}}
	for _, o := range opts {
		switch {
		case o == atomSet || o == atomOrderedSet || o == atomBag || o == atomDupBag:
			tab.kind = o
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
		case o == atomCompressed:
			tab.compressed = true
		case h.IsTaggedTuple(o, 2, atomEtsHeir) && h.TupleElems(o)[1] == term.Atom("none"):
			tab.heir, tab.gift = 0, nil
		case h.IsTaggedTuple(o, 3, atomEtsHeir) && h.TupleElems(o)[1].IsPid():
			tab.heir, tab.gift = h.TupleElems(o)[1].PidID(), newStoredTerm(h, h.TupleElems(o)[2])
		case h.IsTuple(o) && h.TupleSize(o) == 2 && etsHints[h.TupleElems(o)[0]] && h.TupleElems(o)[1].IsAtom():
			if tab.tuning == nil {
				tab.tuning = map[term.Term]term.Term{}
			}
			tab.tuning[h.TupleElems(o)[0]] = h.TupleElems(o)[1]
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
			if p.m.process(old.ownerID()) != nil {
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
	enc, ok := p.etsKeyEnc(tab, k)
	return k, enc, ok
}

// etsKeyEnc encodes a key for the table's index. An ordered_set tells keys
// apart by ==, not =:=, so its keys are encoded with the floats that equal
// an integer (outside map keys, which compare exactly) made integers.
func (p *Process) etsKeyEnc(tab *etsTable, k term.Term) (string, bool) {
	if tab.ordered() {
		k = numericKey(p.heap, k)
	}
	return persistentKey(p, k)
}

// numericKey returns t with every float that equals an integer replaced by
// that integer, outside map keys; t itself when there is none.
func numericKey(h *term.Heap, t term.Term) term.Term {
	switch {
	case h.IsFloat(t):
		f := h.FloatValue(t)
		if f != math.Trunc(f) || math.IsInf(f, 0) {
			return t
		}
		if math.Abs(f) < 1<<62 {
			return h.Integer(int64(f))
		}
		i, _ := big.NewFloat(f).Int(nil)
		return h.BigInt(i)
	case t.IsCons():
		hd, tl := h.HeadTail(t)
		nh, nt := numericKey(h, hd), numericKey(h, tl)
		if nh == hd && nt == tl {
			return t
		}
		return h.Cons(nh, nt)
	case h.IsTuple(t):
		elems := h.TupleElems(t)
		var out []term.Term
		for i, e := range elems {
			if n := numericKey(h, e); n != e && out == nil {
				out = append([]term.Term(nil), elems...)
				out[i] = n
			} else if out != nil {
				out[i] = n
			}
		}
		if out == nil {
			return t
		}
		return h.Tuple(out...)
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		changed := false
		nv := make([]term.Term, len(vals))
		for i, v := range vals {
			nv[i] = numericKey(h, v)
			changed = changed || nv[i] != v
		}
		if !changed {
			return t
		}
		return h.MapFromPairs(keys, nv)
	}
	return t
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

func newStoredTerm(from *term.Heap, t term.Term) *persistentTerm {
	h := term.NewHeap(0)
	return &persistentTerm{heap: h, value: h.CopyFrom(from, t)}
}

// sameObject reports whether a stored object is exactly obj.
func sameObject(stored *persistentTerm, from *term.Heap, obj term.Term) bool {
	tmp := term.NewHeap(0)
	return tmp.ExactEqual(tmp.CopyFrom(stored.heap, stored.value), tmp.CopyFrom(from, obj))
}

// add stores obj under its key enc as the table type says; the caller
// holds tab.mu.
func (tab *etsTable) add(enc string, from *term.Heap, obj term.Term) {
	objs := tab.objects[enc]
	switch tab.kind {
	case atomBag:
		for _, o := range objs {
			if sameObject(o, from, obj) {
				return
			}
		}
	case atomSet, atomOrderedSet:
		if len(objs) > 0 {
			objs[0] = newStoredTerm(from, obj)
			return
		}
	}
	if len(objs) == 0 {
		tab.keysChanged()
	}
	tab.objects[enc] = append(objs, newStoredTerm(from, obj))
	tab.size++
}

func (tab *etsTable) keysChanged() { tab.sorted, tab.at = nil, nil }

// setBucket replaces the objects under key enc; the caller holds tab.mu.
func (tab *etsTable) setBucket(enc string, objs []*persistentTerm) {
	old := len(tab.objects[enc])
	tab.size += len(objs) - old
	if (old == 0) != (len(objs) == 0) {
		tab.keysChanged()
	}
	if len(objs) == 0 {
		delete(tab.objects, enc)
		return
	}
	tab.objects[enc] = objs
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
		tab.add(keys[i], p.heap, o)
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
		if len(tab.objects[k]) > 0 {
			return term.False
		}
	}
	for i, o := range objs {
		tab.add(keys[i], p.heap, o)
	}
	return term.True
}

// etsKeyed resolves the table args[0] and the encoding of key args[1].
func (p *Process) etsKeyed(args []term.Term, write bool) (*etsTable, string, bool) {
	tab := p.etsTable(args[0], write)
	if tab == nil {
		return nil, "", false
	}
	enc, ok := p.etsKeyEnc(tab, args[1])
	return tab, enc, ok
}

// etsFind returns the table and the objects with key args[1], for a read.
func (p *Process) etsFind(args []term.Term) (*etsTable, []*persistentTerm, bool) {
	tab, enc, ok := p.etsKeyed(args, false)
	if !ok {
		return nil, nil, false
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return tab, tab.objects[enc], true
}

// etsCopyList copies objects into the caller's heap as a list.
func (p *Process) etsCopyList(objs []*persistentTerm) term.Term {
	out := term.Nil
	for i := len(objs) - 1; i >= 0; i-- {
		out = p.heap.Cons(p.heap.CopyFrom(objs[i].heap, objs[i].value), out)
	}
	return out
}

func etsLookup(p *Process, args []term.Term) term.Term {
	_, objs, ok := p.etsFind(args)
	if !ok {
		return p.Badarg()
	}
	return p.etsCopyList(objs)
}

func etsLookupElement(p *Process, args []term.Term) term.Term {
	tab, objs, ok := p.etsFind(args)
	if !ok || len(objs) == 0 || !args[2].IsSmall() {
		return p.Badarg()
	}
	pos := args[2].Small()
	elems := make([]term.Term, len(objs))
	for i, o := range objs {
		es := o.heap.TupleElems(o.value)
		if pos < 1 || int(pos) > len(es) {
			return p.Badarg()
		}
		elems[i] = p.heap.CopyFrom(o.heap, es[pos-1])
	}
	if tab.bag() {
		return p.heap.List(elems...)
	}
	return elems[0]
}

func etsMember(p *Process, args []term.Term) term.Term {
	_, objs, ok := p.etsFind(args)
	if !ok {
		return p.Badarg()
	}
	return term.Bool(len(objs) > 0)
}

func etsTake(p *Process, args []term.Term) term.Term {
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	objs := tab.objects[enc]
	tab.setBucket(enc, nil)
	return p.etsCopyList(objs)
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
	tab.setBucket(enc, nil)
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
	var kept []*persistentTerm
	for _, o := range tab.objects[enc] {
		if !sameObject(o, p.heap, args[1]) {
			kept = append(kept, o)
		}
	}
	tab.setBucket(enc, kept)
	return term.True
}

func etsDeleteAll(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil {
		return p.Badarg()
	}
	tab.mu.Lock()
	tab.objects = map[string][]*persistentTerm{}
	tab.size = 0
	tab.keysChanged()
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
// update is atomic, as OTP's. Bags have no counters (badarg, as OTP).
func etsUpdateCounter(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok || tab.bag() {
		return p.Badarg()
	}
	ops, ok := etsCounterOps(h, args[2], tab.keypos)
	if !ok {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	objs := tab.objects[enc]
	var elems []term.Term
	switch {
	case len(objs) > 0:
		elems = append(elems, h.TupleElems(h.CopyFrom(objs[0].heap, objs[0].value))...)
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
	tab.setBucket(enc, []*persistentTerm{newStoredTerm(h, h.Tuple(elems...))})
	if args[2].IsCons() || args[2] == term.Nil {
		return h.List(results...)
	}
	return results[0]
}

func etsUpdateElement(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab, enc, ok := p.etsKeyed(args, true)
	if !ok || tab.bag() {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	objs := tab.objects[enc]
	changes := []term.Term{args[2]}
	if args[2].IsCons() {
		if changes, ok = h.ListToSlice(args[2]); !ok {
			return p.Badarg()
		}
	}
	if len(objs) == 0 {
		return term.False
	}
	elems := append([]term.Term(nil), h.TupleElems(h.CopyFrom(objs[0].heap, objs[0].value))...)
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
	tab.setBucket(enc, []*persistentTerm{newStoredTerm(h, h.Tuple(elems...))})
	return term.True
}

// etsKeyOf returns the key of a stored object, on the object's heap.
func (tab *etsTable) keyOf(o *persistentTerm) term.Term {
	return o.heap.TupleElems(o.value)[tab.keypos-1]
}

// order returns the encoded keys of the table in traversal order (see
// the file comment); the caller holds tab.mu and must not change the slice.
func (tab *etsTable) order() []string {
	if tab.sorted != nil {
		return tab.sorted
	}
	encs := make([]string, 0, len(tab.objects))
	for enc := range tab.objects {
		encs = append(encs, enc)
	}
	if !tab.ordered() {
		sort.Strings(encs)
	} else {
		scratch := term.NewHeap(0)
		keys := make(map[string]term.Term, len(encs))
		for _, enc := range encs {
			o := tab.objects[enc][0]
			keys[enc] = scratch.CopyFrom(o.heap, tab.keyOf(o))
		}
		sort.Slice(encs, func(i, j int) bool { return scratch.Compare(keys[encs[i]], keys[encs[j]]) < 0 })
	}
	tab.sorted, tab.at = encs, make(map[string]int, len(encs))
	for i, enc := range encs {
		tab.at[enc] = i
	}
	return encs
}

func etsTab2List(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	var objs []*persistentTerm
	for _, enc := range tab.order() {
		objs = append(objs, tab.objects[enc]...)
	}
	return p.etsCopyList(objs)
}

// etsStep implements first/last (key NoValue) and next/prev: the key after
// (or, backward, before) key in traversal order. backward only goes
// backward in an ordered_set, as in OTP.
func etsStep(p *Process, tabArg, key term.Term, backward bool) term.Term {
	h := p.heap
	tab := p.etsTable(tabArg, false)
	if tab == nil {
		return p.Badarg()
	}
	backward = backward && tab.ordered()
	tab.mu.Lock()
	defer tab.mu.Unlock()
	order := tab.order()
	keyAt := func(i int) term.Term {
		if i < 0 || i >= len(order) {
			return atomEndOfTable
		}
		o := tab.objects[order[i]][0]
		return h.CopyFrom(o.heap, tab.keyOf(o))
	}
	step := 1
	if backward {
		step = -1
	}
	if key == term.NoValue {
		if backward {
			return keyAt(len(order) - 1)
		}
		return keyAt(0)
	}
	enc, ok := p.etsKeyEnc(tab, key)
	if !ok {
		return p.Badarg()
	}
	if i, ok := tab.at[enc]; ok {
		return keyAt(i + step)
	}
	if !tab.ordered() {
		if tab.fixed == 0 {
			return p.Badarg()
		}
		// A fixed table steps from a key deleted meanwhile to the key
		// after the place it had.
		return keyAt(sort.SearchStrings(order, enc))
	}
	// An ordered_set steps past a key it does not hold: to the nearest
	// key beyond it.
	i := sort.Search(len(order), func(i int) bool { return h.Compare(keyAt(i), key) > 0 })
	if backward {
		i = sort.Search(len(order), func(i int) bool { return h.Compare(keyAt(i), key) >= 0 }) - 1
	}
	return keyAt(i)
}

func etsSafeFixtable(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil || !args[1].IsBoolean() {
		return p.Badarg()
	}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	if args[1] == term.True {
		tab.fixed++
	} else if tab.fixed > 0 {
		tab.fixed--
	}
	return term.True
}

func etsFirst(p *Process, args []term.Term) term.Term {
	return etsStep(p, args[0], term.NoValue, false)
}

func etsLast(p *Process, args []term.Term) term.Term {
	return etsStep(p, args[0], term.NoValue, true)
}

func etsNext(p *Process, args []term.Term) term.Term {
	return etsStep(p, args[0], args[1], false)
}

func etsPrev(p *Process, args []term.Term) term.Term {
	return etsStep(p, args[0], args[1], true)
}

func etsInfo(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return term.Atom("undefined")
	}
	v, ok := p.etsInfoItem(tab, args[1])
	if !ok {
		return p.Badarg()
	}
	return v
}

func etsInfoAll(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab := p.etsTable(args[0], false)
	if tab == nil {
		return term.Atom("undefined")
	}
	items := make([]term.Term, len(etsInfoItems))
	for i, item := range etsInfoItems {
		v, _ := p.etsInfoItem(tab, item)
		items[i] = h.Tuple(item, v)
	}
	return h.List(items...)
}

// etsInfoItem is one item of info/1,2; ok is false for an unknown item.
func (p *Process) etsInfoItem(tab *etsTable, item term.Term) (term.Term, bool) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	switch item {
	case atomEtsSize:
		return term.MakeSmall(int64(tab.size)), true
	case atomEtsType:
		return tab.kind, true
	case atomEtsName:
		return tab.name, true
	case atomNamedTable:
		return term.Bool(tab.named), true
	case atomKeypos:
		return term.MakeSmall(int64(tab.keypos)), true
	case atomEtsOwner:
		return term.MakePid(tab.owner), true
	case atomEtsProt:
		return tab.access, true
	case atomEtsID:
		return p.heap.Ref(tab.id), true
	case atomEtsHeir:
		if tab.heir == 0 {
			return term.Atom("none"), true
		}
		return term.MakePid(tab.heir), true
	case atomCompressed:
		return term.Bool(tab.compressed), true
	case atomReadConc, atomWriteConc:
		if v, ok := tab.tuning[item]; ok {
			return v, true
		}
		return term.False, true
	case atomDecCount:
		// OTP's default: on for an ordered_set written concurrently.
		if v, ok := tab.tuning[item]; ok {
			return v, true
		}
		wc, ok := tab.tuning[atomWriteConc]
		return term.Bool(tab.ordered() && ok && wc != term.False), true
	case term.Atom("memory"):
		// The words the stored objects take here; OTP counts its own
		// structures, so the numbers differ.
		words := 0
		for _, objs := range tab.objects {
			for _, o := range objs {
				words += o.heap.Used()
			}
		}
		return p.heap.Integer(int64(words)), true
	case term.Atom("node"):
		return term.AtomNonode, true
	}
	return term.NoValue, false
}

// etsAll lists the live tables: the names of named ones, the ids of the
// others.
func etsAll(p *Process, _ []term.Term) term.Term {
	s := &p.m.ets
	s.mu.Lock()
	tabs := make([]*etsTable, 0, len(s.byID))
	for _, tab := range s.byID {
		tabs = append(tabs, tab)
	}
	s.mu.Unlock()
	sort.Slice(tabs, func(i, j int) bool { return tabs[i].id < tabs[j].id })
	var out []term.Term
	for _, tab := range tabs {
		if p.m.process(tab.ownerID()) != nil {
			out = append(out, tab.ident(p.heap))
		}
	}
	return p.heap.List(out...)
}

func etsWhereis(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	s := &p.m.ets
	s.mu.Lock()
	tab := s.byName[args[0]]
	s.mu.Unlock()
	if tab == nil || p.m.process(tab.ownerID()) == nil {
		return term.Atom("undefined")
	}
	return p.heap.Ref(tab.id)
}

// etsGiveAway hands a table to another live process; only the owner may.
func etsGiveAway(p *Process, args []term.Term) term.Term {
	tab := p.etsTable(args[0], true)
	if tab == nil || !args[1].IsPid() || args[1].PidID() == p.id {
		return p.Badarg()
	}
	to := p.m.process(args[1].PidID())
	tab.mu.Lock()
	if to == nil || tab.owner != p.id {
		tab.mu.Unlock()
		return p.Badarg()
	}
	tab.owner = to.id
	tab.mu.Unlock()
	h := p.heap
	p.m.sendMessage(p.id, to, h, h.Tuple(atomEtsTransfer, tab.ident(h), p.Pid(), args[2]))
	return term.True
}

// ident is the table as ets:new/2 returned it: its name or its id.
func (tab *etsTable) ident(h *term.Heap) term.Term {
	if tab.named {
		return tab.name
	}
	return h.Ref(tab.id)
}

// ownerExited runs when process id ends: its tables go, or pass to their
// heir, which is told with {'ETS-TRANSFER', Table, FromPid, HeirData}.
func (s *etsTables) ownerExited(m *Machine, id uint64) {
	s.mu.Lock()
	var owned []*etsTable
	for _, tab := range s.byID {
		if tab.ownerID() == id {
			owned = append(owned, tab)
		}
	}
	s.mu.Unlock()
	for _, tab := range owned {
		tab.mu.Lock()
		heir := m.process(tab.heir)
		if tab.heir == 0 || tab.heir == id || heir == nil {
			tab.mu.Unlock()
			s.drop(tab)
			continue
		}
		tab.owner = heir.id
		gift := tab.gift
		tab.mu.Unlock()
		h := term.NewHeap(0)
		msg := h.Tuple(atomEtsTransfer, tab.ident(h), term.MakePid(id), h.CopyFrom(gift.heap, gift.value))
		m.sendMessage(id, heir, h, msg)
	}
}
