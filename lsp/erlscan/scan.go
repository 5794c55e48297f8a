// Package erlscan splits Erlang source text into tokens, as OTP's erl_scan
// does, keeping each token's byte range so that editors can be pointed at
// exact columns.
//
// The scanner never fails: text it cannot read becomes an Error token with a
// message, and scanning goes on after it. It knows the token syntax of
// OTP 25 to 28: based integers and digit separators (1_000, 16#FF), floats,
// characters ($a, $\n, $\x{1F600}), quoted atoms, strings, OTP 27
// triple-quoted strings and sigils, and the `.` that ends a form.
package erlscan

import (
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Error   Kind = iota // text the scanner could not read; Msg says why
	Atom                // foo, 'Foo Bar' (Value is the name)
	Var                 // Foo, _foo, _
	Integer             // 42, 16#ff, 1_000 (see Token.Int)
	Float               // 1.5, 2.0e-3
	Char                // $a (Value is the character)
	String              // "text", """text""", ~"text" (Value is the decoded text)
	Keyword             // reserved words: case, end, fun, ...
	Punct               // operators and punctuation: ( ) , -> := ...
	Dot                 // the `.` that ends a form
	Comment             // % to the end of the line
)

var kindNames = [...]string{"error", "atom", "var", "integer", "float", "char", "string", "keyword", "punct", "dot", "comment"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Token is one lexical token of Erlang source.
type Token struct {
	Kind Kind
	// Pos and End are byte offsets into the source: the token is src[Pos:End].
	Pos, End int
	// Text is the token as written. For keywords and punctuation it is the
	// operator itself.
	Text string
	// Value is the meaning of atoms (unquoted name), strings (decoded
	// characters) and characters; empty otherwise.
	Value string
	// Msg explains an Error token.
	Msg string
}

// Is reports whether t is the keyword or punctuation s.
func (t Token) Is(s string) bool {
	return (t.Kind == Punct || t.Kind == Keyword || t.Kind == Dot) && t.Text == s
}

// Int returns the value of an Integer token, or nil if t is not one.
func (t Token) Int() *big.Int {
	if t.Kind != Integer {
		return nil
	}
	text := strings.ReplaceAll(t.Text, "_", "")
	base := 10
	if i := strings.IndexByte(text, '#'); i >= 0 {
		b, ok := new(big.Int).SetString(text[:i], 10)
		if !ok || !b.IsInt64() || b.Int64() < 2 || b.Int64() > 36 {
			return nil
		}
		base, text = int(b.Int64()), text[i+1:]
	}
	v, ok := new(big.Int).SetString(text, base)
	if !ok {
		return nil
	}
	return v
}

var reserved = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true,
	"bor": true, "bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true,
	"cond": true, "div": true, "end": true, "fun": true, "if": true, "let": true, "not": true,
	"of": true, "or": true, "orelse": true, "receive": true, "rem": true, "try": true,
	"when": true, "xor": true, "maybe": true, "else": true,
}

// Operators, longest first so that the first match is the longest.
var operators = []string{
	"=:=", "=/=", "...", "<<", ">>", "->", "<-", "<=", "=>", ":=", "::", "||", "==", "/=",
	"=<", ">=", "++", "--", "??", "&&", "..",
	"(", ")", "[", "]", "{", "}", ",", ";", ":", "#", "|", "!", "=", "<", ">", "+", "-", "*", "/", "?", ".",
}

// operatorsByByte lists the operators by their first byte, longest first.
var operatorsByByte = func() (t [256][]string) {
	for _, op := range operators {
		t[op[0]] = append(t[op[0]], op)
	}
	return t
}()

// Scan returns the tokens of src, comments included, in order.
func Scan(src string) []Token {
	s := scanner{src: src}
	toks := make([]Token, 0, len(src)/4)
	for {
		t, ok := s.next()
		if !ok {
			return toks
		}
		toks = append(toks, t)
	}
}

type scanner struct {
	src string
	pos int
}

func (s *scanner) peek(off int) byte {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *scanner) tok(k Kind, start int) Token {
	return Token{Kind: k, Pos: start, End: s.pos, Text: s.src[start:s.pos]}
}

func (s *scanner) errTok(start int, msg string) Token {
	t := s.tok(Error, start)
	t.Msg = msg
	return t
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '@' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// next returns the next token, or false at the end of the text.
func (s *scanner) next() (Token, bool) {
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			s.pos++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s.src[s.pos:])
			if unicode.IsSpace(r) {
				s.pos += n
				continue
			}
		}
		break
	}
	if s.pos >= len(s.src) {
		return Token{}, false
	}
	start := s.pos
	c := s.src[s.pos]
	switch {
	case c == '%':
		for s.pos < len(s.src) && s.src[s.pos] != '\n' {
			s.pos++
		}
		return s.tok(Comment, start), true
	case c >= 'a' && c <= 'z':
		s.ident()
		t := s.tok(Atom, start)
		if reserved[t.Text] {
			t.Kind = Keyword
		} else {
			t.Value = t.Text
		}
		return t, true
	case c >= 'A' && c <= 'Z' || c == '_':
		s.ident()
		return s.tok(Var, start), true
	case c >= '0' && c <= '9':
		return s.number(), true
	case c == '$':
		return s.char(), true
	case c == '\'':
		return s.quoted('\'', Atom), true
	case c == '"':
		if strings.HasPrefix(s.src[s.pos:], `"""`) {
			return s.tripleQuoted(start), true
		}
		return s.quoted('"', String), true
	case c == '~':
		return s.sigil(), true
	case c == '.':
		// A dot followed by white space, a comment or the end ends a form.
		n := s.peek(1)
		if n == 0 || n == ' ' || n == '\t' || n == '\n' || n == '\r' || n == '%' {
			s.pos++
			return s.tok(Dot, start), true
		}
	case c >= utf8.RuneSelf:
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		s.pos += n
		if r == utf8.RuneError && n == 1 {
			return s.errTok(start, "invalid UTF-8"), true
		}
		if unicode.IsLetter(r) {
			// Latin-1 letters start atoms (lower case) or variables (upper case).
			s.ident()
			if unicode.IsUpper(r) {
				return s.tok(Var, start), true
			}
			t := s.tok(Atom, start)
			t.Value = t.Text
			return t, true
		}
		return s.errTok(start, "unexpected character "+string(r)), true
	}
	for _, op := range operatorsByByte[c] {
		if strings.HasPrefix(s.src[s.pos:], op) {
			s.pos += len(op)
			return s.tok(Punct, start), true
		}
	}
	_, n := utf8.DecodeRuneInString(s.src[s.pos:])
	s.pos += n
	return s.errTok(start, "unexpected character "+s.src[start:s.pos]), true
}

// ident consumes the rest of an atom or variable name.
func (s *scanner) ident() {
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if isIdentByte(c) {
			s.pos++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s.src[s.pos:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				s.pos += n
				continue
			}
		}
		return
	}
}

// digits consumes digits valid in base, with single `_` separators between
// them, and reports how many digits it read.
func (s *scanner) digits(base int) int {
	n := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == '_' && n > 0 && digitValue(s.peek(1)) < base {
			s.pos++
			continue
		}
		if digitValue(c) >= base {
			break
		}
		s.pos++
		n++
	}
	return n
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

func (s *scanner) number() Token {
	start := s.pos
	s.digits(10)
	if s.peek(0) == '#' {
		base := 0
		for _, c := range strings.ReplaceAll(s.src[start:s.pos], "_", "") {
			base = base*10 + int(c-'0')
			if base > 36 {
				break
			}
		}
		s.pos++
		if base < 2 || base > 36 {
			s.digits(36)
			return s.errTok(start, "integer base must be between 2 and 36")
		}
		if s.digits(base) == 0 {
			return s.errTok(start, "missing digits after "+s.src[start:s.pos])
		}
		return s.tok(Integer, start)
	}
	if s.peek(0) == '.' && digitValue(s.peek(1)) < 10 {
		s.pos++
		s.digits(10)
		if c := s.peek(0); c == 'e' || c == 'E' {
			save := s.pos
			s.pos++
			if c := s.peek(0); c == '+' || c == '-' {
				s.pos++
			}
			if s.digits(10) == 0 {
				s.pos = save
			}
		}
		return s.tok(Float, start)
	}
	return s.tok(Integer, start)
}

func (s *scanner) char() Token {
	start := s.pos
	s.pos++ // $
	if s.pos >= len(s.src) {
		return s.errTok(start, "missing character after $")
	}
	if s.src[s.pos] == '\\' {
		r, ok := s.escape()
		t := s.tok(Char, start)
		if !ok {
			t.Kind, t.Msg = Error, "bad escape in character literal"
		}
		t.Value = string(r)
		return t
	}
	r, n := utf8.DecodeRuneInString(s.src[s.pos:])
	s.pos += n
	t := s.tok(Char, start)
	t.Value = string(r)
	return t
}

// escape reads a backslash escape at s.pos and returns its character.
func (s *scanner) escape() (rune, bool) {
	s.pos++ // backslash
	if s.pos >= len(s.src) {
		return 0, false
	}
	c := s.src[s.pos]
	switch {
	case c >= '0' && c <= '7':
		v := 0
		for i := 0; i < 3 && s.pos < len(s.src) && s.src[s.pos] >= '0' && s.src[s.pos] <= '7'; i++ {
			v = v*8 + int(s.src[s.pos]-'0')
			s.pos++
		}
		return rune(v), true
	case c == 'x':
		s.pos++
		if s.peek(0) == '{' {
			s.pos++
			v, n := 0, 0
			for s.pos < len(s.src) && digitValue(s.src[s.pos]) < 16 {
				if v < 0x110000 {
					v = v*16 + digitValue(s.src[s.pos])
				}
				s.pos++
				n++
			}
			if s.peek(0) != '}' || n == 0 {
				return 0, false
			}
			s.pos++
			if v >= 0x110000 {
				return utf8.RuneError, false
			}
			return rune(v), true
		}
		v := 0
		for i := 0; i < 2; i++ {
			d := digitValue(s.peek(0))
			if d >= 16 {
				return 0, false
			}
			v = v*16 + d
			s.pos++
		}
		return rune(v), true
	case c == '^':
		s.pos++
		if s.pos >= len(s.src) {
			return 0, false
		}
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		s.pos += n
		return r & 31, true
	}
	r, n := utf8.DecodeRuneInString(s.src[s.pos:])
	s.pos += n
	switch r {
	case 'b':
		return '\b', true
	case 'd':
		return 127, true
	case 'e':
		return 27, true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 's':
		return ' ', true
	case 't':
		return '\t', true
	case 'v':
		return '\v', true
	}
	return r, true
}

// quoted reads a quoted atom or string closed by q.
func (s *scanner) quoted(q byte, k Kind) Token {
	start := s.pos
	s.pos++
	var b strings.Builder
	bad := false
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == q {
			s.pos++
			t := s.tok(k, start)
			t.Value = b.String()
			if bad {
				t.Kind, t.Msg = Error, "bad escape sequence"
			}
			return t
		}
		if c == '\\' {
			r, ok := s.escape()
			bad = bad || !ok
			b.WriteRune(r)
			continue
		}
		b.WriteByte(c)
		s.pos++
	}
	what := "string"
	if k == Atom {
		what = "quoted atom"
	}
	return s.errTok(start, "unterminated "+what)
}

// tripleQuoted reads an OTP 27 """ string: the closing """ stands alone on
// its line, and its indentation is removed from every line.
func (s *scanner) tripleQuoted(start int) Token {
	quotes := 0
	for s.peek(0) == '"' {
		s.pos++
		quotes++
	}
	closing := strings.Repeat(`"`, quotes)
	body := s.pos
	for s.pos < len(s.src) {
		nl := strings.IndexByte(s.src[s.pos:], '\n')
		if nl < 0 {
			break
		}
		s.pos += nl + 1
		line := s.src[s.pos:]
		indent := len(line) - len(strings.TrimLeft(line, " \t"))
		if strings.HasPrefix(line[indent:], closing) {
			content := s.src[body:s.pos]
			s.pos += indent + quotes
			t := s.tok(String, start)
			t.Value = dedent(content, line[:indent])
			return t
		}
	}
	s.pos = len(s.src)
	return s.errTok(start, "unterminated triple-quoted string")
}

func dedent(content, indent string) string {
	// Drop the rest of the opening line and the last newline.
	if i := strings.IndexByte(content, '\n'); i >= 0 {
		content = content[i+1:]
	}
	content = strings.TrimSuffix(content, "\n")
	lines := strings.Split(content, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, indent)
	}
	return strings.Join(lines, "\n")
}

var sigilClose = map[byte]byte{'(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '\'': '\'', '"': '"', '`': '`', '#': '#'}

// sigil reads an OTP 27 sigil: ~ [prefix letter] delimited text [suffix].
func (s *scanner) sigil() Token {
	start := s.pos
	s.pos++ // ~
	verbatim := false
	if c := s.peek(0); c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
		verbatim = c == 'S' || c == 'B'
		s.pos++
	}
	open := s.peek(0)
	if open == '"' && strings.HasPrefix(s.src[s.pos:], `"""`) {
		t := s.tripleQuoted(start)
		return t
	}
	closeCh, ok := sigilClose[open]
	if !ok {
		return s.errTok(start, "sigil without a delimiter")
	}
	s.pos++
	var b strings.Builder
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == closeCh {
			s.pos++
			s.ident() // suffix letters
			t := s.tok(String, start)
			t.Value = b.String()
			return t
		}
		if c == '\\' && !verbatim {
			r, _ := s.escape()
			b.WriteRune(r)
			continue
		}
		b.WriteByte(c)
		s.pos++
	}
	return s.errTok(start, "unterminated sigil")
}

// StringChar is one character of a string literal and where it was written.
type StringChar struct {
	R rune
	// Pos and End are the byte range in the source of the character as
	// written, escape included.
	Pos, End int
}

// Chars decodes a String token ("..." only) into characters with their
// source ranges, so that a position inside the decoded text can be mapped
// back to the source. Triple-quoted strings and sigils give nil.
func Chars(t Token) []StringChar {
	if t.Kind != String || len(t.Text) < 2 || t.Text[0] != '"' || strings.HasPrefix(t.Text, `"""`) {
		return nil
	}
	s := scanner{src: t.Text, pos: 1}
	var out []StringChar
	for s.pos < len(s.src)-1 {
		p := s.pos
		var r rune
		if s.src[s.pos] == '\\' {
			r, _ = s.escape()
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s.src[s.pos:])
			s.pos += n
		}
		out = append(out, StringChar{R: r, Pos: t.Pos + p, End: t.Pos + s.pos})
	}
	return out
}
