package project

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

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
	// An Elixir app runs on what it reaches of Elixir's library, as a build
	// packs it: the dev loop's archive is the one avm build writes.
	if err := packElixirStdlib(context.Background(), a, opts, res); err != nil {
		return nil, nil, err
	}
	if err := p.chooseStart(a, opts.Start); err != nil {
		return nil, nil, err
	}
	name := p.Name
	if name == "" {
		s := a.Start()
		if s == nil {
			return nil, nil, fmt.Errorf("%s: cannot tell the application's name: no configuration names it, the directory's name is not one (lowercase letters, digits, _) and no module exports start/0", p.Dir)
		}
		name = strings.ToLower(strings.TrimPrefix(s.Module(), "Elixir."))
	}
	priv := map[string]string{}
	for _, d := range p.Deps {
		if dir := filepath.Join(p.Dir, "_build", "default", "lib", d, "priv"); isDir(dir) {
			priv[d] = dir
		}
	}
	if d := filepath.Join(p.Dir, "priv"); isDir(d) {
		priv[name] = d
	}
	apps := make([]string, 0, len(priv))
	for app := range priv {
		apps = append(apps, app)
	}
	sort.Strings(apps)
	for _, app := range apps {
		if err := addPriv(a, app, priv[app]); err != nil {
			return nil, nil, err
		}
	}
	if p.Prune {
		if res.Pruned, err = a.Prune(); err != nil {
			return nil, nil, err
		}
	}
	for _, e := range a.Entries {
		if e.IsBEAM() {
			res.Modules++
		} else {
			res.PrivFiles++
		}
	}
	if s := a.Start(); s != nil {
		res.Start = s.Module()
	}
	res.Archive = opts.Out
	if res.Archive == "" {
		res.Archive = filepath.Join(p.Dir, BuildDir, name+".avm")
	}
	data, err := a.Bytes()
	if err != nil {
		return nil, nil, err
	}
	res.Size = len(data)
	if old, err := os.ReadFile(res.Archive); err == nil && string(old) == string(data) {
		res.Unchanged = true
		return res, data, nil
	}
	if err := os.MkdirAll(filepath.Dir(res.Archive), 0o755); err != nil {
		return nil, nil, err
	}
	return res, data, packbeam.WriteFileAtomic(res.Archive, data)
}
