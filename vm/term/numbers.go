package term

import (
	"math"
	"math/big"
	"math/bits"
)

func fromBits(t Term) float64 { return math.Float64frombits(uint64(t)) }

// Integer allocates an integer term for any int64.
func (h *Heap) Integer(v int64) Term {
	if FitsSmall(v) {
		return MakeSmall(v)
	}
	neg := v < 0
	mag := uint64(v)
	if neg {
		mag = uint64(-v) // also right for MinInt64
	}
	s := subPosBig
	if neg {
		s = subNegBig
	}
	i := h.alloc(2)
	h.words[i] = makeHeader(s, 1)
	h.words[i+1] = Term(mag)
	return heapPtr(primaryBoxed, i)
}

// Uint allocates an integer term for a uint64.
func (h *Heap) Uint(v uint64) Term {
	if v <= MaxSmall {
		return MakeSmall(int64(v))
	}
	i := h.alloc(2)
	h.words[i] = makeHeader(subPosBig, 1)
	h.words[i+1] = Term(v)
	return heapPtr(primaryBoxed, i)
}

// BigInt allocates an integer term for b, normalising to a small integer
// when it fits.
func (h *Heap) BigInt(b *big.Int) Term {
	if b.IsInt64() && FitsSmall(b.Int64()) {
		return MakeSmall(b.Int64())
	}
	ws := b.Bits()
	s := subPosBig
	if b.Sign() < 0 {
		s = subNegBig
	}
	i := h.alloc(1 + len(ws))
	h.words[i] = makeHeader(s, len(ws))
	for k, w := range ws {
		h.words[i+1+k] = Term(w)
	}
	return heapPtr(primaryBoxed, i)
}

// ToBig returns the value of any integer term as a new big.Int.
func (h *Heap) ToBig(t Term) *big.Int {
	if t.IsSmall() {
		return big.NewInt(t.Small())
	}
	w := h.at(t)
	n := w[0].headerArity()
	ws := make([]big.Word, n)
	for k := range ws {
		ws[k] = big.Word(w[1+k])
	}
	b := new(big.Int).SetBits(ws)
	if w[0].headerSubtag() == subNegBig {
		b.Neg(b)
	}
	return b
}

// Int64 returns the value of an integer term if it fits in an int64.
func (h *Heap) Int64(t Term) (int64, bool) {
	if t.IsSmall() {
		return t.Small(), true
	}
	if !h.IsBig(t) {
		return 0, false
	}
	w := h.at(t)
	if w[0].headerArity() != 1 {
		return 0, false
	}
	mag := uint64(w[1])
	if w[0].headerSubtag() == subNegBig {
		if mag > 1<<63 {
			return 0, false
		}
		return -int64(mag), true
	}
	if mag > math.MaxInt64 {
		return 0, false
	}
	return int64(mag), true
}

// IntSign returns -1, 0 or 1 for an integer term.
func (h *Heap) IntSign(t Term) int {
	if t.IsSmall() {
		v := t.Small()
		switch {
		case v < 0:
			return -1
		case v > 0:
			return 1
		}
		return 0
	}
	if h.header(t).headerSubtag() == subNegBig {
		return -1
	}
	return 1
}

// ToFloat converts a number term to float64; ok is false if t is not a
// number or the integer is too large for a float.
func (h *Heap) ToFloat(t Term) (float64, bool) {
	if t.IsSmall() {
		return float64(t.Small()), true
	}
	if h.IsFloat(t) {
		return h.FloatValue(t), true
	}
	if h.IsBig(t) {
		f, _ := new(big.Float).SetInt(h.ToBig(t)).Float64()
		if math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	return 0, false
}

// MulSmall multiplies two int64 values, reporting whether the product fits
// an int64.
func MulSmall(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	p := int64(lo)
	if (a < 0) != (b < 0) {
		p = -p
	}
	return p, true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
