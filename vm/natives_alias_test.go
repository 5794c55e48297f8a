package vm

import (
	"io"
	"testing"
	"unsafe"

	"github.com/avmtool/avm/vm/term"
)

// Alias state lives in the machine's table and the owner's procMore, not in
// Process: a million idle processes must fit in a GiB.
func TestAliasesKeepProcessSmall(t *testing.T) {
	if n := unsafe.Sizeof(Process{}); n > 384 {
		t.Errorf("Process is %d bytes, want at most 384", n)
	}
}

// aliasCount is how many aliases the machine holds active.
func aliasCount(m *Machine) int {
	m.aliases.mu.RLock()
	defer m.aliases.mu.RUnlock()
	return len(m.aliases.m)
}

// TestAliasesDoNotLeak: every way an alias ends takes it out of the
// machine's table, so a long-running server making calls leaks nothing.
func TestAliasesDoNotLeak(t *testing.T) {
	m := New(Options{Stderr: io.Discard})
	owner, sender := m.newProcess(), m.newProcess()
	msg := term.Atom("hello")

	// alias([reply]): the first message received through it ends it.
	reply := bifAlias(owner, []term.Term{owner.heap.List(atomReply)})
	sender.send(sender.heap.CopyFrom(owner.heap, reply), msg)
	sender.send(sender.heap.CopyFrom(owner.heap, reply), msg)
	owner.handleSignals()
	if len(owner.msgs) != 1 || aliasCount(m) != 0 {
		t.Fatalf("after two messages through a reply alias: %d messages, %d aliases; want 1, 0", len(owner.msgs), aliasCount(m))
	}

	// unalias/1 ends it; a message sent afterwards is not even queued.
	explicit := bifAlias(owner, nil)
	if r := bifUnalias(owner, []term.Term{explicit}); r != term.True || aliasCount(m) != 0 {
		t.Fatalf("unalias: %s with %d aliases left", owner.heap.Format(r), aliasCount(m))
	}
	sender.send(sender.heap.CopyFrom(owner.heap, explicit), msg)
	if len(owner.inbox) != 0 {
		t.Errorf("a message to an inactive alias was queued")
	}

	// demonitor/1 ends a monitor alias made with {alias, demonitor}.
	mon := bifMonitor3(owner, []term.Term{term.AtomProcess, sender.Pid(),
		owner.heap.List(owner.heap.Tuple(atomAlias, atomDemonitor))})
	if aliasCount(m) != 1 {
		t.Fatalf("monitor/3 with an alias: %d aliases, want 1", aliasCount(m))
	}
	bifDemonitor(owner, []term.Term{mon})
	if aliasCount(m) != 0 {
		t.Errorf("demonitor left %d aliases", aliasCount(m))
	}

	// The owner's exit ends the rest.
	bifAlias(owner, nil)
	bifMonitor3(owner, []term.Term{term.AtomProcess, sender.Pid(),
		owner.heap.List(owner.heap.Tuple(atomAlias, atomExplicitUnalias))})
	owner.outcome = &Outcome{Heap: owner.heap, Value: term.AtomOk}
	owner.exit()
	if aliasCount(m) != 0 {
		t.Errorf("the owner's exit left %d aliases", aliasCount(m))
	}
}
