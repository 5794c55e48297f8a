package beam

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"unicode/utf8"
)

// File is the content of a BEAM file. Byte slices (Literals, Strings,
// Attributes, CompileInfo) share memory with the data given to Parse, or
// with its inflated copy for a gzip-compressed file.
type File struct {
	Module      string    // the module name: Atoms[0]
	Atoms       []string  // atom table; Atoms[i] is atom index i+1 in operands and tables
	Imports     []Import  // ImpT: call_ext, bif and gc_bif operands index this table
	Exports     []FuncRef // ExpT
	Locals      []FuncRef // LocT; empty if the chunk was stripped
	Funs        []Lambda  // FunT: make_fun3 and call_fun2 operands index this table
	Literals    [][]byte  // LitT or LitU: each literal in external term format, starting with 131
	Strings     []byte    // StrT: bs_match_string and bs_create_bin strings point into it
	Code        Code      // Code
	Lines       *LineTable
	Attributes  []byte // Attr: term_to_binary of the attribute list, or nil
	CompileInfo []byte // CInf: term_to_binary of the compile info, or nil
}

// Import is an external function: Module:Function/Arity.
type Import struct {
	Module, Function uint32 // atom indexes, 1-based as in the file
	Arity            uint32
}

// FuncRef is an exported or local function and its entry label.
type FuncRef struct {
	Function uint32 // atom index, 1-based
	Arity    uint32
	Label    uint32
}

// Lambda is a FunT entry, the code of a fun.
type Lambda struct {
	Function uint32 // atom index of the generated function name, 1-based
	Arity    uint32 // arity of that function: the fun's arity plus NumFree
	Label    uint32 // entry label
	Index    uint32 // index of the fun within the module
	NumFree  uint32 // number of captured variables
	OldUniq  uint32 // hash used by old-style fun identities
}

// Table limits enforced by the BEAM loader.
const (
	maxArity     = 255 // arity of any function
	maxAtomChars = 255 // characters in an atom
)

// decodedChunks lists the chunks Parse reads; it skips all others.
var decodedChunks = map[string]bool{
	"AtU8": true, "Atom": true, "Code": true, "StrT": true, "ImpT": true,
	"ExpT": true, "LocT": true, "FunT": true, "LitT": true, "LitU": true,
	"Line": true, "Attr": true, "CInf": true,
}

// Parse decodes a whole BEAM file, which may be gzip-compressed (as written
// by erlc +compressed). name is used in errors only. Every error is a
// *FormatError.
func Parse(name string, data []byte) (*File, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		inflated, err := gunzip(data)
		if err != nil {
			return nil, &FormatError{File: name, Offset: 0, Msg: "bad gzip data", Err: err}
		}
		data = inflated
	}
	chunks, err := splitChunks(name, data)
	if err != nil {
		return nil, err
	}
	p := parser{name: name, chunks: chunks}
	return p.parse()
}

func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// splitChunks checks the IFF container ("FOR1", size, "BEAM", chunks each
// padded to four bytes) and returns the data of the chunks Parse decodes.
func splitChunks(name string, data []byte) (map[string][]byte, error) {
	r := reader{file: name, data: data}
	if len(data) < 12 || string(data[:4]) != "FOR1" || string(data[8:12]) != "BEAM" {
		return nil, r.errorf(0, "not a BEAM file")
	}
	r.pos = 4
	size, _ := r.u32()
	if int64(size) > int64(r.remaining()) {
		return nil, r.errorf(4, "form size %d exceeds the %d bytes that follow", size, r.remaining())
	}
	r.data = data[:8+int(size)] // bytes after the form are ignored
	r.pos = 12
	chunks := make(map[string][]byte)
	for r.remaining() > 0 {
		at := r.pos
		if r.remaining() < 8 {
			return nil, r.errorf(at, "truncated chunk header")
		}
		id, _ := r.bytes(4)
		size, _ := r.u32()
		if int64(size) > int64(r.remaining()) {
			return nil, r.errorf(at, "chunk %q size %d exceeds the %d bytes left", id, size, r.remaining())
		}
		body, _ := r.bytes(int(size))
		padding := int((4 - size%4) % 4)
		r.pos += min(padding, r.remaining()) // the last chunk's padding may be missing
		if !decodedChunks[string(id)] {
			continue
		}
		if _, dup := chunks[string(id)]; dup {
			return nil, r.errorf(at, "duplicate %s chunk", id)
		}
		chunks[string(id)] = body
	}
	return chunks, nil
}

type parser struct {
	name   string
	chunks map[string][]byte
	f      File
}

// chunk returns a reader for chunk id, or nil if the file has none.
func (p *parser) chunk(id string) *reader {
	data, ok := p.chunks[id]
	if !ok {
		return nil
	}
	return &reader{file: p.name, chunk: id, data: data}
}

// required returns a reader for the first of ids the file has.
func (p *parser) required(ids ...string) (*reader, error) {
	for _, id := range ids {
		if r := p.chunk(id); r != nil {
			return r, nil
		}
	}
	return nil, &FormatError{File: p.name, Chunk: ids[0], Offset: -1, Msg: "missing"}
}

func (p *parser) parse() (*File, error) {
	f := &p.f
	r, err := p.required("AtU8", "Atom")
	if err != nil {
		return nil, err
	}
	if f.Atoms, err = parseAtoms(r); err != nil {
		return nil, err
	}
	f.Module = f.Atoms[0]

	if r := p.chunk("LitT"); r != nil {
		f.Literals, err = parseLitT(r)
	} else if r := p.chunk("LitU"); r != nil {
		f.Literals, err = parseLiteralTable(r)
	}
	if err != nil {
		return nil, err
	}

	if r, err = p.required("Code"); err != nil {
		return nil, err
	}
	code := operandReader{reader: *r, atoms: int64(len(f.Atoms)), literals: int64(len(f.Literals))}
	if f.Code, err = parseCode(&code); err != nil {
		return nil, err
	}

	if r, err = p.required("ImpT"); err != nil {
		return nil, err
	}
	if f.Imports, err = p.imports(r); err != nil {
		return nil, err
	}
	if r, err = p.required("ExpT"); err != nil {
		return nil, err
	}
	if f.Exports, err = p.funcRefs(r); err != nil {
		return nil, err
	}
	if r := p.chunk("LocT"); r != nil {
		if f.Locals, err = p.funcRefs(r); err != nil {
			return nil, err
		}
	}
	if r := p.chunk("FunT"); r != nil {
		if f.Funs, err = p.lambdas(r); err != nil {
			return nil, err
		}
	}
	if r := p.chunk("Line"); r != nil {
		if f.Lines, err = parseLines(r, f.Module); err != nil {
			return nil, err
		}
	}
	f.Strings = p.chunks["StrT"]
	f.Attributes = p.chunks["Attr"]
	f.CompileInfo = p.chunks["CInf"]
	return f, nil
}

// parseAtoms decodes an atom table. AtU8 holds a count and, per atom, a
// length byte and UTF-8 text; since OTP 28 the count may be negated, and
// then each length is a compact u term so that atoms may exceed 255 bytes.
// The pre-OTP 20 Atom chunk has length bytes and Latin-1 text.
func parseAtoms(r *reader) ([]string, error) {
	at := r.pos
	raw, err := r.u32()
	if err != nil {
		return nil, err
	}
	count, longLengths := int64(int32(raw)), false
	if count < 0 && r.chunk == "AtU8" {
		count, longLengths = -count, true
	}
	if count <= 0 {
		return nil, r.errorf(at, "bad atom count %d", int32(raw))
	}
	if count > int64(r.remaining()) {
		return nil, r.errorf(at, "atom count %d exceeds the %d bytes left", count, r.remaining())
	}
	atoms := make([]string, count)
	for i := range atoms {
		at := r.pos
		var n int
		if longLengths {
			n, err = r.length("atom length")
		} else {
			var b byte
			b, err = r.u8()
			n = int(b)
		}
		if err != nil {
			return nil, err
		}
		text, err := r.bytes(n)
		if err != nil {
			return nil, err
		}
		if r.chunk == "Atom" {
			atoms[i] = latin1(text)
		} else if utf8.Valid(text) {
			atoms[i] = string(text)
		} else {
			return nil, r.errorf(at, "atom %d is not valid UTF-8", i+1)
		}
		if utf8.RuneCountInString(atoms[i]) > maxAtomChars {
			return nil, r.errorf(at, "atom %d is longer than %d characters", i+1, maxAtomChars)
		}
	}
	return atoms, nil
}

func latin1(text []byte) string {
	runes := make([]rune, len(text))
	for i, c := range text {
		runes[i] = rune(c)
	}
	return string(runes)
}

// parseLitT decodes a LitT chunk: a word holding the size of the table
// before compression, then the zlib-compressed table; or, since OTP 28 and
// in AtomVM packbeam files, a zero word and the table uncompressed. Errors
// inside a compressed table give offsets into the inflated table.
func parseLitT(r *reader) ([][]byte, error) {
	size, err := r.u32()
	if err != nil {
		return nil, err
	}
	if size == 0 {
		return parseLiteralTable(r)
	}
	zr, err := zlib.NewReader(bytes.NewReader(r.data[r.pos:]))
	var table []byte
	if err == nil {
		// Read one byte more than announced to detect a longer table, and
		// to reach the end of the stream, which verifies the checksum.
		table, err = io.ReadAll(io.LimitReader(zr, int64(size)+1))
	}
	if err != nil {
		return nil, &FormatError{File: r.file, Chunk: r.chunk, Offset: r.pos, Msg: "bad compressed literal table", Err: err}
	}
	if uint64(len(table)) != uint64(size) {
		return nil, r.errorf(0, "literal table inflates to %d bytes, header says %d", len(table), size)
	}
	return parseLiteralTable(&reader{file: r.file, chunk: r.chunk + " (inflated)", data: table})
}

// parseLiteralTable decodes an uncompressed literal table (also the whole
// of a LitU chunk): a count, then per literal a size word and that many
// bytes of external term format.
func parseLiteralTable(r *reader) ([][]byte, error) {
	n, err := r.count("literal", 4)
	if err != nil {
		return nil, err
	}
	literals := make([][]byte, n)
	for i := range literals {
		at := r.pos
		size, err := r.u32()
		if err != nil {
			return nil, err
		}
		if int64(size) > int64(r.remaining()) {
			return nil, r.errorf(at, "literal %d size %d exceeds the %d bytes left", i, size, r.remaining())
		}
		ext, _ := r.bytes(int(size))
		if len(ext) < 2 || ext[0] != 131 {
			return nil, r.errorf(at+4, "literal %d is not in external term format", i)
		}
		literals[i] = ext
	}
	return literals, nil
}

// imports decodes ImpT: a count, then three words per entry.
func (p *parser) imports(r *reader) ([]Import, error) {
	n, err := r.count("import", 12)
	if err != nil {
		return nil, err
	}
	imports := make([]Import, n)
	for i := range imports {
		at, imp := r.pos, &imports[i]
		if err := r.u32s(&imp.Module, &imp.Function, &imp.Arity); err != nil {
			return nil, err
		}
		if err := p.checkAtoms(r, at, imp.Module, imp.Function); err != nil {
			return nil, err
		}
		if imp.Arity > maxArity {
			return nil, r.errorf(at+8, "import %d has arity %d", i, imp.Arity)
		}
	}
	return imports, nil
}

// funcRefs decodes ExpT or LocT: a count, then three words per entry.
func (p *parser) funcRefs(r *reader) ([]FuncRef, error) {
	n, err := r.count("function", 12)
	if err != nil {
		return nil, err
	}
	refs := make([]FuncRef, n)
	for i := range refs {
		at, ref := r.pos, &refs[i]
		if err := r.u32s(&ref.Function, &ref.Arity, &ref.Label); err != nil {
			return nil, err
		}
		if err := p.checkAtoms(r, at, ref.Function); err != nil {
			return nil, err
		}
		if ref.Arity > maxArity {
			return nil, r.errorf(at+4, "function %d has arity %d", i, ref.Arity)
		}
		if err := p.checkLabel(r, at+8, ref.Label); err != nil {
			return nil, err
		}
	}
	return refs, nil
}

// lambdas decodes FunT: a count, then six words per entry.
func (p *parser) lambdas(r *reader) ([]Lambda, error) {
	n, err := r.count("fun", 24)
	if err != nil {
		return nil, err
	}
	funs := make([]Lambda, n)
	for i := range funs {
		at, fun := r.pos, &funs[i]
		if err := r.u32s(&fun.Function, &fun.Arity, &fun.Label, &fun.Index, &fun.NumFree, &fun.OldUniq); err != nil {
			return nil, err
		}
		if err := p.checkAtoms(r, at, fun.Function); err != nil {
			return nil, err
		}
		if err := p.checkLabel(r, at+8, fun.Label); err != nil {
			return nil, err
		}
	}
	return funs, nil
}

// checkAtoms checks atom indexes read from a table entry at offset at.
func (p *parser) checkAtoms(r *reader, at int, indexes ...uint32) error {
	for _, index := range indexes {
		if index == 0 || index > uint32(len(p.f.Atoms)) {
			return r.errorf(at, "atom index %d out of range (%d atoms)", index, len(p.f.Atoms))
		}
		at += 4
	}
	return nil
}

// checkLabel checks an entry label read at offset at.
func (p *parser) checkLabel(r *reader, at int, label uint32) error {
	if label == 0 || label >= p.f.Code.LabelCount {
		return r.errorf(at, "label %d out of range (label count %d)", label, p.f.Code.LabelCount)
	}
	return nil
}
