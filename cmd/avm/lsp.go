package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/lsp"
)

func newLSPCmd(io streams) *cobra.Command {
	var opts lsp.Options
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server: editors show what AtomVM lacks as you type",
		Long: `Lsp speaks the Language Server Protocol on standard input and output.
Editors start it for Erlang files and show, as you type, calls to functions
the project's AtomVM target does not have, io:format directives it cannot
print, integer literals and bit syntax beyond its limits, and features it
lacks (-on_load, hot code loading, distribution). When a file is saved
and erlc is installed, the compiler's errors and warnings are shown too. It
also offers hover, completion after module:, go to definition, document
symbols and quick fixes.

The target comes from the project's configuration, as for avm run and
avm check (rebar.config's {avm, [{target, esp32}, {atomvm, "0.6"}]}, or the
flash task of atomvm_rebar3_plugin; mix.exs's avm: [target: :esp32]), then from
the client's initializationOptions ({"target": ..., "atomvm": ...}), then
from the flags. The default is the newest AtomVM release on generic_unix.
A "% avm-ignore" comment silences the diagnostics of its line (alone on a
line, of the next line); "% avm-ignore avm/format-args" only those of a code.

Editors start it as the command "avm lsp" for Erlang files, e.g. Neovim:
  vim.lsp.start({name = "avm", cmd = {"avm", "lsp"}, root_dir = vim.fs.root(0, "rebar.config")})
Emacs eglot: (add-to-list 'eglot-server-programs '(erlang-mode "avm" "lsp"))`,
		Example: "  avm lsp\n  avm lsp --target esp32 --atomvm 0.6",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Log = io.Err
			opts.Version, _ = buildVersion()
			if code := lsp.Serve(context.Background(), lsp.Stdio(), opts); code != 0 {
				return &exitError{code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.Platform, "target", "", "the target whose AtomVM platform code is judged by: generic_unix, esp32 (esp32s3, esp32c3), stm32, rp2 or linux (default: from the project)")
	cmd.Flags().StringVar(&opts.Release, "atomvm", "", "AtomVM release, e.g. 0.6 (default: from the project, else the newest)")
	cmd.Flags().BoolVar(&stdio, "stdio", true, "talk over standard input and output (the only transport; accepted for editors that pass it)")
	return cmd
}
