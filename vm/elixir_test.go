package vm

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The Elixir corpus: each testdata/elixir/NAME.ex defines the module NAME
// in CamelCase with a start/0, compiled by scripts/gen-elixir-fixtures.sh
// into testdata/elixir/ebin/. NAME.want is what the real Elixir prints when
// it runs the program: its output, then its result as ~w prints it (or only
// the result, for programs whose first line says so; there the line may
// also ask for Elixir's protocols consolidated, from ebin/consolidated/,
// as mix builds them); known_failures.txt
// lists the programs avm does not pass yet, as NAME: reason. The programs run here
// with the Elixir standard library of the local installation, unchanged,
// on top of avm's bundled Erlang library; without elixir the test skips.

const elixirDir = "testdata/elixir"

var elixirLib = sync.OnceValues(func() (string, error) {
	if _, err := exec.LookPath("elixir"); err != nil {
		return "", err
	}
	out, err := exec.Command("elixir", "-e", "IO.puts(:code.lib_dir(:elixir))").Output()
	if err != nil {
		return "", err
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
})

func TestElixirConformance(t *testing.T) {
	lib, err := elixirLib()
	if err != nil {
		t.Skipf("no elixir installation: %v", err)
	}
	sources, _ := filepath.Glob(filepath.Join(elixirDir, "*.ex"))
	if len(sources) == 0 {
		t.Fatal("no Elixir conformance programs")
	}
	// The ebin directories of Elixir's applications: elixir, logger…
	libs, _ := filepath.Glob(filepath.Join(lib, "*", "ebin"))
	dirs := append([]string{filepath.Join(elixirDir, "ebin")}, libs...)
	known := readElixirKnownFailures(t)
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".ex")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, err := os.ReadFile(filepath.Join(elixirDir, name+".want"))
			if err != nil {
				t.Fatalf("%v (run scripts/gen-elixir-fixtures.sh)", err)
			}
			directives, _ := strings.CutPrefix(firstLine(src), "# conformance:")
			resultOnly := strings.Contains(directives, "result only")
			path := dirs
			if strings.Contains(directives, "consolidated") {
				path = append([]string{filepath.Join(elixirDir, "ebin", "consolidated")}, dirs...)
			}
			got, err := runElixir(path, elixirModule(name), resultOnly)
			reason, isKnown := known[name]
			if err == nil && got == string(want) {
				if isKnown {
					t.Errorf("passes but is listed in known_failures.txt (%s): remove it", reason)
				}
				return
			}
			if isKnown {
				t.Skipf("known failure: %s", reason)
			}
			if err != nil {
				t.Fatal(err)
			}
			t.Errorf("output differs from elixir's %s", firstDifference(got, string(want)))
		})
	}
}

// runElixir runs Module.start() with modules loaded from dirs, and returns
// what it printed followed by its result as ~w prints it.
func runElixir(dirs []string, module string, resultOnly bool) (string, error) {
	var stdout bytes.Buffer
	m := New(Options{Stdout: &stdout, Stderr: &stdout, Schedulers: 1, Load: func(mod string) ([]byte, error) {
		for _, d := range dirs {
			data, err := os.ReadFile(filepath.Join(d, mod+".beam"))
			if !errors.Is(err, fs.ErrNotExist) {
				return data, err
			}
		}
		return nil, fs.ErrNotExist
	}})
	out, err := m.Run(module, "start")
	if err != nil {
		return "", err
	}
	if out.Panic != "" {
		return "", errors.New("VM panic: " + out.Panic)
	}
	h := out.Heap
	if out.Crashed() {
		return "", errors.New("crashed: " + h.Format(out.Class) + ":" + h.Format(out.Reason) + " " + h.Format(out.Stacktrace) + "\noutput:\n" + stdout.String())
	}
	result := h.Format(out.Value) + "\n"
	if resultOnly {
		return result, nil
	}
	return stdout.String() + result, nil
}

// elixirModule is the module a program file defines: enum_pipelines →
// Elixir.EnumPipelines.
func elixirModule(file string) string {
	parts := strings.Split(file, "_")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return "Elixir." + strings.Join(parts, "")
}

func firstLine(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan()
	return sc.Text()
}

// firstDifference shows the first line where got and want differ, from a
// little before the first differing character.
func firstDifference(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g == w {
			continue
		}
		c := 0
		for c < len(g) && c < len(w) && g[c] == w[c] {
			c++
		}
		from := max(0, c-60)
		return fmt.Sprintf("on line %d, at character %d:\n got: …%s\nwant: …%s", i+1, c+1, clip(g[from:], 240), clip(w[from:], 240))
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

func readElixirKnownFailures(t *testing.T) map[string]string {
	known := map[string]string{}
	data, err := os.ReadFile(filepath.Join(elixirDir, "known_failures.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		known[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return known
}
