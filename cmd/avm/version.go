package main

import (
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at build time with -ldflags "-X main.version=… -X main.commit=…".
var (
	version = ""
	commit  = ""
)

// Supported range of the compilers whose output avm runs.
const otpRange = "OTP 25–29"

func newVersionCmd(io streams) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print avm's version, commit, Go version and the OTP releases it supports",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			v, c := buildVersion()
			if asJSON {
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]string{"version": v, "commit": c, "go": runtime.Version(), "otp": otpRange})
			}
			fmt.Fprintf(io.Out, "avm %s\ncommit: %s\ngo: %s\nbeam files: %s (erlc/elixirc output)\n", v, c, runtime.Version(), otpRange)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// buildVersion returns the version and commit from the linker flags or,
// for `go install`, from the module and VCS build information.
func buildVersion() (string, string) {
	v, c := version, commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && c == "" {
				c = s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if c == "" {
		c = "unknown"
	}
	return v, c
}
