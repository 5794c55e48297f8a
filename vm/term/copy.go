package term

// CopyFrom copies term t, which lives in heap src, into h and returns the
// copy. Literal parts are shared, not copied; binaries' bytes are shared.
// This is how a message moves between processes.
func (h *Heap) CopyFrom(src *Heap, t Term) Term {
	h.Reserve(src.Size(t))
	return h.copyTerm(src, t)
}

// Size returns the number of heap words a copy of t needs (literal parts
// are not counted).
func (h *Heap) Size(t Term) int {
	n := 0
	for {
		switch t & primaryMask {
		case primaryImmed, primaryHeader:
			return n
		}
		if t&literalBit != 0 {
			return n
		}
		if t&primaryMask == primaryList {
			w := h.at(t)
			n += 2 + h.Size(w[0])
			t = w[1]
			continue
		}
		w := h.at(t)
		hd := w[0]
		arity := hd.headerArity()
		n += 1 + arity
		if hd.headerSubtag().rawPayload() {
			return n
		}
		if arity == 0 {
			return n
		}
		for _, e := range w[1:arity] {
			n += h.Size(e)
		}
		t = w[arity]
	}
}

func (h *Heap) copyTerm(src *Heap, t Term) Term {
	switch t & primaryMask {
	case primaryImmed, primaryHeader:
		return t
	}
	if t&literalBit != 0 {
		return t
	}
	if t&primaryMask == primaryList {
		// Copy the spine iteratively so long lists do not recurse deeply.
		first := NoValue
		prev := -1
		for t.IsCons() && t&literalBit == 0 {
			w := src.at(t)
			hd, tl := w[0], w[1]
			i := h.alloc(2)
			h.words[i] = h.copyTerm(src, hd)
			cell := heapPtr(primaryList, i)
			if prev < 0 {
				first = cell
			} else {
				h.words[prev+1] = cell
			}
			prev = i
			t = tl
		}
		h.words[prev+1] = h.copyTerm(src, t)
		return first
	}
	w := src.at(t)
	hd := w[0]
	arity := hd.headerArity()
	s := hd.headerSubtag()
	i := h.alloc(1 + arity)
	h.words[i] = hd
	if s == subProcBin {
		b := src.off[w[1]]
		b.appendable = false // now shared with another heap
		h.words[i+1] = Term(len(h.off))
		h.words[i+2] = w[2]
		h.off = append(h.off, b)
		return heapPtr(primaryBoxed, i)
	}
	if s.rawPayload() {
		copy(h.words[i+1:i+1+arity], w[1:1+arity])
		return heapPtr(primaryBoxed, i)
	}
	for k := 1; k <= arity; k++ {
		e := w[k] // read from a copy: src may be h itself only in tests
		h.words[i+k] = h.copyTerm(src, e)
	}
	return heapPtr(primaryBoxed, i)
}
