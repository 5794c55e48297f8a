package vm

import (
	"fmt"
	"strings"
	"time"

	"github.com/avmtool/avm/vm/device"
	"github.com/avmtool/avm/vm/term"
)

// ResetReason says why a run ended with a reset of the board, or why a run
// started (Options.WokeFrom).
type ResetReason uint8

const (
	ResetNone      ResetReason = iota
	ResetDeepSleep             // esp:deep_sleep/1: start again after Sleep
	ResetSoftware              // esp:restart/0: start again now
	ResetStopped               // Machine.Halt: the run was stopped from outside
	ResetHalted                // erlang:halt/0,1,2: the app ended the run, with Status
)

// Reset is how a run ended when the app reset the board, or halted.
type Reset struct {
	Reason ResetReason
	Sleep  time.Duration // board time to sleep before starting again; < 0: forever
	// Status is the exit status erlang:halt gave (ResetHalted).
	Status int
}

// halt ends the run from a native: Run stops every process and returns
// an Outcome with Reset set. Only the first halt counts.
func (m *Machine) halt(r Reset) {
	m.haltOnce.Do(func() {
		m.reset.Store(&r)
		close(m.halted)
	})
}

// Halt ends a run from outside the VM (a tool that watches it), at once
// and even before its first process runs: Run stops every process and
// returns an Outcome whose Reset says ResetStopped.
func (m *Machine) Halt() { m.halt(Reset{Reason: ResetStopped}) }

// warnf tells the user about a problem outside any process's control (a
// storage file that cannot be written), on stderr.
func (m *Machine) warnf(format string, args ...any) {
	m.errMu.Lock()
	defer m.errMu.Unlock()
	fmt.Fprintf(m.opts.Stderr, "avm: "+format+"\n", args...)
}

// Hint explains an undef that the target profile caused (Options.Unavailable),
// or returns "" when the outcome's undef is not one.
func (m *Machine) Hint(o *Outcome) string {
	if o == nil || o.Reason != term.AtomUndef {
		return ""
	}
	frames, _ := o.Heap.ListToSlice(o.Stacktrace)
	if len(frames) == 0 || !o.Heap.IsTuple(frames[0]) {
		return ""
	}
	e := o.Heap.TupleElems(frames[0])
	if len(e) < 3 {
		return ""
	}
	arity, ok := o.Heap.Int64(e[2])
	if !ok {
		n := o.Heap.ListLen(e[2])
		if n < 0 {
			return ""
		}
		arity = int64(n)
	}
	if h, ok := m.hints.Load(mfa{e[0], e[1], int(arity)}); ok {
		return h.(string)
	}
	return ""
}

// bundledPrefix starts the load name of modules of the bundled stdlib.
const bundledPrefix = "stdlib.avm:"

// importEntry is the export an import of the module being loaded calls.
// Under a target profile (Options.Unavailable), an app module's import of a
// function the target's AtomVM lacks gets an export of its own that never
// binds, so the call raises undef as it would on the device; the bundled
// library's own calls are not judged.
func (l *loader) importEntry(k mfa) *export {
	judge := l.m.opts.Unavailable
	if judge == nil || strings.HasPrefix(l.name, bundledPrefix) {
		return l.m.exportEntry(k)
	}
	if hint := judge(term.AtomName(k.m), term.AtomName(k.f), k.a); hint != "" {
		l.m.hints.Store(k, hint)
		return &export{mfa: k}
	}
	return l.m.exportEntry(k)
}

// scaleOf is the time scale of a board (1 without one).
func scaleOf(b *device.Board) float64 {
	if b == nil {
		return 1
	}
	return b.Scale()
}

var atomOutOfMemory = term.Atom("out_of_memory")

// chargeHeap counts the process's heap and stack against the device's
// budget after a collection; over it, the process dies with out_of_memory
// (and a crash report), as an allocation failing on the device would end it.
func (p *Process) chargeHeap() bool {
	m := p.m
	ws := int64(m.opts.WordSize)
	if ws == 0 {
		ws = 8
	}
	mo := p.moreState()
	now := int64(p.heap.Cap()+cap(p.stack)) * ws
	total := m.heapCharged.Add(now - mo.charged)
	mo.charged = now
	if total <= int64(m.opts.HeapBudget) {
		return true
	}
	p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomError, Reason: atomOutOfMemory, Stacktrace: term.Nil}
	return false
}
