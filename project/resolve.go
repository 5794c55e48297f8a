package project

import (
	"fmt"
	"path/filepath"

	"github.com/avmtool/avm/vm/device"
)

// Flags are what a command line says about the target; empty fields say
// nothing.
type Flags struct {
	Target string // --target (avm build: --profile)
	AtomVM string // --atomvm
	Board  string // --board
	Strict *bool  // --strict or --no-strict
}

// Settings are what a command runs with once flags, the project's
// configuration and the board file are weighed by [Config.Resolve].
type Settings struct {
	Target string // a vm/device target name
	AtomVM string // an AtomVM release of vm/api
	Strict bool
	// Board is the board file used ("" for none), and BoardFile what it
	// holds.
	Board     string
	BoardFile *device.BoardFile
}

// Resolve applies the one precedence rule of every avm command, for the
// project in dir:
//
//   - the board file: flags.Board, else the configuration's board (relative
//     to dir), else dir/avm.board.json when it exists, else none;
//   - the target: flags.Target, else the configuration's (the avm section,
//     else the flash task it configures), else the board file's "target",
//     else generic_unix;
//   - the AtomVM release: flags.AtomVM, else the configuration's, else the
//     newest avm knows;
//   - strictness: flags.Strict, else the configuration's strict, else on
//     for device targets (microcontrollers) and off otherwise.
//
// The board file is read (and checked) only when one is found.
func (c Config) Resolve(dir string, flags Flags) (Settings, error) {
	var s Settings
	switch {
	case flags.Board != "":
		s.Board = flags.Board
	case c.Board != "":
		s.Board = c.Board
		if !filepath.IsAbs(s.Board) {
			s.Board = filepath.Join(dir, s.Board)
		}
	default:
		if path := filepath.Join(dir, BoardFileName); isFile(path) {
			s.Board = path
		}
	}
	if s.Board != "" {
		bf, err := device.ReadBoardFile(s.Board)
		if err != nil {
			if c.Board != "" && flags.Board == "" {
				return s, fmt.Errorf("%s: avm board: %w", c.File, err)
			}
			return s, err
		}
		s.BoardFile = bf
	}

	switch {
	case flags.Target != "":
		if err := checkTarget(flags.Target); err != nil {
			return s, err
		}
		s.Target = NormTarget(flags.Target)
	case c.Target != "":
		s.Target = c.Target
	case s.BoardFile != nil && s.BoardFile.Target != "":
		if err := checkTarget(s.BoardFile.Target); err != nil {
			return s, fmt.Errorf("%s: %v", s.Board, err)
		}
		s.Target = NormTarget(s.BoardFile.Target)
	default:
		s.Target = DefaultTarget
	}

	switch {
	case flags.AtomVM != "":
		if err := checkRelease(flags.AtomVM); err != nil {
			return s, fmt.Errorf("--atomvm %s: %v", flags.AtomVM, err)
		}
		s.AtomVM = NormRelease(flags.AtomVM)
	case c.AtomVM != "":
		s.AtomVM = c.AtomVM
	default:
		s.AtomVM = LatestRelease()
	}

	prof, _ := device.Lookup(s.Target) // checked above
	switch {
	case flags.Strict != nil:
		s.Strict = *flags.Strict
	case c.Strict != nil:
		s.Strict = *c.Strict
	default:
		s.Strict = prof.Device
	}
	return s, nil
}
