package api

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/stdlib"
)

//go:embed erlang_docs.tsv
var erlangDocsTSV string

// build assembles the registry from the natives, the bundled archive, the
// doc table and the AtomVM table.
func build() (*registry, error) {
	byKey := map[key]*Entry{}
	add := func(e Entry) {
		c := e
		byKey[key{e.Module, e.Function, e.Arity}] = &c
	}
	for _, n := range vm.Natives() {
		add(Entry{Module: n.Module, Function: n.Function, Arity: n.Arity, Kind: nativeKind(n),
			Doc: n.Doc, Guard: n.Guard, Implemented: true})
	}
	docs, err := parseDocs("erlang_docs.tsv", erlangDocsTSV)
	if err != nil {
		return nil, err
	}
	exports, err := bundledExports()
	if err != nil {
		return nil, err
	}
	for _, k := range exports {
		if _, native := byKey[k]; native {
			continue // the native takes precedence over the Erlang code
		}
		add(Entry{Module: k.module, Function: k.function, Arity: k.arity, Kind: KindErlang,
			Doc: docs[k], Implemented: true})
	}
	table, err := atomvmTable()
	if err != nil {
		return nil, err
	}
	for _, row := range table {
		e := byKey[row.key]
		if e == nil {
			add(Entry{Module: row.module, Function: row.function, Arity: row.arity,
				Doc: "AtomVM " + row.originText() + ", not implemented by avm."})
			e = byKey[row.key]
		}
		e.AtomVM = row.avail
	}

	r := &registry{index: map[key]int{}, byModule: map[string][]Entry{}}
	for _, e := range byKey {
		r.entries = append(r.entries, *e)
	}
	sortEntries(r.entries)
	for i, e := range r.entries {
		r.index[key{e.Module, e.Function, e.Arity}] = i
		if _, seen := r.byModule[e.Module]; !seen {
			r.modules = append(r.modules, e.Module)
		}
		r.byModule[e.Module] = append(r.byModule[e.Module], e)
	}
	return r, nil
}

// nativeKind classifies a native: the erlang module's natives and the guard
// BIFs are BIFs.
func nativeKind(n vm.Native) Kind {
	if n.Module == "erlang" || n.Guard {
		return KindBIF
	}
	return KindNative
}

// bundledExports lists the exports of every module in the embedded stdlib
// archive, module_info/0,1 excepted.
func bundledExports() ([]key, error) {
	a, err := packbeam.Read("stdlib.avm", stdlib.Archive())
	if err != nil {
		return nil, err
	}
	var out []key
	for _, e := range a.Entries {
		if !e.IsBEAM() {
			continue
		}
		f, err := beam.Parse(e.Name, e.Data)
		if err != nil {
			return nil, err
		}
		for _, x := range f.Exports {
			name, err := atomName(f, x.Function)
			if err != nil {
				return nil, fmt.Errorf("stdlib.avm: %s: export table: %w", e.Name, err)
			}
			if name == "module_info" {
				continue
			}
			out = append(out, key{f.Module, name, int(x.Arity)})
		}
	}
	return out, nil
}

// atomName returns the atom at 1-based index i of f's atom table.
func atomName(f *beam.File, i uint32) (string, error) {
	if i == 0 || int(i) > len(f.Atoms) {
		return "", fmt.Errorf("atom index %d out of range 1..%d", i, len(f.Atoms))
	}
	return f.Atoms[i-1], nil
}

// parseDocs reads "module:function/arity<TAB>doc" lines; '#' starts a
// comment line.
func parseDocs(name, text string) (map[key]string, error) {
	docs := map[key]string{}
	for n, line := range strings.Split(text, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		mfa, doc, ok := strings.Cut(line, "\t")
		k, err := parseMFA(mfa)
		switch {
		case !ok || strings.TrimSpace(doc) == "":
			return nil, fmt.Errorf("%s:%d: want \"module:function/arity<TAB>doc\"", name, n+1)
		case err != nil:
			return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
		if _, dup := docs[k]; dup {
			return nil, fmt.Errorf("%s:%d: %s documented twice", name, n+1, mfa)
		}
		docs[k] = doc
	}
	return docs, nil
}

// parseMFA parses "module:function/arity"; the function may contain ':' or
// '/' (erlang:'/'/2 is written erlang://2).
func parseMFA(s string) (key, error) {
	m, fa, ok := strings.Cut(s, ":")
	slash := strings.LastIndexByte(fa, '/')
	if !ok || m == "" || slash < 1 {
		return key{}, fmt.Errorf("%q is not module:function/arity", s)
	}
	a, err := strconv.Atoi(fa[slash+1:])
	if err != nil || a < 0 || a > 255 {
		return key{}, fmt.Errorf("%q: bad arity", s)
	}
	return key{m, fa[:slash], a}, nil
}

func mfaString(m, f string, a int) string { return m + ":" + f + "/" + strconv.Itoa(a) }
