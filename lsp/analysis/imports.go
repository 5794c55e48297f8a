package analysis

import (
	"fmt"

	"github.com/avmtool/avm/lsp/erlparse"
)

// MFA is an external function a compiled module calls.
type MFA struct {
	Module, Function string
	Arity            int
}

// CheckImports checks the import table of the compiled module against the
// target. It catches the calls the source-level check cannot see (those
// made by macros of included files or by parse transforms); calls the
// source shows are left to Check, and operators to the VM. The findings are
// placed on the -module attribute, since the import table has no positions.
func CheckImports(m *erlparse.Module, imports []MFA, opts Options) []Diagnostic {
	c := checker{m: m, opts: opts, cfg: opts.Config}
	seen := map[MFA]bool{}
	for _, call := range m.Calls {
		mod := call.Module
		if mod == "" {
			fa := erlparse.FA{Name: call.Function, Arity: call.Arity}
			switch imp, ok := m.Imports[fa]; {
			case ok:
				mod = imp
			case autoImported[fa] && !m.NoAutoImport[fa]:
				mod = "erlang"
			}
		}
		seen[MFA{mod, call.Function, call.Arity}] = true
	}
	pos, end := m.NameTok.Pos, m.NameTok.End
	for _, imp := range imports {
		if seen[imp] || !isName(imp.Function) || imp.Module == "erlang" && imp.Function == "get_module_info" {
			continue
		}
		seen[imp] = true
		n := len(c.diags)
		call := &erlparse.Call{Kind: erlparse.RemoteCall, Module: imp.Module, Function: imp.Function, Arity: imp.Arity, Pos: pos, End: end}
		call.ModTok.Pos, call.ModTok.End = pos, end
		c.available(call, imp.Module, imp.Function, imp.Arity)
		for i := n; i < len(c.diags); i++ {
			c.diags[i].Message = fmt.Sprintf("the compiled module calls %s:%s/%d, from a macro, an include or a parse transform: %s",
				imp.Module, imp.Function, imp.Arity, c.diags[i].Message)
		}
	}
	return c.finish()
}

// isName reports whether a function name is an identifier, not an operator
// such as '+' that the compiler imports for arithmetic.
func isName(f string) bool {
	if f == "" || f[0] < 'a' || f[0] > 'z' {
		return false
	}
	for _, r := range f {
		if !(r == '_' || r == '@' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
