package project

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeTree creates files (path → content) under a new temporary
// directory named name, and returns it.
func writeTree(t testing.TB, name string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	for path, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDetectRebar3(t *testing.T) {
	dir := writeTree(t, "dirname", map[string]string{
		"rebar.config": `{erl_opts, [debug_info, {d, 'TEST'}, {d, 'N', 3}, {i, "extra"}, {src_dirs, ["src", "gen"]}, warnings_as_errors]}.
{deps, [{jsx, "3.1.0"}]}.
{plugins, [atomvm_rebar3_plugin]}.
{atomvm_rebar3_plugin, [{packbeam, [{start, main}, prune]}, {stm32_flash, [{offset, "0x8080000"}]}]}.`,
		"src/myapp.app.src":                    `{application, myapp, []}.`,
		"src/main.erl":                         "-module(main).",
		"gen/gen.erl":                          "-module(gen).",
		"include/x.hrl":                        "",
		"_build/default/lib/jsx/ebin/jsx.beam": "",
	})
	p, err := Detect(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := &Project{
		Dir: dir, Kind: Rebar3, Name: "myapp",
		Config:      Config{File: filepath.Join(dir, "rebar.config"), Start: "main", Target: "stm32", Prune: true, FlashOffset: 0x8080000},
		ErlSrcDirs:  []string{"src", "gen"},
		IncludeDirs: []string{"include", "extra", "src", "gen"},
		ErlcFlags:   []string{"+debug_info", "-DTEST", "-DN=3", "+warnings_as_errors"},
		Deps:        []string{"jsx"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
}

func TestDetectFlashOffset(t *testing.T) {
	for config, want := range map[string]int64{
		`{atomvm_rebar3_plugin, [{esp32_flash, [{offset, 16#210000}]}]}.`: 0x210000,
		`{atomvm_rebar3_plugin, [{esp32_flash, [{baud, 921600}]}]}.`:      0,
	} {
		p, err := Detect(writeTree(t, "app", map[string]string{"rebar.config": config}))
		if err != nil || p.FlashOffset != want {
			t.Errorf("%s: offset %#x, %v; want %#x", config, p.FlashOffset, err, want)
		}
	}
	_, err := Detect(writeTree(t, "app", map[string]string{"rebar.config": `{atomvm_rebar3_plugin, [{esp32_flash, [{offset, "main"}]}]}.`}))
	if err == nil || !strings.Contains(err.Error(), `rebar.config:1: the esp32_flash offset "main" is not a number`) {
		t.Errorf("bad offset: %v", err)
	}
}

func TestDetectDelegates(t *testing.T) {
	for _, tc := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"rebar.config": `{deps, [jsx]}.`}, "dependency jsx is not fetched yet"},
		{map[string]string{"rebar.config": `{deps, [dep]}.`, "_checkouts/dep/src/dep.erl": ""}, "dependency dep is in _checkouts"},
		{map[string]string{"rebar.config": `{plugins, [pc]}.`}, "rebar.config uses the plugin pc"},
		{map[string]string{"rebar.config": `{pre_hooks, [{compile, "make"}]}.`}, "rebar.config has pre_hooks"},
		{map[string]string{"rebar.config": ``, "rebar.config.script": "CONFIG."}, "rebar.config.script computes the configuration"},
		{map[string]string{"mix.exs": `defp deps do [{:jason, "~> 1.0"}, {:exatomvm, git: "x", runtime: false}] end`, "lib/a.ex": ""}, "mix.exs has dependencies (jason)"},
	} {
		p, err := Detect(writeTree(t, "app", tc.files))
		if err != nil {
			t.Fatal(err)
		}
		if p.Delegate != tc.want {
			t.Errorf("%v: delegate %q, want %q", tc.files, p.Delegate, tc.want)
		}
	}
}

func TestDetectMix(t *testing.T) {
	dir := writeTree(t, "whatever", map[string]string{
		"mix.exs": `defmodule MyApp.MixProject do
  use Mix.Project
  # app: :commented_out
  def project do
    [
      app: :my_app,
      version: "0.1.0",
      elixirc_paths: ["lib", "extra"],
      deps: deps(),
      atomvm: [
        start: MyApp.Main,
        flash_offset: 0x250000
      ]
    ]
  end

  defp deps do
    [
      {:exatomvm, git: "https://github.com/atomvm/exatomvm", runtime: false}
    ]
  end
end`,
		"lib/my_app.ex": "",
		"extra/x.ex":    "",
	})
	p, err := Detect(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := &Project{
		Dir: dir, Kind: Mix, Name: "my_app",
		Config:    Config{File: filepath.Join(dir, "mix.exs"), Start: "Elixir.MyApp.Main", Target: "esp32", FlashOffset: 0x250000},
		ExSrcDirs: []string{"lib", "extra"},
	}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("got  %+v\nwant %+v", p, want)
	}
}

func TestDetectPlain(t *testing.T) {
	p, err := Detect(writeTree(t, "tool", map[string]string{"a.erl": "", "include/a.hrl": ""}))
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != Plain || p.Name != "tool" || !reflect.DeepEqual(p.ErlSrcDirs, []string{"."}) || !reflect.DeepEqual(p.IncludeDirs, []string{"include"}) {
		t.Errorf("got %+v", p)
	}
	p, err = Detect(writeTree(t, "Not-A-Name", map[string]string{"src/a.erl": ""}))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "" || !reflect.DeepEqual(p.ErlSrcDirs, []string{"src"}) {
		t.Errorf("got %+v", p)
	}
	if _, err := Detect(t.TempDir()); err == nil {
		t.Error("an empty directory is a project")
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{"hello": "Hello", "my_app": "MyApp", "a_1_b": "A1B", "x__y_": "XY"} {
		if got := CamelCase(in); got != want {
			t.Errorf("CamelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkBuildUpToDate measures a rebuild that has nothing to compile:
// the cost avm adds to every avm run of a project.
func BenchmarkBuildUpToDate(b *testing.B) {
	if _, err := exec.LookPath("erlc"); err != nil {
		b.Skip("erlc is needed")
	}
	files := map[string]string{"rebar.config": `{atomvm_rebar3_plugin, [{packbeam, [{start, app}]}]}.`}
	files["src/app.erl"] = "-module(app).\n-export([start/0]).\nstart() -> ok.\n"
	for _, m := range []string{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"} {
		files["src/"+m+".erl"] = "-module(" + m + ").\n-export([f/1]).\nf(X) -> {X, lists:reverse(X)}.\n"
	}
	dir := writeTree(b, "app", files)
	p, err := Detect(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := p.Build(context.Background(), BuildOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := p.Build(context.Background(), BuildOptions{})
		if err != nil || len(res.Compiled) != 0 || !res.Unchanged {
			b.Fatal(err, res.Compiled)
		}
	}
}
