package packbeam_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

func prunedFixture(t *testing.T, release string, roots func(string, int) bool) (orig, pruned *beam.File, res *packbeam.PruneResult) {
	t.Helper()
	path := filepath.Join("testdata", release, "pk_prune.beam")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stripped, err := packbeam.Strip(path, data, packbeam.StripOptions{IncludeLines: true})
	if err != nil {
		t.Fatal(err)
	}
	if orig, err = beam.Parse(path, stripped); err != nil {
		t.Fatal(err)
	}
	if res, err = packbeam.PruneFunctions(path, stripped, roots); err != nil {
		t.Fatal(err)
	}
	if pruned, err = beam.Parse(path+" (pruned)", res.Data); err != nil {
		t.Fatalf("the pruned module does not parse: %v", err)
	}
	return orig, pruned, res
}

func exportNames(f *beam.File) []string {
	var names []string
	for _, x := range f.Exports {
		names = append(names, f.Atoms[x.Function-1])
	}
	slices.Sort(names)
	return names
}

// Pruning to run/1 keeps what it reaches and drops unused/0 with the
// atoms, literals, imports and fun only that used, on every OTP release's
// code; the pruned module runs as the original did.
func TestPruneFunctions(t *testing.T) {
	for _, release := range []string{"otp25", "otp27", "otp29"} {
		t.Run(release, func(t *testing.T) {
			orig, pruned, res := prunedFixture(t, release, func(f string, a int) bool { return f == "run" && a == 1 })
			if got, want := exportNames(pruned), []string{"module_info", "module_info", "run"}; !slices.Equal(got, want) {
				t.Errorf("exports %v, want %v", got, want)
			}
			if res.Functions != countFuncs(orig) || res.Kept != countFuncs(pruned) {
				t.Errorf("result says %d of %d kept; the files have %d and %d functions", res.Kept, res.Functions, countFuncs(pruned), countFuncs(orig))
			}
			if slices.Contains(pruned.Atoms, "dropped_atom") || slices.Contains(pruned.Atoms, "unused") || slices.Contains(pruned.Atoms, "format") {
				t.Errorf("atoms of dropped code kept: %v", pruned.Atoms)
			}
			if len(pruned.Literals) >= len(orig.Literals) || len(pruned.Imports) >= len(orig.Imports) || len(pruned.Funs) != 1 {
				t.Errorf("literals %d → %d, imports %d → %d, funs %d → %d: dropped code's entries kept",
					len(orig.Literals), len(pruned.Literals), len(orig.Imports), len(pruned.Imports), len(orig.Funs), len(pruned.Funs))
			}
			if pruned.Lines == nil {
				t.Error("the line table was dropped")
			}

			want := runFixture(t, orig, "run", 4)
			if got := runFixture(t, pruned, "run", 4); got != want {
				t.Errorf("pruned run(4) = %s, the original gives %s", got, want)
			}
		})
	}
}

// A root that calls a function by name keeps only what code reaches:
// by_name/1 alone keeps neither run/1 nor unused/0 (the caller of
// PruneFunctions decides what names reach).
func TestPruneFunctionsByName(t *testing.T) {
	_, pruned, _ := prunedFixture(t, "otp25", func(f string, a int) bool { return f == "by_name" || f == "run" })
	if got, want := exportNames(pruned), []string{"by_name", "module_info", "module_info", "run"}; !slices.Equal(got, want) {
		t.Errorf("exports %v, want %v", got, want)
	}
}

func TestPruneFunctionsErrors(t *testing.T) {
	if _, err := packbeam.PruneFunctions("junk.beam", []byte("FOR1junk"), func(string, int) bool { return true }); err == nil {
		t.Error("pruning junk succeeded")
	}
	data, err := os.ReadFile(filepath.Join("testdata", "otp25", "pk_prune.beam"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := packbeam.PruneFunctions("pk_prune.beam", data, func(string, int) bool { return true }); err == nil {
		t.Error("pruning a module with a compressed literal table succeeded: it must be stripped first")
	}
}

func countFuncs(f *beam.File) int {
	n := 0
	for _, in := range f.Code.Instrs {
		if in.Op == beam.OpFuncInfo {
			n++
		}
	}
	return n
}

// runFixture loads module data into a fresh VM and formats fn(arg)'s result.
func runFixture(t *testing.T, f *beam.File, fn string, arg int) string {
	t.Helper()
	var out bytes.Buffer
	m := vm.New(vm.Options{Stdout: &out, Stderr: &out, Schedulers: 1})
	if _, err := m.LoadFile("pk_prune.beam", f); err != nil {
		t.Fatalf("loading: %v", err)
	}
	o, err := m.Run("pk_prune", fn, term.MakeSmall(int64(arg)))
	if err != nil {
		t.Fatal(err)
	}
	if o.Crashed() {
		t.Fatalf("%s crashed: %s %s", fn, o.Heap.Format(o.Reason), out.String())
	}
	return o.Heap.Format(o.Value)
}
