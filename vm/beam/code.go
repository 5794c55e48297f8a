package beam

import (
	"errors"
	"fmt"
)

// Code is the decoded Code chunk.
type Code struct {
	FormatNumber  uint32  // instruction set version; always 0
	MaxOpcode     uint32  // highest opcode the compiler used (at most MaxOpcode)
	LabelCount    uint32  // labels are numbered 1..LabelCount-1
	FunctionCount uint32  // number of func_info instructions
	Instrs        []Instr // the last one is int_code_end
}

// Instr is one instruction.
type Instr struct {
	Op     Opcode
	Args   []Operand // len(Args) == Op.Arity(); a z1 list is one operand, always the last
	Offset int       // byte offset of the opcode in the Code chunk's data
}

// codeHeaderSize is the size of the Code header fields this package reads,
// after the header-size word itself.
const codeHeaderSize = 16

// parseCode decodes the Code chunk up to and including int_code_end. Bytes
// after int_code_end are ignored, as the BEAM loader does.
func parseCode(r *operandReader) (Code, error) {
	var c Code
	at := r.pos
	headerSize, err := r.u32()
	if err != nil {
		return c, err
	}
	if headerSize < codeHeaderSize || int64(headerSize) > int64(r.remaining()) {
		return c, r.errorf(at, "bad header size %d", headerSize)
	}
	body := r.pos + int(headerSize) // the header may grow; skip what follows the known fields
	if err := r.u32s(&c.FormatNumber, &c.MaxOpcode, &c.LabelCount, &c.FunctionCount); err != nil {
		return c, err
	}
	if c.FormatNumber != 0 {
		return c, r.errorf(at+4, "unknown instruction set %d", c.FormatNumber)
	}
	if c.MaxOpcode > uint32(MaxOpcode) {
		return c, r.errorf(at+8, "compiled for a newer runtime: uses opcodes up to %d, this reader knows up to %d", c.MaxOpcode, MaxOpcode)
	}
	r.pos = body
	r.labels = int64(c.LabelCount)

	// Every instruction takes at least one byte; most take two to four.
	c.Instrs = make([]Instr, 0, r.remaining()/3)
	for {
		in, err := r.instr()
		if err != nil {
			return c, err
		}
		c.Instrs = append(c.Instrs, in)
		if in.Op == OpIntCodeEnd {
			return c, nil
		}
	}
}

// instr decodes one instruction.
func (r *operandReader) instr() (Instr, error) {
	in := Instr{Offset: r.pos}
	if r.remaining() == 0 {
		return in, r.errorf(r.pos, "code ends without int_code_end")
	}
	b, _ := r.u8()
	in.Op = Opcode(b)
	if !in.Op.Known() {
		return in, r.errorf(in.Offset, "unknown opcode %d", b)
	}
	if in.Op.Arity() > 0 {
		in.Args = make([]Operand, in.Op.Arity())
	}
	for i := range in.Args {
		var err error
		if in.Args[i], err = r.operand(false); err != nil {
			return in, operandError(err, in.Op, i)
		}
		if in.Args[i].Kind == KindList && i != len(in.Args)-1 {
			return in, operandError(r.errorf(in.Offset, "a list may only be the last operand"), in.Op, i)
		}
	}
	return in, nil
}

// operandError says which operand of which instruction err is about.
func operandError(err error, op Opcode, i int) error {
	var fe *FormatError
	if errors.As(err, &fe) {
		fe.Msg = fmt.Sprintf("%s operand %d: %s", op, i+1, fe.Msg)
	}
	return err
}
