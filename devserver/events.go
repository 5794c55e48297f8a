package devserver

import (
	"sync"
	"time"
)

// Event is one thing that happened in the devserver, as sent to
// subscribers (and over the socket, as JSON: see the package doc).
type Event struct {
	Type string    `json:"type"` // see the Event* constants
	Time time.Time `json:"time"`
	// Build is set on EventBuild.
	Build *BuildReport `json:"build,omitempty"`
	// Text is the output of EventOutput, and the message of the others.
	Text string `json:"text,omitempty"`
	// Ran says what EventRun started: "restarted app (start: m)", "flashed /dev/ttyUSB0".
	Ran string `json:"ran,omitempty"`
	// Value is what the app's start/0 returned (EventExit), printed as
	// Erlang prints terms; Crashed tells it raised instead.
	Value   string `json:"value,omitempty"`
	Crashed bool   `json:"crashed,omitempty"`
	// Hint explains a crash the target caused: a call of a function the
	// target's AtomVM lacks (EventExit).
	Hint string `json:"hint,omitempty"`
	// Data is the raw bytes of EventConsole.
	Data []byte `json:"data,omitempty"`
}

// Event types.
const (
	EventBuilding = "building" // a change was seen; Text lists the files
	EventBuild    = "build"    // a build ended (with errors or not)
	EventRun      = "run"      // a good build was started locally or written to the board
	EventOutput   = "output"   // output of the app (or of the board's console)
	EventExit     = "exit"     // the app's start/0 returned or crashed
	EventError    = "error"    // running or deploying failed
	EventStopping = "stopping" // the devserver is shutting down
	// EventConsole carries raw bytes of the board's console, to console
	// subscribers only (subscribers of events get them as EventOutput
	// lines, with crash reports explained).
	EventConsole = "console"
)

// hub fans events out to subscribers. Each subscriber has its own
// unbounded queue, so that a slow one (a terminal, a socket) neither
// blocks the build nor loses output.
type hub struct {
	mu   sync.Mutex
	subs map[*subscription]bool
}

type subscription struct {
	mu     sync.Mutex
	queue  []Event
	notify chan struct{} // a token when queue becomes non-empty
}

func (h *hub) publish(e Event) {
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		s.mu.Lock()
		s.queue = append(s.queue, e)
		s.mu.Unlock()
		select {
		case s.notify <- struct{}{}:
		default:
		}
	}
}

// subscribe returns a channel of events from now on, and a function that
// ends the subscription and closes the channel.
func (h *hub) subscribe() (<-chan Event, func()) {
	s := &subscription{notify: make(chan struct{}, 1)}
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[*subscription]bool{}
	}
	h.subs[s] = true
	h.mu.Unlock()
	out := make(chan Event)
	done := make(chan struct{})
	go func() {
		defer close(out)
		for {
			s.mu.Lock()
			queue := s.queue
			s.queue = nil
			s.mu.Unlock()
			for _, e := range queue {
				select {
				case out <- e:
				case <-done:
					return
				}
			}
			select {
			case <-s.notify:
			case <-done:
				return
			}
		}
	}()
	var once sync.Once
	cancel := func() {
		once.Do(func() {
			h.mu.Lock()
			delete(h.subs, s)
			h.mu.Unlock()
			close(done)
		})
	}
	return out, cancel
}

// eventWriter turns writes (app output) into EventOutput events.
type eventWriter struct{ h *hub }

func (w eventWriter) Write(p []byte) (int, error) {
	w.h.publish(Event{Type: EventOutput, Text: string(p)})
	return len(p), nil
}
