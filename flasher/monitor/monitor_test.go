package monitor_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/flasher/emulator"
	"github.com/avmtool/avm/flasher/monitor"
)

const crash = "CRASH\r\n======\r\npid: <0.2.0>\r\n\r\nStacktrace:\r\n" +
	"[{blinky,loop,1,[{file,\"src/blinky.erl\"},{line,12}]},{proc_lib,init_p,3,[]}]\r\n\r\n" +
	"Return value: error\r\n"

func TestExitOnAgainstEmulator(t *testing.T) {
	d, err := emulator.New(emulator.Config{Console: []byte(crash), Pace: true})
	if err != nil {
		t.Fatal(err)
	}
	// Reset through RTS, as avm monitor does, so the console starts at boot.
	d.SetRTS(true)
	time.Sleep(10 * time.Millisecond)
	d.SetRTS(false)
	var out, log bytes.Buffer
	m := &monitor.Monitor{Out: &out, Log: &log, ExitOn: regexp.MustCompile(`^Return value`), Timestamps: true,
		Now: func() time.Time { return time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) }}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := m.Run(ctx, d); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"12:00:00.000 rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\n",
		"12:00:00.000 >>> process <0.2.0> crashed; stacktrace:\n",
		"12:00:00.000 >>>   at blinky:loop/1 (src/blinky.erl:12)\n",
		"12:00:00.000 >>>   at proc_lib:init_p/3\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if log.String() != out.String() {
		t.Error("log differs from output")
	}
}

func TestTimeout(t *testing.T) {
	d, _ := emulator.New(emulator.Config{})
	m := &monitor.Monitor{Out: new(bytes.Buffer), ExitOn: regexp.MustCompile("never")}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if err := m.Run(ctx, d); !errors.Is(err, monitor.ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

func TestReconnect(t *testing.T) {
	first, _ := emulator.New(emulator.Config{})
	second, _ := emulator.New(emulator.Config{Console: []byte("back again\r\n")})
	first.Close() // the device vanished
	var notices []string
	m := &monitor.Monitor{Out: new(bytes.Buffer), ExitOn: regexp.MustCompile("back again"),
		Notice: func(s string) { notices = append(notices, s) },
		Reopen: func(ctx context.Context) (monitor.Port, error) { return second, nil }}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := m.Run(ctx, first); err != nil {
		t.Fatal(err)
	}
	if len(notices) != 2 || notices[1] != "reconnected" {
		t.Errorf("notices = %q", notices)
	}
}
