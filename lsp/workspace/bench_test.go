package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkLoad200 indexes a workspace of 200 modules of about 150 lines
// and reports the heap the index keeps.
func BenchmarkLoad200(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 200; i++ {
		var src strings.Builder
		fmt.Fprintf(&src, "-module(m%d).\n-export([%s]).\n", i, "f0/1, f1/1, f2/1")
		for j := 0; j < 30; j++ {
			fmt.Fprintf(&src, "f%d(X) ->\n    Y = lists:map(fun(E) -> E + %d end, X),\n    io:format(\"~p~n\", [Y]),\n    m%d:f0(Y).\n\n", j, j, (i+1)%200)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%d.erl", i)), []byte(src.String()), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	var ix *Index
	for i := 0; i < b.N; i++ {
		ix = New()
		if err := ix.Load(dir); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix = New()
	if err := ix.Load(dir); err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-index")
	if ix.Len() != 200 {
		b.Fatalf("indexed %d modules", ix.Len())
	}
}
