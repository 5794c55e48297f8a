package device

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"time"
)

// Board control: a line protocol to drive the board from outside, from a
// script file (avm run --board-script) or a Unix socket (--board-control):
//
//	press PIN            a board-file button is pressed (drives its level)
//	release PIN          … and released
//	set PIN high|low     drive a pin's level from outside
//	float PIN            stop driving it
//	i2c ADDR REG HEX     set registers of the register device at ADDR
//	uart NAME TEXT       bytes arrive on a UART (TEXT may be a Go-quoted string)
//	wait DURATION        pause, in board time (1500ms, 2s), scripts only
//	await interrupt PIN  pause until the app listens for PIN's interrupts
//	                     (at most 10 s), so a script presses a button only
//	                     once the app can see it
//	# …                  a comment
const controlHelp = "commands: press PIN, release PIN, set PIN high|low, float PIN, i2c ADDR REG HEX, uart NAME TEXT, wait DURATION, await interrupt PIN"

// awaitLimit bounds await, in real time.
const awaitLimit = 10 * time.Second

// Exec carries out one control command.
func (b *Board) Exec(ctx context.Context, line string) error {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	f := strings.Fields(line)
	need := func(n int) error {
		if len(f) < n {
			return fmt.Errorf("%q: missing arguments (%s)", line, controlHelp)
		}
		return nil
	}
	switch f[0] {
	case "press", "release", "float", "set":
		if err := need(2); err != nil {
			return err
		}
		p, err := ParsePin(f[1])
		if err != nil {
			return err
		}
		switch f[0] {
		case "press":
			b.mu.Lock()
			l, ok := b.buttons[p]
			b.mu.Unlock()
			if !ok {
				return fmt.Errorf("press %s: no button on pin %s in the board file", p, p)
			}
			b.Drive(p, l)
		case "release":
			b.Release(p)
		case "float":
			b.Release(p)
		case "set":
			if err := need(3); err != nil {
				return err
			}
			switch f[2] {
			case "high", "1":
				b.Drive(p, High)
			case "low", "0":
				b.Drive(p, Low)
			default:
				return fmt.Errorf("set %s: level %q: want high or low", p, f[2])
			}
		}
	case "i2c":
		if err := need(4); err != nil {
			return err
		}
		addr, err1 := strconv.ParseInt(f[1], 0, 32)
		reg, err2 := strconv.ParseUint(f[2], 0, 8)
		data, err3 := hex.DecodeString(strings.Join(f[3:], ""))
		if err := errors.Join(err1, err2, err3); err != nil {
			return fmt.Errorf("%q: want i2c ADDR REG HEXBYTES, e.g. i2c 0x48 0x00 1900", line)
		}
		b.mu.Lock()
		dev, _ := b.i2c[int(addr)].(*RegisterDevice)
		b.mu.Unlock()
		if dev == nil {
			return fmt.Errorf("i2c %#x: no register device at that address in the board file", addr)
		}
		dev.Set(byte(reg), data)
	case "uart":
		if err := need(3); err != nil {
			return err
		}
		text := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line[len("uart"):]), f[1]))
		if s, err := strconv.Unquote(text); err == nil {
			text = s
		}
		b.UART(f[1]).Receive([]byte(text))
	case "await":
		if err := need(3); err != nil {
			return err
		}
		if f[1] != "interrupt" {
			return fmt.Errorf("await %s: only \"await interrupt PIN\" is known", f[1])
		}
		p, err := ParsePin(f[2])
		if err != nil {
			return err
		}
		deadline := time.Now().Add(awaitLimit)
		for {
			b.mu.Lock()
			s := b.pins[p]
			listening := s != nil && s.listener != nil
			b.mu.Unlock()
			if listening {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("await interrupt %s: the app did not set an interrupt on pin %s within %s", p, p, awaitLimit)
			}
			select {
			case <-time.After(time.Millisecond):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	case "wait":
		if err := need(2); err != nil {
			return err
		}
		d, err := time.ParseDuration(f[1])
		if err != nil || d < 0 {
			return fmt.Errorf("wait %s: want a duration such as 500ms or 2s", f[1])
		}
		t := time.NewTimer(time.Duration(float64(d) / b.scale))
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return ctx.Err()
		}
	default:
		return fmt.Errorf("unknown board command %q (%s)", f[0], controlHelp)
	}
	return nil
}

// RunScript executes a script file's commands in order, stopping at the
// first error (reported with its line number) or when ctx ends.
func (b *Board) RunScript(ctx context.Context, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if err := b.Exec(ctx, sc.Text()); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	return sc.Err()
}

// Serve accepts board-control connections on a Unix socket at path until
// ctx ends. Each line gets "ok" or "error: …" back.
func (b *Board) Serve(ctx context.Context, path string) error {
	l, err := net.Listen("unix", path)
	if err != nil {
		return fmt.Errorf("board control: %w", err)
	}
	go func() {
		<-ctx.Done()
		l.Close()
		os.Remove(path)
	}()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go b.serveConn(ctx, c)
		}
	}()
	return nil
}

func (b *Board) serveConn(ctx context.Context, c io.ReadWriteCloser) {
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		reply := "ok\n"
		if err := b.Exec(ctx, sc.Text()); err != nil {
			reply = "error: " + err.Error() + "\n"
		}
		if _, err := io.WriteString(c, reply); err != nil {
			return
		}
	}
}
