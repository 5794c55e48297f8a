package vm

import (
	"errors"
	"fmt"
	"github.com/avmtool/avm/vm/device"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"github.com/avmtool/avm/vm/term"
)

// Options configure a Machine. The zero value is usable.
type Options struct {
	// Stdout receives program output (erlang:display/1, io); default os.Stdout.
	Stdout io.Writer
	// Stderr receives crash reports of processes; default os.Stderr.
	Stderr io.Writer
	// Stdin is what io:get_line and io:get_chars read; default os.Stdin.
	Stdin io.Reader
	// Board is what the device natives (gpio, i2c, uart, esp…) drive: a
	// simulated board and its target profile; default a generic_unix board.
	Board *device.Board
	// WokeFrom says why this run started: after a power-on (the zero
	// value), a deep sleep or a restart (esp:reset_reason/0).
	WokeFrom ResetReason
	// Unavailable, when set, judges the calls of the app's own modules (not
	// the bundled library's) against a target's real AtomVM: it returns ""
	// for a function the target has, else a hint. Calls it rejects raise
	// undef, and Machine.Hint gives the hint.
	Unavailable func(module, function string, arity int) string
	// IntBits limits integer results as a device's AtomVM does (64: signed
	// 64-bit, AtomVM 0.6; 256: AtomVM 0.7): larger ones raise overflow.
	// 0: no limit but OTP's.
	IntBits int
	// HeapBudget, in bytes, is the memory a device has for processes
	// (counting WordSize bytes a word): a process whose collection finds
	// the total over it dies with out_of_memory, as on the device. 0: none.
	HeapBudget int
	WordSize   int
	// Schedulers is how many processes run in parallel; default: one per CPU.
	// One gives a deterministic order, for tests.
	Schedulers int
	// Load returns the BEAM bytes of a module that is called but not
	// loaded; it returns an error wrapping fs.ErrNotExist when there is none.
	Load func(module string) ([]byte, error)
}

// Machine is one VM instance: loaded modules, the export table and the
// processes that run in it.
type Machine struct {
	opts Options

	mu      sync.RWMutex
	byName  map[term.Term]*Module
	exports map[mfa]*export
	oldCode map[term.Term]*Module // old versions of reloaded modules (hotload.go)

	nextPid atomic.Uint64
	nextRef atomic.Uint64

	procMu sync.RWMutex
	procs  map[uint64]*Process    // live processes
	names  map[term.Term]*Process // registered names
	rq     *runQueue
	// main is the process Run started; Run returns when mainDone closes.
	main     *Process
	mainDone chan struct{}
	errMu    sync.Mutex // one crash report at a time
	timers   timerTable
	net      netTable // sockets (natives_net.go)

	archives archives // .avm archives to load modules and priv files from (archives.go)

	boardOnce sync.Once
	// halted closes when a native ends the whole run (deep sleep, restart);
	// stopping closes when the run ends, for goroutines natives started.
	halted   chan struct{}
	haltOnce sync.Once
	reset    atomic.Pointer[Reset] // set by halt; Run may read it while a late halt comes
	stopping chan struct{}
	stopOnce sync.Once
	hints    sync.Map // mfa → hint, for calls Options.Unavailable rejected
	// deviceErrors are the device failures already reported (natives_device.go).
	deviceErrors sync.Map
	// loadErrors are the modules whose loading failed, already reported
	// (interp.go: bind).
	loadErrors sync.Map
	// heapCharged is what processes hold against Options.HeapBudget.
	heapCharged atomic.Int64
	console     console         // io state of stdin, stdout and stderr (natives_io.go)
	pterms      persistentTerms // persistent_term storage (natives_persistent_term.go)
	appEnv      persistentTerms // application environment (natives_application.go)
	ets         etsTables       // ets tables (natives_ets.go)
	atomics     atomicsTable    // atomics and counters arrays (natives_atomics.go)
	aliases     aliasTable      // active process aliases (natives_alias.go)
	files       fileTable       // open files, by handle (natives_file_io.go)

	// stepLimit, when set, ends a process after this many instructions
	// (tests and fuzzing of code that may not terminate).
	stepLimit uint64
}

// New returns a Machine with nothing loaded.
func New(opts Options) *Machine {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	return &Machine{opts: opts, byName: map[term.Term]*Module{}, exports: map[mfa]*export{},
		procs: map[uint64]*Process{}, names: map[term.Term]*Process{},
		halted: make(chan struct{}), stopping: make(chan struct{}), timers: timerTable{scale: scaleOf(opts.Board)}}
}

// export is a function other modules can call: a native, or an exported
// Erlang function once its module is loaded. Call sites hold *export and
// read it each time, so loading a module later binds them.
type export struct {
	mfa    mfa
	native *Native
	// bound is where the function's code is: nil until its module is
	// loaded. Loading stores it while other processes may be calling
	// through the export, hence atomic.
	bound atomic.Pointer[codePtr]
}

// exportEntry returns the (possibly still unbound) export of M:F/A.
func (m *Machine) exportEntry(k mfa) *export {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.exportEntryLocked(k)
}

func (m *Machine) exportEntryLocked(k mfa) *export {
	e := m.exports[k]
	if e == nil {
		e = &export{mfa: k, native: lookupNative(k.m, k.f, k.a)}
		if e.native == nil {
			e.native = m.preloadedNative(k)
		}
		m.exports[k] = e
	}
	return e
}

// Module returns a loaded module by name.
func (m *Machine) Module(name string) (*Module, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	mod, ok := m.byName[term.Atom(name)]
	return mod, ok
}

// ensureLoaded loads module name, if it is not loaded, from the archives,
// else from the bundled standard library, else through Options.Load.
func (m *Machine) ensureLoaded(name term.Term) (*Module, error) {
	m.mu.RLock()
	mod := m.byName[name]
	m.mu.RUnlock()
	if mod != nil {
		return mod, nil
	}
	if mod, found, err := m.loadFromArchive(term.AtomName(name)); found {
		return mod, err
	}
	if mod, found, err := m.loadFromStdlib(term.AtomName(name)); found {
		return mod, err
	}
	if m.opts.Load == nil {
		return nil, errNoModule
	}
	data, err := m.opts.Load(term.AtomName(name))
	if err != nil {
		return nil, err
	}
	return m.Load(term.AtomName(name)+".beam", data)
}

var errNoModule = errors.New("module not found")

// Outcome is how a call into the VM ended: a value, or an exception.
type Outcome struct {
	Heap                      *term.Heap
	Value                     term.Term // NoValue when an exception escaped
	Class, Reason, Stacktrace term.Term
	// Panic describes an internal error of the VM (a bug), with its Go stack.
	Panic string
	// Reset is set when the app ended the run by resetting the board
	// (esp:deep_sleep/1, esp:restart/0): the caller starts it again.
	Reset *Reset

	signalled bool // ended by an exit signal, not by its own exception
}

// Crashed reports whether the call ended with an uncaught exception.
func (o *Outcome) Crashed() bool { return o.Value == term.NoValue }

// Run calls module:function(args…) in a new process and runs every process
// until that one finishes, as AtomVM ends when start/0 returns; processes
// still running then are stopped. args must be immediates.
func (m *Machine) Run(module, function string, args ...term.Term) (*Outcome, error) {
	mod, err := m.ensureLoaded(term.Atom(module))
	if err != nil {
		return nil, fmt.Errorf("module %s: %w", module, err)
	}
	pc, ok := mod.exported(term.Atom(function), len(args))
	if !ok {
		return nil, fmt.Errorf("module %s does not export %s/%d", module, function, len(args))
	}
	if isElixirModule(module) && len(args) == 0 {
		m.startElixir()
		if mod, pc, args, err = m.elixirBoot(module, function); err != nil {
			return nil, err
		}
	}
	m.rq = newRunQueue()
	var wg sync.WaitGroup
	for i := 0; i < m.schedulers(); i++ {
		wg.Add(1)
		go m.worker(m.rq, &wg)
	}
	p := m.newProcess()
	p.groupLeader.Store(p.id)
	m.main, m.mainDone = p, make(chan struct{})
	p.resume = codePtr{mod, pc}
	p.stack = append(p.stack[:0], term.MakeCP(topCP))
	p.xsave = append(p.xsave[:0], args...)
	m.rq.push(p)
	select {
	case <-m.mainDone:
	case <-m.halted:
	}
	m.rq.stop()
	wg.Wait()
	m.stopAll()
	if r := m.reset.Load(); r != nil {
		return &Outcome{Heap: p.heap, Value: term.NoValue, Reset: r}, nil
	}
	return p.outcome, nil
}

// stopAll ends every process still alive when Run returns, silently, and
// cancels all timers.
func (m *Machine) stopAll() {
	m.stopOnce.Do(func() { close(m.stopping) })
	m.timers.stopAll()
	m.net.closeAll()
	m.files.closeAll()
	m.procMu.Lock()
	procs := m.procs
	m.procs = map[uint64]*Process{}
	m.names = map[term.Term]*Process{}
	m.procMu.Unlock()
	for _, p := range procs {
		p.mbox.Lock()
		p.state = stateExited
		p.inbox = nil
		p.mbox.Unlock()
		p.cancelReceiveTimer()
	}
}
