// Package project finds, reads and builds the Erlang and Elixir projects
// that avm packs for AtomVM, so that the CLI, the dev server and the
// language server share one idea of what a project is.
//
// # Layouts
//
// [Detect] recognises three layouts, in this order:
//
//   - rebar3: a rebar.config. Sources in src/ (or the src_dirs option),
//     headers in include/, files for atomvm:read_priv/2 in priv/.
//   - mix: a mix.exs. Elixir sources in lib/ (the elixirc_paths option),
//     Erlang sources in src/.
//   - plain: no configuration, .erl files in src/ or in the directory
//     itself, with include/ and priv/ beside them.
//
// # Configuration read
//
// From rebar.config (plain Erlang terms, read without starting Erlang):
//
//	{erl_opts, Opts}          erlc options: {i, Dir}, {d, M}, {d, M, V},
//	                          {src_dirs, Dirs}, and any compile option
//	{src_dirs, Dirs}          source directories (default ["src"])
//	{deps, Deps}              dependencies: compiled by rebar3 unless
//	                          already fetched and built under _build/default/lib
//	{atomvm_rebar3_plugin, [{packbeam, [{start, Mod}, prune]},
//	                        {esp32_flash, [{offset, "0x250000"}]} |
//	                        {stm32_flash, …} | {pico_flash, …}]}
//	                          the start module, pruning, the flash offset,
//	                          and the target implied by the one flash task
//	                          configured (esp32, stm32 or rp2)
//	{avm, [                   avm's own settings, all optional (rebar3
//	                          ignores sections it does not know):
//	    {target, esp32},      generic_unix (or unix), esp32, esp32s3,
//	                          esp32c3, stm32, rp2 or linux; wins over the
//	                          flash task's
//	    {atomvm, "0.6"},      the AtomVM release whose API the target has
//	                          ("0.6.6" reads as "0.6")
//	    {board, "avm.board.json"},  the simulated board (avm help board)
//	    {strict, false},      only allow what the target's AtomVM has
//	                          (default: on for microcontrollers)
//	    {diagnostics, [{'avm/unknown-module', off}]}
//	                          avm lsp and avm check: off, error, warning,
//	                          info or hint per diagnostic code
//	]}
//
// From mix.exs (read as text: computed values need mix itself, so only
// literal values count):
//
//	app: :name
//	atomvm: [start: Module, flash_offset: 0x250000, stflash_path: … | pico_path: …]
//	                          ExAtomVM's keyword: the start module, the
//	                          flash offset and the target it implies
//	avm: [target: :esp32, atomvm: "0.6", board: "avm.board.json",
//	      strict: false, diagnostics: ["avm/unknown-module": :off]]
//	                          avm's settings, as in rebar.config
//	deps: [{:dep, …}]         dependencies other than runtime: false ones
//	                          (such as exatomvm) are compiled by mix
//
// A bad value is an error naming the file and line. [LoadConfig] reads the
// settings alone, for directories that need not be buildable (the
// language server's root).
//
// # Precedence
//
// Every command weighs its flags, the configuration and the board file
// the same way ([Config.Resolve]): flags (--target, --atomvm, --board,
// --strict/--no-strict; avm build's --profile) win over the configuration,
// whose target wins over the board file's "target"; without any, the
// target is generic_unix, the release the newest avm knows, the board file
// ./avm.board.json of the project when there is one, and strict mode is on
// for microcontroller targets only.
//
// A project that needs rebar3 or mix for more than compiling its own
// sources (a rebar.config.script, hooks, compile plugins, dependencies not
// yet fetched) is built by delegating to "rebar3 compile" or "mix compile";
// [Project.Delegate] says why.
//
// # Builds
//
// [Project.Build] compiles into _build/avm (ebin/ for erlc, ex/ for
// elixirc) and packs _build/avm/NAME.avm. It records each source's
// modification time, size and SHA-256 in _build/avm/erlc.json and
// elixirc.json, with a hash of the compiler, its options and every header:
// a source is recompiled when its content changed (a new time alone only
// costs a hash) or when that hash changed. Elixir sources compile together,
// as they depend on each other at compile time.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Kind is a project layout.
type Kind string

const (
	Rebar3 Kind = "rebar3"
	Mix    Kind = "mix"
	Plain  Kind = "plain"
)

// Project is what the build needs to know about a project directory.
type Project struct {
	Dir  string
	Kind Kind
	// Name is the application: the archive is NAME.avm and priv/ files
	// are stored as NAME/priv/…. It is "" when neither the configuration
	// nor the directory's name gives one; the build then uses the start
	// module's.
	Name string
	// Config is what the configuration says about the target and the
	// start module (config.go).
	Config

	ErlSrcDirs  []string // relative to Dir
	ExSrcDirs   []string
	IncludeDirs []string
	ErlcFlags   []string // from erl_opts, as erlc takes them
	// Deps are the dependencies whose modules belong in the archive.
	Deps []string
	// Delegate, when not "", is why the project is compiled by rebar3 or
	// mix rather than by erlc/elixirc directly.
	Delegate string
}

// ErrNotProject says a directory holds nothing avm knows how to build.
var ErrNotProject = errors.New("not a project")

// Detect reads the project in dir.
func Detect(dir string) (*Project, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	p := &Project{Dir: dir, Name: appName(filepath.Base(abs))}
	switch {
	case exists(filepath.Join(dir, "rebar.config")) || exists(filepath.Join(dir, "rebar.config.script")):
		err = p.readRebar()
	case exists(filepath.Join(dir, "mix.exs")):
		err = p.readMix()
	default:
		err = p.readPlain()
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// appName turns a directory name into an application name, or "".
func appName(base string) string {
	if validApp.MatchString(base) {
		return base
	}
	return ""
}

var validApp = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func (p *Project) readPlain() error {
	p.Kind = Plain
	for _, d := range []string{"src", "."} {
		if files, _ := filepath.Glob(filepath.Join(p.Dir, d, "*.erl")); len(files) > 0 {
			p.ErlSrcDirs = []string{d}
			break
		}
	}
	if p.ErlSrcDirs == nil {
		return fmt.Errorf("%s: %w: no rebar.config, mix.exs, src/*.erl or *.erl (avm new NAME makes a project)", p.Dir, ErrNotProject)
	}
	p.IncludeDirs = existingDirs(p.Dir, "include")
	return nil
}

func (p *Project) readRebar() error {
	p.Kind = Rebar3
	p.File = filepath.Join(p.Dir, "rebar.config")
	if exists(filepath.Join(p.Dir, "rebar.config.script")) {
		p.Delegate = "rebar.config.script computes the configuration"
	}
	src, err := os.ReadFile(filepath.Join(p.Dir, "rebar.config"))
	if errors.Is(err, fs.ErrNotExist) && p.Delegate != "" {
		p.ErlSrcDirs = []string{"src"}
		return nil
	}
	if err != nil {
		return err
	}
	terms, err := ParseTerms(p.File, src)
	if err != nil {
		return err
	}
	config := Term{Kind: List, Elems: terms}
	if name := appSrcName(p.Dir); name != "" {
		p.Name = name
	}

	srcDirs := []string{"src"}
	if v, ok := Lookup(config, "src_dirs"); ok {
		srcDirs = stringList(v)
	}
	p.IncludeDirs = existingDirs(p.Dir, "include")
	if opts, ok := Lookup(config, "erl_opts"); ok {
		if v, ok := Lookup(opts, "src_dirs"); ok {
			srcDirs = stringList(v)
		}
		if err := p.erlOpts(opts); err != nil {
			return err
		}
	}
	p.ErlSrcDirs = existingDirs(p.Dir, srcDirs...)
	p.IncludeDirs = append(p.IncludeDirs, p.ErlSrcDirs...)

	if deps, ok := Lookup(config, "deps"); ok {
		for _, d := range deps.Elems {
			switch {
			case d.Kind == Atom:
				p.Deps = append(p.Deps, d.Text)
			case d.Kind == Tuple && len(d.Elems) > 0 && d.Elems[0].Kind == Atom:
				p.Deps = append(p.Deps, d.Elems[0].Text)
			}
		}
	}
	if isDir(filepath.Join(p.Dir, "apps")) && p.Delegate == "" {
		p.Delegate = "an umbrella project (apps/)"
	}
	for _, key := range []string{"pre_hooks", "post_hooks", "provider_hooks"} {
		if v, ok := Lookup(config, key); ok && len(v.Elems) > 0 && p.Delegate == "" {
			p.Delegate = "rebar.config has " + key
		}
	}
	if v, ok := Lookup(config, "plugins"); ok && p.Delegate == "" {
		for _, pl := range v.Elems {
			name := pl.Text
			if pl.Kind == Tuple && len(pl.Elems) > 0 {
				name = pl.Elems[0].Text
			}
			if !packagingPlugins[name] {
				p.Delegate = "rebar.config uses the plugin " + name
				break
			}
		}
	}
	if p.Delegate == "" {
		for _, d := range p.Deps {
			if isDir(filepath.Join(p.Dir, "_checkouts", d)) {
				p.Delegate = "dependency " + d + " is in _checkouts"
				break
			}
			if !isDir(filepath.Join(p.Dir, "_build", "default", "lib", d, "ebin")) {
				p.Delegate = "dependency " + d + " is not fetched yet"
				break
			}
		}
	}

	return p.Config.readRebar(config)
}

// packagingPlugins are rebar3 plugins that do not change what "rebar3
// compile" produces, so that avm may compile without rebar3.
var packagingPlugins = map[string]bool{
	"atomvm_rebar3_plugin": true, "rebar3_hex": true, "rebar3_ex_doc": true, "erlfmt": true,
	"rebar3_format": true, "rebar3_lint": true, "rebar3_proper": true, "covertool": true,
}

// erlOpts turns rebar's erl_opts into erlc arguments.
func (p *Project) erlOpts(opts Term) error {
	if opts.Kind != List {
		return fmt.Errorf("%s:%d: erl_opts must be a list", p.File, opts.Line)
	}
	for _, o := range opts.Elems {
		switch {
		case o.Kind == Tuple && len(o.Elems) == 2 && o.Elems[0].IsAtom("i"):
			p.IncludeDirs = append(p.IncludeDirs, filepath.FromSlash(o.Elems[1].Text))
		case o.Kind == Tuple && len(o.Elems) == 2 && o.Elems[0].IsAtom("d"):
			p.ErlcFlags = append(p.ErlcFlags, "-D"+o.Elems[1].Text)
		case o.Kind == Tuple && len(o.Elems) == 3 && o.Elems[0].IsAtom("d"):
			p.ErlcFlags = append(p.ErlcFlags, "-D"+o.Elems[1].Text+"="+o.Elems[2].String())
		case o.Kind == Tuple && len(o.Elems) > 0 && (o.Elems[0].IsAtom("src_dirs") || o.Elems[0].IsAtom("platform_define")):
			// src_dirs is read by readRebar; platform_define is rebar3's and
			// targets the build host, not the device.
		default:
			p.ErlcFlags = append(p.ErlcFlags, "+"+o.String())
		}
	}
	return nil
}

// offsetValue reads a flash offset written as the plugin takes it, a
// string such as "0x210000", or as an integer.
func offsetValue(t Term) (int64, bool) {
	if t.Kind == String {
		n, err := strconv.ParseInt(strings.TrimSpace(t.Text), 0, 64)
		return n, err == nil && n >= 0
	}
	n, ok := t.IntValue()
	return n, ok && n >= 0
}

// appSrcName is the application named by src/NAME.app.src, or "".
func appSrcName(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, "src", "*.app.src"))
	if len(files) != 1 {
		return ""
	}
	return appName(strings.TrimSuffix(filepath.Base(files[0]), ".app.src"))
}

// stringList reads ["a", "b"] (strings or atoms).
func stringList(t Term) []string {
	var out []string
	for _, e := range t.Elems {
		if e.Kind == String || e.Kind == Atom {
			out = append(out, filepath.FromSlash(e.Text))
		}
	}
	return out
}

// existingDirs keeps the names that are directories under dir.
func existingDirs(dir string, names ...string) []string {
	var out []string
	for _, n := range names {
		if isDir(filepath.Join(dir, n)) {
			out = append(out, n)
		}
	}
	return out
}

// mix.exs is Elixir code; these patterns read the literal keyword values
// that mix new and ExAtomVM's documentation write.
var (
	mixApp       = regexp.MustCompile(`(?m)\bapp:\s*:([a-z][a-z0-9_]*)`)
	mixDeps      = regexp.MustCompile(`(?s)defp?\s+deps(?:\(\))?\s+do\s*\[(.*?)\]\s*end`)
	mixDep       = regexp.MustCompile(`\{\s*:([a-z][a-z0-9_]*)\s*,([^{}]*)\}`)
	mixNoRuntime = regexp.MustCompile(`\bruntime:\s*false`)
	mixExPaths   = regexp.MustCompile(`\belixirc_paths:\s*\[([^\]]*)\]`)
	mixErlPaths  = regexp.MustCompile(`\berlc_paths:\s*\[([^\]]*)\]`)
	quotedPath   = regexp.MustCompile(`"([^"]+)"`)
)

func (p *Project) readMix() error {
	p.Kind = Mix
	p.File = filepath.Join(p.Dir, "mix.exs")
	src, err := os.ReadFile(p.File)
	if err != nil {
		return err
	}
	text := stripElixirComments(string(src))
	if m := mixApp.FindStringSubmatch(text); m != nil {
		p.Name = m[1]
	}
	if err := p.Config.readMix(text); err != nil {
		return err
	}
	exDirs, erlDirs := []string{"lib"}, []string{"src"}
	if m := mixExPaths.FindStringSubmatch(text); m != nil {
		exDirs = quotedStrings(m[1])
	}
	if m := mixErlPaths.FindStringSubmatch(text); m != nil {
		erlDirs = quotedStrings(m[1])
	}
	p.ExSrcDirs = existingDirs(p.Dir, exDirs...)
	p.ErlSrcDirs = existingDirs(p.Dir, erlDirs...)
	p.IncludeDirs = append(existingDirs(p.Dir, "include"), p.ErlSrcDirs...)
	if m := mixDeps.FindStringSubmatch(text); m != nil {
		for _, d := range mixDep.FindAllStringSubmatch(m[1], -1) {
			if !mixNoRuntime.MatchString(d[2]) {
				p.Deps = append(p.Deps, d[1])
			}
		}
	}
	if len(p.Deps) > 0 {
		p.Delegate = "mix.exs has dependencies (" + strings.Join(p.Deps, ", ") + ")"
	}
	if len(p.ExSrcDirs) == 0 && len(p.ErlSrcDirs) == 0 {
		return fmt.Errorf("%s: mix.exs but no lib/ or src/ directory", p.Dir)
	}
	return nil
}

// elixirModule gives the BEAM name of an Elixir alias (Foo → Elixir.Foo)
// or of an atom written :foo.
func elixirModule(s string) string {
	if a, ok := strings.CutPrefix(s, ":"); ok {
		return a
	}
	return "Elixir." + s
}

func quotedStrings(s string) []string {
	var out []string
	for _, m := range quotedPath.FindAllStringSubmatch(s, -1) {
		out = append(out, filepath.FromSlash(m[1]))
	}
	return out
}

// stripElixirComments drops # comments outside strings, line by line.
func stripElixirComments(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		inString := false
		for j := 0; j < len(l); j++ {
			switch l[j] {
			case '"':
				inString = !inString
			case '\\':
				j++
			case '#':
				if !inString && !strings.HasPrefix(l[j:], "#{") {
					lines[i] = l[:j]
					j = len(l)
				}
			}
		}
	}
	return strings.Join(lines, "\n")
}

// sourceFiles lists files ending in ext under the given directories of
// the project, recursively, sorted; paths are relative to the project
// (absolute for directories configured outside it).
func (p *Project) sourceFiles(dirs []string, ext string) ([]string, error) {
	var out []string
	for _, d := range dirs {
		root := p.path(d)
		recursive := d != "."
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() && path != root && (!recursive || strings.HasPrefix(e.Name(), ".") || e.Name() == "_build") {
				return filepath.SkipDir
			}
			if !e.IsDir() && strings.HasSuffix(e.Name(), ext) {
				if rel, err := filepath.Rel(p.Dir, path); err == nil {
					path = rel
				}
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// path resolves a path from the configuration, relative to the project
// unless absolute.
func (p *Project) path(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(p.Dir, rel)
}
