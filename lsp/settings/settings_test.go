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
		{`{avm, [{target, esp8266}]}.`, `rebar.config: unknown platform "esp8266" (known: generic_unix, esp32, stm32, rp2)`},
		{`{avm, [{atomvm, "0.5"}]}.`, `rebar.config: unknown AtomVM release "0.5" (known: 0.6, 0.7)`},
		{`{avm, [{diagnostics, [{'avm/bigint-literal', loud}]}]}.`, `severity "loud" is not off, error, warning, info or hint`},
		{"{deps, []}\n{avm, []}.", "rebar.config: line 2: expected a dot after a term"},
		{`{deps, [`, "rebar.config: line 1: unexpected end of file"},
		{`{deps, "open}.`, "rebar.config: line 1: unterminated string"},
		{strings.Repeat("[", 500), "nested too deeply"},
	} {
		_, err := load(t, tc.config)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.config, err, tc.want)
		}
	}
}
