package project

import (
	"strings"
	"testing"
)

func TestParseTerms(t *testing.T) {
	src := `%% a rebar.config
{erl_opts, [debug_info, {d, 'DEBUG'}, {d, 'N', 16#1F}, {i, "include"}]}. % trailing
{deps, [{jsx, "3.1.0"}, {ranch, {git, "https://x/ranch.git", {tag, "2.0"}}}]}.
{s, "a\n\"b\"" "c"}.
{chars, [$a, $\n, $\s]}.
{nums, [-1, 1_000, 2#101, 1.5, 2.5e-3, -0.5]}.
{bin, <<"x">>}.
{map, #{a => 1, "b" := [c]}}.
{'quoted atom', 'it\'s', 'end'}.
{empty, [], {}}.
{last, ok}.`
	terms, err := ParseTerms("rebar.config", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, term := range terms {
		got = append(got, term.String())
	}
	want := []string{
		`{erl_opts,[debug_info,{d,'DEBUG'},{d,'N',16#1F},{i,"include"}]}`,
		`{deps,[{jsx,"3.1.0"},{ranch,{git,"https://x/ranch.git",{tag,"2.0"}}}]}`,
		`{s,"a\n\"b\"c"}`,
		`{chars,[97,10,32]}`,
		`{nums,[-1,1_000,2#101,1.5,2.5e-3,-0.5]}`,
		`{bin,<<"x">>}`,
		`{map,#{a=>1,"b"=>[c]}}`,
		`{'quoted atom','it\'s','end'}`,
		`{empty,[],{}}`,
		`{last,ok}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if terms[0].Line != 2 || terms[9].Line != 11 {
		t.Errorf("lines %d, %d; want 2, 11", terms[0].Line, terms[9].Line)
	}
	opts, ok := Lookup(Term{Kind: List, Elems: terms}, "erl_opts")
	if !ok {
		t.Fatal("erl_opts not found")
	}
	if v, ok := Lookup(opts, "debug_info"); !ok || !v.IsAtom("true") {
		t.Errorf("debug_info: %v %v", v, ok)
	}
	if n, ok := opts.Elems[2].Elems[2].IntValue(); !ok || n != 31 {
		t.Errorf("16#1F = %d %v", n, ok)
	}
}

func TestParseTermsErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"{a, b}", "f:1: expected a full stop after the term that starts on line 1"},
		{"{a,\n b", "f:2: unexpected end of file: { is not closed"},
		{"{a b}.", "f:1: expected , or }"},
		{"#{a => b", "f:1: unexpected end of file: #{ is not closed"},
		{strings.Repeat("{", 200), "f:1: terms nested too deeply (more than 100 levels)"},
		{"{a, Opts}.", "f:1: a variable or expression is not data"},
		{"[a | b].", "f:1: improper lists"},
		{`"abc`, "f:1: unterminated string"},
		{"{a, 12abc}.", `f:1: bad number "12abc"`},
		{"{a, 99#1}.", `f:1: bad number "99#1"`},
		{"#{a}.", "f:1: expected => in a map"},
		{"<<1,2.", "f:1: binary without >>"},
		{"{a, ~}.", "f:1: unexpected '~'"},
		{"\n\n{a,\n", "f:4: unexpected end of file"},
	} {
		_, err := ParseTerms("f", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s…", tc.src, err, tc.want)
		}
	}
}

func FuzzParseTerms(f *testing.F) {
	f.Add([]byte(`{erl_opts, [debug_info, {d, 'X', "y"}]}. {deps, []}.`))
	f.Add([]byte(`{a, #{b => <<"c">>, $d := 16#ff}}.`))
	f.Add([]byte(`'\x{41}\101'. "\e\d"`))
	f.Fuzz(func(t *testing.T, src []byte) {
		terms, err := ParseTerms("f", src)
		if err != nil {
			return
		}
		// What was read writes back as terms that read the same.
		var b strings.Builder
		for _, term := range terms {
			b.WriteString(term.String() + ".\n")
		}
		again, err := ParseTerms("again", []byte(b.String()))
		if err != nil {
			t.Fatalf("rewritten %q: %v", b.String(), err)
		}
		for i := range terms {
			if terms[i].String() != again[i].String() {
				t.Fatalf("%s became %s", terms[i], again[i])
			}
		}
	})
}
