package project

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func boolPtr(b bool) *bool { return &b }

func TestLoadConfigRebar(t *testing.T) {
	for _, tc := range []struct {
		name, config string
		want         Config // File is filled in
	}{
		{"no settings", "{erl_opts, [debug_info]}.", Config{}},
		{"every key", `{avm, [{target, esp32s3}, {atomvm, "0.6.6"}, {board, "boards/dev.json"}, {strict, false},
			{diagnostics, [{'avm/unknown-module', off}, {"avm/format-args", hint}]}]}.`,
			Config{Target: "esp32s3", AtomVM: "0.6", Board: filepath.FromSlash("boards/dev.json"), Strict: boolPtr(false),
				Diagnostics: map[string]string{"avm/unknown-module": "off", "avm/format-args": "hint"}}},
		{"unix reads as generic_unix", `{avm, [{target, unix}, {strict, true}]}.`, Config{Target: "generic_unix", Strict: boolPtr(true)}},
		{"a binary release, a string target", `{avm, [{atomvm, <<"v0.7">>}, {target, "rp2"}]}.`, Config{AtomVM: "0.7", Target: "rp2"}},
		{"the flash task implies the target", `{atomvm_rebar3_plugin, [{packbeam, [{start, app}]}, {pico_flash, []}]}.`,
			Config{Target: "rp2", Start: "app"}},
		{"uf2create and pico_flash are one family", `{atomvm_rebar3_plugin, [{uf2create, []}, {pico_flash, []}]}.`, Config{Target: "rp2"}},
		{"two families decide nothing", `{atomvm_rebar3_plugin, [{esp32_flash, [{offset, "0x250000"}]}, {stm32_flash, []}]}.`,
			Config{FlashOffset: 0x250000}},
		{"the avm target wins over the flash task", `{avm, [{target, stm32}]}. {atomvm_rebar3_plugin, [{esp32_flash, []}]}.`,
			Config{Target: "stm32"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, "app", map[string]string{"rebar.config": tc.config})
			got, err := LoadConfig(dir)
			if err != nil {
				t.Fatal(err)
			}
			tc.want.File = filepath.Join(dir, "rebar.config")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestLoadConfigMix(t *testing.T) {
	for _, tc := range []struct {
		name, project string
		want          Config
	}{
		{"no settings", `[app: :app, version: "0.1.0"]`, Config{}},
		{"every key", `[
      app: :app,
      # avm: [target: :rp2] in a comment does not count
      avm: [
        target: :esp32c3,
        atomvm: "0.6",
        board: "b.json",
        strict: true,
        diagnostics: ["avm/unknown-module": :off, {"avm/format-args", :warning}]
      ]
    ]`, Config{Target: "esp32c3", AtomVM: "0.6", Board: "b.json", Strict: boolPtr(true),
			Diagnostics: map[string]string{"avm/unknown-module": "off", "avm/format-args": "warning"}}},
		{"ExAtomVM's keyword implies the target", `[app: :app, atomvm: [start: App, flash_offset: 0x250000]]`,
			Config{Target: "esp32", Start: "Elixir.App", FlashOffset: 0x250000}},
		{"the avm keyword wins over ExAtomVM's", `[app: :app, atomvm: [start: App, stflash_path: "/usr/bin/st-flash"], avm: [target: :unix]]`,
			Config{Target: "generic_unix", Start: "Elixir.App"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, "app", map[string]string{"mix.exs": "defmodule App.MixProject do\n  use Mix.Project\n  def project do\n    " + tc.project + "\n  end\nend\n"})
			got, err := LoadConfig(dir)
			if err != nil {
				t.Fatal(err)
			}
			tc.want.File = filepath.Join(dir, "mix.exs")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestLoadConfigNone(t *testing.T) {
	got, err := LoadConfig(t.TempDir())
	if err != nil || !reflect.DeepEqual(got, Config{}) {
		t.Errorf("got %+v, %v; want an empty Config", got, err)
	}
}

func TestLoadConfigErrors(t *testing.T) {
	for _, tc := range []struct{ file, src, want string }{
		{"rebar.config", "{deps, []}.\n{avm, [{target, esp8266}]}.", `rebar.config:2: avm target: unknown target "esp8266": choose one of esp32, esp32c3, esp32s3, generic_unix, linux, rp2, stm32`},
		{"rebar.config", `{avm, [{target, 32}]}.`, `rebar.config:1: avm target: 32 is not a target such as esp32`},
		{"rebar.config", `{avm, [{atomvm, "0.5"}]}.`, `rebar.config:1: avm atomvm: unknown AtomVM release "0.5" (known: 0.6, 0.7)`},
		{"rebar.config", `{avm, [{atomvm, 6}]}.`, `rebar.config:1: avm atomvm: 6 is not a release such as "0.6"`},
		{"rebar.config", `{avm, [{board, board}]}.`, `rebar.config:1: avm board: board is not a path such as "avm.board.json"`},
		{"rebar.config", `{avm, [{strict, yes}]}.`, `rebar.config:1: avm strict: yes is not true or false`},
		{"rebar.config", `{avm, [{diagnostics, off}]}.`, `rebar.config:1: avm diagnostics: off is not a list`},
		{"rebar.config", "{avm, [{diagnostics, [\n  {'avm/unknown-module', loud}]}]}.", `rebar.config:2: avm diagnostic avm/unknown-module: severity "loud" is not off, error, warning, info or hint`},
		{"rebar.config", `{avm, [{diagnostics, [off]}]}.`, `rebar.config:1: avm diagnostics: off is not {Code, Severity}`},
		{"rebar.config", `{avm, [{taget, esp32}]}.`, `rebar.config:1: avm: unknown setting taget (keys: target, atomvm, board, strict, diagnostics)`},
		{"rebar.config", `{avm, [esp32]}.`, `rebar.config:1: avm: esp32 is not a {Key, Value} setting`},
		{"rebar.config", `{avm, esp32}.`, `rebar.config:1: the avm section must be a list`},
		{"rebar.config", `{avm, [{target, esp32}`, `rebar.config:1: unexpected end of file: [ is not closed`},
		{"rebar.config", `{atomvm_rebar3_plugin, [{stm32_flash, [{offset, "far"}]}]}.`, `rebar.config:1: the stm32_flash offset "far" is not a number`},
		{"mix.exs", "[\n  avm: [target: :esp8266]]", `mix.exs:2: avm target: unknown target "esp8266"`},
		{"mix.exs", `[avm: [target: "esp32"]]`, `mix.exs:1: avm target: expected an atom such as :esp32`},
		{"mix.exs", `[avm: [atomvm: version()]]`, `mix.exs:1: avm atomvm: expected a literal string such as "0.6"`},
		{"mix.exs", `[avm: [atomvm: "0.5"]]`, `mix.exs:1: avm atomvm: unknown AtomVM release "0.5"`},
		{"mix.exs", `[avm: [strict: maybe]]`, `mix.exs:1: avm strict: expected true or false`},
		{"mix.exs", `[avm: [target: :esp32 <> "x"]]`, `mix.exs:1: avm target: expected a literal value followed by , or ]`},
		{"mix.exs", `[avm: [tagret: :esp32]]`, `mix.exs:1: avm: unknown setting tagret`},
		{"mix.exs", `[avm: [diagnostics: ["avm/x": :loud]]]`, `mix.exs:1: avm diagnostic avm/x: severity "loud" is not off`},
		{"mix.exs", `[avm: [diagnostics: [:off]]]`, `mix.exs:1: avm diagnostics: expected "code": :severity`},
		{"mix.exs", "[avm: [target: :esp32,\n", `mix.exs:1: avm: [ is not closed`},
	} {
		dir := writeTree(t, "app", map[string]string{tc.file: tc.src})
		_, err := LoadConfig(dir)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: error %v, want %q", tc.file, tc.src, err, tc.want)
		}
	}
}

// TestResolve checks the one precedence rule: flags, then the project's
// configuration, then the board file, then the defaults.
func TestResolve(t *testing.T) {
	dir := writeTree(t, "app", map[string]string{
		"avm.board.json": `{"target": "rp2"}`,
		"other.json":     `{"target": "stm32"}`,
		"esp.json":       `{"target": "esp32"}`,
	})
	board := filepath.Join(dir, BoardFileName)
	for _, tc := range []struct {
		name   string
		config Config
		flags  Flags
		want   Settings // BoardFile is checked apart
	}{
		{"the board file's target", Config{}, Flags{},
			Settings{Target: "rp2", AtomVM: LatestRelease(), Strict: true, Board: board}},
		{"the project wins over the board file", Config{File: "rebar.config", Target: "esp32", AtomVM: "0.6"}, Flags{},
			Settings{Target: "esp32", AtomVM: "0.6", Strict: true, Board: board}},
		{"flags win over the project", Config{File: "rebar.config", Target: "esp32", AtomVM: "0.6", Strict: boolPtr(true)},
			Flags{Target: "unix", AtomVM: "v0.7", Strict: boolPtr(false)},
			Settings{Target: "generic_unix", AtomVM: "0.7", Strict: false, Board: board}},
		{"the project's strict", Config{File: "mix.exs", Target: "linux", Strict: boolPtr(true)}, Flags{},
			Settings{Target: "linux", AtomVM: LatestRelease(), Strict: true, Board: board}},
		{"the project's board, relative to it", Config{File: "rebar.config", Board: "other.json"}, Flags{},
			Settings{Target: "stm32", AtomVM: LatestRelease(), Strict: true, Board: filepath.Join(dir, "other.json")}},
		{"--board wins over the project's", Config{File: "rebar.config", Board: "other.json"}, Flags{Board: filepath.Join(dir, "esp.json")},
			Settings{Target: "esp32", AtomVM: LatestRelease(), Strict: true, Board: filepath.Join(dir, "esp.json")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.config.Resolve(dir, tc.flags)
			if err != nil {
				t.Fatal(err)
			}
			if got.BoardFile == nil {
				t.Fatal("the board file was not read")
			}
			got.BoardFile = nil
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}

	// Nothing anywhere: generic_unix, the newest release, not strict.
	got, err := Config{}.Resolve(t.TempDir(), Flags{})
	want := Settings{Target: "generic_unix", AtomVM: LatestRelease()}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("defaults: got %+v, %v; want %+v", got, err, want)
	}
}

func TestResolveErrors(t *testing.T) {
	dir := writeTree(t, "app", map[string]string{
		"bad.json":   `{"target": "esp99"}`,
		"wrong.json": `{"gpios": {}}`,
	})
	for _, tc := range []struct {
		config Config
		flags  Flags
		want   string
	}{
		{Config{}, Flags{Target: "esp99"}, `unknown target "esp99": choose one of`},
		{Config{}, Flags{AtomVM: "0.5"}, `--atomvm 0.5: unknown AtomVM release "0.5" (known: 0.6, 0.7)`},
		{Config{}, Flags{Board: filepath.Join(dir, "bad.json")}, `bad.json: unknown target "esp99"`},
		{Config{}, Flags{Board: filepath.Join(dir, "wrong.json")}, `wrong.json: json: unknown field "gpios"`},
		{Config{File: "rebar.config", Board: "missing.json"}, Flags{}, "rebar.config: avm board: open " + filepath.Join(dir, "missing.json")},
	} {
		_, err := tc.config.Resolve(dir, tc.flags)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v %+v: error %v, want %q", tc.config, tc.flags, err, tc.want)
		}
	}
}

func TestFindTarget(t *testing.T) {
	for name, want := range map[string]Target{
		"esp32s3": {Name: "esp32s3", AppSize: 1 << 20},
		"unix":    {Name: "generic_unix"},
		"linux":   {Name: "linux"},
		"rp2":     {Name: "rp2", AppSize: 512 << 10},
	} {
		got, err := FindTarget(name)
		if err != nil || got.Name != want.Name || got.AppSize != want.AppSize {
			t.Errorf("FindTarget(%q) = %+v, %v; want %+v", name, got, err, want)
		}
	}
	if _, err := FindTarget("esp8266"); err == nil || !strings.Contains(err.Error(), `unknown target "esp8266"`) {
		t.Errorf("FindTarget(esp8266): error %v", err)
	}
}

// A build takes its target from the project, then the board file.
func TestBuildTarget(t *testing.T) {
	for _, tc := range []struct {
		files map[string]string
		asked string
		want  string
	}{
		{map[string]string{"rebar.config": `{avm, [{target, stm32}]}.`, "avm.board.json": `{"target": "rp2"}`}, "", "stm32"},
		{map[string]string{"rebar.config": `{erl_opts, []}.`, "avm.board.json": `{"target": "rp2"}`}, "", "rp2"},
		{map[string]string{"rebar.config": `{erl_opts, []}.`}, "", "generic_unix"},
		{map[string]string{"rebar.config": `{avm, [{target, stm32}]}.`}, "esp32c3", "esp32c3"},
	} {
		tc.files["src/app.erl"] = "-module(app)."
		p, err := Detect(writeTree(t, "app", tc.files))
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.buildTarget(tc.asked)
		if err != nil || got.Name != tc.want {
			t.Errorf("%v, asked %q: got %+v, %v; want %s", tc.files, tc.asked, got, err, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"unix": "generic_unix", "esp32s3": "esp32", "linux": "generic_unix", "rp2": "rp2", "nosuch": "nosuch"} {
		if got := RegistryPlatform(in); got != want {
			t.Errorf("RegistryPlatform(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"0.6.6": "0.6", "v0.7": "0.7", "0.6": "0.6"} {
		if got := NormRelease(in); got != want {
			t.Errorf("NormRelease(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzConfig reads arbitrary rebar.config and mix.exs text: errors are
// fine, panics are not, and an accepted target is always a known one.
func FuzzConfig(f *testing.F) {
	f.Add(`{avm, [{target, esp32}, {atomvm, "0.6"}, {diagnostics, [{'avm/x', off}]}]}.`)
	f.Add(`[app: :a, avm: [target: :esp32, diagnostics: ["avm/x": :off, {"avm/y", :hint}]], atomvm: [flash_offset: 0x1]]`)
	f.Add(`avm: [diagnostics: [`)
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range []Config{{File: "rebar.config"}, {File: "mix.exs"}} {
			var err error
			if c.File == "mix.exs" {
				err = c.readMix(stripElixirComments(src))
			} else if terms, perr := ParseTerms(c.File, []byte(src)); perr == nil {
				err = c.readRebar(Term{Kind: List, Elems: terms})
			}
			if err == nil && c.Target != "" {
				if _, ferr := FindTarget(c.Target); ferr != nil {
					t.Errorf("%q: accepted target %q: %v", src, c.Target, ferr)
				}
			}
		}
	})
}
