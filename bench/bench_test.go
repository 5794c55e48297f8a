// The Go benchmarks run the same programs in-process: BenchmarkAVM runs
// one unit of each (run/0) on avm; BenchmarkOTP runs the same compiled
// module b.N times inside one erl and reports erl's own timing (ns/op
// excludes erl's start-up), so the two ns/op columns compare directly:
//
//	go test -run='^$' -bench=. -benchmem ./bench
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

const fixtures = "otp25"

// programs are the benchmarks that export run/0, one unit of their work.
// Others (bench_idle, which BenchmarkIdleProcesses drives, and programs
// with only start/0) are left to their own benchmark or to the runner.
func programs(tb testing.TB) []string {
	beams, err := filepath.Glob(filepath.Join(fixtures, "bench_*.beam"))
	if err != nil || len(beams) == 0 {
		tb.Fatal("no compiled benchmarks: run scripts/gen-fixtures.sh")
	}
	var names []string
	for _, b := range beams {
		data, err := os.ReadFile(b)
		if err != nil {
			tb.Fatal(err)
		}
		f, err := beam.Parse(b, data)
		if err != nil {
			tb.Fatal(err)
		}
		if exports(f, "run", 0) {
			names = append(names, f.Module)
		}
	}
	return names
}

func newMachine() *vm.Machine {
	return vm.New(vm.Options{Load: func(module string) ([]byte, error) {
		return os.ReadFile(filepath.Join(fixtures, module+".beam"))
	}})
}

// TestProgramsAgreeWithOTP keeps the benchmarks honest: one unit of each
// (run/0) returns on avm what start/0 returned on OTP 25 (NAME.want, written
// by scripts/gen-fixtures.sh; start/0 repeats run/0 and returns its value).
func TestProgramsAgreeWithOTP(t *testing.T) {
	for _, name := range programs(t) {
		t.Run(strings.TrimPrefix(name, "bench_"), func(t *testing.T) {
			want, err := os.ReadFile(name + ".want")
			if err != nil {
				t.Fatalf("%v: run scripts/gen-fixtures.sh --otp 25", err)
			}
			out, err := newMachine().Run(name, "run")
			if err != nil {
				t.Fatal(err)
			}
			if out.Crashed() {
				t.Fatalf("%s:run() raised %s: %s", name, out.Heap.Format(out.Class), out.Heap.Format(out.Reason))
			}
			if got := out.Heap.Format(out.Value); got != string(bytes.TrimSpace(want)) {
				t.Errorf("%s:run() = %s, want %s", name, got, bytes.TrimSpace(want))
			}
		})
	}
}

func BenchmarkAVM(b *testing.B) {
	for _, name := range programs(b) {
		b.Run(strings.TrimPrefix(name, "bench_"), func(b *testing.B) {
			m := newMachine()
			if _, err := m.Run(name, "run"); err != nil { // load outside the timing
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				out, err := m.Run(name, "run")
				if err != nil || out.Crashed() {
					b.Fatalf("%s crashed: %v %s", name, err, out.Panic)
				}
			}
		})
	}
}

// BenchmarkIdleProcesses spawns 100,000 processes that wait in receive and
// reports the time to spawn and run each once, and the memory each takes
// while waiting (erlang:memory(total) before and after, on avm's Go heap).
func BenchmarkIdleProcesses(b *testing.B) {
	const n = 100000
	for i := 0; i < b.N; i++ {
		m := newMachine()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		out, err := m.Run("bench_idle", "spawn_idle", term.MakeSmall(n))
		if err != nil || out.Crashed() {
			b.Fatalf("bench_idle crashed: %v %s", err, out.Panic)
		}
		after, _ := out.Heap.Int64(out.Value)
		b.ReportMetric(float64(after-int64(before.HeapInuse+before.StackInuse+before.MSpanInuse+before.MCacheInuse))/n, "bytes/process")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/process")
}

func BenchmarkOTP(b *testing.B) {
	erl, err := exec.LookPath("erl")
	if err != nil {
		b.Skip("erl not installed")
	}
	for _, name := range programs(b) {
		b.Run(strings.TrimPrefix(name, "bench_"), func(b *testing.B) {
			script := fmt.Sprintf(`%s:run(), {T, _} = timer:tc(fun() -> L = fun(0, _) -> ok; (K, F) -> %s:run(), F(K - 1, F) end, L(%d, L) end), io:format("~w", [T]), halt().`, name, name, b.N)
			out, err := exec.Command(erl, "-noshell", "-pa", fixtures, "-eval", script).Output()
			if err != nil {
				b.Fatalf("erl: %v", err)
			}
			us, err := strconv.ParseFloat(string(bytes.TrimSpace(out)), 64)
			if err != nil {
				b.Fatalf("erl printed %q", out)
			}
			b.ReportMetric(us*1000/float64(b.N), "ns/op")
		})
	}
}
