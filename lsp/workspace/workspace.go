// Package workspace indexes the Erlang modules of a project and of its
// dependencies: which functions each defines and exports, and where, so
// that calls to the project's own modules are known to the diagnostics and
// can be followed by go-to-definition.
//
// The index keeps a summary per file (not its tokens), so a workspace of a
// few hundred modules costs a few megabytes.
package workspace

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/avmtool/avm/lsp/erlparse"
)

// Func is a function of an indexed module.
type Func struct {
	erlparse.FA
	Exported bool
	// Pos and End are the byte range of the definition; NamePos/NameEnd the
	// name of its first clause.
	Pos, End, NamePos, NameEnd int
	Heads                      []string
	Spec                       string
}

// Module is the summary of one .erl file.
type Module struct {
	Name string
	Path string
	// Dep is set for files of dependencies (_build/*/lib, deps), which are
	// indexed but not checked.
	Dep   bool
	Src   string
	Funcs []Func
	// Records and Macros map names to the byte offset of their definitions.
	Records map[string]int
	Macros  map[string]int
}

// Func returns the function fa, if the module defines it.
func (m *Module) Func(fa erlparse.FA) (Func, bool) {
	for _, f := range m.Funcs {
		if f.FA == fa {
			return f, true
		}
	}
	return Func{}, false
}

// Exports returns the exported functions, sorted.
func (m *Module) Exports() []Func {
	var out []Func
	for _, f := range m.Funcs {
		if f.Exported {
			out = append(out, f)
		}
	}
	return out
}

// Summarize makes the summary of a parsed file.
func Summarize(path string, dep bool, p *erlparse.Module) *Module {
	m := &Module{Name: p.Name, Path: path, Dep: dep, Src: p.Src, Records: map[string]int{}, Macros: map[string]int{}}
	for _, f := range p.Functions {
		if _, dup := m.Func(f.FA); dup {
			continue
		}
		m.Funcs = append(m.Funcs, Func{
			FA: f.FA, Exported: p.Exported(f.FA), Pos: f.Pos, End: f.End,
			NamePos: f.NameTok.Pos, NameEnd: f.NameTok.End, Heads: f.Heads, Spec: p.Specs[f.FA],
		})
	}
	sort.Slice(m.Funcs, func(i, j int) bool {
		a, b := m.Funcs[i], m.Funcs[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Arity < b.Arity
	})
	for name, r := range p.Records {
		if r.File == "" {
			m.Records[name] = r.Tok.Pos
		}
	}
	for name, d := range p.Macros {
		if d.File == "" {
			m.Macros[name] = d.Tok.Pos
		}
	}
	return m
}

// Index is the set of modules of a workspace. It is safe for concurrent use.
type Index struct {
	mu     sync.RWMutex
	byPath map[string]*Module
	byName map[string][]*Module
}

// New returns an empty index.
func New() *Index { return &Index{byPath: map[string]*Module{}, byName: map[string][]*Module{}} }

// Files returns the .erl files of a project: everything under root except
// hidden directories and _build, plus the sources of its dependencies
// (_build/<profile>/lib/<app>/src). Dependencies are reported in deps.
func Files(root string) (project, deps []string, err error) {
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil // an unreadable subdirectory is skipped, not fatal
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "_build" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".erl") {
			if slices.Contains(strings.Split(filepath.ToSlash(path), "/"), "deps") {
				deps = append(deps, path)
			} else {
				project = append(project, path)
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	built, _ := filepath.Glob(filepath.Join(root, "_build", "*", "lib", "*", "src", "*.erl"))
	deps = append(deps, built...)
	return project, deps, nil
}

// Load indexes the project under root and its dependencies. Files that
// cannot be read are skipped.
func (ix *Index) Load(root string) error {
	project, deps, err := Files(root)
	if err != nil {
		return err
	}
	for _, group := range []struct {
		files []string
		dep   bool
	}{{project, false}, {deps, true}} {
		for _, f := range group.files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			ix.Put(Summarize(f, group.dep, erlparse.Parse(string(data))))
		}
	}
	return nil
}

// Put adds or replaces a file's summary and reports whether what other
// modules can see of it (its name and exports) changed.
func (ix *Index) Put(m *Module) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old := ix.byPath[m.Path]
	ix.byPath[m.Path] = m
	if old != nil {
		ix.byName[old.Name] = slices.DeleteFunc(ix.byName[old.Name], func(x *Module) bool { return x == old })
		if len(ix.byName[old.Name]) == 0 {
			delete(ix.byName, old.Name)
		}
	}
	if m.Name != "" {
		ix.byName[m.Name] = append(ix.byName[m.Name], m)
	}
	return old == nil || old.Name != m.Name || !sameExports(old, m)
}

func sameExports(a, b *Module) bool {
	ea, eb := a.Exports(), b.Exports()
	if len(ea) != len(eb) {
		return false
	}
	for i := range ea {
		if ea[i].FA != eb[i].FA {
			return false
		}
	}
	return true
}

// Remove drops a file from the index.
func (ix *Index) Remove(path string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old := ix.byPath[path]
	if old == nil {
		return
	}
	delete(ix.byPath, path)
	ix.byName[old.Name] = slices.DeleteFunc(ix.byName[old.Name], func(x *Module) bool { return x == old })
	if len(ix.byName[old.Name]) == 0 {
		delete(ix.byName, old.Name)
	}
}

// Lookup returns the module named name, preferring the project's own file
// over a dependency's copy.
func (ix *Index) Lookup(name string) *Module {
	if ix == nil || name == "" {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var found *Module
	for _, m := range ix.byName[name] {
		if found == nil || found.Dep && !m.Dep || found.Dep == m.Dep && m.Path < found.Path {
			found = m
		}
	}
	return found
}

// Modules returns the names of the indexed modules, sorted.
func (ix *Index) Modules() []string {
	if ix == nil {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := make([]string, 0, len(ix.byName))
	for name := range ix.byName {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// Len returns the number of indexed files.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.byPath)
}
