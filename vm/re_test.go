package vm

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// Error paths of the re natives: bad patterns are error tuples (or badarg
// without report_errors), bad options and foreign compiled patterns are
// badarg, never a panic. The happy paths are in the conformance corpus
// (stdlib_re.erl), checked against OTP.
func TestReErrors(t *testing.T) {
	runBifCases(t, []bifCase{
		{"re", "compile", `["("]`, reCompileErr("missing )", 1)},
		{"re", "compile", `["(?R)"]`, reCompileErr("recursion is not supported by avm's regular expressions", 0)},
		{"re", "compile", `["(a(?1))"]`, reCompileErr("recursive subroutine calls are not supported by avm's regular expressions", 2)},
		{"re", "compile", `["a(*COMMIT)b"]`, reCompileErr("(*COMMIT) is not supported by avm's regular expressions", 1)},
		{"re", "compile", `["a", [bogus]]`, `error:badarg`},
		{"re", "compile", `["a", [{newline, bogus}]]`, `error:badarg`},
		{"re", "compile", `["a", notalist]`, `error:badarg`},
		{"re", "compile", `[[256]]`, `error:badarg`},
		{"re", "compile", `[<<255>>, [unicode]]`, reCompileErr("invalid UTF-8 string", 0)},
		{"re", "run", `["a", "("]`, `error:badarg`},
		{"re", "run", `["a", "(", [report_errors]]`, "{error,{compile," + strings.TrimPrefix(reCompileErr("missing )", 1), "{error,") + "}"},
		{"re", "run", `["a", "a", [{capture, all, bogus}]]`, `error:badarg`},
		{"re", "run", `["a", "a", [{offset, 2}]]`, `error:badarg`},
		{"re", "run", `["a", "a", [{offset, foo}]]`, `error:badarg`},
		{"re", "run", `[foo, "a"]`, `error:badarg`},
		// A PCRE binary compiled by a real BEAM is not ours.
		{"re", "run", `["ab", {re_pattern, 0, 0, 0, <<69,82,67,80,73,0,0,0>>}]`, `error:badarg`},
		{"re", "run", `["ab", {re_pattern, 0, 0, 0, foo}]`, `error:badarg`},
		{"re", "inspect", `[{re_pattern, 0, 0, 0, <<"junk">>}, namelist]`, `error:badarg`},
		{"re", "replace", `["a", "(", "b"]`, `error:badarg`},
		{"re", "replace", `["a", "a", "\\g{1"]`, `error:badarg`},
		{"re", "replace", `["a", "a", "b", [{return, bogus}]]`, `error:badarg`},
		{"re", "split", `["a", "a", [report_errors]]`, `error:badarg`},
		{"re", "split", `["a", "a", [{parts, foo}]]`, `error:badarg`},
	})
}

// What OTP 25 (PCRE 8.44) does and OTP 28 and later (PCRE2) do not, so
// that the conformance corpus, which every release must agree on, leaves
// it out: OTP's Latin-1 character tables, PCRE 8's syntax corners and
// compile error messages, {newline, NL} with a compiled pattern. The
// expected values are what OTP 25 returns.
func TestReOTP25Only(t *testing.T) {
	runBifCases(t, []bifCase{
		{"re", "run", `[<<201>>, <<233>>, [caseless]]`, `{match,[{0,1}]}`},
		{"re", "run", `["café", "\\w+", [unicode]]`, `{match,[{0,5}]}`},
		{"re", "run", `[<<"caf", 233>>, "\\w+", []]`, `{match,[{0,4}]}`},
		{"re", "run", `["a{,3}", "a{,3}", []]`, `{match,[{0,5}]}`},
		{"re", "run", `["8", "\\8", []]`, `{match,[{0,1}]}`},
		{"re", "run", `["e", "[\\d-f]", []]`, `nomatch`}, // a - after a class escape is a literal
		{"re", "run", `["-", "[\\d-f]", []]`, `{match,[{0,1}]}`},
		{"re", "split", `["", ",", []]`, `[<<>>]`},
		{"re", "compile", `["a)"]`, reCompileErr("unmatched parentheses", 1)},
		{"re", "compile", `["*"]`, reCompileErr("nothing to repeat", 0)},
		{"re", "compile", `["x**"]`, reCompileErr("nothing to repeat", 2)},
		{"re", "compile", `["(?<n>a)(?<n>b)"]`, reCompileErr("two named subpatterns have the same name", 11)},
		{"re", "compile", `["\\2(a)"]`, reCompileErr("reference to non-existent subpattern", 5)},
		{"re", "compile", `["(?<=a+)b"]`, reCompileErr("lookbehind assertion is not fixed length", 6)},
		{"re", "compile", `["\\x{100}"]`, reCompileErr("character value in \\x{} or \\o{} is too large", 6)},
		{"re", "compile", `["[z-a]"]`, reCompileErr("range out of order in character class", 3)},
		{"re", "compile", `["(?z)"]`, reCompileErr("unrecognized character after (? or (?-", 2)},
		{"re", "compile", `["[[:foo:]]"]`, reCompileErr("unknown POSIX class name", 3)},
		{"re", "compile", `["\\p{Foo}"]`, reCompileErr("unknown property name after \\P or \\p", 6)},
		{"re", "compile", `["(?<1a>x)"]`, reCompileErr("group name must start with a non-digit", 3)},
	})
	p := newTestProcess()
	mp := callNative(t, p, "re", "compile", `["a"]`)
	if got := callNative(t, p, "re", "run", `["a", `+mp[len("{ok,"):len(mp)-1]+`, [{newline, crlf}]]`); got != `{match,[{0,1}]}` {
		t.Errorf("re:run with a compiled pattern and {newline, crlf} = %s", got)
	}
}

// A match that backtracks for too long ends as PCRE's match limit does.
func TestReMatchLimit(t *testing.T) {
	saved := reMatchTimeout
	reMatchTimeout = 20 * time.Millisecond
	defer func() { reMatchTimeout = saved }()
	subject := `"` + strings.Repeat("a", 40) + `!"`
	runBifCases(t, []bifCase{
		{"re", "run", `[` + subject + `, "^(\\w+\\s?)+$(?#compiled here, with the short timeout)", [report_errors]]`, `{error,match_limit}`},
		{"re", "run", `[` + subject + `, "^(\\w+\\s?)+$(?#compiled here, with the short timeout)"]`, `nomatch`},
	})
}

// reCompileErr is a compile error as ~w prints it.
func reCompileErr(msg string, pos int) string {
	codes := make([]string, len(msg))
	for i := range msg {
		codes[i] = strconv.Itoa(int(msg[i]))
	}
	return "{error,{[" + strings.Join(codes, ",") + "]," + strconv.Itoa(pos) + "}}"
}

// A compiled pattern runs again without recompiling: the same program
// comes from the cache, and its binary carries our magic.
func TestReCompiledPatternRoundTrip(t *testing.T) {
	p := newTestProcess()
	got := callNative(t, p, "re", "compile", `["(?<y>\\d+)-(\\d+)", [caseless]]`)
	if !strings.HasPrefix(got, "{ok,{re_pattern,2,0,0,<<") {
		t.Fatalf("compile = %s", got)
	}
	src, f, ok := decodeMP(p.heap, parseTerm(t, p.heap, got[len("{ok,"):len(got)-1]))
	if !ok || string(src) != `(?<y>\d+)-(\d+)` || f&reCaseless == 0 {
		t.Fatalf("decodeMP = %q, %b, %v", src, f, ok)
	}
	a, _ := reCompileSource(src, f)
	b, _ := reCompileSource(src, f)
	if a == nil || a != b {
		t.Errorf("the second compile of the same pattern did not come from the cache")
	}
}

// The version differs from OTP 25's PCRE, so that Elixir recompiles ~r
// literals made on a real BEAM from their source.
func TestReVersionIsNotOTPs(t *testing.T) {
	p := newTestProcess()
	v := reVersion(p, nil)
	if b, _ := p.heap.BinaryBytes(v); string(b) == "8.44 2020-02-12" || !strings.Contains(string(b), "avm") {
		t.Errorf("re:version() = %q", b)
	}
}

// Translations of PCRE constructs that regexp2 spells differently.
func TestReTranslate(t *testing.T) {
	for _, c := range []struct {
		pattern string
		flags   reFlags
		want    string
	}{
		{`a(b)(?<n>c)`, 0, `(?:a(?<1>b)(?<2>c))`},
		{`a++`, 0, `(?:(?>a+))`},
		{`\Qa.b\E`, 0, `(?:a\u002eb)`},
		{`^a$`, reMultiline, `(?:(?:\A|(?<=\n)(?!\z))a(?=\n|\z))`},
		{`a*`, reUngreedy, `(?:a*?)`},
		{`\d`, 0, `(?:[0-9])`},
		{`a # note`, reExtended, `(?:a)`},
	} {
		tr, err := translatePCRE([]byte(c.pattern), c.flags)
		if err != nil {
			t.Errorf("%s: %v", c.pattern, err)
			continue
		}
		if tr.expr != c.want {
			t.Errorf("%s: got %s, want %s", c.pattern, tr.expr, c.want)
		}
	}
}

// Patterns from outside must compile or fail with a syntax error, and
// compiled ones must run, never panic.
func FuzzRe(f *testing.F) {
	for _, s := range []string{`a(b)?c`, `(?<n>x)\k<n>`, `[[:alpha:]\d-]+`, `(?|(a)|(b))\g{-1}`, `\Qa\E++`, `(?(1)a|b)`, `(a)(?1)`, `x{2,3}?`, `(?i:\p{Lu})\K\b`, `^(?m)$`, `(*CRLF)a.`} {
		f.Add(s, uint16(0), "abc\r\nxyz")
		f.Add(s, uint16(reUnicode|reCaseless|reExtended), "é b Ā\n")
	}
	f.Fuzz(func(t *testing.T, pattern string, opts uint16, subject string) {
		fl := reFlags(opts) & (reCaseless | reMultiline | reDotall | reExtended | reAnchored | reDollarEndonly |
			reUngreedy | reNoAutoCapture | reDupnames | reUnicode | reUCP | reFirstline)
		prog, err := reCompileSource([]byte(pattern), fl)
		if err != nil {
			return
		}
		subj, ok := newReSubject([]byte(subject), prog.tr.flags&reUnicode != 0)
		if !ok {
			return
		}
		m := reMatcher{src: []byte(pattern), flags: prog.tr.flags, prog: prog, subj: subj}
		// Variants (anchored, non-empty) compile from the same source.
		if _, err := m.matchAll(&reRunOptions{global: true}, 0); err != nil {
			t.Fatalf("run %q on %q: %v", pattern, subject, err)
		}
	})
}

// re:run(Subject, MP, [global]) of a word pattern over 1 KiB of text: the
// cost of a cached compiled pattern, subject decoding and the match loop.
func BenchmarkReRunGlobal(b *testing.B) {
	text := []byte(strings.Repeat("write to joe@example.com or to the list; ", 25))
	mpBin := encodeMP([]byte(`\b(\w+)@(\w+)\.com\b`), 0)
	b.ReportAllocs()
	for b.Loop() {
		p := newTestProcess()
		h := p.heap
		mp := h.Tuple(atomRePattern, term.MakeSmall(2), term.MakeSmall(0), term.MakeSmall(0), h.MakeBinary(mpBin))
		opts := h.List(atomGlobal, h.Tuple(atomCapture, atomAllButFirst, atomBinaryAtom))
		if r := reRun(p, []term.Term{h.MakeBinary(text), mp, opts}); r == term.NoValue {
			b.Fatal("re:run raised")
		}
	}
}
