package term

import "sort"

// Maps are stored flat: a header, a tuple of keys sorted in map-key order
// (CompareExact), then the values in the same order. Updates that keep the
// key set share the keys tuple.

// MapKeysValues returns a map's keys and values in map-key order. The
// slices alias the heap.
func (h *Heap) MapKeysValues(m Term) (keys, vals []Term) {
	w := h.at(m)
	n := w[0].headerArity() - 1
	return h.TupleElems(w[1]), w[2 : 2+n]
}

// MapSize returns the number of keys of a map.
func (h *Heap) MapSize(m Term) int { return h.header(m).headerArity() - 1 }

// mapWithKeys allocates a map over an existing keys tuple.
func (h *Heap) mapWithKeys(keys Term, vals []Term) Term {
	i := h.alloc(2 + len(vals))
	h.words[i] = makeHeader(subMap, 1+len(vals))
	h.words[i+1] = keys
	copy(h.words[i+2:], vals)
	return heapPtr(primaryBoxed, i)
}

// EmptyMap allocates #{}.
func (h *Heap) EmptyMap() Term { return h.mapWithKeys(h.Tuple(), nil) }

// mapFind returns the position of key k, or -(insertion point)-1.
func (h *Heap) mapFind(keys []Term, k Term) int {
	lo, hi := 0, len(keys)
	for lo < hi {
		mid := (lo + hi) / 2
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
	keys, vals := h.MapKeysValues(m)
	if i := h.mapFind(keys, k); i >= 0 {
		return vals[i], true
	}
	return NoValue, false
}

// MapFromPairs builds a map from keys and values in any order; a later
// duplicate key wins, as in #{K => V, K => W}.
func (h *Heap) MapFromPairs(keys, vals []Term) Term {
	ks, vs := h.sortPairs(keys, vals)
	return h.mapWithKeys(h.Tuple(ks...), vs)
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

// MapPut returns m with the given keys set (added or replaced). The new
// keys are sorted and merged into m's in one pass: O(n + k log k).
func (h *Heap) MapPut(m Term, keys, vals []Term) Term {
	mk, mv := h.MapKeysValues(m)
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
	return h.mapWithKeys(h.Tuple(ks...), vs)
}

// MapUpdate returns m with existing keys given new values; ok is false (and
// bad names the key) when a key is missing.
func (h *Heap) MapUpdate(m Term, keys, vals []Term) (r Term, bad Term) {
	w := h.at(m)
	keysTuple := w[1]
	mk, mv := h.MapKeysValues(m)
	nv := append([]Term(nil), mv...)
	for i, k := range keys {
		p := h.mapFind(mk, k)
		if p < 0 {
			return NoValue, k
		}
		nv[p] = vals[i]
	}
	return h.mapWithKeys(keysTuple, nv), NoValue
}

// MapRemove returns m without key k.
func (h *Heap) MapRemove(m, k Term) Term {
	mk, mv := h.MapKeysValues(m)
	p := h.mapFind(mk, k)
	if p < 0 {
		return m
	}
	ks := append(append([]Term(nil), mk[:p]...), mk[p+1:]...)
	vs := append(append([]Term(nil), mv[:p]...), mv[p+1:]...)
	return h.mapWithKeys(h.Tuple(ks...), vs)
}
