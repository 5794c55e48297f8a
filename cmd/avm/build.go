package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/project"
)

// buildOptions are the flags of avm build.
type buildOptions struct {
	out          string
	includeLines bool
	wholeElixir  bool
	profile      string
	start        string
	json         bool
}

func newBuildCmd(io streams) *cobra.Command {
	var opts buildOptions
	cmd := &cobra.Command{
		Use:   "build [DIR]",
		Short: "Compile a project and pack it into _build/avm/NAME.avm",
		Long: `Build compiles the project in DIR (default: the current directory) and packs
it into _build/avm/NAME.avm, with the start module first and the files of
priv/ stored as NAME/priv/… for atomvm:read_priv/2.

Projects: rebar3 (rebar.config), mix (mix.exs), or a plain directory of .erl
files (src/*.erl or *.erl, with include/ and priv/). avm reads the start
module, the erlc options, pruning and the target from the configuration:
rebar.config's erl_opts, atomvm_rebar3_plugin and avm sections, mix.exs's
app, atomvm: [start: …] and avm: [target: …] keys.

The target sets how large the archive may be: --profile, else the
project's ({avm, [{target, esp32}]}, else the flash task of
atomvm_rebar3_plugin), else the board file's, else generic_unix (no limit),
as for avm run (avm help board).

Modules are compiled with erlc and elixirc directly, and only those whose
source changed (modification time, then content) since the last build; a
change of header, option or compiler recompiles them all. Projects with
dependencies to fetch, hooks or compile plugins are compiled by
"rebar3 compile" or "mix compile" instead.

The commands run are erlc, elixirc, rebar3 and mix from PATH, or the
commands named by $ERLC, $ELIXIRC, $REBAR3 and $MIX. Compiler errors are
printed as the compiler prints them (file:line:col: message) and the build
exits with status 1.`,
		Example: `  avm build
  avm build path/to/app -o app.avm
  avm build --profile stm32 --include-lines
  avm build --json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			log := io.Out
			if opts.json {
				log = io.Err
			}
			res, err := buildProject(cmd.Context(), io, dir, opts, log)
			if err != nil {
				return err
			}
			if opts.json {
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.out, "out", "o", "", "the archive to write (default: _build/avm/NAME.avm in the project)")
	f.BoolVarP(&opts.includeLines, "include-lines", "i", false, "keep line tables, so that stacktraces on the device show file:line")
	f.BoolVar(&opts.wholeElixir, "whole-elixir-modules", false, "pack the Elixir library modules the app reaches whole, not just the functions it reaches (for calls by names computed at run time)")
	f.StringVar(&opts.profile, "profile", "", "the target, which sets how large the archive may be: "+strings.Join(project.TargetNames(), ", ")+" (default: the project's, else the board file's, else generic_unix)")
	f.StringVarP(&opts.start, "start", "s", "", "the start module (default: from the configuration, else the module named after the application)")
	f.BoolVar(&opts.json, "json", false, "print the result as JSON on stdout (progress goes to stderr)")
	cmd.RegisterFlagCompletionFunc("profile", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return project.TargetNames(), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	}
	return cmd
}

// buildProject builds the project in dir and reports on log: what was
// compiled, and the archive written. Compiler output goes to io.Err.
func buildProject(ctx context.Context, io streams, dir string, opts buildOptions, log io.Writer) (*project.Result, error) {
	p, err := project.Detect(dir)
	if err != nil {
		return nil, err
	}
	if p.Delegate != "" {
		fmt.Fprintf(log, "compiling with %s: %s\n", map[project.Kind]string{project.Rebar3: "rebar3", project.Mix: "mix"}[p.Kind], p.Delegate)
	}
	t0 := time.Now()
	res, err := p.Build(ctx, project.BuildOptions{
		Out:                opts.out,
		IncludeLines:       opts.includeLines,
		WholeElixirModules: opts.wholeElixir,
		Start:              opts.start,
		Target:             opts.profile,
		Stderr:             io.Err,
		Colour:             colourful(io.Err),
	})
	var ce *project.CompileError
	var te *project.ToolError
	switch {
	case errors.As(err, &ce), errors.As(err, &te):
		fmt.Fprintf(io.Err, "%s %v\n", paint(io.Err, red, "avm: build failed:"), err)
		return nil, &exitError{exitFailure}
	case err != nil:
		return nil, err
	}
	elapsed := time.Since(t0).Round(time.Millisecond)
	if len(res.Compiled) > 0 {
		fmt.Fprintf(log, "compiled %d module%s with %s", len(res.Compiled), plural(len(res.Compiled)), strings.Join(res.Via, " and "))
		if res.UpToDate > 0 {
			fmt.Fprintf(log, " (%d up to date)", res.UpToDate)
		}
		fmt.Fprintf(log, " in %v\n", elapsed)
	} else if len(res.Via) > 0 {
		fmt.Fprintf(log, "compiled with %s in %v\n", strings.Join(res.Via, " and "), elapsed)
	}
	start := res.Start
	if start == "" {
		start = "none (no module exports start/0: a library)"
	}
	verb := "wrote"
	if res.Unchanged {
		verb = "up to date:"
	}
	fmt.Fprintf(log, "%s %s: %d module%s, %d priv file%s, %s; start: %s\n", paint(log, green, verb),
		res.Archive, res.Modules, plural(res.Modules), res.PrivFiles, plural(res.PrivFiles), formatSize(res.Size), start)
	if len(res.Pruned) > 0 {
		fmt.Fprintf(log, "pruned %d unreachable module%s: %s\n", len(res.Pruned), plural(len(res.Pruned)), strings.Join(res.Pruned, ", "))
	}
	if std := res.ElixirStdlib; std != nil {
		fmt.Fprintln(log, elixirStdlibLine(std))
	}
	if res.AppSize > 0 && res.Size > res.AppSize {
		fmt.Fprintf(io.Err, "%s %s (%s) does not fit %s (--profile chooses the target)\n",
			paint(io.Err, yellow, "warning:"), res.Archive, formatSize(res.Size), res.AppWhere)
	}
	return res, nil
}

// elixirStdlibLine says what Elixir's library added to the archive:
// "Elixir stdlib: 42 modules (610 of 1520 functions), 212.4 KiB (from
// /usr/lib/elixir/lib)".
func elixirStdlibLine(std *project.ElixirStdlib) string {
	line := fmt.Sprintf("Elixir stdlib: %d module%s", len(std.Modules), plural(len(std.Modules)))
	if std.FunctionsDropped > 0 {
		line += fmt.Sprintf(" (%d of %d functions)", std.Functions, std.Functions+std.FunctionsDropped)
	}
	line += ", " + formatSize(std.Bytes)
	if len(std.Dirs) > 0 {
		line += " (from " + libraryDir(std.Dirs) + ")"
	}
	return line
}

// libraryDir names where ebin directories are: the one, or the directory
// holding them all (an Elixir installation's lib/, with elixir/ebin,
// logger/ebin…).
func libraryDir(dirs []string) string {
	parent := filepath.Dir(filepath.Dir(dirs[0]))
	for _, d := range dirs[1:] {
		if filepath.Dir(filepath.Dir(d)) != parent {
			return strings.Join(dirs, ", ")
		}
	}
	if len(dirs) == 1 {
		return dirs[0]
	}
	return parent
}

// buildDirArgs builds the projects among avm run's arguments (the current
// directory when there are none) and puts their archives in their place.
// Build messages go to stderr, leaving stdout to the program.
func buildDirArgs(ctx context.Context, io streams, args []string) ([]string, error) {
	if len(args) == 0 {
		args = []string{"."}
	}
	files := make([]string, len(args))
	for i, a := range args {
		files[i] = a
		if info, err := os.Stat(a); err != nil || !info.IsDir() {
			continue
		}
		res, err := buildProject(ctx, io, a, buildOptions{}, io.Err)
		if err != nil {
			return nil, err
		}
		files[i] = res.Archive
	}
	return files, nil
}
