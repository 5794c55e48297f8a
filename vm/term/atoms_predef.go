package term

// Atoms every part of the VM uses, at fixed indexes of the atom table: the
// constants below and predefinedAtoms must stay in the same order (tested).
const (
	False                 Term = iota<<6 | tagAtom // false
	True                                           // true
	AtomOk                                         // ok
	AtomError                                      // error
	AtomUndefined                                  // undefined
	AtomNilName                                    // nil
	AtomBadarg                                     // badarg
	AtomBadarith                                   // badarith
	AtomBadmatch                                   // badmatch
	AtomCaseClause                                 // case_clause
	AtomFunctionClause                             // function_clause
	AtomIfClause                                   // if_clause
	AtomTryClause                                  // try_clause
	AtomUndef                                      // undef
	AtomBadfun                                     // badfun
	AtomBadarity                                   // badarity
	AtomBadkey                                     // badkey
	AtomBadmap                                     // badmap
	AtomBadrecord                                  // badrecord
	AtomSystemLimit                                // system_limit
	AtomThrow                                      // throw
	AtomExit                                       // exit
	AtomNormal                                     // normal
	AtomKill                                       // kill
	AtomKilled                                     // killed
	AtomInfinity                                   // infinity
	AtomNoproc                                     // noproc
	AtomNonode                                     // nonode@nohost
	AtomFile                                       // file
	AtomLine                                       // line
	AtomModule                                     // module
	AtomExports                                    // exports
	AtomAttributes                                 // attributes
	AtomCompile                                    // compile
	AtomMd5                                        // md5
	AtomFunctions                                  // functions
	AtomNifs                                       // nifs
	AtomNative                                     // native
	AtomAll                                        // all
	AtomStart                                      // start
	AtomArity                                      // arity
	AtomEnv                                        // env
	AtomIndex                                      // index
	AtomNameKey                                    // name
	AtomNewIndex                                   // new_index
	AtomNewUniq                                    // new_uniq
	AtomPid                                        // pid
	AtomType                                       // type
	AtomUniq                                       // uniq
	AtomLocal                                      // local
	AtomExternal                                   // external
	AtomSigned                                     // signed
	AtomUnsigned                                   // unsigned
	AtomLittle                                     // little
	AtomBig                                        // big
	AtomUtf8                                       // utf8
	AtomUtf16                                      // utf16
	AtomUtf32                                      // utf32
	AtomInteger                                    // integer
	AtomBinary                                     // binary
	AtomFloat                                      // float
	AtomBytes                                      // bytes
	AtomBits                                       // bits
	AtomLatin1                                     // latin1
	AtomUnicode                                    // unicode
	AtomDecimals                                   // decimals
	AtomScientific                                 // scientific
	AtomCompact                                    // compact
	AtomShort                                      // short
	AtomEXIT                                       // EXIT
	AtomDOWN                                       // DOWN
	AtomProcess                                    // process
	AtomPort                                       // port
	AtomReference                                  // reference
	AtomNotsup                                     // notsup
	AtomMinHeapSize                                // min_heap_size
	AtomMaxHeapSize                                // max_heap_size
	AtomLink                                       // link
	AtomMonitor                                    // monitor
	AtomTrapExit                                   // trap_exit
	AtomTimeout                                    // timeout
	AtomUndefinedFunction                          // undefined_function
	AtomErlang                                     // erlang
	AtomApply                                      // apply
	AtomElement                                    // element
	AtomSetelement                                 // setelement
	AtomAtomvm                                     // atomvm
	AtomNocatch                                    // nocatch
	AtomNoconnection                               // noconnection
	AtomTuple                                      // tuple
	AtomList                                       // list
	AtomMap                                        // map
	AtomBitstring                                  // bitstring
	AtomFun                                        // fun
	AtomAtom                                       // atom
	AtomNumber                                     // number
	AtomBoolean                                    // boolean
	AtomRef                                        // ref
	AtomSafe                                       // safe
	AtomUnsafe                                     // unsafe
)

var predefinedAtoms = []string{
	"false",
	"true",
	"ok",
	"error",
	"undefined",
	"nil",
	"badarg",
	"badarith",
	"badmatch",
	"case_clause",
	"function_clause",
	"if_clause",
	"try_clause",
	"undef",
	"badfun",
	"badarity",
	"badkey",
	"badmap",
	"badrecord",
	"system_limit",
	"throw",
	"exit",
	"normal",
	"kill",
	"killed",
	"infinity",
	"noproc",
	"nonode@nohost",
	"file",
	"line",
	"module",
	"exports",
	"attributes",
	"compile",
	"md5",
	"functions",
	"nifs",
	"native",
	"all",
	"start",
	"arity",
	"env",
	"index",
	"name",
	"new_index",
	"new_uniq",
	"pid",
	"type",
	"uniq",
	"local",
	"external",
	"signed",
	"unsigned",
	"little",
	"big",
	"utf8",
	"utf16",
	"utf32",
	"integer",
	"binary",
	"float",
	"bytes",
	"bits",
	"latin1",
	"unicode",
	"decimals",
	"scientific",
	"compact",
	"short",
	"EXIT",
	"DOWN",
	"process",
	"port",
	"reference",
	"notsup",
	"min_heap_size",
	"max_heap_size",
	"link",
	"monitor",
	"trap_exit",
	"timeout",
	"undefined_function",
	"erlang",
	"apply",
	"element",
	"setelement",
	"atomvm",
	"nocatch",
	"noconnection",
	"tuple",
	"list",
	"map",
	"bitstring",
	"fun",
	"atom",
	"number",
	"boolean",
	"ref",
	"safe",
	"unsafe",
}
