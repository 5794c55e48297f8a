package vm

import (
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"

	"github.com/avmtool/avm/vm/beam"
	"github.com/avmtool/avm/vm/etf"
	"github.com/avmtool/avm/vm/term"
)

// Module is a loaded module: its code translated once into the internal
// instruction form, with every operand decoded and every label resolved.
type Module struct {
	id      uint32
	name    term.Term
	code    []instr
	exports map[fa]int
	funcs   []funcRange // sorted by start
	lambdas []lambda
	lines   *beam.LineTable
	strings []byte
	attrs   term.Term // module_info(attributes), a literal
	compile term.Term // module_info(compile), a literal
	md5     *[16]byte
	file    string // where it was loaded from, as code:which/1 reports it

	exportOrder []fa // the export table's order, for module_info(exports)
}

type fa struct {
	f term.Term
	a int
}

// funcRange locates a function's code, for stacktraces and function_clause.
type funcRange struct {
	start int // pc of func_info
	name  term.Term
	arity int
}

// lambda is a FunT entry: the code of a fun and the size of its environment.
type lambda struct {
	name    term.Term
	arity   int // arity of the fun as called (without free variables)
	pc      int
	numFree int
	index   int
	uniq    int
}

// Name is the module's name.
func (m *Module) Name() string { return term.AtomName(m.name) }

func (m *Module) exported(f term.Term, arity int) (int, bool) {
	pc, ok := m.exports[fa{f, arity}]
	return pc, ok
}

// instr is one instruction in internal form. args keeps the operands in the
// order of genop.tab, decoded; ext holds per-opcode resolved data (an
// import, a native, a select table…).
type instr struct {
	op   beam.Opcode
	fast uint8 // a small-integer fast path (fastAdd…), for bif2/gc_bif2
	base uint8 // with fast: the index of the first argument operand
	fk   uint8 // the fast loop's number for op (fastKinds), 0 if it has none
	loc  int32 // index into the module's line table (0: none)
	// Inline operands of the hot instructions, filled by specialize so
	// that the run loop reads them next to op instead of through args:
	// register numbers or counts (r), a label, call target or word count
	// (n), a constant (imm).
	r    [3]uint16
	n    int32
	imm  term.Term
	args []arg
	list []arg // the elements of the list operand, always the last one
	ext  any
}

type argKind uint8

const (
	argConst argKind = iota // t holds the value (immediate or literal)
	argX                    // X register n
	argY                    // Y register n
	argFR                   // float register n
	argLabel                // n is the resolved pc; -1 for "no label"
	argUint                 // n is an unsigned number (arity, live, index…)
	argList                 // the elements are the instruction's list
	argAlloc                // n is the number of words needed
)

type arg struct {
	kind argKind
	n    int
	t    term.Term
}

// num is the value of a number operand, whether encoded as u or i.
func (a *arg) num() int {
	if a.kind == argConst && a.t.IsSmall() {
		return int(a.t.Small())
	}
	return a.n
}

// Load parses a BEAM file and adds its module to the machine. name is used
// in error messages.
func (m *Machine) Load(name string, data []byte) (*Module, error) {
	f, err := beam.Parse(name, data)
	if err != nil {
		return nil, err
	}
	return m.LoadFile(name, f)
}

// LoadFile adds a parsed module to the machine.
func (m *Machine) LoadFile(name string, f *beam.File) (*Module, error) {
	l := &loader{m: m, f: rewriteLegacyBinaries(f), name: name}
	mod, err := l.load()
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if old := m.byName[mod.name]; old != nil {
		return nil, fmt.Errorf("%s: module %s is already loaded", name, mod.Name())
	}
	registerModule(mod)
	m.byName[mod.name] = mod
	for k, pc := range mod.exports {
		e := m.exportEntryLocked(mfa{mod.name, k.f, k.a})
		if e.native == nil {
			e.bound.Store(&codePtr{mod, pc})
		}
	}
	return mod, nil
}

// Loaded modules get VM-wide ids (every Machine in the Go process shares
// the numbering), so continuation pointers, catch markers and funs can name
// their module in a few bits and be resolved without locking a Machine.
var moduleTable struct {
	mu  sync.Mutex
	all atomic.Pointer[[]*Module]
}

func registerModule(mod *Module) {
	moduleTable.mu.Lock()
	defer moduleTable.mu.Unlock()
	var old []*Module
	if p := moduleTable.all.Load(); p != nil {
		old = *p
	}
	all := make([]*Module, len(old)+1)
	copy(all, old)
	mod.id = uint32(len(all))
	all[len(old)] = mod
	moduleTable.all.Store(&all)
}

func moduleByID(id uint32) *Module { return (*moduleTable.all.Load())[id-1] }

func init() {
	term.FunName = func(ref uint64) (string, int, int) {
		mod := moduleByID(uint32(ref >> 32))
		lam := mod.lambdas[uint32(ref)]
		return mod.Name(), lam.index, lam.uniq
	}
	term.FunOrder = term.FunName
}

type loader struct {
	m    *Machine
	f    *beam.File
	name string
	mod  *Module

	atoms    []term.Term
	literals []term.Term
	litHeap  *term.Heap
	labels   []int // label number → pc
	imports  []*export

	// Integer operands too big for a small integer become terms of an
	// extra literal area.
	bigHeap  *term.Heap
	bigTerms []term.Term
}

func (l *loader) errorf(in *beam.Instr, format string, args ...any) error {
	where := ""
	if in != nil {
		where = fmt.Sprintf(" (Code +%#x, %s)", in.Offset, in.Op)
	}
	return fmt.Errorf("%s: %s%s", l.name, fmt.Sprintf(format, args...), where)
}

func (l *loader) load() (*Module, error) {
	f := l.f
	l.atoms = make([]term.Term, len(f.Atoms))
	for i, a := range f.Atoms {
		t, err := term.MakeAtom(a)
		if err != nil {
			return nil, l.errorf(nil, "atom %d: %v", i+1, err)
		}
		l.atoms[i] = t
	}
	l.mod = &Module{
		name:    l.atoms[0],
		file:    l.name,
		exports: map[fa]int{},
		lines:   f.Lines,
		strings: f.Strings,
		attrs:   term.Nil,
		compile: term.Nil,
	}
	if err := l.loadLiterals(); err != nil {
		return nil, err
	}
	for _, imp := range f.Imports {
		mt, err := l.atom(int64(imp.Module))
		if err != nil {
			return nil, err
		}
		ft, err := l.atom(int64(imp.Function))
		if err != nil {
			return nil, err
		}
		l.imports = append(l.imports, l.importEntry(mfa{mt, ft, int(imp.Arity)}))
	}
	if err := l.resolveLabels(); err != nil {
		return nil, err
	}
	if err := l.translate(); err != nil {
		return nil, err
	}
	for _, e := range f.Exports {
		ft, err := l.atom(int64(e.Function))
		if err != nil {
			return nil, err
		}
		pc, err := l.label(int64(e.Label))
		if err != nil {
			return nil, err
		}
		l.mod.exports[fa{ft, int(e.Arity)}] = pc
		l.mod.exportOrder = append(l.mod.exportOrder, fa{ft, int(e.Arity)})
	}
	for _, fn := range f.Funs {
		ft, err := l.atom(int64(fn.Function))
		if err != nil {
			return nil, err
		}
		pc, err := l.label(int64(fn.Label))
		if err != nil {
			return nil, err
		}
		l.mod.lambdas = append(l.mod.lambdas, lambda{
			name: ft, arity: int(fn.Arity) - int(fn.NumFree), pc: pc,
			numFree: int(fn.NumFree), index: int(fn.Index), uniq: int(fn.OldUniq),
		})
	}
	return l.mod, nil
}

func (l *loader) loadLiterals() error {
	f := l.f
	h := term.NewHeap(0)
	roots := make([]term.Term, 0, len(f.Literals)+2)
	for i, data := range f.Literals {
		t, _, err := etf.Decode(h, data, etf.DecodeOptions{})
		if err != nil {
			return l.errorf(nil, "literal %d: %v", i, err)
		}
		roots = append(roots, t)
	}
	decodeChunk := func(data []byte) term.Term {
		if data == nil {
			return term.Nil
		}
		t, _, err := etf.Decode(h, data, etf.DecodeOptions{})
		if err != nil {
			return term.Nil
		}
		return t
	}
	roots = append(roots, decodeChunk(f.Attributes), decodeChunk(f.CompileInfo))
	l.litHeap = h
	// Integer operands too big for a small integer become literals as well;
	// they are added while translating, so registration happens after.
	l.literals = roots
	return nil
}

func (l *loader) atom(v int64) (term.Term, error) {
	if v == 0 {
		return term.Nil, nil
	}
	if v < 0 || int(v) > len(l.atoms) {
		return term.NoValue, l.errorf(nil, "atom index %d out of range (the atom table has %d)", v, len(l.atoms))
	}
	return l.atoms[v-1], nil
}

func (l *loader) label(v int64) (int, error) {
	if v <= 0 || int(v) >= len(l.labels) || l.labels[v] < 0 {
		return 0, l.errorf(nil, "label %d is not defined", v)
	}
	return l.labels[v], nil
}

// dropped reports whether an instruction disappears in translation.
func dropped(op beam.Opcode) bool {
	switch op {
	case beam.OpLabel, beam.OpLine, beam.OpIntCodeEnd, beam.OpExecutableLine, beam.OpDebugLine, beam.OpNifStart:
		return true
	}
	return false
}

func (l *loader) resolveLabels() error {
	code := l.f.Code
	if int(code.LabelCount) > len(code.Instrs)+1 {
		return l.errorf(nil, "Code chunk declares %d labels but has only %d instructions", code.LabelCount, len(code.Instrs))
	}
	l.labels = make([]int, code.LabelCount+1)
	for i := range l.labels {
		l.labels[i] = -1
	}
	pc := 0
	for i := range code.Instrs {
		in := &code.Instrs[i]
		if in.Op == beam.OpLabel {
			n := in.Args[0].Val
			if n <= 0 || n >= int64(len(l.labels)) {
				return l.errorf(in, "label %d out of range (label count %d)", n, code.LabelCount)
			}
			l.labels[n] = pc
		}
		if !dropped(in.Op) {
			pc++
		}
	}
	return nil
}

func (l *loader) translate() error {
	code := l.f.Code.Instrs
	out := make([]instr, 0, len(code))
	loc := int32(0)
	l.bigHeap = term.NewHeap(0)
	// Operands of all instructions live in one slab, in code order, so the
	// interpreter reads them from memory next to the previous ones.
	total := 0
	for i := range code {
		total += len(code[i].Args)
		for _, o := range code[i].Args {
			total += len(o.List)
		}
	}
	slab := make([]arg, total)
	take := func(n int) []arg {
		s := slab[:n:n]
		slab = slab[n:]
		return s
	}
	for i := range code {
		in := &code[i]
		switch in.Op {
		case beam.OpLine:
			if len(in.Args) > 0 {
				loc = int32(in.Args[0].Val)
			}
			continue
		case beam.OpFuncInfo:
			name, err := l.atom(in.Args[1].Val)
			if err != nil {
				return err
			}
			l.mod.funcs = append(l.mod.funcs, funcRange{start: len(out), name: name, arity: int(in.Args[2].Val)})
		}
		if dropped(in.Op) {
			continue
		}
		if legacyBinaryConstruction(in.Op) {
			return l.errorf(in, "opcode %d (%s) is only emitted with +no_bs_create_bin, which avm does not support; recompile without that option", int(in.Op), in.Op)
		}
		if !supported(in.Op) {
			return l.errorf(in, "unsupported opcode %d (%s): obsolete, or newer than OTP 29", int(in.Op), in.Op)
		}
		ni := instr{op: in.Op, loc: loc, args: take(len(in.Args))}
		if in.Op == beam.OpFuncInfo {
			ni.ext = len(l.mod.funcs) - 1
		}
		for k, o := range in.Args {
			if o.Kind == beam.KindList {
				ni.list = take(len(o.List))
				for i, e := range o.List {
					a, err := l.operand(in, e)
					if err != nil {
						return err
					}
					ni.list[i] = a
				}
				ni.args[k] = arg{kind: argList, n: len(o.List)}
				continue
			}
			a, err := l.operand(in, o)
			if err != nil {
				return err
			}
			ni.args[k] = a
		}
		out = append(out, ni)
	}
	// Register literal areas: module literals, then big integer operands.
	l.literals = term.RegisterLiteralArea(l.litHeap, l.literals)
	if len(l.bigTerms) > 0 {
		l.bigTerms = term.RegisterLiteralArea(l.bigHeap, l.bigTerms)
	}
	n := len(l.f.Literals)
	l.mod.attrs, l.mod.compile = l.literals[n], l.literals[n+1]
	for i := range out {
		in := &out[i]
		for k := range in.args {
			l.bindLiterals(&in.args[k], l.bigTerms)
		}
		for k := range in.list {
			l.bindLiterals(&in.list[k], l.bigTerms)
		}
		if err := l.prepare(in); err != nil {
			return err
		}
	}
	l.mod.code = out
	return nil
}

// bindLiterals replaces literal placeholders (kind argConst with n != 0)
// by the registered literal terms.
func (l *loader) bindLiterals(a *arg, extra []term.Term) {
	if a.kind == argConst && a.t == term.NoValue {
		if a.n < 0 {
			a.t = extra[-a.n-1]
		} else {
			a.t = l.literals[a.n]
		}
		a.n = 0
	}
}

func (l *loader) operand(in *beam.Instr, o beam.Operand) (arg, error) {
	switch o.Kind {
	case beam.KindU:
		if o.Big != nil {
			return arg{}, l.errorf(in, "unsigned operand too large")
		}
		// t lets instructions read a number operand like any source.
		return arg{kind: argUint, n: int(o.Val), t: term.MakeSmall(o.Val)}, nil
	case beam.KindI:
		if o.Big == nil && term.FitsSmall(o.Val) {
			return arg{kind: argConst, t: term.MakeSmall(o.Val)}, nil
		}
		b := o.Big
		if b == nil {
			b = big.NewInt(o.Val)
		}
		l.bigTerms = append(l.bigTerms, l.bigHeap.BigInt(b))
		return arg{kind: argConst, n: -len(l.bigTerms)}, nil
	case beam.KindAtom:
		t, err := l.atom(o.Val)
		if err != nil {
			return arg{}, l.errorf(in, "%v", err)
		}
		return arg{kind: argConst, t: t}, nil
	case beam.KindX:
		if o.Val < 0 || o.Val >= maxX {
			return arg{}, l.errorf(in, "x register %d out of range", o.Val)
		}
		return arg{kind: argX, n: int(o.Val)}, nil
	case beam.KindY:
		if o.Val < 0 || o.Val >= maxX {
			return arg{}, l.errorf(in, "y register %d out of range", o.Val)
		}
		return arg{kind: argY, n: int(o.Val)}, nil
	case beam.KindLabel:
		if o.Val == 0 {
			return arg{kind: argLabel, n: -1}, nil
		}
		pc, err := l.label(o.Val)
		if err != nil {
			return arg{}, l.errorf(in, "%v", err)
		}
		return arg{kind: argLabel, n: pc}, nil
	case beam.KindChar:
		return arg{kind: argConst, t: term.MakeSmall(o.Val)}, nil
	case beam.KindFR:
		return arg{kind: argFR, n: int(o.Val)}, nil
	case beam.KindAllocList:
		return arg{kind: argAlloc, n: allocWords(o)}, nil
	case beam.KindLiteral:
		if o.Val < 0 || int(o.Val) >= len(l.f.Literals) {
			return arg{}, l.errorf(in, "literal %d out of range", o.Val)
		}
		return arg{kind: argConst, n: int(o.Val)}, nil
	case beam.KindList:
		return arg{}, l.errorf(in, "a list inside a list")
	case beam.KindFloat:
		return arg{}, l.errorf(in, "legacy float operand (pre-OTP R16 code) is not supported")
	}
	return arg{}, l.errorf(in, "unexpected operand kind %s", o.Kind)
}
