package devserver

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/target"
	"github.com/avmtool/avm/vm"
)

// A Runner runs each good build.
type Runner interface {
	// Run replaces what runs by the archive and says what it did.
	Run(ctx context.Context, archive []byte, rep *BuildReport) (string, error)
	// Close stops what runs.
	Close() error
}

// localRunner runs the app in a VM of this process, as avm run runs it:
// on the target session's board, which outlives the app's runs (its NVS,
// pins and trace carry over), under the target's AtomVM and limits. Each
// build restarts the app or, with ReloadHot, gives the running app the new
// versions of the changed modules (reload.go); the app's own deep sleeps
// and restarts start it again on the same board, as avm run does.
type localRunner struct {
	events     *hub
	schedulers int
	reload     string // ReloadHot or ReloadRestart
	session    *target.Session

	mu      sync.Mutex
	clockOn bool    // the board's clock runs from the first start
	app     *appRun // the app as last started, nil before the first build
}

// appRun is the app as started by one build: the VM that runs it now,
// replaced by a new one on the same board after each deep sleep or
// esp:restart/0.
type appRun struct {
	file   string // the archive's name, as added to the VM
	start  string // the start module
	cancel context.CancelFunc
	done   chan struct{} // closed when the app has ended or was stopped

	// mu orders hot reloads with the VM's replacement: a reload either
	// reaches the running VM or sees that there is none.
	mu      sync.Mutex
	m       *vm.Machine       // nil while no VM runs (deep sleep, restarting)
	archive *packbeam.Archive // what the app runs, and runs again after a reset
}

func (r *localRunner) Run(ctx context.Context, data []byte, rep *BuildReport) (string, error) {
	a, err := packbeam.Read(rep.Archive, data)
	if err != nil {
		return "", err
	}
	s := a.Start()
	if s == nil {
		return "", fmt.Errorf("%s has no start module (no module exports start/0): nothing to run", rep.Archive)
	}
	if err := r.session.CheckArchive(rep.Archive, int64(len(data))); err != nil {
		return "", err
	}
	start := s.Module()
	r.mu.Lock()
	defer r.mu.Unlock()
	verb, why := "started", ""
	if r.app != nil {
		if r.reload == ReloadHot {
			ran, reason := r.app.hot(rep.Archive, a, start)
			if ran != "" {
				return ran, nil
			}
			if reason != "" {
				why = ": " + reason
			}
		}
		r.app.stop()
		verb = "restarted"
	}
	if !r.clockOn {
		r.session.Board.StartClock()
		r.clockOn = true
	}
	app := &appRun{file: rep.Archive, start: start, archive: a, done: make(chan struct{})}
	var appCtx context.Context
	appCtx, app.cancel = context.WithCancel(context.Background())
	r.app = app
	go r.runApp(appCtx, app)
	return fmt.Sprintf("%s the app (%s:start/0)%s", verb, start, why), nil
}

// runApp runs app until it ends, is stopped (ctx), or resets the board
// for good; after a deep sleep or a restart it starts again, told why
// (esp:reset_reason/0).
func (r *localRunner) runApp(ctx context.Context, app *appRun) {
	defer close(app.done)
	notice := func(s string) { r.events.publish(Event{Type: EventOutput, Text: "avm: " + s + "\n"}) }
	for woke := vm.ResetNone; ; {
		app.mu.Lock()
		if ctx.Err() != nil {
			app.mu.Unlock()
			return
		}
		m := r.newMachine(app.file, app.archive, woke)
		app.m = m
		app.mu.Unlock()

		o, err := m.Run(app.start, "start")
		app.mu.Lock()
		app.m = nil
		app.mu.Unlock()
		switch {
		case err != nil:
			r.events.publish(Event{Type: EventError, Text: err.Error()})
			return
		case o.Reset == nil && o.Crashed():
			r.events.publish(Event{Type: EventExit, Crashed: true,
				Value: o.Heap.Format(o.Class) + ":" + o.Heap.FormatPrintable(o.Reason), Hint: m.Hint(o)})
			return
		case o.Reset == nil:
			r.events.publish(Event{Type: EventExit, Value: o.Heap.FormatPrintable(o.Value)})
			return
		case o.Reset.Reason == vm.ResetStopped && ctx.Err() != nil:
			return // stopped by the next build or the devserver's end: not the app's doing
		case o.Reset.Reason == vm.ResetHalted:
			r.events.publish(Event{Type: EventExit, Value: fmt.Sprintf("halt(%d)", o.Reset.Status)})
			return
		}
		again, err := r.session.AfterReset(ctx, *o.Reset, notice)
		if !again {
			if err != nil && ctx.Err() == nil {
				r.events.publish(Event{Type: EventError, Text: err.Error()})
			}
			return
		}
		woke = o.Reset.Reason
	}
}

// newMachine makes the VM of one run of archive a (added as file) on the
// session's board.
func (r *localRunner) newMachine(file string, a *packbeam.Archive, woke vm.ResetReason) *vm.Machine {
	out := eventWriter{r.events}
	o := vm.Options{Stdout: out, Stderr: out, Stdin: strings.NewReader(""), Schedulers: r.schedulers}
	r.session.Configure(&o, target.ArchiveModules(a), woke)
	m := vm.New(o)
	m.AddArchive(file, a)
	r.session.Running(m)
	return m
}

// stop ends the app, whether a VM runs it or it waits out a deep sleep,
// and waits until it has.
func (a *appRun) stop() {
	a.cancel()
	a.mu.Lock()
	m := a.m
	a.mu.Unlock()
	if m != nil {
		m.Halt()
	}
	<-a.done
}

func (r *localRunner) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.app != nil {
		r.app.stop()
		r.app = nil
	}
	r.session.Close()
	return nil
}
