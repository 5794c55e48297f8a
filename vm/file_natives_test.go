package vm

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// TestFileErrors checks the file natives' answers to bad arguments and
// failing operations (results as OTP 25 gives them).
func TestFileErrors(t *testing.T) {
	dir := t.TempDir()
	reg := filepath.Join(dir, "reg")
	if err := os.WriteFile(reg, []byte("data"), 0o644); err != nil {
		t.Fatal(err)
	}
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	cases := []bifCase{
		{"file", "read_file", `[123]`, `{error,badarg}`},
		{"file", "read_file", `[<<"a",0,"b">>]`, `{error,badarg}`},
		{"file", "read_file", `[[97,[98,<<"c">>]]]`, `{error,badarg}`},
		{"file", "read_file", `[[1114112]]`, `{error,badarg}`},
		{"file", "read_file", `["/nonexistent/x"]`, `{error,enoent}`},
		{"file", "read_file", "[" + q(dir) + "]", `{error,eisdir}`},
		{"file", "read_file", "[" + q(reg+"/x") + "]", `{error,enotdir}`},
		{"file", "write_file", "[" + q(reg) + `, [256]]`, `{error,badarg}`},
		{"file", "write_file", "[" + q(reg) + `, foo]`, `{error,badarg}`},
		{"file", "write_file", "[" + q(reg) + `, <<>>, [exclusive]]`, `{error,eexist}`},
		{"file", "write_file", "[" + q(reg) + `, <<>>, bad]`, `error:function_clause`},
		{"avm_file", "read_file_info", "[" + q(reg) + `, bad]`, `error:function_clause`},
		{"avm_file", "read_file_info", "[" + q(reg) + `, [{time, never}]]`, `{error,badarg}`},
		{"avm_file", "read_file_info", `[{file_descriptor, prim_file, #{handle => #Ref<0.0.0.99999>}}, []]`, `{error,einval}`},
		{"file", "read_link_info", "[" + q(reg) + `, bad]`, `error:function_clause`},
		{"file", "write_file_info", "[" + q(reg) + `, {file_info}]`, `error:function_clause`},
		{"file", "change_mode", "[" + q(reg) + `, rw]`, `error:function_clause`},
		{"file", "change_time", "[" + q(reg) + `, now]`, `error:function_clause`},
		{"file", "list_dir", "[" + q(reg) + "]", `{error,enotdir}`},
		{"file", "make_dir", "[" + q(dir) + "]", `{error,eexist}`},
		{"file", "del_dir", "[" + q(dir) + "]", `{error,eexist}`},
		{"file", "del_dir", "[" + q(reg) + "]", `{error,enotdir}`},
		{"file", "delete", "[" + q(dir) + "]", `{error,eperm}`},
		{"file", "delete", "[" + q(reg) + `, notalist]`, `error:function_clause`},
		{"file", "read_link", "[" + q(reg) + "]", `{error,einval}`},
		{"file", "rename", `[a, 7]`, `{error,badarg}`},
		{"file", "get_cwd", `["/"]`, `{error,einval}`},
		{"file", "set_cwd", `[<<"x",0>>]`, `{error,badarg}`},
		{"file", "consult", `[{}]`, `{error,badarg}`},
		{"avm_file", "open", "[" + q(reg) + `, notalist]`, `{error,badarg}`},
		{"avm_file", "open", "[" + q(reg) + `, [read, compressed]]`, `{error,enotsup}`},
		{"avm_file", "open", "[" + q(reg) + `, [read, {encoding, utf16}]]`, `{error,badarg}`},
		{"avm_file", "open", "[" + q(reg) + `, [{read_ahead, -1}]]`, `{error,badarg}`},
		{"avm_file", "open", "[" + q(dir) + `, [read]]`, `{error,eisdir}`},
		{"avm_file", "read", `[notahandle, 1]`, `{error,badarg}`},
		{"avm_file", "read", `[#Ref<0.0.0.999999>, 1]`, `{error,einval}`},
		{"avm_file", "close", `[#Ref<0.0.0.999999>]`, `{error,einval}`},
		{"avm_file", "get_line", `[#Ref<0.0.0.1>, utf16]`, `{error,arguments}`},
		{"avm_file", "put_chars", `[#Ref<0.0.0.1>, unicode, [-1]]`, `{error,arguments}`},
		{"avm_file", "position", `[#Ref<0.0.0.1>, {sideways, 1}]`, `{error,badarg}`},
	}
	for _, c := range cases {
		p := newTestMachineProcess(&bytes.Buffer{})
		if got := callNative(t, p, c.M, c.F, c.Args); got != c.Want {
			t.Errorf("%s:%s(%s)\n got %s\nwant %s", c.M, c.F, strings.Trim(c.Args, "[]"), got, c.Want)
		}
	}
}

// TestFileHandles runs a raw file through its natives: buffered reads,
// positions and writes agree, and only the owner may use it.
func TestFileHandles(t *testing.T) {
	name := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(name, []byte("one\r\ntwo\nthree"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newTestMachineProcess(&bytes.Buffer{})
	h := p.heap
	call := func(f string, args ...term.Term) string {
		t.Helper()
		n := lookupNative(term.Atom("avm_file"), term.Atom(f), len(args))
		p.setExc(exception{})
		r := n.Fn(p, args)
		if r == term.NoValue {
			return term.AtomName(p.exc.class) + ":" + h.Format(p.exc.reason)
		}
		return h.Format(r)
	}
	opened := lookupNative(term.Atom("avm_file"), term.Atom("open"), 2).Fn(p,
		[]term.Term{charList(h, name), parseTerm(t, h, `[read, write, binary]`)})
	if !h.IsTuple(opened) || h.TupleElems(opened)[0] != term.AtomOk {
		t.Fatalf("open: %s", h.Format(opened))
	}
	fd := h.TupleElems(opened)[1]
	steps := []struct {
		f    string
		args []term.Term
		want string
	}{
		{"read_line", []term.Term{fd}, `{ok,<<111,110,101,10>>}`},
		{"read", []term.Term{fd, term.MakeSmall(2)}, `{ok,<<116,119>>}`},
		{"position", []term.Term{fd, atomCur}, `{ok,7}`},
		{"write", []term.Term{fd, charList(h, "O")}, `ok`},
		{"read_line", []term.Term{fd}, `{ok,<<10>>}`},
		{"get_chars", []term.Term{fd, atomLatin1, term.MakeSmall(3)}, `<<116,104,114>>`},
		{"position", []term.Term{fd, h.Tuple(atomEOF, term.MakeSmall(-1))}, `{ok,13}`},
		{"read", []term.Term{fd, term.MakeSmall(5)}, `{ok,<<101>>}`},
		{"read", []term.Term{fd, term.MakeSmall(5)}, `eof`},
		{"pread", []term.Term{fd, term.MakeSmall(5), term.MakeSmall(3)}, `{ok,<<116,119,79>>}`},
		{"pread", []term.Term{fd, term.MakeSmall(-1), term.MakeSmall(3)}, `{error,einval}`},
		{"advise", []term.Term{fd, term.MakeSmall(0), term.MakeSmall(0), term.Atom("often")}, `{error,einval}`},
		{"setopts", []term.Term{fd, parseTerm(t, h, `[{encoding, utf8}, list]`)}, `ok`},
		{"getopts", []term.Term{fd}, `[{binary,false},{encoding,unicode}]`},
		{"setopts", []term.Term{fd, parseTerm(t, h, `[{active, true}]`)}, `{error,enotsup}`},
		{"close", []term.Term{fd}, `ok`},
		{"close", []term.Term{fd}, `{error,einval}`},
	}
	for _, s := range steps {
		if got := call(s.f, s.args...); got != s.want {
			t.Errorf("%s: got %s, want %s", s.f, got, s.want)
		}
	}

	reopened := lookupNative(term.Atom("avm_file"), term.Atom("open"), 2).Fn(p,
		[]term.Term{charList(h, name), parseTerm(t, h, `[read]`)})
	other := &Process{heap: h, m: p.m, id: p.id + 1}
	n := lookupNative(term.Atom("avm_file"), term.Atom("read"), 2)
	if r := n.Fn(other, []term.Term{h.TupleElems(reopened)[1], term.MakeSmall(1)}); r != term.NoValue ||
		other.exc.reason != atomNotCtrl {
		t.Errorf("read by another process: %s, want error:not_on_controlling_process", h.Format(r))
	}
	p.m.files.closeOwnedBy(p.id)
	if got := call("read", h.TupleElems(reopened)[1], term.MakeSmall(1)); got != `{error,einval}` {
		t.Errorf("read after the owner exited: %s", got)
	}
}

// TestConsultSyntax checks consult/1's reading of terms and its errors
// against what OTP 25 returns for the same files.
func TestConsultSyntax(t *testing.T) {
	dir := t.TempDir()
	cases := []struct{ in, want string }{
		{`a.`, `{ok,[a]}`},
		{`'a b'. "x\"y". $\s.`, `{ok,['a b',[120,34,121],32]}`},
		{`-5. +3. - 2.0. 36#Zz.`, `{ok,[-5,3,-2.0,1295]}`},
		{`[a|[b]].`, `{ok,[[a,b]]}`},
		{`{a,}.`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[39,125,39]]}}`},
		{`1 2.`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[50]]}}`},
		{`"abc`, `{error,{1,erl_scan,{string,34,[97,98,99]}}}`},
		{`<<>>. <<"">>. <<1:16, 300:8>>.`, `{ok,[<<>>,<<>>,<<0,1,44>>]}`},
		{`#{}. #{a => #{b => c}}.`, `{ok,[#{},#{a => #{b => c}}]}`},
		{`fun m:f/2.`, `{ok,[fun m:f/2]}`},
		{`f(x).`, `{error,{1,erl_parse,[98,97,100,32,116,101,114,109]}}`},
		{`1e5.`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[101,53]]}}`},
		{`2.5E-1.`, `{ok,[0.25]}`},
		{`a.b.`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[39,46,39]]}}`},
		{`$\x41. $\101. $\^A. "\e\d".`, `{ok,[65,65,1,[27,127]]}`},
		{`100000000000000000000000.`, `{ok,[100000000000000000000000]}`},
		{`[1,2|3].`, `{ok,[[1,2|3]]}`},
		{"{a}.\n\n{b c}.", `{error,{3,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[99]]}}`},
		{`X.`, `{error,{1,erl_parse,[98,97,100,32,116,101,114,109]}}`},
		{`_.`, `{error,{1,erl_parse,[98,97,100,32,116,101,114,109]}}`},
		{`a`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[]]}}`},
		{`{'}'}.`, `{ok,[{'}'}]}`},
		{`1_000_000.`, `{ok,[1000000]}`},
		{`'abc'. 'don''t'.`, `{error,{1,erl_parse,[[115,121,110,116,97,120,32,101,114,114,111,114,32,98,101,102,111,114,101,58,32],[116]]}}`},
	}
	for i, c := range cases {
		name := filepath.Join(dir, fmt.Sprint(i))
		if err := os.WriteFile(name, []byte(c.in), 0o644); err != nil {
			t.Fatal(err)
		}
		p := newTestMachineProcess(&bytes.Buffer{})
		if got := callNative(t, p, "file", "consult", fmt.Sprintf("[%q]", name)); got != c.want {
			t.Errorf("consult of %q\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestFileNativesNeverPanic calls the file natives with arguments drawn
// from a pool of awkward terms, in a scratch working directory: each call
// returns a value or raises, never panics.
func TestFileNativesNeverPanic(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("f", []byte("line\nmore"), 0o644); err != nil {
		t.Fatal(err)
	}
	var fns []Native
	for _, n := range Natives() {
		// set_cwd would move the test out of its scratch directory.
		if (n.Module == "file" || n.Module == "avm_file") && n.Function != "set_cwd" {
			fns = append(fns, n)
		}
	}
	p := newTestMachineProcess(&bytes.Buffer{})
	h := p.heap
	pool := []string{
		`"f"`, `"d"`, `<<"f">>`, `f`, `"missing/x"`, `""`, `[]`, `[[102]]`, `[-1]`, `<<1:3>>`, `0`, `-1`, `5`,
		`1.5`, `{1, 2}`, `[read]`, `[write, read, binary]`, `[append, raw]`, `[read, {encoding, utf8}]`,
		`[{time, posix}]`, `[{time, universal}]`, `[raw]`, `bof`, `{eof, -2}`, `{cur, 1}`, `latin1`, `unicode`,
		`{file_info, 1, regular, read, 0, 0, 0, 420, 1, 0, 0, 0, 0, 0}`, `{{2024, 1, 1}, {0, 0, 0}}`,
		`#{}`, `#Ref<0.0.0.1>`, `#Ref<0.0.0.2>`, `<0.1.0>`, `normal`,
	}
	terms := make([]term.Term, len(pool))
	for i, s := range pool {
		terms[i] = parseTerm(t, h, s)
	}
	opener := lookupNative(term.Atom("avm_file"), term.Atom("open"), 2)
	for _, modes := range []string{`[read, write]`, `[read, binary, {encoding, utf8}]`} {
		if r := opener.Fn(p, []term.Term{charList(h, "f"), parseTerm(t, h, modes)}); h.IsTuple(r) {
			terms = append(terms, h.TupleElems(r)[1])
		}
	}
	rng := rand.New(rand.NewPCG(7, 3))
	for i := 0; i < 20000; i++ {
		n := fns[rng.IntN(len(fns))]
		args := make([]term.Term, n.Arity)
		for j := range args {
			args[j] = terms[rng.IntN(len(terms))]
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					as := make([]string, len(args))
					for j, a := range args {
						as[j] = h.Format(a)
					}
					t.Fatalf("%s:%s%v panicked: %v", n.Module, n.Function, as, r)
				}
			}()
			p.setExc(exception{})
			n.Fn(p, args)
		}()
	}
	p.m.files.closeOwnedBy(p.id)
}

// TestFileUnicodeNames checks that names are UTF-8 on the system and
// strings of characters in Erlang, and that names that are not UTF-8 come
// back as binaries from the *_all functions only.
func TestFileUnicodeNames(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "é✓"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	p := newTestMachineProcess(&bytes.Buffer{})
	list := fmt.Sprintf("[%q]", dir)
	if got := callNative(t, p, "file", "list_dir", list); got != `{ok,[[233,10003]]}` {
		t.Errorf("list_dir: %s", got)
	}
	if got := callNative(t, p, "file", "read_file", fmt.Sprintf("[[%q, 47, 233, 10003]]", dir)); got != `{ok,<<>>}` {
		t.Errorf("read_file of a deep unicode name: %s", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "\xff"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := callNative(t, p, "file", "list_dir", list); got != `{error,{no_translation,<<255>>}}` {
		t.Errorf("list_dir with a Latin-1 name: %s", got)
	}
	if got := callNative(t, p, "file", "list_dir_all", list); got != `{ok,[<<255>>,[233,10003]]}` && got != `{ok,[[233,10003],<<255>>]}` {
		t.Errorf("list_dir_all with a Latin-1 name: %s", got)
	}
}

// TestConsultNeverPanics feeds consult/1 fragments of term syntax in random
// order: every file gives {ok, Terms} or {error, Reason}.
func TestConsultNeverPanics(t *testing.T) {
	name := filepath.Join(t.TempDir(), "terms")
	pieces := []string{"{", "}", "[", "]", "|", ",", ".", " ", "\n", "<<", ">>", "#{", "=>", ":", "/", "-", "+",
		"a", "'q", "'", "\"s", "\"", "$", "$\\", "\\x{", "\\", "1", "16#", "2.5", "e-3", "_", "X", "fun", "%c\n",
		"\xff", "é", "0.", "#", "(", ")"}
	rng := rand.New(rand.NewPCG(1, 9))
	p := newTestMachineProcess(&bytes.Buffer{})
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		got := func() (s string) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("consult of %q panicked: %v", b.String(), r)
				}
			}()
			return callNative(t, p, "file", "consult", fmt.Sprintf("[%q]", name))
		}()
		if !strings.HasPrefix(got, "{ok,") && !strings.HasPrefix(got, "{error,") {
			t.Errorf("consult of %q: %s", b.String(), got)
		}
	}
}
