package vm

import (
	"fmt"
	"sort"

	"github.com/avmtool/avm/vm/term"
)

// NativeFunc implements a function in Go. It returns the result, or
// term.NoValue after raising an exception with one of Process's raise
// helpers (p.Badarg(), p.Raise(...)). Natives may allocate on p's heap; the
// heap grows as needed and is never collected during a native call.
type NativeFunc func(p *Process, args []term.Term) term.Term

// Native is one entry of the API registry: every function the VM provides
// in Go. Tools (the LSP, diagnostics, docs) read this registry.
type Native struct {
	Module, Function string
	Arity            int
	Fn               NativeFunc
	Doc              string
	// Guard marks BIFs allowed in guards (they fail silently there).
	Guard bool

	special specialNative
}

// specialNative marks natives the interpreter carries out itself because
// they call Erlang code (apply).
type specialNative uint8

const (
	specialNone specialNative = iota
	specialApply2
	specialApply3
)

type mfa struct {
	m, f term.Term
	a    int
}

var natives = map[mfa]*Native{}

// register adds natives to the registry; called from init functions, one
// table per module.
func register(module string, entries ...Native) {
	for i := range entries {
		n := &entries[i]
		n.Module = module
		k := mfa{term.Atom(module), term.Atom(n.Function), n.Arity}
		if _, dup := natives[k]; dup {
			panic(fmt.Sprintf("vm: native %s:%s/%d registered twice", module, n.Function, n.Arity))
		}
		natives[k] = n
	}
}

func lookupNative(m, f term.Term, arity int) *Native { return natives[mfa{m, f, arity}] }

// Natives returns the registry, sorted by module, function and arity.
func Natives() []Native {
	out := make([]Native, 0, len(natives))
	for _, n := range natives {
		out = append(out, *n)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.Function != b.Function {
			return a.Function < b.Function
		}
		return a.Arity < b.Arity
	})
	return out
}
