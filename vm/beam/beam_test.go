package beam

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Helpers shared by the tests: reading the test modules, taking BEAM files
// apart and putting them back together.

// testChunk is one chunk of a BEAM file built or taken apart by a test.
type testChunk struct {
	id   string
	data []byte
}

// buildBEAM assembles chunks into a BEAM file, padding each to four bytes.
func buildBEAM(chunks ...testChunk) []byte {
	var body bytes.Buffer
	body.WriteString("BEAM")
	for _, c := range chunks {
		body.WriteString(c.id)
		body.Write(be32(uint32(len(c.data))))
		body.Write(c.data)
		body.Write(make([]byte, (4-len(c.data)%4)%4))
	}
	return append(append([]byte("FOR1"), be32(uint32(body.Len()))...), body.Bytes()...)
}

// splitBEAM takes a well-formed BEAM file apart into its chunks, in order.
func splitBEAM(t testing.TB, data []byte) []testChunk {
	t.Helper()
	var chunks []testChunk
	for pos := 12; pos < len(data); {
		size := int(binary.BigEndian.Uint32(data[pos+4:]))
		chunks = append(chunks, testChunk{string(data[pos : pos+4]), data[pos+8 : pos+8+size]})
		pos += 8 + (size+3)&^3
	}
	return chunks
}

// withChunk returns chunks with the chunk id replaced by data (or added at
// the end), or removed if data is nil.
func withChunk(chunks []testChunk, id string, data []byte) []testChunk {
	var out []testChunk
	found := false
	for _, c := range chunks {
		switch {
		case c.id != id:
			out = append(out, c)
		case data != nil:
			out = append(out, testChunk{id, data})
			found = true
		}
	}
	if !found && data != nil {
		out = append(out, testChunk{id, data})
	}
	return out
}

// chunkData returns the data of chunk id.
func chunkData(t testing.TB, chunks []testChunk, id string) []byte {
	t.Helper()
	for _, c := range chunks {
		if c.id == id {
			return c.data
		}
	}
	t.Fatalf("no %s chunk", id)
	return nil
}

func be32(words ...uint32) []byte {
	b := make([]byte, 0, 4*len(words))
	for _, w := range words {
		b = binary.BigEndian.AppendUint32(b, w)
	}
	return b
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// readTestBeam reads testdata/otp25/module.beam.
func readTestBeam(t testing.TB, module string) []byte {
	t.Helper()
	return readRelease(t, "otp25", module)
}

// readRelease reads testdata/release/module.beam.
func readRelease(t testing.TB, release, module string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", release, module+".beam"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustParse parses data or fails the test.
func mustParse(t testing.TB, name string, data []byte) *File {
	t.Helper()
	f, err := Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// disasm returns the listing of f.
func disasm(t testing.TB, f *File) string {
	t.Helper()
	var b strings.Builder
	if err := f.Disasm(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// disasmFunction returns the part of f's listing for function name/arity,
// from its {function, …} line to the blank line that ends it.
func disasmFunction(t testing.TB, f *File, name, arity string) string {
	t.Helper()
	listing := disasm(t, f)
	start := strings.Index(listing, "{function, "+name+", "+arity+", ")
	if start < 0 {
		t.Fatalf("no function %s/%s in\n%s", name, arity, listing)
	}
	listing = listing[start:]
	if end := strings.Index(listing, "\n\n"); end >= 0 {
		listing = listing[:end+1]
	}
	return listing
}

// tinyModule builds a BEAM file for module m, function f/0 (exported),
// whose body is code: label 1, func_info m f 0, label 2, code,
// int_code_end. The atoms are m, f, ok; there are three literals ([], 1
// and 2) and labels 1 and 2. The Code chunk's instructions start at +0x14,
// code at +0x1c.
func tinyModule(code ...byte) []byte {
	return buildBEAM(tinyChunks(code...)...)
}

func tinyChunks(code ...byte) []testChunk {
	literals := cat(be32(3), be32(2), []byte{131, 106}, be32(3), []byte{131, 97, 1}, be32(3), []byte{131, 97, 2})
	return []testChunk{
		{"AtU8", cat(be32(3), []byte("\x01m\x01f\x02ok"))},
		{"Code", cat(be32(16, 0, uint32(MaxOpcode), 3, 1),
			[]byte{byte(OpLabel), 0x10, byte(OpFuncInfo), 0x12, 0x22, 0x00, byte(OpLabel), 0x20},
			code,
			[]byte{byte(OpIntCodeEnd)})},
		{"StrT", nil},
		{"ImpT", be32(0)},
		{"ExpT", be32(1, 2, 0, 2)},
		{"LitT", cat(be32(0), literals)},
	}
}
