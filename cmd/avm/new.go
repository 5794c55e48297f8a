package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/templates"
)

// newOptions are the flags of avm new.
type newOptions struct {
	template string
	dir      string
}

func newNewCmd(io streams) *cobra.Command {
	var opts newOptions
	var list strings.Builder
	for _, t := range templates.All {
		fmt.Fprintf(&list, "  %-11s %s\n", t.Name, t.Summary)
	}
	cmd := &cobra.Command{
		Use:   "new NAME",
		Short: "Create a project from a template",
		Long: `New creates the directory NAME (or --dir) with a project that avm, rebar3
(with atomvm_rebar3_plugin) and mix (with ExAtomVM) all build. NAME is the
application and its main module: a lowercase letter, then lowercase
letters, digits and _. Elixir projects name their module after it
(my_app: MyApp). New never writes into a directory that has files.

Templates:
` + list.String(),
		Example: "  avm new hello\n  avm new blinky --template blinky\n  avm new my_app --template elixir --dir apps/my_app",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return newProject(io, args[0], opts)
		},
	}
	cmd.Flags().StringVarP(&opts.template, "template", "t", templates.All[0].Name, "the template: "+templateNames())
	cmd.Flags().StringVarP(&opts.dir, "dir", "d", "", "the directory to create (default: NAME)")
	cmd.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, t := range templates.All {
			out = append(out, t.Name+"\t"+t.Summary)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.ValidArgsFunction = cobra.NoFileCompletions
	return cmd
}

func templateNames() string {
	names := make([]string, len(templates.All))
	for i, t := range templates.All {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}

func newProject(io streams, name string, opts newOptions) error {
	t, err := templates.Find(opts.template)
	if err != nil {
		return err
	}
	if err := templates.ValidateName(name); err != nil {
		return err
	}
	files, err := t.Expand(name)
	if err != nil {
		return err
	}
	dir := opts.dir
	if dir == "" {
		dir = name
	}
	if err := makeEmptyDir(dir); err != nil {
		return err
	}
	if err := writeFiles(dir, files); err != nil {
		// Leave nothing half made: the directory was new or empty.
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
		return err
	}
	fmt.Fprintf(io.Out, "created %s from the %s template:\n", dir, t.Name)
	for _, f := range files {
		fmt.Fprintf(io.Out, "  %s\n", filepath.Join(dir, filepath.FromSlash(f.Path)))
	}
	fmt.Fprintln(io.Out, "\nnext:")
	step := func(cmd, what string) {
		if what == "" {
			fmt.Fprintf(io.Out, "  %s\n", paint(io.Out, bold, cmd))
			return
		}
		fmt.Fprintf(io.Out, "  %s %s\n", paint(io.Out, bold, fmt.Sprintf("%-22s", cmd)), what)
	}
	if filepath.Clean(dir) != "." {
		step("cd "+dir, "")
	}
	switch t.Name {
	case "blinky":
		step("avm run", "run it here with simulated pins (Ctrl-C stops it)")
		step("avm build", "compile and pack _build/avm/"+name+".avm")
		step("avm flash", "put it on the board (which runs AtomVM)")
		step("avm monitor", "watch the board's console")
	case "elixir":
		step("avm build", "compile and pack _build/avm/"+name+".avm")
		step("avm run", "build and run it here, with your Elixir installation's library")
		step("avm flash", "put it on the board (which runs AtomVM)")
	default:
		step("avm run", "build and run it here")
		step("avm build", "compile and pack _build/avm/"+name+".avm")
		step("avm flash", "put it on the board (which runs AtomVM)")
	}
	return nil
}

func writeFiles(dir string, files []templates.File) error {
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_, err = out.Write(f.Data)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// makeEmptyDir creates dir, or accepts it when it exists and is empty: new
// never overwrites anything.
func makeEmptyDir(dir string) error {
	err := os.MkdirAll(filepath.Dir(filepath.Clean(dir)), 0o755)
	if err == nil {
		err = os.Mkdir(dir, 0o755)
	}
	if !errors.Is(err, fs.ErrExist) {
		return err
	}
	info, statErr := os.Stat(dir)
	if statErr != nil || !info.IsDir() {
		return fmt.Errorf("%s already exists and is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s already exists and is not empty; avm new does not overwrite files: choose another name, or --dir", dir)
	}
	return nil
}
