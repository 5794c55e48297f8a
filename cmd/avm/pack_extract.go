package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/packbeam"
)

func newPackExtractCmd(io streams) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "extract X.avm [NAME…]",
		Short: "Write the entries of an archive (all, or those named) as files",
		Long: `Extract writes entries as files under the output directory, each at its
name: modules as NAME.beam files (stripped BEAM files that erl loads too),
plain files as APP/priv/PATH. Existing files are replaced whole.`,
		Example: "  avm pack extract app.avm -o out\n  avm pack extract app.avm app.beam myapp/priv/config.json",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return extractArchive(io, args[0], dir, args[1:])
		},
	}
	cmd.Flags().StringVarP(&dir, "out", "o", ".", "the directory to write into")
	return cmd
}

func extractArchive(io streams, archive, dir string, names []string) error {
	a, err := packbeam.ReadFile(archive)
	if err != nil {
		return err
	}
	entries, err := selectEntries(archive, a, names)
	if err != nil {
		return err
	}
	for _, e := range entries {
		// Names come from the archive: never let one write outside dir.
		rel := filepath.FromSlash(e.Name)
		if !filepath.IsLocal(rel) {
			return fmt.Errorf("%s: entry %q would be written outside %s; not extracting it", archive, e.Name, dir)
		}
		out := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := packbeam.WriteFileAtomic(out, e.Data); err != nil {
			return err
		}
		fmt.Fprintf(io.Out, "x %s\n", e.Name)
	}
	return nil
}

// selectEntries returns the entries named (a module may be named without
// .beam), or all when names is empty; a name not found is an error.
func selectEntries(archive string, a *packbeam.Archive, names []string) ([]*packbeam.Entry, error) {
	if len(names) == 0 {
		return a.Entries, nil
	}
	var out []*packbeam.Entry
	var missing []string
	for _, n := range names {
		e := a.Find(n)
		if e == nil {
			e = a.Module(n)
		}
		if e == nil {
			missing = append(missing, n)
			continue
		}
		out = append(out, e)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s has no entry %s (avm pack list %s shows its entries)", archive, strings.Join(missing, ", "), archive)
	}
	return out, nil
}
