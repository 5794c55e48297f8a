package lsp

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/avmtool/avm/lsp/erlparse"
)

// includer finds included files as erlc does for a project at root:
// -include relative to the including file's directory, then the project's
// include/ and src/; -include_lib("app/include/x.hrl") in the built
// dependencies, in apps/, or in the project itself. file or root may be
// empty (an unsaved buffer, no project).
func includer(file, root string) erlparse.IncludeFunc {
	return func(path string, lib bool) (string, string, bool) {
		var candidates []string
		switch {
		case filepath.IsAbs(path):
			candidates = []string{path}
		case lib:
			app, rest, ok := strings.Cut(path, "/")
			if !ok || root == "" {
				return "", "", false
			}
			candidates = []string{
				filepath.Join(root, "_build", "default", "lib", app, rest),
				filepath.Join(root, "apps", app, rest),
				filepath.Join(root, "deps", app, rest),
				filepath.Join(root, rest),
			}
		default:
			if file != "" {
				candidates = append(candidates, filepath.Join(filepath.Dir(file), path))
			}
			if root != "" {
				candidates = append(candidates, filepath.Join(root, "include", path), filepath.Join(root, "src", path), filepath.Join(root, path))
			}
		}
		for _, c := range candidates {
			if data, err := os.ReadFile(c); err == nil {
				return c, string(data), true
			}
		}
		return "", "", false
	}
}
