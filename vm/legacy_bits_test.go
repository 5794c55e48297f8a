package vm

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/avmtool/avm/vm/beam"
)

// legacyBitsProgram builds binaries in every way the pre-OTP-25
// instructions can: compiled with +r24 (as OTP 24 compiled the Elixir
// library Debian 12 ships) it uses bs_init2, bs_init_bits, bs_append,
// bs_private_append, bs_add, bs_utf*_size and every bs_put_*; with +r25,
// bs_create_bin.
const legacyBitsProgram = `-module(legacy_bits).
-export([start/0]).

start() ->
    B = id(<<"bin">>), I = id(258), F = id(1.5), C = id(16#1F600), N = id(3),
    [<<I:16>>, <<I:16/little>>, <<(-I):24/signed>>, <<I:N/unit:8>>,
     <<B/binary, "str", B/binary>>, <<B:2/binary>>, <<F/float>>, <<F:32/float-little>>,
     <<C/utf8, C/utf16, C/utf32-little, $a/utf8>>,
     <<1:1, 0:2, I:5>>, <<B/bitstring, 1:3>>,
     acc(id([1, 2, 3, 300]), <<>>), acc_bits(id([1, 0, 1]), <<>>),
     catch <<(id(a)):8>>, catch <<B:(id(-1))/binary>>, catch <<(id(16#110000))/utf8>>,
     catch <<(id(foo))/binary>>,
     case id(B) of <<_, _/binary>> = X when <<X/binary, 0>> =:= <<"bin", 0>> -> guard_ok; _ -> guard_no end].

acc([], Acc) -> Acc;
acc([H | T], Acc) -> acc(T, <<Acc/binary, H:16, (integer_to_binary(H))/binary>>).

acc_bits([], Acc) -> Acc;
acc_bits([H | T], Acc) -> acc_bits(T, <<Acc/bitstring, H:1>>).

id(X) -> X.
`

// TestLegacyBinaryConstruction runs the same program compiled for OTP 24
// and for OTP 25: the rewritten legacy instructions must build
// what bs_create_bin builds.
func TestLegacyBinaryConstruction(t *testing.T) {
	if _, err := exec.LookPath("erlc"); err != nil {
		t.Skip("erlc not installed")
	}
	results := map[string]string{}
	for _, opt := range []string{"+r24", "+r25"} {
		dir := t.TempDir()
		src := filepath.Join(dir, "legacy_bits.erl")
		if err := os.WriteFile(src, []byte(legacyBitsProgram), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("erlc", "+deterministic", opt, "-o", dir, src).CombinedOutput(); err != nil {
			t.Fatalf("erlc %s: %v\n%s", opt, err, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, "legacy_bits.beam"))
		if err != nil {
			t.Fatal(err)
		}
		if opt == "+r24" {
			checkLegacyOps(t, data)
		}
		m := New(Options{Stderr: io.Discard, Schedulers: 1})
		if _, err := m.Load("legacy_bits.beam", data); err != nil {
			t.Fatalf("%s: %v", opt, err)
		}
		out, err := m.Run("legacy_bits", "start")
		if err != nil {
			t.Fatal(err)
		}
		if out.Crashed() {
			t.Fatalf("%s: crashed: %s", opt, out.Heap.Format(out.Reason))
		}
		results[opt] = out.Heap.Format(out.Value)
	}
	if results["+r24"] != results["+r25"] {
		t.Errorf("legacy instructions build other binaries\nlegacy: %s\n  want: %s", results["+r24"], results["+r25"])
	}
}

// checkLegacyOps fails unless the OTP 24 build uses the instructions the
// test is about.
func checkLegacyOps(t *testing.T, data []byte) {
	t.Helper()
	f, err := beam.Parse("legacy_bits.beam", data)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[beam.Opcode]bool{}
	for _, in := range f.Code.Instrs {
		seen[in.Op] = true
	}
	for _, op := range []beam.Opcode{beam.OpBsInitBits, beam.OpBsAdd, beam.OpBsPutInteger,
		beam.OpBsPutBinary, beam.OpBsPutFloat, beam.OpBsPutString, beam.OpBsPutUtf8, beam.OpBsUtf8Size} {
		if !seen[op] {
			t.Errorf("erlc +r24 emitted no %s", op)
		}
	}
	if !seen[beam.OpBsAppend] && !seen[beam.OpBsPrivateAppend] {
		t.Errorf("erlc +r24 emitted neither bs_append nor bs_private_append")
	}
	// OTP 25's +r24 starts every construction with bs_init_bits; the
	// Elixir corpus (elixir_test.go) covers the bs_init2 of OTP 24 itself.
}
