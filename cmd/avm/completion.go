package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newCompletionCmd(io streams) *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish",
		Short: "Print the shell completion script",
		Long: `Completion prints a script that makes your shell complete avm's commands,
flags, template names and target profiles.

  bash:  source <(avm completion bash)
         or, for every session: avm completion bash > /etc/bash_completion.d/avm
         (needs the bash-completion package)
  zsh:   avm completion zsh > "${fpath[1]}/_avm"   (then start a new shell;
         compinit must be enabled)
  fish:  avm completion fish > ~/.config/fish/completions/avm.fish`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"bash", "zsh", "fish"},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(io.Out, true)
			case "zsh":
				return root.GenZshCompletion(io.Out)
			case "fish":
				return root.GenFishCompletion(io.Out, true)
			}
			return fmt.Errorf("no completion for shell %q: choose bash, zsh or fish", args[0])
		},
	}
}
