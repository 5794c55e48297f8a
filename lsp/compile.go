package lsp

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/avmtool/avm/lsp/analysis"
	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/vm/beam"
)

// compileTimeout bounds one erlc run.
const compileTimeout = 30 * time.Second

// compileOnSave compiles a saved module with erlc, when it is installed, so
// that compiler errors and warnings show beside avm's own diagnostics. They
// belong to the saved text: the first edit after the save drops them until
// the next save.
func (s *server) compileOnSave(d *document) {
	if s.erlc == "" || d.path == "" || !strings.HasSuffix(d.path, ".erl") {
		return
	}
	d.mu.Lock()
	if d.cancelCompile != nil {
		d.cancelCompile()
	}
	ctx, cancel := context.WithTimeout(s.ctx, compileTimeout)
	d.cancelCompile = cancel
	text, version := d.text, d.version
	d.mu.Unlock()
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	go func() {
		defer cancel()
		diags, imports, err := runErlc(ctx, s.erlc, root, d.path, text)
		if err != nil {
			if ctx.Err() == nil {
				s.logf("avm lsp: erlc %s: %v", d.path, err)
			}
			return
		}
		if imports != nil {
			cfg, _ := s.config()
			m := erlparse.ParseWith(text, d.include)
			diags = append(diags, analysis.CheckImports(m, imports, analysis.Options{Config: cfg, Workspace: s.index})...)
		}
		d.mu.Lock()
		if d.version != version {
			d.mu.Unlock()
			return
		}
		d.compiled, d.compiledVersion = diags, version
		d.mu.Unlock()
		d.schedule()
	}()
}

// erlcLine is one line of erlc +brief output: FILE:LINE[:COL]: [Warning: ]MESSAGE.
var erlcLine = regexp.MustCompile(`^(.*?):(\d+)(?::(\d+))?: (Warning: )?(.*)$`)

// runErlc compiles path into a temporary directory (the .beam is not
// kept) and returns the compiler's messages about it, placed in text, and
// the import table of the module when it compiled.
func runErlc(ctx context.Context, erlc, root, path, text string) (diags []analysis.Diagnostic, imports []analysis.MFA, err error) {
	out, err := os.MkdirTemp("", "avm-lsp-erlc")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(out)
	args := []string{"+brief", "-o", out, "-I", filepath.Dir(path)}
	cmd := exec.CommandContext(ctx, erlc, args...)
	if root != "" {
		cmd.Args = append(cmd.Args, "-I", filepath.Join(root, "include"), "-I", filepath.Join(root, "src"))
		// include_lib("app/include/x.hrl") resolves against the built deps.
		cmd.Env = append(os.Environ(), "ERL_LIBS="+filepath.Join(root, "_build", "default", "lib"))
		cmd.Dir = root
	}
	cmd.Args = append(cmd.Args, path)
	output, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	if _, isExit := err.(*exec.ExitError); err != nil && !isExit {
		return nil, nil, err
	}
	diags = parseErlc(string(output), path, text)
	if err == nil {
		mod := strings.TrimSuffix(filepath.Base(path), ".erl")
		if data, rerr := os.ReadFile(filepath.Join(out, mod+".beam")); rerr == nil {
			imports = beamImports(path, data)
		}
	}
	return diags, imports, nil
}

// beamImports reads the import table of a compiled module; nil if the file
// cannot be read.
func beamImports(path string, data []byte) []analysis.MFA {
	f, err := beam.Parse(path, data)
	if err != nil {
		return nil
	}
	atom := func(i uint32) string {
		if i >= 1 && int(i) <= len(f.Atoms) {
			return f.Atoms[i-1]
		}
		return ""
	}
	var out []analysis.MFA
	for _, imp := range f.Imports {
		out = append(out, analysis.MFA{Module: atom(imp.Module), Function: atom(imp.Function), Arity: int(imp.Arity)})
	}
	return out
}

// parseErlc turns erlc messages about path into diagnostics over text.
// Erlang counts columns in characters from 1.
func parseErlc(output, path, text string) []analysis.Diagnostic {
	m := erlparse.Parse(text)
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	var out []analysis.Diagnostic
	sc := bufio.NewScanner(strings.NewReader(output))
	for sc.Scan() {
		g := erlcLine.FindStringSubmatch(sc.Text())
		if g == nil || filepath.Base(g[1]) != filepath.Base(path) {
			continue
		}
		line, _ := strconv.Atoi(g[2])
		if line < 1 || line > len(starts) {
			line = len(starts)
		}
		lineStart := starts[line-1]
		lineEnd := len(text)
		if line < len(starts) {
			lineEnd = starts[line] - 1
		}
		pos, end := lineStart, lineEnd
		if col, err := strconv.Atoi(g[3]); err == nil && col > 0 {
			pos = lineStart
			for n := 1; n < col && pos < lineEnd; n++ {
				_, size := utf8.DecodeRuneInString(text[pos:])
				pos += size
			}
			end = pos
			if i := m.TokenAt(pos); i >= 0 && m.Tokens[i].Pos == pos {
				end = m.Tokens[i].End
			}
		}
		sev, code := analysis.Error, "erlc/error"
		if g[4] != "" {
			sev, code = analysis.Warning, "erlc/warning"
		}
		out = append(out, analysis.Diagnostic{Pos: pos, End: end, Severity: sev, Code: code, Message: g[5], Source: "erlc"})
	}
	return out
}
