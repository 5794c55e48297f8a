package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/term"
)

// Elixir programs run on the real Elixir standard library: avm run loads
// the Elixir modules a program calls from the local Elixir installation,
// and reports an Elixir exception the way Elixir does.

// elixirLib is the ebin directories of the local Elixir installation,
// found once, when a program first calls an Elixir module it lacks.
var elixirLib = sync.OnceValues(func() ([]string, error) { return project.FindElixirLib(context.Background()) })

// loadElixirModule reads module from the local Elixir installation, if it
// is one of Elixir's (Elixir.* or elixir*).
func loadElixirModule(module string) ([]byte, error) {
	if !strings.HasPrefix(module, "Elixir.") && !strings.HasPrefix(module, "elixir") {
		return nil, fs.ErrNotExist
	}
	dirs, err := elixirLib()
	if err != nil {
		return nil, fs.ErrNotExist
	}
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(d, module+".beam"))
		if err == nil {
			return data, nil
		}
	}
	return nil, fs.ErrNotExist
}

// elixirCrashReport is the crash report of a run, its first line the
// banner Elixir prints ("** (ArgumentError) argument error") when the
// program is Elixir's.
func elixirCrashReport(m *vm.Machine, out *vm.Outcome) string {
	report := crashReport(out)
	banner, ok := m.ElixirBanner()
	if !ok {
		return report
	}
	_, frames, _ := strings.Cut(report, "\n")
	return banner + "\n" + frames
}

// crashHint explains a crash on a missing function: a missing Elixir
// module, or a function that Elixir's library calls and avm lacks (naming
// the Elixir function that calls it); else see missingModuleHint.
func crashHint(m *vm.Machine, out *vm.Outcome) string {
	h := out.Heap
	if loggerAppNeeded(h, out) {
		return "hint: Logger.configure/1 and Logger's backends need Elixir's logger application, which avm does not start (it starts no applications); :logger.set_primary_config(:level, level) and Logger.put_module_level/2 set levels\n"
	}
	if out.Class != term.AtomError || out.Reason != term.AtomUndef {
		return ""
	}
	frames, _ := h.ListToSlice(out.Stacktrace)
	if len(frames) == 0 {
		return ""
	}
	callee, ok := frameMFA(h, frames[0])
	if !ok {
		return missingModuleHint(m, out)
	}
	if _, loaded := m.Module(callee.module); !loaded && strings.HasPrefix(callee.module, "Elixir.") {
		dirs, err := elixirLib()
		if err != nil {
			return fmt.Sprintf("hint: %s is part of Elixir's library, which avm takes from the local Elixir installation: %v\n", callee.module, err)
		}
		if _, err := loadElixirModule(callee.module); err != nil {
			return fmt.Sprintf("hint: module %s was not found: not in the program, and not in the Elixir library at %s\n", callee.module, strings.Join(dirs, ", "))
		}
	}
	if len(frames) > 1 {
		if caller, ok := frameMFA(h, frames[1]); ok && strings.HasPrefix(caller.module, "Elixir.") && !strings.HasPrefix(callee.module, "Elixir.") {
			if e, found := api.Lookup(callee.module, callee.function, callee.arity); !found || !e.Implemented {
				return fmt.Sprintf("hint: %s, which Elixir's %s calls, is not implemented by avm\n", callee, caller)
			}
		}
	}
	return missingModuleHint(m, out)
}

type frameFunc struct {
	module, function string
	arity            int
}

func (f frameFunc) String() string {
	return fmt.Sprintf("%s:%s/%d", term.QuoteAtom(f.module), term.QuoteAtom(f.function), f.arity)
}

// frameMFA reads the function of a stacktrace frame {M, F, ArityOrArgs, Location}.
func frameMFA(h *term.Heap, fr term.Term) (frameFunc, bool) {
	if !h.IsTuple(fr) || h.TupleSize(fr) != 4 {
		return frameFunc{}, false
	}
	e := h.TupleElems(fr)
	if !e[0].IsAtom() || !e[1].IsAtom() {
		return frameFunc{}, false
	}
	f := frameFunc{module: term.AtomName(e[0]), function: term.AtomName(e[1])}
	if e[2].IsSmall() {
		f.arity = int(e[2].Small())
	} else if args, ok := h.ListToSlice(e[2]); ok {
		f.arity = len(args)
	}
	return f, true
}

// loggerAppNeeded reports whether a crash is a call to the gen_event that
// Elixir's logger application runs (Logger.configure/1, add_backend…):
// exit {noproc, {gen_event, call, ['Elixir.Logger' | _]}}.
func loggerAppNeeded(h *term.Heap, out *vm.Outcome) bool {
	if out.Class != term.AtomExit || !h.IsTuple(out.Reason) || h.TupleSize(out.Reason) != 2 {
		return false
	}
	r := h.TupleElems(out.Reason)
	if r[0] != term.Atom("noproc") || !h.IsTuple(r[1]) || h.TupleSize(r[1]) != 3 {
		return false
	}
	call := h.TupleElems(r[1])
	args, ok := h.ListToSlice(call[2])
	return ok && len(args) > 0 && call[0] == term.Atom("gen_event") && args[0] == term.Atom("Elixir.Logger")
}
