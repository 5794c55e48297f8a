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

	// runBudget, when set, ends a process after this many reductions
	// (tests and fuzzing of code that may not terminate).
	runBudget uint64
}

// New returns a Machine with nothing loaded.
func New(opts Options) *Machine {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	return &Machine{opts: opts, byName: map[term.Term]*Module{}, exports: map[mfa]*export{}}
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

// ensureLoaded loads module name through Options.Load if it is not loaded.
func (m *Machine) ensureLoaded(name term.Term) (*Module, error) {
	m.mu.RLock()
	mod := m.byName[name]
	m.mu.RUnlock()
	if mod != nil {
		return mod, nil
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
}

// Crashed reports whether the call ended with an uncaught exception.
func (o *Outcome) Crashed() bool { return o.Value == term.NoValue }

// Run calls module:function() in a new process and runs it to completion.
func (m *Machine) Run(module, function string, args ...term.Term) (*Outcome, error) {
	mod, err := m.ensureLoaded(term.Atom(module))
	if err != nil {
		return nil, fmt.Errorf("module %s: %w", module, err)
	}
	pc, ok := mod.exported(term.Atom(function), len(args))
	if !ok {
		return nil, fmt.Errorf("module %s does not export %s/%d", module, function, len(args))
	}
	p := newProcess(m)
	copy(p.x, args)
	return p.execute(codePtr{mod, pc}), nil
}
