// Package device models the hardware an AtomVM app talks to: target
// profiles (what a chip reports and what it limits) and a simulated board
// (pins, I2C devices, UARTs, NVS and RTC memory) that the VM's device
// natives drive, that a board file populates and that a person or a test
// can observe (--trace-io) and drive (board control).
//
// The package knows nothing of the VM: the VM calls it with plain Go
// values, and it reports interrupts and received bytes through callbacks.
package device

import (
	"fmt"
	"sort"
	"strings"
)

// Profile is a target: what atomvm:platform() and erlang:system_info/1
// answer, and the limits of the device. Values for simulated chips are
// those of a common module of the family (documented in Describe).
type Profile struct {
	Target   string // --target name
	Platform string // atomvm:platform()
	Chip     string // chip model, for esp32_chip_info
	Device   bool   // a microcontroller: strict by default, simulated peripherals
	Cores    int
	WordSize int // bytes in a term: 4 on the 32-bit microcontrollers
	FreqMHz  int
	// FreeHeap is the heap an app has on the device at start, in bytes
	// (0: no budget).
	FreeHeap int
	// FlashSize and AppPartition are in bytes (0: unchecked).
	FlashSize    int
	AppPartition int
	// IDFVersion is esp_idf_version (ESP32 family only).
	IDFVersion string
	// ChipRevision and Features describe the chip for esp32_chip_info
	// (features as AtomVM names them: emb_flash, bgn, ble, bt).
	ChipRevision int
	Features     []string
}

// profiles are the targets avm knows. ESP32 figures: a 4 MB module running
// AtomVM 0.6's default partition table (main.avm: 1 MB at 0x210000);
// free heap as AtomVM reports it at boot on such a module.
var profiles = map[string]Profile{
	"generic_unix": {Target: "generic_unix", Platform: "generic_unix"},
	"linux":        {Target: "linux", Platform: "generic_unix"},
	"esp32": {Target: "esp32", Platform: "esp32", Chip: "esp32", Device: true, Cores: 2, WordSize: 4, FreqMHz: 240,
		FreeHeap: 200 << 10, FlashSize: 4 << 20, AppPartition: 1 << 20, IDFVersion: "v5.1.4",
		ChipRevision: 3, Features: []string{"bt", "ble", "bgn"}},
	"esp32s3": {Target: "esp32s3", Platform: "esp32", Chip: "esp32_s3", Device: true, Cores: 2, WordSize: 4, FreqMHz: 240,
		FreeHeap: 300 << 10, FlashSize: 8 << 20, AppPartition: 1 << 20, IDFVersion: "v5.1.4",
		ChipRevision: 0, Features: []string{"ble", "bgn"}},
	"esp32c3": {Target: "esp32c3", Platform: "esp32", Chip: "esp32_c3", Device: true, Cores: 1, WordSize: 4, FreqMHz: 160,
		FreeHeap: 250 << 10, FlashSize: 4 << 20, AppPartition: 1 << 20, IDFVersion: "v5.1.4",
		ChipRevision: 4, Features: []string{"ble", "bgn"}},
	"stm32": {Target: "stm32", Platform: "stm32", Chip: "stm32f407", Device: true, Cores: 1, WordSize: 4, FreqMHz: 168,
		FreeHeap: 100 << 10, FlashSize: 1 << 20, AppPartition: 384 << 10},
	"rp2": {Target: "rp2", Platform: "pico", Chip: "rp2040", Device: true, Cores: 2, WordSize: 4, FreqMHz: 133,
		FreeHeap: 180 << 10, FlashSize: 2 << 20, AppPartition: 1 << 20},
}

// Lookup returns the profile of a target name.
func Lookup(target string) (Profile, error) {
	if p, ok := profiles[target]; ok {
		return p, nil
	}
	return Profile{}, fmt.Errorf("unknown target %q: choose one of %s", target, strings.Join(Targets(), ", "))
}

// Targets lists the target names, sorted.
func Targets() []string {
	out := make([]string, 0, len(profiles))
	for name := range profiles {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// RegistryPlatform is the platform name AtomVM's API tables use for this
// profile (the registry's vocabulary: generic_unix, esp32, stm32, rp2).
func (p Profile) RegistryPlatform() string {
	if p.Platform == "pico" {
		return "rp2"
	}
	return p.Platform
}
