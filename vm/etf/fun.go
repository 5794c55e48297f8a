package etf

import "github.com/avmtool/avm/vm/term"

// FunIdentity is what the external format records about the code of a
// local fun (NEW_FUN_EXT): which lambda of which module, and which version
// of that module.
type FunIdentity struct {
	Module   string   // name of the defining module
	Arity    int      // the fun's arity (its parameters, not its free variables)
	Index    int      // index in the module's fun table
	Uniq     [16]byte // MD5 of the module's code
	OldIndex int      // old-style index (erlang:fun_info(F, index))
	OldUniq  int      // old-style uniq: a hash of the fun's code (fun_info(F, uniq))
}

// Hooks into the VM for what only it knows: local funs' code and export
// entries. Install them once at start-up, before any process runs; they are
// called concurrently.
var (
	// FunInfo describes the fun reference of a closure (see
	// term.Heap.Closure) for encoding. It reports ok = false for a fun
	// reference it does not know, and Encode then fails. When FunInfo is nil,
	// closures cannot be encoded.
	FunInfo func(funRef uint64) (id FunIdentity, ok bool)

	// FunResolve finds the fun reference for a decoded NEW_FUN_EXT with
	// numFree free variables. It reports ok = false when the module is not
	// loaded or has no such fun, and Decode then fails. (OTP would instead
	// make a fun that raises badfun when called; avm does not, yet.) When
	// FunResolve is nil, local funs cannot be decoded.
	FunResolve func(id FunIdentity, numFree int) (funRef uint64, ok bool)

	// ExportKnown reports whether M:F/A is an existing export entry (a
	// function that is or was exported, or is referred to by loaded code).
	// In safe mode OTP refuses to decode an export fun that is not one; so
	// does Decode when ExportKnown is set. m and f are atoms.
	ExportKnown func(m, f term.Term, arity int) bool
)
