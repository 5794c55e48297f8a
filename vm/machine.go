package vm

import (
	"errors"
	"fmt"
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

	archives archives // .avm archives to load modules and priv files from (archives.go)

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
	return &Machine{opts: opts, byName: map[term.Term]*Module{}, exports: map[mfa]*export{},
		procs: map[uint64]*Process{}, names: map[term.Term]*Process{}}
}

// export is a function other modules can call: a native, or an exported
// Erlang function once its module is loaded. Call sites hold *export and
// read it each time, so loading a module later binds them.
type export struct {
	mfa    mfa
	native *Native
	mod    *Module // nil until loaded
	pc     int
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
	<-m.mainDone
	m.rq.stop()
	wg.Wait()
	m.stopAll()
	return p.outcome, nil
}

// stopAll ends every process still alive when Run returns, silently, and
// cancels all timers.
func (m *Machine) stopAll() {
	m.timers.stopAll()
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
