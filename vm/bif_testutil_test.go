package vm

import (
	"bytes"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/avmtool/avm/vm/term"
)

// Test helpers for the bif_*.go natives: a bare process, a parser for the
// Erlang term syntax the tables are written in, and a runner for tables of
// calls whose expected results were printed by OTP 25.

func newTestProcess() *Process { return &Process{heap: term.NewHeap(0)} }

// newTestMachineProcess is a process with a machine, for natives that need
// one (make_ref, display); out receives the machine's stdout.
func newTestMachineProcess(out *bytes.Buffer) *Process {
	p := newTestProcess()
	p.m = New(Options{Stdout: out})
	return p
}

// bifCase is one call: M:F(Args...) must give Want, which is the result as
// ~w prints it or "Class:Reason" for an exception.
type bifCase struct {
	M, F, Args, Want string
}

// callNative calls M:F with args parsed from text (an Erlang list) and
// renders the outcome like the tables' Want.
func callNative(t *testing.T, p *Process, m, f, args string) string {
	t.Helper()
	as, ok := p.heap.ListToSlice(parseTerm(t, p.heap, args))
	if !ok {
		t.Fatalf("args %q: not a list", args)
	}
	n := lookupNative(term.Atom(m), term.Atom(f), len(as))
	if n == nil {
		t.Fatalf("no native %s:%s/%d", m, f, len(as))
	}
	p.setExc(exception{})
	r := n.Fn(p, as)
	if r == term.NoValue {
		return term.AtomName(p.exc.class) + ":" + p.heap.Format(p.exc.reason)
	}
	if p.exc.class != term.NoValue {
		t.Errorf("%s:%s%s returned a value and raised", m, f, args)
	}
	return p.heap.Format(r)
}

func runBifCases(t *testing.T, cases []bifCase) {
	t.Helper()
	for _, c := range cases {
		p := newTestProcess()
		if got := callNative(t, p, c.M, c.F, c.Args); got != c.Want {
			t.Errorf("%s:'%s'(%s)\n got %s\nwant %s", c.M, c.F, strings.Trim(c.Args, "[]"), got, c.Want)
		}
	}
}

// parseTerm parses Erlang term syntax: integers (any size), floats, atoms,
// "strings", tuples, lists (improper too), maps, binaries (segments Int,
// Int:Bits, "str" and "str"/utf8), pids <0.N.0>, ports #Port<0.N>,
// references #Ref<0.0.Hi.Lo> and fun M:F/A.
func parseTerm(t *testing.T, h *term.Heap, s string) term.Term {
	t.Helper()
	ps := &termParser{h: h, s: s}
	v, err := ps.term()
	if err == nil {
		if ps.skip(); ps.i < len(ps.s) {
			err = fmt.Errorf("trailing text at %d", ps.i)
		}
	}
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return v
}

type termParser struct {
	h *term.Heap
	s string
	i int
}

func (ps *termParser) skip() {
	for ps.i < len(ps.s) && strings.ContainsRune(" \t\n", rune(ps.s[ps.i])) {
		ps.i++
	}
}

func (ps *termParser) peek(tok string) bool {
	ps.skip()
	return strings.HasPrefix(ps.s[ps.i:], tok)
}

func (ps *termParser) eat(tok string) bool {
	if ps.peek(tok) {
		ps.i += len(tok)
		return true
	}
	return false
}

func (ps *termParser) want(tok string) error {
	if !ps.eat(tok) {
		return fmt.Errorf("want %q at %d", tok, ps.i)
	}
	return nil
}

// seq parses terms separated by commas up to end.
func (ps *termParser) seq(end string) ([]term.Term, error) {
	var out []term.Term
	if ps.eat(end) {
		return out, nil
	}
	for {
		v, err := ps.term()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if ps.eat(end) {
			return out, nil
		}
		if err := ps.want(","); err != nil {
			return nil, err
		}
	}
}

func (ps *termParser) term() (term.Term, error) {
	h := ps.h
	ps.skip()
	if ps.i >= len(ps.s) {
		return term.NoValue, fmt.Errorf("unexpected end")
	}
	switch c := ps.s[ps.i]; {
	case ps.eat("{"):
		elems, err := ps.seq("}")
		return h.Tuple(elems...), err
	case ps.eat("#{"):
		var ks, vs []term.Term
		for !ps.eat("}") {
			if len(ks) > 0 {
				if err := ps.want(","); err != nil {
					return term.NoValue, err
				}
			}
			k, err := ps.term()
			if err != nil {
				return term.NoValue, err
			}
			if err := ps.want("=>"); err != nil {
				return term.NoValue, err
			}
			v, err := ps.term()
			if err != nil {
				return term.NoValue, err
			}
			ks, vs = append(ks, k), append(vs, v)
		}
		return h.MapFromPairs(ks, vs), nil
	case ps.eat("["):
		var elems []term.Term
		if ps.eat("]") {
			return term.Nil, nil
		}
		for {
			v, err := ps.term()
			if err != nil {
				return term.NoValue, err
			}
			elems = append(elems, v)
			if ps.eat("]") {
				return h.List(elems...), nil
			}
			if ps.eat("|") {
				tl, err := ps.term()
				if err != nil {
					return term.NoValue, err
				}
				return h.ListTail(elems, tl), ps.want("]")
			}
			if err := ps.want(","); err != nil {
				return term.NoValue, err
			}
		}
	case ps.eat("<<"):
		return ps.binary()
	case ps.eat("#Port<0."):
		v, err := ps.number()
		if err == nil {
			err = ps.want(">")
		}
		return term.MakePort(uint64(v.Small())), err
	case ps.eat("#Ref<0."):
		var a, b, c uint64
		n, err := fmt.Sscanf(ps.s[ps.i:], "%d.%d.%d>", &a, &b, &c)
		if n != 3 {
			return term.NoValue, err
		}
		ps.i += strings.IndexByte(ps.s[ps.i:], '>') + 1
		return h.Ref(b<<32 | c), nil
	case ps.eat("<"):
		var a, b, c int
		n, err := fmt.Sscanf(ps.s[ps.i:], "%d.%d.%d>", &a, &b, &c)
		if n != 3 {
			return term.NoValue, err
		}
		ps.i += strings.IndexByte(ps.s[ps.i:], '>') + 1
		return term.MakePid(uint64(b)), nil
	case ps.eat("fun "):
		m, err := ps.term()
		if err != nil {
			return term.NoValue, err
		}
		if err := ps.want(":"); err != nil {
			return term.NoValue, err
		}
		f, err := ps.term()
		if err != nil {
			return term.NoValue, err
		}
		if err := ps.want("/"); err != nil {
			return term.NoValue, err
		}
		a, err := ps.term()
		return h.ExportFun(m, f, int(a.Small())), err
	case c == '"':
		s, err := ps.quoted('"')
		return charList(h, s), err
	case c == '\'':
		s, err := ps.quoted('\'')
		return term.Atom(s), err
	case c == '$':
		r, n := utf8.DecodeRuneInString(ps.s[ps.i+1:])
		ps.i += 1 + n
		return term.MakeSmall(int64(r)), nil
	case c == '-' || c >= '0' && c <= '9':
		return ps.number()
	case c >= 'a' && c <= 'z':
		j := ps.i
		for j < len(ps.s) && (isAlnum(ps.s[j]) || ps.s[j] == '@' || ps.s[j] >= 0x80) {
			j++
		}
		name := ps.s[ps.i:j]
		ps.i = j
		return term.Atom(name), nil
	}
	return term.NoValue, fmt.Errorf("unexpected %q at %d", ps.s[ps.i], ps.i)
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (ps *termParser) number() (term.Term, error) {
	j := ps.i
	if ps.s[j] == '-' {
		j++
	}
	isFloat := false
	for j < len(ps.s) {
		c := ps.s[j]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && j+1 < len(ps.s) && ps.s[j+1] >= '0' && ps.s[j+1] <= '9':
			isFloat = true
		case (c == 'e' || c == 'E') && isFloat:
			if j+1 < len(ps.s) && (ps.s[j+1] == '-' || ps.s[j+1] == '+') {
				j++
			}
		default:
			goto done
		}
		j++
	}
done:
	text := ps.s[ps.i:j]
	ps.i = j
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		return ps.h.Float(f), err
	}
	b, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return term.NoValue, fmt.Errorf("bad integer %q", text)
	}
	return ps.h.BigInt(b), nil
}

// quoted reads a quoted string with Erlang escapes; the source is UTF-8.
func (ps *termParser) quoted(q byte) (string, error) {
	ps.i++
	var b strings.Builder
	for ps.i < len(ps.s) {
		c := ps.s[ps.i]
		ps.i++
		switch c {
		case q:
			return b.String(), nil
		case '\\':
			e := ps.s[ps.i]
			ps.i++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'x': // \x{H...}
				end := strings.IndexByte(ps.s[ps.i:], '}')
				v, err := strconv.ParseUint(ps.s[ps.i+1:ps.i+end], 16, 32)
				if err != nil {
					return "", err
				}
				b.WriteRune(rune(v))
				ps.i += end + 1
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", fmt.Errorf("unterminated string")
}

func (ps *termParser) binary() (term.Term, error) {
	var w bitBuf
	if ps.eat(">>") {
		return ps.h.MakeBinary(nil), nil
	}
	for {
		ps.skip()
		if ps.s[ps.i] == '"' {
			s, err := ps.quoted('"')
			if err != nil {
				return term.NoValue, err
			}
			if ps.eat("/utf8") {
				w.appendBits([]byte(s), 0, 8*len(s))
			} else {
				for _, r := range s {
					w.appendSmall(byte(r), 8)
				}
			}
		} else {
			v, err := ps.number()
			if err != nil {
				return term.NoValue, err
			}
			size := int64(8)
			if ps.eat(":") {
				sz, err := ps.number()
				if err != nil {
					return term.NoValue, err
				}
				size = sz.Small()
			}
			b := ps.h.ToBig(v)
			for k := size - 1; k >= 0; k-- {
				w.appendSmall(byte(b.Bit(int(k))), 1)
			}
		}
		if ps.eat(">>") {
			return ps.h.MakeBitstring(w.data, w.n), nil
		}
		if err := ps.want(","); err != nil {
			return term.NoValue, err
		}
	}
}

func TestParseTerm(t *testing.T) {
	for _, s := range []string{
		"[1,-2,18446744073709551616,1.5,a,'B c',[],[1|2],{},{a,{b}},#{a => 1,b => [2]}]",
		"<<1,2,3:4>>", "<<>>", "<<104,105>>", "<0.7.0>", "fun erlang:abs/1", "[97,98]",
	} {
		h := term.NewHeap(0)
		if got := h.Format(parseTerm(t, h, s)); got != s {
			t.Errorf("parse %s: got %s", s, got)
		}
	}
	h := term.NewHeap(0)
	if got := h.Format(parseTerm(t, h, `[<<"hé"/utf8>>, <<"hé">>, "a\n", $a, <<5:3>>]`)); got != "[<<104,195,169>>,<<104,233>>,[97,10],97,<<5:3>>]" {
		t.Errorf("got %s", got)
	}
}
