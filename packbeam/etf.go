package packbeam

import (
	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// literalAtoms calls fn with every atom in ext, a term in the external
// term format (starting with the version byte 131), as the literal tables
// of BEAM files hold them. It decodes the term with the VM's decoder and
// walks it.
func literalAtoms(ext []byte, fn func(atom string)) error {
	h := term.NewHeap(0)
	t, _, err := etf.Decode(h, ext, etf.DecodeOptions{})
	if err != nil {
		return err
	}
	walkAtoms(h, t, fn)
	return nil
}

// walkAtoms calls fn with every atom inside t.
func walkAtoms(h *term.Heap, t term.Term, fn func(string)) {
	for {
		switch {
		case t.IsAtom():
			fn(term.AtomName(t))
			return
		case t.IsCons():
			hd, tl := h.HeadTail(t)
			walkAtoms(h, hd, fn)
			t = tl
			continue
		case h.IsTuple(t):
			for _, e := range h.TupleElems(t) {
				walkAtoms(h, e, fn)
			}
		case h.IsMap(t):
			keys, vals := h.MapKeysValues(t)
			for i := range keys {
				walkAtoms(h, keys[i], fn)
				walkAtoms(h, vals[i], fn)
			}
		case h.IsExportFun(t):
			m, f, _ := h.ExportParts(t)
			fn(term.AtomName(m))
			fn(term.AtomName(f))
		case h.IsClosure(t):
			_, free := h.ClosureParts(t)
			for _, e := range free {
				walkAtoms(h, e, fn)
			}
		}
		return
	}
}
