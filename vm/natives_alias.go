package vm

import (
	"sync"

	"github.com/avmtool/avm/vm/term"
)

// Process aliases (OTP 24+): a reference that, while active, works as an
// address of the process that made it. alias/0,1 make one; monitor/3 and
// spawn_opt's {monitor, Opts} make the monitor reference one. Messages sent
// to an alias carry its id; the owner checks that the alias is still active
// when it takes them in, and drops them otherwise, so that nothing sent
// through an alias arrives after it was deactivated (a call's late reply).

func init() {
	register("erlang",
		Native{Function: "alias", Arity: 0, Fn: bifAlias,
			Doc: "make a reference that, until unalias/1, is an address of the calling process"},
		Native{Function: "alias", Arity: 1, Fn: bifAlias,
			Doc: "alias/0 with options: explicit_unalias, or reply (deactivated by the first message received through it)"},
		Native{Function: "unalias", Arity: 1, Fn: bifUnalias,
			Doc: "deactivate an alias of the calling process: true if it was active"},
		Native{Function: "monitor", Arity: 3, Fn: bifMonitor3,
			Doc: "monitor/2 with options: {alias, explicit_unalias | demonitor | reply_demonitor} makes the monitor reference an alias"},
	)
}

var (
	atomAlias           = term.Atom("alias")
	atomExplicitUnalias = term.Atom("explicit_unalias")
	atomReply           = term.Atom("reply")
	atomDemonitor       = term.Atom("demonitor")
	atomReplyDemonitor  = term.Atom("reply_demonitor")
)

// aliasMode says what, besides unalias/1 and the owner's exit, deactivates
// an alias.
type aliasMode uint8

const (
	aliasExplicit       aliasMode = iota
	aliasReply                    // the first message received through it
	aliasDemonitor                // the end of its monitor
	aliasReplyDemonitor           // either; a message also ends the monitor
)

// aliasEntry is an active alias: whose it is and how it ends.
type aliasEntry struct {
	owner uint64
	mode  aliasMode
}

// aliasTable holds the active aliases of a machine by reference id. Only
// an alias's owner adds or removes it; senders read it. Keeping aliases here
// rather than in Process keeps idle processes small.
type aliasTable struct {
	mu sync.RWMutex
	m  map[uint64]aliasEntry
}

func (t *aliasTable) lookup(id uint64) (aliasEntry, bool) {
	t.mu.RLock()
	e, ok := t.m[id]
	t.mu.RUnlock()
	return e, ok
}

// addAlias activates reference id as an alias of p.
func (p *Process) addAlias(id uint64, mode aliasMode) {
	t := &p.m.aliases
	t.mu.Lock()
	if t.m == nil {
		t.m = map[uint64]aliasEntry{}
	}
	t.m[id] = aliasEntry{owner: p.id, mode: mode}
	t.mu.Unlock()
	mo := p.moreState()
	mo.aliases = append(mo.aliases, id)
}

// removeAlias deactivates alias id of p, reporting whether it was active.
func (p *Process) removeAlias(id uint64) bool {
	mo := p.more
	if mo == nil {
		return false
	}
	for i, a := range mo.aliases {
		if a == id {
			mo.aliases = append(mo.aliases[:i], mo.aliases[i+1:]...)
			t := &p.m.aliases
			t.mu.Lock()
			delete(t.m, id)
			t.mu.Unlock()
			return true
		}
	}
	return false
}

// dropAliases deactivates every alias of an exiting process.
func (p *Process) dropAliases() {
	mo := p.more
	if mo == nil || len(mo.aliases) == 0 {
		return
	}
	t := &p.m.aliases
	t.mu.Lock()
	for _, id := range mo.aliases {
		delete(t.m, id)
	}
	t.mu.Unlock()
	mo.aliases = nil
}

// sendToAlias sends msg through alias id: to its owner while it is active;
// otherwise (or for a reference that never was an alias) it is dropped.
func (m *Machine) sendToAlias(from uint64, h *term.Heap, id uint64, msg term.Term) {
	e, ok := m.aliases.lookup(id)
	if !ok {
		return
	}
	to := m.process(e.owner)
	if to == nil {
		return
	}
	fh, ft := fragment(h, msg)
	to.deliver(envelope{kind: envMessage, from: from, heap: fh, t: ft, ref: id})
}

// receiveThroughAlias decides whether a message sent through alias id is
// taken in: only while the alias is active. A reply-mode alias ends with
// the first message; reply_demonitor also ends its monitor then.
func (p *Process) receiveThroughAlias(id uint64) bool {
	e, ok := p.m.aliases.lookup(id)
	if !ok || e.owner != p.id {
		return false
	}
	switch e.mode {
	case aliasReply:
		p.removeAlias(id)
	case aliasReplyDemonitor:
		p.removeAlias(id)
		p.cancelMonitor(id)
	}
	return true
}

// monitorEnded deactivates the alias of monitor id when it was made to end
// with the monitor ({alias, demonitor | reply_demonitor}).
func (p *Process) monitorEnded(id uint64) {
	if e, ok := p.m.aliases.lookup(id); ok && e.owner == p.id &&
		(e.mode == aliasDemonitor || e.mode == aliasReplyDemonitor) {
		p.removeAlias(id)
	}
}

// cancelMonitor removes monitor id of p, at both ends, reporting whether
// it was active. Its alias, if made to end with it, ends too.
func (p *Process) cancelMonitor(id uint64) bool {
	p.infoMu.Lock()
	target, active := p.rels().monitors[id]
	p.infoMu.Unlock()
	if !active {
		return false
	}
	p.setMonitor(id, monitorEntry{})
	if to := p.m.process(target.pid); to != nil {
		to.attach(func() { delete(to.rels().monitoredBy, id) })
	}
	p.monitorEnded(id)
	return true
}

func bifAlias(p *Process, args []term.Term) term.Term {
	mode := aliasExplicit
	if len(args) == 1 {
		opts, ok := p.heap.ListToSlice(args[0])
		if !ok {
			return p.Badarg()
		}
		for _, o := range opts {
			switch o {
			case atomExplicitUnalias:
				mode = aliasExplicit
			case atomReply:
				mode = aliasReply
			default:
				return p.Badarg()
			}
		}
	}
	id := p.m.nextRef.Add(1)
	p.addAlias(id, mode)
	return p.heap.Ref(id)
}

func bifUnalias(p *Process, args []term.Term) term.Term {
	if !p.heap.IsRef(args[0]) {
		return p.Badarg()
	}
	return term.Bool(p.removeAlias(p.heap.RefID(args[0])))
}

// monitorOptions reads the option list of monitor/3 and spawn_opt's
// {monitor, Opts}: whether the reference is to be an alias, and how it ends.
func monitorOptions(h *term.Heap, t term.Term) (mode aliasMode, alias, ok bool) {
	opts, ok := h.ListToSlice(t)
	if !ok {
		return 0, false, false
	}
	for _, o := range opts {
		if !h.IsTuple(o) || h.TupleSize(o) != 2 || h.TupleElems(o)[0] != atomAlias {
			return 0, false, false
		}
		switch h.TupleElems(o)[1] {
		case atomExplicitUnalias:
			mode = aliasExplicit
		case atomDemonitor:
			mode = aliasDemonitor
		case atomReplyDemonitor:
			mode = aliasReplyDemonitor
		default:
			return 0, false, false
		}
		alias = true
	}
	return mode, alias, true
}

func bifMonitor3(p *Process, args []term.Term) term.Term {
	mode, alias, ok := monitorOptions(p.heap, args[2])
	if !ok {
		return p.Badarg()
	}
	ref := bifMonitor(p, args[:2])
	if ref == term.NoValue || !alias {
		return ref
	}
	id := p.heap.RefID(ref)
	p.infoMu.Lock()
	_, active := p.rels().monitors[id]
	p.infoMu.Unlock()
	// A monitor of a process already gone ends at once ('DOWN' noproc),
	// and with it an alias made to end with it.
	if active || mode == aliasExplicit {
		p.addAlias(id, mode)
	}
	return ref
}
