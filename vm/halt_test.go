package vm

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestHaltEndsRun stops a program that waits forever while another of its
// processes spins: Run returns at once, its outcome saying it was stopped.
// Halting before Run has started any process works too.
func TestHaltEndsRun(t *testing.T) {
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		t.Skip("erlc not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "receive_forever.erl")
	// A spawned process keeps running too: Halt must end both.
	prog := "-module(receive_forever).\n-export([start/0, spin/0]).\n" +
		"start() -> spawn_link(fun spin/0), receive never -> ok end.\n" +
		"spin() -> spin().\n"
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(erlc, "-o", dir, src).CombinedOutput(); err != nil {
		t.Fatalf("erlc: %v: %s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "receive_forever.beam"))
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Stdout: io.Discard, Stderr: io.Discard, Schedulers: 1})
	if _, err := m.Load("receive_forever.beam", data); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Outcome, 1)
	m.Halt() // before Run: it must still return
	go func() {
		out, err := m.Run("receive_forever", "start")
		if err != nil {
			t.Error(err)
		}
		done <- out
	}()
	select {
	case out := <-done:
		if out.Reset == nil || out.Reset.Reason != ResetStopped {
			t.Fatalf("outcome %+v, want a stopped run", out)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after Halt")
	}
}
