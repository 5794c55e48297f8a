package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// Messages and signals. Messages (copied into a heap fragment by the
// sender), exit signals, 'DOWN' messages and timeouts go through the
// receiver's inbox, in order; the receiver alone takes them out — at the
// start of a slice and when its receive runs out of messages — copies
// messages into its own heap and acts on the signals. Links and monitors
// are instead recorded on both processes at once (attach), so that
// process_info sees them as soon as link/1 or monitor/2 returns, as in OTP
// where later signals cannot overtake them.

type envelopeKind uint8

const (
	envMessage envelopeKind = iota
	envExit                 // exit signal: from, reason; link says whether from a link
	envTimeout              // the receive timer of generation gen fired
	envDown                 // a 'DOWN' message for monitor ref
	envCheck                // does it run module version gen? for code check ref (hotload.go)
)

type envelope struct {
	kind envelopeKind
	from uint64     // sender's process id
	heap *term.Heap // holds t for messages and exit reasons
	t    term.Term  // the message, or the exit reason
	ref  uint64     // monitor reference id; for a message, the alias it was sent to (0: none)
	link bool       // an exit signal caused by a link
	gen  uint64     // timeout generation
}

// fragment copies t from heap src into a new heap of its own, for sending.
func fragment(src *term.Heap, t term.Term) (*term.Heap, term.Term) {
	if t.IsImmediate() || t.IsLiteral() {
		return nil, t
	}
	h := term.NewHeap(src.Size(t))
	return h, h.CopyFrom(src, t)
}

// attach runs f on live process to, under its locks, reporting false when
// to has exited (f did not run).
func (to *Process) attach(f func()) bool {
	to.mbox.Lock()
	defer to.mbox.Unlock()
	if to.state == stateExited {
		return false
	}
	to.infoMu.Lock()
	f()
	to.infoMu.Unlock()
	return true
}

// deliver queues e for process to. It reports false when to has exited;
// then nothing was queued.
func (to *Process) deliver(e envelope) bool {
	to.mbox.Lock()
	defer to.mbox.Unlock()
	if to.state == stateExited {
		return false
	}
	to.inbox = append(to.inbox, e)
	to.wakeLocked()
	return true
}

// sendMessage sends msg (a term of heap h) to process to; messages to dead
// processes vanish, as in Erlang.
func (m *Machine) sendMessage(from uint64, to *Process, h *term.Heap, msg term.Term) {
	fh, ft := fragment(h, msg)
	to.deliver(envelope{kind: envMessage, from: from, heap: fh, t: ft})
}

// takeInbox moves what others sent into the process: messages join the
// message queue, signals are acted on. It reports true when an exit signal
// kills the process (p.outcome is then set).
func (p *Process) handleSignals() bool {
	p.mbox.Lock()
	in := p.inbox
	p.inbox = nil
	p.mbox.Unlock()
	for i := range in {
		e := &in[i]
		switch e.kind {
		case envMessage:
			if e.ref == 0 || p.receiveThroughAlias(e.ref) {
				p.enqueue(e.heap, e.t)
			}
		case envDown:
			if p.endMonitor(e.ref) {
				p.enqueue(e.heap, e.t)
			}
		case envExit:
			if p.exitSignal(e) {
				return true
			}
		case envTimeout:
			if mo := p.more; mo != nil && e.gen == mo.timerGen && mo.timer != nil {
				mo.timer = nil
				p.timedOut = true
			}
		case envCheck:
			if p.answerCodeCheck(e.ref, uint32(e.gen)) {
				return true
			}
		}
	}
	return false
}

// endMonitor ends monitor ref when its 'DOWN' arrives and reports whether
// the monitor was still on: a 'DOWN' sent before demonitor/1 took effect at
// the monitored process is dropped, as demonitor promises.
func (p *Process) endMonitor(ref uint64) bool {
	p.infoMu.Lock()
	_, on := p.rels().monitors[ref]
	p.infoMu.Unlock()
	if on {
		p.setMonitor(ref, monitorEntry{})
		p.monitorEnded(ref)
	}
	return on
}

// enqueue appends a message (held in heap src, or immediate) to the
// message queue, copying it into the process heap.
func (p *Process) enqueue(src *term.Heap, t term.Term) {
	if src != nil {
		t = p.heap.CopyFrom(src, t)
	}
	p.msgs = append(p.msgs, t)
}

// exitSignal acts on an exit signal, reporting whether it kills p.
func (p *Process) exitSignal(e *envelope) bool {
	h := p.heap
	reason := e.t
	if e.heap != nil {
		reason = h.CopyFrom(e.heap, e.t)
	}
	if e.link && !p.hasLink(e.from) {
		return false // the link was removed meanwhile
	}
	if e.link {
		p.setLink(e.from, false)
	}
	switch {
	case !e.link && reason == term.AtomKill:
		p.killedBy(term.AtomKilled)
		return true
	case p.trapExit:
		p.msgs = append(p.msgs, h.Tuple(term.AtomEXIT, term.MakePid(e.from), reason))
		return false
	case reason == term.AtomNormal && e.from != p.id:
		return false
	}
	p.killedBy(reason)
	return true
}

// killedBy ends the process because of an exit signal.
func (p *Process) killedBy(reason term.Term) {
	p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomExit, Reason: reason, Stacktrace: term.Nil, signalled: true}
}

// Receive support for the interpreter.

// nextMessage returns the message at the save position, taking in new
// messages when the queue has been scanned. dead reports that an exit
// signal taken in meanwhile killed the process.
func (p *Process) nextMessage() (msg term.Term, ok, dead bool) {
	if p.save >= len(p.msgs) {
		if p.handleSignals() {
			return term.NoValue, false, true
		}
		if p.save >= len(p.msgs) {
			return term.NoValue, false, false
		}
	}
	return p.msgs[p.save], true, false
}

// removeMessage takes the message at the save position out of the queue
// (it matched) and ends the receive.
func (p *Process) removeMessage() {
	i := p.save
	if i == 0 {
		p.msgs[0] = term.NoValue
		p.msgs = p.msgs[1:]
	} else {
		p.msgs = append(p.msgs[:i], p.msgs[i+1:]...)
	}
	if mo := p.more; mo != nil {
		for k := range mo.markers {
			if mo.markers[k].pos > i {
				mo.markers[k].pos--
			}
		}
	}
	p.save = 0
	p.cancelReceiveTimer()
}

// A receive marker remembers the end of the message queue when a reference
// was made, so that a receive matching only that reference skips every
// older message (the recv_marker_* instructions).
type recvMarker struct {
	ref uint64 // reference id; 0 while reserved but not bound
	pos int
}

func (p *Process) reserveMarker() term.Term {
	p.handleSignalsKeep()
	mo := p.moreState()
	mo.markers = append(mo.markers, recvMarker{pos: len(p.msgs)})
	return term.MakeSmall(int64(len(mo.markers) - 1))
}

// handleSignalsKeep takes in new messages; an exit signal that would kill
// the process stays pending for the next slice.
func (p *Process) handleSignalsKeep() {
	// Not under mbox: taking in a message through a reply_demonitor alias
	// ends a monitor at the other process, under that one's lock.
	p.mbox.Lock()
	in := p.inbox
	p.inbox = nil
	p.mbox.Unlock()
	var keep []envelope
	for _, e := range in {
		switch e.kind {
		case envDown:
			if p.endMonitor(e.ref) {
				p.enqueue(e.heap, e.t)
			}
		case envMessage:
			if e.ref == 0 || p.receiveThroughAlias(e.ref) {
				p.enqueue(e.heap, e.t)
			}
		default:
			keep = append(keep, e)
		}
	}
	if len(keep) > 0 {
		// Ahead of what arrived meanwhile, to keep the order.
		p.mbox.Lock()
		p.inbox = append(keep, p.inbox...)
		p.mbox.Unlock()
	}
}

func (p *Process) bindMarker(marker, ref term.Term) {
	i := int(marker.Small())
	if mo := p.more; mo != nil && i < len(mo.markers) && p.heap.IsRef(ref) {
		mo.markers[i].ref = p.heap.RefID(ref)
	}
}

func (p *Process) useMarker(ref term.Term) {
	mo := p.more
	if mo == nil || !p.heap.IsRef(ref) {
		return
	}
	id := p.heap.RefID(ref)
	for _, mk := range mo.markers {
		if mk.ref == id && mk.pos <= len(p.msgs) {
			p.save = mk.pos
			return
		}
	}
}

func (p *Process) clearMarker(ref term.Term) {
	mo := p.more
	if mo == nil || !p.heap.IsRef(ref) {
		return
	}
	id := p.heap.RefID(ref)
	for i, mk := range mo.markers {
		if mk.ref == id {
			mo.markers = append(mo.markers[:i], mo.markers[i+1:]...)
			return
		}
	}
	// Drop reserved markers that were never bound.
	n := 0
	for _, mk := range mo.markers {
		if mk.ref != 0 {
			mo.markers[n] = mk
			n++
		}
	}
	mo.markers = mo.markers[:n]
}
