package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/target"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/api"
	"github.com/avmtool/avm/vm/device"
)

// targetFlags are the device options of avm run and of avm dev's local
// runs: the target profile, the simulated board and how to watch and
// drive it (package target).
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

// register adds avm run's device flags to cmd.
func (t *targetFlags) register(cmd *cobra.Command) {
	t.registerLocal(cmd)
	cmd.Flags().StringVar(&t.boardScript, "board-script", "", "drive the board from a script of board commands (press 2, wait 500ms, …)")
}

// registerLocal adds the device flags that avm run and avm dev's local
// runs share.
func (t *targetFlags) registerLocal(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&t.target, "target", "", "run as on this target: "+strings.Join(device.Targets(), ", ")+" (default: the project's, else the board file's, else generic_unix)")
	f.StringVar(&t.atomvm, "atomvm", "", "the AtomVM release whose API the target has: "+strings.Join(api.Releases(), ", ")+" (default: the project's, else the latest)")
	f.BoolVar(&t.strict, "strict", false, "only allow the functions the target's AtomVM has (default: the project's, else on for device targets)")
	f.BoolVar(&t.noStrict, "no-strict", false, "allow everything avm implements, even on a device target")
	f.StringVar(&t.boardFile, "board", "", "board file wiring LEDs, buttons, I2C devices and UARTs (default: the project's, else "+project.BoardFileName+" in the project when present)")
	f.BoolVar(&t.traceIO, "trace-io", false, "print every pin change, bus transaction and UART byte on stderr, with the board's time")
	f.Float64Var(&t.timeScale, "time-scale", 1, "run the board's clock this many times faster (timers, sleeps and deep sleep)")
	f.StringVar(&t.control, "board-control", "", "listen for board commands on this Unix socket")
	f.StringVar(&t.gpioChip, "gpio-chip", "/dev/gpiochip0", "with --target linux: the GPIO character device whose line offsets are the pins")
	f.StringVar(&t.i2cBus, "i2c-bus", "/dev/i2c-1", "with --target linux: the I2C bus device")
	f.StringVar(&t.spiDev, "spi-dev", "/dev/spidev0.0", "with --target linux: the SPI device (bus and chip select)")
	f.StringArrayVar(&t.uartPTY, "uart-pty", nil, "bridge this UART (UART0, UART1…) to a new pty, whose path avm prints, for a terminal or program (repeatable)")
	f.StringVar(&t.nvsFile, "nvs", "", "file that keeps NVS across runs (default _build/avm/nvs-TARGET.json on device targets)")
}

// projectDirArg is the project among avm run's arguments whose
// configuration applies: the first directory, else the current directory.
func projectDirArg(args []string) string {
	for _, a := range args {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			return a
		}
	}
	return "."
}

// options turns the flags into the options of a target session, whose
// notices and trace go to stderr.
func (t *targetFlags) options(stderr io.Writer) (target.Options, error) {
	if t.timeScale <= 0 {
		return target.Options{}, fmt.Errorf("--time-scale must be more than 0, not %g", t.timeScale)
	}
	o := target.Options{Target: t.target, AtomVM: t.atomvm, Board: t.boardFile, TimeScale: t.timeScale,
		Log: stderr, Script: t.boardScript, Control: t.control, UARTPTY: t.uartPTY, NVS: t.nvsFile,
		GPIOChip: t.gpioChip, I2CBus: t.i2cBus, SPIDev: t.spiDev}
	if t.strict {
		o.Strict = &t.strict
	}
	if t.noStrict {
		strict := false
		o.Strict = &strict
	}
	if t.traceIO {
		o.Trace = stderr // the board writes one whole line at a time, under its lock
	}
	return o, nil
}

// errReset ends one run of the app when it reset the board; runFiles
// returns it and the caller starts the app again.
type errReset struct{ reset vm.Reset }

func (e *errReset) Error() string { return "the app reset the board" }

// runSession runs the app, again after each deep sleep or restart.
func runSession(stdio streams, opts runOptions, files []string) error {
	o, err := opts.target.options(stdio.Err)
	if err != nil {
		return err
	}
	s, err := target.Open(opts.dir, o)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, f := range files {
		if !strings.HasSuffix(f, ".avm") {
			continue
		}
		if st, err := os.Stat(f); err == nil {
			if err := s.CheckArchive(f, st.Size()); err != nil {
				return err
			}
		}
	}
	notice := func(msg string) { fmt.Fprintln(stdio.Err, "avm: "+msg) }
	woke := vm.ResetNone
	s.Board.StartClock()
	for {
		err := runFiles(stdio, opts, files, s, woke)
		var r *errReset
		if !errors.As(err, &r) {
			return err
		}
		again, err := s.AfterReset(context.Background(), r.reset, notice)
		if !again {
			return err
		}
		woke = r.reset.Reason
	}
}
