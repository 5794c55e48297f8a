package lsp

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/avmtool/avm/lsp/analysis"
	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/erlscan"
	"github.com/avmtool/avm/lsp/settings"
	"github.com/avmtool/avm/vm/api"
)

// at returns the document's parse and the byte offset of a position.
func (s *server) at(u uri.URI, p protocol.Position) (*document, *erlparse.Module, *lines, int, error) {
	if err := s.ready(); err != nil {
		return nil, nil, nil, 0, err
	}
	d := s.doc(u)
	if d == nil {
		return nil, nil, nil, 0, fmt.Errorf("%s is not open", u)
	}
	text, _, m := d.snapshot()
	_, utf8 := s.config()
	l := newLines(text, utf8)
	return d, m, l, l.offset(p), nil
}

// target identifies what a token names: a function (Module may be empty
// for a local one, Arity -1 when unknown) or a module.
type target struct {
	module, function string
	arity            int
	isModule         bool
	pos, end         int
}

// targetAt finds the module or function named at offset off.
func targetAt(m *erlparse.Module, off int) (target, bool) {
	for _, c := range m.Calls {
		if c.Macro {
			continue
		}
		if c.ModTok.End > 0 && off >= c.ModTok.Pos && off <= c.ModTok.End {
			return target{module: c.Module, isModule: true, pos: c.ModTok.Pos, end: c.ModTok.End}, true
		}
		if off >= c.FunTok.Pos && off <= c.FunTok.End && c.FunTok.End > 0 {
			return target{module: c.Module, function: c.Function, arity: c.Arity, pos: c.FunTok.Pos, end: c.FunTok.End}, true
		}
	}
	i := m.TokenAt(off)
	if i < 0 {
		return target{}, false
	}
	t := m.Tokens[i]
	if t.Kind != erlscan.Atom {
		return target{}, false
	}
	// module:  (a call being typed) and the module of -module/-import.
	if i+1 < len(m.Tokens) && m.Tokens[i+1].Is(":") {
		return target{module: t.Value, isModule: true, pos: t.Pos, end: t.End}, true
	}
	if i >= 2 && m.Tokens[i-1].Is("(") && m.Tokens[i-2].Kind == erlscan.Atom && (m.Tokens[i-2].Value == "import" || m.Tokens[i-2].Value == "behaviour" || m.Tokens[i-2].Value == "behavior") {
		return target{module: t.Value, isModule: true, pos: t.Pos, end: t.End}, true
	}
	// The name of a function definition or of an export entry f/1.
	if i+2 < len(m.Tokens) && m.Tokens[i+1].Is("/") && m.Tokens[i+2].Kind == erlscan.Integer {
		var n int
		fmt.Sscanf(m.Tokens[i+2].Text, "%d", &n)
		return target{function: t.Value, arity: n, pos: t.Pos, end: t.End}, true
	}
	if fn := m.FunctionAt(off); fn != nil && fn.NameTok.Pos == t.Pos {
		return target{function: fn.Name, arity: fn.Arity, pos: t.Pos, end: t.End}, true
	}
	return target{}, false
}

func (s *server) Hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	_, m, l, off, err := s.at(p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	if i := m.TokenAt(off); i > 0 && m.Tokens[i].End > 0 {
		if h := macroOrRecordHover(m, i); h != "" {
			r := l.rangeOf(m.Tokens[i].Pos, m.Tokens[i].End)
			return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: h}, Range: &r}, nil
		}
	}
	t, ok := targetAt(m, off)
	if !ok {
		return nil, nil
	}
	cfg, _ := s.config()
	var text string
	if t.isModule {
		text = s.moduleHover(cfg, t.module)
	} else {
		text = s.functionHover(cfg, m, t)
	}
	if text == "" {
		return nil, nil
	}
	r := l.rangeOf(t.pos, t.end)
	return &protocol.Hover{Contents: &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: text}, Range: &r}, nil
}

func (s *server) moduleHover(cfg settings.Config, mod string) string {
	if pm := s.index.Lookup(mod); pm != nil {
		var names []string
		for _, f := range pm.Exports() {
			names = append(names, f.FA.String())
		}
		return fmt.Sprintf("**%s** — module of this project (`%s`)\n\nexports: %s", mod, pm.Path, strings.Join(names, ", "))
	}
	entries := api.Module(mod)
	if len(entries) == 0 {
		return fmt.Sprintf("**%s** — not part of %s nor of this project", mod, cfg.Target())
	}
	on := 0
	for _, e := range entries {
		if api.Available(e.Module, e.Function, e.Arity, cfg.Release, cfg.Platform) {
			on++
		}
	}
	return fmt.Sprintf("**%s** — %d of its %d known functions are on %s", mod, on, len(entries), cfg.Target())
}

func (s *server) functionHover(cfg settings.Config, m *erlparse.Module, t target) string {
	mod := t.module
	if mod == "" || mod == m.Name {
		// A local function: its clause heads and spec.
		var b strings.Builder
		for _, fn := range m.Functions {
			if fn.Name == t.function && (t.arity < 0 || fn.Arity == t.arity) {
				writeClauses(&b, m.Specs[fn.FA], fn.Heads)
			}
		}
		if b.Len() > 0 {
			return b.String()
		}
		fa := erlparse.FA{Name: t.function, Arity: t.arity}
		if imp, ok := m.Imports[fa]; ok {
			mod = imp
		} else {
			mod = "erlang"
		}
	}
	if pm := s.index.Lookup(mod); pm != nil {
		var b strings.Builder
		for _, f := range pm.Funcs {
			if f.Name == t.function && (t.arity < 0 || f.Arity == t.arity) {
				note := ""
				if !f.Exported {
					note = " — not exported"
				}
				fmt.Fprintf(&b, "**%s:%s** (`%s`)%s\n\n", mod, f.FA, pm.Path, note)
				writeClauses(&b, f.Spec, f.Heads)
			}
		}
		return b.String()
	}
	var b strings.Builder
	for _, e := range api.Module(mod) {
		if e.Function != t.function || t.arity >= 0 && e.Arity != t.arity {
			continue
		}
		fmt.Fprintf(&b, "**%s**", e.MFA())
		if e.Doc != "" {
			fmt.Fprintf(&b, " — %s", e.Doc)
		}
		b.WriteString("\n\n")
		for _, a := range e.AtomVM {
			fmt.Fprintf(&b, "- AtomVM %s: %s\n", a.Release, strings.Join(a.Platforms, ", "))
		}
		if len(e.AtomVM) == 0 {
			b.WriteString("- not in any AtomVM release\n")
		}
		if api.Available(e.Module, e.Function, e.Arity, cfg.Release, cfg.Platform) {
			fmt.Fprintf(&b, "\nAvailable on the target, %s.\n\n", cfg.Target())
		} else {
			fmt.Fprintf(&b, "\n**Not available on the target, %s.**", cfg.Target())
			if alt := api.Alternative(e.Module, e.Function, e.Arity, cfg.Release, cfg.Platform); alt != "" {
				fmt.Fprintf(&b, " %s.", alt)
			}
			b.WriteString("\n\n")
		}
	}
	if b.Len() == 0 && t.arity >= 0 {
		return fmt.Sprintf("**%s:%s/%d** — not part of %s", mod, t.function, t.arity, cfg.Target())
	}
	return strings.TrimSpace(b.String())
}

// macroOrRecordHover describes the macro of ?NAME or the record of #name
// at token i.
func macroOrRecordHover(m *erlparse.Module, i int) string {
	t, prev := m.Tokens[i], m.Tokens[i-1]
	name := t.Value
	if t.Kind == erlscan.Var {
		name = t.Text
	}
	where := func(file string) string {
		if file == "" {
			return ""
		}
		return fmt.Sprintf(" (`%s`)", file)
	}
	switch {
	case prev.Is("?"):
		mac := m.Macros[name]
		if mac == nil {
			return ""
		}
		var body []string
		for _, b := range mac.Body {
			body = append(body, b.Text)
		}
		head := "?" + mac.Name
		if mac.Params != nil {
			head += "(" + strings.Join(mac.Params, ", ") + ")"
		}
		return fmt.Sprintf("```erlang\n%s -> %s\n```\nmacro%s", head, strings.Join(body, " "), where(mac.File))
	case prev.Is("#"):
		r := m.Records[name]
		if r == nil {
			return ""
		}
		return fmt.Sprintf("```erlang\n#%s{%s}\n```\nrecord%s", r.Name, strings.Join(r.Fields, ", "), where(r.File))
	}
	return ""
}

func writeClauses(b *strings.Builder, spec string, heads []string) {
	b.WriteString("```erlang\n")
	if spec != "" {
		b.WriteString(spec + "\n")
	}
	for _, h := range heads {
		b.WriteString(h + " -> ...\n")
	}
	b.WriteString("```\n")
}

var (
	remotePrefix = regexp.MustCompile(`([a-z][A-Za-z0-9_@]*|'[^']*'):([a-z][A-Za-z0-9_@]*)?$`)
	wordPrefix   = regexp.MustCompile(`[a-z][A-Za-z0-9_@]*$`)
)

func (s *server) Completion(ctx context.Context, p *protocol.CompletionParams) (protocol.CompletionResult, error) {
	_, m, l, off, err := s.at(p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	lineStart := strings.LastIndexByte(l.text[:off], '\n') + 1
	before := l.text[lineStart:off]
	cfg, _ := s.config()
	var items []protocol.CompletionItem
	if sub := remotePrefix.FindStringSubmatch(before); sub != nil {
		mod := strings.Trim(sub[1], "'")
		items = s.functionItems(cfg, mod)
	} else if wordPrefix.MatchString(before) {
		items = s.moduleItems(m)
	}
	return &protocol.CompletionList{IsIncomplete: false, Items: items}, nil
}

// functionItems completes module:, available functions first.
func (s *server) functionItems(cfg settings.Config, mod string) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	if pm := s.index.Lookup(mod); pm != nil {
		for _, f := range pm.Exports() {
			items = append(items, protocol.CompletionItem{
				Label: f.FA.String(), Kind: protocol.CompletionItemKindFunction,
				Detail:     protocol.NewOptional(fmt.Sprintf("%s:%s (%s)", mod, f.FA, pm.Path)),
				FilterText: protocol.NewOptional(f.Name), InsertText: protocol.NewOptional(f.Name),
				SortText: protocol.NewOptional("0" + f.FA.String()),
			})
		}
		return items
	}
	for _, e := range api.Module(mod) {
		fa := fmt.Sprintf("%s/%d", e.Function, e.Arity)
		it := protocol.CompletionItem{
			Label: fa, Kind: protocol.CompletionItemKindFunction,
			FilterText: protocol.NewOptional(e.Function), InsertText: protocol.NewOptional(e.Function),
		}
		if api.Available(e.Module, e.Function, e.Arity, cfg.Release, cfg.Platform) {
			it.Detail = protocol.NewOptional(e.Doc)
			it.SortText = protocol.NewOptional("0" + fa)
		} else {
			it.Detail = protocol.NewOptional("not on " + cfg.Target() + " — " + e.Doc)
			it.SortText = protocol.NewOptional("1" + fa)
			it.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		items = append(items, it)
	}
	return items
}

// moduleItems completes a bare word: modules and the file's functions.
func (s *server) moduleItems(m *erlparse.Module) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	seen := map[string]bool{}
	for _, mod := range append(s.index.Modules(), api.Modules()...) {
		if seen[mod] {
			continue
		}
		seen[mod] = true
		items = append(items, protocol.CompletionItem{Label: mod, Kind: protocol.CompletionItemKindModule})
	}
	for _, fn := range m.Functions {
		if seen[fn.FA.String()] {
			continue
		}
		seen[fn.FA.String()] = true
		items = append(items, protocol.CompletionItem{
			Label: fn.FA.String(), Kind: protocol.CompletionItemKindFunction,
			FilterText: protocol.NewOptional(fn.Name), InsertText: protocol.NewOptional(fn.Name),
		})
	}
	return items
}

func (s *server) Definition(ctx context.Context, p *protocol.DefinitionParams) (protocol.DefinitionResult, error) {
	d, m, l, off, err := s.at(p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	here := func(pos, end int) protocol.DefinitionResult {
		return &protocol.Location{URI: d.uri, Range: l.rangeOf(pos, end)}
	}
	// in places a definition made in an included file.
	in := func(file string, pos, end int) protocol.DefinitionResult {
		if file == "" {
			return here(pos, end)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return nil
		}
		return &protocol.Location{URI: uri.File(file), Range: newLines(string(data), l.utf8).rangeOf(pos, end)}
	}
	// Macros and records of this file.
	if i := m.TokenAt(off); i > 0 {
		name := m.Tokens[i].Value
		if m.Tokens[i].Kind == erlscan.Var {
			name = m.Tokens[i].Text
		}
		switch {
		case m.Tokens[i-1].Is("?"):
			if mac := m.Macros[name]; mac != nil {
				return in(mac.File, mac.Tok.Pos, mac.Tok.End), nil
			}
		case m.Tokens[i-1].Is("#"):
			if r := m.Records[name]; r != nil {
				return in(r.File, r.Tok.Pos, r.Tok.End), nil
			}
		}
	}
	t, ok := targetAt(m, off)
	if !ok {
		return nil, nil
	}
	if t.module == "" || t.module == m.Name && !t.isModule {
		for _, fn := range m.Functions {
			if fn.Name == t.function && (t.arity < 0 || fn.Arity == t.arity) {
				return here(fn.NameTok.Pos, fn.NameTok.End), nil
			}
		}
		return nil, nil
	}
	pm := s.index.Lookup(t.module)
	if pm == nil {
		return nil, nil
	}
	pl := newLines(pm.Src, l.utf8)
	loc := &protocol.Location{URI: uri.File(pm.Path)}
	if t.isModule {
		return loc, nil
	}
	for _, f := range pm.Funcs {
		if f.Name == t.function && f.Arity == t.arity {
			loc.Range = pl.rangeOf(f.NamePos, f.NameEnd)
			return loc, nil
		}
	}
	return nil, nil
}

func (s *server) DocumentSymbol(ctx context.Context, p *protocol.DocumentSymbolParams) (protocol.DocumentSymbolResult, error) {
	_, m, l, _, err := s.at(p.TextDocument.URI, protocol.Position{})
	if err != nil {
		return nil, err
	}
	var syms protocol.DocumentSymbolSlice
	for _, fn := range m.Functions {
		detail := "exported"
		if !m.Exported(fn.FA) {
			detail = "local"
		}
		syms = append(syms, protocol.DocumentSymbol{
			Name: fn.FA.String(), Detail: &detail, Kind: protocol.SymbolKindFunction,
			Range: l.rangeOf(fn.Pos, fn.End), SelectionRange: l.rangeOf(fn.NameTok.Pos, fn.NameTok.End),
		})
	}
	for _, r := range sortedRecords(m) {
		syms = append(syms, protocol.DocumentSymbol{
			Name: "#" + r.Name, Kind: protocol.SymbolKindStruct,
			Range: l.rangeOf(r.Tok.Pos, r.Tok.End), SelectionRange: l.rangeOf(r.Tok.Pos, r.Tok.End),
		})
	}
	sort.SliceStable(syms, func(i, j int) bool {
		a, b := syms[i].Range.Start, syms[j].Range.Start
		return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
	})
	if syms == nil {
		syms = protocol.DocumentSymbolSlice{}
	}
	return syms, nil
}

func sortedRecords(m *erlparse.Module) []*erlparse.Record {
	var out []*erlparse.Record
	for _, r := range m.Records {
		if r.File == "" { // not those of included files
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *erlparse.Record) int { return a.Tok.Pos - b.Tok.Pos })
	return out
}

func (s *server) CodeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	d, m, l, _, err := s.at(p.TextDocument.URI, protocol.Position{})
	if err != nil {
		return nil, err
	}
	from, to := l.offset(p.Range.Start), l.offset(p.Range.End)
	cfg, _ := s.config()
	diags, err := analysis.Check(ctx, m, analysis.Options{Config: cfg, Workspace: s.index})
	if err != nil {
		return nil, err
	}
	actions := []protocol.CommandOrCodeAction{}
	quickfix := protocol.CodeActionKindQuickFix
	for _, dg := range diags {
		if dg.End < from || dg.Pos > to {
			continue
		}
		for _, f := range dg.Fixes {
			var edits []protocol.TextEdit
			for _, e := range f.Edits {
				edits = append(edits, protocol.TextEdit{Range: l.rangeOf(e.Pos, e.End), NewText: e.New})
			}
			preferred := len(dg.Fixes) == 1
			actions = append(actions, &protocol.CodeAction{
				Title: f.Title, Kind: &quickfix, IsPreferred: &preferred,
				Diagnostics: toProtocol([]analysis.Diagnostic{dg}, l),
				Edit:        &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{d.uri: edits}},
			})
		}
	}
	return actions, nil
}
