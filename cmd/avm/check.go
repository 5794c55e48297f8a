package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/lsp"
	"github.com/avmtool/avm/lsp/settings"
)

// checkOptions are the flags of avm check.
type checkOptions struct {
	asJSON            bool
	release, platform string
}

func newCheckCmd(io streams) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use:   "check [DIR]",
		Short: "Report what in a project's Erlang sources will not work on its AtomVM target",
		Long: `Check runs the diagnostics of avm lsp on every .erl file under DIR (default:
the current directory), dependencies under _build excepted, and prints them
as FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE]. It exits 1 when there is an
error, 0 otherwise (warnings alone do not fail).

The target comes from the project's configuration, as for avm run and
avm build: DIR/rebar.config ({avm, [{target, esp32}, {atomvm, "0.6"}]}, or
the flash task of atomvm_rebar3_plugin) or DIR/mix.exs (avm: [target:
:esp32, atomvm: "0.6"]); the flags override it. The default is the newest
AtomVM release on generic_unix. Targets are judged by their platform's API
(esp32s3 and esp32c3 by esp32's, linux by generic_unix's).`,
		Example: "  avm check\n  avm check --target esp32 --atomvm 0.6 apps/blinky\n  avm check --json > findings.json",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return checkRun(io, opts, dir)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the findings as a JSON array")
	cmd.Flags().StringVar(&opts.platform, "target", "", "the target whose AtomVM platform code is judged by: generic_unix, esp32 (esp32s3, esp32c3), stm32, rp2 or linux (default: from the project)")
	cmd.Flags().StringVar(&opts.release, "atomvm", "", "AtomVM release, e.g. 0.6 (default: from the project, else the newest)")
	return cmd
}

func checkRun(io streams, opts checkOptions, dir string) error {
	if st, err := os.Stat(dir); err != nil {
		return err
	} else if !st.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	cfg, err := settings.Load(dir)
	if err != nil {
		return err
	}
	if opts.release != "" {
		cfg.Release = settings.NormRelease(opts.release)
	}
	if opts.platform != "" {
		cfg.Platform = settings.NormPlatform(opts.platform)
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	findings, files, err := lsp.CheckProject(context.Background(), dir, cfg)
	if err != nil {
		return err
	}
	if files == 0 {
		// Elixir sources need the compiler: avm check reads Erlang only.
		fmt.Fprintf(io.Err, "no Erlang sources (.erl) under %s: nothing to check\n", dir)
		return nil
	}
	errors, warnings := 0, 0
	for _, f := range findings {
		switch f.Severity {
		case "error":
			errors++
		case "warning":
			warnings++
		}
	}
	if opts.asJSON {
		if findings == nil {
			findings = []lsp.Finding{}
		}
		enc := json.NewEncoder(io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(io.Out, f)
		}
	}
	fmt.Fprintf(io.Err, "%s, %s in %s, checked against %s\n", count(errors, "error"), count(warnings, "warning"), count(files, "file"), cfg.Target())
	if errors > 0 {
		return &exitError{exitFailure}
	}
	return nil
}

// count says "1 error", "2 errors".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
