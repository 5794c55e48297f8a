package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func load(t *testing.T, config string) (Config, error) {
	t.Helper()
	dir := t.TempDir()
	if config != "" {
		if err := os.WriteFile(filepath.Join(dir, "rebar.config"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Load(dir)
}

func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		name, config      string
		release, platform string
		diagnostics       string
	}{
		{"no rebar.config", "", "0.7", "generic_unix", ""},
		{"rebar.config without avm settings", "{erl_opts, [debug_info]}.\n{deps, []}.\n", "0.7", "generic_unix", ""},
		{"avm section", `{avm, [{target, esp32}, {atomvm, "0.6.6"}]}.`, "0.6", "esp32", ""},
		{"unix as avm build calls it", `{avm, [{target, unix}]}.`, "0.7", "generic_unix", ""},
		{"flash task of the plugin", `{atomvm_rebar3_plugin, [{packbeam, [{start, app}]}, {pico_flash, []}]}.`, "0.7", "rp2", ""},
		{"avm target wins over the plugin", `{atomvm_rebar3_plugin, [{esp32_flash, []}]}. {avm, [{target, stm32}]}.`, "0.7", "stm32", ""},
		{"two flash tasks decide nothing", `{atomvm_rebar3_plugin, [{esp32_flash, []}, {stm32_flash, []}]}.`, "0.7", "generic_unix", ""},
		{"a target of the esp32 family judges by esp32's API", `{avm, [{target, esp32s3}]}.`, "0.7", "esp32", ""},
		{"linux judges by generic_unix's API", `{avm, [{target, linux}]}.`, "0.7", "generic_unix", ""},
		{"diagnostics settings", `{avm, [{diagnostics, [{'avm/unknown-module', off}]}]}.`, "0.7", "generic_unix", "avm/unknown-module=off"},
		{"maps, binaries, comments and negative numbers", `%% config
{relx, [{overlay_vars, #{a => <<"b">>, c => -1}}]}.
{avm, [{atomvm, <<"0.6">>}]}.`, "0.6", "generic_unix", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := load(t, tc.config)
			if err != nil {
				t.Fatal(err)
			}
			var ds []string
			for k, v := range c.Diagnostics {
				ds = append(ds, k+"="+v)
			}
			if c.Release != tc.release || c.Platform != tc.platform || strings.Join(ds, ",") != tc.diagnostics {
				t.Errorf("got %s %s %v, want %s %s %s", c.Release, c.Platform, c.Diagnostics, tc.release, tc.platform, tc.diagnostics)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{`{avm, [{target, esp8266}]}.`, `rebar.config:1: avm target: unknown target "esp8266": choose one of esp32, esp32c3, esp32s3, generic_unix, linux, rp2, stm32`},
		{`{avm, [{atomvm, "0.5"}]}.`, `rebar.config:1: avm atomvm: unknown AtomVM release "0.5" (known: 0.6, 0.7)`},
		{"{avm, [\n  {diagnostics, [{'avm/bigint-literal', loud}]}]}.", `rebar.config:2: avm diagnostic avm/bigint-literal: severity "loud" is not off, error, warning, info or hint`},
		{"{deps, []}\n{avm, []}.", "rebar.config:2: expected a full stop after the term that starts on line 1"},
		{`{deps, [`, "rebar.config:1: unexpected end of file"},
		{`{deps, "open}.`, "rebar.config:1: unterminated string"},
		{strings.Repeat("[", 500), "nested too deeply"},
	} {
		_, err := load(t, tc.config)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.config, err, tc.want)
		}
	}
}

func TestLoadMix(t *testing.T) {
	dir := t.TempDir()
	mix := `defmodule App.MixProject do
  use Mix.Project
  def project do
    [app: :app, avm: [target: :stm32, atomvm: "0.6", diagnostics: ["avm/unknown-module": :off]]]
  end
end
`
	if err := os.WriteFile(filepath.Join(dir, "mix.exs"), []byte(mix), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Release != "0.6" || c.Platform != "stm32" || c.Diagnostics["avm/unknown-module"] != "off" || c.Source != filepath.Join(dir, "mix.exs") {
		t.Errorf("got %+v", c)
	}
}

func TestLoadBoardFile(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"rebar.config":    `{avm, [{board, "boards/dev.json"}]}.`,
		"boards/dev.json": `{"target": "esp32c3"}`,
	} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Platform != "esp32" {
		t.Errorf("platform %s, want esp32 (the board file's esp32c3)", c.Platform)
	}
}
