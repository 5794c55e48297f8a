// Package vm is avm's BEAM interpreter: it loads unmodified .beam files
// compiled by erlc/elixirc of OTP 25–29 and runs them with AtomVM's
// programming model.
//
// # Architecture
//
//	vm/beam     parses BEAM files: chunks, the compact term encoding, opcodes
//	vm/etf      the external term format (literals, term_to_binary)
//	vm/term     terms: tagged words in per-process heaps, literal areas, GC
//	vm          loader (loader.go, prepare.go), interpreter (interp.go,
//	            bits*.go, exceptions.go), natives (native.go, bif_*.go,
//	            natives_*.go), the Machine (machine.go)
//
// # Load once, run fast
//
// The loader translates each Code chunk once into []instr: operands are
// decoded (registers, constants, literals), labels become instruction
// indexes, imports become *export entries that later module loads bind,
// select_val tables become maps (small ones also lists), and line
// instructions become a location index on the following instructions. The
// run loop never decodes the file format. The commonest instructions get
// specialised forms with inline operands (specialize.go) and run in a
// call-free inner loop (interp_fast.go), which hands everything else to the
// main loop. Literals are decoded once into an immutable literal area per
// module, shared by every process.
//
// # Hot code loading
//
// Each loaded version of a module is a Module of its own with a VM-wide
// id, which return addresses, catch markers and funs carry; exports point
// at the current version through an atomic pointer that every external
// call reads. Machine.Reload (and code:load_binary/3) loads a new version
// as OTP does: the current one becomes old, processes in it run on until
// their next external call, and purging the old version kills those still
// in it (hotload.go). External calls must keep reading export.bound at
// each call for this to hold.
//
// # Why tagged words
//
// Terms are 64-bit tagged words and each process has its own pointer-free
// heap with a copying collector (see package term). Small integers, atoms,
// nil and pids are immediates, so register moves, small-integer arithmetic
// and local calls allocate nothing in Go; lists and tuples are bump-allocated
// in the process heap, which the Go collector never scans. This is the
// design of BEAM and AtomVM; the alternative of Go values behind an
// interface allocates for every integer above 255 and every cons cell, and
// makes the Go collector scan every Erlang heap. The micro-benchmarks in
// bench/ (fib, a counting loop, list build and reverse, tuple matching)
// report allocations per run, which stay at the few the harness itself
// makes.
//
// # Processes and calls
//
// A Process holds X registers, a stack of frames [CP, y(n-1) … y(0)] with
// y(0) on top, and its heap. As in OTP 24+, a call pushes its continuation
// on the stack and return pops it, so stacktraces read the callers straight
// from the stack. Exceptions unwind to the innermost catch marker (a stack
// word naming the handler and its frame) and arrive with x0 = NoValue and
// class, reason and stacktrace in x1–x3, as BEAM does.
//
// # Scheduling
//
// M:N: one worker goroutine per scheduler (Options.Schedulers, default one
// per CPU) takes runnable processes from a shared run queue and runs each
// for a slice of 4000 reductions (calls). The X registers belong to the
// worker; a process that yields keeps only its live arguments, so a process
// waiting in receive is a struct, a stack and a heap, off the run queue.
// Goroutine-per-process was rejected: it costs a goroutine stack per
// process, gives up reduction fairness and still needs a mailbox of our own
// for selective receive.
//
// Messages are copied: the sender copies into a heap fragment, the
// receiver into its heap when it takes the message in; binaries' bytes are
// shared. Exit signals travel in the same inbox, so signals between two
// processes keep their order; links and monitors are recorded on both ends
// at once.
//
// A process is small: a 376-byte struct (Go's 384-byte size class) and a
// 16-word heap that grows by doubling. What few processes use — the
// process dictionary, receive markers and timer, links and monitors,
// changed flags, the exception being raised — lives in structs made on
// first use; float registers and bif arguments belong to the worker. A
// million processes waiting in receive take about 1 GB of RSS (OTP 25:
// 2.8 GB), much of it Go's collector headroom over the ~700 MB live.
//
// Memory accounting: process_info heap_size is the words allocated in the
// process heap (at least OTP's 233 minimum), stack_size the words on its
// stack, memory 8 bytes a word of both plus an estimate of the process
// struct. erlang:memory/0,1 reports the Go runtime's heap in use (where
// every process heap lives) as processes, and the rest as system; binaries
// are not counted apart. max_heap_size is checked against heap plus stack
// after each collection.
//
// Erlang exceptions are VM state; bad input files are errors naming the
// file and place; a Go panic in the interpreter is a VM bug and becomes an
// error of the process (Outcome.Panic), never a crash of avm.
package vm
