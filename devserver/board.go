package devserver

import (
	"context"
	"fmt"
	"sync"
	"time"

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
// its console until the next build. Clients of the socket share the port
// through it: their flash requests go the same way, and the console's raw
// bytes go to console subscribers as well.
type boardRunner struct {
	opts    BoardOptions
	events  *hub
	console *hub // raw console bytes (Event.Data)

	mu      sync.Mutex
	target  *flasher.AppTarget // found once: the partition table does not change under avm dev
	stopMon context.CancelFunc
	monDone chan struct{}
}

// deployOptions adjust one deployment.
type deployOptions struct {
	partition string // label of the partition (default: the configured one)
	force     bool   // write even when the partition holds the data
	noReset   bool   // leave the board in its loader
	status    func(string)
}

func (r *boardRunner) Run(ctx context.Context, data []byte, rep *BuildReport) (string, error) {
	return r.deploy(ctx, data, rep.Archive, deployOptions{})
}

// deploy writes archive data (named name in messages) into the app
// partition, resets the board and shows its console again.
func (r *boardRunner) deploy(ctx context.Context, data []byte, name string, o deployOptions) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopMonitorLocked()
	defer r.startMonitorLocked()
	status := func(s string) {
		r.events.publish(Event{Type: EventOutput, Text: "avm: " + s + "\n"})
		if o.status != nil {
			o.status(s)
		}
	}
	port := r.opts.Port
	if err := port.SetBaudrate(flasher.ROMBaud); err != nil {
		return "", fmt.Errorf("%s: %w", r.opts.Name, err)
	}
	copts := r.opts.Connect
	copts.Status = status
	l, err := flasher.Connect(ctx, port, copts)
	if err != nil {
		return "", fmt.Errorf("%s: %w", r.opts.Name, err)
	}
	ran, err := r.flash(ctx, l, data, name, o, status)
	if err != nil {
		// Leave the board running what it has, and keep showing it.
		l.HardReset(ctx)
		return "", err
	}
	if o.noReset {
		return ran + " (left in its loader)", nil
	}
	if err := l.HardReset(ctx); err != nil {
		return "", fmt.Errorf("%s: reset: %w", r.opts.Name, err)
	}
	return ran + ", reset", nil
}

// flash writes the archive into the app partition.
func (r *boardRunner) flash(ctx context.Context, l *flasher.Loader, data []byte, name string, o deployOptions, status func(string)) (string, error) {
	label := r.opts.Partition
	if label == "" {
		label = "main.avm"
	}
	var t *flasher.AppTarget
	switch {
	case o.partition != "" && o.partition != label:
		found, err := l.FindAppPartition(ctx, o.partition)
		if err != nil {
			return "", fmt.Errorf("%s: %w", r.opts.Name, err)
		}
		t = &found
	case r.target != nil:
		t = r.target
	default:
		found, err := l.FindAppPartition(ctx, label)
		if err != nil {
			return "", fmt.Errorf("%s: %w", r.opts.Name, err)
		}
		r.target, t = &found, &found
	}
	if t.Note != "" {
		status("warning: " + t.Note)
	}
	p := t.Partition
	if uint32(len(data)) > p.Size {
		return "", fmt.Errorf("%s (%d bytes) does not fit partition %s (%d bytes at 0x%x)", name, len(data), p.Label, p.Size, p.Offset)
	}
	res, err := l.WriteFlash(ctx, p.Offset, data, flasher.WriteOptions{Force: o.force})
	if err != nil {
		return "", fmt.Errorf("%s: writing 0x%x: %w", r.opts.Name, p.Offset, err)
	}
	if res.Skipped {
		return fmt.Sprintf("%s: partition %s already held %s", r.opts.Name, p.Label, name), nil
	}
	return fmt.Sprintf("flashed %s: %d bytes at 0x%x (%s)", r.opts.Name, res.Size, p.Offset, p.Label), nil
}

// input types data on the board's console.
func (r *boardRunner) input(data []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopMon == nil {
		return fmt.Errorf("%s: the console is not open (flashing)", r.opts.Name)
	}
	_, err := r.opts.Port.Write(data)
	return err
}

// reset restarts the board into its app by pulsing EN through RTS, as
// avm monitor does when it attaches.
func (r *boardRunner) reset(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	port := r.opts.Port
	if err := port.SetDTR(false); err != nil {
		return err
	}
	if err := port.SetRTS(true); err != nil {
		return err
	}
	select {
	case <-time.After(100 * time.Millisecond):
	case <-ctx.Done():
	}
	return port.SetRTS(false)
}

// teePort hands what the monitor reads to the console subscribers too.
type teePort struct {
	flasher.Port
	console *hub
}

func (t teePort) Read(p []byte) (int, error) {
	n, err := t.Port.Read(p)
	if n > 0 {
		t.console.publish(Event{Type: EventConsole, Data: append([]byte(nil), p[:n]...)})
	}
	return n, err
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
		if err := mon.Run(ctx, teePort{r.opts.Port, r.console}); err != nil {
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
