package project

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/avmtool/avm/packbeam"
)

func TestErlangInputsAndWatchPaths(t *testing.T) {
	dir := writeTree(t, "app", map[string]string{
		"rebar.config":    `{erl_opts, [debug_info, {d, 'TEST'}, {i, "extra"}]}.`,
		"src/app.erl":     "-module(app).",
		"src/sub/x.erl":   "-module(x).",
		"include/a.hrl":   "",
		"priv/conf.json":  "{}",
		"extra/.keep":     "",
		"notes/README.md": "",
	})
	p, err := Detect(dir)
	if err != nil {
		t.Fatal(err)
	}
	in, err := p.ErlangInputs()
	if err != nil {
		t.Fatal(err)
	}
	want := ErlangInputs{
		Sources:     []string{filepath.Join("src", "app.erl"), filepath.Join("src", "sub", "x.erl")},
		Headers:     []string{filepath.Join("include", "a.hrl")},
		IncludeDirs: []string{filepath.Join(dir, "include"), filepath.Join(dir, "extra"), filepath.Join(dir, "src")},
		Flags:       []string{"+debug_info", "-DTEST"},
	}
	if !reflect.DeepEqual(in, want) {
		t.Errorf("got  %+v\nwant %+v", in, want)
	}
	paths := p.WatchPaths()
	wantPaths := []string{filepath.Join(dir, "src"), filepath.Join(dir, "include"), filepath.Join(dir, "extra"),
		filepath.Join(dir, "priv"), filepath.Join(dir, "rebar.config")}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("watch %v\nwant  %v", paths, wantPaths)
	}
}

// TestPackModules packs a module compiled elsewhere as Build would: start
// module flagged, priv files under NAME/priv, archive written once.
func TestPackModules(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "hello", "otp25", "hello.beam"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := packbeam.NewModule("hello.beam", data, packbeam.StripOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := writeTree(t, "hello", map[string]string{"src/hello.erl": "", "priv/greeting.txt": "hi"})
	p, err := Detect(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, out, err := p.PackModules([]*packbeam.Entry{e}, nil, BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Archive != filepath.Join(dir, BuildDir, "hello.avm") || res.Start != "hello" || res.Modules != 1 || res.PrivFiles != 1 || res.Unchanged {
		t.Errorf("result %+v", res)
	}
	written, err := os.ReadFile(res.Archive)
	if err != nil || !bytes.Equal(written, out) {
		t.Fatalf("archive on disk differs from the bytes returned (%v)", err)
	}
	a, err := packbeam.Read(res.Archive, out)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := a.ReadPriv("hello", "greeting.txt"); !ok || string(got) != "hi" {
		t.Errorf("priv file: %q %v", got, ok)
	}
	if e.Flags&packbeam.FlagStart == 0 {
		t.Error("the caller's entry lost its start flag")
	}
	res, _, err = p.PackModules([]*packbeam.Entry{e}, nil, BuildOptions{})
	if err != nil || !res.Unchanged {
		t.Errorf("packing again: %+v, %v; want unchanged", res, err)
	}
}
