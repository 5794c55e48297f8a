package beam

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"io"
	"math/big"
	"reflect"
	"strings"
	"testing"
)

// The test modules in testdata/*.erl, compiled by OTP 25's erlc into
// testdata/otp25.
var testModules = []string{"hello", "bins", "funs", "lits", "flow", "newer"}

func TestTestModules(t *testing.T) {
	for _, m := range testModules {
		f := mustParse(t, m+".beam", readTestBeam(t, m))
		if f.Module != m {
			t.Errorf("%s: module %q", m, f.Module)
		}
		checkInvariants(t, m, f)
		for i, lit := range f.Literals {
			if lit[0] != 131 {
				t.Errorf("%s: literal %d starts with %d", m, i, lit[0])
			}
		}
		if f.Attributes[0] != 131 || f.CompileInfo[0] != 131 {
			t.Errorf("%s: Attr and CInf are not external term format", m)
		}
	}
}

// TestHello checks every table of the smallest module, and its whole
// listing, which matches erlc -S except for literals and gc_bif.
func TestHello(t *testing.T) {
	f := mustParse(t, "hello.beam", readTestBeam(t, "hello"))
	atoms := []string{"hello", "start", "add", "erlang", "+", "greet", "io", "format", "module_info", "get_module_info"}
	if !reflect.DeepEqual(f.Atoms, atoms) {
		t.Errorf("atoms %q", f.Atoms)
	}
	// Atom indexes: 4 erlang, 5 +, 7 io, 8 format, 9 module_info, 10 get_module_info.
	imports := []Import{{4, 5, 2}, {7, 8, 2}, {4, 10, 1}, {4, 10, 2}}
	if !reflect.DeepEqual(f.Imports, imports) {
		t.Errorf("imports %v", f.Imports)
	}
	exports := []FuncRef{{9, 1, 10}, {9, 0, 8}, {3, 2, 4}, {2, 0, 2}}
	if !reflect.DeepEqual(f.Exports, exports) {
		t.Errorf("exports %v", f.Exports)
	}
	if locals := []FuncRef{{6, 1, 6}}; !reflect.DeepEqual(f.Locals, locals) {
		t.Errorf("locals %v", f.Locals)
	}
	if len(f.Funs) != 0 || len(f.Strings) != 0 {
		t.Errorf("funs %v, strings %q", f.Funs, f.Strings)
	}
	// "world" and "Hello, ~s!~n" as STRING_EXT (107) terms.
	literals := [][]byte{
		cat([]byte{131, 107, 0, 5}, []byte("world")),
		cat([]byte{131, 107, 0, 12}, []byte("Hello, ~s!~n")),
	}
	if !reflect.DeepEqual(f.Literals, literals) {
		t.Errorf("literals %q", f.Literals)
	}
	lines := &LineTable{
		Items:     []Location{{0, 0}, {0, 5}, {0, 8}, {0, 9}, {0, 11}, {0, 12}},
		Filenames: []string{"hello.erl"},
	}
	if !reflect.DeepEqual(f.Lines, lines) {
		t.Errorf("lines %+v", f.Lines)
	}
	// erlc declares at least swap as the highest opcode, so that OTP 22 refuses the file.
	if c := f.Code; c.FormatNumber != 0 || c.MaxOpcode != uint32(OpSwap) || c.LabelCount != 11 || c.FunctionCount != 5 {
		t.Errorf("code header %d %d %d %d", c.FormatNumber, c.MaxOpcode, c.LabelCount, c.FunctionCount)
	}
	want := `{module, hello}.
{exports, [{module_info,1},{module_info,0},{add,2},{start,0}]}.
{labels, 11}.

{function, start, 0, 2}.
  {label,1}.
    {line,[{location,"hello.erl",5}]}.
    {func_info,{atom,hello},{atom,start},0}.
  {label,2}.
    {move,{literal,0},{x,0}}.
    {call_only,1,{f,6}}.

{function, add, 2, 4}.
  {label,3}.
    {line,[{location,"hello.erl",8}]}.
    {func_info,{atom,hello},{atom,add},2}.
  {label,4}.
    {line,[{location,"hello.erl",9}]}.
    {gc_bif2,{f,0},2,{extfunc,erlang,'+',2},{x,0},{x,1},{x,0}}.
    return.

{function, greet, 1, 6}.
  {label,5}.
    {line,[{location,"hello.erl",11}]}.
    {func_info,{atom,hello},{atom,greet},1}.
  {label,6}.
    {test_heap,2,1}.
    {put_list,{x,0},nil,{x,1}}.
    {move,{literal,1},{x,0}}.
    {line,[{location,"hello.erl",12}]}.
    {call_ext_only,2,{extfunc,io,format,2}}.

{function, module_info, 0, 8}.
  {label,7}.
    {line,[]}.
    {func_info,{atom,hello},{atom,module_info},0}.
  {label,8}.
    {move,{atom,hello},{x,0}}.
    {call_ext_only,1,{extfunc,erlang,get_module_info,1}}.

{function, module_info, 1, 10}.
  {label,9}.
    {line,[]}.
    {func_info,{atom,hello},{atom,module_info},1}.
  {label,10}.
    {move,{x,0},{x,1}}.
    {move,{atom,hello},{x,0}}.
    {call_ext_only,2,{extfunc,erlang,get_module_info,2}}.
    int_code_end.
`
	if got := disasm(t, f); got != want {
		t.Errorf("listing:\n%s\nwant:\n%s", got, want)
	}
}

// TestFuncInfoAndLineOperands pins down the operand kinds OTP 25 uses for
// the instructions every function starts with.
func TestFuncInfoAndLineOperands(t *testing.T) {
	f := mustParse(t, "hello.beam", readTestBeam(t, "hello"))
	// label 1; line 1; func_info hello start 0; label 2.
	want := []Instr{
		{Op: OpLabel, Args: []Operand{reg(KindU, 1)}, Offset: 0x14},
		{Op: OpLine, Args: []Operand{reg(KindU, 1)}, Offset: 0x16},
		{Op: OpFuncInfo, Args: []Operand{reg(KindAtom, 1), reg(KindAtom, 2), reg(KindU, 0)}, Offset: 0x18},
		{Op: OpLabel, Args: []Operand{reg(KindU, 2)}, Offset: 0x1c},
	}
	if got := f.Code.Instrs[:4]; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// TestBinaryConstruction checks bs_create_bin's segment list, including a
// string segment pointing into StrT.
func TestBinaryConstruction(t *testing.T) {
	f := mustParse(t, "bins.beam", readTestBeam(t, "bins"))
	want := `{function, build, 2, 2}.
  {label,1}.
    {line,[{location,"bins.erl",6}]}.
    {func_info,{atom,bins},{atom,build},2}.
  {label,2}.
    {line,[{location,"bins.erl",7}]}.
    {bs_create_bin,{f,0},0,2,1,{x,0},{list,[` +
		`{atom,integer},1,1,nil,{x,0},{integer,8},` +
		`{atom,integer},2,1,{literal,0},{x,1},{integer,16},` +
		`{atom,string},0,8,nil,0,{integer,3},` +
		`{atom,float},4,1,nil,{x,0},{integer,64}]}}.
    return.
`
	if got := disasmFunction(t, f, "build", "2"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	var create *Instr
	for i := range f.Code.Instrs {
		if f.Code.Instrs[i].Op == OpBsCreateBin {
			create = &f.Code.Instrs[i]
			break
		}
	}
	segments := create.Args[5].List
	if len(segments) != 4*6 {
		t.Fatalf("%d segment operands", len(segments))
	}
	str := segments[2*6:]
	if f.Atoms[str[0].Val-1] != "string" || str[4].Kind != KindU || str[5].Kind != KindI {
		t.Fatalf("third segment %v", str[:6])
	}
	if s := string(f.Strings[str[4].Val : str[4].Val+str[5].Val]); s != "abc" {
		t.Errorf("string segment %q", s)
	}
	if lit := f.Literals[segments[6+3].Val]; !bytes.Equal(lit, []byte{131, 108, 0, 0, 0, 1, 119, 6, 'l', 'i', 't', 't', 'l', 'e', 106}) {
		t.Errorf("flags literal % x, want [little]", lit)
	}
}

// TestBinaryMatching checks match instructions, a typed register and
// bs_match_string's pointer into StrT.
func TestBinaryMatching(t *testing.T) {
	f := mustParse(t, "bins.beam", readTestBeam(t, "bins"))
	listing := disasmFunction(t, f, "parse", "1")
	for _, want := range []string{
		"{bs_start_match3,{f,3},{x,0},1,{x,1}}.",
		"{bs_get_integer2,{f,5},{x,1},2,{integer,8},1,0,{x,2}}.",
		"{is_eq_exact,{f,5},{tr,{x,2},1},{integer,72}}.",
		"{bs_match_string,{f,5},{x,1},16,3}.",
		"{bs_get_integer2,{f,5},{x,1},2,{integer,16},1,6,{x,2}}.", // flags 6: little, signed
		"{bs_get_binary2,{f,5},{x,1},3,{atom,all},8,0,{x,3}}.",
		"{bs_get_utf8,{f,6},{x,1},2,0,{x,2}}.",
		"{put_tuple2,{x,0},{list,[{atom,utf8},{x,2}]}}.",
	} {
		if !strings.Contains(listing, want) {
			t.Errorf("missing %s in\n%s", want, listing)
		}
	}
	if s := string(f.Strings[3 : 3+2]); s != "DR" {
		t.Errorf("bs_match_string points at %q", s)
	}
}

func TestFuns(t *testing.T) {
	f := mustParse(t, "funs.beam", readTestBeam(t, "funs"))
	var funs []string
	for _, fun := range f.Funs {
		funs = append(funs, f.Atoms[fun.Function-1])
		if fun.Arity != 2 || fun.NumFree > 1 || fun.Label == 0 {
			t.Errorf("fun %+v", fun)
		}
	}
	if want := []string{"-adder/1-fun-0-", "-sum/1-fun-0-"}; !reflect.DeepEqual(funs, want) {
		t.Errorf("funs %q", funs)
	}
	for _, want := range []struct{ function, arity, instr string }{
		{"adder", "1", "{test_heap,{alloc,[{words,1},{funs,1}]},1}."},
		{"adder", "1", "{make_fun3,0,{x,0},{list,[{x,0}]}}."},
		{"sum", "1", "{make_fun3,1,{x,1},{list,[]}}."},
		{"apply_twice", "2", "{call_fun2,{atom,safe},1,{tr,{x,1},1}}."},
	} {
		if listing := disasmFunction(t, f, want.function, want.arity); !strings.Contains(listing, want.instr) {
			t.Errorf("missing %s in\n%s", want.instr, listing)
		}
	}
	if rev := disasmFunction(t, f, "rev", "0"); !strings.Contains(rev, "{move,{literal,0},{x,0}}.") {
		t.Errorf("fun lists:reverse/1 is not a literal:\n%s", rev)
	}
	// The literal is fun lists:reverse/1 as EXPORT_EXT (113).
	if lit := f.Literals[0]; lit[1] != 113 {
		t.Errorf("literal % x", lit)
	}
}

// TestNumbers checks integer operands of every size, big integers, floats
// and float registers.
func TestNumbers(t *testing.T) {
	f := mustParse(t, "lits.beam", readTestBeam(t, "lits"))
	big := disasmFunction(t, f, "big", "0")
	if !strings.Contains(big, "{move,{integer,18446744073709551616},{x,0}}.") {
		t.Errorf("2^64:\n%s", big)
	}
	if !strings.Contains(disasmFunction(t, f, "huge", "0"), "{move,{literal,4},{x,0}}.") {
		t.Errorf("2^128 is not a literal")
	}
	neg := disasmFunction(t, f, "neg", "1")
	for _, want := range []string{"{integer,1000000}", "{integer,-1}", "{integer,-4294967295}"} {
		if !strings.Contains(neg, want) {
			t.Errorf("missing %s in\n%s", want, neg)
		}
	}
	floats := disasmFunction(t, f, "floats", "2")
	for _, want := range []string{
		"{fmove,{x,0},{fr,0}}.",
		"{fmul,{f,0},{fr,0},{fr,1},{fr,2}}.",
		"{test_heap,{alloc,[{words,3},{floats,2}]},0}.",
	} {
		if !strings.Contains(floats, want) {
			t.Errorf("missing %s in\n%s", want, floats)
		}
	}
	atoms := disasmFunction(t, f, "atoms", "1")
	if !strings.Contains(atoms, "{list,[{x,0},{atom,'hello world'},{atom,'émigré'},{atom,'日本'}]}") {
		t.Errorf("UTF-8 atoms:\n%s", atoms)
	}
}

func TestBigOperand(t *testing.T) {
	f := mustParse(t, "lits.beam", readTestBeam(t, "lits"))
	for _, in := range f.Code.Instrs {
		if in.Op == OpMove && in.Args[0].Big != nil {
			if in.Args[0].Kind != KindI || in.Args[0].Big.Cmp(bigPow2(64)) != 0 {
				t.Errorf("big operand %v", in.Args[0])
			}
			return
		}
	}
	t.Error("no big integer operand")
}

func TestControlFlow(t *testing.T) {
	f := mustParse(t, "flow.beam", readTestBeam(t, "flow"))
	for _, want := range []struct{ function, arity, instr string }{
		{"wait", "1", "{loop_rec,{f,8},{x,0}}."},
		{"wait", "1", "{wait_timeout,{f,5},{y,0}}."},
		{"safe_div", "2", "{try,{y,0},{f,11}}."},
		{"safe_div", "2", "{raise,{x,2},{x,1}}."},
		{"classify", "1", "{select_val,{x,0},{f,17},{list,[{integer,0},{f,16},{integer,1},{f,15}]}}."},
		{"rec", "1", "{is_tagged_tuple,{f,22},{x,0},3,{atom,point}}."},
		{"rec", "1", "{call_ext,3,{extfunc,erlang,setelement,3}}."},
		{"rec", "1", "{badrecord,{x,0}}."},
	} {
		if listing := disasmFunction(t, f, want.function, want.arity); !strings.Contains(listing, want.instr) {
			t.Errorf("missing %s in\n%s", want.instr, listing)
		}
	}
}

// TestTwoSourceFiles checks a line table naming the module and an include
// file.
func TestTwoSourceFiles(t *testing.T) {
	f := mustParse(t, "flow.beam", readTestBeam(t, "flow"))
	if want := []string{"flow.erl", "flow.hrl"}; !reflect.DeepEqual(f.Lines.Filenames, want) {
		t.Errorf("filenames %q", f.Lines.Filenames)
	}
	if !strings.Contains(disasmFunction(t, f, "describe", "1"), `{line,[{location,"flow.hrl",3}]}`) {
		t.Error("describe/1 is not located in flow.hrl")
	}
	if got := f.Lines.Items[2]; got != (Location{File: 0, Line: 7}) {
		t.Errorf("item 2 is %+v", got)
	}
}

// TestOtherReleases parses the test modules as OTP 27 and OTP 29 compile
// them (testdata/otp27 and otp29, which scripts/gen-fixtures.sh makes in
// chroots), and checks that they describe the same modules as OTP 25's.
func TestOtherReleases(t *testing.T) {
	for _, release := range []string{"otp27", "otp29"} {
		for _, m := range testModules {
			f := mustParse(t, release+"/"+m+".beam", readRelease(t, release, m))
			checkInvariants(t, release+"/"+m, f)
			old := mustParse(t, m+".beam", readTestBeam(t, m))
			if f.Module != old.Module || len(f.Exports) != len(old.Exports) || !reflect.DeepEqual(f.Lines.Filenames, old.Lines.Filenames) {
				t.Errorf("%s/%s: module %s, %d exports, files %q", release, m, f.Module, len(f.Exports), f.Lines.Filenames)
			}
		}
	}
}

// TestOTP29Formats checks that OTP 29 files use the OTP 28 atom and
// literal tables, so that the tests above exercise them.
func TestOTP29Formats(t *testing.T) {
	chunks := splitBEAM(t, readRelease(t, "otp29", "lits"))
	if count := int32(binary.BigEndian.Uint32(chunkData(t, chunks, "AtU8"))); count >= 0 {
		t.Errorf("atom count %d is not negated", count)
	}
	if size := binary.BigEndian.Uint32(chunkData(t, chunks, "LitT")); size != 0 {
		t.Errorf("literal table is compressed (%d bytes)", size)
	}
	f := mustParse(t, "lits.beam", readRelease(t, "otp29", "lits"))
	if !strings.Contains(disasmFunction(t, f, "atoms", "1"), "{atom,'émigré'},{atom,'日本'}") {
		t.Error("UTF-8 atoms of the OTP 28 atom table")
	}
}

// TestLineCoverageAndDebugInfo checks executable_line (OTP 27) and
// debug_line (OTP 28) as their compilers emit them for newer.erl.
func TestLineCoverageAndDebugInfo(t *testing.T) {
	head := `{function, next, 1, 2}.
  {label,1}.
    {line,[{location,"newer.erl",9}]}.
    {func_info,{atom,newer},{atom,next},1}.
  {label,2}.
`
	for _, tc := range []struct{ release, body string }{
		{"otp25", `    {line,[{location,"newer.erl",10}]}.
    {gc_bif2,{f,0},1,{extfunc,erlang,'+',2},{x,0},{integer,1},{x,1}}.
    {test_heap,3,2}.
    {put_tuple2,{x,0},{list,[{x,1},{x,0}]}}.
    return.
`},
		{"otp27", `    {executable_line,[{location,"newer.erl",10}],1}.
    {line,[{location,"newer.erl",10}]}.
    {gc_bif2,{f,0},1,{extfunc,erlang,'+',2},{x,0},{integer,1},{x,1}}.
    {test_heap,3,2}.
    {executable_line,[{location,"newer.erl",11}],2}.
    {put_tuple2,{x,0},{list,[{x,1},{x,0}]}}.
    return.
`},
		{"otp29", `    {debug_line,{atom,entry},[{location,"newer.erl",9}],1,1}.
    {debug_line,{atom,line},[{location,"newer.erl",10}],2,1}.
    {executable_line,[{location,"newer.erl",10}],1}.
    {line,[{location,"newer.erl",10}]}.
    {gc_bif2,{f,0},1,{extfunc,erlang,'+',2},{x,0},{integer,1},{x,1}}.
    {debug_line,{atom,line},[{location,"newer.erl",11}],4,2}.
    {test_heap,3,2}.
    {executable_line,[{location,"newer.erl",11}],2}.
    {put_tuple2,{x,0},{list,[{x,1},{x,0}]}}.
    return.
`},
	} {
		f := mustParse(t, "newer.beam", readRelease(t, tc.release, "newer"))
		if got := disasmFunction(t, f, "next", "1"); got != head+tc.body {
			t.Errorf("%s:\n%s\nwant:\n%s", tc.release, got, head+tc.body)
		}
	}
}

// TestOTP26Instructions checks bs_match and update_record, which OTP 26
// introduced, as OTP 29 emits them.
func TestOTP26Instructions(t *testing.T) {
	bins := mustParse(t, "bins.beam", readRelease(t, "otp29", "bins"))
	want := "{bs_match,{f,5},{x,1},{list,[{atom,ensure_at_least},32,8,{atom,'=:='},nil,16,17490," +
		"{atom,integer},2,{literal,1},16,1,{x,0},{atom,get_tail},2,8,{x,1}]}}."
	if listing := disasmFunction(t, bins, "parse", "1"); !strings.Contains(listing, want) {
		t.Errorf("missing %s in\n%s", want, listing)
	}
	flow := mustParse(t, "flow.beam", readRelease(t, "otp29", "flow"))
	want = "{update_record,{atom,reuse},3,{tr,{x,0},1},{x,0},{list,[2,{integer,1}]}}."
	if listing := disasmFunction(t, flow, "rec", "1"); !strings.Contains(listing, want) {
		t.Errorf("missing %s in\n%s", want, listing)
	}
}

// Format variants: each test rewrites an OTP 25 file the way another
// compiler or tool would write it, and expects the same File.

// otp28AtomTable re-encodes an AtU8 chunk with a negated count and compact
// u lengths, as OTP 28 does, appending the extra atoms.
func otp28AtomTable(atoms []string, extra ...string) []byte {
	all := append(append([]string{}, atoms...), extra...)
	data := be32(uint32(-int32(len(all))))
	for _, a := range all {
		data = append(data, encodeTerm(tagU, big.NewInt(int64(len(a))))...)
		data = append(data, a...)
	}
	return data
}

func TestOTP28AtomTable(t *testing.T) {
	data := readTestBeam(t, "lits")
	want := mustParse(t, "lits.beam", data)
	long := strings.Repeat("é", 200) // 400 bytes: needs the two-byte length form
	chunks := withChunk(splitBEAM(t, data), "AtU8", otp28AtomTable(want.Atoms, long))
	got := mustParse(t, "lits.beam", buildBEAM(chunks...))
	if got.Atoms[len(got.Atoms)-1] != long {
		t.Errorf("long atom %q", got.Atoms[len(got.Atoms)-1])
	}
	got.Atoms = got.Atoms[:len(got.Atoms)-1]
	if !reflect.DeepEqual(got, want) {
		t.Error("OTP 28 atom table decodes differently")
	}
}

// inflatedLiterals returns the literal table of an OTP 25 LitT chunk.
func inflatedLiterals(t *testing.T, litT []byte) []byte {
	zr, err := zlib.NewReader(bytes.NewReader(litT[4:]))
	if err != nil {
		t.Fatal(err)
	}
	table, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return table
}

func TestUncompressedLiterals(t *testing.T) {
	data := readTestBeam(t, "lits")
	want := mustParse(t, "lits.beam", data)
	chunks := splitBEAM(t, data)
	table := inflatedLiterals(t, chunkData(t, chunks, "LitT"))
	for name, variant := range map[string][]testChunk{
		"OTP 28 LitT": withChunk(chunks, "LitT", cat(be32(0), table)),
		"AtomVM LitU": append(withChunk(chunks, "LitT", nil), testChunk{"LitU", table}),
	} {
		if got := mustParse(t, "lits.beam", buildBEAM(variant...)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s decodes differently", name)
		}
	}
}

func TestGzip(t *testing.T) {
	data := readTestBeam(t, "funs")
	var compressed bytes.Buffer
	zw := gzip.NewWriter(&compressed)
	zw.Write(data)
	zw.Close()
	if got, want := mustParse(t, "funs.beam", compressed.Bytes()), mustParse(t, "funs.beam", data); !reflect.DeepEqual(got, want) {
		t.Error("gzip-compressed file decodes differently")
	}
}

func TestLatin1AtomChunk(t *testing.T) {
	atom := cat(be32(3), []byte("\x01m\x01f\x06\xe9migr\xe9")) // émigré in Latin-1
	chunks := withChunk(tinyChunks(), "AtU8", nil)
	f := mustParse(t, "m.beam", buildBEAM(append(chunks, testChunk{"Atom", atom})...))
	if want := []string{"m", "f", "émigré"}; !reflect.DeepEqual(f.Atoms, want) {
		t.Errorf("atoms %q", f.Atoms)
	}
}

func TestLineChunkVersions(t *testing.T) {
	data := readTestBeam(t, "flow")
	want := mustParse(t, "flow.beam", data)
	chunks := splitBEAM(t, data)
	line := chunkData(t, chunks, "Line")

	// OTP 27 sets flag bits (executable_line present, forced counters).
	flagged := cat(line[:4], be32(3), line[8:])
	if got := mustParse(t, "flow.beam", buildBEAM(withChunk(chunks, "Line", flagged)...)); !reflect.DeepEqual(got, want) {
		t.Error("flags change the line table")
	}

	// A future format is ignored, as the BEAM loader does.
	future := cat(be32(1), line[4:])
	if got := mustParse(t, "flow.beam", buildBEAM(withChunk(chunks, "Line", future)...)); got.Lines != nil {
		t.Errorf("version 1 line table decoded: %+v", got.Lines)
	}

	// An empty filename stands for the module's source file.
	empty := cat(be32(0, 0, 1, 1, 1), []byte{0x10 | tagA, 0x50 | tagI, 0, 0})
	got := mustParse(t, "flow.beam", buildBEAM(withChunk(chunks, "Line", empty)...))
	wantLines := &LineTable{Items: []Location{{0, 0}, {1, 5}}, Filenames: []string{"flow.erl", "flow.erl"}}
	if !reflect.DeepEqual(got.Lines, wantLines) {
		t.Errorf("lines %+v", got.Lines)
	}
}

// TestChunksSkipped checks that unknown chunks, missing optional chunks,
// bytes after the form and a missing final padding are all accepted.
func TestChunksSkipped(t *testing.T) {
	data := readTestBeam(t, "funs")
	want := mustParse(t, "funs.beam", data)
	chunks := append(splitBEAM(t, data),
		testChunk{"ExCk", []byte{131, 106}},
		testChunk{"Docs", []byte{1, 2, 3, 4, 5}},
		testChunk{"avmN", nil},
		testChunk{"DbgB", []byte{0}},
	)
	if got := mustParse(t, "funs.beam", append(buildBEAM(chunks...), 0, 0, 0)); !reflect.DeepEqual(got, want) {
		t.Error("extra chunks change the result")
	}

	// A stripped file, like AtomVM's packbeam writes: no LocT, Line, Attr, CInf.
	var stripped []testChunk
	for _, c := range splitBEAM(t, data) {
		switch c.id {
		case "AtU8", "Code", "ExpT", "ImpT", "LitT", "FunT", "StrT":
			stripped = append(stripped, c)
		}
	}
	got := mustParse(t, "funs.beam", buildBEAM(stripped...))
	if got.Locals != nil || got.Lines != nil || got.Attributes != nil || got.CompileInfo != nil {
		t.Error("stripped chunks are not empty")
	}
	if !reflect.DeepEqual(got.Code, want.Code) || !reflect.DeepEqual(got.Funs, want.Funs) {
		t.Error("stripping changes the code")
	}

	// The last chunk without its padding (its data ends the form).
	odd := buildBEAM(append(withChunk(tinyChunks(), "StrT", nil), testChunk{"StrT", []byte("abcde")})...)
	odd = odd[:len(odd)-3]
	odd[7] -= 3 // form size
	if f := mustParse(t, "m.beam", odd); string(f.Strings) != "abcde" {
		t.Errorf("strings %q", f.Strings)
	}
}

// TestNewerInstructions decodes one instruction of each opcode added after
// OTP 25, with operands as their compilers emit them.
func TestNewerInstructions(t *testing.T) {
	code := cat(
		// update_record copy 3 x0 x0 [2 ok] (OTP 26)
		[]byte{byte(OpUpdateRecord), 0x32, 0x30, 0x03, 0x03, 0x17, 0x20, 0x20, 0x32},
		// bs_match f2 x0 [ok 8 f 1 nil 8 1 x1] (OTP 26; the atoms stand in for
		// ensure_exactly and integer); 8 in the two-byte form
		[]byte{byte(OpBsMatch), 0x25, 0x03, 0x17, 0x80, 0x32, 0x08, 0x08, 0x22, 0x10, 0x02, 0x08, 0x08, 0x10, 0x13},
		// executable_line 1 7 (OTP 27)
		[]byte{byte(OpExecutableLine), 0x10, 0x70},
		// debug_line ok 1 2 1 (OTP 28)
		[]byte{byte(OpDebugLine), 0x32, 0x10, 0x20, 0x10},
		// bif3 f0 u0 x0 x1 x2 x0 (OTP 29)
		[]byte{byte(OpBif3), 0x05, 0x00, 0x03, 0x13, 0x23, 0x03},
		[]byte{byte(OpReturn)},
	)
	f := mustParse(t, "m.beam", tinyModule(code...))
	want := `    {update_record,{atom,ok},3,{x,0},{x,0},{list,[2,{atom,ok}]}}.
    {bs_match,{f,2},{x,0},{list,[{atom,ok},8,{atom,f},1,nil,8,1,{x,1}]}}.
    {executable_line,1,7}.
    {debug_line,{atom,ok},1,2,1}.
    {bif3,{f,0},0,{x,0},{x,1},{x,2},{x,0}}.
    return.
    int_code_end.
`
	if got := disasmFunction(t, f, "f", "0"); !strings.HasSuffix(got, want) {
		t.Errorf("got:\n%s\nwant it to end with:\n%s", got, want)
	}
}

func TestTypedRegisters(t *testing.T) {
	// move {tr,{x,1},3} {tr,{y,0},1}; return
	f := mustParse(t, "m.beam", tinyModule(byte(OpMove), 0x57, 0x13, 0x30, 0x57, 0x04, 0x10, byte(OpReturn)))
	move := f.Code.Instrs[3]
	want := Instr{Op: OpMove, Args: []Operand{{Kind: KindX, Val: 1, Type: 3}, {Kind: KindY, Val: 0, Type: 1}}, Offset: 0x1c}
	if !reflect.DeepEqual(move, want) {
		t.Errorf("got %+v, want %+v", move, want)
	}
}

func TestTinyModule(t *testing.T) {
	f := mustParse(t, "m.beam", tinyModule(byte(OpReturn)))
	checkInvariants(t, "m.beam", f)
	if want := [][]byte{{131, 106}, {131, 97, 1}, {131, 97, 2}}; !reflect.DeepEqual(f.Literals, want) {
		t.Errorf("literals %v", f.Literals)
	}
}
