package project

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/avmtool/avm/packbeam"
)

// This file is what avm dev needs besides Build: the inputs of the Erlang
// compilation, so that it can compile them itself with a long-lived
// compile server, the paths to watch, and packing modules compiled
// elsewhere exactly as Build packs its own.

// ErlangInputs are what compiling a project's Erlang sources takes.
type ErlangInputs struct {
	Sources     []string // .erl files, relative to the project (absolute when configured outside it)
	Headers     []string // .hrl files the sources may include, likewise
	IncludeDirs []string // absolute
	Flags       []string // erlc flags from erl_opts (+Term, -DName, -DName=Value)
	// DepEbins are the ebin directories of the dependencies rebar3 has
	// fetched and built, whose modules belong in the archive.
	DepEbins []string
}

// ErlangInputs lists the Erlang sources and headers and how to compile
// them.
func (p *Project) ErlangInputs() (ErlangInputs, error) {
	var in ErlangInputs
	var err error
	if in.Sources, err = p.sourceFiles(p.ErlSrcDirs, ".erl"); err != nil {
		return in, err
	}
	in.Headers = p.headers()
	for _, d := range p.IncludeDirs {
		in.IncludeDirs = append(in.IncludeDirs, p.Path(d))
	}
	in.Flags = append(in.Flags, p.ErlcFlags...)
	for _, d := range p.Deps {
		ebin := filepath.Join(p.Dir, "_build", "default", "lib", d, "ebin")
		if isDir(ebin) {
			in.DepEbins = append(in.DepEbins, ebin)
		}
	}
	return in, nil
}

// ElixirSources lists the project's .ex files, relative to the project
// (absolute when configured outside it).
func (p *Project) ElixirSources() ([]string, error) { return p.sourceFiles(p.ExSrcDirs, ".ex") }

// Path resolves a path of the project's configuration or of
// ErlangInputs: relative to the project unless absolute.
func (p *Project) Path(rel string) string { return p.path(rel) }

// WatchPaths are the directories and files whose changes may change the
// build: source, include and priv directories, and the configuration.
// Only those that exist are listed.
func (p *Project) WatchPaths() []string {
	var out []string
	seen := map[string]bool{}
	add := func(path string) {
		if !seen[path] && exists(path) {
			seen[path] = true
			out = append(out, path)
		}
	}
	for _, group := range [][]string{p.ErlSrcDirs, p.ExSrcDirs, p.IncludeDirs, {"src", "include", "priv", "lib"}} {
		for _, d := range group {
			if d != "." {
				add(p.path(d))
			}
		}
	}
	for _, f := range []string{"rebar.config", "rebar.config.script", "mix.exs", "rebar.lock", "mix.lock"} {
		add(filepath.Join(p.Dir, f))
	}
	if len(p.ErlSrcDirs) == 1 && p.ErlSrcDirs[0] == "." {
		add(p.Dir) // a plain project of *.erl files in the directory itself
	}
	return out
}

// PackModules packs modules compiled outside Build (entries made by
// packbeam.NewModule), with the dependencies' modules and every priv
// directory, chooses the start module, prunes when configured and writes
// the archive, as Build does after compiling. It returns the archive's
// bytes too.
func (p *Project) PackModules(modules []*packbeam.Entry, deps []*packbeam.Entry, opts BuildOptions) (*Result, []byte, error) {
	target, err := p.buildTarget(opts.Target)
	if err != nil {
		return nil, nil, err
	}
	res := &Result{Target: target.Name, AppSize: target.AppSize, AppWhere: target.Where, Compiled: []string{}, Via: []string{}}
	a := &packbeam.Archive{}
	// Build packs dependencies first (their ebins come first), then the
	// project's modules sorted by file name.
	sorted := append([]*packbeam.Entry{}, modules...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, e := range append(append([]*packbeam.Entry{}, deps...), sorted...) {
		c := *e // the archive flags its start entry: keep the caller's intact
		if err := a.Add(&c); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", e.Name, err)
		}
	}
	priv := map[string]string{}
	for _, d := range p.Deps {
		if dir := filepath.Join(p.Dir, "_build", "default", "lib", d, "priv"); isDir(dir) {
			priv[d] = dir
		}
	}
	data, err := p.finish(context.Background(), a, priv, opts, res)
	if err != nil {
		return nil, nil, err
	}
	return res, data, nil
}
