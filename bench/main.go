// Command bench measures avm on the Erlang programs in this directory and
// compares it with OTP's erl and, optionally, with another VM such as
// AtomVM:
//
//	go run ./bench                      # every benchmark, 5 runs each
//	go run ./bench -n 3 -run 'fib|maps' # a selection
//	AVM_BENCH_REF='AtomVM atomvmlib.avm' go run ./bench --json
//
// Each bench_NAME.erl exports start/0, a fixed workload that returns a
// checksum, and run/0, one unit of it (start/0 repeats run/0). For every
// benchmark the runner packs the compiled module into an .avm and runs, one
// warm-up and then -n measured times each:
//
//   - avm (built from this checkout, or -avm PATH): avm run NAME.avm;
//   - erl, when installed: the whole process
//     (erl -noshell -eval 'io:format("~w~n", [NAME:start()]), halt().'),
//     and the workload alone, timed with timer:tc inside one erl;
//   - $AVM_BENCH_REF, when set: its words, then the path of NAME.avm.
//
// Every result is checked against erl's (against bench/NAME.want, what OTP
// 25 returned, when erl is missing). The table shows the median wall time
// (CPU time with -cpu) and the peak RSS of each, the ratios avm/ref and
// avm/erl-workload and their geometric means; a result whose min–max spread
// is wide is flagged noisy. A benchmark that fails somewhere is reported in
// its row and left out of the means. --json prints every run's wall and CPU
// time; -from prints the table of such a file again. docs/performance.md
// says more, and holds the latest table.
//
// bench_test.go holds Go benchmarks of the same programs run in-process
// (go test -bench . ./bench), for profiling with go test's flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"time"
)

type options struct {
	runs     int
	filter   *regexp.Regexp
	json     bool
	avm      string        // prebuilt avm binary, or "" to build one
	beams    string        // directory of compiled benchmarks
	ref      []string      // $AVM_BENCH_REF split into words
	timeout  time.Duration // per run
	noisy    float64       // spread (max-min)/median above which a result is noisy
	noErl    bool
	progress bool
	cpu      bool   // compare CPU time instead of wall time
	from     string // print the table of this --json output instead of running
}

func main() {
	os.Exit(mainExit())
}

func mainExit() int {
	opts, err := parseFlags(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var rep *report
	if opts.from != "" {
		rep, err = readReport(opts.from, opts.cpu)
	} else {
		rep, err = runAll(ctx, opts)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		return 1
	}
	if opts.json {
		err = rep.writeJSON(os.Stdout)
	} else {
		err = rep.writeTable(os.Stdout)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		return 1
	}
	if rep.failures() > 0 {
		return 1
	}
	return 0
}

func parseFlags(args []string) (*options, error) {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run ./bench [flags]\n\n"+
			"Runs the benchmarks of bench/ on avm, erl and $AVM_BENCH_REF ('cmd args', the\n"+
			".avm path appended) and prints median wall time, peak RSS and ratios.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	runs := fs.Int("n", 5, "measured runs per VM, after one warm-up run")
	filter := fs.String("run", "", "only the benchmarks whose name (fib for bench_fib) matches this regular expression")
	jsonOut := fs.Bool("json", false, "print the results as JSON instead of a table")
	avm := fs.String("avm", "", "use this avm binary instead of building ./cmd/avm")
	beams := fs.String("beams", "", "directory of the compiled benchmarks (default: bench/otp25 of this checkout)")
	timeout := fs.Duration("timeout", time.Minute, "give up on a run after this long")
	noisy := fs.Float64("noisy", 0.15, "flag results whose (max-min)/median exceeds this")
	noErl := fs.Bool("no-erl", false, "do not run erl even if it is installed")
	quiet := fs.Bool("q", false, "do not print progress on stderr")
	from := fs.String("from", "", "print the table of an earlier --json output `FILE` instead of running anything (with -cpu: by CPU time)")
	cpu := fs.Bool("cpu", false, "compare CPU time (user+system of all threads) instead of wall time: steadier on a busy machine")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q (see -h)", fs.Arg(0))
	}
	if *runs < 1 {
		return nil, fmt.Errorf("-n must be 1 or more, not %d", *runs)
	}
	if *timeout <= 0 {
		return nil, fmt.Errorf("-timeout must be positive, not %v", *timeout)
	}
	re, err := regexp.Compile(*filter)
	if err != nil {
		return nil, fmt.Errorf("-run: %v", err)
	}
	opts := &options{runs: *runs, filter: re, json: *jsonOut, avm: *avm, beams: *beams,
		timeout: *timeout, noisy: *noisy, noErl: *noErl, progress: !*quiet, cpu: *cpu, from: *from}
	if ref := os.Getenv("AVM_BENCH_REF"); ref != "" {
		opts.ref, err = splitWords(ref)
		if err != nil {
			return nil, fmt.Errorf("AVM_BENCH_REF: %v", err)
		}
	}
	return opts, nil
}
