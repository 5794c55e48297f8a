package project

import "github.com/avmtool/avm/vm/device"

// Target is a device target as a build sees it: how large the archive may
// be.
type Target struct {
	Name string // a vm/device target name
	// AppSize is the room for the application archive in bytes, 0 for
	// no limit.
	AppSize int
	// Where describes that room, for messages.
	Where string
}

// appRooms are the rooms for the application of each AtomVM platform
// (RegistryPlatform): targets of one family share their partition layout.
var appRooms = map[string]Target{
	// AtomVM's ESP32 partition tables give main.avm 1 MiB at 0x210000
	// (0x250000 on Elixir images).
	"esp32": {AppSize: 1 << 20, Where: "the 1 MiB main.avm partition of AtomVM's ESP32 images"},
	// The application lives at 0x8080000, up to the end of a 1 MiB flash.
	"stm32": {AppSize: 512 << 10, Where: "the 512 KiB from 0x8080000 to the end of a 1 MiB STM32 flash"},
	// The application lives at 0x10180000, up to the end of a Pico's 2 MiB flash.
	"rp2":          {AppSize: 512 << 10, Where: "the 512 KiB from 0x10180000 to the end of a Raspberry Pi Pico's 2 MiB flash"},
	"generic_unix": {Where: "AtomVM on a computer, which has no limit"},
}

// TargetNames lists the device targets a build may be for.
func TargetNames() []string { return device.Targets() }

// FindTarget looks a target up by name ("unix" reads as generic_unix).
func FindTarget(name string) (Target, error) {
	if err := checkTarget(name); err != nil {
		return Target{}, err
	}
	t := appRooms[RegistryPlatform(name)]
	t.Name = NormTarget(name)
	return t, nil
}

// buildTarget is the target of a build: asked, else the one the project's
// settings resolve to (Config.Resolve).
func (p *Project) buildTarget(asked string) (Target, error) {
	if asked == "" {
		s, err := p.Config.Resolve(p.Dir, Flags{})
		if err != nil {
			return Target{}, err
		}
		asked = s.Target
	}
	return FindTarget(asked)
}
