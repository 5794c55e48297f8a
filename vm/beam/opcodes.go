package beam

import "strconv"

// Opcode is a generic BEAM instruction number, as listed in the compiler's
// genop.tab. The numbering is fixed: an opcode never changes number or
// arity once released, so one table serves OTP 25 through OTP 29.
//
// Each comment below gives the instruction's operands in order. Operand
// names follow genop.tab; the letter in parentheses is the compact-term tag
// the compiler uses for it (see [OperandKind]):
//
//	Fail, Lbl   f: label; Fail f(0) means "no fail label: raise instead"
//	Live        u: number of live X registers if a GC happens
//	Arity       u
//	Import      u: index into [File.Imports] (external functions and BIFs)
//	Dst         x or y register (possibly typed)
//	Src, Arg    any value: register, atom, integer, literal, nil
//	List        z1: the variable-length tail, always the last operand
//
// Opcodes marked obsolete are refused by the OTP 25 runtime; they are
// listed so that every number has a name and an arity, and they decode
// like any other instruction.
type Opcode uint8

const (
	OpLabel               Opcode = 1   // label/1 Lbl(u): defines local label Lbl
	OpFuncInfo            Opcode = 2   // func_info/3 Module(a) Function(a) Arity(u): raise function_clause; just before each entry label
	OpIntCodeEnd          Opcode = 3   // int_code_end/0: end of the code
	OpCall                Opcode = 4   // call/2 Arity Lbl(f): call local function, return address in CP
	OpCallLast            Opcode = 5   // call_last/3 Arity Lbl(f) Deallocate(u): deallocate the frame, then tail call
	OpCallOnly            Opcode = 6   // call_only/2 Arity Lbl(f): tail call without a frame
	OpCallExt             Opcode = 7   // call_ext/2 Arity Import: call external function
	OpCallExtLast         Opcode = 8   // call_ext_last/3 Arity Import Deallocate(u): deallocate, then external tail call
	OpBif0                Opcode = 9   // bif0/2 Import Dst: call a BIF of arity 0 (cannot fail)
	OpBif1                Opcode = 10  // bif1/4 Fail Import Arg Dst
	OpBif2                Opcode = 11  // bif2/5 Fail Import Arg1 Arg2 Dst
	OpAllocate            Opcode = 12  // allocate/2 StackNeed(u) Live: push a frame of StackNeed Y registers and CP
	OpAllocateHeap        Opcode = 13  // allocate_heap/3 StackNeed(u) HeapNeed(u|z3) Live
	OpAllocateZero        Opcode = 14  // allocate_zero/2 StackNeed Live: like allocate, Y registers set to nil (pre-OTP 24 code)
	OpAllocateHeapZero    Opcode = 15  // allocate_heap_zero/3 StackNeed HeapNeed Live (pre-OTP 24 code)
	OpTestHeap            Opcode = 16  // test_heap/2 HeapNeed(u|z3) Live: ensure HeapNeed free heap words
	OpInit                Opcode = 17  // init/1 Y: set Y to nil (pre-OTP 24 code)
	OpDeallocate          Opcode = 18  // deallocate/1 N(u): pop N Y registers and restore CP
	OpReturn              Opcode = 19  // return/0: jump to CP
	OpSend                Opcode = 20  // send/0: send x1 to x0; result in x0
	OpRemoveMessage       Opcode = 21  // remove_message/0: unlink the current message; clear the timeout
	OpTimeout             Opcode = 22  // timeout/0: reset the mailbox save point after a receive timeout
	OpLoopRec             Opcode = 23  // loop_rec/2 Lbl(f) Dst(x0): current message into x0, or jump to Lbl if none
	OpLoopRecEnd          Opcode = 24  // loop_rec_end/1 Lbl(f): advance to the next message and jump to Lbl
	OpWait                Opcode = 25  // wait/1 Lbl(f): suspend; resume at Lbl
	OpWaitTimeout         Opcode = 26  // wait_timeout/2 Lbl(f) Time: suspend for Time ms at most; resume at Lbl
	OpMPlus               Opcode = 27  // m_plus/4: obsolete
	OpMMinus              Opcode = 28  // m_minus/4: obsolete
	OpMTimes              Opcode = 29  // m_times/4: obsolete
	OpMDiv                Opcode = 30  // m_div/4: obsolete
	OpIntDiv              Opcode = 31  // int_div/4: obsolete
	OpIntRem              Opcode = 32  // int_rem/4: obsolete
	OpIntBand             Opcode = 33  // int_band/4: obsolete
	OpIntBor              Opcode = 34  // int_bor/4: obsolete
	OpIntBxor             Opcode = 35  // int_bxor/4: obsolete
	OpIntBsl              Opcode = 36  // int_bsl/4: obsolete
	OpIntBsr              Opcode = 37  // int_bsr/4: obsolete
	OpIntBnot             Opcode = 38  // int_bnot/3: obsolete
	OpIsLt                Opcode = 39  // is_lt/3 Fail Arg1 Arg2: jump to Fail unless Arg1 < Arg2
	OpIsGe                Opcode = 40  // is_ge/3 Fail Arg1 Arg2: jump to Fail unless Arg1 >= Arg2
	OpIsEq                Opcode = 41  // is_eq/3 Fail Arg1 Arg2: jump to Fail unless Arg1 == Arg2
	OpIsNe                Opcode = 42  // is_ne/3 Fail Arg1 Arg2: jump to Fail unless Arg1 /= Arg2
	OpIsEqExact           Opcode = 43  // is_eq_exact/3 Fail Arg1 Arg2: jump to Fail unless Arg1 =:= Arg2
	OpIsNeExact           Opcode = 44  // is_ne_exact/3 Fail Arg1 Arg2: jump to Fail unless Arg1 =/= Arg2
	OpIsInteger           Opcode = 45  // is_integer/2 Fail Arg: type test, jump to Fail if false
	OpIsFloat             Opcode = 46  // is_float/2 Fail Arg
	OpIsNumber            Opcode = 47  // is_number/2 Fail Arg
	OpIsAtom              Opcode = 48  // is_atom/2 Fail Arg
	OpIsPid               Opcode = 49  // is_pid/2 Fail Arg
	OpIsReference         Opcode = 50  // is_reference/2 Fail Arg
	OpIsPort              Opcode = 51  // is_port/2 Fail Arg
	OpIsNil               Opcode = 52  // is_nil/2 Fail Arg
	OpIsBinary            Opcode = 53  // is_binary/2 Fail Arg
	OpIsConstant          Opcode = 54  // is_constant/2: obsolete
	OpIsList              Opcode = 55  // is_list/2 Fail Arg: cons or nil
	OpIsNonemptyList      Opcode = 56  // is_nonempty_list/2 Fail Arg: cons
	OpIsTuple             Opcode = 57  // is_tuple/2 Fail Arg
	OpTestArity           Opcode = 58  // test_arity/3 Fail Arg Arity(u): tuple Arg has Arity elements
	OpSelectVal           Opcode = 59  // select_val/3 Arg Fail List: List = [Value, Lbl(f), ...]; jump to the Lbl of the matching Value, else Fail
	OpSelectTupleArity    Opcode = 60  // select_tuple_arity/3 Tuple Fail List: List = [Arity(u), Lbl(f), ...]
	OpJump                Opcode = 61  // jump/1 Lbl(f)
	OpCatch               Opcode = 62  // catch/2 Y Lbl(f): store a catch tag for handler Lbl in Y
	OpCatchEnd            Opcode = 63  // catch_end/1 Y: end of a catch; convert an exception in x0 to the catch value
	OpMove                Opcode = 64  // move/2 Src Dst
	OpGetList             Opcode = 65  // get_list/3 Src Head Tail: split the cons in Src
	OpGetTupleElement     Opcode = 66  // get_tuple_element/3 Src Element(u) Dst: 0-based element
	OpSetTupleElement     Opcode = 67  // set_tuple_element/3 Value Tuple Position(u): destructive update (not emitted since OTP 26)
	OpPutString           Opcode = 68  // put_string/3: obsolete
	OpPutList             Opcode = 69  // put_list/3 Head Tail Dst: build a cons
	OpPutTuple            Opcode = 70  // put_tuple/2: obsolete (OTP 22 uses put_tuple2)
	OpPut                 Opcode = 71  // put/1: obsolete
	OpBadmatch            Opcode = 72  // badmatch/1 Arg: raise {badmatch,Arg}
	OpIfEnd               Opcode = 73  // if_end/0: raise if_clause
	OpCaseEnd             Opcode = 74  // case_end/1 Arg: raise {case_clause,Arg}
	OpCallFun             Opcode = 75  // call_fun/1 Arity(u): call the fun in x[Arity] with x0..x[Arity-1]
	OpMakeFun             Opcode = 76  // make_fun/3: obsolete
	OpIsFunction          Opcode = 77  // is_function/2 Fail Arg
	OpCallExtOnly         Opcode = 78  // call_ext_only/2 Arity Import: external tail call without a frame
	OpBsStartMatch        Opcode = 79  // bs_start_match/2: obsolete
	OpBsGetInteger        Opcode = 80  // bs_get_integer/5: obsolete
	OpBsGetFloat          Opcode = 81  // bs_get_float/5: obsolete
	OpBsGetBinary         Opcode = 82  // bs_get_binary/5: obsolete
	OpBsSkipBits          Opcode = 83  // bs_skip_bits/4: obsolete
	OpBsTestTail          Opcode = 84  // bs_test_tail/2: obsolete
	OpBsSave              Opcode = 85  // bs_save/1: obsolete
	OpBsRestore           Opcode = 86  // bs_restore/1: obsolete
	OpBsInit              Opcode = 87  // bs_init/2: obsolete
	OpBsFinal             Opcode = 88  // bs_final/2: obsolete
	OpBsPutInteger        Opcode = 89  // bs_put_integer/5 Fail Size Unit(u) Flags(u) Src (only with +no_bs_create_bin)
	OpBsPutBinary         Opcode = 90  // bs_put_binary/5 Fail Size Unit(u) Flags(u) Src (only with +no_bs_create_bin)
	OpBsPutFloat          Opcode = 91  // bs_put_float/5 Fail Size Unit(u) Flags(u) Src (only with +no_bs_create_bin)
	OpBsPutString         Opcode = 92  // bs_put_string/2 Length(u) Offset(u): bytes from [File.Strings] (only with +no_bs_create_bin)
	OpBsNeedBuf           Opcode = 93  // bs_need_buf/1: obsolete
	OpFclearerror         Opcode = 94  // fclearerror/0: not emitted since OTP 24
	OpFcheckerror         Opcode = 95  // fcheckerror/1 Fail: not emitted since OTP 24
	OpFmove               Opcode = 96  // fmove/2 Src Dst: between a float register (z2) and a register or literal
	OpFconv               Opcode = 97  // fconv/2 Src Dst(z2): convert a number to a float register
	OpFadd                Opcode = 98  // fadd/4 Fail Arg1(z2) Arg2(z2) Dst(z2)
	OpFsub                Opcode = 99  // fsub/4 Fail Arg1(z2) Arg2(z2) Dst(z2)
	OpFmul                Opcode = 100 // fmul/4 Fail Arg1(z2) Arg2(z2) Dst(z2)
	OpFdiv                Opcode = 101 // fdiv/4 Fail Arg1(z2) Arg2(z2) Dst(z2)
	OpFnegate             Opcode = 102 // fnegate/3 Fail Arg(z2) Dst(z2)
	OpMakeFun2            Opcode = 103 // make_fun2/1 FunIndex(u): fun with free variables from x0.. (pre-OTP 24 code)
	OpTry                 Opcode = 104 // try/2 Y Lbl(f): store a try tag for handler Lbl in Y
	OpTryEnd              Opcode = 105 // try_end/1 Y: leave the try body normally
	OpTryCase             Opcode = 106 // try_case/1 Y: start of the handler; x0..x2 = class, reason, stacktrace
	OpTryCaseEnd          Opcode = 107 // try_case_end/1 Arg: raise {try_clause,Arg}
	OpRaise               Opcode = 108 // raise/2 Stacktrace Value: re-raise an exception
	OpBsInit2             Opcode = 109 // bs_init2/6 Fail Size Words(u) Live Flags(u) Dst (only with +no_bs_create_bin)
	OpBsBitsToBytes       Opcode = 110 // bs_bits_to_bytes/3: obsolete
	OpBsAdd               Opcode = 111 // bs_add/5 Fail Src1 Src2 Unit(u) Dst (only with +no_bs_create_bin)
	OpApply               Opcode = 112 // apply/1 Arity(u): call x[Arity]:x[Arity+1] with x0..x[Arity-1]
	OpApplyLast           Opcode = 113 // apply_last/2 Arity(u) Deallocate(u)
	OpIsBoolean           Opcode = 114 // is_boolean/2 Fail Arg
	OpIsFunction2         Opcode = 115 // is_function2/3 Fail Arg Arity(i): fun of the given arity
	OpBsStartMatch2       Opcode = 116 // bs_start_match2/5: obsolete
	OpBsGetInteger2       Opcode = 117 // bs_get_integer2/7 Fail Ctx Live Size Unit(u) Flags(u) Dst
	OpBsGetFloat2         Opcode = 118 // bs_get_float2/7 Fail Ctx Live Size Unit(u) Flags(u) Dst
	OpBsGetBinary2        Opcode = 119 // bs_get_binary2/7 Fail Ctx Live Size Unit(u) Flags(u) Dst; Size may be the atom all
	OpBsSkipBits2         Opcode = 120 // bs_skip_bits2/5 Fail Ctx Size Unit(u) Flags(u)
	OpBsTestTail2         Opcode = 121 // bs_test_tail2/3 Fail Ctx Bits(u): exactly Bits remain
	OpBsSave2             Opcode = 122 // bs_save2/2: obsolete
	OpBsRestore2          Opcode = 123 // bs_restore2/2: obsolete
	OpGcBif1              Opcode = 124 // gc_bif1/5 Fail Live Import Arg Dst
	OpGcBif2              Opcode = 125 // gc_bif2/6 Fail Live Import Arg1 Arg2 Dst
	OpBsFinal2            Opcode = 126 // bs_final2/2: obsolete
	OpBsBitsToBytes2      Opcode = 127 // bs_bits_to_bytes2/2: obsolete
	OpPutLiteral          Opcode = 128 // put_literal/2: obsolete
	OpIsBitstr            Opcode = 129 // is_bitstr/2 Fail Arg
	OpBsContextToBinary   Opcode = 130 // bs_context_to_binary/1: obsolete
	OpBsTestUnit          Opcode = 131 // bs_test_unit/3 Fail Ctx Unit(u): remaining bits divisible by Unit
	OpBsMatchString       Opcode = 132 // bs_match_string/4 Fail Ctx Bits(u) Offset(u): match Bits bits of [File.Strings] at Offset
	OpBsInitWritable      Opcode = 133 // bs_init_writable/0: x0 = writable binary of size x0
	OpBsAppend            Opcode = 134 // bs_append/8 Fail Size Extra(u) Live Unit(u) Bin Flags(u) Dst (only with +no_bs_create_bin)
	OpBsPrivateAppend     Opcode = 135 // bs_private_append/6 Fail Size Unit(u) Bin Flags(u) Dst (only with +no_bs_create_bin)
	OpTrim                Opcode = 136 // trim/2 N(u) Remaining(u): drop the N lowest Y registers
	OpBsInitBits          Opcode = 137 // bs_init_bits/6 Fail Size Words(u) Live Flags(u) Dst (only with +no_bs_create_bin)
	OpBsGetUtf8           Opcode = 138 // bs_get_utf8/5 Fail Ctx Live Flags(u) Dst
	OpBsSkipUtf8          Opcode = 139 // bs_skip_utf8/4 Fail Ctx Live Flags(u)
	OpBsGetUtf16          Opcode = 140 // bs_get_utf16/5 Fail Ctx Live Flags(u) Dst
	OpBsSkipUtf16         Opcode = 141 // bs_skip_utf16/4 Fail Ctx Live Flags(u)
	OpBsGetUtf32          Opcode = 142 // bs_get_utf32/5 Fail Ctx Live Flags(u) Dst
	OpBsSkipUtf32         Opcode = 143 // bs_skip_utf32/4 Fail Ctx Live Flags(u)
	OpBsUtf8Size          Opcode = 144 // bs_utf8_size/3 Fail Src Dst (only with +no_bs_create_bin)
	OpBsPutUtf8           Opcode = 145 // bs_put_utf8/3 Fail Flags(u) Src (only with +no_bs_create_bin)
	OpBsUtf16Size         Opcode = 146 // bs_utf16_size/3 Fail Src Dst (only with +no_bs_create_bin)
	OpBsPutUtf16          Opcode = 147 // bs_put_utf16/3 Fail Flags(u) Src (only with +no_bs_create_bin)
	OpBsPutUtf32          Opcode = 148 // bs_put_utf32/3 Fail Flags(u) Src (only with +no_bs_create_bin)
	OpOnLoad              Opcode = 149 // on_load/0: marks the -on_load() function
	OpRecvMark            Opcode = 150 // recv_mark/1 Lbl(f): not emitted since OTP 24
	OpRecvSet             Opcode = 151 // recv_set/1 Lbl(f): not emitted since OTP 24
	OpGcBif3              Opcode = 152 // gc_bif3/7 Fail Live Import Arg1 Arg2 Arg3 Dst
	OpLine                Opcode = 153 // line/1 Location(u): index into [File.Lines] Items; 0 = no location
	OpPutMapAssoc         Opcode = 154 // put_map_assoc/5 Fail Src Dst Live List: List = [Key, Value, ...] (=>)
	OpPutMapExact         Opcode = 155 // put_map_exact/5 Fail Src Dst Live List: List = [Key, Value, ...] (:=)
	OpIsMap               Opcode = 156 // is_map/2 Fail Arg
	OpHasMapFields        Opcode = 157 // has_map_fields/3 Fail Src List: List = [Key, ...]
	OpGetMapElements      Opcode = 158 // get_map_elements/3 Fail Src List: List = [Key, Dst, ...]
	OpIsTaggedTuple       Opcode = 159 // is_tagged_tuple/4 Fail Arg Arity(u) Atom(a): tuple of Arity whose first element is Atom
	OpBuildStacktrace     Opcode = 160 // build_stacktrace/0: x0 = cooked stacktrace built from the raw one in x0
	OpRawRaise            Opcode = 161 // raw_raise/0: raise class x0, reason x1, raw stacktrace x2
	OpGetHd               Opcode = 162 // get_hd/2 Src Head
	OpGetTl               Opcode = 163 // get_tl/2 Src Tail
	OpPutTuple2           Opcode = 164 // put_tuple2/2 Dst List: List = the elements
	OpBsGetTail           Opcode = 165 // bs_get_tail/3 Ctx Dst Live: Dst = rest of the match context as a binary
	OpBsStartMatch3       Opcode = 166 // bs_start_match3/4 Fail Bin Live Dst: Dst = match context over Bin
	OpBsGetPosition       Opcode = 167 // bs_get_position/3 Ctx Dst Live
	OpBsSetPosition       Opcode = 168 // bs_set_position/2 Ctx Pos
	OpSwap                Opcode = 169 // swap/2 Reg1 Reg2
	OpBsStartMatch4       Opcode = 170 // bs_start_match4/4 Fail Live Bin Dst: Fail is a label or the atom no_fail or resume (genop.tab's @spec swaps Live and Bin)
	OpMakeFun3            Opcode = 171 // make_fun3/3 FunIndex(u) Dst List: FunIndex into [File.Funs], List = free variables
	OpInitYregs           Opcode = 172 // init_yregs/1 List: set each Y register in List to nil
	OpRecvMarkerBind      Opcode = 173 // recv_marker_bind/2 Marker Ref: bind a reserved marker to reference Ref
	OpRecvMarkerClear     Opcode = 174 // recv_marker_clear/1 Ref
	OpRecvMarkerReserve   Opcode = 175 // recv_marker_reserve/1 Dst: Dst = new marker
	OpRecvMarkerUse       Opcode = 176 // recv_marker_use/1 Ref: start the next receive at the marker for Ref
	OpBsCreateBin         Opcode = 177 // bs_create_bin/6 Fail Alloc(u|z3) Live Unit(u) Dst List: List = 6 operands per segment: Type(a) SegNo(u) Unit(u) Flags Src Size
	OpCallFun2            Opcode = 178 // call_fun2/3 Tag Arity(u) Func: Tag = FunIndex(u) or the atom safe or unsafe
	OpNifStart            Opcode = 179 // nif_start/0: no-op at the start of each function listed in -nifs()
	OpBadrecord           Opcode = 180 // badrecord/1 Arg: raise {badrecord,Arg}
	OpUpdateRecord        Opcode = 181 // update_record/5 Hint(a) Size(u) Src Dst List: List = [Index(u), Value, ...], 1-based; Hint copy or reuse
	OpBsMatch             Opcode = 182 // bs_match/3 Fail Ctx List: List = flattened commands, each starting with an atom
	OpExecutableLine      Opcode = 183 // executable_line/2 Location(u) Index(u): coverage point (+line_coverage, OTP 27)
	OpDebugLine           Opcode = 184 // debug_line/4 Kind(a) Location(u) Index(u) Live: breakpoint site (+beam_debug_info, OTP 28)
	OpBif3                Opcode = 185 // bif3/6 Fail Import Arg1 Arg2 Arg3 Dst (OTP 29)
	OpIsAnyNativeRecord   Opcode = 186 // is_any_native_record/2 Fail Arg (OTP 29)
	OpIsNativeRecord      Opcode = 187 // is_native_record/4 Fail Rec Module Name (OTP 29)
	OpGetRecordElements   Opcode = 188 // get_record_elements/3 Fail Rec List: List = [FieldName, Dst, ...] (OTP 29)
	OpPutRecord           Opcode = 189 // put_record/6 Fail Id Src Dst Live List: create (Src nil) or update a native record (OTP 29)
	OpIsRecordAccessible  Opcode = 190 // is_record_accessible/3 Fail Rec Scope(a) (OTP 29)
	OpGetRecordField      Opcode = 191 // get_record_field/5 Fail Rec Id Field Dst (OTP 29)
	OpGetRecordElementsID Opcode = 192 // get_record_elements_id/4 Fail Id Rec List: List = [FieldName, Dst, ...] (OTP 29)
	OpUpdateRecordID      Opcode = 193 // update_record_id/6 Hint Id Src Dst Live List (OTP 29)

	// MaxOpcode is the highest opcode this package knows.
	MaxOpcode = OpUpdateRecordID
)

type opcodeInfo struct {
	name  string // as in genop.tab and erlc -S
	arity uint8  // number of operands; a z1 list counts as one
}

var opcodes = [...]opcodeInfo{
	OpLabel:               {"label", 1},
	OpFuncInfo:            {"func_info", 3},
	OpIntCodeEnd:          {"int_code_end", 0},
	OpCall:                {"call", 2},
	OpCallLast:            {"call_last", 3},
	OpCallOnly:            {"call_only", 2},
	OpCallExt:             {"call_ext", 2},
	OpCallExtLast:         {"call_ext_last", 3},
	OpBif0:                {"bif0", 2},
	OpBif1:                {"bif1", 4},
	OpBif2:                {"bif2", 5},
	OpAllocate:            {"allocate", 2},
	OpAllocateHeap:        {"allocate_heap", 3},
	OpAllocateZero:        {"allocate_zero", 2},
	OpAllocateHeapZero:    {"allocate_heap_zero", 3},
	OpTestHeap:            {"test_heap", 2},
	OpInit:                {"init", 1},
	OpDeallocate:          {"deallocate", 1},
	OpReturn:              {"return", 0},
	OpSend:                {"send", 0},
	OpRemoveMessage:       {"remove_message", 0},
	OpTimeout:             {"timeout", 0},
	OpLoopRec:             {"loop_rec", 2},
	OpLoopRecEnd:          {"loop_rec_end", 1},
	OpWait:                {"wait", 1},
	OpWaitTimeout:         {"wait_timeout", 2},
	OpMPlus:               {"m_plus", 4},
	OpMMinus:              {"m_minus", 4},
	OpMTimes:              {"m_times", 4},
	OpMDiv:                {"m_div", 4},
	OpIntDiv:              {"int_div", 4},
	OpIntRem:              {"int_rem", 4},
	OpIntBand:             {"int_band", 4},
	OpIntBor:              {"int_bor", 4},
	OpIntBxor:             {"int_bxor", 4},
	OpIntBsl:              {"int_bsl", 4},
	OpIntBsr:              {"int_bsr", 4},
	OpIntBnot:             {"int_bnot", 3},
	OpIsLt:                {"is_lt", 3},
	OpIsGe:                {"is_ge", 3},
	OpIsEq:                {"is_eq", 3},
	OpIsNe:                {"is_ne", 3},
	OpIsEqExact:           {"is_eq_exact", 3},
	OpIsNeExact:           {"is_ne_exact", 3},
	OpIsInteger:           {"is_integer", 2},
	OpIsFloat:             {"is_float", 2},
	OpIsNumber:            {"is_number", 2},
	OpIsAtom:              {"is_atom", 2},
	OpIsPid:               {"is_pid", 2},
	OpIsReference:         {"is_reference", 2},
	OpIsPort:              {"is_port", 2},
	OpIsNil:               {"is_nil", 2},
	OpIsBinary:            {"is_binary", 2},
	OpIsConstant:          {"is_constant", 2},
	OpIsList:              {"is_list", 2},
	OpIsNonemptyList:      {"is_nonempty_list", 2},
	OpIsTuple:             {"is_tuple", 2},
	OpTestArity:           {"test_arity", 3},
	OpSelectVal:           {"select_val", 3},
	OpSelectTupleArity:    {"select_tuple_arity", 3},
	OpJump:                {"jump", 1},
	OpCatch:               {"catch", 2},
	OpCatchEnd:            {"catch_end", 1},
	OpMove:                {"move", 2},
	OpGetList:             {"get_list", 3},
	OpGetTupleElement:     {"get_tuple_element", 3},
	OpSetTupleElement:     {"set_tuple_element", 3},
	OpPutString:           {"put_string", 3},
	OpPutList:             {"put_list", 3},
	OpPutTuple:            {"put_tuple", 2},
	OpPut:                 {"put", 1},
	OpBadmatch:            {"badmatch", 1},
	OpIfEnd:               {"if_end", 0},
	OpCaseEnd:             {"case_end", 1},
	OpCallFun:             {"call_fun", 1},
	OpMakeFun:             {"make_fun", 3},
	OpIsFunction:          {"is_function", 2},
	OpCallExtOnly:         {"call_ext_only", 2},
	OpBsStartMatch:        {"bs_start_match", 2},
	OpBsGetInteger:        {"bs_get_integer", 5},
	OpBsGetFloat:          {"bs_get_float", 5},
	OpBsGetBinary:         {"bs_get_binary", 5},
	OpBsSkipBits:          {"bs_skip_bits", 4},
	OpBsTestTail:          {"bs_test_tail", 2},
	OpBsSave:              {"bs_save", 1},
	OpBsRestore:           {"bs_restore", 1},
	OpBsInit:              {"bs_init", 2},
	OpBsFinal:             {"bs_final", 2},
	OpBsPutInteger:        {"bs_put_integer", 5},
	OpBsPutBinary:         {"bs_put_binary", 5},
	OpBsPutFloat:          {"bs_put_float", 5},
	OpBsPutString:         {"bs_put_string", 2},
	OpBsNeedBuf:           {"bs_need_buf", 1},
	OpFclearerror:         {"fclearerror", 0},
	OpFcheckerror:         {"fcheckerror", 1},
	OpFmove:               {"fmove", 2},
	OpFconv:               {"fconv", 2},
	OpFadd:                {"fadd", 4},
	OpFsub:                {"fsub", 4},
	OpFmul:                {"fmul", 4},
	OpFdiv:                {"fdiv", 4},
	OpFnegate:             {"fnegate", 3},
	OpMakeFun2:            {"make_fun2", 1},
	OpTry:                 {"try", 2},
	OpTryEnd:              {"try_end", 1},
	OpTryCase:             {"try_case", 1},
	OpTryCaseEnd:          {"try_case_end", 1},
	OpRaise:               {"raise", 2},
	OpBsInit2:             {"bs_init2", 6},
	OpBsBitsToBytes:       {"bs_bits_to_bytes", 3},
	OpBsAdd:               {"bs_add", 5},
	OpApply:               {"apply", 1},
	OpApplyLast:           {"apply_last", 2},
	OpIsBoolean:           {"is_boolean", 2},
	OpIsFunction2:         {"is_function2", 3},
	OpBsStartMatch2:       {"bs_start_match2", 5},
	OpBsGetInteger2:       {"bs_get_integer2", 7},
	OpBsGetFloat2:         {"bs_get_float2", 7},
	OpBsGetBinary2:        {"bs_get_binary2", 7},
	OpBsSkipBits2:         {"bs_skip_bits2", 5},
	OpBsTestTail2:         {"bs_test_tail2", 3},
	OpBsSave2:             {"bs_save2", 2},
	OpBsRestore2:          {"bs_restore2", 2},
	OpGcBif1:              {"gc_bif1", 5},
	OpGcBif2:              {"gc_bif2", 6},
	OpBsFinal2:            {"bs_final2", 2},
	OpBsBitsToBytes2:      {"bs_bits_to_bytes2", 2},
	OpPutLiteral:          {"put_literal", 2},
	OpIsBitstr:            {"is_bitstr", 2},
	OpBsContextToBinary:   {"bs_context_to_binary", 1},
	OpBsTestUnit:          {"bs_test_unit", 3},
	OpBsMatchString:       {"bs_match_string", 4},
	OpBsInitWritable:      {"bs_init_writable", 0},
	OpBsAppend:            {"bs_append", 8},
	OpBsPrivateAppend:     {"bs_private_append", 6},
	OpTrim:                {"trim", 2},
	OpBsInitBits:          {"bs_init_bits", 6},
	OpBsGetUtf8:           {"bs_get_utf8", 5},
	OpBsSkipUtf8:          {"bs_skip_utf8", 4},
	OpBsGetUtf16:          {"bs_get_utf16", 5},
	OpBsSkipUtf16:         {"bs_skip_utf16", 4},
	OpBsGetUtf32:          {"bs_get_utf32", 5},
	OpBsSkipUtf32:         {"bs_skip_utf32", 4},
	OpBsUtf8Size:          {"bs_utf8_size", 3},
	OpBsPutUtf8:           {"bs_put_utf8", 3},
	OpBsUtf16Size:         {"bs_utf16_size", 3},
	OpBsPutUtf16:          {"bs_put_utf16", 3},
	OpBsPutUtf32:          {"bs_put_utf32", 3},
	OpOnLoad:              {"on_load", 0},
	OpRecvMark:            {"recv_mark", 1},
	OpRecvSet:             {"recv_set", 1},
	OpGcBif3:              {"gc_bif3", 7},
	OpLine:                {"line", 1},
	OpPutMapAssoc:         {"put_map_assoc", 5},
	OpPutMapExact:         {"put_map_exact", 5},
	OpIsMap:               {"is_map", 2},
	OpHasMapFields:        {"has_map_fields", 3},
	OpGetMapElements:      {"get_map_elements", 3},
	OpIsTaggedTuple:       {"is_tagged_tuple", 4},
	OpBuildStacktrace:     {"build_stacktrace", 0},
	OpRawRaise:            {"raw_raise", 0},
	OpGetHd:               {"get_hd", 2},
	OpGetTl:               {"get_tl", 2},
	OpPutTuple2:           {"put_tuple2", 2},
	OpBsGetTail:           {"bs_get_tail", 3},
	OpBsStartMatch3:       {"bs_start_match3", 4},
	OpBsGetPosition:       {"bs_get_position", 3},
	OpBsSetPosition:       {"bs_set_position", 2},
	OpSwap:                {"swap", 2},
	OpBsStartMatch4:       {"bs_start_match4", 4},
	OpMakeFun3:            {"make_fun3", 3},
	OpInitYregs:           {"init_yregs", 1},
	OpRecvMarkerBind:      {"recv_marker_bind", 2},
	OpRecvMarkerClear:     {"recv_marker_clear", 1},
	OpRecvMarkerReserve:   {"recv_marker_reserve", 1},
	OpRecvMarkerUse:       {"recv_marker_use", 1},
	OpBsCreateBin:         {"bs_create_bin", 6},
	OpCallFun2:            {"call_fun2", 3},
	OpNifStart:            {"nif_start", 0},
	OpBadrecord:           {"badrecord", 1},
	OpUpdateRecord:        {"update_record", 5},
	OpBsMatch:             {"bs_match", 3},
	OpExecutableLine:      {"executable_line", 2},
	OpDebugLine:           {"debug_line", 4},
	OpBif3:                {"bif3", 6},
	OpIsAnyNativeRecord:   {"is_any_native_record", 2},
	OpIsNativeRecord:      {"is_native_record", 4},
	OpGetRecordElements:   {"get_record_elements", 3},
	OpPutRecord:           {"put_record", 6},
	OpIsRecordAccessible:  {"is_record_accessible", 3},
	OpGetRecordField:      {"get_record_field", 5},
	OpGetRecordElementsID: {"get_record_elements_id", 4},
	OpUpdateRecordID:      {"update_record_id", 6},
}

// Known reports whether o is one of the opcodes 1..MaxOpcode.
func (o Opcode) Known() bool { return o >= OpLabel && o <= MaxOpcode }

// String returns the genop.tab name ("bs_create_bin"), or "opcode N" for an
// unknown opcode.
func (o Opcode) String() string {
	if !o.Known() {
		return "opcode " + strconv.Itoa(int(o))
	}
	return opcodes[o].name
}

// Arity returns the number of operands of o, counting a z1 list as one
// operand; it returns -1 for an unknown opcode.
func (o Opcode) Arity() int {
	if !o.Known() {
		return -1
	}
	return int(opcodes[o].arity)
}
