package etf

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"

	"github.com/avmtool/avm/vm/term"
)

// parseErl evaluates the small Erlang expression language of
// testdata/otp_terms.txt into h: literals (integers, floats, $c, atoms,
// strings, tuples, lists, binaries with sizes, maps, fun M:F/A), A ++ B,
// A - B, -A, [T || V <- L], and the functions seq/2, dup/2, pow/2, bin/1,
// atom/1, map/1, list_to_tuple/1, pid/3, port/1 and ref/3.
func parseErl(h *term.Heap, s string) (t term.Term, err error) {
	p := &erlParser{h: h, s: []rune(s), env: map[string]term.Term{}}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parse %q at %d: %v", s, p.i, r)
		}
	}()
	t = p.expr()
	p.ws()
	if p.i != len(p.s) {
		panic("trailing input")
	}
	return t, nil
}

func mustParse(h *term.Heap, s string) term.Term {
	t, err := parseErl(h, s)
	if err != nil {
		panic(err)
	}
	return t
}

type erlParser struct {
	h   *term.Heap
	s   []rune
	i   int
	env map[string]term.Term
}

func (p *erlParser) ws() {
	for p.i < len(p.s) && unicode.IsSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *erlParser) peek(lit string) bool {
	p.ws()
	return strings.HasPrefix(string(p.s[p.i:min(len(p.s), p.i+len(lit))]), lit)
}

func (p *erlParser) accept(lit string) bool {
	if p.peek(lit) {
		p.i += len([]rune(lit))
		return true
	}
	return false
}

func (p *erlParser) expect(lit string) {
	if !p.accept(lit) {
		panic("expected " + lit)
	}
}

func (p *erlParser) expr() term.Term {
	t := p.unary()
	for {
		switch {
		case p.accept("++"):
			u := p.unary()
			elems, ok := p.h.ListToSlice(t)
			if !ok {
				panic("++ of an improper list")
			}
			t = p.h.ListTail(elems, u)
		case p.peek("->"), p.peek("=>"):
			return t
		case p.accept("-"):
			u := p.unary()
			t = p.h.BigInt(new(big.Int).Sub(p.h.ToBig(t), p.h.ToBig(u)))
		default:
			return t
		}
	}
}

func (p *erlParser) unary() term.Term {
	if p.accept("-") {
		t := p.unary()
		if p.h.IsFloat(t) {
			return p.h.Float(-p.h.FloatValue(t))
		}
		return p.h.BigInt(new(big.Int).Neg(p.h.ToBig(t)))
	}
	return p.primary()
}

func (p *erlParser) primary() term.Term {
	h := p.h
	p.ws()
	if p.i >= len(p.s) {
		panic("unexpected end")
	}
	c := p.s[p.i]
	switch {
	case c >= '0' && c <= '9':
		return p.number()
	case c == '$':
		p.i += 2
		return term.MakeSmall(int64(p.s[p.i-1]))
	case c == '\'':
		return term.Atom(p.quoted('\''))
	case c == '"':
		var elems []term.Term
		for _, r := range p.quoted('"') {
			elems = append(elems, term.MakeSmall(int64(r)))
		}
		return h.List(elems...)
	case c == '{':
		p.i++
		elems := p.seq("}")
		return h.Tuple(elems...)
	case c == '[':
		return p.list()
	case c == '#':
		p.expect("#{")
		var ks, vs []term.Term
		for !p.accept("}") {
			if len(ks) > 0 {
				p.expect(",")
			}
			ks = append(ks, p.expr())
			p.expect("=>")
			vs = append(vs, p.expr())
		}
		return h.MapFromPairs(ks, vs)
	case c == '<' && p.peek("<<"):
		return p.binary()
	case unicode.IsUpper(c) || c == '_':
		name := p.name()
		v, ok := p.env[name]
		if !ok {
			panic("unbound " + name)
		}
		return v
	case unicode.IsLower(c):
		name := p.name()
		if name == "fun" {
			m := p.atom()
			p.expect(":")
			f := p.atom()
			p.expect("/")
			a, _ := p.h.Int64(p.number())
			return h.ExportFun(m, f, int(a))
		}
		if p.peek("(") {
			p.expect("(")
			return p.call(name, p.seq(")"))
		}
		return term.Atom(name)
	}
	panic(fmt.Sprintf("unexpected %q", c))
}

func (p *erlParser) atom() term.Term {
	p.ws()
	if p.s[p.i] == '\'' {
		return term.Atom(p.quoted('\''))
	}
	return term.Atom(p.name())
}

func (p *erlParser) name() string {
	j := p.i
	for p.i < len(p.s) && (unicode.IsLetter(p.s[p.i]) || unicode.IsDigit(p.s[p.i]) || p.s[p.i] == '_' || p.s[p.i] == '@') {
		p.i++
	}
	return string(p.s[j:p.i])
}

func (p *erlParser) quoted(q rune) string {
	p.i++
	var b strings.Builder
	for p.s[p.i] != q {
		if p.s[p.i] == '\\' {
			p.i++
		}
		b.WriteRune(p.s[p.i])
		p.i++
	}
	p.i++
	return b.String()
}

func (p *erlParser) number() term.Term {
	p.ws()
	j := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	if p.i+1 < len(p.s) && p.s[p.i] == '.' && p.s[p.i+1] >= '0' && p.s[p.i+1] <= '9' {
		p.i++
		for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == 'e' || p.s[p.i] == '-' && p.s[p.i-1] == 'e' || p.s[p.i] == '+') {
			p.i++
		}
		f, err := strconv.ParseFloat(string(p.s[j:p.i]), 64)
		if err != nil {
			panic(err)
		}
		return p.h.Float(f)
	}
	b, _ := new(big.Int).SetString(string(p.s[j:p.i]), 10)
	return p.h.BigInt(b)
}

// seq parses comma-separated expressions up to close.
func (p *erlParser) seq(close string) []term.Term {
	var elems []term.Term
	for !p.accept(close) {
		if len(elems) > 0 {
			p.expect(",")
		}
		elems = append(elems, p.expr())
	}
	return elems
}

func (p *erlParser) list() term.Term {
	p.expect("[")
	// A comprehension has "||" at depth 0 before the closing bracket.
	depth, bar := 0, -1
	for j := p.i; j < len(p.s) && depth >= 0; j++ {
		switch p.s[j] {
		case '[', '{', '(':
			depth++
		case ']', '}', ')':
			depth--
		case '"', '\'':
			q := p.s[j]
			for j++; p.s[j] != q; j++ {
				if p.s[j] == '\\' {
					j++
				}
			}
		case '|':
			if depth == 0 && j+1 < len(p.s) && p.s[j+1] == '|' && bar < 0 {
				bar = j
			}
		}
	}
	if bar >= 0 {
		tmpl := p.i
		p.i = bar + 2
		p.ws()
		v := p.name()
		p.expect("<-")
		src, ok := p.h.ListToSlice(p.expr())
		if !ok {
			panic("generator over an improper list")
		}
		p.expect("]")
		end := p.i
		var out []term.Term
		for _, x := range src {
			p.env[v] = x
			p.i = tmpl
			out = append(out, p.expr())
		}
		delete(p.env, v)
		p.i = end
		return p.h.List(out...)
	}
	var elems []term.Term
	tail := term.Nil
	for !p.accept("]") {
		if len(elems) > 0 {
			if p.accept("|") {
				tail = p.expr()
				p.expect("]")
				break
			}
			p.expect(",")
		}
		elems = append(elems, p.expr())
	}
	return p.h.ListTail(elems, tail)
}

func (p *erlParser) binary() term.Term {
	p.expect("<<")
	var bits []bool
	put := func(v *big.Int, size int) {
		for k := size - 1; k >= 0; k-- {
			bits = append(bits, v.Bit(k) == 1)
		}
	}
	for !p.accept(">>") {
		if len(bits) > 0 || p.peek(",") {
			p.expect(",")
		}
		p.ws()
		if p.s[p.i] == '"' {
			for _, r := range p.quoted('"') {
				put(big.NewInt(int64(r)), 8)
			}
			continue
		}
		v := p.h.ToBig(p.primary())
		size := 8
		if p.accept(":") {
			n, _ := p.h.Int64(p.number())
			size = int(n)
		}
		put(v, size)
	}
	data := make([]byte, (len(bits)+7)/8)
	for k, b := range bits {
		if b {
			data[k/8] |= 0x80 >> (k % 8)
		}
	}
	return p.h.MakeBitstring(data, len(bits))
}

func (p *erlParser) call(name string, args []term.Term) term.Term {
	h := p.h
	num := func(i int) int64 {
		v, ok := h.Int64(args[i])
		if !ok {
			panic("not an integer")
		}
		return v
	}
	list := func(i int) []term.Term {
		l, ok := h.ListToSlice(args[i])
		if !ok {
			panic("not a list")
		}
		return l
	}
	switch name {
	case "seq":
		var out []term.Term
		for k := num(0); k <= num(1); k++ {
			out = append(out, h.Integer(k))
		}
		return h.List(out...)
	case "dup":
		out := make([]term.Term, num(0))
		for k := range out {
			out[k] = args[1]
		}
		return h.List(out...)
	case "pow":
		return h.BigInt(new(big.Int).Exp(h.ToBig(args[0]), h.ToBig(args[1]), nil))
	case "bin":
		var b []byte
		for _, e := range list(0) {
			v, _ := h.Int64(e)
			b = append(b, byte(v))
		}
		return h.MakeBinary(b)
	case "atom":
		var rs []rune
		for _, e := range list(0) {
			v, _ := h.Int64(e)
			rs = append(rs, rune(v))
		}
		return term.Atom(string(rs))
	case "map":
		var ks, vs []term.Term
		for _, e := range list(0) {
			kv := h.TupleElems(e)
			ks, vs = append(ks, kv[0]), append(vs, kv[1])
		}
		return h.MapFromPairs(ks, vs)
	case "list_to_tuple":
		return h.Tuple(list(0)...)
	case "pid":
		return term.MakePid(uint64(num(2))<<15 | uint64(num(1)))
	case "port":
		return term.MakePort(uint64(num(0)))
	case "ref":
		return h.Ref(uint64(num(2))<<50 | uint64(num(1))<<18 | uint64(num(0)))
	}
	panic("unknown function " + name)
}

// parseOpts turns an options list of term_to_binary into EncodeOptions.
func parseOpts(h *term.Heap, s string) EncodeOptions {
	var o EncodeOptions
	l, _ := h.ListToSlice(mustParse(h, s))
	for _, e := range l {
		if e == term.Atom("compressed") {
			o.Compressed = 6
			continue
		}
		kv := h.TupleElems(e)
		v, _ := h.Int64(kv[1])
		switch term.AtomName(kv[0]) {
		case "compressed":
			o.Compressed = int(v)
		case "minor_version":
			o.MinorVersion, _ = MinorVersionOption(int(v))
		}
	}
	return o
}
