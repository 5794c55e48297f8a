package project

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/avmtool/avm/packbeam"
)

// BuildDir is where avm keeps its build of a project: compiled modules,
// the incremental-build state and the archive.
const BuildDir = "_build/avm"

// BuildOptions adjust a build.
type BuildOptions struct {
	Out          string // the archive to write; default _build/avm/NAME.avm in the project
	IncludeLines bool   // keep line tables, for file:line in stacktraces
	// WholeElixirModules packs the Elixir library modules an app reaches
	// whole, not only their functions it reaches (elixir_stdlib.go).
	WholeElixirModules bool
	Start              string // the start module, overriding the configuration's
	Target             string // the target profile, overriding the configuration's
	// Stderr receives the compilers' own output (errors as
	// file:line:col: message, warnings).
	Stderr io.Writer
	// Colour lets the tools colour their output (rebar3 does even when
	// it writes to a pipe).
	Colour bool
}

// Result describes a finished build.
type Result struct {
	Archive   string   `json:"archive"`
	Size      int      `json:"size"`
	Modules   int      `json:"modules"`
	PrivFiles int      `json:"priv_files"`
	Start     string   `json:"start"`    // "" for a library
	Compiled  []string `json:"compiled"` // sources compiled by this build
	UpToDate  int      `json:"up_to_date"`
	Via       []string `json:"via"` // the tools that ran: erlc, elixirc, "rebar3 compile", "mix compile"
	Pruned    []string `json:"pruned,omitempty"`
	Unchanged bool     `json:"unchanged"` // the archive was already identical
	Target    string   `json:"target"`
	// AppSize is the room on the target (0: no limit); the archive does
	// not fit when Size exceeds it.
	AppSize  int    `json:"app_size"`
	AppWhere string `json:"-"`
	// ElixirStdlib is what the build took from Elixir's library (elixir_stdlib.go).
	ElixirStdlib *ElixirStdlib `json:"elixir_stdlib,omitempty"`
}

// Build compiles what changed, packs the archive and writes it.
func (p *Project) Build(ctx context.Context, opts BuildOptions) (*Result, error) {
	if opts.Stderr == nil {
		opts.Stderr = io.Discard
	}
	target, err := p.buildTarget(opts.Target)
	if err != nil {
		return nil, err
	}
	res := &Result{Target: target.Name, AppSize: target.AppSize, AppWhere: target.Where, Compiled: []string{}, Via: []string{}}
	buildDir := filepath.Join(p.Dir, BuildDir)
	if err := os.MkdirAll(buildDir, 0o755); err != nil {
		return nil, err
	}

	var ebins []string
	priv := map[string]string{} // dependency → its priv directory
	if p.Delegate != "" {
		ebins, err = p.delegate(ctx, opts, res, priv)
	} else {
		ebins, err = p.compile(ctx, opts, res, priv)
	}
	if err != nil {
		return res, err
	}

	a := &packbeam.Archive{}
	add := func(b string) error {
		data, err := os.ReadFile(b)
		if err != nil {
			return err
		}
		e, err := packbeam.NewModule(b, data, packbeam.StripOptions{IncludeLines: opts.IncludeLines})
		if err != nil {
			return err
		}
		if err := a.Add(e); err != nil {
			return fmt.Errorf("%s: %w", b, err)
		}
		return nil
	}
	// The protocols mix consolidated replace the same modules compiled
	// unconsolidated (the app's own protocols) and, in AddElixirStdlib,
	// Elixir's library's.
	consolidated := map[string]bool{}
	if p.Delegate != "" && p.Kind == Mix {
		beams, _ := filepath.Glob(filepath.Join(p.consolidatedDir(), "*.beam"))
		for _, b := range beams {
			if err := add(b); err != nil {
				return res, err
			}
			consolidated[filepath.Base(b)] = true
		}
	}
	for _, dir := range ebins {
		beams, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
		for _, b := range beams {
			if consolidated[filepath.Base(b)] {
				continue
			}
			if err := add(b); err != nil {
				return res, err
			}
		}
	}
	_, err = p.finish(ctx, a, priv, opts, res)
	return res, err
}

// finish completes an archive of compiled modules as every build does
// (Build, and PackModules for avm dev): it adds what the app reaches of
// Elixir's library, chooses the start module, adds the priv directories (the project's,
// and those of dependencies in priv, app → directory), prunes when
// configured, fills in res and writes the archive unless it is unchanged.
// It returns the archive's bytes.
func (p *Project) finish(ctx context.Context, a *packbeam.Archive, priv map[string]string, opts BuildOptions, res *Result) ([]byte, error) {
	// An Elixir app runs on what it reaches of Elixir's library.
	if err := packElixirStdlib(ctx, a, opts, res); err != nil {
		return nil, err
	}
	if err := p.chooseStart(a, opts.Start); err != nil {
		return nil, err
	}
	name := p.Name
	if name == "" {
		s := a.Start()
		if s == nil {
			return nil, fmt.Errorf("%s: cannot tell the application's name: no configuration names it, the directory's name is not one (lowercase letters, digits, _) and no module exports start/0", p.Dir)
		}
		name = strings.ToLower(strings.TrimPrefix(s.Module(), "Elixir."))
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
			return nil, err
		}
	}
	if p.Prune {
		var err error
		if res.Pruned, err = a.Prune(); err != nil {
			return nil, err
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
		return nil, err
	}
	res.Size = len(data)
	if old, err := os.ReadFile(res.Archive); err == nil && bytes.Equal(old, data) {
		res.Unchanged = true // keep the file, and its time, as it is
		return data, nil
	}
	if err := os.MkdirAll(filepath.Dir(res.Archive), 0o755); err != nil {
		return nil, err
	}
	return data, packbeam.WriteFileAtomic(res.Archive, data)
}

// chooseStart flags the start module: the one asked for, the one the
// configuration names, or the module named after the application; without
// any, every module exporting start/0 stays flagged, as packbeam does.
func (p *Project) chooseStart(a *packbeam.Archive, asked string) error {
	switch {
	case asked != "":
		return a.SetStart(asked)
	case p.Start != "":
		if err := a.SetStart(p.Start); err != nil {
			return fmt.Errorf("%s: %w", p.File, err)
		}
		return nil
	}
	for _, m := range []string{p.Name, "Elixir." + CamelCase(p.Name)} {
		if e := a.Module(m); m != "" && e != nil && e.IsStart() {
			return a.SetStart(m)
		}
	}
	return nil
}

// CamelCase turns an application name into the Elixir module name mix
// gives it: my_app → MyApp.
func CamelCase(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func addPriv(a *packbeam.Archive, app, dir string) error {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // rebar3 links _build/…/priv to the app's priv
	}
	var entries []*packbeam.Entry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		entries = append(entries, packbeam.NewFile(app+"/priv/"+filepath.ToSlash(rel), data))
		return nil
	})
	if err != nil {
		return err
	}
	return a.Add(entries...)
}

// compile is the fast path: erlc and elixirc on what changed.
func (p *Project) compile(ctx context.Context, opts BuildOptions, res *Result, priv map[string]string) ([]string, error) {
	buildDir := filepath.Join(p.Dir, BuildDir)
	var ebins, pa []string
	for _, d := range p.Deps { // fetched and built by rebar3 earlier
		lib := filepath.Join(p.Dir, "_build", "default", "lib", d)
		ebins = append(ebins, filepath.Join(lib, "ebin"))
		pa = append(pa, filepath.Join(lib, "ebin"))
		if isDir(filepath.Join(lib, "priv")) {
			priv[d] = filepath.Join(lib, "priv")
		}
	}
	erlFiles, err := p.sourceFiles(p.ErlSrcDirs, ".erl")
	if err != nil {
		return nil, err
	}
	if len(erlFiles) > 0 {
		out := filepath.Join(buildDir, "ebin")
		args := []string{"-o", out}
		for _, d := range p.IncludeDirs {
			args = append(args, "-I", p.path(d))
		}
		for _, d := range pa {
			args = append(args, "-pa", d)
		}
		args = append(args, p.ErlcFlags...)
		c := compiler{tool: Erlc, args: args, out: out, state: "erlc.json", perFile: true}
		if err := c.run(ctx, p, erlFiles, p.headers(), opts.Stderr, res); err != nil {
			return nil, err
		}
		ebins = append(ebins, filepath.Join(buildDir, "ebin"))
	} else {
		os.RemoveAll(filepath.Join(buildDir, "ebin"))
	}
	exFiles, err := p.sourceFiles(p.ExSrcDirs, ".ex")
	if err != nil {
		return nil, err
	}
	if len(exFiles) > 0 {
		out := filepath.Join(buildDir, "ex")
		// Elixir modules depend on each other at compile time (macros,
		// structs), so a change recompiles them all.
		c := compiler{tool: Elixirc, args: []string{"-o", out}, out: out, state: "elixirc.json"}
		if err := c.run(ctx, p, exFiles, nil, opts.Stderr, res); err != nil {
			return nil, err
		}
		ebins = append(ebins, filepath.Join(buildDir, "ex"))
	}
	if len(erlFiles) == 0 && len(exFiles) == 0 {
		dirs := append(append([]string{}, p.ErlSrcDirs...), p.ExSrcDirs...)
		if len(dirs) == 0 {
			return nil, fmt.Errorf("%s: no source directory (src/ for Erlang, lib/ for Elixir)", p.Dir)
		}
		return nil, fmt.Errorf("%s: no .erl or .ex files in %s", p.Dir, strings.Join(dirs, ", "))
	}
	return ebins, nil
}

// headers lists the .hrl files the Erlang sources may include.
func (p *Project) headers() []string {
	var dirs []string
	seen := map[string]bool{}
	for _, d := range append(append([]string{}, p.IncludeDirs...), p.ErlSrcDirs...) {
		if !seen[d] && isDir(p.path(d)) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	hrl, _ := p.sourceFiles(dirs, ".hrl")
	return hrl
}

// compiler runs one compiler incrementally over a set of sources.
type compiler struct {
	tool    Tool
	args    []string // before the file names
	out     string   // output directory
	state   string   // state file name under BuildDir
	perFile bool     // each source compiles alone into SOURCE-BASENAME.beam
}

// buildState is what the last build compiled, to tell what changed.
type buildState struct {
	// Inputs identifies the compiler, its options and the headers: when
	// it changes, every source is recompiled.
	Inputs  string                 `json:"inputs"`
	Sources map[string]sourceState `json:"sources"`
}

type sourceState struct {
	ModTime int64  `json:"mtime"`
	Size    int64  `json:"size"`
	SHA256  string `json:"sha256"`
}

func (c compiler) run(ctx context.Context, p *Project, files, headers []string, stderr io.Writer, res *Result) error {
	statePath := filepath.Join(p.Dir, BuildDir, c.state)
	outDir := c.out
	var old buildState
	if data, err := os.ReadFile(statePath); err == nil {
		if json.Unmarshal(data, &old) != nil {
			old = buildState{}
		}
	}
	if old.Sources == nil {
		// Without a record of what is there, start clean: beams left over
		// from removed sources must not end up in the archive.
		os.RemoveAll(outDir)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	cmd, cmdErr := c.tool.Path()
	inputs, err := c.inputs(p, cmd, headers)
	if err != nil {
		return err
	}

	next := buildState{Inputs: inputs, Sources: map[string]sourceState{}}
	var stale []string
	for _, f := range files {
		st, fresh, err := checkSource(p.path(f), old.Sources[f], old.Inputs == inputs)
		if err != nil {
			return err
		}
		if fresh && c.perFile && !exists(filepath.Join(outDir, beamName(f))) {
			fresh = false
		}
		next.Sources[f] = st
		if !fresh {
			stale = append(stale, f)
		}
	}
	if !c.perFile {
		// All or nothing: any change, a removed source or lost output
		// recompiles every source into a clean directory.
		beams, _ := filepath.Glob(filepath.Join(outDir, "*.beam"))
		if len(stale) > 0 || len(files) != len(old.Sources) || len(beams) == 0 {
			stale = files
			os.RemoveAll(outDir)
			if err := os.MkdirAll(outDir, 0o755); err != nil {
				return err
			}
		}
	}
	res.UpToDate += len(files) - len(stale)

	var compileErr error
	if len(stale) > 0 {
		if cmdErr != nil {
			return cmdErr
		}
		for _, f := range stale {
			if c.perFile {
				os.Remove(filepath.Join(outDir, beamName(f)))
			}
		}
		res.Via = append(res.Via, c.tool.Name)
		// The compiler runs here, with paths from here, so that its
		// messages name files as the user reaches them.
		args := append([]string{}, c.args...)
		for _, f := range stale {
			args = append(args, p.path(f))
		}
		run := exec.CommandContext(ctx, cmd, args...)
		run.Stdout, run.Stderr = stderr, stderr
		if err := run.Run(); err != nil {
			compileErr = &CompileError{Tool: c.tool.Name, Files: args[len(c.args):], Err: err}
		}
		for _, f := range stale {
			ok := compileErr == nil
			if c.perFile {
				ok = exists(filepath.Join(outDir, beamName(f)))
			}
			if ok {
				res.Compiled = append(res.Compiled, f)
			} else {
				delete(next.Sources, f) // compile it again next time
			}
		}
	}
	if c.perFile {
		// Drop the modules of removed sources.
		want := map[string]bool{}
		for _, f := range files {
			want[beamName(f)] = true
		}
		beams, _ := filepath.Glob(filepath.Join(outDir, "*.beam"))
		for _, b := range beams {
			if !want[filepath.Base(b)] {
				os.Remove(b)
			}
		}
	}
	data, err := json.MarshalIndent(next, "", "\t")
	if err != nil {
		return err
	}
	if err := packbeam.WriteFileAtomic(statePath, data); err != nil {
		return err
	}
	return compileErr
}

// inputs hashes what every source's output depends on besides itself.
func (c compiler) inputs(p *Project, cmd string, headers []string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%q\x00", cmd, c.args)
	if real, err := filepath.EvalSymlinks(cmd); err == nil {
		if info, err := os.Stat(real); err == nil {
			fmt.Fprintf(h, "%s %d %d\x00", real, info.Size(), info.ModTime().UnixNano())
		}
	}
	for _, f := range headers {
		data, err := os.ReadFile(p.path(f))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\x00", f, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// racyWindow is how recent a modification time is too recent to trust
// (timestamps are coarser than the time between two saves).
const racyWindow = 2 * time.Second

// checkSource tells whether a source is unchanged since prev: same
// modification time and size, or else the same content.
func checkSource(path string, prev sourceState, sameInputs bool) (sourceState, bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return sourceState{}, false, err
	}
	st := sourceState{ModTime: info.ModTime().UnixNano(), Size: info.Size()}
	if sameInputs && prev.SHA256 != "" && prev.ModTime == st.ModTime && prev.Size == st.Size {
		st.SHA256 = prev.SHA256
		return st, true, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return sourceState{}, false, err
	}
	sum := sha256.Sum256(data)
	st.SHA256 = hex.EncodeToString(sum[:])
	if time.Since(info.ModTime()) < racyWindow {
		// The file may change again within the same timestamp: do not
		// trust the time next build, compare the content.
		st.ModTime = 0
	}
	return st, sameInputs && st.SHA256 == prev.SHA256, nil
}

func beamName(src string) string {
	return strings.TrimSuffix(filepath.Base(src), filepath.Ext(src)) + ".beam"
}

// delegate compiles with rebar3 or mix and returns the ebin directories
// of the application and of its runtime dependencies.
func (p *Project) delegate(ctx context.Context, opts BuildOptions, res *Result, priv map[string]string) ([]string, error) {
	tool, args, libDir := Rebar3Tool, []string{"compile"}, filepath.Join("_build", "default", "lib")
	if p.Kind == Mix {
		tool, libDir = MixTool, filepath.Join(mixBuildDir(), "lib")
	}
	cmd, err := tool.Path()
	if err != nil {
		return nil, fmt.Errorf("%s needs %s: %w", p.Dir, tool.Name, err)
	}
	res.Via = append(res.Via, tool.Name+" compile")
	run := exec.CommandContext(ctx, cmd, args...)
	run.Dir = p.Dir
	run.Stdout, run.Stderr = opts.Stderr, opts.Stderr
	if _, set := os.LookupEnv("REBAR_COLOR"); !set && !opts.Colour {
		run.Env = append(os.Environ(), "REBAR_COLOR=none")
	}
	if err := run.Run(); err != nil {
		return nil, &CompileError{Tool: tool.Name + " compile", Err: err}
	}
	libs := map[string]string{} // app → its directory under _build
	for _, app := range append([]string{p.Name}, p.Deps...) {
		libs[app] = filepath.Join(p.Dir, libDir, app)
	}
	if p.Kind == Rebar3 {
		// rebar3 builds the project's apps and every dependency, and
		// nothing else, under _build/default/lib (checkouts/ for those in
		// _checkouts).
		clear(libs)
		for _, dir := range []string{libDir, filepath.Join("_build", "default", "checkouts")} {
			entries, _ := os.ReadDir(filepath.Join(p.Dir, dir))
			for _, e := range entries {
				libs[e.Name()] = filepath.Join(p.Dir, dir, e.Name())
			}
		}
	}
	apps := make([]string, 0, len(libs))
	for app := range libs {
		apps = append(apps, app)
	}
	sort.Strings(apps)
	var ebins []string
	for _, app := range apps {
		lib := libs[app]
		if !isDir(filepath.Join(lib, "ebin")) {
			if app == p.Name {
				return nil, fmt.Errorf("%s compile left no %s", tool.Name, filepath.Join(libDir, app, "ebin"))
			}
			continue
		}
		ebins = append(ebins, filepath.Join(lib, "ebin"))
		if app != p.Name && isDir(filepath.Join(lib, "priv")) {
			priv[app] = filepath.Join(lib, "priv")
		}
	}
	return ebins, nil
}

// mixBuildDir is where mix compile builds, for the environment MIX_ENV
// names (dev by default).
func mixBuildDir() string {
	env := os.Getenv("MIX_ENV")
	if env == "" {
		env = "dev"
	}
	return filepath.Join("_build", env)
}

// consolidatedDir is where mix compile left the protocols it consolidated:
// _build/ENV/lib/APP/consolidated, or _build/ENV/consolidated in an
// umbrella project. It may not exist (consolidate_protocols: false).
func (p *Project) consolidatedDir() string {
	app := filepath.Join(p.Dir, mixBuildDir(), "lib", p.Name, "consolidated")
	if p.Name != "" && isDir(app) {
		return app
	}
	return filepath.Join(p.Dir, mixBuildDir(), "consolidated")
}
