package devserver

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/flasher/emulator"
	"github.com/avmtool/avm/packbeam"
)

// mainAVM is where the emulator's AtomVM layout puts the app partition.
const mainAVM = 0x250000

// TestBoardDeploy flashes each build to the emulated board through the
// one port the devserver owns, and shows the console the board prints
// after each reset on that same port.
func TestBoardDeploy(t *testing.T) {
	needErlang(t)
	dev, err := emulator.New(emulator.Config{Console: []byte("console: app running\n")})
	if err != nil {
		t.Fatal(err)
	}
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", `io:format("v1~n")`)})
	d := startDev(t, dir, Options{Board: BoardOptions{Port: dev, Name: "emulated"}}, false)
	// The board's console may print before the run event is published.
	ran, seen := d.waitRunAndOutput("console: app running")
	if !strings.Contains(ran, "flashed emulated") || !strings.Contains(ran, "0x250000") {
		t.Errorf("run %q", ran)
	}
	checkFlashed(t, dev, dir)

	writeFiles(t, dir, map[string]string{"src/app.erl": appSource("app", `io:format("v2~n")`)})
	d.waitRunAndOutput("console: app running")
	checkFlashed(t, dev, dir)
	for _, e := range seen {
		if e.Type == EventError {
			t.Errorf("error: %s", e.Text)
		}
	}
}

func checkFlashed(t *testing.T, dev *emulator.Device, dir string) {
	t.Helper()
	app, err := os.ReadFile(filepath.Join(dir, "_build", "avm", "app.avm"))
	if err != nil {
		t.Fatal(err)
	}
	if got := dev.Flash()[mainAVM : mainAVM+len(app)]; !bytes.Equal(got, app) {
		t.Errorf("main.avm does not hold the build")
	}
}

// TestClientsShareBoard: while the devserver owns the emulated board's
// port, a client's flash request and another's console stream go through
// it: the flash lands, and the console shows the board restarting after
// it, and after a reset asked for on the stream.
func TestClientsShareBoard(t *testing.T) {
	needErlang(t)
	dev, err := emulator.New(emulator.Config{Console: []byte("console: app running\n")})
	if err != nil {
		t.Fatal(err)
	}
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", `io:format("v1~n")`)})
	d := startDev(t, dir, Options{Board: BoardOptions{Port: dev, Name: "emulated"}}, true)
	d.waitFor("the first flash", func(e Event) bool { return e.Type == EventRun })

	watcher, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	if watcher.Board() != "emulated" {
		t.Errorf("Board() = %q, want the devserver's port", watcher.Board())
	}
	notices := make(chan string, 8)
	console, err := watcher.Console(func(s string) { notices <- s })
	if err != nil {
		t.Fatal(err)
	}
	defer console.Close()
	console.SetReadTimeout(eventTimeout)

	flasher, err := Dial(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer flasher.Close()
	other := &packbeam.Archive{Entries: []*packbeam.Entry{packbeam.NewFile("app/priv/note.txt", []byte("flashed by a client"))}}
	data, err := other.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	var progress []string
	ran, err := flasher.Flash(FlashRequest{Archive: data, Name: "other.avm"}, func(s string) { progress = append(progress, s) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ran, "flashed emulated") || len(progress) == 0 {
		t.Errorf("flash: %q, progress %q", ran, progress)
	}
	if got := dev.Flash()[mainAVM : mainAVM+len(data)]; !bytes.Equal(got, data) {
		t.Error("main.avm does not hold the client's archive")
	}
	readConsole(t, console, "console: app running")

	if _, err := console.Write([]byte("typed\r\n")); err != nil {
		t.Fatal(err)
	}
	if err := console.Reset(); err != nil {
		t.Fatal(err)
	}
	readConsole(t, console, "console: app running")
	select {
	case s := <-notices:
		t.Errorf("the devserver complained: %s", s)
	default:
	}

	if _, err := flasher.Flash(FlashRequest{Archive: data, Name: "other.avm", Partition: "nonesuch"}, nil); err == nil || !strings.Contains(err.Error(), "nonesuch") {
		t.Errorf("flashing a missing partition: %v, want an error naming it", err)
	}
}

// readConsole reads the console stream until want appears.
func readConsole(t *testing.T, k *Console, want string) {
	t.Helper()
	var got []byte
	buf := make([]byte, 256)
	for !bytes.Contains(got, []byte(want)) {
		n, err := k.Read(buf)
		if err != nil || n == 0 {
			t.Fatalf("console: %v after %q, want %q", err, got, want)
		}
		got = append(got, buf[:n]...)
	}
}
