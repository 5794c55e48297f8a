package devserver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/avmtool/avm/project"
	"github.com/avmtool/avm/target"
)

// Options configure a Server.
type Options struct {
	// Dir is the project.
	Dir string
	// Build adjusts builds as avm build's flags do (Start, Target,
	// IncludeLines); Out and Stderr are ignored.
	Build project.BuildOptions
	// Board, when its Port is set, makes builds go to a board instead
	// of a local VM.
	Board BoardOptions
	// Schedulers for the local VM (0: one per CPU).
	Schedulers int
	// Target says what the local app runs as, as avm run's device flags
	// do: the target, its AtomVM, the board file, clock scale, NVS file…
	// The board is made once and kept while the devserver runs. Its Trace
	// and Log are ignored: TraceIO sends the board's trace as output events,
	// and the notices go to the events too. The default NVS file is the
	// project's _build/avm/nvs-TARGET.json.
	Target target.Options
	// TraceIO sends every pin change, bus transaction and UART byte of
	// the local board as an output event.
	TraceIO bool
	// Reload says how a local app takes a new build: ReloadHot (the
	// default) or ReloadRestart.
	Reload string
	// Debounce is how long the files must stay quiet before a build
	// (default 30 ms).
	Debounce time.Duration
	// CacheDir keeps the compiled compile server (default: the user's
	// cache directory, avm/dev).
	CacheDir string
}

// Server watches a project, rebuilds it on changes and runs or deploys
// each good build, while serving its status and events on a socket.
type Server struct {
	opts    Options
	dir     string
	events  hub
	console hub // the board's raw console, for console subscribers
	cs      *CompileServer
	builder *builder
	runner  Runner
	mode    string
	// notices are what opening the local board said (where its UARTs'
	// ptys are), told to the subscribers once Run starts.
	notices strings.Builder

	trigger chan struct{} // a build asked for over the socket
	needRun bool          // no build runs yet, or the last one failed to start
	mu      sync.Mutex
	status  Status
	stop    context.CancelFunc
}

// Status is what avm dev status shows.
type Status struct {
	Protocol int    `json:"protocol"`
	PID      int    `json:"pid"`
	Project  string `json:"project"`
	Mode     string `json:"mode"` // "local" or "board PORT"
	// Port is the serial port the devserver owns, in board mode.
	Port string `json:"port,omitempty"`
	// Target is what the local app runs as (esp32, generic_unix…), in
	// local mode.
	Target  string    `json:"target,omitempty"`
	Started time.Time `json:"started"`
	Builds  int       `json:"builds"`
	// LastBuild is the last build's report, LastGood the time of the
	// last one that ran.
	LastBuild *BuildReport `json:"last_build,omitempty"`
	LastGood  time.Time    `json:"last_good,omitempty"`
	// Ran is what the last good build did ("restarted the app …").
	Ran                   string `json:"ran,omitempty"`
	CompileServerRestarts int    `json:"compile_server_restarts"`
	// HeapBytes is the Go heap in use by the devserver (and its VM).
	HeapBytes uint64 `json:"heap_bytes"`
}

// New prepares a devserver for the project in opts.Dir; Run starts it.
func New(opts Options) (*Server, error) {
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	if _, err := project.Detect(dir); err != nil {
		return nil, err
	}
	switch opts.Reload {
	case "":
		opts.Reload = ReloadHot
	case ReloadHot, ReloadRestart:
	default:
		return nil, fmt.Errorf("reload mode %q: want %s or %s", opts.Reload, ReloadHot, ReloadRestart)
	}
	if opts.Debounce <= 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	if opts.CacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			base = os.TempDir()
		}
		opts.CacheDir = filepath.Join(base, "avm", "dev")
	}
	s := &Server{opts: opts, dir: dir, trigger: make(chan struct{}, 1), needRun: true}
	var runsAs string // the target of the local app
	s.cs = NewCompileServer(opts.CacheDir)
	s.builder = newBuilder(dir, opts.Build, s.cs)
	if opts.Board.Port != nil {
		s.runner = &boardRunner{opts: opts.Board, events: &s.events, console: &s.console}
		s.mode = "board " + opts.Board.Name
	} else {
		to := opts.Target
		to.Log, to.Trace = &s.notices, nil
		if opts.TraceIO {
			to.Trace = eventWriter{&s.events}
		}
		if to.StateDir == "" {
			to.StateDir = filepath.Join(dir, "_build", "avm")
		}
		session, err := target.Open(dir, to)
		if err != nil {
			return nil, err
		}
		s.runner = &localRunner{events: &s.events, schedulers: opts.Schedulers, reload: opts.Reload, session: session}
		s.mode, runsAs = "local", session.Profile.Target
	}
	s.status = Status{Protocol: ProtocolVersion, PID: os.Getpid(), Project: dir, Mode: s.mode, Target: runsAs, Started: time.Now()}
	if opts.Board.Port != nil {
		s.status.Port = opts.Board.Name
	}
	return s, nil
}

// Subscribe returns the events from now on; cancel ends the subscription.
func (s *Server) Subscribe() (events <-chan Event, cancel func()) { return s.events.subscribe() }

// Status returns the current status.
func (s *Server) Status() Status {
	s.mu.Lock()
	st := s.status
	s.mu.Unlock()
	st.CompileServerRestarts = s.cs.Restarts()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	st.HeapBytes = ms.HeapInuse
	return st
}

// Rebuild asks for a build now, as a change would.
func (s *Server) Rebuild() {
	select {
	case s.trigger <- struct{}{}:
	default:
	}
}

// Stop ends Run.
func (s *Server) Stop() {
	s.mu.Lock()
	stop := s.stop
	s.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// Run builds and runs the project, then rebuilds on every change until
// ctx ends or Stop is called. It serves the socket when listen is true.
func (s *Server) Run(ctx context.Context, listen bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.stop = cancel
	s.mu.Unlock()
	if listen {
		l, err := listenSocket(s.dir)
		if err != nil {
			s.runner.Close()
			return err
		}
		// Clients are let go last, once the app and the compile server
		// have stopped: avm dev stop returns when all is done.
		serving, stopServing := context.WithCancel(context.Background())
		served := make(chan struct{})
		go func() {
			s.serve(serving, l)
			close(served)
		}()
		defer func() {
			stopServing()
			<-served
		}()
	}
	defer s.cs.Close()
	defer s.runner.Close()
	p, err := project.Detect(s.dir)
	if err != nil {
		return err
	}
	w, err := newWatcher(p.WatchPaths(), s.opts.Debounce)
	if err != nil {
		return fmt.Errorf("watching %s: %w", s.dir, err)
	}
	go w.run(ctx)

	if s.notices.Len() > 0 {
		s.events.publish(Event{Type: EventOutput, Text: s.notices.String()})
	}
	s.buildAndRun(ctx, nil)
	for {
		select {
		case <-ctx.Done():
			s.events.publish(Event{Type: EventStopping})
			return nil
		case err := <-w.errs:
			s.events.publish(Event{Type: EventError, Text: "watching: " + err.Error()})
		case batch := <-w.batches:
			if configChanged(s.dir, batch) {
				// New source directories may be watched now.
				if p, err := project.Detect(s.dir); err == nil {
					for _, path := range p.WatchPaths() {
						if info, err := os.Stat(path); err == nil && info.IsDir() {
							w.addTree(path)
						}
					}
				}
			}
			s.buildAndRun(ctx, batch)
		case <-s.trigger:
			s.buildAndRun(ctx, nil)
		}
	}
}

func (s *Server) buildAndRun(ctx context.Context, changed []string) {
	var names []string
	for _, c := range changed {
		if rel, err := filepath.Rel(s.dir, c); err == nil {
			c = rel
		}
		names = append(names, c)
	}
	sort.Strings(names)
	s.events.publish(Event{Type: EventBuilding, Text: strings.Join(names, " ")})
	rep, data := s.builder.build(ctx)
	if ctx.Err() != nil {
		return
	}
	s.mu.Lock()
	s.status.Builds++
	s.status.LastBuild = rep
	s.mu.Unlock()
	s.events.publish(Event{Type: EventBuild, Build: rep})
	if data == nil || (!rep.Changed && !s.needRun) {
		return // errors keep the last good build running; or nothing changed
	}
	ran, err := s.runner.Run(ctx, data, rep)
	s.needRun = err != nil
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			s.events.publish(Event{Type: EventError, Text: err.Error()})
		}
		return
	}
	s.mu.Lock()
	s.status.LastGood, s.status.Ran = rep.Time, ran
	s.mu.Unlock()
	s.events.publish(Event{Type: EventRun, Ran: ran})
}

// configChanged tells whether a batch touches the project's configuration.
func configChanged(dir string, batch []string) bool {
	for _, p := range batch {
		if filepath.Dir(p) == dir {
			switch filepath.Base(p) {
			case "rebar.config", "rebar.config.script", "mix.exs":
				return true
			}
		}
	}
	return false
}
