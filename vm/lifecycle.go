package vm

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// Process lifecycle: spawning, the initial call, exiting and the signals an
// exit sends to linked and monitoring processes.

// spawnSpec is what a new process starts with.
type spawnSpec struct {
	fun           term.Term // a fun of arity 0, or NoValue
	m, f          term.Term // or M:F(Args)
	args          term.Term
	link, monitor bool
	minHeap       int
	maxHeap       maxHeapSetting
	priority, mqd term.Term
}

// spawn creates a process running spec, with the terms of spec living in
// heap src; parent may be nil. It returns the process and, when
// spec.monitor, the monitor reference id.
func (m *Machine) spawn(parent *Process, src *term.Heap, spec spawnSpec) (*Process, uint64) {
	p := m.newProcess()
	h := p.heap
	if spec.minHeap > 0 {
		h.Reserve(spec.minHeap)
		p.changeSettings().minHeap = spec.minHeap
	}
	if spec.maxHeap != (maxHeapSetting{}) {
		p.changeSettings().maxHeap = spec.maxHeap
	}
	if spec.priority != 0 {
		p.changeSettings().priority = spec.priority
		p.prio = prioLevel(spec.priority)
	}
	if spec.mqd != 0 {
		p.changeSettings().mqd = spec.mqd
	}
	if spec.fun != term.NoValue {
		p.initFun = h.CopyFrom(src, spec.fun)
	} else {
		p.initM, p.initF = spec.m, spec.f
		p.initArgs = h.CopyFrom(src, spec.args)
	}
	p.pendingStart = true
	p.stack = append(p.stack[:0], term.MakeCP(topCP))
	var ref uint64
	if parent != nil {
		p.groupLeader.Store(parent.groupLeader.Load())
		if spec.link {
			parent.setLink(p.id, true)
			p.setLink(parent.id, true)
		}
		if spec.monitor {
			ref = m.nextRef.Add(1)
			parent.setMonitor(ref, monitorEntry{p.id, term.NoValue})
			p.addMonitoredByLocked(ref, monitorEntry{parent.id, term.NoValue})
		}
	}
	m.rq.push(p)
	return p, ref
}

// newProcess makes a process and enters it in the process table.
func (m *Machine) newProcess() *Process {
	p := newProcess(m)
	m.procMu.Lock()
	m.procs[p.id] = p
	m.procMu.Unlock()
	return p
}

// process finds a live process by id.
func (m *Machine) process(id uint64) *Process {
	m.procMu.RLock()
	defer m.procMu.RUnlock()
	return m.procs[id]
}

// startCall makes the initial call of a spawned process. It reports false
// when that raised (p.exc is set).
func (p *Process) startCall() bool {
	h := p.heap
	if p.initFun != term.NoValue {
		target, r, ok := p.invokeFun(p.initFun, 0)
		return p.startAt(target, r, ok)
	}
	args, ok := h.ListToSlice(p.initArgs)
	if !ok || len(args) >= maxX-1 {
		p.Badarg()
		return false
	}
	copy(p.x[:], args)
	target, r, ok := p.invoke(p.m.exportEntry(mfa{p.initM, p.initF, len(args)}), len(args))
	return p.startAt(target, r, ok)
}

// startAt records where the initial call continues; a native initial
// call has already finished.
func (p *Process) startAt(target codePtr, r term.Term, ok bool) bool {
	if !ok {
		return false
	}
	if r != term.NoValue {
		// A native did the whole job: return its value from the top frame.
		p.x[0] = r
		p.resume = codePtr{returnModule(p.m), 0}
		return true
	}
	p.resume = target
	return true
}

// exitReason is the reason a finished process exits with.
func (o *Outcome) exitReason() term.Term {
	h := o.Heap
	switch {
	case o.Value != term.NoValue:
		return term.AtomNormal
	case o.Class == term.AtomExit:
		return o.Reason
	case o.Class == term.AtomThrow:
		return h.Tuple(h.Tuple(term.Atom("nocatch"), o.Reason), o.Stacktrace)
	}
	return h.Tuple(o.Reason, o.Stacktrace)
}

// exit ends the process: it leaves the process table, its name is freed,
// linked processes get exit signals and monitoring ones 'DOWN' messages.
func (p *Process) exit() {
	m := p.m
	p.mbox.Lock()
	p.state = stateExited
	p.inbox = nil
	p.mbox.Unlock()
	p.cancelReceiveTimer()
	p.dropAliases()
	if mo := p.more; mo != nil && mo.charged != 0 {
		m.heapCharged.Add(-mo.charged)
	}

	m.procMu.Lock()
	delete(m.procs, p.id)
	for name, q := range m.names {
		if q == p {
			delete(m.names, name)
		}
	}
	m.procMu.Unlock()
	m.net.closeOwnedBy(p.id) // after leaving the table, so that no socket can join it later
	m.files.closeOwnedBy(p.id)
	m.ets.ownerExited(m, p.id)

	h := p.heap
	reason := p.outcome.exitReason()
	// No link or monitor can be added now that it has exited.
	p.infoMu.Lock()
	r := p.rels()
	links, monitoredBy, monitors := r.links, r.monitoredBy, r.monitors
	p.rel = nil
	p.infoMu.Unlock()
	for id := range links {
		if to := m.process(id); to != nil {
			fh, ft := fragment(h, reason)
			to.deliver(envelope{kind: envExit, from: p.id, heap: fh, t: ft, link: true})
		}
	}
	for ref, watcher := range monitoredBy {
		if to := m.process(watcher.pid); to != nil {
			who := p.Pid()
			if watcher.name != term.NoValue {
				who = h.Tuple(watcher.name, term.AtomNonode)
			}
			down := h.Tuple(term.AtomDOWN, h.Ref(ref), term.AtomProcess, who, reason)
			fh, ft := fragment(h, down)
			to.deliver(envelope{kind: envDown, from: p.id, ref: ref, heap: fh, t: ft})
		}
	}
	for ref, target := range monitors {
		if to := m.process(target.pid); to != nil {
			to.attach(func() { delete(to.rels().monitoredBy, ref) })
		}
	}
	main := p == m.main
	if !main && p.outcome.Crashed() && !p.outcome.signalled && p.outcome.Class != term.AtomExit {
		m.crashReport(p)
	}
	if main {
		close(m.mainDone)
	}
}

// crashReport tells about a spawned process that died of an exception.
func (m *Machine) crashReport(p *Process) {
	o := p.outcome
	h := o.Heap
	call := "fun"
	if p.initFun == term.NoValue {
		n := h.ListLen(p.initArgs)
		call = fmt.Sprintf("%s:%s/%d", h.Format(p.initM), h.Format(p.initF), n)
	}
	m.errMu.Lock()
	defer m.errMu.Unlock()
	fmt.Fprintf(m.opts.Stderr, "=CRASH REPORT==== process %s (initial call %s) exited: %s:%s\n",
		h.Format(p.Pid()), call, h.Format(o.Class), h.FormatPrintable(o.Reason))
	if banner, ok := elixirExceptionBanner(h, o.Class, o.Reason); ok {
		fmt.Fprintln(m.opts.Stderr, banner)
	}
	writeStacktrace(m.opts.Stderr, h, o.Stacktrace)
}

// writeStacktrace prints a stacktrace one frame a line.
func writeStacktrace(w io.Writer, h *term.Heap, st term.Term) {
	frames, _ := h.ListToSlice(st)
	for _, fr := range frames {
		fmt.Fprintf(w, "    %s\n", h.FormatPrintable(fr))
	}
}

// Receive timers.

// startReceiveTimer arranges for the receive to time out after ms.
func (p *Process) startReceiveTimer(ms int64) {
	mo := p.moreState()
	mo.timerGen++
	gen := mo.timerGen
	mo.timer = time.AfterFunc(p.m.timers.real(time.Duration(ms)*time.Millisecond), func() {
		p.deliver(envelope{kind: envTimeout, gen: gen})
	})
}

func (p *Process) receiveTimerRunning() bool { return p.more != nil && p.more.timer != nil }

func (p *Process) cancelReceiveTimer() {
	if mo := p.more; mo != nil && mo.timer != nil {
		mo.timer.Stop()
		mo.timer = nil
		mo.timerGen++
	}
	p.timedOut = false
}

// returnModule is a tiny module whose code is a single return, where a
// process whose initial call was a native resumes to finish.
func returnModule(m *Machine) *Module {
	returnOnce.Do(func() {
		returnMod = &Module{name: term.Atom("$avm_return"), code: []instr{{op: beam.OpReturn}}}
		registerModule(returnMod)
	})
	return returnMod
}

var (
	returnOnce sync.Once
	returnMod  *Module
)
