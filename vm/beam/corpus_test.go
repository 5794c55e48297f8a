package beam

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// otpLib is where Debian installs the Erlang/OTP libraries.
const otpLib = "/usr/lib/erlang/lib"

// TestOTPCorpus parses every .beam file of the installed Erlang/OTP (about
// 1250 files for OTP 25) and checks what must hold for any file erlc
// writes.
func TestOTPCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: parses the whole OTP installation")
	}
	var paths []string
	filepath.WalkDir(otpLib, func(path string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".beam") {
			paths = append(paths, path)
		}
		return nil
	})
	if len(paths) == 0 {
		t.Skipf("no .beam files under %s", otpLib)
	}
	opcodesSeen := make(map[Opcode]int)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(path, data)
		if err != nil {
			t.Error(err)
			continue
		}
		checkInvariants(t, path, f)
		for _, in := range f.Code.Instrs {
			opcodesSeen[in.Op]++
		}
		if err := f.Disasm(io.Discard); err != nil {
			t.Error(err)
		}
	}
	t.Logf("%d files, %d distinct opcodes", len(paths), len(opcodesSeen))
}

// checkInvariants checks what holds for every file erlc writes.
func checkInvariants(t *testing.T, name string, f *File) {
	t.Helper()
	if f.Module != f.Atoms[0] {
		t.Errorf("%s: Module %q, Atoms[0] %q", name, f.Module, f.Atoms[0])
	}
	code := f.Code.Instrs
	if len(code) == 0 || code[len(code)-1].Op != OpIntCodeEnd {
		t.Errorf("%s: code does not end with int_code_end", name)
	}
	var labels, funcs uint32
	for _, in := range code {
		if len(in.Args) != in.Op.Arity() {
			t.Errorf("%s +%#x: %s has %d operands", name, in.Offset, in.Op, len(in.Args))
		}
		switch in.Op {
		case OpLabel:
			labels++
			if in.Args[0].Kind != KindU {
				t.Errorf("%s +%#x: label operand is %s", name, in.Offset, in.Args[0].Kind)
			}
		case OpFuncInfo:
			funcs++
			if in.Args[0].Kind != KindAtom || in.Args[1].Kind != KindAtom || in.Args[2].Kind != KindU {
				t.Errorf("%s +%#x: func_info operands %v", name, in.Offset, in.Args)
			}
			if in.Args[0].Val != 1 {
				t.Errorf("%s +%#x: func_info names module atom %d", name, in.Offset, in.Args[0].Val)
			}
		case OpLine:
			if in.Args[0].Kind != KindU || f.Lines != nil && in.Args[0].Val >= int64(len(f.Lines.Items)) {
				t.Errorf("%s +%#x: line operand %v", name, in.Offset, in.Args[0])
			}
		}
	}
	if funcs != f.Code.FunctionCount {
		t.Errorf("%s: %d func_info, header says %d functions", name, funcs, f.Code.FunctionCount)
	}
	if labels != f.Code.LabelCount-1 {
		t.Errorf("%s: %d labels, header says label count %d", name, labels, f.Code.LabelCount)
	}
}
