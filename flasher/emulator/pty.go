package emulator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"
)

// PTY is a Device served on a pseudo-terminal.
type PTY struct {
	// Path is the terminal a client opens, like /dev/pts/3.
	Path   string
	master *os.File
	slave  *os.File
	wg     sync.WaitGroup
	cancel context.CancelFunc
}

// ServePTY serves d on a new pty until ctx ends or Close is called. d
// should be made with NoModemLines, since a pty carries none.
func ServePTY(ctx context.Context, d *Device) (*PTY, error) {
	master, slave, err := pty.Open()
	if err != nil {
		return nil, fmt.Errorf("emulator: open pty: %w", err)
	}
	// Raw mode: no echo and no newline translation before the client
	// configures the terminal itself.
	if _, err := term.MakeRaw(int(slave.Fd())); err != nil {
		master.Close()
		slave.Close()
		return nil, fmt.Errorf("emulator: raw mode on %s: %w", slave.Name(), err)
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &PTY{Path: slave.Name(), master: master, slave: slave, cancel: cancel}
	p.wg.Add(2)
	go func() { // host → chip
		defer p.wg.Done()
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				d.Write(buf[:n])
			}
			if err != nil {
				if ctx.Err() != nil || errors.Is(err, os.ErrClosed) {
					return
				}
				// EIO while no client has the terminal open: wait.
				select {
				case <-ctx.Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}
	}()
	go func() { // chip → host
		defer p.wg.Done()
		buf := make([]byte, 4096)
		d.SetReadTimeout(50 * time.Millisecond)
		for ctx.Err() == nil {
			n, err := d.Read(buf)
			if err != nil {
				return
			}
			if n > 0 {
				if _, err := master.Write(buf[:n]); err != nil && ctx.Err() == nil {
					time.Sleep(20 * time.Millisecond)
				}
			}
		}
	}()
	return p, nil
}

// Close stops serving and releases the pty.
func (p *PTY) Close() error {
	p.cancel()
	// Closing the master unblocks the reader goroutine.
	err := p.master.Close()
	p.slave.Close()
	p.wg.Wait()
	return err
}
