package vm

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// Every specialised instruction exists for speed, so the fast loop must
// run it; one it did not would silently go through the slow main loop.
func TestFastLoopRunsSpecialisedInstructions(t *testing.T) {
	for op, name := range specialNames {
		if fastKinds[op] == fkNone {
			t.Errorf("%s has no case in the fast loop", name)
		}
	}
}

// The fast loop must leave every process as the main loop would. Under a
// step limit the interpreter runs without it, so the OTP 25 conformance
// programs run that way must still give OTP's results.
func TestMainLoopAloneAgreesWithOTP(t *testing.T) {
	known := readKnownFailures(t)
	dir := filepath.Join(conformanceDir, "otp25")
	beams, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
	if len(beams) == 0 {
		t.Fatal("no conformance fixtures: run scripts/gen-fixtures.sh")
	}
	for _, b := range beams {
		name := strings.TrimSuffix(filepath.Base(b), ".beam")
		if _, ok := known["otp25/"+name]; ok {
			continue
		}
		if _, ok := known[name]; ok {
			continue
		}
		want, err := readWant(name, "otp25")
		if err != nil {
			continue // programs that print rather than return
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := New(Options{Load: dirLoader(dir), Stdout: io.Discard, Stderr: io.Discard})
			m.stepLimit = 1 << 62 // never reached; it only turns the fast loop off
			got, err := runOn(m, name)
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("without the fast loop\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

// runOn runs NAME:start() on m and prints the result as ~w does.
func runOn(m *Machine, name string) (string, error) {
	out, err := m.Run(name, "start")
	if err != nil {
		return "", err
	}
	if out.Panic != "" {
		return "", errors.New("VM panic: " + out.Panic)
	}
	if out.Crashed() {
		h := out.Heap
		return "", errors.New("crashed: " + h.Format(out.Class) + ":" + h.Format(out.Reason))
	}
	return out.Heap.Format(out.Value), nil
}
