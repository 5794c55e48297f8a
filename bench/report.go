package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// row is one benchmark's results on every VM.
type row struct {
	Name string `json:"name"`
	// Checksum is what start/0 must return, and ChecksumFrom where that
	// came from: "erl", or "bench/NAME.want" (OTP 25) when erl is missing.
	Checksum     string  `json:"checksum,omitempty"`
	ChecksumFrom string  `json:"checksum_from,omitempty"`
	Avm          *result `json:"avm"`
	Erl          *result `json:"erl,omitempty"`          // the whole erl process
	ErlWorkload  *result `json:"erl_workload,omitempty"` // start/0 alone, timed in erl
	Ref          *result `json:"ref,omitempty"`
	// The ratios of medians, when both sides succeeded.
	AvmPerRef         float64 `json:"avm_per_ref,omitempty"`
	AvmPerErlWorkload float64 `json:"avm_per_erl_workload,omitempty"`
}

type report struct {
	Machine    machine `json:"machine"`
	Benchmarks []*row  `json:"benchmarks"`
	// Geometric means of the ratios over the benchmarks that have them.
	GeomeanAvmPerRef         float64 `json:"geomean_avm_per_ref,omitempty"`
	GeomeanAvmPerErlWorkload float64 `json:"geomean_avm_per_erl_workload,omitempty"`
}

func runAll(ctx context.Context, opts *options) (*report, error) {
	dir, avm := opts.beams, opts.avm
	if dir == "" || avm == "" {
		root, err := moduleRoot()
		if err != nil {
			return nil, err
		}
		if dir == "" {
			dir = filepath.Join(root, "bench", "otp25")
		}
		if avm == "" {
			work, err := os.MkdirTemp("", "avm-bench-bin")
			if err != nil {
				return nil, err
			}
			defer os.RemoveAll(work)
			if opts.progress {
				fmt.Fprintln(os.Stderr, "building ./cmd/avm")
			}
			if avm, err = buildAvm(ctx, root, work); err != nil {
				return nil, err
			}
		}
	}
	work, err := os.MkdirTemp("", "avm-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	benchmarks, err := findBenchmarks(dir, work, opts)
	if err != nil {
		return nil, err
	}
	erl := ""
	if !opts.noErl {
		erl, _ = exec.LookPath("erl")
	}
	rep := &report{Machine: machine{Date: time.Now().UTC().Format(time.RFC3339), CPUs: runtime.NumCPU(), CPU: cpuModel(),
		OS: runtime.GOOS + "/" + runtime.GOARCH, Go: runtime.Version(), Runs: opts.runs, Warmup: 1, TimeoutSec: opts.timeout.Seconds(),
		Noisy: opts.noisy, Load: loadAverage(),
		Ref: strings.Join(opts.ref, " ")}}
	if erl != "" {
		r, err := execute(ctx, opts.timeout, []string{erl, "-noshell", "-eval",
			`io:format("~s ~s ~s~n", [erlang:system_info(otp_release), erlang:system_info(version), erlang:system_info(emu_flavor)]), halt().`})
		if err != nil || r.exitCode != 0 {
			return nil, fmt.Errorf("%s does not start: %v %s", erl, err, crashSummaryOf(r))
		}
		f := strings.Fields(r.stdout)
		if len(f) != 3 {
			return nil, fmt.Errorf("%s printed %q, not its release, version and flavor", erl, r.stdout)
		}
		rep.Machine.OTP, rep.Machine.Erts, rep.Machine.Flavor = f[0], f[1], f[2]
	}
	for _, b := range benchmarks {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rw := &row{Name: b.Name}
		rw.Avm = measure(ctx, opts, []string{avm, "run", b.Avm}, returnValue)
		if erl != "" {
			rw.Erl = measure(ctx, opts, erlWholeArgs(erl, b, dir), erlPrinted)
			rw.ErlWorkload = measureErlWorkload(ctx, opts, erl, b, dir)
		}
		if opts.ref != nil {
			rw.Ref = measure(ctx, opts, append(append([]string(nil), opts.ref...), b.Avm), returnValue)
		}
		rw.verify(b)
		if opts.progress {
			fmt.Fprintf(os.Stderr, "%-12s %s\n", b.Name, rw.progress(opts.cpu))
		}
		rep.Benchmarks = append(rep.Benchmarks, rw)
	}
	rep.compare(opts.cpu)
	return rep, nil
}

// readReport reads what --json wrote, to print its table again (-from).
func readReport(path string, cpu bool) (*report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rep report
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("%s: not the --json output of the runner: %v", path, err)
	}
	for _, rw := range rep.Benchmarks {
		if rw == nil || rw.Avm == nil {
			return nil, fmt.Errorf("%s: a benchmark without avm's result", path)
		}
	}
	rep.compare(cpu)
	return &rep, nil
}

// compare computes the ratios and their means from the wall times, or from
// the CPU times.
func (rep *report) compare(cpu bool) {
	rep.Machine.Metric = "wall"
	if cpu {
		rep.Machine.Metric = "cpu"
	}
	for _, rw := range rep.Benchmarks {
		rw.AvmPerRef, rw.AvmPerErlWorkload = 0, 0
		if rw.Avm.ok() && rw.Ref.ok() {
			rw.AvmPerRef = rw.Avm.time(cpu).Median / rw.Ref.time(cpu).Median
		}
		if rw.Avm.ok() && rw.ErlWorkload.ok() {
			rw.AvmPerErlWorkload = rw.Avm.time(cpu).Median / rw.ErlWorkload.time(cpu).Median
		}
	}
	rep.GeomeanAvmPerRef = geomean(rep.Benchmarks, func(r *row) float64 { return r.AvmPerRef })
	rep.GeomeanAvmPerErlWorkload = geomean(rep.Benchmarks, func(r *row) float64 { return r.AvmPerErlWorkload })
}

func crashSummaryOf(r *run) string {
	if r == nil {
		return ""
	}
	return crashSummary(r)
}

// verify checks every VM's checksum against erl's, or against what OTP 25
// returned when erl did not run.
func (rw *row) verify(b *benchmark) {
	switch {
	case rw.Erl.ok():
		rw.Checksum, rw.ChecksumFrom = rw.Erl.Checksum, "erl"
	case b.Want != "":
		rw.Checksum, rw.ChecksumFrom = b.Want, "bench/"+b.Module+".want"
	default:
		return
	}
	for _, r := range []*result{rw.Avm, rw.ErlWorkload, rw.Ref} {
		if r.ok() && r.Checksum != rw.Checksum {
			r.Error = fmt.Sprintf("returned %s, but %s says %s", shorten(r.Checksum), rw.ChecksumFrom, shorten(rw.Checksum))
		}
	}
}

// failed lists the VMs whose run of this benchmark failed, with why.
func (rw *row) failed() []string {
	var out []string
	for _, v := range rw.vms() {
		if v.r != nil && v.r.Error != "" {
			out = append(out, v.name+": "+v.r.Error)
		}
	}
	return out
}

type namedResult struct {
	name string
	r    *result
}

func (rw *row) vms() []namedResult {
	return []namedResult{{"avm", rw.Avm}, {"erl", rw.Erl}, {"erl-workload", rw.ErlWorkload}, {"ref", rw.Ref}}
}

func (rw *row) progress(cpu bool) string {
	var parts []string
	for _, v := range rw.vms() {
		switch {
		case v.r == nil:
		case v.r.Error != "":
			parts = append(parts, v.name+" FAILED")
		default:
			parts = append(parts, fmt.Sprintf("%s %s", v.name, seconds(v.r.time(cpu).Median)))
		}
	}
	return strings.Join(parts, ", ")
}

func (rep *report) failures() int {
	n := 0
	for _, rw := range rep.Benchmarks {
		n += len(rw.failed())
	}
	return n
}

func geomean(rows []*row, ratio func(*row) float64) float64 {
	sum, n := 0.0, 0
	for _, r := range rows {
		if x := ratio(r); x > 0 {
			sum += math.Log(x)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return math.Exp(sum / float64(n))
}

func count(rows []*row, ratio func(*row) float64) int {
	n := 0
	for _, r := range rows {
		if ratio(r) > 0 {
			n++
		}
	}
	return n
}

func seconds(ms float64) string { return fmt.Sprintf("%.3f s", ms/1000) }

func mib(kib int64) string { return fmt.Sprintf("%.0f MiB", float64(kib)/1024) }

func (rep *report) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeTable prints the machine, one line per benchmark, the geometric
// means, then what was noisy and what failed.
func (rep *report) writeTable(w io.Writer) error {
	m := rep.Machine
	fmt.Fprintf(w, "%s, %d CPUs, %s, %s, %s\n", m.Date, m.CPUs, m.CPU, m.OS, m.Go)
	if m.Load != "" {
		fmt.Fprintf(w, "load average at the start: %s\n", m.Load)
	}
	if m.OTP != "" {
		fmt.Fprintf(w, "erl: OTP %s (erts %s, %s)\n", m.OTP, m.Erts, m.Flavor)
	} else {
		fmt.Fprintln(w, "erl: not run")
	}
	if m.Ref != "" {
		fmt.Fprintf(w, "ref: %s\n", m.Ref)
	}
	what := "wall time"
	if m.Metric == "cpu" {
		what = "CPU time (user+system, all threads)"
	}
	fmt.Fprintf(w, "median %s of %d runs after %d warm-up; RSS is the peak resident set\n\n", what, m.Runs, m.Warmup)
	cpu := m.Metric == "cpu"

	hasErl, hasRef := m.OTP != "", m.Ref != ""
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	cols := []string{"benchmark", "avm", "RSS"}
	if hasErl {
		cols = append(cols, "erl", "RSS", "erl workload")
	}
	if hasRef {
		cols = append(cols, "ref", "RSS")
	}
	if hasErl {
		cols = append(cols, "avm/erl-wl")
	}
	if hasRef {
		cols = append(cols, "avm/ref")
	}
	fmt.Fprintln(tw, strings.Join(cols, "\t")+"\t")
	limit := time.Duration(m.TimeoutSec * float64(time.Second))
	cell := func(r *result, withRSS bool) []string {
		switch {
		case r == nil:
			return nil
		case r.Error != "":
			t := "FAIL"
			if r.TimedOut {
				t = fmt.Sprintf("> %.0f s", limit.Seconds())
			}
			if withRSS {
				return []string{t, "-"}
			}
			return []string{t}
		}
		st := r.time(cpu)
		t := seconds(st.Median)
		if st.Noisy {
			t += " ~"
		}
		if withRSS {
			return []string{t, mib(r.RSSKiB)}
		}
		return []string{t}
	}
	ratio := func(x float64) string {
		if x == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2f", x)
	}
	for _, rw := range rep.Benchmarks {
		line := append([]string{rw.Name}, cell(rw.Avm, true)...)
		if hasErl {
			line = append(line, cell(rw.Erl, true)...)
			line = append(line, cell(rw.ErlWorkload, false)...)
		}
		if hasRef {
			line = append(line, cell(rw.Ref, true)...)
		}
		if hasErl {
			line = append(line, ratio(rw.AvmPerErlWorkload))
		}
		if hasRef {
			line = append(line, ratio(rw.AvmPerRef))
		}
		fmt.Fprintln(tw, strings.Join(line, "\t")+"\t")
	}
	if hasErl || hasRef {
		line := []string{"geomean", "", ""}
		if hasErl {
			line = append(line, "", "", "")
		}
		if hasRef {
			line = append(line, "", "")
		}
		if hasErl {
			line = append(line, ratio(rep.GeomeanAvmPerErlWorkload))
		}
		if hasRef {
			line = append(line, ratio(rep.GeomeanAvmPerRef))
		}
		fmt.Fprintln(tw, strings.Join(line, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if hasErl {
		fmt.Fprintf(w, "\navm/erl-wl: avm's whole process over start/0 alone in a running erl (%d benchmarks in the mean)\n",
			count(rep.Benchmarks, func(r *row) float64 { return r.AvmPerErlWorkload }))
	}
	if hasRef {
		fmt.Fprintf(w, "avm/ref: avm over the reference VM, both whole processes (%d benchmarks in the mean)\n",
			count(rep.Benchmarks, func(r *row) float64 { return r.AvmPerRef }))
	}
	var noisy []string
	for _, rw := range rep.Benchmarks {
		var vms []string
		for _, v := range rw.vms() {
			if v.r == nil || v.r.Error != "" {
				continue
			}
			if st := v.r.time(cpu); st.Noisy {
				vms = append(vms, fmt.Sprintf("%s %s–%s (%.0f%%)", v.name, seconds(st.Min), seconds(st.Max), 100*st.spread()))
			}
		}
		if len(vms) > 0 {
			noisy = append(noisy, rw.Name+": "+strings.Join(vms, ", "))
		}
	}
	if len(noisy) > 0 {
		fmt.Fprintf(w, "\n~ noisy: min–max (max-min over median) above -noisy %.0f%%:\n", 100*m.Noisy)
		for _, n := range noisy {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	if rep.failures() > 0 {
		fmt.Fprintf(w, "\nFAIL:\n")
		for _, rw := range rep.Benchmarks {
			for _, f := range rw.failed() {
				fmt.Fprintf(w, "  %s on %s\n", rw.Name, f)
			}
		}
	}
	unverified := 0
	for _, rw := range rep.Benchmarks {
		if rw.ChecksumFrom == "" {
			unverified++
		}
	}
	if unverified > 0 {
		fmt.Fprintf(w, "\n%d benchmarks have no checksum to verify against (no erl, no bench/NAME.want)\n", unverified)
	}
	return nil
}
