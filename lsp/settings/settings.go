// Package settings is what the language server and avm check judge code
// against: the AtomVM release and platform and per-diagnostic settings,
// taken from the project's configuration as package project reads it
// (project.LoadConfig), so that avm lsp, avm check, avm run and avm build
// agree on one target.
//
// Keys read, all optional (rebar3 ignores sections it does not know):
//
//	{avm, [
//	    {target, esp32},               % generic_unix (or unix) | esp32 | esp32s3 | esp32c3 | stm32 | rp2 | linux
//	    {atomvm, "0.6"},               % AtomVM release: "0.6", "0.7" ("0.6.6" reads as "0.6")
//	    {diagnostics, [                % per diagnostic code: off | error | warning | info | hint
//	        {'avm/unknown-module', off}
//	    ]}
//	]}.
//	{atomvm_rebar3_plugin, [{esp32_flash, [...]}]}.
//
// or in mix.exs, avm: [target: :esp32, atomvm: "0.6", diagnostics: [...]].
// Without a target, the platform follows the flash task of the
// atomvm_rebar3_plugin section (or ExAtomVM's atomvm keyword) when there is
// exactly one (esp32_flash → esp32, stm32_flash → stm32, pico_flash or
// uf2create → rp2), else the "target" of the project's board file
// (avm.board.json, or the avm section's board); otherwise it is
// generic_unix. Targets judge by their
// platform's API: esp32s3 and esp32c3 by esp32's, linux by generic_unix's.
// The release defaults to the newest AtomVM release.
package settings

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/vm/api"
)

// Config is a project's avm settings.
type Config struct {
	Release  string // AtomVM release, e.g. "0.7"
	Platform string // generic_unix, esp32, stm32 or rp2
	// Diagnostics maps a diagnostic code to off, error, warning, info or hint.
	Diagnostics map[string]string
	// Source is the file the settings came from, empty for defaults.
	Source string
}

// Default is the configuration of a project that says nothing: the newest
// AtomVM release on generic_unix.
func Default() Config {
	return Config{Release: project.LatestRelease(), Platform: project.DefaultTarget, Diagnostics: map[string]string{}}
}

// Target describes the target for messages: "AtomVM 0.6 (esp32)".
func (c Config) Target() string { return "AtomVM " + c.Release + " (" + c.Platform + ")" }

// Validate checks the release and platform against those the registry knows.
func (c Config) Validate() error {
	if !slices.Contains(api.Releases(), c.Release) {
		return fmt.Errorf("unknown AtomVM release %q (known: %s)", c.Release, strings.Join(api.Releases(), ", "))
	}
	if !slices.Contains(api.Platforms(), c.Platform) {
		return fmt.Errorf("unknown platform %q (known: %s)", c.Platform, strings.Join(api.Platforms(), ", "))
	}
	for code, sev := range c.Diagnostics {
		if err := project.CheckSeverity(code, sev); err != nil {
			return err
		}
	}
	return nil
}

// NormPlatform reads a target name as the platform whose API it has:
// "unix" (AtomVM's build name) and "linux" as "generic_unix", "esp32s3" as
// "esp32".
func NormPlatform(p string) string { return project.RegistryPlatform(project.NormTarget(p)) }

// NormRelease reads "0.6.6" or "v0.6" as "0.6".
func NormRelease(r string) string { return project.NormRelease(r) }

// Load reads the settings of the project in dir as every avm command
// does (project.Config.Resolve, without flags): its configuration, else
// the target of its board file. A directory with neither gives Default; a
// file that cannot be read or has invalid settings gives an error naming
// it (and the line).
func Load(dir string) (Config, error) {
	c := Default()
	pc, err := project.LoadConfig(dir)
	if err != nil {
		return c, err
	}
	set, err := pc.Resolve(dir, project.Flags{})
	if err != nil {
		return c, err
	}
	c.Source = pc.File
	if c.Source == "" && set.Board != "" {
		c.Source = set.Board
	}
	c.Platform = NormPlatform(set.Target)
	c.Release = set.AtomVM
	maps.Copy(c.Diagnostics, pc.Diagnostics)
	return c, nil
}
