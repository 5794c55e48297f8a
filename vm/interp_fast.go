package vm

import (
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// fast runs the commonest instructions of the module's code from pc, and
// returns at the first one it does not handle, unrun, for run to execute:
// one that calls a native, may raise, collect garbage, grow the stack or
// the heap, leave the module, or yield. reds is the reduction budget left,
// counted down by the calls it makes.
//
// It exists for speed: it makes no calls, so the compiler keeps its few
// variables in registers, where run's loop, whose cases call natives, the
// collector and the scheduler, spills them to memory on every instruction.
// Every case must leave the process exactly as run's would.
func (p *Process) fast(code []instr, pc int, modID uint32, reds int) (int, int) {
	x := p.x
	h := p.heap
	for {
		if uint(pc) >= uint(len(code)) {
			return pc, reds
		}
		in := &code[pc]
		switch in.fk {
		case fkMoveXX:
			x[in.r[1]] = x[in.r[0]]
		case fkMoveXY:
			p.stack[len(p.stack)-1-int(in.r[1])] = x[in.r[0]]
		case fkMoveYX:
			x[in.r[1]] = p.stack[len(p.stack)-1-int(in.r[0])]
		case fkMoveYY:
			p.stack[len(p.stack)-1-int(in.r[1])] = p.stack[len(p.stack)-1-int(in.r[0])]
		case fkMoveCX:
			x[in.r[1]] = in.imm
		case fkMove:
			p.set(&in.args[1], p.get(&in.args[0]))
		case fkGetTupleElementXX:
			x[in.r[2]] = h.TupleElems(x[in.r[0]])[in.r[1]]
		case fkGetTupleElement:
			p.set(&in.args[2], h.TupleElems(p.get(&in.args[0]))[in.args[1].n])
		case fkGetListXXX:
			hd, tl := h.HeadTail(x[in.r[0]])
			x[in.r[1]], x[in.r[2]] = hd, tl

		case fkIsTaggedTupleX:
			t := x[in.r[0]]
			if !h.IsTuple(t) {
				pc = int(in.n)
				continue
			}
			if e := h.TupleElems(t); len(e) != int(in.r[1]) || len(e) == 0 || e[0] != in.imm {
				pc = int(in.n)
				continue
			}
		case fkIsNonemptyListX:
			if !x[in.r[0]].IsCons() {
				pc = int(in.n)
				continue
			}
		case fkIsNilX:
			if x[in.r[0]] != term.Nil {
				pc = int(in.n)
				continue
			}
		case fkIsTupleX:
			if !h.IsTuple(x[in.r[0]]) {
				pc = int(in.n)
				continue
			}
		case fkTestArityX:
			t := x[in.r[0]]
			if !h.IsTuple(t) || h.TupleSize(t) != int(in.r[1]) {
				pc = int(in.n)
				continue
			}
		case fkSwap:
			a, b := p.get(&in.args[0]), p.get(&in.args[1])
			p.set(&in.args[0], b)
			p.set(&in.args[1], a)
		case fkInitYregs:
			for i := range in.list {
				p.set(&in.list[i], term.Nil)
			}
		case fkGetHd:
			p.set(&in.args[1], h.Head(p.get(&in.args[0])))
		case fkGetTl:
			p.set(&in.args[1], h.Tail(p.get(&in.args[0])))
		case fkGetList:
			hd, tl := h.HeadTail(p.get(&in.args[0]))
			p.set(&in.args[1], hd)
			p.set(&in.args[2], tl)
		case fkIsNonemptyList:
			if !p.get(&in.args[1]).IsCons() {
				pc = in.args[0].n
				continue
			}
		case fkIsNil:
			if p.get(&in.args[1]) != term.Nil {
				pc = in.args[0].n
				continue
			}
		case fkIsAtom:
			if !p.get(&in.args[1]).IsAtom() {
				pc = in.args[0].n
				continue
			}
		case fkIsTuple:
			if !h.IsTuple(p.get(&in.args[1])) {
				pc = in.args[0].n
				continue
			}
		case fkIsEqExact, fkIsNeExact:
			// Equal words are equal terms; unequal ones are unequal
			// when either is an immediate. Other pairs go to run.
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if a != b && !a.IsImmediate() && !b.IsImmediate() {
				return pc, reds
			}
			if (a == b) != (in.op == beam.OpIsEqExact) {
				pc = in.args[0].n
				continue
			}
		case fkIsLt, fkIsGe:
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if !a.IsSmall() || !b.IsSmall() {
				return pc, reds
			}
			if (int64(a) < int64(b)) != (in.op == beam.OpIsLt) {
				pc = in.args[0].n
				continue
			}
		case fkIsEqExactXC:
			if x[in.r[0]] != in.imm {
				pc = int(in.n)
				continue
			}
		case fkIsNeExactXC:
			if x[in.r[0]] == in.imm {
				pc = int(in.n)
				continue
			}
		// Comparisons of small integers, which order like their words;
		// other terms go to run.
		case fkIsLtXX, fkIsGeXX:
			a, b := x[in.r[0]], x[in.r[1]]
			if !a.IsSmall() || !b.IsSmall() {
				return pc, reds
			}
			if (int64(a) < int64(b)) != (in.op == opIsLtXX) {
				pc = int(in.n)
				continue
			}
		case fkIsLtXC, fkIsGeXC:
			a := x[in.r[0]]
			if !a.IsSmall() {
				return pc, reds
			}
			if (int64(a) < int64(in.imm)) != (in.op == opIsLtXC) {
				pc = int(in.n)
				continue
			}
		case fkIsLtCX, fkIsGeCX:
			b := x[in.r[0]]
			if !b.IsSmall() {
				return pc, reds
			}
			if (int64(in.imm) < int64(b)) != (in.op == opIsLtCX) {
				pc = int(in.n)
				continue
			}

		case fkArithXX:
			if in.fast > fastSub { // fastAdd < fastSub < the others, left to run
				return pc, reds
			}
			r, ok := fastArith(in.fast, x[in.r[0]], x[in.r[1]])
			if !ok {
				return pc, reds
			}
			x[in.r[2]] = r
		case fkArithXC:
			if in.fast > fastSub { // fastAdd < fastSub < the others, left to run
				return pc, reds
			}
			r, ok := fastArith(in.fast, x[in.r[0]], in.imm)
			if !ok {
				return pc, reds
			}
			x[in.r[2]] = r
		case fkArithYX:
			if in.fast > fastSub { // fastAdd < fastSub < the others, left to run
				return pc, reds
			}
			r, ok := fastArith(in.fast, p.stack[len(p.stack)-1-int(in.r[0])], x[in.r[1]])
			if !ok {
				return pc, reds
			}
			x[in.r[2]] = r
		case fkArithYC:
			if in.fast > fastSub { // fastAdd < fastSub < the others, left to run
				return pc, reds
			}
			r, ok := fastArith(in.fast, p.stack[len(p.stack)-1-int(in.r[0])], in.imm)
			if !ok {
				return pc, reds
			}
			x[in.r[2]] = r
		case fkArithXY:
			if in.fast > fastSub { // fastAdd < fastSub < the others, left to run
				return pc, reds
			}
			r, ok := fastArith(in.fast, x[in.r[0]], p.stack[len(p.stack)-1-int(in.r[1])])
			if !ok {
				return pc, reds
			}
			x[in.r[2]] = r

		case fkPutList:
			t, ok := h.TryCons(p.get(&in.args[0]), p.get(&in.args[1]))
			if !ok {
				return pc, reds
			}
			p.set(&in.args[2], t)
		case fkPutTuple2:
			elems := in.list
			t, dst, ok := h.TryTuple(len(elems))
			if !ok {
				return pc, reds
			}
			for i := range dst {
				dst[i] = p.get(&elems[i])
			}
			p.set(&in.args[0], t)
		case fkTestHeap:
			if h.Used() >= p.gcLimit {
				return pc, reds // a collection is due
			}

		case fkAllocate:
			n := int(in.r[0])
			s := p.stack
			if len(s)+n > cap(s) {
				return pc, reds
			}
			p.stack = p.stack[:len(s)+n]
			for i := len(s); i < len(s)+n; i++ {
				p.stack[i] = term.Nil
			}
		case fkDeallocate, fkTrim:
			p.stack = p.stack[:len(p.stack)-int(in.r[0])]
		case fkJump:
			pc = int(in.n)
			continue
		case fkSelectVal:
			v, sel := p.get(&in.args[0]), in.ext.(*selectTable)
			if !v.IsImmediate() || sel.small == nil {
				return pc, reds
			}
			pc = sel.fail
			for _, c := range sel.small {
				if c.v == v {
					pc = c.pc
					break
				}
			}
			continue
		case fkSelectTupleArity:
			v, sel := p.get(&in.args[0]), in.ext.(*selectTable)
			if sel.small == nil {
				return pc, reds
			}
			pc = sel.fail
			if h.IsTuple(v) {
				a := term.MakeSmall(int64(h.TupleSize(v)))
				for _, c := range sel.small {
					if c.v == a {
						pc = c.pc
						break
					}
				}
			}
			continue

		// Calls within the module. The last reduction is left to run, which
		// yields; so is a call when erlang:yield/0 asked for a yield.
		case fkCall:
			s := p.stack
			if reds <= 1 || p.yieldNow || len(s) == cap(s) {
				return pc, reds
			}
			// Not append, whose growth path is a call; and p.stack
			// resliced in place, which needs no write barrier.
			p.stack = p.stack[:len(s)+1]
			p.stack[len(s)] = term.MakeCP(uint64(modID)<<32 | uint64(pc+1))
			pc = int(in.n)
			p.reductions++
			reds--
			continue
		case fkCallOnly:
			if reds <= 1 || p.yieldNow {
				return pc, reds
			}
			pc = int(in.n)
			p.reductions++
			reds--
			continue
		case fkCallLast:
			if reds <= 1 || p.yieldNow {
				return pc, reds
			}
			p.stack = p.stack[:len(p.stack)-int(in.r[1])]
			pc = int(in.n)
			p.reductions++
			reds--
			continue
		case fkReturn:
			cp := p.stack[len(p.stack)-1].CPValue()
			if uint32(cp>>32) != modID || cp == topCP {
				return pc, reds
			}
			p.stack = p.stack[:len(p.stack)-1]
			pc = int(uint32(cp))
			continue

		default:
			return pc, reds
		}
		pc++
	}
}

// fastArith is arith for addition (op fastAdd) and subtraction (any
// other op: the callers pass only these two), inlined in the fast loop,
// where a call would cost the loop its registers.
func fastArith(op uint8, a, b term.Term) (term.Term, bool) {
	if !a.IsSmall() || !b.IsSmall() {
		return 0, false
	}
	y := b.Small()
	if op == fastSub {
		y = -y
	}
	v := a.Small() + y
	return term.MakeSmall(v), term.FitsSmall(v)
}

// The fast loop switches on instr.fk, a dense numbering of the opcodes it
// handles (0 for the others), so that Go compiles its switch to a jump
// table rather than a binary search over the sparse opcode numbers.
const (
	fkNone              uint8 = iota
	fkMoveXX                  // opMoveXX
	fkMoveXY                  // opMoveXY
	fkMoveYX                  // opMoveYX
	fkMoveYY                  // opMoveYY
	fkMoveCX                  // opMoveCX
	fkMove                    // beam.OpMove
	fkGetTupleElementXX       // opGetTupleElementXX
	fkGetTupleElement         // beam.OpGetTupleElement
	fkGetListXXX              // opGetListXXX
	fkIsTaggedTupleX          // opIsTaggedTupleX
	fkIsNonemptyListX         // opIsNonemptyListX
	fkIsNilX                  // opIsNilX
	fkIsTupleX                // opIsTupleX
	fkTestArityX              // opTestArityX
	fkSwap                    // beam.OpSwap
	fkInitYregs               // beam.OpInitYregs
	fkGetHd                   // beam.OpGetHd
	fkGetTl                   // beam.OpGetTl
	fkGetList                 // beam.OpGetList
	fkIsNonemptyList          // beam.OpIsNonemptyList
	fkIsNil                   // beam.OpIsNil
	fkIsAtom                  // beam.OpIsAtom
	fkIsTuple                 // beam.OpIsTuple
	fkIsEqExact               // beam.OpIsEqExact
	fkIsNeExact               // beam.OpIsNeExact
	fkIsLt                    // beam.OpIsLt
	fkIsGe                    // beam.OpIsGe
	fkIsEqExactXC             // opIsEqExactXC
	fkIsNeExactXC             // opIsNeExactXC
	fkIsLtXX                  // opIsLtXX
	fkIsGeXX                  // opIsGeXX
	fkIsLtXC                  // opIsLtXC
	fkIsGeXC                  // opIsGeXC
	fkIsLtCX                  // opIsLtCX
	fkIsGeCX                  // opIsGeCX
	fkArithXX                 // opArithXX
	fkArithXC                 // opArithXC
	fkArithYX                 // opArithYX
	fkArithYC                 // opArithYC
	fkArithXY                 // opArithXY
	fkPutList                 // beam.OpPutList
	fkPutTuple2               // beam.OpPutTuple2
	fkTestHeap                // beam.OpTestHeap
	fkAllocate                // beam.OpAllocate
	fkDeallocate              // beam.OpDeallocate
	fkTrim                    // beam.OpTrim
	fkJump                    // beam.OpJump
	fkSelectVal               // beam.OpSelectVal
	fkSelectTupleArity        // beam.OpSelectTupleArity
	fkCall                    // beam.OpCall
	fkCallOnly                // beam.OpCallOnly
	fkCallLast                // beam.OpCallLast
	fkReturn                  // beam.OpReturn
)

var fastKinds = map[beam.Opcode]uint8{
	opMoveXX:                fkMoveXX,
	opMoveXY:                fkMoveXY,
	opMoveYX:                fkMoveYX,
	opMoveYY:                fkMoveYY,
	opMoveCX:                fkMoveCX,
	beam.OpMove:             fkMove,
	opGetTupleElementXX:     fkGetTupleElementXX,
	beam.OpGetTupleElement:  fkGetTupleElement,
	opGetListXXX:            fkGetListXXX,
	opIsTaggedTupleX:        fkIsTaggedTupleX,
	opIsNonemptyListX:       fkIsNonemptyListX,
	opIsNilX:                fkIsNilX,
	opIsTupleX:              fkIsTupleX,
	opTestArityX:            fkTestArityX,
	beam.OpSwap:             fkSwap,
	beam.OpInitYregs:        fkInitYregs,
	beam.OpGetHd:            fkGetHd,
	beam.OpGetTl:            fkGetTl,
	beam.OpGetList:          fkGetList,
	beam.OpIsNonemptyList:   fkIsNonemptyList,
	beam.OpIsNil:            fkIsNil,
	beam.OpIsAtom:           fkIsAtom,
	beam.OpIsTuple:          fkIsTuple,
	beam.OpIsEqExact:        fkIsEqExact,
	beam.OpIsNeExact:        fkIsNeExact,
	beam.OpIsLt:             fkIsLt,
	beam.OpIsGe:             fkIsGe,
	opIsEqExactXC:           fkIsEqExactXC,
	opIsNeExactXC:           fkIsNeExactXC,
	opIsLtXX:                fkIsLtXX,
	opIsGeXX:                fkIsGeXX,
	opIsLtXC:                fkIsLtXC,
	opIsGeXC:                fkIsGeXC,
	opIsLtCX:                fkIsLtCX,
	opIsGeCX:                fkIsGeCX,
	opArithXX:               fkArithXX,
	opArithXC:               fkArithXC,
	opArithYX:               fkArithYX,
	opArithYC:               fkArithYC,
	opArithXY:               fkArithXY,
	beam.OpPutList:          fkPutList,
	beam.OpPutTuple2:        fkPutTuple2,
	beam.OpTestHeap:         fkTestHeap,
	beam.OpAllocate:         fkAllocate,
	beam.OpDeallocate:       fkDeallocate,
	beam.OpTrim:             fkTrim,
	beam.OpJump:             fkJump,
	beam.OpSelectVal:        fkSelectVal,
	beam.OpSelectTupleArity: fkSelectTupleArity,
	beam.OpCall:             fkCall,
	beam.OpCallOnly:         fkCallOnly,
	beam.OpCallLast:         fkCallLast,
	beam.OpReturn:           fkReturn,
}
