package term

import (
	"math/big"
	"testing"
)

func TestPredefinedAtoms(t *testing.T) {
	for i, name := range predefinedAtoms {
		if got := AtomName(AtomFromIndex(uint32(i))); got != name {
			t.Errorf("atom %d = %q, want %q", i, got, name)
		}
	}
	if AtomName(True) != "true" || AtomName(AtomUndefined) != "undefined" || AtomName(AtomNonode) != "nonode@nohost" {
		t.Fatal("predefined atom constants out of order")
	}
}

func TestSmallIntegers(t *testing.T) {
	for _, v := range []int64{0, 1, -1, MaxSmall, MinSmall, 12345, -98765} {
		if got := MakeSmall(v).Small(); got != v {
			t.Errorf("MakeSmall(%d).Small() = %d", v, got)
		}
	}
	h := NewHeap(0)
	for _, v := range []int64{MaxSmall + 1, MinSmall - 1, 1 << 62, -1 << 63, 1<<63 - 1} {
		x := h.Integer(v)
		if x.IsSmall() {
			t.Errorf("%d should be boxed", v)
		}
		if got, ok := h.Int64(x); !ok || got != v {
			t.Errorf("Int64(Integer(%d)) = %d, %v", v, got, ok)
		}
		if h.ToBig(x).Cmp(big.NewInt(v)) != 0 {
			t.Errorf("ToBig(%d) wrong", v)
		}
	}
}

func TestFormat(t *testing.T) {
	h := NewHeap(0)
	big1, _ := new(big.Int).SetString("-123456789012345678901234567890", 10)
	bin := h.MakeBinary([]byte{1, 2, 3})
	tests := []struct {
		t    Term
		want string
	}{
		{h.Tuple(MakeSmall(1), Atom("ok"), Nil), "{1,ok,[]}"},
		{h.List(MakeSmall(97), MakeSmall(98)), "[97,98]"},
		{h.ListTail([]Term{MakeSmall(1)}, MakeSmall(2)), "[1|2]"},
		{Atom("Hello world"), "'Hello world'"},
		{Atom("end"), "'end'"},
		{Atom("it's"), `'it\'s'`},
		{h.BigInt(big1), "-123456789012345678901234567890"},
		{bin, "<<1,2,3>>"},
		{h.SubBits(bin, 4, 12), "<<16,2:4>>"},
		{h.MapFromPairs([]Term{Atom("b"), MakeSmall(1), h.Float(1)}, []Term{MakeSmall(2), Atom("x"), Atom("y")}), "#{1 => x,1.0 => y,b => 2}"},
		{h.Tuple(), "{}"},
	}
	for _, tt := range tests {
		if got := h.Format(tt.t); got != tt.want {
			t.Errorf("Format = %s, want %s", got, tt.want)
		}
	}
	if got := h.FormatPrintable(h.List(MakeSmall('h'), MakeSmall('i'))); got != `"hi"` {
		t.Errorf("FormatPrintable = %s", got)
	}
}

func TestTermOrder(t *testing.T) {
	h := NewHeap(0)
	// One value of each type, in Erlang term order.
	ordered := []Term{
		MakeSmall(-5), h.Float(1.5), MakeSmall(2), Atom("a"), Atom("b"), h.Ref(1),
		h.ExportFun(Atom("m"), Atom("f"), 1), MakePort(1), MakePid(1), h.Tuple(MakeSmall(9)),
		h.Tuple(MakeSmall(1), MakeSmall(2)), h.EmptyMap(), Nil, h.List(MakeSmall(1)),
		h.MakeBinary([]byte("a")), h.MakeBinary([]byte("ab")),
	}
	for i := range ordered {
		for j := range ordered {
			want := cmpInt(int64(i), int64(j))
			if got := h.Compare(ordered[i], ordered[j]); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", h.Format(ordered[i]), h.Format(ordered[j]), got, want)
			}
		}
	}
	if !h.Equal(MakeSmall(1), h.Float(1)) || h.ExactEqual(MakeSmall(1), h.Float(1)) {
		t.Error("1 == 1.0 must hold and 1 =:= 1.0 must not")
	}
	if h.CompareExact(MakeSmall(2), h.Float(1)) >= 0 {
		t.Error("in map-key order every integer is below every float")
	}
}

func TestCollectKeepsRootsAndDropsGarbage(t *testing.T) {
	h := NewHeap(16)
	keep := h.Tuple(h.List(MakeSmall(1), MakeSmall(2)), h.MakeBinary([]byte("bin")), h.Float(2.5))
	for i := 0; i < 1000; i++ {
		h.Tuple(MakeSmall(int64(i)), h.MakeBinary([]byte("garbage")))
	}
	before := h.Format(keep)
	roots := []Term{keep, Atom("x"), keep}
	h.Collect(0, roots)
	if got := h.Format(roots[0]); got != before {
		t.Fatalf("after GC %s, want %s", got, before)
	}
	if roots[0] != roots[2] {
		t.Error("shared object duplicated by the collector")
	}
	if h.Used() != 4+2*2+3+2 || len(h.off) != 1 {
		t.Errorf("heap holds %d words and %d binaries after GC", h.Used(), len(h.off))
	}
}

func TestCopyAndLiterals(t *testing.T) {
	lit := NewHeap(0)
	lt := lit.Tuple(Atom("lit"), lit.MakeBinary([]byte("shared")))
	lt = RegisterLiteralArea(lit, []Term{lt})[0]
	if !lt.IsLiteral() {
		t.Fatal("literal root not re-pointed")
	}
	a := NewHeap(0)
	msg := a.Tuple(lt, a.List(MakeSmall(1), a.Float(0.5)))
	b := NewHeap(0)
	c := b.CopyFrom(a, msg)
	if b.Format(c) != a.Format(msg) || b.Format(c) != "{{lit,<<115,104,97,114,101,100>>},[1,0.5]}" {
		t.Fatalf("copy = %s", b.Format(c))
	}
	if b.TupleElems(c)[0] != lt {
		t.Error("literal part was copied")
	}
}
