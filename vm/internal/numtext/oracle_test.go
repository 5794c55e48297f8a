package numtext

// Cross-check against a real Erlang/OTP runtime. Skipped unless
// NUMTEXT_ORACLE=1 and escript is on PATH; NUMTEXT_ORACLE_N sets the number
// of random floats (default 20000) and NUMTEXT_ORACLE_SEED the seed.
//
//	NUMTEXT_ORACLE=1 go test -run Oracle ./vm/internal/numtext

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

type oracleReq struct {
	line  string
	check func(t *testing.T, answer string)
}

func TestOracle(t *testing.T) {
	if os.Getenv("NUMTEXT_ORACLE") != "1" {
		t.Skip("set NUMTEXT_ORACLE=1 to compare with a local Erlang/OTP")
	}
	escript, err := exec.LookPath("escript")
	if err != nil {
		t.Skip("escript not found")
	}
	n := 20000
	if s := os.Getenv("NUMTEXT_ORACLE_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	seed := int64(1)
	if s := os.Getenv("NUMTEXT_ORACLE_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))

	var reqs []oracleReq
	for _, f := range oracleFloats(r, n) {
		reqs = append(reqs, floatReq(r, f))
	}
	for i := 0; i < n; i++ {
		reqs = append(reqs, parseFloatReq(randFloatText(r)))
	}
	for i := 0; i < n/4; i++ {
		base := 2 + r.Intn(35)
		if r.Intn(4) == 0 {
			base = 10
		}
		reqs = append(reqs, parseIntReq(randIntText(r, base), base))
	}
	for i := 0; i < n/4; i++ {
		base := 2 + r.Intn(35)
		v := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(r.Intn(200))))
		if r.Intn(2) == 0 {
			v.Neg(v)
		}
		reqs = append(reqs, formatIntReq(v, base))
	}

	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	var sb strings.Builder
	for _, q := range reqs {
		sb.WriteString(q.line)
		sb.WriteByte('\n')
	}
	if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(escript, filepath.Join("testdata", "oracle.escript"), in, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("escript: %v\n%s", err, b)
	}
	answers := readLines(t, out)
	if len(answers) != len(reqs) {
		t.Fatalf("got %d answers for %d requests", len(answers), len(reqs))
	}
	for i, q := range reqs {
		q.check(t, answers[i])
	}

	// erlang:display writes to stdout directly: a separate run.
	floats := oracleFloats(r, 500)
	sb.Reset()
	for _, f := range floats {
		fmt.Fprintf(&sb, "D %x\n", math.Float64bits(f))
	}
	if err := os.WriteFile(in, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command(escript, filepath.Join("testdata", "oracle.escript"), in, out).Output()
	if err != nil {
		t.Fatalf("escript: %v", err)
	}
	disp := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(disp) != len(floats) {
		t.Fatalf("display: got %d lines for %d floats", len(disp), len(floats))
	}
	for i, f := range floats {
		if got := FormatFloatDisplay(f); got != strings.TrimSpace(disp[i]) {
			t.Errorf("display %x (%v): got %q, erl %q", math.Float64bits(f), f, got, disp[i])
		}
	}
}

func readLines(t *testing.T, path string) []string {
	fd, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fd.Close()
	var lines []string
	sc := bufio.NewScanner(fd)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

const badarg = "!badarg"

func errText(s string, err error) string {
	if err != nil {
		return badarg
	}
	return s
}

// oracleFloats returns interesting and random finite floats.
func oracleFloats(r *rand.Rand, n int) []float64 {
	var fs []float64
	add := func(f float64) {
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			fs = append(fs, f, -f)
		}
	}
	for e := -30; e <= 30; e++ {
		add(math.Pow(10, float64(e)))
		add(1.5 * math.Pow(10, float64(e)))
	}
	for e := -1074; e <= 1023; e += 7 {
		add(math.Ldexp(1, e))
	}
	for d := -20; d <= 20; d++ {
		add(float64(1<<53 + d))
		add(float64(1<<53 + d*10))
		add(float64(1<<53 + d*100))
		add(float64(1<<53+d*1000) * 10)
	}
	add(0)
	add(math.SmallestNonzeroFloat64)
	add(math.MaxFloat64)
	add(0x1p-1022)
	for len(fs) < n {
		switch r.Intn(6) {
		case 0: // any bit pattern
			add(math.Float64frombits(r.Uint64()))
		case 1: // short decimal fractions, many exact ties for rounding
			add(float64(r.Intn(100000)) / math.Pow(10, float64(r.Intn(6))))
		case 2: // dyadic fractions
			add(float64(r.Intn(1<<20)) / float64(uint64(1)<<uint(r.Intn(24))))
		case 3: // moderate magnitudes
			add(r.Float64() * math.Pow(10, float64(r.Intn(40)-20)))
		case 4: // near 2^53 and big integers
			add(float64(uint64(1)<<53-5000+uint64(r.Intn(10000))) * math.Pow(10, float64(r.Intn(4))))
		case 5: // decimal strings with few digits
			f, _ := strconv.ParseFloat(fmt.Sprintf("%de%d", r.Intn(1000000), r.Intn(60)-30), 64)
			add(f)
		}
	}
	return fs
}

type floatOp struct {
	code string
	run  func(f float64) string
}

func floatReq(r *rand.Rand, f float64) oracleReq {
	var ops []floatOp
	ops = append(ops,
		floatOp{"s", func(f float64) string { return FormatFloatShort(f) }},
		floatOp{"l", func(f float64) string { return FormatFloatLegacy(f) }})
	for _, p := range []int{1, 2, 3, 6, 10, 17, 20, 25, 1 + r.Intn(40)} {
		p := p
		ops = append(ops,
			floatOp{fmt.Sprintf("e%d", p), func(f float64) string { return errText(FormatExp(f, p)) }},
			floatOp{fmt.Sprintf("f%d", p), func(f float64) string { return errText(FormatFixed(f, p)) }},
			floatOp{fmt.Sprintf("g%d", p), func(f float64) string { return errText(FormatG(f, p)) }})
	}
	optSets := []string{"c", "d0", "d0,c", "d1", "d2", "d2,c", "d3", "d5,c", "d10", "d15", "d17", "d18,c", "d19", "d20,c", "d25",
		"x0", "x1", "x2", "x6", "x16", "x17", "x20", "x-1", "s", "d2,s", "s,d2", "x3,d4,c", "d4,c,x3"}
	optSets = append(optSets,
		fmt.Sprintf("d%d", r.Intn(19)), fmt.Sprintf("d%d,c", r.Intn(19)), fmt.Sprintf("d%d", r.Intn(256)),
		fmt.Sprintf("d%d,c", r.Intn(256)), fmt.Sprintf("x%d", r.Intn(252)))
	for _, o := range optSets {
		o := o
		opts := parseOptCodes(o)
		ops = append(ops, floatOp{"o" + o, func(f float64) string { return errText(FormatFloat(f, opts)) }})
	}
	codes := make([]string, len(ops))
	for i, op := range ops {
		codes[i] = op.code
	}
	return oracleReq{
		line: fmt.Sprintf("F %x %s", math.Float64bits(f), strings.Join(codes, " ")),
		check: func(t *testing.T, answer string) {
			parts := strings.Split(answer, "\t")
			if len(parts) != len(ops) {
				t.Fatalf("float %x: %d answers for %d ops", math.Float64bits(f), len(parts), len(ops))
			}
			for i, op := range ops {
				if got := op.run(f); got != parts[i] {
					t.Errorf("float %x (%v) op %s: got %q, erl %q", math.Float64bits(f), f, op.code, got, parts[i])
				}
			}
		},
	}
}

// parseOptCodes builds FloatOpts from the oracle's option codes the way a
// BIF walks the Erlang option list.
func parseOptCodes(s string) FloatOpts {
	var o FloatOpts
	for _, c := range strings.Split(s, ",") {
		switch {
		case c == "c":
			o.Compact = true
		case c == "s":
			o.Format = FormatShort
		case c[0] == 'd':
			o.Format = FormatDecimals
			o.Precision, _ = strconv.ParseInt(c[1:], 10, 64)
		case c[0] == 'x':
			o.Format = FormatScientific
			o.Precision, _ = strconv.ParseInt(c[1:], 10, 64)
		}
	}
	return o
}

func parseFloatReq(s string) oracleReq {
	return oracleReq{
		line: "P " + hex.EncodeToString([]byte(s)),
		check: func(t *testing.T, answer string) {
			want := strings.Split(answer, "\t")
			got := badarg
			if f, ok := ParseFloat(s); ok {
				got = strings.ToUpper(strconv.FormatUint(math.Float64bits(f), 16))
			}
			if got != want[0] || got != want[1] {
				t.Errorf("ParseFloat(%q): got %s, erl list %s binary %s", s, got, want[0], want[1])
			}
		},
	}
}

func parseIntReq(s string, base int) oracleReq {
	return oracleReq{
		line: fmt.Sprintf("I %d %s", base, hex.EncodeToString([]byte(s))),
		check: func(t *testing.T, answer string) {
			want := strings.Split(answer, "\t")
			got := badarg
			if v, b, ok := ParseInteger(s, base); ok {
				if b != nil {
					got = b.String()
					if b.IsInt64() {
						got += " (should be int64)"
					}
				} else {
					got = strconv.FormatInt(v, 10)
				}
			}
			if got != want[0] || got != want[1] {
				t.Errorf("ParseInteger(%q, %d): got %s, erl list %s binary %s", s, base, got, want[0], want[1])
			}
		},
	}
}

func formatIntReq(v *big.Int, base int) oracleReq {
	return oracleReq{
		line: fmt.Sprintf("N %d %s", base, v.String()),
		check: func(t *testing.T, answer string) {
			want := strings.Split(answer, "\t")
			got := errText(FormatInteger(v, base))
			if got != want[0] || got != want[1] {
				t.Errorf("FormatInteger(%s, %d): got %s, erl %s / %s", v, base, got, want[0], want[1])
			}
		},
	}
}

// randFloatText returns float-like text, mostly valid, sometimes mutated.
func randFloatText(r *rand.Rand) string {
	digits := func(min int) string {
		n := min + r.Intn(4)
		if r.Intn(20) == 0 {
			n += r.Intn(400)
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.Intn(10))
		}
		return string(b)
	}
	var sb strings.Builder
	if r.Intn(3) == 0 {
		sb.WriteByte("+-"[r.Intn(2)])
	}
	sb.WriteString(digits(1))
	sb.WriteByte(".,"[r.Intn(5)/4])
	sb.WriteString(digits(1))
	if r.Intn(2) == 0 {
		sb.WriteByte("eE"[r.Intn(2)])
		if r.Intn(2) == 0 {
			sb.WriteByte("+-"[r.Intn(2)])
		}
		if r.Intn(8) == 0 {
			sb.WriteString(digits(1))
		} else {
			sb.WriteString(strconv.Itoa(r.Intn(330)))
		}
	}
	b := []byte(sb.String())
	for m := r.Intn(3); m > 0 && r.Intn(2) == 0; m-- {
		junk := []byte("0123456789.,eE+- _xa\x00\t")
		p := r.Intn(len(b) + 1)
		switch r.Intn(3) {
		case 0: // insert
			b = append(b[:p], append([]byte{junk[r.Intn(len(junk))]}, b[p:]...)...)
		case 1: // delete
			if p < len(b) {
				b = append(b[:p], b[p+1:]...)
			}
		case 2: // replace
			if p < len(b) {
				b[p] = junk[r.Intn(len(junk))]
			}
		}
	}
	return string(b)
}

func randIntText(r *rand.Rand, base int) string {
	const alpha = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var sb strings.Builder
	if r.Intn(3) == 0 {
		sb.WriteByte("+-"[r.Intn(2)])
	}
	n := r.Intn(25)
	if r.Intn(10) == 0 {
		n += r.Intn(300)
	}
	for i := 0; i < n; i++ {
		c := alpha[r.Intn(len(alpha))]
		if r.Intn(4) != 0 {
			for digitVal(c) >= base {
				c = alpha[r.Intn(len(alpha))]
			}
		}
		sb.WriteByte(c)
	}
	b := []byte(sb.String())
	if r.Intn(10) == 0 {
		junk := []byte(" _+-\x00.#")
		p := r.Intn(len(b) + 1)
		b = append(b[:p], append([]byte{junk[r.Intn(len(junk))]}, b[p:]...)...)
	}
	return string(b)
}
