package vm

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"runtime/debug"

	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// traceVM prints every instruction executed; a debugging switch.
const traceVM = false

// stackTraceDepth is how many frames a stacktrace keeps, as OTP's default
// backtrace_depth.
const stackTraceDepth = 8

// topCP is the continuation that ends the process when returned to.
const topCP = 0

func encodeCP(mod *Module, pc int) term.Term { return term.MakeCP(uint64(mod.id)<<32 | uint64(pc)) }

func (m *Machine) decodeCP(t term.Term) (codePtr, bool) {
	v := t.CPValue()
	if v == topCP {
		return codePtr{}, false
	}
	return codePtr{moduleByID(uint32(v >> 32)), int(uint32(v))}, true
}

// Catch markers record the handler and the Y slot that holds the marker,
// from which the frame's stack height is recovered when unwinding.
func encodeCatch(mod *Module, y int, pc int) term.Term {
	return term.MakeCatch(uint64(mod.id)<<38 | uint64(y)<<28 | uint64(pc))
}

func decodeCatch(t term.Term) (modID uint32, y int, pc int) {
	v := t.CatchValue()
	return uint32(v >> 38), int(v>>28) & 0x3FF, int(v & (1<<28 - 1))
}

func (p *Process) get(a *arg) term.Term {
	switch a.kind {
	case argX:
		return p.x[a.n]
	case argY:
		return p.stack[len(p.stack)-1-a.n]
	}
	return a.t
}

func (p *Process) set(a *arg, v term.Term) {
	if a.kind == argX {
		p.x[a.n] = v
	} else {
		p.stack[len(p.stack)-1-a.n] = v
	}
}

// runStatus says why run returned.
type runStatus uint8

const (
	statusYield runStatus = iota // its reductions are used up; still runnable
	statusWait                   // waiting in receive for a message or a timeout
	statusExit                   // finished; p.outcome says how
)

// sliceReductions is how many calls a process makes before the scheduler
// lets the next one run, as BEAM's 4000 reductions.
const sliceReductions = 4000

// run executes the process from p.resume for up to reds reductions, with
// its X registers in p.x (the scheduler's register file).
func (p *Process) run(reds int) (status runStatus) {
	defer func() {
		// A Go panic here is a VM bug: report it as a crash of the
		// process, never as a crash of avm.
		if r := recover(); r != nil {
			msg := fmt.Sprintf("%v at %s", r, p.where())
			p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomError,
				Reason:     p.heap.Tuple(term.Atom("vm_internal_error"), p.heap.MakeBinary([]byte(msg))),
				Stacktrace: term.Nil, Panic: msg + "\n" + string(debug.Stack())}
			status = statusExit
		}
	}()
	x := p.x
	if p.hibernating {
		// Take in what arrived: a message wakes the process (also one
		// sent before it hibernated), an exit signal may end it.
		if len(p.msgs) == 0 && p.handleSignals() {
			return statusExit
		}
		if len(p.msgs) == 0 {
			return statusWait
		}
		p.hibernating = false
	}
	if p.pendingStart {
		p.pendingStart = false
		if !p.startCall() {
			p.landException(nil) // nothing can catch it yet
			p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: x[1], Reason: x[2], Stacktrace: rawTraceList(p.heap, x[3])}
			return statusExit
		}
	}
	mod, pc := p.resume.mod, p.resume.pc
	code := mod.code
	p.curMod = mod
	// Under a step limit the count lives in procMore; the loop only
	// touches it through steps, and makes no call for it (a call there
	// would make the compiler spill registers on every instruction).
	var steps *uint64
	if p.m.stepLimit > 0 {
		steps = &p.moreState().steps
	}
	stepLimit := p.m.stepLimit
	h := p.heap
	arity := 0 // arguments of the call just made, live across a yield
	for {
		if steps == nil {
			// The common instructions run in fast, without the
			// overhead of this loop; it returns at the first other.
			pc, reds = p.fast(code, pc, mod.id, reds)
		}
		in := &code[pc]
		p.lastLine = int32(pc)
		if steps != nil {
			if *steps++; *steps > stepLimit {
				goto outOfBudget
			}
		}
		if traceVM {
			fmt.Printf("%s:%d %s\n", mod.Name(), pc, opName(in.op))
		}
		pc++
		switch in.op {
		case beam.OpFuncInfo:
			fr := mod.funcs[in.ext.(int)]
			p.setExc(exception{class: term.AtomError, reason: term.AtomFunctionClause,
				frameArgs: append([]term.Term(nil), x[:fr.arity]...), replacesCurrent: true})
			goto fail

		case beam.OpCall:
			p.stack = append(p.stack, encodeCP(mod, pc))
			pc, arity = int(in.n), int(in.r[0])
			goto called
		case beam.OpCallLast:
			p.stack = p.stack[:len(p.stack)-int(in.r[1])]
			pc, arity = int(in.n), int(in.r[0])
			goto called
		case beam.OpCallOnly:
			pc, arity = int(in.n), int(in.r[0])
			goto called

		case beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly:
			if in.op == beam.OpCallExtLast {
				p.stack = p.stack[:len(p.stack)-in.args[2].n]
			}
			target, r, ok := p.invoke(in.ext.(*export), in.args[0].n)
			h = p.heap
			if !ok {
				goto fail
			}
			if r != term.NoValue {
				x[0] = r
				if in.op == beam.OpCallExt {
					break
				}
				goto doReturn
			}
			if in.op == beam.OpCallExt {
				p.stack = append(p.stack, encodeCP(mod, pc))
			}
			mod, pc, code = target.mod, target.pc, target.mod.code
			p.curMod = mod
			arity = int(p.liveArgs)
			goto called

		case beam.OpBif0:
			e := in.ext.(*export)
			if e.native == nil {
				p.undef(e.mfa.m, e.mfa.f, nil)
				goto fail
			}
			r := e.native.Fn(p, nil)
			h = p.heap
			if r == term.NoValue {
				p.nativeFailed(e, nil)
				goto fail
			}
			p.set(&in.args[1], r)
		case beam.OpBif1, beam.OpBif2, beam.OpBif3, beam.OpGcBif1, beam.OpGcBif2, beam.OpGcBif3:
			if in.fast != fastNone {
				// Small integers: computed here, without calling the native.
				base := int(in.base)
				if r, ok := arith(in.fast, p.get(&in.args[base]), p.get(&in.args[base+1])); ok {
					p.set(&in.args[base+2], r)
					break
				}
			}
			goto slowBif
		case opArithXX:
			if r, ok := arith(in.fast, x[in.r[0]], x[in.r[1]]); ok {
				x[in.r[2]] = r
				break
			}
			goto slowBif
		case opArithXC:
			if r, ok := arith(in.fast, x[in.r[0]], in.imm); ok {
				x[in.r[2]] = r
				break
			}
			goto slowBif
		case opArithYX:
			if r, ok := arith(in.fast, p.stack[len(p.stack)-1-int(in.r[0])], x[in.r[1]]); ok {
				x[in.r[2]] = r
				break
			}
			goto slowBif
		case opArithYC:
			if r, ok := arith(in.fast, p.stack[len(p.stack)-1-int(in.r[0])], in.imm); ok {
				x[in.r[2]] = r
				break
			}
			goto slowBif
		case opArithXY:
			if r, ok := arith(in.fast, x[in.r[0]], p.stack[len(p.stack)-1-int(in.r[1])]); ok {
				x[in.r[2]] = r
				break
			}
			goto slowBif

		case beam.OpAllocate, beam.OpAllocateHeap, beam.OpAllocateZero, beam.OpAllocateHeapZero:
			p.allocate(int(in.r[0]))
			if in.op == beam.OpAllocateHeap || in.op == beam.OpAllocateHeapZero {
				if !p.maybeGC(in.args[2].n) {
					return statusExit
				}
			}
		case beam.OpTestHeap:
			if h.Used() >= p.gcLimit && !p.maybeGC(in.args[1].n) {
				return statusExit
			}
		case beam.OpInit:
			p.set(&in.args[0], term.Nil)
		case beam.OpInitYregs:
			for i := range in.list {
				p.set(&in.list[i], term.Nil)
			}
		case beam.OpDeallocate, beam.OpTrim:
			p.stack = p.stack[:len(p.stack)-int(in.r[0])]

		case beam.OpReturn:
			goto doReturn

		case opMoveXX:
			x[in.r[1]] = x[in.r[0]]
		case opMoveXY:
			p.stack[len(p.stack)-1-int(in.r[1])] = x[in.r[0]]
		case opMoveYX:
			x[in.r[1]] = p.stack[len(p.stack)-1-int(in.r[0])]
		case opMoveYY:
			p.stack[len(p.stack)-1-int(in.r[1])] = p.stack[len(p.stack)-1-int(in.r[0])]
		case opMoveCX:
			x[in.r[1]] = in.imm
		case opGetTupleElementXX:
			x[in.r[2]] = h.TupleElems(x[in.r[0]])[in.r[1]]
		case opIsTaggedTupleX:
			if !h.IsTaggedTuple(x[in.r[0]], int(in.r[1]), in.imm) {
				pc = int(in.n)
			}
		case opIsNonemptyListX:
			if !x[in.r[0]].IsCons() {
				pc = int(in.n)
			}
		case opIsNilX:
			if x[in.r[0]] != term.Nil {
				pc = int(in.n)
			}
		case opIsTupleX:
			if !h.IsTuple(x[in.r[0]]) {
				pc = int(in.n)
			}
		case opGetListXXX:
			hd, tl := h.HeadTail(x[in.r[0]])
			x[in.r[1]], x[in.r[2]] = hd, tl
		case opIsEqExactXC:
			if x[in.r[0]] != in.imm {
				pc = int(in.n)
			}
		case opIsNeExactXC:
			if x[in.r[0]] == in.imm {
				pc = int(in.n)
			}
		case opTestArityX:
			t := x[in.r[0]]
			if !h.IsTuple(t) || h.TupleSize(t) != int(in.r[1]) {
				pc = int(in.n)
			}
		case opIsLtXX:
			if !p.less(x[in.r[0]], x[in.r[1]]) {
				pc = int(in.n)
			}
		case opIsGeXX:
			if p.less(x[in.r[0]], x[in.r[1]]) {
				pc = int(in.n)
			}
		case opIsLtXC:
			if !p.less(x[in.r[0]], in.imm) {
				pc = int(in.n)
			}
		case opIsGeXC:
			if p.less(x[in.r[0]], in.imm) {
				pc = int(in.n)
			}
		case opIsLtCX:
			if !p.less(in.imm, x[in.r[0]]) {
				pc = int(in.n)
			}
		case opIsGeCX:
			if p.less(in.imm, x[in.r[0]]) {
				pc = int(in.n)
			}
		case beam.OpMove:
			p.set(&in.args[1], p.get(&in.args[0]))
		case beam.OpSwap:
			a, b := p.get(&in.args[0]), p.get(&in.args[1])
			p.set(&in.args[0], b)
			p.set(&in.args[1], a)

		case beam.OpGetList:
			l := p.get(&in.args[0])
			hd, tl := h.HeadTail(l)
			p.set(&in.args[1], hd)
			p.set(&in.args[2], tl)
		case beam.OpGetHd:
			p.set(&in.args[1], h.Head(p.get(&in.args[0])))
		case beam.OpGetTl:
			p.set(&in.args[1], h.Tail(p.get(&in.args[0])))
		case beam.OpPutList:
			p.set(&in.args[2], h.Cons(p.get(&in.args[0]), p.get(&in.args[1])))
		case beam.OpPutTuple2:
			elems := in.list
			t := h.MakeTuple(len(elems))
			dst := h.TupleElems(t)
			for i := range elems {
				dst[i] = p.get(&elems[i])
			}
			p.set(&in.args[0], t)
		case beam.OpGetTupleElement:
			p.set(&in.args[2], h.TupleElems(p.get(&in.args[0]))[in.args[1].n])
		case beam.OpSetTupleElement:
			// Only emitted right after building the tuple, which may be
			// updated in place.
			h.TupleElems(p.get(&in.args[1]))[in.args[2].n] = p.get(&in.args[0])
		case beam.OpUpdateRecord:
			src := h.TupleElems(p.get(&in.args[2]))
			t := h.Tuple(src...)
			dst := h.TupleElems(t)
			upd := in.list
			for i := 0; i+1 < len(upd); i += 2 {
				dst[upd[i].num()-1] = p.get(&upd[i+1])
			}
			p.set(&in.args[3], t)

		case beam.OpJump:
			pc = int(in.n)
		case beam.OpSelectVal:
			pc = in.ext.(*selectTable).lookup(h, p.get(&in.args[0]))
		case beam.OpSelectTupleArity:
			v := p.get(&in.args[0])
			pc = in.ext.(*selectTable).arity(h, v)

		// Type tests: Fail, Arg.
		case beam.OpIsInteger:
			if !h.IsInteger(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsFloat:
			if !h.IsFloat(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsNumber:
			if !h.IsNumber(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsAtom:
			if !p.get(&in.args[1]).IsAtom() {
				pc = in.args[0].n
			}
		case beam.OpIsPid:
			if !p.get(&in.args[1]).IsPid() {
				pc = in.args[0].n
			}
		case beam.OpIsReference:
			if !h.IsRef(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsPort:
			if !p.get(&in.args[1]).IsPort() {
				pc = in.args[0].n
			}
		case beam.OpIsNil:
			if p.get(&in.args[1]) != term.Nil {
				pc = in.args[0].n
			}
		case beam.OpIsBinary:
			if !h.IsBinary(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsBitstr:
			if !h.IsBitstring(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsList:
			if !p.get(&in.args[1]).IsList() {
				pc = in.args[0].n
			}
		case beam.OpIsNonemptyList:
			if !p.get(&in.args[1]).IsCons() {
				pc = in.args[0].n
			}
		case beam.OpIsTuple:
			if !h.IsTuple(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsMap:
			if !h.IsMap(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsBoolean:
			if !p.get(&in.args[1]).IsBoolean() {
				pc = in.args[0].n
			}
		case beam.OpIsFunction:
			if !h.IsFun(p.get(&in.args[1])) {
				pc = in.args[0].n
			}
		case beam.OpIsFunction2:
			f, a := p.get(&in.args[1]), p.get(&in.args[2])
			if !a.IsSmall() || !h.IsFun(f) || p.funArity(f) != int(a.Small()) {
				pc = in.args[0].n
			}
		case beam.OpTestArity:
			t := p.get(&in.args[1])
			if !h.IsTuple(t) || h.TupleSize(t) != in.args[2].n {
				pc = in.args[0].n
			}
		case beam.OpIsTaggedTuple:
			t := p.get(&in.args[1])
			if !h.IsTuple(t) || h.TupleSize(t) != in.args[2].n || h.TupleElems(t)[0] != in.args[3].t {
				pc = in.args[0].n
			}

		// Comparisons: Fail, A, B.
		case beam.OpIsLt:
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if a.IsSmall() && b.IsSmall() {
				if int64(a) >= int64(b) { // small integers order like their words
					pc = in.args[0].n
				}
			} else if h.Compare(a, b) >= 0 {
				pc = in.args[0].n
			}
		case beam.OpIsGe:
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if a.IsSmall() && b.IsSmall() {
				if int64(a) < int64(b) {
					pc = in.args[0].n
				}
			} else if h.Compare(a, b) < 0 {
				pc = in.args[0].n
			}
		case beam.OpIsEq:
			if !h.Equal(p.get(&in.args[1]), p.get(&in.args[2])) {
				pc = in.args[0].n
			}
		case beam.OpIsNe:
			if h.Equal(p.get(&in.args[1]), p.get(&in.args[2])) {
				pc = in.args[0].n
			}
		case beam.OpIsEqExact:
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if a != b && (a.IsImmediate() || b.IsImmediate() || !h.ExactEqual(a, b)) {
				pc = in.args[0].n
			}
		case beam.OpIsNeExact:
			a, b := p.get(&in.args[1]), p.get(&in.args[2])
			if a == b || !a.IsImmediate() && !b.IsImmediate() && h.ExactEqual(a, b) {
				pc = in.args[0].n
			}

		// Errors.
		case beam.OpBadmatch:
			p.ErrorTuple(term.AtomBadmatch, p.get(&in.args[0]))
			goto fail
		case beam.OpCaseEnd:
			p.ErrorTuple(term.AtomCaseClause, p.get(&in.args[0]))
			goto fail
		case beam.OpTryCaseEnd:
			p.ErrorTuple(term.AtomTryClause, p.get(&in.args[0]))
			goto fail
		case beam.OpIfEnd:
			p.Error(term.AtomIfClause)
			goto fail
		case beam.OpBadrecord:
			p.ErrorTuple(term.AtomBadrecord, p.get(&in.args[0]))
			goto fail

		// Exceptions.
		case beam.OpCatch, beam.OpTry:
			p.set(&in.args[0], encodeCatch(mod, in.args[0].n, in.args[1].n))
		case beam.OpTryEnd:
			p.set(&in.args[0], term.Nil)
		case beam.OpCatchEnd:
			p.set(&in.args[0], term.Nil)
			if x[0] == term.NoValue {
				// Landed from an exception: x1 class, x2 reason, x3 raw trace.
				switch x[1] {
				case term.AtomThrow:
					x[0] = x[2]
				case term.AtomExit:
					x[0] = h.Tuple(term.AtomEXIT, x[2])
				default:
					x[0] = h.Tuple(term.AtomEXIT, h.Tuple(x[2], rawTraceList(h, x[3])))
				}
			}
		case beam.OpTryCase:
			p.set(&in.args[0], term.Nil)
			x[0], x[1], x[2] = x[1], x[2], x[3]
		case beam.OpBuildStacktrace:
			x[0] = rawTraceList(h, x[0])
		case beam.OpRaise:
			raw, reason := p.get(&in.args[0]), p.get(&in.args[1])
			p.setExc(exception{class: rawTraceClass(h, raw), reason: reason, trace: raw})
			goto fail
		case beam.OpRawRaise:
			if !isRawTrace(h, x[2]) || (x[0] != term.AtomError && x[0] != term.AtomExit && x[0] != term.AtomThrow) {
				x[0] = term.AtomBadarg
				break
			}
			p.setExc(exception{class: x[0], reason: x[1], trace: x[2]})
			goto fail

		// Funs.
		case beam.OpMakeFun3:
			lam := in.args[0].n
			env := in.list
			free := make([]term.Term, len(env))
			for i := range env {
				free[i] = p.get(&env[i])
			}
			p.set(&in.args[1], h.Closure(uint64(mod.id)<<32|uint64(lam), free))
		case beam.OpMakeFun2:
			lam := in.args[0].n
			nf := mod.lambdas[lam].numFree
			x[0] = h.Closure(uint64(mod.id)<<32|uint64(lam), append([]term.Term(nil), x[:nf]...))
		case beam.OpCallFun, beam.OpCallFun2:
			var f term.Term
			if in.op == beam.OpCallFun {
				arity = in.args[0].n
				f = x[arity]
			} else {
				arity = in.args[1].n
				f = p.get(&in.args[2])
			}
			target, r, ok := p.invokeFun(f, arity)
			h = p.heap
			if !ok {
				goto fail
			}
			if r != term.NoValue {
				x[0] = r
				break
			}
			p.stack = append(p.stack, encodeCP(mod, pc))
			mod, pc, code = target.mod, target.pc, target.mod.code
			p.curMod = mod
			arity = int(p.liveArgs)
			goto called
		case beam.OpApply, beam.OpApplyLast:
			arity = in.args[0].n
			if in.op == beam.OpApplyLast {
				p.stack = p.stack[:len(p.stack)-in.args[1].n]
			}
			mt, ft := x[arity], x[arity+1]
			if !mt.IsAtom() || !ft.IsAtom() {
				p.applyBadarg(mt, ft, h.List(x[:arity]...))
				goto fail
			}
			target, r, ok := p.invoke(p.m.exportEntry(mfa{mt, ft, arity}), arity)
			h = p.heap
			if !ok {
				goto fail
			}
			if r != term.NoValue {
				x[0] = r
				if in.op == beam.OpApply {
					break
				}
				goto doReturn
			}
			if in.op == beam.OpApply {
				p.stack = append(p.stack, encodeCP(mod, pc))
			}
			mod, pc, code = target.mod, target.pc, target.mod.code
			p.curMod = mod
			arity = int(p.liveArgs)
			goto called

		// Maps.
		case beam.OpPutMapAssoc, beam.OpPutMapExact:
			// Fail Src Dst Live {list, [K, V…]}
			src := p.get(&in.args[1])
			if !h.IsMap(src) {
				p.ErrorTuple(term.AtomBadmap, src)
				goto fail
			}
			kv := in.list
			keys := make([]term.Term, 0, len(kv)/2)
			vals := make([]term.Term, 0, len(kv)/2)
			for i := 0; i+1 < len(kv); i += 2 {
				keys = append(keys, p.get(&kv[i]))
				vals = append(vals, p.get(&kv[i+1]))
			}
			var r term.Term
			if in.op == beam.OpPutMapAssoc {
				r = h.MapPut(src, keys, vals)
			} else {
				var bad term.Term
				r, bad = h.MapUpdate(src, keys, vals)
				if r == term.NoValue {
					if fail := in.args[0].n; fail >= 0 {
						pc = fail
						break
					}
					p.ErrorTuple(term.AtomBadkey, bad)
					goto fail
				}
			}
			p.set(&in.args[2], r)
		case beam.OpHasMapFields:
			m := p.get(&in.args[1])
			for _, k := range in.list {
				if _, ok := h.MapGet(m, p.get(&k)); !ok {
					pc = in.args[0].n
					break
				}
			}
		case beam.OpGetMapElements:
			m := p.get(&in.args[1])
			kd := in.list
			// All keys are looked up before any destination is written,
			// since a destination may also be the map's register.
			var vals [8]term.Term
			vs := vals[:0]
			found := true
			for i := 0; i+1 < len(kd); i += 2 {
				v, ok := h.MapGet(m, p.get(&kd[i]))
				if !ok {
					found = false
					break
				}
				vs = append(vs, v)
			}
			if !found {
				pc = in.args[0].n
				break
			}
			for i := 0; i+1 < len(kd); i += 2 {
				p.set(&kd[i+1], vs[i/2])
			}

		// Floating point registers.
		case beam.OpFmove:
			src, dst := &in.args[0], &in.args[1]
			switch {
			case src.kind == argFR && dst.kind == argFR:
				p.fr[dst.n] = p.fr[src.n]
			case src.kind == argFR:
				p.set(dst, h.Float(p.fr[src.n]))
			default:
				p.fr[dst.n] = h.FloatValue(p.get(src))
			}
		case beam.OpFconv:
			v := p.get(&in.args[0])
			f, ok := h.ToFloat(v)
			if !ok {
				p.Badarith()
				goto fail
			}
			p.fr[in.args[1].n] = f
		case beam.OpFadd, beam.OpFsub, beam.OpFmul, beam.OpFdiv:
			a, b := p.fr[in.args[1].n], p.fr[in.args[2].n]
			var r float64
			switch in.op {
			case beam.OpFadd:
				r = a + b
			case beam.OpFsub:
				r = a - b
			case beam.OpFmul:
				r = a * b
			default:
				r = a / b
			}
			if math.IsInf(r, 0) || math.IsNaN(r) {
				p.Badarith()
				goto fail
			}
			p.fr[in.args[3].n] = r
		case beam.OpFnegate:
			p.fr[in.args[2].n] = -p.fr[in.args[1].n]
		case beam.OpFclearerror, beam.OpFcheckerror:

		case beam.OpOnLoad:

		// Messages.
		case beam.OpSend:
			if r := p.send(x[0], x[1]); r == term.NoValue {
				p.exc.frameM, p.exc.frameF, p.exc.frameArgs, p.exc.hasFrame = term.AtomErlang, atomSend, []term.Term{x[0], x[1]}, true
				goto fail
			}
			x[0] = x[1]
		case beam.OpLoopRec: // Fail Dst
			msg, ok, dead := p.nextMessage()
			if dead {
				return statusExit
			}
			if !ok {
				pc = in.args[0].n
				break
			}
			p.set(&in.args[1], msg)
		case beam.OpLoopRecEnd:
			p.save++
			pc = in.args[0].n
		case beam.OpRemoveMessage:
			p.removeMessage()
		case beam.OpWait:
			p.resume = codePtr{mod, in.args[0].n}
			return statusWait
		case beam.OpWaitTimeout: // Label Time
			if p.timedOut {
				p.timedOut = false
				break // on to the timeout instruction
			}
			t := p.get(&in.args[1])
			if t != term.AtomInfinity && !p.receiveTimerRunning() {
				ms, ok := h.Int64(t)
				if !ok || ms < 0 || ms > maxTimerMs {
					p.Error(term.Atom("timeout_value"))
					goto fail
				}
				if ms == 0 {
					break
				}
				p.startReceiveTimer(ms)
			}
			p.resume = codePtr{mod, in.args[0].n}
			return statusWait
		case beam.OpTimeout:
			p.save = 0
			p.cancelReceiveTimer()
		case beam.OpRecvMarkerReserve:
			p.set(&in.args[0], p.reserveMarker())
		case beam.OpRecvMarkerBind:
			p.bindMarker(p.get(&in.args[0]), p.get(&in.args[1]))
		case beam.OpRecvMarkerUse:
			p.useMarker(p.get(&in.args[0]))
		case beam.OpRecvMarkerClear:
			p.clearMarker(p.get(&in.args[0]))

		default:
			// execBits takes a copy of pc: taking pc's address would
			// keep it in memory throughout the loop.
			npc := pc
			if ok, failed := p.execBits(in, &npc); ok {
				pc = npc
				h = p.heap
				if failed {
					goto fail
				}
				break
			}
			panic(fmt.Sprintf("opcode %s not implemented", in.op))
		}
		continue

	slowBif:
		// A bif instruction that needs its native.
		{
			npc, ok := p.bif(in, pc)
			h = p.heap
			if !ok {
				goto fail
			}
			pc = npc
			continue
		}

	called:
		// Reductions are counted on calls; a process whose slice is used
		// up yields here, where only the arguments are live.
		p.reductions++
		if reds--; reds <= 0 || p.yieldNow {
			p.yieldNow = false
			p.resume = codePtr{mod, pc}
			p.xsave = append(p.xsave[:0], x[:arity]...)
			return statusYield
		}
		continue

	doReturn:
		{
			cp := p.stack[len(p.stack)-1].CPValue()
			p.stack = p.stack[:len(p.stack)-1]
			if uint32(cp>>32) == mod.id { // a return within the module
				pc = int(uint32(cp))
				continue
			}
			if cp == topCP {
				p.outcome = &Outcome{Heap: h, Value: x[0]}
				return statusExit
			}
			mod = moduleByID(uint32(cp >> 32))
			pc, code = int(uint32(cp)), mod.code
			p.curMod = mod
			continue
		}

	outOfBudget:
		p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomExit, Reason: atomBudgetExhausted, Stacktrace: term.Nil}
		return statusExit

	fail:
		{
			if p.outcome != nil {
				return statusExit // killed by an exit signal it sent itself
			}
			if p.hibernating {
				if len(p.msgs) > 0 {
					return statusYield // a message is already queued: wake at once
				}
				return statusWait
			}
			p.lastLine = int32(pc - 1)
			if !p.landException(mod) {
				p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: x[1], Reason: x[2], Stacktrace: rawTraceList(p.heap, x[3])}
				return statusExit
			}
			h = p.heap
			handler, _ := p.catchTarget()
			mod, pc, code = handler.mod, handler.pc, handler.mod.code
			p.curMod = mod
		}
	}
}

var (
	atomStart           = term.Atom("start")
	atomBudgetExhausted = term.Atom("reduction_budget_exhausted")
)

// Fast arithmetic on small integers for the bif instructions of the
// common operators; anything else takes the native's general path.
const (
	fastNone uint8 = iota
	fastAdd
	fastSub
	fastMul
	fastBand
	fastBor
	fastBxor
	fastRem
	fastDiv
)

var fastOps = map[mfa]uint8{
	{term.AtomErlang, term.Atom("+"), 2}:    fastAdd,
	{term.AtomErlang, term.Atom("-"), 2}:    fastSub,
	{term.AtomErlang, term.Atom("*"), 2}:    fastMul,
	{term.AtomErlang, term.Atom("band"), 2}: fastBand,
	{term.AtomErlang, term.Atom("bor"), 2}:  fastBor,
	{term.AtomErlang, term.Atom("bxor"), 2}: fastBxor,
	{term.AtomErlang, term.Atom("rem"), 2}:  fastRem,
	{term.AtomErlang, term.Atom("div"), 2}:  fastDiv,
}

// bif runs the native of a bif or gc_bif instruction and stores its
// result, or continues at the instruction's fail label when it has one and
// the native failed: it returns the next pc, or false when an exception is
// raised.
func (p *Process) bif(in *instr, pc int) (int, bool) {
	h := p.heap
	e := in.ext.(*export)
	first, n := 2, 1 // bif1: Fail Bif Arg Dst; gc_bif: Fail Live Bif Args… Dst
	switch in.op {
	case beam.OpBif1:
	case beam.OpBif2:
		n = 2
	case beam.OpBif3:
		n = 3
	case beam.OpGcBif1:
		first = 3
	case beam.OpGcBif2:
		first, n = 3, 2
	case beam.OpGcBif3:
		first, n = 3, 3
	default: // a specialised bif2 or gc_bif2
		first, n = int(in.base), 2
	}
	argv := p.x[maxX : maxX+n]
	for i := 0; i < n; i++ {
		a := p.get(&in.args[first+i])
		if a.IsBoxed() && h.IsMatchState(a) {
			// The compiler may pass a match context where the
			// rest of the binary is meant (byte_size/1 and friends).
			bin, pos := h.MatchState(a)
			a = h.SubBits(bin, pos, h.BitSize(bin)-pos)
		}
		argv[i] = a
	}
	if e.native == nil {
		p.undef(e.mfa.m, e.mfa.f, argv)
		return pc, false
	}
	r := e.native.Fn(p, argv)
	if r == term.NoValue {
		if fail := in.args[0].n; fail >= 0 {
			return fail, true
		}
		p.nativeFailed(e, argv)
		return pc, false
	}
	p.set(&in.args[first+n], r)
	return pc, true
}

// less reports a < b in term order, small integers without a call.
func (p *Process) less(a, b term.Term) bool {
	if a.IsSmall() && b.IsSmall() {
		return int64(a) < int64(b) // small integers order like their words
	}
	return p.heap.Compare(a, b) < 0
}

// allocate pushes a frame of n Y registers, initialised to [] so that a
// collection before they are written finds no stale terms.
func (p *Process) allocate(n int) {
	s := p.stack
	if len(s)+n > cap(s) {
		s = append(s, make([]term.Term, n)...)[:len(s)]
	}
	s = s[:len(s)+n]
	for i := len(s) - n; i < len(s); i++ {
		s[i] = term.Nil
	}
	p.stack = s
}

// nativeFailed records the frame of a native that raised, which heads the
// stacktrace as in OTP.
//
// erlang:error/1, exit/1 and throw/1 add no frame of their own: the
// stacktrace starts at their caller. error/2,3 give the caller's frame the
// arguments they were passed. Some operators add no frame either.
func (p *Process) nativeFailed(e *export, args []term.Term) {
	if p.exc == nil || p.exc.trace != term.NoValue {
		// No exception: the native ended the process or hibernated it.
		// Or erlang:raise/3 supplied its own stacktrace.
		return
	}
	if e.mfa.m == term.AtomErlang {
		if frameless[e.mfa] {
			return
		}
		switch e.mfa.f {
		case term.AtomError, term.AtomExit, term.AtomThrow, atomNifError:
			if e.mfa.f == term.AtomExit && len(args) == 2 {
				break // exit/2 sends a signal: its badarg has a frame
			}
			if e.mfa.f == term.AtomError && len(args) >= 2 {
				if callArgs, ok := p.heap.ListToSlice(args[1]); ok {
					p.exc.frameArgs = callArgs
					p.exc.replacesCurrent = true
				}
			}
			return
		}
	}
	p.exc.frameM, p.exc.frameF = e.mfa.m, e.mfa.f
	p.exc.frameArgs = append([]term.Term(nil), args...)
	p.exc.hasFrame = true
}

var (
	atomNifError = term.Atom("nif_error")
	// OTP names the frame of a failed Pid ! Msg after erlang:send/2.
	atomSend = term.Atom("send")
)

// frameless lists the operators that OTP 25 reports without a frame of
// their own (measured: '*', div, rem and the bitwise operators keep one).
var frameless = map[mfa]bool{
	{term.AtomErlang, term.Atom("+"), 2}: true,
	{term.AtomErlang, term.Atom("-"), 2}: true,
	{term.AtomErlang, term.Atom("/"), 2}: true,
	{term.AtomErlang, term.Atom("+"), 1}: true,
}

// undef raises error:undef for a missing function.
func (p *Process) undef(m, f term.Term, args []term.Term) {
	p.setExc(exception{class: term.AtomError, reason: term.AtomUndef,
		frameM: m, frameF: f, frameArgs: append([]term.Term(nil), args...), hasFrame: true})
}

// bind loads the module of an unbound export, reporting whether the export
// is now callable.
func (p *Process) bind(e *export) bool {
	if _, err := p.m.ensureLoaded(e.mfa.m); err != nil {
		// The call fails with undef, as on OTP; a module that exists but
		// does not load says why once, as OTP's loader logs it.
		if !errors.Is(err, errNoModule) && !errors.Is(err, fs.ErrNotExist) {
			if _, seen := p.m.loadErrors.LoadOrStore(e.mfa.m, true); !seen {
				fmt.Fprintf(p.m.opts.Stderr, "=ERROR REPORT==== loading module %s failed: %v\n", term.AtomName(e.mfa.m), err)
			}
		}
		return false
	}
	return e.bound.Load() != nil
}

// invoke calls export e with its arguments in x[0:arity]. Erlang code is
// returned as a target to jump to; a native runs here and its result is
// returned (r != NoValue). ok is false when an exception was raised.
func (p *Process) invoke(e *export, arity int) (target codePtr, r term.Term, ok bool) {
	for {
		if n := e.native; n != nil {
			switch n.special {
			case specialApply3:
				if e, arity, ok = p.applyArgs(p.x[0], p.x[1], p.x[2]); !ok {
					return codePtr{}, term.NoValue, false
				}
				continue
			case specialApply2:
				n, ok := p.spreadArgs(p.x[1])
				if !ok {
					p.Badarg()
					return codePtr{}, term.NoValue, false
				}
				return p.invokeFun(p.x[n], n)
			}
			r := n.Fn(p, p.x[:arity])
			if r == term.NoValue {
				p.nativeFailed(e, p.x[:arity])
				return codePtr{}, term.NoValue, false
			}
			return codePtr{}, r, true
		}
		b := e.bound.Load()
		if b == nil {
			if !p.bind(e) {
				p.undef(e.mfa.m, e.mfa.f, p.x[:arity])
				return codePtr{}, term.NoValue, false
			}
			b = e.bound.Load()
		}
		p.liveArgs = int32(arity)
		return *b, term.NoValue, true
	}
}

// applyArgs prepares apply(M, F, Args): the arguments go to x[0:n].
func (p *Process) applyArgs(m, f, args term.Term) (*export, int, bool) {
	if !m.IsAtom() || !f.IsAtom() {
		p.applyBadarg(m, f, args)
		return nil, 0, false
	}
	n, ok := p.spreadArgs(args)
	if !ok {
		p.applyBadarg(m, f, args)
		return nil, 0, false
	}
	return p.m.exportEntry(mfa{m, f, n}), n, true
}

// applyBadarg raises badarg for apply(M, F, Args), in a frame of its own
// as OTP reports it.
func (p *Process) applyBadarg(m, f, args term.Term) {
	p.Badarg()
	p.exc.frameM, p.exc.frameF, p.exc.frameArgs, p.exc.hasFrame = term.AtomErlang, term.AtomApply, []term.Term{m, f, args}, true
}

// spreadArgs copies the elements of list args into x[0:n] and moves the
// value that was in x[0] (apply/2's fun) to x[n].
func (p *Process) spreadArgs(args term.Term) (int, bool) {
	h := p.heap
	fun := p.x[0]
	elems, ok := h.ListToSlice(args)
	if !ok || len(elems) >= maxX-1 {
		return 0, false
	}
	copy(p.x[:], elems)
	p.x[len(elems)] = fun
	return len(elems), true
}

// invokeFun calls fun f with arity arguments in x[0:arity], placing a
// closure's free variables after them; it raises badfun/badarity.
func (p *Process) invokeFun(f term.Term, arity int) (codePtr, term.Term, bool) {
	h := p.heap
	if h.IsClosure(f) {
		ref, free := h.ClosureParts(f)
		mod := moduleByID(uint32(ref >> 32))
		lam := mod.lambdas[uint32(ref)]
		if lam.arity != arity {
			p.ErrorTuple(term.AtomBadarity, h.Tuple(f, h.List(p.x[:arity]...)))
			return codePtr{}, term.NoValue, false
		}
		copy(p.x[arity:], free)
		p.liveArgs = int32(arity + len(free))
		return codePtr{mod, lam.pc}, term.NoValue, true
	}
	if h.IsExportFun(f) {
		m, fn, a := h.ExportParts(f)
		if a != arity {
			p.ErrorTuple(term.AtomBadarity, h.Tuple(f, h.List(p.x[:arity]...)))
			return codePtr{}, term.NoValue, false
		}
		return p.invoke(p.m.exportEntry(mfa{m, fn, a}), arity)
	}
	p.ErrorTuple(term.AtomBadfun, f)
	return codePtr{}, term.NoValue, false
}

// funArity is the arity of a fun term.
func (p *Process) funArity(f term.Term) int {
	h := p.heap
	if h.IsExportFun(f) {
		_, _, a := h.ExportParts(f)
		return a
	}
	ref, _ := h.ClosureParts(f)
	return moduleByID(uint32(ref >> 32)).lambdas[uint32(ref)].arity
}
