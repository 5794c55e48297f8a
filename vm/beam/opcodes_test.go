package beam

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestOpcodesMatchGenop checks every opcode's name and arity against
// testdata/genop.txt, transcribed from genop.tab.
func TestOpcodesMatchGenop(t *testing.T) {
	file, err := os.Open("testdata/genop.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	seen := 0
	scanner := bufio.NewScanner(file)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		var number int
		var spec string
		if _, err := fmt.Sscanf(line, "%d: %s", &number, &spec); err != nil {
			t.Fatalf("genop.txt: %q: %v", line, err)
		}
		op := Opcode(number)
		if got, want := fmt.Sprintf("%s/%d", op, op.Arity()), strings.TrimPrefix(spec, "-"); got != want {
			t.Errorf("opcode %d is %s, genop.tab says %s", number, got, want)
		}
		seen++
	}
	if seen != int(MaxOpcode) {
		t.Errorf("genop.txt lists %d opcodes, MaxOpcode is %d", seen, MaxOpcode)
	}
}

// TestOpcodesMatchOTP25 checks opcodes 1..180 against the running
// compiler's own table (beam_opcodes:opname/1), where Erlang is installed.
func TestOpcodesMatchOTP25(t *testing.T) {
	if _, err := exec.LookPath("erl"); err != nil {
		t.Skip("erl not installed")
	}
	out, err := exec.Command("erl", "-noshell", "-eval",
		`[io:format("~w ~s/~w~n", [N | tuple_to_list(beam_opcodes:opname(N))]) || N <- lists:seq(1, 180)], halt().`).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 180 {
		t.Fatalf("erl printed %d lines, want 180", len(lines))
	}
	for _, line := range lines {
		var number int
		var spec string
		if _, err := fmt.Sscanf(line, "%d %s", &number, &spec); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		op := Opcode(number)
		if got := fmt.Sprintf("%s/%d", op, op.Arity()); got != spec {
			t.Errorf("opcode %d is %s, OTP's beam_opcodes says %s", number, got, spec)
		}
	}
}

func TestOpcodeNamesAreUnique(t *testing.T) {
	names := make(map[string]Opcode)
	for op := OpLabel; op <= MaxOpcode; op++ {
		if other, dup := names[op.String()]; dup {
			t.Errorf("opcodes %d and %d are both named %s", other, op, op)
		}
		names[op.String()] = op
	}
}

func TestUnknownOpcodes(t *testing.T) {
	for _, op := range []Opcode{0, MaxOpcode + 1, 255} {
		if op.Known() || op.Arity() != -1 || op.String() != fmt.Sprintf("opcode %d", op) {
			t.Errorf("opcode %d: Known %v, Arity %d, String %q", uint8(op), op.Known(), op.Arity(), op)
		}
	}
}
