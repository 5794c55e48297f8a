// Package target runs an app locally as it would run on the project's
// target: a simulated board (or, for linux, the real one) made from the
// board file, with its NVS file, trace, clock scale, control socket and
// UART bridges; the target's AtomVM release judging which functions the
// app may call; the device's integer and heap limits; and the deep sleeps
// and restarts that end one run of the app and start the next on the same
// board. avm run and avm dev share it, so that both run an app alike.
//
// A Session is opened once and outlives the VMs that run on it:
//
//	s, err := target.Open(dir, opts)
//	defer s.Close()
//	s.Board.StartClock()
//	for woke := vm.ResetNone; ; {
//		o := vm.Options{…}
//		s.Configure(&o, app, woke)
//		m := vm.New(o)
//		s.Running(m)
//		out, _ := m.Run(start, "start")
//		if out.Reset == nil { break }
//		again, err := s.AfterReset(ctx, *out.Reset, notice)
//		if !again || err != nil { break }
//		woke = out.Reset.Reason
//	}
package target

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/device"
)

// Options are what a command line says about the target and the board;
// empty fields leave the choice to the project's configuration
// (project.Config.Resolve) or to the defaults.
type Options struct {
	Target string // a vm/device target name
	AtomVM string // an AtomVM release of vm/api
	// Strict, when set, says whether only the functions of the target's
	// AtomVM are allowed.
	Strict *bool
	// Board is a board file, overriding the project's.
	Board string
	// TimeScale runs the board's clock this many times faster (timers,
	// sleeps and deep sleep); 0 means 1.
	TimeScale float64
	// Trace, when set, receives every pin change, bus transaction and
	// UART byte, one whole line a write.
	Trace io.Writer
	// Log receives the session's notices (where a UART's pty is); default
	// none.
	Log io.Writer
	// Script is a file of board commands to drive the board with; a
	// failing one stops the running app (Err says why).
	Script string
	// Control is a Unix socket to listen for board commands on.
	Control string
	// UARTPTY names UARTs (UART0…) to bridge each to a new pty.
	UARTPTY []string
	// NVS is the file that keeps NVS across runs; on device targets it
	// defaults to nvs-TARGET.json in StateDir.
	NVS string
	// StateDir is where the default NVS file goes (default _build/avm).
	StateDir string
	// GPIOChip, I2CBus and SPIDev are the devices of --target linux.
	GPIOChip, I2CBus, SPIDev string
}

// Session is a board and a target kept across the runs of an app: its
// deep sleeps and restarts, and, in avm dev, its rebuilds.
type Session struct {
	// Board is the board every run of the app drives.
	Board *device.Board
	// Profile is the target's, and Release its AtomVM release.
	Profile device.Profile
	Release string
	// Strict tells whether the target's AtomVM judges the app's calls.
	Strict bool

	stop context.CancelFunc

	mu      sync.Mutex
	machine *vm.Machine // the running VM, which a failing board script stops
	failed  error
}

// Open makes the board of the project in dir and starts its script,
// control socket and pty bridges. The options win over the project's
// configuration, which wins over the board file's target.
func Open(dir string, o Options) (*Session, error) {
	if o.TimeScale == 0 {
		o.TimeScale = 1
	}
	if o.TimeScale < 0 {
		return nil, fmt.Errorf("--time-scale must be more than 0, not %g", o.TimeScale)
	}
	log := o.Log
	if log == nil {
		log = io.Discard
	}
	cfg, err := project.LoadConfig(dir)
	if err != nil {
		return nil, err
	}
	set, err := cfg.Resolve(dir, project.Flags{Target: o.Target, AtomVM: o.AtomVM, Board: o.Board, Strict: o.Strict})
	if err != nil {
		return nil, err
	}
	prof, err := device.Lookup(set.Target)
	if err != nil {
		return nil, err
	}
	s := &Session{Profile: prof, Release: set.AtomVM, Strict: set.Strict}
	s.Board = device.NewBoard(prof, o.TimeScale)
	if o.Trace != nil {
		s.Board.SetTrace(o.Trace)
	}
	if prof.Target == "linux" {
		if set.BoardFile != nil {
			return nil, fmt.Errorf("%s: a board file describes a simulated board; --target linux drives the real one", set.Board)
		}
		hw, err := device.OpenLinux(o.GPIOChip, o.I2CBus, o.SPIDev)
		if err != nil {
			return nil, err
		}
		s.Board.UseHardware(hw)
	}
	if set.BoardFile != nil {
		if err := set.BoardFile.Apply(s.Board); err != nil {
			return nil, err
		}
	}
	nvsPath := o.NVS
	if nvsPath == "" && prof.Device {
		stateDir := o.StateDir
		if stateDir == "" {
			stateDir = filepath.Join("_build", "avm")
		}
		nvsPath = filepath.Join(stateDir, "nvs-"+prof.Target+".json")
	}
	if nvsPath != "" {
		nvs, err := device.OpenNVS(nvsPath)
		if err != nil {
			s.Board.Close()
			return nil, err
		}
		s.Board.SetNVS(nvs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	if o.Control != "" {
		if err := s.Board.Serve(ctx, o.Control); err != nil {
			s.Close()
			return nil, err
		}
	}
	for _, name := range o.UARTPTY {
		path, err := s.Board.BridgePTY(ctx, name)
		if err != nil {
			s.Close()
			return nil, err
		}
		fmt.Fprintf(log, "avm: %s is on %s (e.g. picocom %s)\n", name, path, path)
	}
	if o.Script != "" {
		go func() {
			if err := s.Board.RunScript(ctx, o.Script); err != nil {
				s.mu.Lock()
				s.failed = fmt.Errorf("board script: %w", err)
				m := s.machine
				s.mu.Unlock()
				if m != nil {
					m.Halt()
				}
			}
		}()
	}
	return s, nil
}

// Close stops the board's script, socket and bridges and releases its
// hardware.
func (s *Session) Close() {
	s.stop()
	s.Board.Close()
}

// Running records the VM of the current run, for a failing board script
// to stop; a script that failed before it started stops it at once.
func (s *Session) Running(m *vm.Machine) {
	s.mu.Lock()
	s.machine = m
	failed := s.failed != nil
	s.mu.Unlock()
	if failed {
		m.Halt()
	}
}

// Err is why the board script failed, or nil.
func (s *Session) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed
}

// Configure sets the options of one run's VM: the board, why the run
// starts (woke), and on a strict target the AtomVM release's integer
// limit, the device's heap, and the judge of the app's calls. app lists
// the app's own modules, which are never judged.
func (s *Session) Configure(o *vm.Options, app map[string]bool, woke vm.ResetReason) {
	o.Board = s.Board
	o.WokeFrom = woke
	if !s.Strict {
		return
	}
	o.IntBits = map[string]int{"0.6": 64, "0.7": 256}[s.Release]
	o.HeapBudget, o.WordSize = s.Profile.FreeHeap, s.Profile.WordSize
	platform := s.Profile.RegistryPlatform()
	o.Unavailable = func(m, f string, a int) string {
		if app[m] || api.Available(m, f, a, s.Release, platform) {
			return ""
		}
		if _, known := api.Lookup(m, f, a); !known && len(api.Module(m)) == 0 {
			return "" // neither avm nor AtomVM has it: an ordinary undef
		}
		hint := fmt.Sprintf("%s:%s/%d is not available on %s (AtomVM %s)", m, f, a, s.Profile.Target, s.Release)
		if alt := api.Alternative(m, f, a, s.Release, platform); alt != "" {
			hint += "; " + alt
		} else if other := otherTarget(m, f, a, s.Release); other != "" {
			hint += "; try --target " + other
		}
		return hint + " (--no-strict allows what avm implements)"
	}
}

// otherTarget names a target whose AtomVM has m:f/a.
func otherTarget(m, f string, a int, release string) string {
	for _, t := range device.Targets() {
		p, _ := device.Lookup(t)
		if api.Available(m, f, a, release, p.RegistryPlatform()) {
			return t
		}
	}
	return ""
}

// CheckArchive refuses, on a strict target, an app archive (name, of size
// bytes) that would not fit the target's app partition.
func (s *Session) CheckArchive(name string, size int64) error {
	if !s.Strict || s.Profile.AppPartition == 0 || size <= int64(s.Profile.AppPartition) {
		return nil
	}
	return fmt.Errorf("%s is %d bytes: the app partition (main.avm) on %s holds %d; shrink the app or use --no-strict",
		name, size, s.Profile.Target, s.Profile.AppPartition)
}

// AfterReset decides what follows a run that reset the board: after a
// deep sleep, the app starts again once the sleep (board time, scaled)
// has passed or ctx has ended; after esp:restart/0, at once. notice is
// told what happens, for the user. It returns whether to start the app
// again (with WokeFrom r.Reason); a run stopped from outside returns the
// board script's error, or an error saying it was stopped.
func (s *Session) AfterReset(ctx context.Context, r vm.Reset, notice func(string)) (again bool, err error) {
	switch r.Reason {
	case vm.ResetDeepSleep:
		if r.Sleep < 0 {
			notice("deep sleep with no wakeup source: the app stops here")
			return false, nil
		}
		notice(fmt.Sprintf("deep sleep for %s (board time); the app starts again after it", r.Sleep))
		t := time.NewTimer(time.Duration(float64(r.Sleep) / s.Board.Scale()))
		defer t.Stop()
		select {
		case <-t.C:
			return true, nil
		case <-ctx.Done():
			return false, ctx.Err()
		}
	case vm.ResetSoftware:
		notice("esp:restart/0: the app starts again")
		return true, nil
	default:
		if err := s.Err(); err != nil {
			return false, err
		}
		return false, errors.New("the run was stopped")
	}
}

// ArchiveModules names the modules of an app archive.
func ArchiveModules(a *packbeam.Archive) map[string]bool {
	app := map[string]bool{}
	for _, e := range a.Entries {
		if mod := e.Module(); mod != "" {
			app[mod] = true
		}
	}
	return app
}

// AppModules names the app's own modules: those of the archives and .beam
// files given, and any module.beam beside them.
func AppModules(files []string) map[string]bool {
	app := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, ".avm") {
			if a, err := packbeam.ReadFile(f); err == nil {
				for mod := range ArchiveModules(a) {
					app[mod] = true
				}
			}
			continue
		}
		app[strings.TrimSuffix(filepath.Base(f), ".beam")] = true
		if beams, err := filepath.Glob(filepath.Join(filepath.Dir(f), "*.beam")); err == nil {
			for _, b := range beams {
				app[strings.TrimSuffix(filepath.Base(b), ".beam")] = true
			}
		}
	}
	return app
}
