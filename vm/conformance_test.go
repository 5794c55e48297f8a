package vm

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The conformance corpus: each testdata/conformance/NAME.erl has a start/0
// whose result, printed with ~w, must equal NAME.want (what OTP 25 prints;
// NAME.otpNN.want where release NN differs). The programs are compiled by
// scripts/gen-fixtures.sh into otp25/, otp27/ and otp29/, and the whole
// corpus runs for each release present.
//
// known_failures.txt lists programs avm does not pass, as NAME (every
// release) or otpNN/NAME, with the reason; the test fails if a listed
// program passes, so the list stays honest.

const conformanceDir = "testdata/conformance"

func TestConformance(t *testing.T) {
	known := readKnownFailures(t)
	releases, _ := filepath.Glob(filepath.Join(conformanceDir, "otp*"))
	if len(releases) == 0 {
		t.Fatal("no compiled fixtures: run scripts/gen-fixtures.sh")
	}
	for _, relDir := range releases {
		rel := filepath.Base(relDir)
		beams, _ := filepath.Glob(filepath.Join(relDir, "*.beam"))
		sort.Strings(beams)
		for _, beamPath := range beams {
			name := strings.TrimSuffix(filepath.Base(beamPath), ".beam")
			want, err := readWant(name, rel)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			t.Run(rel+"/"+name, func(t *testing.T) {
				t.Parallel()
				got, err := runConformance(relDir, name)
				reason, isKnown := known[rel+"/"+name]
				if !isKnown {
					reason, isKnown = known[name]
				}
				if err == nil && got == want {
					if isKnown {
						t.Errorf("passes but is listed in known_failures.txt (%s): remove it", reason)
					}
					return
				}
				if isKnown {
					t.Skipf("known failure: %s", reason)
				}
				if err != nil {
					t.Fatalf("%v", err)
				}
				t.Errorf("result differs from OTP\n got: %s\nwant: %s", got, want)
			})
		}
	}
}

// runConformance runs NAME:start() from the fixtures of one release and
// prints the result as ~w does.
func runConformance(dir, name string) (string, error) {
	m := New(Options{Load: dirLoader(dir), Stderr: io.Discard})
	out, err := m.Run(name, "start")
	if err != nil {
		return "", err
	}
	if out.Panic != "" {
		return "", errors.New("VM panic: " + out.Panic)
	}
	if out.Crashed() {
		h := out.Heap
		return "", errors.New("crashed: " + h.Format(out.Class) + ":" + h.Format(out.Reason) + " " + h.Format(out.Stacktrace))
	}
	return out.Heap.Format(out.Value), nil
}

// dirLoader loads modules from NAME.beam files in dir.
func dirLoader(dir string) func(string) ([]byte, error) {
	return func(module string) ([]byte, error) {
		return os.ReadFile(filepath.Join(dir, module+".beam"))
	}
}

func readWant(name, rel string) (string, error) {
	data, err := os.ReadFile(filepath.Join(conformanceDir, name+"."+rel+".want"))
	if errors.Is(err, fs.ErrNotExist) {
		data, err = os.ReadFile(filepath.Join(conformanceDir, name+".want"))
	}
	return strings.TrimRight(string(data), "\n"), err
}

func readKnownFailures(t *testing.T) map[string]string {
	known := map[string]string{}
	f, err := os.Open(filepath.Join(conformanceDir, "known_failures.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		return known
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		known[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return known
}
