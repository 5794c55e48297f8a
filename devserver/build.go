package devserver

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/project"
)

// BuildReport says what one build did.
type BuildReport struct {
	Time     time.Time     `json:"time"`
	Duration time.Duration `json:"duration_ns"`
	// Compiled are the sources compiled (relative to the project).
	Compiled []string `json:"compiled"`
	// Removed are the modules dropped with their sources.
	Removed []string `json:"removed,omitempty"`
	// Via is the tool that compiled: the compile server, or "erlc",
	// "rebar3 compile", … for projects avm dev builds with avm build's
	// slow path.
	Via         string       `json:"via"`
	Diagnostics []Diagnostic `json:"diagnostics,omitempty"`
	Errors      int          `json:"errors"`
	Warnings    int          `json:"warnings"`
	// Failure is a build error that is not a compiler's (a missing tool,
	// a bad configuration), "" otherwise.
	Failure string `json:"failure,omitempty"`
	Archive string `json:"archive,omitempty"`
	Size    int    `json:"size,omitempty"`
	Start   string `json:"start,omitempty"`
	// Changed says the archive differs from the last good build's.
	Changed bool `json:"changed"`
}

// OK tells whether the build produced an archive.
func (r *BuildReport) OK() bool { return r.Errors == 0 && r.Failure == "" }

// builder compiles a project incrementally with the compile server: it
// keeps each source's hash and compiled module in memory, compiles what
// changed (and what includes a changed header), and repacks.
type builder struct {
	dir  string
	opts project.BuildOptions
	cs   *CompileServer

	proj    *project.Project
	config  string // hash of the configuration files, to tell when to re-read them
	sources map[string]*sourceState
	headers map[string][32]byte
	deps    []*packbeam.Entry
	archive []byte // the last good archive

	// Elixir sources compile together: their hash, last modules and
	// diagnostics, and the files compiled by this build.
	exHash     [32]byte
	exModules  []*packbeam.Entry
	exDiags    []Diagnostic
	exCompiled []string
}

type sourceState struct {
	hash  [32]byte
	entry *packbeam.Entry // nil while the source has errors
	diags []Diagnostic
}

func newBuilder(dir string, opts project.BuildOptions, cs *CompileServer) *builder {
	return &builder{dir: dir, opts: opts, cs: cs}
}

// build brings the archive up to date with the sources.
func (b *builder) build(ctx context.Context) (*BuildReport, []byte) {
	t0 := time.Now()
	rep := &BuildReport{Time: t0, Compiled: []string{}}
	data, err := b.buildProject(ctx, rep)
	rep.Duration = time.Since(t0)
	for _, d := range rep.Diagnostics {
		if d.Severity == "error" {
			rep.Errors++
		} else {
			rep.Warnings++
		}
	}
	if err != nil {
		var ce *project.CompileError
		if !errors.As(err, &ce) || rep.Errors == 0 {
			rep.Failure = err.Error()
		}
		return rep, nil
	}
	if !rep.OK() {
		return rep, nil
	}
	rep.Changed = !bytes.Equal(data, b.archive)
	b.archive = data
	return rep, data
}

func (b *builder) buildProject(ctx context.Context, rep *BuildReport) ([]byte, error) {
	if err := b.readConfig(); err != nil {
		return nil, err
	}
	p := b.proj
	if p.Delegate != "" {
		return b.slowBuild(ctx, rep)
	}
	rep.Via = "compile server"
	in, err := p.ErlangInputs()
	if err != nil {
		return nil, err
	}
	exFiles, err := p.ElixirSources()
	if err != nil {
		return nil, err
	}
	if len(in.Sources) == 0 && len(exFiles) == 0 {
		dirs := append(append([]string{}, p.ErlSrcDirs...), p.ExSrcDirs...)
		return nil, fmt.Errorf("%s: no .erl or .ex files in %s", p.Dir, strings.Join(dirs, ", "))
	}
	exModules, err := b.buildElixir(ctx, exFiles, rep)
	if err != nil {
		return nil, err
	}

	// Headers: a changed one recompiles the sources that name it.
	headers := map[string][32]byte{}
	var changedHeaders []string
	for _, h := range in.Headers {
		sum, err := hashFile(p.Path(h))
		if err != nil {
			return nil, err
		}
		headers[h] = sum
		if old, ok := b.headers[h]; !ok || old != sum {
			changedHeaders = append(changedHeaders, filepath.Base(h))
		}
	}
	for h := range b.headers {
		if _, ok := headers[h]; !ok {
			changedHeaders = append(changedHeaders, filepath.Base(h))
		}
	}
	firstBuild := b.headers == nil
	b.headers = headers

	next := map[string]*sourceState{}
	var stale []string
	for _, f := range in.Sources {
		src, err := os.ReadFile(p.Path(f))
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(src)
		old := b.sources[f]
		switch {
		case old == nil || old.hash != sum:
			stale = append(stale, f)
		case !firstBuild && mentions(src, changedHeaders):
			stale = append(stale, f)
		}
		st := &sourceState{hash: sum}
		if old != nil {
			*st = *old
			st.hash = sum
		}
		next[f] = st
	}
	for f, st := range b.sources {
		if _, ok := next[f]; !ok && st.entry != nil {
			rep.Removed = append(rep.Removed, st.entry.Module())
		}
	}
	sort.Strings(rep.Removed)
	b.sources = next

	for _, f := range stale {
		c, err := b.cs.Compile(ctx, p.Path(f), in.IncludeDirs, in.Flags)
		if err != nil {
			// The source stays stale: compile it again next build.
			delete(b.sources, f)
			return nil, err
		}
		st := next[f]
		st.diags = c.Diagnostics
		st.entry = nil
		rep.Compiled = append(rep.Compiled, f)
		if c.BEAM == nil {
			continue
		}
		e, err := packbeam.NewModule(f, c.BEAM, packbeam.StripOptions{IncludeLines: b.opts.IncludeLines})
		if err != nil {
			return nil, err
		}
		st.entry = e
	}

	var modules []*packbeam.Entry
	failing := false
	for _, f := range in.Sources {
		st := next[f]
		// Warnings are told once, when their source compiles; errors
		// until fixed.
		for _, d := range st.diags {
			if d.Severity == "error" || slices.Contains(rep.Compiled, f) {
				rep.Diagnostics = append(rep.Diagnostics, relativeDiag(p.Dir, d))
			}
		}
		if st.entry == nil {
			failing = true
			continue
		}
		modules = append(modules, st.entry)
	}
	for _, d := range b.exDiags {
		if d.Severity == "error" || len(b.exCompiled) > 0 {
			rep.Diagnostics = append(rep.Diagnostics, relativeDiag(p.Dir, d))
		}
	}
	if failing || exModules == nil && len(exFiles) > 0 {
		return nil, &project.CompileError{Tool: "compile server", Err: errors.New("errors in sources")}
	}
	modules = append(modules, exModules...)
	res, data, err := p.PackModules(modules, b.deps, b.opts)
	if err != nil {
		return nil, err
	}
	rep.Archive, rep.Size, rep.Start = res.Archive, res.Size, res.Start
	return data, nil
}

// buildElixir compiles the Elixir sources, all together, when any of them
// changed, and returns their modules (nil while they have errors).
func (b *builder) buildElixir(ctx context.Context, files []string, rep *BuildReport) ([]*packbeam.Entry, error) {
	b.exCompiled = nil
	if len(files) == 0 {
		b.exModules, b.exDiags, b.exHash = nil, nil, [32]byte{}
		return nil, nil
	}
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(b.proj.Path(f))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s %d\x00", f, len(data))
		h.Write(data)
	}
	var sum [32]byte
	h.Sum(sum[:0])
	if sum == b.exHash {
		return b.exModules, nil
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = b.proj.Path(f)
	}
	out := filepath.Join(b.proj.Dir, project.BuildDir, "dev-ex")
	c, err := b.cs.CompileElixir(ctx, paths, out)
	if err != nil {
		return nil, err
	}
	b.exHash, b.exDiags, b.exCompiled = sum, c.Diagnostics, files
	rep.Compiled = append(rep.Compiled, files...)
	for _, d := range c.Diagnostics {
		if d.Severity == "error" {
			b.exModules = nil
			return nil, nil
		}
	}
	beams, _ := filepath.Glob(filepath.Join(out, "*.beam"))
	var modules []*packbeam.Entry
	now := map[string]bool{}
	for _, f := range beams {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		e, err := packbeam.NewModule(f, data, packbeam.StripOptions{IncludeLines: b.opts.IncludeLines})
		if err != nil {
			return nil, err
		}
		modules = append(modules, e)
		now[e.Module()] = true
	}
	for _, e := range b.exModules {
		if !now[e.Module()] {
			rep.Removed = append(rep.Removed, e.Module())
		}
	}
	sort.Strings(rep.Removed)
	b.exModules = modules
	return modules, nil
}

// readConfig detects the project again when its configuration changed,
// and then forgets everything compiled (options may have changed).
func (b *builder) readConfig() error {
	h := sha256.New()
	for _, f := range []string{"rebar.config", "rebar.config.script", "mix.exs", "rebar.lock", "mix.lock"} {
		data, err := os.ReadFile(filepath.Join(b.dir, f))
		fmt.Fprintf(h, "%s %v %d\x00", f, err == nil, len(data))
		h.Write(data)
	}
	sum := string(h.Sum(nil))
	if b.proj != nil && sum == b.config {
		return nil
	}
	p, err := project.Detect(b.dir)
	if err != nil {
		return err
	}
	b.proj, b.config = p, sum
	b.sources, b.headers, b.deps = nil, nil, nil
	b.exHash, b.exModules, b.exDiags = [32]byte{}, nil, nil
	in, err := p.ErlangInputs()
	if err != nil {
		return err
	}
	for _, ebin := range in.DepEbins {
		beams, _ := filepath.Glob(filepath.Join(ebin, "*.beam"))
		for _, f := range beams {
			data, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			e, err := packbeam.NewModule(f, data, packbeam.StripOptions{IncludeLines: b.opts.IncludeLines})
			if err != nil {
				return err
			}
			b.deps = append(b.deps, e)
		}
	}
	return nil
}

// slowBuild builds as avm build does, for projects the compile server
// does not handle: Elixir sources, and projects rebar3 or mix must build.
func (b *builder) slowBuild(ctx context.Context, rep *BuildReport) ([]byte, error) {
	var out bytes.Buffer
	opts := b.opts
	opts.Stderr = &out
	res, err := b.proj.Build(ctx, opts)
	if res != nil {
		rep.Compiled = append(rep.Compiled, res.Compiled...)
		rep.Via = strings.Join(res.Via, " and ")
	}
	if err != nil {
		rep.Diagnostics = append(rep.Diagnostics, parseCompilerOutput(b.proj.Dir, out.String())...)
		return nil, err
	}
	rep.Archive, rep.Size, rep.Start = res.Archive, res.Size, res.Start
	return os.ReadFile(res.Archive)
}

// parseCompilerOutput reads file:line[:col]: message lines that erlc,
// elixirc and rebar3 print; other lines join the message before them.
func parseCompilerOutput(dir, out string) []Diagnostic {
	var diags []Diagnostic
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimRight(line, "\r")
		var d Diagnostic
		parts := strings.SplitN(line, ":", 4)
		if len(parts) >= 3 {
			if n, err := fmt.Sscanf(parts[1], "%d", &d.Line); n == 1 && err == nil {
				d.File = strings.TrimSpace(parts[0])
				msg := strings.Join(parts[2:], ":")
				if len(parts) == 4 {
					if n, err := fmt.Sscanf(parts[2], "%d", &d.Col); n == 1 && err == nil {
						msg = parts[3]
					} else {
						d.Col = 0
					}
				}
				msg = strings.TrimSpace(msg)
				d.Severity = "error"
				if m, ok := strings.CutPrefix(msg, "Warning: "); ok {
					d.Severity, msg = "warning", m
				} else if m, ok := strings.CutPrefix(msg, "warning: "); ok {
					d.Severity, msg = "warning", m
				}
				d.Message = msg
				diags = append(diags, relativeDiag(dir, d))
				continue
			}
		}
		if len(diags) > 0 && strings.TrimSpace(line) != "" {
			diags[len(diags)-1].Message += "\n" + line
		}
	}
	if len(diags) == 0 && strings.TrimSpace(out) != "" {
		diags = append(diags, Diagnostic{Severity: "error", Message: strings.TrimSpace(out)})
	}
	return diags
}

// relativeDiag names the file relative to the project, as the user
// edits it.
func relativeDiag(dir string, d Diagnostic) Diagnostic {
	if filepath.IsAbs(d.File) {
		if abs, err := filepath.Abs(dir); err == nil {
			if rel, err := filepath.Rel(abs, d.File); err == nil && !strings.HasPrefix(rel, "..") {
				d.File = rel
			}
		}
	}
	return d
}

func hashFile(path string) ([32]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(data), nil
}

// mentions tells whether a source names one of the headers (by base
// name, as -include and -include_lib give them).
func mentions(src []byte, headers []string) bool {
	for _, h := range headers {
		if bytes.Contains(src, []byte(h)) {
			return true
		}
	}
	return false
}
