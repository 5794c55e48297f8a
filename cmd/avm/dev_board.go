package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/avmtool/avm/devserver"
	"github.com/avmtool/avm/flasher"
)

// avm flash and avm monitor go through the project's devserver when it
// owns the board's port (avm dev --port), instead of fighting for it.

// boardDevserver connects to the devserver of the project at or above dir
// (or of the current directory's) when it owns a board's port and that is
// the port asked for (auto: any); otherwise it returns nil and the caller
// opens the port itself.
func boardDevserver(s streams, dir, port string) *devserver.Client {
	seen := map[string]bool{}
	for _, start := range []string{dir, "."} {
		d, err := filepath.Abs(start)
		if err != nil {
			continue
		}
		for !seen[d] {
			seen[d] = true
			if _, err := os.Stat(devserver.SocketPath(d)); err == nil {
				return dialBoard(s, d, port)
			}
			parent := filepath.Dir(d)
			if parent == d {
				break
			}
			d = parent
		}
	}
	return nil
}

func dialBoard(s streams, dir, port string) *devserver.Client {
	c, err := devserver.Dial(dir)
	if err != nil {
		if !errors.Is(err, devserver.ErrNotRunning) {
			fmt.Fprintf(s.Err, "%s cannot use the devserver of %s (%v); opening the port directly\n", paint(s.Err, yellow, "warning:"), dir, err)
		}
		return nil
	}
	if c.Board() == "" || (port != "auto" && port != c.Board()) {
		c.Close()
		return nil
	}
	return c
}

// devserverDir is where to look for the devserver of avm flash's argument.
func devserverDir(args []string) string {
	if len(args) == 0 {
		return "."
	}
	if info, err := os.Stat(args[0]); err == nil && info.IsDir() {
		return args[0]
	}
	return filepath.Dir(args[0])
}

// flashThroughDevserver has the devserver that owns the board write the
// app, then shows the console through it with --monitor.
func flashThroughDevserver(ctx context.Context, s streams, c *devserver.Client, opts *flashOptions, job *flashJob, baudGiven bool) error {
	var need []string
	if job.image != nil {
		need = append(need, "--image")
	}
	if opts.erase {
		need = append(need, "--erase")
	}
	if job.haveOffset {
		need = append(need, "--offset")
	}
	if len(need) > 0 {
		return fmt.Errorf("the devserver of %s owns %s, and %s need the port itself: stop it first (avm dev stop)", c.Hello.Project, c.Board(), strings.Join(need, ", "))
	}
	if baudGiven || opts.chip != "auto" {
		fmt.Fprintf(s.Err, "%s --baud and --chip do not apply through the devserver\n", paint(s.Err, yellow, "warning:"))
	}
	fmt.Fprintf(s.Err, "Flashing through the devserver of %s, which owns %s…\n", c.Hello.Project, c.Board())
	ran, err := c.Flash(devserver.FlashRequest{Archive: job.app, Name: job.appName, Partition: opts.partition,
		Force: opts.force, NoReset: opts.noReset}, func(line string) { fmt.Fprintln(s.Err, line) })
	if err != nil {
		return err
	}
	fmt.Fprintf(s.Err, "%s %s\n", paint(s.Err, green, "done:"), ran)
	if !opts.monitor {
		return nil
	}
	c.Close()
	return monitorRun(ctx, s, &monitorOptions{port: c.Board(), baud: flasher.ROMBaud, noReset: true, dir: c.Hello.Project}, nil)
}

// devserverStopped tells a console stream that ended because the
// devserver stopped.
func devserverStopped(err error) bool { return errors.Is(err, io.EOF) }
