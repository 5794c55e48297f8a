package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/devserver"
	"github.com/avmtool/avm/flasher/emulator"
)

// TestDevCommand drives avm dev as a user does, in this process: start it
// with --json, see the app's output, edit, ask avm dev status, join it
// from a second avm dev, and stop it with avm dev stop.
func TestDevCommand(t *testing.T) {
	for _, tool := range []string{"erl", "erlc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the compiled compile server
	dir := filepath.Join(t.TempDir(), "app")
	write := func(body string) {
		src := "-module(app).\n-export([start/0]).\nstart() ->\n    io:format(\"" + body + "~n\"),\n    receive never -> ok end.\n"
		if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "src", "app.erl"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("first")

	outR, outW := io.Pipe()
	exited := make(chan int, 1)
	go func() {
		exited <- run([]string{"dev", dir, "--json", "--schedulers", "1"}, streams{Out: outW, Err: io.Discard})
		outW.Close()
	}()
	events := make(chan devserver.Event, 256)
	go func() {
		in := bufio.NewScanner(outR)
		for in.Scan() {
			var e devserver.Event
			if err := json.Unmarshal(in.Bytes(), &e); err != nil {
				t.Errorf("not a JSON event: %q", in.Text())
				continue
			}
			events <- e
		}
		close(events)
	}()
	waitOutput := func(text string) {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case e, ok := <-events:
				if !ok {
					t.Fatalf("avm dev ended before printing %q", text)
				}
				if e.Type == devserver.EventOutput && strings.Contains(e.Text, text) {
					return
				}
			case <-timeout:
				t.Fatalf("avm dev did not print %q", text)
			}
		}
	}
	waitOutput("first")
	write("second")
	waitOutput("second")

	var status strings.Builder
	if code := run([]string{"dev", "status", dir, "--json"}, streams{Out: &status, Err: io.Discard}); code != exitOK {
		t.Fatalf("avm dev status: exit %d", code)
	}
	var st devserver.Status
	if err := json.Unmarshal([]byte(status.String()), &st); err != nil {
		t.Fatalf("avm dev status --json: %v: %s", err, status.String())
	}
	if st.Builds != 2 || st.LastBuild == nil || st.LastBuild.Errors != 0 || !strings.Contains(st.Ran, "restarted the app") {
		t.Errorf("status %+v", st)
	}

	// A second avm dev joins: it may not take the board.
	var joinErr strings.Builder
	if code := run([]string{"dev", dir, "--port", "/dev/null"}, streams{Out: io.Discard, Err: &joinErr}); code == exitOK ||
		!strings.Contains(joinErr.String(), "a devserver already runs") {
		t.Errorf("joining with --port: exit %d, %q", code, joinErr.String())
	}

	var stopped strings.Builder
	if code := run([]string{"dev", "stop", dir}, streams{Out: &stopped, Err: io.Discard}); code != exitOK || !strings.HasPrefix(stopped.String(), "stopped the devserver of ") {
		t.Errorf("avm dev stop: exit %d, %q", code, stopped.String())
	}
	select {
	case code := <-exited:
		if code != exitOK {
			t.Errorf("avm dev exited %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("avm dev did not stop")
	}
}

// TestFlashAndMonitorThroughDevserver: while avm dev owns the emulated
// board's port, avm flash and avm monitor go through the devserver rather
// than open the port.
func TestFlashAndMonitorThroughDevserver(t *testing.T) {
	for _, tool := range []string{"erl", "erlc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	dir := filepath.Join(t.TempDir(), "app")
	src := "-module(app).\n-export([start/0]).\nstart() -> receive never -> ok end.\n"
	if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "src", "app.erl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	dev, err := emulator.New(emulator.Config{Console: []byte("console: app running\n")})
	if err != nil {
		t.Fatal(err)
	}
	s, err := devserver.New(devserver.Options{Dir: dir, CacheDir: t.TempDir(), Board: devserver.BoardOptions{Port: dev, Name: "emulated-tty"}})
	if err != nil {
		t.Fatal(err)
	}
	events, unsubscribe := s.Subscribe()
	defer unsubscribe()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, true) }()
	defer func() {
		cancel()
		<-done
	}()
	timeout := time.After(30 * time.Second)
	for flashed := false; !flashed; {
		select {
		case e := <-events:
			flashed = e.Type == devserver.EventRun
		case <-timeout:
			t.Fatal("the devserver did not flash the first build")
		}
	}

	var stderr strings.Builder
	archive := filepath.Join(dir, "_build", "avm", "app.avm")
	if code := run([]string{"flash", archive, "--force"}, streams{Out: io.Discard, Err: &stderr}); code != exitOK {
		t.Fatalf("avm flash: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "Flashing through the devserver of "+dir+", which owns emulated-tty") ||
		!strings.Contains(stderr.String(), "done: flashed emulated-tty") {
		t.Errorf("avm flash did not go through the devserver: %s", stderr.String())
	}

	stderr.Reset()
	if code := run([]string{"flash", archive, "--erase"}, streams{Out: io.Discard, Err: &stderr}); code == exitOK ||
		!strings.Contains(stderr.String(), "--erase need the port itself") {
		t.Errorf("avm flash --erase through the devserver: exit %d: %s", code, stderr.String())
	}

	t.Chdir(dir)
	var stdout strings.Builder
	stderr.Reset()
	if code := run([]string{"monitor", "--exit-on", "console: app running", "--timeout", "30s"}, streams{Out: &stdout, Err: &stderr}); code != exitOK {
		t.Fatalf("avm monitor: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "console: app running") {
		t.Errorf("avm monitor showed %q", stdout.String())
	}
}
