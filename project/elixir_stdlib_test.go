package project

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
)

// The hello world of the Elixir corpus, packed with the Elixir library
// modules it reaches, runs from the archive alone.
func TestAddElixirStdlibHello(t *testing.T) {
	dirs, err := FindElixirLib(context.Background())
	if err != nil {
		t.Skip(err)
	}
	path := filepath.Join("..", "vm", "testdata", "elixir", "ebin", "Elixir.Hello.beam")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := packbeam.NewModule(path, data, packbeam.StripOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := &packbeam.Archive{}
	if err := a.Add(e); err != nil {
		t.Fatal(err)
	}
	app := a.Size()
	res, err := AddElixirStdlib(a, dirs, ElixirStdlibOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("hello world: app %d bytes, Elixir library %d modules (%d functions, %d left out), %d bytes",
		app, len(res.Modules), res.Functions, res.FunctionsDropped, res.Bytes)
	// What the issue asks of a hello world's archive, with Debian 12's
	// Elixir 1.14 (about 276 KB; whole modules made 867 KB).
	if size := a.Size(); size >= 300_000 {
		t.Errorf("hello world's archive is %d bytes, want under 300 KB", size)
	}
	for _, m := range []string{"Elixir.IO", "Elixir.String.Chars", "Elixir.String.Chars.BitString"} {
		if !slices.Contains(res.Modules, m) {
			t.Errorf("%s is not packed", m)
		}
	}
	for _, m := range []string{"Elixir.IEx", "Elixir.Mix", "Elixir.Logger", "elixir_parser", "elixir_expand", "Elixir.Module.Types", "Elixir.Kernel.ParallelCompiler", "Elixir.String.Chars.URI"} {
		if slices.Contains(res.Modules, m) {
			t.Errorf("%s is packed, but hello world does not reach it", m)
		}
	}
	if res.Bytes != a.Size()-app {
		t.Errorf("reported %d bytes added, the archive grew by %d", res.Bytes, a.Size()-app)
	}

	data, err = a.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	packed, err := packbeam.Read("hello.avm", data)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Stderr: &out, Schedulers: 1})
	m.AddArchive("hello.avm", packed)
	o, err := m.Run("Elixir.Hello", "start")
	if err != nil {
		t.Fatal(err)
	}
	if o.Crashed() || out.String() != "Hello, world!\n" {
		t.Errorf("running the archive: crashed %v, output %q", o.Crashed(), out.String())
	}
}

// Every program of the Elixir corpus (vm/testdata/elixir) runs from an
// archive holding its modules and what AddElixirStdlib packs for them,
// printing what the real Elixir printed: the pruning keeps what they need.
// A program marked consolidated runs with the corpus' consolidated
// protocols in the archive, as a mix build packs them.
func TestAddElixirStdlibCorpus(t *testing.T) {
	dirs, err := FindElixirLib(context.Background())
	if err != nil {
		t.Skip(err)
	}
	corpus := filepath.Join("..", "vm", "testdata", "elixir")
	known, _ := os.ReadFile(filepath.Join(corpus, "known_failures.txt"))
	sources, _ := filepath.Glob(filepath.Join(corpus, "*.ex"))
	beams, _ := filepath.Glob(filepath.Join(corpus, "ebin", "*.beam"))
	for _, src := range sources {
		name := strings.TrimSuffix(filepath.Base(src), ".ex")
		header, _, _ := strings.Cut(readFileString(t, src), "\n")
		if strings.Contains(string(known), "\n"+name+":") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			a := &packbeam.Archive{}
			beams := beams
			if strings.Contains(header, "consolidated") {
				consolidated, _ := filepath.Glob(filepath.Join(corpus, "ebin", "consolidated", "*.beam"))
				beams = append(consolidated, beams...)
			}
			for _, b := range beams {
				e, err := packbeam.NewModule(b, []byte(readFileString(t, b)), packbeam.StripOptions{IncludeLines: true})
				if err != nil {
					t.Fatal(err)
				}
				if err := a.Add(e); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := AddElixirStdlib(a, dirs, ElixirStdlibOptions{Strip: packbeam.StripOptions{IncludeLines: true}}); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			m := vm.New(vm.Options{Stdout: &out, Stderr: &out, Schedulers: 1})
			m.AddArchive(name+".avm", a)
			module := "Elixir." + CamelCase(name)
			// A module pruned by mistake can send Elixir's error handling
			// round in circles (inspect raising while inspecting): fail
			// instead of waiting for the test binary's timeout.
			type result struct {
				o   *vm.Outcome
				err error
			}
			done := make(chan result, 1)
			go func() {
				o, err := m.Run(module, "start")
				done <- result{o, err}
			}()
			var o *vm.Outcome
			select {
			case r := <-done:
				if r.err != nil {
					t.Fatal(r.err)
				}
				o = r.o
			case <-time.After(20 * time.Second):
				t.Fatal("did not finish in 20 s: a module it needs was probably left out")
			}
			if o.Crashed() {
				t.Fatalf("crashed: %s\n%s\n%s", o.Heap.Format(o.Reason), o.Heap.Format(o.Stacktrace), out.String())
			}
			got := o.Heap.Format(o.Value) + "\n"
			if !strings.Contains(header, "result only") {
				got = out.String() + got
			}
			if want := readFileString(t, filepath.Join(corpus, name+".want")); got != want {
				t.Errorf("from the archive:\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func readFileString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
