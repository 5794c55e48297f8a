package vm

import (
	"os"
	"path/filepath"
	"testing"
)

func TestElixirProbeLoad(t *testing.T) {
	dir := "/usr/lib/elixir/lib/elixir/ebin"
	beams, _ := filepath.Glob(filepath.Join(dir, "*.beam"))
	m := New(Options{})
	n := 0
	for _, b := range beams {
		data, _ := os.ReadFile(b)
		if _, err := m.Load(filepath.Base(b), data); err != nil {
			t.Logf("%s: %v", filepath.Base(b), err)
			n++
		}
	}
	t.Logf("%d/%d failed", n, len(beams))
}
