package vm

import (
	"crypto/md5"

	"github.com/avmtool/avm/vm/term"
)

// Natives about code: apply, module information, funs.

func init() {
	register("erlang",
		Native{Function: "apply", Arity: 2, special: specialApply2, Fn: notCalled,
			Doc: "apply(Fun, Args): calls Fun with the elements of Args as arguments"},
		Native{Function: "apply", Arity: 3, special: specialApply3, Fn: notCalled,
			Doc: "apply(Module, Function, Args): calls Module:Function with the elements of Args"},
		Native{Function: "get_module_info", Arity: 1, Fn: bifGetModuleInfo1,
			Doc: "the information module_info/0 returns for a loaded module"},
		Native{Function: "get_module_info", Arity: 2, Fn: bifGetModuleInfo2,
			Doc: "one item of module_info/1: module, exports, functions, attributes, compile, md5, nifs, native"},
		Native{Function: "function_exported", Arity: 3, Fn: bifFunctionExported,
			Doc: "true if the module is loaded and exports Function/Arity (or it is a BIF)"},
		Native{Function: "make_fun", Arity: 3, Fn: bifMakeFun,
			Doc: "fun Module:Function/Arity"},
		Native{Function: "fun_info", Arity: 2, Fn: bifFunInfo,
			Doc: "one item of information about a fun: arity, module, name, env, type, index, uniq…"},
		Native{Function: "is_builtin", Arity: 3, Fn: bifIsBuiltin,
			Doc: "true if Module:Function/Arity is implemented natively"},
	)
}

// notCalled backs natives the interpreter carries out itself.
func notCalled(p *Process, args []term.Term) term.Term { return p.Badarg() }

func (p *Process) loadedModule(t term.Term) *Module {
	if !t.IsAtom() {
		return nil
	}
	p.m.mu.RLock()
	defer p.m.mu.RUnlock()
	return p.m.byName[t]
}

var moduleInfoKeys = []term.Term{term.AtomModule, term.AtomExports, term.AtomAttributes, term.AtomCompile, term.AtomMd5}

func bifGetModuleInfo1(p *Process, args []term.Term) term.Term {
	h := p.heap
	items := make([]term.Term, len(moduleInfoKeys))
	for i, k := range moduleInfoKeys {
		v := moduleInfo(p, args[0], k)
		if v == term.NoValue {
			return p.Badarg()
		}
		items[i] = h.Tuple(k, v)
	}
	return h.List(items...)
}

func bifGetModuleInfo2(p *Process, args []term.Term) term.Term {
	v := moduleInfo(p, args[0], args[1])
	if v == term.NoValue {
		return p.Badarg()
	}
	return v
}

// moduleInfo answers module_info(Key) of a loaded or preloaded module, or
// returns NoValue.
func moduleInfo(p *Process, module, key term.Term) term.Term {
	if mod := p.loadedModule(module); mod != nil {
		return mod.info(p.heap, key)
	}
	if module.IsAtom() && p.m.preloaded(module) {
		return preloadedInfo(p.heap, module, key)
	}
	return term.NoValue
}

// info answers module_info(Key).
func (m *Module) info(h *term.Heap, key term.Term) term.Term {
	switch key {
	case term.AtomModule:
		return m.name
	case term.AtomExports:
		return m.functionList(h, true)
	case term.AtomFunctions:
		return m.functionList(h, false)
	case term.AtomAttributes:
		return m.attrs
	case term.AtomCompile:
		return m.compile
	case term.AtomMd5:
		sum := md5.Sum([]byte(m.Name()))
		if m.md5 != nil {
			sum = *m.md5
		}
		return h.MakeBinary(sum[:])
	case term.AtomNifs:
		return term.Nil
	case term.AtomNative:
		return term.False
	}
	return term.NoValue
}

// functionList lists {Name, Arity} of the exported (or all) functions, in
// the order OTP gives them: the order of the export table (reversed, as
// the runtime builds the list) for exports, the code order for functions.
func (m *Module) functionList(h *term.Heap, exportedOnly bool) term.Term {
	list := term.Nil
	if exportedOnly {
		for _, e := range m.exportOrder {
			list = h.Cons(h.Tuple(e.f, term.MakeSmall(int64(e.a))), list)
		}
		return list
	}
	for i := len(m.funcs) - 1; i >= 0; i-- {
		f := m.funcs[i]
		list = h.Cons(h.Tuple(f.name, term.MakeSmall(int64(f.arity))), list)
	}
	return list
}

func bifFunctionExported(p *Process, args []term.Term) term.Term {
	m, f, a := args[0], args[1], args[2]
	if !m.IsAtom() || !f.IsAtom() || !a.IsSmall() || a.Small() < 0 {
		return p.Badarg()
	}
	if lookupNative(m, f, int(a.Small())) != nil || p.m.preloadedNative(mfa{m, f, int(a.Small())}) != nil {
		return term.True
	}
	mod := p.loadedModule(m)
	if mod == nil {
		return term.False
	}
	_, ok := mod.exported(f, int(a.Small()))
	return term.Bool(ok)
}

func bifMakeFun(p *Process, args []term.Term) term.Term {
	m, f, a := args[0], args[1], args[2]
	if !m.IsAtom() || !f.IsAtom() || !a.IsSmall() || a.Small() < 0 || a.Small() > 255 {
		return p.Badarg()
	}
	return p.heap.ExportFun(m, f, int(a.Small()))
}

func bifIsBuiltin(p *Process, args []term.Term) term.Term {
	m, f, a := args[0], args[1], args[2]
	if !m.IsAtom() || !f.IsAtom() || !a.IsSmall() {
		return p.Badarg()
	}
	return term.Bool(lookupNative(m, f, int(a.Small())) != nil)
}

var (
	atomEnv      = term.Atom("env")
	atomNewIndex = term.Atom("new_index")
	atomNewUniq  = term.Atom("new_uniq")
)

func bifFunInfo(p *Process, args []term.Term) term.Term {
	h := p.heap
	f, item := args[0], args[1]
	if !h.IsFun(f) || !item.IsAtom() {
		return p.Badarg()
	}
	if h.IsExportFun(f) {
		m, fn, a := h.ExportParts(f)
		var v term.Term
		switch item {
		case term.AtomModule:
			v = m
		case term.AtomNameKey:
			v = fn
		case term.AtomArity:
			v = term.MakeSmall(int64(a))
		case term.AtomType:
			v = term.AtomExternal
		case atomEnv:
			v = term.Nil
		case term.AtomPid, term.AtomIndex, atomNewIndex, atomNewUniq, term.AtomUniq:
			v = term.AtomUndefined
		default:
			return p.Badarg()
		}
		return h.Tuple(item, v)
	}
	ref, free := h.ClosureParts(f)
	mod := moduleByID(uint32(ref >> 32))
	lam := mod.lambdas[uint32(ref)]
	var v term.Term
	switch item {
	case term.AtomModule:
		v = mod.name
	case term.AtomNameKey:
		v = lam.name
	case term.AtomArity:
		v = term.MakeSmall(int64(lam.arity))
	case term.AtomType:
		v = term.AtomLocal
	case atomEnv:
		v = h.List(free...)
	case term.AtomPid:
		v = p.Pid()
	case term.AtomIndex:
		v = term.MakeSmall(int64(lam.index))
	case term.AtomUniq:
		v = term.MakeSmall(int64(lam.uniq))
	case atomNewIndex:
		v = term.MakeSmall(int64(uint32(ref)))
	case atomNewUniq:
		v = h.MakeBinary(make([]byte, 16))
	default:
		return p.Badarg()
	}
	return h.Tuple(item, v)
}
