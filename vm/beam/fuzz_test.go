package beam

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes; checkParse says what must hold.
// Run it with: go test -run '^$' -fuzz=FuzzParse -fuzztime=60s ./vm/beam
func FuzzParse(f *testing.F) {
	for _, release := range []string{"otp25", "otp29"} {
		for _, m := range testModules {
			data := readRelease(f, release, m)
			f.Add(data)
			for _, n := range []int{0, 11, 12, 20, 100, len(data) / 2, len(data) - 4, len(data) - 1} {
				f.Add(data[:n])
			}
		}
	}
	var compressed bytes.Buffer
	zw := gzip.NewWriter(&compressed)
	zw.Write(readTestBeam(f, "hello"))
	zw.Close()
	f.Add(compressed.Bytes())
	f.Add(tinyModule(byte(OpReturn)))
	f.Add(tinyModule(byte(OpMove), 0x57, 0x13, 0x30, 0x57, 0x04, 0x10, byte(OpReturn)))
	f.Add(tinyModule(byte(OpTestHeap), 0x37, 0x20, 0x00, 0x30, 0x10, 0x10, 0x00, byte(OpReturn)))
	f.Add(tinyModule(byte(OpMove), 0x07, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0x03, byte(OpReturn)))
	f.Add(tinyModule(byte(OpMove), 0xf9, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0x03, byte(OpReturn)))

	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data)
	})
}

// FuzzCode fuzzes the instruction stream alone: it replaces the
// instructions of a test module's Code chunk, keeping the chunk's header
// and the module's tables, so that mutations reach the operand decoder
// instead of breaking the container.
func FuzzCode(f *testing.F) {
	var modules [][]testChunk
	for _, release := range []string{"otp25", "otp29"} {
		for _, m := range testModules {
			chunks := splitBEAM(f, readRelease(f, release, m))
			f.Add(uint8(len(modules)), chunkData(f, chunks, "Code")[20:])
			modules = append(modules, chunks)
		}
	}
	f.Fuzz(func(t *testing.T, module uint8, instrs []byte) {
		chunks := modules[int(module)%len(modules)]
		header := chunkData(t, chunks, "Code")[:20]
		checkParse(t, buildBEAM(withChunk(chunks, "Code", cat(header, instrs))...))
	})
}

// checkParse checks that Parse returns only *FormatError, and that what it
// accepts satisfies the invariants the VM relies on.
func checkParse(t *testing.T, data []byte) {
	t.Helper()
	file, err := Parse("fuzz.beam", data)
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("error %v is a %T, not a *FormatError", err, err)
		}
		return
	}
	if file.Module != file.Atoms[0] {
		t.Fatalf("module %q, first atom %q", file.Module, file.Atoms[0])
	}
	code := file.Code.Instrs
	if len(code) == 0 || code[len(code)-1].Op != OpIntCodeEnd {
		t.Fatal("code does not end with int_code_end")
	}
	for _, in := range code {
		if !in.Op.Known() || len(in.Args) != in.Op.Arity() {
			t.Fatalf("+%#x: %s with %d operands", in.Offset, in.Op, len(in.Args))
		}
	}
	for _, lit := range file.Literals {
		if len(lit) < 2 || lit[0] != 131 {
			t.Fatalf("literal % x", lit)
		}
	}
	if file.Lines != nil {
		for _, loc := range file.Lines.Items {
			if int(loc.File) >= len(file.Lines.Filenames) {
				t.Fatalf("location %+v with %d filenames", loc, len(file.Lines.Filenames))
			}
		}
	}
	if err := file.Disasm(io.Discard); err != nil {
		t.Fatal(err)
	}
}
