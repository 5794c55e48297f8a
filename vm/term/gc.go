package term

// Collect is a stop-the-process copying (Cheney) collection of h. roots are
// every place outside the heap that holds terms of h (x registers, the
// stack, the process dictionary…); they are updated in place. need is the
// number of words the caller wants free afterwards. Literal terms are left
// where they are; off-heap binaries that are no longer referenced are
// dropped from h's table, for Go's collector to free.
func (h *Heap) Collect(need int, roots ...[]Term) {
	live := 0
	for _, r := range roots {
		live += len(r)
	}
	size := 2*len(h.words) + need
	if min := 64 + need; size < min {
		size = min
	}
	to := &Heap{words: make([]Term, 0, size)}
	fwd := func(t Term) Term { return h.evacuate(to, t) }
	for _, r := range roots {
		for i, t := range r {
			r[i] = fwd(t)
		}
	}
	// Scan the to-space, evacuating what the copied objects point to.
	for scan := 0; scan < len(to.words); {
		w := to.words[scan]
		if w.isHeader() {
			arity := w.headerArity()
			if w.headerSubtag().rawPayload() {
				scan += 1 + arity
				continue
			}
			scan++
			continue
		}
		to.words[scan] = fwd(w)
		scan++
	}
	// Shrink when mostly garbage, keeping room to grow.
	used := len(to.words)
	if want := 2*used + need + 64; want < cap(to.words)/2 {
		w := make([]Term, used, want)
		copy(w, to.words)
		to.words = w
	}
	h.words, h.off = to.words, to.off
}

// evacuate copies one object of h (not its children) into to, leaving a
// forwarding pointer behind, and returns its new address.
func (h *Heap) evacuate(to *Heap, t Term) Term {
	p := t & primaryMask
	if p == primaryImmed || p == primaryHeader || t&literalBit != 0 {
		return t
	}
	idx := int(t >> 3)
	if p == primaryList {
		if h.words[idx] == NoValue { // forwarded cons: [NoValue, new]
			return h.words[idx+1]
		}
		i := to.alloc(2)
		to.words[i] = h.words[idx]
		to.words[i+1] = h.words[idx+1]
		nt := heapPtr(primaryList, i)
		h.words[idx] = NoValue
		h.words[idx+1] = nt
		return nt
	}
	hd := h.words[idx]
	if hd&primaryMask == primaryBoxed { // forwarded box
		return hd
	}
	arity := hd.headerArity()
	i := to.alloc(1 + arity)
	copy(to.words[i:i+1+arity], h.words[idx:idx+1+arity])
	if hd.headerSubtag() == subProcBin {
		to.words[i+1] = Term(len(to.off))
		to.off = append(to.off, h.off[h.words[idx+1]])
	}
	nt := heapPtr(primaryBoxed, i)
	h.words[idx] = nt
	return nt
}
