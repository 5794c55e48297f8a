package beam

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Every instruction of the installed OTP and Elixir libraries encodes back
// to the bytes erlc wrote, but allocation lists, which erlc may write with
// zero entries that decoding sums away: those decode to the same
// instruction.
func TestAppendInstrRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: reads the whole OTP installation")
	}
	var paths []string
	for _, root := range []string{otpLib, "/usr/lib/elixir/lib"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(path, ".beam") {
				paths = append(paths, path)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		t.Skip("no OTP or Elixir installation")
	}
	instrs, rewritten := 0, 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			if data, err = gunzip(data); err != nil {
				t.Fatal(err)
			}
		}
		f, err := Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		chunks, _ := splitChunks(path, data)
		code := chunks["Code"]
		for i, in := range f.Code.Instrs[:len(f.Code.Instrs)-1] {
			instrs++
			orig := code[in.Offset:f.Code.Instrs[i+1].Offset]
			got := AppendInstr(nil, in)
			if bytes.Equal(got, orig) {
				continue
			}
			back := decodeOne(t, got, f)
			back.Offset = in.Offset
			if !hasAllocList(in) || !reflect.DeepEqual(back, in) {
				t.Fatalf("%s +%#x: %s encodes as % x, erlc wrote % x", path, in.Offset, in.Op, got, orig)
			}
			rewritten++
		}
	}
	t.Logf("%d files, %d instructions, %d allocation lists written differently", len(paths), instrs, rewritten)
}

func hasAllocList(in Instr) bool {
	for _, o := range in.Args {
		if o.Kind == KindAllocList {
			return true
		}
	}
	return false
}

func decodeOne(t *testing.T, data []byte, f *File) Instr {
	t.Helper()
	r := operandReader{reader: reader{data: data}, atoms: int64(len(f.Atoms)), literals: int64(len(f.Literals)), labels: int64(f.Code.LabelCount)}
	in, err := r.instr()
	if err != nil {
		t.Fatalf("decoding % x: %v", data, err)
	}
	return in
}
