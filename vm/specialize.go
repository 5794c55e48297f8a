package vm

import (
	"github.com/avmtool/avm/vm/beam"
)

// Specialised instructions: the loader rewrites the commonest instructions
// whose operands are X or Y registers into variants that access them
// directly, sparing the operand-kind switch of get and set (as BEAM's
// loader does with ops.tab). They use opcode numbers past genop.tab's.
const (
	opMoveXX            beam.Opcode = 200 + iota // move {x,A} {x,B}
	opMoveXY                                     // move {x,A} {y,B}
	opMoveYX                                     // move {y,A} {x,B}
	opMoveCX                                     // move Const {x,B}
	opGetTupleElementXX                          // get_tuple_element {x,Src} N {x,Dst}
	opIsTaggedTupleX                             // is_tagged_tuple Fail {x,Src} Arity Atom
	opIsNonemptyListX                            // is_nonempty_list Fail {x,Src}
	opIsNilX                                     // is_nil Fail {x,Src}
	opGetListXXX                                 // get_list {x,Src} {x,Hd} {x,Tl}
	opIsEqExactXC                                // is_eq_exact Fail {x,A} Immediate
	opTestArityX                                 // test_arity Fail {x,Src} Arity
)

var specialNames = map[beam.Opcode]string{
	opMoveXX: "move_x_x", opMoveXY: "move_x_y", opMoveYX: "move_y_x", opMoveCX: "move_c_x",
	opGetTupleElementXX: "get_tuple_element_x_x", opIsTaggedTupleX: "is_tagged_tuple_x",
	opIsNonemptyListX: "is_nonempty_list_x", opIsNilX: "is_nil_x", opGetListXXX: "get_list_x_x_x",
	opIsEqExactXC: "is_eq_exact_x_imm", opTestArityX: "test_arity_x",
}

// opName names an opcode, specialised ones included.
func opName(op beam.Opcode) string {
	if n, ok := specialNames[op]; ok {
		return n
	}
	return op.String()
}

// specialize picks a specialised form of in, if there is one.
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
	switch in.op {
	case beam.OpMove:
		switch {
		case kinds(argX, argX):
			in.op = opMoveXX
		case kinds(argX, argY):
			in.op = opMoveXY
		case kinds(argY, argX):
			in.op = opMoveYX
		case kinds(argConst, argX):
			in.op = opMoveCX
		}
	case beam.OpGetTupleElement:
		if kinds(argX, argUint, argX) {
			in.op = opGetTupleElementXX
		}
	case beam.OpIsTaggedTuple:
		if kinds(argLabel, argX) {
			in.op = opIsTaggedTupleX
		}
	case beam.OpIsNonemptyList:
		if kinds(argLabel, argX) {
			in.op = opIsNonemptyListX
		}
	case beam.OpIsNil:
		if kinds(argLabel, argX) {
			in.op = opIsNilX
		}
	case beam.OpGetList:
		if kinds(argX, argX, argX) {
			in.op = opGetListXXX
		}
	case beam.OpIsEqExact:
		if kinds(argLabel, argX, argConst) && a[2].t.IsImmediate() {
			in.op = opIsEqExactXC
		}
	case beam.OpTestArity:
		if kinds(argLabel, argX) {
			in.op = opTestArityX
		}
	}
}
