package vm

import (
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// maxFR is the number of floating-point registers.
const maxFR = 256

// supported reports whether the interpreter implements op. Obsolete
// opcodes that no OTP 25–29 compiler emits are refused at load time with
// a clear error rather than failing at run time.
func supported(op beam.Opcode) bool {
	switch op {
	case beam.OpMPlus, beam.OpMMinus, beam.OpMTimes, beam.OpMDiv, beam.OpIntDiv, beam.OpIntRem,
		beam.OpIntBand, beam.OpIntBor, beam.OpIntBxor, beam.OpIntBsl, beam.OpIntBsr, beam.OpIntBnot,
		beam.OpIsConstant, beam.OpPutString, beam.OpPutTuple, beam.OpPut, beam.OpMakeFun,
		beam.OpBsStartMatch, beam.OpBsGetInteger, beam.OpBsGetFloat, beam.OpBsGetBinary,
		beam.OpBsSkipBits, beam.OpBsTestTail, beam.OpBsSave, beam.OpBsRestore, beam.OpBsInit,
		beam.OpBsFinal, beam.OpBsNeedBuf, beam.OpBsBitsToBytes, beam.OpBsFinal2, beam.OpBsBitsToBytes2,
		beam.OpPutLiteral, beam.OpBsStartMatch2, beam.OpBsSave2, beam.OpBsRestore2,
		beam.OpBsContextToBinary, beam.OpRecvMark, beam.OpRecvSet:
		return false
	}
	if legacyBinaryConstruction(op) {
		return false
	}
	return op >= beam.OpLabel && op <= beam.OpBif3
}

// legacyBinaryConstruction reports the pre-OTP-25 binary construction
// instructions, which OTP 25+ compilers emit only with +no_bs_create_bin.
func legacyBinaryConstruction(op beam.Opcode) bool {
	switch op {
	case beam.OpBsPutInteger, beam.OpBsPutBinary, beam.OpBsPutFloat, beam.OpBsPutString,
		beam.OpBsInit2, beam.OpBsAdd, beam.OpBsAppend, beam.OpBsPrivateAppend, beam.OpBsInitBits,
		beam.OpBsUtf8Size, beam.OpBsPutUtf8, beam.OpBsUtf16Size, beam.OpBsPutUtf16, beam.OpBsPutUtf32:
		return true
	}
	return false
}

// allocWords is the heap need of an allocation list, in words.
func allocWords(o beam.Operand) int {
	return int(o.Alloc.Words) + 2*int(o.Alloc.Floats) + 4*int(o.Alloc.Funs)
}

// prepare resolves what an instruction needs beyond its operands: imports,
// natives, select tables, the function of a func_info.
func (l *loader) prepare(in *instr) error {
	importAt := func(i int) (*export, error) {
		n := in.args[i].n
		if n < 0 || n >= len(l.imports) {
			return nil, l.errorf(nil, "%s: import %d out of range (%d imports)", in.op, n, len(l.imports))
		}
		return l.imports[n], nil
	}
	var err error
	switch in.op {
	case beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly:
		in.ext, err = importAt(1)
	case beam.OpBif0:
		in.ext, err = importAt(0)
	case beam.OpBif1, beam.OpBif2, beam.OpBif3:
		in.ext, err = importAt(1)
	case beam.OpGcBif1, beam.OpGcBif2, beam.OpGcBif3:
		in.ext, err = importAt(2)
	}
	if e, ok := in.ext.(*export); ok && (in.op == beam.OpBif2 || in.op == beam.OpGcBif2) {
		in.fast = fastOps[e.mfa]
		in.base = 2 // bif2: Fail Bif A B Dst
		if in.op == beam.OpGcBif2 {
			in.base = 3 // gc_bif2: Fail Live Bif A B Dst
		}
	}
	defer func() {
		specialize(in)
		in.fk = fastKinds[in.op]
	}()
	switch in.op {
	case beam.OpBsMatchString, beam.OpBsCreateBin:
		in.ext = l.mod.strings
	case beam.OpSelectVal:
		in.ext = newSelectTable(in.args[1].n, in.list, false)
	case beam.OpSelectTupleArity:
		in.ext = newSelectTable(in.args[1].n, in.list, true)
	case beam.OpMakeFun3, beam.OpMakeFun2:
		if n := in.args[0].n; n < 0 || n >= len(l.f.Funs) {
			return l.errorf(nil, "%s: fun %d out of range (%d funs)", in.op, n, len(l.f.Funs))
		}
	case beam.OpAllocate, beam.OpAllocateHeap, beam.OpAllocateZero, beam.OpAllocateHeapZero,
		beam.OpDeallocate, beam.OpTrim, beam.OpCallLast:
		// Frame sizes are kept inline in 16 bits; a frame holds at most
		// maxX Y registers anyway.
		i := 0
		if in.op == beam.OpCallLast {
			i = 2
		}
		if n := in.args[i].n; n < 0 || n > maxX {
			return l.errorf(nil, "%s: frame size %d out of range (at most %d)", in.op, n, maxX)
		}
		if in.op == beam.OpCallLast && (in.args[0].n < 0 || in.args[0].n > maxX) {
			return l.errorf(nil, "%s: arity %d out of range", in.op, in.args[0].n)
		}
	case beam.OpCall, beam.OpCallOnly:
		if n := in.args[0].n; n < 0 || n > maxX {
			return l.errorf(nil, "%s: arity %d out of range", in.op, n)
		}
	case beam.OpFmove, beam.OpFconv, beam.OpFadd, beam.OpFsub, beam.OpFmul, beam.OpFdiv, beam.OpFnegate:
		for _, a := range in.args {
			if a.kind == argFR && a.n >= maxFR {
				return l.errorf(nil, "%s: float register %d out of range", in.op, a.n)
			}
		}
	}
	return err
}

// selectTable maps the values of select_val (or tuple arities of
// select_tuple_arity) to jump targets.
type selectTable struct {
	fail    int
	imm     map[term.Term]int // immediate values (atoms, small integers)
	boxed   []arg             // other constants (floats, bignums), with targets
	targets []int
	// small holds the whole table when it is a few immediates (tuple
	// arities as small integers), searched linearly by the fast loop.
	small []selectCase
}

type selectCase struct {
	v  term.Term
	pc int
}

// maxLinearSelect is the largest table searched linearly: beyond it the
// map is faster.
const maxLinearSelect = 8

func newSelectTable(fail int, pairs []arg, arity bool) *selectTable {
	s := &selectTable{fail: fail, imm: make(map[term.Term]int, len(pairs)/2)}
	for i := 0; i+1 < len(pairs); i += 2 {
		v, target := pairs[i], pairs[i+1].n
		if arity {
			s.imm[term.MakeSmall(int64(v.n))] = target
			continue
		}
		if v.t.IsImmediate() {
			if _, dup := s.imm[v.t]; !dup {
				s.imm[v.t] = target
			}
			continue
		}
		s.boxed = append(s.boxed, v)
		s.targets = append(s.targets, target)
	}
	if len(s.boxed) == 0 && len(s.imm) <= maxLinearSelect {
		for i := 0; i+1 < len(pairs); i += 2 {
			v := pairs[i].t
			if arity {
				v = term.MakeSmall(int64(pairs[i].n))
			}
			if s.imm[v] == pairs[i+1].n { // the first of duplicates wins
				s.small = append(s.small, selectCase{v, pairs[i+1].n})
			}
		}
	}
	return s
}

func (s *selectTable) lookup(h *term.Heap, v term.Term) int {
	if v.IsImmediate() {
		if pc, ok := s.imm[v]; ok {
			return pc
		}
		return s.fail
	}
	for i := range s.boxed {
		if h.ExactEqual(s.boxed[i].t, v) {
			return s.targets[i]
		}
	}
	return s.fail
}

func (s *selectTable) arity(h *term.Heap, v term.Term) int {
	if !h.IsTuple(v) {
		return s.fail
	}
	if pc, ok := s.imm[term.MakeSmall(int64(h.TupleSize(v)))]; ok {
		return pc
	}
	return s.fail
}
