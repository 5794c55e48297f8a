package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/vm"
)

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the program ran and did not return ok
	exitUsage   = 2 // bad command line or bad input files
)

// exitError carries an exit status through cobra; its message, if any, has
// already been printed.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// streams are where a command reads and writes; tests replace them.
type streams struct {
	Out, Err io.Writer
}

// Main runs the avm command line and returns the exit status.
func Main(args []string) int {
	return run(args, streams{Out: os.Stdout, Err: os.Stderr})
}

func run(args []string, io streams) int {
	vm.Version, _ = buildVersion()
	root := newRootCmd(io)
	root.SetArgs(args)
	err := root.Execute()
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(io.Err, "avm: %v\n", err)
		return exitUsage
	}
}

func newRootCmd(io streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "avm",
		Short:         "The AtomVM toolchain: run, pack, flash and serve Erlang/Elixir apps",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.AddCommand(newRunCmd(io), newPackCmd(io), newVersionCmd(io), newAPICmd(io))
	root.AddCommand(newNewCmd(io), newBuildCmd(io), newCompletionCmd(io))
	root.AddCommand(newFlashCmd(io), newMonitorCmd(io), newDevicesCmd(io), newEmulateCmd(io))
	root.AddCommand(newLSPCmd(io), newCheckCmd(io))
	root.AddCommand(newBoardHelpCmd())
	root.AddCommand(newDevCmd(io))
	return root
}
