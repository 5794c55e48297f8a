package packbeam

import (
	"encoding/binary"
	"fmt"

	"github.com/avmtool/avm/vm/beam"
)

// PruneResult says what PruneFunctions kept of a module.
type PruneResult struct {
	Data            []byte // the module without the functions dropped
	Kept, Functions int    // functions kept, of the module's total
}

// PruneFunctions returns a module, as Strip returns it, reduced to the
// functions roots accepts and those they reach: local calls, jumps and the
// funs they make. The literals, imports and funs only dropped code used go
// too, and labels and the tables are renumbered. A tool that packs a library for an
// app uses it to take only the functions the app can call; module_info
// is always kept, as the runtime may call it.
func PruneFunctions(name string, data []byte, roots func(function string, arity int) bool) (*PruneResult, error) {
	f, err := beam.Parse(name, data)
	if err != nil {
		return nil, err
	}
	form, chunks, err := readForm(name, data)
	if err != nil {
		return nil, err
	}
	if _, ok := chunks["LitT"]; ok {
		return nil, fmt.Errorf("%s: has a compressed literal table: strip it first", name)
	}
	p, err := newPruner(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i, fn := range p.funcs {
		if fn.name == "module_info" || roots(fn.name, fn.arity) {
			p.keep(i)
		}
	}
	p.close()

	res := &PruneResult{Functions: len(p.funcs)}
	for _, k := range p.kept {
		if k {
			res.Kept++
		}
	}
	code, err := p.code()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := append([]byte(nil), form[:12]...)
	for _, id := range chunkOrder {
		var body []byte
		switch id {
		case "AtU8":
			body = beam.AppendAtomTable(nil, p.newAtoms)
		case "Code":
			body = code
		case "ExpT":
			body = p.funcRefs(f.Exports)
		case "LocT":
			if _, ok := chunks[id]; !ok {
				continue
			}
			body = p.funcRefs(f.Locals)
		case "ImpT":
			body = p.imports()
		case "LitU":
			if _, ok := chunks[id]; !ok {
				continue
			}
			body = p.literals()
		case "FunT":
			if _, ok := chunks[id]; !ok {
				continue
			}
			body = p.lambdas()
		default:
			var ok bool
			if body, ok = chunks[id]; !ok {
				continue
			}
		}
		out = appendChunk(out, id, body)
	}
	binary.BigEndian.PutUint32(out[4:], uint32(len(out)-8))
	res.Data = out
	return res, nil
}

// pruner decides which functions of a module stay, and renumbers the
// tables their code refers to.
type pruner struct {
	f          *beam.File
	funcs      []prunedFunc
	labelFunc  map[int64]int // label → the function defining it
	kept       []bool
	queue      []int
	labelMap   map[int64]int64 // old label → new, for labels kept code defines
	atomMap    []int32         // old atom index → new (1-based both), or -1
	newAtoms   []string
	literalMap []int32 // old literal index → new, or -1
	importMap  []int32
	funMap     []int32
	newLits    [][]byte
	newImports []beam.Import
	newFuns    []beam.Lambda
}

// prunedFunc is a function's name and its instructions, from the labels
// before its func_info to the next function's.
type prunedFunc struct {
	name       string
	arity      int
	start, end int
}

func newPruner(f *beam.File) (*pruner, error) {
	p := &pruner{f: f, labelFunc: map[int64]int{}}
	code := f.Code.Instrs
	for i, in := range code {
		// The parser takes any operand kinds; renumbering needs these.
		switch {
		case in.Op == beam.OpLabel && in.Args[0].Kind != beam.KindU:
			return nil, fmt.Errorf("Code chunk +%#x: label operand is %s, want a number", in.Offset, in.Args[0].Kind)
		case in.Op == beam.OpFuncInfo && (in.Args[1].Kind != beam.KindAtom || in.Args[2].Kind != beam.KindU):
			return nil, fmt.Errorf("Code chunk +%#x: func_info operands are %s and %s, want an atom and a number", in.Offset, in.Args[1].Kind, in.Args[2].Kind)
		case in.Op != beam.OpFuncInfo:
			continue
		}
		start := i
		for start > 0 && (code[start-1].Op == beam.OpLabel || code[start-1].Op == beam.OpLine) {
			start--
		}
		if n := len(p.funcs); n > 0 {
			p.funcs[n-1].end = start
		}
		name := ""
		if a := in.Args[1].Val; a >= 1 && int(a) <= len(f.Atoms) {
			name = f.Atoms[a-1]
		}
		p.funcs = append(p.funcs, prunedFunc{name: name, arity: int(in.Args[2].Val), start: start})
	}
	if n := len(p.funcs); n > 0 {
		p.funcs[n-1].end = len(code) - 1 // int_code_end
	}
	for i, fn := range p.funcs {
		for _, in := range code[fn.start:fn.end] {
			if in.Op == beam.OpLabel {
				p.labelFunc[in.Args[0].Val] = i
			}
		}
	}
	p.kept = make([]bool, len(p.funcs))
	return p, nil
}

func (p *pruner) keep(i int) {
	if !p.kept[i] {
		p.kept[i] = true
		p.queue = append(p.queue, i)
	}
}

func (p *pruner) keepLabel(label int64) {
	if i, ok := p.labelFunc[label]; ok {
		p.keep(i)
	}
}

// close keeps what the kept functions reach: any label they name (calls,
// jumps, and the fail labels, which are their own), and the code of the
// funs they make or call.
func (p *pruner) close() {
	var visit func(o beam.Operand)
	visit = func(o beam.Operand) {
		switch o.Kind {
		case beam.KindLabel:
			p.keepLabel(o.Val)
		case beam.KindList:
			for _, e := range o.List {
				visit(e)
			}
		}
	}
	for len(p.queue) > 0 {
		fn := p.funcs[p.queue[0]]
		p.queue = p.queue[1:]
		for _, in := range p.f.Code.Instrs[fn.start:fn.end] {
			if i, ok := funIndex(in); ok && int(i) < len(p.f.Funs) {
				p.keepLabel(int64(p.f.Funs[i].Label))
			}
			for _, o := range in.Args {
				visit(o)
			}
		}
	}
}

// funIndex returns the FunT index an instruction refers to.
func funIndex(in beam.Instr) (int64, bool) {
	switch in.Op {
	case beam.OpMakeFun2, beam.OpMakeFun3:
		return in.Args[0].Val, true
	case beam.OpCallFun2:
		if in.Args[0].Kind == beam.KindU {
			return in.Args[0].Val, true
		}
	}
	return 0, false
}

// importOperand returns which operand of in is an ImpT index, or -1.
func importOperand(op beam.Opcode) int {
	switch op {
	case beam.OpBif0:
		return 0
	case beam.OpCallExt, beam.OpCallExtLast, beam.OpCallExtOnly, beam.OpBif1, beam.OpBif2, beam.OpBif3:
		return 1
	case beam.OpGcBif1, beam.OpGcBif2, beam.OpGcBif3:
		return 2
	}
	return -1
}

// code encodes the kept functions' instructions, renumbering the literals,
// imports and funs they use in the order they first use them.
func (p *pruner) code() ([]byte, error) {
	f := p.f
	p.literalMap = filled(len(f.Literals))
	p.importMap = filled(len(f.Imports))
	p.funMap = filled(len(f.Funs))
	p.labelMap = map[int64]int64{}
	for i, fn := range p.funcs {
		if !p.kept[i] {
			continue
		}
		for _, in := range f.Code.Instrs[fn.start:fn.end] {
			if in.Op == beam.OpLabel {
				p.labelMap[in.Args[0].Val] = int64(len(p.labelMap) + 1)
			}
		}
	}
	p.numberAtoms()
	for i, fn := range f.Funs {
		// A fun's entry in FunT stays when its code does, made here or not.
		if j, ok := p.labelFunc[int64(fn.Label)]; ok && p.kept[j] {
			p.funMap[i] = int32(len(p.newFuns))
			p.newFuns = append(p.newFuns, fn)
		}
	}
	var body []byte
	emit := func(in beam.Instr) error {
		in.Args = append([]beam.Operand(nil), in.Args...)
		if i := importOperand(in.Op); i >= 0 {
			old := in.Args[i].Val
			if old < 0 || int(old) >= len(f.Imports) {
				return fmt.Errorf("+%#x: %s: import %d out of range", in.Offset, in.Op, old)
			}
			if p.importMap[old] < 0 {
				p.importMap[old] = int32(len(p.newImports))
				p.newImports = append(p.newImports, f.Imports[old])
			}
			in.Args[i].Val = int64(p.importMap[old])
		}
		if in.Op == beam.OpLabel {
			in.Args[0].Val = p.labelMap[in.Args[0].Val]
		}
		if i, ok := funIndex(in); ok {
			if i < 0 || int(i) >= len(f.Funs) || p.funMap[i] < 0 {
				return fmt.Errorf("+%#x: %s: fun %d out of range", in.Offset, in.Op, i)
			}
			in.Args[0].Val = int64(p.funMap[i])
		}
		for j := range in.Args {
			var err error
			if in.Args[j], err = p.renumber(in.Args[j]); err != nil {
				return fmt.Errorf("+%#x: %s: %w", in.Offset, in.Op, err)
			}
		}
		body = beam.AppendInstr(body, in)
		return nil
	}
	var err error
	kept := 0
	p.keptInstrs(func(in beam.Instr) {
		if in.Op == beam.OpFuncInfo {
			kept++
		}
		if err == nil {
			err = emit(in)
		}
	})
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, v := range []uint32{16, f.Code.FormatNumber, f.Code.MaxOpcode, uint32(len(p.labelMap) + 1), uint32(kept)} {
		out = binary.BigEndian.AppendUint32(out, v)
	}
	return append(out, body...), nil
}

// keptInstrs calls fn with each instruction that stays.
func (p *pruner) keptInstrs(fn func(beam.Instr)) {
	code := p.f.Code.Instrs
	first := len(code) - 1
	if len(p.funcs) > 0 {
		first = p.funcs[0].start
	}
	for _, in := range code[:first] {
		fn(in)
	}
	for i, f := range p.funcs {
		if p.kept[i] {
			for _, in := range code[f.start:f.end] {
				fn(in)
			}
		}
	}
	fn(code[len(code)-1])
}

// numberAtoms keeps the atoms the kept code and table entries name, the
// module first, as it must be.
func (p *pruner) numberAtoms() {
	f := p.f
	p.atomMap = filled(len(f.Atoms) + 1)
	use := func(i uint32) {
		if i >= 1 && int(i) <= len(f.Atoms) && p.atomMap[i] < 0 {
			p.newAtoms = append(p.newAtoms, f.Atoms[i-1])
			p.atomMap[i] = int32(len(p.newAtoms))
		}
	}
	use(1)
	var visit func(o beam.Operand)
	visit = func(o beam.Operand) {
		switch o.Kind {
		case beam.KindAtom:
			use(uint32(o.Val))
		case beam.KindList:
			for _, e := range o.List {
				visit(e)
			}
		}
	}
	p.keptInstrs(func(in beam.Instr) {
		if i := importOperand(in.Op); i >= 0 {
			if im := in.Args[i].Val; im >= 0 && int(im) < len(f.Imports) {
				use(f.Imports[im].Module)
				use(f.Imports[im].Function)
			}
		}
		for _, o := range in.Args {
			visit(o)
		}
	})
	for _, refs := range [][]beam.FuncRef{f.Exports, f.Locals} {
		for _, r := range refs {
			if p.keptLabel(r.Label) {
				use(r.Function)
			}
		}
	}
	for _, fn := range f.Funs {
		if p.keptLabel(fn.Label) {
			use(fn.Function)
		}
	}
}

// renumber gives an operand the numbers of the kept labels, atoms and
// literals.
func (p *pruner) renumber(o beam.Operand) (beam.Operand, error) {
	switch o.Kind {
	case beam.KindAtom:
		if o.Val != 0 { // 0: []
			o.Val = int64(p.atomMap[o.Val])
		}
	case beam.KindLabel:
		if o.Val != 0 { // 0: no fail label
			l, ok := p.labelMap[o.Val]
			if !ok {
				return o, fmt.Errorf("label %d is not defined", o.Val)
			}
			o.Val = l
		}
	case beam.KindLiteral:
		if p.literalMap[o.Val] < 0 {
			p.literalMap[o.Val] = int32(len(p.newLits))
			p.newLits = append(p.newLits, p.f.Literals[o.Val])
		}
		o.Val = int64(p.literalMap[o.Val])
	case beam.KindList:
		list := make([]beam.Operand, len(o.List))
		for i, e := range o.List {
			var err error
			if list[i], err = p.renumber(e); err != nil {
				return o, err
			}
		}
		o.List = list
	}
	return o, nil
}

// keptLabel reports whether label is defined in code that stays.
func (p *pruner) keptLabel(label uint32) bool {
	i, ok := p.labelFunc[int64(label)]
	return ok && p.kept[i]
}

func (p *pruner) funcRefs(refs []beam.FuncRef) []byte {
	var kept []beam.FuncRef
	for _, r := range refs {
		if p.keptLabel(r.Label) {
			kept = append(kept, r)
		}
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(len(kept)))
	for _, r := range kept {
		out = appendWords(out, uint32(p.atomMap[r.Function]), r.Arity, uint32(p.labelMap[int64(r.Label)]))
	}
	return out
}

func (p *pruner) imports() []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(p.newImports)))
	for _, im := range p.newImports {
		out = appendWords(out, uint32(p.atomMap[im.Module]), uint32(p.atomMap[im.Function]), im.Arity)
	}
	return out
}

func (p *pruner) literals() []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(p.newLits)))
	for _, lit := range p.newLits {
		out = binary.BigEndian.AppendUint32(out, uint32(len(lit)))
		out = append(out, lit...)
	}
	return out
}

func (p *pruner) lambdas() []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(p.newFuns)))
	for _, fn := range p.newFuns {
		out = appendWords(out, uint32(p.atomMap[fn.Function]), fn.Arity, uint32(p.labelMap[int64(fn.Label)]), fn.Index, fn.NumFree, fn.OldUniq)
	}
	return out
}

func appendWords(out []byte, words ...uint32) []byte {
	for _, w := range words {
		out = binary.BigEndian.AppendUint32(out, w)
	}
	return out
}

func filled(n int) []int32 {
	m := make([]int32, n)
	for i := range m {
		m[i] = -1
	}
	return m
}
