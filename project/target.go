package project

import (
	"fmt"
	"strings"
)

// Target is a kind of device an archive is built for: it sets how large
// the archive may be.
type Target struct {
	Name string
	// AppSize is the room for the application archive in bytes, 0 for
	// no limit.
	AppSize int
	// Where describes that room, for messages.
	Where string
}

// Targets are the known target profiles; the first is the default.
var Targets = []Target{
	// AtomVM's ESP32 partition tables give main.avm 1 MiB at 0x210000
	// (0x250000 on Elixir images).
	{Name: "esp32", AppSize: 1 << 20, Where: "the 1 MiB main.avm partition of AtomVM's ESP32 images"},
	// The application lives at 0x8080000, up to the end of a 1 MiB flash.
	{Name: "stm32", AppSize: 512 << 10, Where: "the 512 KiB from 0x8080000 to the end of a 1 MiB STM32 flash"},
	// The application lives at 0x10180000, up to the end of a Pico's 2 MiB flash.
	{Name: "rp2", AppSize: 512 << 10, Where: "the 512 KiB from 0x10180000 to the end of a Raspberry Pi Pico's 2 MiB flash"},
	{Name: "generic_unix", Where: "AtomVM on a computer, which has no limit"},
}

// TargetNames lists the names of Targets.
func TargetNames() []string {
	names := make([]string, len(Targets))
	for i, t := range Targets {
		names[i] = t.Name
	}
	return names
}

// FindTarget looks a target profile up by name.
func FindTarget(name string) (Target, error) {
	for _, t := range Targets {
		if t.Name == name {
			return t, nil
		}
	}
	return Target{}, fmt.Errorf("unknown target profile %q: choose one of %s", name, strings.Join(TargetNames(), ", "))
}
