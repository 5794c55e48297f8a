package vm

import (
	"fmt"
	"math/big"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/internal/format"
	"github.com/avmtool/avm/vm/term"
)

// file:consult/1 reads Erlang terms, each ended by a full stop, as OTP's
// erl_parse:parse_term reads them: atoms, numbers (with base# and _),
// characters, strings (adjacent ones joined), tuples, lists, maps,
// binaries of integer and string segments, and fun M:F/A. Errors are
// {error, {Line, erl_scan | erl_parse, Description}} as OTP reports them.

func init() {
	register("file",
		Native{Function: "consult", Arity: 1, Fn: fileConsult, Doc: "consult(Name): {ok, Terms} of the Erlang terms in a file, each ended by a full stop"},
	)
}

func fileConsult(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := fileName(h, args[0])
	if !ok {
		return badargTuple(h)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return errorTuple(h, fileReason(err))
	}
	r := termReader{h: h, src: []rune(string(data)), line: 1}
	var terms []term.Term
	for {
		t, more, perr := r.next()
		if perr != nil {
			return errorTuple(h, perr.term(h))
		}
		if !more {
			return h.Tuple(term.AtomOk, h.List(terms...))
		}
		terms = append(terms, t)
	}
}

// consultError is a scan or parse error at a line, as erl_scan and
// erl_parse describe it: {string, Quote, Text} for an unterminated string
// or quoted atom, ["syntax error before: ", Token], "bad term" for an
// expression that is not a term, or another description.
type consultError struct {
	line   int
	module string // erl_scan or erl_parse
	kind   errKind
	quote  rune   // errUnterminated: the quote
	text   string // errSyntax: the token; errUnterminated: what followed the quote; errOther: the description
}

type errKind uint8

const (
	errOther errKind = iota
	errSyntax
	errBadTerm
	errUnterminated
)

func (e *consultError) term(h *term.Heap) term.Term {
	var d term.Term
	switch e.kind {
	case errSyntax:
		d = h.List(charList(h, "syntax error before: "), charList(h, e.text))
	case errBadTerm:
		d = charList(h, "bad term")
	case errUnterminated:
		d = h.Tuple(term.Atom("string"), term.MakeSmall(int64(e.quote)), charList(h, e.text))
	default:
		d = charList(h, e.text)
	}
	return h.Tuple(term.MakeSmall(int64(e.line)), term.Atom(e.module), d)
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokAtom
	tokVar
	tokString
	tokChar
	tokInt
	tokFloat
	tokPunct
	tokDot
)

type token struct {
	kind   tokKind
	text   string // atom name, string contents, punctuation
	num    *big.Int
	f      float64
	line   int
	quoted bool // an atom written in quotes ('fun' is no keyword)
}

// termReader scans and parses terms from src.
type termReader struct {
	h    *term.Heap
	src  []rune
	pos  int
	line int
	peek *token
}

func (r *termReader) scanErr(desc string) *consultError {
	return &consultError{line: r.line, module: "erl_scan", text: desc}
}

func isAtomRune(c rune) bool {
	return c == '_' || c == '@' || unicode.IsLetter(c) || unicode.IsDigit(c)
}

// scan reads the next token.
func (r *termReader) scan() (token, *consultError) {
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case c == '\n':
			r.line++
			r.pos++
		case unicode.IsSpace(c):
			r.pos++
		case c == '%':
			for r.pos < len(r.src) && r.src[r.pos] != '\n' {
				r.pos++
			}
		default:
			return r.scanToken()
		}
	}
	return token{kind: tokEOF, line: r.line}, nil
}

func (r *termReader) scanToken() (token, *consultError) {
	start, line := r.pos, r.line
	c := r.src[r.pos]
	tok := token{line: line}
	switch {
	case unicode.IsLower(c):
		for r.pos < len(r.src) && isAtomRune(r.src[r.pos]) {
			r.pos++
		}
		tok.kind, tok.text = tokAtom, string(r.src[start:r.pos])
	case unicode.IsUpper(c) || c == '_':
		for r.pos < len(r.src) && isAtomRune(r.src[r.pos]) {
			r.pos++
		}
		tok.kind, tok.text = tokVar, string(r.src[start:r.pos])
	case c == '\'' || c == '"':
		r.pos++
		s, err := r.quoted(c)
		if err != nil {
			return tok, err
		}
		tok.kind, tok.text = tokString, s
		if c == '\'' {
			tok.kind, tok.quoted = tokAtom, true
		}
	case c == '$':
		r.pos++
		if r.pos >= len(r.src) {
			return tok, r.scanErr("unterminated character")
		}
		ch := r.src[r.pos]
		r.pos++
		if ch == '\\' {
			var err *consultError
			if ch, err = r.escape(); err != nil {
				return tok, err
			}
		}
		tok.kind, tok.num = tokChar, big.NewInt(int64(ch))
	case unicode.IsDigit(c):
		return r.number()
	case c == '.' && (r.pos+1 >= len(r.src) || unicode.IsSpace(r.src[r.pos+1]) || r.src[r.pos+1] == '%'):
		r.pos++
		tok.kind, tok.text = tokDot, "."
	default:
		for _, p := range []string{"=>", ":=", "<<", ">>", "||"} {
			if strings.HasPrefix(string(r.src[r.pos:min(r.pos+2, len(r.src))]), p) {
				r.pos += 2
				tok.kind, tok.text = tokPunct, p
				return tok, nil
			}
		}
		r.pos++
		tok.kind, tok.text = tokPunct, string(c)
	}
	return tok, nil
}

// quoted reads the rest of a quoted atom or string.
func (r *termReader) quoted(q rune) (string, *consultError) {
	line, from := r.line, r.pos
	var b strings.Builder
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		r.pos++
		switch c {
		case q:
			return b.String(), nil
		case '\\':
			e, err := r.escape()
			if err != nil {
				return "", err
			}
			b.WriteRune(e)
			continue
		case '\n':
			r.line++
		}
		b.WriteRune(c)
	}
	return "", &consultError{line: line, module: "erl_scan", kind: errUnterminated, quote: q,
		text: string(r.src[from:])}
}

// escape reads an escape sequence after its backslash.
func (r *termReader) escape() (rune, *consultError) {
	if r.pos >= len(r.src) {
		return 0, r.scanErr("unterminated escape")
	}
	c := r.src[r.pos]
	r.pos++
	switch c {
	case 'n':
		return '\n', nil
	case 't':
		return '\t', nil
	case 'r':
		return '\r', nil
	case 'b':
		return '\b', nil
	case 'f':
		return '\f', nil
	case 'v':
		return '\v', nil
	case 'e':
		return 27, nil
	case 's':
		return ' ', nil
	case 'd':
		return 127, nil
	case '^':
		if r.pos >= len(r.src) {
			return 0, r.scanErr("unterminated escape")
		}
		r.pos++
		return r.src[r.pos-1] & 31, nil
	case 'x':
		if r.pos < len(r.src) && r.src[r.pos] == '{' {
			end := r.pos + 1
			for end < len(r.src) && r.src[end] != '}' {
				end++
			}
			if end >= len(r.src) {
				return 0, r.scanErr("illegal escape")
			}
			v, err := strconv.ParseInt(string(r.src[r.pos+1:end]), 16, 32)
			if err != nil {
				return 0, r.scanErr("illegal escape")
			}
			r.pos = end + 1
			return rune(v), nil
		}
		end := r.pos
		for end < len(r.src) && end < r.pos+2 && strings.ContainsRune("0123456789abcdefABCDEF", r.src[end]) {
			end++
		}
		v, err := strconv.ParseInt(string(r.src[r.pos:end]), 16, 32)
		if err != nil {
			return 0, r.scanErr("illegal escape")
		}
		r.pos = end
		return rune(v), nil
	}
	if c >= '0' && c <= '7' {
		v := c - '0'
		for k := 0; k < 2 && r.pos < len(r.src) && r.src[r.pos] >= '0' && r.src[r.pos] <= '7'; k++ {
			v = v*8 + r.src[r.pos] - '0'
			r.pos++
		}
		return v, nil
	}
	if c == '\n' {
		r.line++
	}
	return c, nil
}

// number reads an integer (decimal or Base#digits) or a float, with _
// between digits.
func (r *termReader) number() (token, *consultError) {
	tok := token{line: r.line}
	digits := func(base int) string {
		var b strings.Builder
		for r.pos < len(r.src) {
			c := r.src[r.pos]
			if c == '_' && b.Len() > 0 && r.pos+1 < len(r.src) && digitVal(r.src[r.pos+1]) < base {
				r.pos++
				continue
			}
			if digitVal(c) >= base {
				break
			}
			b.WriteRune(c)
			r.pos++
		}
		return b.String()
	}
	intPart := digits(10)
	if r.pos < len(r.src) && r.src[r.pos] == '#' {
		base, _ := strconv.Atoi(intPart)
		if base < 2 || base > 36 {
			return tok, r.scanErr(fmt.Sprintf("illegal base '%d'", base))
		}
		r.pos++
		ds := digits(base)
		n, ok := new(big.Int).SetString(ds, base)
		if !ok {
			return tok, r.scanErr("illegal integer")
		}
		tok.kind, tok.num = tokInt, n
		return tok, nil
	}
	if r.pos+1 < len(r.src) && r.src[r.pos] == '.' && unicode.IsDigit(r.src[r.pos+1]) {
		r.pos++
		frac := digits(10)
		text := intPart + "." + frac
		if r.pos < len(r.src) && (r.src[r.pos] == 'e' || r.src[r.pos] == 'E') {
			save := r.pos
			r.pos++
			sign := ""
			if r.pos < len(r.src) && (r.src[r.pos] == '-' || r.src[r.pos] == '+') {
				sign = string(r.src[r.pos])
				r.pos++
			}
			if exp := digits(10); exp != "" {
				text += "e" + sign + exp
			} else {
				r.pos = save
			}
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return tok, r.scanErr("illegal float")
		}
		tok.kind, tok.f = tokFloat, f
		return tok, nil
	}
	n, _ := new(big.Int).SetString(intPart, 10)
	tok.kind, tok.num = tokInt, n
	return tok, nil
}

func digitVal(c rune) int {
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

func (r *termReader) token() (token, *consultError) {
	if r.peek != nil {
		t := *r.peek
		r.peek = nil
		return t, nil
	}
	return r.scan()
}

func (r *termReader) unread(t token) { r.peek = &t }

// syntaxErr is a syntax error before t, which erl_parse names by its
// value: atoms, numbers and characters as ~w writes them, strings quoted,
// punctuation as a quoted atom, nothing for the end of the input.
func syntaxErr(t token) *consultError {
	var text format.Text
	switch t.kind {
	case tokAtom:
		text = format.AppendAtom(nil, t.text, true)
	case tokVar:
		text = format.Text(t.text)
	case tokString:
		text = format.AppendQuoted(nil, []rune(t.text), '"', format.EscUnicode)
	case tokChar:
		text = format.AppendChar(nil, rune(t.num.Int64()), format.EscUnicode)
	case tokInt:
		text = format.Text(t.num.String())
	case tokFloat:
		h := term.NewHeap(4)
		text = format.AppendWrite(nil, h, h.Float(t.f), -1, true)
	case tokPunct, tokDot:
		text = format.AppendAtom(nil, t.text, true)
	}
	return &consultError{line: t.line, module: "erl_parse", kind: errSyntax, text: string(text)}
}

func badTerm(t token) *consultError {
	return &consultError{line: t.line, module: "erl_parse", kind: errBadTerm}
}

// continuesExpr reports whether t can continue an expression after a
// term (a call, an operator): erl_parse then reads an expression, which
// is a bad term rather than a syntax error.
func continuesExpr(t token) bool {
	if t.kind == tokAtom {
		switch t.text {
		case "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "and", "or", "xor", "andalso", "orelse":
			return true
		}
		return false
	}
	if t.kind != tokPunct {
		return false
	}
	switch t.text {
	case "(", "+", "-", "*", "/", "++", "--", "=", "!", ":", "==", "/=", "=<", "<", ">=", ">", "=:=", "=/=", "#":
		return true
	}
	return false
}

// next reads one term and its full stop; more is false at the end.
func (r *termReader) next() (t term.Term, more bool, err *consultError) {
	tok, err := r.token()
	if err != nil || tok.kind == tokEOF {
		return term.NoValue, false, err
	}
	r.unread(tok)
	if t, err = r.parse(); err != nil {
		return term.NoValue, false, err
	}
	end, err := r.token()
	if err != nil {
		return term.NoValue, false, err
	}
	if continuesExpr(end) {
		return term.NoValue, false, badTerm(tok)
	}
	if end.kind != tokDot {
		return term.NoValue, false, syntaxErr(end)
	}
	return t, true, nil
}

func (r *termReader) expect(text string) *consultError {
	t, err := r.token()
	if err != nil {
		return err
	}
	if t.kind != tokPunct || t.text != text {
		return syntaxErr(t)
	}
	return nil
}

// parse reads one term.
func (r *termReader) parse() (term.Term, *consultError) {
	h := r.h
	t, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	switch t.kind {
	case tokAtom:
		if t.text == "fun" && !t.quoted {
			return r.exportFun()
		}
		a, aerr := term.MakeAtom(t.text)
		if aerr != nil {
			return term.NoValue, &consultError{line: t.line, module: "erl_scan", text: "atom too long"}
		}
		return a, nil
	case tokInt, tokChar:
		return h.BigInt(t.num), nil
	case tokFloat:
		return h.Float(t.f), nil
	case tokString:
		s := t.text
		for {
			n, err := r.token()
			if err != nil {
				return term.NoValue, err
			}
			if n.kind != tokString {
				r.unread(n)
				break
			}
			s += n.text
		}
		return charList(h, s), nil
	case tokVar:
		return term.NoValue, badTerm(t)
	case tokPunct:
		switch t.text {
		case "-", "+":
			n, err := r.token()
			if err != nil {
				return term.NoValue, err
			}
			switch n.kind {
			case tokInt, tokChar:
				if t.text == "-" {
					return h.BigInt(new(big.Int).Neg(n.num)), nil
				}
				return h.BigInt(n.num), nil
			case tokFloat:
				if t.text == "-" {
					return h.Float(-n.f), nil
				}
				return h.Float(n.f), nil
			}
			return term.NoValue, badTerm(n)
		case "{":
			elems, err := r.sequence("}")
			if err != nil {
				return term.NoValue, err
			}
			return h.Tuple(elems...), nil
		case "[":
			return r.list()
		case "#":
			return r.mapTerm()
		case "<<":
			return r.binary()
		}
	}
	return term.NoValue, syntaxErr(t)
}

// sequence reads terms separated by commas up to close.
func (r *termReader) sequence(close string) ([]term.Term, *consultError) {
	var elems []term.Term
	t, err := r.token()
	if err != nil {
		return nil, err
	}
	if t.kind == tokPunct && t.text == close {
		return elems, nil
	}
	r.unread(t)
	for {
		e, err := r.parse()
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
		t, err := r.token()
		if err != nil {
			return nil, err
		}
		switch {
		case t.kind == tokPunct && t.text == close:
			return elems, nil
		case t.kind == tokPunct && t.text == ",":
		default:
			return nil, syntaxErr(t)
		}
	}
}

func (r *termReader) list() (term.Term, *consultError) {
	var elems []term.Term
	t, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if t.kind == tokPunct && t.text == "]" {
		return term.Nil, nil
	}
	r.unread(t)
	for {
		e, err := r.parse()
		if err != nil {
			return term.NoValue, err
		}
		elems = append(elems, e)
		t, err := r.token()
		if err != nil {
			return term.NoValue, err
		}
		switch {
		case t.kind == tokPunct && t.text == "]":
			return r.h.List(elems...), nil
		case t.kind == tokPunct && t.text == "|":
			tail, err := r.parse()
			if err != nil {
				return term.NoValue, err
			}
			if err := r.expect("]"); err != nil {
				return term.NoValue, err
			}
			return r.h.ListTail(elems, tail), nil
		case t.kind == tokPunct && t.text == ",":
		default:
			return term.NoValue, syntaxErr(t)
		}
	}
}

func (r *termReader) mapTerm() (term.Term, *consultError) {
	if err := r.expect("{"); err != nil {
		return term.NoValue, err
	}
	var keys, vals []term.Term
	t, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if t.kind == tokPunct && t.text == "}" {
		return r.h.MapFromPairs(nil, nil), nil
	}
	r.unread(t)
	for {
		k, err := r.parse()
		if err != nil {
			return term.NoValue, err
		}
		if err := r.expect("=>"); err != nil {
			return term.NoValue, err
		}
		v, err := r.parse()
		if err != nil {
			return term.NoValue, err
		}
		keys, vals = append(keys, k), append(vals, v)
		t, err := r.token()
		if err != nil {
			return term.NoValue, err
		}
		switch {
		case t.kind == tokPunct && t.text == "}":
			return r.h.MapFromPairs(keys, vals), nil
		case t.kind == tokPunct && t.text == ",":
		default:
			return term.NoValue, syntaxErr(t)
		}
	}
}

// binary reads <<Segments>>: integers (8 bits, or :Size bits in whole
// bytes) and strings, either optionally /utf8.
func (r *termReader) binary() (term.Term, *consultError) {
	var out []byte
	t, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if t.kind == tokPunct && t.text == ">>" {
		return r.h.MakeBinary(nil), nil
	}
	r.unread(t)
	for {
		v, err := r.token()
		if err != nil {
			return term.NoValue, err
		}
		size, utf := 8, false
		n, err := r.token()
		if err != nil {
			return term.NoValue, err
		}
		if n.kind == tokPunct && n.text == ":" {
			s, err := r.token()
			if err != nil {
				return term.NoValue, err
			}
			if s.kind != tokInt || s.num.BitLen() > 16 || s.num.Int64()%8 != 0 {
				return term.NoValue, badTerm(s)
			}
			size = int(s.num.Int64())
			if n, err = r.token(); err != nil {
				return term.NoValue, err
			}
		}
		if n.kind == tokPunct && n.text == "/" {
			ty, err := r.token()
			if err != nil {
				return term.NoValue, err
			}
			if ty.kind != tokAtom || ty.text != "utf8" {
				return term.NoValue, badTerm(ty)
			}
			utf = true
			if n, err = r.token(); err != nil {
				return term.NoValue, err
			}
		}
		switch {
		case v.kind == tokString && utf:
			out = append(out, v.text...)
		case v.kind == tokString:
			for _, c := range v.text {
				out = append(out, byte(c))
			}
		case (v.kind == tokInt || v.kind == tokChar) && utf:
			out = utf8.AppendRune(out, rune(v.num.Int64()))
		case v.kind == tokInt || v.kind == tokChar:
			x := new(big.Int).Set(v.num)
			mask := new(big.Int).Lsh(big.NewInt(1), uint(size))
			x.Mod(x, mask)
			b := x.FillBytes(make([]byte, size/8))
			out = append(out, b...)
		default:
			return term.NoValue, badTerm(v)
		}
		switch {
		case n.kind == tokPunct && n.text == ">>":
			return r.h.MakeBinary(out), nil
		case n.kind == tokPunct && n.text == ",":
		default:
			return term.NoValue, syntaxErr(n)
		}
	}
}

// exportFun reads the rest of fun M:F/A.
func (r *termReader) exportFun() (term.Term, *consultError) {
	m, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if m.kind != tokAtom {
		return term.NoValue, badTerm(m)
	}
	if err := r.expect(":"); err != nil {
		return term.NoValue, err
	}
	f, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if f.kind != tokAtom {
		return term.NoValue, badTerm(f)
	}
	if err := r.expect("/"); err != nil {
		return term.NoValue, err
	}
	a, err := r.token()
	if err != nil {
		return term.NoValue, err
	}
	if a.kind != tokInt || a.num.BitLen() > 8 {
		return term.NoValue, badTerm(a)
	}
	return r.h.ExportFun(term.Atom(m.text), term.Atom(f.text), int(a.num.Int64())), nil
}
