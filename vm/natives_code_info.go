package vm

import (
	"errors"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/term"
)

// The code server's questions about modules: where one comes from, which
// are loaded, which could be. avm has no code path: a module comes from the
// .avm archives given, the bundled stdlib, or Options.Load (beside the
// program's files); its "file" is the name it was loaded under, such as
// "app.avm:app.beam" or "stdlib.avm:lists.beam".

var (
	atomNonExisting = term.Atom("non_existing")
	atomPreloaded   = term.Atom("preloaded")
	atomFile        = term.Atom("file")
)

func init() {
	register("code",
		Native{Function: "is_loaded", Arity: 1, Fn: codeIsLoaded,
			Doc: "is_loaded(Module): {file, Filename} when it is loaded, else false"},
		Native{Function: "which", Arity: 1, Fn: codeWhich,
			Doc: "which(Module): the file it is (or would be) loaded from, or non_existing"},
		Native{Function: "all_loaded", Arity: 0, Fn: codeAllLoaded,
			Doc: "all_loaded(): [{Module, Filename}] of the loaded modules"},
		Native{Function: "all_available", Arity: 0, Fn: codeAllAvailable,
			Doc: "all_available(): [{Name, Filename, Loaded}] of the modules the archives, the stdlib and the loaded set hold"},
		Native{Function: "load_abs", Arity: 1, Fn: codeLoadAbs,
			Doc: "load_abs(Filename): loads Filename.beam; {module, Module} or {error, nofile | badfile | not_purged}"},
		Native{Function: "get_object_code", Arity: 1, Fn: codeGetObjectCode,
			Doc: "get_object_code(Module): {Module, Binary, Filename} from where it would be loaded, or error"},
	)
}

func (m *Machine) loadedModules() []*Module {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]*Module, 0, len(m.byName))
	for _, mod := range m.byName {
		out = append(out, mod)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

func codeIsLoaded(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	mod, ok := p.m.Module(term.AtomName(args[0]))
	switch {
	case ok:
		return p.heap.Tuple(atomFile, charList(p.heap, mod.file))
	case p.m.preloaded(args[0]):
		return p.heap.Tuple(atomFile, atomPreloaded)
	}
	return term.False
}

// locate finds where module name would be loaded from, without loading it:
// its load name and BEAM bytes.
func (m *Machine) locate(name string) (file string, data []byte, ok bool) {
	if e, archive := m.archives.find(func(a *packbeam.Archive) *packbeam.Entry { return a.Module(name) }); e != nil {
		return archive + ":" + e.Name, e.Data, true
	}
	if a, err := bundledArchive(); err == nil {
		if e := a.Module(name); e != nil {
			return bundledPrefix + e.Name, e.Data, true
		}
	}
	if m.opts.Load != nil {
		if data, err := m.opts.Load(name); err == nil {
			return name + ".beam", data, true
		}
	}
	return "", nil, false
}

func codeWhich(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	name := term.AtomName(args[0])
	if mod, ok := p.m.Module(name); ok {
		return charList(p.heap, mod.file)
	}
	if file, _, ok := p.m.locate(name); ok {
		return charList(p.heap, file)
	}
	if nativeModules()[args[0]] {
		return atomPreloaded
	}
	return atomNonExisting
}

func codeAllLoaded(p *Process, _ []term.Term) term.Term {
	h := p.heap
	var out []term.Term
	for _, mod := range p.m.loadedModules() {
		out = append(out, h.Tuple(mod.name, charList(h, mod.file)))
	}
	return h.List(out...)
}

func codeAllAvailable(p *Process, _ []term.Term) term.Term {
	h := p.heap
	files := map[string]string{} // module → file
	loaded := map[string]bool{}
	for _, mod := range p.m.loadedModules() {
		files[mod.Name()], loaded[mod.Name()] = mod.file, true
	}
	add := func(prefix string, a *packbeam.Archive) {
		for _, e := range a.Entries {
			if name := e.Module(); name != "" {
				if _, seen := files[name]; !seen {
					files[name] = prefix + e.Name
				}
			}
		}
	}
	p.m.archives.find(func(a *packbeam.Archive) *packbeam.Entry {
		add(archiveName(p.m, a)+":", a)
		return nil
	})
	if a, err := bundledArchive(); err == nil {
		add(bundledPrefix, a)
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]term.Term, len(names))
	for i, n := range names {
		out[i] = h.Tuple(charList(h, n), charList(h, files[n]), term.Bool(loaded[n]))
	}
	return h.List(out...)
}

// archiveName is the file an open archive was read from.
func archiveName(m *Machine, a *packbeam.Archive) string {
	_, file := m.archives.find(func(b *packbeam.Archive) *packbeam.Entry {
		if b == a && len(b.Entries) > 0 {
			return b.Entries[0]
		}
		return nil
	})
	return file
}

func codeLoadAbs(p *Process, args []term.Term) term.Term {
	h := p.heap
	path, ok := charListString(h, args[0])
	if !ok {
		if args[0].IsAtom() {
			path = term.AtomName(args[0])
		} else {
			return p.Badarg()
		}
	}
	file := path
	if !strings.HasSuffix(file, ".beam") {
		file += ".beam"
	}
	data, err := os.ReadFile(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return h.Tuple(term.AtomError, atomNofile)
		}
		return h.Tuple(term.AtomError, deviceErrReason(err))
	}
	return p.loadBinary(file, data, term.NoValue)
}

func codeGetObjectCode(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return p.Badarg()
	}
	file, data, ok := p.m.locate(term.AtomName(args[0]))
	if !ok {
		return term.AtomError
	}
	h := p.heap
	return h.Tuple(args[0], h.MakeBinary(data), charList(h, file))
}
