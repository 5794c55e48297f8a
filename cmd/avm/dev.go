package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/devserver"
	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/project"
)

// devOptions are the flags of avm dev.
type devOptions struct {
	port         string
	partition    string
	profile      string
	start        string
	includeLines bool
	json         bool
	schedulers   int
	reload       string
	target       targetFlags
	// runFlags are the build and run flags given, which do not apply
	// when joining a running devserver.
	runFlags []string
}

func newDevCmd(io streams) *cobra.Command {
	var opts devOptions
	cmd := &cobra.Command{
		Use:   "dev [DIR]",
		Short: "Watch a project: rebuild on every change, rerun it or flash it",
		Long: `Dev watches the project in DIR (default: the current directory): its source,
include, priv and lib directories and its configuration. On every change
(editors' bursts of writes count as one) it recompiles only the changed
modules, and those that include a changed header, repacks
_build/avm/NAME.avm and then reloads or restarts the app in a local VM, or,
with --port, writes the app partition of the board (skipping sectors that
already hold it), resets it and shows its console: flashing and the console
share the one open port.

Locally, --reload hot (the default) loads the new versions of the changed
modules into the running app, as OTP's code server does: processes keep
their state and run the new code from their next fully-qualified call
(?MODULE:loop(State)); funs and code a process is in the middle of stay
as they were. The app is restarted instead when modules were added or
removed, the start module or priv files changed, the app has ended, or a
process still runs a module as it was two builds ago. --reload restart
restarts it on every build.

The local app runs as avm run runs it: on the target, AtomVM release and
board that the flags, the project's configuration and the board file set
(avm help board), with the target's limits when strict. The board is made
once: restarts and reloads keep its NVS (_build/avm/nvs-TARGET.json), pins
and clock, and the app's deep sleeps and esp:restart/0 start it again on
it. With --trace-io, the board's trace lines are printed with the app's
output.

A build with errors prints them once, as file:line:col: message, and the
last good build keeps running. After each build a status line tells the
time, what was compiled, what ran and how many errors remain. --json prints
the events instead, one JSON object a line (see avm dev status --json and
the protocol in the devserver package).

Modules compile on a long-lived compile server (one erl node, which also
compiles Elixir sources, all together, when any changes), so a change costs
a compile and not a BEAM boot. Projects that rebar3 or mix must build
(dependencies to fetch, hooks, plugins) are rebuilt as avm build builds them.

The devserver listens on _build/avm/dev.sock (mode 0600) while it runs.
Running avm dev again in the project joins it and shows its events;
avm dev status and avm dev stop ask it about its state and stop it.`,
		Example: `  avm dev
  avm dev --port auto
  avm dev path/to/app --json
  avm dev status
  avm dev stop`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range append(devBuildFlags, devLocalFlags...) {
				if cmd.Flags().Changed(name) {
					opts.runFlags = append(opts.runFlags, "--"+name)
				}
			}
			if opts.port != "" {
				// The board runs the app: of the device flags, only
				// --target applies, to the build.
				for _, name := range devLocalFlags {
					if cmd.Flags().Changed(name) {
						return usageError("--%s is for the local board: not with --port", name)
					}
				}
			}
			return devRun(io, opts, dirArg(args))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.port, "port", "p", "", "flash each build to the board on this serial port (auto: the only one connected) instead of running it locally")
	f.StringVar(&opts.partition, "partition", "main.avm", "with --port: label of the app partition")
	f.StringVar(&opts.profile, "profile", "", "the target, which sets how large the archive may be: "+strings.Join(project.TargetNames(), ", ")+" (default: --target, else the project's, as for avm build)")
	f.StringVarP(&opts.start, "start", "s", "", "the start module (default: from the configuration)")
	f.BoolVarP(&opts.includeLines, "include-lines", "i", false, "keep line tables, for file:line in stacktraces")
	f.BoolVar(&opts.json, "json", false, "print events as JSON lines on stdout")
	f.StringVar(&opts.reload, "reload", devserver.ReloadHot, "how the local app takes a new build: hot (load the changed modules into it, restarting where that cannot work) or restart")
	f.IntVar(&opts.schedulers, "schedulers", 0, "how many processes of the app run in parallel (default: one per CPU)")
	opts.target.registerLocal(cmd)
	f.Lookup("trace-io").Usage = "print every pin change, bus transaction and UART byte of the local board with the app's output, with the board's time"
	cmd.AddCommand(newDevStatusCmd(io), newDevStopCmd(io))
	return cmd
}

// devBuildFlags and devLocalFlags are avm dev's flags that set up a new
// devserver, and do not apply when joining one; devLocalFlags are those of
// the local board, which --port leaves out.
var (
	devBuildFlags = []string{"profile", "start", "include-lines", "schedulers", "reload", "target"}
	devLocalFlags = []string{"atomvm", "strict", "no-strict", "board", "trace-io", "time-scale",
		"board-control", "uart-pty", "nvs", "gpio-chip", "i2c-bus", "spi-dev"}
)

func dirArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return "."
}

func devRun(io streams, opts devOptions, dir string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if opts.reload != devserver.ReloadHot && opts.reload != devserver.ReloadRestart {
		return usageError("--reload %s: want %s or %s", opts.reload, devserver.ReloadHot, devserver.ReloadRestart)
	}
	if _, err := project.Detect(dir); err != nil {
		return err
	}
	r := &devRenderer{io: io, json: opts.json}

	// Join the project's devserver when one runs.
	if c, err := devserver.Dial(dir); err == nil {
		defer c.Close()
		if opts.port != "" {
			return fmt.Errorf("a devserver already runs for %s (pid %d, %s): stop it first (avm dev stop) to use --port", dir, c.Hello.PID, c.Hello.Mode)
		}
		if !opts.json {
			fmt.Fprintf(io.Err, "joined the devserver of %s (pid %d, %s); Ctrl-C leaves it running\n", c.Hello.Project, c.Hello.PID, c.Hello.Mode)
			if len(opts.runFlags) > 0 {
				fmt.Fprintf(io.Err, "%s build and run flags (%s) apply when a devserver starts: avm dev stop, then avm dev with them\n",
					paint(io.Err, yellow, "warning:"), strings.Join(opts.runFlags, " "))
			}
		}
		if err := c.Subscribe(); err != nil {
			return err
		}
		return c.ReadEvents(ctx, r.render)
	} else if !errors.Is(err, devserver.ErrNotRunning) {
		return err
	}

	buildTarget := opts.profile
	if buildTarget == "" {
		buildTarget = opts.target.target
	}
	sopts := devserver.Options{
		Dir:        dir,
		Build:      project.BuildOptions{Start: opts.start, Target: buildTarget, IncludeLines: opts.includeLines},
		Schedulers: opts.schedulers,
		Reload:     opts.reload,
		TraceIO:    opts.target.traceIO,
	}
	if opts.port == "" {
		to, err := opts.target.options(io.Err)
		if err != nil {
			return err
		}
		sopts.Target = to
	}
	if opts.port != "" {
		dev, err := choosePort(opts.port)
		if err != nil {
			return err
		}
		port, err := openPort(ctx, dev.Port, flasher.ROMBaud, 3*time.Second)
		if err != nil {
			return boardError(io, err)
		}
		sopts.Board = devserver.BoardOptions{Port: port, Name: dev.Port, Partition: opts.partition,
			Connect: flasher.Options{USBJTAG: dev.USB == usbJTAGSerial}}
	}
	s, err := devserver.New(sopts)
	if err != nil {
		if sopts.Board.Port != nil {
			sopts.Board.Port.Close()
		}
		return err
	}
	events, unsubscribe := s.Subscribe()
	defer unsubscribe()
	rendered := make(chan struct{})
	go func() {
		for e := range events {
			r.render(e)
			if e.Type == devserver.EventStopping {
				break
			}
		}
		close(rendered)
	}()
	if !opts.json {
		st := s.Status()
		where := strings.TrimPrefix(st.Mode, "board ")
		if st.Target != "" {
			where += ", " + st.Target
		}
		fmt.Fprintf(io.Err, "watching %s (%s); Ctrl-C stops\n", dir, where)
	}
	err = s.Run(ctx, true)
	if errors.Is(err, devserver.ErrRunning) {
		return fmt.Errorf("a devserver started for %s meanwhile: run avm dev again to join it", dir)
	}
	if err != nil {
		return err
	}
	<-rendered
	return nil
}

// devRenderer prints events for a person or, with json, as JSON lines.
type devRenderer struct {
	io   streams
	json bool
}

func (r *devRenderer) render(e devserver.Event) {
	if r.json {
		json.NewEncoder(r.io.Out).Encode(e)
		return
	}
	out, errw := r.io.Out, r.io.Err
	switch e.Type {
	case devserver.EventOutput:
		fmt.Fprint(out, e.Text)
	case devserver.EventBuild:
		b := e.Build
		for _, d := range b.Diagnostics {
			colour := red
			if d.Severity == "warning" {
				colour = yellow
			}
			fmt.Fprintln(errw, paint(errw, colour, d.String()))
		}
		if b.Failure != "" {
			fmt.Fprintf(errw, "%s %s\n", paint(errw, red, "avm: build failed:"), b.Failure)
		}
		fmt.Fprintln(errw, statusLine(errw, b))
	case devserver.EventRun:
		fmt.Fprintf(errw, "%s %s\n", paint(errw, green, "→"), e.Ran)
	case devserver.EventExit:
		if e.Crashed {
			fmt.Fprintf(errw, "%s %s\n", paint(errw, red, "app crashed:"), e.Value)
			if e.Hint != "" {
				fmt.Fprintf(errw, "hint: %s\n", e.Hint)
			}
		} else {
			fmt.Fprintf(errw, "app returned %s\n", e.Value)
		}
	case devserver.EventError:
		fmt.Fprintf(errw, "%s %s\n", paint(errw, red, "avm:"), e.Text)
	case devserver.EventStopping:
		fmt.Fprintln(errw, "devserver stopped")
	}
}

// statusLine sums a build up: when, what was compiled and how long it
// took, errors and warnings.
func statusLine(w io.Writer, b *devserver.BuildReport) string {
	var parts []string
	switch n := len(b.Compiled); {
	case n == 1:
		parts = append(parts, "compiled "+b.Compiled[0])
	case n > 1:
		parts = append(parts, fmt.Sprintf("compiled %d modules", n))
	case len(b.Removed) > 0:
		parts = append(parts, "removed "+strings.Join(b.Removed, ", "))
	default:
		parts = append(parts, "no change")
	}
	parts[0] += fmt.Sprintf(" in %v", b.Duration.Round(time.Millisecond))
	if b.Via != "" && b.Via != "compile server" {
		parts[0] += " with " + b.Via
	}
	verdict := paint(w, green, "ok")
	if !b.OK() {
		verdict = paint(w, red, fmt.Sprintf("%d error%s", b.Errors, plural(b.Errors)))
		parts = append(parts, "the last good build keeps running")
	}
	if b.Warnings > 0 {
		parts = append(parts, paint(w, yellow, fmt.Sprintf("%d warning%s", b.Warnings, plural(b.Warnings))))
	}
	return fmt.Sprintf("[%s] %s · %s", b.Time.Format("15:04:05"), verdict, strings.Join(parts, " · "))
}

func newDevStatusCmd(io streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status [DIR]",
		Short: "Show the state of the project's devserver",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := devserver.Dial(dirArg(args))
			if errors.Is(err, devserver.ErrNotRunning) {
				fmt.Fprintf(io.Err, "avm: %v\n", err)
				return &exitError{exitFailure}
			}
			if err != nil {
				return err
			}
			defer c.Close()
			st, err := c.Status()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			fmt.Fprintf(io.Out, "devserver of %s\n", st.Project)
			fmt.Fprintf(io.Out, "  pid %d, %s, up %v, protocol %d\n", st.PID, st.Mode, time.Since(st.Started).Round(time.Second), st.Protocol)
			fmt.Fprintf(io.Out, "  %d build%s", st.Builds, plural(st.Builds))
			if b := st.LastBuild; b != nil {
				fmt.Fprintf(io.Out, "; last at %s: %d error%s, %d warning%s", b.Time.Format("15:04:05"), b.Errors, plural(b.Errors), b.Warnings, plural(b.Warnings))
			}
			fmt.Fprintln(io.Out)
			if st.Ran != "" {
				fmt.Fprintf(io.Out, "  last good build %s: %s\n", st.LastGood.Format("15:04:05"), st.Ran)
			}
			fmt.Fprintf(io.Out, "  compile server restarts: %d; heap in use: %s\n", st.CompileServerRestarts, formatSize(int(st.HeapBytes)))
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the status as JSON")
	return cmd
}

func newDevStopCmd(io streams) *cobra.Command {
	return &cobra.Command{
		Use:   "stop [DIR]",
		Short: "Stop the project's devserver and the app it runs",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := devserver.Dial(dirArg(args))
			if errors.Is(err, devserver.ErrNotRunning) {
				fmt.Fprintf(io.Err, "avm: %v\n", err)
				return &exitError{exitFailure}
			}
			if err != nil {
				return err
			}
			defer c.Close()
			if err := c.Stop(); err != nil {
				return err
			}
			fmt.Fprintf(io.Out, "stopped the devserver of %s (pid %d)\n", c.Hello.Project, c.Hello.PID)
			return nil
		},
	}
}
