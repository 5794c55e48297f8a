package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// missingModuleHint explains a crash on a call to a function that avm
// could not find: device functions that exist only on boards, AtomVM
// functions avm lacks, Elixir's library, or a module missing from the
// archives. It returns "" for other crashes.
func missingModuleHint(m *vm.Machine, out *vm.Outcome) string {
	h := out.Heap
	if out.Class != term.AtomError || out.Reason != term.AtomUndef {
		return ""
	}
	frames, _ := h.ListToSlice(out.Stacktrace)
	if len(frames) == 0 || !h.IsTuple(frames[0]) || h.TupleSize(frames[0]) != 4 {
		return ""
	}
	e := h.TupleElems(frames[0])
	if !e[0].IsAtom() || !e[1].IsAtom() {
		return ""
	}
	module, function := term.AtomName(e[0]), term.AtomName(e[1])
	arity := 0
	if e[2].IsSmall() {
		arity = int(e[2].Small())
	} else if args, ok := h.ListToSlice(e[2]); ok {
		arity = len(args)
	}
	mfa := fmt.Sprintf("%s:%s/%d", term.QuoteAtom(module), term.QuoteAtom(function), arity)
	if entry, ok := api.Lookup(module, function, arity); ok && !entry.Implemented && len(entry.AtomVM) > 0 {
		platforms := map[string]bool{}
		for _, a := range entry.AtomVM {
			for _, p := range a.Platforms {
				platforms[p] = true
			}
		}
		names := make([]string, 0, len(platforms))
		for p := range platforms {
			names = append(names, p)
		}
		sort.Strings(names)
		if !platforms["generic_unix"] {
			return fmt.Sprintf("hint: %s belongs to the device: AtomVM has it on %s, and avm's simulated board does not have it yet; build with avm build and run it on a board (avm flash)\n",
				mfa, strings.Join(names, ", "))
		}
		return fmt.Sprintf("hint: AtomVM has %s, but avm does not implement it yet\n", mfa)
	}
	if _, loaded := m.Module(module); loaded {
		if elixirLibraryExports(module, function, arity) {
			return fmt.Sprintf("hint: Elixir's library has %s, but the archive does not: avm build packs only the library functions the app's code reaches, and this one is called by a name computed at run time; build with avm build --whole-elixir-modules\n", mfa)
		}
		return "" // the program's own module lacks the function
	}
	if strings.HasPrefix(module, "Elixir.") {
		return fmt.Sprintf("hint: %s is part of Elixir's library, which avm takes from your Elixir installation: install Elixir (elixir on the PATH), or run the archive avm build made, which carries the modules the app reaches\n", module)
	}
	return fmt.Sprintf("hint: module %s was not found: not in the archives or files given, not in avm's standard library, and there is no %s.beam in the current directory\n", module, module)
}

// elixirLibraryExports reports whether the local Elixir installation's
// module exports function/arity.
func elixirLibraryExports(module, function string, arity int) bool {
	data, err := loadElixirModule(module)
	if err != nil {
		return false
	}
	f, err := beam.Parse(module, data)
	if err != nil {
		return false
	}
	for _, x := range f.Exports {
		if int(x.Arity) == arity && int(x.Function) <= len(f.Atoms) && f.Atoms[x.Function-1] == function {
			return true
		}
	}
	return false
}
