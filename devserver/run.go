package devserver

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
)

// A Runner runs each good build.
type Runner interface {
	// Run replaces what runs by the archive and says what it did.
	Run(ctx context.Context, archive []byte, rep *BuildReport) (string, error)
	// Close stops what runs.
	Close() error
}

// localRunner runs the app in a VM of this process, restarted on each
// build, as avm run would run it.
type localRunner struct {
	events     *hub
	schedulers int

	mu   sync.Mutex
	m    *vm.Machine
	done chan struct{} // closed when the current Run returns
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
	r.mu.Lock()
	defer r.mu.Unlock()
	verb := "started"
	if r.m != nil {
		r.stopLocked()
		verb = "restarted"
	}
	out := eventWriter{r.events}
	m := vm.New(vm.Options{Stdout: out, Stderr: out, Stdin: strings.NewReader(""), Schedulers: r.schedulers})
	m.AddArchive(rep.Archive, a)
	done := make(chan struct{})
	r.m, r.done = m, done
	start := s.Module()
	go func() {
		defer close(done)
		o, err := m.Run(start, "start")
		switch {
		case err != nil:
			r.events.publish(Event{Type: EventError, Text: err.Error()})
		case o.Reset != nil:
			// Stopped by the next build (Halt): not the app's doing.
		case o.Crashed():
			r.events.publish(Event{Type: EventExit, Crashed: true,
				Value: o.Heap.Format(o.Class) + ":" + o.Heap.FormatPrintable(o.Reason)})
		default:
			r.events.publish(Event{Type: EventExit, Value: o.Heap.FormatPrintable(o.Value)})
		}
	}()
	return fmt.Sprintf("%s the app (%s:start/0)", verb, start), nil
}

// stopLocked ends the running app and waits for its VM to finish.
func (r *localRunner) stopLocked() {
	if r.m == nil {
		return
	}
	r.m.Halt()
	<-r.done
	r.m, r.done = nil, nil
}

func (r *localRunner) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.stopLocked()
	return nil
}
