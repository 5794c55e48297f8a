package vm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/avmtool/avm/vm/term"
)

// Match specifications, as ets:select/2 and ets:match_spec_run/2 take them:
// a list of {Pattern, Guards, Body} clauses. The pattern is a term in which
// '_' matches anything and '$N' (N from 0 to 100000000) binds a variable;
// a guard or body expression is a constant, a variable, '$_' (the whole
// object), '$$' (the values of the variables, in their numeric order),
// {const, Term}, a tuple construction {{E1, …}}, a list or map of
// expressions, or a call {F, A1, …} of one of the functions OTP allows in
// table match specifications.
//
// A specification is checked whole before it runs, as OTP compiles it:
// each problem gets OTP's message (ets:test_ms/2 returns them) and the
// select family raises badarg. Running it needs no second form: the terms
// are read as they are, on the caller's heap.

type matchSpec struct {
	clauses []msClause
}

type msClause struct {
	pat    term.Term
	guards []term.Term
	body   []term.Term
	vars   []int       // the variable numbers the pattern binds, ascending
	slot   map[int]int // variable number → index in vars
}

// msFuncs are the functions a table match specification may call, by
// name and arity; the special forms (and, or, andalso, orelse, const) are
// handled apart.
var msFuncs = func() map[mfa]bool {
	names := []struct {
		f     string
		arity []int
	}{
		{"is_atom", []int{1}}, {"is_float", []int{1}}, {"is_integer", []int{1}}, {"is_list", []int{1}},
		{"is_number", []int{1}}, {"is_pid", []int{1}}, {"is_port", []int{1}}, {"is_reference", []int{1}},
		{"is_tuple", []int{1}}, {"is_map", []int{1}}, {"is_binary", []int{1}}, {"is_function", []int{1}},
		{"is_record", []int{3}}, {"is_map_key", []int{2}}, {"map_get", []int{2}}, {"map_size", []int{1}},
		{"abs", []int{1}}, {"hd", []int{1}}, {"tl", []int{1}}, {"length", []int{1}}, {"node", []int{0, 1}},
		{"round", []int{1}}, {"trunc", []int{1}}, {"float", []int{1}}, {"size", []int{1}},
		{"bit_size", []int{1}}, {"byte_size", []int{1}}, {"element", []int{2}}, {"self", []int{0}},
		{"binary_part", []int{2, 3}}, {"-", []int{1, 2}}, {"+", []int{1, 2}}, {"*", []int{2}}, {"/", []int{2}},
		{"div", []int{2}}, {"rem", []int{2}}, {"band", []int{2}}, {"bor", []int{2}}, {"bxor", []int{2}},
		{"bnot", []int{1}}, {"bsl", []int{2}}, {"bsr", []int{2}}, {">", []int{2}}, {">=", []int{2}},
		{"<", []int{2}}, {"=<", []int{2}}, {"==", []int{2}}, {"/=", []int{2}}, {"=:=", []int{2}},
		{"=/=", []int{2}}, {"not", []int{1}}, {"xor", []int{2}},
	}
	out := map[mfa]bool{}
	for _, n := range names {
		for _, a := range n.arity {
			out[mfa{term.AtomErlang, term.Atom(n.f), a}] = true
		}
	}
	return out
}()

// msFunc returns the native for a match specification call, or nil.
func msFunc(f term.Term, arity int) *Native {
	k := mfa{term.AtomErlang, f, arity}
	if !msFuncs[k] {
		return nil
	}
	return natives[k]
}

var (
	atomMsAny      = term.Atom("_")
	atomMsObject   = term.Atom("$_")
	atomMsAllVars  = term.Atom("$$")
	atomMsConst    = term.Atom("const")
	atomMsAnd      = term.Atom("and")
	atomMsOr       = term.Atom("or")
	atomMsAndalso  = term.Atom("andalso")
	atomMsOrelse   = term.Atom("orelse")
	atomMsExit     = term.Atom("EXIT")
	msVarCache     sync.Map // atom → variable number, or -1
	msMaxVarNumber = 100000000
)

// msVar returns the number of a '$N' variable atom.
func msVar(t term.Term) (int, bool) {
	if !t.IsAtom() {
		return 0, false
	}
	if n, ok := msVarCache.Load(t); ok {
		return n.(int), n.(int) >= 0
	}
	n := -1
	if s := term.AtomName(t); len(s) >= 2 && s[0] == '$' {
		if v, err := strconv.Atoi(s[1:]); err == nil && v >= 0 && v <= msMaxVarNumber && s[1] != '+' && s[1] != '-' {
			n = v
		}
	}
	msVarCache.Store(t, n)
	return n, n >= 0
}

func msIsVar(t term.Term) bool {
	_, ok := msVar(t)
	return ok
}

// compileMatchSpec checks a match specification; the problems found are
// in OTP's words.
func compileMatchSpec(h *term.Heap, spec term.Term) (*matchSpec, []string) {
	clauses, ok := h.ListToSlice(spec)
	if !ok {
		if spec.IsCons() {
			return nil, []string{"Match programs are not in a proper list."}
		}
		return nil, []string{"Match programs are not in a list."}
	}
	ms := &matchSpec{}
	var errs []string
	for _, c := range clauses {
		if !h.IsTuple(c) || h.TupleSize(c) != 3 {
			errs = append(errs, "Match program part is not a tuple of arity 3.")
			continue
		}
		e := h.TupleElems(c)
		cl := msClause{pat: e[0], slot: map[int]int{}}
		errs = msPatternVars(h, e[0], cl.slot, false, errs)
		for v := range cl.slot {
			cl.vars = append(cl.vars, v)
		}
		sort.Ints(cl.vars)
		for i, v := range cl.vars {
			cl.slot[v] = i
		}
		var gok bool
		if cl.guards, gok = h.ListToSlice(e[1]); !gok {
			errs = append(errs, "Match expression is not a list.")
		}
		if cl.body, _ = h.ListToSlice(e[2]); len(cl.body) == 0 {
			errs = append(errs, "Body clause does not return anything.")
		}
		for _, g := range cl.guards {
			errs = msCheckExpr(h, g, cl.slot, errs)
		}
		for _, b := range cl.body {
			errs = msCheckExpr(h, b, cl.slot, errs)
		}
		ms.clauses = append(ms.clauses, cl)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return ms, nil
}

// msPatternVars records the variables of a pattern in vars.
func msPatternVars(h *term.Heap, t term.Term, vars map[int]int, inKey bool, errs []string) []string {
	switch {
	case t.IsAtom():
		if n, ok := msVar(t); ok {
			if inKey {
				return append(errs, "Variable found in map key.")
			}
			vars[n] = 0
		}
	case t.IsCons():
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			errs = msPatternVars(h, hd, vars, inKey, errs)
			t = tl
		}
		return msPatternVars(h, t, vars, inKey, errs)
	case h.IsTuple(t):
		for _, e := range h.TupleElems(t) {
			errs = msPatternVars(h, e, vars, inKey, errs)
		}
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		for i := range keys {
			errs = msPatternVars(h, keys[i], vars, true, errs)
			errs = msPatternVars(h, vals[i], vars, inKey, errs)
		}
	}
	return errs
}

// msCheckExpr checks a guard or body expression.
func msCheckExpr(h *term.Heap, t term.Term, vars map[int]int, errs []string) []string {
	switch {
	case t.IsAtom():
		if n, ok := msVar(t); ok {
			if _, bound := vars[n]; !bound {
				return append(errs, fmt.Sprintf("Variable $%d is unbound.", n))
			}
		}
	case t.IsCons():
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			errs = msCheckExpr(h, hd, vars, errs)
			t = tl
		}
		return msCheckExpr(h, t, vars, errs)
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		for i := range keys {
			errs = msCheckExpr(h, keys[i], vars, errs)
			errs = msCheckExpr(h, vals[i], vars, errs)
		}
	case h.IsTuple(t):
		e := h.TupleElems(t)
		switch {
		case len(e) == 0 || !(e[0].IsAtom() || (len(e) == 1 && h.IsTuple(e[0]))) || msIsVar(e[0]):
			return append(errs, fmt.Sprintf("%s is neither a function call, nor a tuple (tuples are written {{ ... }}).", h.Format(t)))
		case len(e) == 1 && h.IsTuple(e[0]):
			for _, x := range h.TupleElems(e[0]) {
				errs = msCheckExpr(h, x, vars, errs)
			}
		case e[0] == atomMsConst:
			switch {
			case len(e) == 1:
				return append(errs, fmt.Sprintf("Special form 'const' called without arguments in %s.", msFormatCall(h, e)))
			case len(e) > 2:
				return append(errs, fmt.Sprintf("Special form 'const' called with more than one argument in %s.", msFormatCall(h, e)))
			}
		case e[0] == atomMsAnd || e[0] == atomMsOr || e[0] == atomMsAndalso || e[0] == atomMsOrelse:
			if len(e) == 1 {
				return append(errs, fmt.Sprintf("Special form '%s' called without arguments in %s.", term.AtomName(e[0]), msFormatCall(h, e)))
			}
			for _, x := range e[1:] {
				errs = msCheckExpr(h, x, vars, errs)
			}
		default:
			if msFunc(e[0], len(e)-1) == nil {
				return append(errs, fmt.Sprintf("Function %s/%d does_not_exist.", term.AtomName(e[0]), len(e)-1))
			}
			for _, x := range e[1:] {
				errs = msCheckExpr(h, x, vars, errs)
			}
		}
	}
	return errs
}

// msFormatCall prints a special form as OTP's messages do: the name bare.
func msFormatCall(h *term.Heap, e []term.Term) string {
	var b strings.Builder
	b.WriteString("{" + term.AtomName(e[0]))
	for _, a := range e[1:] {
		b.WriteString("," + h.Format(a))
	}
	b.WriteString("}")
	return b.String()
}

// msRun runs one clause on one object; every term is on p's heap.
type msRun struct {
	p     *Process
	h     *term.Heap
	c     *msClause
	obj   term.Term
	binds []term.Term
}

// run tries the clauses in order on obj: the body's value of the first
// that matches and whose guards hold, or ok false when none does.
func (ms *matchSpec) run(p *Process, obj term.Term) (term.Term, bool) {
	r := msRun{p: p, h: p.heap}
	return r.run(ms, obj)
}

// run is matchSpec.run reusing r's bindings, for a scan of many objects.
func (r *msRun) run(ms *matchSpec, obj term.Term) (term.Term, bool) {
	r.obj = obj
	for i := range ms.clauses {
		c := &ms.clauses[i]
		r.c = c
		if cap(r.binds) < len(c.vars) {
			r.binds = make([]term.Term, len(c.vars))
		}
		r.binds = r.binds[:len(c.vars)]
		for j := range r.binds {
			r.binds[j] = term.NoValue
		}
		if !r.match(c.pat, obj) || !r.guardsHold() {
			continue
		}
		// A failing expression makes the result 'EXIT' when it is the
		// last; OTP ignores the failure of an earlier one.
		res := atomMsExit
		for _, b := range c.body {
			v, ok := r.eval(b)
			if !ok {
				v = atomMsExit
			}
			res = v
		}
		return res, true
	}
	return term.NoValue, false
}

func (r *msRun) guardsHold() bool {
	for _, g := range r.c.guards {
		if v, ok := r.eval(g); !ok || v != term.True {
			return false
		}
	}
	return true
}

// match matches obj against the pattern pat, binding variables.
func (r *msRun) match(pat, obj term.Term) bool {
	h := r.h
	switch {
	case pat.IsAtom():
		if pat == atomMsAny {
			return true
		}
		if n, ok := msVar(pat); ok {
			i := r.c.slot[n]
			if r.binds[i] == term.NoValue {
				r.binds[i] = obj
				return true
			}
			return h.ExactEqual(r.binds[i], obj)
		}
		return pat == obj
	case pat.IsImmediate() || pat == term.Nil:
		return pat == obj
	case pat.IsCons():
		for pat.IsCons() {
			if !obj.IsCons() {
				return false
			}
			ph, pt := h.HeadTail(pat)
			oh, ot := h.HeadTail(obj)
			if !r.match(ph, oh) {
				return false
			}
			pat, obj = pt, ot
		}
		return r.match(pat, obj)
	case h.IsTuple(pat):
		if !h.IsTuple(obj) || h.TupleSize(obj) != h.TupleSize(pat) {
			return false
		}
		oe := h.TupleElems(obj)
		for i, pe := range h.TupleElems(pat) {
			if !r.match(pe, oe[i]) {
				return false
			}
		}
		return true
	case h.IsMap(pat):
		if !h.IsMap(obj) {
			return false
		}
		keys, vals := h.MapKeysValues(pat)
		for i, k := range keys {
			v, ok := h.MapGet(obj, k)
			if !ok || !r.match(vals[i], v) {
				return false
			}
		}
		return true
	}
	return h.ExactEqual(pat, obj)
}

// eval evaluates a guard or body expression; ok is false when it fails.
func (r *msRun) eval(t term.Term) (term.Term, bool) {
	h := r.h
	switch {
	case t.IsAtom():
		switch t {
		case atomMsObject:
			return r.obj, true
		case atomMsAllVars:
			return h.List(r.binds...), true
		}
		if n, ok := msVar(t); ok {
			i, bound := r.c.slot[n]
			if !bound {
				return term.NoValue, false
			}
			return r.binds[i], true
		}
		return t, true
	case t.IsCons():
		var elems []term.Term
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			v, ok := r.eval(hd)
			if !ok {
				return term.NoValue, false
			}
			elems = append(elems, v)
			t = tl
		}
		tail, ok := r.eval(t)
		if !ok {
			return term.NoValue, false
		}
		return h.ListTail(elems, tail), true
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		ks, vs := make([]term.Term, len(keys)), make([]term.Term, len(vals))
		for i := range keys {
			var ok1, ok2 bool
			ks[i], ok1 = r.eval(keys[i])
			vs[i], ok2 = r.eval(vals[i])
			if !ok1 || !ok2 {
				return term.NoValue, false
			}
		}
		return h.MapFromPairs(ks, vs), true
	case h.IsTuple(t):
		return r.call(h.TupleElems(t))
	}
	return t, true
}

// call evaluates a tuple expression: a construction, a special form or a
// function call.
func (r *msRun) call(e []term.Term) (term.Term, bool) {
	h := r.h
	if len(e) == 0 {
		return term.NoValue, false
	}
	if len(e) == 1 && h.IsTuple(e[0]) {
		inner := h.TupleElems(e[0])
		vals := make([]term.Term, len(inner))
		for i, x := range inner {
			v, ok := r.eval(x)
			if !ok {
				return term.NoValue, false
			}
			vals[i] = v
		}
		return h.Tuple(vals...), true
	}
	args := e[1:]
	switch e[0] {
	case atomMsConst:
		if len(args) != 1 {
			return term.NoValue, false
		}
		return args[0], true
	case atomMsAnd, atomMsOr:
		// Every argument is evaluated and must be a boolean.
		res := e[0] == atomMsAnd
		for _, a := range args {
			v, ok := r.eval(a)
			if !ok || !v.IsBoolean() {
				return term.NoValue, false
			}
			if e[0] == atomMsAnd {
				res = res && v == term.True
			} else {
				res = res || v == term.True
			}
		}
		return term.Bool(res), len(args) > 0
	case atomMsAndalso, atomMsOrelse:
		// As in Erlang, the last argument's value is the result, boolean
		// or not.
		stop := term.False // andalso stops at false, orelse at true
		if e[0] == atomMsOrelse {
			stop = term.True
		}
		for i, a := range args {
			v, ok := r.eval(a)
			switch {
			case !ok:
				return term.NoValue, false
			case i == len(args)-1:
				return v, true
			case !v.IsBoolean():
				return term.NoValue, false
			case v == stop:
				return stop, true
			}
		}
		return term.NoValue, false
	}
	n := msFunc(e[0], len(args))
	if n == nil {
		return term.NoValue, false
	}
	vals := make([]term.Term, len(args))
	for i, a := range args {
		v, ok := r.eval(a)
		if !ok {
			return term.NoValue, false
		}
		vals[i] = v
	}
	v := n.Fn(r.p, vals)
	return v, v != term.NoValue
}
