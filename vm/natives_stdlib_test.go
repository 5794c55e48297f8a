package vm

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// TestStdlibNativesNeverPanic calls every native of the bundled modules
// written in Go (binary, unicode, base64, math, crypto, string, calendar,
// console, atomvm's random functions) with arguments drawn from a pool of
// awkward terms: each call must return a value or raise, never panic.
func TestStdlibNativesNeverPanic(t *testing.T) {
	modules := map[string]bool{"binary": true, "unicode": true, "base64": true, "math": true,
		"crypto": true, "string": true, "calendar": true, "console": true}
	var fns []Native
	for _, n := range Natives() {
		if modules[n.Module] || (n.Module == "atomvm" && (n.Function == "random" || n.Function == "rand_bytes")) {
			fns = append(fns, n)
		}
	}
	pool := []string{
		`a`, `[]`, `0`, `-1`, `7`, `300`, `1114112`, `55296`, `18446744073709551616`, `1.5`, `-0.0`,
		`<<>>`, `<<"abc">>`, `<<"a,b,,c">>`, `<<255, 254>>`, `<<195>>`, `<<1:3>>`, `<<"aGVsbG8=">>`,
		`"abc"`, `"a\r\nb"`, `[97 | b]`, `[<<"ab">>, [99, <<195>>], 100]`, `[[[]]]`, `[<<"x">> | <<"y">>]`,
		`[-1]`, `[global]`, `[global, trim, trim_all]`, `[{scope, {1, 2}}]`, `[{scope, {5, -9}}]`,
		`[{insert_replaced, [0, 9]}]`, `[{insert_replaced, 1}]`, `{1, 2}`, `{3, -2}`, `{bm, <<"a">>}`,
		`{ac, [<<"a">>, <<>>]}`, `{crypto_hash, sha, <<1, 2>>}`, `{crypto_hash, md5, foo}`, `sha256`, `md5`,
		`hmac`, `latin1`, `unicode`, `utf16`, `{utf32, little}`, `{utf16, middle}`, `little`, `big`,
		`#{mode => urlsafe, padding => false}`, `#{mode => 1}`, `{{2024, 2, 29}, {23, 59, 59}}`,
		`{{2024, 2, 30}, {0, 0, 0}}`, `{{-5, 1, 1}, {25, 0, 0}}`, `<0.1.0>`, `[<<"-">>, <<"+">>]`,
		`aes_128_cbc`, `aes_ecb`, `aes_256_ctr`, `aes_cfb128`, `aes_128_gcm`, `aes_gcm`, `true`, `false`, `16`,
		`<<0:128>>`, `<<1:96>>`, `<<"sixteen byte msg">>`, `[{encrypt, false}, {padding, pkcs_padding}]`,
		`[{padding, zero}]`, `[{encrypt, 1}]`,
	}
	p := newTestMachineProcess(&bytes.Buffer{})
	h := p.heap
	terms := make([]term.Term, len(pool))
	for i, s := range pool {
		terms[i] = parseTerm(t, h, s)
	}
	rng := rand.New(rand.NewPCG(4, 2))
	for i := 0; i < 50000; i++ {
		n := fns[rng.IntN(len(fns))]
		args := make([]term.Term, n.Arity)
		for j := range args {
			args[j] = terms[rng.IntN(len(terms))]
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					as := make([]string, len(args))
					for j, a := range args {
						as[j] = h.Format(a)
					}
					t.Fatalf("%s:%s%v panicked: %v", n.Module, n.Function, as, r)
				}
			}()
			p.setExc(exception{})
			n.Fn(p, args)
		}()
	}
}
