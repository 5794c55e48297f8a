package vm

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/beam"
)

func TestLoadErrorsNameFileAndPlace(t *testing.T) {
	data, err := os.ReadFile("testdata/conformance/otp25/list_reverse_build.beam")
	if err != nil {
		t.Skip("fixture missing")
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "bad.beam"},
		{"not beam", []byte("hello world, this is not a beam file"), "bad.beam"},
		{"truncated", data[:len(data)/2], "bad.beam"},
	}
	for _, tt := range tests {
		_, err := New(Options{}).Load("bad.beam", tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one naming %q", tt.name, err, tt.want)
		}
	}
}

func TestModuleLoadsOnce(t *testing.T) {
	data, err := os.ReadFile("testdata/conformance/otp25/list_reverse_build.beam")
	if err != nil {
		t.Skip("fixture missing")
	}
	m := New(Options{})
	if _, err := m.Load("a.beam", data); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Load("b.beam", data); err == nil || !strings.Contains(err.Error(), "already loaded") {
		t.Errorf("second load: %v", err)
	}
}

// FuzzLoad feeds arbitrary bytes to the parser and the loader, and runs
// start/0 of what loads: errors are fine, panics are not.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/conformance/otp25/*.beam")
	for i, s := range seeds {
		if i%10 != 0 {
			continue
		}
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := beam.Parse("fuzz.beam", data)
		if err != nil {
			return
		}
		m := New(Options{Stdout: io.Discard, Stderr: io.Discard})
		mod, err := m.LoadFile("fuzz.beam", file)
		if err != nil {
			return
		}
		if _, ok := mod.exported(atomStart, 0); ok {
			// The fuzzer's mutations can loop forever: limit the steps.
			m.stepLimit = 100000
			m.Run(mod.Name(), "start")
		}
	})
}
