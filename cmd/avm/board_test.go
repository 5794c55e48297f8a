package main

import (
	"bufio"
	"io"
	"os"
	"regexp"
	"testing"
	"time"

	"golang.org/x/term"
)

// TestUARTEchoOverPTY runs a UART echo server on a simulated esp32 with
// UART1 bridged to a pty, and talks to it as a terminal would.
func TestUARTEchoOverPTY(t *testing.T) {
	errR, errW := io.Pipe()
	exited := make(chan int, 1)
	go func() {
		exited <- run([]string{"run", "--target", "esp32", "--uart-pty", "UART1", "testdata/erl/otp25/board_uart_echo.beam"},
			streams{Out: io.Discard, Err: errW})
		errW.Close()
	}()
	lines := bufio.NewScanner(errR)
	if !lines.Scan() {
		t.Fatal("avm run printed nothing")
	}
	m := regexp.MustCompile(`UART1 is on (\S+) `).FindStringSubmatch(lines.Text())
	if m == nil {
		t.Fatalf("no pty path in %q", lines.Text())
	}
	go io.Copy(io.Discard, errR)
	f, err := os.OpenFile(m[1], os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := term.MakeRaw(int(f.Fd())); err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("hello\n"); err != nil {
		t.Fatal(err)
	}
	f.SetReadDeadline(time.Now().Add(10 * time.Second))
	want := "echo: hello\n"
	got := make([]byte, 0, len(want))
	buf := make([]byte, 64)
	for len(got) < len(want) {
		n, err := f.Read(buf)
		if err != nil {
			t.Fatalf("read from the app: %v (got %q)", err, got)
		}
		got = append(got, buf[:n]...)
	}
	if string(got) != want {
		t.Errorf("the app answered %q, want %q", got, want)
	}
	f.WriteString("quit\n")
	select {
	case code := <-exited:
		if code != exitOK {
			t.Errorf("avm run exited %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the app did not end after quit")
	}
}
