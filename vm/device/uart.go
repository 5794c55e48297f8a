package device

import (
	"fmt"
	"io"
	"sync"
)

// UART is a serial port of the board. What the app writes goes to the
// wire (a loopback returns it; a bridge forwards it to a pty or a
// program); what arrives waits in a buffer for uart:read.
type UART struct {
	name  string
	board *Board

	mu     sync.Mutex
	rx     []byte
	wire   io.Writer // nil: loopback
	notify chan struct{}
}

// UART returns the named port ("UART0", "UART1"…), made on first use as a
// loopback unless the board file bridged it.
func (b *Board) UART(name string) *UART {
	b.mu.Lock()
	defer b.mu.Unlock()
	u := b.uarts[name]
	if u == nil {
		u = &UART{name: name, board: b, notify: make(chan struct{}, 1)}
		b.uarts[name] = u
	}
	return u
}

// Bridge connects the port to w (what the app writes goes there); Receive
// feeds bytes coming from the other side.
func (u *UART) Bridge(w io.Writer) {
	u.mu.Lock()
	u.wire = w
	u.mu.Unlock()
}

// Write sends bytes from the app.
func (u *UART) Write(data []byte) error {
	u.board.mu.Lock()
	u.board.tracef("uart %s tx %q", u.name, data)
	u.board.mu.Unlock()
	u.mu.Lock()
	w := u.wire
	u.mu.Unlock()
	if w == nil {
		u.Receive(data)
		return nil
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("uart %s: %w", u.name, err)
	}
	return nil
}

// Receive queues bytes arriving from the wire.
func (u *UART) Receive(data []byte) {
	u.board.mu.Lock()
	u.board.tracef("uart %s rx %q", u.name, data)
	u.board.mu.Unlock()
	u.mu.Lock()
	u.rx = append(u.rx, data...)
	u.mu.Unlock()
	select {
	case u.notify <- struct{}{}:
	default:
	}
}

// Take returns and removes what has arrived (nil when nothing has).
func (u *UART) Take() []byte {
	u.mu.Lock()
	defer u.mu.Unlock()
	data := u.rx
	u.rx = nil
	return data
}

// Arrived is signalled when bytes arrive.
func (u *UART) Arrived() <-chan struct{} { return u.notify }
