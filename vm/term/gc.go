package term

import (
	"math/bits"
	"sync"
)

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
	to := &Heap{words: getSpace(size)}
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
		w := getSpace(want)[:used]
		copy(w, to.words)
		putSpace(to.words)
		to.words = w
	}
	// The old space is garbage now: only the process's own goroutine
	// reads its heap while it runs, and it holds no slice of it here.
	putSpace(h.words)
	h.words, h.off = to.words, to.off
}

// Spaces left by collections are reused by the next ones, of any process,
// sparing Go's allocator and collector the churn of a process that collects
// often (a busy one with little live data collects every gcLimit words).
// Sizes are rounded up to a class, at most a quarter more; sync.Pool drops
// the spares at Go's next collection, so idle memory is not kept.
var spaces [4 * 48]sync.Pool

const minSpace = 64 // words

// spaceClass returns the size class of a request for words: its index
// and its size, the least of 5/4, 6/4, 7/4 or 8/4 of a power of two that
// holds words.
func spaceClass(words int) (class, size int) {
	if words < minSpace {
		words = minSpace
	}
	l := bits.Len(uint(words - 1)) // 1<<(l-1) < words <= 1<<l
	step := 1 << (l - 3)
	j := (words - 1<<(l-1) + step - 1) / step // 1..4
	return 4*l + j - 1, 1<<(l-1) + j*step
}

// getSpace returns an empty, zeroed word slice with room for words.
func getSpace(words int) []Term {
	c, size := spaceClass(words)
	if c >= len(spaces) {
		return make([]Term, 0, words)
	}
	if v, ok := spaces[c].Get().(*[]Term); ok {
		s := (*v)[:cap(*v)]
		clear(s) // as make would: unwritten words must not hold stale terms
		return s[:0]
	}
	return make([]Term, 0, size)
}

// putSpace offers a space no longer used for reuse; only spaces of a class
// size (those getSpace made) are kept.
func putSpace(s []Term) {
	c, size := spaceClass(cap(s))
	if size == cap(s) && c < len(spaces) {
		spaces[c].Put(&s)
	}
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
