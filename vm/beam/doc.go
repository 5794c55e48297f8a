// Package beam reads BEAM files, the compiled modules that erlc writes, into
// plain Go values. It is the first stage of the VM: the loader resolves what
// Parse returns (atoms to global atoms, labels to code positions, imports to
// functions, literals to terms) and the interpreter never looks at the file
// format again.
//
// # Layers
//
// Parse works in four layers, each in its own file:
//
//   - file.go: the container. An optional gzip layer (erlc +compressed),
//     then the IFF form "FOR1" size "BEAM" and its chunks, each an ID, a
//     size and data padded to four bytes. Chunks this package does not
//     decode (Type, Meta, Dbgi, Docs, ExCk, DbgB, Recs, avmN…) are skipped.
//   - file.go and lines.go: the tables. Atoms (AtU8 in the classic and the
//     OTP 28 form, or the old Latin-1 Atom chunk), imports, exports,
//     locals, funs, literals (LitT compressed or not, or AtomVM's LitU),
//     the string table and the line table.
//   - compact.go: the compact term encoding of operands: a tag in the low
//     three bits of the first byte (u i a x y f h z) and a number in one of
//     three sizes, with the extended z forms for floats, lists, float
//     registers, allocation lists, literals and typed registers.
//   - code.go: the instruction stream. Each opcode byte is followed by
//     Opcode.Arity() operands; opcodes.go has the table from genop.tab.
//
// # What is checked
//
// Parse never panics and never allocates in proportion to a count field
// without first checking that the data can hold that many entries. It
// checks what the BEAM loader checks while reading: sizes and counts
// against the data, atom indexes against the atom table (in operands and
// in ImpT, ExpT, LocT, FunT), literal indexes against the literal table,
// labels against the Code header's label count, register numbers against
// MaxRegisters, that a z1 list is the last operand, that the code ends
// with int_code_end, that opcodes are known (1..MaxOpcode) and that the
// Code header's highest opcode does not exceed MaxOpcode. Every error is a
// *FormatError naming the file, the chunk and the offset.
//
// # What is not decoded
//
// Literals, Attr and CInf stay in external term format: decoding terms is
// the term package's job. Operands are not interpreted beyond their
// compact-term kind: whether a u operand is an arity, an import index or a
// StrT offset depends on the instruction (see the comments on the Op
// constants), and the loader checks those indexes. The Type chunk is not
// read; a typed register keeps its type index in Operand.Type. All
// opcodes, obsolete ones included, decode alike: the VM decides which it
// implements.
//
// # Operands worth knowing
//
// What erlc emits (OTP 25, 27 and 29; see testdata and the survey of the
// whole OTP 25 installation in corpus_test.go):
//
//   - func_info Module Function Arity: two atom operands and a u. Module
//     is always atom 1.
//   - line Location: a u index into File.Lines.Items; 0 means no location
//     (module_info/0,1 have line 0). executable_line and debug_line use
//     the same table.
//   - label L: a u operand (not f); jumps and fail labels are f operands.
//   - Integers of 2^128 and beyond are literals (z4); smaller ones are i
//     operands, with Operand.Big set outside the int64 range.
//   - Floats are always literals; z0 floats come only from ancient
//     compilers.
//   - Registers that an instruction reads may be typed (z5); treat a
//     typed register like a plain one.
//   - Code.Instrs ends with int_code_end, which is kept as an instruction.
package beam
