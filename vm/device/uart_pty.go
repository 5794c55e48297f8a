package device

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/creack/pty"
	"golang.org/x/term"
)

// BridgePTY connects the named UART to a new pty in raw mode and returns
// the pty's path: a terminal (screen PATH 115200, picocom) or a program
// opened on it talks to the app as to the device's serial port. What the
// app writes comes out there; what is typed there arrives on the UART.
// The bridge ends with ctx.
func (b *Board) BridgePTY(ctx context.Context, name string) (string, error) {
	master, slave, err := pty.Open()
	if err != nil {
		return "", fmt.Errorf("uart %s: open a pty: %w", name, err)
	}
	if _, err := term.MakeRaw(int(slave.Fd())); err != nil {
		master.Close()
		slave.Close()
		return "", fmt.Errorf("uart %s: raw mode on %s: %w", name, slave.Name(), err)
	}
	u := b.UART(name)
	u.Bridge(master)
	go func() {
		<-ctx.Done()
		u.Bridge(nil)
		master.Close()
		slave.Close()
	}()
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			if n > 0 {
				u.Receive(append([]byte(nil), buf[:n]...))
			}
			if err != nil {
				if ctx.Err() != nil || errors.Is(err, os.ErrClosed) {
					return
				}
				// EIO while nothing has the terminal open: wait for a client.
				select {
				case <-ctx.Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}
	}()
	return slave.Name(), nil
}
