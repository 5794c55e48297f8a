package devserver

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/flasher/emulator"
	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/vm"
)

// benchModules is the size of the benchmark project.
const benchModules = 20

// benchProject is a project of benchModules modules: app calls each of
// mod01…mod19 and prints the sum of their values.
func benchProject(b *testing.B) string {
	files := map[string]string{}
	var calls []string
	for i := 1; i < benchModules; i++ {
		files[fmt.Sprintf("src/mod%02d.erl", i)] = benchModule(i, i)
		calls = append(calls, fmt.Sprintf("mod%02d:value()", i))
	}
	files["src/app.erl"] = "-module(app).\n-export([start/0]).\nstart() ->\n    io:format(\"sum ~p~n\", [lists:sum([" +
		strings.Join(calls, ", ") + "])]).\n"
	return newProject(b, files)
}

// benchModule is module modNN, whose value/0 returns value, with enough
// code to make compiling it realistic.
func benchModule(n, value int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-module(mod%02d).\n-export([value/0, work/1]).\nvalue() -> %d.\n", n, value)
	b.WriteString("work(L) when is_list(L) -> [work(X) || X <- L];\nwork({A, B}) -> {work(B), work(A)};\nwork(N) when is_integer(N) -> N * 2;\nwork(Other) -> Other.\n")
	return b.String()
}

// sum is what app prints when mod07 returns v.
func benchSum(v int) int {
	s := 0
	for i := 1; i < benchModules; i++ {
		if i != 7 {
			s += i
		}
	}
	return s + v
}

// BenchmarkEditRerun measures avm dev's loop for a one-module change in a
// 20-module project: from writing the file to the new app's first output.
func BenchmarkEditRerun(b *testing.B) {
	needErlang(b)
	dir := benchProject(b)
	d := startDev(b, dir, Options{}, false)
	d.waitOutput(fmt.Sprintf("sum %d", benchSum(7)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := 100 + i
		writeFiles(b, dir, map[string]string{"src/mod07.erl": benchModule(7, v)})
		d.waitOutput(fmt.Sprintf("sum %d", benchSum(v)))
	}
}

// BenchmarkEditHotReload measures the same change with the app running
// on (the default --reload hot): from writing mod07.erl to the running
// app printing the new sum, which it checks every millisecond.
func BenchmarkEditHotReload(b *testing.B) {
	needErlang(b)
	dir := benchProject(b)
	var calls []string
	for i := 1; i < benchModules; i++ {
		calls = append(calls, fmt.Sprintf("mod%02d:value()", i))
	}
	writeFiles(b, dir, map[string]string{"src/app.erl": "-module(app).\n-export([start/0]).\n" +
		"start() -> watch(none).\n" +
		"watch(Last) ->\n    Sum = lists:sum([" + strings.Join(calls, ", ") + "]),\n" +
		"    case Sum of\n        Last -> ok;\n        _ -> io:format(\"sum ~p~n\", [Sum])\n    end,\n" +
		"    receive after 1 -> watch(Sum) end.\n"})
	d := startDev(b, dir, Options{}, false)
	d.waitOutput(fmt.Sprintf("sum %d", benchSum(7)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := 100 + i
		writeFiles(b, dir, map[string]string{"src/mod07.erl": benchModule(7, v)})
		d.waitOutput(fmt.Sprintf("sum %d", benchSum(v)))
	}
}

// BenchmarkErlcPackRun is the same change through avm build's path: erlc
// on the changed module (a BEAM boot per call), pack, and a run.
func BenchmarkErlcPackRun(b *testing.B) {
	needErlang(b)
	dir := benchProject(b)
	p, err := project.Detect(dir)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N+1; i++ {
		if i == 1 {
			b.ResetTimer() // the first round builds everything
		}
		writeFiles(b, dir, map[string]string{"src/mod07.erl": benchModule(7, 100+i)})
		res, err := p.Build(context.Background(), project.BuildOptions{})
		if err != nil {
			b.Fatal(err)
		}
		runArchive(b, res.Archive, fmt.Sprintf("sum %d", benchSum(100+i)))
	}
}

// BenchmarkRebar3CompilePackRun is the same change through rebar3 compile,
// then pack and run (rebar3 needs no network for a project without
// dependencies).
func BenchmarkRebar3CompilePackRun(b *testing.B) {
	needErlang(b)
	rebar3, err := exec.LookPath("rebar3")
	if err != nil {
		b.Skip("rebar3 not installed")
	}
	dir := benchProject(b)
	writeFiles(b, dir, map[string]string{"src/app.app.src": "{application, app, [{vsn, \"1\"}, {applications, [kernel, stdlib]}]}.\n"})
	for i := 0; i < b.N+1; i++ {
		if i == 1 {
			b.ResetTimer()
		}
		writeFiles(b, dir, map[string]string{"src/mod07.erl": benchModule(7, 100+i)})
		// rebar3 compares modification times in seconds: date the edit
		// past the last compile, as a human's pace would.
		edited := time.Now().Add(time.Duration(i+1) * time.Second)
		if err := os.Chtimes(filepath.Join(dir, "src", "mod07.erl"), edited, edited); err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(rebar3, "compile")
		cmd.Dir = dir
		cmd.Env = append(cmd.Environ(), "REBAR_COLOR=none", "HOME="+b.TempDir())
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("rebar3 compile: %v\n%s", err, out)
		}
		beams, _ := filepath.Glob(filepath.Join(dir, "_build", "default", "lib", "app", "ebin", "*.beam"))
		a := &packbeam.Archive{}
		for _, f := range beams {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			e, err := packbeam.NewModule(f, data, packbeam.StripOptions{})
			if err != nil {
				b.Fatal(err)
			}
			a.Add(e)
		}
		if err := a.SetStart("app"); err != nil {
			b.Fatal(err)
		}
		out := filepath.Join(dir, "app.avm")
		if err := a.WriteFile(out); err != nil {
			b.Fatal(err)
		}
		runArchive(b, out, fmt.Sprintf("sum %d", benchSum(100+i)))
	}
}

// runArchive runs an archive as avm run does and checks its output.
func runArchive(b *testing.B, path, want string) {
	a, err := packbeam.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var out strings.Builder
	m := vm.New(vm.Options{Stdout: &out, Stderr: io.Discard, Schedulers: 1})
	m.AddArchive(path, a)
	if _, err := m.Run(a.Start().Module(), "start"); err != nil {
		b.Fatal(err)
	}
	if !strings.Contains(out.String(), want) {
		b.Fatalf("output %q, want %q", out.String(), want)
	}
}

// BenchmarkEditFlash measures a one-module change deployed to the
// emulated board: write, build, connect, flash (only the changed
// sectors), reset.
func BenchmarkEditFlash(b *testing.B) {
	needErlang(b)
	dev, err := emulator.New(emulator.Config{})
	if err != nil {
		b.Fatal(err)
	}
	dir := benchProject(b)
	d := startDev(b, dir, Options{Board: BoardOptions{Port: dev, Name: "emulated"}}, false)
	d.waitFor("the first flash", func(e Event) bool { return e.Type == EventRun })
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		writeFiles(b, dir, map[string]string{"src/mod07.erl": benchModule(7, 100+i)})
		d.waitFor("a flash", func(e Event) bool { return e.Type == EventRun || e.Type == EventError })
	}
}

// BenchmarkElixirEditRerun measures a one-module change in a mix project
// of benchModules Elixir modules, which recompile together.
func BenchmarkElixirEditRerun(b *testing.B) {
	needErlang(b)
	if _, err := elixirEbins(); err != nil {
		b.Skipf("Elixir not installed: %v", err)
	}
	module := func(n, v int) string {
		return fmt.Sprintf("defmodule ExApp.Mod%02d do\n  def value, do: %d\nend\n", n, v)
	}
	files := map[string]string{
		"mix.exs": "defmodule ExApp.MixProject do\n  use Mix.Project\n  def project, do: [app: :exapp, version: \"0.1.0\", atomvm: [start: ExApp]]\nend\n",
	}
	var calls []string
	for i := 1; i < benchModules; i++ {
		files[fmt.Sprintf("lib/mod%02d.ex", i)] = module(i, i)
		calls = append(calls, fmt.Sprintf("ExApp.Mod%02d.value()", i))
	}
	files["lib/exapp.ex"] = "defmodule ExApp do\n  def start do\n    :io.format(~c\"sum ~p~n\", [" + strings.Join(calls, " + ") + "])\n  end\nend\n"
	dir := filepath.Join(b.TempDir(), "exapp")
	writeFiles(b, dir, files)
	d := startDev(b, dir, Options{}, false)
	d.waitOutput(fmt.Sprintf("sum %d", benchSum(7)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		writeFiles(b, dir, map[string]string{"lib/mod07.ex": module(7, 100+i)})
		d.waitOutput(fmt.Sprintf("sum %d", benchSum(100+i)))
	}
}
