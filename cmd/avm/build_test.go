package main

import (
	"testing"

	"github.com/avmtool/avm/project"
)

func TestElixirStdlibLine(t *testing.T) {
	tests := []struct {
		name string
		std  project.ElixirStdlib
		want string
	}{
		{
			name: "one directory",
			std:  project.ElixirStdlib{Dirs: []string{"/usr/lib/elixir/lib/elixir/ebin"}, Modules: []string{"Elixir.IO"}, Bytes: 900},
			want: "Elixir stdlib: 1 module, 900 B (from /usr/lib/elixir/lib/elixir/ebin)",
		},
		{
			name: "the applications of one installation",
			std: project.ElixirStdlib{
				Dirs:    []string{"/usr/lib/elixir/lib/elixir/ebin", "/usr/lib/elixir/lib/logger/ebin"},
				Modules: []string{"Elixir.Enum", "Elixir.IO", "Elixir.Logger"},
				Bytes:   217498,
			},
			want: "Elixir stdlib: 3 modules, 212.4 KiB (from /usr/lib/elixir/lib)",
		},
		{
			name: "functions left out",
			std: project.ElixirStdlib{Dirs: []string{"/usr/lib/elixir/lib/elixir/ebin"}, Modules: []string{"Elixir.IO", "Elixir.String.Chars"},
				Bytes: 9000, Functions: 40, FunctionsDropped: 60},
			want: "Elixir stdlib: 2 modules (40 of 100 functions), 8.8 KiB (from /usr/lib/elixir/lib/elixir/ebin)",
		},
		{
			name: "directories of different places",
			std:  project.ElixirStdlib{Dirs: []string{"/a/elixir/ebin", "/b/logger/ebin"}, Modules: []string{}, Bytes: 0},
			want: "Elixir stdlib: 0 modules, 0 B (from /a/elixir/ebin, /b/logger/ebin)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := elixirStdlibLine(&tt.std); got != tt.want {
				t.Errorf("elixirStdlibLine = %q, want %q", got, tt.want)
			}
		})
	}
}
