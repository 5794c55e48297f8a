package beam

import (
	"bytes"
	"compress/zlib"
	"errors"
	"strings"
	"testing"
)

// tinyWith returns tinyModule's file with chunk id replaced by data (or
// removed, if data is nil).
func tinyWith(id string, data []byte) []byte {
	return buildBEAM(withChunk(tinyChunks(), id, data)...)
}

// tinyCode returns tinyModule's file with the Code chunk's header replaced
// by header and its instructions by code.
func tinyCode(header []byte, code ...byte) []byte {
	return tinyWith("Code", cat(header, code))
}

// goodHeader is tinyModule's Code header.
var goodHeader = be32(16, 0, uint32(MaxOpcode), 3, 1)

// funcStart is label 1, func_info m f 0, label 2.
var funcStart = []byte{byte(OpLabel), 0x10, byte(OpFuncInfo), 0x12, 0x22, 0x00, byte(OpLabel), 0x20}

func compress(data []byte) []byte {
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestErrors(t *testing.T) {
	good := tinyModule(byte(OpReturn))
	withSize := func(data []byte, at int, size uint32) []byte {
		data = bytes.Clone(data)
		copy(data[at:], be32(size))
		return data
	}
	twoCodes := buildBEAM(append(tinyChunks(byte(OpReturn)), testChunk{"Code", nil})...)
	literalTable := cat(be32(1, 2), []byte{131, 106})

	for _, tc := range []struct {
		name   string
		data   []byte
		want   string
		prefix bool // want is a prefix: the rest comes from compress/*
	}{
		// The container.
		{"empty", nil, "x.beam: +0x0: not a BEAM file", false},
		{"not IFF", []byte("FORM\x00\x00\x00\x04BEAM"), "x.beam: +0x0: not a BEAM file", false},
		{"not BEAM", []byte("FOR1\x00\x00\x00\x04AIFF"), "x.beam: +0x0: not a BEAM file", false},
		{"form size", withSize(good, 4, uint32(len(good))), "x.beam: +0x4: form size 152 exceeds the 144 bytes that follow", false},
		{"chunk size", withSize(good, 16, 1000), `x.beam: +0xc: chunk "AtU8" size 1000 exceeds the 132 bytes left`, false},
		{"chunk header", withSize(append(bytes.Clone(good), 'X', 'X'), 4, uint32(len(good)-8+2)), "x.beam: +0x98: truncated chunk header", false},
		{"duplicate", twoCodes, "x.beam: +0x98: duplicate Code chunk", false},
		{"bad gzip", []byte{0x1f, 0x8b, 1, 2, 3}, "x.beam: +0x0: bad gzip data: ", true},

		// Required chunks.
		{"no atoms", tinyWith("AtU8", nil), "x.beam: AtU8 chunk: missing", false},
		{"no code", tinyWith("Code", nil), "x.beam: Code chunk: missing", false},
		{"no imports", tinyWith("ImpT", nil), "x.beam: ImpT chunk: missing", false},
		{"no exports", tinyWith("ExpT", nil), "x.beam: ExpT chunk: missing", false},

		// Atoms.
		{"atom count", tinyWith("AtU8", cat(be32(1000), []byte("\x01m"))), "x.beam: AtU8 chunk +0x0: atom count 1000 exceeds the 2 bytes left", false},
		{"no atoms in table", tinyWith("AtU8", be32(0)), "x.beam: AtU8 chunk +0x0: bad atom count 0", false},
		{"negative Atom count", buildBEAM(append(withChunk(tinyChunks(), "AtU8", nil), testChunk{"Atom", be32(0xffffffff)})...), "x.beam: Atom chunk +0x0: bad atom count -1", false},
		{"atom text", tinyWith("AtU8", cat(be32(1), []byte("\x02\xff\xfe"))), "x.beam: AtU8 chunk +0x4: atom 1 is not valid UTF-8", false},
		{"truncated atom", tinyWith("AtU8", cat(be32(1), []byte("\x05m"))), "x.beam: AtU8 chunk +0x5: unexpected end of data: need 5 bytes, 1 left", false},
		{"long atom length", tinyWith("AtU8", cat(be32(0xffffffff), []byte{0x08, 0x64, 'm'})), "x.beam: AtU8 chunk +0x4: atom length u(100) exceeds the 1 bytes left", false},
		{"atom too long", tinyWith("AtU8", cat(be32(0xffffffff), []byte{0x08 | 0x20, 0}, bytes.Repeat([]byte("a"), 256))), "x.beam: AtU8 chunk +0x4: atom 1 is longer than 255 characters", false},

		// The Code header.
		{"code header size", tinyCode(be32(8, 0, 0)), "x.beam: Code chunk +0x0: bad header size 8", false},
		{"code header truncated", tinyCode(be32(16, 0, 0)), "x.beam: Code chunk +0x0: bad header size 16", false},
		{"instruction set", tinyCode(be32(16, 1, 1, 3, 1), funcStart...), "x.beam: Code chunk +0x4: unknown instruction set 1", false},
		{"newer opcodes", tinyCode(be32(16, 0, 200, 3, 1), funcStart...), "x.beam: Code chunk +0x8: compiled for a newer runtime: uses opcodes up to 200, this reader knows up to 193", false},

		// Instructions.
		{"opcode 200", tinyModule(200), "x.beam: Code chunk +0x1c: unknown opcode 200", false},
		{"opcode 0", tinyModule(0), "x.beam: Code chunk +0x1c: unknown opcode 0", false},
		{"no int_code_end", tinyCode(goodHeader, cat(funcStart, []byte{byte(OpReturn)})...), "x.beam: Code chunk +0x1d: code ends without int_code_end", false},
		{"truncated operand", tinyCode(goodHeader, cat(funcStart, []byte{byte(OpMove), 0x19, 0xff})...), "x.beam: Code chunk +0x1e: move operand 1: unexpected end of data: need 2 bytes, 1 left", false},
		{"atom operand", tinyModule(byte(OpMove), 0x42, 0x03), "x.beam: Code chunk +0x1d: move operand 1: atom index a(4) out of range (3 atoms)", false},
		{"label operand", tinyModule(byte(OpJump), 0x35), "x.beam: Code chunk +0x1d: jump operand 1: label f(3) out of range (label count 3)", false},
		{"literal operand", tinyModule(byte(OpMove), 0x47, 0x30, 0x03), "x.beam: Code chunk +0x1e: move operand 1: literal index u(3) out of range (limit 3)", false},
		{"register operand", tinyModule(byte(OpMove), 0x03, 0x8c, 0x00), "x.beam: Code chunk +0x1e: move operand 2: register y(1024) out of range", false},
		{"list not last", tinyModule(byte(OpPutList), 0x17, 0x00, 0x03, 0x03), "x.beam: Code chunk +0x1c: put_list operand 1: a list may only be the last operand", false},

		// Tables.
		{"import count", tinyWith("ImpT", be32(5)), "x.beam: ImpT chunk +0x0: import count 5 needs at least 60 bytes, 0 left", false},
		{"import atom", tinyWith("ImpT", be32(1, 1, 9, 0)), "x.beam: ImpT chunk +0x8: atom index 9 out of range (3 atoms)", false},
		{"import arity", tinyWith("ImpT", be32(1, 1, 2, 256)), "x.beam: ImpT chunk +0xc: import 0 has arity 256", false},
		{"export atom", tinyWith("ExpT", be32(1, 0, 0, 2)), "x.beam: ExpT chunk +0x4: atom index 0 out of range (3 atoms)", false},
		{"export arity", tinyWith("ExpT", be32(1, 2, 300, 2)), "x.beam: ExpT chunk +0x8: function 0 has arity 300", false},
		{"export label", tinyWith("ExpT", be32(1, 2, 0, 3)), "x.beam: ExpT chunk +0xc: label 3 out of range (label count 3)", false},
		{"local count", tinyWith("LocT", be32(1, 2, 0)), "x.beam: LocT chunk +0x0: function count 1 needs at least 12 bytes, 8 left", false},
		{"fun label", tinyWith("FunT", be32(1, 2, 1, 0, 0, 1, 0)), "x.beam: FunT chunk +0xc: label 0 out of range (label count 3)", false},

		// Literals.
		{"bad zlib", tinyWith("LitT", cat(be32(10), []byte("junk"))), "x.beam: LitT chunk +0x4: bad compressed literal table: ", true},
		{"inflated size", tinyWith("LitT", cat(be32(uint32(len(literalTable)+1)), compress(literalTable))), "x.beam: LitT chunk +0x0: literal table inflates to 10 bytes, header says 11", false},
		{"inflated table", tinyWith("LitT", cat(be32(8), compress(be32(1, 9)))), "x.beam: LitT (inflated) chunk +0x4: literal 0 size 9 exceeds the 0 bytes left", false},
		{"literal count", tinyWith("LitT", cat(be32(0, 100), []byte{1, 2})), "x.beam: LitT chunk +0x4: literal count 100 needs at least 400 bytes, 2 left", false},
		{"literal format", tinyWith("LitT", cat(be32(0, 1, 2), []byte{1, 2})), "x.beam: LitT chunk +0xc: literal 0 is not in external term format", false},

		// The line table.
		{"line counts", tinyWith("Line", be32(0, 0, 0, 3, 0)), "x.beam: Line chunk +0xc: 3 items and 0 filenames need more than the 0 bytes left", false},
		{"line item", tinyWith("Line", cat(be32(0, 0, 0, 1, 0), []byte{0x03})), "x.beam: Line chunk +0x14: bad line item x(0)", false},
		{"line file", tinyWith("Line", cat(be32(0, 0, 0, 1, 0), []byte{0x12, 0x11})), "x.beam: Line chunk +0x14: bad line item a(1)", false},
		{"line number", tinyWith("Line", cat(be32(0, 0, 0, 1, 0), []byte{0x19, 0xff, 0xff})), "x.beam: Line chunk +0x14: bad line item i(-1)", false},
		{"filename", tinyWith("Line", cat(be32(0, 0, 0, 0, 1), []byte{0, 1, 0xff})), "x.beam: Line chunk +0x14: filename 1 is not valid UTF-8", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.beam", tc.data)
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v (%T), want a *FormatError", err, err)
			}
			if got := err.Error(); got != tc.want && !(tc.prefix && strings.HasPrefix(got, tc.want)) {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestFormatErrorText(t *testing.T) {
	for _, tc := range []struct {
		err  FormatError
		want string
	}{
		{FormatError{File: "a.beam", Chunk: "Code", Offset: 0x1a4, Msg: "unknown opcode 200"}, "a.beam: Code chunk +0x1a4: unknown opcode 200"},
		{FormatError{File: "a.beam", Chunk: "ExpT", Offset: -1, Msg: "missing"}, "a.beam: ExpT chunk: missing"},
		{FormatError{File: "a.beam", Offset: 8, Msg: "m"}, "a.beam: +0x8: m"},
		{FormatError{Offset: -1, Msg: "m", Err: errors.New("cause")}, "m: cause"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %s, want %s", got, tc.want)
		}
	}
}

// TestObsoleteOpcodes checks that opcodes the OTP 25 runtime refuses still
// decode, so that the VM can name them in its own error.
func TestObsoleteOpcodes(t *testing.T) {
	// m_plus f0 x0 x1 x2; put_string u1 u0 x0
	f := mustParse(t, "m.beam", tinyModule(byte(OpMPlus), 0x05, 0x03, 0x13, 0x23, byte(OpPutString), 0x10, 0x00, 0x03))
	want := "    {m_plus,{f,0},{x,0},{x,1},{x,2}}.\n    {put_string,1,0,{x,0}}.\n    int_code_end.\n"
	if got := disasmFunction(t, f, "f", "0"); !strings.HasSuffix(got, want) {
		t.Errorf("got:\n%s", got)
	}
}
