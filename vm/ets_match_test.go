package vm

import (
	"bytes"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// etsTestTable makes a table of the given type holding a few objects of
// different shapes, owned by p.
func etsTestTable(t *testing.T, p *Process, kind string) term.Term {
	t.Helper()
	tab := etsNew(p, []term.Term{term.Atom("fuzz"), parseTerm(t, p.heap, "["+kind+", public]")})
	if tab == term.NoValue {
		t.Fatalf("ets:new(fuzz, [%s]) failed", kind)
	}
	objs := parseTerm(t, p.heap, `[{a, 1, [x, y]}, {b, 2.5, <<"bin">>}, {c, #{k => v}, {t, 1}}, {1, a}, {{k}, "s", -7}]`)
	if etsInsert(p, []term.Term{tab, objs}) != term.True {
		t.Fatal("ets:insert failed")
	}
	return tab
}

// TestMatchSpecMalformed checks that malformed specifications are refused
// with badarg by the select family and described by test_ms/2.
func TestMatchSpecMalformed(t *testing.T) {
	bad := []struct{ spec, msg string }{
		{`foo`, "Match programs are not in a list."},
		{`[{'_', [], [a]} | b]`, "Match programs are not in a proper list."},
		{`[{'_', []}]`, "Match program part is not a tuple of arity 3."},
		{`[{'_', x, [a]}]`, "Match expression is not a list."},
		{`[{'_', [], []}]`, "Body clause does not return anything."},
		{`[{'_', [], x}]`, "Body clause does not return anything."},
		{`[{{'$1'}, [], ['$2']}]`, "Variable $2 is unbound."},
		{`[{{'$1'}, [{'==', '$1', '$3'}], [true]}]`, "Variable $3 is unbound."},
		{`[{#{'$1' => 1}, [], [a]}]`, "Variable found in map key."},
		{`[{'_', [], [{nope, 1}]}]`, "Function nope/1 does_not_exist."},
		{`[{'_', [], [{element, 1}]}]`, "Function element/1 does_not_exist."},
		{`[{'_', [], [{1, 2}]}]`, "{1,2} is neither a function call, nor a tuple (tuples are written {{ ... }})."},
		{`[{'_', [], [{}]}]`, "{} is neither a function call, nor a tuple (tuples are written {{ ... }})."},
		{`[{'_', [{'orelse'}], [a]}]`, "Special form 'orelse' called without arguments in {orelse}."},
		{`[{'_', [], [{const}]}]`, "Special form 'const' called without arguments in {const}."},
		{`[{'_', [], [{const, a, b}]}]`, "Special form 'const' called with more than one argument in {const,a,b}."},
	}
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	tab := etsTestTable(t, p, "set")
	for _, c := range bad {
		spec := parseTerm(t, p.heap, c.spec)
		_, errs := compileMatchSpec(p.heap, spec)
		if len(errs) == 0 || errs[0] != c.msg {
			t.Errorf("%s: errors %q, want first %q", c.spec, errs, c.msg)
		}
		for name, fn := range map[string]NativeFunc{"select": etsSelect, "select_count": etsSelectCount,
			"select_delete": etsSelectDelete, "select_replace": etsSelectReplace, "select_reverse": etsSelectReverse} {
			if r := fn(p, []term.Term{tab, spec}); r != term.NoValue {
				t.Errorf("ets:%s(T, %s) = %s, want badarg", name, c.spec, p.heap.Format(r))
			}
		}
		r := etsTestMS(p, []term.Term{parseTerm(t, p.heap, "{a, 1}"), spec})
		if !p.heap.IsTaggedTuple(r, 2, term.AtomError) {
			t.Errorf("ets:test_ms({a, 1}, %s) = %s, want {error, _}", c.spec, p.heap.Format(r))
		}
	}
}

// TestMatchSpecKeyLookup checks that a pattern with a given key (looked
// up) finds what the same pattern scanned for finds.
func TestMatchSpecKeyLookup(t *testing.T) {
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	for _, kind := range []string{"set", "ordered_set", "bag", "duplicate_bag"} {
		tab := etsTestTable(t, p, kind)
		looked := etsSelect(p, []term.Term{tab, parseTerm(t, p.heap, `[{{{k}, '$1', '_'}, [], ['$1']}]`)})
		scanned := etsSelect(p, []term.Term{tab, parseTerm(t, p.heap, `[{{'$2', '$1', '_'}, [{'=:=', '$2', {const, {k}}}], ['$1']}]`)})
		if got, want := p.heap.Format(looked), p.heap.Format(scanned); got != want || got != `[[115]]` {
			t.Errorf("%s: key lookup gave %s, scan %s, want [[115]]", kind, got, want)
		}
	}
}

// FuzzMatchSpec runs arbitrary terms as match specifications through the
// select family and the specification runner: they may be refused, never
// panic.
func FuzzMatchSpec(f *testing.F) {
	h := term.NewHeap(0)
	a, l, tup := term.Atom, h.List, h.Tuple
	v1, v2, any := a("$1"), a("$2"), a("_")
	for _, spec := range []term.Term{
		l(tup(v1, term.Nil, l(a("$_")))),
		l(tup(tup(v1, v2, any), l(tup(a(">"), v2, term.MakeSmall(1)), tup(a("is_list"), v2)), l(tup(tup(v1, a("$$"))), v2))),
		l(tup(tup(v1, v2, h.Cons(v1, any)), l(tup(a("orelse"), term.False, tup(a("element"), term.MakeSmall(1), v1))),
			l(h.MapFromPairs([]term.Term{a("key")}, []term.Term{v1})))),
		l(tup(any, l(tup(a("and"), term.True, tup(a("not"), term.False))), l(tup(a("const"), tup(a("x"))))),
			tup(tup(a("$9")), l(a("$9")), l(tup(a("+"), a("$9"), term.MakeSmall(1))))),
		l(tup(tup(v1, any), term.Nil, l(tup(tup(v1, a("replaced")))))),
		l(tup(h.MapFromPairs([]term.Term{a("k")}, []term.Term{v1}), term.Nil, l(v1))),
		l(tup(any, term.Nil, l(tup(v1)))),
		l(tup(tup(v1, v1), l(tup(a("is_record"), v1, a("t"), term.MakeSmall(2))),
			l(tup(a("binary_part"), h.MakeBinary([]byte("abc")), term.MakeSmall(1), term.MakeSmall(1)), tup(a("self"))))),
		a("bad"),
	} {
		data, err := etf.Encode(nil, h, spec, etf.EncodeOptions{})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var out bytes.Buffer
		p := newTestMachineProcess(&out)
		spec, _, err := etf.Decode(p.heap, data, etf.DecodeOptions{})
		if err != nil {
			return
		}
		for _, kind := range []string{"set", "ordered_set", "duplicate_bag"} {
			tab := etsTestTable(t, p, kind)
			etsSelect(p, []term.Term{tab, spec})
			etsSelectReverse(p, []term.Term{tab, spec, term.MakeSmall(2)})
			etsSelectCount(p, []term.Term{tab, spec})
			etsSelectReplace(p, []term.Term{tab, spec})
			etsMatch(p, []term.Term{tab, spec})
			etsMatchObject(p, []term.Term{tab, spec, term.MakeSmall(1)})
			etsSelectDelete(p, []term.Term{tab, spec})
			etsDeleteTable(p, []term.Term{tab})
		}
		r := etsTestMS(p, []term.Term{p.heap.Tuple(term.Atom("a"), term.MakeSmall(1)), spec})
		if !p.heap.IsTuple(r) {
			t.Fatalf("test_ms returned %s", p.heap.Format(r))
		}
		if e := p.heap.TupleElems(r); e[0] == term.AtomError && !strings.Contains(p.heap.Format(e[1]), "error") {
			t.Fatalf("test_ms errors without messages: %s", p.heap.Format(r))
		}
	})
}

// BenchmarkEtsSelect measures select/2 over a table of 10,000 objects: a
// full scan with a guard, a select of one key, and a walk with next/2.
func BenchmarkEtsSelect(b *testing.B) {
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	h := p.heap
	for _, kind := range []string{"set", "ordered_set"} {
		tab := etsNew(p, []term.Term{term.Atom("bench"), h.List(term.Atom(kind))})
		for i := 0; i < 10000; i++ {
			etsInsert(p, []term.Term{tab, h.Tuple(term.MakeSmall(int64(i)), term.MakeSmall(int64(i%7)), term.Atom("v"))})
		}
		scan := h.List(h.Tuple(h.Tuple(term.Atom("$1"), term.Atom("$2"), term.Atom("_")),
			h.List(h.Tuple(term.Atom("=:="), term.Atom("$2"), term.MakeSmall(3))), h.List(term.Atom("$1"))))
		one := h.List(h.Tuple(h.Tuple(term.MakeSmall(4242), term.Atom("$2"), term.Atom("_")), term.Nil, h.List(term.Atom("$2"))))
		b.Run(kind+"/scan", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if etsSelect(p, []term.Term{tab, scan}) == term.NoValue {
					b.Fatal("select failed")
				}
			}
		})
		b.Run(kind+"/key", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if etsSelect(p, []term.Term{tab, one}) == term.NoValue {
					b.Fatal("select failed")
				}
			}
		})
		b.Run(kind+"/next", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				k := etsFirst(p, []term.Term{tab})
				for n := 0; n < 100; n++ {
					k = etsNext(p, []term.Term{tab, k})
				}
			}
		})
	}
}
