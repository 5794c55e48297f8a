package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
)

func newPackDeleteCmd(io streams) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "delete X.avm NAME…",
		Short: "Remove entries from an archive",
		Long: `Delete removes the named entries (a module may be named without .beam) and
writes the archive back, or to -o. Nothing is written when a name is not
in the archive.`,
		Example: "  avm pack delete app.avm debug.beam\n  avm pack delete app.avm debug -o small.avm",
		Args:    cobra.MinimumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				out = args[0]
			}
			return deleteEntries(io, args[0], out, args[1:])
		},
	}
	cmd.Flags().StringVarP(&out, "out", "o", "", "the archive to write (default: X.avm itself)")
	return cmd
}

func deleteEntries(io streams, archive, out string, names []string) error {
	a, err := packbeam.ReadFile(archive)
	if err != nil {
		return err
	}
	found, err := selectEntries(archive, a, names)
	if err != nil {
		return err
	}
	del := make([]string, len(found))
	for i, e := range found {
		del[i] = e.Name
	}
	a.Delete(del...)
	if err := a.WriteFile(out); err != nil {
		return err
	}
	entries := "entries"
	if len(del) == 1 {
		entries = "entry"
	}
	fmt.Fprintf(io.Out, "deleted %d %s; wrote %s (%s)\n", len(del), entries, out, formatSize(a.Size()))
	return nil
}
