package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/avmtool/avm/devserver"
	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/flasher/monitor"
)

type monitorOptions struct {
	port       string
	baud       int
	reset      bool
	noReset    bool
	timestamps bool
	log        string
	exitOn     string
	timeout    time.Duration
	// dir is where to look for a devserver that owns the board (default:
	// the current directory).
	dir string
}

func newMonitorCmd(io streams) *cobra.Command {
	var opts monitorOptions
	cmd := &cobra.Command{
		Use:   "monitor",
		Short: "Show a board's serial console",
		Long: `Monitor shows the board's console. It resets the board first so the output
starts at boot (--no-reset to attach quietly), and reconnects when a USB
device disappears and comes back (native-USB chips re-enumerate on reset).

AtomVM crash reports get a readable summary (">>> process <0.2.0> crashed;
stacktrace:" and one "at module:function/arity (file:line)" line per frame),
and ESP-IDF panics and aborts a one-line explanation.

On a terminal: Ctrl-] exits; Ctrl-T then R resets the board, T toggles
timestamps, L toggles the log file, H shows this list.

For scripts and CI: --exit-on REGEX exits 0 after the first line matching
it; --timeout D exits 1 if that has not happened within D.

When avm dev --port runs for the project of the current directory, it owns
the port: the console is then shown through it (Ctrl-T R asks it to reset
the board).`,
		Example: `  avm monitor
  avm monitor --port /dev/ttyACM0 --timestamps --log console.txt
  avm monitor --exit-on 'AtomVM finished' --timeout 30s`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.reset && opts.noReset {
				return usageError("--reset and --no-reset are exclusive")
			}
			return boardError(io, monitorRun(cmd.Context(), io, &opts, nil))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.port, "port", "p", "auto", "serial port, or auto")
	f.IntVarP(&opts.baud, "baud", "b", 115200, "baud rate of the console")
	f.BoolVar(&opts.reset, "reset", false, "reset the board when attaching (the default)")
	f.BoolVar(&opts.noReset, "no-reset", false, "attach without resetting the board")
	f.BoolVar(&opts.timestamps, "timestamps", false, "prefix each line with the time it arrived")
	f.StringVar(&opts.log, "log", "", "also append the console to this file")
	f.StringVar(&opts.exitOn, "exit-on", "", "exit (status 0) after a line matching this regular expression")
	f.DurationVar(&opts.timeout, "timeout", 0, "give up (status 1) after this long, e.g. 30s")
	return cmd
}

// monitorRun shows the console of the port named in opts, or of port when
// the flasher hands over one that is already open.
func monitorRun(ctx context.Context, io streams, opts *monitorOptions, port flasher.Port) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var exitOn *regexp.Regexp
	if opts.exitOn != "" {
		re, err := regexp.Compile(opts.exitOn)
		if err != nil {
			return usageError("--exit-on: %v", err)
		}
		exitOn = re
	}
	path := opts.port
	var mport monitor.Port = port
	reset := func() error { return resetBoard(ctx, port) }
	var console *devserver.Console
	if port == nil {
		// The project's devserver owns the board: show its console
		// through it, rather than fight for the port.
		dir := opts.dir
		if dir == "" {
			dir = "."
		}
		if c := boardDevserver(io, dir, opts.port); c != nil {
			k, err := c.Console(func(s string) { fmt.Fprintf(io.Err, "--- %s\n", s) })
			if err != nil {
				c.Close()
				return err
			}
			console, mport, path, reset = k, k, c.Board()+" (through the devserver of "+c.Hello.Project+")", k.Reset
			if !opts.noReset {
				if err := k.Reset(); err != nil {
					return err
				}
			}
		}
	}
	if mport == nil {
		dev, err := choosePort(opts.port)
		if err != nil {
			return err
		}
		path = dev.Port
		if port, err = openPort(ctx, path, opts.baud, 3*time.Second); err != nil {
			return err
		}
		mport = port
		if !opts.noReset {
			if err := resetBoard(ctx, port); err != nil {
				fmt.Fprintf(io.Err, "%s cannot reset the board (%v); showing the console without a reset\n", paint(io.Err, yellow, "warning:"), err)
			}
		}
	}
	m := &monitor.Monitor{
		Out: io.Out, Timestamps: opts.timestamps, ExitOn: exitOn,
		Notice: func(s string) { fmt.Fprintf(io.Err, "--- %s\n", s) },
	}
	if console == nil {
		m.Reopen = func(ctx context.Context) (monitor.Port, error) {
			for {
				p, err := flasher.OpenSerial(path, opts.baud)
				if err == nil {
					return p, nil
				}
				select {
				case <-ctx.Done():
					return nil, ctx.Err()
				case <-time.After(250 * time.Millisecond):
				}
			}
		}
	}
	var logFile *os.File
	openLog := func() error {
		f, err := os.OpenFile(opts.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		logFile = f
		m.SetLog(f)
		return nil
	}
	if opts.log != "" {
		if err := openLog(); err != nil {
			mport.Close()
			return err
		}
	}
	defer func() {
		if logFile != nil {
			logFile.Close()
		}
	}()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if opts.timeout > 0 {
		var c2 context.CancelFunc
		ctx, c2 = context.WithTimeout(ctx, opts.timeout)
		defer c2()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()

	if term.IsTerminal(int(os.Stdin.Fd())) && exitOn == nil {
		state, err := term.MakeRaw(int(os.Stdin.Fd()))
		if err == nil {
			defer term.Restore(int(os.Stdin.Fd()), state)
			fmt.Fprintf(io.Err, "--- %s at %d baud; Ctrl-] exits, Ctrl-T H for help\r\n", path, opts.baud)
			go keyboard(ctx, cancel, io, m, reset, opts, openLog, &logFile)
		}
	}
	err := m.Run(ctx, mport)
	m.Close()
	if console != nil && devserverStopped(err) {
		fmt.Fprintln(io.Err, "--- the devserver stopped")
		return nil
	}
	if err == monitor.ErrTimeout {
		fmt.Fprintf(io.Err, "avm: no line matched %q within %v\n", opts.exitOn, opts.timeout)
		return &exitError{exitFailure}
	}
	return err
}

// resetBoard pulses EN through RTS so the console starts at boot.
func resetBoard(ctx context.Context, p flasher.Port) error {
	if err := p.SetDTR(false); err != nil {
		return err
	}
	if err := p.SetRTS(true); err != nil {
		return err
	}
	time.Sleep(100 * time.Millisecond)
	return p.SetRTS(false)
}

// keyboard forwards typed bytes to the board and handles the Ctrl-] and
// Ctrl-T keys.
func keyboard(ctx context.Context, cancel context.CancelFunc, io streams, m *monitor.Monitor, reset func() error, opts *monitorOptions, openLog func() error, logFile **os.File) {
	buf := make([]byte, 64)
	menu := false
	say := func(format string, args ...any) { fmt.Fprintf(io.Err, "--- "+format+"\r\n", args...) }
	for ctx.Err() == nil {
		n, err := os.Stdin.Read(buf)
		if err != nil {
			cancel()
			return
		}
		for _, b := range buf[:n] {
			switch {
			case menu:
				menu = false
				switch b | 0x20 {
				case 'r':
					if err := reset(); err != nil {
						say("reset failed: %v", err)
					} else {
						say("reset")
					}
				case 't':
					opts.timestamps = !opts.timestamps
					m.SetTimestamps(opts.timestamps)
					say("timestamps %s", onOff(opts.timestamps))
				case 'l':
					switch {
					case *logFile != nil:
						m.SetLog(nil)
						(*logFile).Close()
						*logFile = nil
						say("log closed")
					case opts.log == "":
						opts.log = "avm-monitor.log"
						fallthrough
					default:
						if err := openLog(); err != nil {
							say("log: %v", err)
						} else {
							say("logging to %s", opts.log)
						}
					}
				case 'h':
					say("Ctrl-] exit · Ctrl-T R reset · Ctrl-T T timestamps · Ctrl-T L log file · Ctrl-T H help")
				default:
					if b == 0x14 { // Ctrl-T twice sends it
						m.Send([]byte{b})
					}
				}
			case b == 0x1D: // Ctrl-]
				cancel()
				return
			case b == 0x14: // Ctrl-T
				menu = true
			default:
				m.Send([]byte{b})
			}
		}
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}
