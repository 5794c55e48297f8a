package vm

import "github.com/avmtool/avm/vm/term"

// Binaries, bitstrings and iolists.

func bifByteSize(p *Process, args []term.Term) term.Term {
	if !p.heap.IsBitstring(args[0]) {
		return p.Badarg()
	}
	return term.MakeSmall(int64(p.heap.BitSize(args[0])+7) / 8)
}

func bifBitSize(p *Process, args []term.Term) term.Term {
	if !p.heap.IsBitstring(args[0]) {
		return p.Badarg()
	}
	return term.MakeSmall(int64(p.heap.BitSize(args[0])))
}

// binaryPart is binary_part(Bin, Start, Len): Len may be negative, taking
// the bytes before Start. The range must lie within the whole bytes.
func binaryPart(p *Process, bin, start, length term.Term) term.Term {
	h := p.heap
	s, ok1 := smallArg(start)
	l, ok2 := smallArg(length)
	if !ok1 || !ok2 || !h.IsBitstring(bin) {
		return p.Badarg()
	}
	if l < 0 {
		s, l = s+l, -l
	}
	if s < 0 || s+l > int64(h.BitSize(bin)/8) {
		return p.Badarg()
	}
	return h.SubBits(bin, int(8*s), int(8*l))
}

func bifBinaryPart2(p *Process, args []term.Term) term.Term {
	h := p.heap
	if !h.IsTuple(args[1]) || h.TupleSize(args[1]) != 2 {
		return p.Badarg()
	}
	sl := h.TupleElems(args[1])
	return binaryPart(p, args[0], sl[0], sl[1])
}

func bifBinaryPart3(p *Process, args []term.Term) term.Term {
	return binaryPart(p, args[0], args[1], args[2])
}

// bifSplitBinary is split_binary(Bin, Pos): Pos counts whole bytes; the
// second part keeps any trailing bits.
func bifSplitBinary(p *Process, args []term.Term) term.Term {
	h, bin := p.heap, args[0]
	pos, ok := smallArg(args[1])
	if !ok || !h.IsBitstring(bin) {
		return p.Badarg()
	}
	n := h.BitSize(bin)
	if pos < 0 || pos > int64(n/8) {
		return p.Badarg()
	}
	at := int(8 * pos)
	return h.Tuple(h.SubBits(bin, 0, at), h.SubBits(bin, at, n-at))
}

func bifIolistToBinary(p *Process, args []term.Term) term.Term {
	h, t := p.heap, args[0]
	if h.IsBitstring(t) {
		if !h.IsBinary(t) {
			return p.Badarg()
		}
		return t
	}
	w, _, ok := iodata(h, t, false, false)
	if !ok {
		return p.Badarg()
	}
	return h.MakeBinary(w.data)
}

// bifListToBinary is list_to_binary/1: like iolist_to_binary/1 but the
// argument must be a list.
func bifListToBinary(p *Process, args []term.Term) term.Term {
	if !args[0].IsList() {
		return p.Badarg()
	}
	return bifIolistToBinary(p, args)
}

func bifIolistSize(p *Process, args []term.Term) term.Term {
	_, n, ok := iodata(p.heap, args[0], false, true)
	if !ok {
		return p.Badarg()
	}
	return term.MakeSmall(int64(n / 8))
}

// bifListToBitstring is list_to_bitstring/1: a bitstring list may hold
// bitstrings of any size.
func bifListToBitstring(p *Process, args []term.Term) term.Term {
	if !args[0].IsList() {
		return p.Badarg()
	}
	w, _, ok := iodata(p.heap, args[0], true, false)
	if !ok {
		return p.Badarg()
	}
	return p.heap.MakeBitstring(w.data, w.n)
}

func bifBinaryToList1(p *Process, args []term.Term) term.Term {
	b, ok := binaryArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	return byteList(p.heap, b, term.Nil)
}

// bifBinaryToList3 is binary_to_list(Bin, Start, Stop), 1-based and
// inclusive, within the whole bytes of a bitstring.
func bifBinaryToList3(p *Process, args []term.Term) term.Term {
	h, bin := p.heap, args[0]
	start, ok1 := smallArg(args[1])
	stop, ok2 := smallArg(args[2])
	if !ok1 || !ok2 || !h.IsBitstring(bin) {
		return p.Badarg()
	}
	if start < 1 || start > stop || stop > int64(h.BitSize(bin)/8) {
		return p.Badarg()
	}
	b, _ := h.BinaryBytes(h.SubBits(bin, int(8*(start-1)), int(8*(stop-start+1))))
	return byteList(h, b, term.Nil)
}

// bifBitstringToList lists the bytes of a bitstring, then its trailing bits
// as a bitstring when there are any.
func bifBitstringToList(p *Process, args []term.Term) term.Term {
	h, bin := p.heap, args[0]
	if !h.IsBitstring(bin) {
		return p.Badarg()
	}
	n := h.BitSize(bin)
	whole := n / 8 * 8
	tail := term.Nil
	if whole < n {
		tail = h.List(h.SubBits(bin, whole, n-whole))
	}
	b, _ := h.BinaryBytes(h.SubBits(bin, 0, whole))
	return byteList(h, b, tail)
}

func init() {
	register("erlang",
		Native{Function: "byte_size", Arity: 1, Fn: bifByteSize, Guard: true, Doc: "The number of bytes of a bitstring, rounded up."},
		Native{Function: "bit_size", Arity: 1, Fn: bifBitSize, Guard: true, Doc: "The number of bits of a bitstring."},
		Native{Function: "binary_part", Arity: 2, Fn: bifBinaryPart2, Guard: true, Doc: "The part {Start, Length} of a binary; a negative Length counts back."},
		Native{Function: "binary_part", Arity: 3, Fn: bifBinaryPart3, Guard: true, Doc: "binary_part(Bin, {Start, Length})."},
		Native{Function: "split_binary", Arity: 2, Fn: bifSplitBinary, Doc: "Splits a binary into {Before, After} at byte position Pos."},
		Native{Function: "iolist_to_binary", Arity: 1, Fn: bifIolistToBinary, Doc: "The binary made of an iolist (or a binary, returned as it is)."},
		Native{Function: "iolist_size", Arity: 1, Fn: bifIolistSize, Doc: "The size in bytes of the binary iolist_to_binary/1 would make."},
		Native{Function: "list_to_binary", Arity: 1, Fn: bifListToBinary, Doc: "The binary made of an iolist."},
		Native{Function: "list_to_bitstring", Arity: 1, Fn: bifListToBitstring, Doc: "The bitstring made of a list of bytes and bitstrings."},
		Native{Function: "binary_to_list", Arity: 1, Fn: bifBinaryToList1, Doc: "The list of the bytes of a binary."},
		Native{Function: "binary_to_list", Arity: 3, Fn: bifBinaryToList3, Doc: "The bytes Start..Stop (1-based, inclusive) of a binary."},
		Native{Function: "bitstring_to_list", Arity: 1, Fn: bifBitstringToList, Doc: "The bytes of a bitstring, then its trailing bits as a bitstring."},
	)
}
