package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	"github.com/avmtool/avm/lsp/analysis"
	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/settings"
	"github.com/avmtool/avm/lsp/workspace"
)

// Finding is a diagnostic of a file, with 1-based lines and columns
// counted in characters, as compilers print them.
type Finding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Severity  string `json:"severity"`
	Code      string `json:"code"`
	Message   string `json:"message"`
}

// CheckProject runs the diagnostics of the language server on every .erl
// file of the project at root (not its dependencies, which are only
// indexed), and returns the findings sorted by file and position, and the
// number of files checked.
func CheckProject(ctx context.Context, root string, cfg settings.Config) ([]Finding, int, error) {
	files, deps, err := workspace.Files(root)
	if err != nil {
		return nil, 0, err
	}
	ix := workspace.New()
	parsed := map[string]*erlparse.Module{}
	for _, group := range []struct {
		files []string
		dep   bool
	}{{files, false}, {deps, true}} {
		for _, f := range group.files {
			data, err := os.ReadFile(f)
			if err != nil {
				return nil, 0, err
			}
			m := erlparse.ParseWith(string(data), includer(f, root))
			if !group.dep {
				parsed[f] = m
			}
			ix.Put(workspace.Summarize(f, group.dep, m))
		}
	}
	var out []Finding
	for _, f := range files {
		m := parsed[f]
		diags, err := analysis.Check(ctx, m, analysis.Options{Config: cfg, Workspace: ix})
		if err != nil {
			return nil, 0, err
		}
		name := f
		if rel, err := filepath.Rel(root, f); err == nil {
			name = rel
		}
		for _, d := range diags {
			l, c := lineCol(m.Src, d.Pos)
			el, ec := lineCol(m.Src, d.End)
			out = append(out, Finding{File: name, Line: l, Column: c, EndLine: el, EndColumn: ec,
				Severity: d.Severity.String(), Code: d.Code, Message: d.Message})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out, len(files), nil
}

// lineCol returns the 1-based line and character column of byte offset off.
func lineCol(src string, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCountInString(src[start:min(off, len(src))]) + 1
}

// String formats a finding as file:line:col: severity: message [code].
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.File, f.Line, f.Column, f.Severity, f.Message, f.Code)
}
