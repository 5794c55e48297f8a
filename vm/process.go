package vm

import (
	"fmt"

	"github.com/avmtool/avm/vm/term"
)

// maxX is the number of X registers, as in BEAM and AtomVM.
const maxX = 1024

// Process is an Erlang process: registers, stack, heap and the state of the
// exception being raised. The interpreter resumes it from (module, pc).
type Process struct {
	m    *Machine
	id   uint64
	pid  term.Term
	heap *term.Heap

	x     []term.Term // X registers; the scheduler's register file while running
	fr    []float64   // floating-point registers
	stack []term.Term // frames: [CP, y(n-1) … y(0)], y(0) on top
	cp    codePtr     // continuation of the running function
	dict  []term.Term // process dictionary: alternating keys and values

	// The exception being raised: class, reason and the stacktrace built
	// when it was raised (a list term), with the native frame that failed.
	exc      exception
	gcLimit  int     // collect when the heap grows past this many words
	lastLine int     // pc of the running instruction, for stacktraces
	curMod   *Module // module of the running instruction

	reductions uint64 // calls made, as process_info(reductions)

	scratch [3]term.Term // arguments of bif instructions, without allocating
}

// where names the running instruction, for internal error reports.
func (p *Process) where() string {
	if p.curMod == nil {
		return "start"
	}
	s := fmt.Sprintf("%s pc %d", p.curMod.Name(), p.lastLine)
	if f, ok := p.curMod.funcAt(p.lastLine); ok {
		s += fmt.Sprintf(" (%s/%d, %s)", term.AtomName(f.name), f.arity, p.curMod.code[p.lastLine].op)
	}
	return s
}

type exception struct {
	class, reason term.Term
	trace         term.Term
	// argsFrame, when set, is the failing native or function_clause frame
	// {M, F, Args} that heads the stacktrace.
	frameM, frameF term.Term
	frameArgs      []term.Term
	hasFrame       bool
	// replacesCurrent: frameArgs are the current function's own arguments
	// (function_clause, erlang:error/2), shown in its frame instead of its arity.
	replacesCurrent bool
}

// codePtr is a position in loaded code.
type codePtr struct {
	mod *Module
	pc  int
}

func newProcess(m *Machine) *Process {
	id := m.nextPid.Add(1)
	return &Process{
		m:       m,
		id:      id,
		pid:     term.MakePid(id),
		heap:    term.NewHeap(256),
		x:       make([]term.Term, maxX),
		fr:      make([]float64, maxFR),
		gcLimit: 4096,
	}
}

// Heap is the process heap, where natives build their results.
func (p *Process) Heap() *term.Heap { return p.heap }

// Pid is the process's pid term.
func (p *Process) Pid() term.Term { return p.pid }

// Machine is the VM the process runs in.
func (p *Process) Machine() *Machine { return p.m }

// Raise records an exception of class error, exit or throw and returns
// term.NoValue, so natives can write `return p.Raise(...)`.
func (p *Process) Raise(class, reason term.Term) term.Term {
	p.exc = exception{class: class, reason: reason}
	return term.NoValue
}

// Error raises an error exception with the given reason.
func (p *Process) Error(reason term.Term) term.Term { return p.Raise(term.AtomError, reason) }

// Badarg raises error:badarg.
func (p *Process) Badarg() term.Term { return p.Error(term.AtomBadarg) }

// Badarith raises error:badarith.
func (p *Process) Badarith() term.Term { return p.Error(term.AtomBadarith) }

// ErrorTuple raises error:{Tag, Value}.
func (p *Process) ErrorTuple(tag, v term.Term) term.Term {
	return p.Error(p.heap.Tuple(tag, v))
}

// SystemLimit raises error:system_limit.
func (p *Process) SystemLimit() term.Term { return p.Error(term.AtomSystemLimit) }

// y returns the address of Y register i of the current frame.
func (p *Process) y(i int) *term.Term { return &p.stack[len(p.stack)-1-i] }

// maybeGC collects the heap when it has grown past the limit; live is the
// number of X registers in use. Only the interpreter calls it, between
// instructions, when every root is in the registers, stack or dictionary.
func (p *Process) maybeGC(live int) {
	if p.heap.Used() < p.gcLimit {
		return
	}
	p.heap.Collect(0, p.x[:live], p.stack, p.dict)
	if u := p.heap.Used(); u*2 > p.gcLimit {
		p.gcLimit = u * 2
	}
}
