package vm

import (
	"math"

	"github.com/avmtool/avm/vm/term"
)

// createBin builds the bitstring of a bs_create_bin instruction:
// Fail Alloc Live Unit Dst {list, Segments}, six operands a segment:
// Type SegNo Unit Flags Src Size. It returns NoValue after raising.
func (p *Process) createBin(in *instr) term.Term {
	h := p.heap
	segs := in.list
	var w bitWriter
	var appendTo *term.Binary
	start := 0
	if len(segs) >= 6 && (segs[0].t == atomAppend || segs[0].t == atomPrivateAppend) {
		// <<Acc/binary, …>>: extend Acc's buffer in place when allowed.
		if buf, b, ok := h.AppendBuffer(p.get(&segs[4])); ok && (segs[2].n <= 1 || len(buf)*8%segs[2].n == 0) {
			w = bitWriter{data: buf, n: 8 * len(buf)}
			appendTo = b
			start = 6
		}
	}
	for i := start; i+5 < len(segs); i += 6 {
		typ := segs[i].t
		unit := segs[i+2].n
		flags := p.segFlags(&segs[i+3])
		src := p.get(&segs[i+4])
		size := p.get(&segs[i+5])
		switch typ {
		case atomInteger:
			bits := segmentBits(h, size, unit)
			if bits < 0 || !h.IsInteger(src) {
				return p.Badarg()
			}
			w.putInteger(h, src, bits, flags)
		case atomFloat:
			bits := segmentBits(h, size, unit)
			f, ok := h.ToFloat(src)
			if bits < 0 || !ok {
				return p.Badarg()
			}
			var u uint64
			switch bits {
			case 64:
				u = math.Float64bits(f)
			case 32:
				f32 := float32(f)
				if math.IsInf(float64(f32), 0) {
					return p.Badarg()
				}
				u = uint64(math.Float32bits(f32))
			case 16:
				hv, ok := floatToHalf(f)
				if !ok {
					return p.Badarg()
				}
				u = uint64(hv)
			default:
				return p.Badarg()
			}
			if flags&flagLittle != 0 {
				for k := 0; k < bits/8; k++ {
					w.putBits(u>>(8*uint(k))&0xFF, 8)
				}
			} else {
				w.putBits(u, bits)
			}
		case atomBinary, atomAppend, atomPrivateAppend:
			if !h.IsBitstring(src) {
				return p.Badarg()
			}
			data, off, n := h.Bits(src)
			if size == atomAll || typ != atomBinary {
				if unit > 1 && n%unit != 0 {
					return p.Badarg()
				}
				w.putFrom(data, off, n)
				continue
			}
			bits := segmentBits(h, size, unit)
			if bits < 0 || bits > n {
				return p.Badarg()
			}
			w.putFrom(data, off, bits)
		case atomUtf8, atomUtf16, atomUtf32:
			if !src.IsSmall() || !validCodePoint(src.Small()) {
				return p.Badarg()
			}
			w.putUTF(typ, src.Small(), flags)
		case atomString:
			str := in.ext.([]byte)
			off := segs[i+4].n
			n := segs[i+5].n
			if segs[i+5].kind == argConst {
				n = int(segs[i+5].t.Small())
			}
			w.putFrom(str, 8*off, 8*n)
		default:
			return p.Badarg()
		}
	}
	if appendTo != nil {
		return h.ExtendBinary(appendTo, w.data, w.n)
	}
	return h.MakeAppendableBinary(w.data[:(w.n+7)/8], w.n)
}

// bsMatch runs the commands of an OTP 26+ bs_match instruction:
// Fail Ctx {commands, …}. It reports whether an exception was raised.
func (p *Process) bsMatch(in *instr, pc *int) bool {
	h := p.heap
	ctx := p.get(&in.args[1])
	bin, pos := h.MatchState(ctx)
	data, off, size := h.Bits(bin)
	cmds := in.list
	failTo := func() bool {
		*pc = in.args[0].n
		return false
	}
	for i := 0; i < len(cmds); {
		switch cmds[i].t {
		case atomEnsureAtLeast: // Stride Unit
			stride, unit := cmds[i+1].num(), cmds[i+2].num()
			rest := size - pos
			if rest < stride || (unit > 1 && (rest-stride)%unit != 0) {
				return failTo()
			}
			i += 3
		case atomEnsureExactly: // Stride
			if size-pos != cmds[i+1].num() {
				return failTo()
			}
			i += 2
		case atomInteger, atomBinary: // Live Flags Size Unit Dst
			flags := p.segFlags(&cmds[i+2])
			bits := segmentBits(h, p.get(&cmds[i+3]), cmds[i+4].num())
			if bits < 0 || bits > size-pos {
				return failTo()
			}
			var v term.Term
			if cmds[i].t == atomInteger {
				v = readInteger(h, data, off+pos, bits, flags)
			} else {
				v = h.SubBits(bin, pos, bits)
			}
			pos += bits
			p.set(&cmds[i+5], v)
			i += 6
		case atomSkip: // Stride
			pos += cmds[i+1].num()
			i += 2
		case atomGetTail: // Live Unit Dst
			p.set(&cmds[i+3], h.SubBits(bin, pos, size-pos))
			pos = size
			i += 4
		case atomExactEq: // Live Size Value
			bits := cmds[i+2].num()
			if bits > size-pos {
				return failTo()
			}
			want := p.get(&cmds[i+3])
			got := readInteger(h, data, off+pos, bits, 0)
			if !h.ExactEqual(got, want) {
				return failTo()
			}
			pos += bits
			i += 4
		default:
			p.Badarg()
			return true
		}
		h.SetMatchPos(ctx, pos)
	}
	return false
}
