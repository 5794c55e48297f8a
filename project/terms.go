package project

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TermKind says what an Erlang term read from a config file is.
type TermKind uint8

const (
	Atom TermKind = iota
	String
	Integer // Text is the source text, e.g. "16#FF"
	Float
	Tuple
	List
	Binary // Text is the source text between << and >>
	Map    // Elems holds key, value, key, value…
)

// Term is an Erlang term as written in a file such as rebar.config: enough
// of the data syntax to read configuration (no variables, no expressions).
type Term struct {
	Kind  TermKind
	Text  string // atom name, string contents, number or binary source
	Elems []Term
	Line  int
}

// IsAtom reports whether t is the atom name.
func (t Term) IsAtom(name string) bool { return t.Kind == Atom && t.Text == name }

// String writes t back in Erlang syntax, as erlc reads options (+Term).
func (t Term) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t Term) write(b *strings.Builder) {
	switch t.Kind {
	case Atom:
		b.WriteString(quoteAtom(t.Text))
	case String:
		b.WriteString(quote(t.Text, '"'))
	case Integer, Float:
		b.WriteString(t.Text)
	case Binary:
		b.WriteString("<<" + t.Text + ">>")
	case Tuple, List, Map:
		open, sep, close := "{", ",", "}"
		switch t.Kind {
		case List:
			open, close = "[", "]"
		case Map:
			open = "#{"
		}
		b.WriteString(open)
		for i, e := range t.Elems {
			switch {
			case t.Kind == Map && i%2 == 1:
				b.WriteString("=>")
			case i > 0:
				b.WriteString(sep)
			}
			e.write(b)
		}
		b.WriteString(close)
	}
}

// quoteAtom quotes an atom name unless it reads as a bare atom.
func quoteAtom(s string) string {
	bare := s != "" && s[0] >= 'a' && s[0] <= 'z' && !reservedWords[s]
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@') {
			bare = false
		}
	}
	if bare {
		return s
	}
	return quote(s, '\'')
}

// quote writes s between q quotes with Erlang's escapes.
func quote(s string, q rune) string {
	var b strings.Builder
	b.WriteRune(q)
	for _, c := range s {
		switch {
		case c == q || c == '\\':
			b.WriteRune('\\')
			b.WriteRune(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < ' ' || c == 127:
			fmt.Fprintf(&b, `\x{%X}`, c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// reservedWords are Erlang's keywords: not usable as bare atoms.
var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true, "bor": true,
	"bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true, "cond": true, "div": true,
	"else": true, "end": true, "fun": true, "if": true, "let": true, "maybe": true, "not": true,
	"of": true, "or": true, "orelse": true, "query": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true,
}

// IsReservedWord reports whether s is an Erlang keyword.
func IsReservedWord(s string) bool { return reservedWords[s] }

// ParseTerms reads a file of Erlang terms each ending with a full stop, as
// file:consult/1 does. Errors name the file and line.
func ParseTerms(file string, src []byte) ([]Term, error) {
	p := &termParser{file: file, src: string(src), line: 1}
	var out []Term
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return out, nil
		}
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if !p.fullStop() {
			return nil, p.errorf("expected a full stop after the term that starts on line %d", t.Line)
		}
		out = append(out, t)
	}
}

type termParser struct {
	file  string
	src   string
	pos   int
	line  int
	depth int
}

// maxDepth bounds nesting, so that a hostile file cannot exhaust the stack.
const maxDepth = 100

func (p *termParser) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, p.line, fmt.Sprintf(format, args...))
}

func (p *termParser) skipSpace() {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == '\n':
			p.line++
			p.pos++
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			p.pos++
		case c == '%':
			for p.pos < len(p.src) && p.src[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// fullStop consumes a '.' followed by white space, a comment or the end.
func (p *termParser) fullStop() bool {
	if p.pos >= len(p.src) || p.src[p.pos] != '.' {
		return false
	}
	if n := p.pos + 1; n < len(p.src) && !strings.ContainsRune(" \t\r\n%", rune(p.src[n])) {
		return false
	}
	p.pos++
	return true
}

func (p *termParser) peek(s string) bool { return strings.HasPrefix(p.src[p.pos:], s) }

func (p *termParser) term() (Term, error) {
	p.skipSpace()
	if p.pos >= len(p.src) {
		return Term{}, p.errorf("unexpected end of file")
	}
	line := p.line
	c := p.src[p.pos]
	if c == '{' || c == '[' || p.peek("#{") {
		if p.depth++; p.depth > maxDepth {
			return Term{}, p.errorf("terms nested too deeply (more than %d levels)", maxDepth)
		}
		defer func() { p.depth-- }()
	}
	switch {
	case c == '{':
		p.pos++
		elems, err := p.seq("}")
		return Term{Kind: Tuple, Elems: elems, Line: line}, err
	case c == '[':
		p.pos++
		elems, err := p.seq("]")
		return Term{Kind: List, Elems: elems, Line: line}, err
	case p.peek("#{"):
		p.pos += 2
		elems, err := p.mapElems()
		return Term{Kind: Map, Elems: elems, Line: line}, err
	case p.peek("<<"):
		end := strings.Index(p.src[p.pos:], ">>")
		if end < 0 {
			return Term{}, p.errorf("binary without >>")
		}
		text := p.src[p.pos+2 : p.pos+end]
		p.line += strings.Count(text, "\n")
		p.pos += end + 2
		return Term{Kind: Binary, Text: text, Line: line}, nil
	case c == '"':
		var b strings.Builder
		for p.pos < len(p.src) && p.src[p.pos] == '"' { // adjacent strings concatenate
			s, err := p.quoted('"')
			if err != nil {
				return Term{}, err
			}
			b.WriteString(s)
			p.skipSpace()
		}
		return Term{Kind: String, Text: b.String(), Line: line}, nil
	case c == '\'':
		s, err := p.quoted('\'')
		return Term{Kind: Atom, Text: s, Line: line}, err
	case c == '$':
		p.pos++
		r, err := p.char()
		return Term{Kind: Integer, Text: strconv.Itoa(int(r)), Line: line}, err
	case c >= 'a' && c <= 'z':
		start := p.pos
		for p.pos < len(p.src) && isNameChar(p.src[p.pos]) {
			p.pos++
		}
		return Term{Kind: Atom, Text: p.src[start:p.pos], Line: line}, nil
	case c >= '0' && c <= '9' || c == '-' || c == '+':
		return p.number()
	case c >= 'A' && c <= 'Z' || c == '_':
		return Term{}, p.errorf("a variable or expression is not data; computed configuration needs rebar.config.script")
	}
	return Term{}, p.errorf("unexpected %q", c)
}

func isNameChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@'
}

// seq reads comma-separated terms up to close.
func (p *termParser) seq(close string) ([]Term, error) {
	var elems []Term
	p.skipSpace()
	if p.peek(close) {
		p.pos++
		return elems, nil
	}
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		elems = append(elems, t)
		p.skipSpace()
		switch {
		case p.peek(","):
			p.pos++
		case p.peek(close):
			p.pos++
			return elems, nil
		case p.peek("|"):
			return nil, p.errorf("improper lists ([H|T]) are not supported in configuration")
		case p.pos >= len(p.src):
			return nil, p.errorf("unexpected end of file: %s is not closed", map[string]string{"}": "{", "]": "["}[close])
		default:
			return nil, p.errorf("expected , or %s", close)
		}
	}
}

func (p *termParser) mapElems() ([]Term, error) {
	var elems []Term
	p.skipSpace()
	if p.peek("}") {
		p.pos++
		return elems, nil
	}
	for {
		k, err := p.term()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if !p.peek("=>") && !p.peek(":=") {
			return nil, p.errorf("expected => in a map")
		}
		p.pos += 2
		v, err := p.term()
		if err != nil {
			return nil, err
		}
		elems = append(elems, k, v)
		p.skipSpace()
		switch {
		case p.peek(","):
			p.pos++
		case p.peek("}"):
			p.pos++
			return elems, nil
		case p.pos >= len(p.src):
			return nil, p.errorf("unexpected end of file: #{ is not closed")
		default:
			return nil, p.errorf("expected , or } in a map")
		}
	}
}

// quoted reads a string or quoted atom with Erlang's escapes.
func (p *termParser) quoted(q byte) (string, error) {
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.src) {
			if q == '"' {
				return "", p.errorf("unterminated string")
			}
			return "", p.errorf("unterminated quoted atom")
		}
		c := p.src[p.pos]
		if c == q {
			p.pos++
			return b.String(), nil
		}
		r, err := p.char()
		if err != nil {
			return "", err
		}
		b.WriteRune(r)
	}
}

// char reads one character of a string, quoted atom or $ literal.
func (p *termParser) char() (rune, error) {
	if p.pos >= len(p.src) {
		return 0, p.errorf("unexpected end of file")
	}
	c := p.src[p.pos]
	if c == '\n' {
		p.line++
	}
	if c != '\\' {
		r, n := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += n
		return r, nil
	}
	p.pos++
	if p.pos >= len(p.src) {
		return 0, p.errorf("unexpected end of file after \\")
	}
	c = p.src[p.pos]
	p.pos++
	switch c {
	case 'n':
		return '\n', nil
	case 't':
		return '\t', nil
	case 'r':
		return '\r', nil
	case 's':
		return ' ', nil
	case 'e':
		return 27, nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'v':
		return '\v', nil
	case 'd':
		return 127, nil
	case '^':
		if p.pos >= len(p.src) {
			return 0, p.errorf("unexpected end of file after \\^")
		}
		p.pos++
		return rune(p.src[p.pos-1] & 31), nil
	case 'x':
		digits := ""
		if p.peek("{") {
			end := strings.IndexByte(p.src[p.pos:], '}')
			if end < 0 {
				return 0, p.errorf("unterminated \\x{")
			}
			digits, p.pos = p.src[p.pos+1:p.pos+end], p.pos+end+1
		} else if p.pos+2 <= len(p.src) {
			digits, p.pos = p.src[p.pos:p.pos+2], p.pos+2
		}
		n, err := strconv.ParseUint(digits, 16, 32)
		if err != nil {
			return 0, p.errorf("bad \\x escape %q", digits)
		}
		return rune(n), nil
	}
	if c >= '0' && c <= '7' {
		n := int(c - '0')
		for i := 0; i < 2 && p.pos < len(p.src) && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; i++ {
			n = n*8 + int(p.src[p.pos]-'0')
			p.pos++
		}
		return rune(n), nil
	}
	return rune(c), nil
}

// number reads an integer (with base# and _ separators) or a float.
func (p *termParser) number() (Term, error) {
	line, start := p.line, p.pos
	if p.src[p.pos] == '-' || p.src[p.pos] == '+' {
		p.pos++
	}
	for p.pos < len(p.src) && (isNameChar(p.src[p.pos]) || p.src[p.pos] == '#') {
		p.pos++
	}
	kind := Integer
	// A '.' followed by a digit continues a float; otherwise it ends the term.
	if p.pos+1 < len(p.src) && p.src[p.pos] == '.' && p.src[p.pos+1] >= '0' && p.src[p.pos+1] <= '9' {
		kind = Float
		p.pos++
		for p.pos < len(p.src) && (isNameChar(p.src[p.pos]) || (p.src[p.pos] == '-' || p.src[p.pos] == '+') && (p.src[p.pos-1] == 'e' || p.src[p.pos-1] == 'E')) {
			p.pos++
		}
	}
	text := p.src[start:p.pos]
	clean := strings.ReplaceAll(text, "_", "")
	var err error
	if kind == Float {
		_, err = strconv.ParseFloat(clean, 64)
	} else if base, digits, ok := strings.Cut(strings.TrimLeft(clean, "+-"), "#"); ok {
		var b int
		if b, err = strconv.Atoi(base); err == nil && (b < 2 || b > 36) {
			err = fmt.Errorf("base %d", b)
		}
		if err == nil {
			_, err = strconv.ParseInt(digits, b, 64)
		}
	} else {
		_, err = strconv.ParseInt(clean, 10, 64)
	}
	if err != nil {
		return Term{}, p.errorf("bad number %q", text)
	}
	return Term{Kind: kind, Text: text, Line: line}, nil
}

// Lookup finds {Key, Value} in a proplist (a List of tuples and atoms) and
// returns Value; a bare atom Key counts as {Key, true}.
func Lookup(list Term, key string) (Term, bool) {
	if list.Kind != List {
		return Term{}, false
	}
	for _, e := range list.Elems {
		switch {
		case e.Kind == Tuple && len(e.Elems) >= 2 && e.Elems[0].IsAtom(key):
			return e.Elems[1], true
		case e.IsAtom(key):
			return Term{Kind: Atom, Text: "true", Line: e.Line}, true
		}
	}
	return Term{}, false
}

// IntValue is the value of an Integer term (base# notation included).
func (t Term) IntValue() (int64, bool) {
	if t.Kind != Integer {
		return 0, false
	}
	s := strings.ReplaceAll(t.Text, "_", "")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	base := 10
	if b, digits, ok := strings.Cut(s, "#"); ok {
		base, _ = strconv.Atoi(b)
		s = digits
	}
	n, err := strconv.ParseInt(s, base, 64)
	if neg {
		n = -n
	}
	return n, err == nil
}
