package target

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/vm"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOpenResolves: the project's configuration sets the target, and
// options win over it; a device target is strict and keeps its NVS in
// StateDir.
func TestOpenResolves(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "rebar.config"), "{avm, [{target, esp32}, {atomvm, \"0.6\"}]}.\n")
	state := filepath.Join(dir, "_build", "avm")

	s, err := Open(dir, Options{StateDir: state})
	if err != nil {
		t.Fatal(err)
	}
	if s.Profile.Target != "esp32" || s.Release != "0.6" || !s.Strict {
		t.Errorf("from the project: target %s, AtomVM %s, strict %v; want esp32, 0.6, strict", s.Profile.Target, s.Release, s.Strict)
	}
	if err := s.Board.NVS().Put("demo", "boots", []byte{1}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(state, "nvs-esp32.json")); err != nil {
		t.Errorf("NVS not kept in the state directory: %v", err)
	}
	s.Close()

	off := false
	s, err = Open(dir, Options{Target: "generic_unix", Strict: &off, StateDir: state})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Profile.Target != "generic_unix" || s.Strict {
		t.Errorf("with options: target %s, strict %v; want generic_unix, not strict", s.Profile.Target, s.Strict)
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{TimeScale: -2}, "--time-scale must be more than 0, not -2"},
		{Options{Target: "esp99"}, "esp99"},
		{Options{Board: filepath.Join(dir, "nosuch.json")}, "nosuch.json"},
	} {
		if s, err := Open(dir, c.opts); err == nil || !strings.Contains(err.Error(), c.want) {
			if s != nil {
				s.Close()
			}
			t.Errorf("Open(%+v): %v, want an error with %q", c.opts, err, c.want)
		}
	}
}

// TestConfigure: a strict esp32 session judges the app's calls by its
// AtomVM, but never the app's own modules, and sets the device's limits.
func TestConfigure(t *testing.T) {
	s, err := Open(t.TempDir(), Options{Target: "esp32", AtomVM: "0.6", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var o vm.Options
	s.Configure(&o, map[string]bool{"mine": true}, vm.ResetDeepSleep)
	if o.Board != s.Board || o.WokeFrom != vm.ResetDeepSleep || o.IntBits != 64 || o.HeapBudget == 0 {
		t.Errorf("options %+v: want the session's board, woken from deep sleep, 64-bit integers and a heap budget", o)
	}
	if h := o.Unavailable("ets", "new", 2); !strings.Contains(h, "ets:new/2 is not available on esp32 (AtomVM 0.6)") {
		t.Errorf("ets:new/2 judged %q", h)
	}
	if h := o.Unavailable("mine", "anything", 0); h != "" {
		t.Errorf("the app's own module judged %q", h)
	}
	if h := o.Unavailable("gpio", "set_pin_mode", 2); h != "" {
		t.Errorf("gpio:set_pin_mode/2 judged %q on esp32", h)
	}
	if err := s.CheckArchive("app.avm", int64(s.Profile.AppPartition)+1); err == nil || !strings.Contains(err.Error(), "app.avm is") {
		t.Errorf("an archive over the partition: %v", err)
	}
	if err := s.CheckArchive("app.avm", 100); err != nil {
		t.Errorf("a small archive: %v", err)
	}
}

// TestAfterReset: a restart goes again at once, a deep sleep after the
// scaled sleep or not once ctx ends, one with no wakeup never.
func TestAfterReset(t *testing.T) {
	s, err := Open(t.TempDir(), Options{Target: "esp32", TimeScale: 1e6, StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var notices []string
	notice := func(n string) { notices = append(notices, n) }
	ctx := context.Background()
	if again, err := s.AfterReset(ctx, vm.Reset{Reason: vm.ResetSoftware}, notice); !again || err != nil {
		t.Errorf("restart: again %v, %v", again, err)
	}
	if again, err := s.AfterReset(ctx, vm.Reset{Reason: vm.ResetDeepSleep, Sleep: time.Minute}, notice); !again || err != nil {
		t.Errorf("deep sleep of a minute at 10⁶×: again %v, %v", again, err)
	}
	if again, err := s.AfterReset(ctx, vm.Reset{Reason: vm.ResetDeepSleep, Sleep: -1}, notice); again || err != nil {
		t.Errorf("deep sleep without wakeup: again %v, %v", again, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if again, err := s.AfterReset(cancelled, vm.Reset{Reason: vm.ResetDeepSleep, Sleep: time.Hour * 1e6}, notice); again || !errors.Is(err, context.Canceled) {
		t.Errorf("deep sleep cut short: again %v, %v", again, err)
	}
	if again, err := s.AfterReset(ctx, vm.Reset{Reason: vm.ResetStopped}, notice); again || err == nil {
		t.Errorf("stopped: again %v, %v", again, err)
	}
	want := []string{
		"esp:restart/0: the app starts again",
		"deep sleep for 1m0s (board time); the app starts again after it",
		"deep sleep with no wakeup source: the app stops here",
		"deep sleep for 1000000h0m0s (board time); the app starts again after it",
	}
	if strings.Join(notices, "\n") != strings.Join(want, "\n") {
		t.Errorf("notices:\n%s\nwant:\n%s", strings.Join(notices, "\n"), strings.Join(want, "\n"))
	}
}
