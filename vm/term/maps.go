package term

import "sort"

// Maps have two layouts, told apart by the word after the header:
//
//   - flat (at most mapFlatMax keys): header, a tuple of the keys sorted in
//     map-key order (CompareExact), then the values in the same order.
//     Updates that keep the key set share the keys tuple.
//   - tree (more keys): header, size (small), height (small), root node of a
//     persistent B-tree ordered by map-key order (see maptree.go). Updates
//     copy one root-to-leaf path and share the rest, so they cost O(log n)
//     time and words instead of a copy of the whole map.
//
// Every constructor picks the layout from the size alone, so equal maps have
// the same layout; both iterate in map-key order, which is what printing,
// comparison, maps:to_list and the external format use.

// mapFlatMax is the most keys a flat map holds; OTP too switches layouts
// (to a hash trie) above 32 keys.
const mapFlatMax = 32

// isTreeMap reports whether map object w (from h.at) has the tree layout.
func isTreeMap(w []Term) bool { return w[1].IsSmall() }

// MapKeysValues returns a map's keys and values in map-key order. For a
// flat map the slices alias the heap; for a larger one they are fresh.
func (h *Heap) MapKeysValues(m Term) (keys, vals []Term) {
	w := h.at(m)
	if isTreeMap(w) {
		return h.treeEntries(w)
	}
	n := w[0].headerArity() - 1
	return h.TupleElems(w[1]), w[2 : 2+n]
}

// MapSize returns the number of keys of a map.
func (h *Heap) MapSize(m Term) int {
	w := h.at(m)
	if isTreeMap(w) {
		return int(w[1].Small())
	}
	return w[0].headerArity() - 1
}

// mapWithKeys allocates a flat map over an existing keys tuple.
func (h *Heap) mapWithKeys(keys Term, vals []Term) Term {
	i := h.alloc(2 + len(vals))
	h.words[i] = makeHeader(subMap, 1+len(vals))
	h.words[i+1] = keys
	copy(h.words[i+2:], vals)
	return heapPtr(primaryBoxed, i)
}

// mapFromSorted allocates a map of keys sorted in map-key order without
// duplicates, in the layout its size calls for.
func (h *Heap) mapFromSorted(keys, vals []Term) Term {
	if len(keys) > mapFlatMax {
		return h.treeBuild(keys, vals)
	}
	return h.mapWithKeys(h.Tuple(keys...), vals)
}

// EmptyMap allocates #{}.
func (h *Heap) EmptyMap() Term { return h.mapWithKeys(h.Tuple(), nil) }

// mapFind returns the position of key k, or -(insertion point)-1.
func (h *Heap) mapFind(keys []Term, k Term) int {
	lo, hi := 0, len(keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		c := h.CompareExact(keys[mid], k)
		if c == 0 {
			return mid
		}
		if c < 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return -lo - 1
}

// MapGet looks key k up in map m.
func (h *Heap) MapGet(m, k Term) (Term, bool) {
	w := h.at(m)
	if isTreeMap(w) {
		return h.treeGet(w, k)
	}
	if i := h.mapFind(h.TupleElems(w[1]), k); i >= 0 {
		return w[2+i], true
	}
	return NoValue, false
}

// MapFromPairs builds a map from keys and values in any order; a later
// duplicate key wins, as in #{K => V, K => W}.
func (h *Heap) MapFromPairs(keys, vals []Term) Term {
	ks, vs := h.sortPairs(keys, vals)
	return h.mapFromSorted(ks, vs)
}

// sortPairs returns the pairs sorted by key in map-key order, a later
// duplicate key winning.
func (h *Heap) sortPairs(keys, vals []Term) (ks, vs []Term) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return h.CompareExact(keys[idx[a]], keys[idx[b]]) < 0 })
	ks = make([]Term, 0, len(keys))
	vs = make([]Term, 0, len(keys))
	for _, i := range idx {
		if n := len(ks); n > 0 && h.CompareExact(ks[n-1], keys[i]) == 0 {
			vs[n-1] = vals[i]
			continue
		}
		ks = append(ks, keys[i])
		vs = append(vs, vals[i])
	}
	return ks, vs
}

// MapPut returns m with the given keys set (added or replaced), a later
// duplicate key winning.
func (h *Heap) MapPut(m Term, keys, vals []Term) Term {
	w := h.at(m)
	if isTreeMap(w) {
		// A few keys go into the tree one by one, O(k log n); many are
		// cheaper merged into a rebuilt tree, O(n + k log k).
		if len(keys)*16 <= int(w[1].Small()) {
			r, _ := h.treeSetAll(m, keys, vals, false)
			return r
		}
		return h.mapMerge(m, keys, vals)
	}
	mk := h.TupleElems(w[1])
	// Fast path: every key exists, so the keys tuple is shared.
	allExist := true
	for _, k := range keys {
		if h.mapFind(mk, k) < 0 {
			allExist = false
			break
		}
	}
	if allExist {
		r, _ := h.MapUpdate(m, keys, vals)
		return r
	}
	return h.mapMerge(m, keys, vals)
}

// mapMerge returns m with the given keys set: the new pairs are sorted and
// merged with m's in one pass, O(n + k log k).
func (h *Heap) mapMerge(m Term, keys, vals []Term) Term {
	mk, mv := h.MapKeysValues(m)
	// Sort the new pairs (a later duplicate wins), then merge.
	nk, nv := h.sortPairs(keys, vals)
	ks := make([]Term, 0, len(mk)+len(nk))
	vs := make([]Term, 0, len(mk)+len(nk))
	i, j := 0, 0
	for i < len(mk) || j < len(nk) {
		switch {
		case j == len(nk):
			ks, vs = append(ks, mk[i]), append(vs, mv[i])
			i++
		case i == len(mk):
			ks, vs = append(ks, nk[j]), append(vs, nv[j])
			j++
		default:
			switch c := h.CompareExact(mk[i], nk[j]); {
			case c < 0:
				ks, vs = append(ks, mk[i]), append(vs, mv[i])
				i++
			case c > 0:
				ks, vs = append(ks, nk[j]), append(vs, nv[j])
				j++
			default:
				ks, vs = append(ks, nk[j]), append(vs, nv[j])
				i++
				j++
			}
		}
	}
	return h.mapFromSorted(ks, vs)
}

// MapUpdate returns m with existing keys given new values; ok is false (and
// bad names the key) when a key is missing.
func (h *Heap) MapUpdate(m Term, keys, vals []Term) (r Term, bad Term) {
	w := h.at(m)
	if isTreeMap(w) {
		return h.treeSetAll(m, keys, vals, true)
	}
	// Find every position before allocating: allocation moves the heap.
	var small [8]int
	pos := small[:0]
	mk := h.TupleElems(w[1])
	for _, k := range keys {
		p := h.mapFind(mk, k)
		if p < 0 {
			return NoValue, k
		}
		pos = append(pos, p)
	}
	n := len(mk)
	i := h.alloc(2 + n)
	w = h.at(m)
	h.words[i] = w[0]
	copy(h.words[i+1:i+2+n], w[1:2+n])
	for j, p := range pos {
		h.words[i+2+p] = vals[j]
	}
	return heapPtr(primaryBoxed, i), NoValue
}

// MapRemove returns m without key k.
func (h *Heap) MapRemove(m, k Term) Term {
	w := h.at(m)
	if isTreeMap(w) {
		return h.treeRemoveKey(m, k)
	}
	mk, mv := h.MapKeysValues(m)
	p := h.mapFind(mk, k)
	if p < 0 {
		return m
	}
	ks := append(append([]Term(nil), mk[:p]...), mk[p+1:]...)
	vs := append(append([]Term(nil), mv[:p]...), mv[p+1:]...)
	return h.mapWithKeys(h.Tuple(ks...), vs)
}
