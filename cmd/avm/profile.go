package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/spf13/cobra"
)

// profileFlags are avm run's --cpuprofile and --memprofile: pprof profiles
// of the interpreter itself, to explain where a slow program's time and
// memory go (docs/performance.md shows how to read them).
type profileFlags struct {
	cpu, mem string
}

func (p *profileFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&p.cpu, "cpuprofile", "", "write a CPU profile of the run to `FILE` (go tool pprof reads it)")
	fs.StringVar(&p.mem, "memprofile", "", "write a memory allocation profile of the run to `FILE` (go tool pprof reads it)")
}

// around runs fn with the CPU profile recording, then writes the memory
// profile; the profiles are written whatever fn returns, so a program that
// crashes or returns something other than ok can be profiled too. Both
// files are created before fn runs, so that a bad path fails at once. A
// profile that cannot be written is the error, or is reported on stderr
// when fn already failed.
func (p *profileFlags) around(stderr io.Writer, fn func() error) (err error) {
	fail := func(flag string, ferr error) {
		if err == nil {
			err = fmt.Errorf("%s: %w", flag, ferr)
		} else {
			fmt.Fprintf(stderr, "avm: %s: %v\n", flag, ferr)
		}
	}
	var memFile *os.File
	if p.mem != "" {
		if memFile, err = os.Create(p.mem); err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		defer func() {
			// As go test -memprofile: every allocation since the start,
			// after a GC so that the in-use numbers are current.
			runtime.GC()
			werr := pprof.Lookup("allocs").WriteTo(memFile, 0)
			if cerr := memFile.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				fail("--memprofile", werr)
			}
		}()
	}
	if p.cpu != "" {
		cpuFile, err := os.Create(p.cpu)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			if cerr := cpuFile.Close(); cerr != nil {
				fail("--cpuprofile", cerr)
			}
		}()
	}
	return fn()
}
