// Package monitor shows a board's serial console: it splits the stream
// into lines, optionally timestamps and logs them, recognises AtomVM crash
// reports and ESP-IDF aborts and prints them readably, stops when a line
// matches a pattern, and reopens the port when a USB device re-enumerates.
package monitor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Port is what the monitor reads from and writes to.
type Port interface {
	io.ReadWriter
	SetReadTimeout(time.Duration) error
	Close() error
}

// Monitor copies a console to Out.
type Monitor struct {
	Out io.Writer
	// Log, when set, receives every line (with timestamps when enabled).
	Log io.Writer
	// Timestamps prefixes lines with the time they arrived.
	Timestamps bool
	// ExitOn stops Run (with a nil error) after a line that matches.
	ExitOn *regexp.Regexp
	// Reopen, when set, is called to get the port back after a read fails
	// (the device disappeared); it should wait for the device to come back
	// and give up when ctx ends.
	Reopen func(ctx context.Context) (Port, error)
	// Notice receives the monitor's own messages (reconnecting…).
	Notice func(string)
	// Now is the clock (tests replace it).
	Now func() time.Time

	mu      sync.Mutex
	port    Port
	partial []byte
	crash   crashState
}

// ErrTimeout is returned by Run when ctx's deadline passes before ExitOn
// matched.
var ErrTimeout = errors.New("monitor: timed out")

// SetTimestamps turns timestamps on or off while Run runs.
func (m *Monitor) SetTimestamps(on bool) {
	m.mu.Lock()
	m.Timestamps = on
	m.mu.Unlock()
}

// SetLog changes the log writer while Run runs (nil stops logging).
func (m *Monitor) SetLog(w io.Writer) {
	m.mu.Lock()
	m.Log = w
	m.mu.Unlock()
}

// Send writes keyboard input to the board.
func (m *Monitor) Send(p []byte) error {
	m.mu.Lock()
	port := m.port
	m.mu.Unlock()
	if port == nil {
		return errors.New("monitor: not connected")
	}
	_, err := port.Write(p)
	return err
}

// Run shows the console of port until ctx ends or ExitOn matches.
func (m *Monitor) Run(ctx context.Context, port Port) error {
	if m.Now == nil {
		m.Now = time.Now
	}
	m.mu.Lock()
	m.port = port
	m.mu.Unlock()
	buf := make([]byte, 4096)
	for {
		if err := ctx.Err(); err != nil {
			m.flushPartial()
			if errors.Is(err, context.DeadlineExceeded) && m.ExitOn != nil {
				return ErrTimeout
			}
			return nil
		}
		port.SetReadTimeout(100 * time.Millisecond)
		n, err := port.Read(buf)
		if n > 0 && m.feed(buf[:n]) {
			return nil
		}
		if n == 0 && err == nil && len(m.partial) > 0 {
			// A prompt without a newline: show it rather than wait.
			m.flushPartial()
		}
		if err != nil {
			if ctx.Err() != nil {
				continue
			}
			if m.Reopen == nil {
				return fmt.Errorf("monitor: %w", err)
			}
			m.notice("device disconnected (%v); waiting for it to come back…", err)
			port.Close()
			np, rerr := m.Reopen(ctx)
			if rerr != nil {
				if ctx.Err() != nil {
					continue
				}
				return fmt.Errorf("monitor: %w", rerr)
			}
			port = np
			m.mu.Lock()
			m.port = port
			m.mu.Unlock()
			m.notice("reconnected")
		}
	}
}

func (m *Monitor) notice(format string, args ...any) {
	if m.Notice != nil {
		m.Notice(fmt.Sprintf(format, args...))
	}
}

// feed splits data into lines; it reports whether ExitOn matched.
func (m *Monitor) feed(data []byte) bool {
	m.partial = append(m.partial, data...)
	for {
		i := strings.IndexByte(string(m.partial), '\n')
		if i < 0 {
			return false
		}
		line := strings.TrimRight(string(m.partial[:i]), "\r")
		m.partial = m.partial[i+1:]
		if m.line(line) {
			return true
		}
	}
}

func (m *Monitor) flushPartial() {
	if len(m.partial) == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.Out.Write(m.partial)
	m.partial = m.partial[:0]
}

// line prints one complete line and reports whether ExitOn matched.
func (m *Monitor) line(line string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	prefix := ""
	if m.Timestamps {
		prefix = m.Now().Format("15:04:05.000") + " "
	}
	out := []string{line}
	if extra := m.crash.annotate(line); len(extra) > 0 {
		out = append(out, extra...)
	}
	for _, l := range out {
		fmt.Fprintf(m.Out, "%s%s\n", prefix, l)
		if m.Log != nil {
			fmt.Fprintf(m.Log, "%s%s\n", prefix, l)
		}
	}
	return m.ExitOn != nil && m.ExitOn.MatchString(line)
}

// Close closes the port the monitor is reading (the one Run was given, or
// the one Reopen returned).
func (m *Monitor) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.port == nil {
		return nil
	}
	err := m.port.Close()
	m.port = nil
	return err
}
