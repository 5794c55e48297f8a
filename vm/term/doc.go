// Package term is the representation of Erlang terms in avm.
//
// # Design
//
// A Term is a tagged 64-bit word, as in BEAM and AtomVM. Immediates (small
// integers, atoms, nil, pids, ports) live in the word itself; everything else
// is a pointer to a boxed object or a cons cell in a [Heap]: a pointer-free
// []Term that the Go garbage collector never scans. Pointers are word indexes,
// not addresses, so a heap can grow by reallocation at any time without
// invalidating the terms that point into it; only the per-process copying
// collector ([Heap.Collect]) moves objects, and it runs at points where the
// interpreter knows every root.
//
// A pointer names one of two address spaces: the heap it is read with (the
// process heap, or a message fragment) or a literal area — a module's
// immutable constants, registered once and shared by every process. Literal
// terms are never copied, not by sends and not by the collector.
//
// Binaries keep their bytes off-heap in Go memory (*Binary), referenced from
// the heap through a per-heap table, so large binaries are shared rather than
// copied between processes.
//
// # Word layout
//
//	primary tag (2 bits): 00 header (heap only), 01 cons, 10 boxed, 11 immediate
//	pointers:             bit 2 = literal area; heap: index<<3; literal: offset<<27 | area<<3
//	immediates:           ...0011 pid, ...0111 port, ...1111 small integer (60 bits)
//	                      ..001011 atom, ..011011 catch, ..101011 continuation, ..111011 nil
//	header:               arity<<6 | subtag<<2
//
// # Erlang → Go
//
//	integer     small immediate, or boxed bignum (sign in the subtag, 64-bit limbs)
//	float       boxed, one word of IEEE-754 bits
//	atom        immediate index into the global atom table (see [Atom])
//	[] / list   Nil immediate / cons cell of two words [head, tail]
//	tuple       boxed: header, elements
//	map         boxed: up to 32 keys: header, keys tuple (sorted in map-key order), values;
//	            more: header, size, height, root of a persistent B-tree (maptree.go)
//	binary      boxed ProcBin (off-heap bytes) or SubBin (a bit-range of one)
//	fun         boxed closure (module/fun index, free variables) or export fun (M, F, A)
//	pid, port   immediate local id
//	reference   boxed: header, counter
//
// Boxed objects other than floats, bignums and ProcBins hold only terms after
// their header (raw numbers are stored as small integers), so the collector
// and the copier scan them uniformly.
package term
