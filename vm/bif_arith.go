package vm

import (
	"math"
	"math/big"

	"github.com/avmtool/avm/vm/term"
)

// Arithmetic. The arith* functions are what the interpreter's bif/gc_bif
// instructions call directly; each returns the result, or term.NoValue after
// raising (badarith, or system_limit for an integer too large). The natives
// registered at the end wrap them as erlang:'+'/2 and friends.

// maxBigBits is the largest magnitude, in bits, of an OTP integer on 64-bit
// machines ((2^19 - 1) digits of 64 bits); larger results are system_limit.
const maxBigBits = (1<<19 - 1) * 64

type arithOp int

const (
	opAdd arithOp = iota
	opSub
	opMul
	opFDiv
	opIDiv
	opRem
	opBand
	opBor
	opBxor
)

func arithAdd(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		return p.heap.Integer(a.Small() + b.Small())
	}
	return arithSlow(p, opAdd, a, b)
}

func arithSub(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		return p.heap.Integer(a.Small() - b.Small())
	}
	return arithSlow(p, opSub, a, b)
}

func arithMul(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		if r, ok := term.MulSmall(a.Small(), b.Small()); ok {
			return p.heap.Integer(r)
		}
	}
	return arithSlow(p, opMul, a, b)
}

// arithFDiv is '/': always a float.
func arithFDiv(p *Process, a, b term.Term) term.Term { return arithSlow(p, opFDiv, a, b) }

// arithIDiv is div: integer division truncating toward zero.
func arithIDiv(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() && b.Small() != 0 {
		return p.heap.Integer(a.Small() / b.Small())
	}
	return arithSlow(p, opIDiv, a, b)
}

// arithRem is rem: the remainder has the sign of the dividend.
func arithRem(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() && b.Small() != 0 {
		return term.MakeSmall(a.Small() % b.Small())
	}
	return arithSlow(p, opRem, a, b)
}

func arithBand(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() & b.Small())
	}
	return arithSlow(p, opBand, a, b)
}

func arithBor(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() | b.Small())
	}
	return arithSlow(p, opBor, a, b)
}

func arithBxor(p *Process, a, b term.Term) term.Term {
	if a.IsSmall() && b.IsSmall() {
		return term.MakeSmall(a.Small() ^ b.Small())
	}
	return arithSlow(p, opBxor, a, b)
}

func arithBnot(p *Process, a term.Term) term.Term {
	if a.IsSmall() {
		return term.MakeSmall(^a.Small())
	}
	if !p.heap.IsBig(a) {
		return p.Badarith()
	}
	return bigResult(p, new(big.Int).Not(p.heap.ToBig(a)))
}

// arithNeg is unary minus.
func arithNeg(p *Process, a term.Term) term.Term {
	h := p.heap
	switch {
	case a.IsSmall():
		return h.Integer(-a.Small())
	case h.IsBig(a):
		return h.BigInt(new(big.Int).Neg(h.ToBig(a)))
	case h.IsFloat(a):
		return h.Float(-h.FloatValue(a))
	}
	return p.Badarith()
}

// arithPlus is unary plus: any number is returned as it is.
func arithPlus(p *Process, a term.Term) term.Term {
	if !p.heap.IsNumber(a) {
		return p.Badarith()
	}
	return a
}

func arithBsl(p *Process, a, b term.Term) term.Term { return arithShift(p, a, b, false) }
func arithBsr(p *Process, a, b term.Term) term.Term { return arithShift(p, a, b, true) }

// arithShift shifts a left by b bits (right when right is set; a negative
// count shifts the other way). Right shifts are arithmetic.
func arithShift(p *Process, a, b term.Term, right bool) term.Term {
	h := p.heap
	if !h.IsInteger(a) || !h.IsInteger(b) {
		return p.Badarith()
	}
	n, ok := h.Int64(b)
	if !ok || n > maxBigBits*2 || n < -maxBigBits*2 {
		n = math.MaxInt64 // any huge count behaves alike
		if h.IntSign(b) < 0 {
			n = -n
		}
	}
	if right {
		n = -n
	}
	if n >= 0 { // left
		if a == term.MakeSmall(0) || n == 0 {
			return a
		}
		if a.IsSmall() && n < 64 {
			v := a.Small()
			if r := v << n; r>>n == v {
				return h.Integer(r)
			}
		}
		if n > maxBigBits {
			return p.SystemLimit()
		}
		return bigResult(p, new(big.Int).Lsh(h.ToBig(a), uint(n)))
	}
	n = -n
	if a.IsSmall() {
		if n > 63 {
			n = 63
		}
		return term.MakeSmall(a.Small() >> n)
	}
	if n > maxBigBits*2 {
		if h.IntSign(a) < 0 {
			return term.MakeSmall(-1)
		}
		return term.MakeSmall(0)
	}
	return h.BigInt(new(big.Int).Rsh(h.ToBig(a), uint(n)))
}

// arithSlow handles everything but two small integers.
func arithSlow(p *Process, op arithOp, a, b term.Term) term.Term {
	h := p.heap
	if !h.IsNumber(a) || !h.IsNumber(b) {
		return p.Badarith()
	}
	if op == opFDiv || h.IsFloat(a) || h.IsFloat(b) {
		if op >= opIDiv { // integer-only operators
			return p.Badarith()
		}
		x, ok1 := numberToFloat(h, a)
		y, ok2 := numberToFloat(h, b)
		if !ok1 || !ok2 {
			return p.Badarith()
		}
		var r float64
		switch op {
		case opAdd:
			r = x + y
		case opSub:
			r = x - y
		case opMul:
			r = x * y
		case opFDiv:
			if y == 0 {
				return p.Badarith()
			}
			r = x / y
		}
		return floatResult(p, r)
	}
	x, y := h.ToBig(a), h.ToBig(b)
	r := new(big.Int)
	switch op {
	case opAdd:
		r.Add(x, y)
	case opSub:
		r.Sub(x, y)
	case opMul:
		r.Mul(x, y)
	case opIDiv, opRem:
		if y.Sign() == 0 {
			return p.Badarith()
		}
		if op == opIDiv {
			r.Quo(x, y)
		} else {
			r.Rem(x, y)
		}
	case opBand:
		r.And(x, y)
	case opBor:
		r.Or(x, y)
	case opBxor:
		r.Xor(x, y)
	}
	return bigResult(p, r)
}

// bigResult makes the term of an integer result, raising system_limit when
// it is larger than OTP allows.
func bigResult(p *Process, r *big.Int) term.Term {
	if r.BitLen() > maxBigBits {
		return p.SystemLimit()
	}
	if p.m != nil && p.m.opts.IntBits > 0 && !fitsIntBits(r, p.m.opts.IntBits) {
		return p.Error(atomOverflow) // as AtomVM raises it
	}
	return p.heap.BigInt(r)
}

// floatResult makes a float term, raising badarith for an infinite or NaN
// result as OTP does.
func floatResult(p *Process, f float64) term.Term {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return p.Badarith()
	}
	return p.heap.Float(f)
}

// numberToFloat converts a number as OTP does (big_to_double): a bignum is
// accumulated digit by digit from the most significant 64-bit digit, with
// double rounding, so the result can differ from correct rounding in the
// last bit exactly as it does in OTP. ok is false when it overflows.
func numberToFloat(h *term.Heap, t term.Term) (float64, bool) {
	switch {
	case t.IsSmall():
		return float64(t.Small()), true
	case h.IsFloat(t):
		return h.FloatValue(t), true
	case h.IsBig(t):
		b := h.ToBig(t)
		ws := b.Bits()
		d := 0.0
		for i := len(ws) - 1; i >= 0; i-- {
			d = d*18446744073709551616.0 + float64(uint64(ws[i]))
		}
		if math.IsInf(d, 0) {
			return 0, false
		}
		if b.Sign() < 0 {
			d = -d
		}
		return d, true
	}
	return 0, false
}

// floatToInteger makes the integer term of a float with an integral value.
func floatToInteger(h *term.Heap, f float64) term.Term {
	if f >= -(1<<63) && f < 1<<63 {
		return h.Integer(int64(f))
	}
	b, _ := big.NewFloat(f).Int(nil)
	return h.BigInt(b)
}

// Guard BIFs on numbers; they fail with badarg, not badarith.

func bifAbs(p *Process, args []term.Term) term.Term {
	h, a := p.heap, args[0]
	switch {
	case a.IsSmall():
		if v := a.Small(); v < 0 {
			return h.Integer(-v)
		}
		return a
	case h.IsBig(a):
		if h.IntSign(a) < 0 {
			return h.BigInt(new(big.Int).Neg(h.ToBig(a)))
		}
		return a
	case h.IsFloat(a):
		if f := h.FloatValue(a); f < 0 {
			return h.Float(-f)
		}
		return a // abs(-0.0) is -0.0 in OTP
	}
	return p.Badarg()
}

func bifFloat(p *Process, args []term.Term) term.Term {
	h, a := p.heap, args[0]
	if h.IsFloat(a) {
		return a
	}
	f, ok := numberToFloat(h, a)
	if !ok {
		return p.Badarg()
	}
	return h.Float(f)
}

// roundingBif makes trunc/1, round/1, floor/1 and ceil/1.
func roundingBif(round func(float64) float64) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		h, a := p.heap, args[0]
		if h.IsInteger(a) {
			return a
		}
		if !h.IsFloat(a) {
			return p.Badarg()
		}
		return floatToInteger(h, round(h.FloatValue(a)))
	}
}

// binaryArith adapts an arith function to a native.
func binaryArith(f func(*Process, term.Term, term.Term) term.Term) NativeFunc {
	return func(p *Process, args []term.Term) term.Term { return f(p, args[0], args[1]) }
}

func unaryArith(f func(*Process, term.Term) term.Term) NativeFunc {
	return func(p *Process, args []term.Term) term.Term { return f(p, args[0]) }
}

func init() {
	register("erlang",
		Native{Function: "+", Arity: 2, Fn: binaryArith(arithAdd), Guard: true, Doc: "Addition; integers of any size and floats."},
		Native{Function: "-", Arity: 2, Fn: binaryArith(arithSub), Guard: true, Doc: "Subtraction."},
		Native{Function: "*", Arity: 2, Fn: binaryArith(arithMul), Guard: true, Doc: "Multiplication."},
		Native{Function: "/", Arity: 2, Fn: binaryArith(arithFDiv), Guard: true, Doc: "Float division; badarith when dividing by zero."},
		Native{Function: "div", Arity: 2, Fn: binaryArith(arithIDiv), Guard: true, Doc: "Integer division, truncating toward zero."},
		Native{Function: "rem", Arity: 2, Fn: binaryArith(arithRem), Guard: true, Doc: "Integer remainder, with the sign of the dividend."},
		Native{Function: "band", Arity: 2, Fn: binaryArith(arithBand), Guard: true, Doc: "Bitwise and (two's complement)."},
		Native{Function: "bor", Arity: 2, Fn: binaryArith(arithBor), Guard: true, Doc: "Bitwise or."},
		Native{Function: "bxor", Arity: 2, Fn: binaryArith(arithBxor), Guard: true, Doc: "Bitwise exclusive or."},
		Native{Function: "bsl", Arity: 2, Fn: binaryArith(arithBsl), Guard: true, Doc: "Arithmetic shift left; a negative count shifts right."},
		Native{Function: "bsr", Arity: 2, Fn: binaryArith(arithBsr), Guard: true, Doc: "Arithmetic shift right; a negative count shifts left."},
		Native{Function: "bnot", Arity: 1, Fn: unaryArith(arithBnot), Guard: true, Doc: "Bitwise not."},
		Native{Function: "-", Arity: 1, Fn: unaryArith(arithNeg), Guard: true, Doc: "Negation."},
		Native{Function: "+", Arity: 1, Fn: unaryArith(arithPlus), Guard: true, Doc: "Unary plus: returns a number unchanged."},
		Native{Function: "abs", Arity: 1, Fn: bifAbs, Guard: true, Doc: "Absolute value of a number."},
		Native{Function: "float", Arity: 1, Fn: bifFloat, Guard: true, Doc: "Converts a number to a float; badarg if it is too large."},
		Native{Function: "trunc", Arity: 1, Fn: roundingBif(math.Trunc), Guard: true, Doc: "Truncates a number toward zero to an integer."},
		Native{Function: "round", Arity: 1, Fn: roundingBif(math.Round), Guard: true, Doc: "Rounds a number to the nearest integer, halves away from zero."},
		Native{Function: "floor", Arity: 1, Fn: roundingBif(math.Floor), Guard: true, Doc: "Largest integer not greater than a number."},
		Native{Function: "ceil", Arity: 1, Fn: roundingBif(math.Ceil), Guard: true, Doc: "Smallest integer not less than a number."},
	)
}

var atomOverflow = term.Atom("overflow")

// fitsIntBits reports whether r is within a device's integers: signed
// 64-bit ones for 64 (AtomVM 0.6), else a magnitude of at most bits bits.
func fitsIntBits(r *big.Int, bits int) bool {
	if bits == 64 {
		return r.IsInt64()
	}
	return r.BitLen() <= bits
}
