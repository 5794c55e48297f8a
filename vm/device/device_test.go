package device

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func esp32(t *testing.T) *Board {
	t.Helper()
	p, err := Lookup("esp32")
	if err != nil {
		t.Fatal(err)
	}
	return NewBoard(p, 1)
}

func TestPinLevels(t *testing.T) {
	b := esp32(t)
	p := Pin{Num: 4}
	if got := read(b, p); got != Low {
		t.Errorf("floating input reads %v, want low", got)
	}
	b.SetPull(p, PullUp)
	if got := read(b, p); got != High {
		t.Errorf("pulled-up input reads %v, want high", got)
	}
	b.Drive(p, Low)
	if got := read(b, p); got != Low {
		t.Errorf("input driven low reads %v", got)
	}
	b.Release(p)
	b.SetMode(p, ModeOutput)
	b.Write(p, High)
	if got := read(b, p); got != High {
		t.Errorf("output written high reads %v", got)
	}
	b.Hold(p, true)
	b.Write(p, Low)
	if got := read(b, p); got != High {
		t.Errorf("held output changed to %v", got)
	}
	od := Pin{Num: 5}
	b.SetMode(od, ModeOutputOD)
	b.SetPull(od, PullUp)
	b.Write(od, High)
	if got := read(b, od); got != High {
		t.Errorf("open drain released reads %v, want the pull-up's high", got)
	}
	b.Write(od, Low)
	if got := read(b, od); got != Low {
		t.Errorf("open drain pulled low reads %v", got)
	}
}

func TestInterruptTriggers(t *testing.T) {
	cases := []struct {
		trigger Trigger
		levels  []Level // levels driven in turn, from a pulled-up (high) pin
		want    int
	}{
		{TriggerFalling, []Level{Low, High, Low}, 2},
		{TriggerRising, []Level{Low, High, Low}, 1},
		{TriggerBoth, []Level{Low, High, Low}, 3},
		{TriggerLow, []Level{Low, Low, High}, 1},
		{TriggerNone, []Level{Low, High}, 0},
	}
	for _, tc := range cases {
		b := esp32(t)
		p := Pin{Num: 0}
		b.SetMode(p, ModeInput)
		b.SetPull(p, PullUp)
		got := 0
		b.OnInterrupt = func(listener any, pin Pin) {
			if listener != "me" || pin != p {
				t.Errorf("interrupt to %v for %v", listener, pin)
			}
			got++
		}
		b.SetInterrupt(p, tc.trigger, "me")
		for _, l := range tc.levels {
			b.Drive(p, l)
		}
		if got != tc.want {
			t.Errorf("trigger %d, levels %v: %d interrupts, want %d", tc.trigger, tc.levels, got, tc.want)
		}
	}
}

func TestRegisterDevice(t *testing.T) {
	b := esp32(t)
	if err := b.AttachI2C(0x48, NewRegisterDevice(map[byte][]byte{0: {0x19, 0x00}})); err != nil {
		t.Fatal(err)
	}
	if err := b.AttachI2C(0x80, NewRegisterDevice(nil)); err == nil {
		t.Error("address 0x80 accepted")
	}
	if err := b.I2CWrite(0x48, []byte{0x01, 0xaa, 0xbb}); err != nil {
		t.Fatal(err)
	}
	if err := b.I2CWrite(0x48, []byte{0x00}); err != nil {
		t.Fatal(err)
	}
	got, err := b.I2CRead(0x48, 3)
	if err != nil || !bytes.Equal(got, []byte{0x19, 0xaa, 0xbb}) {
		t.Errorf("read % x, %v; want 19 aa bb (register 0, then 1 and 2 as written)", got, err)
	}
	if _, err := b.I2CRead(0x50, 1); err != ErrNoAck {
		t.Errorf("read of an empty address: %v, want ErrNoAck", err)
	}
}

func TestNVSPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "nvs.json")
	n, err := OpenNVS(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Put("app", "k", []byte{1, 2}); err != nil {
		t.Fatal(err)
	}
	n2, err := OpenNVS(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := n2.Get("app", "k"); !ok || !bytes.Equal(v, []byte{1, 2}) {
		t.Errorf("after reopening: %v %v", v, ok)
	}
	if err := n2.Erase("app", "k"); err != nil {
		t.Fatal(err)
	}
	if _, ok := n2.Get("app", "k"); ok {
		t.Error("erased key still there")
	}
	os.WriteFile(path, []byte("{not json"), 0o644)
	if _, err := OpenNVS(path); err == nil || !strings.Contains(err.Error(), "delete it") {
		t.Errorf("corrupt NVS file: %v", err)
	}
}

func TestBoardFileAndControl(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "avm.board.json")
	os.WriteFile(path, []byte(`{"target":"esp32","gpio":{"0":{"button":"boot"},"2":{"led":"status"}},
		"i2c":{"0x48":{"name":"tmp","registers":{"0x00":"19 00"}}},"uart":{"UART1":"loopback"}}`), 0o644)
	bf, err := ReadBoardFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b := esp32(t)
	var trace bytes.Buffer
	b.SetTrace(&trace)
	if err := bf.Apply(b); err != nil {
		t.Fatal(err)
	}
	b.SetPull(Pin{Num: 0}, PullUp)
	ctx := context.Background()
	for _, cmd := range []string{"press 0", "i2c 0x48 0x00 2000", `uart UART1 "hi\n"`, "# a comment", ""} {
		if err := b.Exec(ctx, cmd); err != nil {
			t.Errorf("%q: %v", cmd, err)
		}
	}
	if read(b, Pin{Num: 0}) != Low {
		t.Error("pressed button does not pull pin 0 low")
	}
	if got, _ := b.I2CRead(0x48, 2); !bytes.Equal(got, []byte{0x20, 0x00}) {
		t.Errorf("i2c register after control: % x", got)
	}
	if got := string(b.UART("UART1").Take()); got != "hi\n" {
		t.Errorf("uart got %q", got)
	}
	if !strings.Contains(trace.String(), "gpio 0 driven low (button boot)") {
		t.Errorf("trace lacks the press:\n%s", trace.String())
	}
	for cmd, want := range map[string]string{
		"press 2":       "no button on pin 2",
		"set 2 maybe":   "want high or low",
		"i2c 0x10 0 00": "no register device",
		"jump 3":        "unknown board command",
		"wait soon":     "want a duration",
		"press":         "missing arguments",
	} {
		if err := b.Exec(ctx, cmd); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error saying %q", cmd, err, want)
		}
	}
	for text, want := range map[string]string{
		`{"gpio":{"x":{"led":"a"}}}`:                "bad pin",
		`{"gpio":{"1":{}}}`:                         "say what is on the pin",
		`{"i2c":{"0x48":{"registers":{"0":"zz"}}}}`: "not hex bytes",
		`{"uart":{"UART0":"pty"}}`:                  "is not a mode",
	} {
		os.WriteFile(path, []byte(text), 0o644)
		bf, err := ReadBoardFile(path)
		if err == nil {
			err = bf.Apply(esp32(t))
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("board file %s: %v, want %q", text, err, want)
		}
	}
}

func TestProfiles(t *testing.T) {
	for _, name := range Targets() {
		p, err := Lookup(name)
		if err != nil || p.Target != name || p.Platform == "" {
			t.Errorf("%s: %+v %v", name, p, err)
		}
	}
	if _, err := Lookup("esp99"); err == nil || !strings.Contains(err.Error(), "esp32") {
		t.Errorf("unknown target: %v", err)
	}
	if p, _ := Lookup("rp2"); p.Platform != "pico" || p.RegistryPlatform() != "rp2" {
		t.Errorf("rp2: platform %s, registry %s", p.Platform, p.RegistryPlatform())
	}
}

func read(b *Board, p Pin) Level {
	l, err := b.Read(p)
	if err != nil {
		panic(err)
	}
	return l
}

func TestServeControlSocket(t *testing.T) {
	b := esp32(t)
	bf := &BoardFile{GPIO: map[string]PinWiring{"0": {Button: "boot"}}}
	if err := bf.Apply(b); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path := filepath.Join(t.TempDir(), "board.sock")
	if err := b.Serve(ctx, path); err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for cmd, want := range map[string]string{"press 0": "ok", "press 9": "error: press 9: no button"} {
		fmt.Fprintln(c, cmd)
		line, err := r.ReadString('\n')
		if err != nil || !strings.HasPrefix(line, want) {
			t.Errorf("%q: got %q, %v; want %q", cmd, line, err, want)
		}
	}
	if read(b, Pin{Num: 0}) != Low {
		t.Error("press over the socket did not drive pin 0")
	}
}

func TestAwaitInterrupt(t *testing.T) {
	b := esp32(t)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() { done <- b.Exec(ctx, "await interrupt 4") }()
	b.SetInterrupt(Pin{Num: 4}, TriggerFalling, "app")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := b.Exec(ctx, "await something 4"); err == nil || !strings.Contains(err.Error(), "only") {
		t.Errorf("await something: %v", err)
	}
}

// TestUARTOverPTY: a program on the pty and the app talk through the UART.
func TestUARTOverPTY(t *testing.T) {
	b := esp32(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	path, err := b.BridgePTY(ctx, "UART1")
	if err != nil {
		t.Skipf("no pty here: %v", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := b.UART("UART1")
	if _, err := f.Write([]byte("ping\n")); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for len(got) < 5 {
		select {
		case <-u.Arrived():
			got = append(got, u.Take()...)
		case <-time.After(5 * time.Second):
			t.Fatalf("the app got %q from the terminal", got)
		}
	}
	if string(got) != "ping\n" {
		t.Errorf("the app got %q", got)
	}
	if err := u.Write([]byte("pong\n")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	f.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, err := f.Read(buf)
	if err != nil || string(buf[:n]) != "pong\n" {
		t.Errorf("the terminal got %q, %v", buf[:n], err)
	}
}
