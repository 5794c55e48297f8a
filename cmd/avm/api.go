package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/vm/api"
)

// apiOptions are the flags of avm api.
type apiOptions struct {
	json     bool
	platform string // AtomVM platform to judge by; "" for all
	release  string // AtomVM release to judge by; "" for all
}

func newAPICmd(io streams) *cobra.Command {
	var opts apiOptions
	cmd := &cobra.Command{
		Use:   "api [MODULE]",
		Short: "List the Erlang functions avm provides and where AtomVM has them",
		Long: `Api lists every function of MODULE (of every module without one): how avm
provides it (bif, native, or erlang for the bundled Erlang library), whether
avm implements it, on which AtomVM releases and platforms it exists, and a
one-line doc. A device runs AtomVM, not avm: the AtomVM column is what code
for a device may call. --atomvm and --target narrow that column to one
release or platform; with both, functions the target lacks get a hint.`,
		Example: "  avm api lists\n  avm api gpio --target esp32 --atomvm 0.7\n  avm api --json",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.platform != "" && !slices.Contains(api.Platforms(), opts.platform) {
				return fmt.Errorf("--target %q: not an AtomVM platform (%s)", opts.platform, strings.Join(api.Platforms(), ", "))
			}
			if opts.release != "" && !slices.Contains(api.Releases(), opts.release) {
				return fmt.Errorf("--atomvm %q: not a known AtomVM release (%s)", opts.release, strings.Join(api.Releases(), ", "))
			}
			entries := api.All()
			if len(args) == 1 {
				if entries = api.Module(args[0]); entries == nil {
					fmt.Fprintf(io.Err, "avm api: unknown module %q: neither avm nor AtomVM has it (avm api lists all)\n", args[0])
					return &exitError{exitFailure}
				}
			}
			if opts.json {
				return writeAPIJSON(io, opts, entries)
			}
			return writeAPITable(io, opts, entries)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON instead of a table")
	cmd.Flags().StringVar(&opts.platform, "target", "", "AtomVM platform: "+strings.Join(api.Platforms(), ", "))
	cmd.Flags().StringVar(&opts.release, "atomvm", "", "AtomVM release: "+strings.Join(api.Releases(), ", "))
	return cmd
}

// atomvmOf narrows an entry's AtomVM availability to the chosen release
// and platform.
func (o apiOptions) atomvmOf(e api.Entry) []api.Availability {
	out := []api.Availability{}
	for _, a := range e.AtomVM {
		if o.release != "" && a.Release != o.release {
			continue
		}
		ps := a.Platforms
		if o.platform != "" {
			if !slices.Contains(ps, o.platform) {
				continue
			}
			ps = []string{o.platform}
		}
		out = append(out, api.Availability{Release: a.Release, Platforms: ps})
	}
	return out
}

// hint is Alternative for a function the chosen target lacks.
func (o apiOptions) hint(e api.Entry) string {
	if o.platform == "" || o.release == "" {
		return ""
	}
	return api.Alternative(e.Module, e.Function, e.Arity, o.release, o.platform)
}

func writeAPIJSON(io streams, opts apiOptions, entries []api.Entry) error {
	type entry struct {
		api.Entry
		Alternative string `json:"alternative,omitempty"`
	}
	out := make([]entry, len(entries))
	for i, e := range entries {
		e.AtomVM = opts.atomvmOf(e)
		out[i] = entry{e, opts.hint(e)}
	}
	enc := json.NewEncoder(io.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeAPITable(io streams, opts apiOptions, entries []api.Entry) error {
	w := tabwriter.NewWriter(io.Out, 0, 0, 2, ' ', 0)
	column := "ATOMVM"
	switch {
	case opts.release != "" && opts.platform != "":
		column = "ATOMVM " + opts.release + " " + opts.platform
	case opts.release != "":
		column = "ATOMVM " + opts.release
	case opts.platform != "":
		column = "ATOMVM " + opts.platform
	}
	fmt.Fprintf(w, "FUNCTION\tKIND\tAVM\t%s\tDOC\n", column)
	for _, e := range entries {
		kind, avm := string(e.Kind), "yes"
		if !e.Implemented {
			kind, avm = "-", "no"
		}
		doc := e.Doc
		if h := opts.hint(e); h != "" {
			doc += " (" + h + ")"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", e.MFA(), kind, avm, opts.atomvmText(e), doc)
	}
	return w.Flush()
}

// atomvmText formats where AtomVM has a function: "0.6,0.7: all",
// "0.6: esp32; 0.7: esp32,rp2", just the releases for one platform, just
// the platforms for one release, yes/no for both, "-" for nowhere.
func (o apiOptions) atomvmText(e api.Entry) string {
	avail := o.atomvmOf(e)
	switch {
	case o.release != "" && o.platform != "":
		if len(avail) > 0 {
			return "yes"
		}
		return "no"
	case len(avail) == 0:
		return "-"
	case o.platform != "":
		var rs []string
		for _, a := range avail {
			rs = append(rs, a.Release)
		}
		return strings.Join(rs, ",")
	}
	var parts []string
	for i, a := range avail {
		ps := strings.Join(a.Platforms, ",")
		if slices.Equal(a.Platforms, api.Platforms()) {
			ps = "all"
		}
		if o.release != "" {
			return ps
		}
		// Releases with the same platforms share one part.
		if i > 0 && slices.Equal(a.Platforms, avail[i-1].Platforms) {
			last := parts[len(parts)-1]
			before, after, _ := strings.Cut(last, ": ")
			parts[len(parts)-1] = before + "," + a.Release + ": " + after
			continue
		}
		parts = append(parts, a.Release+": "+ps)
	}
	return strings.Join(parts, "; ")
}
