package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/device"
)

// targetFlags are avm run's device options: the target profile, the
// simulated board and how to watch and drive it.
type targetFlags struct {
	target      string
	atomvm      string
	strict      bool
	noStrict    bool
	boardFile   string
	traceIO     bool
	timeScale   float64
	boardScript string
	control     string
	nvsFile     string
	gpioChip    string
	i2cBus      string
	spiDev      string
	uartPTY     []string
}

const boardFileName = "avm.board.json"

func (t *targetFlags) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&t.target, "target", "", "run as on this target: "+strings.Join(device.Targets(), ", ")+" (default generic_unix, or the board file's)")
	f.StringVar(&t.atomvm, "atomvm", "", "the AtomVM release whose API the target has: "+strings.Join(api.Releases(), ", ")+" (default the latest)")
	f.BoolVar(&t.strict, "strict", false, "only allow the functions the target's AtomVM has (default on for device targets)")
	f.BoolVar(&t.noStrict, "no-strict", false, "allow everything avm implements, even on a device target")
	f.StringVar(&t.boardFile, "board", "", "board file wiring LEDs, buttons, I2C devices and UARTs (default ./"+boardFileName+" when present)")
	f.BoolVar(&t.traceIO, "trace-io", false, "print every pin change, bus transaction and UART byte on stderr, with the board's time")
	f.Float64Var(&t.timeScale, "time-scale", 1, "run the board's clock this many times faster (timers, sleeps and deep sleep)")
	f.StringVar(&t.boardScript, "board-script", "", "drive the board from a script of board commands (press 2, wait 500ms, …)")
	f.StringVar(&t.control, "board-control", "", "listen for board commands on this Unix socket")
	f.StringVar(&t.gpioChip, "gpio-chip", "/dev/gpiochip0", "with --target linux: the GPIO character device whose line offsets are the pins")
	f.StringVar(&t.i2cBus, "i2c-bus", "/dev/i2c-1", "with --target linux: the I2C bus device")
	f.StringVar(&t.spiDev, "spi-dev", "/dev/spidev0.0", "with --target linux: the SPI device (bus and chip select)")
	f.StringArrayVar(&t.uartPTY, "uart-pty", nil, "bridge this UART (UART0, UART1…) to a new pty, whose path avm prints, for a terminal or program (repeatable)")
	f.StringVar(&t.nvsFile, "nvs", "", "file that keeps NVS across runs (default _build/avm/nvs-TARGET.json on device targets)")
}

// session is one avm run's board and target, kept across the restarts of
// deep sleep.
type session struct {
	board   *device.Board
	profile device.Profile
	release string
	strict  bool
	stop    context.CancelFunc
	// machine is the running VM, which a failing board script stops.
	mu      sync.Mutex
	machine *vm.Machine
	failed  error
}

// open makes the board and starts its scripts and control socket.
func (t *targetFlags) open(stderr io.Writer) (*session, error) {
	var bf *device.BoardFile
	path := t.boardFile
	if path == "" {
		if _, err := os.Stat(boardFileName); err == nil {
			path = boardFileName
		}
	}
	if path != "" {
		var err error
		if bf, err = device.ReadBoardFile(path); err != nil {
			return nil, err
		}
	}
	target := t.target
	if target == "" && bf != nil {
		target = bf.Target
	}
	if target == "" {
		target = "generic_unix"
	}
	prof, err := device.Lookup(target)
	if err != nil {
		return nil, err
	}
	release := t.atomvm
	if release == "" {
		rs := api.Releases()
		release = rs[len(rs)-1]
	}
	release = strings.TrimPrefix(release, "v")
	if !slices.Contains(api.Releases(), release) {
		return nil, fmt.Errorf("--atomvm %s: avm knows AtomVM %s", t.atomvm, strings.Join(api.Releases(), ", "))
	}
	if t.timeScale <= 0 {
		return nil, fmt.Errorf("--time-scale must be more than 0, not %g", t.timeScale)
	}
	s := &session{profile: prof, release: release, strict: (prof.Device || t.strict) && !t.noStrict}
	s.board = device.NewBoard(prof, t.timeScale)
	if t.traceIO {
		s.board.SetTrace(stderr) // the board writes one whole line at a time, under its lock
	}
	if prof.Target == "linux" {
		if bf != nil {
			return nil, fmt.Errorf("%s: a board file describes a simulated board; --target linux drives the real one", path)
		}
		hw, err := device.OpenLinux(t.gpioChip, t.i2cBus, t.spiDev)
		if err != nil {
			return nil, err
		}
		s.board.UseHardware(hw)
	}
	if bf != nil {
		if err := bf.Apply(s.board); err != nil {
			return nil, err
		}
	}
	nvsPath := t.nvsFile
	if nvsPath == "" && prof.Device {
		nvsPath = filepath.Join("_build", "avm", "nvs-"+prof.Target+".json")
	}
	if nvsPath != "" {
		nvs, err := device.OpenNVS(nvsPath)
		if err != nil {
			return nil, err
		}
		s.board.SetNVS(nvs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	if t.control != "" {
		if err := s.board.Serve(ctx, t.control); err != nil {
			cancel()
			return nil, err
		}
	}
	for _, name := range t.uartPTY {
		path, err := s.board.BridgePTY(ctx, name)
		if err != nil {
			cancel()
			return nil, err
		}
		fmt.Fprintf(stderr, "avm: %s is on %s (e.g. picocom %s)\n", name, path, path)
	}
	if t.boardScript != "" {
		go func() {
			if err := s.board.RunScript(ctx, t.boardScript); err != nil {
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

func (s *session) close() {
	s.stop()
	s.board.Close()
}

// running records the VM of the current run, for a failing board script
// to stop; a script that failed before it started stops it at once.
func (s *session) running(m *vm.Machine) {
	s.mu.Lock()
	s.machine = m
	failed := s.failed != nil
	s.mu.Unlock()
	if failed {
		m.Halt()
	}
}

func (s *session) scriptErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.failed
}

// options sets the VM options of one run; app lists the app's own modules,
// which are never judged against the target.
func (s *session) options(o *vm.Options, app map[string]bool, woke vm.ResetReason) {
	o.Board = s.board
	o.WokeFrom = woke
	if !s.strict {
		return
	}
	o.IntBits = map[string]int{"0.6": 64, "0.7": 256}[s.release]
	o.HeapBudget, o.WordSize = s.profile.FreeHeap, s.profile.WordSize
	platform := s.profile.RegistryPlatform()
	o.Unavailable = func(m, f string, a int) string {
		if app[m] || api.Available(m, f, a, s.release, platform) {
			return ""
		}
		if _, known := api.Lookup(m, f, a); !known && len(api.Module(m)) == 0 {
			return "" // neither avm nor AtomVM has it: an ordinary undef
		}
		hint := fmt.Sprintf("%s:%s/%d is not available on %s (AtomVM %s)", m, f, a, s.profile.Target, s.release)
		if alt := api.Alternative(m, f, a, s.release, platform); alt != "" {
			hint += "; " + alt
		} else if other := otherTarget(m, f, a, s.release); other != "" {
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

// checkPartition refuses an app archive that would not fit the target's
// app partition.
func (s *session) checkPartition(files []string) error {
	if !s.strict || s.profile.AppPartition == 0 {
		return nil
	}
	for _, f := range files {
		if !strings.HasSuffix(f, ".avm") {
			continue
		}
		st, err := os.Stat(f)
		if err != nil {
			continue
		}
		if st.Size() > int64(s.profile.AppPartition) {
			return fmt.Errorf("%s is %d bytes: the app partition (main.avm) on %s holds %d; shrink the app or use --no-strict",
				f, st.Size(), s.profile.Target, s.profile.AppPartition)
		}
	}
	return nil
}

// sleep waits out a deep sleep on the board's clock.
func (s *session) sleep(d time.Duration) {
	time.Sleep(time.Duration(float64(d) / s.board.Scale()))
}

// errReset ends one run of the app when it reset the board; runFiles
// returns it and the caller starts the app again.
type errReset struct{ reset vm.Reset }

func (e *errReset) Error() string { return "the app reset the board" }

// runSession runs the app, again after each deep sleep or restart.
func runSession(stdio streams, opts runOptions, files []string) error {
	s, err := opts.target.open(stdio.Err)
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.checkPartition(files); err != nil {
		return err
	}
	woke := vm.ResetNone
	s.board.StartClock()
	for {
		err := runFiles(stdio, opts, files, s, woke)
		var r *errReset
		if !errors.As(err, &r) {
			return err
		}
		switch r.reset.Reason {
		case vm.ResetDeepSleep:
			if r.reset.Sleep < 0 {
				fmt.Fprintln(stdio.Err, "avm: deep sleep with no wakeup source: the app stops here")
				return nil
			}
			fmt.Fprintf(stdio.Err, "avm: deep sleep for %s (board time); the app starts again after it\n", r.reset.Sleep)
			s.sleep(r.reset.Sleep)
		case vm.ResetSoftware:
			fmt.Fprintln(stdio.Err, "avm: esp:restart/0: the app starts again")
		case vm.ResetStopped:
			if err := s.scriptErr(); err != nil {
				return err
			}
			return errors.New("the run was stopped")
		}
		woke = r.reset.Reason
	}
}

// appModules names the app's own modules: those of the archives and .beam
// files given, and any module.beam beside them.
func appModules(files []string) map[string]bool {
	app := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, ".avm") {
			if a, err := packbeam.ReadFile(f); err == nil {
				for _, e := range a.Entries {
					if mod := e.Module(); mod != "" {
						app[mod] = true
					}
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
