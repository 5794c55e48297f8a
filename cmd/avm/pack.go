package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
)

// defaultPartitionSize is the size of the main.avm partition of AtomVM's
// ESP32 images, which the archive is checked against.
const defaultPartitionSize = 1 << 20

// packOptions are the flags of avm pack.
type packOptions struct {
	out           string
	includeLines  bool
	start         string
	prune         bool
	lib           bool
	privDirs      []string
	partitionSize string
	list          bool // PackBEAM's -l: list the archive instead
}

func newPackCmd(io streams) *cobra.Command {
	var opts packOptions
	cmd := &cobra.Command{
		Use:   "pack [-o OUT.avm] INPUT…",
		Short: "Pack modules and priv files into an .avm archive for AtomVM",
		Long: `Pack writes an .avm archive, the file AtomVM runs and flashes. Inputs are
.beam files, .avm archives (merged), directories of .beam files (such as
_build/default/lib/*/ebin), and plain files under an APP/priv/ directory,
stored as APP/priv/PATH for atomvm:read_priv(APP, PATH).

Modules keep only the chunks AtomVM reads, with literals uncompressed. Every
module that exports start/0 is flagged as a start module, and AtomVM starts
the first one: give --start to choose it, or --lib for a library archive.

PackBEAM's spelling works too: without -o, a first input ending in .avm is
the archive to write ("avm pack [-a] [-i] OUT.avm INPUT…"; -a: a library),
and "avm pack -l X.avm" lists X.avm.`,
		Example: `  avm pack -o hello.avm hello.beam
  avm pack -o app.avm --start app --prune _build/default/lib/*/ebin --priv myapp/priv
  avm pack list app.avm
  avm pack extract app.avm -o out/
  avm pack delete app.avm unused.beam`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.list {
				if len(args) != 1 {
					return fmt.Errorf("-l lists one archive: avm pack -l X.avm")
				}
				return listArchive(io, args[0], false)
			}
			return packRun(io, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "", "the archive to write (default: START.avm)")
	f.BoolVarP(&opts.includeLines, "include-lines", "i", false, "keep line tables, so that stacktraces on the device show file:line")
	f.StringVarP(&opts.start, "start", "s", "", "the start module: flagged as the only entry point and packed first")
	f.BoolVar(&opts.prune, "prune", false, "drop the modules the start module cannot reach, and say which")
	f.BoolVar(&opts.lib, "lib", false, "a library: no module is flagged as start")
	f.BoolVarP(&opts.lib, "archive", "a", false, "PackBEAM's name for --lib")
	f.StringArrayVar(&opts.privDirs, "priv", nil, "a priv directory to store as APP/priv/…; APP is its parent's name, or give APP=DIR (repeatable)")
	f.StringVar(&opts.partitionSize, "partition-size", "1M", "warn when the archive is larger than this (the app partition; K and M suffixes)")
	f.BoolVarP(&opts.list, "list", "l", false, "PackBEAM's spelling of avm pack list")
	f.Lookup("archive").Hidden = true
	f.Lookup("list").Hidden = true
	cmd.AddCommand(newPackListCmd(io), newPackExtractCmd(io), newPackDeleteCmd(io))
	return cmd
}

func packRun(io streams, opts packOptions, inputs []string) error {
	limit, err := parseSize(opts.partitionSize)
	if err != nil {
		return fmt.Errorf("--partition-size: %w", err)
	}
	if opts.out == "" && len(inputs) > 1 && strings.HasSuffix(inputs[0], ".avm") {
		opts.out, inputs = inputs[0], inputs[1:] // PackBEAM's spelling: OUT.avm INPUT…
	}
	if opts.lib && opts.start != "" {
		return fmt.Errorf("--lib and --start contradict each other: a library has no start module")
	}
	a := &packbeam.Archive{}
	for _, in := range inputs {
		if err := addInput(a, in, opts); err != nil {
			return err
		}
	}
	for _, spec := range opts.privDirs {
		app, dir, ok := strings.Cut(spec, "=")
		if !ok {
			dir, app = spec, privApp(spec)
			if app == "" {
				return fmt.Errorf("--priv %s: cannot tell the application: name the directory APP/priv or give --priv APP=%s", spec, spec)
			}
		}
		if err := addPrivDir(a, app, dir); err != nil {
			return err
		}
	}
	switch {
	case opts.lib:
		a.ClearStart()
	case opts.start != "":
		if err := a.SetStart(opts.start); err != nil {
			return err
		}
	}
	if opts.prune {
		dropped, err := a.Prune()
		if err != nil {
			return err
		}
		if len(dropped) > 0 {
			fmt.Fprintf(io.Out, "pruned %d unreachable module%s: %s\n", len(dropped), plural(len(dropped)), strings.Join(dropped, ", "))
		}
	}
	start := a.Start()
	if opts.out == "" {
		if start == nil {
			return fmt.Errorf("no start module to name the archive after: give -o OUT.avm")
		}
		opts.out = start.Module() + ".avm"
	}
	if err := a.WriteFile(opts.out); err != nil {
		return err
	}
	printSummary(io, opts.out, a, limit)
	return nil
}

// addInput adds what one command-line input holds. A file under an
// APP/priv/ directory is a plain file whatever its extension (an .avm
// there is data that the program loads itself).
func addInput(a *packbeam.Archive, in string, opts packOptions) error {
	info, err := os.Stat(in)
	if err != nil {
		return err
	}
	if info.IsDir() {
		if app := privApp(in); app != "" {
			return addPrivDir(a, app, in)
		}
		beams, _ := filepath.Glob(filepath.Join(in, "*.beam"))
		if len(beams) == 0 {
			return fmt.Errorf("%s: no .beam files in this directory (a priv directory must be named APP/priv, or given as --priv APP=DIR)", in)
		}
		for _, b := range beams {
			if err := addBEAM(a, b, opts); err != nil {
				return err
			}
		}
		return nil
	}
	if app, rel := privPath(in); app != "" {
		data, err := os.ReadFile(in)
		if err != nil {
			return err
		}
		return a.Add(packbeam.NewFile(app+"/priv/"+rel, data))
	}
	switch {
	case strings.HasSuffix(in, ".beam"):
		return addBEAM(a, in, opts)
	case strings.HasSuffix(in, ".avm"):
		b, err := packbeam.ReadFile(in)
		if err != nil {
			return err
		}
		if err := a.Add(b.Entries...); err != nil {
			return fmt.Errorf("%s: %w", in, err)
		}
		return nil
	}
	return fmt.Errorf("%s: not a .beam, an .avm or a file under APP/priv/; store plain files as APP/priv/PATH (or use --priv DIR)", in)
}

func addBEAM(a *packbeam.Archive, path string, opts packOptions) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	e, err := packbeam.NewModule(path, data, packbeam.StripOptions{IncludeLines: opts.includeLines})
	if err != nil {
		return err
	}
	if err := a.Add(e); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// addPrivDir adds every file under dir as app/priv/RELATIVE-PATH, in
// lexical order.
func addPrivDir(a *packbeam.Archive, app, dir string) error {
	var entries []*packbeam.Entry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		entries = append(entries, packbeam.NewFile(app+"/priv/"+filepath.ToSlash(rel), data))
		return nil
	})
	if err != nil {
		return err
	}
	return a.Add(entries...)
}

// privApp returns APP for a directory APP/priv, or "".
func privApp(dir string) string {
	dir = filepath.Clean(dir)
	if filepath.Base(dir) != "priv" {
		return ""
	}
	app := filepath.Base(filepath.Dir(dir))
	if app == "." || app == ".." || app == string(filepath.Separator) {
		return ""
	}
	return app
}

// privPath splits a file path …/APP/priv/REST into APP and REST (with
// slashes); app is "" when the path has no priv directory.
func privPath(path string) (app, rest string) {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(path)), "/")
	for i := len(parts) - 2; i >= 1; i-- {
		if parts[i] == "priv" && parts[i-1] != "." && parts[i-1] != ".." && parts[i-1] != "" {
			return parts[i-1], strings.Join(parts[i+1:], "/")
		}
	}
	return "", ""
}

func printSummary(io streams, out string, a *packbeam.Archive, limit int) {
	modules, files := 0, 0
	for _, e := range a.Entries {
		if e.IsBEAM() {
			modules++
		} else {
			files++
		}
	}
	start := "none (library)"
	if e := a.Start(); e != nil {
		start = e.Module()
	}
	size := a.Size()
	fmt.Fprintf(io.Out, "wrote %s: %d module%s, %d priv file%s, %s; start: %s\n",
		out, modules, plural(modules), files, plural(files), formatSize(size), start)
	if limit > 0 && size > limit {
		fmt.Fprintf(io.Err, "warning: %s (%s) does not fit the %s app partition; on an ESP32, AtomVM's main.avm partition is 1 MiB unless you changed the partition table (--partition-size sets the limit)\n",
			out, formatSize(size), formatSize(limit))
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatSize reads like "812 B", "14.2 KiB" or "1.5 MiB".
func formatSize(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// parseSize reads a byte count: decimal or 0x hex, with an optional K or M
// (binary) suffix; 0 turns the check off.
func parseSize(s string) (int, error) {
	mult := 1
	switch {
	case strings.HasSuffix(strings.ToUpper(s), "K"):
		mult, s = 1<<10, s[:len(s)-1]
	case strings.HasSuffix(strings.ToUpper(s), "M"):
		mult, s = 1<<20, s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil || n < 0 || n > 1<<40 {
		return 0, fmt.Errorf("%q is not a size such as 1M, 512K or 0x100000", s)
	}
	return int(n) * mult, nil
}
