package project

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// An Elixir app runs on the real Elixir standard library: the .beam files
// of the user's own Elixir installation (elixir, logger…), which avm runs
// unchanged. A build packs the modules of it that the app reaches, and no
// others.

// ElixirStdlib says what AddElixirStdlib added to an archive.
type ElixirStdlib struct {
	Dirs    []string `json:"dirs"`    // the ebin directories the modules came from
	Modules []string `json:"modules"` // the modules added, sorted
	Bytes   int      `json:"bytes"`   // what they add to the archive
	// Functions of those modules packed, and left out as unreachable.
	Functions        int `json:"functions"`
	FunctionsDropped int `json:"functions_dropped"`
}

// FindElixirLib returns the ebin directories of the local Elixir
// installation's applications (elixir, logger, eex…), the elixir one first.
// The elixir on PATH is a script in the installation's bin directory, next
// to lib/; where it is not (a wrapper, asdf), elixir is asked.
func FindElixirLib(ctx context.Context) ([]string, error) {
	path, err := exec.LookPath("elixir")
	if err != nil {
		return nil, errors.New("elixir is not installed (no elixir on PATH): an Elixir app runs on Elixir's standard library, which avm takes from the local installation")
	}
	var elixirDir string
	if real, err := filepath.EvalSymlinks(path); err == nil {
		elixirDir = filepath.Join(filepath.Dir(filepath.Dir(real)), "lib", "elixir")
	}
	if !isFile(filepath.Join(elixirDir, "ebin", "Elixir.Kernel.beam")) {
		out, err := exec.CommandContext(ctx, path, "-e", "IO.puts(:code.lib_dir(:elixir))").Output()
		if err != nil {
			return nil, fmt.Errorf("asking %s where its library is: %w", path, err)
		}
		elixirDir = strings.TrimSpace(string(out))
		if !isFile(filepath.Join(elixirDir, "ebin", "Elixir.Kernel.beam")) {
			return nil, fmt.Errorf("%s has no Elixir.Kernel.beam: not Elixir's library", filepath.Join(elixirDir, "ebin"))
		}
	}
	dirs := []string{filepath.Join(elixirDir, "ebin")}
	others, _ := filepath.Glob(filepath.Join(filepath.Dir(elixirDir), "*", "ebin"))
	sort.Strings(others)
	for _, d := range others {
		if d != dirs[0] {
			dirs = append(dirs, d)
		}
	}
	return dirs, nil
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// packElixirStdlib adds to the archive of a build the Elixir library
// modules its Elixir modules reach, and says so in res.
func packElixirStdlib(ctx context.Context, a *packbeam.Archive, opts BuildOptions, res *Result) error {
	if !HasElixirModules(a) {
		return nil
	}
	dirs, err := FindElixirLib(ctx)
	if err != nil {
		return err
	}
	std, err := AddElixirStdlib(a, dirs, ElixirStdlibOptions{
		Strip:        packbeam.StripOptions{IncludeLines: opts.IncludeLines},
		WholeModules: opts.WholeElixirModules,
	})
	if err != nil {
		return err
	}
	res.ElixirStdlib = std
	return nil
}

// HasElixirModules reports whether an archive holds Elixir modules.
func HasElixirModules(a *packbeam.Archive) bool {
	for _, e := range a.Entries {
		if e.IsBEAM() && isElixirName(e.Module()) {
			return true
		}
	}
	return false
}

// elixirBootCalls are the library functions avm calls before an Elixir
// app starts (avm_elixir:boot/3 of the bundled library).
var elixirBootCalls = []funcKey{{"elixir_config", "new", 1}}

// builtinImplTargets are the types an Elixir protocol is implemented for
// without a struct: their implementations are kept with the protocol.
var builtinImplTargets = map[string]bool{
	"Atom": true, "BitString": true, "Float": true, "Function": true, "Integer": true, "List": true,
	"Map": true, "PID": true, "Port": true, "Reference": true, "Tuple": true, "Any": true,
}

// ElixirStdlibOptions say how AddElixirStdlib packs.
type ElixirStdlibOptions struct {
	Strip packbeam.StripOptions
	// WholeModules packs the modules reached whole, for an app that calls
	// library functions by names it computes, which the reach cannot see.
	WholeModules bool
}

// AddElixirStdlib adds to archive a the functions of the Elixir library in
// dirs that its modules reach, in their modules stripped as opts says.
// Reaching is followed function by function, as the code calls: from every
// function of the archive's modules, through local and external calls and
// funs, into the library. A module named by an atom in reached code (apply,
// a behaviour callback module, an exception struct) or in its literals is
// reached through its callbacks (dataEntryPoints) and through the exports
// whose names reached instructions hold (mod.fun(arg), spawn(mod, :fun,
// args)). A protocol reached brings its implementations for built-in types,
// and those for structs whose module is reached. Elixir's compiler is left
// out (isElixirCompilerModule). Modules already in the archive (the app's
// own, consolidated protocols) win over the library's. Each module is then
// packed with only its reached functions (packbeam.PruneFunctions): a hello
// world takes about a third of the bytes of its modules whole.
func AddElixirStdlib(a *packbeam.Archive, dirs []string, opts ElixirStdlibOptions) (*ElixirStdlib, error) {
	r := &elixirReach{lib: map[string]string{}, inArchive: map[string]bool{}, mods: map[string]*reachModule{},
		reachedFn: map[funcKey]bool{}, names: map[string]bool{}, byExportName: map[string][]funcKey{}}
	for i := len(dirs) - 1; i >= 0; i-- {
		beams, _ := filepath.Glob(filepath.Join(dirs[i], "*.beam"))
		for _, b := range beams {
			r.lib[strings.TrimSuffix(filepath.Base(b), ".beam")] = b
		}
	}
	for _, e := range a.Entries {
		if e.IsBEAM() {
			r.inArchive[e.Module()] = true
		}
	}
	for _, e := range a.Entries {
		if !e.IsBEAM() {
			continue
		}
		m, err := parseReachModule(e.Name, e.Data)
		if err != nil {
			return nil, err
		}
		if m.isProtocol() { // consolidated by mix
			r.protocols = append(r.protocols, m.name)
		}
		for i := range m.funcs {
			r.scan(m, i)
		}
	}
	for _, k := range elixirBootCalls {
		r.reachFunc(k)
	}
	for {
		if err := r.drain(); err != nil {
			return nil, err
		}
		if !r.addImplementations() {
			break
		}
	}
	res := &ElixirStdlib{Dirs: dirs, Modules: []string{}}
	for name, m := range r.mods {
		if r.anyReached(m) {
			res.Modules = append(res.Modules, name)
		}
	}
	sort.Strings(res.Modules)
	before := a.Size()
	for _, name := range res.Modules {
		path := r.lib[name]
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		e, err := packbeam.NewModule(path, data, opts.Strip)
		if err != nil {
			return nil, err
		}
		pruned, err := packbeam.PruneFunctions(path, e.Data, func(function string, arity int) bool {
			return opts.WholeModules || r.reachedFn[funcKey{name, function, arity}]
		})
		if err != nil {
			return nil, err
		}
		e.Data = pruned.Data
		res.Functions += pruned.Kept
		res.FunctionsDropped += pruned.Functions - pruned.Kept
		if err := a.Add(e); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	res.Bytes = a.Size() - before
	return res, nil
}

type funcKey struct {
	module, function string
	arity            int
}

// elixirReach walks from the app's code to the library functions it
// reaches.
type elixirReach struct {
	lib       map[string]string       // library module → its .beam
	inArchive map[string]bool         // modules the archive has
	mods      map[string]*reachModule // library modules reached
	reachedFn map[funcKey]bool
	queue     []funcKey
	whole     []string // library modules reached whole, to scan
	protocols []string
	// names held by reached instructions; byExportName holds the exports,
	// by name, of modules named as data that no such name reaches yet.
	names        map[string]bool
	byExportName map[string][]funcKey
}

// atom returns atom index i (1-based) of m's file, or "".
func (m *reachModule) atom(i uint32) string {
	if i >= 1 && int(i) <= len(m.f.Atoms) {
		return m.f.Atoms[i-1]
	}
	return ""
}

// reachModule is what the walk needs of a module's code.
type reachModule struct {
	name   string
	f      *beam.File
	funcs  []reachFunc
	byName map[funcKey]int
	whole  bool // reached as data: its entry points are reached
	impl   bool // a protocol implementation: all its functions are entry points
}

// reachFunc is what one function refers to.
type reachFunc struct {
	key     funcKey
	locals  []int // functions of the same module it calls or makes funs of
	remotes []funcKey
	atoms   []string // atoms in its code or literals
	// names are the atoms its instructions hold: the functions it may
	// call by name (mod.init(arg), apply, spawn, function_exported?).
	names []string
}

func parseReachModule(name string, data []byte) (*reachModule, error) {
	f, err := beam.Parse(name, data)
	if err != nil {
		return nil, err
	}
	m := &reachModule{name: f.Module, f: f, byName: map[funcKey]int{}}
	atom := func(i int64) string {
		if i >= 1 && int(i) <= len(f.Atoms) {
			return f.Atoms[i-1]
		}
		return ""
	}
	labelFunc := map[int64]int{}
	var localLabels [][]int64
	h := term.NewHeap(0)
	literalAtoms := make([][]string, len(f.Literals))
	for i, lit := range f.Literals {
		t, _, err := etf.Decode(h, lit, etf.DecodeOptions{})
		if err != nil {
			return nil, fmt.Errorf("%s: literal %d: %w", name, i, err)
		}
		literalAtoms[i] = appendAtoms(nil, h, t)
	}
	cur := -1
	for _, in := range f.Code.Instrs {
		switch in.Op {
		case beam.OpFuncInfo:
			key := funcKey{f.Module, atom(in.Args[1].Val), int(in.Args[2].Val)}
			m.funcs = append(m.funcs, reachFunc{key: key})
			localLabels = append(localLabels, nil)

			cur = len(m.funcs) - 1
			m.byName[key] = cur
			continue
		case beam.OpLabel:
			if cur >= 0 {
				labelFunc[in.Args[0].Val] = cur
			}
			continue
		}
		if cur < 0 {
			continue
		}
		fn := &m.funcs[cur]
		switch in.Op {
		case beam.OpCall, beam.OpCallLast, beam.OpCallOnly:
			localLabels[cur] = append(localLabels[cur], in.Args[1].Val)
			continue
		case beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly:
			if i := in.Args[1].Val; i >= 0 && int(i) < len(f.Imports) {
				im := f.Imports[i]
				fn.remotes = append(fn.remotes, funcKey{atom(int64(im.Module)), atom(int64(im.Function)), int(im.Arity)})
			}
			continue
		case beam.OpMakeFun2, beam.OpMakeFun3:
			if i := in.Args[0].Val; i >= 0 && int(i) < len(f.Funs) {
				localLabels[cur] = append(localLabels[cur], int64(f.Funs[i].Label))
			}
		}
		for _, o := range in.Args {
			fn.atoms = operandAtoms(fn.atoms, o, atom, literalAtoms)
			if o.Kind == beam.KindAtom && o.Val > 0 {
				fn.names = append(fn.names, atom(o.Val))
			}
			// {Module, :fun, args} built by put_tuple2, as a child spec's
			// start (PartitionSupervisor.start_child/5 is called so).
			if in.Op == beam.OpPutTuple2 {
				for _, e := range o.List {
					if e.Kind == beam.KindAtom && e.Val > 0 {
						fn.names = append(fn.names, atom(e.Val))
					}
				}
			}
		}
	}
	for i, labels := range localLabels {
		for _, l := range labels {
			if j, ok := labelFunc[l]; ok {
				m.funcs[i].locals = append(m.funcs[i].locals, j)
			}
		}
	}
	return m, nil
}

// operandAtoms appends the atoms an operand names, directly or in a
// literal.
func operandAtoms(out []string, o beam.Operand, atom func(int64) string, literalAtoms [][]string) []string {
	switch o.Kind {
	case beam.KindAtom:
		if a := atom(o.Val); a != "" {
			out = append(out, a)
		}
	case beam.KindLiteral:
		if o.Val >= 0 && int(o.Val) < len(literalAtoms) {
			out = append(out, literalAtoms[o.Val]...)
		}
	case beam.KindList:
		for _, e := range o.List {
			out = operandAtoms(out, e, atom, literalAtoms)
		}
	}
	return out
}

// scan follows what function i of module m refers to.
func (r *elixirReach) scan(m *reachModule, i int) {
	fn := &m.funcs[i]
	for _, j := range fn.locals {
		r.reachFunc(m.funcs[j].key)
	}
	for _, k := range fn.remotes {
		r.reachFunc(k)
	}
	for _, a := range fn.atoms {
		if !isElixirName(a) && !strings.HasPrefix(a, "elixir_") {
			continue
		}
		// A protocol names its implementations and their structs (a
		// consolidated one all that mix saw): addImplementations takes
		// those the app can use.
		if m.isProtocol() && (strings.HasPrefix(a, m.name+".") && r.isImplementation(a) ||
			r.isImplementation(m.name+"."+strings.TrimPrefix(a, "Elixir."))) {
			continue
		}
		r.reachWhole(a)
	}
	for _, a := range fn.names {
		r.noteName(a)
	}
}

// noteName records a function name reached code may call by name
// (mod.init(arg), apply(mod, :fun, args), function_exported?): the exports
// of that name of modules named as data are reached.
func (r *elixirReach) noteName(a string) {
	if r.names[a] {
		return
	}
	r.names[a] = true
	for _, k := range r.byExportName[a] {
		r.reachFunc(k)
	}
	delete(r.byExportName, a)
}

// anyReached reports whether code reaches a function of m: a module only
// named, with no function anything calls, is left out.
func (r *elixirReach) anyReached(m *reachModule) bool {
	for i := range m.funcs {
		if r.reachedFn[m.funcs[i].key] {
			return true
		}
	}
	return false
}

func (r *elixirReach) isLibrary(module string) bool {
	return !r.inArchive[module] && r.lib[module] != "" && !isElixirCompilerModule(module)
}

// isElixirCompilerModule reports whether module is part of Elixir's
// compiler (tokenizer, parser, expansion, Erlang code generation, type
// checker, tracers): it needs Erlang's compiler, which neither AtomVM nor
// avm has, so a build leaves it out, though runtime code names it on paths
// an app on a device does not take (Code.eval_string, Exception.blame,
// warnings about the code being compiled).
func isElixirCompilerModule(module string) bool {
	if rest, ok := strings.CutPrefix(module, "elixir_"); ok {
		return !elixirRuntimeHelpers[rest]
	}
	if elixirCompilerModules[module] {
		return true
	}
	for _, prefix := range []string{"Elixir.Module.Types.", "Elixir.Kernel.ParallelCompiler.", "Elixir.Mix.", "Elixir.IEx.", "Elixir.ExUnit."} {
		if strings.HasPrefix(module, prefix) {
			return true
		}
	}
	return false
}

// elixirRuntimeHelpers are the elixir_* modules runtime code needs:
// Module.concat, the configuration, conversions, and the Erlang-to-Elixir
// names exceptions show.
var elixirRuntimeHelpers = map[string]bool{"aliases": true, "config": true, "utils": true, "rewrite": true}

var elixirCompilerModules = map[string]bool{
	"elixir": true, "Elixir.Module.Types": true, "Elixir.Module.ParallelChecker": true,
	"Elixir.Module.LocalsTracker": true, "Elixir.Kernel.LexicalTracker": true, "Elixir.Kernel.Typespec": true,
	"Elixir.Kernel.ErrorHandler": true, "Elixir.Kernel.ParallelCompiler": true, "Elixir.Code.Formatter": true,
	"Elixir.Code.Normalizer": true, "Elixir.Code.Fragment": true, "Elixir.String.Tokenizer.Security": true,
	"Elixir.Mix": true, "Elixir.IEx": true, "Elixir.ExUnit": true,
}

func (r *elixirReach) reachFunc(k funcKey) {
	if r.reachedFn[k] || !r.isLibrary(k.module) {
		return
	}
	r.reachedFn[k] = true
	r.queue = append(r.queue, k)

}

// reachWhole reaches a library module named as data: the functions that
// code which does not name them calls (dataEntryPoints).
func (r *elixirReach) reachWhole(module string) {
	if !r.isLibrary(module) {
		return
	}
	if m := r.mods[module]; m != nil && m.whole {
		return
	}
	r.whole = append(r.whole, module)

}

// module returns library module name, parsed.
func (r *elixirReach) module(name string) (*reachModule, error) {
	if m := r.mods[name]; m != nil {
		return m, nil
	}
	data, err := os.ReadFile(r.lib[name])
	if err != nil {
		return nil, err
	}
	m, err := parseReachModule(r.lib[name], data)
	if err != nil {
		return nil, err
	}
	r.mods[name] = m
	if m.isProtocol() {
		r.protocols = append(r.protocols, name)
	}
	_, m.impl = m.byName[funcKey{name, "__impl__", 1}]
	return m, nil
}

func (m *reachModule) isProtocol() bool {
	_, ok := m.byName[funcKey{m.name, "__protocol__", 1}]
	return ok
}

// isImplementation reports whether library module name implements a
// protocol.
func (r *elixirReach) isImplementation(name string) bool {
	if !r.isLibrary(name) {
		return false
	}
	m, err := r.module(name)
	return err == nil && m.impl
}

// dataEntryPoints are the functions through which a module named as data
// is called by code that does not name them: behaviour callbacks
// (gen_server, supervisor, application), exceptions (Exception.message/1,
// raise/2), structs and protocol implementations, and the identifier
// tokenizer Elixir keeps in its configuration (inspect of an atom calls
// String.Tokenizer.tokenize/1 so), and the name registry protocol of
// {:via, Module, Name} (gen calls Registry.register_name/2 so).
var dataEntryPoints = map[string]bool{
	"__struct__": true, "__impl__": true, "__protocol__": true, "impl_for": true, "impl_for!": true,
	"exception": true, "message": true, "blame": true,
	"init": true, "handle_call": true, "handle_cast": true, "handle_info": true, "handle_continue": true,
	"terminate": true, "code_change": true, "format_status": true, "child_spec": true, "start_link": true,
	"start": true, "stop": true, "tokenize": true,
	"register_name": true, "unregister_name": true, "whereis_name": true, "send": true,
	// filelib:wildcard/2,3 reads directories through the module given
	// (Path.wildcard passes Path.Wildcard).
	"list_dir": true, "read_link_info": true,
}

func (r *elixirReach) drain() error {
	for len(r.queue) > 0 || len(r.whole) > 0 {
		if len(r.whole) > 0 {
			name := r.whole[0]
			r.whole = r.whole[1:]
			m, err := r.module(name)
			if err != nil {
				return err
			}
			if m.whole {
				continue
			}
			m.whole = true
			for i := range m.funcs {
				if k := m.funcs[i].key; dataEntryPoints[k.function] || m.impl {
					r.reachFunc(k)
				}
			}
			for _, x := range m.f.Exports {
				k := funcKey{name, m.atom(x.Function), int(x.Arity)}
				if r.names[k.function] {
					r.reachFunc(k)
				} else {
					r.byExportName[k.function] = append(r.byExportName[k.function], k)
				}
			}
			continue
		}
		k := r.queue[0]
		r.queue = r.queue[1:]
		m, err := r.module(k.module)
		if err != nil {
			return err
		}
		if i, ok := m.byName[k]; ok {
			r.scan(m, i)
		}
	}
	return nil
}

// addImplementations reaches the implementations the reached protocols
// need; it reports whether there were new ones.
func (r *elixirReach) addImplementations() bool {
	added := false
	for _, proto := range r.protocols {
		prefix := proto + "."
		for name := range r.lib {
			target, ok := strings.CutPrefix(name, prefix)
			if !ok || !r.isLibrary(name) {
				continue
			}
			if m := r.mods[name]; m != nil && m.whole {
				continue
			}
			_, structReached := r.mods["Elixir."+target]
			if builtinImplTargets[target] || structReached || r.inArchive["Elixir."+target] {
				r.reachWhole(name)
				added = true
			}
		}
	}
	return added
}

func isElixirName(module string) bool { return strings.HasPrefix(module, "Elixir.") }

// appendAtoms appends the atoms in term t, and the modules of external
// funs in it.
func appendAtoms(out []string, h *term.Heap, t term.Term) []string {
	switch {
	case t.IsAtom():
		return append(out, term.AtomName(t))
	case t.IsCons():
		for t.IsCons() {
			hd, tl := h.HeadTail(t)
			out = appendAtoms(out, h, hd)
			t = tl
		}
		return appendAtoms(out, h, t)
	case h.IsTuple(t):
		for _, x := range h.TupleElems(t) {
			out = appendAtoms(out, h, x)
		}
	case h.IsMap(t):
		keys, vals := h.MapKeysValues(t)
		for i := range keys {
			out = appendAtoms(out, h, keys[i])
			out = appendAtoms(out, h, vals[i])
		}
	case h.IsExportFun(t):
		m, f, _ := h.ExportParts(t)
		out = append(out, term.AtomName(m), term.AtomName(f))
	}
	return out
}
