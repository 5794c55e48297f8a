package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// Hot functions of the lists module as Go natives; the rest of lists is
// Erlang in the bundled stdlib (vm/stdlib/lists.erl), which also defines
// these (the natives take precedence).

func init() {
	register("lists",
		Native{Function: "reverse", Arity: 1, Fn: listsReverse, Doc: "the list in reverse order"},
		Native{Function: "reverse", Arity: 2, Fn: listsReverse, Doc: "reverse(List) ++ Tail"},
		Native{Function: "member", Arity: 2, Fn: listsMember, Doc: "true if Elem matches (=:=) an element"},
		Native{Function: "keyfind", Arity: 3, Fn: listsKeyfind, Doc: "the first tuple whose Nth element compares equal (==) to Key, or false"},
		Native{Function: "keymember", Arity: 3, Fn: listsKeymember, Doc: "true if a tuple's Nth element compares equal (==) to Key"},
	)
}

func listsReverse(p *Process, args []term.Term) term.Term {
	h := p.heap
	acc := term.Nil
	if len(args) == 2 {
		acc = args[1]
	}
	l := args[0]
	n := 0
	for l.IsCons() {
		hd, tl := h.HeadTail(l)
		acc = h.Cons(hd, acc)
		l = tl
		n++
	}
	if l != term.Nil {
		// OTP's reverse/1 matches [], [_] and [_, _ | _] in Erlang before
		// calling the reverse/2 NIF, which raises badarg.
		if len(args) == 1 && n < 2 {
			return p.Error(term.AtomFunctionClause)
		}
		return p.Badarg()
	}
	return acc
}

func listsMember(p *Process, args []term.Term) term.Term {
	h := p.heap
	l := args[1]
	for l.IsCons() {
		hd, tl := h.HeadTail(l)
		if h.ExactEqual(hd, args[0]) {
			return term.True
		}
		l = tl
	}
	if l != term.Nil {
		return p.Badarg()
	}
	return term.False
}

// keyfind scans a list of tuples for one whose nth element equals key.
func (p *Process) keyfind(key, nt, list term.Term) (term.Term, bool) {
	h := p.heap
	if !nt.IsSmall() || nt.Small() < 1 {
		p.Badarg()
		return term.NoValue, false
	}
	n := int(nt.Small())
	l := list
	for l.IsCons() {
		hd, tl := h.HeadTail(l)
		if h.IsTuple(hd) {
			if elems := h.TupleElems(hd); n <= len(elems) && h.Equal(elems[n-1], key) {
				return hd, true
			}
		}
		l = tl
	}
	if l != term.Nil {
		p.Badarg()
		return term.NoValue, false
	}
	return term.False, true
}

func listsKeyfind(p *Process, args []term.Term) term.Term {
	r, _ := p.keyfind(args[0], args[1], args[2])
	return r
}

func listsKeymember(p *Process, args []term.Term) term.Term {
	r, ok := p.keyfind(args[0], args[1], args[2])
	if !ok {
		return term.NoValue
	}
	return term.Bool(r != term.False)
}
