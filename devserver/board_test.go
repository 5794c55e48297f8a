package devserver

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/flasher/emulator"
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
	e, seen := d.waitFor("the first flash", func(e Event) bool { return e.Type == EventRun })
	if !strings.Contains(e.Ran, "flashed emulated") || !strings.Contains(e.Ran, "0x250000") {
		t.Errorf("run %q", e.Ran)
	}
	checkFlashed(t, dev, dir)
	d.waitOutput("console: app running")

	writeFiles(t, dir, map[string]string{"src/app.erl": appSource("app", `io:format("v2~n")`)})
	d.waitFor("the second flash", func(e Event) bool { return e.Type == EventRun })
	checkFlashed(t, dev, dir)
	d.waitOutput("console: app running")
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
