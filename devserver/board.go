package devserver

import (
	"context"
	"fmt"
	"sync"

	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/flasher/monitor"
)

// BoardOptions say how to reach the board for --port.
type BoardOptions struct {
	// Port is the open serial line; the devserver owns it from then on
	// and uses it for both flashing and the console, so that no other
	// program needs to open it.
	Port flasher.Port
	// Name names the port in messages.
	Name string
	// Partition is the label of the app partition (default main.avm).
	Partition string
	// Connect adjusts how the flasher connects (reset mode, USB-JTAG).
	Connect flasher.Options
}

// boardRunner flashes each good build into the board's app partition
// (skipping sectors that already hold it), resets the board, and shows
// its console until the next build.
type boardRunner struct {
	opts   BoardOptions
	events *hub

	mu      sync.Mutex
	target  *flasher.AppTarget // found once: the partition table does not change under avm dev
	stopMon context.CancelFunc
	monDone chan struct{}
}

func (r *boardRunner) Run(ctx context.Context, data []byte, rep *BuildReport) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopMonitorLocked()
	port := r.opts.Port
	if err := port.SetBaudrate(flasher.ROMBaud); err != nil {
		return "", fmt.Errorf("%s: %w", r.opts.Name, err)
	}
	copts := r.opts.Connect
	copts.Status = func(s string) { r.events.publish(Event{Type: EventOutput, Text: "avm: " + s + "\n"}) }
	l, err := flasher.Connect(ctx, port, copts)
	if err != nil {
		r.startMonitorLocked()
		return "", fmt.Errorf("%s: %w", r.opts.Name, err)
	}
	ran, err := r.flash(ctx, l, data, rep)
	if err != nil {
		// Leave the board running what it has, and keep showing it.
		l.HardReset(ctx)
		r.startMonitorLocked()
		return "", err
	}
	if err := l.HardReset(ctx); err != nil {
		return "", fmt.Errorf("%s: reset: %w", r.opts.Name, err)
	}
	r.startMonitorLocked()
	return ran, nil
}

// flash writes the archive into the app partition.
func (r *boardRunner) flash(ctx context.Context, l *flasher.Loader, data []byte, rep *BuildReport) (string, error) {
	if r.target == nil {
		label := r.opts.Partition
		if label == "" {
			label = "main.avm"
		}
		t, err := l.FindAppPartition(ctx, label)
		if err != nil {
			return "", fmt.Errorf("%s: %w", r.opts.Name, err)
		}
		if t.Note != "" {
			r.events.publish(Event{Type: EventOutput, Text: "avm: warning: " + t.Note + "\n"})
		}
		r.target = &t
	}
	p := r.target.Partition
	if uint32(len(data)) > p.Size {
		return "", fmt.Errorf("%s (%d bytes) does not fit partition %s (%d bytes at 0x%x)", rep.Archive, len(data), p.Label, p.Size, p.Offset)
	}
	res, err := l.WriteFlash(ctx, p.Offset, data, flasher.WriteOptions{})
	if err != nil {
		return "", fmt.Errorf("%s: writing 0x%x: %w", r.opts.Name, p.Offset, err)
	}
	if res.Skipped {
		return fmt.Sprintf("reset %s (partition %s already held this build)", r.opts.Name, p.Label), nil
	}
	return fmt.Sprintf("flashed %s: %d bytes at 0x%x (%s), reset", r.opts.Name, res.Size, p.Offset, p.Label), nil
}

// startMonitorLocked shows the console until the next flash.
func (r *boardRunner) startMonitorLocked() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	r.stopMon, r.monDone = cancel, done
	mon := &monitor.Monitor{Out: eventWriter{r.events},
		Notice: func(s string) { r.events.publish(Event{Type: EventOutput, Text: "avm: " + s + "\n"}) }}
	go func() {
		defer close(done)
		if err := mon.Run(ctx, r.opts.Port); err != nil {
			r.events.publish(Event{Type: EventError, Text: err.Error()})
		}
	}()
}

func (r *boardRunner) stopMonitorLocked() {
	if r.stopMon == nil {
		return
	}
	r.stopMon()
	<-r.monDone
	r.stopMon, r.monDone = nil, nil
}

func (r *boardRunner) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopMonitorLocked()
	return r.opts.Port.Close()
}
