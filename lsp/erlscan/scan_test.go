package erlscan

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders tokens as kind:text, with the value when it differs.
func show(toks []Token) string {
	var parts []string
	for _, t := range toks {
		s := t.Kind.String() + ":" + t.Text
		if t.Value != "" && t.Value != t.Text {
			s += "=" + t.Value
		}
		if t.Msg != "" {
			s += "(" + t.Msg + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"foo(X) -> ok.", "atom:foo punct:( var:X punct:) punct:-> atom:ok dot:."},
		{"'hello world' 'a\\'b'", "atom:'hello world'=hello world atom:'a\\'b'=a'b"},
		{"case X of _ -> end", "keyword:case var:X keyword:of var:_ punct:-> keyword:end"},
		{"1_000 16#FF 2#1010 1.5e-3 3.0", "integer:1_000 integer:16#FF integer:2#1010 float:1.5e-3 float:3.0"},
		{"1.foo", "integer:1 punct:. atom:foo"},
		{"#r.f", "punct:# atom:r punct:. atom:f"},
		{"$a $\\n $\\x{1F600} $ ", "char:$a=a char:$\\n=\n char:$\\x{1F600}=😀 char:$ = "},
		{`"a\tb" "\x41\101"`, "string:\"a\\tb\"=a\tb string:\"\\x41\\101\"=AA"},
		{"X =:= Y, A =/= B, C =< D, <<1>>, [H|T] || E <- L", "var:X punct:=:= var:Y punct:, var:A punct:=/= var:B punct:, var:C punct:=< var:D punct:, punct:<< integer:1 punct:>> punct:, punct:[ var:H punct:| var:T punct:] punct:|| var:E punct:<- var:L"},
		{"f() -> ok. % done\n", "atom:f punct:( punct:) punct:-> atom:ok dot:. comment:% done"},
		{"~\"sig\" ~b[x]", "string:~\"sig\"=sig string:~b[x]=x"},
		{"\"\"\"\n  text\n    more\n  \"\"\"", "string:\"\"\"\n  text\n    more\n  \"\"\"=text\n  more"},
		{"\"open", "error:\"open(unterminated string)"},
		{"37#1", "error:37#1(integer base must be between 2 and 36)"},
		{"a \x00 b", "atom:a error:\x00(unexpected character \x00) atom:b"},
		{"été Ärger", "atom:été var:Ärger"},
	} {
		if got := show(Scan(tc.src)); got != tc.want {
			t.Errorf("Scan(%q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestInt(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"42", "42"}, {"1_000_000", "1000000"}, {"16#ff", "255"}, {"36#z", "35"},
		{"18446744073709551616", "18446744073709551616"},
	} {
		toks := Scan(tc.src)
		if len(toks) != 1 || toks[0].Int() == nil || toks[0].Int().String() != tc.want {
			t.Errorf("Int of %q = %v, want %s", tc.src, toks, tc.want)
		}
	}
}

func TestChars(t *testing.T) {
	src := `x("é~\x7e\n").`
	var str Token
	for _, tok := range Scan(src) {
		if tok.Kind == String {
			str = tok
		}
	}
	cs := Chars(str)
	var runes []rune
	for _, c := range cs {
		runes = append(runes, c.R)
	}
	if string(runes) != "é~~\n" {
		t.Fatalf("Chars = %q", string(runes))
	}
	// Each character maps back to what was written.
	for i, want := range []string{"é", "~", `\x7e`, `\n`} {
		if got := src[cs[i].Pos:cs[i].End]; got != want {
			t.Errorf("char %d written as %q, want %q", i, got, want)
		}
	}
}

// FuzzScan checks that any input scans without panicking into tokens that
// are in order, inside the text, and that Chars and Int accept them.
func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"-module(m).\nf(X) -> io:format(\"~p~n\", [X]).",
		"<<X:3/little-signed, R/bits>>", "$\\x{", "\"\\", "'\\x{110000}'", "\"\"\"\nx\n\"\"\"",
		"~b[abc", "16#", "1_", "1.5e", "%% comment", "\xff\xfe", "fun m:f/2", "#{a => 1}",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		end := 0
		for _, tok := range Scan(src) {
			if tok.Pos < end || tok.End < tok.Pos || tok.End > len(src) {
				t.Fatalf("token %v out of order or out of the text (previous end %d, len %d)", tok, end, len(src))
			}
			if tok.Pos == tok.End {
				t.Fatalf("empty token %v", tok)
			}
			if src[tok.Pos:tok.End] != tok.Text {
				t.Fatalf("token text %q is not the source %q", tok.Text, src[tok.Pos:tok.End])
			}
			if tok.Kind == Error && tok.Msg == "" {
				t.Fatalf("error token %q without a message", tok.Text)
			}
			end = tok.End
			tok.Int()
			for _, c := range Chars(tok) {
				if c.Pos < tok.Pos || c.End > tok.End || c.End <= c.Pos {
					t.Fatalf("character %v outside its token %v", c, tok)
				}
			}
		}
		if utf8.ValidString(src) && strings.TrimSpace(src) != "" && end == 0 {
			// Non-blank valid text yields at least one token.
			for _, r := range src {
				if !strings.ContainsRune(" \t\n\r\f\v", r) && r < utf8.RuneSelf {
					t.Fatalf("no tokens for %q", src)
				}
			}
		}
	})
}
