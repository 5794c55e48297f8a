package vm

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// maxX is the number of X registers, as in BEAM and AtomVM.
const maxX = 1024

// maxBifArgs is the most arguments a bif instruction passes.
const maxBifArgs = 3

// registers is a worker's register file: the X registers, then room for
// the arguments of bif instructions, so that no process carries them.
type registers [maxX + maxBifArgs]term.Term

// Process is an Erlang process: registers, stack, heap and the state of the
// exception being raised. The interpreter resumes it from (module, pc).
type Process struct {
	m    *Machine
	id   uint64
	heap *term.Heap
	// heapStore holds the heap itself, saving an allocation per process.
	heapStore term.Heap

	x     *registers      // X registers: the worker's register file while running
	fr    *[maxFR]float64 // floating-point registers: the worker's, while running
	stack []term.Term     // frames: [CP, y(n-1) … y(0)], y(0) on top

	// exc is the exception being raised (made on the first raise, then
	// reused): most processes never raise, and a million of them must fit
	// in well under a GiB, so the struct stays out of Process.
	exc      *exception
	curMod   *Module // module of the running instruction
	lastLine int32   // pc of the running instruction, for stacktraces
	liveArgs int32   // X registers holding the arguments of the call being made
	gcLimit  int     // collect when the heap grows past this many words

	reductions uint64    // calls made, as process_info(reductions)
	more       *procMore // state most processes never need; nil until then

	// Mailbox: mbox guards state and inbox, which other processes write.
	mbox  sync.Mutex
	state procState
	// Flags, kept together so that their padding is paid once.
	timedOut     bool // the receive timer fired
	trapExit     bool
	yieldNow     bool  // erlang:yield/0 was called: end the slice at the next call
	hibernating  bool  // in erlang:hibernate/3, waiting for a message
	pendingStart bool  // the initial call is still to be made (startCall)
	prio         uint8 // scheduling priority (sched.go), changed under mbox
	lowSkipped   uint8 // times a low-priority process was passed over, under the run queue's lock

	inbox []envelope
	// The message queue, in the process heap, and the receive in progress.
	msgs []term.Term
	save int // index of the next message a receive looks at

	// Links and monitors. Only the process itself changes them (or its
	// parent, before it first runs), under infoMu, so that process_info
	// from others can read them.
	infoMu   sync.Mutex
	rel      *relations    // nil while it has none
	settings *procSettings // nil while every setting has its default

	// stats are published under mbox at the end of each slice, for
	// process_info from other processes.
	stats procStats

	groupLeader atomic.Uint64 // pid id of the group leader

	initFun                term.Term // initial call: a fun, or
	initM, initF, initArgs term.Term // M:F(Args)

	resume  codePtr     // where run continues
	xsave   []term.Term // live X registers while not running
	outcome *Outcome    // how the process ended
}

// procMore is the state of a process that most processes never need,
// made on first use, so that a million idle processes fit in well under a
// GiB. Only the process itself uses it.
type procMore struct {
	dict     []term.Term  // process dictionary (bif_pdict.go)
	charged  int64        // bytes counted against Options.HeapBudget
	markers  []recvMarker // receive markers (recv_marker_* instructions)
	timer    *time.Timer  // receive ... after
	timerGen uint64
	steps    uint64   // instructions run, counted only under a step limit
	aliases  []uint64 // ids of its active aliases (natives_alias.go)
}

func (p *Process) moreState() *procMore {
	if p.more == nil {
		p.more = &procMore{}
	}
	return p.more
}

// pdict is the process dictionary's table.
func (p *Process) pdict() []term.Term {
	if p.more == nil {
		return nil
	}
	return p.more.dict
}

// procSettings are the process flags few processes change; they live
// apart so that a process that changes none does not carry them.
type procSettings struct {
	maxHeap   maxHeapSetting
	minHeap   int
	priority  term.Term // only reported: every process runs at one priority
	mqd       term.Term // message_queue_data, only reported
	sensitive bool
}

var defaultSettings = procSettings{priority: atomNormalPrio, mqd: atomOnHeap}

// setting returns the process's settings for reading.
func (p *Process) setting() *procSettings {
	if p.settings == nil {
		return &defaultSettings
	}
	return p.settings
}

// changeSettings returns the process's own settings, for changing.
func (p *Process) changeSettings() *procSettings {
	if p.settings == nil {
		s := defaultSettings
		p.settings = &s
	}
	return p.settings
}

// initialHeapWords is a new process's heap: small, since most processes
// hold little, and a million of them must fit in well under a GiB. It
// grows by doubling as needed.
const initialHeapWords = 16

// relations are a process's links and monitors, made on first use: most
// processes have none.
type relations struct {
	links       map[uint64]bool         // linked process ids
	monitors    map[uint64]monitorEntry // monitor ref id → monitored process
	monitoredBy map[uint64]monitorEntry // monitor ref id → monitoring process
}

// noRelations stands for the relations of a process without any; its nil
// maps read as empty, and deleting from them does nothing.
var noRelations relations

// rels returns p's relations for reading and deleting. Callers hold infoMu.
func (p *Process) rels() *relations {
	if p.rel == nil {
		return &noRelations
	}
	return p.rel
}

// relsToAdd returns p's relations for adding to. Callers hold infoMu.
func (p *Process) relsToAdd() *relations {
	if p.rel == nil {
		p.rel = &relations{}
	}
	return p.rel
}

func (p *Process) addLinkLocked(id uint64) {
	r := p.relsToAdd()
	if r.links == nil {
		r.links = map[uint64]bool{}
	}
	r.links[id] = true
}

func (p *Process) addMonitoredByLocked(ref uint64, e monitorEntry) {
	r := p.relsToAdd()
	if r.monitoredBy == nil {
		r.monitoredBy = map[uint64]monitorEntry{}
	}
	r.monitoredBy[ref] = e
}

func (p *Process) hasLink(id uint64) bool {
	p.infoMu.Lock()
	defer p.infoMu.Unlock()
	return p.rels().links[id]
}

func (p *Process) setLink(id uint64, on bool) {
	p.infoMu.Lock()
	if on {
		p.addLinkLocked(id)
	} else {
		delete(p.rels().links, id)
	}
	p.infoMu.Unlock()
}

// monitorEntry is the other end of a monitor: a process, and the name it
// was monitored by (NoValue when monitored by pid).
type monitorEntry struct {
	pid  uint64
	name term.Term
}

// setMonitor records (e.pid != 0) or forgets a monitor p holds.
func (p *Process) setMonitor(ref uint64, e monitorEntry) {
	p.infoMu.Lock()
	if e.pid != 0 {
		r := p.relsToAdd()
		if r.monitors == nil {
			r.monitors = map[uint64]monitorEntry{}
		}
		r.monitors[ref] = e
	} else {
		delete(p.rels().monitors, ref)
	}
	p.infoMu.Unlock()
}

type procStats struct {
	reductions        uint64
	heap, stack, msgs int32
	trapExit          bool
}

// publishStats makes the process's figures readable by others.
func (p *Process) publishStats() {
	p.mbox.Lock()
	p.stats = procStats{heap: int32(p.heap.Used()), stack: int32(len(p.stack)), msgs: int32(len(p.msgs)),
		reductions: p.reductions, trapExit: p.trapExit}
	p.mbox.Unlock()
}

// where names the running instruction, for internal error reports.
func (p *Process) where() string {
	if p.curMod == nil {
		return "start"
	}
	s := fmt.Sprintf("%s pc %d", p.curMod.Name(), p.lastLine)
	if f, ok := p.curMod.funcAt(int(p.lastLine)); ok {
		s += fmt.Sprintf(" (%s/%d, %s)", term.AtomName(f.name), f.arity, opName(p.curMod.code[p.lastLine].op))
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
	p := &Process{
		prio:    prioNormal,
		m:       m,
		id:      id,
		gcLimit: 1024,
		initFun: term.NoValue,
	}
	p.heapStore.Init(initialHeapWords)
	p.heap = &p.heapStore
	return p
}

// Heap is the process heap, where natives build their results.
func (p *Process) Heap() *term.Heap { return p.heap }

// Pid is the process's pid term.
func (p *Process) Pid() term.Term { return term.MakePid(p.id) }

// Machine is the VM the process runs in.
func (p *Process) Machine() *Machine { return p.m }

// Raise records an exception of class error, exit or throw and returns
// term.NoValue, so natives can write `return p.Raise(...)`.
func (p *Process) Raise(class, reason term.Term) term.Term {
	p.setExc(exception{class: class, reason: reason})
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
//
// It reports false when the heap, even after collection, is larger than the
// process's max_heap_size: the process is then killed, as in OTP.
func (p *Process) maybeGC(live int) bool {
	if p.heap.Used() < p.gcLimit {
		return true
	}
	p.heap.Collect(0, p.x[:live], p.stack, p.pdict(), p.msgs)
	u := p.heap.Used()
	if u*2 > p.gcLimit {
		p.gcLimit = u * 2
	}
	if mh := p.setting().maxHeap; mh.size > 0 && mh.kill && u+len(p.stack) > mh.size {
		p.killedBy(term.AtomKilled)
		return false
	}
	if p.m.opts.HeapBudget > 0 {
		return p.chargeHeap()
	}
	return true
}

// setExc records the exception being raised.
func (p *Process) setExc(e exception) {
	if p.exc == nil {
		p.exc = new(exception)
	}
	*p.exc = e
}
