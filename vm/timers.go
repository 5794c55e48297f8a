package vm

import (
	"math"
	"sync"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// Timers of erlang:send_after/3,4 and start_timer/3,4: each is a Go
// runtime timer (the runtime keeps them in a heap) that sends its message
// when it fires; the table finds them by reference for cancel and read.
// Times are on the board's clock, which --time-scale speeds up: timers
// take their duration divided by the scale, and report what is left
// multiplied by it.

type timerTable struct {
	mu     sync.Mutex
	timers map[uint64]*vmTimer
	scale  float64 // board time per real time; 0 means 1
}

// real converts a duration on the board's clock to real time.
func (tt *timerTable) real(d time.Duration) time.Duration {
	if tt.scale <= 0 || tt.scale == 1 {
		return d
	}
	return time.Duration(float64(d) / tt.scale)
}

// left is the board milliseconds until deadline.
func (tt *timerTable) left(deadline time.Time) int64 {
	ms := msLeft(deadline)
	if tt.scale > 0 && tt.scale != 1 {
		ms = int64(float64(ms) * tt.scale)
	}
	return ms
}

type vmTimer struct {
	t        *time.Timer
	deadline time.Time
}

func (tt *timerTable) add(id uint64, d time.Duration, fire func()) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if tt.timers == nil {
		tt.timers = map[uint64]*vmTimer{}
	}
	d = tt.real(d)
	vt := &vmTimer{deadline: time.Now().Add(d)}
	vt.t = time.AfterFunc(d, func() {
		tt.mu.Lock()
		_, live := tt.timers[id]
		delete(tt.timers, id)
		tt.mu.Unlock()
		if live {
			fire()
		}
	})
	tt.timers[id] = vt
}

// cancel stops a timer, returning the milliseconds it had left; ok is
// false when it already fired or never existed.
func (tt *timerTable) cancel(id uint64) (left int64, ok bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	vt, ok := tt.timers[id]
	if !ok {
		return 0, false
	}
	delete(tt.timers, id)
	vt.t.Stop()
	return tt.left(vt.deadline), true
}

// read returns the milliseconds a timer has left.
func (tt *timerTable) read(id uint64) (int64, bool) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	vt, ok := tt.timers[id]
	if !ok {
		return 0, false
	}
	return tt.left(vt.deadline), true
}

func (tt *timerTable) stopAll() {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for id, vt := range tt.timers {
		vt.t.Stop()
		delete(tt.timers, id)
	}
}

// maxTimerMs is the longest timer: what a time.Duration holds (OTP's limit
// is within a few seconds of it; beyond, send_after raises badarg and
// receive ... after raises timeout_value, as here).
const maxTimerMs = math.MaxInt64 / int64(time.Millisecond)

func msLeft(deadline time.Time) int64 {
	d := time.Until(deadline)
	if d < 0 {
		return 0
	}
	return int64((d + time.Millisecond - 1) / time.Millisecond)
}

// startTimer is send_after (wrap = false) and start_timer (wrap = true):
// after ms, send msg (or {timeout, Ref, Msg}) to dest, a pid or a name.
func (p *Process) startTimer(args []term.Term, wrap bool) term.Term {
	h := p.heap
	ms, dest, msg := args[0], args[1], args[2]
	if !ms.IsSmall() || ms.Small() < 0 || ms.Small() > maxTimerMs || !(dest.IsPid() || dest.IsAtom()) {
		return p.Badarg()
	}
	id := p.m.nextRef.Add(1)
	ref := h.Ref(id)
	if wrap {
		msg = h.Tuple(term.Atom("timeout"), ref, msg)
	}
	fh, ft := fragment(h, msg)
	m := p.m
	from := p.id
	m.timers.add(id, time.Duration(ms.Small())*time.Millisecond, func() {
		var to *Process
		if dest.IsPid() {
			to = m.process(dest.PidID())
		} else {
			m.procMu.RLock()
			to = m.names[dest]
			m.procMu.RUnlock()
		}
		if to != nil {
			to.deliver(envelope{kind: envMessage, from: from, heap: fh, t: ft})
		}
	})
	return ref
}
