package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/beam"
)

// benchmark is one program: bench_NAME.beam exporting start/0.
type benchmark struct {
	Name   string // "fib" for bench_fib
	Module string
	Beam   string // path of the compiled module
	Avm    string // path of the archive packed from it
	Want   string // what OTP 25 returned (bench/NAME.want), "" if unknown
}

// moduleRoot finds the directory of go.mod from the working directory up,
// so that the runner works from anywhere in the checkout.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("not inside the avm checkout (no go.mod above the working directory); give -avm and -beams")
		}
		dir = parent
	}
}

// findBenchmarks lists the modules of dir that export start/0 and whose
// short name matches the filter, sorted by name, and packs each into an
// .avm archive in work. The .want files are read from dir's parent, where
// gen-fixtures.sh writes them beside the sources.
func findBenchmarks(dir, work string, opts *options) ([]*benchmark, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "bench_*.beam"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no bench_*.beam in %s: compile them with scripts/gen-fixtures.sh --otp 25", dir)
	}
	sort.Strings(paths)
	var out []*benchmark
	for _, p := range paths {
		module := strings.TrimSuffix(filepath.Base(p), ".beam")
		name := strings.TrimPrefix(module, "bench_")
		if !opts.filter.MatchString(name) {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		f, err := beam.Parse(p, data)
		if err != nil {
			return nil, err
		}
		if !exports(f, "start", 0) {
			continue // a helper such as bench_idle, driven by bench_test.go
		}
		b := &benchmark{Name: name, Module: module, Beam: p, Avm: filepath.Join(work, module+".avm")}
		if err := pack(b, data); err != nil {
			return nil, err
		}
		want, err := os.ReadFile(filepath.Join(filepath.Dir(dir), module+".want"))
		switch {
		case err == nil:
			b.Want = string(bytes.TrimSpace(want))
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no benchmark in %s matches -run %q", dir, opts.filter)
	}
	return out, nil
}

// exports reports whether the module exports name/arity.
func exports(f *beam.File, name string, arity int) bool {
	for _, e := range f.Exports {
		if int(e.Arity) == arity && int(e.Function) >= 1 && int(e.Function) <= len(f.Atoms) && f.Atoms[e.Function-1] == name {
			return true
		}
	}
	return false
}

// pack writes the benchmark's archive: the module alone, flagged as the
// start module (AtomVM starts the first such module of its first archive).
func pack(b *benchmark, data []byte) error {
	e, err := packbeam.NewModule(b.Beam, data, packbeam.StripOptions{})
	if err != nil {
		return err
	}
	a := &packbeam.Archive{Entries: []*packbeam.Entry{e}}
	if err := a.SetStart(b.Module); err != nil {
		return err
	}
	return a.WriteFile(b.Avm)
}

// buildAvm compiles ./cmd/avm of the checkout at root into work.
func buildAvm(ctx context.Context, root, work string) (string, error) {
	bin := filepath.Join(work, "avm")
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/avm")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/avm: %v\n%s", err, out)
	}
	return bin, nil
}

// machine describes where the numbers were measured.
type machine struct {
	Date   string `json:"date"`
	CPUs   int    `json:"cpus"`
	CPU    string `json:"cpu"`
	OS     string `json:"os"`
	Go     string `json:"go"`
	OTP    string `json:"otp,omitempty"`
	Erts   string `json:"erts,omitempty"`
	Flavor string `json:"emu_flavor,omitempty"` // jit or emu
	Ref    string `json:"ref,omitempty"`
	// Load is /proc/loadavg's 1, 5 and 15 minute averages when the run
	// started: a busy machine makes wall times noisy.
	Load   string `json:"load,omitempty"`
	Runs   int    `json:"runs"`
	Warmup int    `json:"warmup"`
	// TimeoutSec is -timeout: a run that takes longer counts as failed.
	TimeoutSec float64 `json:"timeout_s"`
	// Noisy is -noisy: the spread above which a result is flagged.
	Noisy float64 `json:"noisy"`
	// Metric is what the table and the ratios compare: "wall" time, or
	// "cpu" time with -cpu.
	Metric string `json:"metric"`
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

// splitWords splits $AVM_BENCH_REF into words as a shell would for plain
// words and '…' or "…" quoting, so that paths with spaces can be given.
func splitWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, s)
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return nil, errors.New("no command")
	}
	return words, nil
}
