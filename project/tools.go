package project

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
)

// Tool is an external program the build runs.
type Tool struct {
	Name    string // erlc, elixirc, rebar3, mix
	Env     string // the environment variable that overrides the command
	Purpose string
	Install string // how to install it
}

var (
	Erlc = Tool{Name: "erlc", Env: "ERLC", Purpose: "to compile Erlang modules",
		Install: "install Erlang/OTP 25 or later: apt-get install erlang-base erlang-dev (Debian, Ubuntu), brew install erlang (macOS), or https://www.erlang.org/downloads"}
	Elixirc = Tool{Name: "elixirc", Env: "ELIXIRC", Purpose: "to compile Elixir modules",
		Install: "install Elixir: apt-get install elixir (Debian, Ubuntu), brew install elixir (macOS), or https://elixir-lang.org/install.html"}
	Rebar3Tool = Tool{Name: "rebar3", Env: "REBAR3", Purpose: "to fetch and compile this project's dependencies",
		Install: "install rebar3: apt-get install rebar3 (Debian, Ubuntu), brew install rebar3 (macOS), or https://rebar3.org"}
	MixTool = Tool{Name: "mix", Env: "MIX", Purpose: "to fetch and compile this project's dependencies",
		Install: "install Elixir, which includes mix: apt-get install elixir (Debian, Ubuntu), brew install elixir (macOS), or https://elixir-lang.org/install.html"}
)

// ToolError says a program the build needs is missing.
type ToolError struct {
	Tool    Tool
	Command string
}

func (e *ToolError) Error() string {
	name := e.Tool.Name
	if e.Command != e.Tool.Name {
		name = fmt.Sprintf("%s (%s=%s)", e.Tool.Name, e.Tool.Env, e.Command)
	}
	return fmt.Sprintf("%s not found; avm needs it %s: %s", name, e.Tool.Purpose, e.Tool.Install)
}

// Path finds the tool's command: $ENV if set, else its name on PATH.
func (t Tool) Path() (string, error) {
	cmd := t.Name
	if v := strings.TrimSpace(os.Getenv(t.Env)); v != "" {
		cmd = v
	}
	path, err := exec.LookPath(cmd)
	if err != nil {
		return "", &ToolError{Tool: t, Command: cmd}
	}
	return path, nil
}

// CompileError says a compiler reported errors; its own messages went to
// the build's Stderr as it printed them.
type CompileError struct {
	Tool  string
	Files []string // the files it was given ("" for a whole-project build)
	Err   error
}

func (e *CompileError) Error() string {
	what := "the project"
	if n := len(e.Files); n == 1 {
		what = e.Files[0]
	} else if n > 1 {
		what = fmt.Sprintf("%d files", n)
	}
	return fmt.Sprintf("%s failed to compile %s (%v)", e.Tool, what, e.Err)
}

func (e *CompileError) Unwrap() error { return e.Err }
