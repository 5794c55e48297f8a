package main

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestSplitWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"AtomVM", []string{"AtomVM"}},
		{"  /opt/AtomVM   lib.avm ", []string{"/opt/AtomVM", "lib.avm"}},
		{`'/my vms/AtomVM' "a b.avm" c`, []string{"/my vms/AtomVM", "a b.avm", "c"}},
		{`x''`, []string{"x"}},
		{`''`, []string{""}},
	} {
		got, err := splitWords(tc.in)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitWords(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "   ", `AtomVM 'lib.avm`} {
		if got, err := splitWords(bad); err == nil {
			t.Errorf("splitWords(%q) = %q, want an error", bad, got)
		}
	}
}

func TestReturnValue(t *testing.T) {
	for _, tc := range []struct {
		name    string
		r       run
		want    string
		wantErr string
	}{
		{"avm", run{stderr: "Return value: {1,2}\n", exitCode: 1, status: "exit status 1"}, "{1,2}", ""},
		{"atomvm", run{stdout: "hi\nReturn value: 42\n", exitCode: 1, status: "exit status 1"}, "42", ""},
		{"avm crash", run{stderr: "Uncaught error: undef\n    at gen_server:start_link/3\n    at m:run/0 (m.erl:3)\nReturn value: error\n",
			exitCode: 1, status: "exit status 1"}, "", "crashed (exit status 1): Uncaught error: undef at gen_server:start_link/3"},
		{"atomvm crash", run{stdout: "CRASH \n======\npid: <0.1.0>\nx[0]: error\nx[1]: undef\nReturn value: error\n",
			exitCode: 1, status: "exit status 1"}, "", "crashed (exit status 1): error: undef"},
		{"signal", run{exitCode: -1, status: "signal: segmentation fault"}, "", "crashed (signal: segmentation fault): no output"},
		{"other", run{stderr: "\navm: bench_x.avm: not an archive\n", exitCode: 2, status: "exit status 2"}, "",
			"crashed (exit status 2): avm: bench_x.avm: not an archive"},
	} {
		got, err := returnValue(&tc.r)
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tc.want || gotErr != tc.wantErr {
			t.Errorf("%s: returnValue = %q, %q; want %q, %q", tc.name, got, gotErr, tc.want, tc.wantErr)
		}
	}
}

func TestSummarize(t *testing.T) {
	s := &stats{Runs: []float64{100, 130, 90, 110}}
	s.summarize(0.15)
	if s.Median != 105 || s.Min != 90 || s.Max != 130 || !s.Noisy {
		t.Errorf("summarize = median %v, min %v, max %v, noisy %v; want 105, 90, 130, true", s.Median, s.Min, s.Max, s.Noisy)
	}
	s = &stats{Runs: []float64{100, 101, 99}}
	s.summarize(0.15)
	if s.Median != 100 || s.Noisy {
		t.Errorf("summarize = median %v, noisy %v; want 100, false", s.Median, s.Noisy)
	}
}

func TestGeomean(t *testing.T) {
	rows := []*row{{AvmPerRef: 2}, {AvmPerRef: 8}, {AvmPerRef: 0}} // 0: no ratio, left out
	if got := geomean(rows, func(r *row) float64 { return r.AvmPerRef }); math.Abs(got-4) > 1e-9 {
		t.Errorf("geomean = %v, want 4", got)
	}
}

// fakeVM writes a shell script that acts as a VM: it prints script with
// $m set to the module of the .avm given last.
func fakeVM(t *testing.T, name, script string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	body := "#!/bin/sh\nfor a; do last=$a; done\nm=$(basename \"$last\" .avm)\n" + script + "\n"
	if err := os.WriteFile(path, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRunAll drives the runner end to end with stand-in VMs: one that
// returns what OTP returned, one that crashes, one that returns something
// else, and one that hangs.
func TestRunAll(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("needs /bin/sh")
	}
	wantDir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	good := fakeVM(t, "good", `echo "Return value: $(cat `+wantDir+`/$m.want)" >&2; exit 1`)
	opts := &options{runs: 2, filter: regexp.MustCompile("^(fib|loop)$"), avm: good, beams: fixtures,
		timeout: 5 * time.Second, noisy: 100, noErl: true}

	opts.ref = []string{fakeVM(t, "crashing", `echo "x[0]: error"; echo "x[1]: badarg"; echo "Return value: error"; exit 1`)}
	rep, err := runAll(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Benchmarks) != 2 || rep.Benchmarks[0].Name != "fib" || rep.Benchmarks[1].Name != "loop" {
		t.Fatalf("benchmarks = %+v, want fib and loop", rep.Benchmarks)
	}
	fib := rep.Benchmarks[0]
	if !fib.Avm.ok() || len(fib.Avm.Wall.Runs) != 2 || len(fib.Avm.CPU.Runs) != 2 || fib.ChecksumFrom != "bench/bench_fib.want" || fib.Avm.Checksum != fib.Checksum {
		t.Errorf("fib on avm = %+v (checksum %q from %q), want 2 good runs", fib.Avm, fib.Checksum, fib.ChecksumFrom)
	}
	if fib.Ref.Error != "crashed (exit status 1): error: badarg" || fib.AvmPerRef != 0 {
		t.Errorf("fib on ref = %+v, ratio %v; want the crash and no ratio", fib.Ref, fib.AvmPerRef)
	}
	var table bytes.Buffer
	if err := rep.writeTable(&table); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"erl: not run", "FAIL:", "fib on ref: crashed (exit status 1): error: badarg"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}

	opts.ref = []string{fakeVM(t, "wrong", `echo "Return value: 7"`)}
	opts.filter = regexp.MustCompile("^fib$")
	rep, err = runAll(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Benchmarks[0].Ref.Error; got != "returned 7, but bench/bench_fib.want says 17711" {
		t.Errorf("wrong checksum gave %q", got)
	}

	opts.ref = []string{fakeVM(t, "slow", `exec sleep 10`)}
	opts.timeout = 200 * time.Millisecond
	rep, err = runAll(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if ref := rep.Benchmarks[0].Ref; !ref.TimedOut {
		t.Errorf("a hanging VM gave %+v, want a timeout", ref)
	}
	var js bytes.Buffer
	if err := rep.writeJSON(&js); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "bench.json")
	if err := os.WriteFile(saved, js.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := readReport(saved, true)
	if err != nil || len(back.Benchmarks) != 1 || !back.Benchmarks[0].Ref.TimedOut || back.Machine.Metric != "cpu" {
		t.Errorf("-from does not read the JSON back (%v):\n%s", err, js.String())
	}
	if _, err := readReport(filepath.Join(wantDir, "bench_fib.want"), false); err == nil {
		t.Error("-from took a file that is not JSON")
	}
}
