package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// result is what one VM did with one benchmark.
type result struct {
	// Wall is the wall time of the measured runs; CPU their CPU time (user
	// + system, every thread: steadier than wall time on a busy machine, as
	// it leaves out the time spent waiting for a CPU).
	Wall stats `json:"wall"`
	CPU  stats `json:"cpu"`
	// RSSKiB is the largest peak resident set size of the runs (from
	// wait4's rusage), 0 when not measured.
	RSSKiB   int64  `json:"rss_kib,omitempty"`
	Checksum string `json:"checksum,omitempty"`
	// TimedOut is set when a run took longer than -timeout.
	TimedOut bool `json:"timed_out,omitempty"`
	// Error says why the VM's numbers cannot be used: a crash, a timeout,
	// a wrong checksum.
	Error string `json:"error,omitempty"`
}

// stats are the times of the measured runs in milliseconds.
type stats struct {
	Runs   []float64 `json:"runs_ms,omitempty"` // in run order
	Median float64   `json:"median_ms,omitempty"`
	Min    float64   `json:"min_ms,omitempty"`
	Max    float64   `json:"max_ms,omitempty"`
	Noisy  bool      `json:"noisy,omitempty"`
}

func (r *result) ok() bool { return r != nil && r.Error == "" && len(r.Wall.Runs) > 0 }

// time is the statistic the table and the ratios use.
func (r *result) time(cpu bool) *stats {
	if cpu {
		return &r.CPU
	}
	return &r.Wall
}

func (r *result) add(wall, cpu time.Duration) {
	r.Wall.Runs = append(r.Wall.Runs, float64(wall.Microseconds())/1000)
	r.CPU.Runs = append(r.CPU.Runs, float64(cpu.Microseconds())/1000)
}

func (r *result) summarize(noisy float64) {
	r.Wall.summarize(noisy)
	r.CPU.summarize(noisy)
}

// summarize fills the statistics from Runs.
func (s *stats) summarize(noisy float64) {
	if len(s.Runs) == 0 {
		return
	}
	v := append([]float64(nil), s.Runs...)
	sort.Float64s(v)
	n := len(v)
	s.Min, s.Max = v[0], v[n-1]
	if n%2 == 1 {
		s.Median = v[n/2]
	} else {
		s.Median = (v[n/2-1] + v[n/2]) / 2
	}
	s.Noisy = n > 1 && (s.Max-s.Min) > noisy*s.Median
}

// spread is (max-min)/median, the measure of noise shown in the table.
func (s *stats) spread() float64 {
	if s.Median == 0 {
		return 0
	}
	return (s.Max - s.Min) / s.Median
}

// run is one finished process.
type run struct {
	wall, cpu      time.Duration
	rssKiB         int64
	stdout, stderr string
	exitCode       int    // -1 when killed by a signal
	status         string // "exit status 1", "signal: aborted"
}

// errTimeout is a run that did not finish in time.
type errTimeout struct{ limit time.Duration }

func (e *errTimeout) Error() string { return fmt.Sprintf("no result after %v", e.limit) }

// execute runs argv to completion and measures its wall time and peak RSS.
func execute(parent context.Context, timeout time.Duration, argv []string) (*run, error) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = cleanEnv()
	cmd.WaitDelay = time.Second // a child left holding stdout must not hang the runner
	start := time.Now()
	err := cmd.Start()
	if err != nil {
		return nil, err
	}
	err = cmd.Wait()
	wall := time.Since(start)
	if err := parent.Err(); err != nil {
		return nil, err // interrupted
	}
	if ctx.Err() != nil {
		return nil, &errTimeout{timeout}
	}
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return nil, err
	}
	r := &run{wall: wall, stdout: stdout.String(), stderr: stderr.String(), exitCode: cmd.ProcessState.ExitCode(),
		status: cmd.ProcessState.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKiB = int64(ru.Maxrss) // KiB on Linux
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return r, nil
}

// cleanEnv is the environment of every VM: erl's ERL_FLAGS and the like
// would change what is measured.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "ERL_FLAGS", "ERL_AFLAGS", "ERL_ZFLAGS", "ERL_LIBS", "ERL_COMPILER_OPTIONS":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "ERL_CRASH_DUMP_SECONDS=0")
}

// measure runs argv once to warm up and then n times, and reads each run's
// checksum with parse; it stops at the first failure.
func measure(ctx context.Context, opts *options, argv []string, parse func(*run) (string, error)) *result {
	res := &result{}
	for i := 0; i <= opts.runs; i++ {
		r, err := execute(ctx, opts.timeout, argv)
		if err == nil {
			var sum string
			sum, err = parse(r)
			if err == nil && res.Checksum != "" && sum != res.Checksum {
				err = fmt.Errorf("returned %s, then %s", res.Checksum, sum)
			}
			res.Checksum = sum
		}
		if err != nil {
			res.Error = err.Error()
			res.TimedOut = errors.As(err, new(*errTimeout))
			return res
		}
		if i == 0 {
			continue // the warm-up: files in the page cache, CPU clocked up
		}
		res.add(r.wall, r.cpu)
		res.RSSKiB = max(res.RSSKiB, r.rssKiB)
	}
	res.summarize(opts.noisy)
	return res
}

// returnValue reads the "Return value: X" line that avm (on stderr) and
// AtomVM (on stdout) print when start/0 returns. X is "error" after a
// crash; then the crash is described instead.
func returnValue(r *run) (string, error) {
	value, found := "", false
	for _, out := range []string{r.stderr, r.stdout} {
		for _, line := range strings.Split(out, "\n") {
			if v, ok := strings.CutPrefix(line, "Return value: "); ok {
				value, found = strings.TrimSpace(v), true
			}
		}
		if found {
			break
		}
	}
	if !found || value == "error" {
		return "", fmt.Errorf("crashed (%s): %s", r.status, crashSummary(r))
	}
	return value, nil
}

// crashSummary picks the line that says why a VM failed: avm's "Uncaught
// class: reason", AtomVM's x[0] (class) and x[1] (reason) of its crash
// report, or else the first line of output.
func crashSummary(r *run) string {
	all := r.stderr + "\n" + r.stdout
	lines := strings.Split(all, "\n")
	var class, reason string
	for i, line := range lines {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "Uncaught "):
			// With the innermost frame: "error: undef" alone says little.
			if i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "at ") {
				line += " " + strings.TrimSpace(lines[i+1])
			}
			return shorten(line)
		case strings.HasPrefix(line, "x[0]: ") && class == "":
			class = strings.TrimPrefix(line, "x[0]: ")
		case strings.HasPrefix(line, "x[1]: ") && reason == "":
			reason = strings.TrimPrefix(line, "x[1]: ")
		}
	}
	if class != "" {
		return shorten(class + ": " + reason)
	}
	for _, line := range lines {
		if line = strings.TrimSpace(line); line != "" {
			return shorten(line)
		}
	}
	return "no output"
}

func shorten(s string) string {
	const limit = 160
	if len(s) > limit {
		return s[:limit] + "…"
	}
	return s
}

// erlPrinted reads what the erl one-liner printed with ~w: its last line.
func erlPrinted(r *run) (string, error) {
	out := strings.TrimSpace(r.stdout)
	if r.exitCode != 0 || out == "" {
		return "", fmt.Errorf("erl failed (%s): %s", r.status, crashSummary(r))
	}
	if i := strings.LastIndexByte(out, '\n'); i >= 0 {
		out = out[i+1:]
	}
	return out, nil
}

// erlWholeArgs runs start/0 in a fresh erl and prints its result.
func erlWholeArgs(erl string, b *benchmark, dir string) []string {
	return []string{erl, "-noshell", "-pa", dir, "-eval",
		fmt.Sprintf(`io:format("~w~n", [%s:start()]), halt().`, b.Module)}
}

// measureErlWorkload times start/0 inside one erl: a warm-up call, then n
// timed calls, each of which must return the warm-up's value. It prints the
// value, then a list of {Wall, CPU}: timer:tc's microseconds and the
// milliseconds of CPU time that statistics(runtime) counts (every
// scheduler thread, as rusage counts every thread of a whole process).
func measureErlWorkload(ctx context.Context, opts *options, erl string, b *benchmark, dir string) *result {
	script := fmt.Sprintf(`R = %[1]s:start(), `+
		`Ts = [begin statistics(runtime), {T, R} = timer:tc(%[1]s, start, []), {_, C} = statistics(runtime), {T, C} end `+
		`|| _ <- lists:seq(1, %[2]d)], `+
		`io:format("~w~n~w~n", [R, Ts]), halt().`, b.Module, opts.runs)
	res := &result{}
	r, err := execute(ctx, opts.timeout*time.Duration(opts.runs+1), []string{erl, "-noshell", "-pa", dir, "-eval", script})
	if err != nil {
		res.Error = err.Error()
		res.TimedOut = errors.As(err, new(*errTimeout))
		return res
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.exitCode != 0 || len(lines) < 2 {
		res.Error = fmt.Sprintf("erl failed (%s): %s", r.status, crashSummary(r))
		return res
	}
	res.Checksum = strings.TrimSpace(lines[len(lines)-2])
	times := lines[len(lines)-1]
	for _, pair := range timesPattern.FindAllStringSubmatch(times, -1) {
		us, _ := strconv.ParseInt(pair[1], 10, 64)
		ms, _ := strconv.ParseInt(pair[2], 10, 64)
		res.add(time.Duration(us)*time.Microsecond, time.Duration(ms)*time.Millisecond)
	}
	if len(res.Wall.Runs) != opts.runs {
		res.Error = fmt.Sprintf("erl printed %q, not a list of %d {Wall, CPU} times", shorten(times), opts.runs)
		return res
	}
	res.summarize(opts.noisy)
	return res
}

var timesPattern = regexp.MustCompile(`\{(\d+),(\d+)\}`)
