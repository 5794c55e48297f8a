package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// ets matching and selection: match/1,2,3, match_object/1,2,3,
// match_delete/2, select/1,2,3, select_reverse/1,2,3, select_count/2,
// select_delete/2, select_replace/2, test_ms/2 and the compiled match
// specifications of match_spec_compile/1 and match_spec_run/2. The match
// specification language is in ets_match.go.
//
// A pattern whose key is fully given (no variable, no '_') is looked up
// rather than scanned, as OTP does. A continuation (the second element of
// what match/3 or select/3 return) records the table, the specification and
// the key where the next chunk starts (and how many of that key's objects
// were taken). The table may change in between, as OTP allows: keys
// already passed are not returned again.

var (
	atomEtsCont    = term.Atom("$avm_ets_continuation")
	atomCompiledMS = term.Atom("$avm_compiled_match_spec")
)

func init() {
	register("ets",
		Native{Function: "match", Arity: 2, Fn: etsMatch, Doc: "match(Table, Pattern): for each matching object, the list of the values of its '$N' variables"},
		Native{Function: "match", Arity: 3, Fn: etsMatch, Doc: "match(Table, Pattern, Limit): match/2 in chunks of at most Limit: {Matches, Continuation} or '$end_of_table'"},
		Native{Function: "match", Arity: 1, Fn: etsContinue, Doc: "match(Continuation): the next chunk of a match/3"},
		Native{Function: "match_object", Arity: 2, Fn: etsMatchObject, Doc: "match_object(Table, Pattern): the objects matching Pattern"},
		Native{Function: "match_object", Arity: 3, Fn: etsMatchObject, Doc: "match_object(Table, Pattern, Limit): match_object/2 in chunks of at most Limit: {Objects, Continuation} or '$end_of_table'"},
		Native{Function: "match_object", Arity: 1, Fn: etsContinue, Doc: "match_object(Continuation): the next chunk of a match_object/3"},
		Native{Function: "match_delete", Arity: 2, Fn: etsMatchDelete, Doc: "match_delete(Table, Pattern): remove the objects matching Pattern; true"},
		Native{Function: "select", Arity: 2, Fn: etsSelect, Doc: "select(Table, MatchSpec): the results of the match specification for the objects it matches"},
		Native{Function: "select", Arity: 3, Fn: etsSelect, Doc: "select(Table, MatchSpec, Limit): select/2 in chunks of at most Limit: {Results, Continuation} or '$end_of_table'"},
		Native{Function: "select", Arity: 1, Fn: etsContinue, Doc: "select(Continuation): the next chunk of a select/3"},
		Native{Function: "select_reverse", Arity: 2, Fn: etsSelectReverse, Doc: "select_reverse(Table, MatchSpec): select/2 from the last key to the first of an ordered_set (as select/2 for other types)"},
		Native{Function: "select_reverse", Arity: 3, Fn: etsSelectReverse, Doc: "select_reverse(Table, MatchSpec, Limit): select/3 backward through an ordered_set"},
		Native{Function: "select_reverse", Arity: 1, Fn: etsContinue, Doc: "select_reverse(Continuation): the next chunk of a select_reverse/3"},
		Native{Function: "repair_continuation", Arity: 2, Fn: etsRepairContinuation, Doc: "repair_continuation(Continuation, MatchSpec): a continuation usable again after it went through term_to_binary/1 (ours always are)"},
		Native{Function: "select_count", Arity: 2, Fn: etsSelectCount, Doc: "select_count(Table, MatchSpec): how many objects the match specification maps to true"},
		Native{Function: "select_delete", Arity: 2, Fn: etsSelectDelete, Doc: "select_delete(Table, MatchSpec): remove the objects the match specification maps to true; how many"},
		Native{Function: "select_replace", Arity: 2, Fn: etsSelectReplace, Doc: "select_replace(Table, MatchSpec): replace each matched object by its result, which must keep the key; how many"},
		Native{Function: "test_ms", Arity: 2, Fn: etsTestMS, Doc: "test_ms(Tuple, MatchSpec): {ok, Result} of the match specification on Tuple (false when no clause matches), or {error, Errors}"},
		Native{Function: "match_spec_compile", Arity: 1, Fn: etsMatchSpecCompile, Doc: "match_spec_compile(MatchSpec): the checked specification, for match_spec_run/2; badarg when malformed"},
		Native{Function: "match_spec_run", Arity: 2, Fn: etsMatchSpecRun, Doc: "match_spec_run(List, CompiledMatchSpec): the results for the terms of List the specification matches"},
		Native{Function: "is_compiled_ms", Arity: 1, Fn: etsIsCompiledMS, Doc: "is_compiled_ms(Term): whether Term comes from match_spec_compile/1"},
	)
}

// etsScan is one pass of a match specification over (part of) a table.
type etsScan struct {
	p       *Process
	tab     *etsTable
	ms      *matchSpec
	reverse bool // backward, in an ordered_set
	limit   int  // results wanted; 0 for all
	from    term.Term
	skip    int // objects of the key from already seen
}

// etsVisit receives each matched object: its key's encoding, its place in
// the key's objects, the object copied into the caller's heap and the
// specification's result.
type etsVisit func(enc string, i int, obj, res term.Term)

// msGround reports whether t holds no variable and no '_'.
func msGround(h *term.Heap, t term.Term) bool {
	switch {
	case t.IsAtom():
		_, isVar := msVar(t)
		return !isVar && t != atomMsAny
	case t.IsCons():
		hd, tl := h.HeadTail(t)
		return msGround(h, hd) && msGround(h, tl)
	case h.IsTuple(t):
		for _, e := range h.TupleElems(t) {
			if !msGround(h, e) {
				return false
			}
		}
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		for i := range keys {
			if !msGround(h, keys[i]) || !msGround(h, vals[i]) {
				return false
			}
		}
	}
	return true
}

// candidates returns the encoded keys the scan may visit, or all=true when
// the whole table must be scanned.
func (s *etsScan) candidates() (encs []string, all bool) {
	h := s.p.heap
	seen := map[string]bool{}
	for _, c := range s.ms.clauses {
		switch {
		case h.IsTuple(c.pat) && h.TupleSize(c.pat) >= s.tab.keypos:
			k := h.TupleElems(c.pat)[s.tab.keypos-1]
			if !msGround(h, k) {
				return nil, true
			}
			enc, ok := s.p.etsKeyEnc(s.tab, k)
			if !ok {
				return nil, true
			}
			if !seen[enc] {
				seen[enc] = true
				encs = append(encs, enc)
			}
		case h.IsTuple(c.pat):
			// Too short to hold a key: it matches no object.
		case c.pat == atomMsAny || msIsVar(c.pat):
			return nil, true
		}
		// Any other pattern matches no object, as objects are tuples.
	}
	return encs, false
}

// quickReject tells, without copying the object, that pattern pat cannot
// match it: a tuple of another size, or a different constant at the top.
func quickReject(ph *term.Heap, pat term.Term, o *persistentTerm) bool {
	if !ph.IsTuple(pat) {
		return false
	}
	oh := o.heap
	if oh.TupleSize(o.value) != ph.TupleSize(pat) {
		return true
	}
	oe := oh.TupleElems(o.value)
	for i, pe := range ph.TupleElems(pat) {
		if !pe.IsImmediate() || pe == atomMsAny {
			continue
		}
		if _, isVar := msVar(pe); isVar {
			continue
		}
		if oe[i].IsImmediate() && oe[i] != pe {
			return true
		}
		if !oe[i].IsImmediate() {
			return true // a constant never equals a boxed term
		}
	}
	return false
}

// run visits the matching objects in traversal order; it stops at the
// limit and then returns the key and count to resume from (done false).
// The caller holds s.tab.mu.
func (s *etsScan) run(visit etsVisit) (resume term.Term, skip int, done bool) {
	p, tab, h := s.p, s.tab, s.p.heap
	encs, all := s.candidates()
	var order []string
	if all {
		order = tab.order()
	} else {
		present := encs[:0]
		for _, enc := range encs {
			if len(tab.objects[enc]) > 0 {
				present = append(present, enc)
			}
		}
		order = tab.orderOf(present)
	}
	if s.reverse && tab.ordered() {
		rev := make([]string, len(order))
		for i, enc := range order {
			rev[len(order)-1-i] = enc
		}
		order = rev
	}
	start, skip0 := 0, 0
	if s.from != term.NoValue {
		start, skip0 = s.resumeAt(order)
	}
	n := 0
	r := msRun{p: p, h: h}
	for oi := start; oi < len(order); oi++ {
		enc := order[oi]
		objs := tab.objects[enc]
		first := 0
		if oi == start {
			first = skip0
		}
		for i := first; i < len(objs); i++ {
			o := objs[i]
			if s.rejects(o) {
				continue
			}
			obj := h.CopyFrom(o.heap, o.value)
			res, ok := r.run(s.ms, obj)
			if !ok {
				continue
			}
			visit(enc, i, obj, res)
			n++
			if s.limit > 0 && n == s.limit {
				return h.CopyFrom(o.heap, tab.keyOf(o)), i + 1, false
			}
		}
	}
	return term.NoValue, 0, true
}

// rejects reports that no clause can match the stored object.
func (s *etsScan) rejects(o *persistentTerm) bool {
	for _, c := range s.ms.clauses {
		if !quickReject(s.p.heap, c.pat, o) {
			return false
		}
	}
	return true
}

// resumeAt returns where in order a continuation from s.from starts.
func (s *etsScan) resumeAt(order []string) (int, int) {
	tab, h := s.tab, s.p.heap
	if tab.ordered() {
		for i, enc := range order {
			o := tab.objects[enc][0]
			c := h.Compare(h.CopyFrom(o.heap, tab.keyOf(o)), s.from)
			if s.reverse {
				c = -c
			}
			if c == 0 {
				return i, s.skip
			}
			if c > 0 {
				return i, 0
			}
		}
		return len(order), 0
	}
	from, ok := persistentKey(s.p, s.from)
	if !ok {
		return len(order), 0
	}
	for i, enc := range order {
		if enc == from {
			return i, s.skip
		}
		if enc > from {
			return i, 0
		}
	}
	return len(order), 0
}

// orderOf sorts some of the table's encoded keys in traversal order; the
// caller holds tab.mu.
func (tab *etsTable) orderOf(encs []string) []string {
	if len(encs) < 2 {
		return encs
	}
	sub := &etsTable{kind: tab.kind, keypos: tab.keypos, objects: make(map[string][]*persistentTerm, len(encs))}
	for _, enc := range encs {
		sub.objects[enc] = tab.objects[enc]
	}
	return sub.order()
}

// etsSpecArgs resolves the table and match specification of a call; ok
// false after raising badarg.
func (p *Process) etsSpecArgs(tabArg, spec term.Term, write bool) (*etsTable, *matchSpec, bool) {
	tab := p.etsTable(tabArg, write)
	if tab == nil {
		p.Badarg()
		return nil, nil, false
	}
	ms, errs := compileMatchSpec(p.heap, spec)
	if errs != nil {
		p.Badarg()
		return nil, nil, false
	}
	return tab, ms, true
}

// etsCollect runs a specification over a table and returns the results:
// all of them, or with a limit (args[2]) a chunk and its continuation.
func etsCollect(p *Process, tabArg, spec term.Term, limitArg term.Term, reverse bool) term.Term {
	limit := 0
	if limitArg != term.NoValue {
		if !limitArg.IsSmall() || limitArg.Small() < 1 {
			return p.Badarg()
		}
		limit = int(min(limitArg.Small(), 1<<30))
	}
	return etsChunk(p, tabArg, spec, limit, reverse, term.NoValue, 0)
}

func etsChunk(p *Process, tabArg, spec term.Term, limit int, reverse bool, from term.Term, skip int) term.Term {
	h := p.heap
	tab, ms, ok := p.etsSpecArgs(tabArg, spec, false)
	if !ok {
		return term.NoValue
	}
	s := etsScan{p: p, tab: tab, ms: ms, reverse: reverse, limit: limit, from: from, skip: skip}
	var results []term.Term
	tab.mu.Lock()
	resume, next, done := s.run(func(_ string, _ int, _, res term.Term) { results = append(results, res) })
	tab.mu.Unlock()
	list := h.List(results...)
	if limit == 0 {
		return list
	}
	if len(results) == 0 {
		return atomEndOfTable
	}
	cont := atomEndOfTable
	if !done {
		cont = h.Tuple(atomEtsCont, tabArg, spec, term.MakeSmall(int64(limit)), term.Bool(reverse), resume, term.MakeSmall(int64(next)))
	}
	return h.Tuple(list, cont)
}

// etsContinue implements match/1, match_object/1, select/1 and
// select_reverse/1.
func etsContinue(p *Process, args []term.Term) term.Term {
	h := p.heap
	c := args[0]
	if c == atomEndOfTable {
		return atomEndOfTable
	}
	if !h.IsTaggedTuple(c, 7, atomEtsCont) {
		return p.Badarg()
	}
	e := h.TupleElems(c)
	if !e[3].IsSmall() || e[3].Small() < 1 || !e[4].IsBoolean() || !e[6].IsSmall() || e[6].Small() < 0 {
		return p.Badarg()
	}
	return etsChunk(p, e[1], e[2], int(e[3].Small()), e[4] == term.True, e[5], int(e[6].Small()))
}

// etsRepairContinuation returns the continuation as it is: ours hold no
// compiled specification that a round trip through the external format
// would lose.
func etsRepairContinuation(p *Process, args []term.Term) term.Term {
	if args[0] != atomEndOfTable && !p.heap.IsTaggedTuple(args[0], 7, atomEtsCont) {
		return p.Badarg()
	}
	return args[0]
}

func optionalArg(args []term.Term, i int) term.Term {
	if i < len(args) {
		return args[i]
	}
	return term.NoValue
}

// patternSpec turns a match pattern into the specification [{Pattern, [],
// [Result]}].
func patternSpec(h *term.Heap, pattern, result term.Term) term.Term {
	return h.List(h.Tuple(pattern, term.Nil, h.List(result)))
}

func etsMatch(p *Process, args []term.Term) term.Term {
	return etsCollect(p, args[0], patternSpec(p.heap, args[1], atomMsAllVars), optionalArg(args, 2), false)
}

func etsMatchObject(p *Process, args []term.Term) term.Term {
	return etsCollect(p, args[0], patternSpec(p.heap, args[1], atomMsObject), optionalArg(args, 2), false)
}

func etsSelect(p *Process, args []term.Term) term.Term {
	return etsCollect(p, args[0], args[1], optionalArg(args, 2), false)
}

func etsSelectReverse(p *Process, args []term.Term) term.Term {
	return etsCollect(p, args[0], args[1], optionalArg(args, 2), true)
}

func etsSelectCount(p *Process, args []term.Term) term.Term {
	tab, ms, ok := p.etsSpecArgs(args[0], args[1], false)
	if !ok {
		return term.NoValue
	}
	n := 0
	s := etsScan{p: p, tab: tab, ms: ms}
	tab.mu.Lock()
	s.run(func(_ string, _ int, _, res term.Term) {
		if res == term.True {
			n++
		}
	})
	tab.mu.Unlock()
	return p.heap.Integer(int64(n))
}

// etsDeleteMatched removes the objects the specification maps to true;
// it returns how many.
func (p *Process) etsDeleteMatched(tab *etsTable, ms *matchSpec) int {
	gone := map[string]map[int]bool{}
	n := 0
	s := etsScan{p: p, tab: tab, ms: ms}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	s.run(func(enc string, i int, _, res term.Term) {
		if res != term.True {
			return
		}
		if gone[enc] == nil {
			gone[enc] = map[int]bool{}
		}
		gone[enc][i] = true
		n++
	})
	for enc, idx := range gone {
		var kept []*persistentTerm
		for i, o := range tab.objects[enc] {
			if !idx[i] {
				kept = append(kept, o)
			}
		}
		tab.setBucket(enc, kept)
	}
	return n
}

func etsSelectDelete(p *Process, args []term.Term) term.Term {
	tab, ms, ok := p.etsSpecArgs(args[0], args[1], true)
	if !ok {
		return term.NoValue
	}
	return p.heap.Integer(int64(p.etsDeleteMatched(tab, ms)))
}

func etsMatchDelete(p *Process, args []term.Term) term.Term {
	tab, ms, ok := p.etsSpecArgs(args[0], patternSpec(p.heap, args[1], term.True), true)
	if !ok {
		return term.NoValue
	}
	p.etsDeleteMatched(tab, ms)
	return term.True
}

// etsSelectReplace replaces matched objects by their results. Every result
// must be a tuple with the same key (=:=) as the object it replaces, or
// nothing changes and the call fails with badarg; bags are refused, as OTP
// does.
func etsSelectReplace(p *Process, args []term.Term) term.Term {
	h := p.heap
	tab, ms, ok := p.etsSpecArgs(args[0], args[1], true)
	if !ok {
		return term.NoValue
	}
	if tab.bag() {
		return p.Badarg()
	}
	type change struct {
		enc string
		obj term.Term
	}
	var changes []change
	valid := true
	s := etsScan{p: p, tab: tab, ms: ms}
	tab.mu.Lock()
	defer tab.mu.Unlock()
	s.run(func(enc string, _ int, obj, res term.Term) {
		k := h.TupleElems(obj)[tab.keypos-1]
		if !h.IsTuple(res) || h.TupleSize(res) < tab.keypos || !h.ExactEqual(h.TupleElems(res)[tab.keypos-1], k) {
			valid = false
			return
		}
		changes = append(changes, change{enc, res})
	})
	if !valid {
		return p.Badarg()
	}
	for _, c := range changes {
		tab.setBucket(c.enc, []*persistentTerm{newStoredTerm(h, c.obj)})
	}
	return h.Integer(int64(len(changes)))
}

func etsTestMS(p *Process, args []term.Term) term.Term {
	h := p.heap
	ms, errs := compileMatchSpec(h, args[1])
	if args[1] == term.Nil { // allowed by select/2, not here, as in OTP
		errs = []string{"Match programs are not in a list."}
	}
	if errs != nil {
		list := make([]term.Term, len(errs))
		for i, e := range errs {
			list[i] = h.Tuple(term.AtomError, charlist(h, e))
		}
		return h.Tuple(term.AtomError, h.List(list...))
	}
	res, ok := ms.run(p, args[0])
	if !ok {
		res = term.False
	}
	return h.Tuple(term.AtomOk, res)
}

// charlist makes an Erlang string of s.
func charlist(h *term.Heap, s string) term.Term {
	out := term.Nil
	rs := []rune(s)
	for i := len(rs) - 1; i >= 0; i-- {
		out = h.Cons(term.MakeSmall(int64(rs[i])), out)
	}
	return out
}

// A compiled match specification is the checked specification in a tagged
// tuple: running it reads the terms as they are, so there is nothing more
// to keep, and no table of compiled forms to outlive its users.
func etsMatchSpecCompile(p *Process, args []term.Term) term.Term {
	if _, errs := compileMatchSpec(p.heap, args[0]); errs != nil {
		return p.Badarg()
	}
	return p.heap.Tuple(atomCompiledMS, args[0])
}

func etsIsCompiledMS(p *Process, args []term.Term) term.Term {
	return term.Bool(p.heap.IsTaggedTuple(args[0], 2, atomCompiledMS))
}

func etsMatchSpecRun(p *Process, args []term.Term) term.Term {
	h := p.heap
	list, ok := h.ListToSlice(args[0])
	if !ok || !h.IsTaggedTuple(args[1], 2, atomCompiledMS) {
		return p.Badarg()
	}
	ms, errs := compileMatchSpec(h, h.TupleElems(args[1])[1])
	if errs != nil {
		return p.Badarg()
	}
	var out []term.Term
	for _, t := range list {
		if res, ok := ms.run(p, t); ok {
			out = append(out, res)
		}
	}
	return h.List(out...)
}
