package vm

import (
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// Specialised instructions: the loader rewrites the commonest instructions
// whose operands are X or Y registers or immediates into variants that
// access them directly, sparing the operand-kind switch of get and set (as
// BEAM's loader does with ops.tab). Their operands are inline in the
// instruction (instr.r, n, imm), so that the run loop does not follow the
// args slice. They use opcode numbers past genop.tab's.
const (
	opMoveXX            beam.Opcode = 200 + iota // move {x,r0} {x,r1}
	opMoveXY                                     // move {x,r0} {y,r1}
	opMoveYX                                     // move {y,r0} {x,r1}
	opMoveYY                                     // move {y,r0} {y,r1}
	opMoveCX                                     // move imm {x,r1}
	opGetTupleElementXX                          // get_tuple_element {x,r0} r1 {x,r2}
	opIsTaggedTupleX                             // is_tagged_tuple n {x,r0} r1 imm
	opIsNonemptyListX                            // is_nonempty_list n {x,r0}
	opIsNilX                                     // is_nil n {x,r0}
	opIsTupleX                                   // is_tuple n {x,r0}
	opGetListXXX                                 // get_list {x,r0} {x,r1} {x,r2}
	opIsEqExactXC                                // is_eq_exact n {x,r0} imm (an immediate)
	opIsNeExactXC                                // is_ne_exact n {x,r0} imm (an immediate)
	opTestArityX                                 // test_arity n {x,r0} r1
	opIsLtXX                                     // is_lt n {x,r0} {x,r1}
	opIsGeXX                                     // is_ge n {x,r0} {x,r1}
	opIsLtXC                                     // is_lt n {x,r0} imm (a small integer)
	opIsGeXC                                     // is_ge n {x,r0} imm
	opIsLtCX                                     // is_lt n imm {x,r0}
	opIsGeCX                                     // is_ge n imm {x,r0}
	// Arithmetic bifs (in.fast says which) into {x,r2}; anything but small
	// integers takes the native.
	opArithXX // {x,r0} op {x,r1}
	opArithXC // {x,r0} op imm
	opArithYX // {y,r0} op {x,r1}
	opArithYC // {y,r0} op imm
	opArithXY // {x,r0} op {y,r1}
)

var specialNames = map[beam.Opcode]string{
	opMoveXX: "move_x_x", opMoveXY: "move_x_y", opMoveYX: "move_y_x", opMoveYY: "move_y_y", opMoveCX: "move_c_x",
	opGetTupleElementXX: "get_tuple_element_x_x", opIsTaggedTupleX: "is_tagged_tuple_x",
	opIsNonemptyListX: "is_nonempty_list_x", opIsNilX: "is_nil_x", opIsTupleX: "is_tuple_x",
	opGetListXXX: "get_list_x_x_x", opIsEqExactXC: "is_eq_exact_x_imm", opIsNeExactXC: "is_ne_exact_x_imm",
	opTestArityX: "test_arity_x", opIsLtXX: "is_lt_x_x", opIsGeXX: "is_ge_x_x",
	opIsLtXC: "is_lt_x_imm", opIsGeXC: "is_ge_x_imm", opIsLtCX: "is_lt_imm_x", opIsGeCX: "is_ge_imm_x",
	opArithXX: "arith_x_x", opArithXC: "arith_x_imm", opArithYX: "arith_y_x", opArithYC: "arith_y_imm",
	opArithXY: "arith_x_y",
}

// opName names an opcode, specialised ones included.
func opName(op beam.Opcode) string {
	if n, ok := specialNames[op]; ok {
		return n
	}
	return op.String()
}

// specialize picks a specialised form of in, if there is one, and fills the
// inline operands of the instructions the run loop reads them from.
func specialize(in *instr) {
	a := in.args
	kinds := func(ks ...argKind) bool {
		for i, k := range ks {
			if a[i].kind != k {
				return false
			}
		}
		return true
	}
	reg := func(i int) uint16 { return uint16(a[i].n) } // registers are < maxX
	small := func(i int) bool { return a[i].kind == argConst && a[i].t.IsSmall() }
	switch in.op {
	case beam.OpCall, beam.OpCallOnly:
		in.r[0], in.n = reg(0), int32(a[1].n)
	case beam.OpCallLast:
		in.r[0], in.n, in.r[1] = reg(0), int32(a[1].n), reg(2)
	case beam.OpAllocate, beam.OpAllocateHeap, beam.OpAllocateZero, beam.OpAllocateHeapZero, beam.OpDeallocate, beam.OpTrim:
		in.r[0] = reg(0)
	case beam.OpJump:
		in.n = int32(a[0].n)
	case beam.OpMove:
		in.r[0], in.r[1] = reg(0), reg(1)
		switch {
		case kinds(argX, argX):
			in.op = opMoveXX
		case kinds(argX, argY):
			in.op = opMoveXY
		case kinds(argY, argX):
			in.op = opMoveYX
		case kinds(argY, argY):
			in.op = opMoveYY
		case kinds(argConst, argX):
			in.op, in.imm = opMoveCX, a[0].t
		}
	case beam.OpGetTupleElement:
		if kinds(argX, argUint, argX) {
			in.op, in.r = opGetTupleElementXX, [3]uint16{reg(0), reg(1), reg(2)}
		}
	case beam.OpGetList:
		if kinds(argX, argX, argX) {
			in.op, in.r = opGetListXXX, [3]uint16{reg(0), reg(1), reg(2)}
		}
	case beam.OpIsTaggedTuple, beam.OpIsNonemptyList, beam.OpIsNil, beam.OpIsTuple, beam.OpTestArity:
		if !kinds(argLabel, argX) {
			return
		}
		in.n, in.r[0] = int32(a[0].n), reg(1)
		switch in.op {
		case beam.OpIsTaggedTuple:
			in.op, in.r[1], in.imm = opIsTaggedTupleX, reg(2), a[3].t
		case beam.OpIsNonemptyList:
			in.op = opIsNonemptyListX
		case beam.OpIsNil:
			in.op = opIsNilX
		case beam.OpIsTuple:
			in.op = opIsTupleX
		case beam.OpTestArity:
			in.op, in.r[1] = opTestArityX, reg(2)
		}
	case beam.OpIsEqExact, beam.OpIsNeExact:
		if kinds(argLabel, argX, argConst) && a[2].t.IsImmediate() {
			in.n, in.r[0], in.imm = int32(a[0].n), reg(1), a[2].t
			in.op = pick(in.op == beam.OpIsEqExact, opIsEqExactXC, opIsNeExactXC)
		}
	case beam.OpIsLt, beam.OpIsGe:
		lt := in.op == beam.OpIsLt
		in.n = int32(a[0].n)
		switch {
		case kinds(argLabel, argX, argX):
			in.r[0], in.r[1] = reg(1), reg(2)
			in.op = pick(lt, opIsLtXX, opIsGeXX)
		case a[1].kind == argX && small(2):
			in.r[0], in.imm = reg(1), a[2].t
			in.op = pick(lt, opIsLtXC, opIsGeXC)
		case small(1) && a[2].kind == argX:
			in.imm, in.r[0] = a[1].t, reg(2)
			in.op = pick(lt, opIsLtCX, opIsGeCX)
		}
	case beam.OpBif2, beam.OpGcBif2:
		specializeArith(in)
	}
}

func pick(c bool, yes, no beam.Opcode) beam.Opcode {
	if c {
		return yes
	}
	return no
}

// specializeArith rewrites a bif2 or gc_bif2 of an operator with a small
// integer fast path whose result goes to an X register.
func specializeArith(in *instr) {
	if in.fast == fastNone {
		return
	}
	base := int(in.base)
	s, t, d := &in.args[base], &in.args[base+1], &in.args[base+2]
	if d.kind != argX {
		return
	}
	in.r[2] = uint16(d.n)
	smallConst := t.kind == argConst && t.t.IsSmall()
	switch {
	case s.kind == argX && t.kind == argX:
		in.op, in.r[0], in.r[1] = opArithXX, uint16(s.n), uint16(t.n)
	case s.kind == argX && smallConst:
		in.op, in.r[0], in.imm = opArithXC, uint16(s.n), t.t
	case s.kind == argY && t.kind == argX:
		in.op, in.r[0], in.r[1] = opArithYX, uint16(s.n), uint16(t.n)
	case s.kind == argY && smallConst:
		in.op, in.r[0], in.imm = opArithYC, uint16(s.n), t.t
	case s.kind == argX && t.kind == argY:
		in.op, in.r[0], in.r[1] = opArithXY, uint16(s.n), uint16(t.n)
	}
}

// arith computes a fast-path operator on small integers; ok is false when
// an operand is not a small integer or the result does not fit one (the
// native then handles it, errors included).
func arith(op uint8, a, b term.Term) (r term.Term, ok bool) {
	if !a.IsSmall() || !b.IsSmall() {
		return 0, false
	}
	x, y := a.Small(), b.Small()
	var v int64
	switch op {
	case fastAdd:
		v = x + y
	case fastSub:
		v = x - y
	case fastMul:
		if v, ok = term.MulSmall(x, y); !ok {
			return 0, false
		}
	case fastBand:
		v = x & y
	case fastBor:
		v = x | y
	case fastBxor:
		v = x ^ y
	case fastRem:
		if y == 0 {
			return 0, false
		}
		v = x % y // truncating, as rem
	case fastDiv:
		if y == 0 {
			return 0, false
		}
		v = x / y // truncating, as div
	default:
		return 0, false
	}
	if !term.FitsSmall(v) {
		return 0, false
	}
	return term.MakeSmall(v), true
}
