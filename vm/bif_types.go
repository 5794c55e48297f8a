package vm

import "github.com/avmtool/avm/vm/term"

// Type tests.

// typeTest makes a one-argument type test native.
func typeTest(test func(h *term.Heap, t term.Term) bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term { return term.Bool(test(p.heap, args[0])) }
}

// bifIsFunction2 is is_function(F, Arity): the arity must be a non-negative
// integer (a huge one is simply never a fun's arity).
func bifIsFunction2(p *Process, args []term.Term) term.Term {
	h, f, a := p.heap, args[0], args[1]
	if !h.IsInteger(a) || h.IntSign(a) < 0 {
		return p.Badarg()
	}
	if !a.IsSmall() || !h.IsFun(f) {
		return term.False
	}
	return term.Bool(int64(p.funArity(f)) == a.Small())
}

// bifIsRecord2 is is_record(Term, Tag): a tuple whose first element is Tag.
func bifIsRecord2(p *Process, args []term.Term) term.Term {
	h, t, tag := p.heap, args[0], args[1]
	if !tag.IsAtom() {
		return p.Badarg()
	}
	return term.Bool(h.IsTuple(t) && h.TupleSize(t) > 0 && h.TupleElems(t)[0] == tag)
}

// bifIsRecord3 is is_record(Term, Tag, Size).
func bifIsRecord3(p *Process, args []term.Term) term.Term {
	h, t, tag, size := p.heap, args[0], args[1], args[2]
	if !tag.IsAtom() || !size.IsSmall() {
		return p.Badarg()
	}
	n := size.Small()
	return term.Bool(n > 0 && h.IsTuple(t) && int64(h.TupleSize(t)) == n && h.TupleElems(t)[0] == tag)
}

func init() {
	register("erlang",
		Native{Function: "is_atom", Arity: 1, Fn: typeTest(func(_ *term.Heap, t term.Term) bool { return t.IsAtom() }), Guard: true, Doc: "Is the term an atom?"},
		Native{Function: "is_binary", Arity: 1, Fn: typeTest((*term.Heap).IsBinary), Guard: true, Doc: "Is the term a binary (a bitstring of whole bytes)?"},
		Native{Function: "is_bitstring", Arity: 1, Fn: typeTest((*term.Heap).IsBitstring), Guard: true, Doc: "Is the term a bitstring (binaries included)?"},
		Native{Function: "is_boolean", Arity: 1, Fn: typeTest(func(_ *term.Heap, t term.Term) bool { return t.IsBoolean() }), Guard: true, Doc: "Is the term true or false?"},
		Native{Function: "is_float", Arity: 1, Fn: typeTest((*term.Heap).IsFloat), Guard: true, Doc: "Is the term a float?"},
		Native{Function: "is_function", Arity: 1, Fn: typeTest((*term.Heap).IsFun), Guard: true, Doc: "Is the term a fun?"},
		Native{Function: "is_function", Arity: 2, Fn: bifIsFunction2, Guard: true, Doc: "Is the term a fun taking Arity arguments?"},
		Native{Function: "is_integer", Arity: 1, Fn: typeTest((*term.Heap).IsInteger), Guard: true, Doc: "Is the term an integer?"},
		Native{Function: "is_list", Arity: 1, Fn: typeTest(func(_ *term.Heap, t term.Term) bool { return t.IsList() }), Guard: true, Doc: "Is the term [] or a cons cell?"},
		Native{Function: "is_map", Arity: 1, Fn: typeTest((*term.Heap).IsMap), Guard: true, Doc: "Is the term a map?"},
		Native{Function: "is_number", Arity: 1, Fn: typeTest((*term.Heap).IsNumber), Guard: true, Doc: "Is the term an integer or a float?"},
		Native{Function: "is_pid", Arity: 1, Fn: typeTest(func(_ *term.Heap, t term.Term) bool { return t.IsPid() }), Guard: true, Doc: "Is the term a pid?"},
		Native{Function: "is_port", Arity: 1, Fn: typeTest(func(_ *term.Heap, t term.Term) bool { return t.IsPort() }), Guard: true, Doc: "Is the term a port?"},
		Native{Function: "is_reference", Arity: 1, Fn: typeTest((*term.Heap).IsRef), Guard: true, Doc: "Is the term a reference?"},
		Native{Function: "is_tuple", Arity: 1, Fn: typeTest((*term.Heap).IsTuple), Guard: true, Doc: "Is the term a tuple?"},
		Native{Function: "is_record", Arity: 2, Fn: bifIsRecord2, Guard: true, Doc: "Is the term a tuple whose first element is the atom Tag?"},
		Native{Function: "is_record", Arity: 3, Fn: bifIsRecord3, Guard: true, Doc: "Is the term a tuple of Size elements whose first element is the atom Tag?"},
	)
}
