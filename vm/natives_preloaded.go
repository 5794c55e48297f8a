package vm

import (
	"crypto/md5"
	"sort"
	"strings"
	"sync"

	"github.com/avmtool/avm/vm/term"
)

// Modules avm implements in Go alone (erlang, ets, atomics…) are what OTP
// calls preloaded: there is no code to load, they are always loaded, and
// they have module_info/0,1 like any module. Elixir asks
// function_exported(M, module_info, 0) to tell a missing module from a
// missing function.

// preloaded reports whether module is implemented in Go alone.
func (m *Machine) preloaded(module term.Term) bool {
	if !nativeModules()[module] {
		return false
	}
	_, _, found := m.locate(term.AtomName(module))
	return !found
}

// nativeModules are the modules with functions in Go.
var nativeModules = sync.OnceValue(func() map[term.Term]bool {
	mods := map[term.Term]bool{}
	for k := range natives {
		mods[k.m] = true
	}
	return mods
})

var atomModuleInfo = term.Atom("module_info")

// preloadedNative returns M:module_info/0,1 of a preloaded module M, or
// nil when k is not one.
func (m *Machine) preloadedNative(k mfa) *Native {
	if k.f != atomModuleInfo || k.a > 1 || !m.preloaded(k.m) {
		return nil
	}
	mod := k.m
	return &Native{Module: term.AtomName(mod), Function: "module_info", Arity: k.a,
		Doc: "module_info/0,1 of a module implemented in Go",
		Fn: func(p *Process, args []term.Term) term.Term {
			if len(args) == 0 {
				return bifGetModuleInfo1(p, []term.Term{mod})
			}
			return bifGetModuleInfo2(p, []term.Term{mod, args[0]})
		}}
}

// preloadedInfo answers module_info(Key) of a preloaded module.
func preloadedInfo(h *term.Heap, mod, key term.Term) term.Term {
	switch key {
	case term.AtomModule:
		return mod
	case term.AtomExports, term.AtomFunctions:
		return preloadedExports(h, mod)
	case term.AtomAttributes, term.AtomCompile, term.AtomNifs:
		return term.Nil
	case term.AtomMd5:
		return h.MakeBinary(exportsDigest(mod))
	case term.AtomNative:
		return term.False
	}
	return term.NoValue
}

// preloadedFunctions returns a preloaded module's functions, module_info/0,1
// included, sorted.
func preloadedFunctions(mod term.Term) []mfa {
	fas := []mfa{{mod, atomModuleInfo, 0}, {mod, atomModuleInfo, 1}}
	for k := range natives {
		if k.m == mod {
			fas = append(fas, k)
		}
	}
	sort.Slice(fas, func(i, j int) bool {
		fi, fj := term.AtomName(fas[i].f), term.AtomName(fas[j].f)
		return fi < fj || fi == fj && fas[i].a < fas[j].a
	})
	return fas
}

func preloadedExports(h *term.Heap, mod term.Term) term.Term {
	fas := preloadedFunctions(mod)
	out := make([]term.Term, len(fas))
	for i, x := range fas {
		out[i] = h.Tuple(x.f, term.MakeSmall(int64(x.a)))
	}
	return h.List(out...)
}

// exportsDigest stands for the md5 of a module's code, which a module in
// Go does not have: the digest of its function list, which changes when
// the module does.
func exportsDigest(mod term.Term) []byte {
	var b strings.Builder
	for _, k := range preloadedFunctions(mod) {
		b.WriteString(term.AtomName(k.f))
		b.WriteByte('/')
		b.WriteByte(byte(k.a))
	}
	sum := md5.Sum([]byte(b.String()))
	return sum[:]
}
