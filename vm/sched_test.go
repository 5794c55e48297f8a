package vm

import (
	"io"
	"testing"
)

// TestOneSchedulerIsFair runs the fairness program on a single scheduler:
// three endless loops must not starve the main process.
func TestOneSchedulerIsFair(t *testing.T) {
	m := New(Options{Load: dirLoader(conformanceDir + "/otp25"), Stderr: io.Discard, Schedulers: 1})
	out, err := m.Run("proc_fairness", "start")
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Heap.Format(out.Value); got != "{pong,[killed,killed,killed]}" {
		t.Errorf("got %s", got)
	}
}

// TestPrioritiesOrderTheRunQueue: on one scheduler, a busy high-priority
// process runs before normal ones, and a low one gets a turn only after
// others have been chosen eight times.
func TestPrioritiesOrderTheRunQueue(t *testing.T) {
	m := New(Options{Load: dirLoader("testdata/sched/otp25"), Stderr: io.Discard, Schedulers: 1})
	out, err := m.Run("sched_priorities", "run")
	if err != nil {
		t.Fatal(err)
	}
	if got := out.Heap.Format(out.Value); got != "[high,normal,low]" {
		t.Errorf("workers finished in the order %s, want [high,normal,low]", got)
	}
}
