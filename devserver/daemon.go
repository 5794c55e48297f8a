package devserver

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/avmtool/avm/project"
)

// ProtocolVersion is the version of the socket protocol (see the package
// doc). A change that old clients cannot read increments it.
const ProtocolVersion = 1

// SocketPath is where the devserver of the project in dir listens.
func SocketPath(dir string) string { return filepath.Join(dir, project.BuildDir, "dev.sock") }

// maxSocketPath is the room for a Unix socket's path (sun_path less its
// NUL) on the smallest of Linux (108) and the BSDs and macOS (104).
const maxSocketPath = 103

// ErrRunning says a devserver already serves the project.
var ErrRunning = errors.New("a devserver already runs for this project")

// ErrNotRunning says no devserver serves the project.
var ErrNotRunning = errors.New("no devserver runs for this project (start one with avm dev)")

// wireMessage is one line of the protocol, in either direction.
type wireMessage struct {
	V  int    `json:"v"`
	Op string `json:"op,omitempty"` // requests
	*Event
	Status *Status       `json:"status,omitempty"`
	Flash  *FlashRequest `json:"flash,omitempty"`
}

// FlashRequest asks the devserver to write an archive to the board whose
// port it owns, as avm flash would.
type FlashRequest struct {
	Archive []byte `json:"archive"` // the .avm archive
	Name    string `json:"name"`    // names it in messages
	// Partition is the label of the app partition (default: the
	// devserver's).
	Partition string `json:"partition,omitempty"`
	// Force writes even when the partition already holds the archive.
	Force bool `json:"force,omitempty"`
	// NoReset leaves the board in its loader.
	NoReset bool `json:"no_reset,omitempty"`
}

// maxRequest is the longest request line: a flash request carries a
// whole archive, in base64.
const maxRequest = 64 << 20

// socketListener is the devserver's socket and the lock that makes it the
// project's only one.
type socketListener struct {
	net.Listener
	path string
	lock *os.File
}

func (l *socketListener) Close() error {
	os.Remove(l.path)
	err := l.Listener.Close()
	l.lock.Close()
	return err
}

// listenSocket creates the project's socket, readable and writable by its
// owner only, or fails with ErrRunning.
func listenSocket(dir string) (*socketListener, error) {
	path := SocketPath(dir)
	tmp := fmt.Sprintf("%s.%d", path, os.Getpid())
	if len(tmp) > maxSocketPath {
		return nil, fmt.Errorf("cannot create the devserver's socket %s: the path is %d bytes long and Unix sockets allow %d; move the project to a shorter path", path, len(tmp), maxSocketPath)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	// The lock, held while the devserver lives, tells a live devserver
	// from a socket left by one that was killed.
	lock, err := os.OpenFile(filepath.Join(filepath.Dir(path), "dev.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrRunning
		}
		return nil, fmt.Errorf("locking %s: %w", lock.Name(), err)
	}
	os.Remove(path) // left by a devserver that was killed
	os.Remove(tmp)
	// Listen on a temporary name, restrict it, then move it in place:
	// the socket is never reachable with a wider mode.
	l, err := net.Listen("unix", tmp)
	if err != nil {
		lock.Close()
		return nil, err
	}
	l.(*net.UnixListener).SetUnlinkOnClose(false)
	if err := os.Chmod(tmp, 0o600); err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		l.Close()
		os.Remove(tmp)
		lock.Close()
		return nil, err
	}
	return &socketListener{Listener: l, path: path, lock: lock}, nil
}

// serve answers clients until ctx ends.
func (s *Server) serve(ctx context.Context, l net.Listener) {
	var (
		mu    sync.Mutex
		conns = map[net.Conn]bool{}
	)
	go func() {
		<-ctx.Done()
		l.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
	}()
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		mu.Lock()
		if ctx.Err() != nil {
			mu.Unlock()
			c.Close()
			return
		}
		conns[c] = true
		mu.Unlock()
		go func() {
			s.serveConn(ctx, c)
			mu.Lock()
			delete(conns, c)
			mu.Unlock()
			c.Close()
		}()
	}
}

func (s *Server) serveConn(ctx context.Context, c net.Conn) {
	var wmu sync.Mutex
	enc := json.NewEncoder(c)
	send := func(m wireMessage) error {
		m.V = ProtocolVersion
		wmu.Lock()
		defer wmu.Unlock()
		return enc.Encode(m)
	}
	st := s.Status()
	if send(wireMessage{Event: &Event{Type: "hello"}, Status: &st}) != nil {
		return
	}
	in := bufio.NewScanner(c)
	in.Buffer(make([]byte, 4096), maxRequest)
	board, _ := s.runner.(*boardRunner)
	noBoard := func() {
		send(wireMessage{Event: &Event{Type: EventError, Text: "this devserver runs the app locally: it owns no board port (start it with avm dev --port)"}})
	}
	for in.Scan() {
		var req wireMessage
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			send(wireMessage{Event: &Event{Type: EventError, Text: "bad request: " + err.Error()}})
			continue
		}
		if req.V != ProtocolVersion {
			send(wireMessage{Event: &Event{Type: EventError, Text: fmt.Sprintf("protocol version %d not supported: this devserver speaks %d", req.V, ProtocolVersion)}})
			continue
		}
		switch req.Op {
		case "status":
			st := s.Status()
			send(wireMessage{Event: &Event{Type: "status"}, Status: &st})
		case "build":
			s.Rebuild()
			send(wireMessage{Event: &Event{Type: "ok"}})
		case "stop":
			send(wireMessage{Event: &Event{Type: "ok"}})
			s.Stop()
		case "subscribe":
			events, cancel := s.Subscribe()
			send(wireMessage{Event: &Event{Type: "ok"}})
			// The client says nothing more; its closing ends the stream.
			go func() {
				io.Copy(io.Discard, c)
				cancel()
			}()
			for e := range events {
				if send(wireMessage{Event: &e}) != nil {
					cancel()
				}
			}
			return
		case "flash":
			if board == nil {
				noBoard()
				continue
			}
			if req.Flash == nil || len(req.Flash.Archive) == 0 {
				send(wireMessage{Event: &Event{Type: EventError, Text: "flash: the request has no archive"}})
				continue
			}
			f := req.Flash
			ran, err := board.deploy(ctx, f.Archive, f.Name, deployOptions{partition: f.Partition, force: f.Force, noReset: f.NoReset,
				status: func(text string) { send(wireMessage{Event: &Event{Type: EventOutput, Text: text}}) }})
			if err != nil {
				send(wireMessage{Event: &Event{Type: EventError, Text: err.Error()}})
				continue
			}
			s.events.publish(Event{Type: EventRun, Ran: ran + " (avm flash)"})
			send(wireMessage{Event: &Event{Type: "ok", Ran: ran}})
		case "reset":
			if board == nil {
				noBoard()
				continue
			}
			if err := board.reset(ctx); err != nil {
				send(wireMessage{Event: &Event{Type: EventError, Text: fmt.Sprintf("reset %s: %v", board.opts.Name, err)}})
				continue
			}
			send(wireMessage{Event: &Event{Type: "ok"}})
		case "console":
			if board == nil {
				noBoard()
				continue
			}
			s.streamConsole(ctx, board, in, send)
			return
		default:
			send(wireMessage{Event: &Event{Type: EventError, Text: fmt.Sprintf("unknown op %q: want status, build, stop, subscribe, flash, reset or console", req.Op)}})
		}
	}
}

// streamConsole sends the board's raw console to a client until it closes
// the connection, taking its input and reset requests meanwhile.
func (s *Server) streamConsole(ctx context.Context, board *boardRunner, in *bufio.Scanner, send func(wireMessage) error) {
	events, cancel := s.console.subscribe()
	defer cancel()
	send(wireMessage{Event: &Event{Type: "ok"}})
	go func() {
		defer cancel()
		for in.Scan() {
			var req wireMessage
			if err := json.Unmarshal(in.Bytes(), &req); err != nil || req.V != ProtocolVersion {
				send(wireMessage{Event: &Event{Type: EventError, Text: "bad request on a console stream: want input or reset, in protocol 1"}})
				continue
			}
			var err error
			switch req.Op {
			case "input":
				if req.Event != nil {
					err = board.input(req.Data)
				}
			case "reset":
				err = board.reset(ctx)
			default:
				err = fmt.Errorf("op %q on a console stream: want input or reset", req.Op)
			}
			if err != nil {
				send(wireMessage{Event: &Event{Type: EventError, Text: err.Error()}})
			}
		}
	}()
	for e := range events {
		if send(wireMessage{Event: &e}) != nil {
			return
		}
	}
}

// Client talks to a running devserver.
type Client struct {
	conn net.Conn
	wmu  sync.Mutex // one request at a time on the connection
	in   *bufio.Scanner
	// Hello is the devserver's status when the client connected.
	Hello Status
}

// Dial connects to the devserver of the project in dir; it fails with
// ErrNotRunning when there is none.
func Dial(dir string) (*Client, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	c, err := net.Dial("unix", SocketPath(abs))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ECONNREFUSED) {
			return nil, ErrNotRunning
		}
		return nil, fmt.Errorf("connecting to the devserver: %w", err)
	}
	cl := &Client{conn: c, in: bufio.NewScanner(c)}
	cl.in.Buffer(make([]byte, 4096), 16<<20)
	m, err := cl.read()
	if err != nil {
		c.Close()
		return nil, err
	}
	if m.Event == nil || m.Type != "hello" || m.Status == nil {
		c.Close()
		return nil, fmt.Errorf("the devserver at %s did not greet (protocol %d)", SocketPath(abs), m.V)
	}
	cl.Hello = *m.Status
	return cl, nil
}

func (c *Client) read() (wireMessage, error) {
	if !c.in.Scan() {
		if err := c.in.Err(); err != nil {
			return wireMessage{}, err
		}
		return wireMessage{}, io.EOF
	}
	var m wireMessage
	if err := json.Unmarshal(c.in.Bytes(), &m); err != nil {
		return m, fmt.Errorf("bad message from the devserver: %w", err)
	}
	if m.V != ProtocolVersion {
		return m, fmt.Errorf("the devserver speaks protocol %d, this avm %d: stop it (avm dev stop) and start it again", m.V, ProtocolVersion)
	}
	return m, nil
}

// send writes a request.
func (c *Client) send(m wireMessage) error {
	m.V = ProtocolVersion
	return c.sendJSON(m)
}

func (c *Client) sendJSON(m any) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return json.NewEncoder(c.conn).Encode(m)
}

// call sends a request and reads its reply.
func (c *Client) call(op string) (wireMessage, error) {
	return c.request(wireMessage{Op: op}, nil)
}

// request sends a request and reads its reply, handing the output
// messages before it to output.
func (c *Client) request(req wireMessage, output func(string)) (wireMessage, error) {
	if err := c.send(req); err != nil {
		return wireMessage{}, err
	}
	m, err := c.read()
	for err == nil && m.Event != nil && m.Type == EventOutput {
		if output != nil {
			output(m.Text)
		}
		m, err = c.read()
	}
	if err != nil {
		return m, err
	}
	if m.Event != nil && m.Type == EventError {
		return m, errors.New(m.Text)
	}
	return m, nil
}

// Status asks for the devserver's status.
func (c *Client) Status() (Status, error) {
	m, err := c.call("status")
	if err != nil {
		return Status{}, err
	}
	if m.Status == nil {
		return Status{}, errors.New("the devserver sent no status")
	}
	return *m.Status, nil
}

// Rebuild asks for a build now.
func (c *Client) Rebuild() error {
	_, err := c.call("build")
	return err
}

// Stop asks the devserver to stop and waits until it has stopped running
// the app and closed the connection.
func (c *Client) Stop() error {
	if _, err := c.call("stop"); err != nil {
		return err
	}
	for {
		if _, err := c.read(); err != nil {
			return nil
		}
	}
}

// Subscribe asks for the devserver's events; ReadEvents then reads them.
func (c *Client) Subscribe() error {
	_, err := c.call("subscribe")
	return err
}

// ReadEvents calls fn for every event, after Subscribe, until the
// devserver stops (nil), ctx ends (nil) or the connection fails.
func (c *Client) ReadEvents(ctx context.Context, fn func(Event)) error {
	stop := context.AfterFunc(ctx, func() { c.conn.Close() })
	defer stop()
	for {
		m, err := c.read()
		if err != nil {
			if errors.Is(err, io.EOF) || ctx.Err() != nil {
				return nil
			}
			return err
		}
		if m.Event != nil {
			fn(*m.Event)
		}
	}
}

// Close ends the connection.
func (c *Client) Close() error { return c.conn.Close() }

// Board returns the port of the board the devserver owns, or "" when it
// runs the app locally.
func (c *Client) Board() string { return c.Hello.Port }

// Flash writes an archive to the devserver's board and says what it did;
// status receives its progress messages.
func (c *Client) Flash(req FlashRequest, status func(string)) (string, error) {
	m, err := c.request(wireMessage{Op: "flash", Flash: &req}, status)
	if err != nil {
		return "", err
	}
	return m.Ran, nil
}

// Reset resets the devserver's board into its app.
func (c *Client) Reset() error {
	_, err := c.call("reset")
	return err
}
