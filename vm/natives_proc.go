package vm

import (
	"runtime"
	"unsafe"

	"github.com/avmtool/avm/vm/term"
)

// Natives of the process model: spawning, messages, links, monitors,
// registered names, timers and process information.

func init() {
	register("erlang",
		Native{Function: "send", Arity: 2, Fn: bifSend, Doc: "Dest ! Msg: send a message to a pid, registered name or process alias"},
		Native{Function: "send", Arity: 3, Fn: bifSend3, Doc: "send with options (noconnect, nosuspend); returns ok"},
		Native{Function: "!", Arity: 2, Fn: bifSend, Doc: "send a message"},
		Native{Function: "spawn", Arity: 1, Fn: bifSpawn, Doc: "start a process running Fun()"},
		Native{Function: "spawn", Arity: 3, Fn: bifSpawn, Doc: "start a process running apply(M, F, Args)"},
		Native{Function: "spawn_link", Arity: 1, Fn: bifSpawnLink, Doc: "spawn and link"},
		Native{Function: "spawn_link", Arity: 3, Fn: bifSpawnLink, Doc: "spawn and link"},
		Native{Function: "spawn_monitor", Arity: 1, Fn: bifSpawnMonitor, Doc: "spawn and monitor: {Pid, Ref}"},
		Native{Function: "spawn_monitor", Arity: 3, Fn: bifSpawnMonitor, Doc: "spawn and monitor: {Pid, Ref}"},
		Native{Function: "spawn_opt", Arity: 2, Fn: bifSpawnOpt, Doc: "spawn with options: link, monitor, {monitor, [{alias, Mode}]}, {min_heap_size,N}, {max_heap_size,N}, {fullsweep_after,N}"},
		Native{Function: "spawn_opt", Arity: 4, Fn: bifSpawnOpt, Doc: "spawn M:F(Args) with options"},
		Native{Function: "link", Arity: 1, Fn: bifLink, Doc: "link to a process"},
		Native{Function: "unlink", Arity: 1, Fn: bifUnlink, Doc: "remove a link"},
		Native{Function: "monitor", Arity: 2, Fn: bifMonitor, Doc: "monitor(process, Pid | Name): a 'DOWN' message when it exits"},
		Native{Function: "demonitor", Arity: 1, Fn: bifDemonitor, Doc: "remove a monitor"},
		Native{Function: "demonitor", Arity: 2, Fn: bifDemonitor, Doc: "remove a monitor; options flush, info"},
		Native{Function: "exit", Arity: 2, Fn: bifExit2, Doc: "send an exit signal to a process"},
		Native{Function: "register", Arity: 2, Fn: bifRegister, Doc: "give a process a name"},
		Native{Function: "unregister", Arity: 1, Fn: bifUnregister, Doc: "remove a registered name"},
		Native{Function: "whereis", Arity: 1, Fn: bifWhereis, Doc: "the pid registered under a name, or undefined"},
		Native{Function: "registered", Arity: 0, Fn: bifRegistered, Doc: "all registered names"},
		Native{Function: "is_process_alive", Arity: 1, Fn: bifIsProcessAlive, Doc: "true if the local process exists"},
		Native{Function: "processes", Arity: 0, Fn: bifProcesses, Doc: "pids of all live processes"},
		Native{Function: "process_flag", Arity: 2, Fn: bifProcessFlag, Doc: "set trap_exit (and accept the other flags); returns the old value"},
		Native{Function: "send_after", Arity: 3, Fn: bifSendAfter, Doc: "send Msg to Dest after Time ms; returns a timer reference"},
		Native{Function: "start_timer", Arity: 3, Fn: bifStartTimer, Doc: "send {timeout, Ref, Msg} to Dest after Time ms"},
		Native{Function: "cancel_timer", Arity: 1, Fn: bifCancelTimer, Doc: "cancel a timer: milliseconds left, or false"},
		Native{Function: "cancel_timer", Arity: 2, Fn: bifCancelTimer, Doc: "cancel a timer, with options"},
		Native{Function: "read_timer", Arity: 1, Fn: bifReadTimer, Doc: "milliseconds a timer has left, or false"},
		Native{Function: "yield", Arity: 0, Fn: bifYield, Doc: "let other processes run"},
		Native{Function: "garbage_collect", Arity: 0, Fn: bifGarbageCollect, Doc: "collect the process heap now"},
		Native{Function: "group_leader", Arity: 0, Fn: bifGroupLeader, Doc: "the process that handles I/O"},
		Native{Function: "group_leader", Arity: 2, Fn: bifGroupLeader, Doc: "set the group leader of a process"},
		Native{Function: "hibernate", Arity: 3, Fn: bifHibernate, Doc: "wait for a message with the smallest footprint, then call M:F(Args)"},
		Native{Function: "process_info", Arity: 2, Fn: bifProcessInfo, Doc: "information about a process: heap_size, links, message_queue_len, …"},
	)
}

var (
	atomAsync        = term.Atom("async")
	atomCancelTimer  = term.Atom("cancel_timer")
	atomSensitive    = term.Atom("sensitive")
	atomMonitoredBy  = term.Atom("monitored_by")
	atomMinBinVheap  = term.Atom("min_bin_vheap_size")
	atomMsgQueueData = term.Atom("message_queue_data")
	atomOnHeap       = term.Atom("on_heap")
	atomOffHeap      = term.Atom("off_heap")
	atomKillKey      = term.Atom("kill")
	atomErrorLogger  = term.Atom("error_logger")
	atomSizeKey      = term.Atom("size")
	atomNoconnect    = term.Atom("noconnect")
	atomNosuspend    = term.Atom("nosuspend")
	atomFlush        = term.Atom("flush")
	atomInfo         = term.Atom("info")
	atomRegName      = term.Atom("registered_name")
	atomMsgQLen      = term.Atom("message_queue_len")
	atomMessages     = term.Atom("messages")
	atomLinks        = term.Atom("links")
	atomMonitors     = term.Atom("monitors")
	atomStatus       = term.Atom("status")
	atomHeapSize     = term.Atom("heap_size")
	atomTotalHeap    = term.Atom("total_heap_size")
	atomStackSize    = term.Atom("stack_size")
	atomMemory       = term.Atom("memory")
	atomReductions   = term.Atom("reductions")
	atomDictionary   = term.Atom("dictionary")
	atomCurrentFunc  = term.Atom("current_function")
	atomRunning      = term.Atom("running")
	atomRunnable     = term.Atom("runnable")
	atomWaiting      = term.Atom("waiting")
	atomFullsweep    = term.Atom("fullsweep_after")
	atomPriority     = term.Atom("priority")
	atomNormalPrio   = term.Atom("normal")
	atomInitialCall  = term.Atom("initial_call")
)

// send delivers msg to dest (pid, registered name or {Name, Node}); it
// returns NoValue after raising badarg.
func (p *Process) send(dest, msg term.Term) term.Term {
	m := p.m
	h := p.heap
	switch {
	case dest.IsPid():
		if to := m.process(dest.PidID()); to != nil {
			m.sendMessage(p.id, to, h, msg)
		}
		return msg
	case dest.IsAtom():
		m.procMu.RLock()
		to := m.names[dest]
		m.procMu.RUnlock()
		if to == nil {
			return p.Badarg()
		}
		m.sendMessage(p.id, to, h, msg)
		return msg
	case dest.IsPort():
		return msg
	case h.IsRef(dest):
		m.sendToAlias(p.id, h, h.RefID(dest), msg)
		return msg
	case h.IsTuple(dest) && h.TupleSize(dest) == 2:
		e := h.TupleElems(dest)
		if !e[0].IsAtom() || !e[1].IsAtom() {
			return p.Badarg()
		}
		if e[1] == term.AtomNonode {
			return p.send(e[0], msg)
		}
		return msg // other nodes are unreachable: the message is dropped
	}
	return p.Badarg()
}

func bifSend(p *Process, args []term.Term) term.Term { return p.send(args[0], args[1]) }

func bifSend3(p *Process, args []term.Term) term.Term {
	opts, ok := p.heap.ListToSlice(args[2])
	if !ok {
		return p.Badarg()
	}
	for _, o := range opts {
		if o != atomNoconnect && o != atomNosuspend {
			return p.Badarg()
		}
	}
	if p.send(args[0], args[1]) == term.NoValue {
		return term.NoValue
	}
	return term.AtomOk
}

// spawnArgs reads fun or M, F, Args into a spec.
func (p *Process) spawnArgs(args []term.Term) (spawnSpec, bool) {
	h := p.heap
	spec := spawnSpec{fun: term.NoValue}
	switch len(args) {
	case 1:
		if !h.IsFun(args[0]) || p.funArity(args[0]) != 0 {
			return spec, false
		}
		spec.fun = args[0]
	case 3:
		if !args[0].IsAtom() || !args[1].IsAtom() || h.ListLen(args[2]) < 0 {
			return spec, false
		}
		spec.m, spec.f, spec.args = args[0], args[1], args[2]
	default:
		return spec, false
	}
	return spec, true
}

func bifSpawn(p *Process, args []term.Term) term.Term        { return p.spawnWith(args, false, false) }
func bifSpawnLink(p *Process, args []term.Term) term.Term    { return p.spawnWith(args, true, false) }
func bifSpawnMonitor(p *Process, args []term.Term) term.Term { return p.spawnWith(args, false, true) }

// spawnWith is spawn, spawn_link and spawn_monitor: the new pid, or
// {Pid, Ref} when monitoring.
func (p *Process) spawnWith(args []term.Term, link, monitor bool) term.Term {
	spec, ok := p.spawnArgs(args)
	if !ok {
		return p.Badarg()
	}
	spec.link, spec.monitor = link, monitor
	child, ref := p.m.spawn(p, p.heap, spec)
	if monitor {
		return p.heap.Tuple(child.Pid(), p.heap.Ref(ref))
	}
	return child.Pid()
}

func bifSpawnOpt(p *Process, args []term.Term) term.Term {
	h := p.heap
	spec, ok := p.spawnArgs(args[:len(args)-1])
	if !ok {
		return p.Badarg()
	}
	opts, ok := h.ListToSlice(args[len(args)-1])
	if !ok {
		return p.Badarg()
	}
	var mode aliasMode
	alias := false
	for _, o := range opts {
		switch {
		case o == term.AtomLink:
			spec.link = true
		case o == term.AtomMonitor:
			spec.monitor = true
		case h.IsTuple(o) && h.TupleSize(o) == 2:
			kv := h.TupleElems(o)
			n, isInt := h.Int64(kv[1])
			switch {
			case kv[0] == term.AtomMonitor:
				if mode, alias, ok = monitorOptions(h, kv[1]); !ok {
					return p.Badarg()
				}
				spec.monitor = true
			case kv[0] == term.AtomMinHeapSize && isInt && n >= 0:
				spec.minHeap = int(n)
			case kv[0] == term.AtomMaxHeapSize:
				mh, ok := parseMaxHeap(h, kv[1])
				if !ok {
					return p.Badarg()
				}
				spec.maxHeap = mh
			case kv[0] == atomFullsweep && isInt && n >= 0:
			case kv[0] == atomMinBinVheap && isInt && n >= 0:
			case kv[0] == atomPriority && validPriority(kv[1]):
				spec.priority = kv[1]
			case kv[0] == atomMsgQueueData && (kv[1] == atomOnHeap || kv[1] == atomOffHeap):
				spec.mqd = kv[1]
			default:
				return p.Badarg()
			}
		default:
			return p.Badarg()
		}
	}
	child, ref := p.m.spawn(p, h, spec)
	if alias {
		p.addAlias(ref, mode)
	}
	if spec.monitor {
		return h.Tuple(child.Pid(), h.Ref(ref))
	}
	return child.Pid()
}

// prioLevel is the run-queue level of a valid priority atom.
func prioLevel(t term.Term) uint8 {
	switch t {
	case term.Atom("max"):
		return prioMax
	case term.Atom("high"):
		return prioHigh
	case term.Atom("low"):
		return prioLow
	}
	return prioNormal
}

func validPriority(t term.Term) bool {
	switch t {
	case term.Atom("low"), atomNormalPrio, term.Atom("high"), term.Atom("max"):
		return true
	}
	return false
}

// maxHeapSetting is a process's max_heap_size: words (0 = unlimited),
// whether exceeding it kills, whether that is logged.
type maxHeapSetting struct {
	size     int
	kill     bool
	logError bool
}

// parseMaxHeap reads N or #{size => N, kill => B, error_logger => B}.
func parseMaxHeap(h *term.Heap, t term.Term) (maxHeapSetting, bool) {
	mh := maxHeapSetting{kill: true, logError: true}
	if n, ok := h.Int64(t); ok {
		if n < 0 {
			return mh, false
		}
		mh.size = int(n)
		return mh, true
	}
	if !h.IsMap(t) {
		return mh, false
	}
	keys, vals := h.MapKeysValues(t)
	for i, k := range keys {
		switch k {
		case atomSizeKey:
			n, ok := h.Int64(vals[i])
			if !ok || n < 0 {
				return mh, false
			}
			mh.size = int(n)
		case atomKillKey:
			if !vals[i].IsBoolean() {
				return mh, false
			}
			mh.kill = vals[i] == term.True
		case atomErrorLogger:
			if !vals[i].IsBoolean() {
				return mh, false
			}
			mh.logError = vals[i] == term.True
		case term.Atom("include_shared_binaries"):
		default:
			return mh, false
		}
	}
	return mh, true
}

func (mh maxHeapSetting) term(h *term.Heap) term.Term {
	return h.MapFromPairs([]term.Term{atomErrorLogger, atomKillKey, atomSizeKey},
		[]term.Term{term.Bool(mh.logError), term.Bool(mh.kill), term.MakeSmall(int64(mh.size))})
}

func bifLink(p *Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsPid() {
		if t.IsPort() {
			return term.True
		}
		return p.Badarg()
	}
	id := t.PidID()
	if id == p.id || p.hasLink(id) {
		return term.True
	}
	to := p.m.process(id)
	if to == nil || !to.attach(func() { to.addLinkLocked(p.id) }) {
		if !p.trapExit {
			return p.Error(term.AtomNoproc)
		}
		p.msgs = append(p.msgs, p.heap.Tuple(term.AtomEXIT, t, term.AtomNoproc))
		return term.True
	}
	p.setLink(id, true)
	return term.True
}

func bifUnlink(p *Process, args []term.Term) term.Term {
	t := args[0]
	if !t.IsPid() && !t.IsPort() {
		return p.Badarg()
	}
	id := t.PidID()
	if t.IsPid() && p.hasLink(id) {
		p.setLink(id, false)
		if to := p.m.process(id); to != nil {
			to.attach(func() { delete(to.rels().links, p.id) })
		}
	}
	return term.True
}

func bifMonitor(p *Process, args []term.Term) term.Term {
	h := p.heap
	if args[0] != term.AtomProcess {
		return p.Badarg()
	}
	target := args[1]
	var to *Process
	name := term.NoValue
	switch {
	case target.IsPid():
		to = p.m.process(target.PidID())
	case target.IsAtom():
		name = target
	case h.IsTuple(target) && h.TupleSize(target) == 2 && h.TupleElems(target)[0].IsAtom() && h.TupleElems(target)[1].IsAtom():
		name = h.TupleElems(target)[0]
	default:
		return p.Badarg()
	}
	if name != term.NoValue {
		p.m.procMu.RLock()
		to = p.m.names[name]
		p.m.procMu.RUnlock()
	}
	id := p.m.nextRef.Add(1)
	ref := h.Ref(id)
	if to == nil || !to.attach(func() { to.addMonitoredByLocked(id, monitorEntry{p.id, name}) }) {
		who := target
		if name != term.NoValue {
			who = h.Tuple(name, term.AtomNonode)
		}
		p.msgs = append(p.msgs, h.Tuple(term.AtomDOWN, ref, term.AtomProcess, who, term.AtomNoproc))
		return ref
	}
	p.setMonitor(id, monitorEntry{to.id, name})
	return ref
}

func bifDemonitor(p *Process, args []term.Term) term.Term {
	h := p.heap
	ref := args[0]
	if !h.IsRef(ref) {
		return p.Badarg()
	}
	flush, info := false, false
	if len(args) == 2 {
		opts, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		for _, o := range opts {
			switch o {
			case atomFlush:
				flush = true
			case atomInfo:
				info = true
			default:
				return p.Badarg()
			}
		}
	}
	id := h.RefID(ref)
	p.handleSignalsKeep() // a 'DOWN' already sent ends the monitor
	active := p.cancelMonitor(id)
	if flush {
		p.removeDown(id)
	}
	if info {
		return term.Bool(active)
	}
	return term.True
}

// removeDown deletes a 'DOWN' message of monitor id from the queue.
func (p *Process) removeDown(id uint64) {
	h := p.heap
	for i, msg := range p.msgs {
		if h.IsTuple(msg) && h.TupleSize(msg) == 5 {
			e := h.TupleElems(msg)
			if e[0] == term.AtomDOWN && h.IsRef(e[1]) && h.RefID(e[1]) == id {
				p.msgs = append(p.msgs[:i], p.msgs[i+1:]...)
				return
			}
		}
	}
}

func bifExit2(p *Process, args []term.Term) term.Term {
	t, reason := args[0], args[1]
	if !t.IsPid() {
		if t.IsPort() {
			return term.True
		}
		return p.Badarg()
	}
	if t.PidID() == p.id {
		// A signal to itself takes effect before exit/2 returns.
		if p.exitSignal(&envelope{kind: envExit, from: p.id, t: reason}) {
			return term.NoValue
		}
		return term.True
	}
	if to := p.m.process(t.PidID()); to != nil {
		fh, ft := fragment(p.heap, reason)
		to.deliver(envelope{kind: envExit, from: p.id, heap: fh, t: ft})
	}
	return term.True
}

func bifRegister(p *Process, args []term.Term) term.Term {
	name, t := args[0], args[1]
	if !name.IsAtom() || name == term.AtomUndefined || !t.IsPid() {
		return p.Badarg()
	}
	m := p.m
	m.procMu.Lock()
	defer m.procMu.Unlock()
	to := m.procs[t.PidID()]
	if to == nil || m.names[name] != nil || m.nameOf(to) != term.NoValue {
		return p.Badarg()
	}
	m.names[name] = to
	return term.True
}

// nameOf is the name q is registered under, or NoValue; the caller holds
// m.procMu.
func (m *Machine) nameOf(q *Process) term.Term {
	for name, r := range m.names {
		if r == q {
			return name
		}
	}
	return term.NoValue
}

func bifUnregister(p *Process, args []term.Term) term.Term {
	name := args[0]
	m := p.m
	m.procMu.Lock()
	defer m.procMu.Unlock()
	to := m.names[name]
	if !name.IsAtom() || to == nil {
		return p.Badarg()
	}
	delete(m.names, name)
	return term.True
}

func bifWhereis(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	p.m.procMu.RLock()
	to := p.m.names[args[0]]
	p.m.procMu.RUnlock()
	if to == nil {
		return term.AtomUndefined
	}
	return to.Pid()
}

func bifRegistered(p *Process, args []term.Term) term.Term {
	p.m.procMu.RLock()
	names := make([]term.Term, 0, len(p.m.names))
	for n := range p.m.names {
		names = append(names, n)
	}
	p.m.procMu.RUnlock()
	return p.heap.List(names...)
}

func bifIsProcessAlive(p *Process, args []term.Term) term.Term {
	if !args[0].IsPid() {
		return p.Badarg()
	}
	q := p.m.process(args[0].PidID())
	if q == nil {
		return term.False
	}
	q.mbox.Lock()
	defer q.mbox.Unlock()
	return term.Bool(q.state != stateExited)
}

func bifProcesses(p *Process, args []term.Term) term.Term {
	p.m.procMu.RLock()
	pids := make([]term.Term, 0, len(p.m.procs))
	for _, q := range p.m.procs {
		pids = append(pids, q.Pid())
	}
	p.m.procMu.RUnlock()
	return p.heap.List(pids...)
}

func bifProcessFlag(p *Process, args []term.Term) term.Term {
	flag, v := args[0], args[1]
	switch flag {
	case term.AtomTrapExit:
		if !v.IsBoolean() {
			return p.Badarg()
		}
		old := p.trapExit
		p.trapExit = v == term.True
		return term.Bool(old)
	case atomPriority:
		if !validPriority(v) {
			return p.Badarg()
		}
		old := p.setting().priority
		p.changeSettings().priority = v
		p.mbox.Lock()
		p.prio = prioLevel(v)
		p.mbox.Unlock()
		return old
	case term.AtomMaxHeapSize:
		mh, ok := parseMaxHeap(p.heap, v)
		if !ok {
			return p.Badarg()
		}
		old := p.setting().maxHeap
		p.changeSettings().maxHeap = mh
		return old.term(p.heap)
	case term.AtomMinHeapSize:
		if n, ok := p.heap.Int64(v); ok && n >= 0 {
			old := max(p.setting().minHeap, minHeapWords)
			p.changeSettings().minHeap = int(n)
			return term.MakeSmall(int64(old))
		}
	case atomFullsweep, atomMinBinVheap:
		if n, ok := p.heap.Int64(v); ok && n >= 0 {
			return term.MakeSmall(0)
		}
	case atomSensitive:
		if v.IsBoolean() {
			old := p.setting().sensitive
			p.changeSettings().sensitive = v == term.True
			return term.Bool(old)
		}
	case atomMsgQueueData:
		if v == atomOnHeap || v == atomOffHeap {
			old := p.setting().mqd
			p.changeSettings().mqd = v
			return old
		}
	}
	return p.Badarg()
}

func bifSendAfter(p *Process, args []term.Term) term.Term  { return p.startTimer(args, false) }
func bifStartTimer(p *Process, args []term.Term) term.Term { return p.startTimer(args, true) }

// bifCancelTimer is cancel_timer(Ref) and cancel_timer(Ref, [{async, B},
// {info, B}]): the time left (or false), ok when async or not info, and
// with async and info the answer as a message {cancel_timer, Ref, Left}.
func bifCancelTimer(p *Process, args []term.Term) term.Term {
	h := p.heap
	ref := args[0]
	async, info := false, true
	if len(args) == 2 {
		opts, ok := h.ListToSlice(args[1])
		if !ok {
			return p.Badarg()
		}
		for _, o := range opts {
			if !h.IsTuple(o) || h.TupleSize(o) != 2 || !h.TupleElems(o)[1].IsBoolean() {
				return p.Badarg()
			}
			kv := h.TupleElems(o)
			switch kv[0] {
			case atomAsync:
				async = kv[1] == term.True
			case atomInfo:
				info = kv[1] == term.True
			default:
				return p.Badarg()
			}
		}
	}
	if !h.IsRef(ref) {
		return p.Badarg()
	}
	left, ok := p.m.timers.cancel(h.RefID(ref))
	result := term.False
	if ok {
		result = term.MakeSmall(left)
	}
	switch {
	case async && info:
		p.msgs = append(p.msgs, h.Tuple(atomCancelTimer, ref, result))
		return term.AtomOk
	case !info:
		return term.AtomOk
	}
	return result
}

func bifReadTimer(p *Process, args []term.Term) term.Term {
	if !p.heap.IsRef(args[0]) {
		return p.Badarg()
	}
	left, ok := p.m.timers.read(p.heap.RefID(args[0]))
	if !ok {
		return term.False
	}
	return term.MakeSmall(left)
}

// bifYield ends the process's slice at its next call, letting others run.
func bifYield(p *Process, args []term.Term) term.Term {
	p.yieldNow = true
	return term.True
}

// bifGarbageCollect collects at once: a call keeps only its arguments in
// X registers, and garbage_collect/0 has none.
func bifGarbageCollect(p *Process, args []term.Term) term.Term {
	p.heap.Collect(0, p.stack, p.pdict(), p.msgs)
	return term.True
}

func bifGroupLeader(p *Process, args []term.Term) term.Term {
	if len(args) == 0 {
		return term.MakePid(p.groupLeader.Load())
	}
	leader, t := args[0], args[1]
	if !leader.IsPid() || !t.IsPid() {
		return p.Badarg()
	}
	q := p.m.process(t.PidID())
	if q == nil {
		return p.Badarg()
	}
	q.groupLeader.Store(leader.PidID())
	return term.True
}

// bifHibernate is erlang:hibernate(M, F, Args): the process forgets its
// stack, collects its heap and waits for a message; then it calls
// M:F(Args), and ends when that returns. The interpreter sees the native
// "fail" with p.hibernating set and suspends the process.
func bifHibernate(p *Process, args []term.Term) term.Term {
	m, f, a := args[0], args[1], args[2]
	if !m.IsAtom() || !f.IsAtom() || p.heap.ListLen(a) < 0 {
		return p.Badarg()
	}
	p.stack = append(p.stack[:0], term.MakeCP(topCP))
	p.initFun, p.initM, p.initF, p.initArgs = term.NoValue, m, f, a
	roots := []term.Term{a}
	p.heap.Collect(0, p.stack, p.pdict(), p.msgs, roots)
	p.initArgs = roots[0]
	p.pendingStart = true
	p.hibernating = true
	return term.NoValue
}

// bifProcessInfo answers process_info(Pid, Item | [Item]).
func bifProcessInfo(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !args[0].IsPid() {
		return p.Badarg()
	}
	items := []term.Term{args[1]}
	list := false
	if args[1].IsList() {
		var ok bool
		if items, ok = h.ListToSlice(args[1]); !ok {
			return p.Badarg()
		}
		list = true
	}
	for _, it := range items {
		if !it.IsAtom() {
			return p.Badarg()
		}
	}
	q := p
	if args[0].PidID() != p.id {
		q = p.m.process(args[0].PidID())
	} else if p.handleSignals() {
		// Asking about itself, a process first takes in the signals sent to
		// it, as in OTP; an exit signal among them ends it here.
		return term.NoValue
	}
	if q == nil {
		for _, it := range items {
			if _, ok := processInfoItems[it]; !ok {
				return p.Badarg()
			}
		}
		return term.AtomUndefined
	}
	out := make([]term.Term, 0, len(items))
	for _, it := range items {
		v, ok := p.infoItem(q, it)
		if !ok {
			return p.Badarg()
		}
		if it == atomRegName && v == term.Nil && !list {
			return term.Nil // process_info(P, registered_name) of an unnamed process is []
		}
		if it == atomRegName && v == term.Nil {
			out = append(out, h.Tuple(it, term.Nil))
			continue
		}
		out = append(out, h.Tuple(it, v))
	}
	if list {
		return h.List(out...)
	}
	return out[0]
}

func bifProcessInfo1(p *Process, args []term.Term) term.Term {
	if !args[0].IsPid() {
		return p.Badarg()
	}
	items := []term.Term{term.Atom("current_function"), atomInitialCall, atomStatus, atomMsgQLen,
		atomLinks, atomDictionary, term.AtomTrapExit, term.Atom("error_handler"), atomPriority,
		term.Atom("group_leader"), atomTotalHeap, atomHeapSize, atomStackSize, atomReductions,
		term.Atom("garbage_collection"), term.Atom("suspending")}
	return bifProcessInfo(p, []term.Term{args[0], p.heap.List(items...)})
}

// processInfoItems are the items process_info knows.
var processInfoItems = map[term.Term]bool{}

func init() {
	for _, name := range []string{"registered_name", "message_queue_len", "messages", "links", "monitors",
		"monitored_by", "trap_exit", "status", "heap_size", "total_heap_size", "stack_size", "memory",
		"reductions", "dictionary", "current_function", "initial_call", "priority", "group_leader",
		"max_heap_size", "min_heap_size", "message_queue_data", "error_handler", "garbage_collection",
		"suspending", "current_stacktrace", "current_location", "last_calls", "catchlevel",
		"sequential_trace_token", "binary", "min_bin_vheap_size", "fullsweep_after", "parent",
		"async_dist", "label", "backtrace", "exit_reason"} {
		processInfoItems[term.Atom(name)] = true
	}
	register("erlang", Native{Function: "process_info", Arity: 1, Fn: bifProcessInfo1,
		Doc: "the main process_info items of a process"})
}

// infoItem is one process_info item of q, built on p's heap. The state of
// another process is read while it is not running: holding its mailbox
// lock keeps a waiting or queued process from starting.
func (p *Process) infoItem(q *Process, item term.Term) (term.Term, bool) {
	h := p.heap
	if !processInfoItems[item] {
		return term.NoValue, false
	}
	switch item {
	case atomRegName:
		p.m.procMu.RLock()
		name := p.m.nameOf(q)
		p.m.procMu.RUnlock()
		if name == term.NoValue {
			return term.Nil, true
		}
		return name, true
	case atomLinks, atomMonitors, atomMonitoredBy:
		return q.linkInfo(h, item), true
	case atomStatus:
		if q == p {
			return atomRunning, true
		}
		q.mbox.Lock()
		st := q.state
		q.mbox.Unlock()
		switch st {
		case stateWaiting:
			return atomWaiting, true
		case stateRunning:
			return atomRunning, true
		}
		return atomRunnable, true
	case term.Atom("group_leader"):
		return term.MakePid(q.groupLeader.Load()), true
	case term.Atom("error_handler"):
		return term.Atom("error_handler"), true
	case term.Atom("garbage_collection"):
		return h.List(h.Tuple(term.Atom("minor_gcs"), term.MakeSmall(0))), true
	case term.Atom("suspending"), term.Atom("last_calls"):
		return term.Nil, true
	}
	if q == p {
		p.publishStats()
		q.mbox.Lock()
		defer q.mbox.Unlock()
		return q.ownInfo(item, h, true), true
	}
	// A running process finishes its slice soon: wait for that, so the
	// answer reflects every signal sent before (as in OTP). Two processes
	// asking about each other give up after a while and read the figures
	// published at the end of the last slice.
	for tries := 0; ; tries++ {
		q.mbox.Lock()
		if q.state != stateRunning || tries == 10000 {
			break
		}
		q.mbox.Unlock()
		runtime.Gosched()
	}
	defer q.mbox.Unlock()
	return q.ownInfo(item, h, q.state != stateRunning), true
}

// ownInfo answers an item from q's own state, building on heap h. quiet
// says q is not running, so its heap and queues may be read.
func (q *Process) ownInfo(item term.Term, h *term.Heap, quiet bool) term.Term {
	st := q.stats
	switch item {
	case atomMsgQLen:
		if !quiet {
			return term.MakeSmall(int64(int(st.msgs) + len(q.inbox)))
		}
		return term.MakeSmall(int64(len(q.msgs) + len(q.inbox)))
	case atomMessages:
		var msgs []term.Term
		if quiet {
			for _, m := range q.msgs {
				msgs = append(msgs, h.CopyFrom(q.heap, m))
			}
		}
		for _, e := range q.inbox {
			if e.kind == envMessage || e.kind == envDown {
				if e.heap != nil {
					msgs = append(msgs, h.CopyFrom(e.heap, e.t))
				} else {
					msgs = append(msgs, e.t)
				}
			}
		}
		return h.List(msgs...)
	case term.AtomTrapExit:
		return term.Bool(st.trapExit)
	case atomHeapSize, atomTotalHeap:
		return term.MakeSmall(int64(max(st.heap, minHeapWords)))
	case atomStackSize:
		return term.MakeSmall(int64(st.stack))
	case atomMemory:
		return term.MakeSmall(int64(8 * (st.heap + st.stack + processOverheadWords)))
	case atomReductions:
		return h.Uint(st.reductions)
	case atomDictionary:
		if !quiet {
			return term.Nil
		}
		d := pdAll(q, false, term.NoValue)
		if h != q.heap {
			d = h.CopyFrom(q.heap, d)
		}
		return d
	case atomCurrentFunc:
		if q.hibernating {
			return h.Tuple(term.AtomErlang, term.Atom("hibernate"), term.MakeSmall(3))
		}
		if q.curMod == nil {
			return term.AtomUndefined
		}
		f, _ := q.curMod.funcAt(int(q.lastLine))
		return h.Tuple(q.curMod.name, f.name, term.MakeSmall(int64(f.arity)))
	case atomInitialCall:
		if q.initFun != term.NoValue {
			return h.Tuple(term.AtomErlang, term.AtomApply, term.MakeSmall(2))
		}
		if q.initM == term.NoValue || q.initM == 0 {
			return term.AtomUndefined
		}
		return h.Tuple(q.initM, q.initF, term.MakeSmall(int64(q.heap.ListLen(q.initArgs))))
	case term.AtomMaxHeapSize:
		return q.setting().maxHeap.term(h)
	case term.AtomMinHeapSize:
		return term.MakeSmall(int64(max(q.setting().minHeap, minHeapWords)))
	case atomPriority:
		return q.setting().priority
	case atomMsgQueueData:
		return q.setting().mqd
	}
	return term.AtomUndefined
}

// linkInfo answers process_info links, monitors and monitored_by of q,
// building the answer on heap h.
func (q *Process) linkInfo(h *term.Heap, item term.Term) term.Term {
	q.infoMu.Lock()
	defer q.infoMu.Unlock()
	var out []term.Term
	switch item {
	case atomLinks:
		for id := range q.rels().links {
			out = append(out, term.MakePid(id))
		}
	case atomMonitors:
		for _, target := range q.rels().monitors {
			var who term.Term = term.MakePid(target.pid)
			if target.name != term.NoValue {
				who = h.Tuple(target.name, term.AtomNonode)
			}
			out = append(out, h.Tuple(term.AtomProcess, who))
		}
	default:
		for _, watcher := range q.rels().monitoredBy {
			out = append(out, term.MakePid(watcher.pid))
		}
	}
	return h.List(out...)
}

// minHeapWords is the heap a process starts with (OTP's default min_heap_size).
const minHeapWords = 233

// processOverheadWords is a process's fixed size in words (the Process
// struct), for process_info(memory).
const processOverheadWords = int32(unsafe.Sizeof(Process{}) / 8)
