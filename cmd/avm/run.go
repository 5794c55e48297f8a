package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/target"
	"github.com/avmtool/avm/vm"
	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/term"
)

// runOptions are the flags of avm run.
type runOptions struct {
	schedulers int
	profile    profileFlags
	target     targetFlags
	// dir is the project whose configuration sets the target: the first
	// directory argument, else the current directory.
	dir string
}

func newRunCmd(io streams) *cobra.Command {
	var opts runOptions
	cmd := &cobra.Command{
		Use:   "run [DIR | FILE.avm|FILE.beam…]",
		Short: "Run an application as AtomVM does",
		Long: `Run loads the given .avm archives and .beam files and calls start/0 of the
entry point: the first start module of the first archive that has one, or
the first .beam file that exports start/0, whichever comes first. Program
output goes to stdout; when start/0 returns, avm prints
"Return value: <term>" on stderr and exits 0 if the value is ok, 1 otherwise.
Modules that are called but not loaded are found in the archives, in the
order given, then as <module>.beam in the current directory, then beside
the given files. A directory is a project: avm builds it (as avm build
does) and runs its archive; with no argument, the current directory.

The target, the AtomVM release, strictness and the board file come from
the flags, else from the project's configuration (rebar.config's
{avm, [{target, esp32}, {atomvm, "0.6"}, {board, "b.json"}, {strict, true}]}
or mix.exs's avm: [target: :esp32, …]; the first directory argument's, else
the current directory's), else from the board file ("target"), else
generic_unix on the newest AtomVM release (avm help board).`,
		Example: "  avm run\n  avm run hello.avm\n  avm run app.avm atomvmlib.avm\n  avm run app.beam lib1.beam lib2.beam",
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.schedulers < 0 {
				return fmt.Errorf("--schedulers must be 1 or more (0 means one per CPU), not %d", opts.schedulers)
			}
			files, err := buildDirArgs(cmd.Context(), io, args)
			if err != nil {
				return err
			}
			opts.dir = projectDirArg(args)
			return opts.profile.around(io.Err, func() error { return runSession(io, opts, files) })
		},
	}
	cmd.Flags().IntVar(&opts.schedulers, "schedulers", 0, "how many processes run in parallel (default: one per CPU)")
	opts.profile.register(cmd)
	opts.target.register(cmd)
	return cmd
}

// runFiles runs the app once on session s's board; woke says why it
// starts (after a deep sleep, say). An app that resets the board ends the
// run with *errReset.
func runFiles(io streams, opts runOptions, files []string, s *target.Session, woke vm.ResetReason) error {
	var dirs []string
	dirs = append(dirs, ".")
	vmOpts := vm.Options{Stdout: io.Out, Stderr: io.Err, Schedulers: opts.schedulers, Load: func(module string) ([]byte, error) {
		for _, d := range dirs {
			data, err := os.ReadFile(filepath.Join(d, module+".beam"))
			if err == nil {
				return data, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
		}
		return loadElixirModule(module)
	}}
	s.Configure(&vmOpts, target.AppModules(files), woke)
	m := vm.New(vmOpts)
	s.Running(m)
	var start, archiveHint string
	for _, f := range files {
		if strings.HasSuffix(f, ".avm") {
			a, err := packbeam.ReadFile(f)
			if err != nil {
				return err
			}
			m.AddArchive(f, a)
			archiveHint = " (no start module in the archives; avm pack --start MOD sets one)"
			if e := a.Start(); start == "" && e != nil {
				start = e.Module()
			}
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		parsed, err := beam.Parse(f, data)
		if err != nil {
			return err
		}
		mod, err := m.LoadFile(f, parsed)
		if err != nil {
			return err
		}
		if start == "" && exportsStart(parsed) {
			start = mod.Name()
		}
		if d := filepath.Dir(f); d != "." {
			dirs = append(dirs, d)
		}
	}
	if start == "" {
		return fmt.Errorf("no module exports start/0 among %s%s", strings.Join(files, ", "), archiveHint)
	}
	out, err := m.Run(start, "start")
	if err != nil {
		return err
	}
	if out.Reset != nil && out.Reset.Reason == vm.ResetHalted {
		// erlang:halt/1: the app's exit status is avm's.
		if out.Reset.Status == 0 {
			return nil
		}
		return &exitError{out.Reset.Status}
	}
	if out.Reset != nil {
		return &errReset{*out.Reset}
	}
	h := out.Heap
	if out.Crashed() {
		fmt.Fprint(io.Err, elixirCrashReport(m, out))
		if hint := m.Hint(out); hint != "" {
			fmt.Fprintf(io.Err, "hint: %s\n", hint)
		} else {
			fmt.Fprint(io.Err, crashHint(m, out))
		}
		fmt.Fprintln(io.Err, "Return value: error")
		return &exitError{exitFailure}
	}
	fmt.Fprintf(io.Err, "Return value: %s\n", h.FormatPrintable(out.Value))
	if out.Value != term.AtomOk {
		return &exitError{exitFailure}
	}
	return nil
}

func exportsStart(f *beam.File) bool {
	for _, e := range f.Exports {
		if e.Arity == 0 && int(e.Function) >= 1 && int(e.Function) <= len(f.Atoms) && f.Atoms[e.Function-1] == "start" {
			return true
		}
	}
	return false
}

// crashReport describes an uncaught exception: class, reason, and the
// stacktrace one frame a line with file:line.
func crashReport(out *vm.Outcome) string {
	h := out.Heap
	var b strings.Builder
	fmt.Fprintf(&b, "Uncaught %s: %s\n", h.Format(out.Class), h.FormatPrintable(out.Reason))
	frames, _ := h.ListToSlice(out.Stacktrace)
	for _, fr := range frames {
		if !h.IsTuple(fr) || h.TupleSize(fr) != 4 {
			continue
		}
		e := h.TupleElems(fr)
		call := h.Format(e[0]) + ":" + h.Format(e[1])
		if e[2].IsSmall() {
			call += "/" + h.Format(e[2])
		} else {
			args, _ := h.ListToSlice(e[2])
			parts := make([]string, len(args))
			for i, a := range args {
				parts[i] = h.FormatPrintable(a)
			}
			call += "(" + strings.Join(parts, ", ") + ")"
		}
		file, line := "", ""
		locs, _ := h.ListToSlice(e[3])
		for _, l := range locs {
			if h.IsTuple(l) && h.TupleSize(l) == 2 {
				kv := h.TupleElems(l)
				switch kv[0] {
				case term.AtomFile:
					s, _ := h.ListToSlice(kv[1])
					rs := make([]rune, len(s))
					for i, c := range s {
						rs[i] = rune(c.Small())
					}
					file = string(rs)
				case term.AtomLine:
					line = h.Format(kv[1])
				}
			}
		}
		if file != "" {
			fmt.Fprintf(&b, "    at %s (%s:%s)\n", call, file, line)
		} else {
			fmt.Fprintf(&b, "    at %s\n", call)
		}
	}
	return b.String()
}
