package flasher

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/rom"
	"github.com/avmtool/avm/flasher/slip"
)

// Timeouts of the ROM loader (esptool's loader.py uses the same).
const (
	DefaultCommandTimeout = 3 * time.Second
	SyncTimeout           = 100 * time.Millisecond
	eraseTimeoutPerMB     = 40 * time.Second
	md5TimeoutPerMB       = 8 * time.Second
	blockAttempts         = 3
	pollInterval          = 50 * time.Millisecond
	// maxStrayReplies bounds how many unrelated replies (extra SYNC
	// answers, repeated errors) a command skips before giving up.
	maxStrayReplies = 100
)

// Loader talks to a chip whose ROM loader has answered SYNC.
type Loader struct {
	port    Port
	dec     slip.Decoder
	buf     []byte
	pending []byte // received bytes not yet fed to dec

	// Chip is the detected (or asserted) chip; nil before detection.
	Chip *chip.Chip
	// FlashID is the JEDEC id read with RDID; FlashSize the capacity it
	// encodes (4 MiB when the id is unknown, as esptool assumes).
	FlashID   uint32
	FlashSize uint32
	// Baud is the current line rate.
	Baud int

	opts Options
}

// NoReplyError is a command that got no valid answer in time.
type NoReplyError struct {
	Op      rom.Op
	Timeout time.Duration
	Noise   int // bytes received that were not protocol frames
}

func (e *NoReplyError) Error() string {
	msg := fmt.Sprintf("no reply to %v within %v", e.Op, e.Timeout)
	if e.Noise > 0 {
		msg += fmt.Sprintf(" (%d bytes of line noise received instead)", e.Noise)
	}
	return msg
}

func newLoader(port Port, opts Options) *Loader {
	return &Loader{port: port, Baud: ROMBaud, opts: opts, buf: make([]byte, 4096)}
}

// Port returns the underlying port, e.g. to hand it to a monitor.
func (l *Loader) Port() Port { return l.port }

// send writes one framed request.
func (l *Loader) send(op rom.Op, data []byte, checksum uint32) error {
	pkt := rom.Request{Op: op, Data: data, Checksum: checksum}.Encode()
	if l.opts.Trace != nil {
		l.opts.Trace(true, pkt)
	}
	if _, err := l.port.Write(slip.Encode(nil, pkt)); err != nil {
		return fmt.Errorf("write %v: %w", op, err)
	}
	return nil
}

// flushInput drops everything received so far.
func (l *Loader) flushInput() error {
	l.pending = l.pending[:0]
	l.dec.Reset()
	return l.port.ResetInputBuffer()
}

// readFrame returns the next SLIP frame that arrives before deadline, or
// nil when none does. It checks ctx between reads.
func (l *Loader) readFrame(ctx context.Context, deadline time.Time) ([]byte, error) {
	for {
		for i, b := range l.pending {
			frame, ferr := l.dec.Push(b)
			if ferr != nil || frame == nil {
				continue
			}
			out := append([]byte(nil), frame...)
			l.pending = append(l.pending[:0], l.pending[i+1:]...)
			if l.opts.Trace != nil {
				l.opts.Trace(false, out)
			}
			return out, nil
		}
		l.pending = l.pending[:0]
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		wait := time.Until(deadline)
		if wait <= 0 {
			return nil, nil
		}
		if err := l.port.SetReadTimeout(min(wait, pollInterval)); err != nil {
			return nil, err
		}
		n, err := l.port.Read(l.buf)
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		l.pending = append(l.pending, l.buf[:n]...)
	}
}

// command sends a request and waits for the reply with the same opcode.
func (l *Loader) command(ctx context.Context, op rom.Op, data []byte, checksum uint32, timeout time.Duration) (rom.Response, error) {
	if timeout == 0 {
		timeout = l.opts.commandTimeout()
	}
	noiseBefore := len(l.dec.Noise())
	if err := l.send(op, data, checksum); err != nil {
		return rom.Response{}, err
	}
	deadline := time.Now().Add(timeout)
	for range maxStrayReplies {
		frame, err := l.readFrame(ctx, deadline)
		if err != nil {
			return rom.Response{}, err
		}
		if frame == nil {
			return rom.Response{}, &NoReplyError{Op: op, Timeout: timeout, Noise: len(l.dec.Noise()) - noiseBefore}
		}
		r, err := rom.ParseResponse(frame, rom.StatusSizeROM)
		if err != nil {
			continue // garbled or foreign frame: keep listening
		}
		if r.Op != op {
			if r.Status != 0 && r.Error == rom.ErrInvalidMessage {
				// The ROM answers unknown commands with a burst of
				// "invalid message" replies; drop the rest of the burst.
				l.drain(ctx, 200*time.Millisecond)
				return r, &rom.StatusError{Op: op, Code: r.Error}
			}
			continue
		}
		if r.Status != 0 {
			if r.Error == rom.ErrInvalidMessage {
				l.drain(ctx, 200*time.Millisecond)
			}
			return r, &rom.StatusError{Op: op, Code: r.Error}
		}
		return r, nil
	}
	return rom.Response{}, fmt.Errorf("%v: no matching reply among %d received", op, maxStrayReplies)
}

// call runs a command that is safe to repeat, retrying when the reply is
// lost or the ROM saw a corrupted packet.
func (l *Loader) call(ctx context.Context, op rom.Op, data []byte, checksum uint32, timeout time.Duration) (rom.Response, error) {
	var (
		r   rom.Response
		err error
	)
	for range blockAttempts {
		r, err = l.command(ctx, op, data, checksum, timeout)
		var se *rom.StatusError
		var nre *NoReplyError
		if err == nil || ctx.Err() != nil || !(errors.As(err, &nre) || errors.As(err, &se) && se.Code == rom.ErrBadCRC) {
			return r, err
		}
		l.drain(ctx, 20*time.Millisecond)
	}
	return r, err
}

// drain reads and discards input until the line has been quiet for quiet.
func (l *Loader) drain(ctx context.Context, quiet time.Duration) {
	for {
		frame, err := l.readFrame(ctx, time.Now().Add(quiet))
		if err != nil || frame == nil {
			return
		}
	}
}

// isUnsupported reports whether err is the ROM rejecting an unknown command.
func isUnsupported(err error) bool {
	var se *rom.StatusError
	return errors.As(err, &se) && se.Unsupported()
}

// ReadReg reads a 32-bit register or memory word.
func (l *Loader) ReadReg(ctx context.Context, addr uint32) (uint32, error) {
	r, err := l.call(ctx, rom.ReadReg, rom.Words(addr), 0, 0)
	if err != nil {
		return 0, fmt.Errorf("read register 0x%08x: %w", addr, err)
	}
	return r.Value, nil
}

// WriteReg writes a 32-bit register.
func (l *Loader) WriteReg(ctx context.Context, addr, value uint32) error {
	if _, err := l.call(ctx, rom.WriteReg, rom.Words(addr, value, 0xFFFFFFFF, 0), 0, 0); err != nil {
		return fmt.Errorf("write register 0x%08x: %w", addr, err)
	}
	return nil
}
