package beam

import (
	"io"
	"strconv"
	"strings"
)

// importOperands gives, for the instructions that call an import, which
// operand is the index into File.Imports.
var importOperands = map[Opcode]int{
	OpCallExt: 1, OpCallExtLast: 1, OpCallExtOnly: 1,
	OpBif0: 0, OpBif1: 1, OpBif2: 1, OpBif3: 1,
	OpGcBif1: 2, OpGcBif2: 2, OpGcBif3: 2,
}

// locationOperands gives, for the instructions that name a source
// location, which operand is the index into File.Lines.Items.
var locationOperands = map[Opcode]int{OpLine: 0, OpExecutableLine: 0, OpDebugLine: 1}

// Disasm writes a listing of f in the style of erlc -S: a header, then each
// function introduced by {function, Name, Arity, EntryLabel}, with labels
// indented by two spaces and other instructions by four. Atoms, imports
// ({extfunc,M,F,A}) and line operands ([{location,File,Line}]) are
// resolved; literals print as {literal,Index} and typed registers as
// {tr,Register,TypeIndex}.
func (f *File) Disasm(w io.Writer) error {
	var b strings.Builder
	b.WriteString("{module, " + quoteAtom(f.Module) + "}.\n")
	b.WriteString("{exports, [")
	for i, e := range f.Exports {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("{" + f.atom(e.Function) + "," + strconv.FormatUint(uint64(e.Arity), 10) + "}")
	}
	b.WriteString("]}.\n")
	b.WriteString("{labels, " + strconv.FormatUint(uint64(f.Code.LabelCount), 10) + "}.\n")

	starts := f.functionStarts()
	for i, in := range f.Code.Instrs {
		if fi, ok := starts[i]; ok {
			b.WriteString("\n" + f.functionHeader(fi) + "\n")
		}
		if in.Op == OpLabel {
			b.WriteString("  ")
		} else {
			b.WriteString("    ")
		}
		f.formatInstr(&b, in)
		b.WriteString(".\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// functionStarts maps the index of the first instruction of each function
// (the label before its func_info, and the line between them if any) to
// the index of the func_info.
func (f *File) functionStarts() map[int]int {
	starts := make(map[int]int)
	code := f.Code.Instrs
	for i, in := range code {
		if in.Op != OpFuncInfo {
			continue
		}
		start := i
		if start > 0 && code[start-1].Op == OpLine {
			start--
		}
		if start > 0 && code[start-1].Op == OpLabel {
			start--
		}
		starts[start] = i
	}
	return starts
}

// functionHeader formats {function, Name, Arity, EntryLabel}. for the
// function whose func_info is instruction i.
func (f *File) functionHeader(i int) string {
	info := f.Code.Instrs[i]
	entry := "?"
	if i+1 < len(f.Code.Instrs) && f.Code.Instrs[i+1].Op == OpLabel {
		entry = f.Code.Instrs[i+1].Args[0].number()
	}
	return "{function, " + f.atom(uint32(info.Args[1].Val)) + ", " + info.Args[2].number() + ", " + entry + "}."
}

func (f *File) formatInstr(b *strings.Builder, in Instr) {
	if len(in.Args) == 0 {
		b.WriteString(in.Op.String())
		return
	}
	b.WriteString("{" + in.Op.String())
	importAt, hasImport := importOperands[in.Op]
	locationAt, hasLocation := locationOperands[in.Op]
	for i, arg := range in.Args {
		b.WriteByte(',')
		switch {
		case hasImport && i == importAt && arg.Kind == KindU && arg.Val < int64(len(f.Imports)):
			imp := f.Imports[arg.Val]
			b.WriteString("{extfunc," + f.atom(imp.Module) + "," + f.atom(imp.Function) + "," + strconv.FormatUint(uint64(imp.Arity), 10) + "}")
		case hasLocation && i == locationAt && arg.Kind == KindU && f.Lines != nil && arg.Val < int64(len(f.Lines.Items)):
			b.WriteString(f.location(arg.Val))
		default:
			arg.format(b, f.Atoms)
		}
	}
	b.WriteByte('}')
}

// location formats line item i as erlc -S does: [] for no location, else
// [{location,"file.erl",Line}].
func (f *File) location(i int64) string {
	if i == 0 {
		return "[]"
	}
	loc := f.Lines.Items[i]
	return "[{location," + strconv.Quote(f.Lines.Filenames[loc.File]) + "," + strconv.FormatUint(uint64(loc.Line), 10) + "}]"
}

// atom returns the quoted name of atom index i (1-based), or a placeholder
// for an index out of range.
func (f *File) atom(i uint32) string {
	if i == 0 || i > uint32(len(f.Atoms)) {
		return "'?atom" + strconv.FormatUint(uint64(i), 10) + "'"
	}
	return quoteAtom(f.Atoms[i-1])
}
