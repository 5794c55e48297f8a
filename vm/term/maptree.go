package term

// Maps of more than mapFlatMax keys are persistent B-trees in the heap.
//
// A node is a tuple of 2n words: n keys in map-key order, then n payloads:
// values in a leaf (height 0), child nodes above. In an inner node, key i is
// at most every key under child i and, for i > 0, above every key under
// child i-1; that makes siblings concatenable when they are joined. Nodes are
// immutable once built: an update copies the nodes on one root-to-leaf path
// and shares the rest, between versions of a map and with literal areas.
// Nodes are plain tuples to the collector and the copier (which need no
// special case) and are never visible to Erlang code.
//
// The root object is: map header, size, height, root node.

const (
	treeMax  = 16              // most entries in a node
	treeMin  = treeMax / 4     // a smaller node is joined with a sibling
	treeFill = treeMax * 3 / 4 // entries per node when built in bulk, leaving room to grow
)

// treeChange says what an update did under a node.
type treeChange uint8

const (
	treeSame     treeChange = iota // nothing: the key already had that value
	treeReplaced                   // a key got a new value
	treeAdded                      // a key was added
	treeMissing                    // an update of a key that is not there
)

// treeMap allocates a tree map's root object.
func (h *Heap) treeMap(size, height int, root Term) Term {
	i := h.alloc(4)
	h.words[i] = makeHeader(subMap, 3)
	h.words[i+1] = MakeSmall(int64(size))
	h.words[i+2] = MakeSmall(int64(height))
	h.words[i+3] = root
	return heapPtr(primaryBoxed, i)
}

// treeRoot returns a tree map's size, height and root node.
func (h *Heap) treeRoot(m Term) (size, height int, root Term) {
	w := h.at(m)
	return int(w[1].Small()), int(w[2].Small()), w[3]
}

// treeNode allocates a node holding the given entries. keys and pays must
// not alias the heap.
func (h *Heap) treeNode(keys, pays []Term) Term {
	n := len(keys)
	i := h.alloc(1 + 2*n)
	h.words[i] = makeHeader(subTuple, 2*n)
	copy(h.words[i+1:], keys)
	copy(h.words[i+1+n:], pays)
	return heapPtr(primaryBoxed, i)
}

// treeSplit allocates the entries as one node, or as two halves when they
// are too many for one.
func (h *Heap) treeSplit(keys, pays []Term) (a, b Term) {
	if len(keys) <= treeMax {
		return h.treeNode(keys, pays), NoValue
	}
	m := len(keys) / 2
	return h.treeNode(keys[:m], pays[:m]), h.treeNode(keys[m:], pays[m:])
}

// treeFirstKey returns a node's first key, a lower bound of its keys.
func (h *Heap) treeFirstKey(node Term) Term { return h.at(node)[1] }

// treeRoute returns which child of an inner node with these keys may hold
// k: the last whose key is at most k, or the first.
func (h *Heap) treeRoute(keys []Term, k Term) int {
	lo, hi := 1, len(keys)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if h.CompareExact(keys[mid], k) <= 0 {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo - 1
}

// treeGet looks k up in the tree map object w.
func (h *Heap) treeGet(w []Term, k Term) (Term, bool) {
	height, node := int(w[2].Small()), w[3]
	for ; height > 0; height-- {
		e := h.TupleElems(node)
		n := len(e) / 2
		node = e[n+h.treeRoute(e[:n], k)]
	}
	e := h.TupleElems(node)
	n := len(e) / 2
	if i := h.mapFind(e[:n], k); i >= 0 {
		return e[n+i], true
	}
	return NoValue, false
}

// treeEntries returns the keys and values of tree map object w in order.
func (h *Heap) treeEntries(w []Term) (keys, vals []Term) {
	size := int(w[1].Small())
	return h.treeAppend(w[3], int(w[2].Small()), make([]Term, 0, size), make([]Term, 0, size))
}

func (h *Heap) treeAppend(node Term, height int, keys, vals []Term) ([]Term, []Term) {
	e := h.TupleElems(node)
	n := len(e) / 2
	if height == 0 {
		return append(keys, e[:n]...), append(vals, e[n:]...)
	}
	for _, c := range e[n:] {
		keys, vals = h.treeAppend(c, height-1, keys, vals)
	}
	return keys, vals
}

// treeBuild allocates a tree map of more than treeMax keys, sorted in
// map-key order without duplicates, bottom-up in O(n).
func (h *Heap) treeBuild(keys, vals []Term) Term {
	ks, ps := keys, vals
	for height := 0; ; height++ {
		c := 1
		if len(ks) > treeMax {
			c = (len(ks) + treeFill - 1) / treeFill
		}
		nk, np := make([]Term, c), make([]Term, c)
		for j := range c {
			lo, hi := j*len(ks)/c, (j+1)*len(ks)/c
			nk[j], np[j] = ks[lo], h.treeNode(ks[lo:hi], ps[lo:hi])
		}
		if c == 1 {
			return h.treeMap(len(keys), height, np[0])
		}
		ks, ps = nk, np
	}
}

// treePut sets k to v under node, or with mustExist only replaces an
// existing key's value. The result is one node, or two when it split.
func (h *Heap) treePut(node Term, height int, k, v Term, mustExist bool) (a, b Term, ch treeChange) {
	// Work on copies: allocation may move the heap under e.
	var ks, ps [treeMax + 1]Term
	e := h.TupleElems(node)
	n := len(e) / 2
	copy(ks[:], e[:n])
	copy(ps[:], e[n:])
	if height == 0 {
		i := h.mapFind(ks[:n], k)
		switch {
		case i >= 0 && ps[i] == v:
			return node, NoValue, treeSame
		case i >= 0:
			ps[i] = v
			return h.treeNode(ks[:n], ps[:n]), NoValue, treeReplaced
		case mustExist:
			return node, NoValue, treeMissing
		}
		i = -i - 1
		copy(ks[i+1:n+1], ks[i:n])
		copy(ps[i+1:n+1], ps[i:n])
		ks[i], ps[i] = k, v
		a, b = h.treeSplit(ks[:n+1], ps[:n+1])
		return a, b, treeAdded
	}
	i := h.treeRoute(ks[:n], k)
	ca, cb, ch := h.treePut(ps[i], height-1, k, v, mustExist)
	if ch == treeSame || ch == treeMissing {
		return node, NoValue, ch
	}
	if i == 0 && ch == treeAdded && h.CompareExact(k, ks[0]) < 0 {
		ks[0] = k // keep key 0 a lower bound of child 0
	}
	ps[i] = ca
	if cb == NoValue {
		return h.treeNode(ks[:n], ps[:n]), NoValue, ch
	}
	copy(ks[i+2:n+1], ks[i+1:n])
	copy(ps[i+2:n+1], ps[i+1:n])
	ks[i+1], ps[i+1] = h.treeFirstKey(cb), cb
	a, b = h.treeSplit(ks[:n+1], ps[:n+1])
	return a, b, ch
}

// treeSetAll sets the keys of tree map m one by one; with mustExist it
// fails on the first missing key, returning it as bad.
func (h *Heap) treeSetAll(m Term, keys, vals []Term, mustExist bool) (r, bad Term) {
	size, height, root := h.treeRoot(m)
	changed := false
	for j, k := range keys {
		a, b, ch := h.treePut(root, height, k, vals[j], mustExist)
		switch ch {
		case treeSame:
			continue
		case treeMissing:
			return NoValue, k
		case treeAdded:
			size++
		}
		changed = true
		root = a
		if b != NoValue {
			ka, kb := h.treeFirstKey(a), h.treeFirstKey(b)
			root = h.treeNode([]Term{ka, kb}, []Term{a, b})
			height++
		}
	}
	if !changed {
		return m, NoValue
	}
	return h.treeMap(size, height, root), NoValue
}

// treeRemove deletes k under node. The result may have no entries
// (NoValue) or fewer than treeMin, for the parent to fix.
func (h *Heap) treeRemove(node Term, height int, k Term) (Term, bool) {
	var ks, ps [treeMax]Term
	e := h.TupleElems(node)
	n := len(e) / 2
	copy(ks[:], e[:n])
	copy(ps[:], e[n:])
	if height == 0 {
		i := h.mapFind(ks[:n], k)
		if i < 0 {
			return node, false
		}
		return h.treeDelete(ks[:n], ps[:n], i), true
	}
	i := h.treeRoute(ks[:n], k)
	c, ok := h.treeRemove(ps[i], height-1, k)
	switch {
	case !ok:
		return node, false
	case c == NoValue:
		return h.treeDelete(ks[:n], ps[:n], i), true
	case n > 1 && h.TupleSize(c) < 2*treeMin:
		// Join the child with a neighbour, split evenly if too big.
		l := i
		if i == n-1 {
			l = i - 1
		}
		ps[i] = c
		var jk, jp [2 * treeMax]Term
		le := h.TupleElems(ps[l])
		ln := len(le) / 2
		copy(jk[:], le[:ln])
		copy(jp[:], le[ln:])
		re := h.TupleElems(ps[l+1])
		rn := len(re) / 2
		copy(jk[ln:], re[:rn])
		copy(jp[ln:], re[rn:])
		a, b := h.treeSplit(jk[:ln+rn], jp[:ln+rn])
		ps[l] = a
		if b == NoValue {
			return h.treeDelete(ks[:n], ps[:n], l+1), true
		}
		ks[l+1], ps[l+1] = h.treeFirstKey(b), b
		return h.treeNode(ks[:n], ps[:n]), true
	default:
		ps[i] = c
		return h.treeNode(ks[:n], ps[:n]), true
	}
}

// treeDelete allocates the entries without entry i (NoValue if none are
// left); keys and pays are scratch.
func (h *Heap) treeDelete(keys, pays []Term, i int) Term {
	n := len(keys)
	if n == 1 {
		return NoValue
	}
	copy(keys[i:], keys[i+1:])
	copy(pays[i:], pays[i+1:])
	return h.treeNode(keys[:n-1], pays[:n-1])
}

// treeRemoveKey returns tree map m without key k, flat again when it is
// small enough.
func (h *Heap) treeRemoveKey(m, k Term) Term {
	size, height, root := h.treeRoot(m)
	r, ok := h.treeRemove(root, height, k)
	if !ok {
		return m
	}
	size--
	if size <= mapFlatMax {
		keys, vals := h.treeAppend(r, height, make([]Term, 0, size), make([]Term, 0, size))
		return h.mapWithKeys(h.Tuple(keys...), vals)
	}
	for height > 0 && h.TupleSize(r) == 2 {
		r = h.TupleElems(r)[1]
		height--
	}
	return h.treeMap(size, height, r)
}
