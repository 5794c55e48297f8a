package project

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/avmtool/avm/packbeam"
)

// TestBuildTakesMixConsolidatedProtocols builds a mix project whose mix
// compile (a stand-in that leaves the layout mix leaves) wrote the app's
// modules to _build/dev/lib/app/ebin and its consolidated protocols to
// _build/dev/lib/app/consolidated: the archive holds the consolidated
// protocols, in place of the app's own protocol compiled unconsolidated
// and of Elixir's library's.
func TestBuildTakesMixConsolidatedProtocols(t *testing.T) {
	for _, tool := range []string{"erlc", "elixir"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	t.Setenv("MIX_ENV", "")
	dir := writeTree(t, "app", map[string]string{
		"mix.exs": `defmodule App.MixProject do
  use Mix.Project
  def project, do: [app: :app, version: "0.1.0", deps: deps(), atomvm: [start: App]]

  defp deps do
    [{:dep, path: "../dep"}]
  end
end`,
		"lib/app.ex": "",
		"src/Elixir.App.erl": `-module('Elixir.App').
-export([start/0]).
start() -> {'Elixir.Shape':'__protocol__'('consolidated?'), 'Elixir.Enumerable':'__protocol__'('consolidated?')}.`,
		"src/unconsolidated/Elixir.Shape.erl": `-module('Elixir.Shape').
-export(['__protocol__'/1]).
'__protocol__'('consolidated?') -> false.`,
		"src/consolidated/Elixir.Shape.erl": `-module('Elixir.Shape').
-export(['__protocol__'/1]).
'__protocol__'('consolidated?') -> true.`,
		"src/consolidated/Elixir.Enumerable.erl": `-module('Elixir.Enumerable').
-export(['__protocol__'/1]).
'__protocol__'('consolidated?') -> true.`,
	})
	ebin := filepath.Join(dir, "_build", "dev", "lib", "app", "ebin")
	consolidated := filepath.Join(dir, "_build", "dev", "lib", "app", "consolidated")
	for out, srcs := range map[string][]string{
		ebin:         {"src/Elixir.App.erl", "src/unconsolidated/Elixir.Shape.erl"},
		consolidated: {"src/consolidated/Elixir.Shape.erl", "src/consolidated/Elixir.Enumerable.erl"},
	} {
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		erlc := exec.Command("erlc", append([]string{"-o", out}, srcs...)...)
		erlc.Dir = dir
		if msg, err := erlc.CombinedOutput(); err != nil {
			t.Fatalf("erlc: %v\n%s", err, msg)
		}
	}
	mix := filepath.Join(t.TempDir(), "mix")
	if err := os.WriteFile(mix, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("MIX", mix)

	p, err := Detect(dir)
	if err != nil {
		t.Fatal(err)
	}
	if p.Delegate == "" {
		t.Fatal("the project is not built by mix")
	}
	res, err := p.Build(context.Background(), BuildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a, err := packbeam.ReadFile(res.Archive)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"Elixir.Shape", "Elixir.Enumerable"} {
		path := filepath.Join(consolidated, m+".beam")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := packbeam.NewModule(path, data, packbeam.StripOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := a.Module(m)
		if got == nil {
			t.Errorf("the archive has no %s", m)
			continue
		}
		if !bytes.Equal(got.Data, want.Data) {
			t.Errorf("the archive's %s is not the consolidated one of %s", m, consolidated)
		}
	}
	if res.ElixirStdlib == nil {
		t.Fatal("the build took nothing from Elixir's library")
	}
	for _, m := range res.ElixirStdlib.Modules {
		if m == "Elixir.Enumerable" {
			t.Error("Elixir's library's Enumerable was packed over the consolidated one")
		}
	}
}
