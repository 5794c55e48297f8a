package devserver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// eventTimeout bounds every wait for an event: a test that waits longer
// has failed.
const eventTimeout = 30 * time.Second

func needErlang(t testing.TB) {
	t.Helper()
	for _, tool := range []string{"erl", "erlc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
}

// writeFiles writes files (path → content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for path, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// appSource is a start module that prints a line and then waits forever,
// as embedded apps do.
func appSource(module, body string) string {
	return fmt.Sprintf("-module(%s).\n-export([start/0]).\nstart() ->\n    %s,\n    receive never -> ok end.\n", module, body)
}

// newProject makes a rebar3 project named app in a temporary directory.
func newProject(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "app")
	writeFiles(t, dir, map[string]string{"rebar.config": "{erl_opts, [debug_info]}.\n"})
	writeFiles(t, dir, files)
	return dir
}

// devRun is a devserver running in the background of a test.
type devRun struct {
	t      testing.TB
	s      *Server
	events <-chan Event
	done   chan error
	cancel context.CancelFunc
}

func startDev(t testing.TB, dir string, opts Options, listen bool) *devRun {
	t.Helper()
	opts.Dir = dir
	if opts.CacheDir == "" {
		opts.CacheDir = sharedCache(t)
	}
	if opts.Schedulers == 0 {
		opts.Schedulers = 1
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	events, unsubscribe := s.Subscribe()
	ctx, cancel := context.WithCancel(context.Background())
	d := &devRun{t: t, s: s, events: events, done: make(chan error, 1), cancel: cancel}
	go func() { d.done <- s.Run(ctx, listen) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-d.done:
		case <-time.After(eventTimeout):
			t.Error("the devserver did not stop")
		}
		unsubscribe()
	})
	return d
}

// sharedCache keeps the compiled compile server across the tests of a run.
var sharedCacheDir string

func sharedCache(t testing.TB) string {
	if sharedCacheDir == "" {
		dir, err := os.MkdirTemp("", "avm-dev-cache-")
		if err != nil {
			t.Fatal(err)
		}
		sharedCacheDir = dir
	}
	return sharedCacheDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedCacheDir != "" {
		os.RemoveAll(sharedCacheDir)
	}
	os.Exit(code)
}

// waitFor returns the first event that satisfies match; the events
// before it are returned too.
func (d *devRun) waitFor(what string, match func(Event) bool) (Event, []Event) {
	d.t.Helper()
	var seen []Event
	timeout := time.After(eventTimeout)
	for {
		select {
		case e, ok := <-d.events:
			if !ok {
				d.t.Fatalf("events ended waiting for %s; seen %s", what, describe(seen))
			}
			if e.Type == EventBuild && e.Build.Failure != "" {
				d.t.Logf("build failure: %s", e.Build.Failure)
			}
			if match(e) {
				return e, seen
			}
			seen = append(seen, e)
		case err := <-d.done:
			d.t.Fatalf("the devserver stopped (%v) waiting for %s; seen %s", err, what, describe(seen))
		case <-timeout:
			d.t.Fatalf("no %s within %v; seen %s", what, eventTimeout, describe(seen))
		}
	}
}

func (d *devRun) waitOutput(text string) []Event {
	d.t.Helper()
	_, seen := d.waitFor("output "+text, func(e Event) bool { return e.Type == EventOutput && strings.Contains(e.Text, text) })
	return seen
}

// waitRunAndOutput waits for a run event and for output containing text,
// in either order: a restarted app may print before the run event is
// published. It returns the run event's description.
func (d *devRun) waitRunAndOutput(text string) (ran string, seen []Event) {
	d.t.Helper()
	printed := false
	_, seen = d.waitFor("a run and the output "+text, func(e Event) bool {
		if e.Type == EventRun && ran == "" {
			ran = e.Ran
		}
		if e.Type == EventOutput && strings.Contains(e.Text, text) {
			printed = true
		}
		return ran != "" && printed
	})
	return ran, seen
}

func (d *devRun) waitBuild() *BuildReport {
	d.t.Helper()
	e, _ := d.waitFor("a build", func(e Event) bool { return e.Type == EventBuild })
	return e.Build
}

func describe(events []Event) string {
	var b strings.Builder
	for _, e := range events {
		fmt.Fprintf(&b, "\n  %s", e.Type)
		switch {
		case e.Build != nil:
			fmt.Fprintf(&b, " compiled=%v removed=%v errors=%d failure=%q diags=%v", e.Build.Compiled, e.Build.Removed, e.Build.Errors, e.Build.Failure, e.Build.Diagnostics)
		case e.Text != "":
			fmt.Fprintf(&b, " %q", e.Text)
		case e.Ran != "":
			fmt.Fprintf(&b, " %q", e.Ran)
		case e.Value != "":
			fmt.Fprintf(&b, " value=%s crashed=%v", e.Value, e.Crashed)
		}
	}
	return b.String()
}

// TestEditRerun: with --reload restart, a change to any module reruns
// the app.
func TestEditRerun(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{
		"src/app.erl":      appSource("app", `io:format("hello ~s~n", [greeting:word()])`),
		"src/greeting.erl": "-module(greeting).\n-export([word/0]).\nword() -> \"one\".\n",
	})
	d := startDev(t, dir, Options{Reload: ReloadRestart}, false)
	d.waitOutput("hello one")

	writeFiles(t, dir, map[string]string{"src/greeting.erl": "-module(greeting).\n-export([word/0]).\nword() -> \"two\".\n"})
	seen := d.waitOutput("hello two")
	var builds []*BuildReport
	for _, e := range seen {
		if e.Type == EventBuild {
			builds = append(builds, e.Build)
		}
	}
	if len(builds) != 1 || !slices.Equal(builds[0].Compiled, []string{filepath.Join("src", "greeting.erl")}) {
		t.Fatalf("want one build compiling src/greeting.erl only; seen %s", describe(seen))
	}
	if data, err := os.ReadFile(filepath.Join(dir, "_build", "avm", "app.avm")); err != nil || !strings.Contains(string(data), "greeting") {
		t.Errorf("_build/avm/app.avm not written with the build (%v)", err)
	}
}

func TestSyntaxErrorKeepsOldApp(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", `io:format("v1~n")`)})
	d := startDev(t, dir, Options{}, false)
	d.waitOutput("v1")

	writeFiles(t, dir, map[string]string{"src/app.erl": "-module(app).\n-export([start/0]).\nstart() ->\n    io:format(\"v2~n\")\n    receive never -> ok end.\n"})
	e, seen := d.waitFor("a failed build", func(e Event) bool { return e.Type == EventBuild && e.Build.Errors > 0 })
	d0 := e.Build.Diagnostics[0]
	if d0.File != filepath.Join("src", "app.erl") || d0.Line != 5 || d0.Severity != "error" || !strings.Contains(d0.Message, "syntax error") {
		t.Errorf("diagnostic %+v, want src/app.erl:5: syntax error…", d0)
	}
	if got := d0.String(); !strings.HasPrefix(got, "src/app.erl:5:") {
		t.Errorf("diagnostic prints as %q, want src/app.erl:5:…", got)
	}
	for _, e := range seen {
		if e.Type == EventRun || e.Type == EventExit {
			t.Fatalf("the old app was stopped: %s", describe(seen))
		}
	}
	if st := d.s.Status(); st.LastBuild.Errors == 0 || !strings.Contains(st.Ran, "started the app") {
		t.Errorf("status %+v: want the failed build and the first run", st)
	}

	writeFiles(t, dir, map[string]string{"src/app.erl": appSource("app", `io:format("v3~n")`)})
	seen = d.waitOutput("v3")
	for _, e := range seen {
		if e.Type == EventRun && !strings.Contains(e.Ran, "restarted") {
			t.Errorf("run %q, want a restart", e.Ran)
		}
	}
}

func TestBurstOfSavesBuildsOnce(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{
		"src/app.erl":   appSource("app", `io:format("v0~n")`),
		"src/other.erl": "-module(other).\n",
	})
	// A wide quiet period: the 50 saves must fall within it even on a
	// loaded machine.
	d := startDev(t, dir, Options{Debounce: 300 * time.Millisecond}, false)
	d.waitOutput("v0")
	for i := 1; i <= 50; i++ {
		writeFiles(t, dir, map[string]string{"src/app.erl": appSource("app", fmt.Sprintf(`io:format("v%d~n")`, i))})
	}
	seen := d.waitOutput("v50")
	// A sentinel change after the burst: every build the burst caused
	// has been reported before the sentinel's.
	writeFiles(t, dir, map[string]string{"src/other.erl": "-module(other).\n-export([f/0]).\nf() -> ok.\n"})
	e, more := d.waitFor("the sentinel's build", func(e Event) bool {
		return e.Type == EventBuild && slices.Contains(e.Build.Compiled, filepath.Join("src", "other.erl"))
	})
	builds := 0
	for _, e := range append(seen, more...) {
		if e.Type == EventBuild {
			builds++
		}
	}
	if builds != 1 {
		t.Errorf("50 saves caused %d builds, want 1: %s", builds, describe(append(seen, more...)))
	}
	if len(e.Build.Compiled) != 1 {
		t.Errorf("the sentinel's build compiled %v", e.Build.Compiled)
	}
}

func TestDeleteAndRenameModules(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{
		"src/app.erl":    appSource("app", `io:format("~s~n", [helper:name()])`),
		"src/helper.erl": "-module(helper).\n-export([name/0]).\nname() -> \"from helper\".\n",
		"src/extra.erl":  "-module(extra).\n",
	})
	d := startDev(t, dir, Options{}, false)
	d.waitOutput("from helper")

	if err := os.Remove(filepath.Join(dir, "src", "extra.erl")); err != nil {
		t.Fatal(err)
	}
	rep := d.waitBuild()
	if !slices.Equal(rep.Removed, []string{"extra"}) || len(rep.Compiled) != 0 || !rep.Changed {
		t.Errorf("after deleting extra.erl: %+v", rep)
	}

	// Rename helper to util: the new module and its caller, then the old
	// file goes (a refactoring tool's steps).
	writeFiles(t, dir, map[string]string{
		"src/util.erl": "-module(util).\n-export([name/0]).\nname() -> \"from util\".\n",
		"src/app.erl":  appSource("app", `io:format("~s~n", [util:name()])`),
	})
	if err := os.Remove(filepath.Join(dir, "src", "helper.erl")); err != nil {
		t.Fatal(err)
	}
	seen := d.waitOutput("from util")
	removed := false
	for _, e := range seen {
		if e.Type == EventBuild && slices.Contains(e.Build.Removed, "helper") {
			removed = true
		}
	}
	if !removed {
		t.Errorf("no build removed helper: %s", describe(seen))
	}
}

func TestCompileServerRestartsWhenKilled(t *testing.T) {
	needErlang(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "m.erl")
	writeFiles(t, dir, map[string]string{"m.erl": "-module(m).\n-export([f/0]).\nf() -> ok.\n"})
	cs := NewCompileServer(sharedCache(t))
	defer cs.Close()
	if _, err := cs.Compile(context.Background(), src, nil, nil); err != nil {
		t.Fatal(err)
	}
	// Kill the node while it holds a request: the reply never comes.
	killed := false
	cs.afterSend = func(p *os.Process) {
		if !killed {
			killed = true
			p.Kill()
		}
	}
	c, err := cs.Compile(context.Background(), src, nil, []string{"+debug_info", "-DX=1"})
	if err != nil {
		t.Fatal(err)
	}
	if c.Module != "m" || c.BEAM == nil || !killed || cs.Restarts() != 1 {
		t.Errorf("module %q, %d bytes, killed %v, restarts %d", c.Module, len(c.BEAM), killed, cs.Restarts())
	}
}

func TestCompileDiagnostics(t *testing.T) {
	needErlang(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"inc/defs.hrl": "-define(X, 42).\n",
		"m.erl":        "-module(m).\n-include(\"defs.hrl\").\n-export([f/0]).\nf() -> ?X.\ng() -> ok.\n",
		"bad.erl":      "-module(bad).\n-export([f/0]).\nf() -> Y.\n",
	})
	cs := NewCompileServer(sharedCache(t))
	defer cs.Close()
	c, err := cs.Compile(context.Background(), filepath.Join(dir, "m.erl"), []string{filepath.Join(dir, "inc")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.BEAM == nil || len(c.Diagnostics) != 1 || c.Diagnostics[0].Severity != "warning" || c.Diagnostics[0].Line != 5 {
		t.Errorf("m.erl: %d bytes, %+v; want a module and the unused g/0 warning", len(c.BEAM), c.Diagnostics)
	}
	c, err = cs.Compile(context.Background(), filepath.Join(dir, "bad.erl"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.BEAM != nil || len(c.Diagnostics) == 0 || c.Diagnostics[0].Line != 3 || c.Diagnostics[0].Col != 8 ||
		!strings.Contains(c.Diagnostics[0].Message, "variable 'Y' is unbound") {
		t.Errorf("bad.erl: %+v", c.Diagnostics)
	}
}

func TestSocketStatusStop(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", `io:format("up~n")`)})
	d := startDev(t, dir, Options{}, true)
	d.waitOutput("up")

	info, err := os.Stat(SocketPath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&os.ModeSocket == 0 || info.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v, want a socket with 0600", info.Mode())
	}
	if _, err := listenSocket(dir); !errors.Is(err, ErrRunning) {
		t.Errorf("a second devserver: %v, want ErrRunning", err)
	}

	c, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st, err := c.Status()
	if err != nil {
		t.Fatal(err)
	}
	if st.Protocol != ProtocolVersion || st.PID != os.Getpid() || st.Builds != 1 || st.Mode != "local" || !strings.Contains(st.Ran, "app:start/0") {
		t.Errorf("status %+v", st)
	}

	// A second client follows the events while the first asks for a build.
	sub, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := sub.Subscribe(); err != nil {
		t.Fatal(err)
	}
	got := make(chan Event, 64)
	subDone := make(chan error, 1)
	go func() { subDone <- sub.ReadEvents(context.Background(), func(e Event) { got <- e }) }()
	if err := c.Rebuild(); err != nil {
		t.Fatal(err)
	}
	select {
	case e := <-got:
		if e.Type != EventBuilding {
			t.Errorf("first event %+v, want building", e)
		}
	case <-time.After(eventTimeout):
		t.Fatal("no event after asking for a build")
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-d.done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		d.done <- err // for the cleanup
	case <-time.After(eventTimeout):
		t.Fatal("the devserver did not stop")
	}
	if err := <-subDone; err != nil {
		t.Errorf("subscription: %v", err)
	}
	if _, err := os.Stat(SocketPath(dir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket left behind: %v", err)
	}
	if _, err := Dial(dir); !errors.Is(err, ErrNotRunning) {
		t.Errorf("Dial after stop: %v, want ErrNotRunning", err)
	}
}

// TestHeadersAndNewDirectories: a changed header recompiles the modules
// that include it and only those; a directory created under src/ is
// watched, with the sources it already holds.
func TestHeadersAndNewDirectories(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{
		"include/defs.hrl": "-define(WORD, \"one\").\n",
		"src/app.erl":      "-module(app).\n-include(\"defs.hrl\").\n-export([start/0]).\nstart() -> io:format(\"~s ~p~n\", [?WORD, counter:n()]).\n",
		"src/counter.erl":  "-module(counter).\n-export([n/0]).\nn() -> 1.\n",
	})
	d := startDev(t, dir, Options{}, false)
	d.waitOutput("one 1")

	writeFiles(t, dir, map[string]string{"include/defs.hrl": "-define(WORD, \"two\").\n"})
	seen := d.waitOutput("two 1")
	for _, e := range seen {
		if e.Type == EventBuild && !slices.Equal(e.Build.Compiled, []string{filepath.Join("src", "app.erl")}) {
			t.Errorf("the header change compiled %v, want src/app.erl only", e.Build.Compiled)
		}
	}

	// The directory appears with its file already in it, as a checkout
	// or a move does.
	tmp := filepath.Join(t.TempDir(), "more")
	writeFiles(t, tmp, map[string]string{"counter.erl": "-module(counter).\n-export([n/0]).\nn() -> 2.\n"})
	if err := os.Remove(filepath.Join(dir, "src", "counter.erl")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "src", "more")); err != nil {
		t.Fatal(err)
	}
	d.waitOutput("two 2")
	writeFiles(t, dir, map[string]string{"src/more/counter.erl": "-module(counter).\n-export([n/0]).\nn() -> 3.\n"})
	d.waitOutput("two 3")
}

// TestElixirProject compiles a mix project's Elixir sources on the
// compile server, together, and reruns the app on a change.
func TestElixirProject(t *testing.T) {
	needErlang(t)
	if _, err := elixirEbins(); err != nil {
		t.Skipf("Elixir not installed: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "exapp")
	helper := func(n int) string {
		return fmt.Sprintf("defmodule ExApp.Helper do\n  def n, do: %d\nend\n", n)
	}
	writeFiles(t, dir, map[string]string{
		"mix.exs":       "defmodule ExApp.MixProject do\n  use Mix.Project\n  def project do\n    [app: :exapp, version: \"0.1.0\", atomvm: [start: ExApp]]\n  end\nend\n",
		"lib/exapp.ex":  "defmodule ExApp do\n  def start do\n    :io.format(~c\"ex ~p~n\", [ExApp.Helper.n()])\n    receive do\n      :never -> :ok\n    end\n  end\nend\n",
		"lib/helper.ex": helper(1),
	})
	// The helper runs once, in start/0: rerun the app to see a change.
	d := startDev(t, dir, Options{Reload: ReloadRestart}, false)
	d.waitOutput("ex 1")
	writeFiles(t, dir, map[string]string{"lib/helper.ex": helper(2)})
	d.waitOutput("ex 2")

	writeFiles(t, dir, map[string]string{"lib/helper.ex": "defmodule ExApp.Helper do\n  def n, do: undefined_thing\nend\n"})
	e, _ := d.waitFor("a failed build", func(e Event) bool { return e.Type == EventBuild && e.Build.Errors > 0 })
	if d0 := e.Build.Diagnostics[0]; d0.File != filepath.Join("lib", "helper.ex") || d0.Line != 2 {
		t.Errorf("diagnostic %+v, want lib/helper.ex:2", d0)
	}
	writeFiles(t, dir, map[string]string{"lib/helper.ex": helper(3)})
	d.waitOutput("ex 3")
}

// TestElixirProjectUsesTheLibrary: the dev loop's archive carries what the
// app reaches of Elixir's library, as avm build packs it, and an edit
// that reaches more of it gets it.
func TestElixirProjectUsesTheLibrary(t *testing.T) {
	needErlang(t)
	if _, err := elixirEbins(); err != nil {
		t.Skipf("Elixir not installed: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "exlib")
	helper := func(body string) string {
		return "defmodule ExLib.Helper do\n  def text, do: " + body + "\nend\n"
	}
	writeFiles(t, dir, map[string]string{
		"mix.exs":       "defmodule ExLib.MixProject do\n  use Mix.Project\n  def project do\n    [app: :exlib, version: \"0.1.0\", atomvm: [start: ExLib]]\n  end\nend\n",
		"lib/exlib.ex":  "defmodule ExLib do\n  def start do\n    IO.puts(\"text \" <> ExLib.Helper.text())\n    receive do\n      :never -> :ok\n    end\n  end\nend\n",
		"lib/helper.ex": helper(`String.upcase("one")`),
	})
	d := startDev(t, dir, Options{Reload: ReloadRestart}, false)
	d.waitOutput("text ONE")
	writeFiles(t, dir, map[string]string{"lib/helper.ex": helper(`String.pad_leading("7", 3, "0")`)})
	d.waitOutput("text 007")
}
