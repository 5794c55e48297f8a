package vm

import (
	"math"

	"github.com/avmtool/avm/vm/term"
)

// The math module as Go natives. As in OTP, an argument that is not a
// number is badarg, and a result that is not a finite float (a domain
// error, a pole or an overflow) is badarith; every result is a float.

func init() {
	fns1 := []struct {
		name string
		fn   func(float64) float64
		doc  string
	}{
		{"sqrt", math.Sqrt, "the square root"},
		{"sin", math.Sin, "the sine of an angle in radians"},
		{"cos", math.Cos, "the cosine of an angle in radians"},
		{"tan", math.Tan, "the tangent of an angle in radians"},
		{"asin", math.Asin, "the arc sine, in radians"},
		{"acos", math.Acos, "the arc cosine, in radians"},
		{"atan", math.Atan, "the arc tangent, in radians"},
		{"sinh", math.Sinh, "the hyperbolic sine"},
		{"cosh", math.Cosh, "the hyperbolic cosine"},
		{"tanh", math.Tanh, "the hyperbolic tangent"},
		{"asinh", math.Asinh, "the inverse hyperbolic sine"},
		{"acosh", math.Acosh, "the inverse hyperbolic cosine"},
		{"atanh", math.Atanh, "the inverse hyperbolic tangent"},
		{"exp", math.Exp, "e raised to the power X"},
		{"log", math.Log, "the natural logarithm"},
		{"log2", math.Log2, "the base-2 logarithm"},
		{"log10", math.Log10, "the base-10 logarithm"},
		{"ceil", math.Ceil, "the smallest integral float not below X"},
		{"floor", math.Floor, "the largest integral float not above X"},
		{"erf", math.Erf, "the error function"},
		{"erfc", math.Erfc, "the complementary error function, 1 - erf(X)"},
	}
	var entries []Native
	for _, f := range fns1 {
		fn := f.fn
		entries = append(entries, Native{Function: f.name, Arity: 1, Doc: f.doc + ", as a float",
			Fn: func(p *Process, args []term.Term) term.Term {
				x, ok := mathArg(p, args[0])
				if !ok {
					return term.NoValue
				}
				return mathResult(p, fn(x))
			}})
	}
	fns2 := []struct {
		name string
		fn   func(float64, float64) float64
		doc  string
	}{
		{"pow", math.Pow, "X raised to the power Y"},
		{"atan2", math.Atan2, "the arc tangent of Y/X, in radians, using the signs of both to find the quadrant"},
		{"fmod", math.Mod, "the remainder of X/Y with the sign of X (a zero Y is a domain error)"},
	}
	for _, f := range fns2 {
		fn := f.fn
		entries = append(entries, Native{Function: f.name, Arity: 2, Doc: f.doc + ", as a float",
			Fn: func(p *Process, args []term.Term) term.Term {
				x, ok := mathArg(p, args[0])
				if !ok {
					return term.NoValue
				}
				y, ok := mathArg(p, args[1])
				if !ok {
					return term.NoValue
				}
				return mathResult(p, fn(x, y))
			}})
	}
	entries = append(entries, Native{Function: "pi", Arity: 0, Doc: "the ratio of a circle's circumference to its diameter",
		Fn: func(p *Process, _ []term.Term) term.Term { return p.heap.Float(math.Pi) }})
	register("math", entries...)
}

// mathArg converts a number argument to a float: badarg for a non-number,
// badarith for an integer too large for a float.
func mathArg(p *Process, t term.Term) (float64, bool) {
	h := p.heap
	if !h.IsNumber(t) {
		p.Badarg()
		return 0, false
	}
	f, ok := h.ToFloat(t)
	if !ok {
		p.Badarith()
		return 0, false
	}
	return f, true
}

func mathResult(p *Process, f float64) term.Term {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return p.Badarith()
	}
	return p.heap.Float(f)
}
