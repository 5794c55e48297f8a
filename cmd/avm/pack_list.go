package main

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
)

func newPackListCmd(io streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list X.avm",
		Short: "List the entries of an archive: name, kind, size, * for the start module",
		Long: `List prints one line per entry of the archive: its name (with * when it is
flagged as a start module), its kind (beam or file) and its size in bytes
(a plain file's own size; a module's stripped BEAM file). The entry point
AtomVM starts is the first module marked *.`,
		Example: "  avm pack list app.avm\n  avm pack list --json app.avm",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return listArchive(io, args[0], asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {name, kind, module, size, start, offset}")
	return cmd
}

// listedEntry is an entry as avm pack list --json prints it.
type listedEntry struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`
	Module string `json:"module,omitempty"`
	Size   int    `json:"size"`
	Start  bool   `json:"start"`
	Offset int    `json:"offset"`
}

func listArchive(io streams, path string, asJSON bool) error {
	a, err := packbeam.ReadFile(path)
	if err != nil {
		return err
	}
	if asJSON {
		list := make([]listedEntry, len(a.Entries))
		for i, e := range a.Entries {
			list[i] = listedEntry{Name: e.Name, Kind: e.Kind(), Module: e.Module(), Size: len(e.Data), Start: e.IsStart(), Offset: e.Offset}
		}
		out, err := json.MarshalIndent(list, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "%s\n", out)
		return nil
	}
	for _, e := range a.Entries {
		if e.Flags == 0 {
			fmt.Fprintf(io.Err, "warning: %s: plain file %s has flags 0, so AtomVM stops looking for modules at it; repack with avm pack to fix\n", path, e.Name)
			break
		}
	}
	w := tabwriter.NewWriter(io.Out, 0, 0, 2, ' ', 0)
	for _, e := range a.Entries {
		star := ""
		if e.IsStart() {
			star = " *"
		}
		fmt.Fprintf(w, "%s%s\t%s\t%d\n", e.Name, star, e.Kind(), len(e.Data))
	}
	return w.Flush()
}
