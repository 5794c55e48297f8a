package devserver

import (
	"errors"
	"io"
	"sync"
	"time"
)

// Console is the console of the board a devserver owns, read through the
// devserver: a serial port as far as a monitor is concerned (it is a
// monitor.Port). Reads give the board's raw output; writes type on the
// board; Reset resets it.
type Console struct {
	c      *Client
	notice func(string)

	data    chan []byte
	closed  chan struct{}
	ended   chan struct{} // the stream ended; err says how
	err     error
	pending []byte

	mu      sync.Mutex
	timeout time.Duration
	once    sync.Once
}

// Console turns the connection into a console stream (it serves nothing
// else from then on). notice, when not nil, receives the devserver's
// complaints about input or resets.
func (c *Client) Console(notice func(string)) (*Console, error) {
	if _, err := c.call("console"); err != nil {
		return nil, err
	}
	k := &Console{c: c, notice: notice, data: make(chan []byte), closed: make(chan struct{}), ended: make(chan struct{})}
	go k.receive()
	return k, nil
}

func (k *Console) receive() {
	defer close(k.ended)
	for {
		m, err := k.c.read()
		if err != nil {
			k.err = err
			return
		}
		if m.Event == nil {
			continue
		}
		switch m.Type {
		case EventConsole:
			select {
			case k.data <- m.Data:
			case <-k.closed:
				k.err = io.ErrClosedPipe
				return
			}
		case EventError:
			if k.notice != nil {
				k.notice(m.Text)
			}
		}
	}
}

// Read waits up to the read timeout for console output; like a serial
// port, it returns 0 and no error when none came. When the devserver
// stops, it returns io.EOF.
func (k *Console) Read(p []byte) (int, error) {
	if len(k.pending) == 0 {
		k.mu.Lock()
		d := k.timeout
		k.mu.Unlock()
		var timeout <-chan time.Time
		if d > 0 {
			t := time.NewTimer(d)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case b := <-k.data:
			k.pending = b
		case <-k.ended:
			if errors.Is(k.err, io.ErrClosedPipe) {
				return 0, k.err
			}
			return 0, io.EOF
		case <-timeout:
			return 0, nil
		}
	}
	n := copy(p, k.pending)
	k.pending = k.pending[n:]
	return n, nil
}

// Write types p on the board's console.
func (k *Console) Write(p []byte) (int, error) {
	req := struct {
		V    int    `json:"v"`
		Op   string `json:"op"`
		Data []byte `json:"data"`
	}{ProtocolVersion, "input", p}
	if err := k.c.sendJSON(req); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Reset asks the devserver to reset the board into its app.
func (k *Console) Reset() error { return k.c.send(wireMessage{Op: "reset"}) }

// SetReadTimeout sets how long Read waits for output (0: for ever).
func (k *Console) SetReadTimeout(d time.Duration) error {
	k.mu.Lock()
	k.timeout = d
	k.mu.Unlock()
	return nil
}

// Close ends the stream and the connection.
func (k *Console) Close() error {
	k.once.Do(func() { close(k.closed) })
	return k.c.Close()
}
