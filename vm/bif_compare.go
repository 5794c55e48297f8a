package vm

import "github.com/avmtool/avm/vm/term"

// Term comparison and boolean operators. The interpreter compares with
// h.Compare / h.Equal / h.ExactEqual directly; these are the callable forms.

// compareBif makes a comparison native from a test on h.Compare's result
// (exact selects =:= / =/=).
func compareBif(exact bool, test func(c int) bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h := p.heap
		var c int
		if exact {
			if !h.ExactEqual(args[0], args[1]) {
				c = 1
			}
		} else {
			c = h.Compare(args[0], args[1])
		}
		return term.Bool(test(c))
	}
}

// bifMin and bifMax are OTP 25's erlang:min/2 and max/2: when the arguments
// compare equal (1 and 1.0) the first one is returned.
func bifMin(p *Process, args []term.Term) term.Term {
	if p.heap.Compare(args[0], args[1]) > 0 {
		return args[1]
	}
	return args[0]
}

func bifMax(p *Process, args []term.Term) term.Term {
	if p.heap.Compare(args[0], args[1]) < 0 {
		return args[1]
	}
	return args[0]
}

// boolBif makes and/or/xor: both arguments must be booleans.
func boolBif(op func(a, b bool) bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		a, b := args[0], args[1]
		if !a.IsBoolean() || !b.IsBoolean() {
			return p.Badarg()
		}
		return term.Bool(op(a == term.True, b == term.True))
	}
}

func bifNot(p *Process, args []term.Term) term.Term {
	if !args[0].IsBoolean() {
		return p.Badarg()
	}
	return term.Bool(args[0] == term.False)
}

func init() {
	register("erlang",
		Native{Function: "==", Arity: 2, Fn: compareBif(false, func(c int) bool { return c == 0 }), Guard: true, Doc: "Equal, comparing numbers by value (1 == 1.0)."},
		Native{Function: "/=", Arity: 2, Fn: compareBif(false, func(c int) bool { return c != 0 }), Guard: true, Doc: "Not equal, comparing numbers by value."},
		Native{Function: "=:=", Arity: 2, Fn: compareBif(true, func(c int) bool { return c == 0 }), Guard: true, Doc: "Exactly equal (1 =:= 1.0 is false)."},
		Native{Function: "=/=", Arity: 2, Fn: compareBif(true, func(c int) bool { return c != 0 }), Guard: true, Doc: "Exactly not equal."},
		Native{Function: "<", Arity: 2, Fn: compareBif(false, func(c int) bool { return c < 0 }), Guard: true, Doc: "Less than, in term order."},
		Native{Function: ">", Arity: 2, Fn: compareBif(false, func(c int) bool { return c > 0 }), Guard: true, Doc: "Greater than, in term order."},
		Native{Function: "=<", Arity: 2, Fn: compareBif(false, func(c int) bool { return c <= 0 }), Guard: true, Doc: "Less than or equal, in term order."},
		Native{Function: ">=", Arity: 2, Fn: compareBif(false, func(c int) bool { return c >= 0 }), Guard: true, Doc: "Greater than or equal, in term order."},
		Native{Function: "min", Arity: 2, Fn: bifMin, Doc: "The smaller of two terms; the first when they compare equal."},
		Native{Function: "max", Arity: 2, Fn: bifMax, Doc: "The larger of two terms; the first when they compare equal."},
		Native{Function: "and", Arity: 2, Fn: boolBif(func(a, b bool) bool { return a && b }), Guard: true, Doc: "Boolean and of two booleans (not short-circuit)."},
		Native{Function: "or", Arity: 2, Fn: boolBif(func(a, b bool) bool { return a || b }), Guard: true, Doc: "Boolean or of two booleans (not short-circuit)."},
		Native{Function: "xor", Arity: 2, Fn: boolBif(func(a, b bool) bool { return a != b }), Guard: true, Doc: "Boolean exclusive or."},
		Native{Function: "not", Arity: 1, Fn: bifNot, Guard: true, Doc: "Boolean negation."},
	)
}
