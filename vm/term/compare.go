package term

import (
	"bytes"
	"math"
	"math/big"
)

// Type ranks in Erlang term order:
// number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
const (
	rankNumber = iota
	rankAtom
	rankRef
	rankFun
	rankPort
	rankPid
	rankTuple
	rankMap
	rankNil
	rankList
	rankBitstring
)

func (h *Heap) rank(t Term) int {
	switch t & primaryMask {
	case primaryList:
		return rankList
	case primaryImmed:
		switch {
		case t.IsSmall():
			return rankNumber
		case t.IsAtom():
			return rankAtom
		case t == Nil:
			return rankNil
		case t.IsPid():
			return rankPid
		case t.IsPort():
			return rankPort
		}
		return rankAtom
	}
	switch h.header(t).headerSubtag() {
	case subTuple:
		return rankTuple
	case subPosBig, subNegBig, subFloat:
		return rankNumber
	case subProcBin, subSubBin:
		return rankBitstring
	case subFun, subExport:
		return rankFun
	case subMap:
		return rankMap
	case subRef:
		return rankRef
	}
	return rankTuple
}

// Compare orders a and b in Erlang term order (-1, 0, 1); numbers compare
// by value, so Compare(1, 1.0) == 0 (Erlang's ==).
func (h *Heap) Compare(a, b Term) int { return h.compare(a, b, false) }

// CompareExact is the total order used for map keys and =:=: integers sort
// before all floats and 1 is not equal to 1.0.
func (h *Heap) CompareExact(a, b Term) int { return h.compare(a, b, true) }

// Equal is Erlang's ==.
func (h *Heap) Equal(a, b Term) bool { return a == b || h.compare(a, b, false) == 0 }

// ExactEqual is Erlang's =:=.
func (h *Heap) ExactEqual(a, b Term) bool { return a == b || h.compare(a, b, true) == 0 }

func (h *Heap) compare(a, b Term, exact bool) int {
	for {
		if a == b {
			return 0
		}
		if a.IsSmall() && b.IsSmall() {
			return cmpInt(a.Small(), b.Small())
		}
		ra, rb := h.rank(a), h.rank(b)
		if ra != rb {
			return cmpInt(int64(ra), int64(rb))
		}
		switch ra {
		case rankNumber:
			return h.compareNumbers(a, b, exact)
		case rankAtom:
			return cmpString(AtomName(a), AtomName(b))
		case rankNil:
			return 0
		case rankPid, rankPort:
			return cmpUint(a.PidID(), b.PidID())
		case rankRef:
			return cmpUint(h.RefID(a), h.RefID(b))
		case rankBitstring:
			return h.compareBits(a, b)
		case rankFun:
			return h.compareFuns(a, b, exact)
		case rankTuple:
			ea, eb := h.TupleElems(a), h.TupleElems(b)
			if len(ea) != len(eb) {
				return cmpInt(int64(len(ea)), int64(len(eb)))
			}
			for i := 0; i < len(ea)-1; i++ {
				if c := h.compare(ea[i], eb[i], exact); c != 0 {
					return c
				}
			}
			if len(ea) == 0 {
				return 0
			}
			a, b = ea[len(ea)-1], eb[len(eb)-1]
			continue
		case rankMap:
			return h.compareMaps(a, b, exact)
		case rankList:
			ha, ta := h.HeadTail(a)
			hb, tb := h.HeadTail(b)
			if c := h.compare(ha, hb, exact); c != 0 {
				return c
			}
			a, b = ta, tb
			continue
		}
		return 0
	}
}

func (h *Heap) compareNumbers(a, b Term, exact bool) int {
	fa, fb := h.IsFloat(a), h.IsFloat(b)
	if exact && fa != fb {
		if fa {
			return 1
		}
		return -1
	}
	switch {
	case fa && fb:
		return cmpFloat(h.FloatValue(a), h.FloatValue(b))
	case !fa && !fb:
		if a.IsSmall() && b.IsSmall() {
			return cmpInt(a.Small(), b.Small())
		}
		return h.ToBig(a).Cmp(h.ToBig(b))
	case fa:
		return -h.compareIntFloat(b, h.FloatValue(a))
	default:
		return h.compareIntFloat(a, h.FloatValue(b))
	}
}

// compareIntFloat compares integer i with float f mathematically exactly.
func (h *Heap) compareIntFloat(i Term, f float64) int {
	if i.IsSmall() {
		v := i.Small()
		if v > -(1<<53) && v < 1<<53 {
			return cmpFloat(float64(v), f)
		}
	}
	if math.IsInf(f, 0) {
		if f > 0 {
			return -1
		}
		return 1
	}
	bf := new(big.Float).SetInt(h.ToBig(i))
	return bf.Cmp(big.NewFloat(f))
}

func (h *Heap) compareBits(a, b Term) int {
	da, na := h.BitstringBytes(a)
	db, nb := h.BitstringBytes(b)
	// Compare the common whole bytes, then the remaining bits.
	common := na
	if nb < common {
		common = nb
	}
	if c := bytes.Compare(da[:common/8], db[:common/8]); c != 0 {
		return c
	}
	for i := common / 8 * 8; i < common; i++ {
		ba := da[i/8] >> (7 - uint(i%8)) & 1
		bb := db[i/8] >> (7 - uint(i%8)) & 1
		if ba != bb {
			return cmpInt(int64(ba), int64(bb))
		}
	}
	return cmpInt(int64(na), int64(nb))
}

// FunOrder, when set by the VM, gives a closure's sort key: module name,
// old index and uniq, as OTP orders local funs.
var FunOrder func(funRef uint64) (module string, index, uniq int)

func (h *Heap) compareFuns(a, b Term, exact bool) int {
	ea, eb := h.IsExportFun(a), h.IsExportFun(b)
	if ea != eb {
		// OTP orders local funs before external ones.
		if ea {
			return 1
		}
		return -1
	}
	if ea {
		ma, fa, aa := h.ExportParts(a)
		mb, fb, ab := h.ExportParts(b)
		if c := h.compare(ma, mb, exact); c != 0 {
			return c
		}
		if c := h.compare(fa, fb, exact); c != 0 {
			return c
		}
		return cmpInt(int64(aa), int64(ab))
	}
	ra, fra := h.ClosureParts(a)
	rb, frb := h.ClosureParts(b)
	if ra != rb {
		if FunOrder != nil {
			ma, ia, ua := FunOrder(ra)
			mb, ib, ub := FunOrder(rb)
			if c := cmpString(ma, mb); c != 0 {
				return c
			}
			if ia != ib {
				return cmpInt(int64(ia), int64(ib))
			}
			if ua != ub {
				return cmpInt(int64(ua), int64(ub))
			}
		}
		return cmpUint(ra, rb)
	}
	if len(fra) != len(frb) {
		return cmpInt(int64(len(fra)), int64(len(frb)))
	}
	for i := range fra {
		if c := h.compare(fra[i], frb[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

func (h *Heap) compareMaps(a, b Term, exact bool) int {
	// Sizes first: listing a large map's entries costs a copy.
	if na, nb := h.MapSize(a), h.MapSize(b); na != nb {
		return cmpInt(int64(na), int64(nb))
	}
	ka, va := h.MapKeysValues(a)
	kb, vb := h.MapKeysValues(b)
	for i := range ka {
		if c := h.compare(ka[i], kb[i], true); c != 0 {
			return c
		}
	}
	for i := range va {
		if c := h.compare(va[i], vb[i], exact); c != 0 {
			return c
		}
	}
	return 0
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
