package api

import (
	"slices"
	"strings"
	"testing"
)

// exavmlibGaps are functions AtomVM has under the name of an Elixir module
// whose wrapper avm bundles, but that avm lacks, with why.
var exavmlibGaps = map[key]string{
	{"Elixir.GPIO", "set_function", 2}: "an RP2040 NIF of AtomVM 0.7; avm's gpio has no pin functions",
	{"Elixir.LEDC", "fade_stop", 2}:    "an ESP32 NIF of AtomVM 0.7; avm's ledc has no fade_stop/2",
}

func TestExavmlibAvailability(t *testing.T) {
	cases := []struct {
		mfa, release, platform string
		want                   bool
	}{
		{"Elixir.GPIO:set_pin_mode/2", "0.7", "esp32", true}, // a NIF under the Elixir name
		{"Elixir.GPIO:set_pin_mode/2", "0.6", "rp2", true},
		{"Elixir.GPIO:set_pin_mode/2", "0.7", "generic_unix", false},
		{"Elixir.GPIO:open/0", "0.6", "stm32", true}, // opens the gpio port driver
		{"Elixir.GPIO:open/0", "0.7", "rp2", false},  // rp2 has no gpio port driver
		{"Elixir.GPIO:read/2", "0.7", "rp2", false},  // AVMPort.call of GPIO's port
		{"Elixir.GPIO:init/1", "0.7", "generic_unix", true},
		{"Elixir.I2C:open/1", "0.7", "esp32", true},
		{"Elixir.I2C:write_bytes/4", "0.7", "stm32", false}, // the i2c port driver is ESP32's
		{"Elixir.LEDC:set_duty/3", "0.6", "esp32", true},
		{"Elixir.LEDC:set_duty/3", "0.6", "stm32", false},
		{"Elixir.LEDC:set_duty_and_update/4", "0.7", "esp32", true},
		{"Elixir.LEDC:set_duty_and_update/4", "0.6", "esp32", false},
		{"Elixir.LEDC:low_speed_mode/0", "0.6", "rp2", true}, // a constant
		{"Elixir.Console:puts/1", "0.6", "stm32", true},      // the console port is everywhere
		{"Elixir.AVMPort:call/2", "0.7", "generic_unix", true},
		{"Elixir.GPIO:set_pin_mode/3", "0.7", "esp32", false},
		// Modules Elixir's own library has are packed from it, not judged.
		{"Elixir.Enum:map/2", "0.7", "esp32", false},
	}
	for _, tc := range cases {
		k, err := parseMFA(tc.mfa)
		if err != nil {
			t.Fatal(err)
		}
		if got := Available(k.module, k.function, k.arity, tc.release, tc.platform); got != tc.want {
			t.Errorf("Available(%s, %s, %s) = %v, want %v", tc.mfa, tc.release, tc.platform, got, tc.want)
		}
	}
	if m := Module("Elixir.Enum"); slices.ContainsFunc(m, func(e Entry) bool { return len(e.AtomVM) > 0 }) {
		t.Errorf("Elixir.Enum has AtomVM rows; exavmlib's modules that Elixir's library has are left out")
	}
	if got := Alternative("Elixir.GPIO", "set_pin_mode", 3, "0.7", "esp32"); !strings.Contains(got, "Elixir.GPIO:set_pin_mode/2") {
		t.Errorf("Alternative of Elixir.GPIO:set_pin_mode/3 = %q, want the /2 arity named", got)
	}
}

// TestElixirWrappersMatchExavmlib checks the Elixir modules avm bundles
// (vm/stdlib/Elixir.*.erl) against AtomVM's: each function they export
// exists on some AtomVM release and platform, and each function AtomVM has
// under their names is bundled (or a known gap).
func TestElixirWrappersMatchExavmlib(t *testing.T) {
	exports, err := bundledExports()
	if err != nil {
		t.Fatal(err)
	}
	bundled := map[key]bool{}
	modules := map[string]bool{}
	for _, k := range exports {
		if !strings.HasPrefix(k.module, "Elixir.") {
			continue
		}
		bundled[k], modules[k.module] = true, true
		if e, ok := Lookup(k.module, k.function, k.arity); !ok || len(e.AtomVM) == 0 {
			t.Errorf("avm bundles %s, which no AtomVM release has", mfaString(k.module, k.function, k.arity))
		}
	}
	for _, want := range []string{"Elixir.AVMPort", "Elixir.Console", "Elixir.GPIO", "Elixir.I2C", "Elixir.LEDC"} {
		if !modules[want] {
			t.Errorf("avm bundles no %s", want)
		}
	}
	rows, err := atomvmTable()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if !modules[r.module] || bundled[r.key] {
			continue
		}
		if _, gap := exavmlibGaps[r.key]; !gap {
			t.Errorf("AtomVM has %s (%s), which avm's %s lacks", mfaString(r.module, r.function, r.arity), r.origin, r.module)
		}
	}
	for k := range exavmlibGaps {
		if bundled[k] {
			t.Errorf("%s is bundled now: remove it from exavmlibGaps", mfaString(k.module, k.function, k.arity))
		}
	}
}
