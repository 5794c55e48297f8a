// Package erlparse reads the structure of an Erlang module from its tokens:
// attributes (module, export, import, define, record, on_load), functions
// with their clauses, and, inside function bodies, every call whose target
// is known from the text — remote calls M:F(...) with their arity, local
// calls, fun references and apply/3 with literal arguments — after expanding
// the file's own macros.
//
// It is a light parser: it tracks bracket and block nesting instead of
// building an expression tree, so it works on code that does not compile yet
// (the usual state of a file being edited) and never fails. What it cannot
// read it skips.
package erlparse

import (
	"slices"
	"strconv"
	"strings"

	"github.com/avmtool/avm/lsp/erlscan"
)

// FA is a function name and arity.
type FA struct {
	Name  string
	Arity int
}

func (fa FA) String() string { return fa.Name + "/" + strconv.Itoa(fa.Arity) }

// Module is what the parser found in one file.
type Module struct {
	Src string
	// Name is the -module name, empty if there is none; NameTok is its token.
	Name    string
	NameTok erlscan.Token
	// Tokens are the source tokens without comments; Comments the comments.
	Tokens   []erlscan.Token
	Comments []erlscan.Token
	// ScanErrors are the tokens the scanner could not read.
	ScanErrors []erlscan.Token

	Functions []*Function
	Exports   map[FA]bool
	ExportAll bool
	// Imports maps an imported function to its module (-import).
	Imports map[FA]string
	// NoAutoImport lists BIFs the module redefines (-compile({no_auto_import, ...})).
	NoAutoImport map[FA]bool
	Macros       map[string]*Macro
	Records      map[string]*Record
	Specs        map[FA]string
	// OnLoad is the -on_load attribute's first token, if any.
	OnLoad *erlscan.Token
	// Calls are the calls found in function bodies, in source order.
	Calls []Call
	// Integers are the integer literals of function bodies, with their sign.
	Integers []IntLit
	// Binaries are the bit-syntax expressions of function bodies.
	Binaries []Binary

	include IncludeFunc
	level   int // include depth
}

// Function is a function definition: its clauses, in order.
type Function struct {
	FA
	// Pos and End are the byte range of the whole definition.
	Pos, End int
	// NameTok is the name token of the first clause.
	NameTok erlscan.Token
	// Heads are the source text of each clause head (name, arguments, guard).
	Heads []string
	// Conditional is set when the function sits in an -ifdef/-if section the
	// parser cannot decide.
	Conditional bool
	// clauseNames are the offsets of the clause name tokens, which look like
	// calls but are not.
	clauseNames map[int]bool
}

// Macro is a -define.
type Macro struct {
	Name string
	// Params is nil for an object-like macro (-define(N, Body)).
	Params []string
	Body   []erlscan.Token
	// Tok is the name token in the -define, in File.
	Tok erlscan.Token
	// File is the included file that defines the macro, "" for this one.
	File string
}

// Record is a -record definition.
type Record struct {
	Name   string
	Tok    erlscan.Token
	Fields []string
	// File is the included file that defines the record, "" for this one.
	File string
}

// IncludeFunc finds the file an -include (lib false) or -include_lib (lib
// true) attribute names, and returns its path and text; ok is false when it
// cannot be found.
type IncludeFunc func(path string, lib bool) (file, src string, ok bool)

// maxIncludeDepth bounds nested includes (a file that includes itself
// would otherwise never end).
const maxIncludeDepth = 8

// CallKind says how a call was written.
type CallKind uint8

// Call kinds.
const (
	RemoteCall CallKind = iota // m:f(...)
	LocalCall                  // f(...)
	FunRef                     // fun m:f/A or fun f/A
	ApplyCall                  // apply(m, f, [...]) or erlang:apply(m, f, [...])
)

// Call is one call site.
type Call struct {
	Kind CallKind
	// Module is empty for local calls and local fun references.
	Module   string
	Function string
	Arity    int
	// Pos and End are the byte range of the callee as written (m:f or f,
	// or the whole fun reference); CallEnd is the end of the argument list.
	Pos, End, CallEnd int
	// ModTok and FunTok are the callee tokens (ModTok is zero for local calls).
	ModTok, FunTok erlscan.Token
	// Args are the arguments' tokens (nil for fun references).
	Args [][]erlscan.Token
	// Macro is set when the call came out of a macro expansion; positions
	// are then those of the macro use.
	Macro bool
	// In is the function the call is in.
	In *Function
}

// IntLit is an integer literal, with a minus sign folded in when the
// literal is a negative number.
type IntLit struct {
	Tok      erlscan.Token
	Negative bool
	Pos, End int
	In       *Function
}

// Binary is a bit-syntax expression << ... >>.
type Binary struct {
	Pos, End int
	Segments []Segment
	In       *Function
}

// Segment is one element of a binary: Value:Size/Types.
type Segment struct {
	Pos, End int
	// Value is the value tokens; Size the size tokens (nil if absent).
	Value, Size []erlscan.Token
	// Types are the type specifier words (integer, little, signed, ...);
	// Unit is the unit:N value, 0 when absent.
	Types []string
	Unit  int
}

// Parse reads src, without its included files.
func Parse(src string) *Module { return ParseWith(src, nil) }

// ParseWith reads src and takes the macros and records of the files it
// includes, found by include (nil: none).
func ParseWith(src string, include IncludeFunc) *Module { return parse(src, include, 0) }

func parse(src string, include IncludeFunc, level int) *Module {
	m := &Module{
		include:      include,
		level:        level,
		Src:          src,
		Exports:      map[FA]bool{},
		Imports:      map[FA]string{},
		NoAutoImport: map[FA]bool{},
		Macros:       map[string]*Macro{},
		Records:      map[string]*Record{},
		Specs:        map[FA]string{},
	}
	// Comments and errors are moved out of the token slice in place.
	toks := erlscan.Scan(src)
	m.Tokens = toks[:0]
	for _, t := range toks {
		switch t.Kind {
		case erlscan.Comment:
			m.Comments = append(m.Comments, t)
		case erlscan.Error:
			m.ScanErrors = append(m.ScanErrors, t)
		default:
			m.Tokens = append(m.Tokens, t)
		}
	}
	var bodies []form
	depth := 0 // nesting of conditional sections the parser cannot decide
	for _, f := range splitForms(m.Tokens) {
		toks := f.toks
		if len(toks) == 0 {
			continue
		}
		if toks[0].Is("-") && len(toks) > 1 && (toks[1].Kind == erlscan.Atom || toks[1].Kind == erlscan.Keyword) {
			switch toks[1].Text {
			case "ifdef", "ifndef", "if":
				depth++
			case "endif":
				if depth > 0 {
					depth--
				}
			}
			m.attribute(toks)
			continue
		}
		if toks[0].Kind == erlscan.Atom && len(toks) > 1 && toks[1].Is("(") {
			fn := m.function(toks)
			fn.Conditional = depth > 0
			bodies = append(bodies, form{toks: toks, fn: fn})
		}
	}
	// Bodies are read after all attributes so that macros defined late and
	// local functions defined below their callers are known.
	for _, b := range bodies {
		m.body(b.fn, m.expand(b.toks, 0))
	}
	return m
}

type form struct {
	toks []erlscan.Token
	fn   *Function
}

type rawForm struct{ toks []erlscan.Token }

// splitForms cuts tokens at the form terminators (the dots are dropped).
func splitForms(toks []erlscan.Token) []rawForm {
	var out []rawForm
	start := 0
	for i, t := range toks {
		if t.Kind == erlscan.Dot {
			out = append(out, rawForm{toks[start:i]})
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, rawForm{toks[start:]})
	}
	return out
}

// attribute reads a -name(...) form.
func (m *Module) attribute(toks []erlscan.Token) {
	name := toks[1].Text
	var args []erlscan.Token
	if len(toks) > 2 && toks[2].Is("(") {
		end := len(toks)
		if toks[end-1].Is(")") {
			end--
		}
		args = toks[3:end]
	}
	switch name {
	case "module":
		if len(args) > 0 && args[0].Kind == erlscan.Atom {
			m.Name, m.NameTok = args[0].Value, args[0]
		}
	case "export":
		for _, fa := range faList(args) {
			m.Exports[fa] = true
		}
	case "import":
		if len(args) > 2 && args[0].Kind == erlscan.Atom && args[1].Is(",") {
			for _, fa := range faList(args[2:]) {
				m.Imports[fa] = args[0].Value
			}
		}
	case "compile":
		for i, t := range args {
			if t.Kind == erlscan.Atom && t.Value == "export_all" {
				m.ExportAll = true
			}
			if t.Kind == erlscan.Atom && t.Value == "no_auto_import" && i+2 < len(args) {
				for _, fa := range faList(args[i+2:]) {
					m.NoAutoImport[fa] = true
				}
			}
		}
	case "define":
		m.define(args)
	case "include", "include_lib":
		if len(args) == 1 && args[0].Kind == erlscan.String && m.include != nil && m.level < maxIncludeDepth {
			file, src, ok := m.include(args[0].Value, name == "include_lib")
			if !ok {
				return
			}
			h := parse(src, m.include, m.level+1)
			for n, mac := range h.Macros {
				if _, dup := m.Macros[n]; !dup {
					if mac.File == "" {
						mac.File = file
					}
					m.Macros[n] = mac
				}
			}
			for n, r := range h.Records {
				if _, dup := m.Records[n]; !dup {
					if r.File == "" {
						r.File = file
					}
					m.Records[n] = r
				}
			}
		}
	case "record":
		if len(args) > 0 && args[0].Kind == erlscan.Atom {
			r := &Record{Name: args[0].Value, Tok: args[0]}
			if len(args) > 2 && args[2].Is("{") {
				close := matching(args, 2)
				for _, field := range splitTop(args[3:close], ",") {
					if len(field) > 0 && field[0].Kind == erlscan.Atom {
						r.Fields = append(r.Fields, field[0].Value)
					}
				}
			}
			m.Records[r.Name] = r
		}
	case "on_load":
		t := toks[1]
		m.OnLoad = &t
	case "spec":
		// -spec f(...) -> ...  or  -spec Mod:f(...) -> ...
		rest := toks[2:]
		if len(rest) > 2 && rest[1].Is(":") {
			rest = rest[2:]
		}
		if len(rest) > 1 && rest[0].Kind == erlscan.Atom && rest[1].Is("(") {
			close := matching(rest, 1)
			fa := FA{rest[0].Value, countArgs(rest[2:close])}
			m.Specs[fa] = m.Src[toks[0].Pos:toks[len(toks)-1].End] + "."
		}
	}
}

// define reads -define(Name, Body) and -define(Name(Params), Body).
func (m *Module) define(args []erlscan.Token) {
	if len(args) == 0 || (args[0].Kind != erlscan.Atom && args[0].Kind != erlscan.Var) {
		return
	}
	mac := &Macro{Name: args[0].Text, Tok: args[0]}
	if args[0].Kind == erlscan.Atom {
		mac.Name = args[0].Value
	}
	rest := args[1:]
	if len(rest) > 0 && rest[0].Is("(") {
		close := matching(rest, 0)
		mac.Params = []string{}
		for _, p := range splitTop(rest[1:close], ",") {
			if len(p) == 1 && p[0].Kind == erlscan.Var {
				mac.Params = append(mac.Params, p[0].Text)
			}
		}
		rest = rest[min(close+1, len(rest)):]
	}
	if len(rest) > 0 && rest[0].Is(",") {
		mac.Body = rest[1:]
	}
	m.Macros[mac.Name] = mac
}

// faList reads [f/1, g/2] (or the same without brackets).
func faList(toks []erlscan.Token) []FA {
	var out []FA
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Kind == erlscan.Atom && toks[i+1].Is("/") && toks[i+2].Kind == erlscan.Integer {
			if n, err := strconv.Atoi(toks[i+2].Text); err == nil {
				out = append(out, FA{toks[i].Value, n})
			}
		}
	}
	return out
}

// function reads the clauses of a function definition.
func (m *Module) function(toks []erlscan.Token) *Function {
	name := toks[0].Value
	close := matching(toks, 1)
	fn := &Function{
		FA:          FA{name, countArgs(toks[2:close])},
		Pos:         toks[0].Pos,
		End:         toks[len(toks)-1].End,
		NameTok:     toks[0],
		clauseNames: map[int]bool{toks[0].Pos: true},
	}
	clauseStart := 0
	d := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		d += nesting(toks, i)
		if d == 0 && t.Is(";") && i+2 < len(toks) && toks[i+1].Kind == erlscan.Atom && toks[i+1].Value == name && toks[i+2].Is("(") {
			fn.Heads = append(fn.Heads, m.head(toks[clauseStart:i]))
			clauseStart = i + 1
			fn.clauseNames[toks[i+1].Pos] = true
		}
	}
	fn.Heads = append(fn.Heads, m.head(toks[clauseStart:]))
	m.Functions = append(m.Functions, fn)
	return fn
}

// head returns the text of a clause up to its arrow.
func (m *Module) head(clause []erlscan.Token) string {
	d := 0
	for i, t := range clause {
		d += nesting(clause, i)
		if d == 0 && t.Is("->") && i > 0 {
			return m.Src[clause[0].Pos:clause[i-1].End]
		}
	}
	if len(clause) == 0 {
		return ""
	}
	return m.Src[clause[0].Pos:clause[len(clause)-1].End]
}

// nesting returns +1 if toks[i] opens a bracket or block, -1 if it closes
// one, and 0 otherwise.
func nesting(toks []erlscan.Token, i int) int {
	t := toks[i]
	switch t.Kind {
	case erlscan.Punct:
		switch t.Text {
		case "(", "[", "{", "<<":
			return 1
		case ")", "]", "}", ">>":
			return -1
		}
	case erlscan.Keyword:
		switch t.Text {
		case "begin", "case", "if", "receive", "try", "maybe", "cond", "let":
			return 1
		case "end":
			return -1
		case "fun":
			// fun (...) -> ... end and fun Name(...) -> ... end open a block;
			// fun f/1 and fun m:f/1 do not.
			if i+1 < len(toks) && (toks[i+1].Is("(") || toks[i+1].Kind == erlscan.Var && i+2 < len(toks) && toks[i+2].Is("(")) {
				return 1
			}
		}
	}
	return 0
}

// matching returns the index of the token that closes the one at open, or
// len(toks) if it is not closed (so that toks[open+1:close] is always the
// inside).
func matching(toks []erlscan.Token, open int) int {
	d := 0
	for i := open; i < len(toks); i++ {
		d += nesting(toks, i)
		if d == 0 && i > open {
			return i
		}
	}
	return len(toks)
}

// endAt returns the end offset of toks[i], or of the last token when i is
// past the end.
func endAt(toks []erlscan.Token, i int) int {
	return toks[min(i, len(toks)-1)].End
}

// splitTop splits toks at separators that are not nested.
func splitTop(toks []erlscan.Token, sep string) [][]erlscan.Token {
	var out [][]erlscan.Token
	d, start := 0, 0
	for i, t := range toks {
		d += nesting(toks, i)
		if d == 0 && t.Is(sep) {
			out = append(out, toks[start:i])
			start = i + 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

// countArgs counts the arguments in the tokens between two parentheses.
func countArgs(toks []erlscan.Token) int {
	if len(toks) == 0 {
		return 0
	}
	return len(splitTop(toks, ","))
}

// maxExpansion bounds nested macro expansion (a macro that uses itself
// would otherwise never end).
const maxExpansion = 8

// expand replaces uses of the module's macros and of the predefined ones by
// their bodies. Expanded tokens take the position of the macro use.
func (m *Module) expand(toks []erlscan.Token, level int) []erlscan.Token {
	if !slices.ContainsFunc(toks, func(t erlscan.Token) bool { return t.Is("?") }) {
		return toks
	}
	out := make([]erlscan.Token, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Is("?") || i+1 >= len(toks) || (toks[i+1].Kind != erlscan.Atom && toks[i+1].Kind != erlscan.Var) {
			out = append(out, t)
			continue
		}
		nameTok := toks[i+1]
		name := nameTok.Text
		if nameTok.Kind == erlscan.Atom {
			name = nameTok.Value
		}
		use := erlscan.Token{Pos: t.Pos, End: nameTok.End}
		if body, ok := m.predefined(name, use); ok {
			out = append(out, body)
			i++
			continue
		}
		mac := m.Macros[name]
		if mac == nil || level >= maxExpansion {
			out = append(out, t)
			continue
		}
		var body []erlscan.Token
		next := i + 2
		if mac.Params != nil {
			if next >= len(toks) || !toks[next].Is("(") {
				out = append(out, t)
				continue
			}
			close := matching(toks, next)
			args := splitTop(toks[next+1:close], ",")
			use.End = endAt(toks, close)
			body = substitute(mac, args)
			next = close + 1
		} else {
			body = mac.Body
		}
		for _, b := range m.expand(body, level+1) {
			b.Pos, b.End = use.Pos, use.End
			out = append(out, b)
		}
		i = next - 1
	}
	return out
}

// predefined returns the expansion of the predefined macros that can name
// a callee or a literal (?MODULE, ?MODULE_STRING, ?LINE), placed at use.
func (m *Module) predefined(name string, use erlscan.Token) (erlscan.Token, bool) {
	t := use
	switch name {
	case "MODULE":
		if m.Name == "" {
			return t, false
		}
		t.Kind, t.Text, t.Value = erlscan.Atom, m.Name, m.Name
	case "MODULE_STRING":
		if m.Name == "" {
			return t, false
		}
		t.Kind, t.Text, t.Value = erlscan.String, strconv.Quote(m.Name), m.Name
	case "LINE":
		t.Kind, t.Text = erlscan.Integer, strconv.Itoa(1+strings.Count(m.Src[:use.Pos], "\n"))
	default:
		return t, false
	}
	return t, true
}

// substitute replaces a function-like macro's parameters by the arguments.
func substitute(mac *Macro, args [][]erlscan.Token) []erlscan.Token {
	var out []erlscan.Token
	for _, b := range mac.Body {
		if b.Kind == erlscan.Var {
			replaced := false
			for pi, p := range mac.Params {
				if p == b.Text && pi < len(args) {
					out = append(out, args[pi]...)
					replaced = true
					break
				}
			}
			if replaced {
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

// isOperand reports whether t ends an expression, so that a following `-`
// is binary subtraction rather than a sign.
func isOperand(t erlscan.Token) bool {
	switch t.Kind {
	case erlscan.Atom, erlscan.Var, erlscan.Integer, erlscan.Float, erlscan.Char, erlscan.String:
		return true
	case erlscan.Punct:
		return t.Text == ")" || t.Text == "]" || t.Text == "}" || t.Text == ">>"
	case erlscan.Keyword:
		return t.Text == "end"
	}
	return false
}

// body finds the calls, integer literals and binaries of a function.
func (m *Module) body(fn *Function, toks []erlscan.Token) {
	isMacro := func(t erlscan.Token) bool { return t.End-t.Pos != len(t.Text) || m.Src[t.Pos:t.End] != t.Text }
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var prev erlscan.Token
		if i > 0 {
			prev = toks[i-1]
		}
		switch {
		case t.Kind == erlscan.Integer:
			lit := IntLit{Tok: t, Pos: t.Pos, End: t.End, In: fn}
			if prev.Is("-") && (i < 2 || !isOperand(toks[i-2])) {
				lit.Negative, lit.Pos = true, prev.Pos
			}
			m.Integers = append(m.Integers, lit)
		case t.Is("<<"):
			m.binary(fn, toks, i)
		case t.Is("fun") && i+3 < len(toks) && toks[i+1].Kind == erlscan.Atom:
			// fun f/A or fun m:f/A
			j := i + 1
			c := Call{Kind: FunRef, Pos: toks[j].Pos, In: fn}
			if j+3 < len(toks) && toks[j+1].Is(":") && toks[j+2].Kind == erlscan.Atom {
				c.Module, c.ModTok = toks[j].Value, toks[j]
				j += 2
			}
			if j+2 < len(toks) && toks[j+1].Is("/") && toks[j+2].Kind == erlscan.Integer {
				n, err := strconv.Atoi(toks[j+2].Text)
				if err == nil {
					c.Function, c.FunTok, c.Arity = toks[j].Value, toks[j], n
					c.End, c.CallEnd = toks[j+2].End, toks[j+2].End
					c.Macro = isMacro(toks[j])
					m.Calls = append(m.Calls, c)
				}
				i = j + 2
			}
		case t.Kind == erlscan.Atom && i+3 < len(toks) && toks[i+1].Is(":") && toks[i+2].Kind == erlscan.Atom && toks[i+3].Is("(") && !prev.Is("fun"):
			close := matching(toks, i+3)
			c := Call{
				Kind: RemoteCall, Module: t.Value, Function: toks[i+2].Value,
				Pos: t.Pos, End: toks[i+2].End, CallEnd: endAt(toks, close),
				ModTok: t, FunTok: toks[i+2], In: fn,
				Args:  splitTop(toks[i+4:close], ","),
				Macro: isMacro(t) || isMacro(toks[i+2]),
			}
			c.Arity = len(c.Args)
			m.Calls = append(m.Calls, c)
			if c.Module == "erlang" && c.Function == "apply" {
				m.apply(c)
			}
			i += 2
		case t.Kind == erlscan.Atom && i+1 < len(toks) && toks[i+1].Is("(") && !prev.Is(":") && !prev.Is("#") && !prev.Is("?") && !prev.Is("fun") &&
			!(fn.clauseNames[t.Pos] && !isMacro(t)):
			close := matching(toks, i+1)
			c := Call{
				Kind: LocalCall, Function: t.Value, Pos: t.Pos, End: t.End, CallEnd: endAt(toks, close),
				FunTok: t, In: fn, Args: splitTop(toks[i+2:close], ","), Macro: isMacro(t),
			}
			c.Arity = len(c.Args)
			m.Calls = append(m.Calls, c)
			if c.Function == "apply" && c.Arity == 3 {
				m.apply(c)
			}
		}
	}
}

// apply records apply(M, F, [A1, ..., An]) with literal M and F as a call
// of M:F/n.
func (m *Module) apply(c Call) {
	if len(c.Args) != 3 {
		return
	}
	mod, fun, list := c.Args[0], c.Args[1], c.Args[2]
	if len(mod) != 1 || mod[0].Kind != erlscan.Atom || len(fun) != 1 || fun[0].Kind != erlscan.Atom {
		return
	}
	n, ok := ListLen(list)
	if !ok {
		return
	}
	m.Calls = append(m.Calls, Call{
		Kind: ApplyCall, Module: mod[0].Value, Function: fun[0].Value, Arity: n,
		Pos: mod[0].Pos, End: fun[0].End, CallEnd: c.CallEnd, ModTok: mod[0], FunTok: fun[0],
		In: c.In, Macro: c.Macro,
	})
}

// ListLen returns the length of a literal proper list [A, B, C], and false
// if toks is not one (a variable, a list with a | tail, a string).
func ListLen(toks []erlscan.Token) (int, bool) {
	elems, ok := ListElems(toks)
	return len(elems), ok
}

// ListElems returns the elements of a literal proper list.
func ListElems(toks []erlscan.Token) ([][]erlscan.Token, bool) {
	if len(toks) < 2 || !toks[0].Is("[") || matching(toks, 0) != len(toks)-1 || !toks[len(toks)-1].Is("]") {
		return nil, false
	}
	inner := toks[1 : len(toks)-1]
	if len(inner) == 0 {
		return nil, true
	}
	d := 0
	for i, t := range inner {
		d += nesting(inner, i)
		if d == 0 && (t.Is("|") || t.Is("||")) {
			return nil, false
		}
	}
	return splitTop(inner, ","), true
}

// binary reads the << ... >> starting at toks[open].
func (m *Module) binary(fn *Function, toks []erlscan.Token, open int) {
	close := matching(toks, open)
	if close >= len(toks) || !toks[close].Is(">>") {
		return
	}
	inner := toks[open+1 : close]
	b := Binary{Pos: toks[open].Pos, End: toks[close].End, In: fn}
	d := 0
	for i, t := range inner {
		d += nesting(inner, i)
		if d == 0 && t.Is("||") {
			return // a binary comprehension, not a construction
		}
	}
	for _, seg := range splitTop(inner, ",") {
		if len(seg) == 0 {
			continue
		}
		s := Segment{Pos: seg[0].Pos, End: seg[len(seg)-1].End}
		d := 0
		colon, slash := -1, -1
		for i, t := range seg {
			d += nesting(seg, i)
			if d != 0 {
				continue
			}
			if t.Is(":") && colon < 0 && slash < 0 && i > 0 {
				colon = i
			}
			if t.Is("/") && slash < 0 && i > 0 {
				slash = i
			}
		}
		valueEnd := len(seg)
		if slash >= 0 {
			valueEnd = slash
			for j := slash + 1; j < len(seg); j++ {
				w := seg[j]
				switch {
				case w.Kind == erlscan.Atom && w.Value == "unit" && j+2 < len(seg) && seg[j+1].Is(":"):
					s.Unit, _ = strconv.Atoi(seg[j+2].Text)
					j += 2
				case w.Kind == erlscan.Atom:
					s.Types = append(s.Types, w.Value)
				}
			}
		}
		if colon >= 0 {
			s.Size = seg[colon+1 : valueEnd]
			valueEnd = colon
		}
		s.Value = seg[:valueEnd]
		b.Segments = append(b.Segments, s)
	}
	m.Binaries = append(m.Binaries, b)
}

// FunctionAt returns the function defined at byte offset pos, if any.
func (m *Module) FunctionAt(pos int) *Function {
	for _, f := range m.Functions {
		if pos >= f.Pos && pos <= f.End {
			return f
		}
	}
	return nil
}

// Function returns the definition of name/arity, if the module has one.
func (m *Module) Function(fa FA) *Function {
	for _, f := range m.Functions {
		if f.FA == fa {
			return f
		}
	}
	return nil
}

// Exported reports whether the module exports fa.
func (m *Module) Exported(fa FA) bool {
	return m.Exports[fa] || m.ExportAll && m.Function(fa) != nil
}

// TokenAt returns the index of the token containing byte offset pos (or
// ending at it), or -1.
func (m *Module) TokenAt(pos int) int {
	lo, hi := 0, len(m.Tokens)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.Tokens[mid].End < pos {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(m.Tokens) && m.Tokens[lo].Pos <= pos && pos <= m.Tokens[lo].End {
		return lo
	}
	return -1
}
