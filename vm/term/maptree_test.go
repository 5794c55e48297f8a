package term

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// mapModel drives a map through operations and checks it, and the older
// versions it keeps, against a Go map after each one.
type mapModel struct {
	t     testing.TB
	h     *Heap
	keys  []Term // the key universe (a GC root)
	order []int  // key indexes in map-key order
	m     Term
	ref   map[int]int64
	snaps []mapSnap

	maxHeight int // the tallest tree seen, to know the test reached deep trees
	checks    int
}

type mapSnap struct {
	m   Term
	ref map[int]int64
}

// newMapModel makes a universe of keys of every kind that sorts in
// interesting ways: 1 and 1.0 are different keys.
func newMapModel(t testing.TB) *mapModel {
	h := NewHeap(0)
	var keys []Term
	for i := -40; i < 300; i++ {
		keys = append(keys, MakeSmall(int64(i)))
	}
	for i := range 40 {
		keys = append(keys, h.Float(float64(i)/2))
	}
	for i := range 30 {
		keys = append(keys, Atom("k"+string(rune('a'+i%26))+string(rune('a'+i/26))))
	}
	for i := range 20 {
		keys = append(keys, h.Tuple(MakeSmall(int64(i%5)), Atom("t"), h.Float(float64(i))))
	}
	for i := range 10 {
		keys = append(keys, h.Integer(int64(1)<<62-int64(i)), h.MakeBinary([]byte{byte(i), 'b'}))
	}
	keys = append(keys, Nil, h.List(MakeSmall(1)), h.EmptyMap(), h.MapFromPairs([]Term{MakeSmall(1)}, []Term{MakeSmall(2)}))
	md := &mapModel{t: t, h: h, keys: keys, ref: map[int]int64{}}
	md.order = make([]int, len(keys))
	for i := range md.order {
		md.order[i] = i
	}
	slices.SortFunc(md.order, func(a, b int) int { return h.CompareExact(keys[a], keys[b]) })
	for i := 1; i < len(md.order); i++ {
		if h.CompareExact(keys[md.order[i-1]], keys[md.order[i]]) == 0 {
			t.Fatalf("duplicate key in universe: %s", h.Format(keys[md.order[i]]))
		}
	}
	md.m = h.EmptyMap()
	return md
}

// step applies one operation chosen by op to the current map.
func (md *mapModel) step(op, a, b byte) {
	h := md.h
	k := (int(a)<<8 | int(b)) % len(md.keys)
	v := int64(a) * int64(b) % 97
	switch op % 10 {
	case 0, 1, 2:
		md.m = h.MapPut(md.m, []Term{md.keys[k]}, []Term{MakeSmall(v)})
		md.ref = cloneRef(md.ref)
		md.ref[k] = v
	case 3, 4:
		md.m = h.MapRemove(md.m, md.keys[k])
		md.ref = cloneRef(md.ref)
		delete(md.ref, k)
	case 5:
		r, bad := h.MapUpdate(md.m, []Term{md.keys[k]}, []Term{MakeSmall(v + 1)})
		if _, ok := md.ref[k]; !ok {
			if r != NoValue || bad != md.keys[k] {
				md.t.Fatalf("update of missing key %s: got %s, bad %v", h.Format(md.keys[k]), h.Format(r), bad)
			}
			return
		}
		md.m = r
		md.ref = cloneRef(md.ref)
		md.ref[k] = v + 1
	case 6:
		// Several keys at once, some repeated (the later one wins): a
		// few go in one by one, many are merged.
		n := int(b)%70 + 2
		ks, vs := make([]Term, n), make([]Term, n)
		md.ref = cloneRef(md.ref)
		for j := range n {
			kj := (k + j*j) % len(md.keys)
			ks[j], vs[j] = md.keys[kj], MakeSmall(int64(j))
			md.ref[kj] = int64(j)
		}
		md.m = h.MapPut(md.m, ks, vs)
	case 7:
		md.snaps = append(md.snaps, mapSnap{md.m, md.ref})
		if len(md.snaps) > 4 {
			md.snaps = md.snaps[1:]
		}
	case 8:
		md.collect()
	case 9:
		// A copy to another heap and back is an equal map.
		h2 := NewHeap(0)
		c := h2.CopyFrom(h, md.m)
		back := h.CopyFrom(h2, c)
		if !h.ExactEqual(back, md.m) || h.Compare(back, md.m) != 0 || h2.Format(c) != h.Format(md.m) {
			md.t.Fatalf("copy differs: %s", h2.Format(c))
		}
		md.m = back
	}
	md.check(md.m, md.ref)
}

func cloneRef(r map[int]int64) map[int]int64 {
	c := make(map[int]int64, len(r))
	for k, v := range r {
		c[k] = v
	}
	return c
}

// collect runs the collector with the universe, the map and the snapshots
// as roots, then checks the snapshots survived.
func (md *mapModel) collect() {
	roots := []Term{md.m}
	for _, s := range md.snaps {
		roots = append(roots, s.m)
	}
	md.h.Collect(0, md.keys, roots)
	md.m = roots[0]
	for i := range md.snaps {
		md.snaps[i].m = roots[1+i]
		md.check(md.snaps[i].m, md.snaps[i].ref)
	}
}

// check compares map m with ref and checks the layout's invariants.
func (md *mapModel) check(m Term, ref map[int]int64) {
	t, h := md.t, md.h
	t.Helper()
	if !h.IsMap(m) {
		t.Fatalf("not a map: %s", h.Format(m))
	}
	if got := h.MapSize(m); got != len(ref) {
		t.Fatalf("size %d, want %d", got, len(ref))
	}
	w := h.at(m)
	if isTreeMap(w) != (len(ref) > mapFlatMax) {
		t.Fatalf("size %d in the wrong layout (tree %v)", len(ref), isTreeMap(w))
	}
	if isTreeMap(w) {
		height := int(w[2].Small())
		md.maxHeight = max(md.maxHeight, height)
		if n := md.checkNode(w[3], height, NoValue, NoValue, true); n != len(ref) {
			t.Fatalf("tree holds %d entries, size says %d", n, len(ref))
		}
	}
	keys, vals := h.MapKeysValues(m)
	j := 0
	md.checks++
	for _, i := range md.order {
		want, in := ref[i]
		if !in && (i+md.checks)%8 != 0 {
			continue // an eighth of the absent keys at a time is enough
		}
		got, ok := h.MapGet(m, md.keys[i])
		if ok != in || ok && got != MakeSmall(want) {
			t.Fatalf("get %s = %v %v, want %v %v", h.Format(md.keys[i]), got, ok, want, in)
		}
		if !in {
			continue
		}
		if !h.ExactEqual(keys[j], md.keys[i]) || vals[j] != MakeSmall(want) {
			t.Fatalf("entry %d is %s => %s, want %s => %d", j, h.Format(keys[j]), h.Format(vals[j]), h.Format(md.keys[i]), want)
		}
		j++
	}
}

// checkNode checks that a subtree is balanced, sorted, within its bounds
// (lo <= keys < hi), neither overfull nor (below the root) underfull, and
// returns its entry count.
func (md *mapModel) checkNode(node Term, height int, lo, hi Term, root bool) int {
	t, h := md.t, md.h
	e := h.TupleElems(node)
	n := len(e) / 2
	if n == 0 || n > treeMax || len(e)%2 != 0 {
		t.Fatalf("node of %d words", len(e))
	}
	if !root && n < treeMin {
		t.Fatalf("node of %d entries below the root", n)
	}
	for i := range n {
		if lo != NoValue && h.CompareExact(e[i], lo) < 0 || hi != NoValue && h.CompareExact(e[i], hi) >= 0 {
			t.Fatalf("key %s out of its node's bounds", h.Format(e[i]))
		}
		if i > 0 && h.CompareExact(e[i-1], e[i]) >= 0 {
			t.Fatalf("keys out of order in a node")
		}
	}
	if height == 0 {
		return n
	}
	total := 0
	for i := range n {
		end := hi
		if i+1 < n {
			end = e[i+1]
		}
		total += md.checkNode(e[n+i], height-1, e[i], end, false)
		e = h.TupleElems(node)
	}
	return total
}

func TestMapRandomOperations(t *testing.T) {
	for seed := range uint64(3) {
		md := newMapModel(t)
		r := rand.New(rand.NewPCG(seed, 7))
		for range 3000 {
			// Phases of mostly puts then mostly removes cross the flat/tree
			// boundary in both directions.
			op := byte(r.IntN(10))
			if (r.IntN(600)/300)%2 == 1 && op < 3 {
				op += 3
			}
			md.step(op, byte(r.IntN(256)), byte(r.IntN(256)))
		}
		if md.maxHeight < 2 {
			t.Errorf("seed %d: trees only reached height %d", seed, md.maxHeight)
		}
	}
}

func TestMapBoundary(t *testing.T) {
	md := newMapModel(t)
	// Walk back and forth over 32/33 keys.
	for round := range 5 {
		for i := range mapFlatMax + 3 {
			md.step(0, 0, byte(i+round))
		}
		for i := range mapFlatMax + 3 {
			md.step(3, 0, byte(i+round))
		}
	}
}

func TestMapLargeTree(t *testing.T) {
	h := NewHeap(0)
	const n = 20000
	m := h.EmptyMap()
	perm := rand.New(rand.NewPCG(1, 2)).Perm(n)
	for _, i := range perm {
		m = h.MapPut(m, []Term{MakeSmall(int64(i))}, []Term{MakeSmall(int64(-i))})
	}
	roots := []Term{m}
	h.Collect(0, roots)
	m = roots[0]
	if h.MapSize(m) != n {
		t.Fatalf("size %d", h.MapSize(m))
	}
	keys, vals := h.MapKeysValues(m)
	for i := range n {
		if keys[i] != MakeSmall(int64(i)) || vals[i] != MakeSmall(int64(-i)) {
			t.Fatalf("entry %d: %s => %s", i, h.Format(keys[i]), h.Format(vals[i]))
		}
	}
	built := h.MapFromPairs(keys, vals)
	if !h.ExactEqual(built, m) {
		t.Fatal("map built in bulk differs from the map built by puts")
	}
	// The same keys with one value changed compare by that value.
	bigger, _ := h.MapUpdate(m, []Term{MakeSmall(n / 2)}, []Term{MakeSmall(1)})
	if h.Compare(m, bigger) != -1 || h.Compare(bigger, m) != 1 {
		t.Fatal("maps that differ in one value do not compare by it")
	}
	// Removing all but 32 keys in random order makes a flat map again.
	for _, i := range perm[:n-mapFlatMax] {
		m = h.MapRemove(m, MakeSmall(int64(i)))
	}
	if isTreeMap(h.at(m)) || h.MapSize(m) != mapFlatMax {
		t.Fatalf("after removals: size %d", h.MapSize(m))
	}
	for _, i := range perm[n-mapFlatMax:] {
		if v, ok := h.MapGet(m, MakeSmall(int64(i))); !ok || v != MakeSmall(int64(-i)) {
			t.Fatalf("key %d lost", i)
		}
	}
}

// TestMapLiteral updates a large map that lives in a literal area: the new
// versions share the literal nodes, survive collection and leave the
// literal intact.
func TestMapLiteral(t *testing.T) {
	lit := NewHeap(0)
	ks, vs := make([]Term, 300), make([]Term, 300)
	for i := range ks {
		ks[i], vs[i] = lit.Tuple(MakeSmall(int64(i))), MakeSmall(int64(i))
	}
	m := RegisterLiteralArea(lit, []Term{lit.MapFromPairs(ks, vs)})[0]
	h := NewHeap(0)
	key := func(i int) Term { return h.Tuple(MakeSmall(int64(i))) }
	m2 := h.MapPut(m, []Term{key(1000)}, []Term{Atom("new")})
	m2, _ = h.MapUpdate(m2, []Term{key(7)}, []Term{Atom("seven")})
	m2 = h.MapRemove(m2, key(8))
	if used := h.Used(); used > 200 {
		t.Errorf("three updates of a literal 300-key map took %d words", used)
	}
	roots := []Term{m2}
	h.Collect(0, roots)
	m2 = roots[0]
	for i, want := range map[int]Term{7: Atom("seven"), 9: MakeSmall(9), 1000: Atom("new"), 299: MakeSmall(299)} {
		if v, ok := h.MapGet(m2, key(i)); !ok || v != want {
			t.Errorf("key %d: %s, %v", i, h.Format(v), ok)
		}
	}
	if _, ok := h.MapGet(m2, key(8)); ok || h.MapSize(m2) != 300 {
		t.Errorf("removed key present or size %d", h.MapSize(m2))
	}
	if v, ok := h.MapGet(m, key(7)); !ok || v != MakeSmall(7) || h.MapSize(m) != 300 {
		t.Error("updating the literal map changed it")
	}
}

func TestMapCompareAcrossSizes(t *testing.T) {
	h := NewHeap(0)
	mk := func(n int, shift int64) Term {
		ks, vs := make([]Term, n), make([]Term, n)
		for i := range n {
			ks[i], vs[i] = MakeSmall(int64(i)+shift), MakeSmall(0)
		}
		return h.MapFromPairs(ks, vs)
	}
	// Smaller maps sort first; same size compares keys in order.
	if h.Compare(mk(32, 0), mk(33, 0)) != -1 || h.Compare(mk(100, 0), mk(40, 0)) != 1 {
		t.Fatal("maps do not sort by size first")
	}
	if h.Compare(mk(50, 0), mk(50, 1)) != -1 {
		t.Fatal("same-size maps do not compare keys in order")
	}
	// 1 and 1.0 are different keys but compare equal with ==.
	a := mk(40, 0)
	ks, vs := h.MapKeysValues(a)
	ks = slices.Clone(ks)
	vs = slices.Clone(vs)
	ks[1] = h.Float(1)
	b := h.MapFromPairs(ks, vs)
	if h.ExactEqual(a, b) || h.Compare(a, b) == 0 {
		t.Fatal("#{1 => _} and #{1.0 => _} are the same map")
	}
	if _, ok := h.MapGet(b, MakeSmall(1)); ok {
		t.Fatal("1 found in a map keyed by 1.0")
	}
}

// FuzzMapOperations runs operation sequences from the fuzzer's bytes.
func FuzzMapOperations(f *testing.F) {
	f.Add([]byte{0, 1, 2, 0, 3, 4, 6, 9, 200, 8, 0, 0})
	f.Add(slices.Repeat([]byte{6, 7, 40}, 30))
	f.Fuzz(func(t *testing.T, data []byte) {
		md := newMapModel(t)
		// Each step checks the whole map; long inputs add little but time.
		data = data[:min(len(data), 600)]
		for i := 0; i+2 < len(data); i += 3 {
			md.step(data[i], data[i+1], data[i+2])
		}
	})
}

// BenchmarkMapPutLarge builds a 2,000-key map with one put per key.
func BenchmarkMapPutLarge(b *testing.B) {
	h := NewHeap(0)
	for b.Loop() {
		m := h.EmptyMap()
		for i := range 2000 {
			m = h.MapPut(m, []Term{MakeSmall(int64(i))}, []Term{MakeSmall(int64(i))})
		}
		h.Collect(0)
	}
}

// BenchmarkMapGetLarge looks every key of a 2,000-key map up.
func BenchmarkMapGetLarge(b *testing.B) {
	h := NewHeap(0)
	ks, vs := make([]Term, 2000), make([]Term, 2000)
	for i := range ks {
		ks[i], vs[i] = MakeSmall(int64(i)), MakeSmall(int64(i))
	}
	m := h.MapFromPairs(ks, vs)
	for b.Loop() {
		for _, k := range ks {
			if _, ok := h.MapGet(m, k); !ok {
				b.Fatal("key lost")
			}
		}
	}
}

// BenchmarkMapRemoveLarge empties a 2,000-key map one key at a time.
func BenchmarkMapRemoveLarge(b *testing.B) {
	h := NewHeap(0)
	ks, vs := make([]Term, 2000), make([]Term, 2000)
	for i := range ks {
		ks[i], vs[i] = MakeSmall(int64(i)), MakeSmall(int64(i))
	}
	for b.Loop() {
		m := h.MapFromPairs(ks, vs)
		for _, k := range ks {
			m = h.MapRemove(m, k)
		}
		if h.MapSize(m) != 0 {
			b.Fatal("keys left")
		}
		h.Collect(0)
	}
}
