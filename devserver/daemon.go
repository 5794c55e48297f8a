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
	Status *Status `json:"status,omitempty"`
}

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
	in.Buffer(make([]byte, 4096), 1<<20)
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
		default:
			send(wireMessage{Event: &Event{Type: EventError, Text: fmt.Sprintf("unknown op %q: want status, build, stop or subscribe", req.Op)}})
		}
	}
}

// Client talks to a running devserver.
type Client struct {
	conn net.Conn
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

// call sends a request and reads its reply.
func (c *Client) call(op string) (wireMessage, error) {
	if err := json.NewEncoder(c.conn).Encode(wireMessage{V: ProtocolVersion, Op: op}); err != nil {
		return wireMessage{}, err
	}
	m, err := c.read()
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
