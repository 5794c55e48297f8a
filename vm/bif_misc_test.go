package vm

import (
	"bytes"
	"strings"
	"testing"

	"github.com/avmtool/avm/vm/term"
)

// Expected results printed by OTP 25 (erlang:F(Args...) via apply/3).
var miscCases = []bifCase{
	{"erlang", "node", `[]`, `nonode@nohost`},
	{"erlang", "node", `[<0.9.0>]`, `nonode@nohost`},
	{"erlang", "node", `[a]`, `error:badarg`},
	{"erlang", "node", `[{}]`, `error:badarg`},
	{"erlang", "error", `[foo]`, `error:foo`},
	{"erlang", "error", `[{a,1}]`, `error:{a,1}`},
	{"erlang", "error", `[foo,[1,2]]`, `error:foo`},
	{"erlang", "error", `[foo,none]`, `error:foo`},
	{"erlang", "error", `[foo,x]`, `error:foo`},
	{"erlang", "error", `[foo,[1],[]]`, `error:foo`},
	{"erlang", "error", `[foo,[1],x]`, `error:foo`},
	{"erlang", "exit", `[normal]`, `exit:normal`},
	{"erlang", "exit", `[{a,b}]`, `exit:{a,b}`},
	{"erlang", "throw", `[x]`, `throw:x`},
	{"erlang", "raise", `[foo,r,[]]`, `badarg`},
	{"erlang", "raise", `[error,r,x]`, `badarg`},
	{"erlang", "raise", `[error,r,[x]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f,1}]]`, `error:r`},
	{"erlang", "raise", `[exit,r,[{m,f,1,[]}]]`, `exit:r`},
	{"erlang", "raise", `[throw,r,[{m,f,[],[{line,1}]}]]`, `throw:r`},
	{"erlang", "raise", `[error,r,[{m,f,1,x}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{[109],f,1,[]}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,[102],1,[]}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f,a,[]}]]`, `error:r`},
	{"erlang", "raise", `[error,r,[{m,f,-1,[]}]]`, `error:r`},
	{"erlang", "raise", `[error,r,[{fun erlang:abs/1,[]}]]`, `error:r`},
	{"erlang", "raise", `[error,r,[{fun erlang:abs/1,[],[]}]]`, `error:r`},
	{"erlang", "raise", `[error,r,[{fun erlang:abs/1,[],x}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f,1,[],x}]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f,1,[]}|x]]`, `badarg`},
	{"erlang", "raise", `[error,r,[{m,f,1,[foo]}]]`, `error:r`},
	{"erlang", "raise", `[error,r,[{m,f,1,[]},{n,g,2,[{file,[120]}]}]]`, `error:r`},
	{"erlang", "crc32", `[[104,101,108,108,111]]`, `907060870`},
	{"erlang", "crc32", `[<<104,101,108,108,111>>]`, `907060870`},
	{"erlang", "crc32", `[[<<104,101>>,108|<<108,111>>]]`, `907060870`},
	{"erlang", "crc32", `[<<>>]`, `0`},
	{"erlang", "crc32", `[1,[104,101,108,108,111]]`, `191926070`},
	{"erlang", "crc32", `[4294967295,[104,101,108,108,111]]`, `265137764`},
	{"erlang", "crc32", `[3842765083,[108,111]]`, `907060870`},
	{"erlang", "crc32", `[-1,[104,101,108,108,111]]`, `error:badarg`},
	{"erlang", "crc32", `[4294967296,[104,101,108,108,111]]`, `error:badarg`},
	{"erlang", "crc32", `[a]`, `error:badarg`},
	{"erlang", "crc32", `[<<1:1>>]`, `error:badarg`},
	{"erlang", "crc32", `[[256]]`, `error:badarg`},
	{"erlang", "md5", `[[104,101,108,108,111]]`, `<<93,65,64,42,188,75,42,118,185,113,157,145,16,23,197,146>>`},
	{"erlang", "md5", `[<<>>]`, `<<212,29,140,217,143,0,178,4,233,128,9,152,236,248,66,126>>`},
	{"erlang", "md5", `[[<<104,101,108>>,[108,111]]]`, `<<93,65,64,42,188,75,42,118,185,113,157,145,16,23,197,146>>`},
	{"erlang", "md5", `[a]`, `error:badarg`},
	{"erlang", "md5", `[<<1:1>>]`, `error:badarg`},
	{"erlang", "unique_integer", `[[foo]]`, `error:badarg`},
	{"erlang", "unique_integer", `[x]`, `error:badarg`},
	{"erlang", "unique_integer", `[[positive|x]]`, `error:badarg`},
	{"erlang", "system_time", `[foo]`, `error:badarg`},
	{"erlang", "system_time", `[0]`, `error:badarg`},
	{"erlang", "system_time", `[-1]`, `error:badarg`},
	{"erlang", "system_time", `[1.0]`, `error:badarg`},
	{"erlang", "monotonic_time", `[foo]`, `error:badarg`},
	{"erlang", "convert_time_unit", `[1,second,native]`, `1000000000`},
	{"erlang", "convert_time_unit", `[1,second,millisecond]`, `1000`},
	{"erlang", "convert_time_unit", `[1999,millisecond,second]`, `1`},
	{"erlang", "convert_time_unit", `[-1,millisecond,second]`, `-1`},
	{"erlang", "convert_time_unit", `[-1999,millisecond,second]`, `-2`},
	{"erlang", "convert_time_unit", `[1,second,3]`, `3`},
	{"erlang", "convert_time_unit", `[7,3,second]`, `2`},
	{"erlang", "convert_time_unit", `[1180591620717411303424,nanosecond,microsecond]`, `1180591620717411303`},
	{"erlang", "convert_time_unit", `[1,seconds,milli_seconds]`, `1000`},
	{"erlang", "convert_time_unit", `[1,second,foo]`, `error:badarg`},
	{"erlang", "convert_time_unit", `[1.0,second,second]`, `error:badarg`},
	{"erlang", "convert_time_unit", `[1,0,second]`, `error:badarg`},
	{"erlang", "display_string", `[[-1]]`, `error:badarg`},
	{"erlang", "display_string", `[[1114112]]`, `error:badarg`},
	{"erlang", "display_string", `[[55296]]`, `error:badarg`},
	{"erlang", "display_string", `[[[97]]]`, `error:badarg`},
	{"erlang", "display_string", `[[97|b]]`, `error:badarg`},
	{"erlang", "display_string", `[<<97>>]`, `error:badarg`},
	{"erlang", "display_string", `[a]`, `error:badarg`},
	{"erlang", "is_alive", `[]`, `false`},
	{"erlang", "nodes", `[]`, `[]`},
	{"erlang", "nodes", `[connected]`, `[]`},
	{"erlang", "nodes", `[[visible,hidden]]`, `[]`},
	{"erlang", "nodes", `[foo]`, `error:badarg`},
}

func TestBifMisc(t *testing.T) { runBifCases(t, miscCases) }

// Process dictionary call sequences, each run in a fresh process by OTP 25:
// the results of every call, in order (get/0 order included).
var pdictCases = []struct{ Ops, Want string }{
	{`[{put,[1,v]},{put,[2,v]},{put,[3,v]},{put,[4,v]},{put,[5,v]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,[{5,v},{4,v},{3,v},{2,v},{1,v}]]`},
	{`[{put,[1,v]},{put,[9,v]},{put,[17,v]},{put,[2,v]},{get,[]},{get_keys,[]}]`, `[undefined,undefined,undefined,undefined,[{2,v},{1,v},{9,v},{17,v}],[2,1,9,17]]`},
	{`[{put,[-1,v]},{put,[7,v]},{put,[15,v]},{put,[-9,v]},{get,[]}]`, `[undefined,undefined,undefined,undefined,[{-1,v},{7,v},{15,v},{-9,v}]]`},
	{`[{put,[1,v]},{put,[2,v]},{put,[3,v]},{put,[4,v]},{put,[5,v]},{put,[6,v]},{put,[7,v]},{put,[8,v]},{put,[9,v]},{put,[10,v]},{put,[11,v]},{put,[12,v]},{put,[13,v]},{put,[14,v]},{put,[15,v]},{put,[16,v]},{put,[17,v]},{put,[18,v]},{put,[19,v]},{put,[20,v]},{get_keys,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,[20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1]]`},
	{`[{put,[20,v]},{put,[19,v]},{put,[18,v]},{put,[17,v]},{put,[16,v]},{put,[15,v]},{put,[14,v]},{put,[13,v]},{put,[12,v]},{put,[11,v]},{put,[10,v]},{put,[9,v]},{put,[8,v]},{put,[7,v]},{put,[6,v]},{put,[5,v]},{put,[4,v]},{put,[3,v]},{put,[2,v]},{put,[1,v]},{get_keys,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,[20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1]]`},
	{`[{put,[1,v]},{put,[9,v]},{put,[17,v]},{put,[25,v]},{put,[17,x]},{put,[1,y]},{get,[]}]`, `[undefined,undefined,undefined,undefined,v,v,[{1,y},{9,v},{17,x},{25,v}]]`},
	{`[{put,[1,v]},{put,[9,v]},{put,[17,v]},{put,[25,v]},{put,[25,x]},{erase,[9]},{erase,[9]},{get,[]}]`, `[undefined,undefined,undefined,undefined,v,v,undefined,[{1,v},{17,v},{25,x}]]`},
	{`[{put,[1,1]},{put,[2,2]},{put,[3,3]},{put,[4,4]},{put,[5,5]},{put,[6,6]},{put,[7,7]},{put,[8,8]},{put,[9,9]},{put,[10,10]},{put,[11,11]},{put,[12,12]},{put,[13,13]},{put,[14,14]},{put,[15,15]},{put,[16,16]},{put,[17,17]},{put,[18,18]},{put,[19,19]},{put,[20,20]},{put,[21,21]},{put,[22,22]},{put,[23,23]},{put,[24,24]},{put,[25,25]},{put,[26,26]},{put,[27,27]},{put,[28,28]},{put,[29,29]},{put,[30,30]},{put,[31,31]},{put,[32,32]},{put,[33,33]},{put,[34,34]},{put,[35,35]},{put,[36,36]},{put,[37,37]},{put,[38,38]},{put,[39,39]},{put,[40,40]},{erase,[1]},{erase,[2]},{erase,[3]},{erase,[4]},{erase,[5]},{erase,[6]},{erase,[7]},{erase,[8]},{erase,[9]},{erase,[10]},{erase,[11]},{erase,[12]},{erase,[13]},{erase,[14]},{erase,[15]},{erase,[16]},{erase,[17]},{erase,[18]},{erase,[19]},{erase,[20]},{erase,[21]},{erase,[22]},{erase,[23]},{erase,[24]},{erase,[25]},{erase,[26]},{erase,[27]},{erase,[28]},{erase,[29]},{erase,[30]},{erase,[31]},{erase,[32]},{erase,[33]},{erase,[34]},{erase,[35]},{put,[100,v]},{put,[101,v]},{put,[102,v]},{put,[103,v]},{put,[104,v]},{get_keys,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,undefined,undefined,undefined,undefined,undefined,[40,104,39,103,38,102,37,101,36,100]]`},
	{`[{put,[1,1]},{put,[2,2]},{put,[3,0]},{put,[4,1]},{put,[5,2]},{put,[6,0]},{put,[7,1]},{put,[8,2]},{put,[9,0]},{put,[10,1]},{put,[11,2]},{put,[12,0]},{put,[13,1]},{put,[14,2]},{put,[15,0]},{put,[16,1]},{put,[17,2]},{put,[18,0]},{put,[19,1]},{put,[20,2]},{put,[21,0]},{put,[22,1]},{put,[23,2]},{put,[24,0]},{put,[25,1]},{put,[26,2]},{put,[27,0]},{put,[28,1]},{put,[29,2]},{put,[30,0]},{put,[31,1]},{put,[32,2]},{put,[33,0]},{put,[34,1]},{put,[35,2]},{put,[36,0]},{put,[37,1]},{put,[38,2]},{put,[39,0]},{put,[40,1]},{put,[41,2]},{put,[42,0]},{put,[43,1]},{put,[44,2]},{put,[45,0]},{put,[46,1]},{put,[47,2]},{put,[48,0]},{put,[49,1]},{put,[50,2]},{put,[51,0]},{put,[52,1]},{put,[53,2]},{put,[54,0]},{put,[55,1]},{put,[56,2]},{put,[57,0]},{put,[58,1]},{put,[59,2]},{put,[60,0]},{put,[61,1]},{put,[62,2]},{put,[63,0]},{put,[64,1]},{put,[65,2]},{put,[66,0]},{put,[67,1]},{put,[68,2]},{put,[69,0]},{put,[70,1]},{put,[71,2]},{put,[72,0]},{put,[73,1]},{put,[74,2]},{put,[75,0]},{put,[76,1]},{put,[77,2]},{put,[78,0]},{put,[79,1]},{put,[80,2]},{put,[81,0]},{put,[82,1]},{put,[83,2]},{put,[84,0]},{put,[85,1]},{put,[86,2]},{put,[87,0]},{put,[88,1]},{put,[89,2]},{put,[90,0]},{put,[91,1]},{put,[92,2]},{put,[93,0]},{put,[94,1]},{put,[95,2]},{put,[96,0]},{put,[97,1]},{put,[98,2]},{put,[99,0]},{put,[100,1]},{erase,[2]},{erase,[4]},{erase,[6]},{erase,[8]},{erase,[10]},{erase,[12]},{erase,[14]},{erase,[16]},{erase,[18]},{erase,[20]},{erase,[22]},{erase,[24]},{erase,[26]},{erase,[28]},{erase,[30]},{erase,[32]},{erase,[34]},{erase,[36]},{erase,[38]},{erase,[40]},{erase,[42]},{erase,[44]},{erase,[46]},{erase,[48]},{erase,[50]},{erase,[52]},{erase,[54]},{erase,[56]},{erase,[58]},{erase,[60]},{erase,[62]},{erase,[64]},{erase,[66]},{erase,[68]},{erase,[70]},{erase,[72]},{erase,[74]},{erase,[76]},{erase,[78]},{erase,[80]},{erase,[82]},{erase,[84]},{erase,[86]},{erase,[88]},{erase,[90]},{erase,[92]},{erase,[94]},{erase,[96]},{erase,[98]},{erase,[100]},{get_keys,[]},{get_keys,[1]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,0,2,1,[71,69,67,65,63,61,59,57,55,53,51,49,47,45,43,41,39,37,99,35,97,33,95,31,93,29,91,27,89,25,87,23,85,21,83,19,81,17,79,15,77,13,75,11,73,9,7,5,3,1],[67,61,55,49,43,37,97,31,91,25,85,19,79,13,73,7,1],[{71,2},{69,0},{67,1},{65,2},{63,0},{61,1},{59,2},{57,0},{55,1},{53,2},{51,0},{49,1},{47,2},{45,0},{43,1},{41,2},{39,0},{37,1},{99,0},{35,2},{97,1},{33,0},{95,2},{31,1},{93,0},{29,2},{91,1},{27,0},{89,2},{25,1},{87,0},{23,2},{85,1},{21,0},{83,2},{19,1},{81,0},{17,2},{79,1},{15,0},{77,2},{13,1},{75,0},{11,2},{73,1},{9,0},{7,1},{5,2},{3,0},{1,1}]]`},
	{`[{put,[1,1]},{put,[8,8]},{put,[15,15]},{put,[22,22]},{put,[29,29]},{put,[36,36]},{put,[43,43]},{put,[50,50]},{put,[57,57]},{put,[64,64]},{put,[71,71]},{put,[78,78]},{put,[85,85]},{put,[92,92]},{put,[99,99]},{put,[106,106]},{put,[113,113]},{put,[120,120]},{put,[127,127]},{put,[134,134]},{put,[141,141]},{put,[148,148]},{put,[155,155]},{put,[162,162]},{put,[169,169]},{put,[176,176]},{put,[183,183]},{put,[190,190]},{put,[197,197]},{erase,[1]},{erase,[4]},{erase,[7]},{erase,[10]},{erase,[13]},{erase,[16]},{erase,[19]},{erase,[22]},{erase,[25]},{erase,[28]},{erase,[31]},{erase,[34]},{erase,[37]},{erase,[40]},{erase,[43]},{erase,[46]},{erase,[49]},{erase,[52]},{erase,[55]},{erase,[58]},{erase,[61]},{erase,[64]},{erase,[67]},{erase,[70]},{erase,[73]},{erase,[76]},{erase,[79]},{erase,[82]},{erase,[85]},{erase,[88]},{erase,[91]},{erase,[94]},{erase,[97]},{erase,[100]},{erase,[103]},{erase,[106]},{erase,[109]},{erase,[112]},{erase,[115]},{erase,[118]},{erase,[121]},{erase,[124]},{erase,[127]},{erase,[130]},{erase,[133]},{erase,[136]},{erase,[139]},{erase,[142]},{erase,[145]},{erase,[148]},{erase,[151]},{erase,[154]},{erase,[157]},{erase,[160]},{erase,[163]},{erase,[166]},{erase,[169]},{erase,[172]},{erase,[175]},{erase,[178]},{erase,[181]},{erase,[184]},{erase,[187]},{erase,[190]},{erase,[193]},{erase,[196]},{erase,[199]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,1,undefined,undefined,undefined,undefined,undefined,undefined,22,undefined,undefined,undefined,undefined,undefined,undefined,43,undefined,undefined,undefined,undefined,undefined,undefined,64,undefined,undefined,undefined,undefined,undefined,undefined,85,undefined,undefined,undefined,undefined,undefined,undefined,106,undefined,undefined,undefined,undefined,undefined,undefined,127,undefined,undefined,undefined,undefined,undefined,undefined,148,undefined,undefined,undefined,undefined,undefined,undefined,169,undefined,undefined,undefined,undefined,undefined,undefined,190,undefined,undefined,undefined,[{29,29},{92,92},{155,155},{57,57},{120,120},{183,183},{50,50},{113,113},{176,176},{15,15},{78,78},{141,141},{8,8},{71,71},{134,134},{197,197},{36,36},{99,99},{162,162}]]`},
	{`[{put,[8,v]},{put,[16,v]},{put,[24,v]},{put,[32,v]},{put,[40,v]},{put,[48,v]},{put,[56,v]},{put,[64,v]},{put,[72,v]},{put,[80,v]},{put,[88,v]},{erase,[16]},{erase,[48]},{erase,[80]},{erase,[88]},{erase,[72]},{erase,[8]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,v,v,v,v,v,v,[{56,v},{40,v},{24,v},{64,v},{32,v}]]`},
	{`[{put,[0,v]},{put,[8,v]},{put,[16,v]},{put,[24,v]},{put,[32,v]},{put,[40,v]},{put,[48,v]},{put,[56,v]},{put,[64,v]},{put,[72,v]},{put,[80,v]},{put,[88,v]},{put,[96,v]},{put,[104,v]},{put,[112,v]},{put,[120,v]},{put,[128,v]},{put,[136,v]},{put,[144,v]},{put,[152,v]},{put,[160,v]},{put,[168,v]},{put,[176,v]},{put,[184,v]},{put,[192,v]},{put,[200,v]},{put,[208,v]},{put,[216,v]},{put,[224,v]},{put,[232,v]},{put,[240,v]},{put,[248,v]},{put,[256,v]},{put,[264,v]},{put,[272,v]},{put,[280,v]},{put,[288,v]},{put,[296,v]},{put,[304,v]},{put,[312,v]},{put,[320,v]},{put,[328,v]},{put,[336,v]},{put,[344,v]},{put,[352,v]},{put,[360,v]},{put,[368,v]},{put,[376,v]},{put,[384,v]},{put,[392,v]},{put,[400,v]},{put,[408,v]},{put,[416,v]},{put,[424,v]},{put,[432,v]},{put,[440,v]},{put,[448,v]},{put,[456,v]},{put,[464,v]},{put,[472,v]},{put,[480,v]},{put,[488,v]},{put,[496,v]},{put,[504,v]},{put,[512,v]},{erase,[0]},{erase,[8]},{erase,[16]},{erase,[24]},{erase,[32]},{erase,[40]},{erase,[48]},{erase,[56]},{erase,[64]},{erase,[72]},{erase,[80]},{erase,[88]},{erase,[96]},{erase,[104]},{erase,[112]},{erase,[120]},{erase,[128]},{erase,[136]},{erase,[144]},{erase,[152]},{erase,[160]},{erase,[168]},{erase,[176]},{erase,[184]},{erase,[192]},{erase,[200]},{erase,[208]},{erase,[216]},{erase,[224]},{erase,[232]},{erase,[240]},{erase,[248]},{erase,[256]},{erase,[264]},{erase,[272]},{erase,[280]},{erase,[288]},{erase,[296]},{erase,[304]},{erase,[312]},{erase,[320]},{erase,[328]},{erase,[336]},{erase,[344]},{erase,[352]},{erase,[360]},{erase,[368]},{erase,[376]},{erase,[384]},{erase,[392]},{erase,[400]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,v,[{408,v},{472,v},{504,v},{440,v},{464,v},{496,v},{432,v},{456,v},{488,v},{424,v},{512,v},{448,v},{480,v},{416,v}]]`},
	{`[{put,[1099511627776,v]},{put,[34359738368,v]},{put,[4294967296,v]},{put,[-8589934592,v]},{put,[4294967297,v]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,[{4294967297,v},{1099511627776,v},{34359738368,v},{4294967296,v},{-8589934592,v}]]`},
	{`[{get,[a]},{get,[]},{get_keys,[]},{get_keys,[x]},{erase,[a]},{erase,[]}]`, `[undefined,[],[],[],undefined,[]]`},
	{`[{put,[{k,1},1]},{put,[<<107>>,2]},{put,[[107],3]},{put,[1.0,4]},{put,[1,5]},{get,[{k,1}]},{get,[<<107>>]},{get,[[107]]},{get,[1.0]},{get,[1]},{put,[{k,1},x]},{erase,[1]},{get,[1]},{get,[1.0]}]`, `[undefined,undefined,undefined,undefined,undefined,1,2,3,4,5,1,5,undefined,4]`},
	{`[{put,[1,v]},{put,[2,v]},{put,[3,v]},{put,[4,v]},{put,[5,v]},{put,[6,v]},{put,[7,v]},{put,[8,v]},{put,[9,v]},{put,[10,v]},{erase,[]},{get,[]},{put,[3,w]},{get,[]}]`, `[undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined,[{10,v},{9,v},{8,v},{7,v},{6,v},{5,v},{4,v},{3,v},{2,v},{1,v}],[],undefined,[{3,w}]]`},
	{`[{put,[1,1]},{put,[2,1]},{put,[3,2]},{get_keys,[1]},{get_keys,[2]},{get_keys,[3]}]`, `[undefined,undefined,undefined,[2,1],[3],[]]`},
}

func TestBifPdict(t *testing.T) {
	for _, c := range pdictCases {
		p := newTestProcess()
		ops, _ := p.heap.ListToSlice(parseTerm(t, p.heap, c.Ops))
		var rs []term.Term
		for _, op := range ops {
			e := p.heap.TupleElems(op)
			args, _ := p.heap.ListToSlice(e[1])
			rs = append(rs, lookupNative(term.AtomErlang, e[0], len(args)).Fn(p, args))
		}
		if got := p.heap.Format(p.heap.List(rs...)); got != c.Want {
			t.Errorf("%s\n got %s\nwant %s", c.Ops, got, c.Want)
		}
	}
}

func TestBifRaiseTrace(t *testing.T) {
	p := newTestProcess()
	got := callNative(t, p, "erlang", "raise", "[throw, r, [{m,f,1,[]}]]")
	if got != "throw:r" || p.heap.Format(p.exc.trace) != "[{m,f,1,[]}]" {
		t.Errorf("raise: %s with trace %s", got, p.heap.Format(p.exc.trace))
	}
}

func TestBifDisplay(t *testing.T) {
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	// What OTP 25's erlang:display/1 printed for the same terms.
	for _, c := range []struct{ arg, want string }{
		{`[1.5,1.0e20,0.1,"hi",<<"ab">>,<<1:3>>,{a,1180591620717411303424},#{a => 1},<0.9.0>,fun erlang:display/1,[1|2],'A b',-0.0,"h\n"]`,
			`[1.500000e+00,1.000000e+20,1.000000e-01,"hi",<<"ab">>,<<1:3>>,{a,1180591620717411303424},#{a=>1},<0.9.0>,fun erlang:display/1,[1|2],'A b',-0.000000e+00,"h\n"]`},
		{`["a\tb\"c\\d\r", <<"a\"b\\">>, <<"a\n">>, <<233>>, <<"~ ">>, <<>>, 'héllo', 'a\nb', 'it\'s', 'and', 'Abc', '_x', 'a@b', '', [], [7], [127], [200], <<1,2,3:4>>, -18446744073709551616, {}, #{}, [[]], [97,[]], [97,1.0], 'a.b', 'aé', 'A', 'x\\y', 'x"y']`,
			"[\"a\tb\\\"c\\d\r\",<<\"a\\\"b\\\">>,<<97,10>>,<<233>>,<<\"~ \">>,<<>>,héllo,'a\\nb','it\\'s',and,'Abc','_x','a@b','',[],[7],[127],\"\xc8\",<<1,2,3:4>>,-18446744073709551616,{},#{},[[]],[97,[]],[97,1.000000e+00],'a.b',aé,'A','x\\\\y','x\"y']"},
		{`['a\x{1}b', 'a\x{7f}b', 'a b', 'ÿ', 'a×', 'aß', [255, 32, 126], [31], [9,10,11,12,13,8,27], <<32,126>>, <<127>>, <<"a'b">>, "a'b", fun 'A':'b c'/0, #{"k" => <<"v">>}, 1.0e100, 123456789012345678.0]`,
			"['a\\001b','a\x7fb','a b',ÿ,'a×',aß,\"\xff ~\",[31],[9,10,11,12,13,8,27],<<\" ~\">>,<<127>>,<<\"a'b\">>,\"a'b\",fun 'A':'b c'/0,#{\"k\"=><<\"v\">>},1.000000e+100,1.234568e+17]"},
	} {
		out.Reset()
		if got := callNative(t, p, "erlang", "display", "["+c.arg+"]"); got != "true" {
			t.Errorf("display returned %s", got)
		}
		if want := c.want + "\n"; out.String() != want {
			t.Errorf("display(%s)\n got %q\nwant %q", c.arg, out.String(), want)
		}
	}
}

func TestBifDisplayString(t *testing.T) {
	var out bytes.Buffer
	old := displayStderr
	displayStderr = &out
	defer func() { displayStderr = old }()
	p := newTestProcess()
	if got := callNative(t, p, "erlang", "display_string", `[["x\ny", [233, 256]]]`); got != "error:badarg" {
		t.Errorf("deep list: %s", got)
	}
	if got := callNative(t, p, "erlang", "display_string", `[[120,10,121,233,256]]`); got != "true" {
		t.Errorf("display_string returned %s", got)
	}
	if out.String() != "x\nyé\u0100" {
		t.Errorf("display_string wrote %q", out.String())
	}
}

func TestBifRefsAndUnique(t *testing.T) {
	var out bytes.Buffer
	p := newTestMachineProcess(&out)
	p.id = 42
	h := p.heap
	r1 := callNative(t, p, "erlang", "make_ref", "[]")
	r2 := callNative(t, p, "erlang", "make_ref", "[]")
	if r1 == r2 || !strings.HasPrefix(r1, "#Ref<") {
		t.Errorf("make_ref: %s, %s", r1, r2)
	}
	if got := callNative(t, p, "erlang", "node", "[make_ref_placeholder]"); got != "error:badarg" {
		t.Errorf("node(atom) = %s", got)
	}
	if got := bifNode1(p, []term.Term{bifMakeRef(p, nil)}); got != term.AtomNonode {
		t.Errorf("node(Ref) = %s", h.Format(got))
	}
	prev := int64(term.MinSmall) - 1
	for _, opts := range []string{"[]", "[[monotonic]]", "[[]]"} {
		for range 3 {
			as, _ := h.ListToSlice(parseTerm(t, h, opts))
			r := lookupNative(term.AtomErlang, term.Atom("unique_integer"), len(as)).Fn(p, as)
			if !r.IsSmall() || r.Small() <= prev {
				t.Fatalf("unique_integer(%s) = %s after %d", opts, h.Format(r), prev)
			}
			prev = r.Small()
		}
	}
	for range 3 {
		r := bifUniqueInteger1(p, []term.Term{parseTerm(t, h, "[positive, monotonic]")})
		if v, ok := h.Int64(r); !ok || v <= 0 {
			t.Fatalf("unique_integer([positive]) = %s", h.Format(r))
		}
	}
	if got := callNative(t, p, "erlang", "self", "[]"); got != h.Format(p.Pid()) {
		t.Errorf("self() = %s", got)
	}
}

func TestBifTime(t *testing.T) {
	p := newTestProcess()
	h := p.heap
	ns, _ := h.Int64(timeNative(systemNanos)(p, nil))
	s, _ := h.Int64(timeNative(systemNanos)(p, []term.Term{term.Atom("second")}))
	if ns/1e9 < s-1 || ns/1e9 > s || s < 1.6e9 {
		t.Errorf("system_time: %d ns, %d s", ns, s)
	}
	m1, _ := h.Int64(timeNative(monotonicNanos)(p, nil))
	m2, _ := h.Int64(timeNative(monotonicNanos)(p, []term.Term{term.MakeSmall(1000)}))
	if m1 < 0 || m2 < m1/1e6 {
		t.Errorf("monotonic_time: %d ns, %d ms", m1, m2)
	}
	ts := h.TupleElems(bifTimestamp(p, nil))
	if got := ts[0].Small()*1e6 + ts[1].Small(); got < s || got > s+1 {
		t.Errorf("timestamp %s vs %d s", h.Format(bifTimestamp(p, nil)), s)
	}
	for _, f := range []string{"universaltime", "localtime"} {
		dt := callNative(t, p, "erlang", f, "[]")
		if !strings.HasPrefix(dt, "{{20") || strings.Count(dt, ",") != 5 {
			t.Errorf("%s() = %s", f, dt)
		}
	}
}
