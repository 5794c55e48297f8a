package vm

import (
	"runtime"
	"sync"
)

// Scheduling: M:N. A fixed set of worker goroutines (one per scheduler)
// take runnable processes from one shared run queue, by priority, and run
// each for a slice of sliceReductions reductions; a process waiting in receive is not
// in the queue and costs only its memory. The register file belongs to the
// worker: a process that yields keeps only its live X registers.
//
// State changes between waiting and runnable happen under the process's
// mailbox lock, so a message sent while the process decides to wait always
// wakes it.

type procState uint8

const (
	stateRunnable procState = iota // in the run queue, or about to be
	stateRunning                   // a worker is running it
	stateWaiting                   // in receive, not in the run queue
	stateExited
)

// Priorities, as OTP schedules them: a runnable max-priority process runs
// before any high one, a high one before any normal or low one; normal and
// low share a queue, where a low process is passed over lowSkips times
// before it runs.
const (
	prioMax uint8 = iota
	prioHigh
	prioNormal
	prioLow
	lowSkips = 8
)

// runQueue holds the runnable processes, one FIFO per priority level
// (low shares normal's), shared by the workers.
type runQueue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	levels  [3]fifo // max, high, normal and low
	waiting int     // processes in all levels
	stopped bool
}

type fifo struct {
	q    []*Process
	head int
}

func (f *fifo) push(p *Process) { f.q = append(f.q, p) }

func (f *fifo) empty() bool { return f.head == len(f.q) }

func (f *fifo) pop() *Process {
	p := f.q[f.head]
	f.q[f.head] = nil
	f.head++
	if f.head == len(f.q) {
		f.q, f.head = f.q[:0], 0
	} else if f.head > 1024 && f.head*2 > len(f.q) {
		f.q = append(f.q[:0], f.q[f.head:]...)
		f.head = 0
	}
	return p
}

func newRunQueue() *runQueue {
	r := &runQueue{}
	r.cond = sync.NewCond(&r.mu)
	return r
}

// push queues p at its priority. p.prio changes only while p runs, under
// p.mbox; callers hold p.mbox or are the worker that ran p.
func (r *runQueue) push(p *Process) {
	level := min(p.prio, prioNormal)
	r.mu.Lock()
	r.levels[level].push(p)
	r.waiting++
	r.mu.Unlock()
	r.cond.Signal()
}

// pop waits for a runnable process; it returns nil once the queue is stopped.
func (r *runQueue) pop() *Process {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.waiting == 0 && !r.stopped {
		r.cond.Wait()
	}
	if r.stopped {
		return nil
	}
	for level := range r.levels {
		f := &r.levels[level]
		if f.empty() {
			continue
		}
		// A low process waits its turn behind lowSkips others, unless
		// nothing else is runnable.
		for n := len(f.q) - f.head; n > 1; n-- {
			p := f.q[f.head]
			if p.prio != prioLow || p.lowSkipped >= lowSkips {
				break
			}
			p.lowSkipped++
			f.push(f.pop())
		}
		p := f.pop()
		p.lowSkipped = 0
		r.waiting--
		return p
	}
	panic("vm: run queue count out of step")
}

func (r *runQueue) stop() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.cond.Broadcast()
}

// schedulers returns how many workers run processes.
func (m *Machine) schedulers() int {
	if m.opts.Schedulers > 0 {
		return m.opts.Schedulers
	}
	return runtime.GOMAXPROCS(0)
}

// worker runs processes until the queue stops.
func (m *Machine) worker(rq *runQueue, wg *sync.WaitGroup) {
	defer wg.Done()
	regs := new(registers)
	fregs := new([maxFR]float64)
	for {
		p := rq.pop()
		if p == nil {
			return
		}
		m.runSlice(p, regs, fregs)
	}
}

// runSlice runs p for one slice with regs as its register file and files it
// according to how the slice ended.
func (m *Machine) runSlice(p *Process, regs *registers, fregs *[maxFR]float64) {
	p.mbox.Lock()
	if p.state == stateExited {
		p.mbox.Unlock()
		return
	}
	p.state = stateRunning
	p.mbox.Unlock()

	p.x, p.fr = regs, fregs
	copy(regs[:], p.xsave)
	p.xsave = p.xsave[:0]
	var status runStatus
	if p.handleSignals() {
		status = statusExit
	} else {
		status = p.run(sliceReductions)
	}
	p.x, p.fr = nil, nil
	p.publishStats()
	switch status {
	case statusYield:
		p.mbox.Lock()
		p.state = stateRunnable
		p.mbox.Unlock()
		m.rq.push(p)
	case statusWait:
		p.mbox.Lock()
		if len(p.inbox) > 0 {
			// Something arrived while it decided to wait.
			p.state = stateRunnable
			p.mbox.Unlock()
			m.rq.push(p)
			return
		}
		p.state = stateWaiting
		p.mbox.Unlock()
	case statusExit:
		p.exit()
	}
}

// wake makes a waiting process runnable; the caller holds p.mbox.
func (p *Process) wakeLocked() {
	if p.state == stateWaiting {
		p.state = stateRunnable
		p.m.rq.push(p)
	}
}
