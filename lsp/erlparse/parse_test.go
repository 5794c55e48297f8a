package erlparse

import (
	"fmt"
	"strings"
	"testing"
)

func calls(m *Module) string {
	var parts []string
	for _, c := range m.Calls {
		kind := map[CallKind]string{RemoteCall: "remote", LocalCall: "local", FunRef: "fun", ApplyCall: "apply"}[c.Kind]
		s := fmt.Sprintf("%s %s:%s/%d", kind, c.Module, c.Function, c.Arity)
		if c.Macro {
			s += " (macro)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n")
}

func TestCalls(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"arity counts nesting", `-module(m).
f(X) -> lists:foldl(fun(A, B) -> A + B end, 0, [X, {1, 2}, <<1, 2>>]).`,
			"remote lists:foldl/3"},
		{"case and receive blocks", `-module(m).
f(X) -> io:format("~p", [case X of a -> 1; b -> 2 end]), receive Y -> g(Y, 1) after 10 -> ok end.`,
			"remote io:format/2\nlocal :g/2"},
		{"fun references and apply", `-module(m).
f() -> F = fun lists:reverse/1, G = fun h/0, apply(erlang, now, []), erlang:apply(m, h, [1]).`,
			"fun lists:reverse/1\nfun :h/0\nlocal :apply/3\napply erlang:now/0\nremote erlang:apply/3\napply m:h/1"},
		{"macros expand", `-module(m).
-define(LOG(F, A), io:format(F, A)).
-define(M, lists).
f() -> ?LOG("~p", [1]), ?M:seq(1, 2), ?MODULE:f().`,
			"remote io:format/2 (macro)\nremote lists:seq/2 (macro)\nremote m:f/0 (macro)"},
		{"clause names are not calls", `-module(m).
f(0) -> ok;
f(N) when N > 0; N < -1 -> f(N - 1).`,
			"local :f/1"},
		{"zero arguments", `-module(m).
f() -> erlang:self(), self().`,
			"remote erlang:self/0\nlocal :self/0"},
		{"records and maps are not calls", `-module(m).
-record(r, {a = 1}).
f(X) -> #r{a = 2}, X#r.a, #{k => g()}.`,
			"local :g/0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := calls(Parse(tc.src))
			if got != tc.want {
				t.Errorf("calls:\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestAttributes(t *testing.T) {
	m := Parse(`-module(demo).
-export([start/0, f/1]).
-import(lists, [map/2]).
-compile({no_auto_import, [size/1]}).
-record(state, {count = 0 :: integer(), name}).
-on_load(init/0).
-spec f(integer()) -> ok.
start() -> ok.
f(1) -> ok;
f(_) -> error.
init() -> ok.
-ifdef(TEST).
t() -> ok.
-endif.
`)
	if m.Name != "demo" {
		t.Errorf("name %q", m.Name)
	}
	if !m.Exported(FA{"f", 1}) || m.Exported(FA{"init", 0}) {
		t.Errorf("exports %v", m.Exports)
	}
	if m.Imports[FA{"map", 2}] != "lists" || !m.NoAutoImport[FA{"size", 1}] {
		t.Errorf("imports %v, no_auto_import %v", m.Imports, m.NoAutoImport)
	}
	if r := m.Records["state"]; r == nil || strings.Join(r.Fields, ",") != "count,name" {
		t.Errorf("record %+v", r)
	}
	if m.OnLoad == nil {
		t.Error("-on_load not found")
	}
	if s := m.Specs[FA{"f", 1}]; s != "-spec f(integer()) -> ok." {
		t.Errorf("spec %q", s)
	}
	f := m.Function(FA{"f", 1})
	if f == nil || len(f.Heads) != 2 || f.Heads[0] != "f(1)" || f.Heads[1] != "f(_)" {
		t.Fatalf("f/1: %+v", f)
	}
	if fn := m.Function(FA{"t", 0}); fn == nil || !fn.Conditional {
		t.Errorf("t/0 in -ifdef: %+v", fn)
	}
}

func TestIntegersAndBinaries(t *testing.T) {
	m := Parse(`-module(m).
f(X) -> X - 1, -9223372036854775808, [-2], <<X:3/little-signed-unit:8, "ab", Rest/binary>>.`)
	var ints []string
	for _, l := range m.Integers {
		sign := ""
		if l.Negative {
			sign = "-"
		}
		ints = append(ints, sign+l.Tok.Text)
	}
	if got := strings.Join(ints, " "); got != "1 -9223372036854775808 -2 3 8" {
		t.Errorf("integers %s", got)
	}
	if len(m.Binaries) != 1 || len(m.Binaries[0].Segments) != 3 {
		t.Fatalf("binaries %+v", m.Binaries)
	}
	s := m.Binaries[0].Segments[0]
	if len(s.Size) != 1 || s.Size[0].Text != "3" || strings.Join(s.Types, "-") != "little-signed" || s.Unit != 8 {
		t.Errorf("segment %+v", s)
	}
}

func TestListElems(t *testing.T) {
	for _, tc := range []struct {
		src string
		n   int
		ok  bool
	}{{"[]", 0, true}, {"[a, {b, c}, [d]]", 3, true}, {"[H | T]", 0, false}, {"L", 0, false}, {"[X || X <- L]", 0, false}} {
		m := Parse("-module(m).\nf() -> g(" + tc.src + ").")
		n, ok := ListLen(m.Calls[0].Args[0])
		if n != tc.n || ok != tc.ok {
			t.Errorf("ListLen(%s) = %d, %v; want %d, %v", tc.src, n, ok, tc.n, tc.ok)
		}
	}
}

func TestIncludes(t *testing.T) {
	files := map[string]string{
		"a.hrl": "-include(\"b.hrl\").\n-define(LOG(X), logger:info(X)).\n-record(cfg, {port}).\n",
		"b.hrl": "-define(T, ets).\n-include(\"a.hrl\").\n", // includes a.hrl again: bounded
	}
	var asked []string
	include := func(path string, lib bool) (string, string, bool) {
		asked = append(asked, path)
		src, ok := files[path]
		return "/inc/" + path, src, ok
	}
	m := ParseWith("-module(m).\n-include(\"a.hrl\").\n-include_lib(\"kernel/include/file.hrl\").\nf() -> ?LOG(?T:new(t, [])).\n", include)
	if got := calls(m); got != "remote logger:info/1 (macro)\nremote ets:new/2 (macro)" {
		t.Errorf("calls:\n%s", got)
	}
	if mac := m.Macros["LOG"]; mac == nil || mac.File != "/inc/a.hrl" {
		t.Errorf("LOG: %+v", mac)
	}
	if mac := m.Macros["T"]; mac == nil || mac.File != "/inc/b.hrl" {
		t.Errorf("T: %+v", mac)
	}
	if r := m.Records["cfg"]; r == nil || r.File != "/inc/a.hrl" {
		t.Errorf("record cfg: %+v", r)
	}
	if asked[len(asked)-1] != "kernel/include/file.hrl" || len(asked) > 2+maxIncludeDepth {
		t.Errorf("includes asked: %v", asked)
	}
}
