package vm

import (
	"errors"
	"io/fs"

	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// The code server's loading functions (hotload.go has the model): a
// module has a current and at most one old version.

func init() {
	register("code",
		Native{Function: "load_binary", Arity: 3, Fn: codeLoadBinary,
			Doc: "load_binary(Module, Filename, Binary): loads a new version of Module; {module, Module} or {error, badfile | not_purged | badarg}"},
		Native{Function: "purge", Arity: 1, Fn: codePurge,
			Doc: "purge(Module): removes its old version, killing the processes running it; true if it killed any waiting ones (running ones die at their next safe point, uncounted)"},
		Native{Function: "soft_purge", Arity: 1, Fn: codeSoftPurge,
			Doc: "soft_purge(Module): removes its old version unless a process runs it (a running process counts as one); false if one does"},
		Native{Function: "delete", Arity: 1, Fn: codeDelete,
			Doc: "delete(Module): makes its current version old, so that calls no longer reach it; false if it has old code or is not loaded"},
		Native{Function: "ensure_loaded", Arity: 1, Fn: codeEnsureLoaded,
			Doc: "ensure_loaded(Module): loads it if needed; {module, Module} or {error, nofile | badfile}"},
	)
	register("erlang",
		Native{Function: "check_old_code", Arity: 1, Fn: bifCheckOldCode,
			Doc: "check_old_code(Module): true if Module has an old version"},
		Native{Function: "delete_module", Arity: 1, Fn: bifDeleteModule,
			Doc: "delete_module(Module): makes its current version old; undefined if not loaded, badarg if it has old code"},
		Native{Function: "purge_module", Arity: 1, Fn: bifPurgeModule,
			Doc: "purge_module(Module): drops its old version without checking processes (code:purge/1 checks); badarg if none"},
	)
}

var (
	atomBadfile   = term.Atom("badfile")
	atomNotPurged = term.Atom("not_purged")
	atomNofile    = term.Atom("nofile")
)

func codeLoadBinary(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, file, bin := args[0], args[1], args[2]
	data, ok := h.BinaryBytes(bin)
	if !name.IsAtom() || !ok || !(file.IsList() || h.IsBinary(file)) {
		return h.Tuple(term.AtomError, term.AtomBadarg)
	}
	if p.m.HasOldCode(term.AtomName(name)) {
		return h.Tuple(term.AtomError, atomNotPurged) // before the binary is even looked at, as in OTP
	}
	return p.loadBinary(term.AtomName(name)+".beam", data, name)
}

// loadBinary loads BEAM bytes as a new version of their module (which
// must be want, unless want is NoValue), named where in errors and in
// code:which/1: {module, Module} or {error, not_purged | badfile}.
func (p *Process) loadBinary(where string, data []byte, want term.Term) term.Term {
	h, m := p.heap, p.m
	f, err := beam.Parse(where, data)
	if err != nil {
		return h.Tuple(term.AtomError, atomBadfile)
	}
	mod, err := (&loader{m: m, f: rewriteLegacyBinaries(f), name: where}).load()
	if err != nil || (want != term.NoValue && mod.name != want) {
		return h.Tuple(term.AtomError, atomBadfile)
	}
	name := mod.name
	m.mu.Lock()
	if m.oldCode[name] != nil {
		m.mu.Unlock()
		return h.Tuple(term.AtomError, atomNotPurged)
	}
	m.installLocked(mod)
	m.mu.Unlock()
	return h.Tuple(term.AtomModule, name)
}

func codePurge(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	n, _ := p.m.purge(p, args[0], true) // a native's purge never waits, so never times out
	return term.Bool(n > 0)
}

func codeSoftPurge(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	n, _ := p.m.purge(p, args[0], false)
	return term.Bool(n == 0)
}

func codeDelete(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	m := p.m
	m.mu.Lock()
	defer m.mu.Unlock()
	return term.Bool(m.deleteLocked(args[0]))
}

func codeEnsureLoaded(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	if _, err := p.m.ensureLoaded(args[0]); err != nil {
		if p.m.preloaded(args[0]) {
			return h.Tuple(term.AtomModule, args[0])
		}
		if errors.Is(err, errNoModule) || errors.Is(err, fs.ErrNotExist) {
			return h.Tuple(term.AtomError, atomNofile)
		}
		return h.Tuple(term.AtomError, atomBadfile)
	}
	return h.Tuple(term.AtomModule, args[0])
}

func bifCheckOldCode(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	return term.Bool(p.m.HasOldCode(term.AtomName(args[0])))
}

func bifDeleteModule(p *Process, args []term.Term) term.Term {
	name := args[0]
	if !name.IsAtom() {
		return p.Badarg()
	}
	m := p.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.oldCode[name] != nil {
		return p.Badarg()
	}
	if !m.deleteLocked(name) {
		return term.AtomUndefined
	}
	return term.True
}

func bifPurgeModule(p *Process, args []term.Term) term.Term {
	name := args[0]
	if !name.IsAtom() {
		return p.Badarg()
	}
	m := p.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.oldCode[name] == nil {
		return p.Badarg()
	}
	// Processes still in that code keep running it: it stays reachable.
	delete(m.oldCode, name)
	return term.True
}
