package vm

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// Hot code loading, as OTP's code server does it and AtomVM cannot. A
// module has a current version and at most one old version. Loading a new
// version makes the current one old and re-points the module's exports at
// the new one: fully-qualified calls (?MODULE:loop()) go to the new code,
// while local calls, return addresses and catch handlers keep naming the
// version they were made in (each version is a Module of its own, with its
// own VM-wide id), so a process running the old code goes on running it
// until its next external call. Funs keep the version they were made from.
//
// Purging the old version kills the processes that still run it (have it
// as their current module, or a return address or catch handler into it
// on their stack), with reason killed, as code:purge/1 does; a soft purge
// refuses instead. A fun of a purged version still works, since its code
// stays reachable (OTP would count the fun's holder as a user and kill it).
//
// Whether a process runs a version is read at a safe point: a process
// waiting in receive is read by the purger directly (holding its mailbox
// lock keeps it waiting meanwhile); any other one is sent a check signal,
// which it answers itself when it next takes in its signals, at the start
// of its next slice or in a receive, before it runs further code.

// codeCheckTimeout bounds how long Reload and the purges wait for busy
// processes to answer a check.
const codeCheckTimeout = 5 * time.Second

// Reload loads f as the new version of its module, while processes may run
// the current one, as code:load_binary/3 does after purging: an old
// version left by the previous reload is purged first, killing the
// processes still running it. A module not loaded yet is simply loaded.
// name is used in error messages. A file that does not load changes
// nothing.
func (m *Machine) Reload(name string, f *beam.File) error {
	mod, err := (&loader{m: m, f: rewriteLegacyBinaries(f), name: name}).load()
	if err != nil {
		return err
	}
	if _, err := m.purge(nil, mod.name, true); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.oldCode[mod.name] != nil {
		// Another reload raced this one in.
		return fmt.Errorf("%s: module %s was reloaded meanwhile", name, mod.Name())
	}
	m.installLocked(mod)
	return nil
}

// Purge removes the old version of module, killing the processes that
// still run it; it returns how many it killed (0 also when there was no
// old version).
func (m *Machine) Purge(module string) (int, error) {
	return m.purge(nil, term.Atom(module), true)
}

// SoftPurge removes the old version of module unless a process still runs
// it, and reports whether the module has no old version now.
func (m *Machine) SoftPurge(module string) (bool, error) {
	n, err := m.purge(nil, term.Atom(module), false)
	return n == 0 && err == nil, err
}

// HasOldCode reports whether module has an old version.
func (m *Machine) HasOldCode(module string) bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.oldCode[term.Atom(module)] != nil
}

// installLocked makes mod the current version of its module: a loaded
// version becomes the old one, and the exports go to mod (those mod no
// longer exports become unbound, so calls to them raise undef).
func (m *Machine) installLocked(mod *Module) {
	cur := m.byName[mod.name]
	registerModule(mod)
	m.byName[mod.name] = mod
	for k, pc := range mod.exports {
		if e := m.exportEntryLocked(mfa{mod.name, k.f, k.a}); e.native == nil {
			e.bound.Store(&codePtr{mod, pc})
		}
	}
	if cur == nil {
		return
	}
	if m.oldCode == nil {
		m.oldCode = map[term.Term]*Module{}
	}
	m.oldCode[mod.name] = cur
	for k := range cur.exports {
		if _, still := mod.exports[k]; still {
			continue
		}
		if e := m.exports[mfa{mod.name, k.f, k.a}]; e != nil && e.native == nil {
			e.bound.Store(nil)
		}
	}
}

// deleteLocked makes the current version of module old, as code:delete/1:
// its exports become unbound, so the next call loads it again (from the
// archives) or raises undef. It reports false when the module is not
// loaded or already has an old version.
func (m *Machine) deleteLocked(name term.Term) bool {
	cur := m.byName[name]
	if cur == nil || m.oldCode[name] != nil {
		return false
	}
	delete(m.byName, name)
	if m.oldCode == nil {
		m.oldCode = map[term.Term]*Module{}
	}
	m.oldCode[name] = cur
	for k := range cur.exports {
		if e := m.exports[mfa{name, k.f, k.a}]; e != nil && e.native == nil {
			e.bound.Store(nil)
		}
	}
	return true
}

// purge removes the old version of module name. With kill, the processes
// running it are killed and counted; without, it is kept when any runs it,
// and the count is how many do. caller, when the purge is made by a native,
// is the calling process: it cannot wait for others to answer, so busy
// processes are then signalled to check themselves (and die if they run
// the old version) without being waited for, and a soft purge counts them
// as users, being unable to tell.
func (m *Machine) purge(caller *Process, name term.Term, kill bool) (int, error) {
	m.mu.RLock()
	old := m.oldCode[name]
	m.mu.RUnlock()
	if old == nil {
		return 0, nil
	}
	users, err := m.checkUsers(caller, old, kill)
	if err != nil {
		return 0, err
	}
	if !kill && users > 0 {
		return users, nil
	}
	m.mu.Lock()
	if m.oldCode[name] == old {
		delete(m.oldCode, name)
	}
	m.mu.Unlock()
	return users, nil
}

// codeCheck is one check of which processes run a module version.
type codeCheck struct {
	mod  *Module
	kill bool

	mu      sync.Mutex
	pending map[uint64]*Process // asked, not answered yet
	users   int
}

// codeChecks holds the checks in progress by id, which the check signal
// carries (envelope.ref).
var (
	codeChecks  sync.Map
	nextCheckID atomic.Uint64
)

// checkUsers counts the processes running mod, killing them with kill.
func (m *Machine) checkUsers(caller *Process, mod *Module, kill bool) (int, error) {
	m.procMu.RLock()
	procs := make([]*Process, 0, len(m.procs))
	for _, p := range m.procs {
		procs = append(procs, p)
	}
	m.procMu.RUnlock()

	users := 0
	var doomed, busy []*Process
	for _, p := range procs {
		if p == caller {
			// A native's own process: it is the one running, safe to read.
			if p.runs(mod) {
				users++
				doomed = append(doomed, p)
			}
			continue
		}
		p.mbox.Lock()
		switch p.state {
		case stateExited:
		case stateWaiting:
			if p.runs(mod) {
				users++
				doomed = append(doomed, p)
			}
		default:
			busy = append(busy, p)
		}
		p.mbox.Unlock()
	}
	if kill {
		for _, p := range doomed {
			p.deliver(envelope{kind: envExit, from: p.id, t: term.AtomKill})
		}
	}
	if len(busy) == 0 {
		return users, nil
	}
	if caller != nil {
		// A native cannot wait for others: busy processes check
		// themselves at their next safe point, and die there if they run
		// the old version; a soft purge must count them as users.
		if !kill {
			return users + len(busy), nil
		}
		for _, p := range busy {
			p.deliver(envelope{kind: envCheck, gen: uint64(mod.id)})
		}
		return users, nil
	}

	c := &codeCheck{mod: mod, kill: kill, pending: map[uint64]*Process{}, users: users}
	for _, p := range busy {
		c.pending[p.id] = p
	}
	id := nextCheckID.Add(1)
	codeChecks.Store(id, c)
	defer codeChecks.Delete(id)
	for _, p := range busy {
		if !p.deliver(envelope{kind: envCheck, ref: id, gen: uint64(mod.id)}) {
			c.answered(p.id, false)
		}
	}
	// Wait for the answers; a process that exits first answers no.
	deadline := time.Now().Add(codeCheckTimeout)
	for wait := 50 * time.Microsecond; ; wait = min(2*wait, 10*time.Millisecond) {
		c.mu.Lock()
		for pid, p := range c.pending {
			p.mbox.Lock()
			if p.state == stateExited {
				delete(c.pending, pid)
			}
			p.mbox.Unlock()
		}
		var late []string
		for pid := range c.pending {
			late = append(late, fmt.Sprintf("<0.%d.%d>", pid&0x7FFF, pid>>15))
		}
		users := c.users
		c.mu.Unlock()
		if len(late) == 0 {
			return users, nil
		}
		if time.Now().After(deadline) {
			sort.Strings(late)
			return 0, fmt.Errorf("checking which processes run the old code of %s: %s did not answer within %v (busy in a native call)", mod.Name(), strings.Join(late, ", "), codeCheckTimeout)
		}
		time.Sleep(wait)
	}
}

func (c *codeCheck) answered(pid uint64, uses bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.pending[pid]; !ok {
		return
	}
	delete(c.pending, pid)
	if uses {
		c.users++
	}
}

// answerCodeCheck answers, at a safe point of the process, whether it
// runs module version modID: to check ref, or, when ref is 0, to a purge
// that kills it if so. It reports true when the check kills the process.
func (p *Process) answerCodeCheck(ref uint64, modID uint32) bool {
	uses := p.runs(moduleByID(modID))
	kill := ref == 0
	if ref != 0 {
		v, ok := codeChecks.Load(ref)
		if !ok {
			return false // given up on
		}
		c := v.(*codeCheck)
		c.answered(p.id, uses)
		kill = c.kill
	}
	if uses && kill {
		p.killedBy(term.AtomKilled)
		return true
	}
	return false
}

// runs reports whether the process runs code of mod: it is its current
// module, or its stack holds a return address or catch handler into it.
// Only the process itself, or one holding its mailbox lock while it
// waits, may ask.
func (p *Process) runs(mod *Module) bool {
	if p.hibernating {
		return false // its stack is gone; it wakes with an external call
	}
	if p.curMod == mod {
		return true
	}
	for _, t := range p.stack {
		switch {
		case t.IsCP():
			if v := t.CPValue(); v != topCP && uint32(v>>32) == mod.id {
				return true
			}
		case t.IsCatch():
			if id, _, _ := decodeCatch(t); id == mod.id {
				return true
			}
		}
	}
	return false
}

// ReplaceArchive puts a in place of the archive added as file (see
// AddArchive), so that modules loaded from now on, and priv files, come
// from it; it reports false when no archive was added as file.
func (m *Machine) ReplaceArchive(file string, a *packbeam.Archive) bool {
	l := &m.archives
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, o := range l.list {
		if o.file == file {
			o.a = a
			return true
		}
	}
	return false
}
